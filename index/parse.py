"""Parsing a disclosure's text into a `Disclosure`: title, the 九个部分, tables merged across pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from index.catalog import (
    TableKind,
    caption_grammar,
    caption_name,
    department_line,
    kind_by_content,
    section_heading,
    table_kind,
)
from index.errors import NotADisclosure
from index.identify import Identity, identify, settle, stated
from index.normal import squeeze
from index.numbers import cn_number
from index.pages import PAGE_MARK
from index.records import Disclosure, LoadedText, Paragraph, Section, Table
from index.sides import link_codes
from index.tables import ParsedTable, build_table
from index.units import MONEY_PATTERN

CN_DIGITS = "一二三四五六七八九十"
_CN = {
    1: "一",
    2: "二",
    3: "三",
    4: "四",
    5: "五",
    6: "六",
    7: "七",
    8: "八",
    9: "九",
    10: "十",
    11: "十一",
    12: "十二",
}
PART_HEADING = re.compile(rf"^第(?P<num>[{CN_DIGITS}]+)部分\s*(?P<title>.*)$")
_TOC_ENTRY = re.compile(rf"^[-•·*]?\s*第(?P<num>[{CN_DIGITS}]+)部分\s*(?P<title>.+?)(?:\s*[.…·]{{2,}}\s*\d*|\s+\d+)?$")
_TOC_TABLE = re.compile(rf"^[-•·*]?\s*[（(](?P<num>[{CN_DIGITS}]+)[)）]\s*\S*表")
SUBSECTION = re.compile(rf"^[{CN_DIGITS}]+、[^。：:；;，,]{{1,30}}$")
ITEM_MARKER = re.compile(rf"^(?:[（(][{CN_DIGITS}]+[)）]|\d+[.．、](?!\d)|[{CN_DIGITS}]+、)")  # not "77.89 万元"
TABLE_START = re.compile(
    rf"^{caption_grammar()}(?:(?:\s*(?=[^\d\s])|\s+(?=\d))"
    r"(?P<title>(?:(?:19|20)\d{2}\s*年度?)?[\u4e00-\u9fff“”（）()、]{2,60}))?\s*$"
)  # a caption line: "表 1", "公开01表", "表十二", "表1 收支总表", "表1 2024年部门财务收支预算总表"
_ENUMERATED = re.compile(
    rf"^(?:[{CN_DIGITS}]+、|[（(][{CN_DIGITS}]+[)）])\s*(?P<title>[\u4e00-\u9fff“”、]{{2,40}}表(?:[（(][^()（）]{{1,20}}[)）])?)$"
)  # Fujian's "一、收支预算总表" over the table: an enumerated title (rows must follow)
_TITLE_LIKE = re.compile(r"^[\u4e00-\u9fff“”（）()、\d\s]{2,60}表(?:[（(][^()（）]{1,20}[)）])?$")
_TITLE_DONE = re.compile(r"表(?:[（(][^()（）]*[)）])?$")  # a title line that ends the title (else it goes on)
_FOLIO = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$")
_TITLE_PART = re.compile(r"^[\u4e00-\u9fff“”（）()、]{2,30}$")  # the rest of a title broken over two lines
_SUBTITLE = re.compile(r"^[（(]按[^()（）]{1,30}[)）]$")  # "（按支出功能分类科目-不含上年结转）" under a title
_UNIT_LINE = re.compile(r"^(?:金额)?单位\s*[:：]\s*(?P<unit>" + MONEY_PATTERN + r")\s*$")
_UNIT_TAIL = re.compile(
    r"\s*(?:金额)?单位\s*[:：]\s*(?P<unit>" + MONEY_PATTERN + r")\s*$"
)  # "部门名称：X 单位：元" on one line
_DEPT_LINE = re.compile(r"^(?:部门|单位)名称\s*[:：]\s*(?P<dept>.+)$")
_CONTINUED_TITLE = re.compile(r"[(（]续(?:表|上表)?[)）]$|续表$")
_DIVIDER = re.compile(r"^[一二]、(?:文字|表格)部分$")
_TERMINAL = tuple("。！？；：…”』」!?;:")

Line = tuple[str, int | None]  # a line of the text and the page it is printed on (None: no page marks)


def paginate(text: str) -> list[Line]:
    """The text's lines, each with its page: counted from page marks, None when the text has none."""
    lines = text.split("\n")
    if PAGE_MARK not in text:
        return [(line, None) for line in lines]
    out: list[Line] = []
    page = 1
    for line in lines:
        page += line.count(PAGE_MARK)
        out.append((line.replace(PAGE_MARK, ""), page))
    return out


def parse(loaded: LoadedText, given: Identity | None = None) -> Disclosure:
    """Parse a loaded disclosure; raises NotADisclosure for a text that is not one (or a blank template).

    `given`: the department, year or kind a user confirmed, in place of what the text says."""
    paged = paginate(loaded.text)
    lines = [line for line, _ in paged]
    read, body_start = identify(paged, loaded.name, starts_body=_starts_body)
    if given is not None:
        read = read.confirmed(department=given.department, year=given.year, kind=given.kind)
    identity, unsure = settle(read, loaded.name)
    department, year, kind = identity.department or "", identity.year or 0, identity.kind or "预算"
    starts = _table_starts(lines, body_start, department)
    first_table = min(starts, default=len(lines))
    parts = _Parts(department, numbered=any(PART_HEADING.match(line.strip()) for line in lines[body_start:]))
    first_part = _first_part_line(lines, body_start, first_table, parts)
    toc = _toc_titles(lines[: first_part if first_part is not None else body_start + 200])
    if first_part is None and first_table == len(lines) and not stated(read):
        raise NotADisclosure(loaded.name, "没有找到“某年某部门预算/决算”的标题、“第一部分”等正文部分或“表1”等表格")
    warnings: list[str] = [*unsure, *loaded.warnings]
    before = paged[first_part if first_part is not None else body_start : first_table]
    prose, printed = _split_after_tables(
        paged[first_table:], {i - first_table for i in starts}, parts, last_outline(before)
    )
    if first_part is not None:
        sections = _sections(paged[first_part:first_table] + prose, toc, warnings, parts)
    else:  # no part headings: the prose under the document's own title ("…2026年部门预算情况说明")
        sections = _sections(paged[body_start:first_table] + prose, toc, warnings, parts, _lead(lines))
    tables = _tables(printed, department)
    warnings.extend(w for t in tables.values() for w in t.skipped)
    warnings.extend(
        f"{name}没有读到任何数据行（可能是图片或没有框线的表格），其中的数字无法回答"
        for name, t in tables.items()
        if not t.table.rows and not t.table.no_amounts and not t.indicators
    )
    start = first_part if first_part is not None else first_table
    warnings.extend(_missing(lines[:start], lines[start:], toc, tables))
    if not tables and not any(s.paragraphs for s in sections):
        raise NotADisclosure(loaded.name, "正文和表格都是空的")
    tables = link_codes(tables)
    units = [t.table.unit for t in tables.values()]
    unit = max(set(units), key=units.count) if units else "万元"
    indicators = [replace(i, table=name) for name, t in tables.items() for i in t.indicators]  # every form's
    return Disclosure(
        doc_id=loaded.doc_id,
        title=f"{f'{year}年' if year else ''}{department}{identity.level or '部门'}{kind}",
        department=department,
        year=year,
        kind=kind,
        unit=unit,
        sections=sections,
        tables={name: t.table for name, t in tables.items()},
        indicators=indicators,
        warnings=warnings,
        identity=identity,
    )


class _Parts:
    """How a template marks its prose parts: 第N部分 headings, or (Shanghai's 部门预算) unnumbered
    headings such as "…（部门）主要职能", "名词解释" that the catalog lists."""

    def __init__(self, department: str, numbered: bool):
        self.department, self.numbered = department, numbered

    def heading(self, line: str) -> str | None:
        """The part heading a line is, as printed ("第三部分 部门预算支出具体情况"), or None."""
        s = line.strip()
        if "\t" in line or not s:
            return None
        m = PART_HEADING.match(s)
        if m:
            return f"第{m.group('num')}部分 {squeeze(m.group('title'))}"
        if not self.numbered and section_heading(s, self.department):
            return squeeze(s)
        return None


def _table_starts(lines: list[str], body_start: int, department: str) -> set[int]:
    """Lines that start a table: a caption (表N, 公开01表, 表一 …; not a 目录's entry), or a
    title the catalog knows ("收入决算表") or an enumerated one ("一、收支预算总表") followed by the
    table's rows before any other prose (a 目录 entry with the same words is followed by more entries,
    not rows). The lines of a start's title block (its title again, unit, 部门名称) start nothing."""
    text = [_lifted(line, True).strip() for line in lines]
    captions = [(i, caption_name(m)) for i in range(body_start, len(lines)) if (m := TABLE_START.match(text[i]))]
    listed = _listed(text, captions)
    starts: set[int] = set()
    block = False  # inside the title block of the last start, before its rows
    for i in range(body_start, len(lines)):
        s = text[i]
        if "\t" in s:
            block = False
            continue
        if not s:
            continue
        if TABLE_START.match(s):
            if i not in listed:
                starts.add(i)
                block = True
            continue
        if block:
            continue
        if (table_kind(s, department) or _ENUMERATED.match(s)) and _rows_follow(lines, i):
            starts.add(i)
            block = True
    return starts


def _listed(text: list[str], captions: list[tuple[int, str]]) -> set[int]:
    """Caption lines that are entries of a 目录: no table row before the next caption, and either the
    same caption is printed again later or the next two captions follow within two lines each."""
    out: set[int] = set()
    for k, (i, name) in enumerate(captions):
        end = captions[k + 1][0] if k + 1 < len(captions) else len(text)
        if any("\t" in s for s in text[i + 1 : end]):
            continue
        again = any(other == name for _, other in captions[k + 1 :])
        close = k + 2 < len(captions) and all(
            sum(1 for s in text[a + 1 : b] if s) <= 2
            for a, b in ((i, captions[k + 1][0]), (captions[k + 1][0], captions[k + 2][0]))
        )
        if again or close:
            out.add(i)
    return out


def _lifted(line: str, above_rows: bool) -> str:
    """A grid row above a table's header that holds only its caption, title, 编制单位 or unit (the
    title block printed inside the table's frame) as the text line it is."""
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    if not above_rows or "\t" not in line or not cells or len(cells) > 2:
        return line
    if len(cells) == 2 and TABLE_START.match(cells[0]):
        return line  # "表1 | 收支总表": a row of a 目录 printed as a grid
    text = " ".join(cells)
    if (
        table_kind(text)
        or (len(cells) == 1 and (TABLE_START.match(text) or _TITLE_LIKE.match(text)))
        or department_line(text)
        or _UNIT_LINE.match(cells[-1])
        or _UNIT_TAIL.search(text)
    ):
        return text
    return line


def _rows_follow(lines: list[str], i: int) -> bool:
    """Table rows come within a few short lines (unit, 部门名称, year) after line i."""
    seen = 0
    for line in lines[i + 1 : i + 12]:
        if "\t" in line:
            return True
        s = line.strip()
        if s:
            seen += 1
            if seen > 3 or len(s) > 80 or s.endswith(_TERMINAL):
                return False
    return False


TableLine = tuple[str, int | None, bool]  # a line of the tables' stretch, its page, whether it starts a table


def _split_after_tables(
    lines: list[Line], starts: set[int], parts: _Parts, outline: int = 0
) -> tuple[list[Line], list[TableLine]]:
    """(prose, table lines) of the text from the first table on: parts printed after the tables
    (第八部分 其他需要说明情况, 第九部分 名词解释 in some templates) are prose, not table notes, and so is
    the next heading of the prose's outline ("八、其他重要事项说明" after 七's 绩效目标表). `outline`: the
    number of the prose's last "N、" heading before the first table."""
    prose: list[Line] = []
    tables: list[TableLine] = []
    in_tables = True
    texts = [line for line, _ in lines]
    for i, (line, page) in enumerate(lines):
        if i in starts:
            line = _lifted(line, True)
            in_tables = True
        elif parts.heading(line):
            in_tables, outline = False, 0
        elif in_tables and outline and _outline_number(line) == outline + 1 and not _rows_follow(texts, i):
            in_tables = False
        if not in_tables:
            outline = _outline_number(line) or outline
        if in_tables:
            tables.append((line, page, i in starts))
        else:
            prose.append((line, page))
    return prose, tables


def _outline_number(line: str) -> int:
    """N of a prose heading "N、标题" (八、其他重要事项说明), 0 for any other line."""
    s = line.strip()
    if "\t" in line or not SUBSECTION.match(s) or re.search(r"\d", s) or s.endswith("表"):  # a caption
        return 0
    return cn_number(s.split("、", 1)[0])


def last_outline(lines: list[Line]) -> int:
    """The number of the last "N、" heading of the prose lines, since their last part heading."""
    return next((n for line, _ in reversed(lines) if (n := _outline_number(line))), 0)


def _missing(head: list[str], body: list[str], toc: dict[str, str], tables: dict[str, ParsedTable]) -> list[str]:
    """A truncated file: parts or tables the 目录 lists after the last one the text holds.

    Disclosures often leave out some of the tables their 目录 lists (表2, 表4, 表5
    printed as images, say); only what is missing after the last one found means
    the file stops early.
    """
    parts = [cn_number(n) for n in toc]
    found_parts = [cn_number(m.group("num")) for line in body if (m := PART_HEADING.match(line.strip()))]
    listed = sorted({cn_number(m.group("num")) for line in head if (m := _TOC_TABLE.match(line.strip()))})
    found_tables = [int(name.removeprefix("表")) for name in tables if re.fullmatch(r"表\d+", name)]
    lost_parts = [n for n in parts if n > max(found_parts, default=0)]
    lost_tables = [n for n in listed if n > max(found_tables, default=0)]
    if not lost_parts and not lost_tables:
        return []
    lost = [f"第{_CN.get(n, str(n))}部分" for n in lost_parts] + [f"表{n}" for n in lost_tables]
    return [f"文件可能不完整：目录列出的{'、'.join(lost)}在正文中没有找到"]


def _starts_body(line: str) -> bool:
    """A line that is not on the cover: a part heading or a table caption."""
    return bool(PART_HEADING.match(line) or TABLE_START.match(line))


def _lead(lines: list[str]) -> str:
    """The heading of a text without part headings: its first line when that is a title, else 正文."""
    first = next((squeeze(line) for line in lines if line.strip()), "")
    return first if 0 < len(first) <= 40 and not first.endswith(_TERMINAL) else "正文"


def _toc_titles(lines: list[str]) -> dict[str, str]:
    """Part number → full title as listed in the 目录 (used to mend headings broken by a page)."""
    titles: dict[str, str] = {}
    for line in lines:
        m = _TOC_ENTRY.match(line.strip())
        if m and m.group("num") not in titles:
            titles[m.group("num")] = squeeze(m.group("title"))
    return titles


def _first_part_line(lines: list[str], start: int, first_table: int, parts: _Parts) -> int | None:
    """Index of the body's first part heading (第一部分, or "…主要职能"; not the 目录 entry)."""
    found = None
    for i in range(start, min(first_table, len(lines))):
        s = lines[i].strip()
        m = PART_HEADING.match(s)
        if m and m.group("num") == "一":
            found = i  # the last 第一部分 before the tables is the body's
        elif not parts.numbered and found is None and parts.heading(s):
            found = i
    return found


@dataclass
class _Block:
    text: str
    is_row: bool  # a tab-separated table row inside the prose
    pages: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, page) where each page begins

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
        if not line.strip() or _DIVIDER.match(line.strip()):
            continue
        pages = [] if page is None else [(0, page)]
        if "\t" in line:
            out.append(_Block(line, True, pages))
        else:
            out.append(_Block(line.strip(), False, pages))
    return out


def _is_heading(text: str, parts: _Parts) -> bool:
    return bool(parts.heading(text) or SUBSECTION.match(text))


def _join_page_breaks(blocks: list[_Block], toc: dict[str, str], parts: _Parts) -> list[_Block]:
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
                and not prev.text.endswith(_TERMINAL)
                and not ITEM_MARKER.match(block.text)
                and not _is_heading(block.text, parts)
            ):
                prev.extend(block)
                continue
        out.append(_Block(block.text, block.is_row, list(block.pages)))
    return out


def _sections(
    lines: list[Line], toc: dict[str, str], warnings: list[str], parts: _Parts, heading: str = ""
) -> list[Section]:
    """The parts, each with its paragraphs; `heading`: the part the lines before the first heading are in."""
    blocks = _join_page_breaks(_blocks(lines), toc, parts)
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    subsections: list[str] = []
    rows: list[str] = []
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
            rows.append(block.text)
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


@dataclass
class _Part:
    """One printed part of a numbered table (a page)."""

    title: str = ""
    department: str | None = None
    unit: str = ""
    rows: list[str] = field(default_factory=list)
    on: list[int | None] = field(default_factory=list)  # the document page of each row
    notes: list[str] = field(default_factory=list)
    late: int = 0  # table rows printed after the notes, left out


def _tables(lines: list[TableLine], department: str) -> dict[str, ParsedTable]:
    """The tables, each merged over the pages it is printed on and given its catalog kind.

    A table is named by its 表N caption, or by its title when it has none ("收入决算表");
    a later part printed under the same title again ("…（续）") continues it.
    """
    printed: dict[str, list[_Part]] = {}
    current: _Part | None = None
    retitled = False
    for line, page, start in lines:
        line = _lifted(line, start or current is None or not current.rows)
        if current is not None and not current.rows and "\t" in line and not line.strip():
            continue  # blank grid rows above the header
        s = line.strip()
        m = TABLE_START.match(s) if start else None
        if m:
            current = _Part(title=squeeze(m.group("title") or ""))  # "表1 收支总表" on one line
            printed.setdefault(caption_name(m), []).append(current)
            continue
        if start:
            e = _ENUMERATED.match(s)
            current = _Part(title=_CONTINUED_TITLE.sub("", squeeze(e.group("title") if e else s)))
            printed.setdefault(current.title, []).append(current)
            continue
        if current is None or not s or _FOLIO.match(s):
            continue  # a page number the reader left ("— 13 —") is not a note that ends the rows
        if "\t" not in line and current.rows and not current.notes and _same_title(s, current.title):
            retitled = True  # the title printed again over the next page's rows: not a note
            continue
        if retitled and "\t" not in line and not current.notes:
            continue  # its 单位 line
        retitled = False
        if not current.rows and "\t" not in line and (u := _UNIT_TAIL.search(s)) and u.start() > 0:
            current.unit, s = u.group("unit"), s[: u.start()].strip()  # the unit printed right of the 部门名称
        if "\t" in line and not current.notes:
            current.rows.append(line)
            current.on.append(page)
        elif "\t" in line:
            current.late += 1  # a row after the notes: the parser cannot tell which part it belongs to
        elif (u := _UNIT_LINE.match(s)) and not current.rows:
            current.unit = u.group("unit")
        elif (d := _DEPT_LINE.match(s)) and not current.rows:
            current.department = d.group("dept").strip()
        elif not current.rows and department_line(s):
            current.department = department_line(s)
        elif not current.title and not current.rows:
            current.title = _CONTINUED_TITLE.sub("", squeeze(s))
        elif not current.rows and (
            _SUBTITLE.match(s) or (_TITLE_PART.match(s) and not _TITLE_DONE.search(current.title))
        ):
            current.title += squeeze(s)  # a title printed over two lines, or its "（按…分类）" line
        elif current.rows:
            current.notes.append(s)
        # else: a line such as "2022 年度" between the title and the header
    out: dict[str, ParsedTable] = {}
    for name, pages in printed.items():
        first = pages[0]
        kind = table_kind(first.title, department)
        out[name] = build_table(
            name=name,
            title=first.title,
            unit=first.unit or next((p.unit for p in pages if p.unit), ""),  # "" → the header's "（元）", else 万元
            department=first.department,
            pages=[p.rows for p in pages],
            notes=[n for p in pages for n in p.notes],
            on=[p.on for p in pages],
            kind=kind,
        )
        if kind is None:
            kind = _content_kind(out[name].table)
        if kind and out[name].table.kind is None:  # the performance table is built by its own reader
            t = out[name].table
            out[name] = replace(
                out[name], table=replace(t, kind=kind.kind, fund=kind.fund, code_scheme=kind.code_scheme)
            )
        if late := sum(p.late for p in pages):
            skipped = [*out[name].skipped, f"{name}有 {late} 行出现在表注之后，无法确定属于哪一部分，已跳过"]
            out[name] = replace(out[name], skipped=skipped)
    return out


def _same_title(line: str, title: str) -> bool:
    s = _CONTINUED_TITLE.sub("", squeeze(line))
    return bool(title) and s == title


def _content_kind(table: Table) -> TableKind | None:
    """The kind a table's header words, row labels and codes identify, when its title names none."""
    if table.kind:
        return None  # built as a kind by its own reader (the performance table)
    words = [c for row in table.header for c in row] + [r.label for r in table.rows]
    kind = kind_by_content(table.title, words, [r.code for r in table.rows if r.code])
    return kind if kind and kind.layout == "grid" else None
