"""Answers across documents, by what the question asks: rank, total, average, compare, filter, share,
change (one department, two years) and execution (one department-year, 决算 against 预算).

Each answer states the documents it covered, lists every department's figure with its source (a
department without the item is listed as such), and derives totals, differences and rates with the
calculator. Which documents: the departments named (or all in scope), the year asked (or the latest),
the kind asked; when a year holds both 预算 and 决算 and the question says neither, it asks which.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from assistant import calculator as calc
from assistant import one_department, over_years, paired
from assistant.across import COMPARE as COMPARED
from assistant.across import DISTRICT, SUPERLATIVE
from assistant.bounds import word
from assistant.calculator import Operand
from assistant.compare import (
    SHOWN,
    AskBack,
    Comparer,
    Composed,
    Part,
    Reading,
    Scope,
    cites,
    figure,
    subject_named,
)
from assistant.draft import Unanswerable, fmt
from assistant.own_years import scope_of_own_years
from assistant.printed_share import printed_instead
from assistant.records import Across, AcrossOp
from assistant.single_fill import Ask, fill
from assistant.subjects import Subject
from index.normal import label_key
from index.query import PROSE, Located
from index.records import DocumentInfo, Fact

KINDS = ("决算", "预算")
OPS = {"total": "合计", "average": "平均", "compare": "比较", "share": "比较"}

NOT_FOUND = "文件中未找到此项"  # a department's reading without the item (assistant/compare.py)
STORE_LIMIT = 24  # a whole store's departments lacking the item read one by one at most (a question each)
MORE_BY = re.compile(r"[多少高低]了?多少|差多少|相差|差距|差额|多出|高出")  # the difference is asked


class Overview:
    def __init__(self, comparer: Comparer, single: Ask | None = None):
        self.cmp = comparer
        self.single = single  # the single-document engine, for a named department's figure printed elsewhere

    def answer(self, a: Across, docs: Sequence[DocumentInfo], limited: bool) -> Composed:
        if a.refusal:
            raise Unanswerable(a.refusal)
        if a.ambiguous:  # "财政局" of two districts: never both, never one of them silently
            alias, names = a.ambiguous[0]
            raise Unanswerable(f"“{alias}”在库中对应多个部门（{'、'.join(names)}），请写出部门全称后再问")
        subject = subject_named(a.subject, self.cmp.code_names)
        if a.years:  # one department over several years
            return over_years.total(self, a, subject, docs)
        if a.op == "execution":
            return one_department.execution(self, a, subject, docs)
        if a.op == "change":
            return one_department.change(self, a, subject, docs)
        if a.per:  # each department's 执行率 or change: two of its documents
            pool = [d for d in _within(a, docs) if not a.departments or d.department in a.departments]
            read = paired.execution if a.per == "execution" else paired.change
            readings, subject, covered = read(self.cmp, a, subject, pool)
            if limited:
                covered += "（所选范围）"
            year = a.year or max((r.doc.year for r in readings), default=0)
            kind = "决算与预算" if a.per == "execution" else readings[0].doc.kind if readings else ""
            unit = next((r.unit for r in readings if r.value is not None), "")
            scope = Scope(docs=[r.doc for r in readings], year=year, kind=kind, covered=covered)
            return EACH_OPS[a.op](self, a, subject, readings, unit, scope)
        scope = self.scope(a, docs, limited)
        if a.op == "share":
            return self._share(a, subject, scope)
        readings = self.cmp.read(subject, scope.docs)
        if a.departments or a.within:  # a few departments: one printing the item only in its text is read there
            readings = fill(readings, subject, self.single)
        elif a.op in ("rank", "filter"):  # a whole store's ranking or list: never "没有" for a printed item
            readings = fill(readings, subject, self.single, STORE_LIMIT)
        if scope.labelled:  # each line says its year and kind
            readings = [
                replace(r, note="；".join(n for n in (f"{r.doc.year}年{r.doc.kind}", r.note) if n)) for r in readings
            ]
        readings, unit = self.cmp.in_unit(readings)
        return EACH_OPS[a.op](self, a, subject, readings, unit, scope)

    # --- scope --------------------------------------------------------------

    def scope(self, a: Across, docs: Sequence[DocumentInfo], limited: bool) -> Scope:
        pool = [d for d in _within(a, docs) if not a.departments or d.department in a.departments]
        if not pool:
            raise Unanswerable("所选查询范围内没有问题所问部门的公开文件")
        kinds = [a.kind] if a.kind else list(KINDS)
        if a.own_years:  # "佛山轨道交通局2019年和烟台审计局2026年": each in its own year
            return scope_of_own_years(a.own_years, pool, kinds)
        if mixed := self._latest_each(a, pool, kinds):
            return mixed
        year = a.year or max((d.year for d in pool if d.kind in kinds), default=None)
        held = [d for d in pool if d.year == year and d.kind in kinds]
        if not held:
            what = f"{year}年的{a.kind or '公开文件'}" if year else (a.kind or "公开文件")
            years = "、".join(f"{y}年" for y in sorted({d.year for d in pool if d.kind in kinds}))
            raise Unanswerable(f"库中没有{what}" + (f"（有{years}的）" if years else ""))
        assert year is not None  # documents were found for it
        present = {d.kind for d in held}
        if len(present) > 1 and a.departments:  # the kinds every named department has that year
            own = {n: {d.kind for d in held if d.department == n} for n in a.departments}
            common = set.intersection(*own.values())
            if not common:
                held_kinds = "，".join(f"{n}只有{'、'.join(sorted(k))}" for n, k in own.items() if k)
                if a.op in ("compare", "rank") and all(len(k) == 1 for k in own.values()):
                    return Scope.each_own_kind(held, year, held_kinds, limited)  # side by side, never summed
                raise Unanswerable(f"{year}年{held_kinds}，预算和决算不能放在一起比较，请分别提问")
            present = common
        elif len(present) > 1 and a.within and a.op in ("compare", "rank"):  # "上海普陀这几个单位2024年…谁最大"
            own = {n: {d.kind for d in held if d.department == n} for n in dict.fromkeys(d.department for d in held)}
            if all(len(k) == 1 for k in own.values()):  # each holds one kind that year: its own, side by side
                held_kinds = "，".join(f"{n}只有{'、'.join(sorted(k))}" for n, k in own.items())
                return Scope.each_own_kind(held, year, held_kinds, limited)
        if len(present) > 1:
            raise AskBack(f"库中{year}年的文件既有预算也有决算，请问要比较哪一种", KINDS)
        kind = present.pop()
        one: dict[str, DocumentInfo] = {}
        for d in held:
            one.setdefault(d.department, d)
        absent = tuple(n for n in a.departments if n not in one)
        if absent and a.op in ("total", "average", "compare", "share"):
            raise Unanswerable(f"库中没有{'、'.join(absent)}的 {year} 年{kind}，无法与其他部门一起{OPS[a.op]}")
        place = f"{a.place}的" if a.place and not a.departments else ""
        covered = f"覆盖库中{place} {year} 年{kind} {len(one)} 个部门" + ("（所选范围）" if limited else "")
        if a.year is None:
            covered += f"；问题未写年份，按库中最新的 {year} 年"
        if absent:
            covered += f"；库中没有{'、'.join(absent)}的 {year} 年{kind}"
        return Scope(docs=list(one.values()), year=year, kind=kind, covered=covered, absent=absent)

    @staticmethod
    def _latest_each(a: Across, pool: list[DocumentInfo], kinds: list[str]) -> Scope | None:
        """Named departments with no year in common and no year asked ("上海万里街道和北京市财政局谁多", "A、B、C里
        哪些没有…"): each one's latest document (of the kind asked, else its own), every line labelled with its year
        and kind; never summed."""
        if a.year or len(a.departments) < 2 or a.op not in ("rank", "compare", "filter") or a.per:
            return None  # a filter of the named: each one's own line too ("哪些没有安排因公出国（境）经费")
        latest: dict[str, DocumentInfo] = {}
        for d in sorted(pool, key=lambda d: d.year):
            if d.kind in kinds:
                latest[d.department] = d
        common = set.intersection(
            *({d.year for d in pool if d.department == n and d.kind in kinds} for n in a.departments)
        )
        if common or set(latest) != set(a.departments):
            return None
        present = {d.kind for d in latest.values()}
        two = len(present) > 1  # one department's latest is a 预算, another's a 决算: each line says its own
        kind = "预算或决算" if two else present.pop()
        years = "、".join(f"{d.department} {d.year} 年{d.kind if two else ''}" for d in latest.values())
        differ = "年度和预算/决算口径不同" if two else "年度不同"
        covered = f"库中这些部门没有同一年度的{kind}，各按最新的文件：{years}（{differ}，仅供参考）"
        return Scope(docs=list(latest.values()), year=max(d.year for d in latest.values()), kind=kind,
                     covered=covered, mixed=True, kinds=two)  # fmt: skip

    # --- one figure per department --------------------------------------------

    def _rank(self, a: Across, s: Subject, readings: list[Reading], unit: str, scope: Scope) -> Composed:
        valued, missing = _split(readings, a.descending)
        top = valued[0]
        tied = [r for r in valued if r.value == top.value]
        word = ("最高" if a.descending else "最低") if unit == "%" else ("最多" if a.descending else "最少")
        parts = [
            figure(
                f"{scope.when}中，{s.name}{word}的是{'、'.join(r.doc.department for r in tied)}"
                f"{'（并列）' if len(tied) > 1 else ''}，{fmt(top.value, unit)}。\n",  # type: ignore[arg-type]
                top,
            )
        ]  # fmt: skip
        unfound = [r for r in missing if r.note == NOT_FOUND] if not a.per else []
        if unfound and not a.focus:  # a department whose figure is not found may be first: no winner named
            parts = [
                Part(text=f"{scope.when}中，{len(unfound)} 个部门的文件中未找到{s.name}，无法确定全部部门中谁{word}；",
                     doc_ids=(), checked=False),
                figure(
                    f"在找到此项的部门中，{word}的是{'、'.join(r.doc.department for r in tied)}"
                    f"{'（并列）' if len(tied) > 1 else ''}，{fmt(top.value, unit)}。\n",  # type: ignore[arg-type]
                    top,
                ),
            ]  # fmt: skip
        if a.focus:  # "财政局排第几": its place first
            at = next((i for i, r in enumerate(valued) if r.doc.department == a.focus), None)
            if at is None:
                raise Unanswerable(f"{a.focus}的{scope.when}中没有“{s.name}”")
            r = valued[at]
            rank = 1 + sum(x.value > r.value if a.descending else x.value < r.value for x in valued)  # type: ignore[operator]
            parts = [
                figure(f"{scope.when}中，{a.focus}的{s.name}为 {fmt(r.value, unit)}，", r),  # type: ignore[arg-type]
                Part(text=f"在 {len(valued)} 个有此项的部门中{'从高到低' if a.descending else '从低到高'}排第 {rank} 位。\n",
                     doc_ids=(), checked=False),  # a count and a place, not figures of the disclosure
                *parts,
            ]  # fmt: skip
        shown = valued[: min(a.limit or (SHOWN if a.limit is None and _whole_list(a) else 5), SHOWN)]
        parts.append(Part(text=f"{'从高到低' if a.descending else '从低到高'}：\n", doc_ids=()))
        parts += [self.cmp.line(i + 1, r, s.name) for i, r in enumerate(shown)]
        listed = valued[: a.limit] if a.limit else valued
        value = next(r.value for r in valued if r.doc.department == a.focus) if a.focus else top.value
        return self.finish(a, s, scope, parts, listed, missing, value=value, unit=unit, shown=len(shown))

    def _total(self, a: Across, s: Subject, readings: list[Reading], unit: str, scope: Scope) -> Composed:
        return self._aggregate(a, s, readings, unit, scope, mean=False)

    def _average(self, a: Across, s: Subject, readings: list[Reading], unit: str, scope: Scope) -> Composed:
        return self._aggregate(a, s, readings, unit, scope, mean=True)

    def _aggregate(
        self, a: Across, s: Subject, readings: list[Reading], unit: str, scope: Scope, mean: bool
    ) -> Composed:
        valued, missing = _split(readings, a.descending)
        if a.departments and missing:  # a named department is never left out of a sum
            names = "、".join(r.doc.department for r in missing)
            raise Unanswerable(f"{names}的{scope.when}中没有“{s.name}”，无法与其他部门{'平均' if mean else '合计'}")
        if a.limit:  # "排名前三的部门合计": the first three's
            valued = valued[: a.limit]
        ops = [r.operand for r in valued]
        c = calc.mean(*ops) if mean else calc.total(*ops) if len(ops) > 1 else None
        value = c.value if c else valued[0].value
        who = "、".join(r.doc.department for r in valued) if a.departments or a.limit else f"{len(valued)} 个部门"
        word = "平均" if mean else "" if s.name.endswith("合计") else "合计"  # never "支出合计合计"
        parts = [
            Part(text=f"{scope.when}中，{who}的", doc_ids=(), checked=False),  # a count of departments
            Part(
                text=f"{s.name}{word} {fmt(value, unit)}。\n",  # type: ignore[arg-type]
                doc_ids=() if c else (valued[0].doc.doc_id,), calculations=(c,) if c else (),
                derived=c,
            ),
            Part(text="各部门：\n", doc_ids=()),
        ]  # fmt: skip
        parts += [self.cmp.line(None, r, s.name) for r in valued[:SHOWN]]
        return self.finish(a, s, scope, parts, valued, missing, value=value, unit=unit, shown=min(len(valued), SHOWN))

    def _compare(self, a: Across, s: Subject, readings: list[Reading], unit: str, scope: Scope) -> Composed:
        valued, missing = _split(readings, True)
        parts = [self.cmp.line(None, r, s.name) for r in valued]
        value: Decimal | None = valued[0].value
        if a.each and not COMPARED.search(a.question):  # "分别是多少": each department's line, nothing derived
            head = Part(text=f"{scope.when}中各部门的{s.name}：\n", doc_ids=())
            return self.finish(a, s, scope, [head, *parts], valued, missing, value=value, unit=unit, shown=len(valued))
        if a.ratio:  # "A是B的几倍": A ÷ B in the order written, each figure named
            return self._times(a, s, readings, unit, scope, parts, valued, missing)
        if len(valued) == 2:
            c = calc.difference(valued[0].operand, valued[1].operand)
            same = c.value == 0
            # "谁的更多": the larger one's figure, the difference said beside it; "多多少": the difference
            which = SUPERLATIVE.search(a.question) and not MORE_BY.search(a.question)
            value = (None if same else valued[0].value) if which else c.value
            text = (
                "两者相同。\n" if same
                else f"{valued[0].doc.department}比{valued[1].doc.department}多 {fmt(c.value, unit)}。\n"
            )  # fmt: skip
            parts.append(Part(text=text, doc_ids=(), calculations=(c,), derived=c))
        elif len(valued) > 2:
            parts.append(
                Part(text=f"最多的是{valued[0].doc.department}，最少的是{valued[-1].doc.department}。\n", doc_ids=())
            )
        head = Part(text=f"{scope.when}中{s.name}比较：\n", doc_ids=())
        return self.finish(a, s, scope, [head, *parts], valued, missing, value=value, unit=unit, shown=len(valued))

    def _times(
        self, a: Across, s: Subject, readings: list[Reading], unit: str, scope: Scope,
        parts: list[Part], valued: list[Reading], missing: list[Reading],
    ) -> Composed:  # fmt: skip
        by = {r.doc.department: r for r in valued}
        absent = [d for d in a.ratio if d not in by]
        if absent:
            raise Unanswerable(f"{'、'.join(absent)}的文件中没有找到{s.name}，无法计算倍数")
        top, bottom = (by[d] for d in a.ratio)
        c = calc.ratio(top.operand, bottom.operand)
        c = replace(c, unit="倍")
        text = f"{top.doc.department}的{s.name}是{bottom.doc.department}的 {fmt(c.value, '倍')}（{c.expression}）。\n"
        parts.append(Part(text=text, doc_ids=(), calculations=(c,), derived=c))
        head = Part(text=f"{scope.when}中{s.name}比较：\n", doc_ids=())
        return self.finish(a, s, scope, [head, *parts], valued, missing, value=c.value, unit="倍", shown=len(valued))

    def _filter(self, a: Across, s: Subject, readings: list[Reading], unit: str, scope: Scope) -> Composed:
        op, bound, bound_unit = a.threshold or (">", Decimal(0), "")
        bound = _in(bound, bound_unit, unit)
        upper = _in(*a.below, unit) if a.below else None
        valued, missing = _split(readings, op not in ("<", "<="))
        if op == "=":
            hits = [r for r in valued if r.value == 0] + missing
            condition = "为零或没有此项"
        else:
            hits = [r for r in valued if _passes(r.value, op, bound, upper)]  # type: ignore[arg-type]
            condition = (
                f"在{fmt(bound, unit)}到{fmt(upper, unit)}之间" if upper is not None
                else f"{word(op)}{fmt(bound, unit)}" if bound or op in ("<", "<=")
                else "为正（增加）" if a.per == "change" else "不为零"
            )  # fmt: skip
            if a.per == "change" and op == "<" and not bound:
                condition = "为负（减少）"
        head = (
            f"{scope.when}中，{s.name}{condition}的部门有 {len(hits)} 个：\n" if hits
            else f"{scope.when}中，没有{s.name}{condition}的部门。\n"
        )  # fmt: skip
        unfound = [r for r in missing if r.note == NOT_FOUND] if op != "=" and not a.per else []
        if unfound:  # a department whose figure is not found may pass: the list is of those found, never all
            head = (
                f"{scope.when}中，{len(unfound)} 个部门的文件中未找到{s.name}，无法确定全部部门；"
                + (f"在找到此项的部门中，{s.name}{condition}的有 {len(hits)} 个：\n" if hits
                   else f"在找到此项的部门中，没有{s.name}{condition}的。\n")
            )  # fmt: skip
        parts = [Part(text=head, doc_ids=(), checked=False)]
        parts += [self.cmp.line(None, r, s.name) for r in hits[:SHOWN]]
        rest = missing if op != "=" else []
        return self.finish(a, s, scope, parts, hits, rest, value=None, unit=unit, shown=min(len(hits), SHOWN))

    # --- two figures per department -------------------------------------------

    def _share(self, a: Across, s: Subject, scope: Scope) -> Composed:
        district = a.whole == DISTRICT  # "占全区三公经费的比例": each department's part of all departments' sum
        whole = subject_named("支出合计" if district or not a.whole else a.whole, self.cmp.code_names)
        whole_name = DISTRICT if district else whole.name
        parts_of = self.cmp.read(s, scope.docs)
        few = bool(a.departments or a.within)  # a few departments: one printing the item only in its text is read there
        if few:
            parts_of = fill(parts_of, s, self.single)
        if district:
            parts_of, unit = self.cmp.in_unit(parts_of)
            summed = [r for r in parts_of if r.value is not None]
            if len(summed) < 2:
                raise Unanswerable(f"{scope.covered}中有“{s.name}”的部门不足两个，无法计算各部门所占比例")
            total = calc.total(*(r.operand for r in summed))
            sources = "；".join(o.source for o in total.operands)
            everyone = Reading(doc=summed[0].doc, facts=(), value=total.value, unit=unit, calc=total)
            wholes = {r.doc.doc_id: everyone for r in parts_of}
        else:
            read = self.cmp.read(whole, scope.docs)
            wholes = {r.doc.doc_id: r for r in (fill(read, whole, self.single) if few else read)}
        rated: list[Reading] = []
        lines: dict[str, Part] = {}
        missing = []
        for r in parts_of:
            w = wholes[r.doc.doc_id]
            if r.value is None or w.value is None or w.value == 0:
                missing.append(replace(r, value=None, note=r.note if r.value is None else f"文件中没有{whole_name}"))
                continue
            of = Operand(value=w.value, unit=w.unit, label=DISTRICT, source=sources) if district else w.operand
            c = calc.share(r.operand, of)
            if not a.whole and (p := printed_instead(c.value, self._printed_shares(r))) is not None:
                shown_r = Reading(doc=r.doc, facts=(p,), value=p.value, unit="%")  # the document's own share
                rated.append(shown_r)
                lines[r.doc.doc_id] = Part(
                    text=f"{r.doc.department}：{s.name}{p.column} {fmt(p.value, '%')}（文件所列）\n",
                    doc_ids=(r.doc.doc_id,), calculations=(), cites=cites(shown_r), cells=(p,),
                )  # fmt: skip
                continue
            rated.append(Reading(doc=r.doc, facts=r.facts + w.facts, value=c.value, unit="%", calc=c))
            lines[r.doc.doc_id] = Part(
                text=f"{r.doc.department}：{s.name} {fmt(r.value, r.unit)}，占{whole_name} {fmt(w.value, w.unit)}的 "
                f"{fmt(c.value, '%')}\n",
                doc_ids=(r.doc.doc_id,), calculations=(c, *(x.calc for x in (r, w) if x.calc)), cites=cites(r, w),
                cells=r.facts + w.facts,
            )  # fmt: skip
        if not rated:
            raise Unanswerable(f"{scope.covered}的文件中都没有“{s.name}”与“{whole_name}”")
        rated.sort(key=lambda r: r.value, reverse=a.descending)  # type: ignore[arg-type, return-value]
        if a.threshold:  # "项目支出占比超过50%的部门"
            op, bound, _ = a.threshold
            upper = a.below[0] if a.below else None
            rated = [r for r in rated if _passes(r.value, op, bound, upper)]  # type: ignore[arg-type]
            if not rated:
                raise Unanswerable(f"{scope.covered}中没有{s.name}占{whole_name}的比例符合条件的部门")
        top = rated[0]
        word = "最高" if a.descending else "最低"
        parts = [
            Part(text=f"{scope.when}中，{s.name}占{whole_name}的比例{word}的是{top.doc.department}，"
                 f"{fmt(top.value, '%')}。\n", doc_ids=(top.doc.doc_id,),  # type: ignore[arg-type]
                 calculations=lines[top.doc.doc_id].calculations, cites=lines[top.doc.doc_id].cites,
                 cells=lines[top.doc.doc_id].cells),
            Part(text=f"{'从高到低' if a.descending else '从低到高'}：\n", doc_ids=()),
        ]  # fmt: skip
        shown = rated[: min(a.limit or SHOWN, SHOWN)]
        parts += [
            replace(lines[r.doc.doc_id], text=f"{i + 1}. {lines[r.doc.doc_id].text}") for i, r in enumerate(shown)
        ]
        listed = rated[: a.limit] if a.limit else rated
        metric = f"{s.name}占{whole_name}的比例"
        composed = self.finish(a, s, scope, parts, listed, missing, value=top.value, unit="%", shown=len(shown))
        composed.metric = metric
        return composed

    def _printed_shares(self, r: Reading) -> list[Fact]:
        """The shares a department's text prints for the part read (its rows' names), in %."""
        rows = tuple(dict.fromkeys(label_key(f.row) for f in r.facts))
        if not rows:
            return []
        return [f for f in self.cmp.query.locate([r.doc.doc_id], Located(tables=(PROSE,), rows=rows)) if f.unit == "%"]

    # --- the common end -------------------------------------------------------

    def finish(
        self, a: Across, s: Subject, scope: Scope, parts: list[Part], listed: list[Reading], missing: list[Reading],
        *, value: Decimal | None, unit: str, shown: int, ranked: bool = True,
    ) -> Composed:  # fmt: skip
        """The answer's end: the rest of a long list, the departments not listed (by why), the documents
        covered; its table of entries, facts and citations from the `listed` and `missing` readings."""
        if len(listed) > shown:
            parts.append(Part(text=f"（共 {len(listed)} 个部门，完整列表见右侧表格）\n", doc_ids=(), checked=False))
        if missing:
            by_note: dict[str, list[str]] = {}
            for r in missing:
                by_note.setdefault(r.note or NOT_FOUND, []).append(r.doc.department)
            for note, names in by_note.items():
                text = f"未列入的部门（{len(names)} 个，{note}）：{'、'.join(names)}。\n"
                parts.append(Part(text=text, doc_ids=(), checked=False))
        parts.append(Part(text=f"\n{scope.covered}。", doc_ids=(), checked=False))  # its own paragraph
        metric = f"{s.name}（{scope.kind}数）" if a.op not in ("execution", "change") and not a.per else s.name
        return Composed(
            parts=parts, value=value, unit=unit, entries=self.cmp.entries([*listed, *missing], ranked=ranked),
            metric=metric, covered=scope.covered, facts=[f for r in listed for f in r.facts],
            citations=self.cmp.citations(listed),
        )  # fmt: skip


EachOp = Callable[[Overview, Across, Subject, list[Reading], str, Scope], Composed]
"""An operation over one figure per department: the question, its subject, each department's reading, the
answer's unit and the documents covered → the composed answer."""

EACH_OPS: Mapping[AcrossOp, EachOp] = {
    "rank": Overview._rank,
    "total": Overview._total,
    "average": Overview._average,
    "compare": Overview._compare,
    "filter": Overview._filter,
}
"""The operations answered from one figure per department (a share, a change and an execution read their own)."""


def _in(value: Decimal, unit: str, wanted: str) -> Decimal:
    """A bound written in one money unit, in the answer's (a bound without a unit is in the answer's)."""
    return calc.convert(value, unit, wanted) if unit and unit != wanted and {unit, wanted} <= set(calc.MONEY) else value


def _passes(value: Decimal, op: str, bound: Decimal, upper: Decimal | None) -> bool:
    low = {">": value > bound, ">=": value >= bound, "<": value < bound, "<=": value <= bound, "=": value == bound}[op]
    return low and (upper is None or value <= upper)


def _within(a: Across, docs: Sequence[DocumentInfo]) -> list[DocumentInfo]:
    """The documents of the place the question said ("深圳各部门"), else all."""
    return [d for d in docs if not a.within or d.department in a.within]


def _split(readings: list[Reading], descending: bool) -> tuple[list[Reading], list[Reading]]:
    """The readings with a value, ordered (ties by department name), and those without."""
    valued = [r for r in readings if r.value is not None]
    if not valued:
        raise Unanswerable("范围内各部门的文件中都没有这一项")
    valued.sort(key=lambda r: r.doc.department)
    valued.sort(key=lambda r: r.value, reverse=descending)  # type: ignore[arg-type, return-value]
    return valued, [r for r in readings if r.value is None]


def _whole_list(a: Across) -> bool:
    """The question asks for the whole order (排名 / 从高到低), not just who is first."""
    return any(
        w in a.question
        for w in ("排名", "排序", "排行", "排一下", "从高到低", "从低到高", "由高到低", "由低到高", "各部门")
    )
