"""The names people use for a department: derived by rule from its full name, plus a data file for
the irregular short names (glossary.json department_abbreviations: 规划和自然资源局 → 规资局).

中共上海市普陀区委社会工作部 → 区委社会工作部, 普陀区委社会工作部, 社会工作部, 社工部, 区委社工部 …
上海市普陀区人民政府万里街道办事处 → 万里街道办事处, 万里街道, 万里街道办, 普陀区万里街道 …
深圳市科学技术协会（本级） → 深圳市科学技术协会, 科学技术协会, 科协, 市科协, 深圳科协 …

A name said shorter by dropping inner words is found by rule (`short_names`): 福州市公安局治安支队 for
福州市公安局治安管理支队, 规划资源局 for 规划和自然资源局, 交通局 for 交通运输局.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.cues import alternation, longest_first
from index.identify import vocabulary
from index.normal import form_key

CITY_PREFIX = re.compile(
    r"^(?P<city>[\u4e00-\u9fff]{2,3}?(?:省|自治区|市))?(?P<district>[\u4e00-\u9fff]{1,4}?(?:区|县|市))?"
)
# The scope printed in brackets after a department's name (identity.toml's scopes: "深圳市财政局（本级）",
# "西安市财政局（汇总）") says which accounts, not who: the department is named without it too.
_SCOPE_MARK = re.compile(
    r"\((?:" + alternation({"机关", "本部", *(w for ws in vocabulary().scopes.values() for w in ws)}) + r")\)$"
)
_GOVERNMENT = "人民政府"
_SUFFIXES = ("委员会", "局", "部", "委", "办", "厅", "院", "中心", "馆", "会", "所", "站", "队")
# A name ending so is also said with the shorter ending: 交通委员会 → 交通委, 发改委员会 → 发改委, 信访办公室 → 信访办
_CLIPPED_ENDINGS = (("委员会", "委"), ("办公室", "办"))
_STREET = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,6}?)(?P<kind>街道|镇|乡)办事处$")


def department_aliases(department: str, abbreviations: dict[str, str]) -> tuple[str, ...]:
    """Every name of a department a question may use, longest first (2 characters at least)."""
    full = form_key(department)
    base = _SCOPE_MARK.sub("", full)
    names = {full, base, base.removeprefix("中共")}
    city, district, committee, core = _place_and_core(department)
    level = district[-1] if district else ("市" if city else "")
    cores = {core}
    if street := _STREET.match(core):  # 万里街道办事处 → 万里街道, 万里街道办
        cores |= {street.group("name") + street.group("kind"), street.group("name") + street.group("kind") + "办"}
    cores |= _short_names(core, abbreviations)
    if _GOVERNMENT in full:  # "重庆市政府办公厅": 人民政府 said shorter
        cores |= {said + c for said in _DATA["government_said"] for c in list(cores)}
    cores |= {c[: -len(long)] + short for c in cores for long, short in _CLIPPED_ENDINGS if c.endswith(long)}
    for c in cores:
        names.add(c)
        if committee:
            names |= {committee + c, district.removesuffix(level) + committee + c}
        elif district:  # 广州市海珠区图书馆 → 海珠区图书馆, 海珠图书馆, 区图书馆
            names |= {district + c, district[:-1] + c, level + c}
        elif city:  # 南京市气象局 → 南京气象局, 市气象局, 西安市发改委 (广州市海珠区图书馆 is not 广州图书馆)
            names |= {city + c, city.removesuffix("市") + c, "市" + c}
    return tuple(longest_first(n for n in names if len(n) >= 2))


def _place_and_core(department: str) -> tuple[str, str, str, str]:
    """(city, district, party committee, own name) of a department's full name:
    中共上海市普陀区委社会工作部 → (上海市, 普陀区, 区委, 社会工作部); 重庆市人民政府办公厅 → (重庆市, "", "", 办公厅)."""
    rest = _SCOPE_MARK.sub("", form_key(department)).removeprefix("中共")
    place = CITY_PREFIX.match(rest)
    city, district = (place.group("city") or "", place.group("district") or "") if place else ("", "")
    core = rest[len(city) + len(district) :] or rest
    level = district[-1] if district else ("市" if city else "")
    committee = ""
    if core.startswith("委") and level:  # 区委社会工作部: the party committee's department
        committee, core = level + "委", core[1:]
    return city, district, committee, core.removeprefix(_GOVERNMENT)  # 人民政府万里街道办事处


def _short_names(core: str, abbreviations: dict[str, str]) -> set[str]:
    """Short forms of a department's own name: the data file's, else the initials rule
    (社会工作部 → 社工部, 人力资源和社会保障局 → 人社局)."""
    out = set()
    for long, short in abbreviations.items():
        if core.endswith(long):
            out.add(core[: len(core) - len(long)] + short)
    if out:
        return out
    suffix = next((s for s in _SUFFIXES if core.endswith(s)), "")
    stem = core[: len(core) - len(suffix)] if suffix else ""
    if not suffix or not stem:
        return out
    parts = stem.split("和")
    if len(parts) > 1 and all(len(p) >= 2 for p in parts):
        out.add("".join(p[0] for p in parts) + suffix)
    elif len(stem) == 4:
        out.add(stem[0] + stem[2] + suffix)
    return out


# --- names said shorter: inner words dropped ---------------------------------------------------------

_DATA = tomllib.loads((Path(__file__).with_name("departments.toml")).read_text(encoding="utf-8"))
_LEVELS = "省市区县"  # a place written right before a name ends so


@dataclass(frozen=True)
class NameParts:
    """A department's full name cut where a shortened name keeps it: place, inner words, kind."""

    core: str  # its own name after the place: 公安局治安管理支队
    middle: str  # the inner words a short name may drop some of: 公安局治安管理
    said: tuple[str, ...]  # its kind as people end the name: 支队; 委员会, 委
    places: tuple[str, ...]  # the place as written before the name, longest first: 福州市, 福州, 市


@dataclass(frozen=True)
class ShortName:
    """Words of a text that name, said shorter, the departments listed (one: it is that one; more: ask)."""

    start: int
    end: int
    written: str
    departments: tuple[str, ...]


@cache
def name_parts(department: str) -> NameParts | None:
    """The parts of a department's name (None when its name ends with no kind of departments.toml)."""
    city, district, committee, core = _place_and_core(department)
    kind = max((k for k in _DATA["kind"] if core.endswith(k["name"])), key=lambda k: len(k["name"]), default=None)
    if kind is None or len(core) <= len(kind["name"]):
        return None
    level = district[-1] if district else ("市" if city else "")
    places = {city + district + committee, district + committee, committee, city, city.removesuffix("市")}
    places |= {district, district[:-1], level} if district else {level}
    return NameParts(
        core=core,
        middle=core[: -len(kind["name"])],
        said=tuple(kind["said"]),
        places=tuple(longest_first(p for p in places if p)),
    )


def short_names(text: str, departments: Mapping[str, Sequence[str]]) -> list[ShortName]:
    """Departments a text names by a shorter form of their name, which no name of `departments`
    (department → its names) spells out: the written words, in order, are some of the department's inner
    words, ending with its kind (治安支队 of 公安局治安管理支队); a place written before them must be the
    department's. Words that fit several departments name them all (the caller asks which)."""
    found: dict[tuple[int, int], set[str]] = {}
    for department in departments:
        parts = name_parts(department)
        if parts is None:
            continue
        for said in parts.said:
            for m in re.finditer(re.escape(said), text):
                kept = _kept_words(text[: m.start()], parts.middle)
                start = m.start() - kept
                if kept >= 2 and text[start : m.start()] != parts.middle and _place_agrees(text[:start], parts):
                    found.setdefault((start, m.end()), set()).add(department)
    if found:  # words inside a name spelled out are that name's ("轨道交通局" holds no 交通运输局)
        spelled = [
            (m.start(), m.end())
            for ns in departments.values()
            for n in ns
            if len(n) >= 2
            for m in re.finditer(re.escape(n), text)
        ]
        found = {(a, b): ds for (a, b), ds in found.items() if not any(s < b and a < e for s, e in spelled)}
    return _grouped(text, found)


def spell_out(text: str, departments: Mapping[str, Sequence[str]]) -> str:
    """The text with each shortened name of exactly one department written as that department's own name
    (福州市公安局治安支队 → 福州市公安局治安管理支队); a name that fits several is left as written."""
    for short in sorted(short_names(text, departments), key=lambda s: s.start, reverse=True):
        if len(short.departments) == 1:
            parts = name_parts(short.departments[0])
            assert parts is not None
            text = text[: short.start] + parts.core + text[short.end :]
    return text


def _kept_words(before: str, middle: str) -> int:
    """How many characters at the end of `before` are, in order, some of `middle`'s (the most)."""
    n = 0
    while n < len(before) and n < len(middle) and _in_order(before[len(before) - n - 1 :], middle):
        n += 1
    return n


def _in_order(written: str, full: str) -> bool:
    """`written`'s characters appear in `full` in the same order (治安 in 治安管理, 建管 in 建设和管理)."""
    rest = iter(full)
    return all(c in rest for c in written)


def _place_agrees(before: str, parts: NameParts) -> bool:
    """Nothing names another place or word right before a short name: the department's own place, a
    character that ends a word (2026年, 的), punctuation or the start of the text."""
    place = next((p for p in parts.places if before.endswith(p)), "")
    if len(place) > 1:
        return True
    if place:  # a level alone (市交通局) is the department's when no other place's name comes before it
        before = before[:-1]
    last = before[-1:]
    if not last or not re.match(r"[\u4e00-\u9fff]", last):
        return True
    return last not in _LEVELS and last in _DATA["word_ends"]


def _grouped(text: str, found: dict[tuple[int, int], set[str]]) -> list[ShortName]:
    """Overlapping spans as one short name, with every department any of them fits."""
    out: list[ShortName] = []
    for (start, end), departments in sorted(found.items()):
        if out and start < out[-1].end:
            last = out.pop()
            start, end = min(start, last.start), max(end, last.end)
            departments = departments | set(last.departments)
        out.append(ShortName(start, end, text[start:end], tuple(sorted(departments))))
    return out


def unknown_name(text: str, departments: Mapping[str, Sequence[str]]) -> str | None:
    """A department's name the text writes that is none of `departments`: a place of theirs, then the words
    of a name ending with a kind of departments.toml ("福州市公安局交警支队", "北京市交通局"); None when none."""
    places = sorted({p for d in departments if (parts := name_parts(d)) for p in parts.places if len(p) >= 2}, key=len)
    kinds = {s for k in _DATA["kind"] for s in k["said"]}
    names = [n for ns in departments.values() for n in ns if len(n) >= 2]
    if short_names(text, departments):  # a known department's name said shorter
        return None
    for place in places:
        for m in re.finditer(re.escape(place), text):
            words = re.match(rf"[^{re.escape(_DATA['word_ends'])}\W\d]{{1,12}}", text[m.end() :])
            said = words.group(0) if words else ""
            ends = [i for i in range(1, len(said) + 1) if said[:i].endswith(tuple(kinds))]
            if ends and not any(place + said[: ends[-1]] in n for n in names):
                return place + said[: ends[-1]]
    return None


def blank_names(text: str, names: Iterable[str]) -> str:
    """The text with each of a department's `names` it spells out blanked (longest first), so that no other name
    is read ending inside one: "公安局治安管理支队委托业务费" holds no "治安管理支队委"."""
    for name in longest_first(n for n in names if len(n) >= 2):
        text = text.replace(name, " " * len(name))
    return text
