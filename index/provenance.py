"""A figure's provenance said as its source, in one place: "表7 … · 2060702 科普活动 · 支出总计".

Every fact the index stage makes carries a `Provenance` (index/records.py); its `source` is `render` of it,
so that a table cell, an empty table, a performance target and a prose figure are each said one way."""

from __future__ import annotations

from index.normal import bare_label
from index.records import Provenance, Row

EMPTY_TABLE = "本表无数据"  # in an empty table's fact source: the answer quotes the note after it


def render(p: Provenance) -> str:
    """The source of a figure as the answer cites it (its page is added by the answer: "（第8页）").

    cell:      table · [side ·] [project ·] row · column [printed target]
    empty:     table · 本表无数据：「note」
    indicator: table · [project ·] [level1/level2 ·] level3 · printed (a target says its levels, a weight not)
    prose:     section trail · 「snippet」
    """
    if p.form == "prose":
        return " · ".join([*p.row_path[:-1], f"「{p.note}」"])
    table = p.table or ""
    if p.form == "empty":
        return f"{table} · {EMPTY_TABLE}：「{p.note}」" if p.note else f"{table} · {EMPTY_TABLE}"
    if p.form == "indicator":
        *project, level1, level2, level3 = p.row_path
        levels = [f"{level1}/{level2}"] if p.column_path[-1:] == ("目标值",) else []
        return " · ".join([*([table] if table else []), *project, *levels, level3, p.note])
    said = " · ".join(
        [table, *([p.side] if p.side else []), *([p.project] if p.project else []), p.row_path[-1], p.column]
    )
    return f"{said} {p.note}" if p.note else said


def prose_place(trail: tuple[str, ...], row: str, column: str, unit: str, snippet: str, page: int | None) -> Provenance:
    """A prose figure's provenance: its section trail, then its subject; its snippet as printed."""
    return Provenance(page=page, row_path=(*trail, row), column_path=(column,), unit=unit, note=snippet, form="prose")


def shown(code: str | None, label: str) -> str:
    """A row as a source names it: "2060702 科普活动", or the label alone."""
    return f"{code} {label}" if code else label


def row_paths(rows: list[Row]) -> list[tuple[str, ...]]:
    """Each row's path of rows, outermost first, itself last: a coded row under the rows its 科目编码 is
    linked to (类 > 款 > 项); an uncoded row is its own path."""
    by_code: dict[str, tuple[str, ...]] = {}
    out = []
    for row in rows:
        above = by_code.get(row.parent, ()) if row.parent else ()
        path = (*above, shown(row.code, bare_label(row.label)))
        if row.code:
            by_code[row.code] = path
        out.append(path)
    return out
