"""An earlier year's figure the narrative states or implies, for "2023年实际执行了多少" or "2025年年初预算是多少"
asked of a later year's disclosure.

Two printings: a level stated in words ("2023年当年预算执行数为44.17万元", the item of its numbered paragraph),
and a level implied by a change ("部门预算收入37,385.88万元，较2025年年初预算减少16,640.31万元": 37,385.88 −
(−16,640.31) = 54,026.19, by the calculator). The basis asked (执行数 / 预算 / 年初预算) must be the basis
printed, and a change never answers a level (nor a level a change).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from assistant import calculator as calc
from assistant.cues import longest_first
from assistant.draft import Draft, fmt
from assistant.narrative import (
    _NUM,
    Change,
    _data,
    basis_of,
    changes,
    cue_words,
    generic,
    paragraphs,
    pick,
    plain_subject,
    same_basis,
)
from index.records import Chunk

# The year part is lazy: "2023年全年预算数为" prints a 全年预算数, "2023年全年预算执行数为" an 执行数 of the year.
LEVEL = re.compile(
    rf"(?P<year>\d{{4}})\s*年(?:{cue_words('year_parts')}|度)??(?P<basis>{cue_words('printed_bases')})为\s*"
    rf"(?P<value>{_NUM})\s*(?P<unit>亿元|万元|元)"
)


@dataclass(frozen=True, kw_only=True)
class Level:
    """An earlier year's figure of an item, as printed or as implied by a printed change."""

    subject: str
    parents: tuple[str, ...]
    year: int
    basis: str  # 执行数 / 年初预算 / 预算
    value: Decimal
    unit: str
    sentence: str
    where: str
    change: Change | None = None  # the change it is derived from (value = amount − change), or None: printed
    printed: str = ""  # the words that state it ("2023年当年预算执行数为44.17万元"), quoted in the answer
    compared: bool = False  # printed as the base of a comparison ("较上年的40.11万元"), its year not written


def levels(chunks: Sequence[Chunk], doc_year: int, kind: str) -> list[Level]:
    """Every earlier year's figure the prose chunks state or imply, in order."""
    out: list[Level] = []
    for sentence, where, item in paragraphs(chunks):
        for m in LEVEL.finditer(sentence):
            year = int(m.group("year"))
            subject = re.split(r"[，。；：:;,]", sentence[: m.start()])[-1].strip()
            if generic(subject) and item:  # "2023年当年预算执行数为44.17万元": the paragraph's item
                subject, parents = item[-1], item[:-1]
            else:
                parents = ()
            if year < doc_year and len(subject) >= 2:
                basis = basis_of(m.group("basis"))
                out.append(Level(subject=subject, parents=parents, year=year, basis=basis,
                                 value=Decimal(m.group("value").replace(",", "")), unit=m.group("unit"),
                                 sentence=sentence.strip(), where=where, printed=m.group(0)))  # fmt: skip
    for c in changes(chunks):
        years = re.findall(r"\d{4}", c.against)
        year = int(years[0]) if years else doc_year - 1
        basis = c.basis or ("执行数" if kind == "决算" else "预算")
        if c.before is not None:  # "较上年的40.11万元增加62.21万元": the earlier figure printed
            out.append(Level(subject=c.subject, parents=c.parents, year=year, basis=basis, value=c.before,
                             unit=c.unit, sentence=c.sentence, where=c.where, printed=c.printed, compared=True))  # fmt: skip
        if c.amount is None or c.change is None or c.change_unit != c.unit:
            continue
        derived = c.amount - c.change
        if derived < 0 or derived == c.before:  # a negative level is a misprint; a printed one is not derived
            continue  # (a derived level that differs from the printed one stays: the two disagree, none is picked)
        out.append(Level(subject=c.subject, parents=c.parents, year=year, basis=basis, value=derived,
                         unit=c.unit, sentence=c.sentence, where=c.where, change=c))  # fmt: skip
    return out


def item_asked(phrase: str) -> str:
    """The phrase asked with the words of its basis said as 预算, a word that names no item ("事业单位医疗 执行了"
    → "事业单位医疗 预算"; "年初预算" → "预算": the budget named, as a whole)."""
    for w in longest_first(_data()["level_words"]):
        phrase = phrase.replace(w, " 预算 ")
    return re.sub(r"(?:是|为|有)(?=\s|$)", " ", phrase)  # "培训费是（多少）": the copula asks, it names nothing


def best_level(
    found: Sequence[Level], phrase: str, year: int, basis: str, kind: str, names: Sequence[str],
    neutral: Sequence[str],
) -> Level | None:  # fmt: skip
    """The earlier figure of the item asked, of the year and basis asked; none when two fit with different
    values (the question does not say which)."""
    candidates = [lv for lv in found if lv.year == year and same_basis(basis, lv.basis, kind)]
    return pick(candidates, item_asked(phrase), names, neutral, lambda lv: lv.value)


def other_basis(
    found: Sequence[Level], phrase: str, year: int, basis: str, kind: str, names: Sequence[str],
    neutral: Sequence[str],
) -> Level | None:  # fmt: skip
    """The earlier figure of the item asked, of the year asked but printed with another basis than the one asked
    ("2025年全年预算" asked, only "2025年年初预算数44021.20万元" printed): what a refusal names; None when the
    question names no basis or the text prints none other."""
    if not basis:
        return None
    other = [lv for lv in found if lv.year == year and not same_basis(basis, lv.basis, kind)]
    return pick(other, item_asked(phrase), names, neutral, lambda lv: lv.value)


def not_printed(level: Level, basis: str, names: Sequence[str]) -> str:
    """The refusal of a basis not printed, naming the one that is ("文件只印了2025年年初预算…，没有印全年预算")."""
    said = {"执行数": "预算执行数", "预算": "预算数"}.get(level.basis, level.basis)
    asked = {"执行数": "预算执行数"}.get(basis, basis)
    name = plain_subject(level.subject, names)
    return f"文件只印了{level.year}年{name}的{said} {fmt(level.value, level.unit)}，没有印{level.year}年的{asked}"


def drafted(level: Level, department: str, doc_year: int, names: Sequence[str]) -> Draft:
    """The answer: a printed level quoted, or a derived one with its calculation."""
    name = plain_subject(level.subject, names)
    said = {"执行数": "预算执行数", "年初预算": "年初预算", "预算": "预算"}.get(level.basis, level.basis)
    head = f"{level.year}年{department}{name}{'' if said in name else said}为"
    if level.compared:  # "较上年的40.11万元": the year is the document's 上年, said by the answer
        text = f"{head} {fmt(level.value, level.unit)}（{doc_year}年公开文件文字说明所列：“{level.printed}”）。\n出处：{level.where}"
        return Draft(text=text, value=level.value, unit=level.unit)
    if level.change is None:
        text = f"{department}{name}：{level.printed}（公开文件文字说明所列）。\n出处：{level.where}"
        return Draft(text=text, value=level.value, unit=level.unit)
    assert level.change.amount is not None and level.change.change is not None
    if not level.change.change:  # "22.91万元，比2022年预算持平": the same figure, in the document's own words
        said = f"{doc_year}年公开文件文字说明所列：“{level.change.printed}”"
        text = f"{head} {fmt(level.value, level.unit)}（{said}）。\n出处：{level.where}"
        return Draft(text=text, value=level.value, unit=level.unit)
    current = calc.Operand(value=level.change.amount, unit=level.unit, label=f"{doc_year}年", source=level.where)
    change = calc.Operand(value=level.change.change, unit=level.unit, label="增减", source=level.where)
    c = calc.prior_year(current, change)
    text = (
        f"{head} {fmt(c.value, c.unit)}（由{doc_year}年数额和文字说明所列增减推算）。\n"
        f"计算：{doc_year}年 {fmt(current.value, current.unit)} − 比{level.change.against}增减 "
        f"{fmt(change.value, change.unit)} = {fmt(c.value, c.unit)}\n出处：{level.where}"
    )
    return Draft(text=text, value=c.value, unit=c.unit, calculations=[c])
