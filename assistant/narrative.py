"""Year-on-year changes the narrative prints ("收入预算 2796.14 万元，比上年增加 129.07 万元，增长 4.84%"),
read by grammar from the disclosure's sentences: the subject before the amount, the comparison
(比上年 / 较2025年年初预算 / 与上年相比), the change and, when printed, its rate.

The prose facts keep only a window of each figure and may bind a change to the words before it
("比上年增加"); the sentence names what changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from assistant.knowledge import grams, norm
from index.normal import squeeze_cjk
from index.records import Chunk

_NUM = r"\d[\d,]*(?:\.\d+)?"
CLAUSE = re.compile(
    rf"(?:(?P<amount>{_NUM})\s*(?P<unit>亿元|万元|元)\s*[，,]?\s*)?"  # "收入比2025年减少…": no amount printed
    r"(?:比|较|与)\s*(?P<ref>上年|上一年|\d{4}\s*年)(?P<aside>[^，。；\d]{0,20}?)"
    rf"(?:的?\s*{_NUM}\s*(?:亿元|万元|元))?\s*(?:相比)?\s*[，,]?\s*(?:收、支预算总计各|各)?\s*"
    rf"(?P<verb>增加|减少|增长|下降|多|少)了?\s*(?P<change>{_NUM})\s*(?P<cunit>亿元|万元|元|%)"
    rf"(?:\s*[，,]\s*(?P<rverb>增长|下降|减少|增加|增幅|降幅)(?:了|为)?\s*(?P<rate>{_NUM})\s*%)?"
)
LEAD = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|其中[:：]?|\d{4}\s*年度?|本部门|本单位|本级|当年|全年|部门|单位)+"
)
TRAIL = re.compile(r"(?:为|是|共|共计|安排|预算数为|达到)$")
DOWN = frozenset({"减少", "下降", "少", "降幅"})


@dataclass(frozen=True, kw_only=True)
class Change:
    """One printed change: what changed, its amount this year, the change and (if printed) the rate."""

    subject: str
    amount: Decimal | None  # None when the sentence prints only the change ("收入比2025年减少246429.22万元")
    unit: str
    change: Decimal | None  # signed, in `change_unit`; None when only a rate is printed
    change_unit: str
    rate: Decimal | None  # signed %
    sentence: str
    where: str
    against: str  # as printed: 上年 / 2025年 年初预算


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def sentences(chunks: Sequence[Chunk]) -> list[tuple[str, str]]:
    """The prose chunks' sentences, each with where it is (a sentence broken over lines is joined)."""
    out: list[tuple[str, str]] = []
    for c in chunks:
        if c.metadata.get("kind") != "prose":
            continue
        head, _, body = c.text.partition("\n")
        text = squeeze_cjk(body.replace("\n", ""))
        out.extend((sentence, head) for sentence in re.split(r"(?<=。)", text) if sentence.strip())
    return out


def changes(chunks: Sequence[Chunk]) -> list[Change]:
    """Every printed change of the prose chunks, in order."""
    return [c for sentence, where in sentences(chunks) for c in _clauses(sentence, where)]


def _clauses(sentence: str, where: str) -> list[Change]:
    out: list[Change] = []
    for m in CLAUSE.finditer(sentence):
        before = re.split(r"[，。；：:;,]", sentence[: m.start()])[-1]
        if not before.strip() and out == [] and m.start() > 0:  # "收入、支出预算总计…，与上年相比…各增加"
            before = ""
        subject = TRAIL.sub("", LEAD.sub("", before.strip())).strip()
        subject = subject.replace("收入、支出", "收支")
        if len(subject) < 2:
            continue
        sign = -1 if m.group("verb") in DOWN else 1
        is_rate = m.group("cunit") == "%"
        rate = _number(m.group("rate")) * (-1 if m.group("rverb") in DOWN else 1) if m.group("rate") else None
        out.append(
            Change(
                subject=subject,
                amount=_number(m.group("amount")) if m.group("amount") else None,
                unit=m.group("unit") or m.group("cunit"),
                change=None if is_rate else sign * _number(m.group("change")),
                change_unit=(m.group("unit") or "") if is_rate else m.group("cunit"),
                rate=sign * _number(m.group("change")) if is_rate else rate,
                sentence=sentence.strip(),
                where=where,
                against=f"{m.group('ref')}{m.group('aside') or ''}".strip(),
            )
        )
    return out


def plain_subject(subject: str, names: Sequence[str] = ()) -> str:
    """A change's subject without the department's name, the year and 本级: what changed."""
    for name in sorted(names, key=len, reverse=True):  # "福州市公安局治安管理支队收入预算": 收入预算
        subject = subject.replace(name, "")
    return re.sub(r"\d{4}\s*年度?|[（(]本级[)）]", "", subject).strip() or subject


def coverage(phrase: str, subject: str) -> tuple[float, float]:
    """How much of the asked phrase the subject covers, and how much of the subject the phrase covers
    (character bigrams)."""
    q, s = set(grams(norm(phrase))), set(grams(norm(subject)))
    if not q or not s:
        return 0.0, 0.0
    shared = len(q & s)
    return shared / len(q), shared / len(s)


def best_change(
    found: Sequence[Change], phrase: str, want_rate: bool, names: Sequence[str] = (), neutral: Sequence[str] = ()
) -> Change | None:
    """The printed change whose subject is the phrase asked: it covers the whole phrase (every bigram of
    it but one) and at least half of the subject is asked; of two equally good with different figures,
    none (the question does not say which). When no subject fits, the words that name no item by themselves
    (`neutral`: 预算, 经费 …) are dropped from both: "收入预算比2025年少了多少" asks the 收入 the sentence compares."""
    candidates = [c for c in found if (c.rate if want_rate else c.change) is not None]
    scored = _fits(candidates, phrase, names, ())
    if not scored and neutral:
        scored = _fits(candidates, phrase, names, [w for w in neutral if len(w) >= 2])
    if not scored:
        return None
    scored.sort(key=lambda t: -t[0])
    top, best = scored[0]
    value = best.rate if want_rate else best.change
    if any(top - s < 1e-9 and (c.rate if want_rate else c.change) != value for s, c in scored[1:]):
        return None
    return best


def _without(text: str, words: Sequence[str]) -> str:
    for w in sorted(words, key=len, reverse=True):
        text = text.replace(w, " ")
    return text


def _fits(
    found: Sequence[Change], phrase: str, names: Sequence[str], neutral: Sequence[str]
) -> list[tuple[float, Change]]:
    phrase = _without(phrase, neutral)
    q = len(set(grams(norm(phrase))))
    if q == 0:
        return []
    scored = []
    for c in found:
        asked, own = coverage(phrase, _without(plain_subject(c.subject, names), neutral))
        if asked * q >= q - (1 if q >= 4 else 0) and own >= 0.5:
            scored.append((asked + own, c))
    return scored


# What a change is measured against ("比2025年年初预算", "较上年", "与去年同期相比"): the base, not the item.
AGAINST = re.compile(r"(?:比|较|与)\s*(?:上年|上一年|去年|\d{4}\s*年)(?:年初预算数?|年初|预算数?|同期)?(?:相比)?")
ASKED_OFF = re.compile(
    AGAINST.pattern + r"|(?:增加|减少|增长|下降|多|少|涨|降)了?(?:百分之多少|百分之几|多少百分比|多少%|多少钱|多少)?"
    r"|的?(?:比例|百分比|幅度|增幅|降幅)|的"
)


def asked(question: str) -> str:
    """The question without its comparison ("比2025年年初预算") and change words: what changed."""
    return ASKED_OFF.sub(" ", squeeze_cjk(question))
