"""A share the document prints beside a computed one (assistant/printed_share.py): 北京市财政局 2026 p4 prints
"基本支出预算 28016.26 万元，占本年支出预算的 63.43%"."""

from decimal import Decimal

from assistant.printed_share import of_whole, printed_instead
from index.records import Fact


def share(column: str, value: str) -> Fact:
    return Fact(doc_id="bj", department="北京市财政局", year=2026, table=None, section="三、支出预算情况说明",
                row="基本支出", code=None, column=column, value=Decimal(value), unit="%", source="…")  # fmt: skip


PRINTED = share("占本年支出预算的比例", "63.43")


def test_a_computed_share_within_rounding_of_the_printed_one_is_kept() -> None:
    assert printed_instead(Decimal("63.43"), [PRINTED]) is None
    assert printed_instead(Decimal("63.40"), [PRINTED]) is None


def test_a_computed_share_the_document_contradicts_gives_way_to_the_printed_one() -> None:
    # another whole read (a text-only document's "支出合计" of one fund): 28016.26 ÷ 44820.00 = 62.51%
    assert printed_instead(Decimal("62.51"), [PRINTED]) is PRINTED


def test_only_a_share_of_the_whole_department_replaces_a_computed_one() -> None:
    assert of_whole(PRINTED)
    fund = share("占一般公共预算支出的比例", "70.00")
    change = share("比2025年增长率", "3.00")
    assert not of_whole(fund) and not of_whole(change)
    assert printed_instead(Decimal("62.51"), [fund, change]) is None
    assert printed_instead(Decimal("62.51"), [PRINTED, share("占本年支出预算的比例", "60.00")]) is None  # disagree
