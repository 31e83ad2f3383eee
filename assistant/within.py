"""Items every template prints inside another (assistant/parts.toml `[[within]]`): 公务接待费 is in the “三公”经费,
公务用车运行维护费 in 公务用车购置及运行维护费, whatever the table or sentence each is read from. Two such items are
never added, and a question naming the whole of a part ("三公经费中因公出国多少") is answered by the part's figure."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.knowledge import norm
from index.records import Fact


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(files("assistant").joinpath("parts.toml").read_text(encoding="utf-8"))


@cache
def entries() -> tuple[dict[str, list[str]], ...]:
    """The `[[within]]` entries of parts.toml."""
    return tuple(_data()["within"])


def wholes_of(part: str) -> list[str]:
    """The words of the wholes an item named `part` is printed inside ("公务接待费" → ["三公"])."""
    p = norm(part)
    return [
        w
        for entry in entries()
        if any(x in p for x in entry["part"]) and not any(x in p for x in entry["whole"])
        for w in entry["whole"]
    ]


def named_within(part: str, whole: str) -> bool:
    """Whether an item named `part` is one every template prints inside the item named `whole`."""
    w = norm(whole)
    return any(x in w for x in wholes_of(part))


def implied_wholes(name: str) -> list[str]:
    """The column wholes every template defines the item `name` inside ("人员经费" → ["基本支出"]; parts.toml
    `implied_by`, names matched whole: "警务辅助人员经费" is a project, none of the 基本支出)."""
    return [whole for whole, parts in _data()["implied_by"].items() if norm(name) in {norm(n) for n in parts}]


def coded_under(whole: str, f: Fact) -> bool:
    """Whether `f` is a 基本支出 table's row of a 经济分类 code every template prints inside the part `whole` of
    基本支出 (30211 差旅费 inside 公用经费; parts.toml `coded_under`)."""
    prefixes = tuple(_data()["coded_under"].get(whole, ()))
    basic = f.table_kind in _data()["part_table_kinds"] and f.code_scheme == "经济分类"
    return bool(prefixes and f.code and basic and f.code.startswith(prefixes))


def coded_wholes(f: Fact) -> list[str]:
    """The parts of 基本支出 whose codes hold `f`'s (公用经费 for 30211 of a 基本支出表; parts.toml `coded_under`)."""
    return [w for w in _data()["coded_under"] if coded_under(w, f)]
