"""The prose parts of a disclosure (第N部分, or a template's unnumbered headings): paragraphs with the trail
of headings they are under and their pages, a paragraph a page break split joined again, a table printed
inside the prose read as one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.catalog import section_heading
from index.headings import ITEM_MARKER, PART_HEADING, SUBSECTION, TERMINAL
from index.normal import squeeze
from index.pages import Cells, Line, Printed, flat
from index.records import Paragraph, Section, Table
from index.tables import build_table

_DIVIDER = re.compile(r"^[一二]、(?:文字|表格)部分$")


class Parts:
    """How a template marks its prose parts: 第N部分 headings, or (Shanghai's 部门预算) unnumbered
    headings such as "…（部门）主要职能", "名词解释" that the catalog lists."""

    def __init__(self, department: str, numbered: bool):
        self.department, self.numbered = department, numbered

    def heading(self, line: Printed) -> str | None:
        """The part heading a line is, as printed ("第三部分 部门预算支出具体情况"), or None."""
        if not isinstance(line, str) or "\t" in line or not line.strip():
            return None  # a grid row (or one read as text for a scan of the lines)
        s = line.strip()
        m = PART_HEADING.match(s)
        if m:
            return f"第{m.group('num')}部分 {squeeze(m.group('title'))}"
        if not self.numbered and section_heading(s, self.department):
            return squeeze(s)
        return None


@dataclass
class _Block:
    text: str
    is_row: bool  # a table row inside the prose
    pages: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, page) where each page begins
    cells: Cells = ()  # a row's

    @property
    def page(self) -> int | None:
        return self.pages[0][1] if self.pages else None

    def extend(self, more: _Block) -> None:
        """Append a block that continues this one (a paragraph a page break split)."""
        offset = len(self.text)
        self.text += more.text
        self.pages.extend((offset + o, p) for o, p in more.pages if not self.pages or p != self.pages[-1][1])


def _blocks(lines: list[Line]) -> list[_Block]:
    """Non-empty lines as blocks; tab lines are table rows."""
    out: list[_Block] = []
    for line, page in lines:
        s = flat(line).strip()
        if not s or _DIVIDER.match(s):
            continue
        pages = [] if page is None else [(0, page)]
        if isinstance(line, str):
            out.append(_Block(s, False, pages))
        else:
            out.append(_Block("", True, pages, line))
    return out


def _is_heading(text: str, parts: Parts) -> bool:
    return bool(parts.heading(text) or SUBSECTION.match(text))


def _join_page_breaks(blocks: list[_Block], toc: dict[str, str], parts: Parts) -> list[_Block]:
    """Mend paragraphs and headings that a page break split in two."""
    out: list[_Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev and not prev.is_row and not block.is_row:
            part = PART_HEADING.match(prev.text)
            if part:
                full = toc.get(part.group("num"), "")
                have = squeeze(part.group("title"))
                if full.startswith(have) and full == have + squeeze(block.text):
                    prev.text = f"第{part.group('num')}部分 {full}"
                    continue
            elif (
                not _is_heading(prev.text, parts)
                and not prev.text.endswith(TERMINAL)
                and not ITEM_MARKER.match(block.text)
                and not _is_heading(block.text, parts)
            ):
                prev.extend(block)
                continue
        out.append(_Block(block.text, block.is_row, list(block.pages), block.cells))
    return out


def read_sections(
    lines: list[Line], toc: dict[str, str], warnings: list[str], parts: Parts, heading: str = ""
) -> list[Section]:
    """The parts, each with its paragraphs; `heading`: the part the lines before the first heading are in."""
    blocks = _join_page_breaks(_blocks(lines), toc, parts)
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    subsections: list[str] = []
    rows: list[Cells] = []
    row_pages: list[int | None] = []
    embedded: list[Table] = []
    sub: str | None = None

    def flush_rows() -> None:
        if rows:
            built = build_table(
                name="", title=heading, unit="", department=None, pages=[list(rows)], notes=[], on=[list(row_pages)]
            )
            embedded.append(built.table)
            warnings.extend(f"{heading}中的表格：{w}" for w in built.skipped)
            rows.clear()
            row_pages.clear()

    def flush_section() -> None:
        flush_rows()
        if heading:
            sections.append(
                Section(
                    heading=heading, paragraphs=list(paragraphs), subsections=list(subsections), tables=list(embedded)
                )
            )

    for block in blocks:
        if block.is_row:
            rows.append(block.cells)
            row_pages.append(block.page)
            continue
        flush_rows()
        part = parts.heading(block.text)
        if part:
            flush_section()
            heading = part
            paragraphs, subsections, embedded, sub = [], [], [], None
        elif SUBSECTION.match(block.text):
            sub = squeeze(block.text)
            subsections.append(sub)
        elif heading:
            trail = (heading, sub) if sub else (heading,)
            paragraphs.append(Paragraph(text=block.text, trail=trail, pages=tuple(block.pages)))
    flush_section()
    return sections
