"""Each disclosure checked against itself: hierarchies, totals, balances, tables vs tables vs prose.

A check compares a printed figure (`expected`) with what its items add up to or
what another place prints (`found`). `rounding` means the difference is within the
disclosure's own 尾数误差: one unit in the last printed place per item summed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from index.catalog import is_empty_note
from index.labels import is_total
from index.normal import bare_label, to_decimal
from index.numbers import format_amount, last_place
from index.prose_check import prose_vs_tables
from index.records import AuditStatus, Check, Disclosure, Fact, Row, Table
from index.sides import side_head
from index.statements import statement_checks, words
from index.units import MONEY
from index.year_groups import groups_of


class _Audit:
    def __init__(self, d: Disclosure):
        self.d = d
        self.checks: list[Check] = []

    def compare(
        self, kind: str, where: str, expected: Decimal, found: Decimal, items: Iterable[Decimal] = (), unit: str = ""
    ) -> None:
        """Record a check; the tolerance is one last-place unit per item summed (at least one)."""
        values = [expected, found, *items]
        n = max(1, len(values) - 2)
        tolerance = n * max(last_place(v) for v in values)
        diff = found - expected
        status: AuditStatus = "ok" if diff == 0 else ("rounding" if abs(diff) <= tolerance else "mismatch")
        self.checks.append(Check.of(self.d.doc_id, kind, where, expected, found, status, unit))

    def names(self, where: str, expected: str, found: str) -> None:
        status: AuditStatus = "ok" if expected == found else "mismatch"
        self.checks.append(
            Check(
                doc_id=self.d.doc_id,
                kind="科目名称",
                where=where,
                expected=expected,
                found=found,
                difference=None,
                status=status,
            )
        )


def audit(d: Disclosure, facts: list[Fact]) -> list[Check]:
    """All internal-consistency checks of one disclosure."""
    a = _Audit(d)
    coded = coded_table(d.tables.values())
    general_only = _general_budget_only(d)
    for t in d.tables.values():
        _hierarchy(a, t)
        _row_identity(a, t)
        _balance(a, t)
        _year_table(a, t)
        _task_total(a, t)
        if coded is not None and t is not coded:
            _against(a, t, coded, amounts=general_only)
    _headline_totals(a, d, general_only)
    prose_vs_tables(
        lambda kind, where, expected, found, unit: a.compare(kind, where, expected, found, unit=unit), facts, d.year
    )
    _parts(a, facts)
    _growth(a, facts)
    _empty_notes(a, d)
    _items_vs_rows(a, d)
    return a.checks + statement_checks(d)


def _empty_notes(a: _Audit, d: Disclosure) -> None:
    """A note saying the table is empty (本表为空表 / 本表无数据) under a table that prints amounts."""
    for t in d.tables.values():
        if not any(is_empty_note(n) for n in t.notes):
            continue
        total = sum((abs(v) for r in t.rows for v in r.values.values() if v is not None), Decimal(0))
        where = f"{t.ref} · 表注“{next(n for n in t.notes if is_empty_note(n))}”"
        a.compare("表注", where, Decimal(0), total)


# A 功能分类 item named in the prose by its path: "“住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元".
_ITEM = re.compile(
    r"[“\"]?(?:[^（()“”\"]{1,20}[（(]类[)）])?(?P<kuan>[^（()“”\"]{1,30}?)[（(]款[)）](?P<xiang>(?:[^（()“”\"]|[（(](?!项)[^（()）]{1,6}[)）]){1,30}?)[（(]项[)）][”\"]?"
    r"[，,]?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)"
)
_PLANNED = re.compile(r"(?P<year>\d{4})年预算安排(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)")


def _items_vs_rows(a: _Audit, d: Disclosure) -> None:
    """Each item the prose states by its 类/款/项 path, against the 项 row of the 一般公共预算 table
    (and "2024年预算安排 X 万元" in the same item against it too), in the prose's unit."""
    # the prose states 财政拨款 items: the 一般公共预算 table first (a 单位预算's 支出总表 adds 事业收入's)
    tables = {t.kind: t for t in d.tables.values()}
    table = tables.get("general_public_by_function") or tables.get("expenditure")
    if table is None:
        return
    by_code = {r.code: r for r in table.rows if r.code}
    total_column = next((c.name for c in table.columns if c.kind == "amount"), None)
    if total_column is None:
        return
    for section in d.sections:
        for p in section.paragraphs:
            m = _ITEM.search(p.text.replace(" ", ""))
            if not m:
                continue
            row = next(
                (
                    r
                    for r in table.rows
                    if r.code and len(r.code) == 7 and bare_label(r.label) == m.group("xiang")
                    and r.parent in by_code and bare_label(by_code[r.parent].label) == m.group("kuan")
                ),
                None,
            )  # fmt: skip
            value = row.values.get(total_column) if row else None
            if row is None or value is None:
                continue
            stated = [(m.group("num"), m.group("unit"))]
            stated += [
                (x.group("num"), x.group("unit")) for x in _PLANNED.finditer(p.text) if int(x.group("year")) == d.year
            ]
            for num, unit in dict.fromkeys(stated):
                printed = to_decimal(num)
                places = Decimal(1).scaleb(-(len(num.split(".")[1]) if "." in num else 0))
                found = (value * MONEY.get(table.unit, Decimal(1)) / MONEY[unit]).quantize(places, ROUND_HALF_UP)
                where = f"{section.heading} {m.group('xiang')}（{row.code}）与{table.ref}"
                a.compare("文表一致", where, printed, found, unit=unit)


def coded_table(tables: Iterable[Table]) -> Table | None:
    """The table that prints 科目编码 in a column of its own (表7)."""
    with_codes = [t for t in tables if any(c.kind == "code" for c in t.columns) and any(r.code for r in t.rows)]
    return max(with_codes, key=lambda t: sum(1 for r in t.rows if r.code), default=None)


ALL_FUNDS_TITLES = frozenset({"收支总表", "支出总表", "收入总表"})


def _general_budget_only(d: Disclosure) -> bool:
    """Whether all income is 一般公共预算拨款, so 一般公共预算 tables carry every amount."""
    for t in d.tables.values():
        if t.title in ALL_FUNDS_TITLES and any(r.side for r in t.rows):
            gp = _value(_find(t, "收入", "一般公共预算拨款"))
            total = _value(_find(t, "收入", "收入总计"))
            return gp is not None and gp == total
    return False


def _amount_columns(t: Table) -> list[str]:
    return list(dict.fromkeys(c.name for c in t.columns if c.kind == "amount"))


def _sum(values: Iterable[Decimal | None]) -> Decimal:
    return sum((v for v in values if v is not None), Decimal(0))


def _hierarchy(a: _Audit, t: Table) -> None:
    """Each coded parent = sum of its children; the unit row = sum of the 类 rows."""
    # a code printed again (the unit's row over each 政府采购 item) heads the rows after it, up to the next
    children: dict[int, list[Row]] = defaultdict(list)
    last: dict[str, Row] = {}
    for r in t.rows:
        if r.code and r.parent and r.parent in last:
            children[id(last[r.parent])].append(r)
        if r.code:
            last[r.code] = r
    for r in t.rows:
        kids = children.get(id(r))
        if not kids:
            continue
        for col in _amount_columns(t):
            total = r.values.get(col)
            if total is None:
                continue
            items = [k.values.get(col) or Decimal(0) for k in kids]
            a.compare("科目层级", f"{t.name} {r.code} {bare_label(r.label)} · {col}", total, _sum(items), items)
    # the 类 rows: codes as long as the first's (a 政府采购 table's items print a 功能分类 code under the
    # 单位编码 rows); the unit's row is printed above them (a project's row below them is no unit row)
    top = [r for r in t.rows if r.code and not r.parent]
    top = [r for r in top if len(r.code or "") == len(top[0].code or "")] if top else top
    above = t.rows[: next((i for i, r in enumerate(t.rows) if top and r is top[0]), 0)]
    unit_rows = [r for r in above if not r.code and not r.side and r.values]
    if top and unit_rows and not any(c.kind == "year" for c in t.columns):
        for col in _amount_columns(t):
            total = unit_rows[0].values.get(col)
            if total is not None:
                items = [r.values.get(col) or Decimal(0) for r in top]
                a.compare("合计", f"{t.name} {bare_label(unit_rows[0].label)} · {col}", total, _sum(items), items)


def _row_identity(a: _Audit, t: Table) -> None:
    """支出总计 = 基本支出 + 项目支出 on every row that prints all three."""
    names = set(_amount_columns(t))
    if not {"支出总计", "基本支出", "项目支出"} <= names:
        return
    for r in t.rows:
        total, basic, project = (r.values.get(c) for c in ("支出总计", "基本支出", "项目支出"))
        if total is None or basic is None or project is None:
            continue
        where = f"{t.name} {(r.code + ' ') if r.code else ''}{bare_label(r.label)} · 基本支出+项目支出"
        a.compare("支出构成", where, total, basic + project, [basic, project])


def _find(t: Table, side: str, *words: str) -> Row | None:
    return next((r for r in t.rows if r.side == side and any(w == bare_label(r.label) for w in words)), None)


def _value(r: Row | None) -> Decimal | None:
    return next((v for v in r.values.values() if v is not None), None) if r else None


def _balance(a: _Audit, t: Table) -> None:
    """Side-by-side 收入|支出 tables: numbered income items, year totals, totals balance."""
    if not any(r.side for r in t.rows):
        return
    income = [r for r in t.rows if r.side == "收入"]
    parent: Row | None = None
    groups: dict[int, list[Row]] = defaultdict(list)
    tops: list[Row] = []
    for r in income:
        if re.match(r"^[一二三四五六七八九十]+、", r.label):
            parent = r
            tops.append(r)
        elif re.match(r"^\d+[.．、]", r.label):
            if parent is not None:
                groups[id(parent)].append(r)
        elif _numbering(r.label) is None and not r.label.startswith("其中"):
            # 本年收入合计 closes the last group; 上年结余、结转 heads the numbered rows under it
            parent = None if is_total(r.label) else r
    for p in income:
        kids = groups.get(id(p))
        pv = _value(p)
        if kids and pv is not None:
            items = [_value(k) or Decimal(0) for k in kids]
            a.compare("合计", f"{t.name} 收入 · {bare_label(p.label)}", pv, _sum(items), items)
    year_in = _find(t, "收入", "本年收入合计")
    if year_in and tops and (v := _value(year_in)) is not None:
        items = [_value(r) or Decimal(0) for r in tops]
        a.compare("合计", f"{t.name} 本年收入合计", v, _sum(items), items)
    total_in = _find(t, "收入", "收入总计", "总计")
    _side_total(a, t, "收入", year_in, total_in)
    spending = [s for s in dict.fromkeys(r.side for r in t.rows if r.side) if side_head(s) == "支出"]
    for side in spending:  # 表1 of a 部门综合预算 prints three lists of 支出 side by side
        label = side if len(spending) > 1 else "支出"
        year_out = _find(t, side, "本年支出合计")
        # the 类 printed as numbered rows ("八、社会保障和就业支出"), else the coded top rows; codes linked from
        # another table by name reach only some of the numbered rows
        classes = [r for r in _before(t, side, year_out) if re.match(r"^[一二三四五六七八九十]+、", r.label)]
        classes = classes or [r for r in t.rows if r.side == side and r.code and not r.parent]
        if year_out and classes and (v := _value(year_out)) is not None:
            items = [_value(r) or Decimal(0) for r in classes]
            where = f"{t.name} 本年支出合计" if len(spending) == 1 else f"{t.name} {side} · 本年支出合计"
            a.compare("合计", where, v, _sum(items), items)
        total_out = _find(t, side, "支出总计", "总计")
        _side_total(a, t, side, year_out, total_out)
        if (iv := _value(total_in)) is not None and (ov := _value(total_out)) is not None:
            a.compare("收支平衡", f"{t.name} 收入总计 = {label}总计", iv, ov)


def _side_total(a: _Audit, t: Table, side: str, year_total: Row | None, total: Row | None) -> None:
    """A side's 总计 = its year's total + what the template prints between them."""
    tv, yv = _value(total), _value(year_total)
    if total is None or year_total is None or tv is None or yv is None:
        return
    # what the template prints between the year's total and the grand total: 上年结转, 使用非财政拨款结余,
    # 年初结转和结余 on the income side; 结余分配, 年末结转和结余 on the expenditure side
    carry = [_value(r) or Decimal(0) for r in _top_items(_between(t, side, year_total, total))]
    a.compare("收支平衡", f"{t.name} {side}总计 = 本年合计 + 结转", tv, yv + _sum(carry), [yv, *carry])


def _before(t: Table, side: str, row: Row | None) -> list[Row]:
    """The rows of one side printed above `row`."""
    rows = [r for r in t.rows if r.side == side]
    return rows[: next((i for i, r in enumerate(rows) if r is row), 0)]


def _between(t: Table, side: str, first: Row, last: Row) -> list[Row]:
    """The rows of one side printed between two of its rows."""
    rows = [r for r in t.rows if r.side == side]
    i, j = next(i for i, r in enumerate(rows) if r is first), next(i for i, r in enumerate(rows) if r is last)
    return rows[i + 1 : j]


def _year_table(a: _Audit, t: Table) -> None:
    """Tables read by 年度 (三公): 总计 and group 小计 = their parts; 增减 = this year − last year."""
    if not any(c.kind == "year" for c in t.columns):
        return
    cols = [c for c in t.columns if c.kind == "amount"]
    total_col = next((c.name for c in cols if c.name in {"总计", "合计"}), None)
    tops = [c.name for c in cols if c.group is None and c.name != total_col]
    groups: dict[str, list[str]] = defaultdict(list)
    for c in cols:
        if c.group:
            groups[c.group].append(c.name)
    several = len(groups_of(t.rows)) > 1

    def whose(r: Row) -> str:  # the unit of a row of a 汇总 document's table, in the check's place
        return f"{r.unit} " if several and r.unit else ""

    for r in t.rows:
        if total_col and (tv := r.values.get(total_col)) is not None:
            items = [r.values.get(n) or Decimal(0) for n in tops]
            a.compare("合计", f"{t.name} {whose(r)}{r.label} · {total_col}", tv, _sum(items), items)
        for g, parts in groups.items():
            if (gv := r.values.get(g)) is not None:
                items = [r.values.get(n) or Decimal(0) for n in parts]
                a.compare("合计", f"{t.name} {whose(r)}{r.label} · {g}", gv, _sum(items), items)
    for group in groups_of(t.rows):  # a 汇总 document prints one group of year rows per unit
        years = sorted((r for r in group if re.fullmatch(r"\d{4}年", r.label)), key=lambda r: r.label)
        change = next((r for r in group if "增减" in r.label), None)
        if len(years) >= 2 and change:
            old, new = years[-2], years[-1]
            for c in cols:
                cv, nv, ov = change.values.get(c.name), new.values.get(c.name), old.values.get(c.name)
                if nv is not None and ov is not None:
                    where = f"{t.name} {whose(change)}{change.label} · {c.name}"
                    a.compare("增减", where, cv or Decimal(0), nv - ov, [nv, ov])


def _task_total(a: _Audit, t: Table) -> None:
    total = next((r for r in t.rows if r.label in {"金额合计", "合计", "总计"}), None)
    if total is None or any(c.kind == "year" for c in t.columns) or any(r.code or r.side for r in t.rows):
        return
    items = _top_items([r for r in t.rows if r is not total and r.values])
    for col in _amount_columns(t):
        if (tv := total.values.get(col)) is not None:
            values = [r.values.get(col) or Decimal(0) for r in items]
            a.compare("合计", f"{t.name} {total.label} · {col}", tv, _sum(values), values)


_NUMBERING = (  # the printed numbering of an item's label, by level
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^\d+[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十]+[)）]"),
    re.compile(r"^[（(]\d+[)）]"),
)


def _numbering(label: str) -> int | None:
    return next((i for i, p in enumerate(_NUMBERING) if p.match(label)), None)


def _top_items(rows: list[Row]) -> list[Row]:
    """The items a total adds up: not the 其中 rows (parts of the row above), and only the rows numbered
    like the first ("1、因公出国（境）费用"; "（1）公务用车购置费" is a part; "1.财政拨款结余、结转" under
    an unnumbered 上年结余、结转 is a part)."""
    rows = [r for r in rows if not r.label.startswith("其中")]
    level = _numbering(rows[0].label) if rows else None
    return [r for r in rows if _numbering(r.label) == level]


def _against(a: _Audit, t: Table, coded: Table, *, amounts: bool) -> None:
    """Lines of another table linked to the coded table's 科目编码: same name (and amount when
    all funds are 一般公共预算, so both tables print the same amounts)."""
    by_code = {r.code: r for r in coded.rows if r.code}
    for r in t.rows:
        ref = by_code.get(r.code or "")
        if ref is None or not r.side:
            continue
        where = f"{t.name} 与 {coded.name} · {r.code}"
        a.names(where, bare_label(ref.label), bare_label(r.label))
        if not amounts:
            continue
        found, expected = _value(r), ref.values.get("支出总计", _value(ref))
        if found is not None and expected is not None:
            a.compare("表间一致", f"{where} {bare_label(ref.label)}", expected, found)


def _headline_totals(a: _Audit, d: Disclosure, general_only: bool) -> None:
    """支出总计 / 基本支出 / 项目支出 printed in the all-funds tables (and, when every amount is
    一般公共预算, in the 一般公共预算 tables) must agree."""
    seen: dict[str, tuple[str, Decimal]] = {}
    for t in d.tables.values():
        if t.title not in ALL_FUNDS_TITLES and not (general_only and t.title.startswith("一般公共预算支出")):
            continue
        single = [r for r in t.rows if r.values and not r.code and not r.side and not is_total(r.label)]
        for r in t.rows:
            for col in ("支出总计", "基本支出", "项目支出"):
                v = None
                if r.side == "支出" and bare_label(r.label) == col:
                    v = _value(r)
                elif single and r is single[0] and not any(c.kind == "year" for c in t.columns):
                    v = r.values.get(col)
                if v is None:
                    continue
                if col in seen and seen[col][0] != t.name:
                    a.compare("表间一致", f"{t.name} 与 {seen[col][0]} · {col}", seen[col][1], v)
                seen.setdefault(col, (t.name, v))


MONEY_UNITS = frozenset(MONEY)
COUNT_UNITS = frozenset({"人", "个", "家", "项", "名", "辆", "次", "场", "台", "套"})


def _parts(a: _Audit, facts: list[Fact]) -> None:
    """Listed parts in the prose add up to what they are parts of."""
    amounts: dict[str, Fact] = {}
    for f in facts:
        if f.table is None and f.column in {"金额", "数量"}:
            amounts.setdefault(f.row, f)
    groups: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.table is None and f.parent and f.column in {"金额", "数量"}:
            groups[f.parent].append(f)
    for parent, listed in groups.items():
        parts = [p for p in listed if not _siblings(parent, p.row) and not _cut_again(p, listed, groups)]
        whole = amounts.get(parent)
        if whole is None or not parts or any(p.unit != whole.unit for p in parts):
            continue
        if len(parts) < 2 and whole.unit in MONEY_UNITS:
            continue  # "其中：预留给小微企业 465.49 万元" names one part of a whole, not all of them
        if whole.unit not in MONEY_UNITS | COUNT_UNITS:
            continue  # areas (平方米) are listed by floor, use and phase at once: no composition
        items = [p.value for p in parts]
        listing = "+".join(format_amount(v) for v in items)
        a.compare("构成", f"{whole.section} {parent} = {listing}", whole.value, _sum(items), items)


def _siblings(whole: str, part: str) -> bool:
    """Whether the template holds the two items side by side, never one a part of the other."""
    return any(bare_label(whole) in g and bare_label(part) in g for g in words().siblings)


def _cut_again(part: Fact, listed: list[Fact], groups: dict[str, list[Fact]]) -> bool:
    """Whether a listed part is its whole cut another way, listed by the same items as the whole ("总额
    11884.37 万元：货物、工程、服务；其中一般公共预算拨款政府采购 11307.34 万元：货物、工程、服务"): a share
    by fund, not one more part beside the others."""
    own = {f.row for f in groups.get(part.row, [])}
    return len(own & {f.row for f in listed if f is not part}) >= 2


def _growth(a: _Audit, facts: list[Fact]) -> None:
    """A printed growth rate = the printed change / (amount − change), at the printed precision."""
    prose = [f for f in facts if f.table is None]
    for g in prose:
        m = re.fullmatch(r"比(\d{4})年增长率", g.column)
        if not m:
            continue
        change = next((f for f in prose if f.row == g.row and f.column == f"比{m.group(1)}年增减"), None)
        amount = next((f for f in prose if f.row == g.row and f.column == "金额"), None)
        if change is None or amount is None:
            continue
        prior = amount.value - change.value
        if prior == 0:
            continue
        place = last_place(g.value)
        rate = (change.value / prior * 100).quantize(place, ROUND_HALF_UP)
        where = f"{g.section} {g.row} 增长率 = {format_amount(change.value)}/{format_amount(prior)}"
        a.compare("增长率", where, g.value, rate)
