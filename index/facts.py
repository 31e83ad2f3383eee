"""Every figure of a disclosure as a `Fact`: table cells, performance targets, prose figures."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from index.catalog import catalog, column_role
from index.normal import bare_label, form_key
from index.prose import prose_facts
from index.records import Column, Disclosure, Fact, Indicator, Row, Table
from index.sides import side_head
from index.targets import COMPARATORS as _COMPARATORS
from index.targets import PROJECT_NAME, parse_target, projects_apart
from index.year_groups import own_unit

EMPTY_TABLE = "本表无数据"  # in an empty table's fact source: the answer quotes the note after it
_PLAIN_SIDES = ("收入", "支出")  # sides worth naming in a source; 左栏/右栏 are layout only
_UNIT_COLUMN = "计量单位"  # a target table's column naming each row's unit (座, 个, %, 万元 …)
_PERCENT_HEAD = re.compile(r"[（(]\s*[%％]\s*[)）]$")  # "指标权重(%)": the header gives the column's unit
# a text cell that is one price per unit ("468元/㎡", "46 元/m", "222元/座"): a figure with that rate as its unit
_RATE = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>(?:万元|元)/[^\d\s/]{1,3})")


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
    return [replace(f, doc_kind=d.kind) for f in facts]


def table_facts(d: Disclosure, table: Table, section: str | None = None) -> list[Fact]:
    """One fact per amount cell. Tables with a 年度 column are read across: row = the column.

    A row that names no item (the “三公” table's one row, or the department's own row) is
    read by column: the column's item is the row. An empty table (本表无数据) gives one
    fact, 0, for what it shows none of, citing its note.
    """
    table = projects_apart(table)  # a target table's project amounts: the project's, not its first indicator's
    by_year = any(c.kind == "year" for c in table.columns)
    where = table.ref if table.name else f"{section} · 表格"
    columns = {c.name: c for c in table.columns}
    own = own_unit(table.rows, d.department) if by_year else None
    out = []
    for row in table.rows:
        for column, value in row.values.items():
            if value is None:
                continue
            col = columns.get(column)
            if by_year and row.unit != own and col is not None:  # another unit's group: its row, the year's column
                unit_col = replace(col, name=f"{row.label}·{column}")
                out.append(_fact(d, table, section, where, row, row.unit, unit_col.name, value, unit_col))
                continue
            if by_year:
                label, name = column, row.label
            elif _names_no_item(row, d) and col is not None and (col.item or not row.label):
                label, name = _item_of(col), _measure_of(col, d.kind)
                col = replace(col, role=name)  # read by column: the figure is the item's 预算数 / 决算数
            elif col is not None and (measure := _measure_row(row.label)) and not _is_measure(col.name):
                label, name = _item_of(col), measure  # a row 预算数 / 决算数: the column is the item
                col = replace(col, role=measure)
            else:
                label, name = bare_label(row.label), column
            printed = ""
            if col is not None and not by_year and (own := _cell_unit(table, col, row)) is not None:
                col = replace(col, unit=own)
                printed = _printed_target(table, col, row, value)
            fact = _fact(d, table, section, where, row, label, name, value, None if by_year else col)
            if (project := row.texts.get(PROJECT_NAME)) and project != row.label:  # the indicator's project
                fact = replace(fact, source=fact.source.replace(f"{where} · ", f"{where} · {project} · ", 1))
            out.append(replace(fact, source=f"{fact.source} {printed}") if printed else fact)
        for column, text in row.texts.items():  # 收费标准 "468元/㎡": one rate per cell, each with its own unit
            col = columns.get(column)
            if col is not None and row.label and (rate := _RATE.fullmatch(text.replace(" ", ""))):
                value = Decimal(rate.group("num").replace(",", ""))
                rated = replace(col, unit=rate.group("unit"))
                out.append(_fact(d, table, section, where, row, bare_label(row.label), column, value, rated))
    if not out and table.no_amounts and table.kind:
        out.append(_empty_fact(d, table, section, where))
    return out


def _fact(
    d: Disclosure,
    table: Table,
    section: str | None,
    where: str,
    row: Row,
    label: str,
    column: str,
    value: Decimal,
    col: Column | None,
) -> Fact:
    role = col.role if col else None
    fund = table.fund
    unit = table.unit if col is None or col.unit is None else col.unit
    if col and col.role and (r := column_role(col.role)) and r.fund:
        fund = r.fund  # the 政府性基金预算 column of the 财政拨款 table
    return Fact(
        doc_id=d.doc_id,
        department=d.department,
        year=d.year,
        table=table.name or None,
        section=section,
        row=label,
        code=row.code,
        column=column,
        value=value,
        unit=unit,
        source=_source(where, row, label, column),
        parent=_group_of(table, column) if row.label and any(c.kind == "year" for c in table.columns) else None,
        page=row.page,
        doc_kind=d.kind,
        table_kind=table.kind,
        column_role=role,
        fund=fund,
        code_scheme=(table.code_scheme or None) if row.code else None,
    )


def _cell_unit(table: Table, col: Column, row: Row) -> str | None:
    """The unit a cell's own row or header prints, in place of the table's 单位 (None: the table's).

    "指标权重(%)" is in %; the figure printed just before a 计量单位 column (指标值) is in the unit its row
    prints there ("续建大中型水库 | ≥ | 27 | 座"), and a row printing none there is unitless: a target, never
    money. The table's other amounts (预算金额) keep the table's unit."""
    if _PERCENT_HEAD.search(col.name):
        return "%"
    names = [c.name for c in table.columns]
    at = names.index(_UNIT_COLUMN) if _UNIT_COLUMN in names else -1
    if at > 0 and names[at - 1] == col.name:
        return row.texts.get(_UNIT_COLUMN, "").replace(" ", "").replace("％", "%")
    return None


def _printed_target(table: Table, col: Column, row: Row, value: Decimal) -> str:
    """A target figure as printed with the comparator its row prints in the column before it ("发布重要水情专报 |
    ≥ | 50 | 次数" → "≥50次数"), for its source to say as 表11's "目标值 ≥90%" does; "" when the row prints none
    (a plain "= 100 %" is said as the figure alone)."""
    names = [c.name for c in table.columns]
    at = names.index(col.name)
    before = row.texts.get(names[at - 1], "").strip() if at > 0 else ""
    _, _, cmp = parse_target(f"{before}{value}")
    if cmp == "=" or before not in _COMPARATORS:
        return ""
    return f"{cmp}{value}{col.unit or ''}"


def _names_no_item(row: Row, d: Disclosure) -> bool:
    """A row that is the whole table's: no label, or the department's (or unit's) own name."""
    if not row.label:
        return True
    own = form_key(d.department)
    return form_key(row.label) in (own, own.replace("(本级)", ""))


def _item_of(col: Column) -> str:
    """What a column of a one-row table is about: "公务接待费"; "2024年“三公”经费预算数" → "“三公”经费"; a
    column named only by its measure (预算数 over 合计, the header's 合计 read as its role) is the table's 合计."""
    name = col.item or col.name
    if not col.item and _is_measure(name):
        return "合计"
    name = re.sub(r"^(?:19|20)\d{2}年度?", "", name)
    return re.sub(r"(?:预算数|决算数|预算|决算)$", "", name) or name


def _is_measure(name: str) -> bool:
    """A header that only says which figure (预算数 / 决算数 of catalog.toml), not which item."""
    role = catalog().roles.get(form_key(name))  # as printed: "2025年预算数" names its year, not only a measure
    return bool(role and role.measure)


def _measure_row(label: str) -> str | None:
    """The role of a row labelled only by a measure ("决算数"): its cells are that figure of each column's item."""
    role = catalog().roles.get(form_key(label)) if label else None
    return role.role if role and role.measure else None


def _measure_of(col: Column, doc_kind: str) -> str:
    """The column a one-row table's figure is under: its leaf (预算数/决算数), else the document's measure."""
    if col.item:
        return col.name.split("·")[-1]
    m = re.search(r"(预算数|决算数)$", col.name)
    return m.group(1) if m else f"{doc_kind}数"


def _empty_fact(d: Disclosure, table: Table, section: str | None, where: str) -> Fact:
    """The 0 an empty table stands for ("本表无数据"), cited with its note."""
    kind = next(k for k in catalog().tables if k.kind == table.kind)
    note = next((n for n in reversed(table.notes) if "无" in n or "没有" in n), table.notes[-1] if table.notes else "")
    return Fact(
        doc_id=d.doc_id,
        department=d.department,
        year=d.year,
        table=table.name or None,
        section=section,
        row=kind.subject,
        code=None,
        column=f"{d.kind}数",
        value=Decimal(0),
        unit=table.unit,
        source=f"{where} · {EMPTY_TABLE}：「{note}」" if note else f"{where} · {EMPTY_TABLE}",
        page=None,
        doc_kind=d.kind,
        table_kind=table.kind,
        column_role=f"{d.kind}数",
        fund=table.fund,
    )


def _group_of(table: Table, column: str) -> str | None:
    return next((c.group for c in table.columns if c.name == column and c.group), None)


def _source(where: str, row: Row, label: str, column: str) -> str:
    parts = [where]
    if row.side and side_head(row.side) in _PLAIN_SIDES:
        parts.append(row.side)
    parts.append(f"{row.code} {label}" if row.code else label)
    parts.append(column)
    return " · ".join(parts)


def indicator_facts(d: Disclosure) -> list[Fact]:
    """Numeric performance targets (表11 三级指标 → 目标值) and the weights printed beside them (指标权重)."""
    first = next((t for t in d.tables.values() if d.indicators and t.columns and t.columns[0].name == "任务名称"), None)

    def fact(i: Indicator, column: str, value: Decimal, unit: str, printed: str) -> Fact:
        table = d.tables.get(i.table) or first  # the table it is printed in; read back from a store: the first
        where = " · ".join(p for p in (table.ref if table else "绩效目标表", i.project) if p)
        return Fact(
            doc_id=d.doc_id, department=d.department, year=d.year, table=table.name if table else None,
            section=None, row=i.level3, code=None, column=column, value=value, unit=unit,
            source=f"{where} · {printed}", parent=i.level2 or None, page=i.page,
            table_kind=(table.kind if table else None) or "performance", column_role=column,
        )  # fmt: skip

    weights = [
        fact(i, "指标权重", i.weight, i.weight_unit, f"{i.level3} · 指标权重 {i.weight}{i.weight_unit}")
        for i in d.indicators
        if i.weight is not None
    ]
    targets = [
        fact(
            i,
            "目标值",
            i.value,
            i.unit,
            f"{i.level1}/{i.level2} · {i.level3} · 目标值 {i.target}",  # the target as printed, with its ≥
        )
        for i in d.indicators
        if i.value is not None
    ]
    return weights + targets
