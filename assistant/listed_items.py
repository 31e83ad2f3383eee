"""A sentence that introduces a list ("…二级预算单位包括：") quoted with the items printed after it.

Disclosures often print a list as a lead-in sentence ending in a colon followed by numbered lines
("1.烟台市审计局", "2.烟台市审计服务中心", "（一）…"). Quoting the lead-in alone answers nothing; the quote is the
lead-in and the numbered lines that directly follow it in the same passage, as printed. The item markers are
data (assistant/listed_items.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def _spec() -> dict[str, Any]:
    return tomllib.loads(files("assistant").joinpath("listed_items.toml").read_text(encoding="utf-8"))


def with_items(text: str, passages: Sequence[str]) -> str:
    """`text`, a quoted sentence, with the list items printed right after it when it ends in a colon (the
    first passage holding it as the end of a line); `text` unchanged when it opens no list or none follows."""
    spec = _spec()
    if not text.rstrip().endswith(tuple(spec["colons"])):
        return text
    for passage in passages:
        lines = passage.split("\n")
        for i, line in enumerate(lines):
            if line.rstrip().endswith(text.strip()) and (items := items_after(lines, i)):
                return "\n".join([text, *items])
    return text


def is_item(line: str) -> bool:
    """The line is a list item ("1.烟台市审计局", "（一）…")."""
    return bool(re.match(_spec()["item"], line))


def without_marker(line: str) -> str:
    """An item's text without its number ("1.烟台市审计局" → "烟台市审计局")."""
    m = re.match(_spec()["item"], line)
    return (line[m.end() - 1 :] if m else line).strip()


def items_after(lines: Sequence[str], i: int) -> list[str]:
    """The numbered lines right after line `i`, of one numbering (a heading of another numbering ends them)."""
    item = re.compile(_spec()["item"])
    items: list[str] = []
    for following in lines[i + 1 : i + 1 + int(_spec()["most"])]:
        m = item.match(following)
        if not m or (items and _shape(m.group(0)) != _shape(item.match(items[0]).group(0))):  # type: ignore[union-attr]
            break  # no item, or a heading of another numbering after the list ("三、人员情况" after "2.")
        items.append(following.strip())
    return items


def _shape(marker: str) -> str:
    """A list marker's numbering style: "1." and "12." are "0.", "（一）" and "（三）" are "（一）"."""
    return re.sub(r"[一二三四五六七八九十]+", "一", re.sub(r"\d+", "0", re.sub(r"\s", "", marker)[:-1]))
