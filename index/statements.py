"""What a disclosure says about itself, checked: its year in headings and dates, and each item's
budget and outcome as its narrative states them (rate, direction, and the table's figure).

The words read are data (index/audit.toml); this module is the grammar.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib.resources import files
from typing import Protocol

from index.normal import bare_label, squeeze, to_decimal
from index.numbers import last_place
from index.records import AuditStatus, Check, Disclosure, Table
from index.units import MONEY, MONEY_PATTERN

_AMOUNT = rf"(?P<num>-?\d[\d,]*(?:\.\d+)?)(?P<unit>{MONEY_PATTERN})"
_RATE = r"(?P<num>\d+(?:\.\d+)?)%"
_YEAR_KIND = re.compile(r"(?P<year>(?:19|20)\d{2})年度?(?:部门|单位)?(?:综合)?(?P<kind>预算|决算)")
# "“一般公共服务支出（类）社会工作事务（款）行政运行（项）”": the item a statement is about
_ITEM = re.compile(
    r"(?P<kuan>[^（()）“”\"。，；：]{1,30}?)[（(]款[)）](?P<xiang>(?:[^（()“”\"。，；：]|[（(](?!项)[^（()）]{1,6}[)）]){1,30}?)[（(]项[)）]"
)


class Record(Protocol):
    """Records one check: kind, where, the text's figure, what it is checked against, status, their unit."""

    def __call__(
        self,
        kind: str,
        where: str,
        expected: Decimal | str,
        found: Decimal | str,
        status: AuditStatus,
        unit: str = "",
        /,
    ) -> None: ...


@dataclass(frozen=True)
class Words:
    as_of: tuple[str, ...]
    budget: tuple[tuple[str, str], ...]  # (words before the amount, which budget: 年初 / 全年 / "")
    actual: tuple[str, ...]
    rate: tuple[str, ...]
    less: tuple[str, ...]
    more: tuple[str, ...]
    same: tuple[str, ...]
    siblings: tuple[frozenset[str], ...]  # items never parts of one another


@cache
def words() -> Words:
    data = tomllib.loads(files("index").joinpath("audit.toml").read_text(encoding="utf-8"))
    e = data["execution"]
    return Words(
        as_of=tuple(data["as_of"]),
        budget=tuple((w, which) for w, which in e["budget"]),
        actual=tuple(e["actual"]),
        rate=tuple(e["rate"]),
        less=tuple(e["less"]),
        more=tuple(e["more"]),
        same=tuple(e["same"]),
        siblings=tuple(frozenset(group) for group in data["siblings"]),
    )


def _alternatives(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


def statement_checks(d: Disclosure) -> list[Check]:
    """The checks of what the document states about its own year and its items' execution."""
    out: list[Check] = []

    def record(
        kind: str, where: str, expected: Decimal | str, found: Decimal | str, status: AuditStatus, unit: str = ""
    ) -> None:
        out.append(Check.of(d.doc_id, kind, where, expected, found, status, unit))

    _headings(d, record)
    _dates(d, record)
    _executions(d, record)
    return out


def _headings(d: Disclosure, record: Record) -> None:
    """A heading or table title that dates the document ("2024年度部门决算情况") names its own year."""
    titles = [s.heading for s in d.sections] + [h for s in d.sections for h in s.subsections]
    titles += [t.title for t in d.tables.values()]
    for title in dict.fromkeys(squeeze(t) for t in titles):
        for m in _YEAR_KIND.finditer(title):
            if m.group("kind") != d.kind:
                continue
            year = int(m.group("year"))
            status: AuditStatus = "ok" if year == d.year else "mismatch"
            record("年度", f"标题“{title}”", f"{d.year}年", f"{year}年", status)


def _dates(d: Disclosure, record: Record) -> None:
    """ "截至 2024 年 12 月 31 日": a 决算 states its stocks at the end of its own year; a 预算 at the end
    of the year before or during its own year."""
    pattern = re.compile(rf"(?:{_alternatives(words().as_of)})(?P<year>(?:19|20)\d{{2}})年")
    allowed = {d.year} if d.kind == "决算" else {d.year - 1, d.year}
    for section in d.sections:
        for p in section.paragraphs:
            text = squeeze(p.text)
            for m in pattern.finditer(text):
                year = int(m.group("year"))
                status: AuditStatus = "ok" if year in allowed else "mismatch"
                expected = "或".join(f"{y}年" for y in sorted(allowed))
                record("日期", f"{section.heading}“{text[m.start() : m.start() + 24]}”", expected, f"{year}年", status)


@dataclass(frozen=True)
class _Execution:
    """One item's budget(s) and outcome as a sentence states them."""

    item: str | None  # the 项 named before the statement, as "款/项"
    budgets: dict[str, Decimal]  # which budget ("年初", "全年", "") → amount, in 元
    actual: Decimal  # in 元
    actual_printed: tuple[str, str]  # (number, unit) as printed
    rates: list[tuple[str, Decimal]]  # (which budget, printed %)
    direction: str | None  # "less" / "more" / "same" as stated
    direction_of: str  # which budget the direction compares with
    text: str


def _executions(d: Disclosure, record: Record) -> None:
    rows = _item_rows(d)
    for section in d.sections:
        for p in section.paragraphs:
            for e in _read_executions(squeeze(p.text)):
                where = f"{section.heading} {e.item or ''}".strip()
                _check_execution(e, where, record)
                row = rows.get(e.item or "")
                if row is not None:
                    value, unit = row
                    num, printed_unit = e.actual_printed
                    places = last_place(to_decimal(num))
                    found = (value * MONEY[unit] / MONEY[printed_unit]).quantize(places, ROUND_HALF_UP)
                    printed = to_decimal(num)
                    record(
                        "文表一致", f"{where} 决算数与表格", printed, found,
                        "ok" if found == printed else "mismatch", printed_unit,
                    )  # fmt: skip


def _read_executions(text: str) -> Iterator[_Execution]:
    """Statements "全年预算为 X 万元，支出决算为 Y 万元，完成全年预算数的 R%。决算数小于全年预算数…":
    each outcome with the budgets stated since the last outcome and the rate and direction after it."""
    w = words()
    budget_words = dict(w.budget)
    budget_re = re.compile(rf"(?P<word>{_alternatives(tuple(budget_words))}){_AMOUNT}")
    actual_re = re.compile(rf"(?:{_alternatives(w.actual)}){_AMOUNT}")
    rate_re = re.compile(rf"(?P<word>{_alternatives(w.rate)}){_RATE}")
    direction_re = re.compile(
        rf"决算数?(?P<word>{_alternatives(w.less + w.more + w.same)})?(?:[^。；，]{{0,4}}?)(?P<which>年初|全年)?预算数?"
        rf"(?P<word2>{_alternatives(w.less + w.more + w.same)})?"
    )
    actuals = list(actual_re.finditer(text))
    budgets = list(budget_re.finditer(text))
    start = 0
    for i, a in enumerate(actuals):
        stated = [b for b in budgets if start <= b.start() < a.start()]
        if not stated:
            start = a.end()
            continue
        nxt = min([b.start() for b in budgets if b.start() > a.end()] + [len(text)])
        if i + 1 < len(actuals):
            nxt = min(nxt, actuals[i + 1].start())
        tail = text[a.end() : nxt]
        rates = [(_which(m.group("word")), Decimal(m.group("num"))) for m in rate_re.finditer(tail)]
        direction, of = None, ""
        if m := direction_re.search(tail):
            word = m.group("word") or m.group("word2")
            if word:
                direction = "less" if word in w.less else "more" if word in w.more else "same"
                of = m.group("which") or ""
        items = list(_ITEM.finditer(text[: stated[0].start()]))
        yield _Execution(
            item=f"{items[-1].group('kuan')}/{items[-1].group('xiang')}" if items else None,
            budgets={budget_words[b.group("word")]: _yuan(b.group("num"), b.group("unit")) for b in stated},
            actual=_yuan(a.group("num"), a.group("unit")),
            actual_printed=(a.group("num"), a.group("unit")),
            rates=rates,
            direction=direction,
            direction_of=of,
            text=text[stated[0].start() : nxt][:80],
        )
        start = a.end()


def _which(word: str) -> str:
    return "年初" if "年初" in word else "全年" if "全年" in word else ""


def _yuan(num: str, unit: str) -> Decimal:
    return to_decimal(num) * MONEY[unit]


def _budget(e: _Execution, which: str) -> Decimal | None:
    """The budget a rate or direction names; the only one stated when it names none."""
    if which in e.budgets:
        return e.budgets[which]
    if which == "" and len(e.budgets) == 1:
        return next(iter(e.budgets.values()))
    return e.budgets.get("全年", e.budgets.get("", None)) if which == "" else None


def _check_execution(e: _Execution, where: str, record: Record) -> None:
    for which, printed in e.rates:
        budget = _budget(e, which)
        label = f"{where} 完成{which}预算的{printed}%"
        if budget is None:
            continue
        if budget == 0:
            record("执行率", label, printed, f"{which}预算为0", "mismatch")
            continue
        found = (e.actual / budget * 100).quantize(last_place(printed), ROUND_HALF_UP)
        tolerance = last_place(printed)
        status: AuditStatus = (
            "ok" if found == printed else "rounding" if abs(found - printed) <= tolerance else "mismatch"
        )
        record("执行率", label, printed, found, status)
    if e.direction is None:
        return
    budget = _budget(e, e.direction_of)
    if budget is None:
        return
    actual = "less" if e.actual < budget else "more" if e.actual > budget else "same"
    names = {"less": "小于", "more": "大于", "same": "等于"}
    status = "ok" if actual == e.direction else "mismatch"
    record(
        "预决算方向",
        f"{where} 决算数{names[e.direction]}{e.direction_of}预算数",
        names[e.direction],
        names[actual],
        status,
    )


def _item_rows(d: Disclosure) -> dict[str, tuple[Decimal, str]]:
    """ "款/项" → (the 项 row's total outcome, the table's unit) in the 一般公共预算 by-function table."""
    tables = {t.kind: t for t in d.tables.values()}
    table: Table | None = tables.get("general_public_by_function") or tables.get("expenditure")
    if table is None:
        return {}
    column = next((c.name for c in table.columns if c.kind == "amount"), None)
    if column is None:
        return {}
    by_code = {r.code: r for r in table.rows if r.code}
    out: dict[str, tuple[Decimal, str]] = {}
    for r in table.rows:
        parent = by_code.get(r.parent or "")
        value = r.values.get(column)
        if r.code and len(r.code) == 7 and parent is not None and value is not None:
            out.setdefault(f"{bare_label(parent.label)}/{bare_label(r.label)}", (value, table.unit or "万元"))
    return out
