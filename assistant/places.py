"""Places in a question across departments: the city or district a department belongs to, read from its
full name, and what a place said in a question scopes.

A place said once scopes every department name written after it ("深圳三个部门（财政局、科创局、水务局）":
the three are 深圳's) until another place is said ("上海万里街道和北京市财政局"), and every set phrase
("深圳各部门", "重庆这两个部门", "北京这几个局"): the set is the departments of that place.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from assistant.cues import longest_first
from assistant.departments import CITY_PREFIX
from assistant.numerals import value as numeral_value
from index.normal import form_key

# The endings of a department's name (a named thing ending so, and not covered by a loaded department's
# name, is a department the store does not hold: "区财政局", "深圳市教育局").
ORG_ENDINGS = "委员会|办公室|办公厅|街道|局|委|办|厅|院|中心|部|镇|馆"
# A set of departments: 各部门, 这两个部门, 三个部门, 这几个局, 两个局, 这些单位 (a count, a demonstrative).
# A level word may stand before the generic word ("这几个市级部门"); "所有无锡的部门" says the place inside the set.
SET = re.compile(
    r"(?:各|这|那|所有|全部)?(?:([0-9一二两三四五六七八九十几]+)\s*[个家]|些|几家|各个|各)\s*(?:[市区县省]级)?"
    r"(?:部门|单位|局|委办局|委|办)"
    r"|(?:这|那)(?:些|几个|几家)(?:[市区县省]级)?(?:部门|单位|局)|(?:所有|全部)[\u4e00-\u9fff]{2,6}?的(?:部门|单位)"
)
_GENERIC = re.compile(r"^(?:[各这那哪每本全]|[0-9一二两三四五六七八九十几]+[个家]|几个|这些|那些|所有|其他|其余)")
_SEPARATORS = "、，,和与及跟同（）()"
_LISTED_BEFORE = re.compile(r"\0[、，,和与及跟同]+$")
_LISTED_AFTER = re.compile(r"[、，,和与及跟同]\0")
_ENDING = re.compile(ORG_ENDINGS)


def places_of(department: str) -> tuple[str, ...]:
    """The names of the places a department belongs to, as a question may say them:
    深圳市水务局 → 深圳市, 深圳; 上海市普陀区人民政府万里街道办事处 → 上海市, 上海, 普陀区, 普陀."""
    rest = form_key(department).removeprefix("中共")
    m = CITY_PREFIX.match(rest)
    if not m:
        return ()
    out: list[str] = []
    city, district = m.group("city") or "", m.group("district") or ""
    if city:
        out += [city, city[:-1]] if len(city) >= 3 else [city]
    if len(district) >= 3 and not district.endswith("委"):
        out += [district, district[:-1]]
    return tuple(p for p in out if len(p) >= 2)


@dataclass(frozen=True)
class Said:
    """A place written in the question: where, and the departments of the store in it."""

    start: int
    end: int
    name: str
    departments: frozenset[str]


def said(text: str, departments: Iterable[str]) -> list[Said]:
    """The places a question says (longest first where they overlap), in order."""
    members: dict[str, set[str]] = {}
    for d in departments:
        for p in places_of(d):
            members.setdefault(p, set()).add(d)
    found: list[Said] = []
    taken: set[int] = set()
    for name in longest_first(members):
        for m in re.finditer(re.escape(name), text):
            span = set(range(m.start(), m.end()))
            if span & taken:
                continue
            taken |= span
            found.append(Said(m.start(), m.end(), name, frozenset(members[name])))
    return sorted(found, key=lambda s: s.start)


# A place written right before a set of departments or a "which" ("广州市各部门", "杭州市哪个部门"); 全市/本区 are
# not places. A place so written that no loaded department belongs to is refused, never read as every place.
WRITTEN_PLACE = re.compile(
    r"([\u4e00-\u9fff]{1,4}?(?:省|市|区|县))(?=的?(?:各|这|那|所有|全部|[0-9一二两三四五六七八九十几]+\s*[个家]|哪))"
)


def unknown_place(text: str, places: Sequence[Said]) -> str | None:
    """A place written before a set of departments that no loaded department belongs to ("广州市各部门")."""
    known = {p.name for p in places}
    for m in WRITTEN_PLACE.finditer(text):
        name = re.sub(r"^.*[年月日的在中与和、，,]", "", m.group(1))
        if len(name) < 3 or name[-2] in "全本该各我此每" or name in known or name[:-1] in known:
            continue
        return name
    return None


def _another_place(before: str, department: str) -> bool:
    """Whether the words right before a department's name end with a place (…市/区/县/省) that is not one of
    the department's own ("北京市交通委和广州市" before 交通运输局: 广州市's, not 无锡市's); 本区/全市 are no place."""
    run = re.search(r"[\u4e00-\u9fff]+$", before)
    words = run.group(0) if run else ""
    if len(words) < 2 or words[-1] not in "省市区县" or words[-2] in "全本该各我此每":
        return False
    return not any(words.endswith(p) for p in places_of(department) if p[-1] in "省市区县")


def of_another_place(text: str, alias: str, department: str, departments: Iterable[str]) -> bool:
    """Whether every place `alias` is written, one name begins before it with a place of the loaded departments
    that is not `department`'s own ("西安市儿童福利院": 西安's, never 上海市普陀区社会福利院 called 福利院): the words
    between hold no department's ending, 的 or separator. A place written apart ("上海市静安区财政局和万里街道") or
    none leaves the alias to its department."""
    own = set(places_of(department))
    others = {p for d in departments for p in places_of(d) if len(p) >= 2} - own
    starts = [m.start() for m in re.finditer(re.escape(alias), text)]
    return bool(starts) and all(_place_before(text[max(0, i - 12) : i], others, own) for i in starts)


def _place_before(before: str, others: set[str], own: set[str]) -> bool:
    """The words right before a name begin, within one name, with one of `others` and none of `own`."""
    for cut in range(len(before)):
        head, between = before[cut:], ""
        place = next((p for p in longest_first(others | own) if head.startswith(p)), "")
        if not place:
            continue
        between = head[len(place) :]
        if between and (not re.fullmatch(r"[\u4e00-\u9fff]+", between) or _ENDING.search(between) or "的" in between):
            continue
        return place in others and place not in own
    return False


def governing(places: Sequence[Said], at: int) -> Said | None:
    """The place that scopes a name written at `at`: the last place said at or before it."""
    return next((p for p in reversed(places) if p.start <= at), None)


def scoped(text: str, named: Mapping[str, str], places: Sequence[Said]) -> dict[str, str]:
    """The named departments (department → name as written) that the places said allow. A name written
    right after a place ("西安市财政局", "深圳财政局") is that place's; a name written later in the question
    is the place's when the place holds one of the departments it may mean ("深圳三个部门（财政局、…）": 深圳市
    财政局, not 北京市财政局), and otherwise what it names ("上海市静安区财政局和万里街道": 万里街道)."""
    if not places:
        return dict(named)
    by_alias: dict[str, set[str]] = {}
    for department, alias in named.items():
        by_alias.setdefault(alias, set()).add(department)
    out = {}
    for department, alias in named.items():
        for m in re.finditer(re.escape(alias), text):
            level = alias[0] if alias[0] in "省市区县" else ""  # "市交通运输局" written after 广州: 广州市's
            if _another_place(text[: m.start()] + level, department):
                continue  # "广州市交通运输局": another place's 交通运输局, never 无锡市交通运输局
            p = governing(places, m.start())
            if p is None or department in p.departments:
                out[department] = alias
                break
            attached = p.end >= m.start()  # the place is written as part of this very name
            if not attached and not by_alias[alias] & p.departments:
                out[department] = alias
                break
    return out


def set_said(text: str) -> tuple[bool, int | None]:
    """Whether the question speaks of a set of departments, and the count it gives ("这两个部门" → 2)."""
    m = SET.search(text)
    if not m:
        return False, None
    count = m.group(1)
    if not count or count == "几":
        return True, None
    return True, int(count) if count.isdigit() else int(numeral_value(count) or 0)


def unloaded(
    text: str, named: Mapping[str, str], places: Sequence[Said] = (), subject_at: Callable[[str], bool] | None = None
) -> list[str]:
    """Department names written in a list with loaded ones ("万里街道、社会福利院和区财政局") that no loaded
    department answers to: each is a department the store does not hold. A name written with its place may run
    on into the subject asked ("…和无锡市财政局三公经费合计"), when `subject_at` says the rest begins with one."""
    if not named:
        return []
    masked = text
    for alias in longest_first(set(named.values())):
        masked = masked.replace(alias, "\0" * len(alias))
    for word in joined_by():  # "科创局再加上深圳市公安局": one more name of the list
        masked = masked.replace(word, "、")
    masked = re.sub(r"(?:19|20)\d{2}\s*年度?(?=、)", "", masked)  # "，2026年加上上海市…局": the year is no name
    names = longest_first({p.name for p in places})
    out = []
    for piece in re.finditer(rf"[^{_SEPARATORS}\0\s]+", masked):
        item = re.sub(r"^(?:(?:19|20)\d{2}\s*年度?)", "", piece.group(0))
        for m in _ENDING.finditer(item):
            name, rest = item[: m.end()], item[m.end() :]
            placed = any(name.startswith(p) for p in names) and subject_at is not None and subject_at(rest)
            if rest and not rest.startswith("的") and re.match(r"[\u4e00-\u9fff]", rest) and not placed:
                continue  # "财政局长", "办公费": not a name ending there
            bare = next((name[len(p) :] for p in names if name.startswith(p)), name)
            listed = _LISTED_BEFORE.search(masked[: piece.start()]) or (
                not rest and _LISTED_AFTER.match(masked[piece.end() :])
            )  # in a list with a loaded department: "万里街道、社会福利院和区财政局"
            if len(bare) >= 2 and not _GENERIC.search(bare) and bare not in ("部门", "单位") and listed:
                out.append(name)
            break
    return out


@cache
def joined_by() -> tuple[str, ...]:
    """Words that join one more department to a list (assistant/places.toml)."""
    data = tomllib.loads(files("assistant").joinpath("places.toml").read_text(encoding="utf-8"))
    return tuple(longest_first(data["joined_by"]))


def by_full_name(name: str, departments: Iterable[str]) -> str | None:
    """The one loaded department whose full name, without its bracketed part, is the name written
    ("西安市财政局" → 西安市财政局（汇总）)."""
    found = [d for d in departments if re.sub(r"\(.*?\)$", "", form_key(d)) == form_key(name)]
    return found[0] if len(found) == 1 else None
