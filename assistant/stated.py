"""Counts and shares the narrative states, read by grammar from its sentences, for a question the facts'
labels do not name: "部门本级内设机构25个", "共32个内设机构", "二级预算单位共4个", "接待人数共13人",
"项目支出预算16153.10万元，占本年支出预算36.57%".

A count answers a question that counts the same noun in the same unit (几个内设机构 ← 内设机构25个); a share
answers a question naming the same part and the same whole (项目支出占本年支出预算 ← 项目支出预算…占本年支出
预算). A count never answers an amount, nor an amount a count; two sentences that fit equally with different
figures answer nothing (the question does not say which). The cue words are data (assistant/stated.toml).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import alternation, longest_first
from assistant.knowledge import grams, norm
from assistant.narrative import coverage
from index.normal import ascii_digits
from index.numbers import format_amount

_NUM = r"\d[\d,]*(?:\.\d+)?"
_CJK = "\u4e00-\u9fff"
_MONEY = r"亿元|万元|元"
_MONEY_UNITS = ("亿元", "万元", "元")
_MARKER = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])")
_SHARE = re.compile(
    rf"(?P<amount>{_NUM})\s*(?:{_MONEY})\s*[，,]?\s*占(?P<whole>[{_CJK}“”]*?)(?:的)?(?:比例|比重)?(?:为|是)?\s*$"
)
# "一般公共预算财政拨款支出 307.82 万元，主要用于以下方面：…住房保障支出（类）29.42 万元，占 9.55%": a share printed
# with no whole is of the item the sentence opens with, when that item's parts follow it
_OPENS_PARTS = re.compile(rf"^(?P<whole>[^\d]*?)\s*{_NUM}\s*(?:{_MONEY})\s*[，,]\s*(?:主要用于|具体|包括|其中|构成)")


def _opening(before: str) -> str:
    """The item a sentence opens with, without the heading glued before it ("…支出决算结构情况一般公共预算财政拨款
    支出" → 一般公共预算财政拨款支出)."""
    run = _run_before(before)
    rest = re.sub(r"^.*(?:情况|说明)", "", run)
    return rest if len(rest) >= 2 else run


@cache
def cues() -> dict[str, Any]:
    """assistant/stated.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("stated.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True, kw_only=True)
class Stated:
    """One figure of a sentence with the words around it."""

    value: Decimal
    unit: str
    before: str  # the words right before the figure, its links dropped ("二级预算单位", "项目支出预算")
    after: str  # the words right after a count ("内设机构", "项目纳入绩效目标管理")
    whole: str | None  # what a share is of ("本年支出预算"); None for a count
    sentence: str
    where: str


@dataclass(frozen=True, kw_only=True)
class Asked:
    """What a question counts or takes a share of."""

    noun: str  # the counted noun, or the share's part ("内设机构", "项目支出")
    unit: str  # the count's unit, or "%"
    modifier: str  # what the question says of the noun ("纳入绩效目标管理" 的项目)
    whole: str | None  # a share's whole ("本年支出预算")


def _strip_links(text: str, at_end: bool) -> str:
    links = cues()["links"]
    changed = True
    while changed and text:
        changed = False
        for w in links:
            if at_end and text.endswith(w) and len(text) > len(w):
                text, changed = text[: -len(w)], True
            elif not at_end and text.startswith(w) and len(text) > len(w):
                text, changed = text[len(w) :], True
    return text


def _run_before(text: str) -> str:
    m = re.search(rf"[{_CJK}“”]+$", text)
    return m.group(0) if m else ""


def _run_after(text: str) -> str:
    m = re.match(rf"[{_CJK}]+", text)
    return m.group(0) if m else ""


def read(sentences: Sequence[tuple[str, str]]) -> list[Stated]:
    """Every count and every stated share of the sentences, in order."""
    units = alternation(cues()["count_units"])
    figure = re.compile(rf"(?<![\d.,])(?P<num>{_NUM})\s*(?P<unit>人次|{_MONEY}|{units}|%)")
    out: list[Stated] = []
    named: tuple[str, str] | None = None  # (where, name) the sentence before names: what 本项目 refers to
    for sentence, where in sentences:
        text = ascii_digits(sentence)
        referent = named[1] if named and named[0] == where else None
        named = (where, name) if (name := _named(text)) else None
        for m in figure.finditer(text):
            if m.group("unit") == "人次":
                continue
            head = text[: m.start()]
            value = Decimal(m.group("num").replace(",", ""))
            if m.group("unit") == "%":
                share = _SHARE.search(head)
                if not share:
                    continue
                part = re.sub(r"[（(][类款项]级?[)）]\s*$", "", head[: share.start()])  # "住房保障支出（类）"
                before = _strip_links(_run_before(part), at_end=True)
                whole = share.group("whole") or ((o := _OPENS_PARTS.match(text)) and _opening(o.group("whole")))
                if not whole:
                    continue
                out.append(
                    Stated(value=value, unit="%", before=before, after="", whole=whole,
                           sentence=sentence, where=where)
                )  # fmt: skip
                continue
            clause = re.split(r"[，,；;。：:]", head)[-1]
            if any(w in clause for w in cues()["change_words"]):
                continue  # "增加10300.15万元", "比2025年年初预算数44021.20万元": a change or the figure compared with
            before = _strip_links(_run_before(head), at_end=True)
            if m.group("unit") in _MONEY_UNITS:
                before = re.sub(r"^年度?", "", before)  # "2026 年度收入预算": the digits end the run
                anaphor = next((w for w in cues()["anaphors"] if before.startswith(w)), None)
                if anaphor and referent:  # "本项目计划安排年初预算…": the project the sentence before names
                    before = referent + before[len(anaphor) :]
            after = _run_after(text[m.end() :])
            out.append(
                Stated(value=value, unit=m.group("unit"), before=before, after=after, whole=None, sentence=sentence,
                       where=where)
            )  # fmt: skip
    return out


def _named(text: str) -> str | None:
    """The item a sentence opens by naming ("四环主路维修专项工程：根据…"), a heading run into it cut off."""
    m = re.match(rf"^[^：:。]*?([{_CJK}]+)[：:]", text)
    if not m:
        return None
    name = m.group(1)
    for end in cues()["heading_ends"]:
        if end in name:
            name = name.rsplit(end, 1)[1]
            break
    return name if len(name) >= 2 else None


def _clean(question: str, names: Sequence[str]) -> str:
    text = ascii_digits(question)
    for name in longest_first(names):
        text = text.replace(name, " ")
    text = re.sub(r"\d{4}\s*年度?|[（(]本级[)）]", " ", text)
    return re.sub(r"[“”\"]", "", text)


def asked_count(question: str, names: Sequence[str] = ()) -> Asked | None:
    """The noun and unit a question counts: "有多少个内设机构" → 内设机构 个; "二级预算单位有几个" → 二级预算单位 个
    (its modifier 纳入部门预算 when it says "纳入部门预算的二级预算单位"); "一共接待了多少人" → 接待 人."""
    text = _clean(question, names)
    units = alternation(cues()["count_units"])
    m = re.search(rf"(?:几|多少)(?P<unit>{units})(?P<noun>[{_CJK}]*)", text)
    if not m:
        return None
    noun = re.sub(r"(?:呢|吗|啊|呀)$", "", m.group("noun"))
    pre = _run_before(text[: m.start()])
    if noun:
        modifier = ""
    else:
        pre = _strip_links(pre, at_end=True)
        pieces = [p for p in re.split("|".join(cues()["links"]) + "|的", pre) if p]
        if not pieces:
            return None
        noun = pieces[-1]
        modifier = pre[: -len(noun)] if pre.endswith(f"的{noun}") else ""
    if modifier.endswith("的"):
        modifier = _run_before(modifier[:-1])
    return Asked(noun=noun, unit=m.group("unit"), modifier=modifier, whole=None)


def asked_share(question: str, names: Sequence[str] = ()) -> Asked | None:
    """The part and the whole of a share asked: "项目支出占本年支出预算的比例" → 项目支出, 本年支出预算."""
    text = _clean(question, names)
    m = re.search(rf"(?P<part>[{_CJK}]+)占(?P<whole>[{_CJK}]+?)(?:的)?(?:比例|比重|百分比|多少|百分之|份额|$)", text)
    if within := re.search(rf"(?P<whole>[{_CJK}]+?)(?:里面|当中|之中|中|里)[，,]\s*(?P<part>[{_CJK}]+?)占", text):
        m = within  # "A支出中，B占比": B's share of A
    if not m:
        return None
    return Asked(noun=m.group("part"), unit="%", modifier="", whole=m.group("whole"))


def asked_amount(question: str, names: Sequence[str] = ()) -> Asked | None:
    """The item whose amount a question asks: "部门收入预算一共安排了多少" → 收入预算 (the department's own scope
    word dropped); none for a question that counts or asks a share."""
    text = _clean(question, names)
    m = re.search(r"多少(?:钱|万元|亿元|元)?", text)
    if not m or asked_count(question, names) or re.search(r"占|比例|比重|百分", text):
        return None
    noun = _run_before(text[: m.start()])
    ends = [*cues()["links"], *cues()["amount_ends"]]
    changed = True
    while changed:
        changed = False
        for w in ends:
            if noun.endswith(w) and len(noun) > len(w):
                noun, changed = noun[: -len(w)], True
    for scope in cues()["scope_ends"]:
        noun = noun.removeprefix(scope) if noun != scope else noun
    return Asked(noun=noun, unit="万元", modifier="", whole=None) if len(noun) >= 2 else None


def best_amount(found: Sequence[Stated], a: Asked) -> Stated | None:
    """The stated amount of the item asked (its words before the figure are the item); none when two differ."""
    fits = [
        (coverage(a.noun, s.before)[1], s)
        for s in found
        if s.whole is None and s.unit in _MONEY_UNITS and _covers(a.noun, s.before)
    ]
    return _one(fits)


def _covers(phrase: str, subject: str) -> bool:
    """The subject is the phrase asked: it covers every bigram of it (but one of a long phrase) and at least
    half of the subject is asked (as narrative.best_change)."""
    asked, own = coverage(phrase, subject)
    q = len(set(grams(norm(phrase))))
    return q > 0 and asked * q >= q - (1 if q >= 4 else 0) and own >= 0.5


def _counted(s: Stated, a: Asked, question: str) -> bool:
    """The count's noun is the noun asked: the words before it end with it (what precedes it is a scope,
    a modifier joined by 的, or words of the question), or the words after it begin with it."""
    scopes, links = cues()["scope_ends"], cues()["links"]
    before = s.before
    if a.unit == "人":
        for suffix in cues()["person_suffixes"]:
            before = before.removesuffix(suffix) if before != suffix else before
    if before.endswith(a.noun):
        prefix = before[: -len(a.noun)]
        if not prefix or prefix.endswith(("的", *scopes, *links)) or all(ch in question for ch in prefix):
            return True
    after = s.after
    for scope in scopes:
        after = after.removeprefix(scope) if after != scope else after
    return s.after.startswith(a.noun) or after.startswith(a.noun)


def _modified(s: Stated, a: Asked) -> float:
    """How much of what the question says of the noun its sentence says (1 when it says nothing)."""
    if not a.modifier:
        return 1.0
    wanted = set(grams(norm(a.modifier)))
    said = set(grams(norm(s.sentence + s.where)))
    return len(wanted & said) / len(wanted) if wanted else 1.0


def best_count(found: Sequence[Stated], a: Asked, question: str) -> Stated | None:
    """The stated count of the noun asked, in the unit asked; none when two fit equally with different counts."""
    fits = [
        (_modified(s, a), s)
        for s in found
        if s.whole is None and s.unit == a.unit and _counted(s, a, question) and _modified(s, a) >= 0.6
    ]
    return _one(fits)


def best_share(found: Sequence[Stated], a: Asked, names: Sequence[str] = ()) -> Stated | None:
    """The stated share of the part asked in the whole asked; none when two fit with different figures."""
    fits = [
        (coverage(a.noun, s.before)[1] + coverage(a.whole or "", s.whole or "")[1], s)
        for s in found
        if s.whole is not None and _covers(a.noun, s.before) and _covers(a.whole or "", s.whole)
    ]
    return _one(fits)


def _one(fits: list[tuple[float, Stated]]) -> Stated | None:
    if not fits:
        return None
    top = max(score for score, _ in fits)
    best = [s for score, s in fits if top - score < 1e-9]
    if len({(s.value, s.unit) for s in best}) > 1:
        return None
    return best[0]


def stated(question: str, share: bool, sentences: Sequence[tuple[str, str]], names: Sequence[str]) -> Stated | None:
    """The count (or, `share` asked, the share) the narrative states for what the question asks."""
    found = read(sentences)
    if share:
        a = asked_share(question, names)
        return best_share(found, a, names) if a else None
    a = asked_count(question, names)
    if a:
        return best_count(found, a, _clean(question, names))
    amount = asked_amount(question, names)
    return best_amount(found, amount) if amount else None


def said(s: Stated, question: str, names: Sequence[str]) -> str:
    """The stated figure as the answer says it: "项目支出预算占本年支出预算的 36.57%"; a count with the clause
    that states it: "内设机构 25 个（原文：“部门本级内设机构25个”）"."""
    if s.whole is not None:
        return f"{s.before}占{s.whole}的 {s.value}%（公开文件文字说明所列）"
    a = asked_count(question, names)
    noun = a.noun if a else s.before
    if s.unit in _MONEY_UNITS:
        noun, said_value = s.before, f"为 {format_amount(s.value)} {s.unit}".removeprefix(" ")
    else:
        said_value = f"{s.value} {s.unit}"
    text = ascii_digits(s.sentence)
    clause = next(
        (
            c
            for c in re.split(r"[，,；;：:。]", text)
            if re.search(rf"(?<![\d.]){re.escape(str(s.value))}\s*{s.unit}", c)
        ),
        "",
    )
    quoted = f"（文字说明原文：“{_MARKER.sub('', clause.strip())}”）" if clause else "（公开文件文字说明所列）"
    return f"{noun}{'' if said_value.startswith('为') else ' '}{said_value}{quoted}{listing(question, text, s.value, s.unit)}"


def listing(question: str, sentence: str, value: Decimal, unit: str) -> str:
    """ "，分别是：A、B、C" when the question asks which ones a count counts and the sentence prints their names."""
    names = listed(sentence, value, unit) if any(w in question for w in cues()["which"]) else []
    return f"{_LISTED}{'、'.join(names)}" if names else ""


_LISTED = "，分别是："  # how an answer lists the names a count counts


def lists_names(text: str) -> bool:
    """Whether an answer's text lists the names a count counts ("…5 个，分别是：院长室、办公室…")."""
    return bool(re.search(rf"{_LISTED}[^。\n]+、", text))


def listed(sentence: str, value: Decimal, unit: str) -> list[str]:
    """The names a sentence prints after a count ("设5个内设机构，包括：院长室、办公室、财务室、后勤部、护理部"),
    when they are as many as the count; [] otherwise."""
    at = re.search(rf"(?<![\d.]){re.escape(str(value))}\s*{unit}", sentence)
    if at is None or unit in _MONEY_UNITS or value != value.to_integral_value():
        return []
    opens = "|".join(map(re.escape, sorted(cues()["list_opens"], key=len, reverse=True)))
    m = re.search(rf"(?:{opens})[：:]?(?P<names>[^。；;：:]+)", sentence[at.end() :])
    if m is None:
        return []
    names = [n.strip(" ，,") for n in re.split(r"[、，,]|以及|和|及", m.group("names")) if n.strip(" ，,")]
    fits = all(2 <= len(n) <= 20 and not re.search(r"\d", n) for n in names)
    return names if fits and len(names) == int(value) else []
