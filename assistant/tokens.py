"""Chinese tokens for the lexical leg, and query expansion from the staff glossary.

Tokens are owned here (not by llama-index's BM25Retriever, which drops custom
tokenizers on reload) so that a fresh process tokenises exactly as ingest did.
"""

from __future__ import annotations

import json
import logging
import re
from functools import cache
from importlib.resources import files
from typing import Any, Literal

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
    out: list[str] = [re.sub(r"\s+", "", n) for n in _NUMBER.findall(text)]
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


@cache
def glossary_data() -> dict[str, Any]:
    """assistant/glossary.json: how staff say things (see its _comment)."""
    return dict(json.loads(files("assistant").joinpath("glossary.json").read_text(encoding="utf-8")))


@cache
def _synonym_pattern() -> re.Pattern[str]:
    keys = sorted(glossary_data()["synonyms"], key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def to_template(text: str) -> str:
    """Colloquial phrases replaced by the template's wording: 公车运维费 → 公务用车运行维护费."""
    synonyms = glossary_data()["synonyms"]

    def swap(m: re.Match[str]) -> str:
        target = synonyms[m.group(0)]
        for at in (i.start() for i in re.finditer(re.escape(target), text)):
            if at <= m.start() and m.end() <= at + len(target):
                return m.group(0)  # already the template's wording ("因公出国（境）费")
        return target

    return _synonym_pattern().sub(swap, text)


def glossary() -> dict[str, list[str]]:
    """Colloquial term → template terms, for query expansion."""
    data = glossary_data()
    return {**{k: [v] for k, v in data["synonyms"].items()}, **data["related"]}


# Question filler: words that say "this is a question", not what it is about.
_FILLER = re.compile(r"是多少|有多少|多少钱|多少|是什么|什么|哪些|哪几|怎么样|怎么|吗|呢|请问|一下")
_THIS_YEAR = ("今年", "本年", "当年", "本年度")
_LAST_YEAR = ("去年", "上年", "上一年", "前一年")


def expand(query: str, years: tuple[int, ...] = ()) -> str:
    """The query without question filler, plus the template terms of every colloquial term in it.

    `years` are the disclosure years in scope: 今年 becomes "2022年" and 去年 "2021年"
    for a 2022 disclosure, as the text writes them.
    """
    extra = [t for term, targets in glossary().items() if term in query for t in targets if t not in query]
    if any(w in query for w in _THIS_YEAR):
        extra += [f"{y}年" for y in years]
    if any(w in query for w in _LAST_YEAR):
        extra += [f"{y - 1}年" for y in years]
    core = _FILLER.sub(" ", query)
    return core if not extra else core + " " + " ".join(dict.fromkeys(extra))
