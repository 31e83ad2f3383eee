"""Items every template prints inside another (assistant/parts.toml `[[within]]`): 公务接待费 is in the “三公”经费,
公务用车运行维护费 in 公务用车购置及运行维护费, whatever the table or sentence each is read from. Two such items are
never added, and a question naming the whole of a part ("三公经费中因公出国多少") is answered by the part's figure."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files

from assistant.knowledge import norm


@cache
def entries() -> tuple[dict[str, list[str]], ...]:
    """The `[[within]]` entries of parts.toml."""
    data = tomllib.loads(files("assistant").joinpath("parts.toml").read_text(encoding="utf-8"))
    return tuple(data["within"])


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
    data = tomllib.loads(files("assistant").joinpath("parts.toml").read_text(encoding="utf-8"))
    return [whole for whole, parts in data["implied_by"].items() if norm(name) in {norm(n) for n in parts}]
