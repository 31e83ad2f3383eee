"""The store folder: `facts.sqlite` (documents, facts, chunks) and the chromadb vectors.

SQLite is the record: a document, its facts and its chunks commit in one
transaction. Vectors live in chromadb (an embedded `PersistentClient` under the
store folder, or a server through `HttpClient`) and are written inside that
transaction, so a failure on either side undoes both.

For several servers sharing one store, the record is a PostgreSQL database instead
(`Store(folder, database=URL)`), with the same tables and SQL (index/db.py) and the
vectors on a chromadb server.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from index import db, lexicon
from index.catalog import catalog
from index.errors import DocumentNotFound, StoreError, StoreIncompatible
from index.identify import Identity
from index.load import normalise
from index.normal import label_key
from index.query import FACT_COLUMNS, fact_of, resolve_id
from index.records import Chunk, DocumentInfo, Fact, Indicator

if TYPE_CHECKING:  # llama-index and chromadb load only when vectors are used (answering a figure needs neither)
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from llama_index.core.schema import BaseNode

# What the store knows across documents, gathered per document at ingest (`where` narrows to one).
CODES = "SELECT code, min(row) FROM facts WHERE code IS NOT NULL {where} GROUP BY code ORDER BY code"
ROW_KEYS = (  # prose rows under the kind ""
    "SELECT coalesce(table_kind, ''), row_key, max(coalesce(code, '')) FROM facts"
    " WHERE row_key IS NOT NULL {where} GROUP BY coalesce(table_kind, ''), row_key ORDER BY 1, 2"
)  # ordered, as terms are: two servers writing at once take row locks in the same order (no deadlock)


def _add_paths(conn: db.Connection) -> None:
    """A figure's row path and column path (JSON), NULL for the facts already stored: their provenance is
    built from the flat fields until `budgetqa rebuild`. A column already there is kept."""
    have = {d[0].lower() for d in conn.execute("SELECT * FROM facts LIMIT 0").description}
    for column in ("row_path", "col_path"):
        if column not in have:
            conn.execute(f"ALTER TABLE facts ADD COLUMN {column} TEXT")


# The store's format, kept in SQLite's user_version. Bump it when the tables or what is
# stored in them change in a way older code cannot read; `budgetqa rebuild` then
# rebuilds a store from the document texts it keeps. A change older stores can be
# brought up to in place goes into MIGRATIONS instead.
FORMAT = 7
Step = str | Callable[[db.Connection], None]  # a statement, or a step that needs Python (recounting)
MIGRATIONS: dict[int, tuple[Step, ...]] = {
    1: ("ALTER TABLE facts ADD COLUMN page INTEGER",),  # 1 → 2: page provenance (PDF); text documents have none
    2: (  # 2 → 3: what a figure means across documents (the template catalog); NULL until `budgetqa rebuild`
        "ALTER TABLE facts ADD COLUMN doc_kind TEXT",
        "ALTER TABLE facts ADD COLUMN table_kind TEXT",
        "ALTER TABLE facts ADD COLUMN column_role TEXT",
        "ALTER TABLE facts ADD COLUMN fund TEXT",
        "ALTER TABLE facts ADD COLUMN code_scheme TEXT",
        "CREATE INDEX IF NOT EXISTS facts_kind ON facts(table_kind, code, column_role)",
    ),
    3: (  # 3 → 4: a row's matching key, so that questions across documents are answered in SQL
        "ALTER TABLE facts ADD COLUMN row_key TEXT",
        "UPDATE facts SET row_key = label_key(row)",
        "CREATE INDEX IF NOT EXISTS facts_subject ON facts(table_kind, row_key, column_role)",
        "CREATE INDEX IF NOT EXISTS facts_code ON facts(code) WHERE code IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS documents_year ON documents(year, kind)",
    ),
    4: (  # 4 → 5: BM25 statistics and the store's codes and row keys kept up to date, not gathered at start
        *lexicon.TABLES,
        lexicon.POSTINGS,  # recount posts the chunks too (the 5 → 6 step's table)
        lexicon.recount,
        "DROP INDEX IF EXISTS facts_doc",  # (document, table kind) serves both a document and its tables of a kind
        "CREATE INDEX IF NOT EXISTS facts_doc_kind ON facts(doc_id, table_kind)",
        "CREATE INDEX IF NOT EXISTS indicators_doc ON indicators(doc_id)",
        "CREATE TABLE IF NOT EXISTS codes (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS row_keys (table_kind TEXT NOT NULL, row_key TEXT NOT NULL, code TEXT NOT NULL,"
        " PRIMARY KEY (table_kind, row_key)) WITHOUT ROWID",
        f"INSERT INTO codes {CODES.format(where='')}",
        f"INSERT INTO row_keys {ROW_KEYS.format(where='')}",
    ),
    5: (lexicon.POSTINGS, lexicon.recount),  # 5 → 6: the inverted index (an unscoped search reads its terms' postings)
    6: (_add_paths,),  # 6 → 7: a figure's row path and column path
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id      TEXT PRIMARY KEY,   -- SHA-256 of the normalised text
    title       TEXT NOT NULL,
    department  TEXT NOT NULL,
    year        INTEGER NOT NULL,
    kind        TEXT NOT NULL,      -- 预算 / 决算
    unit        TEXT NOT NULL,
    filename    TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    text        TEXT NOT NULL,      -- normalised text, re-parsed by the audit
    n_facts     INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    department  TEXT NOT NULL,
    year        INTEGER NOT NULL,
    tbl         TEXT,
    section     TEXT,
    row         TEXT NOT NULL,
    code        TEXT,
    col         TEXT NOT NULL,
    value       TEXT NOT NULL,      -- Decimal as text: exact
    unit        TEXT NOT NULL,
    source      TEXT NOT NULL,
    parent      TEXT,
    page        INTEGER,            -- page of the document (PDF); NULL for plain text
    doc_kind    TEXT,               -- 预算 / 决算
    table_kind  TEXT,               -- the catalog's table kind (index/catalog.toml)
    column_role TEXT,               -- the catalog's column role: 决算数, 基本支出 …
    fund        TEXT,               -- 全部 / 财政拨款 / 一般公共预算 / 政府性基金 / 国有资本经营
    code_scheme TEXT,               -- 功能分类 / 经济分类 for a 科目编码
    row_key     TEXT,               -- the row reduced for matching across documents (index.tables.label_key)
    row_path    TEXT,               -- JSON: the rows it is under, outermost first, itself last (类 > 款 > 项)
    col_path    TEXT                -- JSON: the headers over its column, outermost first
);
CREATE INDEX IF NOT EXISTS facts_doc_kind ON facts(doc_id, table_kind);
CREATE INDEX IF NOT EXISTS facts_kind ON facts(table_kind, code, column_role);
CREATE INDEX IF NOT EXISTS facts_subject ON facts(table_kind, row_key, column_role);
CREATE INDEX IF NOT EXISTS facts_code ON facts(code) WHERE code IS NOT NULL;
CREATE INDEX IF NOT EXISTS documents_year ON documents(year, kind);
CREATE TABLE IF NOT EXISTS chunks (
    id          TEXT PRIMARY KEY,   -- doc hash prefix + position
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    location    TEXT NOT NULL,      -- section heading or table ref
    text        TEXT NOT NULL,
    metadata    TEXT NOT NULL       -- JSON, flat
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS corpus (chunks INTEGER NOT NULL, tokens INTEGER NOT NULL);
INSERT INTO corpus SELECT 0, 0 WHERE NOT EXISTS (SELECT 1 FROM corpus);
CREATE TABLE IF NOT EXISTS postings (
    term        TEXT NOT NULL,
    chunk       TEXT NOT NULL,      -- chunks.id
    tf          INTEGER NOT NULL,   -- the term's count in the chunk
    length      INTEGER NOT NULL,   -- the chunk's terms (BM25's document length)
    PRIMARY KEY (term, chunk)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS codes (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS row_keys (
    table_kind  TEXT NOT NULL,      -- "" for prose
    row_key     TEXT NOT NULL,
    code        TEXT NOT NULL,      -- the largest 科目编码 printed on the row ("" when uncoded)
    PRIMARY KEY (table_kind, row_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pending (  -- ingests under way: their vectors may be written, their rows not yet
    doc_id      TEXT PRIMARY KEY,
    host        TEXT NOT NULL,
    pid         INTEGER NOT NULL,
    started     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS indicators (
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    level1      TEXT NOT NULL,
    level2      TEXT NOT NULL,
    level3      TEXT NOT NULL,
    target      TEXT NOT NULL,
    value       TEXT,
    unit        TEXT NOT NULL,
    comparator  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS indicators_doc ON indicators(doc_id);
CREATE TABLE IF NOT EXISTS identities (  -- whose document: where each value was read, what a user confirmed
    doc_id      TEXT PRIMARY KEY,
    level       TEXT NOT NULL,      -- 部门 / 单位
    scope       TEXT,               -- 本级 / 汇总
    sources     TEXT NOT NULL       -- JSON: department, year, kind … → 封面 / 目录 / … / 用户确认
);
"""


@dataclass(frozen=True, kw_only=True)
class TableInfo:
    """A table of a stored document, as `budgetqa docs` lists it."""

    table: str  # as printed: "表7", "收入决算表"
    kind: str | None  # the catalog's kind ("income"); None when the catalog does not know the table
    kind_name: str  # the kind's name: "收入总表"
    n_facts: int


class Store:
    """SQLite under the store folder, or the PostgreSQL database at `database` (a URL).
    Use as a context manager or call close()."""

    conn: db.Connection

    def __init__(self, folder: Path, database: str | None = None):
        self.folder = folder
        self.database = database  # a PostgreSQL URL, for the FactQuery of this store; None: facts.sqlite
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            _owner_only(folder)  # the figures and texts are the office's, not everyone's on the machine
            if database:
                self.conn = db.Postgres(database)
            else:
                path = folder / "facts.sqlite"
                conn = sqlite3.connect(path, timeout=30, factory=db.SQLite)
                self.conn = conn
                _owner_only(path)
                conn.execute("PRAGMA foreign_keys = ON")
                conn.create_function("label_key", 1, label_key, deterministic=True)  # used by a migration
            version = self._format()
            if version != FORMAT:
                self.conn.close()
                if database:
                    raise StoreError(
                        f"PostgreSQL 数据库“{db.redact(database)}”是其他版本的程序建立的（格式版本 {version}，"
                        f"本程序为 {FORMAT}），请使用同一版本的程序，或新建一个数据库后重新导入原始文件"
                    )
                raise StoreIncompatible(folder, version, FORMAT)
            self.conn.ensure_schema(SCHEMA)  # tables added within a format (IF NOT EXISTS: no-op otherwise)
        except db.PostgresError as e:
            raise StoreError(f"无法打开数据库“{db.redact(database or '')}”（{e}）") from e
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"无法打开存储目录“{folder}”（{e}）") from e

    def _format(self) -> int:
        """The store's format version; a new store is given the current one.

        0 with documents is a store from before versions were recorded: its document
        ids were computed before full-width digits were normalised, so it is rebuilt.
        """
        version = self.conn.format_version()
        if version == 0 and not self.conn.has_table("documents"):
            return self.conn.create_schema(SCHEMA, FORMAT)
        if version == 0:  # another process may have created the store between the two reads above: its
            version = self.conn.format_version()  # tables and version are committed together, so read again
        if version in MIGRATIONS:
            version = self._migrate()
        return version

    def _migrate(self) -> int:
        """Bring an older format up to date in one transaction, holding the write lock: another
        process opening the same store at once waits, then finds it migrated."""
        with self.conn.exclusive():
            version = self.conn.format_version()
            if version == 1 and any(normalise(t) != t for (t,) in self.conn.execute("SELECT text FROM documents")):
                return version  # ids now computed from other text (radical code points): rebuild (nothing written)
            while version in MIGRATIONS:
                for step in MIGRATIONS[version]:
                    if isinstance(step, str):
                        self.conn.execute(step)
                    else:
                        step(self.conn)
                version += 1
                self.conn.set_format_version(version)
        return version

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[db.Connection]:
        """All writes inside commit together or not at all."""
        try:
            with self.conn:
                yield self.conn
        except db.ERRORS as e:
            raise StoreError(f"写入失败，已撤销本次写入（{e}）") from e

    def begin(self, doc_id: str) -> None:
        """Record (committed) that this process is about to write a document's vectors."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO pending VALUES (?,?,?,?)", (doc_id, socket.gethostname(), os.getpid(), now())
            )

    def abandoned(self) -> list[str]:
        """Documents whose ingest was begun by a process on this machine that no longer runs (killed)."""
        try:
            rows = self.conn.execute("SELECT doc_id, pid FROM pending WHERE host = ?", (socket.gethostname(),))
            return [doc_id for doc_id, pid in rows.fetchall() if not _alive(pid)]
        except db.ERRORS as e:
            raise StoreError(f"读取未完成的导入记录失败（{e}）") from e

    def end(self, conn: db.Connection, doc_id: str) -> None:
        conn.execute("DELETE FROM pending WHERE doc_id = ?", (doc_id,))

    def has(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def add(
        self,
        conn: db.Connection,
        *,
        info: DocumentInfo,
        text: str,
        encoding: str,
        facts: Iterable[Fact],
        indicators: Iterable[Indicator],
        chunks: Sequence[Chunk] = (),
    ) -> None:
        """Write one document inside a transaction opened with `transaction()`: its facts, indicators and
        chunks first, the document row last (foreign keys are checked at the commit)."""
        conn.defer_foreign_keys()  # lasts until this transaction ends
        conn.executemany(
            "INSERT INTO facts (doc_id, department, year, tbl, section, row, code, col, value, unit, source, parent,"
            " page, doc_kind, table_kind, column_role, fund, code_scheme, row_key, row_path, col_path)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (f.doc_id, f.department, f.year, f.table, f.section, f.row, f.code, f.column, str(f.value),
                 f.unit, f.source, f.parent, f.page, f.doc_kind, f.table_kind, f.column_role, f.fund, f.code_scheme,
                 label_key(f.row), _json(f.provenance.row_path), _json(f.provenance.column_path))
                for f in facts
            ),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO indicators VALUES (?,?,?,?,?,?,?,?)",
            (
                (info.doc_id, i.level1, i.level2, i.level3, i.target, None if i.value is None else str(i.value),
                 i.unit, i.comparator)
                for i in indicators
            ),
        )  # fmt: skip

        conn.executemany(
            "INSERT INTO chunks VALUES (?,?,?,?,?,?)",
            (
                (
                    c.id,
                    c.doc_id,
                    c.metadata.get("position", 0),
                    c.where,
                    c.text,
                    json.dumps(c.metadata, ensure_ascii=False),
                )
                for c in chunks
            ),
        )
        lexicon.record(conn, chunks)
        where = "AND doc_id = ?"
        conn.execute(
            f"INSERT INTO codes {CODES.format(where=where)} ON CONFLICT(code) DO UPDATE SET name = min(codes.name, excluded.name)",
            (info.doc_id,),
        )
        conn.execute(
            f"INSERT INTO row_keys {ROW_KEYS.format(where=where)}"
            " ON CONFLICT(table_kind, row_key) DO UPDATE SET code = max(row_keys.code, excluded.code)",
            (info.doc_id,),
        )
        conn.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (info.doc_id, info.title, info.department, info.year, info.kind, info.unit, info.filename,
             encoding, text, info.n_facts, info.ingested_at),
        )  # fmt: skip
        conn.execute(
            "INSERT INTO identities VALUES (?,?,?,?)",
            (info.doc_id, info.level, info.scope, json.dumps(info.identified, ensure_ascii=False)),
        )

    def remove(self, conn: db.Connection, doc_id: str) -> None:
        """Delete a document's rows inside a transaction (before it is written again under another identity)."""
        chunks = conn.execute("SELECT id, text FROM chunks WHERE doc_id = ?", (doc_id,)).fetchall()
        lexicon.forget(conn, [(chunk_id, text) for chunk_id, text in chunks])
        for table in ("facts", "indicators", "chunks", "identities", "documents"):
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def given(self, doc_id: str) -> Identity:
        """The department, year and kind a user confirmed for a stored document (kept over a rebuild)."""
        row = self.conn.execute(
            "SELECT d.department, d.year, d.kind, i.sources FROM documents d JOIN identities i USING (doc_id)"
            " WHERE doc_id = ?",
            (doc_id,),
        ).fetchone()
        return Identity() if row is None else Identity.stored(row[0], row[1], row[2], json.loads(row[3]))

    def chunks(self) -> list[Chunk]:
        """Every chunk of every document, in document order."""
        rows = self.conn.execute("SELECT id, doc_id, location, text, metadata FROM chunks ORDER BY doc_id, position")
        return [Chunk(id=r[0], doc_id=r[1], where=r[2], text=r[3], metadata=json.loads(r[4])) for r in rows]

    def documents(self, doc_id: str | None = None) -> list[DocumentInfo]:
        """The stored documents (or the one with this id), by year and department."""
        rows = self.conn.execute(
            "SELECT doc_id, title, department, year, kind, unit, filename, n_facts, ingested_at, i.level, i.scope,"
            " i.sources FROM documents LEFT JOIN identities i USING (doc_id) WHERE ? IS NULL OR doc_id = ?"
            " ORDER BY year, department",
            (doc_id, doc_id),
        ).fetchall()
        return [
            DocumentInfo(doc_id=r[0], title=r[1], department=r[2], year=r[3], kind=r[4], unit=r[5],
                         filename=r[6], n_facts=r[7], ingested_at=r[8], level=r[9] or "部门", scope=r[10],
                         identified=json.loads(r[11]) if r[11] else {})
            for r in rows
        ]  # fmt: skip

    def resolve(self, doc_id: str) -> str:
        """A full document id from an id or a unique prefix of one (`index.query.resolve_id`)."""
        prefix = doc_id.strip().lower()
        rows = self.conn.execute("SELECT doc_id FROM documents WHERE doc_id LIKE ? || '%'", (prefix,)).fetchall()
        return resolve_id(doc_id, (str(r[0]) for r in rows))

    def text(self, doc_id: str) -> tuple[str, str]:
        """(normalised text, file name) of a stored document."""
        row = self.conn.execute("SELECT text, filename FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise DocumentNotFound(doc_id)
        return row[0], row[1]

    def facts(
        self,
        doc_id: str | None = None,
        query: str | None = None,
        *,
        departments: Sequence[str] | None = None,
        year: int | None = None,
        kind: str | None = None,
        code: str | None = None,
    ) -> list[Fact]:
        """Facts in print order, optionally of one document, departments (full names), year, kind (预算/决算),
        科目编码 (and the codes under it), or matching a text in their row, column, source or code."""
        sql = (
            f"SELECT {FACT_COLUMNS} FROM facts f JOIN documents d USING (doc_id)"
            " WHERE (? IS NULL OR f.doc_id = ?)"
            " AND (? IS NULL OR instr(row, ?) > 0 OR instr(source, ?) > 0 OR instr(col, ?) > 0 OR code = ?)"
            " AND (? IS NULL OR f.department IN (SELECT value FROM json_each(?)))"
            " AND (? IS NULL OR f.year = ?) AND (? IS NULL OR coalesce(doc_kind, d.kind) = ?)"
            " AND (? IS NULL OR code LIKE ? || '%')"
            " ORDER BY f.id"
        )
        names = None if departments is None else json.dumps(list(departments), ensure_ascii=False)
        params = (doc_id, doc_id, *[query] * 5, names, names, year, year, kind, kind, code, code)
        return [fact_of(r) for r in self.conn.execute(sql, params).fetchall()]

    def tables(self, doc_id: str) -> list[TableInfo]:
        """The tables of a document that hold facts, in print order, with their catalog kind."""
        rows = self.conn.execute(
            "SELECT tbl, table_kind, count(*) FROM facts WHERE doc_id = ? AND tbl IS NOT NULL"
            " GROUP BY tbl, table_kind ORDER BY min(id)",
            (doc_id,),
        ).fetchall()
        names = {t.kind: t.name for t in catalog().tables}
        return [TableInfo(table=r[0], kind=r[1], kind_name=names.get(r[1], ""), n_facts=r[2]) for r in rows]

    def indicators(self) -> list[tuple[str, Indicator]]:
        """(doc_id, indicator) for every performance target in the store."""
        rows = self.conn.execute(
            "SELECT doc_id, level1, level2, level3, target, value, unit, comparator FROM indicators"
        )
        return [
            (r[0], Indicator(level1=r[1], level2=r[2], level3=r[3], target=r[4],
                             value=None if r[5] is None else Decimal(r[5]), unit=r[6], comparator=r[7]))
            for r in rows
        ]  # fmt: skip

    def count_facts(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM facts").fetchone()[0])


class Vectors:
    """Chunk vectors in a chromadb collection, written and read through llama-index's ChromaVectorStore."""

    def __init__(
        self,
        folder: Path,
        embedding: BaseEmbedding,
        *,
        collection: str,
        host: str | None = None,
        port: int | None = None,
    ):
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.embedding = embedding
        self.errors = chroma_errors()
        self.where = f"{host}:{port}" if host else str(folder / "chroma")
        settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if host:
                client = chromadb.HttpClient(host=host, port=port or 8000, settings=settings)
            else:
                client = chromadb.PersistentClient(path=str(folder / "chroma"), settings=settings)
            chroma = client.get_or_create_collection(collection, metadata={"hnsw:space": "cosine"})
        except self.errors as e:
            raise StoreError(f"无法连接向量库“{self.where}”（{type(e).__name__}）") from e
        self.vector_store = ChromaVectorStore(chroma_collection=chroma)
        self.collection = chroma
        self.client = client
        self.batch = _max_batch(client, self.errors)

    def embed(self, chunks: list[Chunk]) -> list[BaseNode]:
        """Embedded nodes for chunks (computed before anything is written): one per passage."""
        from index.embed import embed_chunks  # llama-index loads with the first vectors

        return embed_chunks(self.embedding, chunks)

    def add(self, nodes: list[BaseNode]) -> None:
        try:
            for start in range(0, len(nodes), self.batch):  # chromadb refuses batches over its limit
                self.vector_store.add(nodes[start : start + self.batch])
        except self.errors as e:
            raise StoreError(f"向量库写入失败（{type(e).__name__}）") from e

    def delete_doc(self, doc_id: str) -> None:
        """Remove a document's vectors (also the orphans of an ingest that crashed before its commit)."""
        try:
            self.vector_store.delete(ref_doc_id=doc_id)  # nodes carry the document as their SOURCE
        except self.errors as e:
            raise StoreError(f"向量库删除失败（{type(e).__name__}）") from e

    def count(self) -> int:
        return int(self.collection.count())

    def emptied(self) -> Vectors:
        """This collection with every vector removed (a rebuild's, left by one that was interrupted)."""
        from llama_index.vector_stores.chroma import ChromaVectorStore

        name, metadata = self.collection.name, self.collection.metadata
        try:
            self.client.delete_collection(name)
            self.collection = self.client.get_or_create_collection(name, metadata=metadata)
        except self.errors as e:
            raise StoreError(f"向量库“{self.where}”无法清空集合 {name}（{type(e).__name__}）") from e
        self.vector_store = ChromaVectorStore(chroma_collection=self.collection)
        return self

    def rename(self, name: str) -> None:
        """Give the collection another name (a rebuild's vectors take the place of the old ones)."""
        try:
            self.collection.modify(name=name)
        except self.errors as e:
            raise StoreError(
                f"向量库“{self.where}”无法把集合 {self.collection.name} 改名为 {name}（{type(e).__name__}）"
            ) from e


def _owner_only(path: Path) -> None:
    """Take away group and other access (the folder is made 0700, files 0600) when the owner can."""
    info = path.stat()
    if info.st_mode & 0o077 and info.st_uid == os.getuid():
        path.chmod(info.st_mode & 0o700)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def chroma_errors() -> tuple[type[Exception], ...]:
    """What chromadb raises for a store it cannot open, reach or write: its own errors, ValueError (it turns
    a refused connection into one), an HTTP client's transport errors and the operating system's. (For an
    HTTP error reply whose body is not its JSON it raises a bare Exception: that reaches the boundary.)"""
    import httpx
    from chromadb.errors import ChromaError

    return (ChromaError, ValueError, httpx.HTTPError, OSError)


def _max_batch(client: object, errors: tuple[type[Exception], ...]) -> int:
    """The largest batch chromadb accepts in one add (5,461 embedded); a safe default for servers that do not say."""
    try:
        return max(1, int(client.get_max_batch_size()))  # type: ignore[attr-defined]
    except (AttributeError, *errors):  # type: ignore[misc]  # older servers and clients have no such call
        return 1000


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(path: tuple[str, ...]) -> str:
    return json.dumps(list(path), ensure_ascii=False)
