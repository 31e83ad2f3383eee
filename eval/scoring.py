"""Scoring rules shared by the evaluation scripts (DESIGN.md: question file and scoring)."""

from __future__ import annotations

import re
from collections.abc import Sequence


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def evidence_rank(texts: Sequence[str], evidence: Sequence[str]) -> int | None:
    """1-based rank at which the hits seen so far contain every evidence substring (whitespace ignored)."""
    wanted = {_squeeze(e) for e in evidence}
    seen = ""
    for rank, text in enumerate(texts, start=1):
        seen += "\x00" + _squeeze(text)
        if all(w in seen for w in wanted):
            return rank
    return None
