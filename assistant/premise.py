"""A false premise in a why-question: "收入为什么增长了？" when the disclosure prints a fall.

Before a sentence is quoted as the reason, the change the disclosure prints for the very item asked is read
(the engine's own change answer for the same query). When it moves the other way, the answer is the
correction — "公开文件所列是减少 193.20 万元，并未增长" — with the printed change; a quote (the reason for the
fall, or another item's paragraph) never answers it. The cue words are data (assistant/premise.toml).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any, Literal

Direction = Literal["up", "down"]


@cache
def _data() -> dict[str, Any]:
    """assistant/premise.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("premise.toml").read_text(encoding="utf-8"))


@cache
def _asked() -> re.Pattern[str]:
    return re.compile(str(_data()["asked"]))


def _direction(word: str) -> Direction | None:
    if word in _data()["up"]:
        return "up"
    if word in _data()["down"]:
        return "down"
    return None


def asked_direction(question: str) -> tuple[str, Direction] | None:
    """The direction of a change a why-question takes for granted, with its word: ("增长", "up"), or None."""
    m = _asked().search(question)
    if m is None:
        return None
    word = m.group("span") or m.group("span2")
    direction = _direction(word)
    return (word, direction) if direction else None


def printed_direction(text: str) -> tuple[str, Direction] | None:
    """The direction a change answer states ("比2025年减少 2 万元" → ("减少 2 万元", "down")), or None when
    it states none or both."""
    words = sorted([*_data()["up"], *_data()["down"]], key=len, reverse=True)
    m = re.search(
        rf"(?P<word>{'|'.join(map(re.escape, words))})\s*(?P<amount>-?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|%))", text
    )
    if m is None:
        return None
    direction = _direction(m.group("word"))
    return (f"{m.group('word')} {m.group('amount')}", direction) if direction else None


def correction(question: str, change_text: str) -> str | None:
    """The correction of a why-question whose direction the printed change `change_text` contradicts, or None
    (no direction asked, none printed, or the same)."""
    asked = asked_direction(question)
    printed = printed_direction(change_text)
    if asked is None or printed is None or asked[1] == printed[1]:
        return None
    return str(_data()["correction"]).format(printed=printed[0], asked=asked[0])
