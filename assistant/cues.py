"""Cue words become regexes here: a word list (data, in a toml next to the code that reads it) is matched
longest first, so "上一年度" is read before "上年" and "实际执行数" before "实际"."""

from __future__ import annotations

import re
from collections.abc import Iterable


def longest_first(words: Iterable[str]) -> list[str]:
    """The words, longest first (ties keep their order)."""
    return sorted(words, key=len, reverse=True)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, escaped, longest first ("上一年|上年")."""
    return "|".join(map(re.escape, longest_first(words)))
