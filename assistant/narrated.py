"""What the narrative of one department's disclosure prints for the thing asked, when no table's figure
answers: a count or quantity (`count_of`), an earlier year's figure (`earlier`), a count or share stated
(`stated_in_text`), a change or rate against the year before (`narrated`). Each takes the question's turn."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from assistant import calculator as calc
from assistant import narrative, premise, prior_text, stated
from assistant.calculator import CalculationError
from assistant.counts import answer_count
from assistant.cues import longest_first
from assistant.draft import Draft, Unanswerable, fmt
from assistant.listed_count import listed_count
from assistant.measures import column_kept
from assistant.printed_by import without_place
from assistant.rates import rate_of
from assistant.records import Citation, Query
from assistant.subject_path import coded_names, heads_written, names_under
from assistant.understand import FUND_WORDS
from assistant.year_on_year import YEAR_IN_QUESTION, scope_of

if TYPE_CHECKING:
    from assistant.turn import Turn


def count_of(t: Turn, query: Query) -> Draft | None:
    """A count or quantity the one department in scope prints in its narrative (assistant/counts.py)."""
    docs = [t.kb.docs[d] for d in query.doc_ids if d in t.kb.docs]
    if query.year is not None and not query.last_year:
        docs = [d for d in docs if d.year == query.year] or docs
    if not docs or query.last_year or len({d.department for d in docs}) != 1:
        return None
    return answer_count(query.question, docs, t.kb) or listed_count(query.question, docs, t.engine.library.sql.chunks)


def rate_in_text(t: Turn, query: Query) -> Draft | None:
    """A rate per something ("每人每月" ← 710元/人月) the one department in scope prints (assistant/rates.py)."""
    docs = [t.kb.docs[d] for d in query.doc_ids if d in t.kb.docs]
    asked = {int(y) for y in YEAR_IN_QUESTION.findall(query.question)} | ({query.year} if query.year else set())
    if asked:
        docs = [d for d in docs if d.year in asked]  # "2024年…每人每月" with only 2026 loaded: no rate
    return None if query.last_year or not docs else rate_of(docs, query.question, t.kb)


def earlier(t: Turn, query: Query) -> Draft | None:
    """An earlier year's figure of what was asked, stated ("2023年当年预算执行数为44.17万元") or implied by a
    printed change in a later year's narrative (assistant/prior_text.py)."""
    docs = [t.kb.docs[d] for d in query.doc_ids if d in t.kb.docs]
    year = query.year if query.year is not None else (docs[0].year - 1 if docs and query.last_year else None)
    docs = [d for d in docs if year is not None and d.year > year]
    if len(docs) > 1 and year is not None:  # several later years: the next year's document prints it as 上年
        docs = [d for d in docs if d.year == year + 1]
    if len(docs) != 1 or year is None:
        return None
    doc = docs[0]
    words = t.understanding.content(narrative.asked(query.question), [doc.doc_id]).split()
    phrase = " ".join(w for w in words if w not in doc.department)
    found = prior_text.levels(t.engine.facts_sql.chunks([doc.doc_id]), doc.year, doc.kind)
    basis = narrative.basis_of(re.sub(r"\d{4}\s*年度?", "", query.question))
    neutral = t.understanding.neutral
    if not any(w in query.question for w in FUND_WORDS):  # no fund said: "一般公共预算培训费" is the 培训费 asked
        neutral = (*neutral, *FUND_WORDS)
    best = prior_text.best_level(found, phrase, year, basis, doc.kind, doc.aliases, neutral)
    if best is None:  # "事业单位医疗（卫生健康支出-…）": a parent the text prints by another name, matched by code
        best = _under_heads(t, doc.doc_id, found, phrase, year, basis, doc.kind, doc.aliases, neutral)
    if best is None:
        if other := prior_text.other_basis(found, phrase, year, basis, doc.kind, doc.aliases, neutral):
            raise Unanswerable(prior_text.not_printed(other, basis, doc.aliases))  # never another basis's figure
        return None
    draft = prior_text.drafted(best, doc.department, doc.year, doc.aliases)
    draft.doc_id = doc.doc_id
    draft.citations = [Citation(doc_id=doc.doc_id, where=best.where, text=best.sentence)]
    draft.facts = [
        f for f in t.kb.facts_by_doc.get(doc.doc_id, [])
        if f.table is None and f.unit == best.unit and f.value == (best.value if best.change is None
                                                                    else best.change.amount)
    ][:1]  # fmt: skip
    return draft


def _under_heads(
    t: Turn, doc_id: str, found: list[prior_text.Level], phrase: str, year: int, basis: str, kind: str,
    names: Sequence[str], neutral: Sequence[str],
) -> prior_text.Level | None:  # fmt: skip
    """The earlier figure of an item the question names with parents the tables print (卫生健康支出 210) and the text
    prints by other names (医疗卫生与计划生育支出): only the text's items whose path lies under those parents' codes
    in the tables, the parents' names then taken out of the phrase. None when the question writes no such parent."""
    heads = heads_written(phrase, coded_names(t.kb, [doc_id]))
    if not heads:
        return None
    rows = [(f.row, f.code) for f in t.kb.facts_by_doc.get(doc_id, []) if f.table and f.code]
    codes = set().union(*heads.values())
    fitting = [
        lv for lv in found
        if lv.parents and names_under([*lv.parents[1:], lv.subject], codes, rows)
        and all(names_under([lv.subject], head, rows) for head in heads.values())
    ]  # fmt: skip
    plain = phrase
    for name in longest_first(heads):
        plain = plain.replace(name, " ")
    return prior_text.best_level(fitting, plain, year, basis, kind, names, neutral)


def stated_in_text(t: Turn, query: Query) -> Draft | None:
    """A count ("内设机构25个") or a share ("占本年支出预算36.57%") the narrative states for what was asked."""
    docs = [t.kb.docs[d] for d in query.doc_ids if d in t.kb.docs]
    if query.year is not None:
        docs = [d for d in docs if d.year == query.year]
    if len(docs) != 1 or query.last_year or {int(y) for y in YEAR_IN_QUESTION.findall(query.question)} - {docs[0].year}:
        return None
    doc = docs[0]
    sentences = narrative.sentences(t.engine.facts_sql.chunks([doc.doc_id]))
    asked = without_place(query.question, doc.department)  # "北京四环主路…" of 北京市交通委员会
    found = stated.stated(asked, query.measure == "share", sentences, doc.aliases)
    if found is None:
        return None
    text = f"{scope_of(doc)}{stated.said(found, asked, doc.aliases)}。\n出处：{found.where}"
    facts = [
        f for f in t.kb.facts_by_doc.get(doc.doc_id, [])
        if f.table is None and f.unit == found.unit and f.value == found.value
    ][:1]  # fmt: skip
    return Draft(
        text=text, value=found.value, unit=found.unit, facts=facts, doc_id=doc.doc_id,
        citations=[Citation(doc_id=doc.doc_id, where=found.where, text=found.sentence)],
    )  # fmt: skip


DECLINE = re.compile(r"降幅|下降|减少|跌|(?<!多)少")  # "减少了多少", "少了多少": a decline asked; "增长多少" is none


def narrated(t: Turn, query: Query) -> Draft | None:
    """A year-on-year change (or rate) printed in the narrative for the very thing asked."""
    docs = [t.kb.docs[d] for d in query.doc_ids if d in t.kb.docs]
    if query.year is not None:
        docs = [d for d in docs if d.year == query.year] or docs
    if len(docs) != 1:
        return None
    doc = docs[0]
    asked = {int(y) for y in YEAR_IN_QUESTION.findall(query.question)}
    if asked - {doc.year, doc.year - 1}:
        return None
    growth = query.measure == "growth"
    words = t.understanding.content(narrative.asked(query.question), [doc.doc_id]).split()
    phrase = " ".join(w for w in words if w not in doc.department)  # "无锡" of "无锡市人社局" is a name
    printed = narrative.changes(t.engine.facts_sql.chunks([doc.doc_id]))
    basis = narrative.asked_basis(query.question)  # "比2023年执行数": only a change printed against it

    neutral = t.understanding.neutral
    # no fund said: "一般公共预算会议费预算支出" is the 会议费 asked (tried when the words alone fit none)
    unfunded = () if any(w in query.question for w in FUND_WORDS) else (*neutral, *FUND_WORDS)
    if (
        query.subjects
        and not narrative.whole(t.pick.name(query.subjects[0]))
        and not narrative.item_named(phrase, neutral)
    ):  # a follow-up ("比上年增长多少？") asks the item before it, never the whole budget
        phrase = t.pick.name(query.subjects[0])

    def best(basis: str, rate: bool) -> narrative.Change | None:
        found = narrative.best_change(printed, phrase, rate, doc.aliases, neutral, basis, doc.kind)
        if found is None and unfunded and narrative.item_named(phrase, unfunded):
            found = narrative.best_change(printed, phrase, rate, doc.aliases, unfunded, basis, doc.kind)
        if found is None and query.subjects:  # "三公经费" asked, read as the label 财政拨款“三公”经费: its name
            name = t.pick.name(query.subjects[0])
            found = narrative.best_change(printed, name, rate, doc.aliases, basis=basis, kind=doc.kind)
        return found

    found = best(basis, growth)
    if (
        found is None
        and not growth
        and (narrative.RATE_OR_AMOUNT.search(query.question) or premise.either_way(query.question))
    ):  # "增长多少", "是增是减" where the text prints only the rate: the rate, said as one
        found = best(basis, True)
        growth = found is not None
    if found is None and basis and (other := best("", growth)):  # printed against another basis: said, not given
        raise Unanswerable(
            f"公开文件文字说明只给出{narrative.plain_subject(other.subject, doc.aliases)}比{other.against}的增减，"
            f"没有与{basis}相比的"
        )
    if found is None or not column_kept(query.column, found.subject):
        return None  # "基本支出比上年增加多少": never the change of the whole it is a column of
    if not same_year_against(query.question, found.against, doc.year):
        return None  # "比2023年执行数" asked of the 2023 document, which prints its change against 2022
    value = found.rate if growth else found.change
    unit = "%" if growth else found.change_unit
    assert value is not None
    word = ("增长" if growth else "增加") if value >= 0 else ("下降" if growth else "减少")
    decline = bool(DECLINE.search(query.question)) and not premise.either_way(query.question)
    shown = value if not (query.magnitude or decline) else abs(value)
    also = ""  # "增长了多少" says neither amount nor rate: both printed are said
    if not growth and found.rate is not None and narrative.RATE_OR_AMOUNT.search(query.question):
        also = f"，{'增长' if found.rate >= 0 else '下降'} {fmt(abs(found.rate), '%')}"
    text = (
        f"{scope_of(doc)}{found.named(doc.aliases)}比{found.against}{word} "
        f"{fmt(abs(value), unit)}{also}（公开文件文字说明所列）。\n出处：{found.where}"
    )
    if not value:  # "比2022年预算持平", "与上年预算数相同": no change, said in the document's own words
        text = f"{scope_of(doc)}{found.named(doc.aliases)}没有变化（公开文件文字说明所列：“{found.printed}”）。\n出处：{found.where}"
    facts = [
        f for f in t.kb.facts_by_doc.get(doc.doc_id, [])
        if f.table is None and f.unit == unit and abs(f.value) == abs(value)
    ][:1]  # fmt: skip
    return Draft(
        text=text, value=shown, unit=unit, facts=facts, doc_id=doc.doc_id,
        citations=[Citation(doc_id=doc.doc_id, where=found.where, text=found.sentence)],
    )  # fmt: skip


def same_year_against(question: str, against: str, doc_year: int) -> bool:
    """Whether a change printed against `against` ("2022年预算执行数", "上年") in a document of `doc_year` is measured
    against the year the question compares with ("比2023年执行数"); True when the question writes no year there."""
    asked = narrative.AGAINST.search(question)
    year = re.search(r"\d{4}", asked.group(0)) if asked else None
    if year is None:
        return True
    printed = re.search(r"\d{4}", against)
    return int(year.group(0)) == (int(printed.group(0)) if printed else doc_year - 1)


def printed_change(t: Turn, query: Query, computed: Draft) -> Draft | None:
    """The change the narrative prints for the item asked, with its basis said ("比2023年预算执行数减少44.60%"), when
    the change `computed` from two documents' tables (another basis: budget against budget) is not that figure; None
    when the text prints none for it, prints one only against another basis than the one asked, or prints the
    computed figure itself (as printed, rounded to its places: the two agree, and the computed one shows both years)."""
    try:
        printed = narrated(t, query)
    except Unanswerable:
        return None
    if printed is None or printed.value is None or computed.value is None or not printed.unit or not computed.unit:
        return printed
    try:
        value = calc.convert(abs(computed.value), computed.unit, printed.unit)
    except CalculationError:  # another unit: not the same figure
        return printed
    places = Decimal(1).scaleb(printed.value.as_tuple().exponent)  # type: ignore[arg-type]
    return None if calc.round_half_up(value, places) == abs(printed.value) else printed
