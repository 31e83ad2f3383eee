"""A follow-up naming another unit of the table just answered ("那本级呢？", "江苏省无锡技师学院呢？" after "无锡人社局下属单位里
哪个预算最多？"): the named unit's figure in the same table and column as the earlier answer's figures — the
conversation's table and measure, one row replaced; never a figure of another table, column or department."""

from __future__ import annotations

from collections.abc import Callable

from assistant.draft import cited, fmt, where
from assistant.follow import body_of, cues
from assistant.records import Answer, Figure
from assistant.units import kind_of_unit
from index.records import DocumentInfo, Fact


def row_named(
    question: str, last: Answer, docs: dict[str, DocumentInfo], facts_of: Callable[[str], list[Fact]]
) -> Answer | None:
    """The figure of the unit `question` names ("X呢？"), read in the one table and column of `last`'s figures,
    or None when the question names no unit (本级, or a name ending as a unit's), `last` read no one table
    and column, or not exactly one row of it holds the name."""
    body = body_of(question)
    own = body in cues()["own_unit"]
    if not question.strip().rstrip("？?").endswith(("呢", "的")) or not (own or kind_of_unit(body)):
        return None
    held = {(f.doc_id, f.table, f.column) for f in last.facts}
    if last.refused or len(held) != 1 or not last.facts[0].table:
        return None
    doc_id, table, column = held.pop()
    rows = {
        f.row: f
        for f in facts_of(doc_id)
        if (f.table, f.column) == (table, column) and body in f.row and (not own or f.row.endswith("）"))
    }
    doc = docs.get(doc_id)
    if len(rows) != 1 or doc is None:
        return None
    f = next(iter(rows.values()))
    said = fmt(f.value, f.unit)
    name = f.row if f.row.startswith(doc.department) else f"{doc.department}{f.row}"
    text = f"{doc.year}年{name}（{column}）为 {said}。\n出处：{where(f)}"
    figure = Figure(text=said, value=f.value, unit=f.unit, verdict="verified", source=cited(f))
    return Answer(question=question, text=text, refused=False, value=f.value, unit=f.unit, figures=[figure], facts=[f])
