"""A why-question about the budget as a whole, and what makes a why-question one of a change over years.

"今年预算比去年降了多少，为什么？", or "为什么减少？" after "预算总共多少钱？比上一年少了多少？" (a follow-up keeps
the conversation's subject, the total): the answer is the reason printed for the whole — a change of 收入/支出
(总计), 预算收支, or of the appropriations as a whole (财政拨款收入支出: reason_whole.toml `funds`) — never the
reason of one item (资本性支出（310）, 行政运行) that moved the same way. When the prose prints none, no quote.

A why-question asks a change over years when it names a direction ("为什么减少", "从0涨到3000万"), a change without
one ("变化的原因") or a comparison with a year ("比去年…，为什么"); its quote must be the reason of the item asked,
whichever way it moved. "为什么是0" and "决算为什么超过预算" ask no change over years.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Literal

from assistant import narrative
from assistant.knowledge import norm
from index.normal import squeeze_cjk

if TYPE_CHECKING:
    from assistant.reason import Reason


@cache
def _data() -> dict[str, Any]:
    """assistant/reason_whole.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("reason_whole.toml").read_text(encoding="utf-8"))


def verb_way(question: str) -> Literal["up", "down"] | None:
    """The direction a question's one-character verb names ("从0涨到3000万" → up), None for none or both."""
    ways = {way for way in ("up", "down") if any(w in question for w in _data()[way])}
    return ways.pop() if len(ways) == 1 else None  # type: ignore[return-value]


def asks_change(question: str, way: str | None) -> bool:
    """Whether a why-question asks a change over years: a direction (`way`, read by the caller), a change word
    without one ("变化"), or a comparison with a year ("比去年", "较上年")."""
    return (
        way is not None
        or any(w in question for w in _data()["change"])
        or bool(narrative.AGAINST.search(squeeze_cjk(question)))
    )


def tier(subject: str, names: Sequence[str]) -> int | None:
    """How a printed subject stands for the budget as a whole: 0 the whole itself (收入预算, 预算收支, 收入支出总计),
    1 the appropriations as a whole (财政拨款收入支出), None an item or a part (一般公共预算拨款支出)."""
    text = narrative.plain_subject(subject, names)
    for word in _data()["filler"]:
        text = text.replace(word, "")
    if not text.strip():
        return None
    if narrative.whole(text, names):
        return 0
    return 1 if narrative.fund_part(text, "", _data()["funds"]) else None


def asked(subjects: Sequence[str], phrase: str, neutral: Sequence[str]) -> bool:
    """Whether a why-question asks about the budget as a whole: the names of the subjects read are the whole's
    (支出总计, 支出合计, 支出; or none is read and its words name the budget: "今年预算"), and its words name no
    item."""
    if not subjects and phrase.split() and all(narrative.whole(w) for w in phrase.split()):
        return True  # "收支总计", "部门收入总额": only the whole's own words
    if narrative.item_named(phrase, neutral):
        return False
    if subjects:
        return all(tier(s, ()) == 0 for s in subjects)
    return any(narrative.whole(w) for w in phrase.split())


def chosen(every: Sequence[Reason], names: Sequence[str], phrase: str, way: str | None) -> list[Reason]:
    """The reasons printed for the whole, of the side the phrase names (收入 or 支出) if one: those moving the
    way asked, else those moving the other way (their sentence states it); of the best tier, one per quote."""
    found = [(t, r) for r in narrative.on_side(every, phrase) if (t := tier(r.subject, names)) is not None]
    pool = [(t, r) for t, r in found if way is None or r.way == way] or found
    if not pool:
        return []
    top = min(t for t, _ in pool)
    out: dict[str, Reason] = {}
    for t, r in pool:
        if t == top:
            out.setdefault(norm(r.quote), r)
    return list(out.values())


def fits(quote: str, every: Sequence[Reason], names: Sequence[str], marker: re.Pattern[str]) -> bool:
    """Whether a sentence the search found gives the reason of the whole: a reason read for the whole holds it
    (one read for an item never answers); a sentence no reason holds names the whole before the marker, in its
    printed change ("收入比2025年减少246429.22万元，主要是…") or alone ("预算收支增（减）的主要原因：…")."""
    plain = norm(quote)
    read = [r for r in every if plain in norm(r.quote) or norm(r.quote) in plain]
    if read:
        return any(tier(r.subject, names) is not None for r in read)
    head = quote[: m.start()] if (m := marker.search(quote)) else quote
    if printed := narrative.clauses(head, ""):
        return all(tier(c.subject, names) is not None for c in printed)
    for word in sorted(_data()["unsigned"], key=len, reverse=True):  # "预算收支增（减）的主要原因：…"
        head = head.replace(word, "")
    return bool(head.strip()) and tier(head, names) is not None
