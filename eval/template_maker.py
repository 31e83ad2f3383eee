"""Test helper: 部门决算 and 部门预算 PDFs in the national templates, generated from a seed with known figures.

`make_juesuan` lays out a 部门决算 as Shanghai's districts print the national template (cover,
目录, 第一部分 概况, 第二部分 nine tables under their own titles, 第三部分 情况说明, 第四部分 名词解释);
`make_yusuan` a Shanghai district 部门预算 or 单位预算 (prose parts without 第N部分, nine tables under
`编制部门：… 单位：元`). The figures are consistent as a real disclosure's are: 类 = Σ款 = Σ项, 合计 =
基本 + 项目, the 总表 balance, the 经济分类 table adds up to 基本支出 and repeats the 功能分类 rows it
must (养老保险、职业年金、医疗保险、住房公积金), the “三公” table matches 30212/30217/30231/31013, and
the prose states the tables' figures. Both return an `Expected`: every printed amount, the totals,
the pages each table is printed on and questions with their answers. Layout follows eval/pdf_maker.py
(reportlab, CID font STSong-Light, fully ruled tables whose header rows repeat after a page break).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Literal, TypeVar
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from eval.pdf_maker import FONT, STYLES, _style

Kind = Literal["决算", "预算"]
Level = Literal["部门", "单位"]
Orient = Literal["portrait", "landscape"]
Span = tuple[tuple[int, int], tuple[int, int]]  # ((col, row), (col, row)) of a SPAN command
T = TypeVar("T")

CENT = Decimal("0.01")
MARGIN = 18 * mm

# 功能分类 类 in the order the 收入支出决算总表 lists them.
CLASSES = dict(
    zip(
        "201 202 203 204 205 206 207 208 210 211 212 213 214 215 216 217 219 220 221 222 223 224 229 231 232 234".split(),
        "一般公共服务支出 外交支出 国防支出 公共安全支出 教育支出 科学技术支出 文化旅游体育与传媒支出 社会保障和就业支出 "
        "卫生健康支出 节能环保支出 城乡社区支出 农林水支出 交通运输支出 资源勘探工业信息等支出 商业服务业等支出 金融支出 "
        "援助其他地区支出 自然资源海洋气象等支出 住房保障支出 粮油物资储备支出 国有资本经营预算支出 灾害防治及应急管理支出 "
        "其他支出 债务还本支出 债务付息支出 抗疫特别国债安排的支出".split(),
        strict=True,
    )
)
KUANS = {
    "20103": "政府办公厅（室）及相关机构事务",
    "20129": "群众团体事务",
    "20132": "组织事务",
    "20133": "宣传事务",
    "20139": "社会工作事务",
    "20508": "进修及培训",
    "20607": "科学技术普及",
    "20805": "行政事业单位养老支出",
    "20899": "其他社会保障和就业支出",
    "21011": "行政事业单位医疗",
    "22102": "住房改革支出",
}
# 经济分类, every 款 the 决算 table prints (人员经费 = 301 + 303, 公用经费 = 302 + 310).
ECONOMIC = dict(
    line.split(" ", 1)
    for line in """301 工资福利支出|30101 基本工资|30102 津贴补贴|30103 奖金|30106 伙食补助费|30107 绩效工资
30108 机关事业单位基本养老保险缴费|30109 职业年金缴费|30110 职工基本医疗保险缴费|30111 公务员医疗补助缴费
30112 其他社会保障缴费|30113 住房公积金|30114 医疗费|30199 其他工资福利支出|303 对个人和家庭的补助|30301 离休费
30302 退休费|30303 退职（役）费|30304 抚恤金|30305 生活补助|30306 救济费|30307 医疗费补助|30308 助学金|30309 奖励金
30310 个人农业生产补贴|30311 代缴社会保险费|30399 其他对个人和家庭的补助|302 商品和服务支出|30201 办公费|30202 印刷费
30203 咨询费|30204 手续费|30205 水费|30206 电费|30207 邮电费|30208 取暖费|30209 物业管理费|30211 差旅费
30212 因公出国（境）费用|30213 维修（护）费|30214 租赁费|30215 会议费|30216 培训费|30217 公务接待费|30218 专用材料费
30224 被装购置费|30225 专用燃料费|30226 劳务费|30227 委托业务费|30228 工会经费|30229 福利费|30231 公务用车运行维护费
30239 其他交通费用|30240 税金及附加费用|30299 其他商品和服务支出|310 资本性支出|31001 房屋建筑物购建|31002 办公设备购置
31003 专用设备购置|31007 信息网络及软件购置更新|31013 公务用车购置|31019 其他交通工具购置|31021 文物和陈列品购置
31022 无形资产购置|31099 其他资本性支出""".replace("\n", "|").split("|")
)
PERSONNEL, PUBLIC = ("301", "303"), ("302", "310")
TIES = ("30108", "30109", "30110", "30111", "30113", "30302", "30399")  # 经济分类 款 a 功能分类 项 equals
SANGONG_CODES = {"出国": "30212", "购置": "31013", "运行": "30231", "接待": "30217"}


# --- what a test can assert ------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class QA:
    """A question a finance officer would ask, with the answer the document prints or implies."""

    question: str
    value: Decimal
    unit: str  # 万元 / 元 / %
    source: str  # where the answer is printed: "支出决算表 · 合计 · 基本支出", "情况说明 三"


@dataclass(frozen=True, kw_only=True)
class TableInfo:
    """One of the nine tables as printed."""

    title: str  # without a 表N caption: "支出决算表", "2024年部门支出预算总表"
    caption: str  # the title line as printed: "表3 支出决算表" with captions=True
    unit: str  # 万元 / 元
    empty: bool  # printed without figures; a 说明/注 line says why
    numeric_cells: int  # amount cells printed (0 and 0.00 included; 序号/编码 columns excluded)
    header_rows: int
    pages: tuple[int, ...]  # PDF pages (1-based) it is drawn on; several when it runs over a page break


@dataclass(kw_only=True)
class Expected:
    """The figures of a generated disclosure."""

    kind: Kind
    department: str
    year: int
    unit: str  # the tables' unit (the 预算 “三公” table is in 万元 whatever this is)
    level: Level  # 部门 or 单位 (预算单位)
    tables: list[TableInfo]  # the nine tables in print order
    # (table title, 科目编码 or row label, column) → amount as printed; a side-by-side table's columns
    # are "收入/决算数", a grouped column "公务接待费/预算数"; labels have their spaces removed.
    cells: dict[tuple[str, str, str], Decimal]
    totals: dict[str, Decimal]  # 本年收入合计, 基本支出, 人员经费 … in `unit`
    questions: list[QA]

    @property
    def numeric_cells(self) -> int:
        """Amount cells the nine tables print."""
        return sum(t.numeric_cells for t in self.tables)

    def table(self, title: str) -> TableInfo:
        """A table by its title (with or without the 表N caption)."""
        return next(t for t in self.tables if title in (t.title, t.caption))

    def value(self, table: str, row: str, column: str) -> Decimal:
        """The amount printed at one place."""
        return self.cells[(self.table(table).title, row, column)]


# --- figures -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Money:
    """Amounts held as integer ticks (the smallest printed step) and printed in one unit."""

    unit: str  # 万元 / 元
    places: int  # decimals printed
    commas: bool  # thousands separators

    @property
    def per_wan(self) -> int:
        return 10**self.places * (10000 if self.unit == "元" else 1)

    def value(self, ticks: int) -> Decimal:
        return Decimal(ticks).scaleb(-self.places)

    def text(self, ticks: int) -> str:
        return f"{self.value(ticks):{',' if self.commas else ''}.{self.places}f}"

    def wan(self, ticks: int) -> Decimal:
        """The amount in 万元 as the prose states it (two decimals)."""
        return (Decimal(ticks) / self.per_wan).quantize(CENT, ROUND_HALF_UP)


@dataclass
class Item:
    """One 项 of the 功能分类 and its money in ticks."""

    code: str
    name: str
    role: str  # "run" (the rest of 基本支出), "project", or the 经济分类 款 it equals ("30108")
    basic: int = 0
    project: int = 0  # 财政拨款 项目支出
    other: int = 0  # spent from 其他收入 (决算) or 事业收入 (预算); always 项目支出
    reference: int = 0  # 决算: 全年预算数; 预算: 上年预算执行数


@dataclass(frozen=True)
class Line:
    """A printed 功能分类 row (类, 款 or 项)."""

    code: str
    name: str
    basic: int
    project: int
    other: int

    @property
    def fiscal(self) -> int:
        return self.basic + self.project

    @property
    def total(self) -> int:
        return self.fiscal + self.other

    @property
    def spent_project(self) -> int:
        """项目支出 of all money (the 支出决算表's and 支出预算总表's column)."""
        return self.project + self.other


@dataclass
class Figures:
    """Everything a generated disclosure states."""

    items: list[Item]
    economic: dict[str, int]  # every 经济分类 code of ECONOMIC, 0 when nothing
    sangong: dict[str, tuple[int, int]]  # 出国/购置/运行/接待 → 决算: (预算数, 决算数); 预算: (上年, 本年)
    prior: dict[str, int]  # last year's figures the prose compares with
    purchase: tuple[int, int, int]  # 政府采购 货物/工程/服务
    running: int  # 机关运行经费
    vehicles: int

    def lines(self) -> list[Line]:
        """类, 款 and 项 rows in code order, each the sum of the 项 under it."""
        codes = sorted({c for i in self.items for c in (i.code[:3], i.code[:5], i.code)})
        names = {**CLASSES, **KUANS, **{i.code: i.name for i in self.items}}
        out = []
        for code in codes:
            under = [i for i in self.items if i.code.startswith(code)]
            out.append(
                Line(code, names[code], *(sum(getattr(i, k) for i in under) for k in ("basic", "project", "other")))
            )
        return out

    def sum(self, attr: str) -> int:
        return sum(getattr(i, attr) for i in self.items)

    @property
    def basic(self) -> int:
        return self.sum("basic")

    @property
    def fiscal(self) -> int:
        return self.basic + self.sum("project")

    @property
    def other(self) -> int:
        return self.sum("other")

    @property
    def total(self) -> int:
        return self.fiscal + self.other

    def group(self, prefixes: tuple[str, ...]) -> int:
        return sum(self.economic[p] for p in prefixes)


@dataclass
class _Gen:
    """Random amounts for a department of a given size."""

    rng: random.Random
    money: Money
    size: float  # 万元: the department's rough yearly spending

    def amt(self, lo: float, hi: float) -> int:
        return self.rng.randint(round(lo * self.size * self.money.per_wan), round(hi * self.size * self.money.per_wan))

    def cents(self, lo: float, hi: float) -> int:
        """An amount that is a whole number of 0.01 万元 (so that 元 and 万元 both print it exactly)."""
        step = self.money.per_wan // 100
        return max(step, self.amt(lo, hi) // step * step)

    def near(self, ticks: int, lo: float, hi: float) -> int:
        step = self.money.per_wan // 100
        return round(ticks * self.rng.uniform(lo, hi) / step) * step

    def split(self, total: int, n: int) -> list[int]:
        if total < n:
            return [total] + [0] * (n - 1)
        cuts = sorted(self.rng.sample(range(1, total), n - 1)) if n > 1 else []
        return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _plan(rng: random.Random, inst: bool) -> list[tuple[str, str, str]]:
    """The 项 a department spends on: (code, name, role)."""
    main, other_name = rng.choice(
        [("20103", "其他政府办公厅（室）及相关机构事务支出"), ("20139", "其他社会工作事务支出")]
    )
    plan = [(f"{main}01", "行政运行", "run"), (f"{main}02", "一般行政管理事务", "project")]
    if inst:
        plan.append((f"{main}50", "事业运行", "run"))
    if rng.random() < 0.6:
        plan.append((f"{main}99", other_name, "project"))
    if rng.random() < 0.5:
        plan.append((rng.choice(["2012902", "2013202", "2013302"]), "一般行政管理事务", "project"))
    if rng.random() < 0.4:
        plan.append(("2050803", "培训支出", "project"))
    if rng.random() < 0.4:
        plan.append(("2060702", "科普活动", "project"))
    plan += [("2080501", "行政单位离退休", "30302")] + ([("2080502", "事业单位离退休", "30302")] if inst else [])
    plan += [
        ("2080505", "机关事业单位基本养老保险缴费支出", "30108"),
        ("2080506", "机关事业单位职业年金缴费支出", "30109"),
    ]
    if rng.random() < 0.5:
        plan.append(("2089999", "其他社会保障和就业支出", "project"))
    plan += [("2101101", "行政单位医疗", "30110")] + ([("2101102", "事业单位医疗", "30110")] if inst else [])
    if rng.random() < 0.5:
        plan.append(("2101103", "公务员医疗补助", "30111"))
    plan += [("2210201", "住房公积金", "30113"), ("2210203", "购房补贴", "30399")]
    return sorted(set(plan))


def _figures(gen: _Gen, *, inst: bool, other: bool, sangong: dict[str, tuple[int, int]]) -> Figures:
    """Consistent figures: the 经济分类 first, then 基本支出 by 项, then the projects."""
    rng = gen.rng
    items = [Item(code, name, role) for code, name, role in _plan(rng, inst)]
    roles = {i.role for i in items}
    e = dict.fromkeys(ECONOMIC, 0)
    pay = gen.amt(0.18, 0.26)
    shares = {"30101": (0.18, 0.24), "30102": (0.35, 0.45), "30107": (0.15, 0.25), "30108": (0.14, 0.17)}
    shares |= {"30109": (0.07, 0.085), "30110": (0.08, 0.1), "30112": (0.001, 0.01), "30113": (0.1, 0.13)}
    shares |= {"30199": (0.0, 0.05), "30399": (0.06, 0.1)}
    shares |= {"30103": (0.05, 0.1)} if rng.random() < 0.5 else {}
    shares |= {"30111": (0.02, 0.04)} if "30111" in roles else {}
    for code, (lo, hi) in shares.items():
        e[code] = round(pay * rng.uniform(lo, hi))
    e["30302"] = gen.amt(0.01, 0.05)
    for code in "30201 30205 30206 30207 30209 30211 30213 30215 30216 30226 30227 30228 30229 30239 30299".split():
        e[code] = gen.amt(0.002, 0.025) if rng.random() < 0.7 else 0
    e["31002"] = gen.amt(0.002, 0.01) if rng.random() < 0.5 else 0
    for key, code in SANGONG_CODES.items():
        e[code] = sangong[key][1]
    for group in ("301", "302", "303", "310"):
        e[group] = sum(v for k, v in e.items() if len(k) == 5 and k.startswith(group))
    for tie in TIES:  # 功能分类 项 equal to their 经济分类 款
        tied = [i for i in items if i.role == tie]
        for item, part in zip(tied, gen.split(e[tie], len(tied)) if tied else [], strict=True):
            item.basic = part
    run = [i for i in items if i.role == "run"]
    rest = sum(e[g] for g in ("301", "302", "303", "310")) - sum(e[t] for t in TIES)
    run[0].basic = round(rest * rng.uniform(0.6, 0.85)) if len(run) > 1 else rest
    for item in run[1:]:  # at most one more: 事业运行
        item.basic = rest - run[0].basic
    for item in items:
        if item.role == "project":
            item.project = gen.amt(0.02, 0.2)
    if rng.random() < 0.3:
        run[0].project = gen.amt(0.005, 0.03)
    if other:
        next(i for i in items if i.role == "project").other = gen.amt(0.01, 0.06)
    return Figures(
        items,
        e,
        sangong,
        prior={},
        purchase=(gen.cents(0.01, 0.06), gen.cents(0.0, 0.05) if rng.random() < 0.4 else 0, gen.cents(0.01, 0.08)),
        running=0,
        vehicles=rng.randint(0, 4),
    )


def _pct(part: Decimal | int, whole: Decimal | int) -> Decimal:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(CENT, ROUND_HALF_UP) if whole else Decimal("0.00")


def _cn(n: int) -> str:
    """一 … 九十九."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    if not tens:
        return digits[ones]
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


# --- layout ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Amt:
    """A printed amount cell and where `Expected.cells` files it."""

    text: str
    value: Decimal
    row: str
    column: str


Cell = str | Amt


@dataclass
class Grid:
    """A table to print: header rows (spans inferred from empty cells), body rows and the column layout."""

    header: list[list[str]]
    body: list[list[Cell]]
    widths: list[float]  # relative
    kinds: str  # one letter a column: c 编码, l 名称/项目, a amount, n 序号
    body_spans: list[tuple[int, int, int]] = field(default_factory=list)  # (body row, first col, last col)
    size: float = 9.0


def _amt(money: Money, ticks: int, row: str, column: str, *, zero: str | None = "") -> Cell:
    """An amount cell; a zero prints as `zero` (None: as 0 / 0.00)."""
    if ticks == 0 and zero is not None:
        return zero
    return Amt(money.text(ticks), money.value(ticks), row.replace(" ", ""), column)


def header_spans(header: list[list[str]]) -> list[Span]:
    """Spans of a header given by empty cells: a heading spans the empty cells right of it that have a
    lower heading under them, then down over the rows that are empty under all of it."""
    n, width = len(header), len(header[0])
    filled = [[bool(c.strip()) for c in row] for row in header]
    covered: set[tuple[int, int]] = set()
    spans: list[Span] = []
    for r in range(n):
        for c in range(width):
            if not filled[r][c] or (c, r) in covered:
                continue
            right = c
            while right + 1 < width and not filled[r][right + 1] and (right + 1, r) not in covered:
                if not any(filled[b][right + 1] for b in range(r + 1, n)):
                    break
                right += 1
            down = r
            while down + 1 < n and not any(
                filled[down + 1][k] or (k, down + 1) in covered for k in range(c, right + 1)
            ):
                down += 1
            if (right, down) != (c, r):
                spans.append(((c, r), (right, down)))
                covered.update((k, b) for k in range(c, right + 1) for b in range(r, down + 1))
    return spans


class _Runs(Flowable):
    """An amount drawn one character per text run, in shuffled order, each at its right-aligned place."""

    def __init__(self, text: str, size: float, rng: random.Random):
        super().__init__()
        self.text, self.size = text, size
        self.order = list(range(len(text)))
        rng.shuffle(self.order)
        if len(text) > 1 and self.order == sorted(self.order):
            self.order.reverse()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.size * 1.25
        return self.width, self.height

    def draw(self) -> None:
        start = self.width - pdfmetrics.stringWidth(self.text, FONT, self.size)
        offsets = [pdfmetrics.stringWidth(self.text[:i], FONT, self.size) for i in range(len(self.text))]
        self.canv.setFont(FONT, self.size)
        for i in self.order:
            self.canv.drawString(start + offsets[i], self.size * 0.3, self.text[i])


class _Table(Table):
    """A Table that knows which of the nine tables it is, also in the parts a page break splits it into."""

    budget_title = ""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.budget_title = self.budget_title
        return parts


def _cell_styles(size: float) -> dict[str, ParagraphStyle]:
    base = _style(f"cell{size}", size, size * 1.25)
    return {
        "head": ParagraphStyle("cell_head", base, alignment=TA_CENTER),
        "a": ParagraphStyle("cell_amount", base, alignment=TA_RIGHT),
        "n": ParagraphStyle("cell_no", base, alignment=TA_CENTER),
        "c": base,
        "l": base,
    }


def table_flowable(grid: Grid, width: float, runs: random.Random | None = None) -> _Table:
    """A fully ruled table, header rows repeated after a page break, long names wrapped in their cells."""
    styles = _cell_styles(grid.size)

    def para(text: str, style: str) -> Paragraph | str:
        return Paragraph(escape(text), styles[style]) if text.strip() else ""

    data: list[list[object]] = [[para(t, "head") for t in row] for row in grid.header]
    for row in grid.body:
        out: list[object] = []
        for c, cell in enumerate(row):
            if isinstance(cell, Amt):
                out.append(_Runs(cell.text, grid.size, runs) if runs else para(cell.text, "a"))
            else:
                out.append(para(cell, grid.kinds[c]))
        data.append(out)
    n = len(grid.header)
    spans = header_spans(grid.header) + [((a, n + r), (b, n + r)) for r, a, b in grid.body_spans]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ] + [("SPAN", start, end) for start, end in spans]
    total = sum(grid.widths)
    return _Table(data, colWidths=[w / total * width for w in grid.widths], repeatRows=n, style=TableStyle(style))


STYLE = {
    **STYLES,
    "cover": _style("cover", 26, 40, alignment=TA_CENTER),
    "cover_small": _style("cover_small", 16, 26, alignment=TA_CENTER, spaceBefore=30),
    "heading": _style("heading", 16, 26, alignment=TA_CENTER, spaceAfter=10),
    "toc_entry": _style("toc_entry", 11, 22),
    "toc_sub": _style("toc_sub", 11, 22, leftIndent=22),
    "unit_left": _style("unit_left", 9.5, 15),
}


class _Doc(BaseDocTemplate):
    """A4 pages, portrait or landscape by page template, "- N -" at each foot; notes the pages each table is on."""

    def __init__(self, path: Path, first: Orient):
        super().__init__(
            str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN
        )
        templates = []
        for name, size in (("portrait", A4), ("landscape", landscape(A4))):
            frame = Frame(MARGIN, MARGIN, size[0] - 2 * MARGIN, size[1] - 2 * MARGIN, 0, 0, 0, 0, id=name)
            templates.append(PageTemplate(id=name, frames=[frame], onPage=self._foot, pagesize=size))
        self.addPageTemplates(templates if first == "portrait" else templates[::-1])
        self.table_pages: dict[str, list[int]] = {}

    @staticmethod
    def _foot(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(doc.pageTemplate.pagesize[0] / 2, 10 * mm, f"- {doc.page} -")

    def afterFlowable(self, flowable: Flowable) -> None:
        title = getattr(flowable, "budget_title", "")
        if title and self.page not in self.table_pages.setdefault(title, []):
            self.table_pages[title].append(self.page)


FRAME_W = {"portrait": A4[0] - 2 * MARGIN, "landscape": A4[1] - 2 * MARGIN}


class _Book:
    """The story being laid out, and the figures its tables print."""

    def __init__(self, money: Money, *, captions: bool, digit_runs: bool, seed: int):
        self.money, self.captions = money, captions
        self.runs = random.Random(seed + 7919) if digit_runs else None
        self.story: list[Flowable] = []
        self.cells: dict[tuple[str, str, str], Decimal] = {}
        self.tables: list[tuple[str, str, str, bool, int, int]] = []  # title, caption, unit, empty, cells, header rows
        self.orient: Orient = "portrait"

    def para(self, text: str, style: str = "body") -> None:
        self.story.append(Paragraph(escape(text), STYLE[style]))

    def page(self, orient: Orient | None = None) -> None:
        self.orient = orient or self.orient
        self.story += [NextPageTemplate(self.orient), PageBreak()]

    def grid(self, grid: Grid) -> None:
        """A table that is not one of the nine (单位构成)."""
        self.story.append(table_flowable(grid, FRAME_W[self.orient]))

    def table(
        self, title: str, grid: Grid, *, unit: str, above: list[Flowable], notes: list[str], empty: bool = False
    ) -> None:
        """One of the nine tables: title line, the lines `above` it (unit), the table, its notes."""
        number = len(self.tables) + 1
        caption = f"表{number} {title}" if self.captions else title
        self.para(caption, "table_title")
        self.story += above
        flowable = table_flowable(grid, FRAME_W[self.orient], self.runs)
        flowable.budget_title = title
        self.story.append(flowable)
        for line in notes:
            self.para(line, "note")
        amounts = [c for row in grid.body for c in row if isinstance(c, Amt)]
        for a in amounts:
            key = (title, a.row, a.column)
            if key in self.cells:
                raise ValueError(f"two amounts at {key}")
            self.cells[key] = a.value
        self.tables.append((title, caption, unit, empty, len(amounts), len(grid.header)))

    def unit_line(self, unit: str) -> list[Flowable]:
        return [Paragraph(escape(f"单位：{unit}"), STYLE["unit"])]

    def maker_line(self, who: str, name: str, unit: str, colon: str = "：") -> list[Flowable]:
        """`编制部门：X` at the left and `单位：元` at the right of one line."""
        cells = [
            [
                Paragraph(escape(f"编制{who}：{name}"), STYLE["unit_left"]),
                Paragraph(escape(f"单位{colon}{unit}"), STYLE["unit"]),
            ]
        ]
        width = FRAME_W[self.orient]
        pads = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
        return [Table(cells, colWidths=[width * 0.75, width * 0.25], style=TableStyle(pads))]

    def build(self, path: Path, first: Orient) -> dict[str, list[int]]:
        doc = _Doc(path, first)
        doc.build(self.story)
        return doc.table_pages

    def infos(self, pages: dict[str, list[int]]) -> list[TableInfo]:
        return [
            TableInfo(
                title=t, caption=c, unit=u, empty=e, numeric_cells=n, header_rows=h, pages=tuple(pages.get(t, []))
            )
            for t, c, u, e, n, h in self.tables
        ]


def _function_head(split: bool, name: str = "科目名称") -> list[list[str]]:
    """The 项目 columns of a 功能分类 table: 科目编码 in one cell, or over 类/款/项."""
    if split:
        return [["项目", "", "", ""], ["功能分类科目编码", "", "", name], ["类", "款", "项", ""]]
    return [["项目", ""], ["功能分类科目编码", name]]


def _head(left: list[list[str]], right: list[list[str]]) -> list[list[str]]:
    """Left and right header blocks side by side; the shorter one padded with empty rows."""
    n = max(len(left), len(right))
    pad = lambda rows: rows + [[""] * len(rows[0])] * (n - len(rows))  # noqa: E731
    return [a + b for a, b in zip(pad(left), pad(right), strict=True)]


def _code_cells(line: Line, split: bool) -> list[str]:
    if not split:
        return [line.code, line.name]
    return [line.code[:3], line.code[3:5], line.code[5:7], line.name]


def _function_rows(
    money: Money,
    lines: list[Line],
    columns: list[tuple[str, str]],
    *,
    split: bool,
    total_first: bool,
    zero: str | None = "",
) -> tuple[list[list[Cell]], list[tuple[int, int, int]]]:
    """Body rows of a 功能分类 table, each column (name, Line attribute), and the 合计 row with its span."""
    ncode = 4 if split else 2
    classes = [line for line in lines if len(line.code) == 3]
    total = Line("", "合计", *(sum(getattr(c, k) for c in classes) for k in ("basic", "project", "other")))

    def row(line: Line, key: str, label: list[str]) -> list[Cell]:
        return [
            *label,
            *(_amt(money, getattr(line, attr) if attr else 0, key, col, zero=zero) for col, attr in columns),
        ]

    body = [row(line, line.code, _code_cells(line, split)) for line in lines]
    total_row = row(total, "合计", ["合计"] + [""] * (ncode - 1))
    if total_first:
        return [total_row, *body], [(0, 0, ncode - 1)]
    return [*body, total_row], [(len(body), 0, ncode - 1)]


Entry = tuple[str, list[int | None]]  # a label and its amounts in a side-by-side table (None prints blank)


def _side_rows(
    money: Money,
    pairs: list[tuple[Entry | None, Entry | None]],
    columns: tuple[tuple[str, list[str]], tuple[str, list[str]]],
) -> list[list[Cell]]:
    """Rows of a side-by-side 收入|支出 table: each printed line is (left entry, right entry), an entry
    (label, amounts); None amounts and zeros print blank."""
    body: list[list[Cell]] = []
    for pair in pairs:
        row: list[Cell] = []
        for entry, (group, cols) in zip(pair, columns, strict=True):
            if entry is None:
                row += [""] * (1 + len(cols))
                continue
            label, values = entry
            row.append(label)
            row += [
                "" if v is None else _amt(money, v, label, f"{group}/{c}") for v, c in zip(values, cols, strict=True)
            ]
        body.append(row)
    return body


def _zip_sides(left: list[T], right: list[T]) -> list[tuple[T | None, T | None]]:
    """Left and right entries of a side-by-side table, line by line."""
    n = max(len(left), len(right))
    return [(left[k] if k < len(left) else None, right[k] if k < len(right) else None) for k in range(n)]


def _change(cur: Decimal, prev: Decimal, what: str, space: str = " ") -> str:
    """`X增加 1.00 万元，增长 5.00%` / `X减少 …，下降 …%` / `X持平`."""
    if cur == prev:
        return f"{what}持平"
    more, rise = ("增加", "增长") if cur > prev else ("减少", "下降")
    return f"{what}{more}{space}{abs(cur - prev)}{space}万元，{rise}{space}{_pct(abs(cur - prev), prev)}%"


# --- 部门决算 ---------------------------------------------------------------------------------------------

JUESUAN_TITLES = "收入支出决算总表 收入决算表 支出决算表 财政拨款收入支出决算总表 一般公共预算财政拨款支出决算表 一般公共预算财政拨款基本支出决算表 财政拨款“三公”经费支出决算表 政府性基金预算财政拨款收入支出决算表 国有资本经营预算财政拨款收入支出决算表".split()
INCOME_LABELS = "一、一般公共预算财政拨款收入 二、政府性基金预算财政拨款收入 三、国有资本经营预算财政拨款收入 四、上级补助收入 五、事业收入 六、经营收入 七、附属单位上缴收入 八、其他收入".split()
SANGONG_GROUPS = (
    "合计 因公出国（境）费 公务用车购置及运行维护费 公务用车购置费 公务用车运行维护费 公务接待费".split()
)  # column groups of the 决算 “三公” table
PART3 = "收入支出决算总体情况说明 收入决算情况说明 支出决算情况说明 财政拨款收入支出决算总体情况说明 一般公共预算财政拨款支出决算情况说明 一般公共预算财政拨款基本支出决算情况说明 财政拨款“三公”经费支出决算情况说明 政府性基金预算财政拨款收入支出决算情况说明 国有资本经营预算财政拨款收入支出决算情况说明 预算绩效管理情况 其他重要事项说明".split()  # the items of 第三部分
GLOSSARY = [
    "财政拨款收入：指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。",
    "事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。",
    "其他收入：指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。",
    "年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
    "基本支出：指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。",
    "项目支出：指单位为完成特定的行政工作任务或事业发展目标，在基本支出之外发生的各项支出。",
    "“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    "机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。",
]
DUTIES = (
    "{d}负责贯彻落实党中央有关方针政策、决策部署和市委、区委有关工作要求，在履行职责过程中坚持和加强党的集中统一领导。"
    "主要职责是：统筹推进本领域基层治理和服务体系建设；指导所属单位开展业务工作；负责本部门政策研究、规划编制和组织实施；"
    "承办区委、区政府交办的其他事项。"
)


def _j_sangong(gen: _Gen, empty: bool) -> dict[str, tuple[int, int]]:
    """(预算数, 决算数) of each “三公” item; 公务用车运行维护费 is never nil unless the table is empty."""
    out = {}
    for key, nil, lo, hi in (
        ("出国", 0.6, 0.002, 0.01),
        ("购置", 0.7, 0.02, 0.06),
        ("运行", 0.0, 0.002, 0.01),
        ("接待", 0.3, 0.0005, 0.003),
    ):
        if empty or gen.rng.random() < nil:
            out[key] = (0, 0)
            continue
        actual = gen.cents(lo, hi)
        out[key] = (actual if gen.rng.random() < 0.3 else actual + gen.near(actual, 0.02, 0.3), actual)
    return out


def _j_tables(book: _Book, f: Figures, d: str, y: int, *, split: bool, empty_sangong: bool) -> None:
    """The nine tables of 第二部分."""
    money, unit = book.money, book.money.unit
    lines = f.lines()
    classes = {line.code: line for line in lines if len(line.code) == 3}
    ncode, code_w = (4, [0.5, 0.5, 0.5]) if split else (2, [1.1])
    notes = {
        t: f"注：本表反映部门本年度{what}情况。"
        for t, what in zip(
            JUESUAN_TITLES,
            [
                "的总收支和年末结转结余",
                "取得的各项收入",
                "各项支出",
                "财政拨款总收支和结转结余",
                "一般公共预算财政拨款支出",
                "一般公共预算财政拨款基本支出明细",
                "“三公”经费支出预决算",
                "政府性基金预算财政拨款收入支出及结转和结余",
                "国有资本经营预算财政拨款收入支出及结转和结余",
            ],
            strict=True,
        )
    }

    def start(title: str, orient: Orient, first: bool = False) -> None:
        book.page(orient)
        if first:
            book.para(f"第二部分 {d} {y} 年度部门决算表", "part")

    # 1 收入支出决算总表
    t = JUESUAN_TITLES[0]
    start(t, "portrait", first=True)
    amounts: list[int | None] = [f.fiscal, 0, 0, 0, 0, 0, 0, f.other]
    left: list[Entry] = [(label, [v]) for label, v in zip(INCOME_LABELS, amounts, strict=True)]
    right: list[Entry] = [
        (f"{_cn(i)}、{name}", [classes[c].total if c in classes else 0])
        for i, (c, name) in enumerate(CLASSES.items(), 1)
    ]
    T = f.total
    tail: list[tuple[Entry | None, Entry | None]] = [
        (("本年收入合计", [T]), ("本年支出合计", [T])),
        (("使用非财政拨款结余", [None]), ("结余分配", [None])),
        (("年初结转和结余", [None]), ("年末结转和结余", [None])),
        (("总计", [T]), ("总计", [T])),
    ]
    body = _side_rows(money, _zip_sides(left, right) + tail, (("收入", ["决算数"]), ("支出", ["决算数"])))
    grid = Grid([["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"]], body, [3.2, 1.3, 3.2, 1.3], "lala")
    book.table(t, grid, unit=unit, above=book.unit_line(unit), notes=[notes[t]])

    # 2 收入决算表, 3 支出决算表
    sources = ["上级补助收入", "事业收入", "经营收入", "附属单位上缴收入"]
    income_cols = [
        ("本年收入合计", "total"),
        ("财政拨款收入", "fiscal"),
        *((s, "") for s in sources),
        ("其他收入", "other"),
    ]
    spend = [("上缴上级支出", ""), ("经营支出", ""), ("对附属单位补助支出", "")]
    spend_cols = [("本年支出合计", "total"), ("基本支出", "basic"), ("项目支出", "spent_project"), *spend]
    for t, cols in ((JUESUAN_TITLES[1], income_cols), (JUESUAN_TITLES[2], spend_cols)):
        start(t, "landscape")
        body, spans = _function_rows(money, lines, cols, split=split, total_first=True)
        head = _head(_function_head(split), [[c for c, _ in cols]])
        grid = Grid(head, body, [*code_w, 2.6] + [1.2] * len(cols), "c" * (ncode - 1) + "l" + "a" * len(cols), spans)
        book.table(t, grid, unit=unit, above=book.unit_line(unit), notes=[notes[t]])

    # 4 财政拨款收入支出决算总表
    t = JUESUAN_TITLES[3]
    start(t, "landscape")
    funds = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    left = [
        ("一、一般公共预算财政拨款", [f.fiscal]),
        ("二、政府性基金预算财政拨款", [0]),
        ("三、国有资本经营预算财政拨款", [0]),
    ]
    right = [
        (f"{_cn(i)}、{name}", [v, v, 0, 0])
        for i, (c, name) in enumerate(CLASSES.items(), 1)
        for v in [classes[c].fiscal if c in classes else 0]  # one value, named
    ]
    F = f.fiscal
    blank: list[int | None] = [None] * 4
    tail = [
        (("本年收入合计", [F]), ("本年支出合计", [F, F, 0, 0])),
        (("年初财政拨款结转和结余", [None]), ("年末财政拨款结转和结余", blank)),
        (("一、一般公共预算财政拨款", [None]), None),
        (("二、政府性基金预算财政拨款", [None]), None),
        (("三、国有资本经营预算财政拨款", [None]), None),
        (("总计", [F]), ("总计", [F, F, 0, 0])),
    ]
    body = _side_rows(money, _zip_sides(left, right) + tail, (("收入", ["决算数"]), ("支出", ["合计", *funds])))
    head = [["收入", "", "支出", "", "", "", ""], ["项目", "决算数", "项目", "合计", *funds]]
    book.table(
        t,
        Grid(head, body, [2.6, 1.1, 2.8, 1.1, 1.2, 1.2, 1.2], "lalaaaa"),
        unit=unit,
        above=book.unit_line(unit),
        notes=[notes[t]],
    )

    # 5 一般公共预算财政拨款支出决算表
    t = JUESUAN_TITLES[4]
    start(t, "portrait")
    cols = [("合计", "fiscal"), ("基本支出", "basic"), ("项目支出", "project")]
    body, spans = _function_rows(money, [line for line in lines if line.fiscal], cols, split=split, total_first=False)
    widths = [0.55, 0.5, 0.5, 1.6] if split else [1.1, 1.6]
    grid = Grid(
        _head(_function_head(split), [[c for c, _ in cols]]),
        body,
        widths + [1.3] * 3,
        "c" * (ncode - 1) + "laaa",
        spans,
    )
    book.table(t, grid, unit=unit, above=book.unit_line(unit), notes=[notes[t]])

    # 6 一般公共预算财政拨款基本支出决算表: two column groups, 人员经费 | 公用经费
    t = JUESUAN_TITLES[5]
    start(t, "portrait")

    def econ(code: str | None) -> list[Cell]:
        if code is None:
            return ["", "", ""]
        return [code, ECONOMIC[code], _amt(money, f.economic[code], code, "决算数", zero=None)]

    personnel = [c for c in ECONOMIC if c[:3] in PERSONNEL]
    public = [c for c in ECONOMIC if c[:3] in PUBLIC]
    body = [econ(a) + econ(b) for a, b in _zip_sides(personnel, public)]
    body.append(
        [
            "人员经费合计",
            "",
            _amt(money, f.group(PERSONNEL), "人员经费合计", "决算数", zero=None),
            "公用经费合计",
            "",
            _amt(money, f.group(PUBLIC), "公用经费合计", "决算数", zero=None),
        ]
    )
    last = len(body) - 1
    grid = Grid(
        [["经济分类科目编码", "科目名称", "决算数"] * 2],
        body,
        [1.0, 2.2, 1.2] * 2,
        "cla" * 2,
        [(last, 0, 1), (last, 3, 4)],
    )
    book.table(t, grid, unit=unit, above=book.unit_line(unit), notes=[notes[t]])

    # 7 财政拨款“三公”经费支出决算表: 3-level header over one row of 预算数/决算数 pairs
    t = JUESUAN_TITLES[6]
    start(t, "landscape")
    head = [
        ["财政拨款“三公”经费"] + [""] * 11,
        ["合计", "", "因公出国（境）费", "", "公务用车购置及运行维护费", "", "", "", "", "", "公务接待费", ""],
        ["", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行维护费", "", "", ""],
        ["预算数", "决算数"] * 6,
    ]
    s = f.sangong
    car = tuple(s["购置"][k] + s["运行"][k] for k in (0, 1))
    total = tuple(s["出国"][k] + car[k] + s["接待"][k] for k in (0, 1))
    pairs = [total, s["出国"], car, s["购置"], s["运行"], s["接待"]]
    row: list[Cell] = [""] * 12
    if not empty_sangong:
        row = [
            _amt(money, pair[k], "“三公”经费", f"{group}/{('预算数', '决算数')[k]}", zero=None)
            for group, pair in zip(SANGONG_GROUPS, pairs, strict=True)
            for k in (0, 1)
        ]
    said = [f"说明：{d}本年度没有财政拨款“三公”经费支出，故本表无数据。"] if empty_sangong else []
    book.table(
        t,
        Grid(head, [row], [1.0] * 12, "a" * 12),
        unit=unit,
        above=book.unit_line(unit),
        notes=[notes[t], *said],
        empty=empty_sangong,
    )

    # 8, 9 政府性基金 and 国有资本经营: empty, with a 说明 line
    for t, fund in ((JUESUAN_TITLES[7], "政府性基金预算"), (JUESUAN_TITLES[8], "国有资本经营预算")):
        start(t, "landscape")
        flows = [
            ["年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
            ["", "", "合计", "基本支出", "项目支出", ""],
        ]
        blank_row: list[Cell] = [""] * (ncode + 6)
        nothing = [["合计", *blank_row[1:]], blank_row, blank_row, blank_row]
        grid = Grid(
            _head(_function_head(split), flows),
            nothing,
            [*code_w, 2.4] + [1.2] * 6,
            "c" * (ncode - 1) + "l" + "a" * 6,
            [(0, 0, ncode - 1)],
        )
        none_said = f"说明：{d}本年度没有{fund}财政拨款收入和支出，故本表无数据。"
        book.table(t, grid, unit=unit, above=book.unit_line(unit), notes=[notes[t], none_said], empty=True)


def _j_prose(book: _Book, f: Figures, d: str, y: int, *, empty_sangong: bool) -> None:
    """第三部分 情况说明 and 第四部分 名词解释; every figure is one of the tables' or derived from them."""
    w = book.money.wan
    T, F, other, B = w(f.total), w(f.fiscal), w(f.other), w(f.basic)
    P = w(f.sum("project") + f.other)
    prior = {k: w(v) for k, v in f.prior.items()}
    book.page("portrait")
    book.para(f"第三部分 {d} {y} 年度部门决算情况说明", "part")
    sub = iter(f"{_cn(i)}、{name}" for i, name in enumerate(PART3, 1))
    book.para(next(sub), "subsection")
    book.para(
        f"{d} {y} 年度收入支出总计 {T} 万元。与 {y - 1} 年度相比，{_change(T, prior['total'], '收入支出总计')}。主要原因：业务工作量变化。"
    )
    book.para(next(sub), "subsection")
    also = f"；其他收入 {other} 万元，占 {_pct(other, T)}%" if other else ""
    book.para(f"本年收入合计 {T} 万元，其中：财政拨款收入 {F} 万元，占 {_pct(F, T)}%{also}。")
    book.para(next(sub), "subsection")
    book.para(f"本年支出合计 {T} 万元，其中：基本支出 {B} 万元，占{_pct(B, T)}%；项目支出 {P} 万元，占{_pct(P, T)}%。")
    book.para(next(sub), "subsection")
    book.para(
        f"{d} {y} 年度财政拨款收入支出总计 {F} 万元。与 {y - 1} 年度相比，{_change(F, prior['fiscal'], '财政拨款收入支出总计')}。主要原因：项目安排调整。"
    )
    book.para(next(sub), "subsection")
    book.para("（一）一般公共预算财政拨款支出决算总体情况", "body")
    book.para(
        f"一般公共预算财政拨款支出 {F} 万元，占本年支出合计的 {_pct(F, T)}%。与 {y - 1} 年度相比，"
        f"{_change(F, prior['fiscal'], '一般公共预算财政拨款支出')}。主要原因：项目安排调整。"
    )
    book.para("（二）一般公共预算财政拨款支出决算结构情况", "body")
    lines = f.lines()
    parts = [
        f"{line.name}（类）{w(line.fiscal)} 万元，占 {_pct(w(line.fiscal), F)}%"
        for line in lines
        if len(line.code) == 3 and line.fiscal
    ]
    book.para(f"一般公共预算财政拨款支出 {F} 万元，主要用于以下方面：{'；'.join(parts)}。")
    book.para("（三）一般公共预算财政拨款支出决算具体情况", "body")
    R = w(f.sum("reference"))
    book.para(f"一般公共预算财政拨款支出全年预算为 {R} 万元，支出决算为 {F} 万元，完成全年预算的 {_pct(F, R)}%。其中：")
    names = {line.code: line.name for line in lines}
    for n, item in enumerate((i for i in f.items if i.basic + i.project), 1):
        ref, act = w(item.reference), w(item.basic + item.project)
        use = {"run": "机构正常运转的人员支出、公用支出", "project": f"{item.name}相关项目支出"}.get(
            item.role, f"{item.name}"
        )
        said = f"全年预算为 {ref} 万元，支出决算为 {act} 万元"
        said += (
            "。决算数与全年预算数持平。"
            if ref == act
            else f"，完成全年预算数的 {_pct(act, ref)}%。决算数小于全年预算数的主要原因：按实际需要支出。"
        )
        where = f"{names[item.code[:3]]}（类）{names[item.code[:5]]}（款）{item.name}（项）"
        book.para(f"{n}、{where}。主要用于：{use}。{said}")
    book.para(next(sub), "subsection")
    used = lambda groups: "、".join(ECONOMIC[c] for c in ECONOMIC if len(c) == 5 and c[:3] in groups and f.economic[c])  # noqa: E731
    book.para(
        f"一般公共预算财政拨款基本支出 {B} 万元。其中：人员经费 {w(f.group(PERSONNEL))} 万元，主要包括：{used(PERSONNEL)}；"
        f"公用经费 {w(f.group(PUBLIC))} 万元，主要包括：{used(PUBLIC)}。"
    )
    book.para(next(sub), "subsection")
    s = {k: (w(b), w(a)) for k, (b, a) in f.sangong.items()}
    if empty_sangong:
        book.para(f"{d} {y} 年度无“三公”经费财政拨款支出。")
    else:
        budget, actual = (sum((v[k] for v in s.values()), Decimal("0.00")) for k in (0, 1))
        what = {
            "出国": "因公出国（境）费",
            "购置": "公务用车购置费",
            "运行": "公务用车运行维护费",
            "接待": "公务接待费",
        }
        each = "；".join(f"{what[k]}全年预算为 {b} 万元，支出决算为 {a} 万元" for k, (b, a) in s.items())
        book.para(
            f"{d} {y} 年度“三公”经费财政拨款支出预算为 {budget} 万元，支出决算为 {actual} 万元，完成预算的 {_pct(actual, budget)}%。其中：{each}。"
        )
    for fund in ("政府性基金预算", "国有资本经营预算"):
        book.para(next(sub), "subsection")
        book.para(f"{d} {y} 年度无{fund}财政拨款收入和支出。")
    book.para(next(sub), "subsection")
    projects = sum(1 for i in f.items if i.project)
    book.para(
        f"{d} {y} 年度预算绩效管理工作开展情况如下：编报绩效目标的 {y} 年度项目 {projects} 个，"
        f"涉及预算金额 {w(f.sum('project'))} 万元；绩效自评的 {y} 年度项目 {projects} 个。"
    )
    book.para(next(sub), "subsection")
    G = w(f.group(PUBLIC))
    book.para("（一）机关运行经费支出情况", "body")
    book.para(
        f"机关运行经费支出 {G} 万元，比 {y - 1} 年度{_change(G, prior['running'], '')}。主要原因是日常公用支出变化。"
    )
    book.para("（二）政府采购支出情况", "body")
    goods, works, service = (w(v) for v in f.purchase)
    book.para(
        f"{d} {y} 年度政府采购金额（以合同签订为准）为 {goods + works + service} 万元，其中：货物采购金额 {goods} 万元、"
        f"工程采购金额 {works} 万元、服务采购金额 {service} 万元。"
    )
    book.para("（三）国有资产占有使用情况说明", "body")
    book.para(
        f"截至 {y} 年 12 月 31 日，{d}共有车辆 {f.vehicles} 辆，其中：其他用车 {f.vehicles} 辆。单价 100 万元（含）以上设备（不含车辆）0 台（套）。"
    )
    book.page("portrait")
    book.para("第四部分 名词解释", "part")
    for i, text in enumerate(GLOSSARY, 1):
        book.para(f"{_cn(i)}、{text}")


def _j_questions(f: Figures, money: Money, d: str, y: int, empty_sangong: bool) -> list[QA]:
    w = money.wan
    q = lambda text, value, unit, source: QA(question=f"{d}{y}年度{text}", value=value, unit=unit, source=source)  # noqa: E731
    T, B, P = w(f.total), w(f.basic), w(f.sum("project") + f.other)
    lines = {line.code: line for line in f.lines()}
    run = next(i for i in f.items if i.role == "run")
    act, ref = w(run.basic + run.project), w(run.reference)
    out = [
        q("本年收入合计是多少？", T, "万元", "收入决算表 · 合计 · 本年收入合计"),
        q("本年支出合计是多少？", T, "万元", "支出决算表 · 合计 · 本年支出合计"),
        q("基本支出决算是多少？", B, "万元", "支出决算表 · 合计 · 基本支出"),
        q("项目支出决算是多少？", P, "万元", "支出决算表 · 合计 · 项目支出"),
        q("基本支出占本年支出合计的比例是多少？", _pct(B, T), "%", "情况说明 三"),
        q("财政拨款收入是多少？", w(f.fiscal), "万元", "收入决算表 · 合计 · 财政拨款收入"),
        q(
            "一般公共预算财政拨款支出中一般公共服务支出是多少？",
            w(lines["201"].fiscal),
            "万元",
            "一般公共预算财政拨款支出决算表 · 201",
        ),
        q(
            f"{run.name}（{run.code}）支出决算是多少？",
            w(lines[run.code].total),
            "万元",
            f"支出决算表 · {run.code} · 本年支出合计",
        ),
        q(f"{run.name}（{run.code}）全年预算是多少？", ref, "万元", "情况说明 五（三）"),
        q("住房公积金支出决算是多少？", w(lines["2210201"].total), "万元", "支出决算表 · 2210201"),
        q("机关事业单位基本养老保险缴费支出是多少？", w(lines["2080505"].total), "万元", "支出决算表 · 2080505"),
        q("人员经费合计是多少？", w(f.group(PERSONNEL)), "万元", "一般公共预算财政拨款基本支出决算表 · 人员经费合计"),
        q("公用经费合计是多少？", w(f.group(PUBLIC)), "万元", "一般公共预算财政拨款基本支出决算表 · 公用经费合计"),
        q("办公费决算数是多少？", w(f.economic["30201"]), "万元", "一般公共预算财政拨款基本支出决算表 · 30201"),
        q(
            "一般公共预算财政拨款支出完成全年预算的比例是多少？",
            _pct(w(f.fiscal), w(f.sum("reference"))),
            "%",
            "情况说明 五（三）",
        ),
        q(
            "“三公”经费支出决算是多少？",
            w(sum(a for _, a in f.sangong.values())),
            "万元",
            "财政拨款“三公”经费支出决算表 · 合计 · 决算数",
        ),
        q("机关运行经费支出是多少？", w(f.group(PUBLIC)), "万元", "情况说明 十一（一）"),
        q("政府采购金额是多少？", w(sum(f.purchase)), "万元", "情况说明 十一（二）"),
    ]
    if act != ref:
        out.insert(
            9, q(f"{run.name}（{run.code}）完成全年预算数的比例是多少？", _pct(act, ref), "%", "情况说明 五（三）")
        )
    if not empty_sangong:
        out.append(
            q(
                "公务接待费支出决算是多少？",
                w(f.sangong["接待"][1]),
                "万元",
                "财政拨款“三公”经费支出决算表 · 公务接待费 · 决算数",
            )
        )
    return out


def make_juesuan(
    path: Path,
    *,
    department: str,
    year: int,
    unit: str = "万元",
    rng_seed: int = 0,
    captions: bool = False,
    split_codes: bool = False,
    digit_runs: bool = False,
    cover_lines: bool = True,
    empty_sangong: bool = False,
    other_income: bool | None = None,
) -> Expected:
    """A 部门决算 in the national template, written to `path`; returns what it prints.

    captions: titles as `表1 收入支出决算总表`; split_codes: 科目编码 over 类/款/项 cells; digit_runs: each
    character of every table amount its own text run, drawn in shuffled order; cover_lines: the cover as
    department / `2024 年度` / `部门决算` lines (else one line); empty_sangong: no “三公” figures, a 说明
    line instead; other_income: 其他收入 on a project (None: the seed decides).
    """
    rng = random.Random(rng_seed)
    money = Money(unit, 2, unit == "元")
    gen = _Gen(rng, money, rng.uniform(250, 900))
    inst = rng.random() < 0.6
    other = rng.random() < 0.5 if other_income is None else other_income
    f = _figures(gen, inst=inst, other=other, sangong=_j_sangong(gen, empty_sangong))
    for item in f.items:
        fiscal = item.basic + item.project
        item.reference = fiscal if rng.random() < 0.35 else fiscal + gen.near(fiscal, 0.005, 0.12)
    total_prior = gen.near(f.total, 0.8, 1.2)
    f.prior = {"total": total_prior, "fiscal": total_prior - f.other if other else total_prior}
    f.prior["running"] = gen.near(f.group(PUBLIC), 0.8, 1.2)

    d, y = department, year
    book = _Book(money, captions=captions, digit_runs=digit_runs, seed=rng_seed)
    book.story.append(Spacer(1, 180))
    if cover_lines:
        for line in (d, f"{y} 年度", "部门决算"):
            book.para(line, "cover")
    else:
        text = f"{d}{y}年度部门决算"
        size = min(26.0, FRAME_W["portrait"] / (pdfmetrics.stringWidth(text, FONT, 1) * 1.02))
        book.story.append(Paragraph(escape(text), _style("cover_one", size, size * 1.5, alignment=TA_CENTER)))
    book.page()
    book.para("目\u3000\u3000录", "heading")
    toc = [f"第一部分 {d}概况", "一、主要职能", "二、部门决算单位构成", f"第二部分 {d} {y} 年度部门决算表"]
    toc += [f"{_cn(i)}、{t}" for i, t in enumerate(JUESUAN_TITLES, 1)]
    toc += [f"第三部分 {d} {y} 年度部门决算情况说明"] + [f"{_cn(i)}、{t}" for i, t in enumerate(PART3, 1)]
    for line in [*toc, "第四部分 名词解释"]:
        book.para(line, "toc_entry" if line.startswith("第") else "toc_sub")
    book.page()
    book.para(f"第一部分 {d}概况", "part")
    book.para("一、主要职能", "subsection")
    book.para(DUTIES.format(d=d))
    book.para("二、部门决算单位构成", "subsection")
    book.para(f"从预算单位构成看，{d}决算包括：{d}本级决算、下属行政事业单位决算。")
    book.para(f"纳入{d} {y} 年度部门决算编制范围的单位包括：")
    units = [f"{d}（本级）"] + ([f"{d}事务服务中心"] if inst else [])
    book.grid(
        Grid(
            [["序号", "单位名称", "备注"]],
            [[str(i), u, ""] for i, u in enumerate(units, 1)],
            [0.8, 5, 1.5],
            "nll",
            size=10.5,
        )
    )
    _j_tables(book, f, d, y, split=split_codes, empty_sangong=empty_sangong)
    _j_prose(book, f, d, y, empty_sangong=empty_sangong)
    pages = book.build(path, "portrait")

    v = money.value
    totals = {
        "本年收入合计": v(f.total),
        "本年支出合计": v(f.total),
        "财政拨款收入": v(f.fiscal),
        "其他收入": v(f.other),
        "基本支出": v(f.basic),
        "项目支出": v(f.sum("project") + f.other),
        "一般公共预算财政拨款支出": v(f.fiscal),
        "人员经费": v(f.group(PERSONNEL)),
        "公用经费": v(f.group(PUBLIC)),
        "“三公”经费预算数": v(sum(b for b, _ in f.sangong.values())),
        "“三公”经费决算数": v(sum(a for _, a in f.sangong.values())),
    }
    return Expected(
        kind="决算",
        department=d,
        year=y,
        unit=unit,
        level="部门",
        tables=book.infos(pages),
        cells=book.cells,
        totals=totals,
        questions=_j_questions(f, money, d, y, empty_sangong),
    )


# --- 部门预算 / 单位预算 (Shanghai district template) ---------------------------------------------------------

YUSUAN_GLOSSARY = [
    "财政拨款收入：是预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。",
    "事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。",
    "基本支出预算：是预算主管部门及所属预算单位为保障其机构正常运转、完成日常工作任务而编制的年度基本支出计划，包括人员经费和公用经费两部分。",
    "项目支出预算：是预算主管部门及所属预算单位为完成行政工作任务、事业发展目标或政府发展战略、特定目标，在基本支出之外编制的年度支出计划。",
    "“三公”经费：是与区级财政有经费领拨关系的部门及其下属预算单位使用区级财政拨款安排的因公出国（境）费、公务用车购置及运行费、公务接待费。",
    "机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。",
]


def _trim(value: Decimal) -> str:
    """A 万元 amount as the 预算 “三公” table prints it: 47.91, 6.4, 25, 0."""
    text = f"{value:.2f}"
    return text.rstrip("0").rstrip(".")


def _y_sangong(gen: _Gen, empty: bool) -> dict[str, tuple[int, int]]:
    """(上年预算, 本年预算) of each “三公” item."""
    out = {}
    for key, nil, lo, hi in (
        ("出国", 0.7, 0.0005, 0.002),
        ("购置", 0.6, 0.002, 0.004),
        ("运行", 0.0, 0.0005, 0.003),
        ("接待", 0.3, 0.0001, 0.0005),
    ):
        if empty or gen.rng.random() < nil:
            out[key] = (0, 0)
            continue
        now = gen.cents(lo, hi)
        out[key] = (now if gen.rng.random() < 0.6 else gen.near(now, 0.7, 1.3), now)
    return out


def _y_change(cur: Decimal, prev: Decimal, y: int) -> str:
    if cur == prev:
        return f"与{y - 1}年预算持平"
    return f"比{y - 1}年预算{'增加' if cur > prev else '减少'}{abs(cur - prev)}万元"


def _y_tables(book: _Book, f: Figures, d: str, y: int, level: Level, titles: list[str], *, empty_sangong: bool) -> None:
    """The nine 预算 tables: 类/款/项 split codes, amounts in 元 with separators, the “三公” table in 万元."""
    money, unit = book.money, book.money.unit
    who = "部门" if level == "部门" else "单位"
    zero: str | None = None if level == "部门" else ""  # a 部门预算 prints 0 where a 单位预算 leaves blank
    lines = f.lines()
    classes = [line for line in lines if len(line.code) == 3]
    above = book.maker_line(who, d, unit)
    fund_note = "注:本{w}{y}年无{f}预算财政拨款安排的预算，故本表为空表。"

    # 1 财务收支预算总表
    book.page("landscape")
    left: list[Entry] = [
        ("一、财政拨款收入", [f.fiscal]),
        ("1. 一般公共预算资金", [f.fiscal]),
        ("2. 政府性基金", [0]),
        ("3. 国有资本经营预算", [0]),
        ("二、事业收入", [f.other]),
        ("三、事业单位经营收入", [0]),
        ("四、其他收入", [0]),
    ]
    right: list[Entry] = [(f"{_cn(i)}、{c.name}", [c.total]) for i, c in enumerate(classes, 1)]
    pairs: list[tuple[Entry | None, Entry | None]] = [
        *_zip_sides(left, right),
        (("收入总计", [f.total]), ("支出总计", [f.total])),
    ]
    body = _side_rows(money, pairs, (("本年收入", ["预算数"]), ("本年支出", ["预算数"])))
    grid = Grid(
        [["本年收入", "", "本年支出", ""], ["项目", "预算数", "项目", "预算数"]],
        body,
        [3, 1.4, 3, 1.4],
        "lala",
        size=10,
    )
    book.table(titles[0], grid, unit=unit, above=above, notes=[])

    # 2 收入预算总表, 3 支出预算总表
    income = [
        ("合计", "total"),
        ("财政拨款收入", "fiscal"),
        ("事业收入", "other"),
        ("事业单位经营收入", ""),
        ("其他收入", ""),
    ]
    spend = [("合计", "total"), ("基本支出", "basic"), ("项目支出", "spent_project")]
    for title, group, cols in ((titles[1], "收入预算", income), (titles[2], "支出预算", spend)):
        book.page()
        body, spans = _function_rows(money, lines, cols, split=True, total_first=False, zero=zero)
        head = _head(_function_head(True, "功能分类科目名称"), [[group] + [""] * (len(cols) - 1), [c for c, _ in cols]])
        grid = Grid(head, body, [0.45, 0.45, 0.45, 3] + [1.2] * len(cols), "cccl" + "a" * len(cols), spans, size=9.5)
        book.table(title, grid, unit=unit, above=above, notes=[])

    # 4 财政拨款收支预算总表
    book.page()
    funds = ["一般公共预算", "政府性基金预算", "国有资本经营预算"]
    left = [("一、一般公共预算资金", [f.fiscal]), ("二、政府性基金", [0]), ("三、国有资本经营预算", [0])]
    right = [
        (f"{_cn(i)}、{c.name}", [c.fiscal, c.fiscal, 0, 0]) for i, c in enumerate((c for c in classes if c.fiscal), 1)
    ]
    pairs = [*_zip_sides(left, right), (("收入总计", [f.fiscal]), ("支出总计", [f.fiscal, f.fiscal, None, None]))]
    body = _side_rows(money, pairs, (("财政拨款收入", ["预算数"]), ("财政拨款支出", ["合计", *funds])))
    head = [["财政拨款收入", "", "财政拨款支出", "", "", "", ""], ["项目", "预算数", "项目", "合计", *funds]]
    book.table(
        titles[3],
        Grid(head, body, [2.3, 1.2, 2.6, 1.2, 1.2, 1.2, 1.2], "lalaaaa", size=10),
        unit=unit,
        above=above,
        notes=[],
    )

    # 5 一般公共预算支出功能分类预算表, 6 政府性基金, 7 国有资本经营 (the last two empty)
    cols = [("合计", "fiscal"), ("基本支出", "basic"), ("项目支出", "project")]
    for title, group in zip(
        titles[4:7], ["一般公共预算支出", "政府性基金预算支出", "国有资本经营预算支出"], strict=True
    ):
        book.page()
        head = _head(_function_head(True, "功能分类科目名称"), [[group, "", ""], [c for c, _ in cols]])
        if group == "一般公共预算支出":
            body, spans = _function_rows(
                money, [line for line in lines if line.fiscal], cols, split=True, total_first=False, zero=zero
            )
            notes, empty = [], False
        else:
            body, spans = [["合计", "", "", "", "", "", ""], [""] * 7], [(0, 0, 3)]
            notes, empty = [fund_note.format(w=who, y=y, f=group.removesuffix("支出"))], True
        grid = Grid(head, body, [0.45, 0.45, 0.45, 3, 1.3, 1.3, 1.3], "cccl" + "aaa", spans, size=9.5)
        book.table(title, grid, unit=unit, above=above, notes=notes, empty=empty)

    # 8 一般公共预算基本支出部门预算经济分类预算表: the 经济分类 rows with money
    book.page()
    body = []
    for code, name in ECONOMIC.items():
        v = f.economic[code]
        if v:
            staff = code[:3] in PERSONNEL
            values = [("合计", v), ("人员经费", v if staff else 0), ("公用经费", 0 if staff else v)]
            body.append([code[:3], code[3:], name, *(_amt(money, x, code, c, zero=zero) for c, x in values)])
    personnel, public = f.group(PERSONNEL), f.group(PUBLIC)
    body.append(
        [
            "合计",
            "",
            "",
            *(
                _amt(money, x, "合计", c, zero=zero)
                for c, x in (("合计", f.basic), ("人员经费", personnel), ("公用经费", public))
            ),
        ]
    )
    head = [
        ["项目", "", "", "一般公共预算基本支出", "", ""],
        ["部门预算经济分类科目编码", "", "经济分类科目名称", "合计", "人员经费", "公用经费"],
        ["类", "款", "", "", "", ""],
    ]
    grid = Grid(head, body, [0.6, 0.6, 3, 1.3, 1.3, 1.3], "ccl" + "aaa", [(len(body) - 1, 0, 2)], size=9.5)
    book.table(titles[7], grid, unit=unit, above=above, notes=[])

    # 9 “三公”经费和机关运行经费预算表, in 万元
    book.page()
    s = {k: money.wan(now) for k, (_, now) in f.sangong.items()}
    car = s["购置"] + s["运行"]
    printed = [
        ("合计", s["出国"] + s["接待"] + car),
        ("因公出国(境)费", s["出国"]),
        ("公务接待费", s["接待"]),
        ("公务用车购置及运行费", car),
        ("购置费", s["购置"]),
        ("运行费", s["运行"]),
        (f"{y}年机关运行经费预算数", money.wan(f.running)),
    ]
    row: list[Cell] = [Amt(_trim(v), v, "“三公”经费", c) for c, v in printed]
    head = [
        [f"{y}年“三公”经费预算数", "", "", "", "", "", f"{y}年机关运行经费预算数"],
        ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
        ["", "", "", "小计", "购置费", "运行费", ""],
    ]
    notes = [f"注:本{who}{y}年无“三公”经费和机关运行经费预算，故本表为空表。"] if empty_sangong else []
    book.table(
        titles[8],
        Grid(head, [row], [1] * 7, "a" * 7, size=10),
        unit="万元",
        above=book.maker_line(who, d, "万元", ":"),
        notes=notes,
        empty=False,
    )


def _leaders(text: str, width: float, indent: float = 0) -> str:
    """`text` followed by a dot leader of … to the line's end, as the 预算 目录 prints it."""
    room = width - indent - pdfmetrics.stringWidth(text, FONT, 11)
    return text + "…" * max(2, int(room / pdfmetrics.stringWidth("…", FONT, 11)) - 2)


def _y_prose_front(book: _Book, f: Figures, d: str, y: int, level: Level, units: list[str]) -> None:
    """职能, 机构设置, 名词解释 and the 预算编制说明 with one paragraph for each 项."""
    w, who = book.money.wan, "部门" if level == "部门" else "单位"
    book.page("landscape")
    book.para(f"{d}（部门）主要职能" if level == "部门" else f"{d}主要职能", "heading")
    book.para(DUTIES.format(d=d))
    book.page()
    book.para(f"{d}（部门）机构设置" if level == "部门" else f"{d}机构设置", "heading")
    if level == "部门":
        book.para(f"{d}部门预算是包括{d}本部以及下属{len(units) - 1}家预算单位的综合收支计划。具体包括：")
    else:
        book.para(f"{d}设{len(units)}个内设机构，包括：")
    for i, unit in enumerate(units, 1):
        book.para(f"{i}. {unit}。")
    book.page()
    book.para("名词解释", "heading")
    for i, text in enumerate(YUSUAN_GLOSSARY, 1):
        book.para(f"（{_cn(i)}）{text}")
    book.page()
    book.para(f"{y}年{who}预算编制说明", "heading")
    T, F, S = w(f.total), w(f.fiscal), w(f.other)
    F0 = w(f.prior["fiscal"])
    book.para(
        f"{y}年，{d}收入预算{T}万元，其中：财政拨款收入{F}万元，{_y_change(F, F0, y)}；事业收入{S}万元；事业单位经营收入0.00万元；其他收入0.00万元。"
    )
    book.para(
        f"支出预算{T}万元，其中：财政拨款支出预算{F}万元，{_y_change(F, F0, y)}。财政拨款支出预算中，一般公共预算拨款支出预算{F}万元，"
        f"{_y_change(F, F0, y)}；政府性基金拨款支出预算0.00万元，与{y - 1}年预算持平；国有资本经营预算拨款支出预算0.00万元，与{y - 1}年预算持平。"
    )
    book.para(f"财政拨款收入支出{'增加' if F > F0 else '减少' if F < F0 else '持平'}的主要原因是项目安排调整。")
    book.para("财政拨款支出主要内容如下：")
    names = {line.code: line.name for line in f.lines()}
    for n, item in enumerate((i for i in f.items if i.basic + i.project), 1):
        now, before = w(item.basic + item.project), w(item.reference)
        where = f"{names[item.code[:3]]}（类）{names[item.code[:5]]}（款）{item.name}（项）"
        if now == before:
            change = f"与{y - 1}年预算执行数持平。主要原因是：{item.name}经费保持不变。"
        else:
            more = "增加" if now > before else "减少"
            change = (
                f"比{y - 1}年预算执行数{more}{_pct(abs(now - before), before)}%。主要原因是：{item.name}经费{more}。"
            )
        book.para(
            f"{n}. “{where}”{now}万元，主要用于{item.name}。{y - 1}年当年预算执行数为{before}万元，{y}年预算安排{now}万元，{change}"
        )


def _y_prose_back(book: _Book, f: Figures, d: str, y: int, level: Level, *, empty_sangong: bool) -> None:
    """其他相关情况说明: “三公”, 机关运行经费, 政府采购, 绩效目标, 国有资产."""
    w, who = book.money.wan, "部门" if level == "部门" else "单位"
    book.page()
    book.para("其他相关情况说明", "heading")
    book.para(f"一、{y}年“三公”经费预算情况说明", "subsection")
    before = {k: w(b) for k, (b, _) in f.sangong.items()}
    now = {k: w(a) for k, (_, a) in f.sangong.items()}
    total = lambda v: v["出国"] + v["接待"] + v["购置"] + v["运行"]  # noqa: E731
    if empty_sangong:
        book.para(f"本{who}{y}年无“三公”经费预算。")
    else:
        book.para(f"{y}年“三公”经费预算数为{total(now)}万元，{_y_change(total(now), total(before), y)}。其中：")
        book.para(f"（一）因公出国（境）费{now['出国']}万元，{_y_change(now['出国'], before['出国'], y)}。")
        car, car0 = now["购置"] + now["运行"], before["购置"] + before["运行"]
        book.para(
            f"（二）公务用车购置及运行费{car}万元，{_y_change(car, car0, y)}。其中：公务用车购置费{now['购置']}万元，"
            f"{_y_change(now['购置'], before['购置'], y)}；公务用车运行费{now['运行']}万元，{_y_change(now['运行'], before['运行'], y)}。"
        )
        book.para(f"（三）公务接待费{now['接待']}万元，{_y_change(now['接待'], before['接待'], y)}。")
    book.para("二、机关运行经费预算", "subsection")
    if f.running:
        book.para(f"{y}年{d}财政拨款的机关运行经费预算为{w(f.running)}万元。")
    else:
        book.para(f"{y}年{d}无机关运行经费。")
    book.para("三、政府采购预算情况", "subsection")
    goods, works, service = (w(v) for v in f.purchase)
    book.para(
        f"{y}年本{who}政府采购预算{goods + works + service}万元，其中：政府采购货物预算{goods}万元、政府采购工程预算{works}万元、"
        f"政府采购服务预算{service}万元。"
    )
    book.para("四、绩效目标设置情况", "subsection")
    projects = [i for i in f.items if i.project or i.other]
    book.para(f"本{who}编报绩效目标的项目{len(projects)}个，涉及项目预算资金{w(f.sum('project') + f.other)}万元。")
    book.para("五、国有资产占有使用情况", "subsection")
    book.para(
        f"截至{y - 1}年12月31日，{d}共有车辆{f.vehicles}辆，其中：其他用车{f.vehicles}辆；单价100万元（含）以上设备（不含车辆）0台（套）。"
    )


def _y_questions(f: Figures, money: Money, d: str, y: int, titles: list[str]) -> list[QA]:
    w, v, unit = money.wan, money.value, money.unit
    q = lambda text, value, u, source: QA(question=f"{d}{y}年{text}", value=value, unit=u, source=source)  # noqa: E731
    lines = {line.code: line for line in f.lines()}
    run = next(i for i in f.items if i.role == "run")
    office = next((c for c in ECONOMIC if len(c) == 5 and c[:3] == "302" and f.economic[c]), "30201")
    project = f.sum("project") + f.other
    s = {k: w(now) for k, (_, now) in f.sangong.items()}
    out = [
        q("收入预算是多少？", w(f.total), "万元", "预算编制说明"),
        q("财政拨款收入预算是多少？", w(f.fiscal), "万元", "预算编制说明"),
        q("基本支出预算是多少？", v(f.basic), unit, f"{titles[2]} · 合计 · 基本支出"),
        q("项目支出预算是多少？", v(project), unit, f"{titles[2]} · 合计 · 项目支出"),
        q("项目支出占支出预算的比例是多少？", _pct(project, f.total), "%", f"{titles[2]} · 合计"),
        q("一般公共服务支出预算是多少？", v(lines["201"].total), unit, f"{titles[2]} · 201 · 合计"),
        q(f"{run.name}（{run.code}）预算是多少？", v(lines[run.code].fiscal), unit, f"{titles[4]} · {run.code} · 合计"),
        q(f"{run.name}（{run.code}）上年预算执行数是多少？", w(run.reference), "万元", "预算编制说明"),
        q("住房公积金预算是多少？", v(lines["2210201"].total), unit, f"{titles[2]} · 2210201 · 合计"),
        q("人员经费预算是多少？", v(f.group(PERSONNEL)), unit, f"{titles[7]} · 合计 · 人员经费"),
        q("公用经费预算是多少？", v(f.group(PUBLIC)), unit, f"{titles[7]} · 合计 · 公用经费"),
        q(f"{ECONOMIC[office]}预算是多少？", v(f.economic[office]), unit, f"{titles[7]} · {office} · 合计"),
        q("“三公”经费预算是多少？", sum(s.values(), Decimal("0.00")), "万元", f"{titles[8]} · 合计"),
        q("公务用车运行费预算是多少？", s["运行"], "万元", f"{titles[8]} · 运行费"),
        q("公务接待费预算是多少？", s["接待"], "万元", f"{titles[8]} · 公务接待费"),
        q("机关运行经费预算是多少？", w(f.running), "万元", f"{titles[8]} · 机关运行经费预算数"),
        q("政府采购预算是多少？", w(sum(f.purchase)), "万元", "其他相关情况说明 三"),
        QA(
            question=f"{d}{y - 1}年财政拨款收入预算是多少？",
            value=w(f.prior["fiscal"]),
            unit="万元",
            source="预算编制说明（比上年）",
        ),
    ]
    if f.other:
        out.append(q("事业收入预算是多少？", w(f.other), "万元", "预算编制说明"))
    return out


def make_yusuan(
    path: Path,
    *,
    department: str,
    year: int,
    unit: str = "元",
    unit_level: Level = "部门",
    rng_seed: int = 0,
    captions: bool = False,
    digit_runs: bool = False,
    empty_sangong: bool = False,
    business_income: bool | None = None,
    region: str = "上海市普陀区",
) -> Expected:
    """A Shanghai district 部门预算 (unit_level="部门") or 单位预算 ("单位"), written to `path`; returns what it prints.

    captions: titles as `表1 2024年部门财务收支预算总表`; digit_runs: each character of every table amount
    its own text run, drawn in shuffled order; empty_sangong: no “三公” or 机关运行经费 budget (zeros and a
    注 line); business_income: 事业收入 on a project (None: a 单位预算 has it, a 部门预算 not).
    """
    rng = random.Random(rng_seed)
    money = Money(unit, 0 if unit == "元" else 2, True)
    gen = _Gen(rng, money, rng.uniform(1500, 12000))
    inst = unit_level == "单位" or rng.random() < 0.6
    other = unit_level == "单位" if business_income is None else business_income
    f = _figures(gen, inst=inst, other=other, sangong=_y_sangong(gen, empty_sangong))
    step = money.per_wan // 100
    for item in f.items:  # 上年预算执行数, in whole 0.01 万元 as the prose prints it
        fiscal = item.basic + item.project
        item.reference = round(fiscal / step) * step if rng.random() < 0.2 else gen.near(fiscal, 0.6, 1.4)
    f.prior = {"fiscal": gen.near(f.fiscal, 0.85, 1.1)}
    f.running = 0 if empty_sangong else gen.near(f.group(PUBLIC), 0.3, 0.8)

    d, y = department, year
    who, pre = ("部门", "部门") if unit_level == "部门" else ("单位", "预算单位")
    titles = [
        f"{y}年{pre}{t}"
        for t in (
            "财务收支预算总表",
            "收入预算总表",
            "支出预算总表",
            "财政拨款收支预算总表",
            "一般公共预算支出功能分类预算表",
            "政府性基金预算支出功能分类预算表",
            "国有资本经营预算支出功能分类预算表",
            "一般公共预算基本支出部门预算经济分类预算表",
        )
    ] + [f"{who}“三公”经费和机关运行经费预算表"]
    if unit_level == "部门":
        units = [f"{d}（本部）"] + [f"{d}{u}" for u in ("社区事务受理服务中心", "综合服务中心")[: 2 if inst else 1]]
    else:
        units = ["办公室", "财务室", "业务部"]

    book = _Book(money, captions=captions, digit_runs=digit_runs, seed=rng_seed)
    book.orient = "landscape"
    book.story.append(Spacer(1, 150))
    cover = f"{region}{y}年区级部门预算" if unit_level == "部门" else f"{d}{y}年单位预算"
    book.para(cover, "cover")
    book.para(f"预算主管部门：{d}" if unit_level == "部门" else f"预算单位：{d}", "cover_small")
    book.page()
    book.para("目\u3000\u3000录", "heading")
    width = FRAME_W["landscape"]
    parts = [f"一、{who}主要职能", f"二、{who}机构设置", "三、名词解释", f"四、{who}预算编制说明", f"五、{who}预算表"]
    for line in parts:
        book.para(_leaders(line, width), "toc_entry")
    for i, title in enumerate(titles, 1):
        book.para(_leaders(f"{i}. {title}", width, 22), "toc_sub")
    book.para(_leaders("六、其他相关情况说明", width), "toc_entry")
    _y_prose_front(book, f, d, y, unit_level, units)
    _y_tables(book, f, d, y, unit_level, titles, empty_sangong=empty_sangong)
    _y_prose_back(book, f, d, y, unit_level, empty_sangong=empty_sangong)
    pages = book.build(path, "landscape")

    v = money.value
    totals = {
        "收入总计": v(f.total),
        "支出总计": v(f.total),
        "财政拨款收入": v(f.fiscal),
        "事业收入": v(f.other),
        "基本支出": v(f.basic),
        "项目支出": v(f.sum("project") + f.other),
        "一般公共预算支出": v(f.fiscal),
        "人员经费": v(f.group(PERSONNEL)),
        "公用经费": v(f.group(PUBLIC)),
        "“三公”经费": v(sum(now for _, now in f.sangong.values())),
        "机关运行经费": v(f.running),
    }
    return Expected(
        kind="预算",
        department=d,
        year=y,
        unit=unit,
        level=unit_level,
        tables=book.infos(pages),
        cells=book.cells,
        totals=totals,
        questions=_y_questions(f, money, d, y, titles),
    )
