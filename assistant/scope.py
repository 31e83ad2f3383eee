"""The accounts a question asks of a department — its own office (本级), the department with its units (汇总),
or its units alone (所属) — checked against the documents an answer's figures come from (words in scope.toml).

"深圳市财政局汇总的支出" answered from 深圳市财政局（本级）'s document, or "人社局本级的收入" from the 部门预算
that adds all the bureau's units, is another department's figure in all but name: refused, naming the accounts.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from assistant import calculator as calc
from assistant.cues import alternation, longest_first
from assistant.departments import _in_order, name_parts, spell_out
from assistant.units import is_unit
from index.normal import form_key
from index.records import DocumentInfo, Fact

OFFICE, WHOLE, UNITS = "本级", "汇总", "所属"


@cache
def _data() -> dict[str, Any]:
    return dict(tomllib.loads(files("assistant").joinpath("scope.toml").read_text(encoding="utf-8")))


@cache
def _patterns() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]], re.Pattern[str]]:
    """(the words of any accounts, each scope's word after a body's name — 汇总, 机关 — with what may not follow
    it, what makes a 所属 word ask about the units)."""
    data = _data()
    words = [w for scope in data["asked"].values() for w in scope["words"]]
    g = data["grammar"]
    after = {
        scope: re.compile(
            rf"(?:{alternation(g['name_ends'])})(?:{alternation(v['after_name'])})(?!{alternation(v['not_after'])})"
        )
        for scope, v in data["asked"].items()
        if v.get("after_name")
    }
    units = re.compile(rf"^\s*(?:的)?(?:{alternation(g['units_after'])})")
    return re.compile(alternation(words)), after, units


def said(question: str, units_asked: bool = True) -> list[tuple[str, int]]:
    """Each naming of accounts in the (squeezed) question: (本级 / 汇总 / 所属, where its word starts). With
    `units_asked` False (a count of something else: "所属单位共有多少辆车") a 所属 word is always the accounts."""
    data = _data()
    text = form_key(question)
    for word in longest_first(data["grammar"]["not_scope"]):
        text = text.replace(word, " " * len(word))
    words, after, units = _patterns()
    found: list[tuple[str, int]] = []
    for m in words.finditer(text):
        scope = next(s for s, v in data["asked"].items() if form_key(m.group(0)) in map(form_key, v["words"]))
        if scope == OFFICE and set_aside_before(text[: m.start()]):
            continue  # "扣除局本级以后": the office is the part taken out, not the accounts asked
        if scope == UNITS and units_asked and (units.match(text[m.end() :]) or counted_before(text[: m.start()])):
            continue  # "下属单位里哪个最多", "所属单位有几个", "下属几个二级预算单位": the units themselves are asked about
        found.append((scope, m.start()))
    blanked = words.sub(lambda m: " " * len(m.group(0)), text)
    found += [(scope, m.end() - 2) for scope, p in after.items() for m in p.finditer(blanked)]
    return found


def office_pattern() -> str:
    """What names the office alone after a department's name: a body's last word (局), then a 本级 word or 机关,
    then at most 本身 ("局机关本身", "本级")."""
    data = _data()
    office = data["asked"][OFFICE]
    words = alternation([*office["words"], *office["after_name"]])
    return rf"(?:{alternation(data['grammar']['name_ends'])})?(?:{words})+(?:本身|自身)?"


def set_aside_before(text: str) -> bool:
    """Whether `text` ends with a verb setting a part aside, then at most a body's name ("扣除局", "除了人社局")."""
    g = _data()["grammar"]
    body = rf"[^\s，。？?！!,；;的]{{0,10}}?(?:{alternation(g['name_ends'])})"
    return bool(re.search(rf"(?:{alternation(g['set_aside'])})(?:{body})?\s*$", text))


def counted_before(text: str) -> bool:
    """Whether `text` ends with a count frame ("下属几个", "有多少家"): the 所属 word after it is what is counted."""
    return bool(re.search(rf"(?:几|多少)(?:{alternation(_data()['grammar']['units_counted'])})\s*$", text))


def asked(question: str) -> set[str]:
    """The accounts the question names: {"本级"}, {"汇总"}, {"所属"}, several, or none."""
    return {scope for scope, _ in said(question)}


def _bound(question: str, docs: list[DocumentInfo]) -> dict[str, set[str]]:
    """The accounts asked of each document's department: a word written right after a department's name
    ("深圳市财政局（本级）和人社局…": 本级 of 深圳市财政局 only) binds to it; one after no name, to every one."""
    question = spell_out(question, {d.department: (d.department, *d.aliases) for d in docs})  # 无锡交通局本级
    text = form_key(question)
    bound: dict[str, set[str]] = {d.doc_id: set() for d in docs}
    for scope, at in said(question):
        before = text[:at].removesuffix("的")
        fits = {d.doc_id: max((len(n) for n in _names(d) if before.endswith(form_key(n))), default=0) for d in docs}
        named = [d for d in docs if fits[d.doc_id] and fits[d.doc_id] == max(fits.values())]  # the longest name
        named = named or _shortened(before, docs)
        for d in named or docs:
            bound[d.doc_id].add(scope)
    return bound


def _names(doc: DocumentInfo) -> tuple[str, ...]:
    """A department's names, and the core of its name a shorter naming is spelled out as (交通运输局)."""
    parts = name_parts(doc.department)
    return (doc.department, *doc.aliases, *((parts.core,) if parts else ()))


def _shortened(before: str, docs: list[DocumentInfo]) -> list[DocumentInfo]:
    """The one document whose department the name written last before an accounts word shortens, its characters
    in order ("无锡交通局本级": 无锡市交通运输局), or none: a name that two departments could shorten binds to none."""
    separators = alternation(_data()["grammar"]["name_separators"])
    name = re.split(separators, before)[-1]
    if len(name) < 2 or not re.search(rf"(?:{alternation(_data()['grammar']['name_ends'])})$", name):
        return []
    fulls = {d.doc_id: re.sub(r"[（(](?:本级|汇总)[）)]$", "", form_key(d.department)) for d in docs}
    fits = [d for d in docs if fulls[d.doc_id].startswith(name[0]) and _in_order(name, fulls[d.doc_id])]
    return fits if len(fits) == 1 else []


def _serves(doc: DocumentInfo, scope: str) -> bool:
    """Whether a document's figures are the department's `scope` accounts."""
    if scope == OFFICE:
        return doc.scope == OFFICE or (doc.level == "单位" and doc.scope != WHOLE)
    if scope == WHOLE:
        return doc.scope == WHOLE or (doc.scope is None and doc.level == "部门")
    return False  # 所属: no document prints its units' accounts without the office as the department's figure


def _said_in_place(fact: Fact, scope: str) -> bool:
    """A figure whose own words name the accounts: a sentence of the text ("局本级三公经费 12.00 万元"), or the row
    of a table ("深圳市水务局（本级）" in a 汇总 document's table of its units)."""
    words = _data()["asked"][scope]["words"]
    if fact.table is not None:
        return any(w in fact.row for w in words)
    sentence = fact.source.partition("「")[2]
    return any(w in sentence for w in words)


def mismatch(question: str, facts: Sequence[Fact], docs: Mapping[str, DocumentInfo]) -> str | None:
    """Why figures read from `facts` are not the accounts the question asks of their department, or None.
    Counts carry their own accounts in their sentence ("部门本级内设机构25个"), a unit's own row is the unit's."""
    money = [f for f in facts if f.unit in calc.MONEY and f.doc_id in docs]
    if not money or not said(question):
        return None
    bound = _bound(question, [docs[d] for d in dict.fromkeys(f.doc_id for f in money)])
    for f in money:
        doc = docs[f.doc_id]
        if is_unit(f.row, doc):
            continue
        for scope in bound[f.doc_id]:
            if _serves(doc, scope) or _said_in_place(f, scope):
                continue
            return _refusal(doc, scope)
    return None


def count_mismatch(question: str, doc: DocumentInfo, sentences: Sequence[str], units: bool) -> str | None:
    """Why counts printed in `sentences` of `doc` are not the accounts the question asks, or None: a sentence that
    names its accounts ("所属各预算单位共有车辆43辆", "部门本级内设机构25个") answers only those; one that names
    none answers as its document ("重庆市水利局本级有几辆车" ← a 部门预算's count of all its units: refused).
    `units`: the count is of units ("所属单位有几个"), so a 所属 word before it names no accounts."""
    data = _data()["asked"]
    for scope in {s for s, _ in said(question, units)}:
        for sentence in sentences:
            named = {s for s, v in data.items() if any(w in sentence for w in v["words"])}
            if scope in named or (not named and _serves(doc, scope)):
                continue
            return _refusal(doc, scope)
    return None


def _refusal(doc: DocumentInfo, scope: str) -> str:
    name = re.sub(r"[（(](?:本级|汇总)[）)]$", "", doc.department)
    held = "本级（不含所属单位）" if doc.scope == OFFICE or doc.level == "单位" else "汇总（含所属单位，未单列本级）"
    asked_as = {OFFICE: "本级", WHOLE: "汇总（含所属单位）", UNITS: "所属单位"}[scope]
    return (
        f"问题问的是{name}{asked_as}的数，库中{doc.title}的数是{held}的，口径不同，不能代替；"
        f"请改问{held.split('（')[0]}的数，或导入{asked_as}口径的公开文件"
    )
