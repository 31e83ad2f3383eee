"""Every figure of a disclosure as a `Fact`: table cells, performance targets, prose figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from index.catalog import catalog, column_role
from index.normal import bare_label, form_key
from index.prose import prose_facts
from index.provenance import EMPTY_TABLE as EMPTY_TABLE  # where the answer engine reads it from
from index.provenance import render, row_paths, shown
from index.records import Column, Disclosure, Fact, Indicator, Provenance, Row, Table
from index.sides import side_head
from index.targets import COMPARATORS as _COMPARATORS
from index.targets import PROJECT_NAME, parse_target, projects_apart
from index.year_groups import own_unit

_PLAIN_SIDES = ("收入", "支出")  # sides worth naming in a source; 左栏/右栏 are layout only
_UNIT_COLUMN = "计量单位"  # a target table's column naming each row's unit (座, 个, %, 万元 …)
_PERCENT_HEAD = re.compile(r"[（(]\s*[%％]\s*[)）]$")  # "指标权重(%)": the header gives the column's unit
# a text cell that is one price per unit ("468元/㎡", "46 元/m", "222元/座"): a figure with that rate as its unit
_RATE = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>(?:万元|元)/[^\d\s/]{1,3})")


def extract_facts(d: Disclosure, document: str = "") -> list[Fact]:
    """All facts of a parsed disclosure, tables first, then the prose; `document` names the file in their
    provenance."""
    facts: list[Fact] = []
    for table in d.tables.values():
        facts.extend(table_facts(d, table))
    for section in d.sections:
        for table in section.tables:
            facts.extend(table_facts(d, table, section=section.heading))
    facts.extend(indicator_facts(d))
    facts.extend(prose_facts(d.sections, doc_id=d.doc_id, department=d.department, year=d.year))
    return [replace(f, doc_kind=d.kind, provenance=replace(f.provenance, document=document)) for f in facts]


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
    for row, path in zip(table.rows, row_paths(table.rows), strict=True):
        above = path[:-1]  # the rows its 科目编码 is under (类 > 款)
        for column, value in row.values.items():
            if value is None:
                continue
            col = columns.get(column)
            if by_year and row.unit != own and col is not None:  # another unit's group: its row, the year's column
                unit_col = replace(col, name=f"{row.label}·{column}")
                at = Place(where, (shown(row.code, row.unit),), (row.label, *_path(col)))
                out.append(_fact(d, table, section, at, row, row.unit, unit_col.name, value, unit_col))
                continue
            if by_year:  # read across: the column is the item (under its header), the row its year
                label, name = column, row.label
                at = Place(where, (*(_path(col)[:-1] if col else ()), shown(row.code, label)), (row.label,))
            elif _names_no_item(row, d) and col is not None and (col.item or not row.label):
                label, name = _item_of(col), _measure_of(col, d.kind)
                col = replace(col, role=name)  # read by column: the figure is the item's 预算数 / 决算数
                at = Place(where, (shown(row.code, label),), _path(col))
            elif col is not None and (measure := _measure_row(row.label)) and not _is_measure(col.name):
                label, name = _item_of(col), measure  # a row 预算数 / 决算数: the column is the item
                col = replace(col, role=measure)
                at = Place(where, (shown(row.code, label),), (*_path(col), measure))
            else:
                label, name = bare_label(row.label), column
                at = Place(where, (*above, shown(row.code, label)), _path(col) if col else (column,))
            printed = ""
            if col is not None and not by_year and (own := _cell_unit(table, col, row)) is not None:
                col = replace(col, unit=own)
                printed = _printed_target(table, col, row, value)
            project = row.texts.get(PROJECT_NAME)  # a target form's indicator: the project it is printed under
            if project and project != row.label:
                at = replace(at, rows=(project, *at.rows))
            else:
                project = None
            fact = _fact(d, table, section, at, row, label, name, value, None if by_year else col, printed, project)
            out.append(fact)
        for column, text in row.texts.items():  # 收费标准 "468元/㎡": one rate per cell, each with its own unit
            col = columns.get(column)
            if col is not None and row.label and (rate := _RATE.fullmatch(text.replace(" ", ""))):
                value = Decimal(rate.group("num").replace(",", ""))
                rated = replace(col, unit=rate.group("unit"))
                label = bare_label(row.label)
                at = Place(where, (*above, shown(row.code, label)), _path(col))
                out.append(_fact(d, table, section, at, row, label, column, value, rated))
    if not out and table.no_amounts and table.kind:
        out.append(_empty_fact(d, table, section, where))
    return out


@dataclass(frozen=True)
class Place:
    """Where in a table a cell's figure is: the table as printed, the row's path and the column's path."""

    table: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]


def _path(col: Column) -> tuple[str, ...]:
    """A column's headers, outermost first (its group and name when the header rows were not kept)."""
    return col.path or ((col.group, col.name) if col.group else (col.name,))


def _fact(
    d: Disclosure,
    table: Table,
    section: str | None,
    at: Place,
    row: Row,
    label: str,
    column: str,
    value: Decimal,
    col: Column | None,
    printed: str = "",
    project: str | None = None,
) -> Fact:
    role = col.role if col else None
    fund = table.fund
    unit = table.unit if col is None or col.unit is None else col.unit
    if col and col.role and (r := column_role(col.role)) and r.fund:
        fund = r.fund  # the 政府性基金预算 column of the 财政拨款 table
    side = row.side if row.side and side_head(row.side) in _PLAIN_SIDES else None
    place = Provenance(page=row.page, table=at.table, row_path=at.rows, column_path=at.columns, unit=unit,
                       side=side, project=project, column=column, note=printed)  # fmt: skip
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
        source=render(place),
        parent=_group_of(table, column) if row.label and any(c.kind == "year" for c in table.columns) else None,
        page=row.page,
        doc_kind=d.kind,
        table_kind=table.kind,
        column_role=role,
        fund=fund,
        code_scheme=(table.code_scheme or None) if row.code else None,
        provenance=place,
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
    place = Provenance(table=where, row_path=(kind.subject,), column_path=(f"{d.kind}数",), unit=table.unit,
                       column=f"{d.kind}数", note=note, form="empty")  # fmt: skip
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
        source=render(place),
        page=None,
        doc_kind=d.kind,
        table_kind=table.kind,
        column_role=f"{d.kind}数",
        fund=table.fund,
        provenance=place,
    )


def _group_of(table: Table, column: str) -> str | None:
    return next((c.group for c in table.columns if c.name == column and c.group), None)


def indicator_facts(d: Disclosure) -> list[Fact]:
    """Numeric performance targets (表11 三级指标 → 目标值) and the weights printed beside them (指标权重)."""
    first = next((t for t in d.tables.values() if d.indicators and t.columns and t.columns[0].name == "任务名称"), None)

    def fact(i: Indicator, column: str, value: Decimal, unit: str, printed: str) -> Fact:
        table = d.tables.get(i.table) or first  # the table it is printed in; read back from a store: the first
        project = (i.project,) if i.project else ()
        place = Provenance(page=i.page, table=table.ref if table else "绩效目标表", unit=unit, column=column,
                           row_path=(*project, i.level1, i.level2, i.level3), column_path=(column,), note=printed,
                           form="indicator")  # fmt: skip
        return Fact(
            doc_id=d.doc_id, department=d.department, year=d.year, table=table.name if table else None,
            section=None, row=i.level3, code=None, column=column, value=value, unit=unit,
            source=render(place), parent=i.level2 or None, page=i.page,
            table_kind=(table.kind if table else None) or "performance", column_role=column, provenance=place,
        )  # fmt: skip

    weights = [
        fact(i, "指标权重", i.weight, i.weight_unit, f"指标权重 {i.weight}{i.weight_unit}")
        for i in d.indicators
        if i.weight is not None
    ]
    targets = [
        fact(
            i,
            "目标值",
            i.value,
            i.unit,
            f"目标值 {i.target}",  # the target as printed, with its ≥
        )
        for i in d.indicators
        if i.value is not None
    ]
    return weights + targets
