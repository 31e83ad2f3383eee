"""A question across departments limited by a list written with a cue ("只看无锡、烟台、福州的", "仅限深圳和
北京的部门"): the places listed are the only departments it covers, and a listed place that no loaded department
belongs to is said rather than dropped. Cue words and the list's closing words are data (restriction.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import alternation
from assistant.places import ORG_ENDINGS, Said

SEPARATORS = "、，,和与及跟"
MAX_PLACE = 4  # characters of a place written bare (广州, 哈尔滨, 乌鲁木齐); a longer run is the question's words
CLAUSE_END = re.compile(r"[。？?！!；;]")


@dataclass(frozen=True)
class Restriction:
    """The places (and departments) a question's list names, the loaded departments they cover, and the names
    listed that no loaded department answers to."""

    names: tuple[str, ...]  # the places listed, as written
    departments: frozenset[str]  # the loaded departments of the places and the departments listed
    listed: tuple[str, ...]  # the departments written in the list (department → alias keys of `named`)
    unknown: tuple[str, ...]  # names listed that no loaded department answers to ("广州")


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(files("assistant").joinpath("restriction.toml").read_text(encoding="utf-8"))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The cue, and the words after a listed name that only say what it is ("这两个城市", "市")."""
    d = _data()
    kinds = re.compile(rf"[这那]?(?:[0-9一二两三四五六七八九十几]+)?个?(?:{alternation(d['kinds'])})$")
    return re.compile(alternation(d["cues"])), kinds


def restriction(text: str, places: Sequence[Said], named: Mapping[str, str]) -> Restriction | None:
    """The list a cue starts ("只看无锡、烟台、福州的"), when it names at least one place (a list of departments only
    is read as the departments named); None without a cue or such a list."""
    cue, kinds = _patterns()
    m = cue.search(text)
    if m is None:
        return None
    stop = e.start() if (e := CLAUSE_END.search(text, m.end())) else len(text)
    spans = {p.start: (p.end, p.name, p.departments, "") for p in places if m.end() <= p.start < stop}
    for department, alias in named.items():
        for at in (i.start() for i in re.finditer(re.escape(alias), text[:stop])):
            if at >= m.end() and (at not in spans or spans[at][0] < at + len(alias)):
                spans[at] = (at + len(alias), alias, frozenset({department}), department)
    names: list[str] = []
    covered: set[str] = set()
    listed: list[str] = []
    unknown: list[str] = []
    pos = m.end()
    while pos < stop:
        if pos in spans:
            end, name, departments, department = spans[pos]
            covered |= departments
            (listed if department else names).append(department or name)
            pos = end
        else:  # a name in the list that no loaded department answers to ("只看广州、无锡的", "无锡和广州的")
            chunk = re.match(rf"[\u4e00-\u9fff]+?(?=[{SEPARATORS}的]|$)", text[pos:stop])
            word = chunk.group(0) if chunk else ""
            if not (names or listed or unknown) and text[pos + len(word) : pos + len(word) + 1] not in SEPARATORS:
                break  # the first word after the cue is a name only when a list follows it
            name = kinds.sub("", word) or word
            place_like = re.search(rf"(?:[省市区县]|{ORG_ENDINGS})$", word) or len(name) <= MAX_PLACE
            if len(name) < 2 or not place_like:
                break
            unknown.append(name)
            pos += len(word)
        if pos < stop and text[pos] in SEPARATORS:
            pos += 1
            continue
        break
    if not names:
        return None
    return Restriction(names=tuple(names), departments=frozenset(covered), listed=tuple(listed), unknown=tuple(unknown))


def joined(text: str, places: Sequence[Said], place: Said) -> Said:
    """`place` with the places listed right before it ("无锡、烟台、福州哪些单位": the three, not 福州 alone), as one."""
    at = places.index(place)
    first = at
    while first > 0 and (between := text[places[first - 1].end : places[first].start]) and between in SEPARATORS:
        first -= 1
    if first == at:
        return place
    listed = places[first : at + 1]
    return Said(
        listed[0].start,
        place.end,
        "、".join(p.name for p in listed),
        frozenset().union(*(p.departments for p in listed)),
    )
