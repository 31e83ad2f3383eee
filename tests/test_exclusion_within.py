"""A part the text prints in its whole's own section as an item every template prints inside that whole (parts.toml
`[[within]]`) is subtracted from it: 北京市财政局 2026 p.8, “三公”经费 223.80 万元 − 公务用车购置费 44.92 万元."""

from __future__ import annotations

from decimal import Decimal

from assistant.exclusion import _within_said
from index.records import Fact

_SECTION = "第一部分 2026年度部门预算情况说明 · 四、财政拨款“三公”经费预算情况说明"


def _said(row: str, value: str, column: str = "金额", section: str = _SECTION, parent: str | None = None) -> Fact:
    return Fact(doc_id="bj", department="北京市财政局", year=2026, table=None, section=None, row=row, code=None,
                column=column, value=Decimal(value), unit="万元", source=f"{section} · 「{row} {value} 万元」",
                parent=parent, page=8)  # fmt: skip


WHOLE = _said("财政拨款“三公”经费", "223.80")
PURCHASE = _said("公务用车购置费", "44.92", parent="公务用车购置和运行维护费")


def test_an_item_printed_inside_the_whole_by_every_template_is_its_part() -> None:
    assert _within_said(PURCHASE, WHOLE)
    assert _within_said(_said("因公出国（境）费用", "127.74"), WHOLE)


def test_a_figure_of_another_column_or_section_or_no_such_item_is_no_part() -> None:
    assert not _within_said(_said("公务用车购置费", "-3.00", column="比2025年增减"), WHOLE)  # a change, no amount
    assert not _within_said(_said("公务用车购置费", "44.92", section="五、其他"), WHOLE)
    assert not _within_said(_said("会议费", "10.00"), WHOLE)  # never inside the “三公”经费
    assert not _within_said(WHOLE, PURCHASE)  # the whole is no part of its part
