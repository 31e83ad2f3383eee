"""Records of the answer stage: a question understood, figures checked, an answer with citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from index.records import Fact

Measure = Literal[
    "amount",  # 金额/数量
    "change",  # 比上年增减
    "growth",  # 增长率
    "share",  # 占比
    "prior",  # 上年数
    "sum",  # 合计
    "difference",  # A 比 B 多/少
    "per_head",  # 人均
    "breakdown",  # 构成/明细
    "explain",  # 原因/含义/用途
]
Verdict = Literal["verified", "derived", "mismatch", "unknown"]


@dataclass(frozen=True, kw_only=True)
class Query:
    """A question understood: what it asks about, for which year and scope, and what measure."""

    question: str
    subjects: tuple[str, ...]  # fact labels, in the order the question names them
    measure: Measure
    year: int | None  # the year asked about; None = the disclosure's own year
    doc_ids: tuple[str, ...]  # documents in scope
    table: str | None = None  # "表7" when the question names a table
    column: str | None = None  # a column the question names ("基本支出", "财政拨款")
    code: str | None = None  # a 科目编码 in the question
    magnitude: bool = False  # "少了多少"/"降幅": answer the size of a change, not its sign
    precise: bool = False  # "精确到两位小数": compute instead of quoting the printed rate
    last_year: bool = False  # 去年/上年: the year before each disclosure's own
    refusal: str | None = None  # why the disclosures cannot answer, if known already
    choices: tuple[str, ...] = ()  # departments to choose from when the question names none of several
    fund: str | None = None  # a fund the question names (一般公共预算 / 政府性基金 / 国有资本经营): read its tables
    unbound: bool = False  # refused because the prose phrase found binds no table row the question also names


@dataclass(frozen=True, kw_only=True)
class Figure:
    """A figure in an answer (or a pasted draft) and what checking it found."""

    text: str  # as written
    value: Decimal
    unit: str
    verdict: Verdict
    source: str = ""  # the fact's source, or the sources of a calculation's operands
    expression: str = ""  # the calculation, for a derived figure
    expected: Decimal | None = None  # for a mismatch: what the disclosure gives
    expected_unit: str = ""


@dataclass(frozen=True, kw_only=True)
class Citation:
    doc_id: str
    where: str  # "表7 一般公共预算支出表（按功能分类） · 2060702 科普活动 · 支出总计" or a section trail
    text: str  # the row or the sentence quoted


AcrossOp = Literal[
    "rank",  # 哪个部门最多 / 前五名 / 从高到低
    "total",  # 各部门合计
    "average",  # 各部门平均
    "compare",  # 两个（或更多）部门比一比
    "filter",  # 哪些部门超过 / 没有 / 有
    "share",  # 各部门 A 占本部门 B 的比例
    "execution",  # 一个部门同一年的决算与预算：差额、执行率
    "change",  # 一个部门两年的同类文件：增减、增长率（单文件引擎答不了时）
]


@dataclass(frozen=True, kw_only=True)
class Across:
    """A question over several documents, understood: which figure, which documents, what to do with them."""

    question: str
    op: AcrossOp
    subject: str  # the subject's name (assistant/subjects.toml), a 科目编码 or a coded row's name
    whole: str | None = None  # share: what the subject is a share of
    departments: tuple[str, ...] = ()  # named departments (full names); () = every department in scope
    within: tuple[str, ...] = ()  # the departments of a place said ("深圳各部门"); () = no place said
    place: str = ""  # that place, as written
    each: bool = False  # 分别: one line each, nothing derived from them
    years: tuple[int, ...] = ()  # total: one department's subject summed over these years
    own_years: tuple[tuple[str, int], ...] = ()  # each named department with the year written beside it
    focus: str | None = None  # rank: the department whose place is asked ("财政局排第几")
    per: Literal["execution", "change"] | None = None  # each department's figure is made of two documents
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name as written, the departments it may mean)
    below: tuple[Decimal, str] | None = None  # filter: an upper bound as well ("10万元到20万元之间")
    refusal: str | None = None  # read as a question across documents that this engine cannot answer, and why
    year: int | None = None  # None: the latest year in scope
    kind: str | None = None  # 预算 / 决算; None: not said
    descending: bool = True
    limit: int | None = None  # 前五名 → 5
    threshold: tuple[str, Decimal, str] | None = None  # filter: (">", 10, "万元"), ("=", 0, ""), (">", 0, "")
    rate: bool = False  # execution: 执行率 rather than the difference
    earlier: int | None = None  # change: the year compared with (None: the year before `year`)
    growth: bool = False  # change: the rate, not the amount
    magnitude: bool = False  # change: "减少了多少"/"降幅" answer the size, not the sign
    ratio: tuple[str, ...] = ()  # compare: (dividend, divisor) departments as written ("A是B的几倍")


@dataclass(frozen=True, kw_only=True)
class Within:
    """The documents a user has chosen to ask about (the web chat's scope picker); empty = no limit."""

    departments: tuple[str, ...] = ()  # full names, as `budgetqa docs` lists them
    years: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()  # 预算 / 决算


@dataclass(frozen=True, kw_only=True)
class Entry:
    """One document's line in an answer across documents (a ranking, a total, a comparison)."""

    department: str
    year: int
    kind: str  # 预算 / 决算 of the document read
    doc_id: str
    value: Decimal | None  # in the answer's unit; None when the document does not have the item
    unit: str
    source: str = ""  # where the figure is printed (table · row · column, page); "" when it is missing
    printed: str = ""  # the figure as printed when the document uses another unit ("1,234,567 元")
    expression: str = ""  # the calculation of a derived figure (a share, a rate of execution)
    note: str = ""  # "文件中未找到此项", "本表无数据", "按元换算为万元"
    rank: int | None = None  # 1 = first in the answer's order


@dataclass(frozen=True, kw_only=True)
class ToolUse:
    """One tool call of a language model, as the chat shows it."""

    name: str  # "lookup_facts"
    arguments: str  # as the model wrote them (JSON text, maybe malformed)
    result: str  # what it got, in short Chinese ("3 个数字：F1 项目支出 4,023 万元 …")
    ok: bool = True  # False: an unknown tool, bad arguments, a calculation that cannot be done


@dataclass(frozen=True, kw_only=True)
class ModelPart:
    """What an optional language model did for an answer: its tool calls, and whether its text is the answer."""

    model: str  # the model's name at the endpoint
    used: bool  # the answer's text is the model's draft, every figure in it checked
    outcome: Literal["used", "declined", "rejected", "failed"] = "failed"  # declined: it found nothing either;
    # rejected: its draft failed the check (or had no basis); failed: the endpoint, a cap or the time ran out
    note: str = ""  # why its draft was not used, or why the endpoint failed (Chinese); "" when used
    draft: str = ""  # the model's last draft when it was not used
    draft_figures: list[Figure] = field(default_factory=list)  # that draft's figures and their verdicts
    calls: list[ToolUse] = field(default_factory=list)
    rounds: int = 0  # requests sent to the endpoint
    tokens: int = 0  # as the endpoint counted them
    elapsed_ms: float = 0.0


@dataclass(frozen=True, kw_only=True)
class Reading:
    """How an answer read its question, built from what the engine used (assistant/reading.py) and shown in
    one line: 按：万里街道 · 2025年部门预算 · “三公”经费 − 公务用车购置及运行费."""

    asked: str = ""  # the question as read when not as asked (English in Chinese, 三千万 in digits); "" otherwise
    departments: tuple[str, ...] = ()  # the names shown (short where unambiguous), in the answer's order
    documents: tuple[str, ...] = ()  # "2025年部门预算", "2024年部门决算", one per year and kind read
    subject: str = ""  # the item read ("“三公”经费", "行政运行")
    path: tuple[str, ...] = ()  # its parents, outermost first ("城乡社区支出", "城乡社区管理事务")
    column: str = ""  # the column read when it is not the document's plain amount ("基本支出", "年初预算数")
    measure: str = ""  # what is computed of it ("增长率", "占支出合计的比例"); "" = the amount itself
    operations: tuple[str, ...] = ()  # "− 公务用车购置及运行费", "÷ 12", "排名（从高到低）", "合计"
    threshold: str = ""  # a filter's bound ("> 1,000 万元")

    def line(self) -> str:
        """The one line shown above an answer."""
        item = "".join(f"{p} › " for p in self.path) + self.subject
        item = " ".join([item, *self.operations]).strip()
        parts = ["、".join(self.departments), "、".join(self.documents), item, self.column, self.measure]
        parts.append(self.threshold)
        body = " · ".join(p for p in parts if p)
        if self.asked:  # the question as it was read (in Chinese, in digits), then what answered it
            return f"按：“{self.asked}”" + (f" → {body}" if body else "")
        return "按：" + body


@dataclass(frozen=True, kw_only=True)
class Answer:
    """What the assistant says, and everything needed to trust it."""

    question: str
    text: str
    refused: bool
    value: Decimal | None = None  # the primary figure, if the answer is a number
    unit: str | None = None
    figures: list[Figure] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    query: Query | None = None
    facts: list[Fact] = field(default_factory=list)  # the facts the answer's figures come from
    items: list[tuple[str, Decimal, str]] = field(default_factory=list)  # a breakdown's (item, amount, unit)
    timings: dict[str, float] = field(default_factory=dict)  # milliseconds per stage
    choices: tuple[str, ...] = ()  # "which department?": the names to pick from (the answer asks instead)
    entries: list[Entry] = field(default_factory=list)  # across documents: one line per document, in order
    metric: str = ""  # what the entries' values are: "“三公”经费（决算数）", "行政运行占支出合计的比例"
    covered: str = ""  # the documents an answer across documents read: "覆盖库中 2024 年决算 38 个部门"
    across: Across | None = None  # a question across documents, for its follow-ups ("那2023年呢？")
    model: ModelPart | None = None  # set when a language model was asked (configured, and the rules refused)
    reading: Reading | None = None  # how the question was read (assistant/reading.py); None: nothing read
