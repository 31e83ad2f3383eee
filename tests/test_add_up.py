"""Why-questions of a change's parts, why figures do not add up, and sums of only the items named."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import add_up, reason, sum_named
from assistant.answer import Engine
from assistant.config import Settings
from assistant.draft import Unanswerable
from index.records import Chunk
from tests.conftest import REAL, store_of

NEUTRAL = ("支出", "经费", "费用")


@pytest.mark.parametrize("word", reason._data()["parts_of_change"])
def test_each_parts_word_with_a_direction_asks_the_reason(word: str) -> None:
    question = str(reason._data()["parts_of_change_example"]).format(word=word)
    assert reason.asks_reason(question)
    assert not reason.asks_reason(question.replace("增加", ""))  # no change named: a listing, not a reason


@pytest.mark.parametrize("word", add_up._data()["mismatch"])
def test_each_mismatch_word_asks_why_figures_do_not_add_up(word: str) -> None:
    assert add_up.asks_mismatch(str(add_up._data()["mismatch_example"]).format(word=word))


@pytest.mark.parametrize("word", add_up._data()["against"])
def test_a_figure_set_against_another_is_no_sum(word: str) -> None:
    assert not add_up.asks_mismatch(str(add_up._data()["against_example"]).format(word=word))


def _chunk(text: str, kind: str, page: int) -> Chunk:
    return Chunk(
        id=f"d-{page}", doc_id="d", where=text.partition("\n")[0], text=text, metadata={"kind": kind, "page": page}
    )


@pytest.mark.parametrize("word", add_up._data()["notes"])
def test_each_note_word_is_a_rounding_note(word: str) -> None:
    text = str(add_up._data()["notes_example"]).format(word=word)
    assert add_up.rounding_notes([_chunk(f"表2 收入总表\n{text}", "table", 19)]) == [("表2 收入总表（第19页）", text)]


def test_the_notes_of_a_document_once_each_prose_first() -> None:
    chunks = [
        _chunk(
            "表1 收支总表\n注：财政拨款收支情况包括一般公共预算；本套报表金额单位转换时可能存在尾数误差。", "table", 17
        ),
        _chunk("表2 收入总表\n注：本套报表金额单位转换时可能存在尾数误差。", "table", 19),
        _chunk("第八部分 其他需要说明情况 > 三、其他\n本单位预算金额单位转换时可能存在尾数误差。", "prose", 13),
    ]
    assert add_up.rounding_notes(chunks) == [
        ("第八部分 其他需要说明情况 > 三、其他（第13页）", "本单位预算金额单位转换时可能存在尾数误差。"),
    ]
    with pytest.raises(Unanswerable):
        add_up.explained("d", [_chunk("表1 收支总表\n注：本表无数据。", "table", 17)])


def test_a_sum_adds_only_the_items_named_by_words_of_their_own() -> None:
    names = ["其他社会保障缴费", "社会保障和就业支出"]
    assert sum_named.named("无锡人社局社会保障和就业支出一共多少？", names, NEUTRAL) == [1]
    assert sum_named.named("无锡人社局社会保障和就业支出和其他社会保障缴费一共多少？", names, NEUTRAL) == [0, 1]
    both = ["教育支出", "科学技术支出"]
    assert sum_named.named("教育支出和科学技术支出一共多少？", both, NEUTRAL) == [0, 1]
    assert sum_named.named("三公经费和会议费一共多少？", ["“三公”经费", "会议费"], NEUTRAL) == [0, 1]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("add_up") / "store"
    pdfs = (REAL / "shenzhen-keji-2026-dept-yusuan.pdf", REAL / "shenzhen-caizheng-2026-dept-yusuan.pdf")
    return Engine(Settings(store=store_of(folder, *pdfs)))


@pytest.mark.slow
def test_the_parts_of_an_increase_are_its_printed_reasons(engine: Engine) -> None:
    for question in ("深圳科创局预算增加主要是哪几块？", "深圳科创局预算增加主要在哪些方面？"):
        a = engine.answer(question)
        assert not a.refused
        for figure in ("41,626", "61,191", "5,955"):
            assert figure in a.text
        assert "4,074" not in a.text  # the budget's composition is no reason of its increase


@pytest.mark.slow
def test_figures_not_adding_up_are_answered_by_the_rounding_note(engine: Engine) -> None:
    a = engine.answer("深圳财政局的表里有些数加起来对不上，为什么？")
    assert not a.refused
    assert "尾数误差" in a.text
    assert "减少主要原因" not in a.text
