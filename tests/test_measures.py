"""Measures of one figure answered by the calculator, and exclusions as whole − parts, on real disclosures:
万里街道 2024 部门预算 财务收支预算总表 (支出总计 156,211,123 元, 212 城乡社区支出 119,385,303 元), 深圳市科技创新局
2026 表3 支出总表 (支出总计 991,722.33 万元, 项目支出 985,764.90 万元), 深圳市财政局 2026 表9 “三公”经费 (总计 58.46,
因公出国(境)费 41.60, 公务接待费 9.46 万元)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.complete import cues
from assistant.config import Settings
from assistant.exclusion import _carried_beside, _parts, _same_amount, _siblings, _whole_read, part_of
from assistant.measures import (
    _data,
    _per_month,
    _same_year,
    against_same_year,
    asks_per_month,
    base_of,
    on_base,
    on_year_before,
)
from assistant.records import Answer
from assistant.threshold import _table_kind, asked, column_roles
from assistant.understand import Understanding
from index.records import Fact
from tests.conftest import REAL, store_of


def fact(row: str, value: str, unit: str = "万元", *, table: str | None = "表1", column: str = "预算数", **kw) -> Fact:  # type: ignore[no-untyped-def]
    return Fact(
        doc_id="d", department="某局", year=2019, table=table, section=None, row=row, code=kw.pop("code", None),
        column=column, value=Decimal(value), unit=unit, source=kw.pop("source", f"{table} · {row} · {column}"), **kw,
    )  # fmt: skip


def test_each_measure_entry_reads_its_own_example() -> None:
    assert _same_year().search(_data()["same_year_base"]["example"])
    m = _per_month().search(_data()["per_month"]["example"])
    assert m and m.group(0) == _data()["per_month"]["span"]


def test_a_change_against_the_same_years_budget_is_no_change_on_the_year_before() -> None:
    # 佛山市轨道交通局 2019 决算: "拨款支出 1668.14万元，比年初预算数增加 1668.14万元" (a unit new in 2019)
    budget = fact("一般公共预算财政拨款支出", "1668.14", table=None, column="比2018年增减",
                  source="二、说明 · 「拨款支出 1668.14万元，比年初预算数增加 1668.14万元」")  # fmt: skip
    year = fact("支出", "-16640.31", table=None, column="比2025年增减",
                source="二、说明 · 「部门预算收入 37,385.88 万元，较 2025 年年初预算减少 16,640.31 万元」")  # fmt: skip
    assert against_same_year(budget) and not against_same_year(year)
    assert on_year_before([budget, year]) == [year]


@pytest.mark.parametrize(
    "question", ["西安市民政局2021年三公经费降了多少百分比？", "会议费涨了百分之几？", "支出下降的比例是多少？"]
)
def test_a_change_asked_as_a_percentage_is_a_rate_never_a_share(question: str) -> None:
    assert Understanding._measure(question) == "growth"
    assert Understanding._measure("三公经费占支出的百分比是多少？") == "share"


def test_the_exclusion_cues_read_each_form() -> None:
    assert _parts("万里街道2024年除了城乡社区支出，其他支出一共多少元？") == (
        "除了城乡社区支出", "万里街道2024年支出多少元？", "城乡社区支出",
    )  # fmt: skip
    assert _parts("深圳市财政局三公经费里，除了因公出国（境）以外的部分是多少？") == (
        "除了因公出国（境）以外", "深圳市财政局三公经费是多少？", "因公出国（境）",
    )  # fmt: skip
    assert _parts("北京交通委2026年不算上年结转结余，收入是多少？")[2] == "上年结转结余"  # type: ignore[index]
    condition = [c for c in cues() if c.kind == "condition"]
    assert any(c.spans("不算上年结转结余，收入是多少？") == ["不算上年结转结余"] for c in condition)


def test_a_part_of_a_total_row_is_of_its_column_and_side() -> None:
    whole = fact("支出总计", "156211123", "元")
    assert part_of(fact("城乡社区支出", "119385303", "元", code="212"), whole)
    assert part_of(fact("城乡社区管理事务", "94450003", "元", code="21201"), whole)
    assert not part_of(fact("事业收入", "2620000", "元"), whole)  # the other side of the 收支总表
    assert not part_of(fact("城乡社区支出", "119385303", "元", column="上年预算数"), whole)  # another column
    assert not part_of(fact("本年支出合计", "156211123", "元"), whole)  # a total is no part
    three = fact("总计·一般公共预算", "58.46", column="2026年")
    assert part_of(fact("因公出国(境)费·一般公共预算", "41.60", column="2026年"), three)
    assert not part_of(fact("因公出国(境)费·政府性基金预算", "0", column="2026年"), three)


def test_a_figure_stated_is_the_table_figure_to_its_precision() -> None:
    stated = fact("支出", "15621.11", table=None)
    assert _same_amount(fact("支出总计", "156211123", "元"), stated)
    assert not _same_amount(fact("支出总计", "156261123", "元"), stated)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    names = (
        "shenzhen-caizheng-2026-dept-yusuan.pdf", "shenzhen-keji-2026-dept-yusuan.pdf", "wanli-2024-yusuan.pdf",
        "fuliyuan-2024-danwei-yusuan.pdf",
    )  # fmt: skip
    return Engine(Settings(store=store_of(tmp_path_factory.mktemp("measures") / "store", *(REAL / n for n in names))))


@pytest.mark.parametrize(
    ("question", "value", "unit", "trace"),
    [
        ("万里街道2024年除了城乡社区支出，其他支出一共多少元？", "36825820", "元",
         "支出总计 156,211,123 元 − 城乡社区支出 119,385,303 元"),
        ("深圳市科技创新局不含项目支出的预算是多少？", "5957.43", "万元", "991,722.33 万元 − 项目支出 985,764.90 万元"),
        ("深圳市财政局三公经费里，除了因公出国（境）以外的部分是多少？", "16.86", "万元", "58.46 万元 − 因公出国"),
        ("深圳市财政局三公经费里，除了因公出国（境）和公务接待以外的部分是多少？", "7.40", "万元", "41.60 万元 + 公务接待费"),
        # 表3 p.22: 20602 基础研究 611,903.00, 2060204 实验室及相关设施 530,850.00 (one 科目 though it holds 及)
        ("深圳科创局基础研究里面除了实验室及相关设施，其他加起来多少？", "81053.00", "万元",
         "基础研究 611,903.00 万元 − 实验室及相关设施 530,850.00 万元"),
        # 表1 收支总表 p.16: 财政拨款 36,989.05 beside 上年结余、结转 396.83: nothing to subtract
        ("深圳市财政局今年的财政拨款收入是多少？不算上年结转。", "36989.05", "万元", "两者是表1 收支总表中并列的两行"),
        # 财务收支预算总表 p.7: 收入总计 12,121,164 = 财政拨款收入 9,501,164 + 事业收入 2,620,000 元
        ("社会福利院2024年除了财政拨款以外还有什么收入，多少？", "2620000", "元", "除了财政拨款以外的是：事业收入 2,620,000 元"),
    ],
)  # fmt: skip
@pytest.mark.slow
def test_an_exclusion_is_the_whole_minus_its_parts(
    engine: Engine, question: str, value: str, unit: str, trace: str
) -> None:
    a = engine.answer(question)
    assert not a.refused and (a.value, a.unit) == (Decimal(value), unit), a.text
    assert trace in a.text
    assert {f.verdict for f in a.figures} <= {"verified", "derived"}


@pytest.mark.slow
def test_a_monthly_average_is_the_year_divided_by_twelve(engine: Engine) -> None:
    a = engine.answer("深圳市科技创新局平均每月的预算支出是多少？")
    assert not a.refused and (a.value, a.unit) == (Decimal("82643.53"), "万元"), a.text
    assert re.search(r"991,722\.33 万元 ÷ 12 = 82,643\.53 万元", a.text)


def test_a_change_asked_against_the_same_years_budget_is_that_change() -> None:
    said = fact("支出", "1668.14", table=None, column="比2018年增减",
                source="二、说明 · 「拨款支出 1668.14万元，比年初预算数增加 1668.14万元」")  # fmt: skip
    year = fact("支出", "-7.00", table=None, column="比2018年增减", source="说明 · 「比 2018 年减少 7.00 万元」")
    assert on_base([said, year], "2019年实际支出比年初预算多了多少？") == [said]
    assert on_base([said, year], "2019年支出比上年增加了多少？") == [year]
    assert base_of(said, 2018) == "年初预算数" and base_of(year, 2018) == "2018年"


def test_a_threshold_list_reads_the_amount_and_the_level() -> None:
    spec = _data()["threshold"]
    assert asked(spec["example"]) == (spec["span"], ">", Decimal("1000"), "万元", 7)
    assert asked("一般公共预算支出不少于1亿元的类级科目有哪些？") == ("不少于1亿元", ">=", Decimal("1"), "亿元", 3)
    assert asked("在500万元以上的款级科目是哪些？") == ("在500万元以上", ">=", Decimal("500"), "万元", 5)
    assert asked("超过1000万元的有哪些？") is None  # neither a 科目 level nor projects named
    assert asked("项级科目超过1000万元吗？") is None  # no list asked


@pytest.mark.slow
def test_a_threshold_list_is_one_level_of_one_table_each_line_cited(engine: Engine) -> None:
    # 万里街道 2024 部门支出预算总表 (p.19): 2120199 54,212,362, 2120102 17,591,003, 2120101 16,603,248 元; no other 项
    # over 10,000,000 元
    a = engine.answer("万里街道2024年支出超过1000万元的项级科目有哪些？")
    assert not a.refused
    assert [(f.code, f.value) for f in a.facts] == [
        ("2120199", Decimal("54212362")), ("2120102", Decimal("17591003")), ("2120101", Decimal("16603248")),
    ]  # fmt: skip
    assert "2024年部门支出预算总表 · 2120101 行政运行 · 支出预算（第19页）" in a.text
    assert {f.verdict for f in a.figures} == {"verified"}
    none = engine.answer("万里街道2024年超过5亿元的项级科目有哪些？")
    assert not none.refused and "没有" in none.text and not none.facts


@pytest.mark.slow
def test_a_threshold_list_of_projects_is_the_table_of_projects_printed(engine: Engine) -> None:
    # 深圳市科技创新局 2026 第七部分 重点项目 table (p.13): 平台载体专项 530,850, 应用研发专项 283,977, 基础研究专项 66,586 万元
    assert asked("项目支出超过10亿元的项目有哪些？") == ("超过10亿元", ">", Decimal("10"), "亿元", 0)
    a = engine.answer("深圳市科技创新局项目支出超过10亿元的项目有哪些？")
    assert not a.refused
    assert [(f.row, f.value) for f in a.facts] == [
        ("科技研发资金-平台载体专项", Decimal("530850.00")), ("科技研发资金-应用研发专项", Decimal("283977.00")),
    ]  # fmt: skip
    assert {f.verdict for f in a.figures} == {"verified"}
    # the other table of projects (表5 项目支出总表, pp.25-26, its rows not read one by one) is named: the list
    # may leave out its projects (市级人才专项经费 61,191 万元 is printed only there and in the text)
    assert "只含文件第七部分 重点项目预算绩效情况说明所列的项目；文件另有表5 项目支出总表" in a.text
    assert "可能不完整" in a.text


@pytest.mark.slow
def test_a_monthly_standard_is_no_monthly_average(engine: Engine) -> None:
    a = engine.answer("深圳市科技创新局每人每月的补贴标准是多少？")
    assert "÷ 12" not in a.text
    assert asks_per_month("月均预算支出") and not asks_per_month("每月补贴标准")


@pytest.mark.parametrize(("question", "span"), list(_data()["per_month"]["said"].items()))
def test_each_way_of_saying_per_month_is_read(question: str, span: str) -> None:
    m = asks_per_month(question)
    assert m and m.group(0) == span


def test_a_rate_per_another_unit_is_no_monthly_average() -> None:
    # round 12 r12b142: "办公楼租金每平米每月多少钱" was answered with the year's rent ÷ 12
    assert asks_per_month("办公楼租金每平米每月多少钱？") is None
    assert asks_per_month("每辆车每个月的运行费是多少？") is None


@pytest.mark.parametrize(("word", "kind"), list(_data()["threshold"]["tables"].items()))
def test_each_threshold_table_word_asks_its_table(word: str, kind: str) -> None:
    assert _table_kind(f"{word}支出超过1000万元的项级科目有哪些？") == kind
    assert _table_kind("支出超过1000万元的项级科目有哪些？") == _data()["threshold"]["default_table"]


@pytest.mark.parametrize(("word", "role"), list(_data()["threshold"]["columns"].items()))
def test_each_threshold_column_word_asks_its_column(word: str, role: str) -> None:
    assert column_roles(f"{word}超过1000万元的项级科目有哪些？") == [role]
    assert column_roles("支出超过1000万元的项级科目有哪些？") == ["合计", "本年支出合计"]  # a 预算's, a 决算's total


@pytest.mark.parametrize("role", _data()["threshold"]["totals"])
def test_each_total_column_is_read_when_no_column_is_asked(role: str) -> None:
    assert role in column_roles("哪一类支出最多？")


@pytest.mark.parametrize("word", _data()["rate_asked"]["words"])
def test_a_change_asked_as_a_percent_is_a_rate_of_change(word: str) -> None:
    from assistant.measures import rate_asked

    assert rate_asked(_data()["rate_asked"]["example"])
    assert rate_asked(f"机关运行经费比上年下降了多少{word}？")
    assert not rate_asked(f"机关运行经费占支出的多少{word}？")  # a share's own change: another question
    assert not rate_asked("机关运行经费比上年减少了多少？")


def test_a_points_question_is_answered_with_the_rate_and_says_so() -> None:
    from assistant.measures import points_asked

    assert "百分点" in points_asked("深圳市财政局机关运行经费比上年下降了多少个百分点？")
    assert points_asked("收入比上年增长了几成？") == ""


def test_zhan_asking_money_is_an_amount_not_a_share() -> None:
    from assistant.measures import amount_taken

    assert amount_taken(_data()["amount_taken"]["example"])
    assert amount_taken("教育支出占用了多少资金？")
    assert not amount_taken("农林水支出占总支出的比例是多少？")
    share = next(c for c in cues() if c.name == "百分比")
    assert not share.spans("重庆市水利局农林水支出占了多少钱？")  # the 百分比 cue asks no percent of it
    assert share.spans("重庆市水利局农林水支出占支出多少？")


@pytest.mark.parametrize("column", _data()["part_columns"]["words"])
def test_a_change_of_the_whole_row_never_answers_a_part_column(column: str) -> None:
    from assistant.measures import column_kept, of_column

    # 重庆市水利局 2026: "一般公共预算财政拨款支出128148.56万元，比2025年增加10300.15万元" is the whole's change
    whole = fact("一般公共预算财政拨款支出", "10300.15", table=None, column="比2025年增减",
                 source="三、财政拨款情况说明 · 「128148.56 万元，比 2025 年增加 10300.15 万元」")  # fmt: skip
    part = fact("一般公共预算财政拨款支出", "2943.64", table=None, column="比2025年增减",
                source=f"三、财政拨款情况说明 · 「{column} 33325.21 万元，比 2025 年增加 2943.64 万元」")  # fmt: skip
    assert of_column([whole, part], column) == [part]
    assert of_column([whole], None) == [whole]
    assert not column_kept(column, "一般公共预算财政拨款支出")
    assert column_kept("财政拨款", "“三公”经费预算")  # a fund is no part column


# round 7 r7b133: "就业创业服务补助砍了多少百分比？" was answered with its share of 支出总计 (0.01%); the text prints
# "减少 82.97%" — a change verb before a percent asked is a rate of change.
@pytest.mark.parametrize("verb", _data()["rate_asked"]["verbs"])
def test_a_change_verb_before_a_percent_asks_a_rate_of_change(verb: str) -> None:
    from assistant.measures import rate_asked

    assert rate_asked(f"就业创业服务补助{verb}了多少百分比？")
    assert rate_asked(_data()["rate_asked"]["change_example"])
    assert not rate_asked(f"就业创业服务补助{verb}了多少占支出总计的百分比？")  # 占: a share


@pytest.mark.parametrize("ask", _data()["rate_asked"]["asks"])
def test_each_percent_asked_after_a_change_verb_is_a_rate(ask: str) -> None:
    from assistant.measures import rate_asked

    assert rate_asked(f"就业创业服务补助砍了{ask}？")
    assert not rate_asked(f"就业创业服务补助是{ask}？") or "百分点" in ask  # no change said


@pytest.mark.parametrize("join", _data()["rate_asked"]["joins"])
def test_each_join_between_verb_and_percent_keeps_the_rate(join: str) -> None:
    from assistant.measures import rate_asked

    assert rate_asked(f"就业创业服务补助砍{join}百分之几？")
    assert not rate_asked("就业创业服务补助是多少百分比？")


def test_a_percent_asked_with_no_change_is_no_rate_of_change() -> None:
    from assistant.measures import rate_asked

    assert not rate_asked("就业创业服务补助占支出总计的百分比是多少？")
    assert not rate_asked("就业创业服务补助的百分比是多少？")


def test_carried_over_money_is_beside_an_income_row_never_in_it() -> None:
    # 深圳市财政局 2026 表1 收支总表: 收入 · 财政拨款 36,989.05 beside 上年结余、结转 396.83 (收入总计 holds both)
    carried = fact("上年结余、结转", "396.83", source="表1 收支总表 · 收入 · 上年结余、结转 · 预算数")
    income = fact("财政拨款", "36989.05", source="表1 收支总表 · 收入 · 财政拨款 · 预算数")
    spent = fact("基础研究", "611903.00", source="表1 收支总表 · 支出 · 基础研究 · 预算数")
    assert _carried_beside(carried, income)
    assert not _carried_beside(carried, fact("收入总计", "37385.88", source="表1 收支总表 · 收入 · 收入总计 · 预算数"))
    assert not _carried_beside(carried, spent) and not _carried_beside(income, carried)


def test_the_other_parts_of_a_total_are_the_rows_of_its_side() -> None:
    # 社会福利院 2024 财务收支预算总表: 收入总计 12,121,164 = 财政拨款收入 9,501,164 + 事业收入 2,620,000 元;
    # 一般公共预算资金 (其中) and 人员经费 (支出 side) are printed in the same column
    total = fact("收入总计", "12121164", "元")
    rows = [fact(r, v, "元") for r, v in (("财政拨款收入", "9501164"), ("一般公共预算资金", "9501164"),
                                            ("人员经费", "7380214"), ("事业收入", "2620000"))]  # fmt: skip
    assert [f.row for f in _siblings([total, *rows], total, rows[:1])] == ["事业收入"]


def test_a_whole_answered_with_its_one_item_is_the_subject_named() -> None:
    # 福州 治安管理支队 2026: 204 公共安全支出 1,994.64 holds only 20402 公安 ("公安" is also in the department)
    child = fact("公安", "1994.64", code="20402")
    parent = fact("公共安全支出", "1994.64", code="204")
    asked = "福州市公安局治安管理支队公共安全支出有多少？"
    answer = Answer(question=asked, text="", refused=False, facts=[child, parent])
    assert _whole_read(answer, asked) is parent
