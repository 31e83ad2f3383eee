"""Query expansion from the staff glossary, and the lexical leg's tokens (kept in index.tokens, where
ingest counts them, and re-exported here)."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import last_year_said, longest_first, year_words
from index.tokens import TokenMode, bigrams, jieba_tokens, tokenize

__all__ = [
    "TokenMode",
    "bigrams",
    "expand",
    "glossary",
    "glossary_data",
    "jieba_tokens",
    "leading_noun",
    "to_template",
    "tokenize",
]


@cache
def glossary_data() -> dict[str, Any]:
    """assistant/glossary.json: how staff say things (see its _comment)."""
    return dict(json.loads(files("assistant").joinpath("glossary.json").read_text(encoding="utf-8")))


@cache
def _synonym_pattern() -> re.Pattern[str]:
    keys = longest_first(glossary_data()["synonyms"])
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


def expand(query: str, years: tuple[int, ...] = ()) -> str:
    """The query without question filler, plus the template terms of every colloquial term in it.

    `years` are the disclosure years in scope: 今年 becomes "2022年" and 去年 "2021年"
    for a 2022 disclosure, as the text writes them.
    """
    extra = [t for term, targets in glossary().items() if term in query for t in targets if t not in query]
    if any(w in query for w in year_words("this_year")):
        extra += [f"{y}年" for y in years]
    if re.search(last_year_said(), query):
        extra += [f"{y - 1}年" for y in years]
    core = _FILLER.sub(" ", query)
    return core if not extra else core + " " + " ".join(dict.fromkeys(extra))


@cache
def _tagger():  # type: ignore[no-untyped-def]
    import jieba.posseg

    jieba_tokens("")  # loads jieba's dictionary once, quietly
    return jieba.posseg


def leading_noun(text: str) -> str:
    """The noun jieba reads first in text ("项目编报了绩效目标" → "项目"), or "" when text opens with no noun
    word or the noun is all of text (no words follow it)."""
    words = list(_tagger().lcut(text))
    if len(words) < 2 or not words[0].flag.startswith("n"):
        return ""
    return str(words[0].word)
