"""Ingest: file → text → Disclosure → facts → store, all or nothing per document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from index.chunks import chunk
from index.errors import UnreadableDocument
from index.facts import extract_facts
from index.load import TEXT_SUFFIXES, LoadedText, load
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


def read(path: Path) -> Parsed:
    """Load, parse and extract facts; raises AssistantError subclasses with Chinese messages."""
    loaded = load(path)
    disclosure = parse(loaded)
    return Parsed(loaded=loaded, disclosure=disclosure, facts=extract_facts(disclosure), chunks=chunk(disclosure))


def ingest(store: Store, vectors: Vectors, path: Path) -> IngestResult:
    """Ingest one file, all or nothing. A document already in the store (same normalised text) adds nothing."""
    parsed = read(path)
    d = parsed.disclosure
    if store.has(d.doc_id):
        return IngestResult(name=path.name, doc_id=d.doc_id, title=d.title, status="exists", n_facts=0)
    info = DocumentInfo(
        doc_id=d.doc_id, title=d.title, department=d.department, year=d.year, kind=d.kind, unit=d.unit,
        filename=path.name, n_facts=len(parsed.facts), ingested_at=now(),
    )  # fmt: skip
    nodes = vectors.embed(parsed.chunks)
    vectors.delete_doc(d.doc_id)  # vectors left by an earlier ingest that crashed before its commit
    try:
        with store.transaction() as conn:
            vectors.add(nodes)
            store.add(
                conn, info=info, text=parsed.loaded.text, encoding=parsed.loaded.encoding,
                facts=parsed.facts, indicators=d.indicators, chunks=parsed.chunks,
            )  # fmt: skip
    except BaseException:
        if not store.has(d.doc_id):  # another process may have committed the same document meanwhile
            vectors.delete_doc(d.doc_id)
        raise
    return IngestResult(name=path.name, doc_id=d.doc_id, title=d.title, status="added", n_facts=len(parsed.facts))


def collect(paths: Iterable[Path]) -> list[Path]:
    """Files named, plus the disclosure files inside folders named (sorted, recursive)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES))
        else:
            out.append(p)
    if not out:
        raise UnreadableDocument(Path(*[str(p) for p in paths][:1] or ["."]), "没有找到可导入的 .txt 或 .md 文件")
    return out


def reparse(store: Store, doc_id: str) -> Parsed:
    """Parse a stored document again from its stored text (the audit's input)."""
    text, filename = store.text(doc_id)
    loaded = LoadedText(name=filename, text=text, encoding="utf-8", doc_id=doc_id)
    disclosure = parse(loaded)
    return Parsed(loaded=loaded, disclosure=disclosure, facts=extract_facts(disclosure), chunks=chunk(disclosure))
