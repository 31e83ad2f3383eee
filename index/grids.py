"""Grids of unruled tables (no rules, or only the horizontal ones of a 三线表), read from word positions.

A ruled table's cells come from its rules; an unruled one's from how its words line up:
rows are the page's text lines, cells are runs of words parted by a wide gap, and the
columns are the x-spans the cells of its number rows cover together (right-aligned
amounts of one column overlap one another, a left-aligned name column likewise). Only a
tabular stretch becomes a grid: three or more lines holding a number in a cell of their
own, next to other cells, and at least two amount columns or amounts written as amounts
("1,234.50"): prose lines print their figures inside the sentence, and a 目录's page
numbers are one column of bare integers. The lines just above the number rows (up to a
title, unit or 部门名称 line, a gap, or a one-cell running head) are the header, read as a
ruled grid prints it: a row of headings spanning several columns, a row of each column's
own heading (its wrapped words joined), and the 栏次 row; a heading over a column that no
number row fills on the page is a blank column of its own. A name wrapped over two lines
(above, below or around its numbers) is joined into its row; a number split at its decimal
point ("168,441" / ".81") is joined again. The measure of all this: the tuning PDFs' ruled
tables read from their words alone give the same (page, value) table facts for 84–99%.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass
from typing import Any

from index.catalog import caption_grammar
from index.grid_lines import Cell, Span, TextLine, column_of, is_amount, is_data, is_number, numbering, text_lines

_MIN_ROWS = 3  # number rows a stretch needs to be a table
_FRAGMENT = re.compile(r"^[.,．，]\d+$|^\d[\d,]*[.,．，]$")  # one half of a number split over two lines
_TITLE_LINE = re.compile(
    rf"单位\s*[:：]|名称\s*[:：]|^(?:{caption_grammar()})|^(?:备)?注|^说明"
)  # a table's caption (the catalog's grammar), unit or 编制单位 line, or its notes: never a grid row


@dataclass
class Unruled:
    """One unruled table of a page: its box, cell rows (header first) and column spans."""

    bbox: tuple[float, float, float, float]
    rows: list[list[str]]
    columns: list[Span]


def find_unruled(
    words: list[dict[str, Any]], previous: list[Span] | None = None, head_top: float = 0.0
) -> list[Unruled]:
    """The unruled tables among a page's words (those outside its ruled tables).

    `previous`: the columns of an unruled table ending the page before; a part of it with no
    header of its own on this page keeps its columns (a column blank on this page stays).
    `head_top`: where the page's top margin ends; a running head above it is no table header.
    """
    lines = text_lines(words)
    out: list[Unruled] = []
    i = 0
    while i < len(lines):
        if not is_data(lines[i]):
            i += 1
            continue
        end = _stretch_end(lines, i)
        data = [ln for ln in lines[i:end] if is_data(ln)]
        if _is_table(data):
            i = _rows_above(lines, i, data, head_top)
            start = _header_start(lines, i, data, head_top)
            table = _grid(lines[start:i], lines[i:end], previous if start == i and not out else None)
            if table:
                out.append(table)
        i = end
    return out


def _stretch_end(lines: list[TextLine], i: int) -> int:
    """The end of the table's rows from number row i: rows with numbers, rows whose amounts are
    blank, wrapped names and split numbers, up to a wide gap, a note or a line of prose."""
    pitch = lines[i].bottom - lines[i].top
    first_number = min(c.x0 for c in lines[i].amounts or lines[i].numbers)
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        gap = ln.top - lines[j - 1].bottom
        if gap > max(pitch * 2.5, 18.0) and not (gap < pitch * 12 and _aligned(ln, lines[i:j])):
            break  # a wide gap, unless a row whose amounts line up with the rows above follows (blank rows)
        if any(_TITLE_LINE.search(c.text) for c in ln.cells):
            break
        if len(ln.cells) == 1 and ln.cells[0].x0 < first_number - 2 < ln.cells[0].x1 and not is_data(ln):
            break  # prose running across the amount columns
        j += 1
    starts = {round(c.x0) for ln in lines[i:j] if is_data(ln) for c in ln.cells if not is_number(c.text)}
    while j - 1 > i and not is_data(lines[j - 1]) and len(lines[j - 1].cells) == 1:
        if any(abs(round(lines[j - 1].cells[0].x0) - x) <= 3 for x in starts):
            break  # a row whose amounts are blank: its name starts where the names above start
        j -= 1  # a short line under the table is not one of its rows unless it is close (a wrapped name)
    return j + _trailing(lines, j - 1)


def _aligned(line: TextLine, rows: list[TextLine]) -> bool:
    """A number row whose amounts end where amounts of the rows above end (right-aligned columns)."""
    ends = {round(c.x1) for ln in rows for c in ln.numbers}
    return is_data(line) and all(any(abs(round(c.x1) - e) <= 2 for e in ends) for c in line.numbers)


def _trailing(lines: list[TextLine], last: int) -> int:
    """A wrapped name's second line right under the last row (closer than the row pitch)."""
    if last + 1 < len(lines):
        ln, row = lines[last + 1], lines[last]
        first_number = min((c.x0 for c in row.amounts), default=row.cells[-1].x0)
        pitch = row.top - lines[last - 1].top if last > 0 and is_data(lines[last - 1]) else row.bottom - row.top
        close = ln.top - row.top < pitch * 0.8
        if (
            close
            and all(c.x1 <= first_number + 2 for c in ln.cells)
            and not any(_TITLE_LINE.search(c.text) for c in ln.cells)
        ):
            return 1
    return 0


def _is_table(data: list[TextLine]) -> bool:
    """Enough number rows, with two amount columns or amounts written as amounts; or one row with three
    amounts in cells of their own (a table of only its 合计 row: prose never prints that)."""
    if any(sum(1 for c in ln.numbers if is_amount(c.text)) >= 3 for ln in data):
        return True
    if len(data) < _MIN_ROWS:
        return False
    widest = max(len(ln.numbers) for ln in data)
    amounts = sum(1 for ln in data for c in ln.numbers if is_amount(c.text))
    return (widest >= 2 and amounts >= _MIN_ROWS) or amounts >= len(data)


def _rows_above(lines: list[TextLine], i: int, data: list[TextLine], head_top: float) -> int:
    """The first row of the table: rows whose amounts are blank may come before number row i (a
    table continued from the page before): their names start where the names below start."""
    starts = {round(c.x0) for ln in data for c in ln.cells if not is_number(c.text)}
    while i > 0:
        ln, below = lines[i - 1], lines[i]
        if ln.numbers or below.top - ln.bottom > (below.bottom - below.top) * 1.5 or ln.bottom < head_top:
            break
        if not all(any(abs(round(c.x0) - x) <= 3 for x in starts) for c in ln.cells):
            break
        if any(_TITLE_LINE.search(c.text) for c in ln.cells):
            break
        i -= 1
    return i


def _header_start(lines: list[TextLine], i: int, data: list[TextLine], head_top: float) -> int:
    """The first header line above number row i: text lines close above it (a tall header cell centres
    its words, so its lines interleave), up to a title, unit or 部门名称 line, a gap or a line of prose."""
    left = min(c.x0 for ln in data for c in ln.cells)
    right = max(c.x1 for ln in data for c in ln.cells)
    tops = [b.top - a.top for a, b in itertools.pairwise(data)]
    pitch = max(statistics.median(tops) if tops else 0.0, lines[i].bottom - lines[i].top)
    start = i
    while start > 0:
        ln, below = lines[start - 1], lines[start]
        if below.top - ln.bottom > max(pitch * 1.5, 18.0) or lines[i].top - ln.top > max(pitch * 5, 90.0):
            break
        if ln.bottom < head_top and len(ln.cells) == 1:
            break  # the running head (a header row printed that high has cells of several columns)
        if (ln.numbers and not numbering(ln)) or any(_TITLE_LINE.search(c.text) for c in ln.cells):
            break
        if len(ln.cells) < 2 and (ln.cells[0].x1 - ln.cells[0].x0) > (right - left) * 0.5:
            break  # a title or a line of prose
        start -= 1
    return start


def _columns(data: list[TextLine]) -> list[Span]:
    """The x-spans the cells of the number rows cover together."""
    spans = sorted((c.x0, c.x1) for ln in data for c in ln.cells)
    out: list[list[float]] = []
    for x0, x1 in spans:
        if out and x0 <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(a, b) for a, b in out]


def _grid(head: list[TextLine], body: list[TextLine], previous: list[Span] | None) -> Unruled | None:
    data = [ln for ln in body if is_data(ln)]
    columns = _columns(data)
    if previous and _fits(columns, previous):
        columns = list(previous)
    filled = list(columns)  # the columns of the number rows
    for n, ln in enumerate(head):  # a header cell over a column no number row fills (blank here) is a column
        for c in sorted(ln.cells, key=lambda c: c.x0) if not numbering(ln) else []:
            if _spanned(c, columns) or _heads(c, ln, filled) or _over_gap(c, head[n + 1 :], filled):
                continue
            if not _over_pair(c, ln, head[n + 1 :], columns):
                columns = sorted([*columns, (c.x0, c.x1)])
    if len(columns) < 2:
        return None
    width = len(columns)
    rows = _header_rows(head, columns)
    pitch = _row_pitch(body, data)  # a wrapped name's line sits closer than this
    body_rows: list[list[str]] = []
    pending = [""] * width  # a name's first line printed above its numbers (the numbers centred)
    for n, ln in enumerate(body):
        cells = [""] * width
        for c in ln.cells:
            k = column_of(c, columns)
            cells[k] += c.text
        labels_only = not ln.numbers and not all(_FRAGMENT.match(c.text) for c in ln.cells)
        above = ln.top - body[n - 1].top if n else 1e9
        below = body[n + 1].top - ln.top if n + 1 < len(body) else 1e9
        if all(_FRAGMENT.match(c.text) for c in ln.cells) and body_rows and not labels_only:
            body_rows[-1] = [a + b for a, b in zip(body_rows[-1], cells, strict=True)]
        elif labels_only and min(above, below) < pitch * 0.8 and (body_rows or below < above):
            if body_rows and above <= below:
                body_rows[-1] = [a + b for a, b in zip(body_rows[-1], cells, strict=True)]
            else:
                pending = [a + b for a, b in zip(pending, cells, strict=True)]
        else:
            body_rows.append([a + b for a, b in zip(pending, cells, strict=True)])
            pending = [""] * width
    if any(pending) and body_rows:
        body_rows[-1] = [a + b for a, b in zip(body_rows[-1], pending, strict=True)]
    rows += body_rows
    x0 = min(a for a, _ in columns)
    x1 = max(b for _, b in columns)
    top = (head or body)[0].top
    return Unruled(bbox=(x0, top, x1, body[-1].bottom), rows=rows, columns=columns)


def _header_column(cell: Cell, columns: list[Span]) -> int:
    """The column a header cell heads: the one it overlaps most, else the first one ending right of its
    centre (amounts are right-aligned under a centred or left-aligned heading)."""
    if _spanned(cell, columns):
        return column_of(cell, columns)
    centre = (cell.x0 + cell.x1) / 2
    return next((k for k, (_, b) in enumerate(columns) if b >= centre), -1)  # -1: right of every column


def _heads(cell: Cell, line: TextLine, columns: list[Span]) -> bool:
    """A heading beside its column rather than over it: the column it heads is near (their widths)
    and no other cell of its line heads it."""
    k = _header_column(cell, columns)
    if k < 0:
        return False
    a, b = columns[k]
    if abs((a + b) / 2 - (cell.x0 + cell.x1) / 2) > (cell.x1 - cell.x0) + (b - a):
        return False
    return not any(o is not cell and _header_column(o, columns) == k for o in line.cells)


def _row_pitch(body: list[TextLine], data: list[TextLine]) -> float:
    """The distance between rows: the commonest one between lines farther apart than a line and a
    third (lines of one wrapped cell are closer); else between number rows."""
    height = statistics.median(ln.bottom - ln.top for ln in body)
    apart = [d for a, b in itertools.pairwise(body) if (d := b.top - a.top) >= height * 1.3]
    tops = apart or [b.top - a.top for a, b in itertools.pairwise(data)]
    return statistics.median(tops) if tops else 0.0


def _fits(columns: list[Span], previous: list[Span]) -> bool:
    """Every column of this part lies over one column of the part before."""
    return len(previous) >= len(columns) and all(
        any(min(b, pb) - max(a, pa) > 0 for pa, pb in previous) for a, b in columns
    )


def _spanned(cell: Cell, columns: list[Span]) -> list[int]:
    return [k for k, (a, b) in enumerate(columns) if min(cell.x1, b) - max(cell.x0, a) > 0]


def _over_gap(cell: Cell, below: list[TextLine], columns: list[Span]) -> list[int]:
    """The two columns a heading printed in the gap between them spans (收入 centred over 项目 | 预算数):
    header cells below it head both."""
    left = [k for k, (_, b) in enumerate(columns) if b <= cell.x0]
    right = [k for k, (a, _) in enumerate(columns) if a >= cell.x1]
    if not left or not right:
        return []
    pair = [left[-1], right[0]]
    headed = {k for ln in below for c in ln.cells for k in _spanned(c, columns)}
    return pair if set(pair) <= headed else []


def _over_pair(cell: Cell, line: TextLine, below: list[TextLine], columns: list[Span]) -> list[int]:
    """The columns a heading centred over the gap between two headings of a line below spans, touching
    neither (收入 over 项目 | 预算数, where the long names make the name column reach under it). Only
    lines wholly below count: headings interleaved with it are its neighbours, and a heading wrapped in
    its cell lies over its next line, not over a gap."""
    centre = (cell.x0 + cell.x1) / 2
    for ln in below:
        if ln.top < line.bottom or numbering(ln):
            continue
        cells = sorted(ln.cells, key=lambda c: c.x0)
        for a, b in itertools.pairwise(cells):
            if a.x1 <= centre <= b.x0 and not any(min(c.x1, cell.x1) > max(c.x0, cell.x0) for c in cells):
                ks = [_header_column(a, columns), _header_column(b, columns)]
                return ks if 0 <= ks[0] and ks[1] == ks[0] + 1 else []  # two neighbouring columns
    return []


def _header_rows(head: list[TextLine], columns: list[Span]) -> list[list[str]]:
    """The header as (at most) two rows, as a ruled grid prints it: headings spanning several columns
    at the first of them, then each column's own heading, its words joined from top to bottom (a
    heading wrapped in its cell is one heading); a column under no spanning heading has its heading in
    the top row (a cell merged down), so that a spanning heading ends where the next column starts."""
    groups = [""] * len(columns)
    leaves = [""] * len(columns)
    covered: set[int] = set()
    numbers = [""] * len(columns)  # the 栏次 row, a row of its own
    for n, ln in enumerate(head):
        if numbering(ln):
            for c in ln.cells:
                numbers[_header_column(c, columns)] += c.text
            continue
        for c in sorted(ln.cells, key=lambda c: c.x0):
            own = (c.x0, c.x1) in columns  # a heading that made its own (blank) column
            spanned = [] if own else _over_pair(c, ln, head[n + 1 :], columns)
            spanned = spanned or ([] if own else _spanned(c, columns) or _over_gap(c, head[n + 1 :], columns))
            if len(spanned) > 1:
                groups[spanned[0]] += c.text
                covered.update(range(spanned[0], spanned[-1] + 1))
            else:
                leaves[_header_column(c, columns)] += c.text
    if any(groups):
        for k in range(len(columns)):
            if k not in covered:
                groups[k], leaves[k] = leaves[k], ""
    return [row for row in (groups, leaves, numbers) if any(row)]
