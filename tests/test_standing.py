"""Which printing of an asked row answers (assistant/standing.py, catalog.toml part_of / rows): the whole's table
before a part's, 科目 tables before project tables, several same-named rows named rather than one picked, and
“（含X）” widening the total instead of selecting column X. Figures as printed in 2026 福州市公安局治安管理支队
(pp. 17/20), 2026 烟台市审计局 (表2/表10/表11) and 2024 普陀区社会福利院 (收入/支出预算总表)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.draft import Unanswerable
from assistant.knowledge import Knowledge
from assistant.records import Query
from assistant.select import Selector
from assistant.standing import ITEMS, PART, WHOLE, RowsSplit, part_named, standing, without_inclusions
from assistant.tokens import glossary_data
from index.catalog import catalog, item_rows, side_of, wholes
from index.records import DocumentInfo, Fact

DOC = DocumentInfo(doc_id="d", title="2026年烟台市审计局部门预算", department="烟台市审计局", year=2026, kind="预算",
          unit="万元", filename="", n_facts=0, ingested_at="", aliases=("烟台市审计局",))  # fmt: skip


def fact(row: str, column: str, value: str, table: str, kind: str, **kw: str | None) -> Fact:
    title = kw.get("title") or kind
    return Fact(doc_id="d", department=DOC.department, year=2026, table=table, section=None, row=row,
                code=kw.get("code"), column=column, value=Decimal(value), unit=kw.get("unit") or "万元",
                source=f"{table} {title} · {row} · {column}", table_kind=kind, column_role=kw.get("role"),
                page=24, code_scheme=kw.get("scheme"))  # fmt: skip


def pick(facts: list[Fact], key: str, question: str) -> Fact:
    kb = Knowledge([DOC], facts, [], {"d": ""})
    key = next(k for k in kb.labels if k == key or kb.labels[k].name == key)
    query = Query(question=question, subjects=(key,), measure="amount", year=2026, doc_ids=("d",))
    return Selector(kb).amount(key, query, DOC)


def test_every_part_of_names_a_known_kind_and_no_kind_is_its_own_whole() -> None:
    kinds = {t.kind for t in catalog().tables}
    for t in catalog().tables:
        assert set(t.part_of) <= kinds
        assert t.kind not in wholes(t.kind)


@pytest.mark.parametrize(
    ("part", "whole"),
    [
        ("general_public_basic_by_economic", "general_public_by_economic"),  # 基本支出经济分类 ⊂ 支出经济分类
        ("general_public_basic_by_economic", "expenditure"),  # through 一般公共预算支出 to 支出总表
        ("basic_expenditure", "expenditure"),
        ("project_expenditure", "expenditure"),
        ("general_public_by_function", "expenditure"),
        ("general_public_basic_by_function", "general_public_by_function"),
        ("appropriation_basic_by_economic", "appropriation_by_function"),
        ("government_fund", "expenditure"),
        ("state_capital", "expenditure"),
    ],
)
def test_part_of(part: str, whole: str) -> None:
    assert whole in wholes(part)
    assert part not in wholes(whole)


@pytest.mark.parametrize(
    "kind", ["project_expenditure", "government_procurement", "government_purchase_service", "performance"]
)
def test_item_tables(kind: str) -> None:
    assert item_rows(kind)


def test_summary_tables_are_wholes() -> None:
    for kind in ("expenditure", "summary", "income", "three_public"):
        assert not wholes(kind) and not item_rows(kind)


def test_basic_economic_part_is_read_after_the_whole() -> None:
    whole = fact("资本性支出", "预算数", "12.00", "一般公共预算支出经济分类情况表", "general_public_by_economic",
                 code="310", role="预算数")  # fmt: skip
    part = fact("资本性支出", "预算数", "9.20", "一般公共预算基本支出经济分类情况表",
                "general_public_basic_by_economic", code="310", role="预算数")  # fmt: skip
    assert standing(part, [whole, part]) == PART and standing(whole, [whole, part]) == WHOLE
    assert standing(part, [part]) == WHOLE  # alone, the part is what there is
    assert pick([part, whole], "资本性支出", "福州治安支队2026年资本性支出多少？").value == Decimal("12.00")


def test_a_basic_table_row_is_not_the_department_figure() -> None:
    facts = [
        fact("住房公积金", "财政拨款", "159.11", "表10", "basic_expenditure", code="30113", role="合计"),
        fact("住房公积金", "财政拨款", "45.75", "表10", "basic_expenditure", code="30113", role="合计"),
        fact("住房公积金", "合计", "204.86", "表3", "expenditure", code="2210201", role="合计"),
    ]
    assert pick(facts, "住房公积金", "烟台市审计局住房公积金多少钱？").value == Decimal("204.86")


def test_same_named_project_rows_are_named_not_picked() -> None:
    rows = [fact("审计业务经费", "合计", v, "表11", "project_expenditure", title="项目支出预算情况表", role="合计")
            for v in ("31.00", "539.00", "18.00")]  # fmt: skip
    with pytest.raises(Unanswerable, match=r"3 行都叫“审计业务经费”.*31\.00 万元、539\.00 万元、18\.00 万元"):
        pick(rows, "审计业务经费", "烟台市审计局的审计业务经费是多少？")


def test_project_rows_come_after_a_subject_table() -> None:
    item = fact("审计业务", "合计", "5.80", "表12", "government_procurement", code="2010804", role="合计")
    subject = fact("审计业务", "合计", "592.50", "表3", "expenditure", code="2010804", role="合计")
    assert standing(item, [item, subject]) == ITEMS
    assert pick([item, subject], "审计业务", "烟台市审计局审计业务是多少？").value == Decimal("592.50")


def test_inclusion_widens_never_selects_the_column() -> None:
    assert without_inclusions("一共安排了多少支出预算（含事业收入）？") == "一共安排了多少支出预算 ？"
    assert "项目支出" not in without_inclusions("包括项目支出在内一共多少")
    assert without_inclusions("事业收入是多少") == "事业收入是多少"
    income = [
        fact("社会福利事业单位", "收入预算", "9584796", "收入预算总表", "income", code="2081005", unit="元"),
        fact("社会福利事业单位", "事业收入", "2620000", "收入预算总表", "income", code="2081005", unit="元"),
    ]
    question = "福利院2024年社会福利事业单位（项）一共安排了多少支出预算（含事业收入）？"
    assert pick(income, "社会福利事业单位", question).value == Decimal(9584796)
    assert pick(income, "社会福利事业单位", "社会福利事业单位的事业收入是多少").value == Decimal(2620000)


@pytest.mark.parametrize("word", glossary_data()["inclusion"])
def test_each_inclusion_word(word: str) -> None:
    assert without_inclusions(f"支出合计（{word}基本支出）多少") == "支出合计 多少"


def test_a_row_s_spending_before_its_income_unless_income_is_asked() -> None:
    income = fact("行政运行", "合计", "1535.86", "表2", "income", code="2010801", role="合计")  # 烟台市审计局 p9
    spending = fact("行政运行", "合计", "1535.85", "表3", "expenditure", code="2010801", role="合计")  # p11
    assert side_of("income") == "收入" and side_of("expenditure") == ""
    assert pick([income, spending], "行政运行", "烟台市审计局行政运行多少钱？").value == Decimal("1535.85")
    assert pick([income, spending], "行政运行", "烟台市审计局行政运行收入多少？").value == Decimal("1535.86")
    assert standing(income, [income]) == WHOLE  # alone, the income table is what there is


def test_a_row_of_a_part_s_table_is_said_to_be_that_part_s() -> None:
    """佛山市轨道交通局 2019 表6 一般公共预算财政拨款基本支出决算表 · 30201 办公费 · 金额 13.80: the department's
    whole 办公费 is not printed, so "办公费多少" is answered as 基本支出中的办公费; a question or a column naming
    基本支出 needs no word more, and a table of the whole none."""
    basic = fact("办公费", "金额", "13.80", "表6", "general_public_basic_by_economic", code="30201")
    assert part_named(basic, "佛山市轨道交通局2019年办公费决算多少？") == "基本支出中的"
    assert part_named(basic, "基本支出里的办公费是多少？") == ""
    assert part_named(basic, "办公费是多少？", column="（一般公共预算基本支出）") == ""
    assert part_named(basic, "办公费（含基本支出和项目支出）是多少？") == "基本支出中的"  # an inclusion names no part
    whole = fact("办公费", "合计", "20.00", "表5", "general_public_by_economic", code="30201")
    assert part_named(whole, "办公费是多少？") == ""


def test_rows_of_one_item_split_by_another_column_are_its_parts() -> None:
    # 烟台市审计局 2026 表10 prints 30211 差旅费 under 政府预算经济分类 502 机关商品和服务支出 (0.50) and 505 对事业单位
    # 经常性补助 (0.50): the item is both rows (1.00), never one of them shown as it
    rows = [fact("差旅费", "合计", "0.50", "表10", "basic_expenditure", code="30211", role="合计", scheme="经济分类")
            for _ in range(2)]  # fmt: skip
    with pytest.raises(RowsSplit) as split:
        pick(rows, "差旅费", "烟台市审计局差旅费预算是多少？")
    assert [f.value for f in split.value.facts] == [Decimal("0.50"), Decimal("0.50")]


@pytest.mark.parametrize("word", glossary_data()["apposition"])
def test_a_list_set_before_a_whole_as_its_examples_names_no_part(word: str) -> None:  # round 13 r13c043
    assert (
        without_inclusions(f"区委社工部2024年公车、出国、接待{word}三公经费花了多少？")
        == "区委社工部2024年 三公经费花了多少？"
    )
    assert without_inclusions(f"公务用车、公务接待{word}“三公”经费") == " “三公”经费"
    asked = "万里街道2024年公务用车、公务接待分别是多少？"  # a list asked is kept
    assert without_inclusions(asked) == asked


@pytest.mark.slow
def test_the_whole_its_examples_are_set_before_is_answered(store_real) -> None:  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings

    a = Engine(Settings(store=store_real)).answer("万里街道2024年公车、出国、接待这些三公经费预算多少？")
    assert (a.value, a.unit, a.refused) == (Decimal("47.91"), "万元", False)
