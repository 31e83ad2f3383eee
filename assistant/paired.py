"""Per-department figures made of two documents, to rank, filter or average across departments:
each department's 预算执行率 (its 决算 and its 预算 of one year) or its change between two years
(the same kind of document, the same place in both)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant import calculator as calc
from assistant.calculator import CalculationError
from assistant.compare import AskBack, Comparer, Reading
from assistant.draft import Unanswerable, fmt
from assistant.records import Across
from assistant.subjects import Subject
from index.records import DocumentInfo

KINDS = ("决算", "预算")


def by_department(docs: Sequence[DocumentInfo], year: int, kind: str) -> dict[str, DocumentInfo]:
    out: dict[str, DocumentInfo] = {}
    for d in docs:
        if d.year == year and d.kind == kind:
            out.setdefault(d.department, d)
    return out


def execution(cmp: Comparer, a: Across, s: Subject, docs: Sequence[DocumentInfo]) -> tuple[list[Reading], Subject, str]:
    """Each department's 决算 ÷ 预算 of one year (readings in %), the metric's subject and the coverage."""
    both = sorted({d.year for d in docs if d.kind == "决算"} & {d.year for d in docs if d.kind == "预算"})
    year = a.year or (both[-1] if both else None)
    if year is None or year not in both:
        raise Unanswerable(f"库中没有同一年既有预算又有决算的部门{f'（{year}年）' if year else ''}，无法计算执行率")
    actual, budget = by_department(docs, year, "决算"), by_department(docs, year, "预算")
    read = {r.doc.doc_id: r for r in cmp.read(s, [*actual.values(), *budget.values()])}  # one query for all
    out: list[Reading] = []
    for name in sorted(set(actual) | set(budget)):
        if name not in actual or name not in budget:
            lone = actual.get(name) or budget[name]
            out.append(Reading(doc=lone, facts=(), note=f"库中只有该部门 {year} 年的{lone.kind}"))
            continue
        pair, unit = cmp.in_unit([read[actual[name].doc_id], read[budget[name].doc_id]])
        done, planned = pair
        if done.value is None or planned.value is None or planned.value == 0:
            lacking = done if done.value is None else planned
            out.append(Reading(doc=done.doc, facts=(), note=f"{lacking.doc.kind}中没有“{s.name}”或为零"))
            continue
        c = calc.share(done.operand, planned.operand)
        words = f"决算 {fmt(done.value, unit)}，预算 {fmt(planned.value, unit)}，执行率 {fmt(c.value, '%')}"
        checks = tuple(r.calc for r in pair if r.calc)
        out.append(Reading(doc=done.doc, facts=done.facts + planned.facts, value=c.value, unit="%", calc=c,
                           words=words, checks=checks))  # fmt: skip
    n = sum(r.value is not None for r in out)
    covered = f"覆盖库中 {year} 年既有决算又有预算的 {n} 个部门（执行率 = 决算 ÷ 预算 × 100%）"
    return out, replace(s, name=f"{s.name}执行率"), covered


def change(cmp: Comparer, a: Across, s: Subject, docs: Sequence[DocumentInfo]) -> tuple[list[Reading], Subject, str]:
    """Each department's change (or growth rate) between two years of the same kind of document."""
    later = a.year or max((d.year for d in docs), default=0)
    earlier = a.earlier or later - 1
    kinds = (
        [a.kind] if a.kind else [k for k in KINDS if by_department(docs, later, k) and by_department(docs, earlier, k)]
    )
    if not kinds:
        raise Unanswerable(f"库中没有 {earlier} 年和 {later} 年的同类公开文件")
    if len(kinds) > 1:
        raise AskBack(f"库中 {earlier} 年和 {later} 年的预算和决算都有，请问要比较哪一种", KINDS)
    kind = kinds[0]
    now, before = by_department(docs, later, kind), by_department(docs, earlier, kind)
    read = {r.doc.doc_id: r for r in cmp.read(s, [*now.values(), *before.values()])}  # one query for all
    out: list[Reading] = []
    for name in sorted(now):
        if name not in before:
            out.append(Reading(doc=now[name], facts=(), note=f"库中没有该部门 {earlier} 年的{kind}"))
            continue
        pair, unit = cmp.in_unit([read[now[name].doc_id], read[before[name].doc_id]], None if a.growth else "万元")
        n, b = pair
        if n.value is None or b.value is None:
            out.append(Reading(doc=n.doc, facts=(), note=f"文件中没有“{s.name}”"))
            continue
        try:
            c = calc.growth_rate(n.operand, b.operand) if a.growth else calc.difference(n.operand, b.operand)
        except CalculationError:
            out.append(Reading(doc=n.doc, facts=(), note=f"{earlier}年为零，无法计算增长率"))
            continue
        word = "增长" if c.value >= 0 else "下降"
        shown = (
            f"{word} {fmt(abs(c.value), c.unit)}"
            if a.growth
            else f"{'增加' if c.value >= 0 else '减少'} {fmt(abs(c.value), c.unit)}"
        )
        words = f"{later}年 {fmt(n.value, unit)}，{earlier}年 {fmt(b.value, unit)}，{shown}"
        checks = tuple(r.calc for r in pair if r.calc)
        out.append(Reading(doc=n.doc, facts=n.facts + b.facts, value=c.value, unit=c.unit, calc=c, words=words,
                           checks=checks))  # fmt: skip
    n_ok = sum(r.value is not None for r in out)
    covered = f"覆盖库中 {earlier} 年和 {later} 年都有{kind}的 {n_ok} 个部门（同一表格、同一栏目）"
    metric = f"{s.name}{'增长率' if a.growth else '增减额'}（{later}年比{earlier}年）"
    return out, replace(s, name=metric), covered
