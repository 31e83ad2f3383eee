"""A term's definition quoted from the glossary line defining that very term (assistant/defined.py, defined.toml)."""

from __future__ import annotations

import pytest

from assistant.defined import _spec, asked, definition, entries
from index.records import Chunk

# the glossaries as printed (社工部 2024 决算 p23, 北京市信访办 2026 预算 p6, 无锡交通局 2026 预算 p42)
GLOSSARY = Chunk(
    id="g1",
    doc_id="d",
    where="第四部分 名词解释",
    text="第四部分 名词解释\n"
    "五、年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。\n"
    "六、年末结转和结余：指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。\n"
    "三、单位资金：除财政拨款收入和财政专户管理资金以外的收入，包括事业收入（不含教育收费）、上级补助收入。\n"
    "“三公”经费财政拨款预算数：指本部门当年部门预算中财政拨款安排的因公出国（境）费用、公务接待费、公务用车购置和运行维护费预算数。\n"
    "十六、“三公”经费：指市级部门单位安排的因公出国（境）费、公务用车购置及运行费和公务接待费。\n"
    "九、结余：指当年剩下的资金。\n"
    "二十、交通运输支出(类)其他交通运输支出(款)公共交通运营补助(项)：反映对公共交通运输企业的补助支出。",
    metadata={"kind": "prose", "page": 23},
)
NARRATIVE = Chunk(  # a line shaped like an entry outside the glossary defines nothing
    id="n1",
    doc_id="d",
    where="第三部分 情况说明",
    text="第三部分 情况说明\n单位资金：本年安排 120 万元。",
    metadata={"kind": "prose", "page": 10},
)


def _defined(question: str) -> str | None:
    e = definition(question, [NARRATIVE, GLOSSARY])
    return e.line if e else None


def test_the_line_of_the_very_term_asked_is_quoted() -> None:
    assert (_defined("社会工作部的名词解释里“年末结转和结余”指什么？") or "").startswith("六、年末结转和结余：")
    assert (_defined("无锡交通局预算公开里说的“单位资金”是什么意思？") or "").startswith("三、单位资金：")
    # the longer term asked is never answered by the shorter entry it starts with, nor the reverse
    assert (_defined("北京市信访办公室的预算公开里，“三公”经费财政拨款预算数指什么？") or "").startswith(
        "“三公”经费财政拨款预算数："
    )
    assert (_defined("烟台审计局所说的“三公”经费包括哪几项？") or "").startswith("十六、“三公”经费：")
    assert (_defined("什么是年初结转和结余？") or "").startswith("五、")


def test_a_neighbour_term_never_answers() -> None:
    assert _defined("“年度结余”是什么意思？") is None  # 结余 is defined, 年度结余 is not
    assert _defined("什么是资金？") is None
    assert _defined("“机关运行经费”指什么？") is None


def test_questions_asking_no_definition() -> None:
    assert asked("最大的项目支出是什么？") is None  # unquoted "是什么": a figure or a row
    assert asked("三公经费包括哪些？") is None  # unquoted "包括哪些": its rows
    assert asked("“三公”经费包括哪些，各多少？") is None  # a figure asked as well
    assert asked("“三公”经费是什么") is not None


def test_only_glossary_sections_hold_entries() -> None:
    assert all(e.where.startswith("第四部分 名词解释") for e in entries([NARRATIVE, GLOSSARY]))
    for section in _spec()["sections"]:
        chunk = Chunk(
            id="s", doc_id="d", where=section, text=f"{section}\n一、基本支出：指人员支出。", metadata={"kind": "prose"}
        )
        assert [e.term for e in entries([chunk])] == ["基本支出"]


@pytest.mark.parametrize("cue", _spec()["asks"])
def test_each_cue_asks_a_definition(cue: str) -> None:
    assert (_defined(f"单位资金{cue}？") or "").startswith("三、单位资金：")


@pytest.mark.parametrize("cue", _spec()["quoted_asks"])
def test_each_quoted_cue_asks_it_of_a_quoted_term(cue: str) -> None:
    assert (_defined(f"“单位资金”{cue}？") or "").startswith("三、单位资金：")
    assert asked(f"单位资金{cue}？") is None


@pytest.mark.parametrize("cue", _spec()["asks_before"])
def test_each_cue_before_the_term(cue: str) -> None:
    assert (_defined(f"{cue}单位资金？") or "").startswith("三、单位资金：")


@pytest.mark.parametrize("word", _spec()["before_term"])
def test_each_word_before_the_term(word: str) -> None:
    assert (_defined(f"文件{word}单位资金指什么？") or "").startswith("三、单位资金：")


@pytest.mark.parametrize("word", _spec()["figure_words"])
def test_each_figure_word_asks_a_figure(word: str) -> None:
    assert asked(f"“单位资金”是什么意思，{word}") is None
