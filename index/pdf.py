"""Reading a PDF disclosure into page records (index/pages.py).

pdfplumber finds the ruled tables of each page and the text lines outside them;
index/grids.py reads unruled tables from the words' positions. Each page becomes a
`Page`: its text lines with positions and font size, its grids as rows of cells (a
wrapped cell joined into one), running headers and page numbers dropped.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from index.errors import UnreadableDocument
from index.grids import Span, find_unruled
from index.headings import PART_HEADING, TABLE_START
from index.normal import RADICALS, squeeze
from index.pages import CONTINUED, Grid, Page, PageLine, join_lines

MAX_PAGES = 400  # a department's disclosure runs to 20–80 pages
_MARGIN = 0.09  # running heads and page numbers sit in the top and bottom 9% of a page
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–−·\s]*\d+[-—–−·\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$"
)
_CID = re.compile(r"\(cid:\d+\)")
log = logging.getLogger(__name__)
logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns per glyph about fonts it reads fine (CID fonts)


def read_pages(path: Path, progress: Callable[[int, int], None] | None = None) -> tuple[list[Page], list[str]]:
    """(pages, warnings) of a PDF; raises UnreadableDocument with a Chinese reason.

    `progress(done, total)` is called after each page (about 30 pages a second on this project's machines).
    """
    pages = _pages(path, progress)
    running = _running_lines(pages)
    pages = [replace(p, lines=tuple(line for line in p.lines if not _is_running(line, p, running))) for p in pages]
    blank = [p.number for p in pages if (not p.lines and not p.grids) or (p.covered > 0.5 and p.chars < 40)]
    if len(blank) == len(pages) or sum(p.chars for p in pages) < 20:
        raise UnreadableDocument(
            path,
            "这是扫描件或图片 PDF，没有可提取的文字层。请先用 OCR（文字识别）软件转换为带文字的 PDF 或文本后再导入",
        )
    captions = any(TABLE_START.match(line.text) for p in pages for line in p.lines)
    if captions and not any(p.grids for p in pages):
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
    return pages, warnings


def _listed(numbers: list[int]) -> str:
    """ "3、5、8" (the first ten, then 等)."""
    return "、".join(str(n) for n in numbers[:10]) + ("等" if len(numbers) > 10 else "")


def _pages(path: Path, progress: Callable[[int, int], None] | None) -> list[Page]:
    try:
        with pdfplumber.open(path) as pdf:
            total = len(pdf.pages)
            if total > MAX_PAGES:
                raise UnreadableDocument(
                    path, f"PDF 有 {total} 页（上限 {MAX_PAGES} 页），不像是一份部门预算/决算公开文件"
                )
            out: list[Page] = []
            columns: list[Span] | None = None  # the columns of the last page's last unruled table (it may go on)
            for i, page in enumerate(pdf.pages, start=1):
                read, columns = _read_page(page, i, columns)
                out.append(read)
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


def _read_page(page: Any, number: int, previous: list[Span] | None = None) -> tuple[Page, list[Span] | None]:
    """A page's text lines and grids: its ruled tables, then unruled ones among the words outside them;
    and the columns of its last unruled table (whose next part may go on on the next page)."""
    found = page.find_tables(_table_settings(page))
    found = [t for t in found if len(t.rows) >= 1 and len(t.columns) >= 2]
    boxes = [t.bbox for t in found]
    outside = page.filter(lambda obj: not any(_inside(obj, box) for box in boxes)) if boxes else page
    unruled = find_unruled(outside.extract_words(extra_attrs=["size"]), previous, float(page.height) * _MARGIN)
    if unruled:
        boxes = [u.bbox for u in unruled]
        outside = outside.filter(lambda obj: not any(_inside(obj, box) for box in boxes))
    lines = [
        PageLine(
            text=_clean(line["text"]).strip(),
            top=line["top"],
            bottom=line["bottom"],
            x0=line["x0"],
            x1=line["x1"],
            size=statistics.median(c["size"] for c in line["chars"]) if line["chars"] else 0.0,
        )
        for line in outside.extract_text_lines(return_chars=True)
    ]
    grids = [Grid(top=t.bbox[1], rows=tuple(tuple(_cell(c) for c in row) for row in t.extract())) for t in found]
    grids += [
        Grid(top=u.bbox[1], rows=tuple(tuple(_cell(c) for c in row) for row in u.rows), ruled=False) for u in unruled
    ]
    width, height = float(page.width), float(page.height)
    if (page.rotation or 0) % 180 == 90:  # pdfplumber gives a turned page's size unturned, its coordinates turned
        width, height = height, width
    images = sum(abs((i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images)
    read = Page(
        number=number,
        width=width,
        height=height,
        lines=tuple(line for line in lines if line.text),
        grids=tuple(g for g in grids if any(any(row) for row in g.rows)),
        covered=min(1.0, images / (width * height)) if width * height else 0.0,
        unknown=sum(line.text.count("□") for line in lines) + sum(c.text.count("□") for g in grids for c in g.cells()),
    )
    return read, unruled[-1].columns if unruled else None


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
    return join_lines(_clean(text).replace("\t", " ").split("\n"))


def _shape(line: PageLine) -> str:
    """A line with its digits masked: a running head or footer keeps its shape from page to page."""
    return re.sub(r"\d+", "#", squeeze(line.text))


def _in_margin(line: PageLine, page: Page) -> bool:
    return line.bottom < page.height * _MARGIN or line.top > page.height * (1 - _MARGIN)


def _running_lines(pages: list[Page]) -> set[str]:
    """Shapes of the margin lines printed on at least half of the pages (three at least): running heads."""
    if len(pages) < 3:
        return set()
    seen = Counter(shape for p in pages for shape in {_shape(line) for line in p.lines if _in_margin(line, p)})
    return {shape for shape, n in seen.items() if n >= max(3, len(pages) // 2)}


def _is_running(line: PageLine, page: Page, running: set[str]) -> bool:
    """A page number, running head or footer: in the page's margin, a page-number pattern or repeated.

    A table's caption (表 N) or a heading at the top of a page is never one, though "表#" repeats.
    """
    s = line.text.strip()
    if TABLE_START.match(s) or PART_HEADING.match(s) or CONTINUED.match(s):
        return False
    if not _in_margin(line, page):  # "- 4 -" a little above the margin: the page's last line below its tables
        return bool(_PAGE_NUMBER.match(s)) and _DECORATED.match(s) is not None and _outermost(line, page)
    return bool(_PAGE_NUMBER.match(s)) or _shape(line) in running


_DECORATED = re.compile(r"^[-—–−·]\s*\d+\s*[-—–−·]$|^第\s*\d+\s*页")  # "- 4 -", "— 13 —", "第 4 页": never a figure


def _outermost(line: PageLine, page: Page) -> bool:
    """The line is the page's lowest or highest, below or above any table."""
    tops = [other.top for other in page.lines] + [g.top for g in page.grids]
    return line.top >= max(tops) or line.top <= min(tops)
