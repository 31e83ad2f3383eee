"""Departments written in a list as a place and a shortening of their own name, with no kind at the end
("无锡人社、无锡交通、烟台审计、佛山轨交", "北京交委"): the place says which departments the words may be,
and the words, in order, are the first and some further characters of exactly one of them (人社 of
人力资源和社会保障局, 轨交 of 轨道交通局, 交委 of 交通委员会).

Only items of a list are read (between separators, or the last one up to its 的): words running on into the
question are never a name. An item so written that fits no loaded department of its place, or several, is
returned unresolved: the caller refuses by name rather than answer for the others alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.departments import _in_order, _place_and_core
from assistant.places import ORG_ENDINGS, Said

_SEPARATORS = "、，,和与及跟同（）()：:"  # "…是增加的：无锡人社、无锡交通": a list after a colon
_CLOSE = "？?。！!"  # the question's end: the last item of a list ends there ("…、烟台民政？")
_ITEM = re.compile(rf"[^{_SEPARATORS}{_CLOSE}\0\s]+")
_ENDING = re.compile(rf"(?:{ORG_ENDINGS})$")
_LISTED = re.compile(rf"[{_SEPARATORS}]")
_GENERIC = re.compile(r"部门|单位|[各这那哪每几个]|所有|全部|其他|其余")  # "北京这四个部门": a set, not a name


def abbreviated(
    masked: str, places: Sequence[Said], subject_at: Callable[[str], bool]
) -> tuple[dict[str, str], list[str]]:
    """(department → the words naming it, the items written as place + short name that fit no one loaded
    department) of the list items of `masked` (the question with the names already read blanked by \\0); the
    last item ends at its 的 or where the subject asked begins (`subject_at`: "…和北京交委三公经费谁多")."""
    found: dict[str, str] = {}
    unresolved: list[str] = []
    for piece in _ITEM.finditer(masked):
        before, after = masked[: piece.start()], masked[piece.end() :]
        listed_before = bool(before) and _LISTED.match(before[-1]) is not None
        listed_after = bool(after) and _LISTED.match(after[0]) is not None
        item = piece.group(0)
        if not listed_after:
            stop = re.search(r"的|(?:19|20)\d{2}", item)
            end = stop.start() if stop else next((i for i in range(3, len(item)) if subject_at(item[i:])), None)
            if end is None and not after.strip(_CLOSE + " "):
                end = len(item)  # the list closes the question
            if not listed_before or end is None:
                continue
            item = item[:end]  # "…和北京交委的三公经费": the last item ends at its 的 or year
        elif not listed_before and piece.start() > 0 and masked[piece.start() - 1] not in "\0" + _CLOSE:
            continue  # a list's first item opens the question, a sentence ("…最多？无锡人社、…") or follows a name
        start, end_at = piece.start(), piece.start() + len(item)
        place = next((p for p in places if p.start == start and p.end - p.start < len(item)), None)
        if place is None and listed_after and not listed_before:  # "在无锡人社、无锡交通…": words before the first
            place = next((p for p in places if start < p.start and p.end < end_at), None)
        if place is None:
            continue
        short = masked[place.end : end_at]
        trimmed = (generic := _GENERIC.search(short)) is not None and generic.start() >= 2
        if trimmed and generic is not None:
            short = short[: generic.start()]  # "烟台审计这三个单位里": the set said after the list's last name
        if _GENERIC.search(short) or not 2 <= len(short) <= 6 or not re.fullmatch(r"[\u4e00-\u9fff]+", short):
            continue
        fits: list[str] = []
        for end in range(len(short), 1, -1):  # "北京交委比，…": a word run on after the name is no part of it
            fits = [d for d in place.departments if (core := _place_and_core(d)[3]) and core[0] == short[0]
                    and _in_order(short[:end], core)]  # fmt: skip
            if fits:
                break
        if len(fits) == 1:
            found[fits[0]] = place.name + short[:end]
        elif not _ENDING.search(short) and not trimmed:  # a name with its kind is refused by places.unloaded
            unresolved.append(item)
    return found, unresolved
