"""Reading a PDF disclosure into the template text the parser reads, with a page mark per page.

pdfplumber finds the ruled tables of each page and the text lines outside them.
What comes out is the text a disclosure's text version has: prose lines rejoined
into paragraphs, table rows as tab-separated cells (a wrapped cell joined into one),
a table continued on the next page given its title block again (so the parser
merges the parts and drops the repeated header, as it does for the text version),
running headers and page numbers dropped, and a form feed before each new page so
every fact and chunk knows its page.
"""

from __future__ import annotations

import itertools
import logging
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from index.errors import UnreadableDocument
from index.grids import Span, find_unruled
from index.normal import RADICALS, squeeze
from index.parse import PAGE_MARK, PART_HEADING, SUBSECTION, TABLE_START
from index.tables import MAX_HEADER_ROWS, repeated_header

MAX_PAGES = 400  # a department's disclosure runs to 20–80 pages
_MARGIN = 0.09  # running heads and page numbers sit in the top and bottom 9% of a page
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–−·\s]*\d+[-—–−·\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$"
)
_CID = re.compile(r"\(cid:\d+\)")
log = logging.getLogger(__name__)
logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns per glyph about fonts it reads fine (CID fonts)
_LATIN = re.compile(r"[A-Za-z]")
_UNBREAKABLE = re.compile(r"[A-Za-z0-9.,%‰()\-]+[。，、；：）”%]*")
_BULLET = re.compile(r"^[-•·*]\s")  # a 目录 entry printed as a list
_CONTINUED = re.compile(
    r"^(?:[（(]?续表[\d一二三四五六七八九十]*[)）]?|.{0,40}[（(]续(?:表|上表)?[)）]|(?:金额)?单位[:：].{1,3}|(?:部门|单位)名称[:：].+)$"
)  # "续表1", "（续）", "收支总表（续）", a unit or 部门名称 line above a table's next part


@dataclass
class _Line:
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float  # font size of its characters


@dataclass
class _Grid:
    top: float
    rows: list[list[str]]


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Grid] = field(default_factory=list)
    covered: float = 0.0  # the share of the page that images cover (a scanned page: nearly all)
    unknown: int = 0  # glyphs with no character code ("(cid:19)"), replaced by □
    columns: list[Span] | None = None  # the columns of the page's last unruled table (its next part may go on)


def read_pdf(path: Path, progress: Callable[[int, int], None] | None = None) -> tuple[str, list[str]]:
    """(template text with page marks, warnings) of a PDF; raises UnreadableDocument with a Chinese reason.

    `progress(done, total)` is called after each page (about 30 pages a second on this project's machines).
    """
    pages = _pages(path, progress)
    running = _running_lines(pages)
    for p in pages:
        p.lines = [line for line in p.lines if not _is_running(line, p, running)]
    blank = [p.number for p in pages if (not p.lines and not p.tables) or (p.covered > 0.5 and _chars(p) < 40)]
    if len(blank) == len(pages) or sum(_chars(p) for p in pages) < 20:
        raise UnreadableDocument(
            path,
            "这是扫描件或图片 PDF，没有可提取的文字层。请先用 OCR（文字识别）软件转换为带文字的 PDF 或文本后再导入",
        )
    captions = any(TABLE_START.match(line.text) for p in pages for line in p.lines)
    if captions and not any(p.tables for p in pages):
        raise UnreadableDocument(
            path,
            "PDF 中没有找到带框线的表格（表格可能是三线表、无框线表或图片），无法可靠读取表格中的数字。"
            "请提供表格带框线的 PDF，或文本版（.txt）",
        )
    warnings = []
    if blank:
        warnings.append(f"第{_listed(blank)}页没有文字层（可能是扫描页或图片），其中的内容没有读取")
    if unknown := [p.number for p in pages if p.unknown]:
        warnings.append(f"第{_listed(unknown)}页有字符无法识别（字体缺少编码信息），含这些字符的数字没有读取")
    return _text(pages, _frames(pages)), warnings


def _listed(numbers: list[int]) -> str:
    """ "3、5、8" (the first ten, then 等)."""
    return "、".join(str(n) for n in numbers[:10]) + ("等" if len(numbers) > 10 else "")


def _chars(p: _Page) -> int:
    return sum(len(line.text) for line in p.lines) + sum(len(c) for g in p.tables for row in g.rows for c in row)


def _frames(pages: list[_Page]) -> dict[float, tuple[float, float]]:
    """Page width → (left, right) of the text frame, from the prose lines of all pages that wide.

    One page alone may hold only a short note or two; the document's full lines show the frame.
    """
    frames: dict[float, tuple[float, float]] = {}
    for width in {p.width for p in pages}:
        lines = [line for p in pages if p.width == width for line in p.lines]
        if lines:
            frames[width] = (min(line.x0 for line in lines), max(line.x1 for line in lines))
    return frames


def _pages(path: Path, progress: Callable[[int, int], None] | None) -> list[_Page]:
    try:
        with pdfplumber.open(path) as pdf:
            total = len(pdf.pages)
            if total > MAX_PAGES:
                raise UnreadableDocument(
                    path, f"PDF 有 {total} 页（上限 {MAX_PAGES} 页），不像是一份部门预算/决算公开文件"
                )
            out: list[_Page] = []
            for i, page in enumerate(pdf.pages, start=1):
                out.append(_read_page(page, i, out[-1].columns if out else None))
                page.flush_cache()  # pdfplumber keeps every page's objects otherwise
                if progress:
                    progress(i, total)
            return out
    except (PdfminerException, MalformedPDFException, PDFSyntaxError, PSException) as e:
        raise UnreadableDocument(path, _reason(e)) from e  # pdfplumber wraps what pdfminer raises
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, AssertionError) as e:
        # a malformed page dictionary (a MediaBox of None…) fails unwrapped inside pdfplumber; the
        # traceback goes to the log (INFO: not to the terminal) in case it is a bug of ours instead
        log.info("PDF %s could not be read", path, exc_info=True)
        raise UnreadableDocument(path, _reason(e)) from e


def _reason(e: Exception) -> str:
    """Why a PDF cannot be read, in Chinese."""
    cause = e.args[0] if isinstance(e, PdfminerException | MalformedPDFException) and e.args else e
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return "PDF 已加密，请先解除密码保护后再导入"
    return "PDF 文件已损坏或不完整，无法读取"


def _read_page(page: Any, number: int, previous: list[Span] | None = None) -> _Page:
    """A page's text lines and grids: its ruled tables, then unruled ones among the words outside them."""
    found = page.find_tables(_table_settings(page))
    found = [t for t in found if len(t.rows) >= 1 and len(t.columns) >= 2]
    boxes = [t.bbox for t in found]
    outside = page.filter(lambda obj: not any(_inside(obj, box) for box in boxes)) if boxes else page
    unruled = find_unruled(outside.extract_words(extra_attrs=["size"]), previous, float(page.height) * _MARGIN)
    if unruled:
        boxes = [u.bbox for u in unruled]
        outside = outside.filter(lambda obj: not any(_inside(obj, box) for box in boxes))
    lines = [
        _Line(
            text=_clean(line["text"]).strip(),
            top=line["top"],
            bottom=line["bottom"],
            x0=line["x0"],
            x1=line["x1"],
            size=statistics.median(c["size"] for c in line["chars"]) if line["chars"] else 0.0,
        )
        for line in outside.extract_text_lines(return_chars=True)
    ]
    grids = [_Grid(top=t.bbox[1], rows=[[_cell(c) for c in row] for row in t.extract()]) for t in found]
    grids += [_Grid(top=u.bbox[1], rows=[[_cell(c) for c in row] for row in u.rows]) for u in unruled]
    width, height = float(page.width), float(page.height)
    if (page.rotation or 0) % 180 == 90:  # pdfplumber gives a turned page's size unturned, its coordinates turned
        width, height = height, width
    images = sum(abs((i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images)
    return _Page(
        number=number,
        width=width,
        height=height,
        lines=[line for line in lines if line.text],
        tables=[g for g in grids if any(any(row) for row in g.rows)],
        covered=min(1.0, images / (width * height)) if width * height else 0.0,
        unknown=sum(line.text.count("□") for line in lines)
        + sum(c.count("□") for g in grids for row in g.rows for c in row),
        columns=unruled[-1].columns if unruled else None,
    )


def _clean(text: str) -> str:
    """Radical code points as the ideographs they are printed as; a glyph without a character code
    ("(cid:19)") as □, so that a number holding one is not read as a shorter number."""
    return _CID.sub("□", text).translate(RADICALS)


def _table_settings(page: Any) -> dict[str, Any]:
    """Ruled tables; a row cut by the page break has no rule under it, so the ends of the
    page's vertical rules close it (and the top of a row continued from the last page)."""
    settings: dict[str, Any] = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    vertical = page.vertical_edges
    if vertical:
        settings["explicit_horizontal_lines"] = [min(e["top"] for e in vertical), max(e["bottom"] for e in vertical)]
    return settings


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _cell(text: str | None) -> str:
    """A cell's text on one line: a name wrapped over several lines is one name again."""
    if not text:
        return ""
    return _join_lines(_clean(text).replace("\t", " ").split("\n"))


def _join_lines(parts: list[str]) -> str:
    """Join wrapped lines: nothing between Chinese characters or digits, a space between two Latin words."""
    out = ""
    for part in (p.strip() for p in parts):
        if out and part and _LATIN.match(out[-1]) and _LATIN.match(part[0]):
            out += " "
        out += part
    return out


def _shape(line: _Line) -> str:
    """A line with its digits masked: a running head or footer keeps its shape from page to page."""
    return re.sub(r"\d+", "#", squeeze(line.text))


def _in_margin(line: _Line, page: _Page) -> bool:
    return line.bottom < page.height * _MARGIN or line.top > page.height * (1 - _MARGIN)


def _running_lines(pages: list[_Page]) -> set[str]:
    """Shapes of the margin lines printed on at least half of the pages (three at least): running heads."""
    if len(pages) < 3:
        return set()
    seen = Counter(shape for p in pages for shape in {_shape(line) for line in p.lines if _in_margin(line, p)})
    return {shape for shape, n in seen.items() if n >= max(3, len(pages) // 2)}


def _is_running(line: _Line, page: _Page, running: set[str]) -> bool:
    """A page number, running head or footer: in the page's margin, a page-number pattern or repeated.

    A table's caption (表 N) or a heading at the top of a page is never one, though "表#" repeats.
    """
    s = line.text.strip()
    if TABLE_START.match(s) or PART_HEADING.match(s) or _CONTINUED.match(s):
        return False
    if not _in_margin(line, page):  # "- 4 -" a little above the margin: the page's last line below its tables
        return bool(_PAGE_NUMBER.match(s)) and _DECORATED.match(s) is not None and _outermost(line, page)
    return bool(_PAGE_NUMBER.match(s)) or _shape(line) in running


_DECORATED = re.compile(r"^[-—–−·]\s*\d+\s*[-—–−·]$|^第\s*\d+\s*页")  # "- 4 -", "— 13 —", "第 4 页": never a figure


def _outermost(line: _Line, page: _Page) -> bool:
    """The line is the page's lowest or highest, below or above any table."""
    tops = [other.top for other in page.lines] + [g.top for g in page.tables]
    return line.top >= max(tops) or line.top <= min(tops)


def _text(pages: list[_Page], frames: dict[float, tuple[float, float]]) -> str:
    """The template text: per page, prose lines and table rows in reading order; a page mark between pages."""
    out: list[str] = []
    title_block: list[str] = []  # the lines above the last table (表 N, title, 部门名称, 单位): repeated for its parts
    first_rows: list[list[str]] = []  # the first rows of the last table, which its later parts may repeat
    open_width = 0  # the column count of a table that ends its page (it may go on), else 0
    for p in pages:
        if p.number > 1:
            out.append(PAGE_MARK)
        frame = frames.get(p.width, (0.0, p.width))  # a page with no prose at all (a table only) has none
        items: list[_Line | _Grid] = sorted([*p.lines, *p.tables], key=lambda item: item.top)
        prose: list[_Line] = []
        for item in items:
            if isinstance(item, _Line):
                prose.append(item)
                continue
            block = _paragraphs(prose, frame)
            width = max((len(r) for r in item.rows), default=0)
            rows = item.rows
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
    return not s or bool(_CONTINUED.match(s)) or s in {squeeze(t) for t in title_block}


def _title_block(block: list[str]) -> list[str]:
    """The lines of a table's title block (from its 表 N line on), or [] when none precedes the table."""
    start = next((i for i in range(len(block) - 1, -1, -1) if TABLE_START.match(block[i].strip())), None)
    return [] if start is None else block[start:]


def _paragraphs(lines: list[_Line], frame: tuple[float, float]) -> list[str]:
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
    prev: _Line | None = None
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
    return [text for parts in out for text in (_join_lines(parts), "")]


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
