"""A quoted passage answers only when it gives what was asked (assistant/quote_fit.py): the document's own note
about an absence for "why is X not explained", a use for "干什么用", a list naming the things asked for "哪些X".
Sentences copied from real disclosures (福州治安支队 2026 p26, 烟台审计局 2026 p27/p37, 深圳科技创新局 2026 p11); one
test per entry of assistant/quote_fit.toml, and the real 深圳科技创新局 2026 PDF of tests/data/real."""

from __future__ import annotations

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.quote_fit import (
    _data,
    asked_noun,
    asked_things,
    asks_amount,
    asks_duties,
    asks_use,
    asks_why_not_printed,
    misfit,
    names_nothing,
    states_duties,
    use_unprinted,
)
from tests.conftest import REAL, store_of

SECRET = (  # 福州市公安局治安管理支队 2026 单位预算, p.26
    "由于公共安全（类）公安（款）下的有关项级科目支出，经保密机构确认为涉及国家秘密的信息，根据国家保密法律法规和"
    "有关保密事项范围的规定，不予对外公开。"
)
INCOME = (  # the same page: the income's growth, no note about the 项级科目
    "2026 年,福州市公安局治安管理支队收入预算为2796.14 万元，比上年增加 129.07 万元，增长 4.84%，主要原因是一般公共"
    "预算拨款收入增加 129.07 万元。"
)
RISE = "3.收支预算增加的主要原因，一是单位人员工资调整，工资保险等基本支出增加；二是用于保障审计业务的项目支出增加。"
DEFINED = "十一、项目支出：指在基本支出之外为完成特定任务和事业发展目标所发生的支出。"  # 烟台审计局 p.37 名词解释
PRIZE = "科学技术奖奖金｜7,100.00｜开展2026年度深圳市科学技术奖四类奖项的评选和审批工作。"  # 深圳科技创新局 p.11


@pytest.mark.parametrize("word", _data()["not_printed"])
def test_each_not_printed_word_asks_for_the_absences_own_note(word: str) -> None:
    question = str(_data()["not_printed_example"]).format(word=word)
    assert asks_why_not_printed(question)
    assert misfit(question, INCOME) == _data()["not_printed_refusal"]  # a growth's reason: no note (r7c088)
    assert misfit(question, SECRET) is None


@pytest.mark.parametrize("word", _data()["absence_notes"])
def test_each_absence_note_answers_why_not_printed(word: str) -> None:
    question = str(_data()["not_printed_example"]).format(word="没有说明")
    assert misfit(question, str(_data()["absence_example"]).format(word=word)) is None
    assert not asks_why_not_printed("烟台市审计局三公经费为什么下降？")  # a change's why: left to reason.py


@pytest.mark.parametrize("word", _data()["use_asked"])
def test_each_use_word_asks_a_use_never_a_why_or_a_definition(word: str) -> None:
    question = str(_data()["use_asked_example"]).format(word=word)
    assert asks_use(question)
    assert misfit(question, RISE) == _data()["use_refusal"]  # why it rose, though it says 用于
    assert misfit(question, DEFINED) == _data()["use_refusal"]
    assert misfit(question, "项目支出主要用于审计业务外勤和聘请中介机构。", items=["项目支出"]) is None


@pytest.mark.parametrize("word", _data()["uses"])
def test_each_use_marker_prints_a_use_of_the_item_named(word: str) -> None:
    question = str(_data()["use_asked_example"]).format(word="干什么用的")
    said = str(_data()["use_example"]).format(word=word)
    assert misfit(question, said, items=["项目支出"]) is None
    assert misfit(question, said, items=["金融支出"]) == _data()["use_refusal"]  # another item's use
    assert misfit(question, said, paragraph="（六）金融支出 10,000.00 万元", items=["金融支出"]) is None


@pytest.mark.parametrize("word", _data()["reasons"])
def test_each_reason_word_makes_a_sentence_no_use(word: str) -> None:
    question = str(_data()["use_asked_example"]).format(word="干什么用的")
    assert misfit(question, str(_data()["reason_example"]).format(word=word)) == _data()["use_refusal"]


@pytest.mark.parametrize("word", _data()["amount_asked"])
def test_each_amount_word_asks_the_amount_beside_the_use(word: str) -> None:
    question = str(_data()["amount_asked_example"]).format(word=word)
    assert asks_use(question) and asks_amount(question)
    assert not asks_amount(str(_data()["use_asked_example"]).format(word="干什么用的").replace("781.5万", ""))
    refusal = "文件中没有找到说明其用途的文字"
    assert use_unprinted(refusal, [question]).startswith("用途：")
    assert use_unprinted(refusal, ["重庆市水利局2026年的其他支出是干什么的", word]).startswith("用途：")
    assert use_unprinted(refusal, ["深圳市财政局的金融支出是多少", "主要是干什么的"]) == ""  # each clause: its line


@pytest.mark.parametrize("word", _data()["which"])
def test_each_which_word_asks_a_list_naming_the_things(word: str) -> None:
    question = str(_data()["which_example"]).format(word=word)
    assert asked_things(question) == "高校"
    refused = str(_data()["list_refusal"]).format(thing="高校")
    assert misfit(question, PRIZE) == refused  # a project's row names no 高校 (r7b050)
    assert misfit(question, "资助的高校包括深圳大学、南方科技大学。") is None
    assert misfit(question, "科学技术奖奖金｜7,100.00｜资助深圳大学等高校。") == refused  # one row is no list
    assert misfit(question, "高校：指普通高等学校。") == refused  # a definition is no list


EDUCATION = (
    "（2）教育支出（类）支出 11,622 万元，主要用于直属事业单位江苏省无锡技师学院部门预算。"  # 无锡人社局 2026 p.39
)
WUXI = ("无锡市人力资源和社会保障局", "无锡人社局", "人社局")


def test_a_use_question_naming_no_item_is_never_another_items_use() -> None:
    unnamed, named = _data()["unnamed_example"], _data()["named_example"]
    assert names_nothing(unnamed, WUXI) and not names_nothing(named, WUXI)
    assert misfit(unnamed, EDUCATION, owner=WUXI) == _data()["use_refusal"]  # r12c011
    assert not names_nothing("烟台市审计局项目支出那781.5万是干什么用的？")  # the figure names it


@pytest.mark.parametrize("word", _data()["unnamed_fillers"])
def test_each_filler_names_no_item(word: str) -> None:
    assert names_nothing(f"无锡人社局{word}什么用途？", WUXI)
    assert not names_nothing(f"无锡人社局{word}车辆什么用途？", WUXI)


@pytest.mark.parametrize("end", _data()["thing_ends"])
def test_the_whole_noun_asked_must_be_printed(end: str) -> None:
    question = _data()["noun_example"]
    assert asked_noun(question) == "办公设备"
    assert misfit(question, _data()["noun_not_printed"]) == str(_data()["list_refusal"]).format(
        thing="办公设备"
    )  # r12b200
    assert misfit(question, "购置办公设备包括计算机2台、打印机1台。") is None
    assert asked_noun(f"给了哪些高校{end}？") == "高校"


@pytest.mark.parametrize("word", _data()["generic"])
def test_a_generic_thing_asks_no_particular_kind(word: str) -> None:
    assert asked_things(f"项目支出主要涉及哪些{word}其他？") is None


@pytest.mark.parametrize("word", _data()["bounds"])
def test_a_which_question_with_a_bound_is_never_answered_by_a_quote(word: str) -> None:
    question = str(_data()["bound_example"]).format(word=word)
    said = "纳入2026年部门预算的政府采购项目共有620万元，其中：服务类项目620万元。"
    assert misfit(question, said) == str(_data()["bound_refusal"]).format(thing="项目")
    assert misfit(question.replace("200万", ""), said) is None  # no bound: a sentence naming 项目 may list them


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    store = store_of(tmp_path_factory.mktemp("keji") / "store", REAL / "shenzhen-keji-2026-dept-yusuan.pdf")
    return Engine(Settings(store=store))


@pytest.mark.slow
def test_unprinted_recipients_are_refused_never_a_projects_row(engine: Engine) -> None:
    a = engine.answer("深圳科技创新局2026年给了哪些高校多少钱？")
    assert a.refused and "高校" in a.text and "7,100.00" not in a.text  # was 科学技术奖奖金 7,100.00 ✓ (r7b050)
    a = engine.answer("深圳科技创新局哪些项目超过200万？")
    assert a.refused and "620" not in a.text  # was the 政府采购 sentence
    a = engine.answer("深圳科技创新局2026年市级人才专项经费是干什么用的，多少钱？")
    assert not a.refused and "61191" in a.text.replace(",", "")  # the amount, whatever the use found


@pytest.mark.parametrize("word", _data()["absent_words"])
@pytest.mark.parametrize("thing", _data()["absent_things"])
def test_each_absent_thing_asks_for_the_absences_own_note(word: str, thing: str) -> None:
    question = str(_data()["absent_example"]).format(word=word, thing=thing)
    assert asks_why_not_printed(question)
    said = "主要原因是严格落实市政府“过紧日子”的要求，控制委托业务费支出。"  # 烟台审计局 2026 p.28 (r13b090)
    assert misfit(question, said) == _data()["not_printed_refusal"]
    assert misfit(question, "本部门无财政拨款业务类和投资发展类项目，不涉及绩效目标设置。") is None
    assert not asks_why_not_printed("烟台市审计局项目支出为什么没有增加？")  # a change, not a printed thing


DUTIES = "主要职责是：统筹指导人民信访工作，指导人民建议征集工作；负责志愿服务工作的统筹规划。"  # 社工部 2024 p.4
COSTS = "其中：人员经费95.36 万元，主要包括：基本工资、津贴补贴；公用经费 10.23万元，主要包括：办公费。"  # p.20


@pytest.mark.parametrize("word", _data()["duties_asked"])
def test_each_duties_word_asks_the_duties_never_a_list_of_costs(word: str) -> None:
    question = str(_data()["duties_example"]).format(word=word)
    assert asks_duties(question)
    assert misfit(question, COSTS) == _data()["duties_refusal"]  # r13c049
    assert misfit(question, DUTIES) is None


@pytest.mark.parametrize("word", _data()["duties_stated"])
def test_each_duties_heading_states_the_duties(word: str) -> None:
    assert states_duties(f"{word}：统筹指导人民信访工作。")
    assert not states_duties(COSTS)


def test_the_absences_own_note_is_scored_as_the_answer_to_why_not_printed() -> None:
    from assistant.explain import MIN_SCORE, _score
    from assistant.quote_fit import absence_notes

    question = "审计局为什么没有部门主管专项资金的绩效目标表？"  # r13b090: 烟台审计局 2026 p.29 prints its note
    said = (
        "（二）部门主管专项资金的绩效目标表2026年烟台市审计局部门无财政拨款业务类和投资发展类项目，不涉及绩效目标设置。"
    )
    assert absence_notes(question) and not absence_notes("审计局项目支出为什么增加？")
    assert _score(said, said, question, (), absence_notes(question)) >= MIN_SCORE
    assert _score(said, said, question, ()) < MIN_SCORE  # no reason word: without the notes, never quoted
