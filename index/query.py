"""Facts across documents, read in SQL: what a question over many disclosures needs, and no more.

The answer to "哪个部门“三公”经费最多？" over a thousand documents is one indexed query
(facts_subject: table kind, row key, column role) rather than a scan of every fact in memory.
Each thread has its own read-only connection (the web app answers on several threads), to the
store's SQLite file or to its PostgreSQL database (index/db.py).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from index import db, lexicon
from index.errors import DocumentNotFound, StoreError
from index.facts import EMPTY_TABLE
from index.lexicon import Statistics
from index.records import Chunk, DocumentInfo, Fact, Indicator, Provenance, flat_provenance

PART = 500  # documents listed in one query
PROSE = "文字说明"  # a place's "table kind" for the figures printed in the text (no table)

FACT_COLUMNS = (
    "f.doc_id, f.department, f.year, tbl, section, row, code, col, value, f.unit, source, parent, page,"
    " coalesce(doc_kind, d.kind), table_kind, column_role, fund, code_scheme, d.filename, row_path, col_path"
)


def resolve_id(wanted: str, doc_ids: Iterable[str]) -> str:
    """The one of `doc_ids` that `wanted` names: a whole id or a unique prefix of one (spaces around it and
    case ignored). DocumentNotFound when none or several start with it."""
    prefix = wanted.strip().lower()
    found = [d for d in doc_ids if d.startswith(prefix)] if prefix else []
    if len(found) != 1:
        raise DocumentNotFound(wanted)
    return found[0]


def fact_of(r: Sequence[object]) -> Fact:
    """A fact from a row selected as FACT_COLUMNS."""
    fact = Fact(
        doc_id=r[0], department=r[1], year=r[2], table=r[3], section=r[4], row=r[5], code=r[6],  # type: ignore[arg-type]
        column=r[7], value=Decimal(str(r[8])), unit=r[9], source=r[10], parent=r[11], page=r[12],  # type: ignore[arg-type]
        doc_kind=r[13], table_kind=r[14], column_role=r[15], fund=r[16], code_scheme=r[17],  # type: ignore[arg-type]
        provenance=_NOT_READ,
    )  # fmt: skip
    return replace(fact, provenance=stored_provenance(fact, str(r[18]), r[19], r[20]))


_NOT_READ = Provenance()  # a placeholder until the stored paths are read


def stored_provenance(f: Fact, document: str, row_path: object, col_path: object) -> Provenance:
    """A stored fact's provenance: its row and column paths as stored; a fact stored by an older version (NULL)
    has the one its flat fields tell."""
    flat = flat_provenance(f, document)
    if not isinstance(row_path, str) or not isinstance(col_path, str):
        return flat
    return replace(flat, row_path=tuple(json.loads(row_path)), column_path=tuple(json.loads(col_path)))


@dataclass(frozen=True, kw_only=True)
class Located:
    """The facts of one place in many documents: a table kind, rows (by key or 科目编码), column roles."""

    tables: tuple[str, ...]  # table kinds; PROSE: the figures printed in the text
    rows: tuple[str, ...] = ()  # label_key of the rows
    codes: tuple[str, ...] = ()  # 科目编码
    roles: tuple[str, ...] = ()  # column roles; empty = any
    holding: tuple[str, ...] = ()  # words a row key holds (a subject as a sentence of the text names it)


class FactQuery:
    """Read-only SQL over a store's facts."""

    def __init__(self, folder: Path, database: str | None = None):
        self.path = folder / "facts.sqlite"
        self.database = database  # a PostgreSQL URL; None: the SQLite file in the folder
        self.where = db.redact(database) if database else str(folder)
        self._local = threading.local()
        self._shared: db.Postgres | None = None
        self._lock = threading.Lock()

    def _conn(self) -> db.Connection:
        if self.database:
            return self._postgres()
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(
                    f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30, factory=db.SQLite
                )
            except sqlite3.Error as e:
                raise StoreError(f"无法读取存储“{self.where}”（{e}）") from e
            self._local.conn = conn
        return conn

    def _postgres(self) -> db.Postgres:
        """One connection for every thread (psycopg's are thread-safe; a query takes milliseconds): a server's
        gradio threads would otherwise hold dozens of PostgreSQL's connections each. Reopened when broken."""
        with self._lock:
            if self._shared is None or self._shared.broken:
                try:
                    self._shared = db.Postgres(self.database or "", read_only=True)
                except db.PostgresError as e:
                    raise StoreError(f"无法读取存储“{self.where}”（{e}）") from e
            return self._shared

    def locate(self, doc_ids: Sequence[str], at: Located) -> list[Fact]:
        """The facts printed at one place, in the given documents, in print order."""
        if not doc_ids or not at.tables or not (at.rows or at.codes or at.holding):
            return []
        kinds = [t for t in at.tables if t != PROSE]
        printed = [f"table_kind IN ({','.join('?' * len(kinds))})"] if kinds else []
        where = ["(" + " OR ".join([*printed, *(["f.tbl IS NULL"] if PROSE in at.tables else [])]) + ")"]
        params: list[object] = [*kinds]
        wanted = []
        # Rows, codes and roles are compared as expressions (`|| ''`), which no index serves: the planner then
        # reads each listed document's tables of the kind (facts_doc_kind), a cost that grows with the
        # documents asked about; by facts_subject it read that row in every document of the store (10,000
        # documents: 126 ms instead of 7.5 ms for a place in 40 departments' documents).
        if at.rows:
            wanted.append(f"row_key || '' IN ({','.join('?' * len(at.rows))})")
            params += at.rows
        if at.codes:
            wanted.append(f"code || '' IN ({','.join('?' * len(at.codes))})")
            params += at.codes
        if at.holding:
            wanted += ["instr(row_key, ?) > 0"] * len(at.holding)
            params += at.holding
        where.append("(" + " OR ".join(wanted) + ")")
        if at.roles:
            where.append(f"column_role || '' IN ({','.join('?' * len(at.roles))})")
            params += at.roles
        where.append(f"f.doc_id IN ({','.join('?' * len(doc_ids))})")
        params += doc_ids
        sql = f"SELECT {FACT_COLUMNS} FROM facts f JOIN documents d USING (doc_id) WHERE {' AND '.join(where)} ORDER BY f.id"
        try:
            return [fact_of(r) for r in self._conn().execute(sql, params)]
        except db.ERRORS as e:
            raise StoreError(f"无法读取存储“{self.where}”（{e}）") from e

    def empty(self, doc_ids: Sequence[str], tables: Sequence[str]) -> list[Fact]:
        """The 0 facts of these documents' tables of these kinds that print no figures (本表无数据)."""
        if not doc_ids or not tables:
            return []
        sql = (
            f"SELECT {FACT_COLUMNS} FROM facts f JOIN documents d USING (doc_id)"
            f" WHERE table_kind IN ({','.join('?' * len(tables))}) AND instr(source, ?) > 0"
            f" AND f.doc_id IN ({','.join('?' * len(doc_ids))}) ORDER BY f.id"
        )
        return [fact_of(r) for r in self._read(sql, [*tables, EMPTY_TABLE, *doc_ids])]

    def row_keys(self, tables: Sequence[str]) -> dict[str, str]:
        """The row keys of these table kinds, each with one of its 科目编码 ("" when uncoded)."""
        sql = f"SELECT row_key, max(code) FROM row_keys WHERE table_kind IN ({','.join('?' * len(tables))}) GROUP BY row_key"
        return {str(k): str(c) for k, c in self._read(sql, list(tables))}

    def revision(self) -> str:
        """What the store holds, in a few characters: it changes when a document is added by any process."""
        try:
            count, latest = self._conn().execute("SELECT count(*), max(ingested_at) FROM documents").fetchone()
        except db.ERRORS as e:
            raise StoreError(f"无法读取存储“{self.where}”（{e}）") from e
        return f"{count}:{latest or ''}"

    def code_names(self) -> dict[str, str]:
        """Every 科目编码 in the store with a printed name of it (kept up to date by ingest)."""
        return {str(c): str(r) for c, r in self._read("SELECT code, name FROM codes")}

    # --- one document's records, read when a question needs them ----------------

    def documents(self) -> list[DocumentInfo]:
        """Every document row without its text, by year and department, then in ingest order."""
        rows = self._read(
            "SELECT doc_id, title, department, year, kind, unit, filename, n_facts, ingested_at, i.level, i.scope"
            " FROM documents LEFT JOIN identities i USING (doc_id) ORDER BY year, department, documents.rowid"
        )
        return [
            DocumentInfo(doc_id=r[0], title=r[1], department=r[2], year=r[3], kind=r[4], unit=r[5],
                         filename=r[6], n_facts=r[7], ingested_at=r[8], level=r[9] or "部门", scope=r[10])
            for r in rows
        ]  # fmt: skip

    def mentions(self, words: Sequence[str]) -> bool:
        """Whether a row of any stored document holds one of these words."""
        if not words:
            return False
        sql = "SELECT 1 FROM row_keys WHERE " + " OR ".join(["instr(row_key, ?) > 0"] * len(words)) + " LIMIT 1"
        return bool(self._read(sql, list(words)))

    def coded_rows_in(self, text: str) -> list[str]:
        """The 科目 names (rows printed with a 科目编码, four characters or more) that a text writes out."""
        sql = (
            "SELECT DISTINCT row_key FROM row_keys WHERE code <> '' AND length(row_key) >= 4 AND instr(?, row_key) > 0"
        )
        return sorted((str(r[0]) for r in self._read(sql, [text])), key=len, reverse=True)

    def printed_with_code(self, codes: Sequence[str]) -> list[tuple[str, str, str]]:
        """(document, 科目编码, row as printed) of the table rows printed with one of these codes."""
        if not codes:
            return []
        sql = f"SELECT DISTINCT doc_id, code, row FROM facts WHERE tbl IS NOT NULL AND code IN ({','.join('?' * len(codes))})"
        return [(str(r[0]), str(r[1]), str(r[2])) for r in self._read(sql, list(codes))]

    def rows_in(self, text: str) -> list[tuple[str, str]]:
        """(document, row) of the table rows, four characters or more, whose names a text writes out
        ("西安市殡仪馆" of 西安市民政局's 汇总 tables): the rows are found among the distinct row names first."""
        sql = "SELECT DISTINCT row_key FROM row_keys WHERE table_kind <> '' AND length(row_key) >= 4 AND instr(?, row_key) > 0"
        keys = [str(r[0]) for r in self._read(sql, [text])]
        if not keys:
            return []
        sql = (
            f"SELECT DISTINCT doc_id, row FROM facts WHERE tbl IS NOT NULL AND row_key IN ({','.join('?' * len(keys))})"
        )
        return [(str(r[0]), str(r[1])) for r in self._read(sql, keys)]

    def count(self) -> int:
        """How many facts the store holds."""
        return int(self._read("SELECT count(*) FROM facts")[0][0])

    def versions(self) -> frozenset[tuple[str, ...]]:
        """(doc_id, when it was stored, its title, department, year and kind) of every document: changes when a
        document is stored again too, under the department, year or kind a user confirmed, even within the same
        second (the time is stored to the second)."""
        rows = self._read("SELECT doc_id, ingested_at, title, department, year, kind FROM documents")
        return frozenset(tuple(str(v) for v in r) for r in rows)

    def ingested(self) -> list[str]:
        """Document ids in the order they were stored (the order of their facts' ids)."""
        return [str(r[0]) for r in self._read("SELECT doc_id FROM documents ORDER BY rowid")]

    def facts(self, doc_ids: Sequence[str], tables: Sequence[str] | None = None) -> list[Fact]:
        """The facts of these documents in print order (store order); only those of some table kinds if given.

        The documents are listed in the query (not passed as one JSON array), so that the planner reads
        them through facts_doc_kind (document, table kind) rather than every document's table of a kind."""
        rows = []
        for start in range(0, len(doc_ids), PART):
            part = list(doc_ids[start : start + PART])
            sql = (
                f"SELECT {FACT_COLUMNS}, f.id FROM facts f JOIN documents d USING (doc_id)"
                f" WHERE f.doc_id IN ({','.join('?' * len(part))})"
            )
            if tables is not None:
                sql += f" AND table_kind IN ({','.join('?' * len(tables))})"
            rows += self._read(sql, [*part, *(tables or ())])
        rows.sort(key=lambda r: r[-1])
        return [fact_of(r) for r in rows]

    def cells(self, facts: Sequence[Fact]) -> list[Fact]:
        """The facts stored at the places of these facts (document, table kind, source — the table as
        printed, the row path and the column path — and page), in print order: each place read through
        facts_doc_kind, so the cost grows with the places asked for, not with the store."""
        places = list(dict.fromkeys((f.doc_id, f.table_kind, f.source, f.page) for f in facts))
        rows = []
        for start in range(0, len(places), PART // 5):
            where: list[str] = []
            params: list[object] = []
            for doc_id, table_kind, source, page in places[start : start + PART // 5]:
                kind = "table_kind IS NULL" if table_kind is None else "table_kind = ?"
                at = "page IS NULL" if page is None else "page = ?"
                where.append(f"(f.doc_id = ? AND {kind} AND source = ? AND {at})")
                params += [doc_id, *([table_kind] if table_kind is not None else []), source]
                params += [page] if page is not None else []
            sql = f"SELECT {FACT_COLUMNS}, f.id FROM facts f JOIN documents d USING (doc_id) WHERE {' OR '.join(where)}"
            rows += self._read(sql, params)
        rows.sort(key=lambda r: r[-1])
        return [fact_of(r) for r in rows]

    def indicators(self, doc_ids: Sequence[str]) -> list[tuple[str, Indicator]]:
        """(doc_id, performance target) of these documents."""
        rows = self._read(
            "SELECT doc_id, level1, level2, level3, target, value, unit, comparator FROM indicators"
            " WHERE doc_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
            [json.dumps(list(doc_ids))],
        )
        return [
            (r[0], Indicator(level1=r[1], level2=r[2], level3=r[3], target=r[4],
                             value=None if r[5] is None else Decimal(r[5]), unit=r[6], comparator=r[7]))
            for r in rows
        ]  # fmt: skip

    def text(self, doc_id: str) -> str:
        """A document's normalised text ("" when it is not in the store)."""
        rows = self._read("SELECT text FROM documents WHERE doc_id = ?", [doc_id])
        return str(rows[0][0]) if rows else ""

    def chunks(self, doc_ids: Sequence[str]) -> list[Chunk]:
        """The chunks of these documents, each document's in order."""
        rows = self._read(
            "SELECT id, doc_id, location, text, metadata FROM chunks WHERE doc_id IN (SELECT value FROM json_each(?))"
            " ORDER BY doc_id, position",
            [json.dumps(list(doc_ids))],
        )
        return [Chunk(id=r[0], doc_id=r[1], where=r[2], text=r[3], metadata=json.loads(r[4])) for r in rows]

    def postings(
        self, terms: Sequence[str], stats: Statistics, k: int, doc_ids: Sequence[str]
    ) -> list[tuple[str, str, int, int]]:
        """(term, chunk id, tf, chunk length) of these terms in the chunks of these documents that may be among
        the k best (`lexicon.leaders`): the inverted index, scored in the database, without reading the chunks
        that hold none of the terms."""
        leaders = lexicon.leaders(terms, stats, k, doc_ids)
        if leaders is None:
            return []
        chunks = [r[0] for r in self._read(*leaders)]
        if not chunks:
            return []
        return self._read(
            "SELECT term, chunk, tf, length FROM postings WHERE term IN (SELECT value FROM json_each(?))"
            " AND chunk IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(set(terms)), ensure_ascii=False), json.dumps(sorted(chunks))],
        )

    def chunks_named(self, chunk_ids: Sequence[str]) -> list[tuple[Chunk, int]]:
        """(chunk, position) of the chunks with these ids, in no particular order."""
        if not chunk_ids:
            return []
        rows = self._read(
            "SELECT id, doc_id, location, text, metadata, position FROM chunks"
            " WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(chunk_ids))],
        )
        return [
            (Chunk(id=r[0], doc_id=r[1], where=r[2], text=r[3], metadata=json.loads(r[4])), int(r[5])) for r in rows
        ]

    def statistics(self, terms: Sequence[str]) -> Statistics:
        """The store-wide BM25 numbers for a query's terms."""
        try:
            return Statistics.read(self._conn(), terms)
        except db.ERRORS as e:
            raise StoreError(f"无法读取存储“{self.where}”（{e}）") from e

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        try:
            return self._conn().execute(sql, params).fetchall()
        except db.ERRORS as e:
            raise StoreError(f"无法读取存储“{self.where}”（{e}）") from e
