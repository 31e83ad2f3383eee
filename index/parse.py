"""Parsing a disclosure into a `Disclosure`: title, the 九个部分, tables merged across pages.

It reads page records (index/pages.py) as lines in reading order (index/render.py `lines_of`): a PDF's
from its reader, a text file's (or a stored document's text) from the text reader; grid rows stay cells
all the way to index/tables.py. The heuristics that scan lines as text (目录, headings, the cover) see a
row as its cells parted by tabs (`flat`)."""

from __future__ import annotations

import re
from dataclasses import replace

from index.catalog import caption_name, table_kind
from index.errors import NotADisclosure
from index.headings import CN_DIGITS, ITEM_MARKER, PART_HEADING, SUBSECTION, TABLE_START, TERMINAL
from index.identify import Identity, identify, settle, stated
from index.normal import squeeze
from index.numbers import cn_number
from index.pages import Line, Printed, flat, text_pages
from index.records import Disclosure, LoadedText
from index.render import lines_of
from index.sections import Parts, read_sections
from index.sides import link_codes
from index.table_parts import ENUMERATED, TITLE_LIKE, TableLine, lifted, tables_of, title_block_line
from index.tables import ParsedTable

__all__ = ["ITEM_MARKER", "PART_HEADING", "SUBSECTION", "TABLE_START", "paginate", "parse"]

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
_TOC_ENTRY = re.compile(rf"^[-•·*]?\s*第(?P<num>[{CN_DIGITS}]+)部分\s*(?P<title>.+?)(?:\s*[.…·]{{2,}}\s*\d*|\s+\d+)?$")
_TOC_TABLE = re.compile(rf"^[-•·*]?\s*[（(](?P<num>[{CN_DIGITS}]+)[)）]\s*\S*表")


def paginate(text: str) -> list[Line]:
    """The text's lines (grid rows as cells), each with its page: counted from page marks, None when the
    text has none."""
    return lines_of(text_pages(text))


def parse(loaded: LoadedText, given: Identity | None = None) -> Disclosure:
    """Parse a loaded disclosure; raises NotADisclosure for a text that is not one (or a blank template).

    `given`: the department, year or kind a user confirmed, in place of what the text says."""
    paged = lines_of(list(loaded.pages)) if loaded.pages else paginate(loaded.text)
    lines = [line for line, _ in paged]
    texts = [flat(line) for line in lines]
    read, body_start = identify([(flat(x), page) for x, page in paged], loaded.name, starts_body=_starts_body)
    if given is not None:
        read = read.confirmed(department=given.department, year=given.year, kind=given.kind)
    identity, unsure = settle(read, loaded.name)
    department, year, kind = identity.department or "", identity.year or 0, identity.kind or "预算"
    starts = _table_starts(lines, body_start, department)
    first_table = min(starts, default=len(lines))
    parts = Parts(department, numbered=any(PART_HEADING.match(line.strip()) for line in texts[body_start:]))
    first_part = _first_part_line(texts, body_start, first_table, parts)
    toc = _toc_titles(texts[: first_part if first_part is not None else body_start + 200])
    if first_part is None and first_table == len(lines) and not stated(read):
        raise NotADisclosure(loaded.name, "没有找到“某年某部门预算/决算”的标题、“第一部分”等正文部分或“表1”等表格")
    warnings: list[str] = [*unsure, *loaded.warnings]
    before = paged[first_part if first_part is not None else body_start : first_table]
    prose, printed = _split_after_tables(
        paged[first_table:], {i - first_table for i in starts}, parts, last_outline(before)
    )
    if first_part is not None:
        sections = read_sections(paged[first_part:first_table] + prose, toc, warnings, parts)
    else:  # no part headings: the prose under the document's own title ("…2026年部门预算情况说明")
        sections = read_sections(paged[body_start:first_table] + prose, toc, warnings, parts, _lead(texts))
    tables = tables_of(printed, department)
    warnings.extend(w for t in tables.values() for w in t.skipped)
    warnings.extend(
        f"{name}没有读到任何数据行（可能是图片或没有框线的表格），其中的数字无法回答"
        for name, t in tables.items()
        if not t.table.rows and not t.table.no_amounts and not t.indicators
    )
    start = first_part if first_part is not None else first_table
    warnings.extend(_missing(texts[:start], texts[start:], toc, tables))
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


def _table_starts(lines: list[Printed], body_start: int, department: str) -> set[int]:
    """Lines that start a table: a caption (表N, 公开01表, 表一 …; not a 目录's entry), or a
    title the catalog knows ("收入决算表") or an enumerated one ("一、收支预算总表") followed by the
    table's rows before any other prose (a 目录 entry with the same words is followed by more entries,
    not rows). The lines of a start's title block (its title again, unit, 部门名称) start nothing."""
    text = [flat(lifted(line, True)).strip() for line in lines]
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
        if (table_kind(s, department) or ENUMERATED.match(s)) and _rows_follow(lines, i):
            starts.add(i)
            block = True
        elif TITLE_LIKE.match(s) and _rows_under(lines, i):  # a title no catalog kind names ("会议费明细表")
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


def _rows_follow(lines: list[Printed], i: int) -> bool:
    """Table rows come within a few short lines (unit, 部门名称, year) after line i."""
    seen = 0
    for line in lines[i + 1 : i + 12]:
        if not isinstance(line, str):
            return True
        s = line.strip()
        if s:
            seen += 1
            if seen > 3 or len(s) > 80 or s.endswith(TERMINAL):
                return False
    return False


def _rows_under(lines: list[Printed], i: int) -> bool:
    """Table rows come right after line i, with only a title block between (unit, 部门名称, "（2026年度）"):
    a title of no known kind is a table's only when nothing else (another title, prose) comes first."""
    for line in lines[i + 1 : i + 8]:
        if not isinstance(line, str):
            return True
        if line.strip() and not title_block_line(line.strip()):
            return False
    return False


def _split_after_tables(
    lines: list[Line], starts: set[int], parts: Parts, outline: int = 0
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
            line = lifted(line, True)
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


def _outline_number(line: Printed) -> int:
    """N of a prose heading "N、标题" (八、其他重要事项说明), 0 for any other line."""
    if not isinstance(line, str):
        return 0
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
    return first if 0 < len(first) <= 40 and not first.endswith(TERMINAL) else "正文"


def _toc_titles(lines: list[str]) -> dict[str, str]:
    """Part number → full title as listed in the 目录 (used to mend headings broken by a page)."""
    titles: dict[str, str] = {}
    for line in lines:
        m = _TOC_ENTRY.match(line.strip())
        if m and m.group("num") not in titles:
            titles[m.group("num")] = squeeze(m.group("title"))
    return titles


def _first_part_line(lines: list[str], start: int, first_table: int, parts: Parts) -> int | None:
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
