"""Hybrid retrieval: BM25 over Chinese tokens + dense vectors from chromadb, fused by weighted RRF.

The lexical leg scores the chunks of the documents in scope with the store-wide
BM25 statistics ingest keeps in SQLite (`index.lexicon`): nothing is rebuilt when a
`Retriever` starts, and a fresh process scores a query exactly as the last one did.
An unscoped search (or one over more documents than are kept counted) reads the
query's terms' postings instead: the database names the chunks that may be among
the best, and only those are scored, so it costs what the query's terms hold.
The dense leg queries chromadb through llama-index's `ChromaVectorStore` with
metadata filters for scope. llama-index, chromadb and the embedding model load with
the first `Retriever`, never for a question answered from the facts alone.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from assistant.config import Settings
from assistant.tokens import TokenMode, expand, tokenize
from index import lexicon
from index.query import FactQuery
from index.records import Chunk
from index.store import Store, Vectors

if TYPE_CHECKING:
    from llama_index.core.vector_stores.types import MetadataFilters

Via = Literal["bm25", "vector", "fused"]
PASSAGES_PER_HIT = 6  # passage vectors fetched per chunk wanted (several passages of one chunk may match)


@dataclass(frozen=True, kw_only=True)
class Hit:
    """A retrieved chunk with its score and the leg that found it."""

    chunk: Chunk
    score: float
    via: Via


@dataclass(frozen=True, kw_only=True)
class Scope:
    """Optional filters: any of document, department, year."""

    doc_id: str | None = None
    department: str | None = None
    year: int | None = None
    whole: bool = False  # vectors only: each chunk's whole-text vector, none of its passages'

    def admits(self, chunk: Chunk) -> bool:
        m = chunk.metadata
        return (
            (self.doc_id is None or m.get("doc_id") == self.doc_id)
            and (self.department is None or m.get("department") == self.department)
            and (self.year is None or m.get("year") == self.year)
        )

    def filters(self) -> MetadataFilters | None:
        from llama_index.core.vector_stores.types import ExactMatchFilter, MetadataFilters

        pairs = [("passage", 0 if self.whole else None), ("doc_id", self.doc_id), ("department", self.department)]
        pairs.append(("year", self.year))
        exact = [ExactMatchFilter(key=k, value=v) for k, v in pairs if v is not None]
        return MetadataFilters(filters=exact) if exact else None  # type: ignore[arg-type]


@dataclass(frozen=True, kw_only=True)
class Fusion:
    """How the legs are combined; chosen on the dev set with eval/retrieval.py --tune."""

    method: Literal["rrf", "score", "union"] = "score"
    bm25_weight: float = 1.0
    vector_weight: float = 0.3  # dev set: best MRR among the settings with the best R@5
    k: int = 20  # rrf: the RRF constant (smaller favours each leg's top ranks); union: dense slots = k
    depth: int = 10  # how many hits each leg contributes


def open_vectors(settings: Settings, suffix: str = "") -> Vectors:
    """The chromadb collection for the configured embedding model (embedded or server); with a suffix,
    the collection of that name beside it (a rebuild's)."""
    from index.embed import load_embedding, slug

    return Vectors(
        settings.store,
        load_embedding(settings.embed_model),
        collection=f"chunks-{slug(settings.embed_model)}{suffix}",
        host=settings.chroma_host,
        port=settings.chroma_port,
    )


COUNTED = 256  # documents whose chunks are kept counted for the lexical leg


class Retriever:
    """Both legs over the chunks in scope, and their fusion."""

    def __init__(
        self, store: Store, vectors: Vectors, *, tokens: TokenMode = "bigram", fusion: Fusion | None = None
    ) -> None:
        self.sql = FactQuery(store.folder, store.database)
        self.mode: TokenMode = tokens
        self.fusion = fusion or Fusion()
        self.vectors = vectors
        self.documents = {d.doc_id: d for d in self.sql.documents()}
        self.docs = {d.doc_id: d.year for d in self.documents.values()}
        self._counted: OrderedDict[str, list[lexicon.Counted]] = OrderedDict()
        self._lock = threading.Lock()
        self._other: Any = None  # an in-memory index for the other token modes (eval.retrieval compares them)

    def _in_scope(self, scope: Scope | None) -> list[str]:
        """Documents in scope, in the store's document order."""
        return [
            d.doc_id
            for d in self.documents.values()
            if scope is None
            or (
                (scope.doc_id is None or d.doc_id == scope.doc_id)
                and (scope.department is None or d.department == scope.department)
                and (scope.year is None or d.year == scope.year)
            )
        ]

    def _chunks(self, doc_ids: list[str]) -> list[lexicon.Counted]:
        """The counted chunks of these documents (read from SQLite the first time, then kept for the hottest)."""
        with self._lock:
            have = {d: self._counted[d] for d in doc_ids if d in self._counted}
            for d in have:
                self._counted.move_to_end(d)
        missing = [d for d in doc_ids if d not in have]
        if missing:
            read: dict[str, list[lexicon.Counted]] = {d: [] for d in missing}
            for c in self.sql.chunks(missing):
                read[c.doc_id].append(lexicon.counted(c))
            with self._lock:
                self._counted.update(read)
                while len(self._counted) > COUNTED:
                    self._counted.popitem(last=False)
            have.update(read)
        return [c for d in doc_ids for c in have[d]]

    def chunk(self, chunk_id: str, doc_id: str) -> Chunk | None:
        return next((c.chunk for c in self._chunks([doc_id]) if c.chunk.id == chunk_id), None)

    def _years(self, scope: Scope | None) -> tuple[int, ...]:
        """Disclosure years in scope, for resolving 今年/去年."""
        if scope and scope.year:
            return (scope.year,)
        if scope and scope.doc_id:
            return (self.docs[scope.doc_id],) if scope.doc_id in self.docs else ()
        return tuple(sorted(set(self.docs.values())))

    def lexical(self, query: str, k: int = 5, scope: Scope | None = None) -> list[Hit]:
        text = expand(query, self._years(scope))
        if self.mode != "bigram":
            return self._lexical_other(text, k, scope)
        terms = lexicon.bigrams(text)
        docs = self._in_scope(scope)
        if not terms or not docs:
            return []
        stats = self.sql.statistics(terms)
        if len(docs) > COUNTED or len(docs) == len(self.documents):  # unscoped: the chunks its postings name
            found = self._posted(terms, docs, stats, k)
        else:
            found = lexicon.top(terms, self._chunks(docs), stats, k)
        return [Hit(chunk=c.chunk, score=score, via="bm25") for c, score in found]

    def _posted(
        self, terms: list[str], doc_ids: list[str], stats: lexicon.Statistics, k: int
    ) -> list[tuple[lexicon.Counted, float]]:
        """The k best chunks of many documents, scored from the postings of the query's terms (the inverted
        index): no chunk that holds none of them is read. Ties in store order, as `lexicon.top` keeps them."""
        order = {d: n for n, d in enumerate(doc_ids)}
        postings = self.sql.postings(terms, stats, k, doc_ids)
        found = {c: score for c, score in lexicon.posted(terms, postings, stats).items() if score > 0}
        if not found:
            return []
        least = sorted(found.values(), reverse=True)[:k][-1]  # the k-th score: every tie with it is read
        rows = [(c, n) for c, n in self.sql.chunks_named([c for c, s in found.items() if s >= least])
                if c.doc_id in order]  # fmt: skip
        rows.sort(key=lambda r: (-found[r[0].id], order[r[0].doc_id], r[1]))
        return [(lexicon.counted(c), found[c.id]) for c, _ in rows[:k]]

    def _lexical_other(self, text: str, k: int, scope: Scope | None) -> list[Hit]:
        """jieba / both token modes: one bm25s index over every chunk, built in memory (evaluation only)."""
        import bm25s
        import numpy as np

        with self._lock:
            if self._other is None:
                chunks = self._chunks_all()
                index = bm25s.BM25(k1=lexicon.K1, b=lexicon.B)
                if chunks:
                    index.index([tokenize(c.text, self.mode) or [lexicon.EMPTY] for c in chunks], show_progress=False)
                self._other = (chunks, index)
        chunks, index = self._other
        q = [t for t in tokenize(text, self.mode) if chunks and t in index.vocab_dict]
        if not q:
            return []
        scores = np.asarray(index.get_scores(q))
        hits: list[Hit] = []
        for i in np.argsort(-scores, kind="stable"):
            if scores[i] <= 0 or len(hits) == k:
                break
            c = chunks[int(i)]
            if scope is None or scope.admits(c):
                hits.append(Hit(chunk=c, score=float(scores[i]), via="bm25"))
        return hits

    def _chunks_all(self) -> list[Chunk]:
        return self.sql.chunks(sorted(self.documents))

    def nearest(self, query: str, k: int, scope: Scope | None = None) -> list[tuple[str, str, float]]:
        """(chunk id, document id, similarity) of the k nearest passage vectors in scope."""
        from llama_index.core.vector_stores.types import VectorStoreQuery

        filters = scope.filters() if scope else None
        embedding = self.vectors.embedding.get_query_embedding(query)
        found = self.vectors.vector_store.query(
            VectorStoreQuery(query_embedding=embedding, similarity_top_k=k, filters=filters)
        )
        out = []
        for node, score in zip(found.nodes or [], found.similarities or [], strict=False):
            m = node.metadata or {}
            out.append((str(m.get("chunk_id", "")), str(m.get("doc_id", "")), float(score or 0.0)))
        return out

    def dense(self, query: str, k: int = 5, scope: Scope | None = None) -> list[Hit]:
        """Chunks ranked by their best-matching passage vector."""
        if not self.documents:
            return []
        best: dict[tuple[str, str], float] = {}
        for chunk_id, doc_id, score in self.nearest(expand(query, self._years(scope)), k * PASSAGES_PER_HIT, scope):
            if doc_id in self.documents:  # vectors without a committed SQLite row are ignored
                best[(doc_id, chunk_id)] = max(best.get((doc_id, chunk_id), -1.0), score)
        hits = []
        for (doc_id, chunk_id), score in sorted(best.items(), key=lambda kv: (-kv[1], kv[0][1])):
            c = self.chunk(chunk_id, doc_id)
            if c is not None:
                hits.append(Hit(chunk=c, score=score, via="vector"))
            if len(hits) == k:
                break
        return hits

    def search(self, query: str, k: int = 5, scope: Scope | None = None) -> list[Hit]:
        """Weighted RRF over both legs; the score is the fused RRF score."""
        depth = self.fusion.depth
        return fuse(self.lexical(query, depth, scope), self.dense(query, depth, scope), self.fusion, k)


def fuse(lexical: list[Hit], dense: list[Hit], fusion: Fusion, k: int) -> list[Hit]:
    """Combine two ranked lists into k hits; ties keep chunk-id order.

    rrf: Σ weight / (k_rrf + rank). score: Σ weight × the leg's score min-max
    normalised over its list (keeps how far ahead a leg's top hit is). union: the
    lexical top (k − slots) then the best dense hits not yet in.
    """
    lexical, dense = lexical[: fusion.depth], dense[: fusion.depth]
    chunks = {h.chunk.id: h.chunk for h in lexical + dense}
    if fusion.method == "union":
        ids = list(dict.fromkeys([h.chunk.id for h in lexical[: max(0, k - fusion.k)]] + [h.chunk.id for h in dense]))
        ids = list(dict.fromkeys(ids[:k] + [h.chunk.id for h in lexical]))[:k]
        return [Hit(chunk=chunks[i], score=float(k - n), via="fused") for n, i in enumerate(ids)]
    fused: dict[str, float] = {}
    for weight, hits in ((fusion.bm25_weight, lexical), (fusion.vector_weight, dense)):
        if fusion.method == "rrf":
            parts = [weight / (fusion.k + rank) for rank in range(1, len(hits) + 1)]
        else:
            top, low = (hits[0].score, hits[-1].score) if hits else (1.0, 0.0)
            span = (top - low) or 1.0
            parts = [weight * (h.score - low) / span for h in hits]
        for hit, part in zip(hits, parts, strict=True):
            fused[hit.chunk.id] = fused.get(hit.chunk.id, 0.0) + part
    ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return [Hit(chunk=chunks[cid], score=score, via="fused") for cid, score in ranked]
