"""The tables of a disclosure from the lines of its tables' stretch: each merged over the pages it is printed
on (its title block, unit, 部门名称 and notes read from the lines around its rows), given its catalog kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from index.catalog import TableKind, caption_name, catalog, department_line, kind_by_content, table_kind
from index.headings import CN_DIGITS, TABLE_START
from index.normal import squeeze
from index.pages import Cells, Printed, flat
from index.records import Table
from index.tables import ParsedTable, build_table
from index.units import MONEY_PATTERN

ENUMERATED = re.compile(
    rf"^(?:[{CN_DIGITS}]+、|[（(][{CN_DIGITS}]+[)）])\s*(?P<title>[\u4e00-\u9fff“”、]{{2,40}}表(?:[（(][^()（）]{{1,20}}[)）])?)$"
)  # Fujian's "一、收支预算总表" over the table: an enumerated title (rows must follow)
TITLE_LIKE = re.compile(r"^[\u4e00-\u9fff“”（）()、\d\s]{2,60}表(?:[（(][^()（）]{1,20}[)）])?$")
_TITLE_DONE = re.compile(r"表(?:[（(][^()（）]*[)）])?$")  # a title line that ends the title (else it goes on)
_FOLIO = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$")
_TITLE_PART = re.compile(r"^[\u4e00-\u9fff“”（）()、]{2,30}$")  # the rest of a title broken over two lines
_SUBTITLE = re.compile(r"^[（(]按[^()（）]{1,30}[)）]$")  # "（按支出功能分类科目-不含上年结转）" under a title
UNIT_LINE = re.compile(r"^(?:金额)?单位\s*[:：]\s*(?P<unit>" + MONEY_PATTERN + r")\s*$")
UNIT_TAIL = re.compile(
    r"\s*(?:金额)?单位\s*[:：]\s*(?P<unit>" + MONEY_PATTERN + r")\s*$"
)  # "部门名称：X 单位：元" on one line
_DEPT_LINE = re.compile(r"^(?:部门|单位)名称\s*[:：]\s*(?P<dept>.+)$")
_CONTINUED_TITLE = re.compile(r"[(（]续(?:表|上表)?[)）]$|续表$")


_BRACKETED_LINE = re.compile(r"^[（(][^()（）]{1,30}[)）]$")  # "（2026年度）", "（按经济分类）" under a title


def title_block_line(line: str) -> bool:
    """A line of a table's title block between its title and its rows: its unit, 编制单位 or bracketed subtitle."""
    return bool(
        UNIT_LINE.match(line) or UNIT_TAIL.search(line) or _DEPT_LINE.match(line) or department_line(line)
        or _BRACKETED_LINE.match(line)
    )  # fmt: skip


def lifted(line: Printed, above_rows: bool) -> Printed:
    """A grid row above a table's header that holds only its caption, title, 编制单位 or unit (the
    title block printed inside the table's frame) as the text line it is."""
    if isinstance(line, str) or not above_rows:
        return line
    cells = [c.strip() for c in line if c.strip()]
    if not cells or len(cells) > 2:
        return line
    if len(cells) == 2 and TABLE_START.match(cells[0]):
        return line  # "表1 | 收支总表": a row of a 目录 printed as a grid
    text = " ".join(cells)
    if (
        table_kind(text)
        or (len(cells) == 1 and (TABLE_START.match(text) or TITLE_LIKE.match(text)))
        or department_line(text)
        or UNIT_LINE.match(cells[-1])
        or UNIT_TAIL.search(text)
    ):
        return text
    return line


TableLine = tuple[Printed, int | None, bool]  # a line of the tables' stretch, its page, whether it starts a table


@dataclass
class _Part:
    """One printed part of a numbered table (a page)."""

    title: str = ""
    department: str | None = None
    unit: str = ""
    rows: list[Cells] = field(default_factory=list)
    on: list[int | None] = field(default_factory=list)  # the document page of each row
    notes: list[str] = field(default_factory=list)
    late: int = 0  # table rows printed after the notes, left out
    plain: bool = False  # started by a title no catalog kind names and no caption ("会议费明细表")


def tables_of(lines: list[TableLine], department: str) -> dict[str, ParsedTable]:
    """The tables, each merged over the pages it is printed on and given its catalog kind.

    A table is named by its 表N caption, or by its title when it has none ("收入决算表");
    a later part printed under the same title again ("…（续）") continues it.
    """
    printed: dict[str, list[_Part]] = {}
    current: _Part | None = None
    retitled = False
    for line, page, start in lines:
        line = lifted(line, start or current is None or not current.rows)
        if current is not None and not current.rows and not isinstance(line, str) and not any(c.strip() for c in line):
            continue  # blank grid rows above the header
        s = flat(line).strip()
        m = TABLE_START.match(s) if start else None
        if m:
            current = _Part(title=squeeze(m.group("title") or ""))  # "表1 收支总表" on one line
            printed.setdefault(caption_name(m), []).append(current)
            continue
        if start:
            e = ENUMERATED.match(s)
            current = _Part(
                title=_CONTINUED_TITLE.sub("", squeeze(e.group("title") if e else s)),
                plain=not e and table_kind(s, department) is None,
            )
            printed.setdefault(current.title, []).append(current)
            continue
        if current is None or not s or _FOLIO.match(s):
            continue  # a page number the reader left ("— 13 —") is not a note that ends the rows
        if isinstance(line, str) and current.rows and not current.notes and _same_title(s, current.title):
            retitled = True  # the title printed again over the next page's rows: not a note
            continue
        if retitled and isinstance(line, str) and not current.notes:
            continue  # its 单位 line
        retitled = False
        if not current.rows and isinstance(line, str) and (u := UNIT_TAIL.search(s)) and u.start() > 0:
            current.unit, s = u.group("unit"), s[: u.start()].strip()  # the unit printed right of the 部门名称
        if not isinstance(line, str) and not current.notes:
            current.rows.append(line)
            current.on.append(page)
        elif not isinstance(line, str):
            current.late += 1  # a row after the notes: the parser cannot tell which part it belongs to
        elif (u := UNIT_LINE.match(s)) and not current.rows:
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
            kind = _content_kind(out[name].table, labels=not first.plain)
        if kind is None and out[name].indicators:  # read as one by the performance reader (一级指标 rows)
            kind = next(k for k in catalog().tables if k.kind == "performance")
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


def _content_kind(table: Table, labels: bool = True) -> TableKind | None:
    """The kind a table's header words, row labels and codes identify, when its title names none. A table
    under a title of its own that names no kind ("培训费明细表") is known by its header only: a row's words
    ("…采购政策等财政业务培训") say what the row is about, not what the table is."""
    if table.kind:
        return None  # built as a kind by its own reader (the performance table)
    words = [c for row in table.header for c in row] + ([r.label for r in table.rows] if labels else [])
    kind = kind_by_content(table.title, words, [r.code for r in table.rows if r.code])
    return kind if kind and kind.layout == "grid" else None
