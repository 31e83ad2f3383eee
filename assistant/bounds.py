"""Bounds on an amount written in a question: "超过10万元" (more than), "在10万元以上" (10万元 or more), "不超过5万元"
(5万元 or less). Whether the amount itself is inside the bound is the word's, read from data
(assistant/bounds.toml): 以上/以下/不少于/不超过 include it, 超过/高于/不到/低于 exclude it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files

from assistant.cues import alternation
from assistant.numerals import value as numeral_value
from index.units import MONEY_PATTERN

NUMBER = r"(?P<number>\d[\d,]*(?:\.\d+)?|[零一二两三四五六七八九十百千]+)(?![\d,.]|\s*年)"  # 2023年 is no amount
UNIT = r"(?P<unit>" + MONEY_PATTERN + r"|亿|万|%|％)?"
UNIT_WORDS = {"亿": "亿元", "万": "万元", "％": "%"}


@dataclass(frozen=True)
class Bound:
    """One bound as written: its operator (">", ">=", "<", "<="), the amount and its unit ("" when none)."""

    op: str
    value: Decimal
    unit: str
    start: int  # where it is written in the question

    @property
    def lower(self) -> bool:
        """A lower bound (超过, 以上), not an upper one (低于, 以下)."""
        return self.op.startswith(">")


@cache
def _words() -> dict[str, dict[str, str]]:
    data = tomllib.loads(files("assistant").joinpath("bounds.toml").read_text(encoding="utf-8"))
    return {"before": dict(data["before"]), "after": dict(data["after"])}


@cache
def _pattern() -> re.Pattern[str]:
    words = _words()
    return re.compile(
        rf"(?P<before>{alternation(words['before'])})?\s*{NUMBER}\s*{UNIT}\s*(?P<after>{alternation(words['after'])})?"
    )


def bounds(text: str) -> list[Bound]:
    """Every bound written in the text, in order; an amount with no bound word is none."""
    words, out = _words(), []
    for m in _pattern().finditer(text):
        before, after = m.group("before"), m.group("after")
        if not before and not after:
            continue
        number = m.group("number")
        value = Decimal(number.replace(",", "")) if number[0].isdigit() else numeral_value(number)
        if value is None:
            continue
        unit = m.group("unit") or ""
        op = words["after"][after] if after else words["before"][before]
        out.append(Bound(op=op, value=value, unit=UNIT_WORDS.get(unit, unit), start=m.start()))
    return out


def word(op: str) -> str:
    """The operator as an answer writes it before the amount."""
    return {">": "超过", ">=": "不低于", "<": "低于", "<=": "不超过"}[op]
