"""What the answer engine builds before verification, and small helpers for writing it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assistant.calculator import Calculation, Operand
from assistant.records import Citation
from index.numbers import format_amount
from index.records import Fact


class Unanswerable(Exception):
    """The disclosures in scope do not hold what was asked; the message says what is missing. An internal
    signal: the engine turns it into a refusal, never a user-facing error."""


@dataclass
class Draft:
    """An answer before verification."""

    text: str
    value: Decimal | None = None
    unit: str | None = None
    calculations: list[Calculation] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    items: list[tuple[str, Decimal, str]] = field(default_factory=list)
    doc_id: str | None = None  # the document the figures come from


def page_note(page: object, last: object = None) -> str:
    """ "（第12页）" (or "（第12页至第13页）") for what is printed on PDF pages; "" when there are no pages.

    Every page number follows 第, so the verifier does not take it for a figure.
    """
    if not isinstance(page, int) or not page:
        return ""
    if isinstance(last, int) and last > page:
        return f"（第{page}页至第{last}页）"
    return f"（第{page}页）"


def cited(f: Fact) -> str:
    """A fact's source with its page: "表7 … · 2060702 科普活动 · 支出总计（第13页）"."""
    return f.source + page_note(f.page)


def where(f: Fact) -> str:
    """A fact's place without the quoted snippet (the snippet goes into the citation), with its page."""
    return f.source.split(" · 「")[0] + page_note(f.page)


def sources(*facts: Fact) -> str:
    """The places of some facts, each once, for the answer's 出处 line."""
    return "；".join(dict.fromkeys(where(f) for f in facts))


def fmt(value: Decimal, unit: str) -> str:
    """4997 万元 → "4,997 万元"; 80.51 % → "80.51%"."""
    text = format_amount(value)
    return f"{text}%" if unit == "%" else f"{text} {unit}".rstrip()


def operand(f: Fact) -> Operand:
    return Operand(value=f.value, unit=f.unit, label=f.row, source=cited(f))
