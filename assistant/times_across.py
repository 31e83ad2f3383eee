"""How many times one department's figure is another's: "A的会议费是B的几倍" is A ÷ B in the order written.
The words are data (assistant/times_across.toml)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from assistant.cues import alternation


@cache
def _words() -> dict[str, list[str]]:
    return dict(tomllib.loads(files("assistant").joinpath("times_across.toml").read_text(encoding="utf-8")))


@cache
def _asked() -> re.Pattern[str]:
    return re.compile(alternation(_words()["asked"]))


@cache
def _more() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_words()['more'])})了?(?:{alternation(_words()['asked'])})")


def times_asked(text: str) -> bool:
    """Whether the question asks how many times one figure is another ("几倍", "多少倍")."""
    return bool(_asked().search(text))


def two_ways(text: str) -> bool:
    """ "A比B多几倍": read as A ÷ B by some and (A − B) ÷ B by others."""
    return bool(_more().search(text))


def written_order(text: str, named: dict[str, str], departments: tuple[str, ...]) -> tuple[str, ...] | None:
    """The departments in the order their names are written (dividend first), or None when a name is not found."""
    at = {d: text.find(named[d]) if named.get(d) else -1 for d in departments}
    if any(i < 0 for i in at.values()) or len(set(at.values())) != len(at):
        return None
    return tuple(sorted(departments, key=lambda d: at[d]))


def refusal(text: str, named: dict[str, str], departments: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """(dividend and divisor departments, or a refusal naming why the ratio cannot be computed)."""
    if len(departments) != 2:
        return (), "“几倍”只能在两个部门之间计算（前一个 ÷ 后一个）；请一次写两个部门，如“A的会议费是B的几倍”"
    if two_ways(text):
        return (), "“多几倍”有两种理解（A ÷ B，或 (A − B) ÷ B），请改问“A的……是B的几倍”或“A比B多多少”"
    order = written_order(text, named, departments)
    if order is None:
        return (), "没有读出两个部门谁在前（被除数）、谁在后（除数）；请写成“A的……是B的几倍”"
    return order, None
