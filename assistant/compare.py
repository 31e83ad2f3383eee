"""Answers across documents: every document's figure read in SQL at the same place (table kind, row or
科目编码, column role), brought to one unit, then ranked, totalled, averaged, compared, filtered or divided.

The answer is written in parts, each with the one document its figures come from and the calculations
behind them, so that the verifier checks a department's line against that department's document only:
a figure of another department can never be marked ✓ on its line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from assistant import calculator as calc
from assistant.calculator import Calculation, Operand
from assistant.draft import Unanswerable, cited, fmt, operand
from assistant.parts import of_part_tables, prints_whole, qualified_wholes
from assistant.records import Citation, Entry
from assistant.subjects import Place, Subject, subjects
from assistant.years import column_year
from index.facts import EMPTY_TABLE
from index.normal import label_key, to_decimal
from index.query import PROSE, FactQuery, Located
from index.records import DocumentInfo, Fact

# The column a document's own figure is under, when a place names no role: its measure, else the row's total
# (支出总计 before 合计: Shenzhen's 支出总表 prints a 合计 under 政府采购项目 too, a side column's own total).
OWN_ROLES = {
    "决算": ("决算数", "支出总计", "本年支出合计", "合计", "支出合计", "本年收入合计"),
    "预算": ("预算数", "支出总计", "合计", "本年支出合计", "支出合计", "本年收入合计"),
}
# a column of a table read across by year: "2025年", "2026年度", "2025年预算数" (its role is only its year)
YEAR_COLUMN = re.compile(r"((?:19|20)\d{2})年度?(?:预算数|决算数|预算|决算|执行数)?")
YEAR_PREFIX = re.compile(r"^(?:19|20)\d{2}年度?")
YEAR_SAID = re.compile(r"((?:19|20)\d{2})\s*年")
SHOWN = 10  # lines written out in an answer's text; the table has them all


class AskBack(Exception):
    """The question is asked back: which kind (or year) of the documents is meant. An internal signal: the
    engine turns it into a question back to the user, never a user-facing error."""

    def __init__(self, text: str, choices: tuple[str, ...]):
        super().__init__(text)
        self.text = text
        self.choices = choices


@dataclass(frozen=True, kw_only=True)
class Reading:
    """One document's figure for a subject, in the answer's unit."""

    doc: DocumentInfo
    facts: tuple[Fact, ...]  # () when the document does not print the subject
    value: Decimal | None = None
    unit: str = ""
    calc: Calculation | None = None  # the sum of several rows, a conversion of units, or a rate of two figures
    note: str = ""
    words: str = ""  # the line's own words, for a value made of two figures ("决算 …，预算 …，执行率 …")
    checks: tuple[Calculation, ...] = ()  # further calculations the line's figures are checked against

    @property
    def operand(self) -> Operand:
        """The reading as an operand of a calculation across documents (its cells as the source)."""
        assert self.value is not None
        return Operand(value=self.value, unit=self.unit, label=self.doc.department, source=_sources(self.facts))


@dataclass(frozen=True, kw_only=True)
class Part:
    """A piece of the answer text and what its figures may be checked against."""

    text: str
    doc_ids: tuple[str, ...]  # the documents the figures in this piece come from
    calculations: tuple[Calculation, ...] = ()
    derived: Calculation | None = None  # the figure of this piece that is this calculation's result
    cites: tuple[tuple[Decimal, str, str], ...] = ()  # (value, unit, source) of the cells this piece reads
    cells: tuple[Fact, ...] = ()  # the cells themselves: what its figures are checked against (see lines.py)
    checked: bool = True  # False: words around the figures (a question's own threshold, the coverage)


@dataclass(frozen=True, kw_only=True)
class Scope:
    docs: list[DocumentInfo]  # one per department
    year: int
    kind: str
    covered: str  # "覆盖库中 2024 年决算 38 个部门"
    absent: tuple[str, ...] = ()  # named departments without a document of that year and kind
    mixed: bool = False  # named departments read each in its own latest year (no year asked, none in common)
    kinds: bool = False  # named departments read each in the one kind it has that year (预算 of one, 决算 of another)
    asked: bool = False  # mixed: each in the year the question writes beside it, not its latest

    @property
    def when(self) -> str:
        if self.mixed:
            return f"各部门{'所问' if self.asked else '最新'}年度的{self.kind}"
        return f"{self.year}年{self.kind}"

    @classmethod
    def each_own_kind(cls, held: Sequence[DocumentInfo], year: int, held_kinds: str, limited: bool) -> Scope:
        """Named departments of which one has only the 预算 of the year and another only the 决算 ("福利院、社工部、
        万里街道2024年的三公经费分别是多少"): each read in its own document, every line saying its kind; the
        answer says the two kinds differ, and nothing is summed."""
        one: dict[str, DocumentInfo] = {}
        for d in held:
            one.setdefault(d.department, d)
        covered = f"{year}年{held_kinds}：各按自己的文件列出，预算和决算口径不同，仅供参考" + (
            "（所选范围）" if limited else ""
        )
        return cls(docs=list(one.values()), year=year, kind="预算或决算", covered=covered, kinds=True)

    @property
    def labelled(self) -> bool:
        """Whether each line says its year and kind (they differ between departments)."""
        return self.mixed or self.kinds


@dataclass(kw_only=True)
class Composed:
    """An answer across documents before verification."""

    parts: list[Part]
    value: Decimal | None
    unit: str | None
    entries: list[Entry]
    metric: str
    covered: str
    facts: list[Fact] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


def subject_named(name: str, code_names: dict[str, str]) -> Subject:
    """The Subject behind an `Across.subject`: a subjects.toml name, a 科目编码 or a coded row's key."""
    book = subjects()
    named = next((s for s in book.named if s.name == name), None)
    if named:
        return named
    if name.isdigit():
        return book.by_code(name, code_names.get(name, ""))
    return book.by_row(name)


class Comparer:
    """Reads a subject in many documents and composes the answer across them."""

    def __init__(self, query: FactQuery, code_names: dict[str, str]):
        self.query = query
        self.code_names = code_names

    # --- reading ------------------------------------------------------------

    def read(self, subject: Subject, docs: Sequence[DocumentInfo], year: int | None = None) -> list[Reading]:
        """Each document's figure for the subject, at the first of its places the document prints; with `year`,
        the column of that year in a table read across by year (the 2025年 column of a 2026 “三公” table)."""
        found: dict[str, tuple[Fact, ...]] = {}
        pending = [d.doc_id for d in docs]
        own = {d.doc_id: own_rows(d.department) for d in docs}
        for place in subject.places:
            if not pending:
                break
            rows = (subject.row,) if subject.row else () if subject.code else place.rows
            theirs = tuple(dict.fromkeys(k for d in pending for k in own[d])) if place.own_row else ()
            at = Located(
                tables=place.tables,
                rows=(*place.keys(rows), *theirs),
                codes=(subject.code,) if subject.code else (),
                roles=place.roles,
                holding=(*subject.aliases, *place.names) if place.text else (),
            )
            by_doc: dict[str, list[Fact]] = defaultdict(list)
            for f in self.query.locate(pending, at):
                by_doc[f.doc_id].append(f)
            for doc_id, facts in by_doc.items():
                named = place.rows or place.own_row
                rows_of = (*place.rows, *(own[doc_id] if place.own_row else ()))  # never another's own row
                coded = not named or bool(subject.row)
                aliases = (*subject.aliases, *place.names)
                if chosen := _choose(facts, place, rows_of, coded=coded, year=year, aliases=aliases):
                    found[doc_id] = chosen
            pending = [d for d in pending if d not in found]
        for doc_id, chosen in list(
            found.items()
        ):  # a part's table row (基本支出表 30227) gives way to the text's whole
            if year is None and (whole := self._text_whole(subject, chosen, doc_id)):
                found[doc_id] = (whole,)
        tables = [t for place in subject.places if place.empty for t in place.tables] if year is None else []
        for f in self.query.empty(pending, tables):  # an empty table: every item of it is 0, cited with its note
            found.setdefault(f.doc_id, (f,))
        return [self._reading(d, found.get(d.doc_id, ())) for d in docs]

    def _text_whole(self, subject: Subject, chosen: tuple[Fact, ...], doc_id: str) -> Fact | None:
        """The text's figure of the item — as named, or said with its fund ("委托业务费财政拨款预算为349万元") — when
        every figure read is a row of a part's table (基本支出表 30227): one value of the document's own year, else
        None (parts.py `of_part_tables`, `qualified_wholes`)."""
        if not of_part_tables(list(chosen), subject.name):
            return None
        printed = self.query.facts([doc_id])
        named = [f for f in printed if prints_whole(f) and label_key(f.row) == label_key(chosen[0].row)]
        wholes = [
            w
            for w in [*qualified_wholes(list(chosen), subject.name, printed, chosen[0].row), *named]
            if w.column in ("金额", "预算数", "决算数") and w.year == chosen[0].year
        ]  # fmt: skip
        return wholes[0] if len({(w.value, w.unit) for w in wholes}) == 1 else None

    @staticmethod
    def _reading(doc: DocumentInfo, facts: tuple[Fact, ...]) -> Reading:
        if not facts:
            return Reading(doc=doc, facts=(), note="文件中未找到此项")
        note = "本表无数据" if any(EMPTY_TABLE in f.source for f in facts) else ""
        if len(facts) == 1 and facts[0].table is None:  # a sentence of the text: said with its words
            note = stated_where(facts[0])
        if len(facts) == 1:
            return Reading(doc=doc, facts=facts, value=facts[0].value, unit=facts[0].unit, note=note)
        c = calc.total(*(operand(f) for f in facts))
        heads = {f.row.partition("·")[0] for f in facts}
        parts = [f.row.partition("·")[2] for f in facts]
        summed = f"{'、'.join(parts)}各栏合计" if len(heads) == 1 and all(parts) else f"{len(facts)} 行合计"
        return Reading(doc=doc, facts=facts, value=c.value, unit=c.unit, calc=c, note=summed)

    @staticmethod
    def in_unit(readings: list[Reading], wanted: str | None = None) -> tuple[list[Reading], str]:
        """The readings in one unit: `wanted`, else their own when they share it, else 万元 (each conversion a
        calculation)."""
        units = {r.unit for r in readings if r.value is not None}
        if len(units) <= 1 and (wanted is None or units <= {wanted} or not units <= set(calc.MONEY)):
            return readings, next(iter(units), "")
        if not units <= set(calc.MONEY):
            raise Unanswerable(f"各部门的数字单位不同（{'、'.join(sorted(units))}），无法放在一起比较")
        unit, out = wanted or "万元", []
        for r in readings:
            if r.value is None or r.unit == unit:
                out.append(r)
                continue
            c = calc.in_unit(r.operand, unit)
            note = "；".join(n for n in (r.note, f"原文单位为{r.unit}，已换算为{unit}") if n)
            out.append(Reading(doc=r.doc, facts=r.facts, value=c.value, unit=unit, calc=c, note=note))
        return out, unit

    # --- composing ----------------------------------------------------------

    def entries(self, readings: Sequence[Reading], ranked: bool) -> list[Entry]:
        return [
            Entry(
                department=r.doc.department, year=r.doc.year, kind=r.doc.kind, doc_id=r.doc.doc_id, value=r.value,
                unit=r.unit, source=_sources(r.facts),
                printed="；".join(fmt(f.value, f.unit) for f in r.facts) if r.calc else "",
                expression=r.calc.expression if r.calc else "", note=r.note,
                rank=i + 1 if ranked and r.value is not None else None,
            )
            for i, r in enumerate(readings)
        ]  # fmt: skip

    def line(self, n: int | None, r: Reading, name: str) -> Part:
        """One department's line: "1. 上海市普陀区财政局：“三公”经费 12.34 万元"."""
        head = f"{n}. " if n is not None else "- "
        if r.value is None:
            return Part(text=f"{head}{r.doc.department}：{r.note}\n", doc_ids=(r.doc.doc_id,))
        note = f"（{r.note}）" if r.note else ""
        return figure(f"{head}{r.doc.department}：{r.words or f'{name} {fmt(r.value, r.unit)}'}{note}\n", r)

    def citations(self, readings: Sequence[Reading]) -> list[Citation]:
        return [
            Citation(
                doc_id=f.doc_id,
                where=f"{r.doc.title} · {cited(f)}",
                text=f"{f.row} · {f.column}：{fmt(f.value, f.unit)}",
            )
            for r in readings
            for f in r.facts
        ]


def own_rows(department: str) -> tuple[str, ...]:
    """The keys a department's own row may be printed with: its name, with or without （本级）."""
    key = label_key(department)
    bare = key.removesuffix("(本级)")
    return tuple(dict.fromkeys((key, bare, f"{bare}(本级)")))


def _choose(
    facts: list[Fact],
    place: Place,
    rows: tuple[str, ...],
    coded: bool,
    year: int | None = None,
    aliases: tuple[str, ...] = (),
) -> tuple[Fact, ...]:
    """A document's facts for a subject at one place: its first table kind, its first role (or the column of
    `year`, another year than the document's own), then the first listed row (a named subject: the row, else
    its parts summed, else the department's own row) or every row of that name or code (a coded subject,
    summed)."""
    if place.columns:  # "2026年政府采购项目" of a 支出总表: that column only, whatever its role
        facts = [f for f in facts if YEAR_PREFIX.sub("", label_key(f.column)) in place.columns]
    if place.text:
        return _stated(facts, aliases, year)
    kind = next((t for t in place.tables if any(_kind(f) == t for f in facts)), None)
    facts = [f for f in facts if _kind(f) == kind]
    if kind == PROSE:  # a sentence of the text: one figure of the document's own year, else none (a 决算's lines)
        facts = [f for f in facts if not other_year(f, f.year)]
        if len({(label_key(f.row), f.value) for f in facts}) != len({label_key(f.row) for f in facts}):
            return ()
    if place.outside and any(o in label_key(f.column) for f in facts for o in place.outside):  # 会议费支出 too
        # Xi'an's “三公”经费及会议费、培训费 table: its 合计's year column adds 会议费 and 培训费; the subject's own column
        facts = [f for f in facts if any(a in label_key(f.column) for a in aliases)]
    doc_kind = facts[0].doc_kind if facts else "预算"
    wanted = place.roles or OWN_ROLES.get(doc_kind, OWN_ROLES["预算"])
    if year is not None and facts and year != facts[0].year:
        facts = _year_columns(facts, year)  # another year is only ever read in that year's own column
    else:
        own = [f for f in facts if column_year(f) == f.year]  # a 上年 / 2025年 column's 合计 is last year's
        role = next((r for r in wanted if any(f.column_role == r for f in own)), None)
        facts = [f for f in own if f.column_role == role] if role else _own_year(facts)
    if not facts:
        return ()
    if coded:
        one: dict[tuple[str | None, str], Fact] = {}
        for f in facts:
            one.setdefault((f.code, label_key(f.row)), f)
        return tuple(one.values())
    for r in rows:
        if at := [f for f in facts if label_key(f.row) == r]:
            return (at[0],)
        parts = [next((f for f in facts if label_key(f.row) == p), None) for p in place.keys((r,))[1:]]
        if any(parts):
            return tuple(f for f in parts if f)
    return ()


def _stated(facts: list[Fact], aliases: tuple[str, ...], year: int | None) -> tuple[Fact, ...]:
    """The one figure of money the text states for a subject, named as the subject itself (subjects.toml
    [stated]), of the document's own year and kind; none when the text states several differing ones."""
    if year is not None and facts and year != facts[0].year:
        return ()  # another year is read only in a table's column of that year
    book = subjects().stated
    found = [
        f for f in facts
        if f.table is None and f.unit in calc.MONEY and not other_year(f, f.year)
        and book.names(label_key(f.row), aliases, f.doc_kind) and not book.of_other_kind(sentence(f), f.doc_kind)
    ]  # fmt: skip
    return (found[0],) if len({(f.value, f.unit) for f in found}) == 1 else ()


def stated_where(f: Fact) -> str:
    """Where a figure of the text is printed, for its line: its words when they hold no other figure
    (文字说明：「2026 年财政拨款“三公”经费预算 1328.22 万元」), else 文字说明所列."""
    words = sentence(f)
    numbers = re.findall(r"\d[\d,]*(?:\.\d+)?(?!\s*年)", YEAR_SAID.sub("", words))
    only = words and all(to_decimal(n) == f.value for n in numbers)
    return f"文字说明：「{words}」" if only else "文字说明所列"


def sentence(f: Fact) -> str:
    """The words of the text a figure is printed in (the quoted window of its source), or ""."""
    window = re.search(r"「(.+?)」", f.source)
    return window.group(1) if window else ""


def _kind(f: Fact) -> str | None:
    """The place kind a fact is printed at: its table's kind, or PROSE for a figure of the text."""
    return PROSE if f.table is None else f.table_kind


def other_year(f: Fact, year: int) -> bool:
    """The figure is of another year than its document's: its column ("2025年预算数") or the sentence it is
    printed in ("2025年“三公”经费预算 245.13 万元") names another year."""
    said = {int(y) for y in YEAR_SAID.findall(f.column + sentence(f))}
    return bool(said - {year})


def _own_year(facts: list[Fact]) -> list[Fact]:
    """The facts of no column role: in a table read across by 年度 (2025年, 2026年预算数, 增减变化金额) only
    the column of the document's own year, which is its 预算数 (决算数); another year's is never this year's."""
    loose = [f for f in facts if f.column_role is None or YEAR_COLUMN.fullmatch(label_key(f.column_role))]
    if any(YEAR_COLUMN.fullmatch(label_key(f.column)) for f in loose):  # only the own year's column, if any
        loose = [f for f in loose if YEAR_COLUMN.fullmatch(label_key(f.column))]
    else:  # a wide table's column of no role (政府采购项目, 其中…) is a side column, never the row's amount
        wide = {f.table for f in facts if f.column_role is not None}
        loose = [f for f in loose if f.table not in wide]
    return [f for f in loose if column_year(f) == f.year]  # "上年", "2025年预算数": another year's


def _year_columns(facts: list[Fact], year: int) -> list[Fact]:
    """The facts printed in the column of `year` (another than the document's) of a table read across by 年度, or
    under a 上年 header for the year before (none if it has no such column)."""
    return [f for f in facts if column_year(f) == year]  # "2025年预算数", or "上年" for the year before


def figure(text: str, r: Reading) -> Part:
    """A piece of text showing a reading's figure: checked against the reading's own documents and cells, a sum
    of rows or a conversion shown with its calculation."""
    calculations = (*((r.calc,) if r.calc else ()), *r.checks) or (identity(r),)
    return Part(
        text=text, doc_ids=tuple(dict.fromkeys(f.doc_id for f in r.facts)), calculations=calculations,
        cites=cites(r), cells=r.facts, derived=r.calc,
    )  # fmt: skip


def cites(*readings: Reading) -> tuple[tuple[Decimal, str, str], ...]:
    """What a piece of text that shows these readings cites for each figure: the cells read."""
    out = [(f.value, f.unit, cited(f)) for r in readings for f in r.facts]
    out += [(r.value, r.unit, _sources(r.facts)) for r in readings if r.value is not None and r.calc]
    return tuple(out)


def _sources(facts: Sequence[Fact]) -> str:
    return "；".join(dict.fromkeys(cited(f) for f in facts))


def identity(r: Reading) -> Calculation:
    """A reading read as printed, as a calculation of one operand (the verifier finds its cell through it)."""
    f = r.facts[0]
    return Calculation(op="convert", operands=(operand(f),), value=f.value, unit=f.unit, expression="")
