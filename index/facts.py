"""Every figure of a disclosure as a `Fact`: table cells, performance targets, prose figures."""

from __future__ import annotations

from index.prose import prose_facts
from index.records import Disclosure, Fact, Row, Table
from index.tables import bare_label


def extract_facts(d: Disclosure) -> list[Fact]:
    """All facts of a parsed disclosure, tables first, then the prose."""
    facts: list[Fact] = []
    for table in d.tables.values():
        facts.extend(table_facts(d, table))
    for section in d.sections:
        for table in section.tables:
            facts.extend(table_facts(d, table, section=section.heading))
    facts.extend(indicator_facts(d))
    facts.extend(prose_facts(d.sections, doc_id=d.doc_id, department=d.department, year=d.year))
    return facts


def table_facts(d: Disclosure, table: Table, section: str | None = None) -> list[Fact]:
    """One fact per amount cell. Tables with a 年度 column are read across: row = the column."""
    by_year = any(c.kind == "year" for c in table.columns)
    where = table.ref if table.name else f"{section} · 表格"
    out = []
    for row in table.rows:
        for column, value in row.values.items():
            if value is None:
                continue
            label, col = (column, row.label) if by_year else (bare_label(row.label), column)
            out.append(
                Fact(
                    doc_id=d.doc_id,
                    department=d.department,
                    year=d.year,
                    table=table.name or None,
                    section=section,
                    row=label,
                    code=row.code,
                    column=col,
                    value=value,
                    unit=table.unit,
                    source=_source(where, row, label, col),
                    parent=_group_of(table, column) if by_year else None,
                    page=row.page,
                )
            )
    return out


def _group_of(table: Table, column: str) -> str | None:
    return next((c.group for c in table.columns if c.name == column and c.group), None)


def _source(where: str, row: Row, label: str, column: str) -> str:
    parts = [where]
    if row.side:
        parts.append(row.side)
    parts.append(f"{row.code} {label}" if row.code else label)
    parts.append(column)
    return " · ".join(parts)


def indicator_facts(d: Disclosure) -> list[Fact]:
    """Numeric performance targets (表11 三级指标 → 目标值)."""
    table = next((t for t in d.tables.values() if d.indicators and t.columns and t.columns[0].name == "任务名称"), None)
    where = table.ref if table else "绩效目标表"
    name = table.name if table else None
    return [
        Fact(
            doc_id=d.doc_id,
            department=d.department,
            year=d.year,
            table=name,
            section=None,
            row=i.level3,
            code=None,
            column="目标值",
            value=i.value,
            unit=i.unit,
            source=f"{where} · {i.level1}/{i.level2} · {i.level3} · 目标值 {i.comparator if i.comparator != '=' else ''}{i.target}",
            parent=i.level2 or None,
            page=i.page,
        )
        for i in d.indicators
        if i.value is not None
    ]
