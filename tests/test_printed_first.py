"""Printed comparisons before computed ones, and premises checked against the item's own printed words: a change
the text prints for the item (with its basis) answers before one computed from two documents' tables; a
why-question's premise is checked first against the printed change of the item or of an item under it; a change
printed as none ("持平", "相同") is a change of 0; a table's note answers why it is (noted) empty. Sentences copied
from tests/data/real (万里街道 2023 and 2024 部门预算) and a real store of those PDFs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant import premise, reason_fit
from assistant.answer import Engine
from assistant.config import Settings
from assistant.narrative import _data as narrative_data
from assistant.narrative import asked, changes, flat_clauses
from assistant.reason import _marker, reasons
from assistant.table_note import _data as note_data
from assistant.table_note import asks_note, note_of, noted_table
from index.records import Chunk
from tests.test_narrative import chunk

FLAT = narrative_data()["comparison"]

# 万里街道 2023 部门预算 p.29: the 三公 total printed as unchanged
WANLI_2023_THREE = "2023年“三公”经费预算数为22.91万元，比2022年预算持平。"
# 万里街道 2024 部门预算 p.6: a decrease whose reason names an increase (the document contradicts itself)
WANLI_P6 = chunk(
    "4.“一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元，主要用于宣传事务一般行政管理事务。"
    "2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。"
    "主要原因是：宣传事务一般行政管理事务经费增加。",
    "2024年部门预算编制说明",
)


def _table(title: str, rows: str, note: str) -> Chunk:
    text = f"{title}（单位：万元） · 上海市普陀区人民政府万里街道办事处\n{rows}\n{note}"
    return Chunk(id=title, doc_id="d", where=title, text=text, metadata={"kind": "table", "table": title, "page": 31})


# 万里街道 2024 部门预算 p.31 and p.29: the 三公 table noted empty over a row of figures, and an empty fund table
THREE_TABLE = _table(
    "部门“三公”经费和机关运行经费预算表",
    "表头：2024年“三公”经费预算数｜因公出国(境)费｜公务接待费｜公务用车购置及运行费｜购置费｜运行费｜2024年机关运行经费预算数\n"
    "｜47.91｜0｜1.35｜46.56｜25｜21.56｜443.18",
    "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。",
)
FUND_TABLE = _table(
    "2024年部门政府性基金预算支出功能分类预算表",
    "表头：类｜款｜项｜功能分类科目名称｜政府性基金预算支出｜基本支出｜项目支出\n（本表无数据）",
    "注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。",
)


def test_a_flat_change_is_a_change_of_zero() -> None:
    (c,) = flat_clauses(WANLI_2023_THREE, "p29")
    assert (c.subject, c.amount, c.change, c.rate, c.against) == ("“三公”经费", Decimal("22.91"), 0, 0, "2022年预算")
    assert flat_clauses(str(FLAT["flat_example"]), "p29")[0].change == 0


@pytest.mark.parametrize("word", FLAT["flat_verbs"])
def test_flat_verbs(word: str) -> None:
    (c,) = flat_clauses(f"支出预算100.00万元，与上年{word}。", "p")
    assert (c.amount, c.change, c.change_unit) == (Decimal("100.00"), 0, "万元")


@pytest.mark.parametrize("word", FLAT["flat_not_after"])
def test_an_approximate_flat_is_no_change(word: str) -> None:
    assert flat_clauses(str(FLAT["flat_not_after_example"]).format(word=word), "p") == []


def test_a_flat_change_is_read_with_the_others() -> None:
    found = changes([chunk(WANLI_2023_THREE + "其中：公务接待费1.35万元，比2022年预算增加0.35万元。")])
    assert [(c.subject, c.change) for c in found] == [("“三公”经费", 0), ("公务接待费", Decimal("0.35"))]
    assert found[1].whole == "“三公”经费"  # the part opened by 其中 is of the flat whole


def test_either_way_in_two_characters() -> None:
    question = "2023年万里街道公益性岗位补贴比2022年执行数是增是减？"
    assert premise.either_way(question)
    assert "是增是减" not in asked(question)


def test_a_reason_against_its_own_figures() -> None:
    (r,) = [r for r in reasons([WANLI_P6]) if r.way == "down"]
    up, down = premise.direction_words("up"), premise.direction_words("down")
    assert reason_fit.against_itself(r, _marker(), up, down) == "主要原因是：宣传事务一般行政管理事务经费增加"
    same = chunk("2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：宣传经费减少。")
    (r,) = [r for r in reasons([same]) if r.way == "down"]
    assert reason_fit.against_itself(r, _marker(), up, down) == ""


@pytest.mark.parametrize("word", note_data()["empty"])
def test_empty_words(word: str) -> None:
    assert asks_note(str(note_data()["empty_example"]).format(word=word))


@pytest.mark.parametrize("word", note_data()["note_asked"])
def test_note_words(word: str) -> None:
    assert asks_note(str(note_data()["note_asked_example"]).format(word=word))
    assert not asks_note(f"万里街道2024年三公经费表{word}的是多少？")  # no why: no note asked


def test_the_note_of_the_table_named() -> None:
    assert note_of(THREE_TABLE) == "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。"
    tables = [FUND_TABLE, THREE_TABLE]
    assert noted_table("万里街道2024年“三公”经费表为什么注明是空表？", tables) is THREE_TABLE
    assert noted_table("政府性基金预算支出表为什么没有数据？", tables) is FUND_TABLE
    assert noted_table("这张表为什么是空表？", tables) is None  # no table named


@pytest.fixture(scope="module")
def engine(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


def test_the_printed_rate_answers_before_a_computed_one(engine: Engine) -> None:
    a = engine.answer("万里街道2024年其他社会保障和就业支出下降了百分之几？")
    assert not a.refused and "比2023年预算执行数下降 44.60%" in a.text and "41.32" not in a.text
    a = engine.answer("万里街道2024年其他社会保障和就业支出比2023年预算下降了百分之几？")  # budget against budget
    assert not a.refused and "41.32%" in a.text
    a = engine.answer("万里街道2024年三公经费比2023年多了多少？")  # computed 25 is the printed 25: both years shown
    assert not a.refused and a.value == 25 and "47.91" in a.text and "22.91" in a.text


def test_a_premise_is_checked_against_the_printed_change_of_its_part(engine: Engine) -> None:
    a = engine.answer("万里街道2024年宣传事务经费减少的原因是什么？")
    assert "并未减少" not in a.text and "比2023年预算执行数减少2.98%" in a.text
    assert "方向相反" in a.text  # the printed reason names an increase


def test_a_table_note_answers_why_it_is_empty(engine: Engine) -> None:
    a = engine.answer("万里街道2024年“三公”经费表为什么注明是空表？")
    assert "故本表为空表" in a.text and "47.91" in a.text and "443.18" in a.text


def test_an_earlier_year_from_a_flat_change(engine: Engine) -> None:
    a = engine.answer("万里街道2022年的三公经费是多少？")
    assert not a.refused and a.value == Decimal("22.91") and "比2022年预算持平" in a.text
    a = engine.answer("2023年万里街道公益性岗位补贴比2022年执行数是增是减？")
    assert not a.refused and "下降 4.83%" in a.text
