"""A later part of a question asking what the first part's sentence goes on to print ("编报绩效目标的项目有几个？
涉及多少钱？" of "编报绩效目标的项目5个，涉及项目预算资金3328.13万元"; "接待了几次、多少人？" of "发生国内接待1次，接待
人数共13人"): the figure of the unit the part asks printed next in that very sentence, after the first part's own
figure — never a figure of another sentence, nor a change, nor one of another unit. The part names no item of its
own (only ask words: "涉及多少资金", "多少人"); the words are data (assistant/compound.toml)."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant import calculator as calc
from assistant.draft import cited, fmt, where
from assistant.records import Answer, Citation, Figure
from index.records import Fact

FactsOf = Callable[[str], list[Fact]]  # a document's facts, in print order
Fits = Callable[[Fact, Fact], bool]  # a fact printed next is what the part asks, after the first part's fact

_WINDOW = re.compile(r"「(.+?)」")
_TAIL = 4  # characters of the first figure's window (its number and unit) the next window must hold
_STOPS = "。；;"  # a sentence ends: what follows is another account


def window(f: Fact) -> str:
    """The printed words a prose fact quotes ("…编报绩效目标的项目5个"); "" for a table's figure."""
    found = _WINDOW.search(f.source)
    return "" if f.table or not found else found.group(1)


def _follows(before: str, after: str) -> int:
    """Where in `after` the text `before` ends, when `after` goes on from it with no sentence ended; -1 else."""
    for k in range(len(before), _TAIL - 1, -1):
        at = after.find(before[-k:])
        if at >= 0:
            rest = after[at + k :]
            return at + k if rest and not any(s in rest for s in _STOPS) else -1
    return -1


def next_in_sentence(first: Answer, fits: Fits, facts_of: FactsOf) -> Fact | None:
    """The first fact printed after `first`'s one prose figure in the same sentence that `fits`, or None when
    `first` answered no one prose figure or the sentence prints none that fits."""
    if first.refused or first.value is None:
        return None
    own = [f for f in first.facts if f.value == first.value and f.unit == first.unit and window(f)]
    if len(own) != 1:
        return None
    facts = facts_of(own[0].doc_id)
    at = next((i for i, f in enumerate(facts) if f == own[0]), -1)
    if at < 0:
        return None
    last = window(own[0])
    for f in facts[at + 1 : at + 6]:
        text = window(f)
        if not text or f.section != own[0].section or _follows(last, text) < 0:
            return None  # another sentence (or a table) begins
        if fits(f, own[0]):
            return f
        last = text
    return None


def _level(f: Fact) -> bool:
    return not f.column.startswith("比")  # "比2025年增减": a change, never a level asked


def money_fits(f: Fact, first: Fact) -> bool:
    return f.unit in calc.MONEY and _level(f)


def count_fits(unit: str) -> Fits:
    return lambda f, first: f.unit == unit and _level(f)


def rate_fits(f: Fact, first: Fact) -> bool:
    """The rate of the first part's change: its row, the rate column of its year ("比2025年增减" → "比2025年增长率")."""
    return (
        first.column.endswith("增减")
        and f.unit == "%"
        and (f.row, f.column) == (first.row, f"{first.column[:-2]}增长率")
    )


def answered_next(part: str, first: Answer, fits: Fits, facts_of: FactsOf) -> Answer | None:
    """`part` answered by the figure its first part's sentence prints next (`next_in_sentence`), quoted."""
    f = next_in_sentence(first, fits, facts_of)
    if f is None:
        return None
    said = fmt(f.value, f.unit)
    name = f.row + ("" if f.column in ("金额", "数量") else f"（{f.column}）")
    quote = re.split(f"[{_STOPS}]", window(f))[-1].strip()  # the window from its sentence's start
    text = f"{part}：{name}为 {said}（同一句原文：“{quote}”）。\n出处：{where(f)}"
    figure = Figure(text=said, value=f.value, unit=f.unit, verdict="verified", source=cited(f))
    citation = Citation(doc_id=f.doc_id, where=where(f), text=window(f))
    return Answer(question=part, text=text, refused=False, value=f.value, unit=f.unit, figures=[figure],
                  citations=[citation], facts=[f])  # fmt: skip
