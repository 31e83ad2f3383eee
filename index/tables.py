"""Turning printed table rows (cells of grid rows, possibly over several pages) into a `Table`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from index.catalog import TableKind, is_code, is_empty_note, is_ordinal
from index.columns import columns_of
from index.forms import parse_form
from index.labels import LABEL_NAMES
from index.normal import form_key, label_key, squeeze  # noqa: F401 (label_key: re-exported for assistant.across)
from index.numbers import NO_VALUE, parse_number
from index.pages import Cells
from index.records import Column, Indicator, Row, Table
from index.targets import INDICATOR_NAME, is_performance_table, parse_performance
from index.year_groups import carry_units

NO_AMOUNT_NOTES = ("本表本年无发生额", "本表无发生额", "本表无数据", "本表为空表")
MAX_HEADER_ROWS = 4  # 决算 “三公” tables print four header rows
_CODE = re.compile(r"^\d{2,9}$")


@dataclass(frozen=True, kw_only=True)
class ParsedTable:
    """A table plus, for the performance table (表11), its indicators."""

    table: Table
    indicators: list[Indicator] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # Chinese sentences: rows left out, and why


def cells_of(row: Sequence[str]) -> list[str]:
    """A printed row's cells, whitespace inside each cell removed."""
    return [squeeze(c.replace("<p>", "").replace("</p>", "")) for c in row]


@dataclass(frozen=True)
class _PrintedRow:
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
    pages: list[list[Cells]],
    notes: list[str],
    on: list[list[int | None]] | None = None,
    kind: TableKind | None = None,
) -> ParsedTable:
    """Merge the printed pages of one table and read its header, columns and rows.

    `on` gives the document page of each line of `pages`, when the text has page marks.
    """
    on = on or [[None] * len(page) for page in pages]
    kept = [[(line, at) for line, at in zip(page, where, strict=True) if not is_column_numbers(cells_of(line))]
            for page, where in zip(pages, on, strict=True)]  # fmt: skip
    rows_by_page = [[cells_of(line) for line, _ in page] for page in kept]
    on = [[at for _, at in page] for page in kept]
    if kind and kind.layout == "form":
        form, indicators = parse_form(
            name=name, title=title, unit=unit, department=department, pages=rows_by_page, on=on, notes=notes,
            kind=kind,
        )  # fmt: skip
        return ParsedTable(table=form, indicators=indicators)
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
    body: list[_PrintedRow] = []
    for part, (printed, where) in enumerate(zip(rows_by_page, on, strict=True), start=1):
        start = n_header if part == 1 else repeated_header(printed, header)
        body.extend(_PrintedRow(part, page, cells) for cells, page in zip(printed[start:], where[start:], strict=True))
    body, skipped = _drop_ragged(name, header, body)
    columns, unit_in_header = columns_of(header, [r.cells for r in body])
    no_amounts = any(any(w in n for w in NO_AMOUNT_NOTES) or is_empty_note(n) for n in notes)
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
        kind=kind.kind if kind else None,
        fund=kind.fund if kind else "全部",
        code_scheme=kind.code_scheme if kind else "",
    )
    return ParsedTable(table=table, skipped=skipped)


def _drop_ragged(name: str, header: list[list[str]], body: list[_PrintedRow]) -> tuple[list[_PrintedRow], list[str]]:
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
        elif len(cells) < width and _spanned_label(cells, header, width):
            cells = [cells[0], *[""] * (width - len(cells)), *cells[1:]]
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


def _spanned_label(cells: list[str], header: list[list[str]], width: int) -> bool:
    """A row whose first cell is printed across the code and name columns ("合计" over 类 款 项 名称):
    its amounts are the last ones of the header, so it is read right-aligned. Every header text over
    the columns it spans must name a code or a label (表3's 支出总计 column is no place for a name)."""
    if not cells or not cells[0] or parse_number(cells[0]) is not None:
        return False
    lead = width - len(cells) + 1  # columns the first cell spans
    for j in range(lead):
        texts = [row[j] for row in header if j < len(row) and row[j]]
        if not texts or not all(is_code(h) or h in LABEL_NAMES or h.endswith("名称") for h in texts):
            return False
    return all(parse_number(c) is not None or not c for c in cells[1:])


def is_column_numbers(cells: list[str]) -> bool:
    """A row that numbers the columns ("栏次 | | 1 | 2 | 3", or "1 | 2 | 3 | 4" alone): header, not data.

    Its label is an ordinal word, or its numbers count up by one from 0 or 1 (three at least)."""
    filled = [c for c in cells if c]
    parsed = [(c, parse_number(c)) for c in filled]
    values = [v for c, v in parsed if isinstance(v, Decimal) and "." not in c and v == v.to_integral_value()]
    labels = [c for c, v in parsed if v is None]
    if not values or len(values) + len(labels) != len(filled):  # a decimal or a "—" is data
        return False
    if labels:
        return all(is_ordinal(c) for c in labels) and len(values) >= 2
    first = int(values[0])
    return len(values) >= 3 and first in (0, 1) and [int(v) for v in values] == list(range(first, first + len(values)))


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
    blank = next((i for i, cells in enumerate(rows) if not any(cells)), None)  # an empty table's blank rows
    if blank is not None and 0 < blank <= MAX_HEADER_ROWS:
        return blank
    if len(rows) <= MAX_HEADER_ROWS:  # an empty table printed without blank rows: all header
        return len(rows)
    return min(1, len(rows))


def repeated_header(page: list[list[str]], header: list[list[str]]) -> int:
    """How many leading rows of a continuation page repeat the first page's header (or its first rows)."""
    n = 0
    while n < len(page) and n < len(header) and [c for c in page[n] if c] == [c for c in header[n] if c]:
        n += 1
    return n


def _rows(columns: list[Column], body: list[_PrintedRow], no_amounts: bool) -> list[Row]:
    sides = list(dict.fromkeys(c.side for c in columns))
    rows: list[Row] = []
    carry: dict[str | None, list[str]] = {side: [] for side in sides}  # the 类/款 of the rows above, per side
    for printed in body:
        for side in sides:
            idx = [j for j, c in enumerate(columns) if c.side == side]
            row = _row(columns, printed, idx, side, no_amounts, carry[side])
            if row is None:
                continue
            if not row.label and not any(v is not None for v in row.values.values()) and rows and row.texts:
                prev = rows[-1]  # a text cell continued on the next printed line
                merged = {k: prev.texts.get(k, "") + v for k, v in row.texts.items()}
                rows[-1] = replace(prev, texts={**prev.texts, **merged})
                continue
            rows.append(row)
    if any(c.kind == "year" for c in columns):
        rows = carry_units(rows)  # a 汇总 document's “三公” table: one group of year rows per unit
    return _link_parents(rows)


def _row(
    columns: list[Column], printed: _PrintedRow, idx: list[int], side: str | None, no_amounts: bool, carry: list[str]
) -> Row | None:
    cells = printed.cells
    get = {j: (cells[j] if j < len(cells) else "") for j in idx}
    code_cells = [get[j] for j in idx if columns[j].kind == "code" and get[j]]
    run = _first_code(columns, idx)
    parts = [get[j] for j in run if get[j]]
    labels = [get[j] for j in idx if columns[j].kind in ("label", "year") and get[j]]
    labels += [c for c in code_cells + parts if not c.isdigit()]  # "人员经费合计" printed in the code column
    years = [get[j] for j in idx if columns[j].kind == "year" and get[j]]
    code = next((c for c in code_cells if _CODE.match(c)), None)
    if code is None and parts and all(p.isdigit() for p in parts):
        # 科目编码 split over 类 | 款 | 项: 201 | 05 | 07 → 2010507 (a 款 printed "2" is 02); printed as a
        # staircase (201 | | on the 类 row, | 08 | on the 款 row, | | 04 on the 项 row), a 款 or 项 alone is
        # under the 类/款 printed above it: 2010804
        first = next(k for k, j in enumerate(run) if get[j])
        levels = carry[:first] + parts if 0 < first <= len(carry) else parts
        carry[:] = levels
        code = levels[0] + "".join(p.zfill(2) for p in levels[1:])
    values: dict[str, Decimal | None] = {}
    texts: dict[str, str] = {}
    for j in idx:
        col = columns[j]
        if col.kind in ("amount", "count"):
            v = parse_number(get[j])
            if isinstance(v, Decimal):
                values[col.name] = v
            elif v is NO_VALUE:
                values[col.name] = Decimal(0) if no_amounts else None
            elif get[j]:
                texts[col.name] = get[j]
        elif col.kind == "text" and get[j]:
            texts[col.name] = get[j]
    if any(columns[j].name == INDICATOR_NAME for j in idx):  # a target table listing projects: each named, kept
        texts |= {
            columns[j].name: get[j]
            for j in idx
            if columns[j].kind == "label" and get[j] and columns[j].name != INDICATOR_NAME
        }
    if not labels and not code and not texts and not any(v is not None for v in values.values()):
        return None
    label = years[-1] if years else (labels[-1] if labels else "")
    unit = "".join(get[j] for j in idx if columns[j].kind == "label" and get[j]) if years else ""
    return Row(
        label=label, code=code, side=side, values=values, texts=texts, part=printed.part, page=printed.page, unit=unit
    )


def _first_code(columns: list[Column], idx: list[int]) -> list[int]:
    """The 类 | 款 | 项 columns of the row's 科目编码: the first run of code parts. A 政府采购 table
    prints the 经济分类 类 | 款 of 部门预算支出 and of 政府预算支出 after it; each 类 starts another code."""
    run: list[int] = []
    for j in idx:
        if columns[j].kind != "code_part" or (run and form_key(columns[j].name) == "类"):
            if run:
                break
            continue
        run.append(j)
    return run


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
    return squeeze(a).translate(norm) == squeeze(b).translate(norm)
