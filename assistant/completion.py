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

ASKED = "完成全年预算的比例"  # the column role this derives
_PATH = re.compile(r"[（(][类款项][）)]")
_ACTUAL, _BUDGET = "决算数", "全年预算数"


def _role(f: Fact) -> str:
    return f.column_role or f.column


def derived(
    facts: list[Fact], name: str, scope: str, doc: DocumentInfo, quote: Callable[[Fact], str] | None = None
) -> Draft | None:
    """The rate of the row whose 决算数 and 全年预算数 `facts` (one label's, of `doc`) print once each, each
    operand cited with the text it is printed in (`quote`)."""
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
        return None  # no row prints both, or rows print different figures: which one is not sure
    actual, budget = next(iter(whole[0][_ACTUAL])), next(iter(whole[0][_BUDGET]))
    if budget.value == 0:
        return None
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
    asked = norm(query.question)
    written = sorted(
        (k for k, label in kb.labels.items() if label.name and norm(label.name) in asked),
        key=lambda k: len(kb.labels[k].name),
        reverse=True,
    )  # only a row the question writes out: never the row a path was resolved to ("社会工作事务（款）行政运行")
    for key in written:
        label = kb.labels[key]
        facts = [f for f in label.facts if f.doc_id == doc.doc_id]
        if draft := derived(facts, label.name, scope, doc, kb.sentence_of):
            return draft
    return None
