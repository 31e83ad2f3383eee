"""A false premise in a why-question is corrected from the change printed for the very item asked: on
Shenzhen's real 2026 科技创新局 部门预算, 第五部分 "公务接待费。2026 年预算数 3 万元，较 2025 年年初预算减少 2
万元" — "公务接待费为什么增加了" is told "公开文件所列是减少 2 万元，并未增加", never a quote of the department's
reasons for its budget's rise. Each word of assistant/premise.toml against a question of its own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant import premise
from assistant.answer import Engine
from assistant.config import Settings
from assistant.narrative import Change
from tests.conftest import REAL, store_of


@pytest.mark.parametrize("word", premise._data()["up"])
def test_each_rise_word_is_read_as_a_rise(word: str) -> None:
    assert premise.asked_direction(f"公务接待费为什么{word}了？") == (word, "up")
    assert premise.printed_direction(f"比2025年{word} 2 万元。") == (f"{word} 2 万元", "up")


@pytest.mark.parametrize("word", premise._data()["down"])
def test_each_fall_word_is_read_as_a_fall(word: str) -> None:
    assert premise.asked_direction(f"公务接待费为什么{word}了？") == (word, "down")
    assert premise.printed_direction(f"比2025年{word} 2 万元。") == (f"{word} 2 万元", "down")


def test_the_reason_form_and_no_direction() -> None:
    assert premise.asked_direction("委托业务费增加的原因是什么？") == ("增加", "up")
    assert premise.asked_direction("国有资本经营预算支出表为什么全是0？") is None
    assert premise.correction("收入为什么增长了？", "收入比2025年减少 193.20 万元。") == (
        "公开文件所列是减少 193.20 万元，并未增长"
    )
    assert premise.correction("收入为什么减少了？", "收入比2025年减少 193.20 万元。") is None
    assert premise.correction("收入为什么增长了？", "收入 9,626.78 万元。") is None  # no change printed


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("premise") / "store"
    return Engine(Settings(store=store_of(folder, REAL / "shenzhen-keji-2026-dept-yusuan.pdf")))


@pytest.mark.slow
def test_a_false_premise_is_corrected_from_the_item_asked(engine: Engine) -> None:
    a = engine.answer("深圳市科技创新局公务接待费为什么增加了？")
    assert a.refused
    assert a.text.startswith("公开文件所列是减少 2 万元，并未增加。")
    assert "41,626" not in a.text  # the department's reasons for its budget's rise answer nothing here


@pytest.mark.slow
def test_a_true_premise_is_still_explained(engine: Engine) -> None:
    a = engine.answer("深圳市科技创新局公务接待费为什么减少了？")
    assert not a.text.startswith("公开文件所列是")


def test_the_premise_and_its_question_words_name_no_item() -> None:
    assert premise.without_premise("万里街道2024年预算增加的原因是什么？").strip(" ？") == "万里街道2024年预算"
    assert premise.without_premise("预算为什么增加了？").strip(" ？了") == "预算"


@pytest.mark.parametrize("name", premise._data()["whole"])
def test_each_name_of_the_whole_states_its_change(name: str) -> None:
    said = [
        f"2026 年度{name} 44169.36 万元，比 2025 年年初预算数 44021.20 万元增加 148.16 万元。",
        "主要原因是人员增加。",
    ]
    assert premise.whole_stated([("二、收入预算情况说明", said)]) == ("二、收入预算情况说明", "".join(said))


@pytest.mark.parametrize("name", premise._data()["whole_leading"])
def test_a_sentence_opening_with_the_side_states_the_whole(name: str) -> None:
    said = [f"{name}比 2025 年减少 246429.22 万元，主要是项目支出减少。"]  # 重庆市水利局 2026, p.5
    assert premise.whole_stated([("二、部门收支总体情况", said)]) == ("二、部门收支总体情况", said[0])


@pytest.mark.parametrize("part", premise._data()["not_after"])
def test_a_part_s_change_is_not_the_whole_s(part: str) -> None:
    said = [f"{part}支出预算16497.86万元，比2022年预算增加1421.25万元。"]  # 万里街道 2023: 一般公共预算拨款支出预算
    assert premise.whole_stated([("部门预算编制说明", said)]) is None
    said = ["收入预算15621.11万元，其中：财政拨款收入15621.11万元，比2023年预算减少876.75万元。"]  # 万里街道 2024
    assert premise.whole_stated([("部门预算编制说明", said)]) is None


@pytest.mark.slow
def test_a_false_premise_about_the_whole_budget_is_corrected_from_its_own_sentence(tmp_path: Path) -> None:
    """北京市财政局 2026 (p.6): 收入预算 rose 148.16 万元; "预算减少的主要原因" is corrected, never answered with the
    “三公” paragraph's reason for its fall; a true premise quotes the whole's sentence and its reason."""
    engine = Engine(Settings(store=store_of(tmp_path / "store", REAL / "beijing-caizheng-2026-dept-yusuan.pdf")))
    a = engine.answer("北京市财政局2026年预算减少的主要原因是什么？")
    assert a.refused and a.text.startswith("公开文件所列是增加 148.16 万元，并未减少。")
    assert "三公" not in a.text
    a = engine.answer("北京市财政局2026年预算增加的主要原因是什么？")
    assert not a.refused and "增加 148.16 万元" in a.text and "主要原因是人员增加" in a.text


@pytest.mark.parametrize(
    ("question", "either"),
    [
        ("重庆水利局今年收入比去年多了还是少了？差多少？", True),
        ("收入比上年增加还是减少？", True),
        ("收入比上年是涨了还是跌了", True),
        ("重庆水利局今年收入比去年少了多少？", False),
        ("收入为什么增加了？", False),
    ],
)
def test_a_question_that_asks_which_way_takes_no_direction(question: str, either: bool) -> None:
    assert premise.either_way(question) is either


# A why-question that also asks how much (assistant/why_much.py): the change, then its reason.


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("三公经费为什么增加了？增加了多少？", "change"),
        ("三公经费为什么增长了？增加了多少钱？", "change"),
        ("一般公共预算拨款收入增长的原因是什么，增长了多少？", "change"),
        ("收入为什么减少了？少了多少万元？", "change"),
        ("收入为什么减少了？差多少？", "change"),
        ("收入为什么下降了？降幅是多少？", "growth"),
        ("收入为什么增长了？增长了百分之几？", "growth"),
        ("收入为什么增长了？增幅多少？", "growth"),
        ("收入为什么增长了？", None),
        ("收入增长的原因是什么？", None),
    ],
)
def test_what_a_why_question_also_asks(question: str, measure: str | None) -> None:
    assert premise.how_much(question) == measure


def test_the_figure_a_premise_states() -> None:
    assert premise.stated_figure("三公经费为什么增长了46.22%？增加了多少钱？") == ("46.22%", Decimal("46.22"))
    assert premise.stated_figure("收入为什么减少了 193.20 万元？") == ("193.20 万元", Decimal("193.20"))
    assert premise.stated_figure("收入为什么减少了？") is None


@pytest.mark.slow
def test_the_change_then_its_reason(engine: Engine) -> None:
    a = engine.answer("深圳市科技创新局公务接待费为什么减少了？减少了多少？")
    assert not a.refused and a.value == Decimal("2") and a.unit == "万元"
    change, reason = a.text.index("减少 2 万元"), a.text.index("主要是根据年度因公出国计划任务安排相关预算")
    assert change < reason


@pytest.mark.slow
def test_a_premise_figure_the_document_does_not_print_is_no_answer(engine: Engine) -> None:
    a = engine.answer("深圳市科技创新局公务接待费为什么减少了3万元？减少了多少？")
    assert a.value is None  # "减少了3万元" is not what is printed (减少 2 万元): never answered as if it held


@pytest.mark.slow
def test_a_why_question_alone_still_quotes_the_reason(engine: Engine) -> None:
    a = engine.answer("深圳市科技创新局公务接待费为什么减少了？")
    assert a.value is None and "主要是根据年度因公出国计划任务安排相关预算" in a.text


# --- review r1 S1-5: an item's why-question --------------------------------------------------------------

FULIYUAN = "2023年当年预算执行数为44.17万元，2024年预算安排50.37万元，比2023年预算执行数增加14.04%。"


def _change(subject: str, rate: str) -> Change:
    return Change(subject=subject, amount=Decimal("50.37"), unit="万元", change=None, change_unit="万元",
                  rate=Decimal(rate), sentence=FULIYUAN, where="2024年单位预算编制说明", against="2023年预算执行数",
                  parents=("医疗卫生与计划生育支出", "行政事业单位医疗"))  # fmt: skip


def test_an_items_false_premise_is_corrected_from_its_own_printed_change() -> None:
    changes = [_change("事业单位医疗", "14.04")]
    fixed = premise.item_corrected("福利院2024年事业单位医疗为什么减少？", changes, "事业单位医疗")
    assert fixed and fixed[0] == "公开文件所列是比2023年预算执行数增加 14.04%，并未减少"
    assert premise.item_corrected("福利院2024年事业单位医疗为什么增加？", changes, "事业单位医疗") is None
    assert premise.item_corrected("福利院2024年行政事业单位医疗为什么减少？", changes, "行政事业单位医疗") is None


def test_a_quote_explains_an_item_only_when_it_names_it() -> None:
    three = "2026年财政拨款“三公”经费预算223.80万元，比2025年年初预算减少32.23万元，下降12.59%"
    assert not premise.names_subject(three, ["项目支出"])  # was quoted with ✓ for 北京市财政局's 项目支出
    assert premise.names_subject(three, ["“三公”经费"])
    assert premise.names_subject(three, [])  # the budget as a whole: any passage


def test_an_items_why_question_quotes_no_other_items_paragraph(store_real: Path) -> None:
    a = Engine(Settings(store=store_real)).answer("福利院2024年事业单位医疗为什么减少？")
    # was "财政拨款收入支出增加的主要原因是…" quoted: another item's reason for a premise never checked
    assert a.refused and "增加 14.04%" in a.text and "并未减少" in a.text
