"""A later part of a question asking what the first part's sentence goes on to print ("编报绩效目标的项目有几个？
涉及多少钱？" of "编报绩效目标的项目5个，涉及项目预算资金3328.13万元"; "接待了几次、多少人？" of "发生国内接待1次，接待
人数共13人"): the figure of the unit the part asks printed next in that very sentence, after the first part's own
figure — never a figure of another sentence, nor a change, nor one of another unit. The part names no item of its
own (only ask words: "涉及多少资金", "多少人"); the words are data (assistant/compound.toml)."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant import calculator as calc
from assistant.draft import cited, fmt, operand, where
from assistant.records import Answer, Citation, Figure
from index.records import Fact

FactsOf = Callable[[str], list[Fact]]  # a document's facts, in print order
Fits = Callable[[Fact, Fact], bool]  # a fact printed next is what the part asks, after the first part's fact
SentenceOf = Callable[[Fact], str]  # a prose fact's whole sentence (its window is only a part of it)

_WINDOW = re.compile(r"「(.+?)」")
_TAIL = 4  # characters of the first figure's window (its number and unit) the next window must hold
_STOPS = "。；;"  # a sentence ends: what follows is another account
_SHARED = 4  # characters two rows share when they name one thing ("绩效自评")


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


def next_in_sentence(
    first: Answer, fits: Fits, facts_of: FactsOf, sentence_of: SentenceOf | None = None
) -> Fact | None:
    """The first fact printed after `first`'s one prose figure in the same sentence that `fits`, or None when
    `first` answered no one prose figure or the sentence prints none that fits."""
    if first.refused or first.value is None:
        return None
    own = [f for f in first.facts if f.value == first.value and f.unit == first.unit and window(f)]
    if len(own) != 1:
        return None
    facts = facts_of(own[0].doc_id)
    starts = [own[0], *(f for f in facts if f != own[0] and _same_figure(f, own[0]))]
    return next((found for start in starts if (found := _after(start, facts, fits, sentence_of))), None)


def _same_figure(f: Fact, own: Fact) -> bool:
    """`f` prints the figure `own` prints, of the same thing, in another sentence of its section ("开展了部门整体支出
    及7个项目绩效自评" and "组织对7个一般公共预算项目支出开展绩效自评"): the same value and unit, rows ending in the
    same `_SHARED` characters (a name's head: "绩效自评", never "项目绩效" of 项目绩效目标管理)."""
    if (f.value, f.unit, f.section, f.doc_id) != (own.value, own.unit, own.section, own.doc_id) or not window(f):
        return False
    return len(own.row) >= _SHARED and f.row.endswith(own.row[-_SHARED:])


def _after(own: Fact, facts: list[Fact], fits: Fits, sentence_of: SentenceOf | None = None) -> Fact | None:
    """The first fact printed after `own` in its sentence that `fits`: each window going on from the one before
    it, or (with `sentence_of`) found after it in `own`'s whole sentence."""
    at = next((i for i, f in enumerate(facts) if f == own), -1)
    if at < 0:
        return None
    last = window(own)
    sentence = _plain(sentence_of(own)) if sentence_of else ""
    start = sentence.find(_clause(last)) if sentence else -1
    for f in facts[at + 1 : at + 6]:
        text = window(f)
        if not text or f.section != own.section:
            return None  # a table begins
        here = sentence.find(_clause(text), start + 1) if start >= 0 else -1
        within = here > start and not any(s in sentence[start:here] for s in _STOPS)
        if _follows(last, text) < 0 and not within:
            return None  # another sentence begins
        if fits(f, own):
            return f
        last = text
    return None


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _clause(text: str) -> str:
    """A window's words after its last sentence stop, without spaces (as found in a whole sentence)."""
    return _plain(re.split(f"[{_STOPS}]", text)[-1])


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


def answered_next(
    part: str, first: Answer, fits: Fits, facts_of: FactsOf, sentence_of: SentenceOf | None = None
) -> Answer | None:
    """`part` answered by the figure its first part's sentence prints next (`next_in_sentence`), quoted."""
    f = next_in_sentence(first, fits, facts_of, sentence_of)
    if f is None:
        return None
    said = fmt(f.value, f.unit)
    name = f.row + ("" if f.column in ("金额", "数量") else f"（{f.column}）")
    quote = re.split(f"[{_STOPS}]", window(f))[-1].strip()  # the window from its sentence's start
    whole = sentence_of(f).rstrip("。") if sentence_of else ""
    text = f"{part}：{name}为 {said}（同一句原文：“{whole if quote in whole else quote}”）。\n出处：{where(f)}"
    figure = Figure(text=said, value=f.value, unit=f.unit, verdict="verified", source=cited(f))
    citation = Citation(doc_id=f.doc_id, where=where(f), text=window(f))
    return Answer(question=part, text=text, refused=False, value=f.value, unit=f.unit, figures=[figure],
                  citations=[citation], facts=[f])  # fmt: skip


def budget_fits(f: Fact, first: Fact) -> bool:
    """The budget the first part's figure is set against, printed next in its sentence ("决算为0.16万元，完成预算
    0万元的0%"): an amount whose clause says 预算 and compares nothing (never "比年初预算增加5万元")."""
    clause = re.split("[，,]", window(f))[-1]
    return money_fits(f, first) and "预算" in clause and "比" not in clause


def completion(part: str, first: Answer, facts_of: FactsOf, sentence_of: SentenceOf | None = None) -> Answer | None:
    """A part asking what share of its budget the first part's figure completes ("完成预算的百分之几？"): the budget
    its sentence prints next, and the share computed (a budget of 0 said so, no share made up); None when the
    sentence prints no budget."""
    budget = next_in_sentence(first, budget_fits, facts_of, sentence_of)
    own = next((f for f in first.facts if f.value == first.value and window(f)), None)
    if budget is None or own is None:
        return None
    said = fmt(budget.value, budget.unit)
    quote = re.split(f"[{_STOPS}]", window(budget))[-1].strip()
    figures = [Figure(text=said, value=budget.value, unit=budget.unit, verdict="verified", source=cited(budget))]
    if budget.value == 0:
        text = f"{part}：同一句写明预算为 {said}，预算为零，算不出完成比例（原文：“{quote}”）。"
        value, unit = budget.value, budget.unit
    else:
        done = calc.share(operand(own), operand(budget))
        figures.append(Figure(text=fmt(done.value, "%"), value=done.value, unit="%", verdict="derived",
                              source=f"{cited(own)}；{cited(budget)}", expression=done.expression))  # fmt: skip
        text = f"{part}：预算为 {said}，完成 {fmt(done.value, '%')}（{done.expression}；原文：“{quote}”）。"
        value, unit = done.value, "%"
    citation = Citation(doc_id=budget.doc_id, where=where(budget), text=window(budget))
    return Answer(question=part, text=f"{text}\n出处：{where(budget)}", refused=False, value=value, unit=unit,
                  figures=figures, citations=[citation], facts=[budget])  # fmt: skip
