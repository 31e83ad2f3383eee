"""A part is never answered with its whole, a subtraction only of a contained part, a unit of another city never
stands in for the one named, a target value never answers an amount, and "which" is never answered with a count.

Figures as printed: 烟台市审计局 2026 第三部分 五、"政府采购预算5.8万元，其中：政府采购货物预算3.8万元，政府采购工程预算
0万元，政府采购服务预算2万元"; 西安市民政局 2021 五、"财政拨款收入70,376.87万元，其中一般公共预算拨款收入53,598.71万元、
政府性基金拨款收入16,778.16万元" and 表15 绩效目标 "政府性基金预算 16826.34万元"; 无锡市交通运输局 2026 表3 合计 row:
合计 984,760.87、基本支出 3,305.86、项目支出 981,455.01 万元; 福利院 2024 (tests/data/real) 三、"政府采购预算120.60万元，
其中：…政府采购服务预算120.60万元"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.complete import cues, unread
from assistant.config import Settings
from assistant.draft import Draft
from assistant.exclusion import _beside, part_of
from assistant.knowledge import Target
from assistant.parts import (
    _data,
    _deepest,
    _in_column,
    _said,
    implied_by,
    named_parts,
    of_part_tables,
    of_unasked_part_table,
    part_word,
    printed_parts,
    qualified_wholes,
    sibling_word,
    target_asked,
    under_unasked_part,
    unit_asked,
)
from assistant.places import of_another_place
from assistant.records import Query
from assistant.standing import without_inclusions
from assistant.within import entries, named_within
from index.records import Fact
from tests.conftest import REAL, store_of

PLACE = "第三部分 2026年部门预算情况和重要事项说明 · 五、政府采购情况 · 「…」"


def fact(row: str, value: str, *, table: str | None = None, column: str = "金额", **kw) -> Fact:  # type: ignore[no-untyped-def]
    return Fact(
        doc_id="d", department=kw.pop("department", "烟台市审计局"), year=2026, table=table, section=None, row=row,
        code=kw.pop("code", None), column=column, value=Decimal(value), unit="万元",
        source=kw.pop("source", PLACE if table is None else f"{table} · {row} · {column}"), **kw,
    )  # fmt: skip


WHOLE = fact("政府采购", "5.8")
PARTS = [fact(f"政府采购{w}", v, parent="政府采购") for w, v in (("货物", "3.8"), ("工程", "0"), ("服务", "2"))]


def test_a_part_the_text_lists_under_the_whole_is_named_by_the_words_it_adds() -> None:
    assert printed_parts(WHOLE, [WHOLE, *PARTS]) == PARTS
    assert [part_word(p, WHOLE) for p in PARTS] == ["货物", "工程", "服务"]
    assert named_parts("烟台市审计局政府采购预算中货物多少？", WHOLE, PARTS) == [PARTS[0]]
    assert named_parts("福利院2024年政府采购预算有多少，服务类占多少？", WHOLE, PARTS) == [PARTS[2]]
    assert named_parts("烟台市审计局政府采购预算多少？", WHOLE, PARTS) == []  # the whole asked: the whole
    # a clause listed under another whole is no part of this one
    assert printed_parts(WHOLE, [fact("政府采购货物", "3.8", parent="项目支出")]) == []


def test_a_part_printed_with_its_fund_words_is_named_without_them() -> None:
    whole = fact("财政拨款收入", "70376.87", department="西安市民政局")
    fund = fact("政府性基金拨款收入", "16778.16", department="西安市民政局", parent="财政拨款收入")
    assert part_word(fund, whole) == "政府性基金"
    assert named_parts("西安市民政局2021年财政拨款收入多少？其中政府性基金呢？", whole, [fund]) == [fund]


def test_a_part_is_named_by_the_words_that_set_it_apart_from_the_parts_listed_with_it() -> None:
    # 无锡市交通运输局 2026 十三、"政府采购支出预算总额 112.9 万元，其中：拟采购货物支出 2 万元、拟采购工程支出 0 万元、
    # 拟采购服务支出 110.9 万元" (round 6 r6b012: the whole 112.9 was shown for 服务类)
    whole = fact("政府采购支出预算总额", "112.9", department="无锡市交通运输局")
    parts = [
        fact(f"拟采购{w}支出", v, parent=whole.row, department="无锡市交通运输局")
        for w, v in (("货物", "2"), ("工程", "0"), ("服务", "110.9"))
    ]
    assert [sibling_word(p, parts) for p in parts] == ["货物", "工程", "服务"]
    assert named_parts("无锡交通局2026年政府采购预算里服务类多少元？", whole, parts) == [parts[2]]
    assert named_parts("无锡交通局2026年政府采购预算多少？", whole, parts) == []
    assert sibling_word(parts[0], parts[:1]) == ""  # alone, nothing sets it apart


def test_a_figure_listed_under_a_narrower_whole_than_asked_is_not_the_one_asked() -> None:
    # 重庆市水利局 2026 五、"政府采购预算总额 11884.37 万元：…政府采购服务预算 8941.32 万元；其中一般公共预算拨款政府采购
    # 11307.34 万元：…政府采购服务预算 8364.59 万元" (round 6 r6b093)
    total = fact("所属各预算单位政府采购预算总额", "11884.37", department="重庆市水利局")
    public = fact("一般公共预算拨款政府采购", "11307.34", parent=total.row, department="重庆市水利局")
    services = fact("政府采购服务", "8941.32", parent=total.row, department="重庆市水利局")
    narrower = fact("政府采购服务", "8364.59", parent=public.row, department="重庆市水利局")
    facts = [total, public, services, narrower]
    asked = "重庆水利局政府采购服务预算多少？"
    assert [f.value for f in facts if under_unasked_part(f, facts, asked)] == [Decimal("8364.59")]
    assert not under_unasked_part(narrower, facts, "重庆水利局政府采购服务预算中一般公共预算拨款的是多少？")


def test_a_row_of_a_part_s_table_never_answers_an_item_the_text_totals() -> None:
    # a 部门预算: the text prints "委托业务费…预算为349万元", the 一般公共预算基本支出表 its 30227 row (基本支出 only)
    text = fact("委托业务费", "349")
    basic = fact(
        "委托业务费", "20", table="表8", code="30227", column="合计", table_kind="general_public_basic_by_economic"
    )
    assert of_unasked_part_table([basic, text], "委托业务费多少？") == [text]
    assert of_unasked_part_table([basic, text], "基本支出中委托业务费多少？") == [basic, text]  # the part asked
    assert of_unasked_part_table([basic], "委托业务费多少？") == [basic]  # printed nowhere else: labelled as the part
    assert all(w in _data()["part_words"] for w in ("基本支出", "人员经费", "公用经费"))


BASIC_ROW = fact(
    "委托业务费", "4.00", table="表10", code="30227", column="财政拨款", table_kind="basic_expenditure",
    department="烟台市民政局",
)  # fmt: skip


@pytest.mark.parametrize(
    "row",
    ["委托业务费财政拨款", "委托业务费涉及财政拨款资金", "委托业务费涉及财拨资金", "委托业务费预算总额",
     "委托业务费一般公共预算拨款", "委托业务费一般公共预算财政拨款", "委托业务费一般公共预算", "委托业务费合计",
     "委托业务费预算", "委托业务费总额"],
)  # fmt: skip
def test_the_text_s_item_said_with_its_fund_is_the_whole_a_part_s_row_gives_way_to(row: str) -> None:
    # 烟台市民政局 2026 四、"2026年本部门委托业务费财政拨款预算为349万元" beside 表10 基本支出预算情况表 30227 4.00 (rounds 5–8:
    # the 4.00 was answered for "委托业务费多少"); 重庆市人民政府办公厅 "委托业务费涉及财政拨款资金 6,265.73 万元"
    text = fact(row, "349", department="烟台市民政局")
    assert qualified_wholes([BASIC_ROW], "烟台民政局委托业务费预算多少？", [BASIC_ROW, text], "委托业务费") == [text]
    assert of_unasked_part_table([BASIC_ROW, text], "委托业务费多少？") == [text]


def test_only_fund_and_total_words_make_the_text_s_item_its_whole() -> None:
    others = [fact(r, "9", department="烟台市民政局") for r in ("委托业务费用于养老服务", "委托业务费增加", "委托业务")]
    assert qualified_wholes([BASIC_ROW], "委托业务费多少？", [BASIC_ROW, *others], "委托业务费") == []
    whole = fact("委托业务费财政拨款", "349", department="烟台市民政局")
    assert qualified_wholes([BASIC_ROW], "基本支出中的委托业务费多少？", [whole], "委托业务费") == []  # the part asked
    table_whole = fact("委托业务费", "30", table="表8", table_kind="general_public_by_economic", column="合计")
    assert (
        qualified_wholes([BASIC_ROW, table_whole], "委托业务费多少？", [whole], "委托业务费") == []
    )  # a whole is there


def test_what_a_total_is_said_to_include_is_no_part_asked() -> None:
    # round 6 r6a141: "财政拨款收入多少（含政府性基金）？" asks the whole 70,376.87, never 政府性基金拨款收入 16,778.16
    whole = fact("财政拨款收入", "70376.87", department="西安市民政局")
    fund = fact("政府性基金拨款收入", "16778.16", department="西安市民政局", parent="财政拨款收入")
    assert named_parts(without_inclusions("西安民政局财政拨款收入多少（含政府性基金）？"), whole, [fund]) == []
    assert named_parts(without_inclusions("西安民政局财政拨款收入中政府性基金多少？"), whole, [fund]) == [fund]


@pytest.mark.parametrize(
    ("question", "unit"),
    [("服务类多少元？", "元"), ("一共是多少亿元", "亿元"), ("有几万元", "万元"), ("多少钱？", None)],
)
def test_the_unit_an_amount_is_asked_in(question: str, unit: str | None) -> None:
    assert unit_asked(question) == unit


def test_a_coded_row_under_the_whole_is_its_part() -> None:
    whole = fact("农林水支出", "100", table="表3", column="合计", code="213")
    assert printed_parts(whole, [fact("水利", "60", table="表3", column="合计", code="21303")]) != []
    assert printed_parts(whole, [fact("水利", "60", table="表3", column="基本支出", code="21303")]) == []
    assert printed_parts(whole, [fact("教育支出", "60", table="表3", column="合计", code="205")]) == []


def test_a_target_value_never_answers_an_amount_of_income_or_spending() -> None:
    t = Target(doc_id="d", level1="产出", level2="成本", level3="政府性基金预算", target="16826.34万元",
               value=Decimal("16826.34"), unit="万元")  # fmt: skip
    assert target_asked("西安市民政局2021年财政拨款收入多少？其中政府性基金呢？", t) == "收入"
    assert target_asked("西安市民政局政府性基金预算的目标值是多少？", t) is None
    assert target_asked("西安市民政局政府性基金预算是多少？", t) is None


@pytest.mark.parametrize("word", _data()["money_items"])
def test_each_money_word_asks_an_amount(word: str) -> None:
    t = Target(
        doc_id="d", level1="产出", level2="数量", level3="培训人次", target="300", value=Decimal(300), unit="人次"
    )
    assert target_asked(f"培训{word}是多少？", t) == word
    assert target_asked(f"培训{word}的指标是多少？", t) is None


@pytest.mark.parametrize("word", _data()["share_words"])
def test_each_share_word_is_a_share_asked(word: str) -> None:
    assert word in f"政府采购预算中服务{word}"  # read by asked_part with `in`: the word itself


def test_a_column_beside_the_whole_is_not_its_part() -> None:
    row = dict(table="表3", department="无锡市交通运输局（本级）")
    total = fact("合计", "984760.87", column="合计", column_role="合计", **row)
    basic = fact("合计", "3305.86", column="基本支出", column_role="基本支出", **row)
    project = fact("合计", "981455.01", column="项目支出", column_role="项目支出", **row)
    assert part_of(basic, total) and not part_of(basic, project)  # 项目支出 holds no 基本支出
    assert _beside(basic, project) and not _beside(basic, total)


def test_a_unit_of_another_city_is_not_a_loaded_department() -> None:
    held = ["上海市普陀区社会福利院", "西安市民政局", "烟台市审计局"]
    fuliyuan = "上海市普陀区社会福利院"
    assert of_another_place("西安市儿童福利院的公务用车运行费是多少？", "福利院", fuliyuan, held)
    assert not of_another_place("上海普陀福利院的公务用车运行费是多少？", "福利院", fuliyuan, held)
    assert not of_another_place("福利院的公务用车运行费是多少？", "福利院", fuliyuan, held)
    assert not of_another_place("西安市民政局和福利院哪个多？", "福利院", fuliyuan, held)  # a name of its own


def test_which_is_never_answered_with_a_count() -> None:
    q = "佛山轨道交通局绩效自评分最低的项目是哪个？"  # 2019 决算 p28 "我部门今年开展了部门整体支出及 7 个"
    count = fact("项目绩效自评", "7", department="佛山市轨道交通局")
    query = Query(question=q, subjects=(), measure="amount", year=None, doc_ids=("d",))  # type: ignore[arg-type]
    assert "最低的项目是哪个" in (unread(q, query, Draft(text="", value=Decimal(7), unit="个", facts=[count])) or "")
    assert any(c.name == "排名" and c.spans(q) for c in cues())


@pytest.mark.slow
def test_a_named_part_is_answered_by_its_own_figure(tmp_path_factory: pytest.TempPathFactory) -> None:
    store = store_of(tmp_path_factory.mktemp("parts") / "store", REAL / "fuliyuan-2024-danwei-yusuan.pdf")
    engine = Engine(Settings(store=store))
    part = engine.answer("福利院2024年政府采购预算中服务多少？")
    assert not part.refused and part.value == Decimal("120.60") and "政府采购服务" in part.text
    goods = engine.answer("福利院2024年政府采购预算中货物多少？")
    assert not goods.refused and goods.value == Decimal("0.00") and "政府采购货物" in goods.text
    whole = engine.answer("福利院2024年政府采购预算是多少？")
    assert whole.value == Decimal("120.60") and "政府采购服务" not in whole.text
    widened = engine.answer("福利院2024年政府采购预算是多少（含服务类）？")  # what it includes: the whole
    assert widened.value == Decimal("120.60") and "政府采购服务" not in widened.text
    in_yuan = engine.answer("福利院2024年政府采购预算中服务多少元？")  # the part, in the unit asked
    assert in_yuan.value == Decimal("1206000") and in_yuan.unit == "元" and "政府采购服务" in in_yuan.text


def test_a_part_asked_in_the_whole_s_column_is_its_own_figure_in_that_column() -> None:
    # 重庆市水利局 2026 三、"一般公共预算财政拨款支出128148.56万元，比2025年增加10300.15万元…其中：基本支出33325.21万元
    # …比2025年增加2943.64万元"
    place = "情况说明 · 三、财政拨款情况说明 · 「…」"
    whole = fact("一般公共预算财政拨款支出", "10300.15", column="比2025年增减", source=place)
    amount = fact("基本支出", "33325.21", parent="一般公共预算财政拨款支出", source=place)
    change = fact("基本支出", "2943.64", column="比2025年增减", source=place)
    assert _in_column(amount, whole, [amount, change]) == change
    assert _in_column(amount, whole, [amount]) is None  # not printed: never the whole's change in its place
    assert (
        _in_column(amount, whole, [amount, fact("基本支出", "1", column="比2025年增减", source="其他 · 「…」")]) is None
    )
    assert _said("基本支出", change) == "基本支出比2025年增加 2,943.64 万元"


@pytest.mark.parametrize("entry", entries())
def test_each_item_printed_inside_another_is_read_so(entry: dict[str, list[str]]) -> None:
    part, whole = entry["example"][1], entry["example"][0]
    assert named_within(part, whole) and not named_within(whole, part) and not named_within(whole, whole)


@pytest.mark.parametrize("word", _data()["rate_words"])
def test_each_rate_word_asks_a_target_printed_per_something(word: str) -> None:
    from assistant.parts import rate_unasked

    cost = Target(doc_id="d", level1="成本", level2="经济成本", level3="三类会议、培训费人均成本",
                  target="≤450元/人/天", value=Decimal(450), unit="元/人/天")  # fmt: skip
    assert rate_unasked("烟台市审计局2026年培训费是多少？", cost)  # 烟台市审计局 2026, 政策和项目预算绩效目标表
    assert not rate_unasked(f"培训费{word}多少？", cost)


@pytest.mark.parametrize(("whole", "part"), [(w, p) for w, parts in _data()["implied_by"].items() for p in parts])
def test_a_part_every_template_defines_inside_a_whole_is_asked_by_itself(whole: str, part: str) -> None:
    assert implied_by(whole, part)


def test_only_the_whole_name_is_implied() -> None:
    assert not implied_by("基本支出", "警务辅助人员经费")  # a project's name holding 人员经费
    assert not implied_by("项目支出", "人员经费")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("科协2022年基本支出里人员经费多少？", Decimal(695)),  # the text's 人员支出 695 of 预算 4,997 (基本支出's part)
        ("科协2022年基本支出中公用经费是多少？", Decimal(118)),
        ("科协2022年一般公共预算的项目支出是多少？", Decimal(4023)),  # 表7 一般公共预算支出表 · 项目支出
    ],
)
def test_a_column_s_whole_with_its_part_or_fund_is_read(engine, question: str, value: Decimal) -> None:  # type: ignore[no-untyped-def]
    a = engine.answer(question)
    assert not a.refused and a.value == value, a.text
    assert {f.verdict for f in a.figures} == {"verified"}
    if "一般公共预算" in question:  # read in that fund's table (表7), and said with the fund
        assert "表7" in a.text and "一般公共预算项目支出" in a.text


@pytest.mark.slow
def test_a_fund_no_table_prints_the_column_of_is_refused(engine) -> None:  # type: ignore[no-untyped-def]
    assert engine.answer("科协2022年政府性基金的基本支出是多少？").refused


def test_rows_of_a_part_s_table_are_told_apart_from_a_whole_s() -> None:
    # across departments too (compare.py `_text_whole`): "烟台民政局和烟台审计局的委托业务费谁多" (round 10 r10c144) read
    # the 基本支出表 30227 row 4.00 for 民政局, whose text prints the whole 349万元
    whole_row = fact("委托业务费", "30", table="表8", table_kind="general_public_by_economic", column="合计")
    assert of_part_tables([BASIC_ROW], "委托业务费")
    assert not of_part_tables([BASIC_ROW, whole_row], "委托业务费")
    assert not of_part_tables([BASIC_ROW], "基本支出中的委托业务费")  # the part asked
    assert not of_part_tables([], "委托业务费")


def test_a_table_printing_the_items_whole_is_read_before_a_basic_spending_row() -> None:
    """无锡人社 2026: 表9 “三公”经费、会议费、培训费支出表 培训费 77.72 万元 (the whole, as the text says) against 表8
    一般公共预算基本支出表 30216 培训费 70.70 (the basic part only): of_unasked_part_table keeps the whole (r10c156)."""
    basic = fact("培训费", "70.70", table="表8", code="30216", table_kind="general_public_basic_by_economic")
    whole = fact("培训费", "77.72", table="表9", column="预算数", table_kind="three_public")
    assert "three_public" in _data()["whole_table_kinds"]
    assert of_unasked_part_table([basic, whole], "无锡人社局培训费多少？") == [whole]
    assert of_unasked_part_table([basic, whole], "无锡人社局基本支出里培训费多少？") == [basic, whole]


def test_parts_named_as_a_path_ask_the_one_at_its_end() -> None:
    # 无锡市交通运输局 2026 表5 (p.21): 214 交通运输支出 > 21401 公路水路运输 > 2140101 行政运行, 人员经费 1,912.32 each
    road = fact("公路水路运输", "1912.32", table="表5", column="人员经费", code="21401")
    run = fact("行政运行", "1912.32", table="表5", column="人员经费", code="2140101")
    other = fact("行政运行", "5.00", table="表5", column="人员经费", code="2140201")
    assert _deepest([road, run]) == [run]
    assert _deepest([road, run, other]) == [road, run, other]  # 2140201 lies under no part named: no path
    assert _deepest([run, other]) == [run, other]
