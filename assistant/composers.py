"""The measure registry: one function per measure of one document's figure (`MEASURES`), each taking
the question's turn, its `Query` and the document answered from, and returning a `Draft` whose every figure
is read from the facts or computed by the calculator.

The amount itself, a share, a sum, a difference, a per-head figure and a breakdown are here; the year on
year measures (prior, change, growth) in assistant/year_on_year.py."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant import calculator as calc
from assistant import completion, sum_named
from assistant.calculator import Calculation
from assistant.compare import Reading
from assistant.completion import BUDGET_VS_ACTUAL
from assistant.draft import Draft, Unanswerable, fmt, operand, sources, where
from assistant.exclusion import part_of
from assistant.explain import listing_sentence
from assistant.juesuan_budget import names_whole, whole_budget
from assistant.knowledge import grams, norm
from assistant.parts import rate_unasked, target_asked, unit_asked
from assistant.per_capita import printed_per_head
from assistant.records import Citation, Measure, Query
from assistant.registered import read_subject
from assistant.select import COUNT_ASKED, LOW_PRIORITY_TABLES, MONEY_NAMED, coarser_printings
from assistant.shares import check_share
from assistant.standing import RowsSplit, part_named
from assistant.target_said import target_said
from assistant.tokens import to_template
from assistant.understand import PER_HEAD, asks_budget
from assistant.units import FundSplit, column_item
from assistant.whole import narrative_total
from assistant.within import named_within
from assistant.year_on_year import change, growth, prior, scope_of
from index.facts import EMPTY_TABLE
from index.numbers import format_amount, last_place
from index.records import DocumentInfo, Fact
from index.units import is_price

if TYPE_CHECKING:
    from assistant.turn import Turn

COUNT_UNITS = {
    "人": r"多少人|几个人|几人|几名|人数",
    "辆": r"几辆|多少辆",
    "家": r"几家|多少家",
    "次": r"几次|多少次",
    "台": r"几台|多少台",
}

SHARE_ASKED = re.compile(
    r"的?(?:比例|比重|百分比|份额)(?:是|为)?(?:多少|几)?"
)  # "…的比例是多少": the whole's words end


def _same_amount(f: Fact, r: Reading) -> bool:
    """A label's figure and a registry reading are the same amount (in either's unit of money)."""
    if r.value is None:
        return False
    if f.unit == r.unit:
        return f.value == r.value
    if f.unit in calc.MONEY and r.unit in calc.MONEY:
        return calc.convert(f.value, f.unit, r.unit) == r.value
    return False


def check_unit(e: Turn, query: Query, doc: DocumentInfo) -> None:
    if MONEY_NAMED.search(query.question) and not COUNT_ASKED.search(query.question):
        facts = e.pick.facts(query.subjects[0], doc)
        if facts and not any(f.unit in calc.MONEY or f.unit == "%" or is_price(f.unit) for f in facts):
            counted = "、".join(dict.fromkeys(f.unit for f in facts))
            raise Unanswerable(f"文件只有“{e.pick.name(query.subjects[0])}”的数量（{counted}），没有金额")
    for unit, pattern in COUNT_UNITS.items():
        if re.search(pattern, query.question):
            facts = e.pick.facts(query.subjects[0], doc)
            if facts and all(f.unit in calc.MONEY for f in facts):
                raise Unanswerable(f"文件只有“{e.pick.name(query.subjects[0])}”的金额，没有以“{unit}”计的数量")


def amount(e: Turn, query: Query, doc: DocumentInfo) -> Draft:
    try:
        f = e.pick.amount(query.subjects[0], query, doc)
    except FundSplit as split:  # a unit's item printed once per fund, no total: the funds added, each shown
        return _funds_added(e, query, doc, split.facts)
    except RowsSplit as split:  # one 科目 printed in several rows of a table: the rows added, each shown
        return _rows_added(e, query, doc, split.facts, split.asked)
    except Unanswerable:
        if query.column == completion.ASKED and (rate := completion.rate(e.kb, query, doc, scope_of(doc))):
            return rate  # "…完成全年预算的比例": 决算数 ÷ 全年预算数 of the same row (assistant/completion.py)
        name = e.pick.name(query.subjects[0])
        if doc.kind == "决算" and query.column is None and asks_budget(query.question) and names_whole(name):
            return whole_budget(e.kb, doc, name)  # "社工部2024年预算是多少？" of a 决算: its 年初/全年预算
        raise
    unit = unit_asked(query.question)
    if unit and f.unit in calc.MONEY and unit != f.unit:  # "是多少亿元？": the same figure in the unit asked
        c = calc.in_unit(operand(f), unit)
        text = (
            f"{scope_of(doc)}{e.pick.name(query.subjects[0])}为 {fmt(c.value, c.unit)}。\n"
            f"换算：{fmt(f.value, f.unit)} = {fmt(c.value, c.unit)}\n出处：{where(f)}"
        )
        return Draft(text=text, value=c.value, unit=c.unit, calculations=[c], facts=[f])
    column = (
        f"（{f.column}）"
        if f.column not in (e.kb.subject_of(f), "金额", "数量", "比例")
        and (f.table or f.column_role)  # a prose figure's own column ("年初预算数"), as a table's
        and not (f.column.endswith("预算数") and doc.kind == "预算")  # a 决算's 年初/全年预算数 is said
        else ""
    )
    title = e.kb.tables.get(doc.doc_id, {}).get(f.table or "", "")
    named = f.table and (f.table == query.table or any(w in title for w in LOW_PRIORITY_TABLES))
    table = f"{title}中" if named else ""  # a figure from 政府性基金/国有资本 tables says so
    if EMPTY_TABLE in f.source:  # an empty table: none, in the disclosure's own words
        note = re.sub(r"^(?:说明|注)[:：]", "", f.source.split(EMPTY_TABLE, 1)[1].strip("：「」"))
        text = (
            f"{scope_of(doc)}没有{e.pick.name(query.subjects[0])}，{f.column}为 {fmt(f.value, f.unit)}"
            f"（公开文件原文：“{note.rstrip('。') or EMPTY_TABLE}”）。\n出处：{where(f)}"
        )
        return Draft(text=text, value=f.value, unit=f.unit, facts=[f])
    name = e.pick.name(query.subjects[0])
    if f.table and column_item(f) == name != e.kb.subject_of(f):  # the item is the column of a unit's row
        name = e.kb.subject_of(f)
    elif not f.table and norm(f.row) != query.subjects[0]:  # the text's whole under its own words (…财政拨款)
        name = f.row
    said = f"{part_named(f, query.question, column)}{name}{column}为 {target_said(f)}"  # a target with its ≥
    other = re.search(r"预算|执行|年初|全年|上年|\d{4}年", column)  # a 决算's 年初预算数 0: that column only
    if f.value == 0 and f.unit in calc.MONEY and not other:  # nothing is budgeted for it: said, with the printed 0
        said = f"没有{e.pick.name(query.subjects[0])}（{column.strip('（）')}为 {fmt(f.value, f.unit)}）"
    text = f"{scope_of(doc)}{table}{said}。\n出处：{where(f)}"
    coarse = coarser_printings(f, e.pick.facts(query.subjects[0], doc))
    for printed in coarse:  # the same figure printed to fewer decimals elsewhere: cited with it
        text += f"\n（{where(printed)}印为 {fmt(printed.value, printed.unit)}，小数位较少）"
    return Draft(text=text, value=f.value, unit=f.unit, facts=[f, *coarse])


def _funds_added(e: Turn, query: Query, doc: DocumentInfo, facts: list[Fact]) -> Draft:
    """A unit's item printed once per fund (一般公共预算 | 政府性基金预算 | 国有资本经营预算) and no total: their sum."""
    c = calc.total(*(operand(f) for f in facts))
    item = column_item(facts[0])
    name = (
        f"{facts[0].row}{e.pick.name(query.subjects[0]) if item in ('总计', '合计') else item}"  # 总计 of a 三公 table
    )
    parts = " + ".join(f"{f.column.split('·')[-1]} {fmt(f.value, f.unit)}" for f in facts)
    text = (
        f"{scope_of(doc)}{name}为 {fmt(c.value, c.unit)}（表中按资金分列，无合计，由各列相加）。\n"
        f"计算：{parts} = {fmt(c.value, c.unit)}\n出处：{sources(*facts)}"
    )
    return Draft(text=text, value=c.value, unit=c.unit, calculations=[c], facts=facts)


_COUNT = dict(zip(range(2, 10), "两三四五六七八九", strict=True))  # rows counted in words: no figure to verify


def _rows_added(e: Turn, query: Query, doc: DocumentInfo, facts: list[Fact], asked: str = "") -> Draft:
    """One 科目 printed in several rows of a table (split by another column, no total row of its own), or rows of
    one name the question asks added (`asked`, its word: "各单位买复印纸一共花多少"): their sum."""
    c = calc.total(*(operand(f) for f in facts))
    f = facts[0]
    name = f"{part_named(f, query.question)}{e.pick.name(query.subjects[0])}"
    column = f"（{f.column}）" if f.column not in ("金额", "合计", "预算数") else ""
    count = _COUNT.get(len(facts), "多")
    how = (
        f"{f.source.split(' · ')[0]}有{count}行都叫“{f.row}”，按问题所说的“{asked}”相加"
        if asked
        else f"{f.source.split(' · ')[0]}把{f.row}分{count}行列出，无合计，由各行相加"
    )
    terms = " + ".join(fmt(p.value, p.unit) for p in facts)
    text = (
        f"{scope_of(doc)}{name}{column}为 {fmt(c.value, c.unit)}（{how}）。\n计算：{terms} = {fmt(c.value, c.unit)}"
        f"\n出处：{sources(*facts)}"
    )
    return Draft(text=text, value=c.value, unit=c.unit, calculations=[c], facts=facts)


def target(e: Turn, query: Query, doc: DocumentInfo) -> Draft:
    label = e.kb.labels[query.subjects[0]]
    t = next((t for t in label.targets if t.doc_id == doc.doc_id), None)
    if t is None:
        raise Unanswerable(f"{doc.title}没有“{label.name}”这项绩效目标")
    if word := target_asked(query.question, t):  # a 目标值 is no amount of 收入/支出 (assistant/parts.py)
        raise Unanswerable(f"找到的“{t.level3}”是绩效目标表中的目标值，不是{word}的金额")
    if rate_unasked(query.question, t):  # "培训费是多少" is never a cost per person per day
        raise Unanswerable(f"找到的“{t.level3}”是绩效目标表中按“{t.unit}”计的目标值，不是所问的金额")
    table = next((name for name, title in e.kb.tables.get(doc.doc_id, {}).items() if "绩效目标" in title), "绩效目标表")
    levels = f"（{t.level1}指标/{t.level2}指标）" if t.level1 or t.level2 else ""  # a form's 指标名称 has none
    path = " · ".join(
        p
        for p in (e.kb.tables.get(doc.doc_id, {}).get(table, ""), f"{t.level1}/{t.level2}" if levels else "", t.level3)
        if p
    )
    facts = [f for f in label.facts if f.doc_id == doc.doc_id and f.column == "目标值"]
    printed = next((f for f in facts if f.source.endswith(f"目标值 {t.target}")), None)  # the table it is in
    cite = where(printed) if printed else f"{table} {path}"
    text = f"{scope_of(doc)}绩效目标“{t.level3}”{levels}的目标值为 {t.target or '未填写'}。\n出处：{cite}"
    unit = t.unit or next((u for u, p in COUNT_UNITS.items() if re.search(p, query.question)), "")
    return Draft(text=text, value=t.value, unit=unit if t.value is not None else None, facts=facts)


def _whole_of(e: Turn, key: str, doc: DocumentInfo, query: Query) -> str:
    """What a share is taken of when the question does not say: the prose parent, else 支出总计."""
    parent = next((f.parent for f in e.pick.facts(key, doc) if f.parent and f.table is None), None)
    if parent and norm(parent) in e.kb.labels:
        return norm(parent)
    if not e.pick.facts(norm("支出总计"), doc) and (stated := narrative_total(e.kb, [doc.doc_id], "spending")):
        return stated  # a narrative-only disclosure: the 支出预算 its text states
    return norm("支出总计")


def share(e: Turn, query: Query, doc: DocumentInfo) -> Draft:
    part_key = query.subjects[0]
    after = norm(to_template(query.question)).partition("占")[2]
    if len(query.subjects) == 1 and norm(e.pick.name(part_key)) in after:
        raise Unanswerable(f"只找到占比的分母“{e.pick.name(part_key)}”，没有找到是哪个数占它")  # never X ÷ X
    if len(query.subjects) == 1 and (printed := _printed_share(e, part_key, doc, after)):
        return printed
    whole_key = query.subjects[1] if len(query.subjects) > 1 else _whole_of(e, part_key, doc, query)
    same = part_key == whole_key
    part = e.pick.amount(part_key, replace(query, column=query.column if same else None), doc)
    part_name, whole_name = e.pick.name(part_key), e.pick.name(whole_key)
    named = None if same else _named_whole(e, after, doc)
    if named and (named[0] == part_key or part in named[1].facts):
        raise Unanswerable(f"无法确定“{part_name}”的占比是哪个数占哪个数")  # never X ÷ X = 100%
    try:
        whole: Fact | None = e.pick.amount(whole_key, replace(query, column=None, table=None), doc)
    except Unanswerable:
        if not named:
            raise
        whole = None
    if named and (whole is None or not _same_amount(whole, named[1])):
        # the whole the question names is a registry subject: read at its own place, never a look-alike
        whole_name, wholes, whole_op = named[0], list(named[1].facts), named[1].operand
    else:
        assert whole is not None
        if part == whole or (same and part.column == whole.column):
            raise Unanswerable(f"无法确定“{part_name}”的占比是哪个数占哪个数")  # never X ÷ X = 100%
        if same:  # 社会福利事业单位的项目支出 ÷ 社会福利事业单位（支出预算）
            part_name, whole_name = f"{part_name}的{part.column}", f"{whole_name}（{whole.column}）"
        wholes, whole_op = [whole], operand(whole)
    c = calc.share(operand(part), whole_op)
    check_share(c.value, part_name, f"{whole_name}{' '.join(f.row for f in wholes)}")
    text = (
        f"{scope_of(doc)}{part_name}占{whole_name}的 {fmt(c.value, '%')}。\n"
        f"计算：{part_name} {fmt(part.value, part.unit)} ÷ {whole_name} {fmt(whole_op.value, whole_op.unit)} × 100% = {fmt(c.value, '%')}\n"
        f"出处：{sources(part, *wholes)}"
    )
    return Draft(text=text, value=c.value, unit="%", calculations=[c], facts=[part, *wholes])


def _printed_share(e: Turn, part_key: str, doc: DocumentInfo, after: str) -> Draft | None:
    """The share the text prints for the item ("项目支出 23,336.75 万元，占本年支出预算 33.67%"), when the question
    names no other whole: the document's own figure, never one calculated over another total (a whole that
    includes 结转结余)."""
    printed = [f for f in e.pick.facts(part_key, doc) if f.table is None and f.unit == "%" and "比例" in f.column]
    if not printed or len({f.value for f in printed}) != 1:
        return None
    f = printed[0]
    whole = f.column.removeprefix("占").removesuffix("的比例").removesuffix("比例")
    if not whole:
        return (
            None  # "其中：基本支出 105.58 万元，占34.30%": the whole is the sentence's, which the figure does not keep
        )
    words = e.understanding.content(SHARE_ASKED.sub(" ", after), [doc.doc_id])
    if re.search(r"[\u4e00-\u9fff]{2,}", words) and not set(grams(norm(words))) <= set(grams(norm(whole))):
        return None  # the question's whole is another than the one printed
    text = f"{scope_of(doc)}{e.pick.name(part_key)}占{whole}的 {fmt(f.value, '%')}（文件所列）。\n出处：{sources(f)}"
    return Draft(text=text, value=f.value, unit="%", facts=[f])


def _named_whole(e: Turn, words: str, doc: DocumentInfo) -> tuple[str, Reading] | None:
    """The registry subject a share's whole names ("总支出" → 支出合计), read at its own place in the document;
    None when the whole's words name no registry subject (a row's own name: 一般公共服务支出)."""
    u = e.understanding
    content = u.content(SHARE_ASKED.sub(" ", words), [doc.doc_id])
    if not re.search(r"[\u4e00-\u9fff]{2,}", content):
        return None  # "…的占比": no whole written (what it is taken of is the part's own parent)
    found = read_subject(e.engine.overview.cmp, content, doc, e.kb.text_grams(doc.doc_id), u.neutral)
    if found is None or found[1].value is None:
        return None
    return found[0].name, found[1]


def _named_in(name: str, question: str, neutral: tuple[str, ...]) -> bool:
    """Whether each item a combined name lists ("“三公”经费及会议费、培训费预算支出") is named in the question."""
    asked = set(grams(norm(question)))
    for piece in re.split(r"[及和与、]", name):
        for word in sorted(neutral, key=len, reverse=True):
            piece = piece.replace(word, " ")
        own = grams(norm(piece))
        if own and not asked & set(own):
            return False
    return True


def sum_of(e: Turn, query: Query, doc: DocumentInfo) -> Draft:
    asked = [e.pick.name(k) for k in query.subjects]
    if len(named := sum_named.named(query.question, asked, e.understanding.neutral)) < len(query.subjects):
        query = replace(query, subjects=tuple(query.subjects[i] for i in named))  # an item the question never named
    if len(query.subjects) < 2:
        return amount(e, query, doc)
    facts = [e.pick.amount(k, query, doc) for k in query.subjects]
    if overlap := [
        (w, p)
        for w in facts
        for p in facts
        if w is not p and w.doc_id == p.doc_id and (part_of(p, w) or named_within(p.row, w.row))
    ]:
        # never add an item to the whole it is printed in: "三公经费加会议费培训费" where the text prints
        # "“三公”经费及会议费、培训费预算支出共 263.72 万元，其中：“三公”经费 18.6 万元"
        wholes = {id(w) for w, _ in overlap} - {id(p) for _, p in overlap}
        whole = next((w for w in facts if id(w) in wholes), None)
        inside = [p for w, p in overlap if w is whole]
        if (
            whole is None
            or len(inside) != len(facts) - 1
            or not _named_in(whole.row, query.question, e.understanding.neutral)
        ):
            names = "、".join(f"“{p.row}”在“{w.row}”之内" for w, p in overlap)
            raise Unanswerable(f"所问的几项有重叠（{names}），相加会重复计算，没有给出合计")
        kept = "；".join(f"{p.row}为 {fmt(p.value, p.unit)}" for p in inside)
        text = (
            f"{scope_of(doc)}{whole.row}为 {fmt(whole.value, whole.unit)}（文件所列的合计）。\n"
            f"{kept}，已包含在上面的合计之内，不再重复相加。\n出处：{sources(whole, *inside)}"
        )
        return Draft(text=text, value=whole.value, unit=whole.unit, facts=[whole, *inside])
    c = calc.total(*(operand(f) for f in facts))
    names = "、".join(e.pick.name(k) for k in query.subjects)
    parts = " + ".join(f"{e.pick.name(k)} {fmt(f.value, f.unit)}" for k, f in zip(query.subjects, facts, strict=True))
    text = (
        f"{scope_of(doc)}{names}合计 {fmt(c.value, c.unit)}。\n计算：{parts} = {fmt(c.value, c.unit)}\n"
        f"出处：{sources(*facts)}"
    )
    return Draft(text=text, value=c.value, unit=c.unit, calculations=[c], facts=facts)


def difference(e: Turn, query: Query, doc: DocumentInfo) -> Draft:
    if BUDGET_VS_ACTUAL.search(query.question):  # "决算比全年预算少了多少": the one row printing both, else none
        if gap := completion.gap(e.kb, query, doc, scope_of(doc)):
            return gap
        raise Unanswerable("公开文件没有把同一项目的预算数和决算数放在一起，无法直接比较；可以分别询问预算数和决算数")
    if len(query.subjects) < 2:
        return change(e, query, doc)
    a, b = (e.pick.amount(k, query, doc) for k in query.subjects[:2])
    c = calc.difference(operand(a), operand(b))
    na, nb = e.pick.name(query.subjects[0]), e.pick.name(query.subjects[1])
    word = "多" if c.value >= 0 else "少"
    text = (
        f"{scope_of(doc)}{na}比{nb}{word} {fmt(abs(c.value), c.unit)}。\n"
        f"计算：{na} {fmt(a.value, a.unit)} − {nb} {fmt(b.value, b.unit)} = {fmt(c.value, c.unit)}\n出处：{sources(a, b)}"
    )
    value = abs(c.value) if query.magnitude or c.value >= 0 else c.value
    return Draft(text=text, value=value, unit=c.unit, calculations=[c], facts=[a, b])


def per_head(e: Turn, query: Query, doc: DocumentInfo) -> Draft:
    if len(query.subjects) < 2 and (printed := printed_per_head(e.kb, query.question, doc, PER_HEAD)):
        asked = replace(
            query, subjects=(printed,), measure="amount"
        )  # "人均补贴标准 =710元/人月": printed, no division
        if any(t.doc_id == doc.doc_id for t in e.kb.labels[printed].targets):
            return target(e, asked, doc)
        return amount(e, asked, doc)
    if len(query.subjects) < 2:
        raise Unanswerable("没有找到按什么人数平均")
    a, b = (e.pick.amount(k, query, doc) for k in query.subjects[:2])
    c = calc.ratio(operand(a), operand(b))
    na, nb = e.pick.name(query.subjects[0]), e.pick.name(query.subjects[1])
    text = (
        f"{scope_of(doc)}按{nb}计算，人均{na}为 {fmt(c.value, a.unit)}（保留两位小数）。\n"
        f"计算：{na} {fmt(a.value, a.unit)} ÷ {nb} {fmt(b.value, b.unit)} = {format_amount(c.value)}\n出处：{sources(a, b)}"
    )
    return Draft(text=text, value=c.value, unit=a.unit, calculations=[c], facts=[a, b])


def breakdown(e: Turn, query: Query, doc: DocumentInfo) -> Draft:
    key = query.subjects[0]
    name = e.pick.name(key)
    facts = e.pick.facts(key, doc)
    code = next((f.code for f in facts if f.code), None)
    items: list[Fact] = []
    if code:
        items = e.kb.children(code, doc.doc_id)
        while len({f.code for f in items}) == 1 and items[0].code:
            items = e.kb.children(items[0].code, doc.doc_id) or items
            if len({f.code for f in items}) == 1:
                break
        items = _one_per_row(items, query)
    source_note = ""
    if not items:
        items = e.kb.parts(key, doc.doc_id)
    calculations: list[Calculation] = []
    if not items and key in e.engine.compositions:
        items = [e.pick.amount(norm(k), query, doc) for k in e.engine.compositions[key]]
        whole = e.pick.amount(key, query, doc)
        c = calc.total(*(operand(f) for f in items))
        calculations.append(c)
        gap = abs(c.value - whole.value)
        tolerance = len(items) * last_place(whole.value)  # the audit's 尾数误差: one unit per item
        verdict = (
            "一致"
            if gap == 0
            else (
                f"相差 {fmt(gap, whole.unit)}，在尾数误差内"
                if gap <= tolerance
                else f"不一致，相差 {fmt(gap, whole.unit)}"
            )
        )
        source_note = f"\n核对：{c.expression}，与{name} {fmt(whole.value, whole.unit)}{verdict}"
    if items:
        listing = "；".join(f"{e.kb.subject_of(f)} {fmt(f.value, f.unit)}" for f in items)
        text = f"{scope_of(doc)}{name}包括：{listing}。{source_note}\n出处：{sources(*items)}"
        return Draft(
            text=text, facts=items, calculations=calculations,
            items=[(e.kb.subject_of(f), f.value, f.unit) for f in items],
        )  # fmt: skip
    hits = e.search(query.question + " " + name, doc.doc_id, k=8)
    quote = listing_sentence(hits, norm(name))
    if quote is None:
        raise Unanswerable(f"文件没有列出“{name}”的构成")
    return Draft(
        text=f"据{quote.where}：\n「{quote.text}」",
        citations=[Citation(doc_id=doc.doc_id, where=quote.where, text=quote.text)],
    )


def _one_per_row(facts: list[Fact], query: Query) -> list[Fact]:
    """One figure per 科目: the column asked for, else 支出总计, from one table."""
    table = query.table or next((f.table for f in facts if f.column == "支出总计"), facts[0].table if facts else None)
    out: dict[str, Fact] = {}
    for f in facts:
        if f.table != table or f.code is None:
            continue
        wanted = query.column or "支出总计"
        if f.column == wanted or (f.code not in out and f.column.endswith("预算数")):
            out[f.code] = f
    return list(out.values())


Composer = Callable[["Turn", Query, DocumentInfo], Draft]
"""A measure's function: the question's turn, its query and the document answered from → the draft."""

MEASURES: Mapping[Measure, Composer] = {
    "amount": amount,
    "prior": prior,
    "change": change,
    "growth": growth,
    "share": share,
    "sum": sum_of,
    "difference": difference,
    "per_head": per_head,
    "breakdown": breakdown,
}
"""Each measure one document's figure is answered with (an explanation is quoted, never composed here)."""
