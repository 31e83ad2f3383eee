"""A question naming no item asks the department's whole budget in a person's words (subjects.toml `asks_whole`,
`spending`, and the kind of the document asked): 上海市普陀区委社会工作部 2024 部门决算, 收入支出决算总表 p5:
本年支出合计 决算数 307.82 万元."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.subjects import subjects
from assistant.whole_asked import WHOLE, asks_whole, names_nothing, whole_content, written_after
from tests.conftest import REAL, store_of


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("whole_asked") / "store"
    return Engine(Settings(store=store_of(folder, REAL / "shegongbu-2024-juesuan.pdf")))


ASKS = {  # one question per entry of subjects.toml `asks_whole`
    "预算": "重庆市水利局2026年预算是多少？",
    "总额": "今年的总额是多少？",
    "一共": "今年一共多少？",
    "总共": "今年总共多少钱？",
    "整体": "部门整体是多少？",
    "全部": "全部是多少？",
    "总计": "深圳市财政局2026年收支总计是多少？",
}
SPENT = {  # one question per entry of subjects.toml `spending`
    "要花": "今年要花多少钱？",
    "花掉": "去年花掉多少？",
    "花了": "区委社会工作部2024年实际花了多少钱？",
    "花费": "一年花费多少？",
    "开支": "一年开支多少？",
    "多花": "比去年多花多少？",
    "少花": "比去年少花多少？",
    "多用": "比去年多用了多少？",
    "少用": "比去年少用了多少？",
    "打算花": "普陀区社会福利院2024年一共打算花多少钱？",
    "准备花": "今年准备花多少钱？",
    "计划花": "今年计划花多少？",
}


def test_every_entry_has_a_question() -> None:
    assert set(ASKS) == set(subjects().asks_whole)
    assert set(SPENT) == set(subjects().spending)


@pytest.mark.parametrize("word", [*ASKS, *SPENT])
def test_each_word_asks_the_whole(word: str) -> None:
    question = ASKS.get(word) or SPENT[word]
    assert word in question and asks_whole(question, ("预算",))


def test_the_kind_asked_is_the_document_s_own() -> None:
    assert asks_whole("社工部2024年支出决算是多少？", ("决算",))
    assert not asks_whole("水利局2025年决算是多少？", ("预算",))  # a 预算 prints no 决算 total


def test_the_registry_whole_only_when_nothing_is_named() -> None:
    assert whole_content("", "重庆市水利局2026年预算是多少？", " ", "预算") == WHOLE
    assert whole_content("行政运行", "行政运行预算是多少？", " 行政运行 ", "预算") == "行政运行"  # an item named
    assert whole_content("", "水利局2025年决算是多少？", "", "预算") == ""  # another kind: not the whole
    assert names_nothing(" ") and not names_nothing(" 出差 ")


@pytest.mark.parametrize(
    "question",
    [
        "区委社会工作部2024年实际花了多少钱？",
        "社工部2024年支出决算是多少？",
        "社工部2024年花了多少？",
        "社工部2024年决算是多少？",
    ],
)
def test_a_juesuan_s_whole_spending_asked_in_a_person_s_words(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.refused and answer.value == Decimal("307.82"), answer.text
    assert all(f.column_role == "决算数" for f in answer.facts), answer.text


def test_an_item_named_is_never_the_whole(engine: Engine) -> None:
    answer = engine.answer("社工部2024年出差花了多少？")
    assert answer.value != Decimal("307.82"), answer.text


@pytest.mark.parametrize("word", ["总计", "合计"])
def test_a_whole_written_right_after_an_item_is_that_item_s_whole(word: str) -> None:
    assert word in subjects().item_whole
    whole = f"支出{word}"
    assert written_after(f" 2024年政府采购{whole}是多少？", whole, ["政府采购"])  # the item's name before it
    assert written_after(
        f" 政府采购{whole}中工程是多少？", whole, ["拟采购工程支出", "政府采购支出预算总额"]
    )  # its parent's
    assert not written_after(f" 2024年{whole}中政府采购是多少？", whole, ["政府采购"])  # the department's whole
    assert not written_after(f" 政府采购{whole}和{whole}", whole, ["政府采购"])  # written once elsewhere too
    assert not written_after(" 政府采购支出是多少？", "支出", ["政府采购"])  # no whole word: no whole


@pytest.fixture(scope="module")
def real_engine(store_real) -> Engine:  # type: ignore[no-untyped-def]
    return Engine(Settings(store=store_real))


@pytest.mark.slow
def test_an_item_s_whole_is_its_own_figure_never_the_department_s(real_engine: Engine) -> None:
    # 万里街道 2024 p32: "2024年本部门政府采购预算1662.44万元，其中：…政府采购工程预算815.87万元"
    answer = real_engine.answer("万里街道2024年政府采购预算总额和工程类各是多少？")
    assert not answer.refused and "1,662.44 万元" in answer.text and "815.87 万元" in answer.text, answer.text
    assert "没有找到" not in answer.text and "156,211,123" not in answer.text, answer.text


def test_the_two_equal_totals_asked_together_are_the_whole(engine: Engine) -> None:
    # 社工部 2024 决算 p17: "收入支出总计增加307.82万元" (from none: the 2024 total is 307.82)
    answer = engine.answer("社工部2024年收支总计是多少？")
    assert not answer.refused and answer.value == Decimal("307.82"), answer.text


def test_the_reason_of_the_two_totals_is_read_by_their_own_words(engine: Engine) -> None:
    # 社工部 2024 决算 p17: "收入支出总计增加 307.82 万元，增长100.00%。主要原因：单位于 2024 年成立。"
    answer = engine.answer("社工部2024年收支总计为什么增长？")
    assert not answer.refused and "单位于 2024 年成立" in answer.text, answer.text
