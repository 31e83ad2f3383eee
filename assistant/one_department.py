"""One department's two documents, across documents: the change between two years of the same kind of
document (the same place in both), and the execution of one year (决算 against 预算, and the 决算's own 预算数
when it prints one). Used by `Overview.answer` (assistant/overview.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant import calculator as calc
from assistant.compare import AskBack, Composed, Part, Reading, Scope, figure
from assistant.draft import Unanswerable, fmt
from assistant.over_years import KINDS
from assistant.records import Across
from assistant.subjects import Subject
from index.query import PROSE
from index.records import DocumentInfo

if TYPE_CHECKING:
    from assistant.overview import Overview

OWN_BUDGET = ("全年预算数", "预算数", "调整预算数", "年初预算数")


def change(ov: Overview, a: Across, s: Subject, docs: Sequence[DocumentInfo]) -> Composed:
    """One department, the same kind of document of two years: the same place in both."""
    name = a.departments[0]
    own = [d for d in docs if d.department == name]
    later = a.year or max((d.year for d in own), default=0)
    earlier = a.earlier or later - 1
    kinds = [a.kind] if a.kind else [k for k in KINDS if {later, earlier} <= {d.year for d in own if d.kind == k}]
    if len(kinds) > 1:
        raise AskBack(f"库中{name} {earlier} 年和 {later} 年的预算和决算都有，请问要比较哪一种", KINDS)
    pair = [next((d for d in own if d.year == y and d.kind in kinds), None) for y in (later, earlier)]
    if not kinds or pair[0] is None or pair[1] is None:
        raise Unanswerable(
            f"库中没有{name} {earlier} 年和 {later} 年的同类公开文件（{'或'.join(kinds) or '预算或决算'}）"
        )
    readings, unit = ov.cmp.in_unit(ov.cmp.read(s, [pair[0], pair[1]]))
    now, before = readings
    for r in readings:
        if r.value is None:
            raise Unanswerable(f"{r.doc.year}年{r.doc.kind}中没有“{s.name}”")
    c = calc.growth_rate(now.operand, before.operand) if a.growth else calc.difference(now.operand, before.operand)
    word = ("增长" if c.value >= 0 else "下降") if a.growth else ("增加" if c.value >= 0 else "减少")
    kind = now.doc.kind
    parts = [
        figure(f"{name}{s.name}：{later}年{kind} {fmt(now.value, unit)}", now),  # type: ignore[arg-type]
        figure(f"，{earlier}年{kind} {fmt(before.value, unit)}", before),  # type: ignore[arg-type]
        Part(text=f"；{later}年比{earlier}年{word} {fmt(abs(c.value), c.unit)}。\n计算：{c.expression}\n", doc_ids=(),
             calculations=(c,), derived=c),  # the calculation behind the derived figure, shown
    ]  # fmt: skip
    covered = f"覆盖库中{name} {earlier} 年和 {later} 年的{kind}（两份文件中同一表格、同一栏目）"
    scope = Scope(docs=[now.doc, before.doc], year=later, kind=kind, covered=covered)
    value = abs(c.value) if a.magnitude else c.value
    composed = ov.finish(a, s, scope, parts, [now, before], [], value=value, unit=c.unit, shown=2, ranked=False)
    composed.metric = f"{s.name}（{kind}，{earlier}–{later}年）"
    return composed


def execution(ov: Overview, a: Across, s: Subject, docs: Sequence[DocumentInfo]) -> Composed:
    name = a.departments[0]
    own = [d for d in docs if d.department == name]
    both = sorted({d.year for d in own if d.kind == "决算"} & {d.year for d in own if d.kind == "预算"})
    year = a.year or (both[-1] if both else None)
    if year not in both:
        raise Unanswerable(f"库中没有{name} {year or ''} 年的预算和决算两份文件，无法比较")
    pair = [next(d for d in own if d.year == year and d.kind == k) for k in KINDS]
    readings, unit = ov.cmp.in_unit(ov.cmp.read(s, pair))
    actual, budget = readings
    if actual.value is None or budget.value is None:
        lacking = actual if actual.value is None else budget
        raise Unanswerable(f"{year}年{lacking.doc.kind}中没有“{s.name}”")
    d = calc.difference(actual.operand, budget.operand)
    rate = calc.share(actual.operand, budget.operand)
    more = "多" if d.value >= 0 else "少"
    parts = [
        figure(f"{name}{year}年{s.name}：决算 {fmt(actual.value, unit)}", actual),
        figure(f"，预算 {fmt(budget.value, unit)}", budget),
        Part(text=f"；决算比预算{more} {fmt(abs(d.value), unit)}", doc_ids=(), calculations=(d,), derived=d),
        Part(text=f"，执行率（决算 ÷ 预算）为 {fmt(rate.value, '%')}。\n", doc_ids=(), calculations=(rate,), derived=rate),
    ]  # fmt: skip
    value, value_unit = (rate.value, "%") if a.rate else (d.value, unit)
    printed = own_budget(ov, s, actual)  # the 决算's own 预算数 column ("三公" tables print both)
    if printed is not None and printed.value:
        completion = calc.share(actual.operand, printed.operand)
        parts[-1] = replace(parts[-1], text=parts[-1].text.replace("。\n", "；"))
        parts += [
            figure(f"决算表本身列出的预算数为 {fmt(printed.value, printed.unit)}", printed),
            Part(text=f"，按它计算的完成率为 {fmt(completion.value, '%')}（决算文件采用的口径）。\n", doc_ids=(),
                 calculations=(completion,), derived=completion),
        ]  # fmt: skip
        if a.rate:
            value = completion.value
    covered = f"覆盖库中{name} {year} 年的决算和预算两份文件"
    scope = Scope(docs=pair, year=year, kind="决算", covered=covered)
    composed = ov.finish(a, s, scope, parts, [actual, budget], [], value=value, unit=value_unit, shown=2, ranked=False)
    composed.metric = f"{s.name}（决算与预算）"
    return composed


def own_budget(ov: Overview, s: Subject, actual: Reading) -> Reading | None:
    """The budget a 决算 prints beside its own figure for the subject (its 预算数 column), if any."""
    places = tuple(
        replace(p, roles=OWN_BUDGET) for p in s.places if not p.roles and PROSE not in p.tables
    )  # a 决算's own text: its 决算
    if not places or s.code or s.row:
        return None
    reading = ov.cmp.read(replace(s, places=places), [actual.doc])[0]
    return reading if reading.value is not None and reading.unit == actual.unit else None
