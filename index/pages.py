"""Page records: what a reader found on each page of a disclosure, before any stage reads it.

A PDF reader (index/pdf.py) gives each page's text lines with their positions and font size
and its grids (ruled tables, and unruled ones read from word positions) as rows of cells; the
text reader below gives the same records for the text format (its page marks, its tab-separated
rows as grids, each line's position its line number). Later stages take pages, never a reader's
internals.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

Cells = tuple[str, ...]  # a grid row
Printed = str | Cells  # a line of the text a stage reads: prose, or a grid row of two or more cells
Line = tuple[Printed, int | None]  # and its page (None: a text without page marks)
PAGE_MARK = "\f"  # a form feed starts a new page (the PDF loader's text, pdftotext's output)
_LATIN = re.compile(r"[A-Za-z]")
CONTINUED = re.compile(
    r"^(?:[（(]?续表[\d一二三四五六七八九十]*[)）]?|.{0,40}[（(]续(?:表|上表)?[)）]|(?:金额)?单位[:：].{1,3}|(?:部门|单位)名称[:：].+)$"
)  # "续表1", "（续）", "收支总表（续）", a unit or 部门名称 line above a table's next part


@dataclass(frozen=True, kw_only=True)
class PageLine:
    """One text line outside the page's grids."""

    text: str  # as printed, radicals as ideographs, a glyph without a code as □
    top: float  # distance from the page's top edge (PDF points; the line number in a text file)
    bottom: float
    x0: float  # left and right edge
    x1: float
    size: float  # median font size of its characters (0 when unknown)


@dataclass(frozen=True, kw_only=True)
class Cell:
    """One cell of a grid, where the grid prints it."""

    row: int  # 0-based, header rows included
    column: int  # 0-based
    text: str  # a wrapped name joined into one line; "" for an empty cell or one a merged cell covers


@dataclass(frozen=True, kw_only=True)
class Grid:
    """A table as printed on one page: its rows of cells (header first), as the reader split them."""

    top: float  # its top edge, to order it among the page's lines
    rows: tuple[tuple[str, ...], ...]
    ruled: bool = True  # False: read from word positions (no rules, or a 三线表's)

    def cells(self) -> Iterator[Cell]:
        """Every cell with its row and column."""
        for r, row in enumerate(self.rows):
            for c, text in enumerate(row):
                yield Cell(row=r, column=c, text=text)

    @property
    def width(self) -> int:
        """Its column count (its widest row)."""
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True, kw_only=True)
class Page:
    """One page of a disclosure."""

    number: int  # 1-based
    width: float  # in PDF points (0 for a text file)
    height: float
    lines: tuple[PageLine, ...] = ()  # top to bottom
    grids: tuple[Grid, ...] = ()  # top to bottom
    covered: float = 0.0  # the share of the page that images cover (a scanned page: nearly all)
    unknown: int = 0  # glyphs with no character code ("(cid:19)"), replaced by □
    laid_out: bool = False  # True: its lines are the printed lines in reading order (a text file's, blank
    # ones included); False: lines as a PDF positions them, to be rejoined into paragraphs

    @property
    def chars(self) -> int:
        """How many characters its lines and cells hold."""
        return sum(len(line.text) for line in self.lines) + sum(len(c.text) for g in self.grids for c in g.cells())


def text_pages(text: str) -> list[Page]:
    """The text format's pages, counted from page marks (one page when it has none): each line at its
    line number (blank ones too: the text's layout), a run of tab-separated lines one grid."""
    numbered: list[tuple[int, int, str]] = []  # (page, line number, line)
    page = 1
    for i, line in enumerate(text.split("\n")):
        page += line.count(PAGE_MARK)
        numbered.append((page, i, line.replace(PAGE_MARK, "")))
    out: list[Page] = []
    for number, group in itertools.groupby(numbered, key=lambda n: n[0]):
        lines: list[PageLine] = []
        grids: list[Grid] = []
        rows: list[tuple[int, str]] = []
        for _, i, line in [*group, (number, -1, "")]:
            if "\t" in line:
                rows.append((i, line))
                continue
            if rows:
                grids.append(Grid(top=float(rows[0][0]), rows=tuple(grid_rows([r for _, r in rows]))))
                rows = []
            if i >= 0:
                lines.append(PageLine(text=line, top=float(i), bottom=float(i) + 1, x0=0.0, x1=0.0, size=0.0))
        out.append(Page(number=number, width=0.0, height=0.0, lines=tuple(lines), grids=tuple(grids), laid_out=True))
    return out


def grid_rows(lines: list[str]) -> list[Cells]:
    """The text format's tab-separated lines as rows of cells."""
    return [tuple(line.split("\t")) for line in lines]


def flat(line: Printed) -> str:
    """A line as the text format prints it (a row's cells parted by tabs), for what reads lines as text."""
    return line if isinstance(line, str) else "\t".join(line)


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: nothing between Chinese characters or digits, a space between two Latin words."""
    out = ""
    for part in (p.strip() for p in parts):
        if out and part and _LATIN.match(out[-1]) and _LATIN.match(part[0]):
            out += " "
        out += part
    return out
