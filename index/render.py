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

from index.normal import squeeze
from index.pages import CONTINUED, PAGE_MARK, Grid, Page, PageLine, join_lines
from index.parse import PART_HEADING, SUBSECTION, TABLE_START
from index.tables import MAX_HEADER_ROWS, repeated_header

_UNBREAKABLE = re.compile(r"[A-Za-z0-9.,%‰()\-]+[。，、；：）”%]*")
_BULLET = re.compile(r"^[-•·*]\s")  # a 目录 entry printed as a list


def render(pages: list[Page]) -> str:
    """The template text of a PDF's pages."""
    return _text(pages, _frames(pages))


def _frames(pages: list[Page]) -> dict[float, tuple[float, float]]:
    """Page width → (left, right) of the text frame, from the prose lines of all pages that wide.

    One page alone may hold only a short note or two; the document's full lines show the frame.
    """
    frames: dict[float, tuple[float, float]] = {}
    for width in {p.width for p in pages}:
        lines = [line for p in pages if p.width == width for line in p.lines]
        if lines:
            frames[width] = (min(line.x0 for line in lines), max(line.x1 for line in lines))
    return frames


def _text(pages: list[Page], frames: dict[float, tuple[float, float]]) -> str:
    """The template text: per page, prose lines and table rows in reading order; a page mark between pages."""
    out: list[str] = []
    title_block: list[str] = []  # the lines above the last table (表 N, title, 部门名称, 单位): repeated for its parts
    first_rows: list[list[str]] = []  # the first rows of the last table, which its later parts may repeat
    open_width = 0  # the column count of a table that ends its page (it may go on), else 0
    for p in pages:
        if p.number > 1:
            out.append(PAGE_MARK)
        frame = frames.get(p.width, (0.0, p.width))  # a page with no prose at all (a table only) has none
        items: list[PageLine | Grid] = sorted([*p.lines, *p.grids], key=lambda item: item.top)
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
            out.extend(block)
            out.extend("\t".join(row) for row in rows)
            out.append("")
            prose, open_width = [], width
        if prose:
            out.extend(_paragraphs(prose, frame))
            open_width = 0
    return "\n".join(out) + "\n"


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
