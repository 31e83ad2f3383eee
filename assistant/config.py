"""Settings: one frozen object, read from BUDGETQA_* environment variables in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Where the store lives and how the assistant runs."""

    store: Path = Path(".budgetqa")  # store folder: facts.sqlite (and, later, the chromadb folder)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then BUDGETQA_* variables, then explicit overrides (None means "not given")."""
        settings = cls()
        if value := os.environ.get("BUDGETQA_STORE"):
            settings = replace(settings, store=Path(value))
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **given)  # type: ignore[arg-type]
