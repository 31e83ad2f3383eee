"""What a question's column word means when the row has no such column: 基本支出 and 财政拨款 name the table
a figure is printed in (figures as printed in 2026 无锡市人社局 表6 and 重庆市水利局 表2/表8), and the text's
figure of an item that the text gives for several items is not an answer."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from assistant.draft import Unanswerable
from assistant.knowledge import Knowledge
from assistant.records import Query
from assistant.select import Selector, coarser_printings
from index.records import DocumentInfo, Fact

DOC = DocumentInfo(doc_id="d", title="2026年无锡市人力资源和社会保障局部门预算", department="无锡市人力资源和社会保障局",
          year=2026, kind="预算", unit="万元", filename="", n_facts=0, ingested_at="", aliases=("无锡市人社局",))  # fmt: skip


def fact(row: str, column: str, value: str, **kw: str | None) -> Fact:
    return Fact(doc_id="d", department=DOC.department, year=2026, table=kw.get("table"), section=None, row=row,
                code=kw.get("code"), column=column, value=Decimal(value), unit="万元",
                source=kw.get("source") or f"{kw.get('table')} · {row} · {column}", table_kind=kw.get("kind"),
                column_role=kw.get("role"), fund=kw.get("fund"))  # fmt: skip


def pick(facts: list[Fact], key: str, column: str, question: str = "?") -> Fact:
    kb = Knowledge([DOC], facts, [], {"d": ""})
    key = next(k for k in kb.labels if k == key or kb.labels[k].name == key)
    query = Query(question=question, subjects=(key,), measure="amount", year=2026, doc_ids=("d",), column=column)
    return Selector(kb).amount(key, query, DOC)


def test_basic_expenditure_names_the_table() -> None:
    retired = fact("退休费", "本年财政拨款基本支出", "1799.53", table="表6", code="30302",
                   kind="appropriation_basic_by_economic", source="表6 财政拨款基本支出表（经济科目） · 30302 退休费")  # fmt: skip
    assert pick([retired], "退休费", "基本支出").value == Decimal("1799.53")


def test_a_column_no_table_prints_is_still_refused() -> None:
    retired = fact("退休费", "合计", "1799.53", table="表3", code="30302", kind="expenditure")
    with pytest.raises(Unanswerable, match="没有“基本支出”这一栏"):
        pick([retired], "退休费", "基本支出")


def test_fund_scoped_table_answers_the_fund_asked() -> None:
    total = fact("“三公”经费", "预算数", "308", table="表8", kind="three_public", fund="财政拨款")
    assert pick([total], "“三公”经费", "财政拨款").value == Decimal(308)


def test_a_figure_the_text_gives_for_several_items_is_no_answer() -> None:
    parts = [
        fact("专项业务经费", "金额", v, source=f"五、收支说明 · 「专项业务经费 {v} 万元」") for v in ("74.00", "1739")
    ]
    with pytest.raises(Unanswerable, match="多处"):
        pick(parts, "专项业务经费", "")


# 2021 西安市民政局: 表1 prints 一般公共预算拨款 535,987,052.4 元, 表2 and 表4 print 535,987,052.43 元.
@pytest.mark.parametrize(
    ("finer", "coarser", "same"),
    [
        ("535987052.43", "535987052.4", True),  # the same figure, one decimal less
        ("535987052.46", "535987052.4", False),  # rounds to .5: another figure
        ("1.46", "1.5", False),  # too few digits to tell the same figure from another
        ("1795000.00", "1795000", False),  # the same number printed alike: nothing to cite
    ],
)
def test_the_more_precise_printing_of_a_figure(finer: str, coarser: str, same: bool) -> None:
    fine = fact("一般公共预算拨款", "预算数", finer, table="表2")
    coarse = fact("一般公共预算拨款", "预算数", coarser, table="表1")
    assert coarser_printings(fine, [coarse, fine]) == ([coarse] if same else [])
    chosen = pick([coarse, fine], "一般公共预算拨款", "")
    assert chosen == (fine if same else coarse)


def test_a_column_the_question_writes_out_answers() -> None:
    """2021 西安市民政局 (部门综合预算, 元): a unit's row in 表2 收入总表, 表12 政府采购表 (数量 is a count) and
    表13 “三公”经费表 (a column “2021年”)."""
    rows = [
        replace(fact("西安市殡仪馆", "数量", "30035", table="表12", code="241011"), unit="个"),
        fact("西安市殡仪馆", "总计", "151870000.00", table="表2", code="241011"),
        fact("西安市殡仪馆", "一般公共预算拨款", "34750000.00", table="表2", code="241011"),
        fact("西安市殡仪馆", "2021年", "240000.00", table="表13", code="241011"),
    ]
    asked = "西安市民政局2021年西安市殡仪馆的一般公共预算拨款是多少？"
    assert pick(rows, "西安市殡仪馆", "", asked).value == Decimal("34750000.00")
    asked = "西安市殡仪馆2021年预算总计多少元？"  # 2021年 is the document's year, not the column “2021年”
    assert pick(rows, "西安市殡仪馆", "", asked).value == Decimal("151870000.00")
