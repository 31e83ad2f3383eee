"""Several departments in one store (real PDFs): short names, answers only from the department named,
never a silent pick, and never another department's, row's or column's figure shown as the answer."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.departments import blank_names, department_aliases, short_names, spell_out, unknown_name
from assistant.tokens import glossary_data

SHEGONGBU = "中共上海市普陀区委社会工作部"
WANLI = "上海市普陀区人民政府万里街道办事处"
FULIYUAN = "上海市普陀区社会福利院"


@pytest.mark.parametrize(
    ("department", "names", "not_names"),
    [
        (SHEGONGBU, {"社工部", "区委社工部", "区委社会工作部", "社会工作部", "普陀区委社会工作部"}, {"区委", "普陀"}),
        (WANLI, {"万里街道", "万里街道办事处", "万里街道办", "普陀区万里街道"}, {"街道", "人民政府"}),
        (FULIYUAN, {"社会福利院", "福利院", "区福利院"}, {"普陀区"}),
        ("上海市普陀区规划和自然资源局", {"规资局", "区规资局", "规划和自然资源局"}, {"资源局"}),  # data file
        ("上海市普陀区人力资源和社会保障局", {"人社局", "区人社局"}, set()),  # the initials rule
        ("深圳市科学技术协会（本级）", {"市科协", "科协", "深圳科协"}, set()),
        # a …委员会 is also a …委, a …办公室 also a …办; the city's full name goes before a short name
        ("西安市发展和改革委员会", {"发改委", "西安市发改委", "市发改委", "发展和改革委"}, {"发改"}),
        ("北京市交通委员会", {"交通委", "北京市交通委", "市交通委"}, {"交通"}),
        ("深圳市卫生健康委员会", {"卫健委", "深圳市卫健委", "卫生健康委"}, set()),
        ("北京市信访办公室", {"信访办", "北京市信访办"}, {"信访"}),
        # the scope in brackets (identity.toml: 本级, 汇总) says which accounts, not who
        ("西安市财政局（汇总）", {"西安市财政局", "西安财政局", "市财政局"}, {"西安市"}),
        ("深圳市财政局（本级）", {"深圳市财政局", "深圳财政局"}, {"深圳市"}),
        # 人民政府 said shorter (departments.toml government_said)
        ("重庆市人民政府办公厅", {"重庆市政府办公厅", "市政府办公厅", "政府办公厅", "办公厅"}, {"政府", "重庆市政府"}),
    ],
)
def test_short_names(department: str, names: set[str], not_names: set[str]) -> None:
    aliases = set(department_aliases(department, glossary_data()["department_abbreviations"]))
    assert names <= aliases and not (not_names & aliases)


# Real departments (the regions' disclosures and Shanghai's districts): names said shorter by dropping inner words.
STORE = (
    "福州市公安局治安管理支队", "无锡市交通运输局（本级）", "佛山市轨道交通局", "北京市交通委员会", "北京市信访办公室",
    "上海市普陀区宜川路街道办事处", "上海市普陀区规划和自然资源局", "上海市普陀区城市管理行政执法局",
    "深圳市财政局（本级）", "北京市财政局", "西安市民政局", "北京市民政局", "烟台市民政局", "重庆市人民政府办公厅",
)  # fmt: skip


def names_of(store: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    abbreviations = glossary_data()["department_abbreviations"]
    return {d: department_aliases(d, abbreviations) for d in store}


@pytest.mark.parametrize(
    ("text", "written", "department"),
    [
        # each kind of departments.toml, with a real name said shorter
        ("福州市公安局治安支队2026年项目支出安排了多少？", "公安局治安支队", "福州市公安局治安管理支队"),  # 支队
        ("截至2025年底福州市治安支队共有多少辆车？", "治安支队", "福州市公安局治安管理支队"),  # 底 ends a word
        ("普陀区宜川街道2024年的预算", "宜川街道", "上海市普陀区宜川路街道办事处"),  # 街道办事处 → 街道
        ("区规划资源局2024年项目支出", "规划资源局", "上海市普陀区规划和自然资源局"),  # 局
        ("城管执法局的人员经费", "城管执法局", "上海市普陀区城市管理行政执法局"),
        ("无锡交通局2026年项目支出", "交通局", "无锡市交通运输局（本级）"),  # the place decides
        ("北京市信访室2026年", "信访室", None),  # 办公室 said 办公室 or 办, never 室
    ],
)
def test_a_name_said_shorter_names_its_department(text: str, written: str, department: str | None) -> None:
    found = short_names(text, names_of(STORE))
    if department is None:
        assert found == []
    else:
        assert [(s.written, s.departments) for s in found] == [(written, (department,))]


@pytest.mark.parametrize(
    "text",
    [
        "轨道交通局2019年决算",  # 佛山's own name, spelled out: no short form of 无锡's 交通运输局 inside it
        "北京市交通局2026年",  # another city's: neither 佛山 nor 无锡
        "福州市公安局交警支队2026年",  # words the department's name does not hold
        "深圳市财政局2026年", "北京市民政局2026年", "西安市民政局2021年",  # full names: the place decides
        "2026年委托业务费是多少",  # 委 of 委托, 局 of 局本级: too few of a name's words
    ],
)  # fmt: skip
def test_a_name_is_not_read_into_other_words(text: str) -> None:
    assert short_names(text, names_of(STORE)) == []


def test_words_fitting_several_departments_name_them_all() -> None:
    (found,) = short_names("交通局2026年项目支出是多少？", names_of(STORE))
    assert found.departments == ("佛山市轨道交通局", "无锡市交通运输局（本级）")
    assert spell_out("交通局2026年项目支出是多少？", names_of(STORE)) == "交通局2026年项目支出是多少？"  # never picked
    assert spell_out("无锡交通局2026年", names_of(STORE)) == "无锡交通运输局2026年"
    assert spell_out("福州市公安局治安支队", names_of(STORE)) == "福州市公安局治安管理支队"


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("福州市公安局交警支队2026年项目支出安排了多少？", "福州市公安局交警支队"),  # a place stored, a name not
        ("北京市交通局2026年项目支出是多少？", "北京市交通局"),
        ("北京市教育委员会2026年预算", "北京市教育委员会"),
        ("福州市公安局治安管理支队2026年", None),  # stored
        ("福州市公安局治安支队2026年", None),  # stored, said shorter
        ("2026年项目支出是多少？", None),  # no name at all: asked which
        ("西安市殡仪馆2021年", None),  # a unit's name (馆 is no department's kind): found among the rows
    ],
)
def test_a_name_of_no_stored_department_is_named_back(text: str, unknown: str | None) -> None:
    assert unknown_name(text, names_of(STORE)) == unknown


@pytest.fixture(scope="module")
def engine(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


def departments_of(engine: Engine, answer_facts: list) -> set[str]:  # type: ignore[type-arg]
    return {engine.kb.docs[f.doc_id].department for f in answer_facts}


@pytest.mark.parametrize(
    ("question", "department", "value", "unit"),
    [
        ("社工部2024年住房公积金决算是多少？", SHEGONGBU, Decimal("17.70"), "万元"),
        ("万里街道2024年住房公积金预算是多少？", WANLI, Decimal(3503499), "元"),
        ("万里街道2023年住房公积金预算是多少？", WANLI, Decimal(3526694), "元"),
        ("福利院2024年住房公积金是多少？", FULIYUAN, Decimal(335816), "元"),
        ("区委社会工作部2024年行政运行全年预算是多少？", SHEGONGBU, Decimal("52.00"), "万元"),
        ("社工部2024年行政单位医疗完成全年预算的百分比是多少？", SHEGONGBU, Decimal("99.55"), "%"),
        ("社工部2024年一般公共预算财政拨款支出全年预算是多少？", SHEGONGBU, Decimal("321.02"), "万元"),
        ("万里街道办事处2024年津贴补贴预算是多少？", WANLI, Decimal(16623810), "元"),
        ("万里街道2024年“三公”经费预算是多少？", WANLI, Decimal("47.91"), "万元"),
        ("万里街道2024年社会保障和就业支出中的基本支出是多少？", WANLI, Decimal(13368164), "元"),
    ],
)
@pytest.mark.slow
def test_a_question_is_answered_from_the_department_it_names(
    engine: Engine, question: str, department: str, value: Decimal, unit: str
) -> None:
    a = engine.answer(question)
    assert not a.refused, a.text
    assert (a.value, a.unit) == (value, unit)
    assert departments_of(engine, a.facts) == {department}
    assert all(f.verdict in ("verified", "derived") for f in a.figures)


@pytest.mark.slow
def test_an_empty_table_answers_none_with_its_note(engine: Engine) -> None:
    a = engine.answer("社工部2024年“三公”经费决算是多少？")
    assert not a.refused and a.value == 0 and "本表无数据" in a.text + "".join(c.text for c in a.citations)


@pytest.mark.slow
def test_a_department_not_loaded_is_refused_with_the_list(engine: Engine) -> None:
    a = engine.answer("规资局2024年住房公积金是多少？")
    assert a.refused and not a.figures and "规资局" in a.text
    assert all(name in a.text for name in (SHEGONGBU, WANLI, FULIYUAN))


@pytest.mark.slow
def test_no_department_named_is_asked_back_and_the_reply_answers(engine: Engine) -> None:
    a = engine.answer("2024年住房公积金是多少？")
    assert a.refused and not a.figures and set(a.choices) == {"社工部", "万里街道", "福利院"}
    b = engine.answer("万里街道", [a])
    assert not b.refused and b.value == 3503499 and departments_of(engine, b.facts) == {WANLI}


@pytest.mark.slow
def test_two_departments_of_different_kinds_are_not_added_up(engine: Engine) -> None:
    """社工部 has a 2024 决算, 万里街道 a 2024 预算: a 决算 figure plus a 预算 figure is no total of anything."""
    a = engine.answer("社工部和万里街道2024年项目支出一共多少？")
    assert a.refused and not a.figures and not a.entries
    assert "社工部只有决算" in a.text.replace(SHEGONGBU, "社工部") and "预算和决算不能放在一起" in a.text


@pytest.mark.parametrize(
    "question",
    [
        "社工部2024年行政运行年初预算是多少？",  # the prose gives only its 全年预算: never another column's
        "社工部2024年一般公共预算财政拨款支出全年预算和决算数相差多少？",  # two columns of one row: not one figure
        "万里街道办事处2024年预算说明里，城管执法2023年当年预算执行数是多少？",  # unbound prose phrase
    ],
)
@pytest.mark.slow
def test_answers_never_show_another_column_or_row(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.refused and a.value is None and not a.figures


@pytest.mark.slow
def test_the_amount_of_the_items_counted_answers_money_never_the_count(engine: Engine) -> None:
    """ "编报绩效目标的 2024 年度项目 1 个，涉及预算金额 175.52 万元": a money question gets the 万元, never "1 个"."""
    a = engine.answer("社工部2024年编报绩效目标的项目涉及预算金额多少？")
    assert not a.refused and (a.value, a.unit) == (Decimal("175.52"), "万元")


@pytest.mark.parametrize(
    ("question", "value", "unit"),
    [
        ("万里街道2024年城管执法预算比2023年减少了多少？", Decimal(862408), "元"),
        ("万里街道2024年“三公”经费预算比2023年增长了百分之多少？", Decimal("109.12"), "%"),
        ("万里街道办事处2024年行政运行（2120101）预算比2023年下降了百分之几？", Decimal("9.64"), "%"),
        ("万里街道办事处2024年行政运行（2120101）预算比2023年增长率是多少？", Decimal("-9.64"), "%"),  # 多少 says no 少
    ],
)
@pytest.mark.slow
def test_two_years_of_one_department_are_compared_place_by_place(
    engine: Engine, question: str, value: Decimal, unit: str
) -> None:
    """The same table kind, 科目编码 (or row) and column role in the 2024 and the 2023 disclosure."""
    a = engine.answer(question)
    assert not a.refused and (a.value, a.unit) == (value, unit)
    assert {engine.kb.docs[f.doc_id].year for f in a.facts} == {2023, 2024}
    assert len({(f.table_kind, f.code, f.column_role) for f in a.facts}) == 1
    assert all(f.verdict in ("verified", "derived") for f in a.figures) and "计算" in a.text


@pytest.mark.slow
def test_a_printed_change_answers_only_the_years_it_compares(engine: Engine) -> None:
    """2024 vs 2023 is the 2024 disclosure's printed change, never the 2023 one's change against 2022."""
    a = engine.answer("万里街道2024年一般公共预算拨款支出比2023年减少多少？")
    assert not a.refused and (a.value, a.unit) == (Decimal("876.75"), "万元")
    assert {engine.kb.docs[f.doc_id].year for f in a.facts} == {2024}
    b = engine.answer("社工部2024年住房公积金比2022年增加了多少？")  # the 决算 compares with 2023 only
    assert b.refused and not b.figures


@pytest.mark.parametrize(
    "question",
    [
        "市社会工作部2024年住房公积金是多少？",  # a city's department, not the district's 社会工作部
    ],
)
@pytest.mark.slow
def test_look_alike_questions_get_no_figure(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.refused and a.value is None and not a.figures


@pytest.mark.slow
def test_a_rows_actual_against_its_budget_printed_together(engine: Engine) -> None:
    """社工部 2024 决算 p20 prints 住房公积金's 全年预算 18.12 and 决算 17.70 万元 in one sentence (its 年初预算 is 0):
    "决算比预算少多少" is their difference, the 全年预算 named."""
    a = engine.answer("社工部2024年住房公积金决算比预算少多少？")
    assert not a.refused and (a.value, a.unit) == (Decimal("0.42"), "万元") and "全年预算 18.12" in a.text


@pytest.mark.slow
def test_a_column_follow_up_stays_on_the_row(engine: Engine) -> None:
    first = engine.answer("社工部2024年行政运行是多少？")
    then = engine.answer("基本支出呢？", [first])
    assert not then.refused and then.value == Decimal("51.32")
    assert then.facts[0].code == "2013901" and then.facts[0].column == "基本支出"


@pytest.mark.slow
def test_a_figure_cites_the_cell_the_answer_read(engine: Engine) -> None:
    """住房公积金 17.70 is printed in 收入决算表 too: the ✓ names the 支出决算表 cell the answer used."""
    a = engine.answer("社工部2024年住房公积金决算是多少？")
    assert a.facts[0].table == "支出决算表"
    assert a.figures[0].verdict == "verified" and a.figures[0].source.startswith("支出决算表 · 2210201")


@pytest.mark.slow
def test_a_follow_up_naming_another_department_keeps_the_conversations_year(engine: Engine) -> None:
    first = engine.answer("社工部2024年住房公积金是多少？")
    then = engine.answer("那万里街道呢？", [first])
    assert not then.refused and then.value == 3503499  # 2024's, not the other year's
    assert {engine.kb.docs[f.doc_id].year for f in then.facts} == {2024}
    earlier = engine.answer("万里街道2023年住房公积金预算是多少？")
    none = engine.answer("那社工部呢？", [earlier])  # 社工部 has no 2023 disclosure: never its 2024 figure
    assert none.refused and not none.figures and "2023" in none.text


def test_no_name_is_read_ending_inside_a_known_one() -> None:
    # 福州市公安局治安管理支队 2026 p33 "委托业务费预算总额 111.06 万元": once read as a department "治安管理支队委"
    from assistant.understand import ORG

    text = blank_names("公安局治安管理支队委托业务费预算多少？", ["公安局治安管理支队", "治安"])
    assert text.startswith(" " * 9) and text.endswith("委托业务费预算多少？")
    assert not ORG.search(text)
    assert ORG.search(blank_names("福州市公安局交警支队委托业务费", ["公安局治安管理支队"]))
