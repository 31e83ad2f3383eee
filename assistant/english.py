"""English questions read through a glossary kept as data (assistant/english.toml).

A question written in English ("What is the total expenditure of the Shenzhen Finance Bureau in 2026?") is
rewritten into the Chinese question it asks ("深圳市财政局2026年支出总计是多少？") only when every word is
either a filler or part of a glossary entry, and each part of the question (place, department, year, 预算/决算,
subject, measure) is said at most once (places are joined: city, district, street). Anything else keeps the plain Chinese refusal: a word the glossary
does not know is a part of the question that would otherwise be dropped.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.topic import foreign

SLOTS = ("place", "department", "kind", "subject", "measure")
JOINED = ("place",)  # a slot whose entries are written one after the other (city, district, street)
YEAR = re.compile(r"(?:19|20)\d{2}")
WORD = re.compile(r"[a-z]+|\d+")
ASK = "是多少"  # the ask when no measure is said


@cache
def glossary() -> dict[str, Any]:
    """assistant/english.toml."""
    return tomllib.loads(files("assistant").joinpath("english.toml").read_text(encoding="utf-8"))


@cache
def _phrases() -> list[tuple[tuple[str, ...], str, str]]:
    """(words, slot, Chinese) for every entry, longest first."""
    data = glossary()
    found = [(tuple(WORD.findall(en)), slot, zh) for slot in SLOTS for en, zh in data[slot].items()]
    return sorted(found, key=lambda p: -len(p[0]))


def words(question: str) -> list[str]:
    """The question's words, lower case; "Bureau's" is "bureau", "Xi'an" is "xi an"."""
    text = re.sub(r"['’]s\b", "", question.lower()).replace("-", " ")
    return WORD.findall(text)


def slots(question: str) -> dict[str, str] | None:
    """Each part of the question in Chinese ("year" as digits), or None when a word is not in the glossary or
    a part is said twice."""
    ws, at = words(question), 0
    found: dict[str, str] = {}
    filler = set(glossary()["filler"])
    while at < len(ws):
        match = next((p for p in _phrases() if tuple(ws[at : at + len(p[0])]) == p[0]), None)
        if match is not None:
            slot, zh, at = match[1], match[2], at + len(match[0])
        elif YEAR.fullmatch(ws[at]):
            slot, zh, at = "year", ws[at], at + 1
        elif ws[at] in filler:
            at += 1
            continue
        else:
            return None
        if slot in JOINED:  # "Guangzhou Haizhu District": a city and its district
            found[slot] = found.get(slot, "") + zh
            continue
        if found.get(slot, zh) != zh:
            return None
        found[slot] = zh
    return found if "subject" in found or "kind" in found else None  # "the 2026 budget": the budget itself


def chinese(question: str) -> str:
    """The Chinese question an English one asks, or "" when the question is not in English or not every
    word of it is read."""
    if not foreign(question):
        return ""
    found = slots(question)
    if found is None:
        return ""
    year = f"{found['year']}年" if "year" in found else ""
    head = found.get("place", "") + found.get("department", "") + year + found.get("kind", "")
    return f"{head}{found.get('subject', '')}{found.get('measure', ASK)}？"
