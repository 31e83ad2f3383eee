"""The column of a wide table and the whole asked: a row's figure is its total column, never a side column (深圳市财政局
2026 表3 支出总表, 万元, figures as printed: 2130899 其他普惠金融发展支出 支出总计 2,000.00, 2026年政府采购项目 0.00 —
a 合计 printed under 政府采购项目); a subject followed by 总计/合计/一共 is the subject itself; a column asked without
its side word (重庆市水利局 2026 表2 收入总表: 2050305 高等职业教育 财政专户管理资金收入 10,031.50)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.compare import _choose, _own_year
from assistant.select import _written_column
from assistant.subjects import subjects
from assistant.tokens import glossary_data
from assistant.whole_asked import item_whole
from index.records import Fact


def cell(column: str, value: str, role: str | None, row: str = "其他普惠金融发展支出", code: str = "2130899") -> Fact:
    return Fact(doc_id="d", department="深圳市财政局（本级）", year=2026, table="表3", section=None, row=row,
                code=code, column=column, value=Decimal(value), unit="万元", source=f"表3 支出总表 · {row} · {column}",
                page=22, doc_kind="预算", table_kind="expenditure", column_role=role)  # fmt: skip


ROW = [
    cell("支出总计", "2000.00", "支出总计"),
    cell("基本支出", "0.00", "基本支出"),
    cell("项目支出", "2000.00", "项目支出"),
    cell("事业单位经营支出", "0.00", None),
    cell("2026年政府采购项目", "0.00", "合计"),  # the 合计 under 政府采购项目: that side column's own total
    cell("2026年政府采购项目中预留给中小企业的项目资金规模", "0.00", None),
]


def test_a_coded_rows_figure_is_its_total_never_the_procurement_columns() -> None:
    """r11a230: "哪个部门有2130899其他普惠金融发展支出？多少？" showed ✓ 0.00 from the 政府采购项目 column."""
    chosen = _choose(ROW, subjects().coded, (), coded=True)
    assert [(f.column, f.value) for f in chosen] == [("支出总计", Decimal("2000.00"))]


def test_a_wide_tables_column_of_no_role_is_never_the_rows_figure() -> None:
    side = [f for f in ROW if f.column_role != "合计" and f.column_role != "支出总计"]
    assert _own_year(side) == []  # 事业单位经营支出, 预留给中小企业…: side columns of a table of roles
    plain = [cell("金额", "12.00", None, row="办公费", code="")]  # a table of no roles: its one column
    assert [f.value for f in _own_year([*plain])] == [Decimal("12.00")]


@pytest.mark.parametrize("word", subjects().item_whole)
def test_a_subject_followed_by_a_whole_word_is_the_subject(word: str) -> None:
    assert item_whole(f"项目支出{word}") == "项目支出"
    assert item_whole(f"基本支出{word}") == "基本支出"


def test_a_whole_word_of_an_alias_or_of_no_subject_stays() -> None:
    assert item_whole("支出总计") == "支出总计"  # an alias of 支出合计 itself
    assert item_whole("收支预算总计") == "收支预算总计"  # no subject before the word
    assert item_whole("项目总支出") == "项目总支出"  # a 绩效目标's indicator, written so


def test_the_words_asking_the_whole_budget() -> None:
    book = subjects()
    assert "总计" in book.asks_whole
    for word in ("打算花", "准备花", "计划花"):  # "福利院2024年一共打算花多少钱": spending, no item
        assert word in book.spending


@pytest.mark.parametrize("word", ["约合", "约为", "大约", "折合", "折合成", "折合为", "多少亿元", "多少亿", "几亿元"])
def test_words_of_conversion_name_no_item(word: str) -> None:
    assert word in glossary_data()["filler"]  # "水利局2026年部门预算约合多少亿元": the whole budget


def income(column: str, value: str, role: str | None) -> Fact:
    return Fact(doc_id="d", department="重庆市水利局", year=2026, table="表2", section=None, row="高等职业教育",
                code="2050305", column=column, value=Decimal(value), unit="万元",
                source=f"表2 2026年部门收入总体情况表 · 2050305 高等职业教育 · {column}", page=13, doc_kind="预算",
                table_kind="income", column_role=role)  # fmt: skip


def test_a_column_asked_without_its_side_word() -> None:
    """r11a228: "重庆水利局2050305高等职业教育的财政专户管理资金是多少？" was refused."""
    facts = [
        income("总计", "33668.32", "合计"),
        income("一般公共预算拨款收入", "23156.82", "财政拨款收入"),
        income("财政专户管理资金收入", "10031.50", None),
        income("其他收入", "480.00", "其他收入"),
    ]
    written = _written_column(facts, "重庆水利局2050305高等职业教育的财政专户管理资金是多少？")
    assert [(f.column, f.value) for f in written] == [("财政专户管理资金收入", Decimal("10031.50"))]
    assert _written_column(facts, "重庆水利局高等职业教育的收入是多少？") == []  # 收入 alone names no column


def test_a_fund_written_is_no_column_asked_without_its_side_word() -> None:
    """r11a008: "福利院2024年一般公共预算里，社会福利事业单位的基本支出" names the fund, never 一般公共预算支出."""
    facts = [income("一般公共预算支出", "6964796", "合计"), income("基本支出", "6964796", "基本支出")]
    written = _written_column(facts, "福利院2024年一般公共预算里，社会福利事业单位的基本支出是多少元？")
    assert [f.column for f in written] == ["基本支出"]


def test_a_label_is_the_subject_a_whole_word_follows_only_when_it_names_it() -> None:
    from assistant.whole_asked import same_subject

    assert same_subject("政府采购支出", "政府采购预算总额")  # the text's name of the same registry subject
    assert same_subject("项目支出", "项目支出合计")
    assert not same_subject("项目支出", "项目总支出")  # a 绩效目标's indicator (项目总支出 ≤20万元)
