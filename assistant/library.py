"""The store as the answer engine sees it: every document's name and year at hand, each document's facts
read from SQLite the first time a question needs them.

Start-up reads the documents table and nothing else, so it costs the same for one
document or ten thousand. A question gets a `Knowledge` over the documents it is
about (one department's, usually one); the most recent ones are kept, and the
facts of recently read documents too, so the next question about them costs
nothing. Views are immutable: threads answering at once share them safely.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from assistant.departments import department_aliases
from assistant.knowledge import Knowledge, Target
from index.query import FactQuery
from index.records import Fact

VIEWS = 64  # Knowledge views kept (a view is one department's documents, or one document)
SHARDS = 512  # documents whose facts are kept (each a few hundred facts, about 0.3 MB)


class Library:
    """Documents of a store, and `Knowledge` over any of them, read on demand and cached."""

    def __init__(
        self, folder: Path, abbreviations: dict[str, str], *, database: str | None = None, views: int = VIEWS,
        shards: int = SHARDS,
    ):  # fmt: skip
        self.sql = FactQuery(folder, database)
        rows = self.sql.documents()
        self.filenames = {d.doc_id: d.filename for d in rows}
        self.docs = {
            d.doc_id: replace(d, aliases=department_aliases(d.department, abbreviations)) for d in rows
        }  # fmt: skip
        self.order = {d: i for i, d in enumerate(self.sql.ingested())}  # views list facts in store order
        self._views: OrderedDict[frozenset[str], Knowledge] = OrderedDict()
        self._shards: OrderedDict[str, tuple[list[Fact], list[Target]]] = OrderedDict()
        self._capacity = (views, shards)
        self._lock = threading.Lock()
        self.none = Knowledge(self.docs, [], [], {})  # names and years only: for questions not yet scoped

    def view(self, doc_ids: Iterable[str]) -> Knowledge:
        """Knowledge over these documents (unknown ids are ignored)."""
        key = frozenset(d for d in doc_ids if d in self.docs)
        if not key:
            return self.none
        with self._lock:
            if (hit := self._views.get(key)) is not None:
                self._views.move_to_end(key)
                return hit
        ordered = sorted(key, key=self.order.__getitem__)
        facts, targets = self._records(ordered)
        texts = {d: lambda d=d: self.sql.text(d) for d in ordered}
        view = Knowledge(self.docs, facts, targets, texts)
        with self._lock:
            self._views[key] = view
            while len(self._views) > self._capacity[0]:
                self._views.popitem(last=False)
        return view

    def narrow(self, parts: Sequence[Sequence[str]], tables: Sequence[str]) -> list[Knowledge]:
        """For each group of documents, a Knowledge over the facts of some table kinds only, all read in one
        query: what a line of an answer across many documents is checked against (its own documents'
        tables its figure was read from)."""
        wanted = list(dict.fromkeys(d for docs in parts for d in docs if d in self.docs))
        by_doc: dict[str, list[Fact]] = {d: [] for d in wanted}
        for f in self.sql.facts(wanted, tables):
            by_doc[f.doc_id].append(f)
        return [Knowledge(self.docs, [f for d in docs for f in by_doc.get(d, [])], [], {}) for docs in parts]

    def _records(self, doc_ids: Sequence[str]) -> tuple[list[Fact], list[Target]]:
        with self._lock:
            cached = {d: self._shards[d] for d in doc_ids if d in self._shards}
            for d in cached:
                self._shards.move_to_end(d)
        missing = [d for d in doc_ids if d not in cached]
        if missing:
            read: dict[str, tuple[list[Fact], list[Target]]] = {d: ([], []) for d in missing}
            for f in self.sql.facts(missing):
                read[f.doc_id][0].append(f)
            for doc_id, t in self.sql.indicators(missing):
                read[doc_id][1].append(
                    Target(doc_id=doc_id, level1=t.level1, level2=t.level2, level3=t.level3, target=t.target,
                           value=t.value, unit=t.unit)
                )  # fmt: skip
            with self._lock:
                for d, shard in read.items():
                    self._shards[d] = shard
                while len(self._shards) > self._capacity[1]:
                    self._shards.popitem(last=False)
            cached.update(read)
        facts = [f for d in doc_ids for f in cached[d][0]]
        targets = [t for d in doc_ids for t in cached[d][1]]
        return facts, targets
