"""English questions read through a glossary kept as data (assistant/english.toml).

A question written in English ("What is the total expenditure of the Shenzhen Finance Bureau in 2026?") is
rewritten into the Chinese question it asks ("深圳市财政局2026年支出总计是多少？") only when every word is
either a filler or part of a glossary entry, and each part of the question (place, department, year, 预算/决算,
subject, measure) is said at most once (places are joined: city, district, street). A run of Chinese written
inside the English question is kept as written: a department when it ends as departments are named
([chinese] in the glossary), otherwise a subject as the documents print it. Anything else keeps the Chinese
refusal, naming the word not read: a word the glossary does not know is a part of the question that would
otherwise be dropped.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.topic import foreign, foreign_refusal

SLOTS = ("place", "department", "unit", "kind", "subject", "measure", "than", "against")
JOINED = ("place",)  # a slot whose entries are written one after the other (city, district, street)
YEAR = re.compile(r"(?:19|20)\d{2}")
WORD = re.compile(r"[a-z]+|\d+|[“（]?[\u4e00-\u9fff][\u4e00-\u9fff“”（）]*")  # a run of Chinese is one word
HAN = re.compile(r"[\u4e00-\u9fff]")
ASK = "是多少"  # the ask when no measure is said
CHANGE = ("比上年", "为什么")  # measures a "compared with last year" goes with


@cache
def glossary() -> dict[str, Any]:
    """assistant/english.toml."""
    return tomllib.loads(files("assistant").joinpath("english.toml").read_text(encoding="utf-8"))


@cache
def _fillers() -> frozenset[str]:
    return frozenset(glossary()["filler"])


@cache
def _phrases() -> list[tuple[tuple[str, ...], str, str]]:
    """(words, slot, Chinese) for every entry, longest first; an entry's fillers ("bureau of finance") are
    not among its words, as they are not among the question's."""
    data, filler = glossary(), _fillers()
    found = [
        (tuple(w for w in WORD.findall(en) if w not in filler), slot, zh)
        for slot in SLOTS
        for en, zh in data[slot].items()
    ]
    return sorted((p for p in found if p[0]), key=lambda p: -len(p[0]))


def _rank(match: tuple[tuple[str, ...], str, str] | None, word: str) -> int:
    """How much a subject says: a one-word entry of [generic] says less than any other subject."""
    return int(glossary()["generic"].get(word, 3)) if match is not None and len(match[0]) == 1 else 3


def words(question: str) -> list[str]:
    """The question's words, lower case; "Bureau's" is "bureau", "Xi'an" is "xi an"; a run of Chinese is one
    word as written."""
    text = re.sub(r"['’]s\b", "", question.lower()).replace("-", " ")
    return WORD.findall(text)


def _written(run: str) -> str:
    """The slot of a run of Chinese: a department when it ends as departments are named, else a subject."""
    return "department" if run.endswith(tuple(glossary()["chinese"]["department_ends"])) else "subject"


def read(question: str) -> tuple[dict[str, str], str]:
    """Each part of the question in Chinese ("year" as digits), and the first word that could not be placed
    ("" when every word is read): a word not in the glossary, or a word saying a part a second time."""
    filler = _fillers()
    ws, at = [w for w in words(question) if w not in filler], 0
    found: dict[str, str] = {}
    said, implied = 0, ""  # the rank of the subject read ([generic]); a subject a word implies ([implied])
    while at < len(ws):
        match = next((p for p in _phrases() if tuple(ws[at : at + len(p[0])]) == p[0]), None)
        if match is not None:
            slot, zh, at = match[1], match[2], at + len(match[0])
        elif YEAR.fullmatch(ws[at]):
            slot, zh, at = "year", ws[at], at + 1
        elif HAN.search(ws[at]):
            slot, zh, at = _written(ws[at]), ws[at], at + 1
        else:
            return found, ws[at]
        if slot == "against":  # "compared with 2025": the base year follows
            if at >= len(ws) or not YEAR.fullmatch(ws[at]):
                return found, ws[at - 1]
            slot, found["base"], at = "than", ws[at], at + 1
            if found.get("year") and int(found["year"]) - 1 != int(found["base"]):
                return found, found["base"]
        if slot in JOINED:  # "Guangzhou Haizhu District": a city and its district
            found[slot] = found.get(slot, "") + zh
            continue
        rank = _rank(match, ws[at - 1]) if slot == "subject" else 0
        if rank and "subject" in found and found["subject"] != zh and rank != said:  # "total … revenue"
            if rank > said:  # the subject that says more
                found["subject"], said = zh, rank
            continue
        said = rank or said
        if slot == "measure" and f"{found.get(slot)} {zh}" in glossary()["measures"]:  # "why did … increase"
            found[slot] = glossary()["measures"][f"{found[slot]} {zh}"]
            continue
        if found.get(slot, zh) != zh:
            return found, ws[at - 1]
        found[slot] = zh
        implied = implied or glossary()["implied"].get(ws[at - 1], "")
    if implied and "subject" not in found:  # "how much did … spend": the spending itself
        found["subject"] = implied
    return found, _against(found)


def slots(question: str) -> dict[str, str] | None:
    """Each part of the question in Chinese, or None when a word is not read or the question says neither a
    subject nor a kind."""
    found, unread = read(question)
    if unread:
        return None
    return found if "subject" in found or "kind" in found else None  # "the 2026 budget": the budget itself


def _against(found: dict[str, str]) -> str:
    """The word not read in a "compared with": one is read only as the year before the year asked, and only
    with a change (or no measure: then it asks the change)."""
    if "than" not in found:
        return ""
    if "base" in found and ("year" not in found or int(found["base"]) != int(found["year"]) - 1):
        return found["base"]
    return "" if found.get("measure", found["than"]).startswith(CHANGE) else "compared"


def refusal(question: str) -> str:
    """What an English question not read is told: the word not read, when one was not."""
    _, unread = read(question)
    if not unread:
        return foreign_refusal()
    return str(glossary()["chinese"]["unread"]).format(word=unread) + foreign_refusal()


def chinese(question: str) -> str:
    """The Chinese question an English one asks, or "" when the question is not in English or not every
    word of it is read."""
    if not foreign(question):
        return ""
    found = slots(question)
    if found is None:
        return ""
    year = f"{found['year']}年" if "year" in found else ""
    head = found.get("place", "") + found.get("department", "") + found.get("unit", "") + year
    subject = found.get("subject", "")
    ask = found.get("measure", found.get("than", glossary()["asks"].get(subject, ASK)))
    if "{}" in ask:  # a measure that holds its subject: "哪一项项目支出最多"
        return f"{head}{found.get('kind', '')}{ask.format(subject)}？"
    return f"{head}{found.get('kind', '')}{subject}{ask}？"
