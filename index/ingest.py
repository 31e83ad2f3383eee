"""Ingest: file → text → Disclosure → facts → store, all or nothing per document.

A folder is ingested by a pool of worker processes that read, parse and embed
(the embedding is most of the work), while this process writes: the vectors of
the documents that are ready go to chromadb in one call, then each document
commits in its own SQLite transaction. A document already in the store is
recognised from its text before it is parsed or embedded, so an interrupted
folder ingest run again resumes where it stopped.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from index import db
from index.chunks import chunk
from index.errors import AssistantError, StoreError, UnreadableDocument
from index.facts import extract_facts
from index.identify import Identity, vocabulary
from index.load import DOCUMENT_SUFFIXES, LoadedText, doc_id_of, load
from index.parse import parse
from index.records import Chunk, Disclosure, Fact
from index.store import DocumentInfo, Store, Vectors, now

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from llama_index.core.schema import BaseNode

EMBED_BATCH = 32  # passages embedded between two progress reports of one file
GROUP = 8  # at most this many ready documents share one vector write (chromadb: one call of 8 ≈ 2× faster than 8)


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
    status: Literal["added", "exists", "updated"]  # updated: stored again under the identity a user confirmed
    n_facts: int
    warnings: list[str]  # what parsing left out (ragged rows, a file cut short), in Chinese
    identity: Identity = field(default_factory=Identity)  # whose document, with where each value was read


def read(path: Path, progress: Callable[[int, int], None] | None = None, given: Identity | None = None) -> Parsed:
    """Load, parse and extract facts; raises AssistantError subclasses with Chinese messages.

    `progress(done, total)` reports the pages of a PDF as they are read; `given`: the department, year
    or kind a user confirmed, in place of what the text says."""
    return parse_loaded(load(path, progress=progress), given)


def ingest(
    store: Store,
    vectors: Vectors,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    given: Identity | None = None,
) -> IngestResult:
    """Ingest one file, all or nothing. A document already in the store (same normalised text) adds nothing,
    unless `given` confirms another department, year or kind for it: it is then stored again under those."""
    return add(store, vectors, read(path, progress, given))


def add(
    store: Store, vectors: Vectors, parsed: Parsed, progress: Callable[[int, int], None] | None = None
) -> IngestResult:
    """Store a parsed document: SQLite rows and vectors commit together or not at all. `progress(done,
    total)` reports the passages embedded, a batch at a time (the embedding is most of the work)."""
    recover(store, vectors)
    if store.has(parsed.disclosure.doc_id) and not _reconfirmed(store, parsed.disclosure):
        return _exists(parsed.loaded.name, parsed.disclosure)
    chunks, nodes = parsed.chunks, []
    for start in range(0, len(chunks), EMBED_BATCH):
        nodes += vectors.embed(chunks[start : start + EMBED_BATCH])
        if progress:
            progress(min(start + EMBED_BATCH, len(chunks)), len(chunks))
    (outcome,) = write(store, vectors, [Embedded(parsed=parsed, nodes=nodes)])
    if isinstance(outcome, AssistantError):
        raise outcome
    return outcome


@dataclass(frozen=True, kw_only=True)
class Embedded:
    """A parsed document and its passage vectors, computed before anything is written."""

    parsed: Parsed
    nodes: list[BaseNode]


@dataclass(frozen=True, kw_only=True)
class Known:
    """A file whose text the store already held when the ingest started: neither parsed nor embedded."""

    name: str
    doc_id: str


def write(store: Store, vectors: Vectors, ready: list[Embedded]) -> list[IngestResult | AssistantError]:
    """Store documents, each all or nothing: their vectors in one write, then each document's rows in its
    own SQLite transaction. A document whose transaction fails has its vectors removed and its error
    returned in its place; the others are stored. Each document is recorded as pending (committed) before
    any vector is written, so if this process dies the next ingest removes the vectors of those whose rows
    were not committed."""
    recover(store, vectors)
    new: dict[str, Embedded] = {}  # by document id: a second copy of a document in `ready` is not new
    again: set[str] = set()  # stored documents a user confirmed another identity for: stored again
    for e in ready:
        doc_id = e.parsed.disclosure.doc_id
        if doc_id not in new and not store.has(doc_id):
            new[doc_id] = e
        elif doc_id not in new and _reconfirmed(store, e.parsed.disclosure):
            new[doc_id] = e
            again.add(doc_id)
    same: dict[tuple[str, int, str], list[DocumentInfo]] = {}  # (department, year, kind) → stored documents
    for o in store.documents() if new else []:
        if o.doc_id not in again:
            same.setdefault((o.department, o.year, o.kind), []).append(o)
    done: dict[str, IngestResult | AssistantError] = {}
    try:
        for e in new.values():
            store.begin(e.parsed.disclosure.doc_id)  # committed first: if this process dies, the next ingest ...
            vectors.delete_doc(e.parsed.disclosure.doc_id)  # ... removes what it wrote; vectors left by a crash
        vectors.add([node for e in new.values() for node in e.nodes])
        for e in new.values():
            d, loaded = e.parsed.disclosure, e.parsed.loaded
            info = DocumentInfo(
                doc_id=d.doc_id, title=d.title, department=d.department, year=d.year, kind=d.kind, unit=d.unit,
                filename=loaded.name, n_facts=len(e.parsed.facts), ingested_at=now(),
                level=d.identity.level or "部门", scope=d.identity.scope, identified=dict(d.identity.sources),
            )  # fmt: skip
            try:
                with store.transaction() as conn:
                    if d.doc_id in again:
                        store.remove(conn, d.doc_id)
                    store.add(
                        conn, info=info, text=loaded.text, encoding=loaded.encoding,
                        facts=e.parsed.facts, indicators=d.indicators, chunks=e.parsed.chunks,
                    )  # fmt: skip
                    store.end(conn, d.doc_id)
            except StoreError as error:  # unless another process committed the same file meanwhile (two servers)
                done[d.doc_id] = _exists(loaded.name, d) if store.has(d.doc_id) else error
                continue
            others = same.setdefault((d.department, d.year, d.kind), [])
            done[d.doc_id] = _added(e.parsed, updated=d.doc_id in again, warnings=[
                f"库中已有内容不同的同名文件“{o.filename}”（编号 {o.doc_id[:12]}），提问时请用查询范围选定其中一份"
                for o in others
            ])  # fmt: skip
            others.append(info)
    except StoreError as error:  # the vector write: none of these documents is stored
        done.update({doc_id: error for doc_id in new if doc_id not in done})
    finally:
        for doc_id in new:  # undo what was not committed (a failed transaction, an interrupt, a vector write)
            if not isinstance(done.get(doc_id), IngestResult):
                if not store.has(doc_id):  # another process may have committed the same document meanwhile
                    vectors.delete_doc(doc_id)
                with store.transaction() as conn:
                    store.end(conn, doc_id)
    return [
        done[e.parsed.disclosure.doc_id] if new.get(e.parsed.disclosure.doc_id) is e
        else _exists(e.parsed.loaded.name, e.parsed.disclosure)
        for e in ready
    ]  # fmt: skip


def stored_already(store: Store, loaded: LoadedText, given: Identity | None = None) -> IngestResult | None:
    """The result for a file whose normalised text (its SHA-256) the store already holds, known before it is
    parsed or embedded; None when it is new, or when a user confirms its department, year or kind."""
    stored = store.documents(loaded.doc_id) if given is None else []
    if not stored:
        return None
    o = stored[0]
    return IngestResult(name=loaded.name, doc_id=o.doc_id, title=o.title, status="exists", n_facts=0, warnings=[])


def _exists(name: str, d: Disclosure) -> IngestResult:
    return IngestResult(
        name=name, doc_id=d.doc_id, title=d.title, status="exists", n_facts=0, warnings=d.warnings, identity=d.identity
    )


def _added(parsed: Parsed, *, updated: bool = False, warnings: list[str]) -> IngestResult:
    d = parsed.disclosure
    return IngestResult(
        name=parsed.loaded.name, doc_id=d.doc_id, title=d.title, status="updated" if updated else "added",
        n_facts=len(parsed.facts), warnings=d.warnings + warnings, identity=d.identity,
    )  # fmt: skip


def _reconfirmed(store: Store, d: Disclosure) -> bool:
    """Whether a user confirmed a department, year or kind for a stored document that it is not stored
    under, or not as confirmed (read from the text, the same value)."""
    user = vocabulary().sources["user"]
    given = {f: getattr(d, f) for f in ("department", "year", "kind") if d.identity.sources.get(f) == user}
    stored = store.documents(d.doc_id)
    return bool(given and stored) and any(
        getattr(stored[0], f) != v or stored[0].identified.get(f) != user for f, v in given.items()
    )


def ingest_files(
    store: Store, vectors: Vectors, paths: list[Path], *, model: str | None, workers: int, given: Identity | None = None
) -> Iterator[tuple[Path, IngestResult | AssistantError]]:
    """Ingest files in order, yielding each file's result (or its error) as soon as it is stored.

    With `workers` > 1, that many processes read, parse and embed with `model` (the configured embedding,
    loaded once in each) while this process writes. Files whose text the store already holds are skipped
    before parsing, so running the same folder again after an interruption resumes it (unless `given`
    confirms a department, year or kind for every file)."""
    recover(store, vectors)
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            try:
                yield path, ingest(store, vectors, path, given=given)
            except AssistantError as error:
                yield path, error
        return
    titles = {d.doc_id: d.title for d in store.documents()}
    context = multiprocessing.get_context("spawn")  # fork would copy chromadb's threads and locks
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(model, set(titles))) as pool:
        queue = iter(paths)
        running: deque[tuple[Path, Future[Embedded | Known | AssistantError]]] = deque()
        try:
            while True:
                while len(running) < 2 * workers + GROUP:  # enough work queued that no worker waits
                    upcoming = next(queue, None)
                    if upcoming is None:
                        break
                    running.append((upcoming, pool.submit(_prepare, upcoming, given)))
                if not running:
                    return
                # the next file in order, and those after it that are ready too (the writer's batch grows
                # when writing is what holds the ingest up, and stays one document when the workers are)
                group = [running.popleft()]
                group[0][1].result()
                while running and running[0][1].done() and len(group) < GROUP:
                    group.append(running.popleft())
                ready = [(path, future.result()) for path, future in group]
                embedded = [r for _, r in ready if isinstance(r, Embedded)]
                stored = iter(write(store, vectors, embedded) if embedded else [])
                for path, r in ready:
                    if isinstance(r, Known):
                        yield path, IngestResult(
                            name=r.name, doc_id=r.doc_id, title=titles.get(r.doc_id, ""), status="exists",
                            n_facts=0, warnings=[],
                        )  # fmt: skip
                    else:
                        yield path, r if isinstance(r, AssistantError) else next(stored)
        finally:
            for _, future in running:
                future.cancel()


_embedding: BaseEmbedding | None = None  # a worker's model, loaded once by _start
_known: set[str] = set()  # the documents the store held when the ingest started


def _start(model: str | None, known: set[str]) -> None:
    """Set up an ingest worker process."""
    global _embedding, _known
    from index.embed import load_embedding

    _embedding, _known = load_embedding(model, threads=1), known  # one worker per core: one BLAS thread each


def _prepare(path: Path, given: Identity | None = None) -> Embedded | Known | AssistantError:
    """In a worker: read, parse and embed one file (a file the store holds is only read, unless `given`)."""
    assert _embedding is not None, "_start runs first"
    from index.embed import embed_chunks

    try:
        loaded = load(path)
        if loaded.doc_id in _known and given is None:
            return Known(name=loaded.name, doc_id=loaded.doc_id)
        parsed = parse_loaded(loaded, given)
    except AssistantError as error:
        return error
    return Embedded(parsed=parsed, nodes=embed_chunks(_embedding, parsed.chunks))


def parse_loaded(loaded: LoadedText, given: Identity | None = None) -> Parsed:
    """Parse a file's text and extract its facts and passages."""
    disclosure = parse(loaded, given)
    return Parsed(
        loaded=loaded, disclosure=disclosure, facts=extract_facts(disclosure, loaded.name), chunks=chunk(disclosure)
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
    return parse_text(text, filename, doc_id, given=store.given(doc_id))


def parse_text(
    text: str, filename: str, doc_id: str | None = None, encoding: str = "utf-8", given: Identity | None = None
) -> Parsed:
    """Parse a normalised text kept in a store (its id is recomputed unless given), with what a user confirmed."""
    loaded = LoadedText(name=filename, text=text, encoding=encoding, doc_id=doc_id or doc_id_of(text))
    return parse_loaded(loaded, given)


Stored = tuple[str, str, str, Identity]  # a stored document's text, file name, encoding, and what a user confirmed


def stored_texts(folder: Path) -> list[Stored]:
    """(text, file name, encoding, confirmed identity) of every document in a store folder of any format;
    nothing is written (SQLite itself may roll back a transaction that a killed process left half done)."""
    path = folder / "facts.sqlite"
    if not path.exists():
        raise StoreError(f"“{folder}”中没有 facts.sqlite，不是本程序的存储目录")
    try:
        with closing(sqlite3.connect(path, timeout=30, factory=db.SQLite)) as conn:
            return read_texts(conn, "documents.rowid")
    except sqlite3.Error as e:
        raise StoreError(f"无法从“{folder}”读出原文（{e}），请用原始文件重新导入") from e


def read_texts(conn: db.Connection, order: str) -> list[Stored]:
    """(text, file name, encoding, confirmed identity) of every document of a store's database, in `order`
    (SQLite: documents.rowid; PostgreSQL has no rowid: documents.ingested_at, documents.doc_id)."""
    rows = conn.execute(
        "SELECT text, filename, encoding, department, year, kind, i.sources FROM documents"
        f" LEFT JOIN identities i USING (doc_id) ORDER BY {order}"
        if conn.has_table("identities")
        else f"SELECT text, filename, encoding, department, year, kind, NULL FROM documents ORDER BY {order}"
    ).fetchall()
    return [(r[0], r[1], r[2], Identity.stored(r[3], r[4], r[5], json.loads(r[6] or "{}"))) for r in rows]


def rebuild(
    folder: Path,
    texts: list[Stored],
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
        for text, filename, encoding, given in texts:
            on_document(add(store, vectors, parse_text(text, filename, encoding=encoding, given=given)))
    backup = folder.with_name(f"{folder.name}.bak-{datetime.now().strftime('%Y%m%d-%H%M%S')}")
    folder.rename(backup)
    fresh.rename(folder)
    return backup
