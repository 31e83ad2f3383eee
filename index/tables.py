"""Turning printed table rows (tab-separated, possibly over several pages) into a `Table`."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal

from index.numbers import NO_VALUE, parse_number
from index.records import Column, ColumnKind, Indicator, Row, Table
from index.targets import is_performance_table, parse_performance

NO_AMOUNT_NOTES = ("本表本年无发生额", "本表无发生额", "本表无数据", "本表为空表")
LABEL_NAMES = frozenset({"项目", "预算单位", "单位名称", "科目", "科目名称", "项目名称", "任务名称", "功能分类科目"})
TEXT_HINTS = ("目标", "内容", "说明", "备注", "用途")
TOTAL_WORDS = ("合计", "总计")
_UNIT_IN_NAME = re.compile(r"[（(](?P<unit>亿元|万元|千元|元)[)）]")
MAX_HEADER_ROWS = 3


@dataclass(frozen=True, kw_only=True)
class ParsedTable:
    """A table plus, for the performance table (表11), its indicators."""

    table: Table
    indicators: list[Indicator] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # Chinese sentences: rows left out, and why


def cells_of(line: str) -> list[str]:
    """A tab-separated line as cells, whitespace inside each cell removed."""
    return [re.sub(r"\s+", "", c.replace("<p>", "").replace("</p>", "")) for c in line.split("\t")]


def bare_label(label: str) -> str:
    """A row label without its printed numbering: "二、科学技术支出" → "科学技术支出"."""
    return re.sub(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])", "", label)


def is_total(label: str) -> bool:
    return any(w in label for w in TOTAL_WORDS)


@dataclass(frozen=True)
class _Printed:
    """A body row as printed: the table part (page of the table) and document page it is on."""

    part: int
    page: int | None
    cells: list[str]


def build_table(
    *,
    name: str,
    title: str,
    unit: str,
    department: str | None,
    pages: list[list[str]],
    notes: list[str],
    on: list[list[int | None]] | None = None,
) -> ParsedTable:
    """Merge the printed pages of one table and read its header, columns and rows.

    `on` gives the document page of each line of `pages`, when the text has page marks.
    """
    rows_by_page = [[cells_of(line) for line in page] for page in pages]
    on = on or [[None] * len(page) for page in pages]
    first = rows_by_page[0] if rows_by_page else []
    if is_performance_table(first):
        table, indicators = parse_performance(
            name=name,
            title=title,
            unit=unit or "万元",
            department=department,
            rows=[
                (page, r)
                for part, (printed, where) in enumerate(zip(rows_by_page, on, strict=True), start=1)
                for r, page in list(zip(printed, where, strict=True))[
                    repeated_header(printed, first) if part > 1 else 0 :
                ]
            ],
            notes=notes,
        )
        return ParsedTable(table=table, indicators=indicators)
    n_header = _header_size(first, department)
    header = first[:n_header]
    body: list[_Printed] = []
    for part, (printed, where) in enumerate(zip(rows_by_page, on, strict=True), start=1):
        start = n_header if part == 1 else repeated_header(printed, header)
        body.extend(_Printed(part, page, cells) for cells, page in zip(printed[start:], where[start:], strict=True))
    body, skipped = _drop_ragged(name, header, body)
    columns, unit_in_header = _columns(header, [r.cells for r in body])
    no_amounts = any(any(w in n for w in NO_AMOUNT_NOTES) for n in notes)
    rows = _rows(columns, body, no_amounts)
    table = Table(
        name=name,
        title=title,
        unit=unit or unit_in_header or "万元",
        department=department,
        header=header,
        columns=columns,
        rows=rows,
        notes=notes,
        pages=len(pages),
        no_amounts=no_amounts,
    )
    return ParsedTable(table=table, skipped=skipped)


def _drop_ragged(name: str, header: list[list[str]], body: list[_Printed]) -> tuple[list[_Printed], list[str]]:
    """Leave out rows with amounts whose cell count differs from the header's.

    A row missing a cell (or with one too many) cannot be aligned with the header:
    reading it anyway would put its amounts under the wrong columns, so it is
    skipped and reported instead. One exception is unambiguous: in a side-by-side
    收入|支出 table, a row that stops before the 支出 half is a 收入-only row whose
    trailing empty cells were trimmed.
    """
    if not body:
        return body, []
    usual = Counter(len(r.cells) for r in body).most_common(1)[0][0]
    width = max(len(header[-1]), usual) if header else usual
    leaf = header[-1] if header else []
    labels = [j for j, c in enumerate(leaf) if c in LABEL_NAMES]
    half = labels[1] if len(labels) >= 2 and leaf[labels[0]] == leaf[labels[1]] else 0
    kept, skipped = [], []
    for printed in body:
        cells = printed.cells
        if len(cells) < width and half and len(cells) == half:
            cells = cells + [""] * (width - len(cells))
        if len(cells) != width and any(isinstance(parse_number(c), Decimal) for c in cells if c):
            label = next((c for c in cells if c and parse_number(c) is None), "") or "、".join(c for c in cells if c)
            where = f"第{printed.page}页" if printed.page else f"第{printed.part}页"  # the table's own page if unknown
            skipped.append(
                f"{name}{where}“{label}”一行有 {len(cells)} 个单元格，与表头（{width} 个）不符，"
                "无法确定数字所在的列，已跳过"
            )
            continue
        kept.append(replace(printed, cells=cells))
    return kept, skipped


def _is_body_row(cells: list[str], department: str | None) -> bool:
    filled = [c for c in cells if c]
    if not filled:
        return False
    if department and _same_name(filled[0], department):
        return True
    for c in cells:
        v = parse_number(c)
        if c and v is not None:  # a number or a printed "no value" mark
            return True
    return False


def _header_size(rows: list[list[str]], department: str | None) -> int:
    for i, cells in enumerate(rows[: MAX_HEADER_ROWS + 1]):
        if _is_body_row(cells, department):
            return i
    return min(1, len(rows))


def repeated_header(page: list[list[str]], header: list[list[str]]) -> int:
    """How many leading rows of a continuation page repeat the first page's header (or its first rows)."""
    n = 0
    while n < len(page) and n < len(header) and [c for c in page[n] if c] == [c for c in header[n] if c]:
        n += 1
    return n


def _columns(header: list[list[str]], body: list[list[str]]) -> tuple[list[Column], str]:
    """Flatten up to two header rows into leaf columns; detect side-by-side 收入|支出 halves."""
    width = max([len(r) for r in header + body] + [0])
    grid = [r + [""] * (width - len(r)) for r in header] or [[""] * width]
    leaf_row, top_row = grid[-1], grid[-2] if len(grid) > 1 else [""] * width
    unit_in_header = ""
    names: list[tuple[str, str | None]] = []
    top = ""
    for j in range(width):
        if top_row[j]:
            top = top_row[j]
        elif not leaf_row[j]:
            top = ""
        leaf = leaf_row[j] or top_row[j]
        if m := _UNIT_IN_NAME.search(leaf):
            unit_in_header = m.group("unit")
            leaf = _UNIT_IN_NAME.sub("", leaf)
        if leaf_row[j] and top_row[j] == "" and top:
            group: str | None = top
        elif leaf_row[j] and top_row[j] and top_row[j] != leaf_row[j]:
            group = top_row[j]
        else:
            group = None
        if group and leaf in {"小计", "合计"}:
            leaf, group = group, None
        names.append((leaf.removeprefix("其中：").removeprefix("其中:"), group))
    sides = _sides(top_row, [n for n, _ in names])
    columns = []
    for j, (leaf, group) in enumerate(names):
        values = [r[j] for r in body if j < len(r)]
        side = sides[j]
        columns.append(
            Column(name=leaf or f"第{j + 1}列", group=None if side else group, side=side, kind=_kind(leaf, values))
        )
    return columns, unit_in_header


def _sides(top_row: list[str], leaves: list[str]) -> list[str | None]:
    """For side-by-side tables (label header printed twice), the side of each column."""
    labels = [j for j, n in enumerate(leaves) if n in LABEL_NAMES]
    if len(labels) < 2 or leaves[labels[0]] != leaves[labels[1]]:
        return [None] * len(leaves)
    sides: list[str | None] = []
    current = ""
    for j in range(len(leaves)):
        if top_row[j] if j < len(top_row) else "":
            current = top_row[j]
        if not current:
            current = "收入" if j < labels[1] else "支出"
        sides.append(current)
    return sides


def _kind(name: str, values: list[str]) -> ColumnKind:
    if "编码" in name or "代码" in name:
        return "code"
    if name == "年度":
        return "year"
    if name in LABEL_NAMES or name.endswith("名称"):
        return "label"
    if any(h in name for h in TEXT_HINTS):
        return "text"
    parsed = [parse_number(v) for v in values if v]
    if any(p is None for p in parsed) and not any(isinstance(p, Decimal) for p in parsed):
        return "text"
    return "amount"


def _rows(columns: list[Column], body: list[_Printed], no_amounts: bool) -> list[Row]:
    sides = list(dict.fromkeys(c.side for c in columns))
    rows: list[Row] = []
    for printed in body:
        for side in sides:
            idx = [j for j, c in enumerate(columns) if c.side == side]
            row = _row(columns, printed, idx, side, no_amounts)
            if row is None:
                continue
            if not row.label and not any(v is not None for v in row.values.values()) and rows and row.texts:
                prev = rows[-1]  # a text cell continued on the next printed line
                merged = {k: prev.texts.get(k, "") + v for k, v in row.texts.items()}
                rows[-1] = replace(prev, texts={**prev.texts, **merged})
                continue
            rows.append(row)
    return _link_parents(rows)


def _row(columns: list[Column], printed: _Printed, idx: list[int], side: str | None, no_amounts: bool) -> Row | None:
    cells = printed.cells
    get = {j: (cells[j] if j < len(cells) else "") for j in idx}
    labels = [get[j] for j in idx if columns[j].kind in ("label", "year") and get[j]]
    years = [get[j] for j in idx if columns[j].kind == "year" and get[j]]
    code = next((get[j] for j in idx if columns[j].kind == "code" and get[j]), None)
    values: dict[str, Decimal | None] = {}
    texts: dict[str, str] = {}
    for j in idx:
        col = columns[j]
        if col.kind == "amount":
            v = parse_number(get[j])
            if isinstance(v, Decimal):
                values[col.name] = v
            elif v is NO_VALUE:
                values[col.name] = Decimal(0) if no_amounts else None
            elif get[j]:
                texts[col.name] = get[j]
        elif col.kind == "text" and get[j]:
            texts[col.name] = get[j]
    if not labels and not code and not texts and not any(v is not None for v in values.values()):
        return None
    label = years[-1] if years else (labels[-1] if labels else "")
    return Row(label=label, code=code, side=side, values=values, texts=texts, part=printed.part, page=printed.page)


def _link_parents(rows: list[Row]) -> list[Row]:
    """Link each coded row to the nearest earlier row whose code is a proper prefix (类/款/项)."""
    seen: list[str] = []
    out = []
    for row in rows:
        if row.code:
            parent = next((c for c in reversed(seen) if row.code.startswith(c) and c != row.code), None)
            seen.append(row.code)
            row = replace(row, parent=parent)
        out.append(row)
    return out


def _same_name(a: str, b: str) -> bool:
    norm = str.maketrans("（）", "()")
    return re.sub(r"\s+", "", a).translate(norm) == re.sub(r"\s+", "", b).translate(norm)


def link_codes(tables: dict[str, ParsedTable]) -> dict[str, ParsedTable]:
    """Give the uncoded 支出 rows of side-by-side tables the 科目编码 of the coded table's rows.

    表1 and 表6 print the 功能分类 lines without codes; they are the same lines, in the
    same order, as the coded table (表7). Lines are aligned by name; where a stretch of
    names differs but has the same length on both sides, it is aligned by position, so a
    mis-named line still gets its code (and the audit can report the name).
    """
    coded = max((t.table for t in tables.values()), key=lambda t: sum(1 for r in t.rows if r.code), default=None)
    if coded is None or not any(r.code for r in coded.rows):
        return tables
    reference = [r for r in coded.rows if r.code]
    out = dict(tables)
    for name, parsed in tables.items():
        t = parsed.table
        if not any(c.side for c in t.columns) or any(r.code for r in t.rows):
            continue
        spend = [
            i for i, r in enumerate(t.rows) if r.side == "支出" and not is_total(r.label) and not _is_carry(r.label)
        ]
        a = [bare_label(t.rows[i].label) for i in spend]
        b = [bare_label(r.label) for r in reference]
        rows = list(t.rows)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
                for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                    rows[spend[i]] = replace(rows[spend[i]], code=reference[j].code, parent=reference[j].parent)
        out[name] = replace(parsed, table=replace(t, rows=rows))
    return out


def _is_carry(label: str) -> bool:
    return any(w in label for w in ("结转", "结余"))
