"""Two figures a question quotes against each other ("收入比上年增加129.07万元，可一般公共预算拨款支出又说增加
166.68万元，哪个对？"): when the department's documents print both, the answer shows each where it is printed and says
that the disclosure itself does not say which holds — never one of them picked as the right one. The words that ask
which is right are data (assistant/contradiction.toml)."""

from __future__ import annotations

import re
import time
import tomllib
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from assistant.draft import fmt, where
from assistant.figures import ascii_text, find_figures
from assistant.knowledge import grams, norm
from assistant.records import Answer
from index.records import Fact
from index.units import MONEY

if TYPE_CHECKING:
    from assistant.turn import Turn


@cache
def which_right_words() -> tuple[str, ...]:
    """assistant/contradiction.toml `which_right`."""
    data = tomllib.loads(files("assistant").joinpath("contradiction.toml").read_text(encoding="utf-8"))
    return tuple(data["which_right"])


def asks_which_right(question: str) -> bool:
    return any(w in question for w in which_right_words())


def _same(value: Decimal, unit: str, f: Fact) -> bool:
    """`f` prints the quoted figure: the same unit and value, or the same money to the quoted precision (696.48万元
    of a table's 6,964,796 元)."""
    if f.unit == unit:
        return f.value == value
    if unit not in MONEY or f.unit not in MONEY:
        return False
    step = Decimal(1).scaleb(int(value.as_tuple().exponent))  # the quoted figure's last digit
    return abs(f.value * MONEY[f.unit] - value * MONEY[unit]) * 2 <= step * MONEY[unit] and f.value != 0


def _closest(question: str, hits: list[Fact]) -> Fact:
    """The printing of a figure whose words share most with the question (the text's sentence before a table row)."""
    asked = set(grams(norm(question)))
    return max(hits, key=lambda f: (len(asked & set(grams(norm(f.source)))), f.table is None))


def _said(f: Fact) -> str:
    """A printed figure with the row and column it is printed under: "收入（比2025年增减）为 129.07 万元"."""
    if m := re.fullmatch(r"(比\d{4}年)(增减|增长率)", f.column):  # a change: said as the text says it
        verb = (
            ("增加" if m.group(2) == "增减" else "增长")
            if f.value >= 0
            else ("减少" if m.group(2) == "增减" else "下降")
        )
        return f"{f.row}{m.group(1)}{verb} {fmt(abs(f.value), f.unit)}"
    column = "" if f.column in ("金额", "数量") else f"（{f.column}）"
    return f"{f.row}{column}为 {fmt(f.value, f.unit)}"


def both_printed(t: Turn, question: str, doc_ids: Sequence[str], start: float) -> Answer | None:
    """Each figure the question quotes with where the department's documents `doc_ids` print it, when it asks which
    is right and every figure is printed; None otherwise (a figure not printed is the premise check's)."""
    if not asks_which_right(question):
        return None
    docs = [d for d in doc_ids if d in t.kb.docs]
    if not docs or len({t.kb.docs[d].department for d in docs}) != 1:
        return None
    quoted = list(
        dict.fromkeys((f.value, f.unit) for f in find_figures(ascii_text(question)) if f.unit in (*MONEY, "%"))
    )
    if len(quoted) < 2:
        return None
    turn = t.turn(docs)
    facts = [f for d in docs for f in turn.kb.facts_by_doc.get(d, [])]
    shown: list[Fact] = []
    for value, unit in quoted:
        hits = [f for f in facts if _same(value, unit, f)]
        if not hits:
            return None
        shown.append(_closest(question, hits))
    lines = "\n".join(f"- {_said(f)}（{where(f)}）" for f in shown)
    text = (
        f"问题中的这些数字都印在{t.kb.docs[shown[0].doc_id].department}的公开文件中：\n{lines}\n"
        "公开文件没有说明以哪一个为准，我无法判断哪一个正确；它们出自不同的句子或表格，所指的口径可能不同，请以部门的正式说明为准。"
    )
    figures = turn.verifier.check(text, docs, [])
    if any(f.verdict == "mismatch" for f in figures):
        return None
    return Answer(
        question=question, text=text, refused=False, figures=figures, facts=shown,
        citations=[t.cite(f) for f in shown], timings={"total_ms": (time.perf_counter() - start) * 1000},
    )  # fmt: skip
