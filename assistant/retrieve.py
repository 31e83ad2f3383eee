"""Hybrid retrieval: BM25 over Chinese tokens + dense vectors from chromadb, fused by weighted RRF.

The lexical index is rebuilt from the chunks in SQLite when a `Retriever` starts,
with our own tokenizer, so a fresh process on an existing store scores Chinese
queries exactly as the last one did. The dense leg queries chromadb through
llama-index's `VectorStoreIndex` retriever with metadata filters for scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import bm25s
import numpy as np
from llama_index.core import VectorStoreIndex
from llama_index.core.vector_stores.types import ExactMatchFilter, MetadataFilters

from assistant.config import Settings
from assistant.tokens import TokenMode, expand, tokenize
from index.embed import load_embedding, slug
from index.records import Chunk
from index.store import Store, Vectors

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

    def admits(self, chunk: Chunk) -> bool:
        m = chunk.metadata
        return (
            (self.doc_id is None or m.get("doc_id") == self.doc_id)
            and (self.department is None or m.get("department") == self.department)
            and (self.year is None or m.get("year") == self.year)
        )

    def filters(self) -> MetadataFilters | None:
        pairs = [("doc_id", self.doc_id), ("department", self.department), ("year", self.year)]
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


def open_vectors(settings: Settings) -> Vectors:
    """The chromadb collection for the configured embedding model (embedded or server)."""
    return Vectors(
        settings.store,
        load_embedding(settings.embed_model),
        collection=f"chunks-{slug(settings.embed_model)}",
        host=settings.chroma_host,
        port=settings.chroma_port,
    )


class Retriever:
    """Both legs over every chunk in the store, and their fusion."""

    def __init__(
        self, store: Store, vectors: Vectors, *, tokens: TokenMode = "bigram", fusion: Fusion | None = None
    ) -> None:
        self.chunks = store.chunks()
        self.mode: TokenMode = tokens
        self.fusion = fusion or Fusion()
        self.by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self.docs = {str(c.metadata["doc_id"]): int(c.metadata["year"]) for c in self.chunks}
        self.bm25 = bm25s.BM25(k1=1.2, b=0.75)
        if self.chunks:
            self.bm25.index([tokenize(c.text, tokens) or ["∅"] for c in self.chunks], show_progress=False)
        self.index = VectorStoreIndex.from_vector_store(vectors.vector_store, embed_model=vectors.embedding)

    def _years(self, scope: Scope | None) -> tuple[int, ...]:
        """Disclosure years in scope, for resolving 今年/去年."""
        if scope and scope.year:
            return (scope.year,)
        if scope and scope.doc_id:
            return (self.docs[scope.doc_id],) if scope.doc_id in self.docs else ()
        return tuple(sorted(set(self.docs.values())))

    def lexical(self, query: str, k: int = 5, scope: Scope | None = None) -> list[Hit]:
        if not self.chunks:
            return []
        q = [t for t in tokenize(expand(query, self._years(scope)), self.mode) if t in self.bm25.vocab_dict]
        if not q:
            return []
        scores = np.asarray(self.bm25.get_scores(q))
        order = np.argsort(-scores, kind="stable")
        hits: list[Hit] = []
        for i in order:
            if scores[i] <= 0 or len(hits) == k:
                break
            c = self.chunks[int(i)]
            if scope is None or scope.admits(c):
                hits.append(Hit(chunk=c, score=float(scores[i]), via="bm25"))
        return hits

    def dense(self, query: str, k: int = 5, scope: Scope | None = None) -> list[Hit]:
        """Chunks ranked by their best-matching passage vector."""
        if not self.chunks:
            return []
        retriever = self.index.as_retriever(
            similarity_top_k=k * PASSAGES_PER_HIT, filters=scope.filters() if scope else None
        )
        best: dict[int, float] = {}
        for node in retriever.retrieve(expand(query, self._years(scope))):
            i = self.by_id.get(str(node.node.metadata.get("chunk_id", "")))
            if i is not None:  # vectors without a committed SQLite row are ignored
                best[i] = max(best.get(i, -1.0), float(node.score or 0.0))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        return [Hit(chunk=self.chunks[i], score=score, via="vector") for i, score in ranked]

    def plain(self, query: str, doc_id: str, k: int = 5) -> list[Hit]:
        """A plain vector RAG (the benchmark's baseline): whole-chunk vectors of one document, top k, no BM25."""
        only = [ExactMatchFilter(key="passage", value=0), ExactMatchFilter(key="doc_id", value=doc_id)]
        retriever = self.index.as_retriever(similarity_top_k=k, filters=MetadataFilters(filters=only))  # type: ignore[arg-type]
        hits = []
        for node in retriever.retrieve(query):
            i = self.by_id.get(str(node.node.metadata.get("chunk_id", "")))
            if i is not None:
                hits.append(Hit(chunk=self.chunks[i], score=float(node.score or 0.0), via="vector"))
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
