"""Settings: one frozen object, read from BUDGETQA_* environment variables in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Where the store lives and which models and servers the assistant uses."""

    store: Path = Path(".budgetqa")  # store folder: facts.sqlite and the embedded chromadb folder
    embed_model: str | None = None  # None: USE multilingual v3; else a sentence-transformers name or local path
    chroma_host: str | None = None  # set (with chroma_port) to use a chromadb server instead of the embedded one
    chroma_port: int | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then BUDGETQA_* variables, then explicit overrides (None means "not given")."""
        env = os.environ
        settings = cls(
            store=Path(env.get("BUDGETQA_STORE") or cls.store),
            embed_model=env.get("BUDGETQA_EMBED_MODEL") or None,
            chroma_host=env.get("BUDGETQA_CHROMA_HOST") or None,
            chroma_port=int(env["BUDGETQA_CHROMA_PORT"]) if env.get("BUDGETQA_CHROMA_PORT") else None,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **given)  # type: ignore[arg-type]
