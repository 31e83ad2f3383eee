"""The whole budget of a department whose disclosure is narrative only: the sentence stating its 收入预算 or
支出预算 ("2026 年支出预算 44169.36 万元"), read as its 收入合计 or 支出合计 when no table prints it — the text
place of those subjects in assistant/subjects.toml."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from assistant.cues import alternation
from assistant.knowledge import Knowledge, norm
from assistant.subjects import Place, subjects
from index.query import PROSE
from index.units import MONEY

SIDES = {"spending": "支出合计", "income": "收入合计"}  # the registry subject of each side's whole


def whole_words(figure: bool = False) -> str:
    """A pattern of the words naming the whole budget besides 预算 and 总额 (subjects.toml `whole`), and, when its
    figure is asked (not its reason), `whole_figure` ("收支总计") first."""
    book = subjects()
    return "|".join(re.escape(w) for w in (*(book.whole_figure if figure else ()), *book.whole))


def spending_words() -> str:
    """A pattern of the words of spending that name no item ("多花", "花费"; subjects.toml `spending`)."""
    return alternation(subjects().spending)


def _places(side: Literal["spending", "income"]) -> tuple[set[str], Place | None]:
    """The table kinds that print the side's whole, and its place in the text."""
    subject = next(s for s in subjects().named if s.name == SIDES[side])
    tables = {t for p in subject.places for t in p.tables if t != PROSE}
    return tables, next((p for p in subject.places if PROSE in p.tables), None)


def narrative_total(kb: Knowledge, docs: Iterable[str], side: Literal["spending", "income"]) -> str | None:
    """The key of the label the text states the whole `side` under, when the documents print no table of it
    and each states one figure of money for it ("2026 年支出预算 44169.36 万元"; never a 决算's many "…支出")."""
    docs = set(docs)
    tables, place = _places(side)
    if not docs or place is None or any(f.table_kind in tables for d in docs for f in kb.facts_by_doc.get(d, [])):
        return None
    for row in place.rows:
        label = kb.labels.get(norm(row))
        if label is None:
            continue
        own = [
            f for f in label.facts
            if f.doc_id in docs and f.table is None and f.unit in MONEY and f.column in place.columns
        ]  # fmt: skip
        if own and all(len({f.value for f in own if f.doc_id == d}) <= 1 for d in docs):
            return label.key
    return None
