"""A question of several parts has every part answered, or named as not answered (assistant/compound.py).

Figures as printed: 福利院 2024 单位“三公”经费和机关运行经费预算表 (p15) “三公”经费 6.4, 公务接待费 0 万元; 万里街道 2023
五、国有资产占有情况 (p29) "流动资产448.82万元", "固定资产3149.52万元"; 万里街道 2024 部门支出预算总表 教育支出 250,000 元
(2023 prints none); 社工部 2024 决算 一、"收入支出总计增加307.82万元"; 北京市财政局 2026 一、"共32个内设机构、12个直属事业
单位", 四、"财政拨款“三公”经费预算223.80万元…下降12.59%"; the sample (深圳市科协 2022) 表9 “三公”经费 23.1 and 公务接待费
3.7 万元."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from assistant.compound import (
    Part,
    _adds_parts,
    _covered,
    _held,
    _kept,
    _unit_kept,
    _whole_in_place,
    _within_first,
    asks,
    asks_money,
    asks_why,
    catch_all_kept,
    clauses,
    completed,
    cues,
    joined,
    split,
)
from assistant.records import Answer, Figure, Query
from index.records import Fact

D = Decimal
NO_NAMES = lambda t: []  # noqa: E731 - no department names in the text
NEVER = lambda name: False  # noqa: E731 - no joined name printed as one item
SPANS = lambda t: [n for n in ("北京市财政局", "万里街道", "无锡市交通运输局") if n in t]  # noqa: E731


@pytest.mark.parametrize("word", cues()["interrogatives"])
def test_an_interrogative_makes_a_clause_ask(word: str) -> None:
    assert asks(f"办公费{word}") and not asks("办公费预算")


def test_a_space_between_two_asking_clauses_parts_them() -> None:  # round 14 r14a009, r14a053
    assert clauses("普陀福利院有几辆车 都是啥车") == ["普陀福利院有几辆车", "都是啥车"]
    assert clauses("万里街道2023年收入预算多少 比2022年多了多少") == ["万里街道2023年收入预算多少", "比2022年多了多少"]
    assert clauses("北京市财政局的公务接待费主要是接待谁的？预算多少") == [
        "北京市财政局的公务接待费主要是接待谁的",
        "预算多少",
    ]
    assert clauses("万里街道 2024 年办公费是多少") == [
        "万里街道 2024 年办公费是多少"
    ]  # a space by a number parts nothing
    assert clauses("万里街道 办公费是多少") == ["万里街道，办公费是多少"]  # a side that asks nothing joins the next
    assert clauses("深圳市科技创新局单价100万以上的设备几台 今年买不买") == [
        "深圳市科技创新局单价100万以上的设备几台",
        "今年买不买",
    ]


def test_a_later_part_of_the_first_is_never_answered_with_the_first_figure(store_real) -> None:  # type: ignore[no-untyped-def]
    from assistant.answer import Engine  # round 14 r14c103: "其中执法执勤车几辆？" answered with the 16 vehicles again
    from assistant.config import Settings

    a = Engine(Settings(store=store_real)).answer("万里街道2024年有多少辆车？其中越野车几辆？")
    lines = a.text.split("\n")
    assert "7 辆" in lines[0]
    assert any(line.startswith("其中越野车几辆：公开文件没有找到") for line in lines), a.text


@pytest.mark.parametrize("word", cues()["demonstratives"])
def test_a_set_pointed_at_asks_nothing(word: str) -> None:
    assert not asks(f"上海普陀{word}单位2024年的政府采购") and asks(f"{word}单位里哪个的政府采购最多")


@pytest.mark.parametrize("word", cues()["why"])
def test_a_why_word_asks_the_reason_of_the_part_before(word: str) -> None:
    assert asks_why(f"{word}？")
    done = completed("社工部收入支出总计比2023年增长了多少？", f"{word}？", NO_NAMES)
    assert done == ["社工部收入支出总计比2023年增长的原因是什么？"] or not asks(word)


@pytest.mark.parametrize("word", cues()["share_open"])
def test_a_share_with_no_whole_named_is_a_share_of_the_first_parts_subject(word: str) -> None:
    assert completed("无锡市交通运输局三公经费多少？", f"公务接待费{word}？", SPANS) == [
        "无锡市交通运输局公务接待费占三公经费的比例是多少？"
    ]


@pytest.mark.parametrize("word", cues()["each"])
def test_two_joined_items_asked_each_are_two_parts(word: str) -> None:
    assert joined(f"万里街道2023年的流动资产和固定资产{word}有多少", SPANS, NEVER) == [
        "万里街道2023年的流动资产有多少",
        "万里街道2023年的固定资产有多少",
    ]


@pytest.mark.parametrize("join", cues()["joins"])
def test_a_join_word_joins_two_counted_items(join: str) -> None:
    assert joined(f"北京市财政局有几个内设机构{join}直属事业单位", SPANS, NEVER) == [
        "北京市财政局有几个内设机构",
        "北京市财政局有几个直属事业单位",
    ]


def test_a_part_after_a_total_is_read_within_the_whole_and_a_total_of_its_own_alone() -> None:  # round 14 r14c147
    spans = lambda t: [n for n in ("重庆市水利局", "万里街道") if n in t]  # noqa: E731
    assert (
        completed("重庆市水利局2026年政府采购总额多少", "工程采购多少？", spans)[0]
        == "重庆市水利局2026年政府采购中工程采购多少？"
    )
    assert completed("万里街道2024年收入合计多少", "支出合计多少？", spans)[0] == "万里街道2024年支出合计多少？"
    assert (
        completed("重庆市水利局2026年政府采购一共多少", "服务类多少", spans)[0]
        == "重庆市水利局2026年政府采购中服务类多少？"
    )


@pytest.mark.parametrize("word", cues()["remarks"])
def test_a_remark_after_the_question_is_set_aside_never_a_condition(word: str) -> None:  # round 14 r14b021
    from assistant.compound import _without_remark

    asked = "北京财政局收入预算比2025年多了多少钱"
    assert _without_remark(f"{asked}，{word}涨了不少") == asked
    assert _without_remark(f"{asked}，不含{word}") == f"{asked}，不含{word}"  # a condition stays
    assert _without_remark(f"{asked}，主要是教育方面的") == f"{asked}，主要是教育方面的"  # no remark: stays


@pytest.mark.slow
def test_a_later_part_saying_words_of_its_own_is_never_the_first_figure(store_real) -> None:  # type: ignore[no-untyped-def]
    from assistant.answer import Engine  # round 14 r14b156: "实有多少人？" after "人员编制多少？" answered 609 again
    from assistant.config import Settings

    engine = Engine(Settings(store=store_real))
    a = engine.answer("万里街道2024年有多少辆车？其中越野车几辆？")
    assert a.text.count("7 辆") == 1, a.text
    same = engine.answer("万里街道2024年三公经费多少？一共多少？")  # ask words only: the same figure stands
    assert (same.value, same.refused) == (Decimal("47.91"), False)


def test_items_listed_with_a_pause_mark_are_asked_each() -> None:  # round 14 r14c113
    asked = joined(
        "福州治安支队基本支出中人员经费、公用经费分别多少", lambda t: ["福州治安支队"] * ("福州治安支队" in t), NEVER
    )
    assert asked == ["福州治安支队基本支出中人员经费多少", "福州治安支队公用经费多少"]


@pytest.mark.parametrize("tail", cues()["ask_tails"])
def test_the_reason_is_asked_of_what_the_part_before_asked(tail: str) -> None:
    assert completed(f"北京交通委今年预算比去年少了{tail}？", "原因？", NO_NAMES) == [
        "北京交通委今年预算比去年少的原因是什么？"
    ]


@pytest.mark.parametrize("word", cues()["rates"])
def test_the_whole_answer_stands_for_the_one_refused_part_of_its_kind(word: str) -> None:
    amount = Answer(question="q", text="增加 108,584.28 万元。", refused=False, value=D("108584.28"), unit="万元")
    refused = Answer(question="q", text="抱歉，公开文件中找不到这个问题的答案：没有找到。", refused=True)
    whole = Answer(question="q", text="增长 12.39%。", refused=False, value=D("12.39"), unit="%")
    parts = [Part("增加了多少", amount), Part(f"涨了{word}几", refused)]
    assert _whole_in_place(parts, whole)[1].answer is whole
    assert _whole_in_place([parts[0], Part("花多少钱", refused)], whole)[1].answer is refused  # no rate asked


def test_a_part_the_whole_answer_answers_is_not_named_as_missing() -> None:
    from assistant.records import Figure

    share = Figure(text="45.27%", value=D("45.27"), unit="%", verdict="verified", source="", expression="")
    whole = Answer(
        question="q", text="占政府采购的 45.27%。", refused=False, value=D("752.59"), unit="万元", figures=[share]
    )
    assert _covered("其中服务类占多少", whole) and not _covered("其中工程类多少", whole)
    assert _covered("原因是什么", replace(whole, text="「主要原因是单位于2024年成立。」"))
    assert not _covered("原因是什么", whole)


@pytest.mark.parametrize("word", cues()["catch_all"])
def test_a_catch_all_row_never_answers_a_part_not_saying_it(word: str) -> None:
    f = Fact(doc_id="d", department="西安市民政局", year=2021, table="表5", section=None, row=f"2081099 {word}社会福利支出",
             code="2081099", column="合计", value=D("23150000"), unit="元", source="表5")  # fmt: skip
    a = Answer(question="q", text="…", refused=False, value=D("23150000"), unit="元", facts=[f])
    assert _kept("西安民政局社会福利支出多少", a).refused
    assert not _kept(f"西安民政局{word}社会福利支出多少", a).refused


def test_a_whole_question_is_never_answered_with_a_catch_all_row_it_does_not_ask() -> None:
    f = Fact(doc_id="d", department="万里街道", year=2024, table="表6", section=None, row="2129999 其他城乡社区管理事务支出",
             code="2129999", column="合计", value=D("54212362"), unit="元", source="表6")  # fmt: skip
    a = Answer(question="q", text="…", refused=False, value=D("54212362"), unit="元", facts=[f])
    assert catch_all_kept("2024年万里街道人大事务支出是多少？", a).refused  # another row, never its figure
    assert not catch_all_kept("2024年万里街道其他城乡社区管理事务支出是多少？", a).refused
    total = replace(a, value=D("99706020"), facts=[f])  # a figure not the row's own (computed from it): kept
    assert not catch_all_kept("2024年万里街道人大事务支出是多少？", total).refused


@pytest.mark.slow
def test_an_item_not_printed_is_not_answered_with_the_catch_all_row(real_engine) -> None:  # type: ignore[no-untyped-def]
    a = real_engine.answer("2024年万里街道人大事务支出是多少？")  # 万里街道 2024 prints no 人大事务 row
    assert a.refused and a.value is None


def test_a_question_splits_at_its_asking_clauses_only() -> None:
    assert clauses("社工部收入支出总计比2023年增长了多少？原因是什么？") == [
        "社工部收入支出总计比2023年增长了多少",
        "原因是什么",
    ]
    assert clauses("北京市交通委员会2026年“三公”经费多少，增长了多少？") == [
        "北京市交通委员会2026年“三公”经费多少",
        "增长了多少",
    ]
    assert clauses("截至2023年底，万里街道共有车辆多少辆？") == ["截至2023年底，万里街道共有车辆多少辆"]
    assert clauses("万里街道2024年办公费预算是多少？") == ["万里街道2024年办公费预算是多少"]


def test_two_years_asked_each_are_each_years_question() -> None:
    assert joined("万里街道2023年和2024年教育支出分别是多少", SPANS, NEVER) == [
        "万里街道2023年教育支出是多少",
        "万里街道2024年教育支出是多少",
    ]


def test_a_joined_item_naming_its_own_department_keeps_it() -> None:
    spans = lambda t: [n for n in ("万里街道", "福利院") if n in t]  # noqa: E731
    assert joined("2024年万里街道的基本支出和福利院的项目支出各是多少", spans, NEVER) == [
        "2024年万里街道的基本支出是多少",
        "2024年福利院的项目支出是多少",  # was "2024年万里街道的福利院的项目支出…": another department's subject
    ]


def test_a_printed_name_holding_a_join_word_is_one_item() -> None:
    printed = lambda name: name == "社会保障和就业支出"  # noqa: E731
    assert split("万里街道2024年社会保障和就业支出分别是多少？", SPANS, printed) == [
        "万里街道2024年社会保障和就业支出分别是多少"
    ]


def test_a_later_part_inherits_the_first_parts_department_year_and_subject() -> None:
    first = "北京市财政局2026年“三公”经费多少？"
    assert "北京市财政局2026年“三公”经费比上年下降了百分之几？" in completed(first, "比上年下降了百分之几？", SPANS)
    assert completed("普陀区社会福利院2024年的“三公”经费一共多少？", "其中公务接待费多少？", NO_NAMES)[0] == (
        "普陀区社会福利院2024年的“三公”经费中公务接待费是多少？"  # 一共 ends the subject
    )


def test_a_later_subject_keeps_the_first_parts_measure() -> None:
    # "基本支出比上年增加了多少？项目支出呢？": 项目支出's change, never its level
    assert completed("万里街道2024年基本支出比上年增加了多少？", "项目支出呢？", SPANS) == [
        "万里街道2024年项目支出比上年增加了多少？"
    ]
    assert completed("万里街道2024年基本支出比上年增长了百分之几？", "项目支出呢？", SPANS) == [
        "万里街道2024年项目支出比上年增长了百分之几？"
    ]
    assert "万里街道2024年项目支出比上年增加了多少？" not in completed(
        "万里街道2024年基本支出是多少？", "项目支出呢？", SPANS
    )


# --- answers on real documents and the sample ----------------------------------------------------------------


@pytest.fixture(scope="module")
def real_engine(store_real):  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings

    return Engine(Settings(store=store_real))


@pytest.mark.slow
def test_a_whole_and_its_part_are_both_answered(real_engine) -> None:  # type: ignore[no-untyped-def]
    a = real_engine.answer("普陀区社会福利院2024年的“三公”经费一共多少？其中公务接待费多少？")
    assert not a.refused and (a.value, a.unit) == (D("0"), "万元")  # the whole question's own answer: the part
    assert {f.value for f in a.figures if f.verdict == "verified"} >= {D("6.4"), D("0")}
    assert len(a.text.split("\n")) >= 3  # one line per part, then the sources


@pytest.mark.slow
def test_a_later_subject_s_change_is_its_change_not_its_level(real_engine) -> None:  # type: ignore[no-untyped-def]
    # 万里街道 部门支出预算总表 合计: 基本支出 99,706,020 (2024) / 99,406,297 (2023); 项目支出 56,505,103 / 65,572,343
    a = real_engine.answer("万里街道2024年基本支出比上年增加了多少？项目支出呢？")
    assert not a.refused and "基本支出比2023年增加 299,723 元" in a.text
    assert "项目支出比2023年减少 9,067,240 元" in a.text and "项目支出为" not in a.text
    assert {f.verdict for f in a.figures} <= {"verified", "derived"}


@pytest.mark.slow
def test_a_reason_not_found_is_named_not_dropped(real_engine) -> None:  # type: ignore[no-untyped-def]
    a = real_engine.answer("社工部收入支出总计比2023年增长了多少？原因是什么？")
    assert not a.refused and (a.value, a.unit) == (D("307.82"), "万元")
    assert "主要原因：单位于 2024 年成立" in a.text  # the reason printed after the change, quoted


@pytest.fixture(scope="module")
def beijing(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings
    from tests.conftest import REAL, store_of

    folder = tmp_path_factory.mktemp("beijing") / "store"
    return Engine(Settings(store=store_of(folder, REAL / "beijing-caizheng-2026-dept-yusuan.pdf")))


def test_the_sample_whole_and_its_share(engine) -> None:  # type: ignore[no-untyped-def]
    a = engine.answer("深圳市科学技术协会2022年“三公”经费是多少？公务接待费占多少？")
    assert not a.refused and a.unit == "万元"
    share = [f for f in a.figures if f.unit == "%"]
    assert share and "占“三公”经费" in a.text  # the share's whole is the first part's subject, never the budget


def test_the_whole_answer_stands_for_a_first_part_read_otherwise_alone() -> None:
    alone = Answer(question="q", text="实有人员 292 人。", refused=False, value=D("292"), unit="人")
    other = Answer(question="q", text="编制 309 人。", refused=False, value=D("309"), unit="人")
    whole = Answer(question="q", text="在编人员 310 人。", refused=False, value=D("310"), unit="人")
    assert _whole_in_place([Part("有多少在编人员", alone), Part("实有多少人", other)], whole)[0].answer is whole
    held = [Part("有多少在编人员", whole), Part("实有多少人", alone)]
    assert _whole_in_place(held, whole) == held  # the whole is a part's own figure: no disagreement


# each part's figure in the answer; its value the whole question's own answer when that is a part, else the first's: 万里街道 2023 p29 流动资产 448.82 and 固定资产
# 3149.52 万元; 万里街道 2024 p17 教育支出 250,000 元 (2023 prints none); 北京市财政局 p8 223.80 万元 下降12.59%, p5 32
# 内设机构 and 12 直属事业单位; 万里街道 2024 部门支出预算总表 合计 row (p20) 项目支出 56,505,103 and 基本支出 99,706,020 元
@pytest.mark.slow
@pytest.mark.parametrize(
    ("engine_of", "question", "value", "unit", "also"),
    [
        ("real_engine", "万里街道2023年的流动资产和固定资产各有多少？", "448.82", "万元", "3,149.52"),
        (
            "real_engine",
            "万里街道2023年和2024年教育支出分别是多少？",
            "250000",
            "元",
            "2023年教育支出是多少：公开文件没有找到",
        ),
        ("beijing", "北京市财政局2026年“三公”经费多少？比上年下降了百分之几？", "12.59", "%", "223.80 万元"),
        ("beijing", "北京市财政局有几个内设机构和直属事业单位？", "12", "个", "32 个"),
        ("real_engine", "万里街道2024年项目支出多少？基本支出多少？", "56505103", "元", "99,706,020"),
        # 北京市财政局 2026 p9: "单位价值100万元以上的设备4台（套）。2026年预算安排中，购置…设备0台（套）"
        (
            "beijing",
            "北京市财政局单位价值100万元以上的设备有多少台套？今年又买几台？",
            "4",
            "台（套）",
            "购置单位价值100万元以上的设备 0 台（套）",
        ),
    ],
)
def test_every_part_is_in_the_answer(request, engine_of: str, question: str, value: str, unit: str, also: str) -> None:  # type: ignore[no-untyped-def]
    a = request.getfixturevalue(engine_of).answer(question)
    assert not a.refused and (a.value, a.unit) == (D(value), unit)
    assert also in a.text


def test_a_later_count_counts_what_the_first_counted() -> None:
    """ "有多少辆车？今年买几辆？": the second part asks 几辆车, not 几辆 of nothing."""
    done = completed("西安民政局有多少辆车", "今年买几辆", NO_NAMES)
    assert done[0] == "西安民政局今年买几辆车？"


def test_a_later_count_counts_the_noun_written_before_the_first_count() -> None:
    """r11b008 "设备有多少台（套）？今年预算里打算再买几台？": the purchase asked of the same 设备, never held."""
    done = completed("北京市财政局单位价值100万元以上的设备有多少台（套）", "今年预算里打算再买几台", SPANS)
    assert done[0] == "北京市财政局今年预算里打算再买几台单位价值100万元以上的设备？"
    done = completed("北京市财政局单位价值100万元以上的设备有多少台（套）", "有几辆车", SPANS)
    assert done[0] != "北京市财政局有几辆车单位价值100万元以上的设备？"  # another unit: no such noun


@pytest.mark.parametrize("word", cues()["shared_parent"])
def test_two_parts_under_a_named_parent_keep_it(word: str) -> None:
    # r9c053: "政府采购预算里货物和服务" — 服务 is the 政府采购 服务 (2万元), never a 绩效目标's 测评服务费用
    assert joined(f"万里街道2024年政府采购预算{word}货物和服务分别是多少", SPANS, NEVER) == [
        f"万里街道2024年政府采购预算{word}货物是多少",
        f"万里街道2024年政府采购预算{word}服务是多少",
    ]


def test_a_bare_zhong_inside_a_name_is_no_parent() -> None:
    assert joined("万里街道2024年普通高中教育和初中教育分别是多少", SPANS, NEVER) == [
        "万里街道2024年普通高中教育是多少",
        "万里街道2024年初中教育是多少",
    ]


def test_two_columns_of_one_subject_keep_the_subject() -> None:
    # r9a024: "事业运行这项，全年预算和决算" — 事业运行's 决算 (11.31), never the department's 本年支出合计 (307.82)
    assert joined("万里街道“事业运行”这项，全年预算和决算分别是多少", SPANS, NEVER) == [
        "万里街道“事业运行”这项，全年预算是多少",
        "万里街道“事业运行”这项，决算是多少",
    ]


def test_a_parent_whose_name_holds_the_item_is_not_kept() -> None:
    # r9b104: "离退休人员里离休和退休" — 退休 (72人), never read as 离退休人员 (78人)
    assert joined("万里街道2024年离退休人员里离休和退休各多少人", SPANS, NEVER) == [
        "万里街道2024年离退休人员里离休多少人",
        "万里街道2024年退休多少人",
    ]


# --- a part asking money after a count; another measure of what the first part asked; a figure held -------------


@pytest.mark.parametrize("word", cues()["money"])
def test_money_asked_after_a_count_is_the_money_of_what_was_counted(word: str) -> None:
    part = word if asks(word) else f"{word}多少"
    assert asks_money(part)
    assert (
        completed("无锡人社局有多少个项目纳入绩效目标管理", part, SPANS)[0] == f"无锡人社局项目纳入绩效目标管理{part}？"
    )


@pytest.mark.parametrize("verb", cues()["money_verbs"])
def test_a_money_verb_adds_no_item_of_its_own(verb: str) -> None:
    assert (
        completed("深圳科创局今年打算买几辆车", f"{verb}多少钱", NO_NAMES)[0] == f"深圳科创局今年打算买车{verb}多少钱？"
    )


def test_money_of_an_item_named_is_that_items_question() -> None:
    done = completed("深圳科创局今年打算买几辆车", "公务接待费花了多少钱", NO_NAMES)
    assert "深圳科创局今年打算买车公务接待费花了多少钱？" not in done
    assert completed("深圳科创局有多少钱", "花多少钱", NO_NAMES)[0] != "深圳科创局钱花多少钱？"  # no count asked


def test_a_count_in_another_unit_counts_what_the_first_part_counted() -> None:
    """ "接待了几次，多少人？" (佛山轨道交通局 2019 p27 "发生国内接待1次，接待人数共13人"): 多少人 of the 接待 counted."""
    assert completed("佛山轨道交通局2019年接待了几次", "多少人", NO_NAMES) == ["佛山轨道交通局2019年接待了多少人？"]
    assert completed("佛山轨道交通局2019年接待了几次", "多少次", NO_NAMES)[0] != "佛山轨道交通局2019年接待了多少次？"
    # the noun counted after what it did: 万里街道 2023 p29 "编报绩效目标的项目5个…涉及项目预算资金3328.13万元"
    assert completed("万里街道2023年有几个项目编报了绩效目标", "涉及多少资金", SPANS)[1] == (
        "万里街道2023年编报了绩效目标的项目涉及多少资金？"
    )
    # the noun is the word jieba reads, never two characters guessed: "二级项目" opens with no noun, so no rewrite
    done = completed("万里街道2023年有几个二级项目编报了绩效目标", "涉及多少资金", SPANS)
    assert not any("的二级" in q or "项目编报了绩效目标的" in q for q in done)
    done = completed("深圳科创局有几辆公务用车是新购的", "花多少钱", NO_NAMES)
    assert done[1] == "深圳科创局新购的公务用车花多少钱？"


@pytest.mark.parametrize("unit", cues()["own_units"])
def test_a_part_asking_a_count_is_never_answered_in_another_unit(unit: str) -> None:
    other = "次" if unit != "次" else "人"
    given = Answer(question="q", text="1。", refused=False, value=D("1"), unit=other)
    assert _unit_kept(f"多少{unit}", given).refused and not _unit_kept(f"多少{other}", given).refused
    assert _unit_kept("花多少钱", given).refused
    assert not _unit_kept("花多少钱", replace(given, unit="万元")).refused


def test_another_measure_of_what_the_first_part_asked() -> None:
    """ "公路建设预算增长了多少？增长率呢？": the growth rate of 公路建设, never of the budget's total."""
    assert completed("无锡市交通运输局的公路建设预算增长了多少", "增长率呢", SPANS) == [
        "无锡市交通运输局的公路建设预算增长率是多少？"
    ]
    assert completed("万里街道2024年基本支出比上年减少了多少", "减少的比例是多少", SPANS)[0] == (
        "万里街道2024年基本支出比上年减少的比例是多少？"
    )


def _answer(value: str, unit: str, measure: str, source: str) -> Answer:
    query = Query(question="q", subjects=("机关运行经费",), measure=measure, year=2024, doc_ids=("d",))  # type: ignore[arg-type]
    figure = Figure(text=f"{value} {unit}", value=D(value), unit=unit, verdict="verified", source=source)
    return Answer(question="q", text="t", refused=False, value=D(value), unit=unit, figures=[figure], query=query)


def test_a_figure_is_held_only_as_the_same_measure_from_the_same_source() -> None:
    # 社工部 2024 决算 p21 "机关运行经费支出10.23万元，比2023年度增加10.23万元"; 无锡人社局 2026 p51 "本部门共有车辆6辆…
    # 应急保障用车6辆": the same value, another measure or another sentence, is not the part answered
    level = _answer("10.23", "万元", "amount", "p21 「支出 10.23 万元」")
    for measure in cues()["change_measures"]:
        change = _answer("10.23", "万元", measure, "p21 「支出 10.23 万元」")
        assert not _held(change, level) and not _held(level, change) and _held(level, level)
    assert _held(_answer("10.23", "万元", "share", "p21 「支出 10.23 万元」"), level)  # no change: shown is held
    change = _answer("10.23", "万元", "change", "p21 「支出 10.23 万元」")
    assert _held(_answer("10.23", "万元", "explain", "p21 「比上年增加 10.23 万元，主要原因」"), change)
    total = _answer("6", "辆", "amount", "p51 「本部门共有车辆6辆」")
    item = _answer("6", "辆", "amount", "p51 「应急保障用车 6辆」")
    assert not _held(item, total) and _held(replace(item, figures=[*item.figures, *total.figures]), total)


@pytest.mark.slow
def test_an_amount_and_its_change_of_the_same_value_are_both_answered(real_engine) -> None:  # type: ignore[no-untyped-def]
    a = real_engine.answer("社会工作部机关运行经费支出多少？比上年增长多少？")
    assert not a.refused and "机关运行经费支出为 10.23 万元" in a.text and "增加 10.23 万元" in a.text


@pytest.mark.slow
def test_the_money_of_the_projects_counted_is_read(real_engine) -> None:  # type: ignore[no-untyped-def]
    # 万里街道 2023 p29: "编报绩效目标的项目5个…涉及项目预算资金3328.13万元"
    a = real_engine.answer("万里街道2023年有几个项目编报了绩效目标？涉及多少资金？")
    assert not a.refused and "5 个" in a.text and "3,328.13 万元" in a.text
    assert {f.verdict for f in a.figures} <= {"verified", "derived"}


@pytest.fixture(scope="module")
def shenzhen_keji(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings
    from tests.conftest import REAL, store_of

    folder = tmp_path_factory.mktemp("shenzhen_keji") / "store"
    return Engine(Settings(store=store_of(folder, REAL / "shenzhen-keji-2026-dept-yusuan.pdf")))


@pytest.mark.slow
def test_the_money_of_the_cars_counted_is_read(shenzhen_keji) -> None:  # type: ignore[no-untyped-def]
    # 深圳市科技创新局 2026 p15 "2026年计划购置车辆1辆、18万元"; p10 公务用车购置费 18 万元
    a = shenzhen_keji.answer("深圳科创局今年打算买几辆车？花多少钱？")
    assert not a.refused and "1 辆" in a.text and "18 万元" in a.text and "没有找到" not in a.text


def test_a_sum_no_part_asks_never_stands_for_the_parts() -> None:
    # 无锡人社局 2026 "商品和服务支出（302）一共多少？其中基本支出部分多少？": the whole read 302 (表6 1,259.82) + the
    # department's 基本支出 (表3 26,790.33) = 28,050.15; each part is 表6's 302 row
    def answer(value: str, *figures: Figure) -> Answer:
        return Answer(question="q", text="t", refused=False, value=D(value), unit="万元", figures=list(figures))

    summed = Figure(text="28,050.15 万元", value=D("28050.15"), unit="万元", verdict="derived",
                    expression="1,259.82 + 26,790.33 = 28,050.15")  # fmt: skip
    whole = answer("28050.15", summed)
    parts = [Part("302一共多少", answer("1259.82")), Part("其中基本支出部分多少", answer("1259.82"))]
    assert _adds_parts(whole, parts)
    asked = [Part("A和B一共多少", answer("28050.15")), Part("其中A多少", answer("1259.82"))]  # the sum asked
    assert not _adds_parts(whole, asked)
    refused = replace(answer("0"), refused=True, value=None)  # "合计呢？" not answered alone: the sum may be its answer
    assert not _adds_parts(whole, [parts[0], Part("合计呢", refused)])
    printed = Figure(text="61.40 万元", value=D("61.40"), unit="万元", verdict="verified")  # a printed total
    assert not _adds_parts(answer("61.40", printed), parts)


@pytest.mark.parametrize("lead", ["其中", "里面"])
def test_a_part_of_the_first_part_is_also_read_as_that_column_of_its_row(lead: str) -> None:
    first = "烟台审计局一般公共服务支出（类）审计事务（款）行政运行（项）是多少？"
    done = completed(first, f"{lead}人员支出多少？", lambda t: [n for n in ("烟台审计局",) if n in t])
    # 烟台审计局 2026 表5 p15: 2010801 行政运行 · 人员支出 1,326.76 (the 中 form reads no such row)
    assert "烟台审计局一般公共服务支出（类）审计事务（款）行政运行（项）的人员支出是多少？" in done
    counted = completed("万里街道包含几家下属预算单位？", "其中事业单位几家？", SPANS)
    assert counted and not any("的事业单位" in q for q in counted)  # a part asking a count of its own: no column


def _level(value: str, unit: str = "万元", measure: str = "amount") -> Answer:
    query = Query(question="q", subjects=(), measure=measure, year=None, doc_ids=())  # type: ignore[arg-type]
    return Answer(question="q", text=f"{value}{unit}。", refused=False, value=D(value), unit=unit, query=query)


@pytest.mark.parametrize("word", [*cues()["level_measures"]])
def test_a_part_is_never_larger_than_its_whole(word: str) -> None:
    # 烟台审计局 2026: 行政运行 1,535.85 (表3), the department's 人员支出 2,536.91 (表5 合计) is no part of it
    first, whole_s, own = (
        _level("1535.85", measure=word),
        _level("2536.91", measure=word),
        _level("1326.76", measure=word),
    )
    assert _within_first("其中人员支出多少？", whole_s, first).refused
    assert _within_first("其中人员支出多少？", own, first) is own
    assert _within_first("人员支出多少？", whole_s, first) is whole_s  # no part asked: another item
    assert _within_first("其中人员多少人？", _level("3000", "人", word), first).refused is False  # another unit
    assert _within_first("其中增加多少？", _level("2536.91", measure="change"), first).refused is False


def test_a_bare_count_of_the_first_count_s_unit_counts_its_noun() -> None:
    done = completed("北京市财政局单位价值100万元以上的设备有多少台套？", "今年又买几台？", SPANS)
    assert "北京市财政局今年又买几台单位价值100万元以上的设备？" in done  # after the 台套 read as a noun
    assert completed("北京市财政局有多少辆车？", "今年买几辆？", SPANS)[0] == "北京市财政局今年买几辆车？"


@pytest.mark.parametrize("why", cues()["why"])
def test_a_count_of_the_verb_asked_why_counts_its_object(why: str) -> None:
    # 无锡人社局 2026 p50: "…主要原因是直属事业单位江苏省无锡技师学院本年度拟购置 1 辆公务用车"
    first = f"无锡市交通运输局今年{why}要买公务车？"
    done = completed(first, "买几辆？", SPANS)
    assert done[0] == "无锡市交通运输局今年公务车买几辆？"
    assert not any("今年公务车" in q for q in completed(first, "花了几天？", SPANS))  # another verb: no object
    assert not any("今年公务车" in q for q in completed("无锡市交通运输局今年买公务车花多少？", "买几辆？", SPANS))


@pytest.mark.parametrize("unit", cues()["own_units"])
def test_an_item_asked_bare_after_a_count_is_counted_in_its_unit(unit: str) -> None:
    # 西安市民政局 2021 p18: "本部门人员编制 609 人……实有人员590 人" — "编制实有多少" read the 编制 again
    done = completed(f"北京市财政局编制多少{unit}？", "实有多少？", SPANS)
    assert done[0] == f"北京市财政局实有多少{unit}？"
    assert (
        completed(f"北京市财政局编制多少{unit}？", "其中行政编制多少？", SPANS)[0]
        != f"北京市财政局其中行政编制多少{unit}？"
    )
    assert completed(f"北京市财政局编制多少{unit}？", "花多少？", SPANS)[0] != f"北京市财政局花多少{unit}？"  # money
    assert completed("北京市财政局三公经费多少？", "实有多少？", SPANS)[0] != "北京市财政局实有多少？"  # no count


@pytest.mark.parametrize("word", cues()["directions"])
def test_a_part_of_a_change_is_never_read_as_the_row_s_level(word: str) -> None:
    # 西安市发改委 2019 p24: "行政运行…增加957.62万元，其中人员经费支出增加840.12万元" (the row's level 2,740.23: never)
    first = f"北京市财政局行政运行比上年{word}多少？"
    assert not any("行政运行的" in q for q in completed(first, f"其中人员经费{word}多少？", SPANS))


@pytest.mark.slow
def test_a_follow_up_of_two_parts_read_in_place_answers_both(beijing) -> None:  # type: ignore[no-untyped-def]
    # 北京市财政局 2026 p9: "单位价值100万元以上的设备4台（套）…购置单位价值100万元以上的设备0台（套）"; the first part
    # completes no earlier question: asked of the department the conversation is about, the second is not dropped
    earlier = [beijing.answer("北京市财政局有几个内设机构？")]
    a = beijing.answer("单位价值100万元以上的设备有多少台套？今年又买几台？", earlier)
    assert not a.refused and (a.value, a.unit) == (D("4"), "台（套）"), a.text
    assert "购置单位价值100万元以上的设备 0 台（套）" in a.text, a.text
