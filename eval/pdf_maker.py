"""Test helper: lay out a disclosure text (the template format of data/*.txt) as a PDF with reportlab.

The PDF is what a real layout engine makes of the text, so the PDF loader can be tested
against the text version: A4 pages, a running head and a page number on every page,
wrapped CJK paragraphs, and fully ruled tables that reportlab breaks across pages itself
(the header rows repeat on each continuation page). A table printed over several pages in
the text (several blocks with the same `表 N`) is merged back into one table first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 25 * mm, 22 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
CELL_FONT, WIDE_CELL_FONT = 10.5, 8.5  # wide tables (many columns or long text) use the smaller size
PAD_X, PAD_Y = 6, 6  # cell padding; the generous PAD_Y makes 表1/表6/表7 run over a page
LABEL_CHARS = 6  # label columns hold at most this many characters a line, so long names wrap

TABLE_START = re.compile(r"^(?:附)?表\s*(?P<num>\d+)(?:\s+[\u4e00-\u9fff“”（）()]{2,40})?\s*$")
PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")
DIVIDER = re.compile(r"^[一二]、(?:文字|表格)部分$")
SUBSECTION = re.compile(r"^[一二三四五六七八九十]+、[^。：:；;，,]{1,30}$")
TOC_ENTRY = re.compile(r"^[-•·*]\s")
NOTE = re.compile(r"^(?:注|备注|本套报表)")
UNIT_LINE = re.compile(r"^(?:金额)?单位\s*[:：]")
DEPT_LINE = re.compile(r"^(?:部门|单位)名称\s*[:：]")
AMOUNT = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")

Span = tuple[tuple[int, int], tuple[int, int]]  # ((col, row), (col, row)) of a SPAN command


def _style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=leading, wordWrap="CJK", **kw)


STYLES = {
    "title": _style("title", 20, 30, alignment=TA_CENTER, spaceAfter=6),
    "toc_heading": _style("toc_heading", 16, 24, alignment=TA_CENTER, spaceAfter=12),
    "toc": _style("toc", 11, 20, leftIndent=24),
    "part": _style("part", 14, 21, spaceBefore=10, spaceAfter=8),
    "subsection": _style("subsection", 12, 18, spaceBefore=4, spaceAfter=4),
    "body": _style("body", 10.5, 18, firstLineIndent=21, spaceAfter=6),
    "note": _style("note", 9, 13, spaceBefore=6),
    "table_no": _style("table_no", 10.5, 16),
    "table_title": _style("table_title", 14, 22, alignment=TA_CENTER, spaceAfter=4),
    "caption": _style("caption", 9.5, 15),
    "unit": _style("unit", 9.5, 15, alignment=TA_RIGHT, spaceAfter=2),
}


@dataclass
class TableBlock:
    """One logical table: its caption lines (`表 N`, title, 部门名称, 单位) and its rows, parts merged."""

    number: str | None  # "1" for 表 1; None for a table inside the prose
    caption: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    drop: list[list[str]] = field(default_factory=list)  # repeated header rows still to skip in a later part


def _squeeze(cells: list[str]) -> list[str]:
    return [re.sub(r"\s+", "", c) for c in cells]


def header_count(rows: list[list[str]]) -> int:
    """Header rows: the leading rows (at most 3) without an amount, keeping at least one data row."""
    n = 0
    for row in rows[:3]:
        if any(AMOUNT.match(c.strip()) for c in row):
            break
        n += 1
    return max(0, min(n, len(rows) - 1))


def parse_items(text: str) -> list[str | TableBlock]:
    """The text as prose lines and tables; consecutive parts of one `表 N` are merged."""
    items: list[str | TableBlock] = []
    current: TableBlock | None = None  # the table tab lines are added to
    in_caption = continuing = False
    for line in text.split("\n"):
        s = line.strip()
        if "\t" in line:
            row = [re.sub(r"</?p>", "", c) for c in line.split("\t")]
            if current is None:
                current = TableBlock(None)
                items.append(current)
            in_caption = False
            if current.drop and _squeeze(row) == _squeeze(current.drop[0]):
                current.drop.pop(0)
            else:
                current.drop = []
                current.rows.append(row)
        elif (m := TABLE_START.match(s)) is not None:
            last = items[-1] if items else None
            continuing = isinstance(last, TableBlock) and last.number == m["num"]
            if isinstance(last, TableBlock) and continuing:
                current = last
                current.drop = current.rows[: header_count(current.rows)]
            else:
                current = TableBlock(m["num"], [s])
                items.append(current)
            in_caption = True
        elif s and in_caption:
            if current is not None and not continuing:
                current.caption.append(s)  # a later part's repeated title block is dropped
        elif s:
            items.append(s)
            current = None
    return items


def header_spans(rows: list[list[str]], n: int) -> list[Span]:
    """SPAN ranges ((col, row), (col, row)) of a two-level header given by empty cells.

    A group heading spans the empty cells after it when a lower header row has content
    under them; a heading with only empty cells below it spans down the header.
    """
    width = len(rows[0])
    filled = [[bool(c.strip()) for c in row] for row in rows[:n]]
    spans: list[Span] = []
    covered: set[tuple[int, int]] = set()
    for r in range(n):
        for c in range(width):
            end = c
            while filled[r][c] and end + 1 < width and not filled[r][end + 1]:
                if not any(filled[b][end + 1] for b in range(r + 1, n)):
                    break
                end += 1
            if end > c:
                spans.append(((c, r), (end, r)))
                covered.update((col, r) for col in range(c + 1, end + 1))
    for r in range(n):
        for c in range(width):
            down = r
            while filled[r][c] and down + 1 < n and not filled[down + 1][c] and (c, down + 1) not in covered:
                down += 1
            if down > r and not any(start == (c, r) for start, _ in spans):
                spans.append(((c, r), (c, down)))
    return spans


def _text_width(cells: list[str], size: float) -> float:
    return max((pdfmetrics.stringWidth(t, FONT, size) + 2 * PAD_X for t in cells if t), default=0.0)


def _column_stats(rows: list[list[str]], n: int, size: float, spans: list[Span]) -> list[tuple[float, float, bool]]:
    """Per column: (widest header cell not in a span, widest data cell, mostly amounts)."""
    span_starts = {start for start, end in spans if start[0] != end[0]}
    stats = []
    for c in range(len(rows[0])):
        head = [rows[r][c].strip() for r in range(n) if (c, r) not in span_starts]
        data = [row[c].strip() for row in rows[n:] if row[c].strip()]
        amount = bool(data) and sum(bool(AMOUNT.match(t)) for t in data) > len(data) / 2
        stats.append((_text_width(head, size), _text_width(data, size), amount))
    return stats


def column_widths(rows: list[list[str]], n: int, size: float, spans: list[Span]) -> list[float]:
    """Widths: amount columns as wide as their numbers, label columns capped so long names wrap,
    the room left to the columns of long text (or else to the amounts)."""
    stats = _column_stats(rows, n, size, spans)
    cap = LABEL_CHARS * size + 2 * PAD_X
    long = [not amount and data > 3 * cap for _, data, amount in stats]
    if any(long):
        cap = (LABEL_CHARS - 2) * size + 2 * PAD_X
    floor = 3 * size + 2 * PAD_X
    widths = [max(floor, min(head, cap), data if amount else min(data, cap)) for head, data, amount in stats]
    amounts = [i for i, (_, _, amount) in enumerate(stats) if amount]
    grow = [i for i, flag in enumerate(long) if flag] or amounts or list(range(len(widths)))
    spare = FRAME_W - sum(widths)
    if spare >= 0:
        return [w + (spare / len(grow) if i in grow else 0) for i, w in enumerate(widths)]
    return [w * FRAME_W / sum(widths) for w in widths]


def _cell(text: str, style: ParagraphStyle) -> Paragraph | str:
    return Paragraph(escape(text.strip()), style) if text.strip() else ""


def _cells(rows: list[list[str]], n: int, size: float) -> list[list[Paragraph | str]]:
    """Paragraph cells: header centred, amounts right-aligned (科目编码 columns excepted), text left."""
    base = _style(f"cell{size}", size, size * 1.3)
    head = ParagraphStyle("cell_head", base, alignment=TA_CENTER)
    amount = ParagraphStyle("cell_amount", base, alignment=TA_RIGHT)
    codes = {c for c in range(len(rows[0])) if any(re.search("编码|代码", row[c]) for row in rows[:n])}

    def style(r: int, c: int, text: str) -> ParagraphStyle:
        if r < n:
            return head
        return amount if AMOUNT.match(text.strip()) and c not in codes else base

    return [[_cell(t, style(r, c, t)) for c, t in enumerate(row)] for r, row in enumerate(rows)]


def table_flowable(rows: list[list[str]]) -> Table:
    """A fully ruled table: header rows repeated on each page, spans, middle-aligned wrapped cells."""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    n = header_count(rows)
    size = WIDE_CELL_FONT if width >= 7 or any(len(c) > 60 for row in rows for c in row) else CELL_FONT
    data = _cells(rows, n, size)
    spans = header_spans(rows, n)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
    ] + [("SPAN", start, end) for start, end in spans]
    widths = column_widths(rows, n, size, spans)
    return Table(data, colWidths=widths, repeatRows=n, style=TableStyle(style), hAlign="CENTER")


def table_flowables(block: TableBlock) -> list[Flowable]:
    """Caption paragraphs, then the table; a numbered table starts on a new page."""
    out: list[Flowable] = [PageBreak()] if block.number else []
    for i, line in enumerate(block.caption):
        kind = "table_no" if i == 0 else "unit" if UNIT_LINE.match(line) else "caption"
        kind = "table_title" if i == 1 and kind == "caption" and not DEPT_LINE.match(line) else kind
        out.append(Paragraph(escape(line), STYLES[kind]))
    if block.rows:
        out.append(table_flowable(block.rows))
    return out


def prose_style(line: str) -> str:
    """The paragraph style of a body line."""
    if PART_HEADING.match(line) or DIVIDER.match(line):
        return "part"
    if SUBSECTION.match(line):
        return "subsection"
    return "note" if NOTE.match(line) else "body"


def build_story(items: list[str | TableBlock], styles: dict[str, ParagraphStyle] = STYLES) -> list[Flowable]:
    """Cover title, 目录 on its own page, then the body; lines are laid out as they are."""
    story: list[Flowable] = []
    phase, dividers = "title", set()
    for item in items:
        if isinstance(item, TableBlock):
            phase = "body"
            story.extend(table_flowables(item))
            continue
        if phase == "title" and re.sub(r"\s+", "", item) in {"目录", "目次"}:
            story.append(PageBreak())
            phase, kind = "toc", "toc_heading"
        elif phase == "title" and not (PART_HEADING.match(item) or DIVIDER.match(item)) and len(story) < 3:
            kind = "title"
        elif phase == "toc" and (TOC_ENTRY.match(item) or (DIVIDER.match(item) and item not in dividers)):
            kind = "toc"  # a divider the 目录 already listed starts the body
            dividers.add(item)
        else:
            if phase != "body" and story:
                story.append(PageBreak())
            phase, kind = "body", prose_style(item)
        story.append(Paragraph(escape(item), styles[kind]))
    return story


def _document_title(items: list[str | TableBlock]) -> str:
    """The title lines before the 目录 joined, for the running head."""
    head = []
    for item in items[:3]:
        if not isinstance(item, str) or re.sub(r"\s+", "", item) in {"目录", "目次"} or PART_HEADING.match(item):
            break
        head.append(item)
    return "".join(head)


def make_pdf(text: str, out: Path, *, header: str | None = None, leading: float = 18) -> Path:
    """Lay out a disclosure text (template format) as a PDF with reportlab; returns `out`.

    `header` is the running head (default: the document's title lines); every page also
    gets "- N -" as its footer. `leading` is the body text's line pitch: it moves the
    page breaks (17 breaks two paragraphs of the sample over a page, 18 none).
    """
    styles = {**STYLES, "body": _style("body", 10.5, leading, firstLineIndent=21, spaceAfter=6)}
    items = parse_items(text)
    head = _document_title(items) if header is None else header

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        if head:
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - 14 * mm, head)
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(PAGE_W / 2, 12 * mm, f"- {doc.page} -")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=head,
    )
    doc.build(build_story(items, styles), onFirstPage=decorate, onLaterPages=decorate)
    return out


def _scan_image(page: int) -> Image.Image:
    """A grey 150 dpi A4 'scan': a heading bar, lines of 'text' as bars, a ruled table, a page number."""
    img = Image.new("L", (1240, 1754), 245)
    draw = ImageDraw.Draw(img)
    draw.rectangle((420, 150, 820, 185), fill=40)
    for i in range(12):
        draw.rectangle((150 + (60 if i % 4 == 0 else 0), 260 + 40 * i, 1090 - (i * 37) % 200, 280 + 40 * i), fill=70)
    for i in range(9):
        draw.line((150, 800 + 60 * i, 1090, 800 + 60 * i), fill=0, width=2)
    for x in (150, 450, 700, 900, 1090):
        draw.line((x, 800, x, 1280), fill=0, width=2)
    draw.text((600, 1650), f"- {page} -", fill=0)
    return img


def make_scanned_pdf(out: Path) -> Path:
    """A PDF with no text layer: each of its 2 pages is only an image; returns `out`."""
    canvas = Canvas(str(out), pagesize=A4)
    for page in (1, 2):
        canvas.drawImage(ImageReader(_scan_image(page)), 0, 0, width=PAGE_W, height=PAGE_H)
        canvas.showPage()
    canvas.save()
    return out


# --- hand-laid pages: text lines and ruled grids at given positions ---------------------------------------

Item = tuple[object, ...]  # ("text", x, y, text[, size]) | ("rtext", x, y, text) | ("grid", x, top, widths, rows)
# | ("plain", x, top, widths, rows, header_rows, three_lines): an unruled table, or a 三线表 when three_lines


def _grid(canvas: Canvas, x0: float, top: float, widths: list[float], rows: list[list[str]]) -> None:
    """A fully ruled grid, 20 pt a row, cell text left-aligned."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    for i in range(len(rows) + 1):
        canvas.line(xs[0], top - i * 20, xs[-1], top - i * 20)
    for x in xs:
        canvas.line(x, top, x, top - len(rows) * 20)
    canvas.setFont(FONT, 10)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            canvas.drawString(xs[j] + 3, top - i * 20 - 14, cell)


def _plain(
    canvas: Canvas, x0: float, top: float, widths: list[float], rows: list[list[str]], head: int, three: bool
) -> None:
    """An unruled table, 16 pt a row: names left-aligned, amounts right-aligned; with `three`, the rules
    of a 三线表 (above the header, under it, under the last row) and no others."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    if three:
        for y in (top, top - head * 16, top - len(rows) * 16):
            canvas.line(xs[0], y, xs[-1], y)
    canvas.setFont(FONT, 10)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            if i >= head and AMOUNT.match(cell.strip()) and j > 0:
                canvas.drawRightString(xs[j + 1] - 3, top - i * 16 - 12, cell)
            else:
                canvas.drawString(xs[j] + 3, top - i * 16 - 12, cell)


def make_pages(out: Path, pages: list[list[Item]], *, turned: set[int] = frozenset()) -> Path:  # type: ignore[assignment]
    """A PDF laid out by hand, one list of items per page, "- N -" at each foot. Pages in `turned`
    (1-based) are landscape pages stored as portrait ones with /Rotate 90, as some printers make them."""
    canvas = Canvas(str(out), pagesize=A4)
    for n, items in enumerate(pages, start=1):
        width = PAGE_W
        canvas.setPageRotation(90 if n in turned else 0)
        if n in turned:
            canvas.saveState()
            canvas.transform(0, 1, -1, 0, PAGE_W, 0)
            width = PAGE_H
        for kind, x, y, *rest in items:
            if kind == "grid":
                _grid(canvas, x, y, *rest)  # type: ignore[arg-type]
            elif kind == "plain":
                _plain(canvas, x, y, *rest)  # type: ignore[arg-type]
            else:
                canvas.setFont(FONT, float(rest[1]) if len(rest) > 1 else 11)  # type: ignore[arg-type]
                draw = canvas.drawRightString if kind == "rtext" else canvas.drawString
                draw(x, y, str(rest[0]))  # type: ignore[arg-type]
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(width / 2, 20, f"- {n} -")
        if n in turned:
            canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return out
