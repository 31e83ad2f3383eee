"""An exclusion answered by subtraction: "社会保障和就业支出中，扣除行政单位离退休后还有多少" is the whole
(社会保障和就业支出) minus the part (行政单位离退休), each read by the engine as a question of its own and
verified, and subtracted by the calculator with its trace — only when both figures are printed in the same
document and table, in one unit, and the part is printed as a part of the whole (its 科目 under the whole's, or
a column of the whole's row). Anything less sure is left to the complete-reading check, which refuses naming
the condition (assistant/complete.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant import calculator as calc
from assistant.complete import cues
from assistant.draft import fmt, operand, sources
from assistant.records import Answer
from index.records import Fact

if TYPE_CHECKING:
    from assistant.answer import Engine

_BEFORE = re.compile(r"(?:当中|之中|里面|里|中)?\s*[，,]?\s*$")  # "…支出中，" before the condition
_AFTER = re.compile(r"^\s*(?:的|还有|还剩|剩下|剩余|剩|以后|之后|后)*")  # "…后还有多少" after it


def _parts(question: str) -> tuple[str, str, str] | None:
    """(the condition as written, the whole asked without it, the part excluded), for the one condition a
    question states; None when it states none or several."""
    found = [
        (m.group(0), m.start(), m.end(), m.group("span"))
        for cue in cues()
        if cue.kind == "condition"
        for m in cue.pattern.finditer(question)
    ]
    if len(found) != 1:
        return None
    written, start, end, part = found[0]
    part = re.sub(r"(?:以后|之后|后|以外|之外|外|的)$", "", part).strip()
    whole = _BEFORE.sub("", question[:start]) + _AFTER.sub("", question[end:])
    if len(part) < 2 or not re.search(r"[\u4e00-\u9fff]{2,}", whole):
        return None
    return written, whole, part


def _part_of(part: Fact, whole: Fact) -> bool:
    """The part is printed as a part of the whole: in the same document and table, in one unit, and either its
    科目 under the whole's in the same column, or another column of the whole's row."""
    if part.doc_id != whole.doc_id or not part.table or part.table != whole.table or part.unit != whole.unit:
        return False
    if not 0 <= part.value <= whole.value or part is whole:
        return False
    coded = bool(part.code and whole.code and part.code != whole.code and part.code.startswith(whole.code))
    return (coded and part.column == whole.column) or (part.row == whole.row and part.column != whole.column)


def excluding(engine: Engine, question: str, doc_id: str | None) -> Answer | None:
    """The answer to a question that excludes a part of what it asks, as a verified subtraction; None when the
    question excludes nothing or the two figures are not surely whole and part."""
    parsed = _parts(question)
    if parsed is None:
        return None
    written, whole_q, part_q = parsed
    whole = engine.rules(whole_q, doc_id=doc_id)
    if whole.refused or len(whole.facts) != 1 or whole.value is None:
        return None
    w = whole.facts[0]
    part = engine.rules(f"{part_q}是多少？", doc_id=w.doc_id)
    if part.refused or len(part.facts) != 1 or not _part_of(part.facts[0], w):
        return None
    p = part.facts[0]
    c = calc.difference(operand(w), operand(p))
    text = (
        f"{w.year}年{w.department}{w.row}{written.rstrip('，,的')}为 {fmt(c.value, c.unit)}。\n"
        f"计算：{w.row} {fmt(w.value, w.unit)} − {p.row if p.row != w.row else p.column} {fmt(p.value, p.unit)}"
        f" = {fmt(c.value, c.unit)}\n出处：{sources(w, p)}"
    )
    turn = engine._turn([w.doc_id])
    figures = turn.verifier.check(text, [w.doc_id], [c])
    if any(f.verdict == "mismatch" for f in figures):
        return None
    return Answer(
        question=question, text=text, refused=False, value=c.value, unit=c.unit, figures=figures,
        citations=[*whole.citations, *part.citations], query=whole.query, facts=[w, p],
    )  # fmt: skip
