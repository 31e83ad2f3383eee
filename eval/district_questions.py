"""Questions across the documents of a generated district, each with the answer computed from what the
generator printed (`expected.json`), never from the store the assistant reads.

Amounts are compared in 万元 (a 元 document's cells ÷ 10000, exact) and rounded to 0.01 only at the
end; rates are % with two decimals. A blank cell or an empty table counts as 0 (the document says so).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal("0.01")
WAN = Decimal(10000)
NUMERALS = {3: "三", 5: "五", 10: "十"}
Slice = tuple[int, str]  # (year, 决算 | 预算)
Question = dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class Generated:
    """One generated disclosure as expected.json records it."""

    file: str
    department: str  # full name
    short: str  # the name an officer types: 规资局
    year: int
    kind: str  # 决算 / 预算
    unit: str  # the tables' unit (the 预算 “三公” table is in 万元 whatever this is)
    tables: dict[str, str]  # title → the unit it prints
    cells: dict[tuple[str, str, str], Decimal]  # (title, code or row label, column) → amount as printed

    def wan(self, table: str, row: str, column: str) -> Decimal:
        """An amount in 万元, exact; a blank cell (or a table printed empty) is 0."""
        value = self.cells.get((table, row, column), Decimal(0))
        return value / WAN if self.tables[table] == "元" else value

    def rows(self, table: str) -> set[str]:
        return {r for t, r, _ in self.cells if t == table}


def load_docs(expected: dict[str, Any]) -> list[Generated]:
    """The generated documents of an expected.json."""
    out = []
    for file, d in expected["documents"].items():
        cells = {(t, r, c): Decimal(v) for k, v in d["cells"].items() for t, r, c in [k.split("|")]}
        out.append(
            Generated(file=file, department=d["department"], short=d["short"], year=d["year"], kind=d["kind"],
                unit=d["unit"], tables=d["tables"], cells=cells)
        )  # fmt: skip
    return out


def spend_table(doc: Generated) -> tuple[str, str]:
    """(title, total column) of the table of spending by 功能分类 with 基本/项目 columns."""
    return ("支出决算表", "本年支出合计") if doc.kind == "决算" else (f"{doc.year}年部门支出预算总表", "合计")


def admin_run(doc: Generated) -> Decimal:
    """行政运行: the 一般公共服务 类 (201) numbers the 01 项 of every 款 行政运行 (2010101, 2010301, 2013901 …)."""
    table, column = spend_table(doc)
    codes = [r for r in doc.rows(table) if len(r) == 7 and r.startswith("201") and r.endswith("01")]
    return sum((doc.wan(table, code, column) for code in codes), Decimal(0))


@dataclass(frozen=True)
class Metric:
    """An item every department's document prints, and where."""

    words: dict[str, str]  # 决算 / 预算 → how a question names it
    places: dict[str, tuple[str, str, str]]  # (table, row, column); {y} in a title is the document's year

    def value(self, doc: Generated) -> Decimal:
        table, row, column = self.places[doc.kind]
        return doc.wan(table.format(y=doc.year), row, column)

    def word(self, kind: str) -> str:
        return self.words[kind]


J_SANGONG, Y_SANGONG = "财政拨款“三公”经费支出决算表", "部门“三公”经费和机关运行经费预算表"
J_BASIC, Y_ECON = "一般公共预算财政拨款基本支出决算表", "{y}年部门一般公共预算基本支出部门预算经济分类预算表"
Y_SPEND = "{y}年部门支出预算总表"


def _both(word: str, juesuan: tuple[str, str, str], yusuan: tuple[str, str, str]) -> Metric:
    return Metric({"决算": word, "预算": word}, {"决算": juesuan, "预算": yusuan})


METRICS = {
    "sangong": _both("“三公”经费", (J_SANGONG, "“三公”经费", "合计/决算数"), (Y_SANGONG, "“三公”经费", "合计")),
    "reception": _both("公务接待费", (J_SANGONG, "“三公”经费", "公务接待费/决算数"), (Y_SANGONG, "“三公”经费", "公务接待费")),
    "car": Metric(
        {"决算": "公务用车运行维护费", "预算": "公务用车运行费"},
        {"决算": (J_SANGONG, "“三公”经费", "公务用车运行维护费/决算数"), "预算": (Y_SANGONG, "“三公”经费", "运行费")},
    ),
    "abroad": _both(
        "因公出国（境）费", (J_SANGONG, "“三公”经费", "因公出国（境）费/决算数"), (Y_SANGONG, "“三公”经费", "因公出国(境)费")
    ),
    "basic": _both("基本支出", ("支出决算表", "合计", "基本支出"), (Y_SPEND, "合计", "基本支出")),
    "project": _both("项目支出", ("支出决算表", "合计", "项目支出"), (Y_SPEND, "合计", "项目支出")),
    "spend": _both("支出", ("支出决算表", "合计", "本年支出合计"), (Y_SPEND, "合计", "合计")),
    "personnel": _both("人员经费", (J_BASIC, "人员经费合计", "决算数"), (Y_ECON, "合计", "人员经费")),
    "public": _both("公用经费", (J_BASIC, "公用经费合计", "决算数"), (Y_ECON, "合计", "公用经费")),
    "housing": _both("住房公积金", ("支出决算表", "2210201", "本年支出合计"), (Y_SPEND, "2210201", "合计")),
}  # fmt: skip
SIZES = ("basic", "project", "spend", "personnel", "public", "housing")  # never 0 in a generated document
SHARES: dict[str, Callable[[Generated], Decimal]] = {
    "行政运行": admin_run,
    "基本支出": METRICS["basic"].value,
    "项目支出": METRICS["project"].value,
    "住房公积金": METRICS["housing"].value,
}


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def percent(part: Decimal, whole: Decimal) -> Decimal:
    return (part * 100 / whole).quantize(CENT, ROUND_HALF_UP)


def text(value: Decimal) -> str:
    """A threshold as a question writes it: 5, 0.5, 300."""
    return f"{value.normalize():f}"


def distinct(values: list[Decimal], n: int) -> bool:
    """The first n + 1 rounded values differ (an order a 2-decimal answer can show unambiguously)."""
    head = [money(v) for v in values[: n + 1]]
    return len(set(head)) == len(head)


TEMPLATES = {
    "rank_top": [
        "{y}年哪个部门{m}{k}数最多？", "{y}年各部门{m}{k}，哪个部门最高？", "哪个部门{y}年{m}{k}最少？",
        "{y}年{k}{m}最高的是哪个部门？", "{y}年各部门中{m}{k}最低的是哪个？", "{y}年{m}{k}数额最大的是哪个部门？",
    ],
    "rank_n": [
        "{y}年{k}{m}前{n}名是哪些部门？", "{y}年各部门{m}{k}排名前{n}", "{y}年{k}{m}最少的{n}个部门",
        "{y}年{m}{k}最高的{n}个部门是哪些？", "列出{y}年{m}{k}最低的{n}个部门",
    ],
    "total": [
        "全区各部门{y}年{m}{k}合计多少？", "{y}年所有部门的{m}{k}加起来是多少？", "{y}年全区{m}{k}总额是多少？",
        "{y}年各部门{k}的{m}一共多少钱？",
    ],
    "average": ["{y}年各部门{m}{k}平均是多少？", "{y}年全区各部门平均{m}{k}是多少？", "{y}年各部门{k}{m}的平均值是多少？"],
    "compare": ["{a}和{b}{y}年{k}的{m}比一比", "{y}年{a}和{b}的{m}{k}谁高？高多少？", "{a}与{b}{y}年{m}{k}相比哪个多，多多少？"],
    "pair_total": ["{a}和{b}{y}年{k}的{m}合计是多少？", "{y}年{a}、{b}两个部门的{m}{k}加起来多少？"],
    "filter_above": ["{y}年{k}哪些部门{m}超过{t}万元？", "{y}年{m}{k}高于{t}万元的部门有哪些？"],
    "filter_below": ["{y}年哪些部门的{m}{k}低于{t}万元？", "{y}年{k}{m}不到{t}万元的有哪些部门？"],
    "filter_zero": ["{y}年哪些部门的{m}{k}为零？", "{y}年{k}中{m}是0的部门有哪些？"],
    "yoy_up": ["{a}{y}年{m}{k}比{p}年增加了多少？", "{a}{m}{k}{y}年比{p}年多了多少？"],
    "yoy_down": ["{a}{y}年{m}{k}比{p}年减少了多少？", "{a}{m}{k}{y}年比{p}年少了多少？"],
    "yoy_rate_up": ["{a}{y}年{m}{k}比{p}年增长率是多少？", "{a}{y}年{m}{k}同比增长了百分之几？"],
    "yoy_rate_down": ["{a}{y}年{m}{k}比{p}年下降了百分之几？", "{a}{y}年{m}{k}比{p}年的降幅是多少？"],
    "bva": ["{a}{y}年决算支出比预算多还是少？差多少？", "{a}{y}年实际支出和预算相差多少？"],
    "bva_rate": ["{a}{y}年预算执行率是多少？", "{a}{y}年支出决算占预算的百分之多少？"],
    "share_desc": [
        "{y}年{k}各部门{m}占本部门支出的比例，从高到低排一下", "{y}年{k}{m}占本部门支出比重最高的{n}个部门是哪些？",
    ],
    "share_asc": ["{y}年{k}各部门{m}占本部门支出合计的比例，从低到高排前{n}个", "{y}年{k}哪{n}个部门{m}占支出的比例最低？"],
}  # fmt: skip


class _Writer:
    """Draws slices, departments and metrics in a fixed order (seeded) and phrases the questions."""

    def __init__(self, docs: list[Generated], skip: Collection[Slice], seed: int):
        self.rng = random.Random(seed)
        self.slices: dict[Slice, list[Generated]] = {}
        for doc in sorted(docs, key=lambda d: d.file):
            self.slices.setdefault((doc.year, doc.kind), []).append(doc)
        self.district = [s for s in sorted(self.slices) if s not in skip and len(self.slices[s]) >= 2]
        self.turn: dict[str, int] = {}

    def template(self, family: str, fits: Callable[[str], bool] = lambda t: True) -> str:
        """The next template of a family (among those that fit), in turn."""
        options = [t for t in TEMPLATES[family] if fits(t)]
        n = self.turn[family] = self.turn.get(family, -1) + 1
        return options[n % len(options)]

    def phrase(self, family: str, **values: Any) -> str:
        """The next template of a family, filled in."""
        return self.template(family).format(**values)

    def combos(self, slices: list[Slice], keys: tuple[str, ...], *extra: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
        """Every (slice, metric, *extra) once, shuffled."""
        base = [(s, k, *e) for s in slices for k in keys for e in _product(extra)]
        yield from self.rng.sample(base, len(base))

    def doc(self, department: str, year: int, kind: str) -> Generated | None:
        return next((d for d in self.slices.get((year, kind), []) if d.department == department), None)


def _product(parts: tuple[tuple[Any, ...], ...]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = [()]
    for part in parts:
        out = [(*o, p) for o in out for p in part]
    return out


def _take(items: Iterator[Question | None], count: int) -> list[Question]:
    """The first `count` questions an iterator of candidates yields (None: a candidate that did not fit)."""
    out: list[Question] = []
    seen: set[str] = set()
    for q in items:
        if q is not None and q["question"] not in seen:
            seen.add(q["question"])
            out.append(q)
            if len(out) == count:
                break
    return out


def _ranked(
    docs: list[Generated], value: Callable[[Generated], Decimal], descending: bool
) -> list[tuple[Decimal, Generated]]:
    return sorted(((value(d), d) for d in docs), key=lambda p: (-p[0] if descending else p[0], p[1].department))


def rank_questions(w: _Writer, count: int, top_n: bool) -> list[Question]:
    """The department with the most/least of an item in a year's 决算 or 预算, or the first N."""
    keys = ("sangong", "reception", "car", "basic", "project", "spend", "personnel", "public", "housing")
    kind = "rank_n" if top_n else "rank_top"

    def make(s: Slice, key: str, descending: bool, n: int) -> Question | None:
        metric, docs = METRICS[key], w.slices[s]
        ranked = _ranked(docs, metric.value, descending)
        values = [v for v, _ in ranked]
        if n >= len(docs) or not distinct(values, n if top_n else 1) or (not descending and values[0] <= 0):
            return None
        words = dict(y=s[0], k=s[1], m=metric.word(s[1]), n=NUMERALS.get(n, str(n)))
        question = w.template(kind, lambda t: ("少" in t or "低" in t) != descending).format(**words)
        expected: dict[str, Any] = {"value": str(money(values[0])), "unit": "万元"}
        if top_n:
            expected["departments"] = [d.department for _, d in ranked[:n]]
        else:
            expected["department"] = ranked[0][1].department
        return {"kind": kind, "question": question, "expected": expected}

    ns = (3, 5, 10) if top_n else (1,)
    return _take((make(*c) for c in w.combos(w.district, keys, (True, False), ns)), count)


def aggregate_questions(w: _Writer, count: int, average: bool) -> list[Question]:
    """The sum (or the mean) of an item over every department of a year's 决算 or 预算."""
    keys = ("sangong", "reception", "car", "abroad", "basic", "project", "personnel", "public", "housing")

    def make(s: Slice, key: str) -> Question | None:
        metric, docs = METRICS[key], w.slices[s]
        total = sum((metric.value(d) for d in docs), Decimal(0))
        if total == 0:
            return None
        value = total / len(docs) if average else total
        question = w.phrase("average" if average else "total", y=s[0], k=s[1], m=metric.word(s[1]))
        return {"kind": "average" if average else "total", "question": question,
                "expected": {"value": str(money(value)), "unit": "万元", "departments_counted": len(docs)}}  # fmt: skip

    return _take((make(*c) for c in w.combos(w.district, keys)), count)


def pair_questions(w: _Writer, count: int, total: bool) -> list[Question]:
    """Two departments named by their short names: which has more and by how much, or both together."""
    keys = ("sangong", "reception", "basic", "project", "spend", "personnel", "public", "housing")

    def make(s: Slice, key: str) -> Question | None:
        metric = METRICS[key]
        a, b = w.rng.sample(w.slices[s], 2)
        va, vb = metric.value(a), metric.value(b)
        words = dict(y=s[0], k=s[1], m=metric.word(s[1]), a=a.short, b=b.short)
        if total:
            return {"kind": "pair_total", "question": w.phrase("pair_total", **words),
                    "expected": {"value": str(money(va + vb)), "unit": "万元"}}  # fmt: skip
        if money(va) == money(vb):
            return None
        high, low = (a, b) if va > vb else (b, a)
        expected = {"departments": [high.department, low.department], "value": str(money(abs(va - vb))), "unit": "万元"}
        return {"kind": "compare", "question": w.phrase("compare", **words), "expected": expected}

    slices = [s for s in sorted(w.slices) if len(w.slices[s]) >= 2]
    return _take((make(*c) for c in w.combos(slices, keys)), count)


NICE = sorted(Decimal(d).scaleb(e) for d in (1, 2, 3, 5) for e in range(-1, 5))


def filter_questions(w: _Writer, count: int) -> list[Question]:
    """The departments above or below a round threshold (3 to 15 of them), or with none of an item."""
    keys = ("sangong", "reception", "car", "abroad", "basic", "project", "personnel", "public", "housing")

    def make(s: Slice, key: str, how: str) -> Question | None:
        metric, docs = METRICS[key], w.slices[s]
        values = [(metric.value(d), d) for d in docs]
        words = dict(y=s[0], k=s[1], m=metric.word(s[1]))
        most = min(15, len(docs) - 3)  # some departments must be left out, or the filter says nothing
        if how == "zero":
            chosen = [d for v, d in values if v == 0]
        else:
            fits = []
            for t in NICE:
                if any(abs(v - t) < CENT for v, _ in values):
                    continue  # too close to call at two decimals
                picked = [d for v, d in values if (v > t if how == "above" else v < t)]
                if 3 <= len(picked) <= most:
                    fits.append((abs(len(picked) - min(8, most)), t, picked))
            if not fits:
                return None
            _, threshold, chosen = min(fits, key=lambda f: (f[0], f[1]))
            words["t"] = text(threshold)
        if not 3 <= len(chosen) <= most:
            return None
        question = w.phrase(f"filter_{how}", **words)
        return {"kind": "filter", "question": question,
                "expected": {"departments": sorted(d.department for d in chosen)}}  # fmt: skip

    return _take((make(*c) for c in w.combos(w.district, keys, ("above", "below", "zero"))), count)


def yoy_questions(w: _Writer, count: int) -> list[Question]:
    """One department, one item, this year against the year before (two documents of one kind)."""
    pairs = [s for s in sorted(w.slices) if (s[0] - 1, s[1]) in w.slices]

    def make(s: Slice, key: str, rate: bool) -> Question | None:
        metric = METRICS[key]
        now = w.rng.choice(w.slices[s])
        before = w.doc(now.department, s[0] - 1, s[1])
        if before is None:
            return None
        cur, prev = metric.value(now), metric.value(before)
        if money(cur) == money(prev) or prev == 0:
            return None
        words = dict(a=now.short, y=s[0], p=s[0] - 1, k=s[1], m=metric.word(s[1]))
        up = cur > prev
        if rate:
            growth = percent(cur - prev, prev)
            value, unit = (growth if up else -growth), "%"
            template = "yoy_rate_up" if up else "yoy_rate_down"
        else:
            value, unit = money(abs(cur - prev)), "万元"
            template = "yoy_up" if up else "yoy_down"
        expected: dict[str, Any] = {"value": str(value), "unit": unit}
        if not up:
            expected["also"] = [str(-value)]  # “减少了多少”: the signed change is as right as its size
        return {"kind": "yoy", "question": w.phrase(template, **words), "expected": expected}

    return _take((make(*c) for c in w.combos(pairs, SIZES, (False, True))), count)


def budget_questions(w: _Writer, count: int) -> list[Question]:
    """One department-year: its 决算 支出合计 against its 预算 支出合计, as a difference or a rate of execution."""
    years = sorted({y for y, k in w.slices if k == "决算" and (y, "预算") in w.slices})
    spend = METRICS["spend"]

    def make(year: int, rate: bool) -> Question | None:
        actual = w.rng.choice(w.slices[(year, "决算")])
        budget = w.doc(actual.department, year, "预算")
        if budget is None:
            return None
        a, b = spend.value(actual), spend.value(budget)
        words = dict(a=actual.short, y=year)
        if rate:
            return {"kind": "budget_vs_actual", "question": w.phrase("bva_rate", **words),
                    "expected": {"value": str(percent(a, b)), "unit": "%"}}  # fmt: skip
        expected = {"value": str(money(a - b)), "unit": "万元", "also": [str(money(abs(a - b)))],
                    "direction": "多" if a > b else "少"}  # fmt: skip
        return {"kind": "budget_vs_actual", "question": w.phrase("bva", **words), "expected": expected}

    base = [(y, r) for y in years for r in (False, True)]
    return _take((make(*c) for _ in range(20) for c in w.rng.sample(base, len(base))), count)


def share_questions(w: _Writer, count: int) -> list[Question]:
    """Every department's share of an item in its own 支出合计, in order."""

    def make(s: Slice, item: str, descending: bool, n: int) -> Question | None:
        docs = [d for d in w.slices[s] if SHARES[item](d) > 0]  # only departments that print the item
        ranked = _ranked(docs, lambda d: percent(SHARES[item](d), METRICS["spend"].value(d)), descending)
        template = w.template("share_desc" if descending else "share_asc")
        check = min(n if "{n}" in template else 10, len(ranked))  # “排一下”: the first ten are checked
        if check < 3 or not distinct([v for v, _ in ranked], check):
            return None
        question = template.format(y=s[0], k=s[1], m=item, n=NUMERALS.get(check, str(check)))
        expected = {
            "departments": [d.department for _, d in ranked],
            "n": check,
            "value": str(ranked[0][0]),
            "unit": "%",
        }
        return {"kind": "share_rank", "question": question, "expected": expected}

    return _take((make(*c) for c in w.combos(w.district, tuple(SHARES), (True, False), (5, 3))), count)


def write_questions(
    docs: list[Generated], *, skip: Collection[Slice] = (), per_kind: int = 16, seed: int = 14
) -> list[Question]:
    """The question set: per_kind questions of each kind (fewer when a small district has no more)."""
    w = _Writer(docs, skip, seed)
    out = (
        rank_questions(w, per_kind, top_n=False) + rank_questions(w, per_kind, top_n=True)
        + aggregate_questions(w, per_kind, average=False) + aggregate_questions(w, per_kind, average=True)
        + pair_questions(w, per_kind, total=False) + pair_questions(w, per_kind, total=True)
        + filter_questions(w, per_kind) + yoy_questions(w, per_kind) + budget_questions(w, per_kind)
        + share_questions(w, per_kind)
    )  # fmt: skip
    counts: dict[str, int] = {}
    for q in out:
        counts[q["kind"]] = counts.get(q["kind"], 0) + 1
        q["id"] = f"{q['kind']}-{counts[q['kind']]:02d}"
    return [{"id": q["id"], **{k: v for k, v in q.items() if k != "id"}} for q in out]
