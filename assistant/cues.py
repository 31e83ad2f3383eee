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


def last_year_said() -> str:
    """A regex of years.toml's words for the year before said as a year ("比上年", "去年的会议费"), never as the
    head of an item name ("上年结转", "上年度结余", "去年结转的钱": the template's row of this year's document)."""
    heads = alternation(year_words("item_heads"))
    return rf"(?:{alternation(year_words('last_year'))})(?!度?(?:{heads}))"
