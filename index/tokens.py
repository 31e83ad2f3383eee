"""Chinese tokens for the lexical leg: what ingest counts (BM25 statistics in the store) and what a
question is scored with, so a fresh process tokenises exactly as ingest did.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Literal

from index.normal import squeeze

TokenMode = Literal["bigram", "jieba", "both"]

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[A-Za-z]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:年|月|亿元|万元|元|%|个|人|辆|家|次|项)?")
_STOP = frozenset("的了和与及或是在为有多少几个吗呢啊吧么什么怎么哪些")


def _normalise(text: str) -> str:
    return re.sub(r"(?<=\d),(?=\d{3})", "", text).lower()


def bigrams(text: str) -> list[str]:
    """Numbers with their unit ("2021年", "4997万元"), then overlapping bigrams of each CJK run
    (single characters for runs of one), then Latin words."""
    text = _normalise(text)
    out: list[str] = [squeeze(n) for n in _NUMBER.findall(text)]
    text = _NUMBER.sub(" ", text)
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            if run not in _STOP:
                out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    out.extend(_WORD.findall(text))
    return out


@cache
def _jieba():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def jieba_tokens(text: str) -> list[str]:
    """jieba's search-engine segmentation, stop characters and punctuation removed."""
    words = _jieba().lcut_for_search(_normalise(text))
    return [w for w in (w.strip() for w in words) if w and re.search(r"[\u4e00-\u9fff\w]", w) and w not in _STOP]


def tokenize(text: str, mode: TokenMode = "both") -> list[str]:
    if mode == "bigram":
        return bigrams(text)
    if mode == "jieba":
        return jieba_tokens(text)
    return bigrams(text) + [f"w:{w}" for w in jieba_tokens(text) if len(w) > 2 or not _CJK_RUN.fullmatch(w)]
