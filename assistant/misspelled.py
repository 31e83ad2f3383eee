"""A department's name written one character off (北京市财攻局, 西安市法改委, 北京市信坊办公室): which loaded
department it is near, and whether it may be read as that department.

A name that differs from a loaded department's name in one character that SOUNDS the same (法/发, 正/政, 坊/访,
居/局: a slip of pinyin input) is that department's name: two departments are never named alike when said
aloud, so the question is read as the loaded one's and its answer names the department it read. A name that
differs in a character sounding otherwise (财攻局 for 财政局, 统计局 for 审计局, 民宗局 for 民政局) may be
another department the store does not hold: it is never read silently; the question is asked back with the
near department as the choice ("您问的是不是“北京市财政局”？").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypinyin import Style, pinyin

from assistant.departments import _SUFFIXES, _place_and_core

_DATA = tomllib.loads(Path(__file__).with_name("misspelled.toml").read_text(encoding="utf-8"))
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Near:
    """Words of a question one character off a loaded department's name."""

    start: int
    end: int
    written: str  # 北京市财攻局
    name: str  # the department's name it is near: 北京市财政局
    department: str  # its full name
    sounds_alike: bool  # the differing character is said like the name's


@cache
def _sounds(char: str) -> frozenset[str]:
    """Every reading of a character, without tones (polyphones have several)."""
    return frozenset(pinyin(char, style=Style.NORMAL, heteronym=True)[0])


def sounds_alike(a: str, b: str) -> bool:
    """Two characters share a reading (法/发 fa, 坊/访 fang); 攻/政 and 统/审 do not."""
    return bool(_sounds(a) & _sounds(b))


def _placed(name: str, department: str) -> int:
    """The name starts with the department's place said by its own name (北京市财政局, 西安发改委, 普陀区社会福利院),
    not a level alone (市财政局, 区福利院) nor no place (社会工作部): a place and a name one character off is a
    department's name, a name alone one character off is often a 科目's words (社会工作事务 / 社会工作部)."""
    city, district, _, _ = _place_and_core(department)
    places = {city, city.removesuffix("市"), district, district[:-1], city + district}
    own = [p for p in places if len(p) >= 2 and p[0] not in _DATA["kept"] and name.startswith(p) and len(name) > len(p)]
    return max(map(len, own), default=0)


def _goes_on(after: str) -> bool:
    """The words right after a near name end a longer name (深圳市科技|创新委员会: not 深圳市科协 one off)."""
    run = re.match(r"[\u4e00-\u9fff]{1,8}", after)
    words = run.group(0) if run else ""
    return any(words[:i].endswith(_SUFFIXES) for i in range(1, len(words) + 1))


def near_names(text: str, departments: Mapping[str, Sequence[str]]) -> list[Near]:
    """Names of `departments` (department → its names) the text writes with exactly one character changed,
    where no department's name is spelled out; the longest near name at each place."""
    names = [(n, d) for d, ns in departments.items() for n in ns if len(n) >= _DATA["shortest"] and _placed(n, d)]
    spelled = [
        (m.start(), m.end()) for n, _ in names for m in re.finditer(re.escape(n), text)
    ]  # fmt: skip
    own_names = {n for ns in departments.values() for n in ns}
    found: list[Near] = []
    for name, department in sorted(names, key=lambda x: -len(x[0])):
        for start in range(len(text) - len(name) + 1):
            end = start + len(name)
            written = text[start:end]
            off = [i for i, (a, b) in enumerate(zip(written, name, strict=True)) if a != b]
            if len(off) != 1 or not _HAN.match(written[off[0]]) or name[off[0]] in _DATA["kept"]:
                continue
            alike = sounds_alike(written[off[0]], name[off[0]])
            if not alike and (off[0] < _placed(name, department) or off[0] == len(name) - 1):
                continue  # 南京市 is another place, 重庆市水利专(项资金) no 水利局: only a slip said alike
            if any(s < end and start < e for s, e in spelled) or _goes_on(text[end:]):
                continue
            placed = _placed(name, department)
            if off[0] >= placed and written[placed:] in own_names:
                continue  # 烟台市财政局: a loaded department's own name (财政局) in another place, no slip
            if any(n.start < end and start < n.end and n.end - n.start > len(name) for n in found):
                continue  # inside a longer near name (市财政局 in 北京市财攻局)
            if any(n.start == start and n.department == department for n in found):
                continue
            found.append(Near(start, end, written, name, department, alike))
    return sorted(found, key=lambda n: n.start)


def read_as(text: str, departments: Mapping[str, Sequence[str]], named: Sequence[str] | None = None) -> str:
    """The text with each near name written as the department's own when it sounds alike and is near one
    department only; dropped when the department's name is said right before it (the reply to "您问的是不是
    …？" put before the question; `named`: by default the departments a name of which the text spells out).
    A name said otherwise near a department named elsewhere stays (烟台民政局和烟台财政局: two departments)."""
    near = near_names(text, departments)
    if named is None:  # named outside the near names ("无锡交通局" holds 交通局 of its own)
        rest = text
        for n in near:
            rest = rest[: n.start] + " " * (n.end - n.start) + rest[n.end :]
        named = [d for d, ns in departments.items() if any(len(n) >= 2 and n in rest for n in ns)]
    for n in sorted(near, key=lambda n: n.start, reverse=True):
        others = {m.department for m in near if m.start < n.end and n.start < m.end}
        if len(others) != 1:
            continue
        said_before = n.department in named and any(
            text[: n.start].endswith(a) for a in departments[n.department] if len(a) >= 2
        )  # "福利院" replied to "您问的是不是…？" before the question asked: the name said once
        if said_before:
            text = text[: n.start] + text[n.end :]
        elif n.sounds_alike:
            text = text[: n.start] + n.name + text[n.end :]
    return text


def asked_back(text: str, departments: Mapping[str, Sequence[str]]) -> tuple[str, tuple[str, ...]] | None:
    """The question to ask back of a near name that is not read as a department (it sounds otherwise, or is
    near several): ("您问的是不是“北京市财政局”？", the departments to choose from); None when there is none."""
    near = near_names(text, departments)
    if not near:
        return None
    choices = tuple(dict.fromkeys(n.department for n in near))
    if len(choices) == 1:
        return f"问题中的“{near[0].written}”不是库中部门的名称，您问的是不是“{choices[0]}”？", choices
    written = "、".join(dict.fromkeys(f"“{n.written}”" for n in near))
    return f"问题中的{written}不是库中部门的名称，您问的是哪个部门", choices
