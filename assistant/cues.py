"""Cue words become regexes here: a word list (data, in a toml next to the code that reads it) is matched
longest first, so "上一年度" is read before "上年" and "实际执行数" before "实际"."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib.resources import files


def longest_first(words: Iterable[str]) -> list[str]:
    """The words, longest first (ties keep their order)."""
    return sorted(words, key=len, reverse=True)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, escaped, longest first ("上一年|上年")."""
    return "|".join(map(re.escape, longest_first(words)))


@cache
def _said() -> dict[str, list[str]]:
    return dict(tomllib.loads(files("assistant").joinpath("years.toml").read_text(encoding="utf-8"))["said"])


def year_words(which: str) -> tuple[str, ...]:
    """years.toml's words for the document's own year ("this_year": 今年, 本年度 …) or the year before
    ("last_year": 上年, 去年, 前一年 …): the one year vocabulary of the question readers."""
    return tuple(_said()[which])
