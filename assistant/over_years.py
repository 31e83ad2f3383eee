"""One department's figure summed over several years ("万里街道2023年和2024年的“三公”经费加起来", "2023年至2025年
三公合计"): the same subject at the same place of each year's document of one kind, each year's line traced,
the sum by the calculator. A year not loaded, or a year whose document lacks the item, is refused by name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant import calculator as calc
from assistant.compare import AskBack, Composed, Part, Reading, Scope, figure
from assistant.draft import Unanswerable, fmt
from assistant.records import Across
from assistant.single_fill import fill
from assistant.subjects import Subject
from index.records import DocumentInfo

if TYPE_CHECKING:
    from assistant.overview import Overview

KINDS = ("决算", "预算")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# "2023年至2025年", "2023-2025年", "2024和2025两年": the first year may be written without 年
SPAN = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年?\s*(至|到|-|—|~|～|和|与|及|、)\s*((?:19|20)\d{2})(?!\d)\s*(?:年|[两三23]年)"
)
RANGE = ("至", "到", "-", "—", "~", "～")


def years_in(text: str) -> list[int]:
    """Every year a question names, a range written with 至/到/- read as each year in it."""
    years = {int(y) for y in YEAR.findall(text)}
    for first, sep, last in SPAN.findall(text):
        a, b = int(first), int(last)
        years |= set(range(a, b + 1)) if sep in RANGE and 0 < b - a <= 10 else {a, b}
    return sorted(years)


def joined_years(text: str) -> list[int]:
    """The years a question asks as one set — written together ("2023年和2024年", "2023年至2025年", "2024和2025
    两年"); two years apart ("2026年预算的“三公”表里2025年预算数合计": a document and its column) are not a set."""
    years: set[int] = set()
    for first, sep, last in SPAN.findall(text):
        a, b = int(first), int(last)
        years |= set(range(a, b + 1)) if sep in RANGE and 0 < b - a <= 10 else {a, b}
    return sorted(years)


def total(ov: Overview, a: Across, s: Subject, docs: Sequence[DocumentInfo]) -> Composed:
    """The department's subject in each year asked, summed."""
    name = a.departments[0]
    own = [d for d in docs if d.department == name]
    span = "、".join(f"{y}年" for y in a.years)
    kinds = (
        [a.kind]
        if a.kind
        else [k for k in KINDS if all(any(d.year == y and d.kind == k for d in own) for y in a.years)]
    )
    if len(kinds) > 1:
        raise AskBack(f"库中{name}{span}的预算和决算都有，请问要{'列出' if a.each else '合计'}哪一种", KINDS)
    kind = kinds[0] if kinds else ""
    chosen = [next((d for d in own if d.year == y and d.kind == kind), None) for y in a.years] if kind else []
    pair = [d for d in chosen if d is not None]
    if not kind or len(pair) < len(a.years):
        lacking = [y for y in a.years if not any(d.year == y and (not kind or d.kind == kind) for d in own)]
        held = "、".join(f"{d.year}年{d.kind}" for d in sorted(own, key=lambda d: d.year))
        what = "、".join(f"{y}年" for y in lacking) if lacking else span
        raise Unanswerable(f"库中没有{name}{what}的{kind or '同类公开文件'}（库中有{held or '无'}），无法合计")
    readings = fill(ov.cmp.read(s, pair), s, ov.single)
    if lacking_item := [r for r in readings if r.value is None]:
        years = "、".join(f"{r.doc.year}年" for r in lacking_item)
        raise Unanswerable(f"{name}{years}的{kind}中没有“{s.name}”，无法合计")
    readings, unit = ov.cmp.in_unit(readings)
    if a.each:
        return _each(ov, a, s, readings, unit, pair, kind)
    c = calc.total(*(r.operand for r in readings))
    parts = [
        Part(text=f"{name}{span}{kind}的{s.name}合计 {fmt(c.value, unit)}。\n", doc_ids=(), calculations=(c,),
             derived=c),
        Part(text="各年度：\n", doc_ids=()),
    ]  # fmt: skip
    parts += _lines(readings, s, kind, unit)
    covered = f"覆盖库中{name} {span}的{kind}（{len(pair)} 份文件中同一表格、同一栏目）"
    scope = Scope(docs=pair, year=max(a.years), kind=kind, covered=covered)
    composed = ov.finish(a, s, scope, parts, readings, [], value=c.value, unit=unit, shown=len(readings), ranked=False)
    composed.metric = f"{s.name}（{kind}，{span}合计）"
    return composed


def _lines(readings: Sequence[Reading], s: Subject, kind: str, unit: str) -> list[Part]:
    """One line a year, each traced to its own document."""
    return [
        figure(f"- {r.doc.year}年{kind}：{s.name} {fmt(r.value, unit)}{f'（{r.note}）' if r.note else ''}\n", r)  # type: ignore[arg-type]
        for r in readings
    ]


def _each(
    ov: Overview, a: Across, s: Subject, readings: Sequence[Reading], unit: str, pair: list[DocumentInfo], kind: str
) -> Composed:
    """The department's subject in each year asked, one line a year ("分别是多少"), nothing summed."""
    name = a.departments[0]
    span = "、".join(f"{y}年" for y in a.years)
    parts = [Part(text=f"{name}{span}{kind}的{s.name}分别为：\n", doc_ids=()), *_lines(readings, s, kind, unit)]
    covered = f"覆盖库中{name} {span}的{kind}（{len(pair)} 份文件中同一表格、同一栏目）"
    scope = Scope(docs=pair, year=max(a.years), kind=kind, covered=covered)
    composed = ov.finish(
        a, s, scope, parts, list(readings), [], value=None, unit=unit, shown=len(readings), ranked=False
    )
    composed.metric = f"{s.name}（{kind}，{span}分别）"
    return composed
