"""A 决算 item's 完成全年预算的比例 the document does not print under that name, derived from the same row's
printed 决算数 and 全年预算数 ("全年预算为321.02万元，支出决算为307.82万元" → 307.82 ÷ 321.02 × 100% = 95.89%),
each operand cited, the division shown. Only the two figures of one row of one place (one table, or one
paragraph) are divided: any doubt (several rows, a missing operand, a zero budget) is None, and the caller
refuses as before."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant import calculator as calc
from assistant.draft import Draft, fmt, operand, where
from assistant.knowledge import Knowledge, norm
from assistant.records import Citation, Query
from index.records import DocumentInfo, Fact

BUDGET_VS_ACTUAL = re.compile(r"决算(?:数)?比(?:年初|全年)?预算|预算(?:数)?比决算")  # a difference of the two
ASKED = "完成全年预算的比例"  # the column role this derives
_PATH = re.compile(r"[（(][类款项][）)]")
_ACTUAL, _BUDGET = "决算数", "全年预算数"


def _role(f: Fact) -> str:
    return f.column_role or f.column


def _pair(facts: list[Fact], doc: DocumentInfo) -> tuple[Fact, Fact] | None:
    """(决算数, 全年预算数) of the one row of one place that prints each once; None when no row prints both or
    rows print different figures (which one is not sure)."""
    if doc.kind != "决算":
        return None
    pairs: dict[tuple[str | None, str, str | None], dict[str, set[Fact]]] = {}
    for f in facts:
        if _role(f) in (_ACTUAL, _BUDGET) and f.unit in calc.MONEY:
            place = (f.table, f.row, f.section if f.table is None else None)
            pairs.setdefault(place, {}).setdefault(_role(f), set()).add(f)
    whole = [p for p in pairs.values() if len(p.get(_ACTUAL, ())) == 1 and len(p.get(_BUDGET, ())) == 1]
    values = {(next(iter(p[_ACTUAL])).value, next(iter(p[_BUDGET])).value) for p in whole}
    if len(values) != 1:
        return None
    return next(iter(whole[0][_ACTUAL])), next(iter(whole[0][_BUDGET]))


def gap(kb: Knowledge, query: Query, doc: DocumentInfo, scope: str) -> Draft | None:
    """ "事业单位医疗决算比全年预算少了多少": 全年预算数 − 决算数 of the longest row the question writes out that
    prints both in one place, each operand cited, the subtraction shown; None when no such row."""
    for key in _written(kb, query):
        label = kb.labels[key]
        pair = _pair([f for f in label.facts if f.doc_id == doc.doc_id], doc)
        if pair is None:
            continue
        actual, budget = pair
        c = calc.difference(operand(budget), operand(actual))
        word = "少" if c.value >= 0 else "多"
        text = (
            f"{scope}{label.name}决算比全年预算{word} {fmt(abs(c.value), c.unit)}。\n"
            f"计算：全年预算 {fmt(budget.value, budget.unit)} − 决算 {fmt(actual.value, actual.unit)} = "
            f"{fmt(c.value, c.unit)}\n出处：{where(budget)}；{where(actual)}"
        )
        cites = [Citation(doc_id=doc.doc_id, where=where(f), text=kb.sentence_of(f) or f.row) for f in (budget, actual)]
        return Draft(
            text=text, value=abs(c.value), unit=c.unit, calculations=[c], facts=[budget, actual], citations=cites,
            doc_id=doc.doc_id,
        )  # fmt: skip
    return None


def _written(kb: Knowledge, query: Query) -> list[str]:
    """The labels whose names the question writes out, longest first."""
    asked = norm(query.question)
    return sorted(
        (k for k, label in kb.labels.items() if label.name and norm(label.name) in asked),
        key=lambda k: len(kb.labels[k].name),
        reverse=True,
    )


def derived(
    facts: list[Fact], name: str, scope: str, doc: DocumentInfo, quote: Callable[[Fact], str] | None = None
) -> Draft | None:
    """The rate of the row whose 决算数 and 全年预算数 `facts` (one label's, of `doc`) print once each, each
    operand cited with the text it is printed in (`quote`)."""
    pair = _pair(facts, doc)
    if pair is None or pair[1].value == 0:
        return None
    actual, budget = pair
    c = calc.share(operand(actual), operand(budget))
    text = (
        f"{scope}{name}{ASKED}为 {fmt(c.value, '%')}（按同一行的决算数 ÷ 全年预算数计算）。\n"
        f"计算：{c.expression}\n出处：{where(actual)}；{where(budget)}"
    )
    cites = [Citation(doc_id=doc.doc_id, where=where(f), text=quote(f) if quote else f.row) for f in (actual, budget)]
    return Draft(
        text=text, value=c.value, unit="%", calculations=[c], facts=[actual, budget], citations=cites,
        doc_id=doc.doc_id,
    )  # fmt: skip


def rate(kb: Knowledge, query: Query, doc: DocumentInfo, scope: str) -> Draft | None:
    """The rate of the longest row name the question writes out that prints both figures
    ("一般公共预算财政拨款支出决算完成…" writes the paragraph's row 一般公共预算财政拨款支出)."""
    if _PATH.search(query.question):
        return None  # "社会工作事务（款）行政运行（项）": a row of that path only, which the name alone does not say
    # only a row the question writes out: never the row a path was resolved to ("社会工作事务（款）行政运行")
    for key in _written(kb, query):
        label = kb.labels[key]
        facts = [f for f in label.facts if f.doc_id == doc.doc_id]
        if draft := derived(facts, label.name, scope, doc, kb.sentence_of):
            return draft
    return None
