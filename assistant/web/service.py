"""The loaded engine the page and the JSON API share, and what changes the store under them: an upload
here, a document another process added, the bundled sample ingested on first start."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from assistant.answer import Engine
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.web.samples import examples
from index.identify import Identity
from index.ingest import IngestResult, add, collect, ingest, parse_loaded, stored_already
from index.load import DOCUMENT_SUFFIXES, load
from index.query import FactQuery, resolve_id
from index.store import Store

DATA = Path(__file__).resolve().parents[2] / "data"  # the bundled disclosures, beside app.py
UPLOAD_TYPES = DOCUMENT_SUFFIXES
EXISTS = "“{name}”与库中的《{title}》内容相同（按文件内容的哈希识别），未重新解析，也未重复导入。"


class Service:
    """The loaded engine, shared by all sessions; replaced after an upload, here or in another process.

    Sessions read `engine` without a lock (an attribute read is atomic) and keep the
    one they started with; reloads are serialised so that an older reload can never
    replace the engine of a newer one. Several server processes may share one store
    (`--workers`): `current()` notices a document another one added and reloads first.
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        self.lock = threading.Lock()
        self.watch = StoreWatch(settings.store, settings.database_url)
        self.watch.mark()
        self.engine = Engine(settings)
        self._examples: tuple[Engine | None, list[str]] = (None, [])

    def examples(self) -> list[str]:
        """Example questions about the documents of the engine now loaded (worked out once per engine)."""
        engine = self.engine
        if self._examples[0] is not engine:
            self._examples = (engine, examples(engine, DATA))
        return self._examples[1]

    def reload(self) -> None:
        with self.lock:
            self.watch.mark()  # before loading: a document committed meanwhile makes the next check reload again
            self.engine = Engine(self.settings)

    def refresh(self) -> bool:
        """Reload if the store's documents changed since the engine was loaded, by any process sharing the
        store (`budgetqa ingest`, another `budgetqa serve`, on this machine or another); True if it did."""
        if not self.watch.changed():
            return False
        self.reload()
        return True

    def current(self) -> Engine:
        """The engine to answer with; reloaded first when another process changed the store's documents."""
        self.refresh()
        return self.engine

    def ingest(
        self, path: Path, progress: Callable[[float, str], None] | None = None, given: Identity | None = None
    ) -> IngestResult:
        """Add one file to the store (every worker sharing it sees it) and reload; `progress(fraction,
        what)` follows the steps (a PDF page by page); `given`: the department, year or kind the user
        confirmed. Raises AssistantError with the Chinese reason."""
        step = progress or (lambda fraction, what: None)
        if path.suffix.lower() not in UPLOAD_TYPES:
            raise UnsupportedUpload(path.suffix)
        from assistant.retrieve import open_vectors  # the embedding model loads only when needed

        step(0.02, "读取文件…")
        loaded = load(
            path, progress=lambda done, total: step(0.02 + 0.38 * done / total, f"读取 PDF：第 {done}/{total} 页")
        )
        with Store(self.settings.store, self.settings.database_url) as store:
            known = stored_already(store, loaded, given)  # by the hash of its text: nothing parsed or embedded
            if known is not None:
                return known
        step(0.4, "解析表格和文字…")
        parsed = parse_loaded(loaded, given)
        with Store(self.settings.store, self.settings.database_url) as store:
            step(0.45, "生成检索向量…")
            result = add(
                store, open_vectors(self.settings), parsed,
                lambda done, total: step(0.45 + 0.4 * done / total, f"生成检索向量：{done}/{total} 段"),
            )  # fmt: skip
        step(0.9, "写入完成，重新加载…")
        self.reload()
        return result

    @staticmethod
    def resolve(engine: Engine, doc_id: str | None) -> str | None:
        """A document id from an id or a unique prefix ("" or None: every document)."""
        return resolve_id(doc_id, engine.kb.docs) if doc_id else None

    def departments(self) -> list[str]:
        """The departments in the store, for the scope picker."""
        return sorted({d.department for d in self.engine.kb.docs.values()})

    def years(self) -> list[int]:
        return sorted({d.year for d in self.engine.kb.docs.values()}, reverse=True)

    def documents(self) -> list[tuple[str, str]]:
        """(label, doc_id) for the scope selector."""
        return [
            (f"{d.title}（{d.doc_id[:8]}）", d.doc_id)
            for d in sorted(self.engine.kb.docs.values(), key=lambda d: (d.year, d.department))
        ]


class StoreWatch:
    """Whether the store's documents changed since `mark()`, e.g. an upload through another worker
    process or a `budgetqa ingest`. Cheap enough to ask before every answer: one stat of the SQLite
    files; the documents are read only when those changed (a commit), and an ingest that is still
    writing, or any other write, leaves the documents as they were and is not a change. A store with
    no SQLite file here (facts in a database server) is read at most every `every` seconds instead."""

    def __init__(self, store: Path, database: str | None = None, every: float = 1.0):
        self.files = [] if database else [store / "facts.sqlite", store / "facts.sqlite-wal"]
        self.sql = FactQuery(store, database)
        self.every = every
        self.lock = threading.Lock()
        self.stamp: tuple[tuple[int, int], ...] | float = ()
        self.ids: frozenset[tuple[str, ...]] = frozenset()  # (doc_id, when it was stored, title, department…)

    def _stamp(self) -> tuple[tuple[int, int], ...] | float:
        """The SQLite files' (mtime, size); without them, the current `every`-second interval."""
        found = []
        for f in self.files:
            try:
                st = f.stat()
            except OSError:
                continue
            found.append((st.st_mtime_ns, st.st_size))
        return tuple(found) if found else time.monotonic() // self.every

    def _ids(self) -> frozenset[tuple[str, ...]]:
        return self.sql.versions()

    def mark(self) -> None:
        """The store as it is now is what is (about to be) loaded."""
        with self.lock:
            self.stamp, self.ids = self._stamp(), self._ids()

    def changed(self) -> bool:
        """True once per change (to the caller that should reload); False while another thread checks."""
        if not self.lock.acquire(blocking=False):
            return False
        try:
            stamp = self._stamp()
            if stamp == self.stamp:
                return False
            ids = self._ids()  # if this fails (the store busy), the stamp stays and the next request tries again
            self.stamp = stamp
            if ids == self.ids:
                return False
            self.ids = ids
            return True
        finally:
            self.lock.release()


class UnsupportedUpload(AssistantError):
    def __init__(self, suffix: str):
        super().__init__(suffix)
        self.suffix = suffix

    def __str__(self) -> str:
        return f"不支持“{self.suffix or '无扩展名'}”类型的文件，请上传 {'、'.join(sorted(UPLOAD_TYPES))} 文件。"


def ensure_documents(settings: Settings, data: Path = DATA) -> None:
    """First start: ingest the bundled disclosures (with a progress bar) when the store is empty."""
    with Store(settings.store, settings.database_url) as store:
        if store.documents():
            return
        from assistant.retrieve import open_vectors  # the embedding model loads only when needed

        vectors = open_vectors(settings)
        paths = collect([data])
        print(f"首次启动：正在导入 {len(paths)} 个公开文件…", file=sys.stderr)
        from tqdm import tqdm

        for path in tqdm(paths, desc="导入", unit="个文件", file=sys.stderr):
            result = ingest(store, vectors, path)
            tqdm.write(f"✓ {result.title}（{result.n_facts} 条数据）", file=sys.stderr)
