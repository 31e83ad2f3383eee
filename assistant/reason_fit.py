"""Readings of printed reasons that the plain match of the words asked misses (assistant/reason.py).

- A fund written before an item qualifies it ("一般公共预算会议费预算支出" is the 会议费), and a clause that
  shortens its paragraph's heading ("（一）机关运行经费。…运行经费2115.63万元…") is of the heading's item.
- A question naming the 款 of a 项 whose reason alone is printed ("宣传事务经费" for 宣传事务（款）一般行政管理
  事务（项）) is about that 项.
- A change printed with its comparison first ("与2023年度相比，收入支出总计增加307.82万元") opens the item whose
  reason the next sentence may give ("主要原因：单位于2024年成立").
- Several items whose printed change and reason are the same ("收入预算…增加148.16万元…主要原因是人员增加" and
  "支出预算…" in the same words) are one answer, not a question back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from assistant import narrative
from assistant.knowledge import norm
from assistant.subjects import subjects

if TYPE_CHECKING:
    from assistant.reason import Reason


def unqualified(subject: str, phrase: str) -> str:
    """A subject without the funds written before it that the phrase asked does not name (subjects.toml
    `funds`): "一般公共预算财政拨款运行经费" → "运行经费"."""
    asked = norm(phrase)
    text = narrative.LEAD.sub("", subject.strip())
    funds = sorted(subjects().funds, key=len, reverse=True)
    while fund := next((f for f in funds if norm(text).startswith(f) and f not in asked and len(text) > len(f)), ""):
        text = text[_written_length(text, fund) :].lstrip("“”\"' ")
    return text


def _written_length(text: str, key: str) -> int:
    """How many characters of `text` spell the normalised `key` it starts with (quotes, spaces skipped)."""
    for end in range(len(key), len(text) + 1):
        if norm(text[:end]) == key:
            return end
    return len(key)


def loosened(found: Sequence[Reason], phrase: str) -> list[Reason]:
    """The reasons read with their subject unqualified by a fund the phrase does not name, and as their
    paragraph's heading when the subject shortens it ("运行经费" under "机关运行经费")."""
    out = []
    for r in found:
        subject = unqualified(r.subject, phrase)
        heading = r.heading[-1] if r.heading else ""
        if heading and len(norm(subject)) >= 2 and norm(subject) in norm(heading) and heading != subject:
            out.append(replace(r, subject=heading, parents=r.heading[:-1]))
        elif subject != r.subject:
            out.append(replace(r, subject=subject))
    return out


def at_parent(found: Sequence[Reason]) -> list[Reason]:
    """The reasons of the items of a subject path read as reasons of their parent ("宣传事务" for its
    一般行政管理事务): a question naming only the 款 is about the one 项 it prints a reason of."""
    return [replace(r, subject=r.parents[-1], parents=r.parents[:-1]) for r in found if r.parents]


@cache
def _compared_first() -> re.Pattern[str]:
    """A change printed with its comparison first: "与2023年度相比，收入支出总计增加307.82万元"."""
    num = r"\d[\d,]*(?:\.\d+)?"
    years = narrative.cue_words("printed_years")
    verbs = narrative.cue_words("change_verbs")
    return re.compile(
        rf"^(?:与|同|和)\s*(?:{years}|\d{{4}}\s*年度?)[^，。；,]{{0,12}}?相比\s*[，,]\s*"
        rf"(?P<subject>[^，。；,\d]{{2,30}}?)(?P<verb>{verbs})了?\s*(?P<change>{num})\s*(?:亿元|万元|元|%)"
    )


def compared_first(opening: str) -> tuple[str, bool, int] | None:
    """The item, whether it went down and where the change ends, of a sentence opening with its comparison;
    None for another sentence or a change of zero."""
    m = _compared_first().match(opening)
    if m is None or float(m.group("change").replace(",", "")) == 0:
        return None
    subject = narrative.TRAIL.sub("", narrative.LEAD.sub("", m.group("subject").strip())).strip()
    return (subject, m.group("verb") in narrative.DOWN, m.end()) if len(subject) >= 2 else None


def said_alike(found: Sequence[Reason], marker: re.Pattern[str]) -> bool:
    """Whether several reasons say the same: the same figures and the same words from the reason marker on
    ("收入预算…" and "支出预算…增加148.16万元，增长0.34%。主要原因是人员增加…")."""

    def said(r: Reason) -> tuple[tuple[str, ...], str]:
        m = marker.search(r.quote)
        figures = tuple(sorted(re.findall(r"\d[\d,]*(?:\.\d+)?", re.sub(r"\s+", "", r.quote))))
        return figures, norm(r.quote[m.start() :]) if m else ""

    readings = {said(r) for r in found}
    return len(found) > 1 and len(readings) == 1 and all(text for _, text in readings)


def unchanged_section(
    read: Sequence[tuple[str, str]], words: Sequence[str], flat: re.Pattern[str]
) -> tuple[str, list[str]] | None:
    """The one section whose heading names every word asked ("六、一般公共预算“三公”经费支出情况" for 三公) and
    that prints its items unchanged and no change ("与上年持平" each): its heading and those sentences; a premise
    of a rise or fall of the whole is corrected by them."""
    by: dict[str, list[str]] = {}
    for sentence, where in read:
        by.setdefault(where, []).append(sentence)
    found = [
        (where, said)
        for where, said in by.items()
        if words and all(norm(w) in norm(where.split(" > ")[-1]) for w in words)
    ]
    if len(found) != 1:
        return None
    where, said = found[0]
    if any(c.change or c.rate for s in said for c in narrative.clauses(s, where)):
        return None
    flats = [s for s in said if flat.search(s)]
    return (where, flats) if flats else None


def against_itself(r: Reason, marker: re.Pattern[str], up: Sequence[str], down: Sequence[str]) -> str:
    """The reason's own words when they name the other way than its figures ("比2023年预算执行数减少2.98%。主要原因
    是：宣传事务一般行政管理事务经费增加"), else "": the document contradicts itself, and the answer says so.
    `up` and `down` are the words of each direction (premise.toml); a reason naming both ways is no contradiction."""
    if r.way == "flat" or (m := marker.search(r.quote)) is None:
        return ""
    given = r.quote[m.start() :].rstrip("。；; ")
    own, other = (up, down) if r.way == "up" else (down, up)
    names = [w for w in other if len(w) > 1 and w in given]
    return given if names and not any(len(w) > 1 and w in given for w in own) else ""
