"""Records produced by the index stage: a parsed disclosure, its facts and its audit checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from index.identify import Identity
from index.pages import Page

ColumnKind = Literal["label", "code", "code_part", "year", "amount", "count", "ordinal", "text"]
AuditStatus = Literal["ok", "rounding", "mismatch"]


@dataclass(frozen=True, kw_only=True)
class Column:
    """One leaf column of a table header, flattened from up to two header rows."""

    name: str  # "支出总计", "公务用车购置费", "2022年预算数"
    group: str | None = None  # upper header the column sits under: "公务用车购置及运行维护费"
    side: str | None = None  # "收入" / "支出" in side-by-side tables, else None
    kind: ColumnKind = "amount"  # ordinal (序号/行次) and code columns never hold money
    role: str | None = None  # the catalog's column role: "决算数", "基本支出", "年末结转和结余" …
    item: str | None = None  # a three-level header's item over a repeated leaf ("公务接待费" over 决算数)
    unit: str | None = None  # a count column's unit (人数 → "人"); None: the table's unit
    path: tuple[str, ...] = ()  # the headers over it as printed, outermost first, its leaf last; () unknown


@dataclass(frozen=True, kw_only=True)
class Row:
    """One body row of a table; for side-by-side tables one half of a printed line."""

    label: str  # 科目名称 / 项目 / 年度 text, as printed (spaces removed)
    code: str | None = None  # 科目编码 "2060702", or linked from another table
    parent: str | None = None  # 科目编码 of the parent row
    side: str | None = None  # "收入" / "支出" or None
    values: dict[str, Decimal | None] = field(default_factory=dict)  # column name -> amount; None = no value
    texts: dict[str, str] = field(default_factory=dict)  # column name -> text cell
    part: int = 1  # which printed part of a table split over pages
    page: int | None = None  # page of the document (PDF); None when the text has no page marks
    unit: str = ""  # a table read by 年度: the 预算单位 its group of year rows is printed under, as printed


@dataclass(frozen=True, kw_only=True)
class Table:
    """A numbered table (表1–表11), merged across page breaks."""

    name: str  # "表7", or the title as printed when the table has no 表N caption ("收入决算表")
    title: str  # "一般公共预算支出表（按功能分类）"
    unit: str  # "万元" / "元" / "亿元"
    department: str | None
    header: list[list[str]]  # header rows as printed (first page)
    columns: list[Column]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    pages: int = 1
    no_amounts: bool = False  # 注：本表本年无发生额。 / 说明：…故本表无数据。
    kind: str | None = None  # the catalog's table kind ("expenditure"); None for a table it does not know
    fund: str = "全部"  # whose money: 全部 / 财政拨款 / 一般公共预算 / 政府性基金 / 国有资本经营
    code_scheme: str = ""  # 功能分类 / 经济分类 / "" for the 科目编码 its rows carry

    @property
    def ref(self) -> str:
        """Human-readable name: "表7 一般公共预算支出表（按功能分类）" (the title alone when it is the name)."""
        return self.title if self.name == self.title or not self.name else f"{self.name} {self.title}"


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    """A prose paragraph (page breaks joined) with its heading trail."""

    text: str
    trail: tuple[str, ...]  # ("第三部分 部门预算支出具体情况", "一、深圳市科学技术协会(本级)")
    pages: tuple[tuple[int, int], ...] = ()  # (offset in text, page) where each page's part begins; () unknown

    def page_at(self, offset: int) -> int | None:
        """The document page the character at `offset` is printed on, if the text has page marks."""
        return next((page for start, page in reversed(self.pages) if start <= offset), None)


@dataclass(frozen=True, kw_only=True)
class Section:
    """One of the 九个部分."""

    heading: str  # "第三部分 部门预算支出具体情况"
    paragraphs: list[Paragraph]
    subsections: list[str]  # "一、部门职责", …
    tables: list[Table] = field(default_factory=list)  # tables printed inside the prose (第七部分)


@dataclass(frozen=True, kw_only=True)
class Indicator:
    """One row of the performance-target table (表11): 一级/二级/三级指标 → 目标值."""

    level1: str
    level2: str
    level3: str
    target: str  # as printed: "8 个", "≥90%", "及时"
    value: Decimal | None  # the number in the target, if any
    unit: str  # "个", "%", "" …
    comparator: str  # "≥", "≤", ">", "<" or "="
    page: int | None = None  # page of the document (PDF), if known
    weight: Decimal | None = None  # 指标权重 (%) or 分值权重 (分), where the form prints one
    weight_unit: str = "%"  # "分" for a 分值权重 column ("分值权重（90分）")
    table: str = ""  # the name of the table it is printed in ("" when read back from a store)
    project: str = ""  # the project whose form lists it ("" for a department's whole-expenditure table)


@dataclass(frozen=True, kw_only=True)
class Disclosure:
    """A parsed budget disclosure."""

    doc_id: str  # SHA-256 of the normalised text
    title: str
    department: str
    year: int
    kind: str  # "预算" / "决算"
    unit: str  # the unit most tables use
    sections: list[Section]
    tables: dict[str, Table]
    indicators: list[Indicator]
    warnings: list[str] = field(default_factory=list)  # Chinese sentences: what parsing left out, and why
    identity: Identity = field(default_factory=Identity)  # department, year … as read, with where each was read


ProvenanceForm = Literal["cell", "empty", "indicator", "prose"]


@dataclass(frozen=True, kw_only=True)
class Provenance:
    """Where a figure is printed: the document, page, table, the row's path and the column's path.

    `index.provenance.render` says it as the fact's source ("表7 … · 2060702 科普活动 · 支出总计"); the
    fields after `unit` are only what that rendering shows besides the paths."""

    document: str = ""  # the file name; "" until ingest names it
    page: int | None = None
    table: str | None = None  # as printed, caption + title ("表7 一般公共预算支出表（按功能分类）"); None: prose
    row_path: tuple[str, ...] = ()  # outermost first, the row itself last: 类 > 款 > 项; prose: the section trail
    column_path: tuple[str, ...] = ()  # outermost header first: ("本年支出", "基本支出", "人员经费")
    unit: str = ""
    side: str | None = None  # 收入 / 支出 of a side-by-side table, when the source names it
    project: str | None = None  # the project a 绩效 form's indicator row is printed under (merged cell)
    column: str = ""  # the column as the fact names it ("公务接待费·决算数"); "" for prose
    note: str = ""  # words printed with the figure: the prose snippet, an empty table's note, a target as printed
    form: ProvenanceForm = "cell"

    def as_json(self) -> dict[str, object]:
        """The record as `budgetqa facts --json` shows it."""
        return {
            "document": self.document, "page": self.page, "table": self.table, "row_path": list(self.row_path),
            "column_path": list(self.column_path), "unit": self.unit,
        }  # fmt: skip


_NO_PROVENANCE = Provenance()


@dataclass(frozen=True, kw_only=True)
class Fact:
    """One figure from a disclosure, with where it came from."""

    doc_id: str
    department: str
    year: int
    table: str | None  # "表7"; None for a figure in the prose
    section: str | None  # "第三部分 部门预算支出具体情况"; None for a numbered table
    row: str  # "科普活动"
    code: str | None  # 科目编码 "2060702"
    column: str  # "支出总计", "金额", "比2021年增减", "比2021年增长率"
    value: Decimal  # as printed, in `unit`; changes are signed (减少 860 → -860)
    unit: str  # "万元", "%", "人", …
    source: str  # "表7 一般公共预算支出表（按功能分类） · 2060702 科普活动 · 支出总计"
    parent: str | None = None  # what the figure is a part of: "学会能力提升和学术交流促进项目"
    page: int | None = None  # page of the document the figure is printed on (PDF); None for plain text
    doc_kind: str = "预算"  # the document's kind: 预算 / 决算
    table_kind: str | None = None  # the catalog's table kind ("three_public"); None for prose or unknown tables
    column_role: str | None = None  # the catalog's column role ("决算数", "基本支出"); None when unknown
    fund: str | None = None  # 全部 / 财政拨款 / 一般公共预算 / 政府性基金 / 国有资本经营, for table figures
    code_scheme: str | None = None  # 功能分类 / 经济分类 when `code` is a 科目编码
    # where it is printed, as a record; not given (a store of an older version): built from the fields above. Not
    # compared: two facts are the same figure whatever is known of their paths
    provenance: Provenance = field(default=_NO_PROVENANCE, compare=False)

    def __post_init__(self) -> None:
        if self.provenance is _NO_PROVENANCE:
            object.__setattr__(self, "provenance", flat_provenance(self))


@dataclass(frozen=True, kw_only=True)
class Chunk:
    """A retrievable passage: prose under its heading trail, or table rows under title/unit/header."""

    id: str  # stable: first 16 hex of the doc hash + position, "004c52b31790ad1b-0007"
    doc_id: str
    where: str  # section heading or table ref
    text: str
    metadata: dict[str, str | int | float]  # flat: chromadb rejects lists and dicts


@dataclass(frozen=True, kw_only=True)
class LoadedText:
    """A disclosure file read: its normalised text (a PDF's rendered from its pages), which the store keeps
    and its id is computed from, and a PDF's page records."""

    name: str  # file name, for messages and citations
    text: str  # NFC, "\n" line ends, no BOM, no trailing spaces
    encoding: str  # "utf-8", "utf-8-sig", "gb18030", "utf-16", or "pdf" (the text read from a PDF)
    doc_id: str  # SHA-256 hex of the normalised text
    warnings: tuple[str, ...] = ()  # what reading had to leave out (a character cut off at the end)
    pages: tuple[Page, ...] = ()  # a PDF's pages as its reader gave them (the stages read these, not `text`)


@dataclass(frozen=True, kw_only=True)
class Check:
    """One internal-consistency check of a disclosure."""

    doc_id: str
    kind: str  # "科目层级", "合计", "收支平衡", "表间一致", "文表一致", "构成", "增长率", "科目名称"
    where: str
    expected: Decimal | str
    found: Decimal | str
    difference: Decimal | None
    status: AuditStatus
    unit: str = ""  # of both figures when the check knows it (the prose's 万元 for 文表一致); "" otherwise

    @classmethod
    def of(
        cls,
        doc_id: str,
        kind: str,
        where: str,
        expected: Decimal | str,
        found: Decimal | str,
        status: AuditStatus,
        unit: str = "",
    ) -> Check:
        """A check with its difference (found − expected) when both sides are amounts."""
        diff = found - expected if isinstance(expected, Decimal) and isinstance(found, Decimal) else None
        return cls(doc_id=doc_id, kind=kind, where=where, expected=expected, found=found, difference=diff,
                   status=status, unit=unit)  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class DocumentInfo:
    """A document row, without its text; the answer engine's record of a document too (with `aliases`)."""

    doc_id: str
    title: str
    department: str
    year: int
    kind: str
    unit: str
    filename: str
    n_facts: int
    ingested_at: str
    level: str = "部门"  # 部门 (a department's, with its units) / 单位 (one 预算单位's own)
    scope: str | None = None  # 本级 / 汇总, when the name says so
    identified: dict[str, str] = field(default_factory=dict)  # department, year … → where it was read (封面 …)
    aliases: tuple[str, ...] = ()  # the names people use for its department (assistant.library fills them in)

    def stored(self) -> dict[str, object]:
        """The row as the store keeps it (`budgetqa docs --json`): every field but `aliases`, which it does not keep."""
        return {k: v for k, v in self.__dict__.items() if k != "aliases"}


def flat_provenance(f: Fact, document: str = "") -> Provenance:
    """The provenance a fact's flat fields tell (a fact stored by an older version, or made without one): the
    table from its source, the row under its parent, a prose figure's section trail from its source."""
    parts = f.source.split(" · ")
    if f.table is None and f.section is not None and "「" in f.source and " · 表格 · " not in f.source:
        trail = tuple(p for p in parts if not p.startswith("「"))
        return Provenance(document=document, page=f.page, row_path=(*trail, f.row), column_path=(f.column,),
                          unit=f.unit, form="prose")  # fmt: skip
    table = " · ".join(parts[:2]) if f.table is None and parts[1:2] == ["表格"] else parts[0]
    shown = f"{f.code} {f.row}" if f.code else f.row
    return Provenance(document=document, page=f.page, table=table, row_path=(f.parent, shown) if f.parent else (shown,),
                      column_path=(f.column,), unit=f.unit, column=f.column)  # fmt: skip
