"""Scoring rules shared by the evaluation scripts (DESIGN.md: question file and scoring)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any


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


from assistant.calculator import MONEY  # noqa: E402  (one table of money units)


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the expected value's last written decimal: 4023 → 0.5, 80.51 → 0.005."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(min(exponent, 0) - 1)


def passes(expected: dict[str, Any], refused: bool, text: str, value: Decimal | None, unit: str | None) -> bool:
    """DESIGN.md scoring: number within tolerance (money converted), text with every must_include, refusal."""
    kind = expected["type"]
    if kind == "refusal":
        return refused
    if refused:
        return False
    if kind == "text":
        return all(any(alt in text for alt in entry.split("|")) for entry in expected["must_include"])
    if value is None:
        return False
    want = Decimal(str(expected["value"]))
    got = value
    want_unit = expected.get("unit") or ""
    if unit in MONEY and want_unit in MONEY:
        got = value * MONEY[unit] / MONEY[want_unit]
    elif unit and want_unit and unit != want_unit and not (unit.startswith(want_unit) or want_unit.startswith(unit)):
        return False  # 5 万元 is not 5 人; 台（套） counts as 台
    tolerance = Decimal(str(expected["tolerance"])) if "tolerance" in expected else half_unit(want)
    return abs(got - want) <= tolerance
