"""Rebuilding a store kept in PostgreSQL, from the texts it keeps, with today's parser and format.

The documents are parsed again into a fresh schema of the same database (`<schema>_rebuilding`, its
vectors into a fresh chromadb collection); until that is complete the store is untouched, so a rebuild
that dies leaves the store as it was (the next rebuild drops the half-made schema and starts again).
Then one transaction renames the store's schema to `<schema>_bak_<time>` (the backup) and the fresh one
to the store's name: readers see the old tables or the new ones, never a mixture. The collections are
renamed after that commit; a crash between the two leaves the new tables with the old vectors, which
retrieval reads by chunk id (ids are stable for an unchanged text), until the next rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path

from index import db
from index.errors import StoreError
from index.ingest import IngestResult, add, parse_text, read_texts
from index.store import Store, Vectors

FRESH = "_rebuilding"  # the suffix of the schema and the collection being built


def in_schema(url: str, schema: str) -> str:
    """The connection string of `url` with `schema` first (and only) on its search path."""
    from psycopg.conninfo import make_conninfo

    return make_conninfo(url, options=f"-c search_path={schema}")


def rebuild_postgres(
    folder: Path,
    database: str,
    vectors_for: Callable[[str], Vectors],
    on_document: Callable[[IngestResult], None],
) -> str:
    """Rebuild the store in the PostgreSQL database at `database` (its vectors: `vectors_for(suffix)`, the
    store's collection with that suffix); returns the name of the schema the old tables are kept in."""
    try:
        with closing(db.Postgres(database)) as conn:
            schema = str(conn.execute("SELECT current_schema()").fetchone()[0])
            if not conn.has_table("documents"):
                raise StoreError(f"PostgreSQL 数据库“{db.redact(database)}”中没有本程序的存储，无需重建")
            texts = read_texts(conn, "documents.ingested_at, documents.doc_id")
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}{FRESH}" CASCADE')  # left by a rebuild that died
            conn.execute(f'CREATE SCHEMA "{schema}{FRESH}"')
        vectors = vectors_for(FRESH).emptied()
        with Store(folder, in_schema(database, schema + FRESH)) as store:
            for text, filename, encoding, given in texts:
                on_document(add(store, vectors, parse_text(text, filename, encoding=encoding, given=given)))
        stamp = datetime.now().strftime("%Y%m%d_%H%M%S")
        backup = f"{schema}_bak_{stamp}"
        with closing(db.Postgres(database)) as conn, conn:  # one transaction: the old tables or the new
            conn.execute(f'ALTER SCHEMA "{schema}" RENAME TO "{backup}"')
            conn.execute(f'ALTER SCHEMA "{schema}{FRESH}" RENAME TO "{schema}"')
    except db.PostgresError as e:
        raise StoreError(f"无法重建 PostgreSQL 中的存储“{db.redact(database)}”（{e}）") from e
    old = vectors_for("")
    name = old.collection.name
    old.rename(f"{name}-bak-{stamp.replace('_', '-')}")
    vectors.rename(name)
    return backup
