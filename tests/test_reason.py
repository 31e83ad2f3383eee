"""The reason a disclosure prints for the very item asked and its direction (assistant/reason.py), on sentences
copied from real disclosures in tests/data/real (万里街道 2024 部门预算, 福利院 2024 单位预算) and on a real store of
those PDFs. One test per entry of assistant/reason.toml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant import premise, purpose, reason_fit
from assistant.answer import Engine
from assistant.config import Settings
from assistant.narrative import clauses, paragraphs
from assistant.reason import _data, against_budget, asked_phrase, asked_way, fits, gives_reason, no_reason, reasons
from assistant.subjects import subjects
from tests.conftest import REAL, store_of
from tests.test_narrative import chunk

THREE = "其他相关情况说明 > 一、2024年“三公”经费预算情况说明"
P6 = "2024年部门预算编制说明"


# 万里街道 2024 部门预算, p.32: the 三公 section, each item's change and its reason (or its staying unchanged)
WANLI_THREE = chunk(
    "2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中：\n"
    "（一）因公出国（境）费0万元，比2023年预算持平。主要原因是因公出国（境）费保持不变。\n"
    "（二）公务用车购置及运行费46.56万元，比2023年预算增加25万元，主要原因是购置公务用车。其中：公务用车购置费25万元，"
    "比2023年预算增加25万元，主要原因是购置公务用车；公务用车运行费21.56万元，比2023年预算持平，主要原因是公务车用车运行费"
    "保持不变。\n"
    "（三）公务接待费1.35万元。比2023年预算持平，主要原因是公务接待费保持不变。",
    THREE,
)
# 万里街道 2024 部门预算, p.6: a sentence of its own, and a numbered item's change with the reason in the next sentence
WANLI_P6 = chunk(
    "财政拨款收入支出减少的主要原因是项目调整。\n"
    "4.“一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元，主要用于宣传事务一般行政管理事务。"
    "2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。"
    "主要原因是：宣传事务一般行政管理事务经费增加。",
    P6,
)


def test_each_marker_gives_a_reason() -> None:
    """Every marker of reason.toml, in its example, makes the clause the reason of the item's change."""
    for marker in _data()["markers"]:
        sentence = str(_data()["markers_example"]).format(marker=marker)
        assert gives_reason(sentence), marker
        found = reasons([chunk(f"（二）公务用车购置及运行费46.56万元，{sentence}。", THREE)])
        assert [(r.subject, r.way) for r in found] == [("公务用车购置及运行费", "up")], marker
        assert found[0].quote.rstrip("。").endswith(f"{marker}购置公务用车"), marker
    assert not gives_reason("2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。")  # an amount only


@pytest.mark.parametrize("word", _data()["flat"])
def test_each_flat_word_is_a_direction(word: str) -> None:
    found = reasons(
        [chunk(f"（一）因公出国（境）费0万元，比2023年预算{word}，主要原因是因公出国（境）费保持不变。", THREE)]
    )
    assert [(r.subject, r.way) for r in found] == [("因公出国（境）费", "flat")]
    assert asked_way("因公出国费为什么增加？") == "up"


def test_the_reasons_of_a_real_three_public_section() -> None:
    found = {(r.subject, r.way): r.quote for r in reasons([WANLI_THREE])}
    assert "“三公”经费预算数" not in {s for s, _ in found}  # its change is printed without a reason
    assert found[("公务用车购置及运行费", "up")].endswith("主要原因是购置公务用车。")
    assert found[("公务用车购置费", "up")] == "公务用车购置费25万元，比2023年预算增加25万元，主要原因是购置公务用车"
    assert found[("公务用车运行费", "flat")].startswith("公务用车运行费21.56万元，比2023年预算持平")
    assert (
        found[("因公出国（境）费", "flat")]
        == "（一）因公出国（境）费0万元，比2023年预算持平。主要原因是因公出国（境）费保持不变。"
    )
    # the item opened in the sentence before: "（三）公务接待费1.35万元。" "比2023年预算持平，主要原因是…"
    assert found[("公务接待费", "flat")].startswith("（三）公务接待费1.35万元。比2023年预算持平")


def test_a_sentence_of_its_own_and_a_next_sentence_reason() -> None:
    found = reasons([WANLI_P6])
    assert (found[0].subject, found[0].way, found[0].quote) == (
        "财政拨款收入支出",
        "down",
        "财政拨款收入支出减少的主要原因是项目调整。",
    )
    # the reason sentence after the change: the paragraph's item, its path, and the printed direction (减少),
    # whatever the reason's own words say
    assert (found[1].subject, found[1].parents[-1], found[1].way) == ("一般行政管理事务", "宣传事务", "down")
    assert found[1].quote.startswith("2023年当年预算执行数为114.00万元") and "主要原因是" in found[1].quote


def test_a_subject_written_as_its_path_is_its_last_level() -> None:
    text = "2.公路水路运输（款）公路建设（项）支出43,882万元，与上年相比增加13,882万元，增长46.27%。主要原因是市域交通建设项目工程进度投资不同。"
    found = reasons([chunk(text, "五、财政拨款支出预算情况说明")])
    assert [(r.subject, r.parents, r.way) for r in found] == [("公路建设", ("公路水路运输",), "up")]


def test_the_answer_when_no_reason_is_printed() -> None:
    change = clauses("2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。", THREE)[0]
    assert (
        no_reason(change, "“三公”经费", "增加") == "公开文件只列出“三公”经费比2023年预算增加25万元，没有说明增加的原因"
    )
    assert "{change}" in _data()["no_reason"] and "{way}" in _data()["no_reason"]


def test_the_correction_and_several_entries() -> None:
    fixed = str(_data()["corrected"]).format(item="科普活动", printed="持平", asked="增加")
    assert fixed == "公开文件所列是科普活动持平，并未增加"
    assert "哪一项" in str(_data()["several"]).format(items="甲、乙")


@pytest.fixture(scope="module")
def engine(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


@pytest.mark.slow
@pytest.mark.parametrize("word", _data()["asked_words"])
def test_each_asked_word_names_no_item(engine: Engine, word: str) -> None:
    query = engine.understand(f"万里街道2024年为什么{word}安排公务接待费？")
    assert word not in asked_phrase(engine.turn(list(query.doc_ids)), query).split()


@pytest.mark.slow
@pytest.mark.parametrize("word", _data()["degree"])
def test_each_degree_word_names_no_item(engine: Engine, word: str) -> None:
    query = engine.understand(
        str(_data()["degree_example"]).replace("西安市发改委2019年", "万里街道2024年").format(word=word)
    )
    assert asked_phrase(engine.turn(list(query.doc_ids)), query) == "预算"


@pytest.mark.slow
def test_the_reason_printed_for_the_item_and_direction_asked(engine: Engine) -> None:
    a = engine.answer("万里街道2024年财政拨款减少的主要原因是什么？")
    assert not a.refused and "「财政拨款收入支出减少的主要原因是项目调整。」" in a.text  # was the amount sentence
    a = engine.answer("万里街道2024年行政运行为什么减少？")
    assert not a.refused and "减少12.60%。主要原因是：行政运行经费减少。" in a.text


@pytest.mark.slow
def test_a_change_printed_without_a_reason_is_said_so(engine: Engine) -> None:
    a = engine.answer("万里街道2024年一般公共预算拨款支出为什么减少？")
    assert a.refused and "没有说明减少的原因" in a.text and "876.75万元" in a.text
    # the 三公 total has none, its section gives its parts' (was the 47.91/增加25万元 sentence as the reason)
    a = engine.answer("万里街道三公经费2024年为什么增加？")
    assert "没有说明增加的原因" in a.text and "主要原因是购置公务用车" in a.text


@pytest.mark.slow
def test_a_premise_the_items_own_sentence_contradicts_is_corrected(engine: Engine) -> None:
    a = engine.answer("万里街道2024年公益性岗位补贴为什么减少？")
    assert a.refused and "并未减少" in a.text and "增加8.12%" in a.text
    a = engine.answer("万里街道2024年科普活动为什么增加？")
    assert a.refused and "持平，并未增加" in a.text


@pytest.mark.slow
def test_several_items_of_the_words_asked_are_asked_back(engine: Engine) -> None:
    a = engine.answer("万里街道2024年一般行政管理事务为什么减少？")
    assert a.refused and "哪一项" in a.text and "宣传事务一般行政管理事务" in a.text


@pytest.mark.slow
def test_a_quote_of_another_item_or_an_amount_answers_no_why(engine: Engine) -> None:
    query = engine.understand("万里街道2024年行政运行为什么减少？")
    turn = engine.turn(list(query.doc_ids))
    assert not fits(turn, query, "2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元，主要原因是购置公务用车。")
    assert not fits(turn, query, "2024年预算安排1660.32万元，比2023年预算执行数减少12.60%。")  # an amount only
    assert fits(turn, query, "行政运行比2023年预算执行数减少12.60%。主要原因是：行政运行经费减少。")


@pytest.mark.slow
def test_a_bare_reason_sentence_of_another_item_or_direction_is_no_answer(engine: Engine) -> None:
    # "主要原因是：组织事务一般行政管理事务经费增加。" names another item; the 宣传事务 one follows a fall (减少2.98%)
    for question in ("万里街道2024年宣传经费为什么增加了？", "万里街道2024年宣传经费为什么减少了？"):
        a = engine.answer(question)
        assert a.refused and "组织事务" not in a.text and "群众团体事务" not in a.text, question


@pytest.mark.slow
def test_a_stated_figure_the_change_is_not_is_corrected(engine: Engine) -> None:
    a = engine.answer("万里街道2024年三公经费比上年增长了50%，主要原因是什么？")
    assert a.refused and "增加25万元" in a.text and "“50%”" in a.text  # never the two years' figures instead


# 社工部 2024 决算, p.18: a numbered item's opening sentence, then its use in a sentence of its own
SHEGONGBU_USE = chunk(
    "3、一般公共服务支出（类）社会工作事务（款）其他社会工作事务支出（项）。{marker}新建部门开办费、基层政权和社区建设项目支出。",
    "五、一般公共预算财政拨款支出决算情况说明",
)


@pytest.mark.parametrize("word", purpose._data()["asked"])
def test_each_use_word_asks_a_use(word: str) -> None:
    assert purpose.asks_use(str(purpose._data()["asked_example"]).format(word=word))
    assert not purpose.asks_use(
        f"万里街道2023年的政府性基金拨款支出比2022年增加了1421.25万元，主要{word}？"
    )  # a premise


@pytest.mark.parametrize("marker", purpose._data()["markers"])
def test_each_use_marker_prints_the_items_use(marker: str) -> None:
    text = SHEGONGBU_USE.text.replace("{marker}", f"{marker}：")
    found = purpose.uses([chunk(text.split("\n", 1)[1], SHEGONGBU_USE.where)])
    assert [(u.subject, u.parents) for u in found] == [("其他社会工作事务支出", ("一般公共服务支出",))]
    assert found[0].quote.startswith("3、一般公共服务支出（类）") and f"{marker}：新建部门开办费" in found[0].quote
    assert str(purpose._data()["markers_example"]).startswith(tuple(purpose._data()["markers"]))


@pytest.mark.slow
def test_a_use_question_is_answered_by_the_items_use(engine: Engine) -> None:
    a = engine.answer("社工部“其他社会工作事务支出”主要花在哪？")  # was refused: "文件没有列出…的构成"
    assert not a.refused and "主要用于：新建部门开办费、基层政权和社区建设项目支出" in a.text
    a = engine.answer("社工部行政运行主要用在哪？")  # the use words and their filler are no item ("主要")
    assert not a.refused and "行政单位人员支出、公用支出" in a.text
    a = engine.answer("万里街道2024年一般行政管理事务用途是什么？")  # several items: asked which
    assert a.refused and "哪一项" in a.text and "的用途" in a.text
    assert all(w in purpose._data()["filler"] for w in ("主要",))


def test_a_stated_figure_the_printed_change_is_not() -> None:
    """premise.toml's `stated`: "增长了50%" when 万里街道's 三公 rose 25万元 on 22.91万元 (109%)."""
    question = "万里街道2024年三公经费比上年增长了50%，主要原因是什么？"
    stated = premise.figure_stated(question)
    assert stated == ("50%", 50)
    change = clauses("2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。", THREE)[0]
    fixed = premise.stated_wrong(stated, change, "“三公”经费")
    assert fixed is not None and fixed.startswith("公开文件所列是“三公”经费比2023年预算增加25万元，并非问题所说的“50%”")
    assert fixed.endswith("「2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。」")  # the printed sentence
    assert premise.stated_wrong(("109%", 109), change, "“三公”经费") is None  # 25 on 22.91: 109.1%
    assert premise.stated_wrong(("25万元", 25), change, "“三公”经费") is None


# 西安市民政局 2021 部门预算 p.33, 重庆市水利局 2026 部门预算 p.7, 社工部 2024 决算 p.17: sentences copied as printed
XIAN_MEETING = "2021年本部门当年一般公共预算会议费预算支出29.92万元，较上年的7.80万元增加22.12万元，增幅283.59%，主要原因是局机关增加社区（村）委会换届选举会议及其他民政业务会议预算支出。"
CHONGQING_RUNNING = "（一）机关运行经费。\n2026年一般公共预算财政拨款运行经费2115.63万元，比2025年增加1.05万元，主要原因是机关办公费有所增加。"
SHEGONGBU_TOTAL = "中共上海市普陀区委社会工作部2024年度收入支出总计307.82万元。与 2023 年度相比，收入支出总计增加 307.82 万元，增长100.00%。主要原因：单位于 2024 年成立。"


@pytest.mark.parametrize("fund", subjects().funds)
def test_a_fund_before_an_item_only_qualifies_it(fund: str) -> None:
    """subjects.toml `funds`: written before the item, a fund the question does not name is left out."""
    assert reason_fit.unqualified(f"{fund}会议费预算支出", "会议费") == "会议费预算支出"
    assert reason_fit.unqualified(f"{fund}会议费", fund) == f"{fund}会议费"  # the fund asked stays


def test_a_fund_qualified_or_heading_shortened_subject_is_the_item() -> None:
    (meeting,) = reasons([chunk(XIAN_MEETING, "六、部门预算“三公”经费等情况说明")])
    assert [r.subject for r in reason_fit.loosened([meeting], "会议费")] == ["会议费预算支出"]
    (running,) = reasons([chunk(CHONGQING_RUNNING, "五、其他重要事项的情况说明")])
    assert running.heading == ("机关运行经费",)
    assert [r.subject for r in reason_fit.loosened([running], "机关运行经费")] == ["机关运行经费"]


def test_a_kuan_named_is_its_one_xiang() -> None:
    found = reasons([WANLI_P6])
    assert [(r.subject, r.way) for r in reason_fit.at_parent(found)] == [("宣传事务", "down")]


def test_a_change_printed_with_its_comparison_first_opens_its_reason() -> None:
    found = reasons([chunk(SHEGONGBU_TOTAL, "一、收入支出决算总体情况说明")])
    assert [(r.subject, r.way) for r in found] == [("收入支出总计", "up")]
    assert found[0].quote == "与2023年度相比，收入支出总计增加307.82万元，增长100.00%。主要原因：单位于2024年成立。"
    assert reason_fit.compared_first("与上年相比，支出减少0万元") is None  # no change


def test_reasons_alike_and_the_contradiction_entry() -> None:
    printed = "比2025年年初预算数44021.20万元增加148.16万元，增长0.34%。主要原因是人员增加，基本经费预算有所增长。"
    found = reasons([chunk(f"2026年度收入预算44169.36万元，{printed}\n2026年支出预算44169.36万元，{printed}", "预算")])
    assert [r.subject for r in found] == ["收入预算", "支出预算"]
    assert reason_fit.said_alike(found, re.compile("主要原因"))
    other = reasons([chunk(f"2026年支出预算44169.36万元，{printed.replace('人员增加', '项目增加')}", "预算")])
    assert not reason_fit.said_alike([found[0], *other], re.compile("主要原因"))
    assert "{said}" in _data()["contradicted"]


@pytest.mark.slow
def test_one_departments_several_years_without_a_year_asked(engine: Engine) -> None:
    a = engine.answer("万里街道财政拨款减少的原因是什么？")  # 2023 and 2024 loaded: the latest (was refused)
    assert not a.refused and "项目调整" in a.text


@pytest.mark.slow
def test_a_premise_the_figures_contradict_though_the_reason_agrees(engine: Engine) -> None:
    a = engine.answer("万里街道宣传事务经费2024年为什么增加了？")  # 减少2.98%。主要原因是：…经费增加
    assert a.refused and "宣传事务一般行政管理事务减少，并未增加" in a.text and "减少2.98%" in a.text
    assert "与数字的方向相反" in a.text


@pytest.mark.slow
def test_a_reason_after_a_comparison_first_change(engine: Engine) -> None:
    a = engine.answer("社工部收入支出为什么比2023年增长了？")
    assert not a.refused and "单位于 2024 年成立" in a.text


@pytest.mark.slow
def test_reasons_of_several_items_said_alike_are_no_question_back(tmp_path: Path) -> None:
    store = store_of(tmp_path / "store", REAL / "beijing-caizheng-2026-dept-yusuan.pdf")
    a = Engine(Settings(store=store)).answer("北京财政局今年预算比去年涨了多少？为什么？")
    assert not a.refused and "148.16" in a.text and "主要原因是人员增加" in a.text


# 福州市公安局治安管理支队 2026 单位预算 p.27: the item after its 科目编码, its use (and who it is for) next
FUZHOU_HOUSING = "（七）2210203-购房补贴85.00万元。\n主要用于单位新人（1988年12月1日后参加工作人员）购房补贴支出。"


def test_an_items_use_after_its_code() -> None:
    (use,) = purpose.uses([chunk(FUZHOU_HOUSING, "二、一般公共预算拨款支出情况")])
    assert use.subject == "购房补贴" and use.quote.endswith(
        "主要用于单位新人（1988年12月1日后参加工作人员）购房补贴支出。"
    )
    assert purpose.asks_use("治安支队的购房补贴是给谁的？")
    assert all(w in purpose._data()["filler"] for w in ("里", "呢"))  # "主要用在哪里": no item word left


@pytest.mark.slow
def test_a_use_asked_of_an_item_whose_use_is_unprinted_is_no_amount(engine: Engine) -> None:
    a = engine.answer("福利院2024年的住房公积金是给谁的？")
    assert not a.value and ("主要用于在职人员公积金缴费" in a.text or "没有找到它的用途" in a.text)
    a = engine.answer("万里街道2024年财政拨款收入是给谁的？")  # an amount no text gives a use of: refused
    assert a.refused and str(purpose._data()["unprinted"]).split("{item}")[1][:6] in a.text


# 福州市公安局治安管理支队 2026 单位预算 p.28: every item of the “三公” section 与上年持平, no total's change
FUZHOU_THREE = (
    "（一）因公出国（境）经费2026年预算安排0.00万元，与上年持平。\n（二）公务接待费2026年预算安排2.00万元，与上年持平。"
    "主要是保障公务接待需要。"
)


def test_a_section_of_unchanged_items_corrects_a_rise_of_the_whole() -> None:
    where = "第三部分 2026年度单位预算情况说明 > 六、一般公共预算“三公”经费支出情况"
    read = [(s, w) for s, w, _ in paragraphs([chunk(FUZHOU_THREE, where)])]
    found = reason_fit.unchanged_section(read, ["三公"], re.compile("持平"))
    assert found is not None and found[0] == where and len(found[1]) == 2
    assert reason_fit.unchanged_section(read, ["培训费"], re.compile("持平")) is None
    changed = [(s.replace("与上年持平", "比上年增加1.00万元"), w) for s, w in read]
    assert reason_fit.unchanged_section(changed, ["三公"], re.compile("持平")) is None
    fixed = str(_data()["unchanged"]).format(section="“三公”经费", flat="持平", asked="增加")
    assert fixed == "公开文件所列“三公”经费各项均与上年持平，并未增加"


@pytest.mark.parametrize("word", _data()["against_budget"])
def test_each_against_budget_word_asks_no_change_over_years(word: str) -> None:
    assert against_budget(str(_data()["against_budget_example"]).format(word=word))
    assert not against_budget("社工部收入支出为什么比2023年增长了？")


def test_a_change_after_an_aside_is_the_change_of_the_item_the_aside_follows() -> None:
    # 重庆市水利局 2026 部门预算, p.6: the change clause has no words of its own; the use aside runs over a comma
    text = (
        "2026 年一般公共预算财政拨款支出 128148.56 万元，比 2025 年增加 10300.15 万元。其中：基本支出 33325.21 万元，"
        "主要用于保障在职人员工资福利及社会保险缴费、离休人员离休费、退休人员补助等，保障部门正常运转的各项商品服务支出，"
        "比 2025年增加 2943.64 万元，主要原因是水电职院学生人数增加、机关及直属单位人员增加；项目支出94823.35 万元。"
    )
    found = [r for r in reasons([chunk(text, "三、财政拨款情况说明")]) if "2943.64" in r.quote]
    assert [(r.subject, r.way) for r in found] == [("基本支出", "up")]
    assert found[0].quote.startswith("基本支出") and found[0].quote.endswith("机关及直属单位人员增加")


def test_a_why_question_of_a_column_is_a_why_question() -> None:
    assert against_budget("佛山轨道交通局2019年三公经费比年初预算超了，原因是什么？")
    assert against_budget("佛山轨道交通局2019年三公经费为什么超过年初预算？")
