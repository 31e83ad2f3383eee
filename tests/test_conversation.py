"""Conversations: a follow-up borrows what it leaves out from earlier turns, and only a follow-up does;
a conversation stays on the document it is about; quotes are the disclosure's own sentences."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest

from assistant.answer import Engine
from assistant.records import Answer, Citation
from assistant.render import source_markdown, trace_markdown
from tests.conftest import SAMPLE, SECOND


def doc_of(engine: Engine, year: int) -> str:
    """The sample is the 2022 document, the second disclosure the 2023 one."""
    return next(d.doc_id for d in engine.kb.docs.values() if d.year == year)


def talk(engine: Engine, *questions: str, doc_id: str | None = None) -> list[Answer]:
    """One conversation: each question asked with the answers before it."""
    answers: list[Answer] = []
    for q in questions:
        answers.append(engine.answer(q, answers, doc_id=doc_id))
    return answers


# --- a new question in a conversation is answered as if it were asked alone --------------------------

UNRELATED = [
    "明天上海天气怎么样？",
    "科协给每个员工发了多少年终奖？",
    "北京市的呢？",
    "你好",
    "科协有没有给主任发奖金？",
]


@pytest.mark.parametrize("question", UNRELATED)
@pytest.mark.parametrize("first", ["科协三公经费是多少", "科协项目支出是多少", "科协今年总共要花多少钱？"])
def test_an_unrelated_question_is_answered_as_if_asked_alone(engine: Engine, first: str, question: str) -> None:
    sample = doc_of(engine, 2022)
    alone = engine.answer(question, doc_id=sample)
    before = engine.answer(first)
    after = engine.answer(question, [before])  # the conversation is on the sample: 科协 was named
    assert after.text == alone.text
    assert (after.refused, after.value, after.unit) == (alone.refused, alone.value, alone.unit)
    assert after.refused and after.value is None and not after.figures  # nothing of the previous topic, no ✓
    scoped = talk(engine, first.removeprefix("科协"), question, doc_id=sample)[-1]  # scoped by the page's selector
    assert scoped.text == alone.text


@pytest.mark.parametrize(
    ("first", "question"),
    [("科协三公经费是多少", "科协项目支出是多少？"), ("科协项目支出是多少", "基本支出是什么意思？")],
)
def test_a_complete_question_after_another_is_answered_as_if_asked_alone(
    engine: Engine, first: str, question: str
) -> None:
    sample = doc_of(engine, 2022)
    assert talk(engine, first, question)[-1].text == engine.answer(question, doc_id=sample).text


@pytest.mark.parametrize(
    ("history", "question", "value", "unit", "says"),
    [
        (["科协三公经费是多少"], "那2021年呢？", D(5), "万元", "2021年"),
        (["科协三公经费是多少"], "去年呢？", D(5), "万元", "2021年"),
        (["科协项目支出是多少"], "占比呢？", D("80.51"), "%", "项目支出占"),
        (["科协今年总预算多少？"], "其中人员支出多少？", D(695), "万元", "人员支出"),
        (["科协项目支出是多少", "基本支出是多少"], "两项加起来呢？", D(4997), "万元", "项目支出、基本支出合计"),
        (["科协科普能力提升项目今年多少钱？"], "比去年少了多少？", D(860), "万元", "科普能力提升"),
        (["科协学会能力提升项目预算多少？"], "为什么？", None, None, "科创中国"),
    ],
)
def test_an_elliptical_follow_up_carries_the_previous_context(
    engine: Engine, history: list[str], question: str, value: D | None, unit: str | None, says: str
) -> None:
    a = talk(engine, *history, question)[-1]
    assert not a.refused and (a.value, a.unit) == (value, unit) and says in a.text, a.text
    assert all(f.verdict in ("verified", "derived") for f in a.figures)


def test_a_follow_up_after_an_unrelated_question_does_not_reach_back_to_a_refused_one(engine: Engine) -> None:
    """ "明天上海天气怎么样？" is no topic to follow up: "那2021年呢？" after it is about 三公经费 again."""
    answers = talk(engine, "科协三公经费是多少", "明天上海天气怎么样？", "那2021年呢？")
    assert answers[1].refused and answers[2].value == D(5) and answers[2].text.startswith("2021年")


# --- a conversation stays on its document ----------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "department", "fee"),
    [
        ("海珠区图书馆项目支出多少", "2023年广州市海珠区图书馆", "58,000.00 元"),
        ("广州市海珠区图书馆今年总共要花多少钱？", "2023年广州市海珠区图书馆", "58,000.00 元"),
        ("科协项目支出是多少", "2022年深圳市科学技术协会（本级）", "5 万元"),
        ("深圳市科学技术协会基本支出是什么意思？", "2022年深圳市科学技术协会（本级）", "5 万元"),
    ],
)
def test_a_follow_up_naming_no_department_stays_on_the_document(
    engine: Engine, first: str, department: str, fee: str
) -> None:
    """Two documents in the store; once a question names one department, the conversation is about it,
    through complete questions, unrelated ones and elliptical ones alike."""
    answers = talk(
        engine, first, "三公经费多少？", "明天上海天气怎么样？", "三公经费多少？", "那去年呢？", "项目支出是多少"
    )
    docs = {a.query.doc_ids for a in answers if a.query}
    assert len(docs) == 1, docs
    first_doc = answers[0].query.doc_ids  # type: ignore[union-attr]
    for n in (1, 3):
        assert answers[n].text.startswith(department) and fee in answers[n].text, answers[n].text
        assert {f.doc_id for f in answers[n].facts} == set(first_doc)
    assert answers[2].refused and not answers[2].choices  # refused within the document, not "which department?"
    assert not answers[4].refused and not answers[5].refused
    assert all(f.doc_id in first_doc for a in answers for f in a.facts)


def test_without_a_department_named_the_conversation_still_asks_which(engine: Engine) -> None:
    answers = talk(engine, "三公经费多少？", "项目支出是多少")
    assert all(a.refused and set(a.choices) == {"科协", "图书馆"} for a in answers)


# --- quotes ---------------------------------------------------------------------------------------


def _sentences(path: object) -> set[str]:
    text = SAMPLE.read_text(encoding="utf-8") if path == "sample" else SECOND.read_text(encoding="utf-8")
    return {
        re.sub(r"\s+", "", s) for line in text.splitlines() for s in re.split(r"(?<=。)", line.strip()) if s.strip()
    }


@pytest.mark.parametrize(
    ("questions", "which"),
    [
        (["科协去年的预算总额是多少？"], "sample"),
        (["科协三公经费是多少", "那2021年呢？"], "sample"),
        (["科协今年总预算多少？", "其中人员支出多少？"], "sample"),
        (["科协学会能力提升项目比上年增长了百分之几？"], "sample"),
        (["科协今年预算比去年多了多少？"], "sample"),
        (["海珠区图书馆三公经费比去年减少了多少"], "second"),
        (["图书馆文献资源购置项目去年预算多少"], "second"),
    ],
)
def test_a_quote_is_a_sentence_of_the_disclosure(engine: Engine, questions: list[str], which: str) -> None:
    """Each quote of a prose figure is one or more whole sentences of the disclosure, never a window that
    starts inside a word ("2年部门预算支出4,997万元，比…")."""
    a = talk(engine, *questions)[-1]
    prose = [c for c in a.citations if not re.match(r"^[^：]+：[\d,.]+ ", c.text)]  # not a table row's "行：数"
    assert prose, a.citations
    own = _sentences(which)
    for c in prose:
        parts = [re.sub(r"\s+", "", s) for s in re.split(r"(?<=。)", c.text) if s.strip()]
        assert parts and all(p in own for p in parts), c.text


def test_quotes_are_shown_one_per_paragraph_and_the_trace_names_places(engine: Engine) -> None:
    a = talk(engine, "科协三公经费是多少", "那2021年呢？")[-1]
    shown = source_markdown(a)
    quoted = [line for line in shown.splitlines() if line.strip().startswith("> ") and len(line.strip()) > 2]
    assert quoted and len(quoted) == len(set(quoted))  # the sentence once, not once per figure
    assert "2年“三公”" not in shown.replace("2022年“三公”", "")
    trace = trace_markdown(a)
    assert "「" not in trace and "第五部分 一般公共预算“三公”经费预算情况" in trace


def test_two_quotes_under_one_place_are_two_paragraphs() -> None:
    """Consecutive "> " lines are one Markdown paragraph: the quotes ran together ("…4,997万元 2年部门…")."""
    where = "第二部分 部门预算收支总体情况"
    a = Answer(
        question="", text="", refused=False,
        citations=[Citation(doc_id="d", where=where, text="甲句。"), Citation(doc_id="d", where=where, text="乙句。")],
    )  # fmt: skip
    assert source_markdown(a) == f"**出处**\n- {where}\n  > 甲句。\n  >\n  > 乙句。"
