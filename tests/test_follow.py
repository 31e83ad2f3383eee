"""Follow-ups read as the complete question they stand for (assistant/follow.py, follow.toml), and questions
about nothing in the disclosures refused plainly (assistant/topic.py, topic.toml): one test per cue word,
then conversations over four real Shanghai PDFs."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest

from assistant.follow import complete, cues, qualified, stem
from assistant.records import Answer
from assistant.topic import cues as topic_cues
from assistant.topic import foreign, off_topic
from index.records import Fact

OFFICE = "万里街道2024年办公费预算是多少？"
PURCHASE = "万里街道2024年政府采购预算有多少？"
OPENING = "社工部2024年一般公共预算财政拨款支出的年初预算是多少？"


@pytest.mark.parametrize("lead", cues()["lead"])
def test_a_follow_ups_opening_word_is_no_part_of_it(lead: str) -> None:
    assert complete(OFFICE, f"{lead}2023年呢？") == "万里街道2023年办公费预算是多少？"


@pytest.mark.parametrize("tail", cues()["tail"])
def test_a_follow_ups_closing_word_is_no_part_of_it(tail: str) -> None:
    assert complete(OFFICE, f"2023年{tail}？") == "万里街道2023年办公费预算是多少？"


@pytest.mark.parametrize("child", cues()["child"])
def test_a_part_of_the_earlier_subject(child: str) -> None:
    assert complete(PURCHASE, f"{child}工程采购呢？") == "万里街道2024年政府采购预算中工程采购是多少？"


@pytest.mark.parametrize("ask", cues()["asks"])
def test_the_earlier_question_is_cut_where_it_asks(ask: str) -> None:
    assert stem(f"万里街道2024年办公费预算{ask}？") == "万里街道2024年办公费预算"


@pytest.mark.parametrize("measure", cues()["measures"])
def test_another_measure_of_the_same_subject(measure: str) -> None:
    assert complete(OFFICE, f"那{measure}多少？") == f"万里街道2024年办公费预算{measure}多少？"


@pytest.mark.parametrize("why", cues()["why"])
def test_each_why_word_asks_the_reason_of_the_earlier_change(why: str) -> None:
    # "为什么？" after the total's change: the total's change, whichever way (never an item's reason: r6a043)
    asked = "万里街道2024年预算比上一年变化的原因是什么？"
    assert complete("万里街道2024年预算比上一年少了多少？", f"{why}？") == asked
    assert complete("万里街道2024年预算总共多少钱？", f"{why}？") is None  # no change asked before
    assert complete("万里街道2024年预算比上一年少了多少？", f"{why}办公费减少？") is None  # says more than why


@pytest.mark.parametrize("word", cues()["why_degree"])
@pytest.mark.parametrize("way", ["down", "up"])
def test_a_why_saying_which_way_keeps_the_subject_and_that_direction(way: str, word: str) -> None:
    # "为什么降这么多？" after "…三公经费下降了多少百分比？": the 三公 decrease's reason, never the budget's (r7b137)
    for said in cues()[f"why_{way}"]:
        asked = complete("烟台市审计局三公经费下降了多少百分比？", f"为什么{said}{word}？")
        assert asked == f"烟台市审计局三公经费{cues()[f'why_{way}_asks']}"
    if word not in cues()["tail"]:  # "为什么的？" is "为什么？"
        assert complete("万里街道2024年预算比上一年少了多少？", f"为什么{word}？") is None  # how much, which way?


@pytest.mark.parametrize("change", cues()["changes"])
def test_each_change_word_is_where_the_earlier_change_is_cut(change: str) -> None:
    asked = complete(f"万里街道2024年行政运行{change}多少？", "原因呢？")
    assert asked == f"万里街道2024年行政运行{cues()['why_of_change']}"


@pytest.mark.parametrize("column", cues()["columns"])
def test_a_column_or_kind_replaces_the_earlier_one(column: str) -> None:
    assert complete(OPENING, f"{column}呢？") == f"社工部2024年一般公共预算财政拨款支出的{column}是多少？"


@pytest.mark.parametrize("name", cues()["not_columns"])
def test_a_name_holding_a_kind_is_no_column(name: str) -> None:
    assert complete(f"万里街道2024年{name}支出是多少？", "决算呢？") == f"万里街道2024年{name}支出决算是多少？"


@pytest.mark.parametrize(("word", "offset"), cues()["relative_years"].items())
def test_a_year_said_relative_to_the_earlier_one(word: str, offset: int) -> None:
    assert complete(OFFICE, f"那{word}呢？") == f"万里街道{2024 + offset}年办公费预算是多少？"


def test_a_comparison_with_a_year_is_read_as_a_measure() -> None:
    assert complete(OFFICE, "比2023年少了多少？") == "万里街道2024年办公费预算比2023年少了多少？"
    assert complete("北京市信访办2026年收入预算多少？", "比去年下降了百分之几？") == (
        "北京市信访办2026年收入预算比去年下降了百分之几？"
    )


def test_what_is_no_follow_up_form_is_left_to_the_engine() -> None:
    assert complete(OFFICE, "深圳市财政局的机关运行经费呢？") is None
    assert complete(OFFICE, "为什么？") is None
    assert complete("万里街道2024年办公费比2023年少了多少？", "那2022年呢？") is None  # which year is replaced?


@pytest.mark.parametrize("word", topic_cues()["domain"])
def test_a_budget_word_keeps_a_question_on_topic(word: str) -> None:
    assert not off_topic(f"明天{word}怎么样", [], [], lambda words: False)


def test_a_question_about_nothing_in_the_disclosures() -> None:
    assert off_topic("明天上海天气怎么样？", ["上海市普陀区社会福利院"], ["怎么样"], lambda words: False)
    assert not off_topic("科普活动花销", [], [], lambda words: "科普" in words)  # a stored row's word


# --- conversations over real PDFs: 万里街道 2023 and 2024 预算, 社工部 2024 决算, 福利院 2024 ----------------


@pytest.fixture(scope="module")
def real(store_real: Path):  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings

    return Engine(Settings(store=store_real))


def talk(engine, *questions: str) -> list[Answer]:  # type: ignore[no-untyped-def]
    answers: list[Answer] = []
    for q in questions:
        answers.append(engine.answer(q, answers))
    return answers


@pytest.mark.slow
def test_a_year_is_answered_from_that_years_document(real) -> None:  # type: ignore[no-untyped-def]
    *_, a = talk(real, "万里街道2024年人员经费是多少？", "公用经费呢？", "那2023年呢？")
    assert (a.value, a.unit, a.refused) == (D("15381432"), "元", False)
    assert {f.year for f in a.facts} == {2023} and a.question == "那2023年呢？"
    assert all(g.verdict == "verified" for g in a.figures)
    *_, gone = talk(real, "万里街道2024年三公经费是多少？", "明年呢？")
    assert gone.refused and "2025年" in gone.text and gone.value is None


@pytest.mark.slow
def test_a_year_after_a_follow_up_read_in_place_keeps_the_department(real) -> None:  # type: ignore[no-untyped-def]
    # round 13 bj05: "那2024年呢？" after a follow-up that names no department was answered for another
    # department printing that year. 万里街道 2023 p.29 prints 公务用车购置费 0; 福利院 has no 2023 document.
    *_, a = talk(real, "万里街道2024年三公经费是多少？", "那买车的钱是多少？", "那2023年呢？")
    assert not a.refused and a.value == 0 and {f.department for f in a.facts} == {"上海市普陀区人民政府万里街道办事处"}
    assert {f.year for f in a.facts} == {2023}
    *_, b = talk(real, "福利院2024年三公经费是多少？", "那买车的钱是多少？", "那2022年呢？")
    assert b.refused or {f.department for f in b.facts} == {"上海市普陀区社会福利院"}
    assert "社会工作部" not in b.text and "万里" not in b.text


@pytest.mark.slow
def test_a_change_against_the_year_before(real) -> None:  # type: ignore[no-untyped-def]
    *_, a = talk(real, "万里街道2024年办公费预算多少？", "比2023年少了多少？")
    assert (a.value, a.unit, a.refused) == (D("1056235"), "元", False)


@pytest.mark.slow
def test_a_part_and_a_column_of_the_earlier_subject(real) -> None:  # type: ignore[no-untyped-def]
    *_, part = talk(real, "万里街道2024年政府采购预算有多少？", "其中工程采购呢？")
    assert (part.value, part.unit) == (D("815.87"), "万元")
    *_, whole_year = talk(real, "社工部2024年一般公共预算财政拨款支出的年初预算是多少？", "全年预算呢？")
    assert (whole_year.value, whole_year.unit) == (D("321.02"), "万元")


@pytest.mark.slow
def test_a_department_named_after_an_ask_back_and_weather(real) -> None:  # type: ignore[no-untyped-def]
    asked, a = talk(real, "三公经费是多少？", "福利院")
    assert asked.choices and (a.value, a.unit) == (D("6.4"), "万元")
    weather = real.answer("明天上海天气怎么样？")
    assert weather.refused and not weather.choices and "无关" in weather.text


@pytest.mark.slow
def test_another_department_asked_the_earlier_question(real) -> None:  # type: ignore[no-untyped-def]
    *_, a = talk(real, "万里街道2024年三公经费是多少？", "福利院呢？")
    assert (a.value, a.unit, a.refused) == (D("6.4"), "万元", False)
    assert a.question == "福利院呢？"


@pytest.fixture(scope="module")
def two_finance_bureaus(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings
    from tests.conftest import REAL, store_of

    names = ("beijing-caizheng-2026-dept-yusuan.pdf", "shenzhen-caizheng-2026-dept-yusuan.pdf")
    return Engine(Settings(store=store_of(tmp_path_factory.mktemp("two") / "store", *(REAL / n for n in names))))


@pytest.mark.slow
def test_a_city_after_the_ask_back_of_a_shared_name(two_finance_bureaus) -> None:  # type: ignore[no-untyped-def]
    asked, a = talk(two_finance_bureaus, "财政局三公经费多少？", "深圳")
    assert asked.refused and "深圳市财政局" in asked.text
    assert (a.value, a.unit, a.refused) == (D("58.46"), "万元", False)  # 第五部分 "“三公”经费预算 58.46 万元"


def test_a_question_in_another_language_is_told_to_ask_in_chinese() -> None:
    assert foreign("What is the 2026 budget of the Shenzhen Science and Technology Innovation Bureau?")
    assert foreign('How much is the 2026 "three public expenses" budget?')
    assert not foreign("深圳市科技创新局2026年GDP是多少？")  # Chinese with one Latin word
    assert not foreign("万里街道2024年IT设备采购 PC server预算多少？")
    assert topic_cues()["foreign_words"] >= 2 and "中文" in topic_cues()["foreign_refusal"]


@pytest.mark.slow
def test_an_english_question_is_never_asked_back(real) -> None:  # type: ignore[no-untyped-def]
    # every word in the English glossary: read as the Chinese question, answered (支出总计 156,211,123 元, p10)
    a = real.answer("What is the 2024 budget of the Wanli Subdistrict Office?")
    assert not a.refused and not a.choices and a.value == 156211123 and a.unit == "元"
    # one word the glossary does not hold: the plain Chinese refusal, never an ask-back
    b = real.answer("What is the 2024 budget of the Wanli Subdistrict Office for dragons?")
    assert b.refused and not b.choices and "中文" in b.text and b.value is None


def test_a_new_subject_keeps_the_earlier_measure() -> None:
    from assistant.follow import measure_kept

    def spans(text: str) -> list[str]:
        return [n for n in ("深圳市科技创新局", "万里街道") if n in text]

    earlier = "深圳市科技创新局“三公”经费预算比上年增加多少？"
    assert measure_kept(earlier, "那公务接待费呢？", spans) == "深圳市科技创新局公务接待费预算比上年增加多少？"
    assert measure_kept("万里街道2024年办公费比2023年少了多少？", "印刷费呢？", spans) == (
        "万里街道2024年印刷费比2023年少了多少？"
    )
    assert measure_kept("万里街道2024年办公费完成了全年预算的百分之几？", "那印刷费呢？", spans) == (
        "万里街道2024年印刷费完成了全年预算的百分之几？"
    )  # a completion rate is kept like a change
    assert measure_kept(OFFICE, "印刷费呢？", spans) is None  # an amount: the engine's own inheritance
    assert measure_kept(earlier, "为什么呢？", spans) is None
    assert measure_kept(earlier, "去年呢？", spans) is None


@pytest.mark.slow
def test_a_column_follow_up_keeps_the_earlier_item(real) -> None:  # type: ignore[no-untyped-def]
    # "预算是多少？" after the 住房公积金 spent: the item's one budget figure (全年预算 in the text of a 决算),
    # never the department's 本年支出合计
    *_, a = talk(real, "社工部的住房公积金花了多少？", "预算是多少？")
    assert (a.value, a.unit, a.refused) == (D("18.12"), "万元", False)
    assert "住房公积金" in a.text and all(g.verdict == "verified" for g in a.figures)


@pytest.mark.parametrize(
    ("follow_up", "asked"),
    [("第二多的呢？", "深圳市财政局项目支出里哪一项第二多？"), ("那最少的呢？", "深圳市财政局项目支出里哪一项最少？")],
)
def test_a_place_of_the_earlier_ranking(follow_up: str, asked: str) -> None:
    assert complete("深圳市财政局项目支出里哪一项最多？", follow_up) == asked
    assert complete("深圳市财政局项目支出是多少？", follow_up) is None  # no ranking to re-rank


@pytest.mark.parametrize("own", cues()["own_unit"])
def test_a_unit_in_place_of_the_departments_own(own: str) -> None:
    earlier = f"无锡市人社局{own}预算是多少？"
    assert complete(earlier, "那技师学院呢？") == "无锡市人社局技师学院预算是多少？"
    assert complete(earlier, "那公用经费呢？") is None  # no unit: the engine's own reading, never 本级 dropped
    assert complete("无锡市人社局预算是多少？", "那技师学院呢？") is None


@pytest.mark.parametrize("fund", cues()["funds"])
def test_a_fund_named_before_the_earlier_subject_is_kept(fund: str) -> None:
    # r7b148: "那一般公共预算安排的基本支出呢？" was answered with the 基本支出 of all funds
    assert (
        complete("烟台审计局基本支出多少？", f"那{fund}安排的基本支出呢？") == f"烟台审计局{fund}安排的基本支出是多少？"
    )
    assert complete("烟台审计局2026年基本支出预算是多少？", f"{fund}的基本支出呢？") == (
        f"烟台审计局2026年{fund}的基本支出预算是多少？"
    )
    assert complete(f"烟台审计局{fund}基本支出多少？", f"那{fund}安排的基本支出呢？") is None  # named already


def test_a_fund_the_question_names_must_be_the_answers() -> None:
    from assistant.follow import funds_held

    all_funds = Fact(doc_id="d", department="烟台市审计局", year=2026, table="表3", section=None, row="合计",
                     code=None, column="基本支出", value=D("2776.85"), unit="万元", source="表3 支出总体情况表 · 合计 · 基本支出",
                     fund="全部")  # fmt: skip
    general = replace(all_funds, table="表5", value=D("2772.25"), fund="一般公共预算",
                      source="表5 一般公共预算支出表 · 合计 · 基本支出")  # fmt: skip
    question = "烟台审计局一般公共预算安排的基本支出是多少？"
    assert not funds_held(question, Answer(question=question, text="", refused=False, facts=[all_funds]))
    assert funds_held(question, Answer(question=question, text="", refused=False, facts=[general]))


# --- a qualifier a follow-up names: a fund's part, the parent its subject is read in (assistant/follow.py) ----------

QUALIFIED_SPANS = lambda t: [n for n in ("无锡人社局", "万里街道") if n in t]  # noqa: E731


@pytest.mark.parametrize("part", cues()["fund_part"])
def test_a_funds_part_of_the_earlier_subject_keeps_the_subject(part: str) -> None:
    # r9c140: the 一般公共预算 part of 社会保障和就业支出 (132,364.25), never the whole 一般公共预算拨款 (152,585.76)
    asked = qualified("无锡人社局社会保障和就业支出一共多少？", f"那一般公共预算安排的{part}呢？", QUALIFIED_SPANS)
    assert asked == "无锡人社局一般公共预算安排的社会保障和就业支出是多少？"


def test_a_funds_part_needs_a_fund_and_no_fund_already_named() -> None:
    assert qualified("无锡人社局社会保障和就业支出一共多少？", "那项目的部分呢？", QUALIFIED_SPANS) is None
    earlier = "无锡人社局一般公共预算安排的社会保障和就业支出是多少？"
    assert qualified(earlier, "那政府性基金安排的部分呢？", QUALIFIED_SPANS) is None


@pytest.mark.parametrize("word", cues()["within"])
def test_a_parent_named_by_a_follow_up_replaces_the_earlier_parent(word: str) -> None:
    # r9c012: 机关运行经费里的公务接待费 (表12, 13.42), never the 三公 table's (24.82)
    earlier = "无锡人社局2026年三公经费中公务接待费是多少？"
    asked = qualified(earlier, f"那机关运行经费{word}公务接待费是多少？", QUALIFIED_SPANS)
    assert asked == f"无锡人社局2026年机关运行经费{word}公务接待费是多少？"
    assert qualified(earlier, f"那机关运行经费{word}办公费是多少？", QUALIFIED_SPANS) is None  # another subject


@pytest.mark.parametrize("word", ["一共", "总共"])
def test_a_total_word_ends_the_earlier_subject(word: str) -> None:
    assert stem(f"无锡人社局社会保障和就业支出{word}多少？") == "无锡人社局社会保障和就业支出"


@pytest.mark.slow
def test_a_fund_named_by_a_follow_up_and_its_part(real) -> None:  # type: ignore[no-untyped-def]
    # 社工部 2024 决算: 一般公共预算财政拨款支出决算表 prints its own rows; the follow-up is read as that fund's
    *_, a = talk(real, "社工部2024年住房保障支出一共多少？", "那一般公共预算安排的部分呢？")
    assert not a.refused and all(g.verdict == "verified" for g in a.figures)
    assert all(f.fund == "一般公共预算" or "一般公共预算" in f.source for f in a.facts)


@pytest.mark.slow
def test_the_items_left_beside_a_part_set_aside(real) -> None:  # type: ignore[no-untyped-def]
    # r9a033: 社工部 2024 决算 p9: 221 住房保障支出 29.42 = 2210201 住房公积金 17.70 + 2210203 购房补贴 11.72
    a = real.answer("社工部住房保障支出里，住房公积金以外的是什么，多少钱？")
    assert not a.refused and "购房补贴 11.72 万元" in a.text and (a.value, a.unit) == (D("11.72"), "万元")
    assert all(g.verdict == "verified" for g in a.figures)
    # r9a024: 事业运行's 决算 (11.31, p18), never the department's 本年支出合计 (307.82)
    both = real.answer("社工部“事业运行”这项，全年预算和决算分别是多少？")
    assert "17.68" in both.text and "11.31" in both.text and "307.82" not in both.text


# --- a fund the follow-up restricts to; a sibling named by its own words (assistant/follow.py, sibling.py) --------


@pytest.mark.parametrize("only", cues()["only"])
def test_a_follow_up_restricting_to_one_fund_keeps_the_subject(only: str) -> None:
    # r11a173: 住房公积金's 一般公共预算 column (1,453.13), never the whole 一般公共预算拨款 (9,375.01)
    asked = qualified("重庆市水利局2026年住房公积金多少？", f"{only}一般公共预算的呢？", QUALIFIED_SPANS)
    assert asked == "重庆市水利局2026年一般公共预算安排的住房公积金是多少？"


@pytest.mark.parametrize("tail", cues()["fund_tails"])
def test_a_restricted_funds_closing_words_say_no_other_subject(tail: str) -> None:
    asked = qualified("重庆市水利局2026年住房公积金多少？", f"只看政府性基金{tail}的呢？", QUALIFIED_SPANS)
    assert asked == "重庆市水利局2026年政府性基金安排的住房公积金是多少？"


def test_a_restricted_fund_replaces_the_fund_said_before_and_needs_a_fund() -> None:
    earlier = "重庆市水利局2026年一般公共预算安排的住房公积金是多少？"
    asked = qualified(earlier, "只看政府性基金的呢？", QUALIFIED_SPANS)
    assert asked == "重庆市水利局2026年政府性基金安排的住房公积金是多少？"
    assert qualified("重庆市水利局2026年住房公积金多少？", "只看项目支出的呢？", QUALIFIED_SPANS) is None


def test_a_sibling_named_by_its_own_words_keeps_the_earlier_qualifier() -> None:
    # r11b201: 公务用车运行维护费 (491.28), never 公务用车购置和运行维护费 (1,157.69) whose name holds the words
    earlier = "北京市交通委员会2026年三公经费预算中公务用车购置费是多少？"
    assert complete(earlier, "那运行维护费呢？") == "北京市交通委员会2026年三公经费预算中公务用车运行维护费是多少？"
    assert (
        complete("万里街道2024年公务用车运行维护费是多少？", "那购置费呢？") == "万里街道2024年公务用车购置费是多少？"
    )
    assert complete(earlier, "那公务接待费呢？") is None  # a subject named in full: the engine's own reading
    assert complete("万里街道2024年人员经费是多少？", "那公用经费呢？") is None  # no qualifier makes a name
