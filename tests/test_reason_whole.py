"""A why-question about the budget as a whole is answered by the reason printed for the whole, never by one item's
(assistant/reason_whole.py), and a why-question of a change with no direction still needs the item's own reason.
Sentences copied from real disclosures (万里街道 2024 部门预算 p.6 and p.8, 北京市交通委员会 2026 部门预算 p.6–7,
福州市公安局治安管理支队 2026 单位预算 p.26, 西安市民政局 2021 部门预算 p.25) and a real store of the Shanghai PDFs.
One test per entry of assistant/reason_whole.toml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant import premise, reason_whole
from assistant.answer import Engine
from assistant.config import Settings
from assistant.reason import _marker, asked_way, fits, reasons
from assistant.reason_whole import _data, asked, asks_change, chosen, tier
from tests.test_narrative import chunk

P6 = "2024年部门预算编制说明"
# 万里街道 2024 部门预算, p.6 and p.8: the reason of the appropriations as a whole, then one item's in the next sentence
WANLI = chunk(
    "财政拨款收入支出减少的主要原因是项目调整。\n"
    "1.“一般公共服务支出（类）人大事务（款）行政运行（项）”1660.32万元，主要用于行政运行。2023年当年预算执行数为"
    "1899.62万元，2024年预算安排1660.32万元，比2023年预算执行数减少12.60%。主要原因是：行政运行经费减少。\n"
    "2.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”1.00万元。2024年预算安排1.00万元，"
    "比2023年预算执行数增加5.00%。主要原因是：行政运行经费增加。",
    P6,
)
# 北京市交通委员会 2026 部门预算, p.6–7: the two sides of the whole, each with its reason
BEIJING = [
    chunk(
        "2026 年度收入预算 1448787.35 万元，比 2025 年年初预算数 1506121.45 万元减少 57334.09 万元，下降 3.81%。"
        "主要原因是超长期特别国债等工程项目已完工，收入预算减少。",
        "二、收入预算情况说明",
    ),
    chunk(
        "2026 年支出预算 1448787.35 万元，比 2025 年年初预算数 1506121.45 万元减少 57334.09 万元，下降 3.81%。"
        "主要原因是超长期特别国债等工程项目已完工，支出减少。",
        "三、支出预算情况说明",
    ),
]


@pytest.mark.parametrize("fund", _data()["funds"])
def test_each_fund_stands_for_the_whole(fund: str) -> None:
    found = reasons([chunk(str(_data()["funds_example"]).format(fund=fund), P6)])
    assert [(tier(r.subject, ()), r.way) for r in found] == [(1, "down")]
    assert tier(f"一般公共预算{fund}支出", ()) is None  # a part of the appropriations is no whole
    assert tier("2021年本部门当年一般公共预算拨款支出", ()) is None


@pytest.mark.parametrize("word", _data()["filler"])
def test_each_filler_word_names_no_item(word: str) -> None:
    assert tier(str(_data()["filler_example"]).format(word=word), ()) == 0
    assert tier("资本性支出（310）", ()) is None and tier("行政运行", ()) is None


@pytest.mark.parametrize(
    ("word", "way"), [*((w, "up") for w in _data()["up"]), *((w, "down") for w in _data()["down"])]
)
def test_each_one_character_verb_is_a_direction(word: str, way: str) -> None:
    assert asked_way(str(_data()["way_example"]).format(word=word)) == way
    assert asked_way("收入比去年多了还是少了，为什么？") is None  # no direction taken


@pytest.mark.parametrize("word", _data()["change"])
def test_each_change_word_asks_a_change(word: str) -> None:
    question = str(_data()["change_example"]).format(word=word)
    assert asks_change(question, asked_way(question))


def test_what_asks_no_change_over_years() -> None:
    for question in ("为什么出国经费预算是0？", "国有资本经营预算支出表为什么全是0？", "为什么没有安排因公出国经费？"):
        assert not asks_change(question, asked_way(question)), question
    assert asks_change("今年预算比去年降了多少，为什么？", None)  # a comparison with a year


def test_the_whole_asked_is_the_total_or_the_budget_named() -> None:
    neutral = ("预算", "支出", "今年", "部门预算")
    assert asked(["支出总计"], "", neutral) and asked(["支出合计"], "预算", neutral) and asked([], "今年 预算", neutral)
    assert not asked(["支出总计"], "资本性支出", neutral)  # the words name an item
    assert not asked(["行政运行"], "", neutral) and not asked([], "", neutral)
    # only the whole's own words, though not neutral: "收支总计为什么增长" (社工部 2024 决算 p17)
    assert asked([], "收支总计", neutral) and asked([], "部门 收入总额", neutral)
    assert not asked([], "收支总计 会议费", neutral)


def test_the_whole_s_reason_never_an_items() -> None:
    every = reasons([WANLI])
    found = chosen(every, (), "", "down")
    assert [r.quote for r in found] == ["财政拨款收入支出减少的主要原因是项目调整。"]
    assert chosen(every, (), "", None) == found
    marker = _marker()
    assert reason_whole.fits("财政拨款收入支出减少的主要原因是项目调整。", every, (), marker)
    assert not reason_whole.fits("主要原因是：行政运行经费减少。", every, (), marker)  # read as 行政运行's
    # a sentence no reason holds: the whole named in its change before the marker, or no answer
    assert reason_whole.fits("收入比2025年减少246429.22万元，主要是项目支出减少。", [], (), marker)
    assert not reason_whole.fits(
        "资本性支出（310）93.00万元，较上年减少182.00万元，原因是信息系统建设经费减少。", [], (), marker
    )


@pytest.mark.parametrize("word", _data()["unsigned"])
def test_each_unsigned_word_leaves_the_whole_named(word: str) -> None:
    # 深圳市科协 2022 部门预算, 第二部分: "预算收支增（减）的主要原因：一是…" is read by no change clause
    sentence = str(_data()["unsigned_example"]).format(word=word)
    assert reason_whole.fits(sentence, [], (), _marker())
    assert not reason_whole.fits(sentence.replace("预算收支", "科普活动经费"), [], (), _marker())


def test_both_sides_of_the_whole_or_the_side_named() -> None:
    every = reasons(BEIJING)
    assert [r.subject for r in chosen(every, (), "预算", "down")] == ["收入预算", "支出预算"]
    assert [r.subject for r in chosen(every, (), "支出", "down")] == ["支出预算"]
    # asked the other way: the reasons of the move printed (their sentences state it)
    assert [r.way for r in chosen(every, (), "预算", "up")] == ["down", "down"]
    fuzhou = reasons(
        [
            chunk(
                "相应安排支出预算 2796.14万元，比上年增加 129.07万元，增长 4.84%，主要原因是公共安全支出增加 114.4 万元。"
            )
        ]
    )
    assert [tier(r.subject, ()) for r in fuzhou] == [0]


def test_a_change_asked_without_a_direction_reads_the_premise() -> None:
    assert (
        premise.without_premise("西安市民政局今年预算比去年变化的原因是什么？").strip(" ？")
        == "西安市民政局今年预算比去年"
    )
    assert premise.asked_direction("今年预算变动的原因是什么？") is None


@pytest.fixture(scope="module")
def engine(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


@pytest.mark.slow
def test_a_follow_up_why_keeps_the_total(engine: Engine) -> None:
    history = [engine.answer("万里街道2024年预算总共多少钱？")]
    history.append(engine.answer("比上一年少了多少？", history))
    a = engine.answer("为什么减少？", history)
    assert not a.refused and "项目调整" in a.text and "行政运行" not in a.text  # was 行政运行经费减少 (p.8)
    a = engine.answer("为什么？", history)  # was 因公出国（境）费保持不变 (p.32)
    assert not a.refused and "项目调整" in a.text and "因公出国" not in a.text


@pytest.mark.slow
def test_the_whole_budget_s_change_and_its_reason(engine: Engine) -> None:
    a = engine.answer("万里街道今年预算比去年降了多少，为什么？")
    assert "8,767,517" in a.text and "「财政拨款收入支出减少的主要原因是项目调整。」" in a.text
    assert not re.search(r"行政运行|经费减少。」", a.text)
    a = engine.answer("万里街道2024年预算为什么增加？")  # it fell: the premise corrected, no item's rise quoted
    assert a.refused and "并未增加" in a.text and "经费增加" not in a.text


@pytest.mark.slow
def test_a_change_asked_without_a_direction_is_the_items_own(engine: Engine) -> None:
    a = engine.answer("万里街道2024年行政运行比上年变化的原因是什么？")
    assert not a.refused and "行政运行经费" in a.text and "项目调整" not in a.text
    query = engine.understand("万里街道2024年科普活动比上年变化的原因是什么？")
    turn = engine.turn(list(query.doc_ids))
    assert not fits(turn, query, "行政运行比2023年预算执行数减少12.60%。主要原因是：行政运行经费减少。")
