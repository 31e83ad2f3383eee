"""A why-question whose premise the disclosure contradicts ("收入为什么增长了" when a fall is printed) is
answered by the correction, from the change read for the very item asked (a table's two years, or the
change its narrative prints) or from the prose's own sentence on the whole budget's change; never a quote
that takes the premise for granted (the words are assistant/premise.py's)."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant import narrative, premise
from assistant.calculator import CalculationError
from assistant.complete import explanation_asked, incomplete
from assistant.draft import Unanswerable
from assistant.knowledge import norm
from assistant.reason import gives_reason
from assistant.records import Answer, Citation, Query
from assistant.tokens import to_template

if TYPE_CHECKING:
    from assistant.turn import Turn


def false_premise(t: Turn, question: str, query: Query, start: float) -> Answer | None:
    """The correction of a why-question whose direction the change printed for the very item asked
    contradicts (assistant/premise.py), or None."""
    if premise.asked_direction(question) is None:
        return None
    whole = bool(query.doc_ids) and t.understanding.names_whole(question, list(query.doc_ids))
    totals = set(query.subjects) <= {norm("支出总计"), norm("收入总计")}
    if (not whole or totals) and (found := _item_premise(t, question, query, start)):
        return found
    return _whole_premise(t, question, query, start) if whole else None  # the prose's sentence on the whole


def _item_premise(t: Turn, question: str, query: Query, start: float) -> Answer | None:
    """The correction from the change the engine reads for the item asked (a table's two years, or the
    change printed for it), or None."""
    if not query.subjects:
        return None
    change = replace(query, measure="change")
    try:
        draft = t.compose(change)
    except (Unanswerable, CalculationError):
        return _printed_premise(t, question, query, start)
    if not draft.facts or draft.value is None:
        return None
    if draft.calculations and _printed_about(t, query):  # the text's own words on the item (or its parts) first
        return _printed_premise(t, question, query, start)
    content = t.understanding.content(to_template(question), list(query.doc_ids))
    asked = explanation_asked().sub(" ", question)  # the why is answered by the correction itself
    if incomplete(asked, content, change, draft, t.kb, t.understanding.neutral):
        return None  # the change read is not (all) the item asked
    if (fixed := premise.correction(question, draft.text)) is None:
        return None
    said = draft.citations[0] if draft.citations and not draft.calculations else None
    if said is not None and gives_reason(said.text):  # the printed sentence, with its reason for the real move
        return Answer(
            question=question, text=f"{fixed}。据{said.where}：\n「{said.text}」", refused=True, query=query,
            citations=[said], timings={"total_ms": (time.perf_counter() - start) * 1000},
        )  # fmt: skip
    return Answer(
        question=question, text=f"{fixed}。{draft.text}", refused=True, query=query,
        citations=draft.citations or [t.cite(f) for f in draft.facts], facts=draft.facts,
        timings={"total_ms": (time.perf_counter() - start) * 1000},
    )  # fmt: skip


def _printed_about(t: Turn, query: Query) -> bool:
    """Whether the narrative prints a change of the item asked or of an item under it ("宣传事务（款）一般行政
    管理事务（项）…比2023年预算执行数减少2.98%" for 宣传事务): then a change computed from two documents' tables
    (another basis, a parent's total) never checks the premise; only the printed words do."""
    doc = t.pick.doc(query)
    item = norm(t.pick.name(query.subjects[0]))
    printed = narrative.changes(t.engine.facts_sql.chunks([doc.doc_id]))
    return any(norm(c.subject) == item or item in {norm(p) for p in c.parents} for c in printed)


def _printed_premise(t: Turn, question: str, query: Query, start: float) -> Answer | None:
    """The correction from the change the narrative prints for the very item asked, or None."""
    doc = t.pick.doc(query)
    printed = narrative.changes(t.engine.facts_sql.chunks([doc.doc_id]))
    if (found := premise.item_corrected(question, printed, t.pick.name(query.subjects[0]))) is None:
        return None
    fixed, c = found
    return Answer(
        question=question, text=f"{fixed}。据{c.where}：\n「{c.sentence}」", refused=True, query=query,
        citations=[Citation(doc_id=doc.doc_id, where=c.where, text=c.sentence)],
        timings={"total_ms": (time.perf_counter() - start) * 1000},
    )  # fmt: skip


def _whole_premise(t: Turn, question: str, query: Query, start: float) -> Answer | None:
    """A why-question about the budget as a whole, answered by the prose's own sentence on the whole's change
    ("收入预算…比2025年…增加 148.16 万元"): the correction first when it contradicts the direction asked, else
    that sentence with its reason — never another item's change; None when the prose states none."""
    doc = t.pick.doc(replace(query, subjects=()))
    stated = premise.whole_stated(t.engine.sentences(doc.doc_id).paragraphs.get(doc.doc_id, []))
    if stated is None:
        return None
    where, sentence = f"{doc.title} · {stated[0]}", stated[1]
    fixed = premise.correction(question, sentence)
    return Answer(  # the premise is false: its correction; it holds: the whole's own sentence and reason
        question=question, text=f"{fixed}。据{where}：\n「{sentence}」" if fixed else f"据{where}：\n「{sentence}」",
        refused=bool(fixed), query=query,
        citations=[Citation(doc_id=doc.doc_id, where=where, text=sentence)],
        timings={"total_ms": (time.perf_counter() - start) * 1000},
    )  # fmt: skip
