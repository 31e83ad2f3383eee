"""A performance target said as printed, and a figure a question states for it checked.

A target table prints its comparator beside the figure ("发布重要水情专报 | ≥ | 50 | 次数", 表11's "目标值 ≥90%");
index/facts.py keeps it at the end of the fact's source ("· 指标值 ≥50次数"), and an answer says it with the
figure ("为 ≥50 次数"), never the bare 50 as if the target were exactly that. A question that states a figure for
the target ("满意度目标是不是80%？") is answered 不是 when the printed target is another figure, with the printed one.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.draft import fmt
from index.numbers import ascii_digits
from index.records import Fact

TARGET_COLUMNS = ("目标值", "指标值")  # the column a target table prints its target figure in
# a text's figure printed with its bound: index/prose.py's column "数量（以上）", "金额（不少于）"
_BOUNDED = re.compile(r"[（(](?:不少于|不低于|不超过|不高于|及以上|以上|以下|以内)[)）]$")
_PRINTED = re.compile(r"(?:目标值|指标值)\s*(?P<cmp>≥|≤|>|<)\s*\d")  # the source's printed target
# a figure a question states as its own claim about the target: "是不是80%", "是80%吗", "为90%对吗"
_STATED = re.compile(
    r"(?:是不是|是否是|是否为|是|为|达到)\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|[^\d\s，,。？?吗呢吧]{1,3}?)"
    r"\s*(?=吗|么|嘛|呢|吧|对吗|对不对|[？?。，,！!]|$)"
)


def comparator(f: Fact) -> str:
    """The comparator printed with a target fact ("≥" of "指标值 ≥50次数"), or "" (none printed, or no target)."""
    if f.column not in TARGET_COLUMNS:
        return ""
    m = _PRINTED.search(f.source.rsplit(" · ", 1)[-1])
    return m.group("cmp") if m else ""


def target_said(f: Fact) -> str:
    """A target fact's figure as printed, with its comparator: "≥50 次数", "≥90%", "不少于 10.4 亿元"; a plain figure
    otherwise."""
    if bounded := _BOUNDED.search(f.column):  # the text's "不少于 10.4 亿元", "13 万人以上": the bound as printed
        bound = bounded.group(0)[1:-1]
        return f"{bound} {fmt(f.value, f.unit)}" if bound.startswith("不") else f"{fmt(f.value, f.unit)}{bound}"
    return f"{comparator(f)}{fmt(f.value, f.unit)}"


def stated_figure(question: str, unit: str) -> Decimal | None:
    """The figure a question states in `unit` as its claim ("满意度目标是不是80%？" → 80), or None."""
    for m in _STATED.finditer(ascii_digits(question).replace("％", "%")):
        if m.group("unit") == unit or (unit and unit.startswith(m.group("unit"))):
            try:
                return Decimal(m.group("num"))
            except InvalidOperation:
                return None
    return None


def target_denied(question: str, facts: Sequence[Fact], value: Decimal | None, unit: str | None) -> str:
    """The answer's opening "不是。" when the question states a figure for the target answered (its one target fact)
    that the printed target is not; "" when it states none, or the one printed."""
    targets = [f for f in facts if f.column in TARGET_COLUMNS]
    if value is None or not unit or len({(f.value, f.unit) for f in targets}) != 1 or targets[0].value != value:
        return ""
    stated = stated_figure(question, unit)
    if stated is None or stated == value:
        return ""
    return "不是。"


@cache
def cues() -> dict[str, Any]:
    """assistant/target_said.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("target_said.toml").read_text(encoding="utf-8"))


def target_unasked(question: str, facts: Sequence[Fact]) -> str:
    """Why 绩效 targets do not answer a question asking what is held ("有多少辆车" is never "租赁办公车辆数 ≥1"), or
    "": the answer reads no target, the question asks none of `held` or also a target (`asks_target`), or it names
    the project the target is printed under."""
    targets = [f for f in facts if f.column in TARGET_COLUMNS]
    if not targets or len(targets) < len(facts) or not any(w in question for w in cues()["held"]):
        return ""
    if any(w in question for w in cues()["asks_target"]):
        return ""
    projects = {parts[1] for f in targets if len(parts := f.source.split(" · ")) > 2}
    if any(p and p in question for p in projects):
        return ""
    shown = "；".join(f"“{f.row}”目标值 {target_said(f)}" for f in targets[:2])
    return f"问题问的是现有的数量，找到的只是绩效目标（{shown}），目标不是现有数，没有用它充当答案"


def without_target_words(phrase: str) -> str:
    """The phrase without the words that ask a target ("争取中省投资的总目标是多少" → "争取中省投资的是多少")."""
    for word in sorted(cues()["target_nouns"], key=len, reverse=True):
        phrase = phrase.replace(word, " ")
    return phrase


def printed_as_target(facts: Sequence[Fact], targets: int) -> bool:
    """Whether an item is printed as a target: a 绩效 indicator (`targets` of it), a target table's figure, or a
    text's figure with its bound ("总额不少于 10.4 亿元")."""
    return targets > 0 or any(f.column in TARGET_COLUMNS or _BOUNDED.search(f.column) for f in facts)
