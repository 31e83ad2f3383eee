"""What a share is taken of: the whole the question names, read at its template place, and the check that a
part of a total is never more than the total.

"教育支出占总支出的比例": 总支出 names the registry subject 支出合计, read in the document's own 支出总表 (or
收支总表), not a label that merely ends in the same words ("所属各预算单位政府采购预算总额", whose question
wording is "…政府采购支出总计"). A part over a total that comes out above 100% shows a wrong pair of figures:
it is refused, never shown.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.draft import Unanswerable, fmt

# A whole whose name says it is a total (支出合计, 收入总计, 预算总额, 总支出): every part of it is at most 100%.
TOTAL_NAME = re.compile(r"合计|总计|总额|小计|^总|总(?:支出|收入|预算)")
HUNDRED = Decimal(100)


def is_total(name: str) -> bool:
    """Whether a whole's name says it is a total of its parts."""
    return bool(TOTAL_NAME.search(name))


def check_share(value: Decimal, part_name: str, whole_name: str) -> None:
    """Refuse a part of a total above 100%: the two figures are not a part and its whole."""
    if value > HUNDRED and is_total(whole_name):
        raise Unanswerable(
            f"算得“{part_name}”占“{whole_name}”的 {fmt(value, '%')}，超过100%，"
            "说明两个数不是部分与总体的关系，无法确定所问的占比"
        )
