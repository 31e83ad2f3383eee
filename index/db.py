"""The facts database: SQLite (a file in the store folder, the default) or PostgreSQL (a URL).

Both are used through one interface, the part of `sqlite3.Connection` the store uses: `execute`,
`executemany`, `executescript`, `with conn:` for a transaction, plus the few operations whose SQL
differs (the format version, the write lock, deferred foreign keys). SQL is written once, for
SQLite, with `?` placeholders; `Postgres` translates it (`translate`), so a query added for SQLite
runs on both as long as it keeps to what the two share plus the SQLite spellings translated here:
`instr`, `json_each(?)` over a JSON array, `INSERT OR IGNORE` / `INSERT OR REPLACE`, and in table
definitions `INTEGER PRIMARY KEY` and `REFERENCES`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Protocol

LOCK = 0x62756467  # the advisory lock that serialises creating and migrating a PostgreSQL store ("budg")


class PostgresError(Exception):
    """An error from PostgreSQL (psycopg's, carried as the cause): psycopg is imported only when used. The
    counterpart of `sqlite3.Error`, not a user-facing error: the store catches both (`ERRORS`) and re-raises
    them as `StoreError`."""


ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, PostgresError)  # what either database raises


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def fetchmany(self, size: int = ..., /) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...
    @property
    def description(self) -> Any: ...  # the columns of the rows it selects: (name, …) each


class Connection(Protocol):
    """What the store and its queries use of a database connection."""

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor: ...
    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> object: ...
    def executescript(self, sql: str, /) -> object: ...
    def close(self) -> None: ...
    def __enter__(self) -> Any: ...
    def __exit__(self, *exc: Any) -> Any: ...
    def format_version(self) -> int: ...
    def set_format_version(self, version: int) -> None: ...
    def has_table(self, name: str) -> bool: ...
    def create_schema(self, schema: str, version: int) -> int: ...
    def ensure_schema(self, schema: str) -> None: ...
    def exclusive(self) -> Any: ...
    def defer_foreign_keys(self) -> None: ...


class SQLite(sqlite3.Connection):
    """A sqlite3 connection (`sqlite3.connect(..., factory=SQLite)`) with the operations whose SQL differs."""

    def format_version(self) -> int:
        return int(self.execute("PRAGMA user_version").fetchone()[0])

    def set_format_version(self, version: int) -> None:
        self.execute(f"PRAGMA user_version = {int(version)}")

    def has_table(self, name: str) -> bool:
        return self.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None

    def create_schema(self, schema: str, version: int) -> int:
        """Create the tables of a new store and record its format version; returns the version."""
        self.executescript(schema + f"PRAGMA user_version = {int(version)};")
        return version

    def ensure_schema(self, schema: str) -> None:
        """Create what the schema has and the database lacks (every statement is IF NOT EXISTS)."""
        self.executescript(schema)

    @contextmanager
    def exclusive(self) -> Iterator[SQLite]:
        """A transaction holding the write lock from its start: another process doing the same waits."""
        self.execute("BEGIN IMMEDIATE")
        try:
            yield self
            self.commit()
        except BaseException:
            self.rollback()
            raise

    def defer_foreign_keys(self) -> None:
        """Check foreign keys at the commit of the current transaction, not at each statement."""
        self.execute("PRAGMA defer_foreign_keys = ON")  # lasts until this transaction ends


class Postgres:
    """A PostgreSQL connection that reads SQL written for SQLite.

    Statements outside `with conn:` commit at once (autocommit), so a reader never holds a
    transaction open and always sees what other processes have committed."""

    def __init__(self, url: str, *, read_only: bool = False):
        import psycopg

        self._psycopg = psycopg
        try:
            # Client-side binding, as SQLite does: `? IS NULL` with None needs no parameter types.
            self._conn = psycopg.connect(url, autocommit=True, cursor_factory=psycopg.ClientCursor, connect_timeout=10)
            if read_only:
                self._conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as e:
            raise PostgresError(_message(e)) from e
        self._transactions: list[Any] = []
        self._upserts: dict[str, str] = {}

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except self._psycopg.Error as e:
            raise PostgresError(_message(e)) from e

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        with self._errors():
            return self._conn.execute(self._translate(sql), tuple(parameters))  # type: ignore[arg-type]

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> None:
        with self._errors(), self._conn.cursor() as cursor:
            cursor.executemany(self._translate(sql), [tuple(p) for p in parameters])  # type: ignore[arg-type]

    def executescript(self, sql: str, /) -> None:
        """Statements separated by semicolons, without parameters."""
        with self._errors():
            self._conn.execute(translate(sql, placeholders=False))  # type: ignore[arg-type]

    def _translate(self, sql: str) -> str:
        if re.match(r"\s*INSERT\s+OR\s+REPLACE\b", sql, re.IGNORECASE):
            if sql not in self._upserts:  # the table's key read once per connection
                self._upserts[sql] = translate(self._replace(sql))
            return self._upserts[sql]
        return translate(sql)

    def _replace(self, sql: str) -> str:
        """INSERT OR REPLACE as PostgreSQL's upsert on the table's primary key."""
        match = re.match(r"\s*INSERT\s+OR\s+REPLACE\s+INTO\s+(\w+)\s*(\(([^)]*)\))?\s*(.*)", sql, re.I | re.S)
        if match is None:
            raise PostgresError(f"无法转换的语句：{sql}")
        table, columns, rest = match[1], match[3], match[4]
        keys, every = _table_columns(self, table)
        names = [c.strip() for c in columns.split(",")] if columns else every
        update = ", ".join(f"{c} = EXCLUDED.{c}" for c in names if c not in keys)
        action = f"DO UPDATE SET {update}" if update else "DO NOTHING"
        return f"INSERT INTO {table} ({', '.join(names)}) {rest} ON CONFLICT ({', '.join(keys)}) {action}"

    def close(self) -> None:
        self._conn.close()

    @property
    def broken(self) -> bool:
        """Closed, or its connection lost (the server restarted): a new one is needed."""
        return bool(self._conn.closed or self._conn.broken)

    def __enter__(self) -> Postgres:
        """Begin a transaction: everything until the block ends commits together, or rolls back."""
        transaction = self._conn.transaction()
        with self._errors():
            transaction.__enter__()
        self._transactions.append(transaction)
        return self

    def __exit__(self, *exc: Any) -> None:
        with self._errors():
            self._transactions.pop().__exit__(*exc)

    def format_version(self) -> int:
        if not self.has_table("meta"):
            return 0
        row = self.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        return 0 if row is None else int(row[0])

    def set_format_version(self, version: int) -> None:
        self.executescript("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self.execute(
            "INSERT INTO meta VALUES ('format', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(version),),
        )

    def has_table(self, name: str) -> bool:
        return self.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0] is True

    def create_schema(self, schema: str, version: int) -> int:
        """Under the lock: another process creating the same store at once waits, then finds it made."""
        with self.exclusive():
            found = self.format_version()
            if found == 0 and not self.has_table("documents"):
                self.executescript(schema)
                self.set_format_version(version)
                found = version
        return found

    def ensure_schema(self, schema: str) -> None:
        """Only when something is missing, and under the lock: CREATE INDEX IF NOT EXISTS on PostgreSQL
        waits for the table's writers even when the index exists."""
        names = re.findall(r"CREATE\s+(?:TABLE|INDEX)\s+IF\s+NOT\s+EXISTS\s+(\w+)", schema, re.IGNORECASE)
        if all(self.has_table(name) for name in names):
            return
        with self.exclusive():
            self.executescript(schema)

    @contextmanager
    def exclusive(self) -> Iterator[Postgres]:
        """A transaction holding the store's advisory lock: another process doing the same waits."""
        with self:
            self.execute("SELECT pg_advisory_xact_lock(?)", (LOCK,))
            yield self

    def defer_foreign_keys(self) -> None:
        self.execute("SET CONSTRAINTS ALL DEFERRED")  # the keys are DEFERRABLE (translate); until the commit


def _table_columns(conn: Postgres, table: str) -> tuple[list[str], list[str]]:
    """(primary key columns, all columns) of a table, in their order."""
    every = [
        r[0]
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = ? AND coalesce(identity_generation, '') <> 'ALWAYS' ORDER BY ordinal_position",
            (table,),
        )
    ]
    keys = [
        r[0]
        for r in conn.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
            " WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY a.attnum",
            (table,),
        )
    ]
    if not keys:
        raise PostgresError(f"表 {table} 没有主键，无法 INSERT OR REPLACE")
    return keys, every


_TOKENS = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|--[^\n]*|\?|%|[^'\"?%-]+|-")


@lru_cache(maxsize=1024)
def translate(sql: str, *, placeholders: bool = True) -> str:
    """SQLite's SQL as PostgreSQL's: `?` → `%s` (and `%` → `%%`) outside quotes and comments when the
    statement takes parameters; `instr` → `strpos`; `json_each(?)` over an array; `INSERT OR IGNORE`;
    two-argument `min`/`max` → `LEAST`/`GREATEST`; and table definitions (`_definitions`)."""
    sql = re.sub(r"\binstr\(", "strpos(", sql, flags=re.IGNORECASE)
    sql = re.sub(
        r"\b(min|max)\(\s*([^(),]+?)\s*,\s*([^(),]+?)\s*\)",
        lambda m: f"{'LEAST' if m[1].lower() == 'min' else 'GREATEST'}({m[2]}, {m[3]})",
        sql,
        flags=re.IGNORECASE,
    )
    sql = re.sub(r"\bjson_each\(\s*\?\s*\)", "json_array_elements_text(CAST(? AS json))", sql, flags=re.IGNORECASE)
    if re.match(r"\s*INSERT\s+OR\s+IGNORE\b", sql, re.IGNORECASE):
        sql = re.sub(r"INSERT\s+OR\s+IGNORE", "INSERT", sql, count=1, flags=re.IGNORECASE) + " ON CONFLICT DO NOTHING"
    if re.search(r"\b(CREATE|ALTER)\s+TABLE\b", sql, re.IGNORECASE):
        sql = _definitions(sql)
    if not placeholders:
        return sql
    # psycopg reads every `%` as a placeholder, in quotes and comments too; `?` is one only outside them
    return "".join("%s" if t == "?" else t.replace("%", "%%") for t in _TOKENS.findall(sql))


def _definitions(statement: str) -> str:
    """Table definitions (CREATE TABLE, ALTER TABLE) for PostgreSQL: SQLite's column types and keys as
    PostgreSQL has them: text compared byte by byte as in SQLite (`COLLATE "C"`), identity keys,
    deferrable foreign keys, and a `rowid` (insertion order, for `ORDER BY rowid`) in each table that
    has one in SQLite."""
    statement = "".join(t for t in _TOKENS.findall(statement) if not t.startswith("--"))  # "(PDF); NULL" …
    statement = _rowids(statement)
    statement = re.sub(r"\)\s*WITHOUT\s+ROWID\b", ")", statement, flags=re.IGNORECASE)
    statement = re.sub(r"\bINTEGER PRIMARY KEY\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", statement)
    statement = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', statement)  # SQLite compares text by its bytes
    return re.sub(r"(\bREFERENCES\s+\w+\s*\([^)]*\)(?:\s+ON\s+DELETE\s+\w+)?)", r"\1 DEFERRABLE", statement)


def _rowids(script: str) -> str:
    """Add `rowid` to each CREATE TABLE without an INTEGER PRIMARY KEY (which is SQLite's rowid)."""
    out, at = [], 0
    for match in re.finditer(r"\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?\w+\s*\(", script, re.IGNORECASE):
        if match.start() < at:
            continue
        depth, end = 1, match.end()
        while depth and end < len(script):
            depth += {"(": 1, ")": -1}.get(script[end], 0)
            end += 1
        body = script[match.end() : end - 1]
        out.append(script[at : match.end()])
        rowid = "INTEGER PRIMARY KEY" in body.upper() or "WITHOUT ROWID" in script[end : end + 20].upper()
        out.append(body if rowid else f"{body}, rowid BIGINT GENERATED ALWAYS AS IDENTITY")
        at = end - 1
    return "".join(out) + script[at:]


def _message(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def redact(url: str) -> str:
    """A database URL fit to show: without its password."""
    url = re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)
    return re.sub(r"(password\s*=\s*)\S+", r"\1***", url, flags=re.IGNORECASE)
