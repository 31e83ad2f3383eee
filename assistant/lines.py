"""Checking the lines of an answer across documents: each line's figures against the cells it cites.

A line of a ranking, total or comparison over many departments shows one department's figure read from
one or a few cells (document, table, row, column). The line is checked against those cells read again
from the store by their place (`FactQuery.cells`: one indexed query for all the lines of an answer) and
against the line's own calculations, so checking costs the same whatever the store holds. A line that
cites no cell but names documents (a department without the item) is checked against those documents'
tables, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.compare import Part
from assistant.knowledge import Knowledge
from assistant.library import Library
from assistant.records import Figure
from assistant.verify import Verifier
from index.records import Fact

Place = tuple[str, str | None, str, int | None]  # document, table kind, source, page


def _place(f: Fact) -> Place:
    return f.doc_id, f.table_kind, f.source, f.page


def check_lines(parts: Sequence[Part], library: Library) -> list[Figure]:
    """The figures of the checked parts, each with its verdict: a figure equal to a cell the line cites (or
    to one of its calculation's operands) is verified, one equal to its calculation derived; a cell that is
    not in the store any more backs nothing."""
    checked = [p for p in parts if p.checked]
    read = library.sql.cells([c for p in checked for c in p.cells])  # in print order
    at: dict[Place, list[int]] = {}
    for n, f in enumerate(read):
        at.setdefault(_place(f), []).append(n)
    bare = [p for p in checked if p.doc_ids and not p.cells]  # a department's line without a figure of its own
    tables = sorted({c.table_kind for p in checked for c in p.cells if c.table_kind})
    narrowed = (
        dict(zip(map(id, bare), library.narrow([p.doc_ids for p in bare], tables), strict=True))
        if bare and tables
        else {}
    )
    figures = []
    for part in checked:
        if part.cells:
            own = sorted({n for c in part.cells for n in at.get(_place(c), [])})
            docs = {d: library.docs[d] for d in (*part.doc_ids, *(c.doc_id for c in part.cells)) if d in library.docs}
            kb = Knowledge(docs, [read[n] for n in own], [], {})  # the store's cells, not the line's copies
        else:
            kb = narrowed.get(id(part)) or library.view(part.doc_ids)
        for fig in Verifier(kb).check(part.text, part.doc_ids, part.calculations):
            c = part.derived
            if (
                c and fig.unit == c.unit and abs(fig.value) == abs(c.value)
            ):  # a total equal to one addend is still a total
                fig = replace(
                    fig, verdict="derived", source="；".join(o.source for o in c.operands), expression=c.expression
                )
            cite = next((src for v, u, src in part.cites if v == fig.value and u == fig.unit), None)
            if fig.verdict == "verified" and cite:  # the cell this line read, not an equal one elsewhere
                fig = replace(fig, source=cite)
            figures.append(fig)
    return figures
