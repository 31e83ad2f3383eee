"""Tables read by 年度 that print one group of year rows per 预算单位 (a 汇总 document's “三公” table: each unit's
"2025年", "2026年", "增减变化金额" lines, its name printed on one line of the group, a long name wrapped over a
line above the group's first amounts and one below): each row keeps the unit of its group."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from index.normal import form_key
from index.records import Row

_YEAR_LINE = re.compile(r"(?:19|20)\d{2}|增减|变化|上年|本年")  # a line of the group's years, not a name
_ASIDES = ("(本级)", "(汇总)", "(部门)", "(本部)")  # the department's own group, as printed beside its name
_TOTALS = ("合计", "总计")


def _name_only(row: Row) -> bool:
    """A line printing only (part of) a unit's name: no year, no amounts."""
    amounts = any(v is not None for v in row.values.values())
    return bool(row.label) and not amounts and not row.code and not row.texts and not _YEAR_LINE.search(row.label)


def carry_units(rows: list[Row]) -> list[Row]:
    """The rows of a table read by 年度, each with the unit of its group (the name printed on any line of the group,
    joined when wrapped), the lines printing only a name left out. A group is the cycle of year labels the table
    prints ("2025年", "2026年", "增减变化金额"): it ends at its last label, and a label it already holds starts the
    next. A name printed between two groups is the next one's (printed above its first amounts); rows stay as
    they are when no line prints a name."""
    years = [r for r in rows if not _name_only(r)]
    if not any(r.unit for r in rows) and len(years) == len(rows):
        return rows
    cycle: list[str] = []
    for r in years:
        if r.label in cycle:
            break
        cycle.append(r.label)
    groups: list[tuple[list[str], list[Row]]] = []
    pending: list[str] = []
    for r in rows:
        current = groups[-1] if groups else None
        closed = current is None or len(current[1]) >= len(cycle)
        if _name_only(r):
            (pending if closed else current[0]).append(r.label)  # type: ignore[index]
            continue
        if closed or any(x.label == r.label for x in current[1]):  # type: ignore[index]
            groups.append((pending + ([r.unit] if r.unit else []), [r]))
            pending = []
        else:
            current[0].extend([r.unit] if r.unit else [])  # type: ignore[index]
            current[1].append(r)  # type: ignore[index]
    if pending and groups:
        groups[-1][0].extend(pending)  # a wrapped name's last line under the table's last group
    return [replace(r, unit="".join(names)) for names, members in groups for r in members]


def own_unit(rows: Sequence[Row], department: str) -> str | None:
    """The unit whose group is the department's own figures: the only group, the group printed under the
    department's name (with or without （本级）/（汇总）) or 合计/总计, or else a first group whose every figure is
    the sum of the other groups' (a 汇总 document's total first). None: every group is another unit's."""
    units = list(dict.fromkeys(r.unit for r in rows))
    if len(units) <= 1:
        return units[0] if units else None
    own = _bare(department)
    for u in units:
        if not u or _bare(u) == own or form_key(u) in _TOTALS or _bare(u) in (own + "合计", own + "总计"):
            return u
    first, rest = units[0], units[1:]
    sums: dict[tuple[str, str], Decimal] = {}
    for r in rows:
        if r.unit in rest:
            for col, v in r.values.items():
                sums[(r.label, col)] = sums.get((r.label, col), Decimal(0)) + (v or Decimal(0))
    head = [(r.label, col, v) for r in rows if r.unit == first for col, v in r.values.items()]
    if head and all((v or Decimal(0)) == sums.get((label, col), Decimal(0)) for label, col, v in head):
        return first
    return None


def _bare(name: str) -> str:
    key = form_key(name)
    for aside in _ASIDES:
        key = key.removesuffix(aside)
    return key


def groups_of(rows: Sequence[Row]) -> list[list[Row]]:
    """The rows of a table read by 年度, one list per unit's group (one list when no row names a unit)."""
    out: dict[str, list[Row]] = {}
    for r in rows:
        out.setdefault(r.unit, []).append(r)
    return list(out.values())
