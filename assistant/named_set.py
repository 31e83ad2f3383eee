"""The departments a question names as a counted set.

- A count and one short name: "三个民政局" (every loaded department answering to 民政局), "北京、西安、深圳三个市财政局"
  (those of the places listed right before the count). The count must be the number of such departments; a place
  listed that holds none is refused by name.
- A count and a generic word with the names listed: "上海普陀那三家单位（社会福利院、社工部、万里街道）",
  "北京这四个部门（财政局、交通委、民政局、信访办）": the departments named, as many as the count says.

A count that does not match is refused (the departments found are listed), never read as some of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.numerals import value as numeral_value
from assistant.places import ORG_ENDINGS, Said, said

COUNTED = re.compile(
    rf"([0-9]+|[一二两三四五六七八九十]+)\s*[个家]\s*(?P<name>[\u4e00-\u9fff]{{0,10}}?(?:部门|单位|{ORG_ENDINGS}))"
)
GENERIC = ("部门", "单位", "局", "委", "办", "委办局")  # a count of these says how many, not which
_JOINED = "、，,和与及跟同"  # between places listed together
_BEFORE_COUNT = re.compile(r"(?:这|那|的|共|一共|等)+$")


def _listed(text: str, places: Sequence[Said], at: int) -> tuple[list[Said], list[str]]:
    """The places listed together right before `at` ("北京、西安、深圳三个…"), and the words listed with them that
    are no loaded department's place ("北京、广州两个…": 广州)."""
    head = _BEFORE_COUNT.sub("", text[:at])
    items = re.split(rf"[{_JOINED}]", head)
    found: list[Said] = []
    unknown: list[str] = []
    end = len(head)
    for i in range(len(items) - 1, -1, -1):
        item, start = items[i], end - len(items[i])
        first = i == 0 or (not found and not unknown)
        known = [p for p in places if p.end == end and (p.start == start or (first and p.start > start))]
        if known:
            found.insert(0, known[-1])
        elif len(items) > 1 and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", item):
            unknown.insert(0, item)  # listed with places, but no loaded department's place
        else:
            break
        if known and known[-1].start > start:
            break  # "2026年北京": the list begins here
        end = start - 1
    return found, unknown if found else []


def named_set(
    text: str, held: Sequence[str], aliases: Mapping[str, Sequence[str]], named: Mapping[str, str]
) -> tuple[str, ...] | str | None:
    """The departments (full names) the counted set of the question names; a refusal (str) when the count does
    not match or a place listed holds no such department; None when the question counts no set."""
    m = COUNTED.search(text)
    if not m:
        return None
    count = int(m.group(1)) if m.group(1).isdigit() else int(numeral_value(m.group(1)) or 0)
    name = m.group("name")
    if name in GENERIC or not count:
        departments = tuple(named)
        if len(departments) < 2:
            return None
        if len(departments) != count:
            return (
                f"问题说{count}个{name}，但问题写出的部门有 {len(departments)} 个（{'、'.join(departments)}），"
                "请写出要问的部门名称"
            )
        return departments
    having = [d for d in held if name in aliases.get(d, ())]
    if not having:
        return None  # "两个都是全部…": no department's name, no set of departments
    listed, unknown = _listed(text, said(text, held), m.start())
    if unknown:
        return f"库中没有{'、'.join(unknown)}的{name}的公开文件（库中的{name}有：{'、'.join(having) or '无'}）"
    for p in listed:
        if not any(d in p.departments for d in having):
            return f"库中没有{p.name}的{name}的公开文件（库中的{name}有：{'、'.join(having) or '无'}）"
    if listed:
        having = [d for d in having if any(d in p.departments for p in listed)]
    if len(having) != count:
        where = "、".join(p.name for p in listed)
        return (
            f"问题说{where}{count}个{name}，但库中{where}的{name}有 {len(having)} 个"
            f"（{'、'.join(having) or '无'}），请写出要问的部门名称"
        )
    return tuple(having)
