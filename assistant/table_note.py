"""A why-question about the note printed under a table ("三公经费表为什么注明是空表？"): the note answers.

The table is the one whose title the question names best (its distinctive words, assistant/table_note.toml
`generic` dropped); the note is the line under it that opens with a note word ("注:本部门2024年无“三公”经费和
机关运行经费预算，故本表为空表。"). When the noted table still prints figures, the answer says so with them
(the table's own facts). Two tables fitting equally, or none with a note, answer nothing here.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from assistant.draft import Draft, fmt, page_note
from assistant.explain import WHY
from assistant.knowledge import grams, norm
from assistant.records import Citation, Query
from index.records import Chunk

if TYPE_CHECKING:
    from assistant.turn import Turn


@cache
def _data() -> dict[str, Any]:
    """assistant/table_note.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("table_note.toml").read_text(encoding="utf-8"))


def asks_note(question: str) -> bool:
    """Whether a question asks why a table is empty or noted so ("…表为什么注明是空表", "…表为什么没有数据")."""
    words = [*_data()["empty"], *_data()["note_asked"]]
    return bool(WHY.search(question)) and "表" in question and any(w in question for w in words)


def note_of(chunk: Chunk) -> str:
    """The note printed under a table's chunk ("注:…故本表为空表。"), or ""."""
    opens = tuple(_data()["note_lines"])
    return next((line.strip() for line in chunk.text.split("\n") if line.strip().startswith(opens)), "")


def _fit(question: str, title: str) -> int:
    """How many distinctive bigrams of a table's title the question shares (generic words dropped)."""
    for w in sorted(_data()["generic"], key=len, reverse=True):
        title = title.replace(w, " ")
    title = re.sub(r"\d{4}\s*年|（[^）]*）|\([^)]*\)", " ", title)
    return len({g for part in title.split() for g in grams(norm(part))} & set(grams(norm(question))))


def noted_table(question: str, chunks: list[Chunk]) -> Chunk | None:
    """The table chunk with a note whose title the question names best; None when none fits or two fit
    equally with different notes."""
    noted = [c for c in chunks if c.metadata.get("kind") == "table" and note_of(c)]
    scored = sorted(((_fit(question, str(c.metadata.get("table") or "")), c) for c in noted), key=lambda s: -s[0])
    if not scored or scored[0][0] < 1:
        return None
    best = [c for score, c in scored if score == scored[0][0]]
    return best[0] if len({note_of(c) for c in best}) == 1 else None


def noted(t: Turn, query: Query) -> Draft | None:
    """The note under the table a why-question names, quoted, with the figures the table still prints; or None."""
    if not asks_note(query.question):
        return None
    docs = [t.kb.docs[d] for d in query.doc_ids if d in t.kb.docs]
    if query.year is not None:
        docs = [d for d in docs if d.year == query.year]
    if len(docs) != 1:
        return None
    doc = docs[0]
    chunk = noted_table(query.question, t.engine.facts_sql.chunks([doc.doc_id]))
    if chunk is None:
        return None
    table = str(chunk.metadata.get("table"))
    note = note_of(chunk)
    data = _data()
    text = str(data["answer"]).format(table=table, page=page_note(chunk.metadata.get("page")), note=note)
    printed = [f for f in t.kb.facts_by_doc.get(doc.doc_id, []) if f.table == table and f.value]
    titled = [f for f in printed if norm(f.row) and norm(f.row) in norm(table)]  # the wholes the table is titled after
    printed = titled or printed[:1]  # ("部门“三公”经费和机关运行经费预算表": its 三公 and 机关运行经费 rows)
    if printed:
        shown = "、".join(f"{f.row} {fmt(f.value, f.unit)}" for f in printed)
        text += "\n" + str(data["figures"]).format(figures=shown)
    return Draft(
        text=text, facts=printed, doc_id=doc.doc_id,
        citations=[Citation(doc_id=doc.doc_id, where=table, text=note)],
    )  # fmt: skip
