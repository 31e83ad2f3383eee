"""Ingest: file → text → Disclosure → facts → store, all or nothing per document."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from index.chunks import chunk
from index.errors import StoreError, UnreadableDocument
from index.facts import extract_facts
from index.load import DOCUMENT_SUFFIXES, LoadedText, doc_id_of, load
from index.parse import parse
from index.records import Chunk, Disclosure, Fact
from index.store import DocumentInfo, Store, Vectors, now


@dataclass(frozen=True, kw_only=True)
class Parsed:
    """A file read, parsed and turned into facts, not yet stored."""

    loaded: LoadedText
    disclosure: Disclosure
    facts: list[Fact]
    chunks: list[Chunk]


@dataclass(frozen=True, kw_only=True)
class IngestResult:
    """What happened to one file."""

    name: str
    doc_id: str
    title: str
    status: Literal["added", "exists"]
    n_facts: int
    warnings: list[str]  # what parsing left out (ragged rows, a file cut short), in Chinese


def read(path: Path, progress: Callable[[int, int], None] | None = None) -> Parsed:
    """Load, parse and extract facts; raises AssistantError subclasses with Chinese messages.

    `progress(done, total)` reports the pages of a PDF as they are read."""
    loaded = load(path, progress=progress)
    disclosure = parse(loaded)
    return Parsed(loaded=loaded, disclosure=disclosure, facts=extract_facts(disclosure), chunks=chunk(disclosure))


def ingest(
    store: Store, vectors: Vectors, path: Path, progress: Callable[[int, int], None] | None = None
) -> IngestResult:
    """Ingest one file, all or nothing. A document already in the store (same normalised text) adds nothing."""
    return add(store, vectors, read(path, progress))


def add(store: Store, vectors: Vectors, parsed: Parsed) -> IngestResult:
    """Store a parsed document: SQLite rows and vectors commit together or not at all."""
    d, name = parsed.disclosure, parsed.loaded.name
    recover(store, vectors)
    if store.has(d.doc_id):
        return IngestResult(name=name, doc_id=d.doc_id, title=d.title, status="exists", n_facts=0, warnings=d.warnings)
    info = DocumentInfo(
        doc_id=d.doc_id, title=d.title, department=d.department, year=d.year, kind=d.kind, unit=d.unit,
        filename=name, n_facts=len(parsed.facts), ingested_at=now(),
    )  # fmt: skip
    warnings = d.warnings + [
        f"库中已有内容不同的同名文件“{o.filename}”（编号 {o.doc_id[:12]}），提问时请用查询范围选定其中一份"
        for o in store.documents()
        if (o.department, o.year, o.kind) == (d.department, d.year, d.kind)
    ]
    nodes = vectors.embed(parsed.chunks)
    store.begin(d.doc_id)  # committed first: if this process dies, the next ingest removes what it wrote
    vectors.delete_doc(d.doc_id)  # vectors left by an earlier ingest that crashed before its commit
    try:
        with store.transaction() as conn:
            vectors.add(nodes)
            store.add(
                conn, info=info, text=parsed.loaded.text, encoding=parsed.loaded.encoding,
                facts=parsed.facts, indicators=d.indicators, chunks=parsed.chunks,
            )  # fmt: skip
            store.end(conn, d.doc_id)
    except BaseException as e:
        committed = store.has(d.doc_id)  # another process may have committed the same document meanwhile
        if not committed:
            vectors.delete_doc(d.doc_id)
        with store.transaction() as conn:
            store.end(conn, d.doc_id)
        if committed and isinstance(e, StoreError):  # its rows won (the same file ingested on two servers at once)
            return IngestResult(
                name=name, doc_id=d.doc_id, title=d.title, status="exists", n_facts=0, warnings=d.warnings
            )
        raise
    return IngestResult(
        name=name, doc_id=d.doc_id, title=d.title, status="added", n_facts=len(parsed.facts), warnings=warnings
    )


def recover(store: Store, vectors: Vectors) -> list[str]:
    """Remove the vectors of ingests that were killed before their commit (kill -9, power loss)."""
    found = store.abandoned()
    for doc_id in found:
        if not store.has(doc_id):
            vectors.delete_doc(doc_id)
        with store.transaction() as conn:
            store.end(conn, doc_id)
    return found


def collect(paths: Iterable[Path]) -> list[Path]:
    """Files named, plus the disclosure files inside folders named (sorted, recursive)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES))
        else:
            out.append(p)
    if not out:
        raise UnreadableDocument(Path(*[str(p) for p in paths][:1] or ["."]), "没有找到可导入的 .txt、.md 或 .pdf 文件")
    return out


def reparse(store: Store, doc_id: str) -> Parsed:
    """Parse a stored document again from its stored text (the audit's input)."""
    text, filename = store.text(doc_id)
    return parse_text(text, filename, doc_id)


def parse_text(text: str, filename: str, doc_id: str | None = None, encoding: str = "utf-8") -> Parsed:
    """Parse a normalised text kept in a store (its id is recomputed unless given)."""
    loaded = LoadedText(name=filename, text=text, encoding=encoding, doc_id=doc_id or doc_id_of(text))
    disclosure = parse(loaded)
    return Parsed(loaded=loaded, disclosure=disclosure, facts=extract_facts(disclosure), chunks=chunk(disclosure))


def stored_texts(folder: Path) -> list[tuple[str, str, str]]:
    """(text, file name, encoding) of every document in a store folder of any format; nothing is written
    (SQLite itself may roll back a transaction that a killed process left half done)."""
    path = folder / "facts.sqlite"
    if not path.exists():
        raise StoreError(f"“{folder}”中没有 facts.sqlite，不是本程序的存储目录")
    try:
        with closing(sqlite3.connect(path, timeout=30)) as conn:
            rows = conn.execute("SELECT text, filename, encoding FROM documents ORDER BY rowid").fetchall()
            return [(r[0], r[1], r[2]) for r in rows]
    except sqlite3.Error as e:
        raise StoreError(f"无法从“{folder}”读出原文（{e}），请用原始文件重新导入") from e


def rebuild(
    folder: Path,
    texts: list[tuple[str, str, str]],
    vectors_for: Callable[[Path], Vectors],
    on_document: Callable[[IngestResult], None],
) -> Path:
    """Rebuild a store from the texts it keeps (`stored_texts(folder)`), with today's parser and format.
    The old folder is kept as a backup beside it (its path is returned); until the final rename the old
    store is untouched."""
    folder = folder.resolve()  # "." has no name to put a suffix on
    fresh = folder.with_name(folder.name + ".rebuilding")
    if fresh.exists():
        shutil.rmtree(fresh)  # left by a rebuild that was interrupted
    with Store(fresh) as store:
        vectors = vectors_for(fresh)
        for text, filename, encoding in texts:
            on_document(add(store, vectors, parse_text(text, filename, encoding=encoding)))
    backup = folder.with_name(f"{folder.name}.bak-{datetime.now().strftime('%Y%m%d-%H%M%S')}")
    folder.rename(backup)
    fresh.rename(folder)
    return backup
