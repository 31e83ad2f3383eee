"""The budget asked of an item in words after its name ("电费预算是多少元"): those words are no part of the item.

A two-character row (30204 电费) said with 预算 after it shares few bigrams with the phrase, so it misses the link
threshold and the question is refused as naming nothing. `without_budget_words` gives the phrase without the words
(assistant/budget_said.toml) when they follow an item name; the reader links it only to a label written out whole
(an exact link), never by bigram likeness, so no other row stands in."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import alternation


@cache
def cues() -> dict[str, Any]:
    """The package's budget_said.toml, read once."""
    return dict(tomllib.loads(files("assistant").joinpath("budget_said.toml").read_text(encoding="utf-8")))


@cache
def _after_item() -> re.Pattern[str]:
    """One of the words right after a Chinese character that is no part of a name ending there (公共预算)."""
    return re.compile(rf"(?<=[\u4e00-\u9fff])(?<!公共)(?<!资本经营)(?<!基金)(?:{alternation(cues()['words'])})")


def without_budget_words(phrase: str) -> str:
    """The phrase with the budget words said after an item blanked ("电费预算是多少" → "电费 是多少")."""
    return _after_item().sub(" ", phrase)
