"""What an item is spent on, as the disclosure prints it ("其他社会工作事务支出主要花在哪？").

A numbered paragraph of the 支出 section opens with its item and prints its use ("主要用于：新建部门开办费…"), in
the same sentence or the next. A question asking an item's use (assistant/purpose.toml) is answered by that
sentence of the very item asked; a question that also states a change ("增加了1421.25万元，主要花在哪") is left
to the premise checks, and several items of the words asked are asked back.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from assistant import narrative, premise
from assistant.draft import Draft, Unanswerable, page_note
from assistant.reason import as_printed, asked_phrase, asked_way, on_path, sentence_opening
from assistant.records import Citation, Query

if TYPE_CHECKING:
    from collections.abc import Sequence

    from assistant.turn import Turn
    from index.records import Chunk


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(files("assistant").joinpath("purpose.toml").read_text(encoding="utf-8"))


@cache
def _marker() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(_data()["markers"], key=len, reverse=True))))


@dataclass(frozen=True, kw_only=True)
class Use:
    """A printed use: the item it is of (its path's parents), the quote and where it is."""

    subject: str
    quote: str
    where: str
    parents: tuple[str, ...] = ()


def asks_use(question: str) -> bool:
    """Whether a question asks what an item is spent on (and states no change)."""
    stated = premise.asked_direction(question) or premise.figure_stated(question) or asked_way(question)
    return any(w in question for w in _data()["asked"]) and not stated


def uses(chunks: Sequence[Chunk]) -> list[Use]:
    """The use printed for each item of a numbered paragraph: the sentence holding the marker, after the
    paragraph's opening sentence when the marker opens its own."""
    out: list[Use] = []
    prev: tuple[str, str, tuple[str, ...]] = ("", "", ())
    for c in chunks:
        for sentence, where, item in narrative.paragraphs([c]):
            where = where + page_note(c.metadata.get("page"), c.metadata.get("page_end"))
            m = _marker().search(sentence)
            if (
                m
                and item
                and not any(u.where == where and (u.subject, u.parents) == on_path(item[-1], item[:-1]) for u in out)
            ):
                opened = _marker().match(sentence_opening(sentence)) and prev[1:] == (where, item)
                quote = f"{prev[0]}{sentence}" if opened else sentence
                subject, parents = on_path(item[-1], item[:-1])  # "…（款）行政运行（项）": 行政运行
                out.append(Use(subject=subject, parents=parents, quote=quote, where=where))
            prev = (sentence, where, item)
    return out


def _path(u: Use) -> str:
    return f"{u.parents[-1]}{u.subject}" if u.parents and u.parents[-1] not in u.subject else u.subject


def spent_on(turn: Turn, query: Query) -> Draft | None:
    """The use printed for the item a question asks the use of; None when none is printed for it (the caller
    decides), Unanswerable when the words fit several items' uses or an amount would answer instead."""
    if not asks_use(query.question) or len({turn.kb.docs[d].department for d in query.doc_ids}) > 1:
        return None  # one department's several years: the year asked, else the latest (Selector.doc)
    doc = turn.pick.doc(query)
    phrase = asked_phrase(turn, query)
    for word in sorted(_data()["asked"], key=len, reverse=True):  # "行政运行主要用在哪": 行政运行
        phrase = phrase.replace(word, " ")
    phrase = " ".join(w for w in phrase.split() if w not in _data()["filler"])
    chunks = turn.engine.facts_sql.chunks([doc.doc_id])
    found = uses(chunks)
    quotes = {u.quote: Decimal(i) for i, u in reversed(list(enumerate(found)))}
    first = lambda u: quotes[u.quote]  # noqa: E731
    neutral = turn.understanding.neutral
    best = narrative.pick(found, phrase, doc.aliases, neutral, first) if phrase else None
    several = {
        _path(u) for u in found if best is None and phrase and narrative.pick([u], phrase, doc.aliases, neutral, first)
    }
    if len(several) > 1:  # "一般行政管理事务" of 群众团体事务 and of 宣传事务: which one is asked
        raise Unanswerable(str(_data()["several"]).format(items="、".join(sorted(several))))
    if best is None and query.subjects:
        name = narrative.plain_subject(turn.pick.name(query.subjects[0]), doc.aliases)
        best = narrative.pick(found, name, doc.aliases, (), first)
    if best is None and query.measure == "amount":  # "购房补贴是给谁的": never its amount alone
        item = turn.pick.name(query.subjects[0]) if query.subjects else phrase  # the item read, as printed
        raise Unanswerable(str(_data()["unprinted"]).format(item=item))
    if best is None:
        return None
    quote = as_printed(best.quote, chunks)
    return Draft(
        text=f"据{best.where}：\n「{quote}」", citations=[Citation(doc_id=doc.doc_id, where=best.where, text=quote)]
    )
