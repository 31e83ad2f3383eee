"""A department named by its place and its own name without the kind: 无锡市人社 (无锡市人社局), 北京信访
(北京信访办), 深圳科创 (深圳科创局), 市人社. Such a name is written as the department's when it is one loaded
department's and the words after it do not go on into another word (北京财政拨款 is no 北京市财政局's name):
kindless.toml lists what may come right after.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from assistant.departments import _DATA as _NAMES
from assistant.departments import name_parts

_DATA = tomllib.loads(Path(__file__).with_name("kindless.toml").read_text(encoding="utf-8"))


def _kindless(departments: Mapping[str, Sequence[str]]) -> dict[str, dict[str, str]]:
    """name without its kind → {department: the alias it is cut from}, of aliases that start with the
    department's place (无锡市人社局 → 无锡市人社) and keep 2 characters of their own at least."""
    out: dict[str, dict[str, str]] = {}
    for department, names in departments.items():
        parts = name_parts(department)
        places = parts.places if parts else ()
        for alias in names:
            place = next((p for p in places if alias.startswith(p)), "")
            kind = next((k for k in _DATA["kinds"] if alias.endswith(k)), "")
            if not place or not kind:
                continue
            cut = alias[: -len(kind)]
            if len(cut) - len(place) >= 2:
                out.setdefault(cut, {}).setdefault(department, alias)
    return out


def spelled(text: str, departments: Mapping[str, Sequence[str]]) -> str:
    """The text with a department's name said without its kind written with it (无锡市人社2026年 →
    无锡市人社局2026年), when that name is one department's and what follows it is of kindless.toml."""
    known = _kindless(departments)
    names = sorted(known, key=len, reverse=True)
    spelled_out = [n for ns in departments.values() for n in ns if len(n) >= 2]
    after = "|".join(map(re.escape, sorted(_DATA["after"], key=len, reverse=True)))
    for name in names:
        if len(known[name]) != 1:
            continue
        alias = next(iter(known[name].values()))
        pattern = re.compile(rf"{re.escape(name)}(?=\d|{after}|[^\w]|$)")
        for m in reversed(list(pattern.finditer(text))):
            before = text[m.start() - 1 : m.start()]
            if re.match(r"[\u4e00-\u9fff]", before) and before not in _NAMES["word_ends"]:
                continue  # inside a word ("城市民政"): a name starts after a word's end only
            if any(text.startswith(n, m.start()) and len(n) > len(name) for n in spelled_out):
                continue  # the name spelled out (无锡市人社局): nothing to write
            text = text[: m.start()] + alias + text[m.end() :]
    return text
