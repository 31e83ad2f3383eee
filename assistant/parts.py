"""A part is never answered with its whole: when a question names a part of the subject whose figure the answer
read ("政府采购预算中货物多少" — the text prints "政府采购预算5.8万元，其中：政府采购货物预算3.8万元"), the answer is
the part's own figure, printed as a part of that whole, or a refusal; and a performance target's value (绩效目标表
目标值) never answers the amount of a 收入/支出 item.

A part of a figure is what the document prints as one: a clause of the text listed under it (its `parent`), or a
row of the same table and column whose 科目 code is under the whole's. The words that say a question asks an
amount of money, and those that ask a target, are data (assistant/parts.toml)."""

from __future__ import annotations

import re
import tomllib
from difflib import SequenceMatcher
from functools import cache
from importlib.resources import files
from typing import Any

from assistant import calculator as calc
from assistant.complete import part_suffixes
from assistant.cues import longest_first
from assistant.draft import Draft, Unanswerable, fmt, operand, sources
from assistant.knowledge import Knowledge, Target, norm
from assistant.standing import without_inclusions
from assistant.tokens import glossary_data
from index.records import Fact

_CHANGE = re.compile(r"增减|增长|减少|增加")  # a change's column ("比2025年增减"), said as the text says it


@cache
def _data() -> dict[str, Any]:
    return dict(tomllib.loads(files("assistant").joinpath("parts.toml").read_text(encoding="utf-8")))


_UNIT_ASKED = re.compile(r"多少(亿元|万元|元)|几(亿元|万元)")


def unit_asked(question: str) -> str | None:
    """The money unit a question asks its amount in ("是多少亿元？"), or None."""
    m = _UNIT_ASKED.search(question)
    return next((u for u in m.groups() if u), None) if m else None


def target_asked(question: str, target: Target) -> str | None:
    """None when a target's value may answer `question`; else the money word the question asks an amount of
    (收入, 支出, 拨款 …) that the target's own names do not hold ("财政拨款收入…其中政府性基金呢" is no 目标值 of
    "政府性基金预算"), unless the question asks a target (目标, 指标)."""
    data = _data()
    if any(w in question for w in data["target_words"]):
        return None
    names = f"{target.level1}{target.level2}{target.level3}"
    return next((w for w in data["money_items"] if w in question and w not in names), None)


def rate_unasked(question: str, target: Target) -> bool:
    """A target printed per something ("≤450元/人/天") asked by a question asking no rate ("培训费是多少")."""
    return "/" in (target.unit or "") and not any(w in question for w in _data()["rate_words"])


def printed_parts(whole: Fact, facts: list[Fact], subject: str = "") -> list[Fact]:
    """What the document prints as parts of `whole`: the text's clauses listed under it (parent named as the whole's
    row or `subject`) and, in a table, rows of the same column whose 科目 code is under the whole's."""
    names = {norm(n) for n in (whole.row, subject) if n}
    out = []
    for f in facts:
        if f is whole or f.doc_id != whole.doc_id or f.unit != whole.unit:
            continue
        listed = not f.table and f.parent is not None and norm(f.parent) in names
        coded = (
            bool(f.table and f.table == whole.table and f.column == whole.column and whole.code and f.code)
            and f.code != whole.code
            and (f.code or "").startswith(whole.code or "")
        )
        if listed or coded:
            out.append(f)
    return out


def part_word(part: Fact, whole: Fact, subject: str = "") -> str:
    """The words a part's name adds to its whole's ("政府采购货物" of 政府采购 → 货物); its whole name otherwise."""
    row = norm(part.row)
    for name in longest_first({norm(whole.row), norm(subject)} - {""}):
        if row.startswith(name) and len(row) > len(name):
            return row[len(name) :]
    bare = row  # "政府性基金拨款收入" → 政府性基金: the words a part's printed name adds (cues.toml part_suffixes)
    while stripped := next(
        (bare[: -len(w)] for w in part_suffixes() if bare.endswith(w) and len(bare) > len(w) + 1), ""
    ):
        bare = stripped
    return bare


def _shared(names: list[str]) -> int:
    """How many characters all `names` begin with."""
    return next((i for i, chars in enumerate(zip(*names, strict=False)) if len(set(chars)) > 1), min(map(len, names)))


def sibling_word(part: Fact, parts: list[Fact]) -> str:
    """The words that set a part apart from the other parts listed with it: its name without what all their names
    begin and end with ("拟采购服务支出" among 拟采购货物支出, 拟采购工程支出 → 服务); "" with no other part."""
    names = list(dict.fromkeys(norm(p.row) for p in parts))
    if len(names) < 2:
        return ""
    head = _shared(names)
    tail = _shared([n[::-1] for n in names])
    row = norm(part.row)
    return row[head : len(row) - tail] if head + tail < len(row) else ""


def prints_whole(f: Fact) -> bool:
    """Whether `f` is read where an item's whole is printed: the text, or a table of all spending (parts.toml
    `whole_table_kinds`)."""
    return f.table is None or f.table_kind in _data()["whole_table_kinds"]


def of_unasked_part_table(facts: list[Fact], question: str) -> list[Fact]:
    """The figures of `facts` that are no row of a part's table (基本支出表) when `question` names no part and the
    item's whole is printed (the text, or a table of all spending: parts.toml); `facts` otherwise."""
    data = _data()
    if any(w in question for w in data["part_words"]):
        return facts
    if not any(prints_whole(f) for f in facts):
        return facts
    return [f for f in facts if f.table_kind not in data["part_table_kinds"]]


def implied_by(column: str, name: str) -> bool:
    """Whether every template defines the item `name` as a part of the column's whole `column` (人员经费 of 基本支出):
    "基本支出里人员经费" asks the 人员经费 itself (parts.toml `implied_by`, names matched whole)."""
    return norm(name) in {norm(n) for n in _data()["implied_by"].get(column, [])}


def named_in(column: str, name: str) -> bool:
    """Whether an item's own name says it is the column asked, in full or short ("委托业务费涉及财拨资金" for
    财政拨款; parts.toml `named_in`)."""
    return any(w in name for w in _data()["named_in"].get(column, []))


def of_part_tables(facts: list[Fact], question: str) -> bool:
    """Whether `facts` are all rows of a part's table (基本支出表) and `question` names no part."""
    data = _data()
    if not facts or any(w in question for w in data["part_words"]):
        return False
    return all(f.table_kind in data["part_table_kinds"] for f in facts)


def qualified_wholes(facts: list[Fact], question: str, doc_facts: list[Fact], name: str) -> list[Fact]:
    """The text's figures of the item `name` said with only its fund or total after it ("委托业务费财政拨款预算为
    349万元") when `facts` are all rows of a part's table (基本支出表) and `question` names no part: the item's whole,
    which `of_unasked_part_table` then answers before the part; [] otherwise."""
    if not of_part_tables(facts, question):
        return []
    key, words = norm(name), longest_first(_data()["whole_qualifiers"])
    out = []
    for f in doc_facts:
        row = norm(f.row)
        if f.table or not row.startswith(key) or row == key:
            continue
        rest = row[len(key) :]
        for w in words:
            rest = rest.replace(w, "")
        if not rest:
            out.append(f)
    return out


def under_unasked_part(f: Fact, facts: list[Fact], question: str) -> bool:
    """A prose figure listed under a whole that is itself listed as a part, when the question names none of the
    words that whole adds to the figure's name: "其中一般公共预算拨款政府采购 11307.34 万元：…政府采购服务预算
    8364.59 万元" holds a narrower 政府采购服务 than "政府采购服务预算多少" asks (8941.32, under the total)."""
    if f.table or not f.parent:
        return False
    above = next((g for g in facts if g.table is None and g.doc_id == f.doc_id and norm(g.row) == norm(f.parent)), None)
    if above is None or not above.parent:
        return False
    whole, row = norm(f.parent), norm(f.row)
    m = SequenceMatcher(None, whole, row, autojunk=False).find_longest_match(0, len(whole), 0, len(row))
    adds = whole[: m.a] + " " + whole[m.a + m.size :] if m.size >= 2 else whole
    for word in longest_first(glossary_data()["item_neutral"]):
        adds = adds.replace(word, " ")
    pieces = [w for w in adds.split() if len(w) >= 2]
    return bool(pieces) and not any(w in norm(question) for w in pieces)


def named_parts(question: str, whole: Fact, parts: list[Fact], subject: str = "") -> list[Fact]:
    """The parts `question` names that the whole's own name does not hold, one printing each: by the words a part's
    name adds to the whole's, or by those that set it apart from the parts listed with it."""
    asked, own = norm(question), norm(f"{whole.row}{subject}")
    found: dict[str, Fact] = {}
    for p in parts:
        for word in (part_word(p, whole, subject), sibling_word(p, parts)):
            if len(word) >= 2 and word in asked and word not in own:
                found.setdefault(word, p)
                break
    return [p for w, p in found.items() if not any(w != o and w in o for o in found)]  # the longest name only


def _in_column(part: Fact, whole: Fact, facts: list[Fact]) -> Fact | None:
    """The part's figure in the whole's column: itself, or the same row in the same place (the text's section, or
    the table) printed under that column ("基本支出 … 比2025年增加2943.64万元" beside its 金额); None when not printed."""
    if part.column == whole.column:
        return part
    place = part.table or part.source.split(" · 「")[0]
    return next(
        (
            g for g in facts
            if g.row == part.row and g.column == whole.column and g.unit == whole.unit
            and (g.table or g.source.split(" · 「")[0]) == place
        ),
        None,
    )  # fmt: skip


def _said(name: str, f: Fact) -> str:
    """ "基本支出为 33,325.21 万元", or for a change's column "基本支出比2025年增加 2,943.64 万元"."""
    if not _CHANGE.search(f.column):
        return f"{name}为 {fmt(f.value, f.unit)}"
    way = "增加" if f.value >= 0 else "减少"
    return f"{name}{_CHANGE.sub('', f.column)}{way} {fmt(abs(f.value), f.unit)}"


_WHOLE_COLUMN = re.compile(r"合计|总计|小计|预算数|决算数|金额|执行数|^\d{4}年")


def _in(name: str, f: Fact) -> str:
    """A row's name with the column its figure is read in, when that column is one part of the row ("行政运行的基本
    支出"), never its total or bare measure ("行政运行" for 合计 · 预算数 · 金额)."""
    if _CHANGE.search(f.column) or _WHOLE_COLUMN.search(f.column) or f.column_role in ("合计", "支出总计", "收入总计"):
        return name
    return f"{name}的{f.column}"


def _deepest(parts: list[Fact]) -> list[Fact]:
    """The one part at the end of a path the parts named form ("公路水路运输（款）行政运行（项）": 2140101 under 21401),
    the names above it only saying where it lies; the parts as they are when they form no such path."""
    if len(parts) < 2 or not all(p.code and p.code.isdigit() for p in parts):
        return parts
    heads = {p.code for p in parts if any(q.code != p.code and (q.code or "").startswith(p.code or "") for q in parts)}
    leaves = [p for p in parts if p.code not in heads]
    if len(leaves) == 1 and heads and all((leaves[0].code or "").startswith(h or "") for h in heads):
        return leaves
    return parts


def asked_part(question: str, draft: Draft, kb: Knowledge, scope: str) -> Draft:
    """`draft`, or, when it shows one whole figure and `question` names a part the document prints of it, the
    part's own figure with the whole beside it (and, asked 占多少, the part's share of the whole)."""
    money = [f for f in draft.facts if f.unit in calc.MONEY]
    if not money:
        return draft
    whole = money[0]
    subject = kb.subject_of(whole)
    printed = printed_parts(whole, kb.facts_by_doc.get(whole.doc_id, []), subject)
    # "财政拨款收入多少（含政府性基金）": what a total is said to include widens it, it names no part asked
    parts = named_parts(without_inclusions(question), whole, printed, subject)
    if not parts:
        return draft
    parts = _deepest(parts)
    if len(parts) > 1:
        listed = "、".join(f"{p.row} {fmt(p.value, p.unit)}" for p in parts)
        raise Unanswerable(f"问题问的是{whole.row}中的几部分（{listed}），请一次问一项")
    facts = kb.facts_by_doc.get(whole.doc_id, [])
    part = _in_column(parts[0], whole, facts)
    name = subject if subject and not whole.row.startswith(subject) else whole.row
    if part is None:  # the part's amount is printed, not its figure in the whole's column (a change): no stand-in
        raise Unanswerable(f"公开文件没有列出{parts[0].row}的“{whole.column}”，没有用{name}的数字充当其中一部分")
    text = f"{scope}{_said(_in(part.row, part), part)}。\n（{part.row}是{name}的一部分；{_said(_in(name, whole), whole)}。）"
    calculations = []
    if any(w in question for w in _data()["share_words"]) and whole.value:
        c = calc.share(operand(part), operand(whole))
        calculations.append(c)
        text += f"\n占{name}的 {fmt(c.value, c.unit)}。\n计算：{c.expression}"
    value, unit = part.value, part.unit
    if (asked := unit_asked(question)) and part.unit in calc.MONEY and asked != part.unit and not calculations:
        c = calc.in_unit(operand(part), asked)  # "服务类多少元？": the part in the unit asked
        calculations.append(c)
        value, unit = c.value, c.unit
        text = text.replace(
            f"{_said(_in(part.row, part), part)}。", f"{_in(part.row, part)}为 {fmt(c.value, c.unit)}。", 1
        )
        text += f"\n换算：{fmt(part.value, part.unit)} = {fmt(c.value, c.unit)}"
    text += f"\n出处：{sources(part, whole)}"
    return Draft(
        text=text, value=value, unit=unit, calculations=calculations, facts=[part, whole],
        doc_id=draft.doc_id or part.doc_id,
    )  # fmt: skip
