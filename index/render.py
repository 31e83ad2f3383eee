"""Page records rendered as the template text the parser reads, with a page mark per page.

What comes out is the text a disclosure's text version has: prose lines rejoined into
paragraphs, grid rows as tab-separated cells, a table continued on the next page given its
title block again (so the parser merges the parts and drops the repeated header, as it does
for the text version), and a form feed before each new page so every fact and chunk knows
its page.
"""

from __future__ import annotations

import itertools
import re
import statistics

from index.headings import PART_HEADING, SUBSECTION, TABLE_START
from index.normal import canonical, squeeze
from index.pages import CONTINUED, PAGE_MARK, Cells, Grid, Line, Page, PageLine, Printed, join_lines
from index.tables import MAX_HEADER_ROWS, repeated_header

_UNBREAKABLE = re.compile(r"[A-Za-z0-9.,%‰()\-]+[。，、；：）”%]*")
_BULLET = re.compile(r"^[-•·*]\s")  # a 目录 entry printed as a list


def lines_of(pages: list[Page]) -> list[Line]:
    """The lines a disclosure's stages read, in reading order, each with its page (None for every line of
    a text without page marks): prose lines rejoined into paragraphs (a blank line after each), grid rows
    as cells (a row of one cell is a line of text), a table continued on the next page given its title block
    again. In the canonical form, its edges as `index.load.normalise` leaves a text's: what the stages read
    from a PDF's pages is what they read again from its stored text."""
    items = [(x if isinstance(x, str) else _row(x), page) for x, page in _items(pages)]
    while items and items[0][0] == "":
        items.pop(0)
    while items and items[-1][0] == "":
        items.pop()
    numbered = any(p.number > 1 for p in pages)
    last = items[-1][1] if items else 1
    return [("" if x == PAGE_MARK else x, page if numbered else None) for x, page in [*items, ("", last)]]


def _row(cells: Cells) -> Printed:
    """A grid row in the canonical form; one cell is a line of text (a text line has no tab)."""
    out = [canonical(c) for c in cells]
    out[-1] = out[-1].rstrip(" \u3000")
    return out[0] if len(out) == 1 else tuple(out)


def render(pages: list[Page]) -> str:
    """The template text of a PDF's pages (a page mark before each page but the first): what the store keeps
    of a document and computes its id from."""
    return "\n".join(x if isinstance(x, str) else "\t".join(x) for x, _ in _items(pages)) + "\n"


def _frames(pages: list[Page]) -> dict[float, tuple[float, float]]:
    """Page width → (left, right) of the text frame, from the prose lines of all pages that wide.

    One page alone may hold only a short note or two; the document's full lines show the frame. A line
    that runs past the page's edge (text placed off the page) is not printed and shows no frame: were
    it the frame, every printed line would end short of it and start a paragraph of its own.
    """
    frames: dict[float, tuple[float, float]] = {}
    for width in {p.width for p in pages}:
        lines = [line for p in pages if p.width == width for line in p.lines if line.x1 <= width]
        if lines:
            frames[width] = (min(line.x0 for line in lines), max(line.x1 for line in lines))
    return frames


def _items(pages: list[Page]) -> list[tuple[Printed, int]]:
    """Per page, prose lines and grid rows in reading order; a page mark before each page but the first."""
    frames = _frames([p for p in pages if not p.laid_out])
    out: list[tuple[Printed, int]] = []
    title_block: list[str] = []  # the lines above the last table (表 N, title, 部门名称, 单位): repeated for its parts
    first_rows: list[list[str]] = []  # the first rows of the last table, which its later parts may repeat
    open_width = 0  # the column count of a table that ends its page (it may go on), else 0
    for p in pages:
        items: list[PageLine | Grid] = sorted([*p.lines, *p.grids], key=lambda item: item.top)
        if p.laid_out:  # a text file's page: its lines as they are
            out.extend((row, p.number) for item in items for row in _printed(item))
            continue
        if p.number > 1:
            out.append((PAGE_MARK, p.number))
        frame = frames.get(p.width, (0.0, p.width))  # a page with no prose at all (a table only) has none
        prose: list[PageLine] = []
        for item in items:
            if isinstance(item, PageLine):
                prose.append(item)
                continue
            block = _paragraphs(prose, frame)
            width = item.width
            rows = [list(r) for r in item.rows]
            goes_on = width == open_width and all(_is_caption(b, title_block) for b in block)
            if goes_on and title_block:
                block = title_block  # the table goes on from the previous page: the parser drops its header
            elif goes_on:
                rows = rows[repeated_header(rows, first_rows) :]  # an untitled table (in the prose) goes on
            else:
                title_block, first_rows = _title_block(block), rows[:MAX_HEADER_ROWS]
            out.extend((b, p.number) for b in block)
            out.extend((tuple(row), p.number) for row in rows)
            out.append(("", p.number))
            prose, open_width = [], width
        if prose:
            out.extend((b, p.number) for b in _paragraphs(prose, frame))
            open_width = 0
    return out


def _printed(item: PageLine | Grid) -> list[Printed]:
    return [item.text] if isinstance(item, PageLine) else list(item.rows)


def _is_caption(line: str, title_block: list[str]) -> bool:
    """A line printed above a table's later part: "续表", "（续）", its unit or 部门名称, its title again."""
    s = squeeze(line)
    return not s or bool(CONTINUED.match(s)) or s in {squeeze(t) for t in title_block}


def _title_block(block: list[str]) -> list[str]:
    """The lines of a table's title block (from its 表 N line on), or [] when none precedes the table."""
    start = next((i for i in range(len(block) - 1, -1, -1) if TABLE_START.match(block[i].strip())), None)
    return [] if start is None else block[start:]


def _paragraphs(lines: list[PageLine], frame: tuple[float, float]) -> list[str]:
    """Prose lines rejoined into paragraphs, one per line with a blank line after each.

    A line starts a new paragraph when it is indented, follows a short line or a
    larger gap, or is a heading; otherwise it continues the line before it.
    """
    if not lines:
        return []
    left, right = frame
    size = statistics.median(line.size for line in lines) or 10.0
    pitches = [b.top - a.top for a, b in itertools.pairwise(lines) if abs(a.size - b.size) <= 0.5 and b.top > a.top]
    pitch = min(pitches, default=size * 1.5)  # the line pitch inside a paragraph; more means a new one
    out: list[list[str]] = []
    prev: PageLine | None = None
    for line in lines:
        new = (
            prev is None
            or line.x0 > left + size * 0.8  # first-line indent
            or prev.x1 < right - max(size * 2, _first_run(line.text, size))  # the line before ended short
            or line.top - prev.top > pitch + max(1.5, size * 0.25)  # space between paragraphs
            or abs(line.size - prev.size) > 0.5  # a heading in another size
            or _starts_block(line.text)
            or _starts_block(prev.text)
        )
        if new:
            out.append([line.text])
        else:
            out[-1].append(line.text)
        prev = line
    return [text for parts in out for text in (join_lines(parts), "")]


def _first_run(text: str, size: float) -> float:
    """About how wide the line's first unbreakable run is ("10.58%。"): a line before it that ends
    short by less than that may have wrapped early to keep the run whole."""
    m = _UNBREAKABLE.match(text)
    if not m:
        return size
    return sum(0.6 * size if ch.isascii() else size for ch in m.group(0))


def _starts_block(text: str) -> bool:
    s = text.strip()
    return bool(PART_HEADING.match(s) or SUBSECTION.match(s) or TABLE_START.match(s) or _BULLET.match(s))
