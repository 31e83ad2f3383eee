"""A part the text prints in its whole's own section as an item every template prints inside that whole (parts.toml
`[[within]]`) is subtracted from it: 北京市财政局 2026 p.8, “三公”经费 223.80 万元 − 公务用车购置费 44.92 万元."""

from __future__ import annotations

from decimal import Decimal

from assistant.part_printed import part_table_rows, within_said
from index.records import Fact

_SECTION = "第一部分 2026年度部门预算情况说明 · 四、财政拨款“三公”经费预算情况说明"


def _said(row: str, value: str, column: str = "金额", section: str = _SECTION, parent: str | None = None) -> Fact:
    return Fact(doc_id="bj", department="北京市财政局", year=2026, table=None, section=None, row=row, code=None,
                column=column, value=Decimal(value), unit="万元", source=f"{section} · 「{row} {value} 万元」",
                parent=parent, page=8)  # fmt: skip


WHOLE = _said("财政拨款“三公”经费", "223.80")
PURCHASE = _said("公务用车购置费", "44.92", parent="公务用车购置和运行维护费")


def test_an_item_printed_inside_the_whole_by_every_template_is_its_part() -> None:
    assert within_said(PURCHASE, WHOLE)
    assert within_said(_said("因公出国（境）费用", "127.74"), WHOLE)


def test_a_figure_of_another_column_or_section_or_no_such_item_is_no_part() -> None:
    assert not within_said(_said("公务用车购置费", "-3.00", column="比2025年增减"), WHOLE)  # a change, no amount
    assert not within_said(_said("公务用车购置费", "44.92", section="五、其他"), WHOLE)
    assert not within_said(_said("会议费", "10.00"), WHOLE)  # never inside the “三公”经费
    assert not within_said(WHOLE, PURCHASE)  # the whole is no part of its part


def _row(table: str, kind: str, value: str, code: str = "310") -> Fact:
    return Fact(doc_id="fz", department="福州市公安局治安管理支队", year=2026, table=table, section=None, row="资本性支出",
                code=code, column="预算数", value=Decimal(value), unit="万元", source=f"{table} · {code} 资本性支出 · 预算数",
                table_kind=kind, column_role="预算数", fund="一般公共预算")  # fmt: skip


# 福州市公安局治安管理支队 2026: 310 in the 一般公共预算支出经济分类情况表 (p.17) and in its 基本支出 table (p.20)
ALL_310 = _row("一般公共预算支出经济分类情况表", "general_public_by_economic", "12.00")
BASIC_310 = _row("一般公共预算基本支出经济分类情况表", "general_public_basic_by_economic", "9.20")


def test_the_same_row_of_the_table_of_the_part_asked_is_the_part() -> None:
    assert part_table_rows("基本支出里", ALL_310, [ALL_310, BASIC_310]) == [BASIC_310]
    assert part_table_rows("基本支出", ALL_310, [ALL_310, BASIC_310]) == [BASIC_310]
    assert part_table_rows("项目支出", ALL_310, [ALL_310, BASIC_310]) == []  # no table prints that part
    other = _row("一般公共预算基本支出经济分类情况表", "general_public_basic_by_economic", "1.00", code="302")
    assert part_table_rows("基本支出", ALL_310, [ALL_310, other]) == []  # another 科目's row never
    assert part_table_rows("基本支出", BASIC_310, [ALL_310, BASIC_310]) == []  # the part's table holds no whole
