"""The measures of one document's figure against another year: the year before (`prior`), the change
(`change`) and the growth rate (`growth`), each read from the change the document prints, or from two of the
department's documents holding the same place (table kind, 科目编码, column role) of two years.

Each is a function of the question's turn, its `Query` and the document answered from; the registry that
maps a measure to its function is `assistant.composers.MEASURES`."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant import calculator as calc
from assistant import premise
from assistant.calculator import Operand
from assistant.cues import last_year_said
from assistant.draft import Draft, Unanswerable, fmt, operand, sources, where
from assistant.measures import base_of, of_column, on_base, on_year_before
from assistant.records import Query
from assistant.years import column_year
from index.records import DocumentInfo, Fact

if TYPE_CHECKING:
    from assistant.turn import Turn

YEAR_IN_QUESTION = re.compile(r"((?:19|20)\d{2})\s*年")
LAST_YEAR_IN_QUESTION = re.compile(last_year_said())


def scope_of(doc: DocumentInfo) -> str:
    """How an answer names the document's department and year: "2024年某某局"."""
    return f"{doc.year}年{doc.department}"


def prior(e: Turn, query: Query, doc: DocumentInfo) -> Draft:
    key = query.subjects[0]
    year = doc.year - 1 if query.last_year or not query.year else query.year
    direct = [  # a table's column of that year: "2025年", "2025年预算数", "上年" (years.column_year)
        f for f in e.pick.facts(key, doc) if f.column == f"{year}年" or (f.table and column_year(f) == year != doc.year)
    ]
    if query.table:  # "2026年预算的“三公”表里2025年…": that table's column, never another place's figure
        direct = [f for f in direct if f.table == query.table]
        if not direct:
            raise Unanswerable(f"{query.table}没有“{e.pick.name(key)}”{year}年的数额")
    if direct:
        f = e.pick.rank(direct, query)[0]
        text = f"{year}年{doc.department}{e.pick.name(key)}为 {fmt(f.value, f.unit)}。\n出处：{where(f)}"
        return Draft(text=text, value=f.value, unit=f.unit, facts=[f])
    other, changes = e.pick.with_kind(key, doc, f"比{year}年增减")
    changes = on_year_before(changes)  # never a change stated against the same year's budget
    if not changes:
        raise Unanswerable(f"文件没有给出“{e.pick.name(key)}”{year}年的数额，也没有给出比{year}年的增减")
    key = other  # name the item whose printed change is used ("部门预算支出" for 支出总计)
    current = e.pick.amount(other, query, doc)
    change = changes[0]
    c = calc.prior_year(operand(current), operand(change))
    text = (
        f"{year}年{doc.department}{e.pick.name(key)}为 {fmt(c.value, c.unit)}（由{doc.year}年数额和增减推算）。\n"
        f"计算：{doc.year}年 {fmt(current.value, current.unit)} − 比{year}年增减 {fmt(change.value, change.unit)} = {fmt(c.value, c.unit)}\n"
        f"出处：{sources(current, change)}"
    )
    return Draft(text=text, value=c.value, unit=c.unit, calculations=[c], facts=[current, change])


def _across_years(e: Turn, query: Query, doc: DocumentInfo) -> tuple[DocumentInfo, Fact, DocumentInfo, Fact] | None:
    """(this year's document and fact, the earlier year's document and fact) when the question compares
    two years of which the store holds both disclosures of the department (same kind, 预算 or 决算).

    The earlier figure is the same place in the other document: same table kind, 科目编码 (or row),
    column role and unit scheme — never a look-alike row of another table.
    """
    years = sorted({int(y) for y in YEAR_IN_QUESTION.findall(query.question)})
    own = [d for d in e.kb.docs.values() if d.department == doc.department and d.kind == doc.kind]
    by_year = {d.year: d for d in own}
    if len(years) == 2:
        later, earlier = by_year.get(years[1]), by_year.get(years[0])
    elif LAST_YEAR_IN_QUESTION.search(query.question) or len(years) == 1:
        later = by_year.get(years[0]) if years else doc
        earlier = by_year.get(later.year - 1) if later else None
    else:
        return None
    if later is None or earlier is None:
        return None
    key = query.subjects[0]
    now = e.pick.amount(key, replace(query, year=later.year), later)
    if not now.table_kind or not now.column_role:
        return None
    same = [
        f
        for f in e.pick.facts(key, earlier)
        if f.table_kind == now.table_kind and f.column_role == now.column_role and f.code == now.code
        and (now.code or f.row == now.row)
    ]  # fmt: skip
    if len(same) != 1:
        return None
    return later, now, earlier, same[0]


def _change_across(e: Turn, query: Query, doc: DocumentInfo, growth: bool) -> Draft | None:
    found = _across_years(e, query, doc)
    if found is None:
        return None
    later, now, earlier, before = found
    name = e.pick.name(query.subjects[0])
    if growth:
        c = calc.growth_rate(operand(now), operand(before))
        word = "增长" if c.value >= 0 else "下降"
        decline = bool(re.search(r"降幅|下降|减少|跌", query.question)) and not premise.either_way(query.question)
        value = abs(c.value) if decline or query.magnitude else c.value
        shown = fmt(abs(c.value), "%")
    else:
        c = calc.difference(operand(now), operand(before))
        word = "增加" if c.value >= 0 else "减少"
        value = abs(c.value) if query.magnitude else c.value
        shown = fmt(abs(c.value), c.unit)
    text = (
        f"{later.year}年{later.department}{name}比{earlier.year}年{word} {shown}"
        f"（两份{later.kind}公开文件中同一表格、同一栏目的数字）。\n"
        f"计算：{later.year}年 {fmt(now.value, now.unit)}，{earlier.year}年 {fmt(before.value, before.unit)}；{c.expression}\n"
        f"出处：{later.title}：{where(now)}；{earlier.title}：{where(before)}"
    )
    return Draft(text=text, value=value, unit=c.unit, calculations=[c], facts=[now, before])  # both documents


def _printed_years(e: Turn, query: Query, doc: DocumentInfo) -> None:
    """A printed change compares the document's year with the one before: the question must ask that."""
    asked = {int(y) for y in YEAR_IN_QUESTION.findall(query.question)}
    if asked - {doc.year, doc.year - 1}:
        years = "、".join(f"{y}年" for y in sorted(asked))
        raise Unanswerable(f"{doc.title}只给出{doc.year}年与{doc.year - 1}年的比较，没有{years}之间的比较")


def change(e: Turn, query: Query, doc: DocumentInfo) -> Draft:
    if across := _change_across(e, query, doc, growth=False):
        return across
    _printed_years(e, query, doc)
    key = query.subjects[0]
    year = doc.year - 1
    key, changes = e.pick.with_kind(key, doc, f"比{year}年增减")  # the item whose printed change is used
    changes = of_column(on_base(changes, query.question), query.column)  # 比年初预算 asked: that change
    if not changes:
        key = query.subjects[0]
        changes = of_column([f for f in e.pick.facts(key, doc) if f.column == "增减变化金额"], query.column)
    if not changes:
        raise Unanswerable(f"文件没有给出“{e.pick.name(key)}”与{year}年相比的增减")
    f = changes[0]
    word = "增加" if f.value > 0 else ("减少" if f.value < 0 else "增加")
    base = base_of(f, year)
    flat = f"（与{'上年' if base == f'{year}年' else base}持平）" if f.value == 0 else ""
    value = abs(f.value) if query.magnitude else f.value
    text = f"{scope_of(doc)}{e.pick.name(key)}比{base}{word} {fmt(abs(f.value), f.unit)}{flat}。\n出处：{where(f)}"
    return Draft(text=text, value=value, unit=f.unit, facts=[f])


def growth(e: Turn, query: Query, doc: DocumentInfo) -> Draft:
    if across := _change_across(e, query, doc, growth=True):
        return across
    _printed_years(e, query, doc)
    key = query.subjects[0]
    year = doc.year - 1
    other, rates = e.pick.with_kind(key, doc, f"比{year}年增长率")
    rates = of_column(on_year_before(rates), query.column)  # never a change stated against the same year's budget
    decline = bool(re.search(r"降幅|下降|减少|跌", query.question)) and not premise.either_way(query.question)
    if rates and not query.precise:
        f = rates[0]
        word = "增长" if f.value >= 0 else "下降"
        value = abs(f.value) if decline or query.magnitude else f.value
        text = f"{scope_of(doc)}{e.pick.name(other)}比{year}年{word} {fmt(abs(f.value), '%')}。\n出处：{where(f)}"
        return Draft(text=text, value=value, unit="%", facts=[f])
    other, changes = e.pick.with_kind(key, doc, f"比{year}年增减")
    changes = of_column(on_year_before(changes), query.column)  # never one against the same year's budget
    if not changes:
        raise Unanswerable(f"文件没有给出“{e.pick.name(key)}”与{year}年相比的增减，无法计算增长率")
    key = other
    current, change = e.pick.amount(other, query, doc), changes[0]
    prior = calc.prior_year(operand(current), operand(change))
    c = calc.growth_rate(
        operand(current), Operand(value=prior.value, unit=prior.unit, label=f"{year}年数", source=prior.expression)
    )
    word = "增长" if c.value >= 0 else "下降"
    value = abs(c.value) if decline or query.magnitude else c.value
    u = current.unit
    text = (
        f"{scope_of(doc)}{e.pick.name(key)}比{year}年{word} {fmt(abs(c.value), '%')}（按公开数额计算，保留两位小数）。\n"
        f"计算：{year}年数 = {fmt(current.value, u)} − ({fmt(change.value, u)}) = {fmt(prior.value, u)}；"
        f"增长率 = ({fmt(current.value, u)} − {fmt(prior.value, u)}) ÷ {fmt(prior.value, u)} × 100% = {fmt(c.value, '%')}\n"
        f"出处：{sources(current, change)}"
    )
    return Draft(text=text, value=value, unit="%", calculations=[prior, c], facts=[current, change])
