"""Whether a quoted reason is of the whole a why-question asks, not of one row or of another comparison.

"区委社工部2024年决算数比预算数少，主要原因是什么？" and "为什么？" after "一共打算花多少钱？比去年多了还是少了？" name
no item: the answer is the reason printed for the whole — never the sentence of one 功能分类 row's paragraph
("5、社会保障和就业支出（类）…（项）…决算数小于预算数的主要原因：单位新成立…"), nor the reason of an item's change
(“三公”经费…减少…主要原因：落实过紧日子要求). A question setting the 决算 against its 预算 is answered by a reason of
that gap, never by a change over years' ("与2023年度相比…增加…。主要原因：单位于2024年成立"). The words are data
(assistant/quote_whole.toml).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from assistant import narrative, reason, reason_whole
from assistant.explain import WHY
from assistant.knowledge import norm
from index.normal import squeeze_cjk

if TYPE_CHECKING:
    from assistant.records import Query
    from assistant.turn import Turn


@cache
def _data() -> dict[str, Any]:
    """assistant/quote_whole.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("quote_whole.toml").read_text(encoding="utf-8"))


def row_paragraph(paragraph: str) -> tuple[str, ...]:
    """The subject path a numbered paragraph of one 功能分类 row opens with ("5、社会保障和就业支出（类）…（项）"),
    () for any other paragraph (the whole's, a section's)."""
    text = squeeze_cjk(paragraph)
    m = narrative.ENUM.match(text)
    if m is None:
        return ()
    rest = text[m.end() :].lstrip()
    head = re.split(r"[。，：:；;]", rest, maxsplit=1)[0]
    if any(level in head for level in _data()["levels"]):
        levels = "|".join(map(re.escape, _data()["levels"]))
        return tuple(p.strip('“”" ') for p in re.split(levels, head) if p.strip('“”" '))
    return (narrative.opening_item(text) or (head,)) if narrative.CODE_BEFORE.match(rest) else ()


def against_budget(question: str) -> bool:
    """Whether a question sets the 决算 against its 预算 in its own words ("决算数比预算数少")."""
    first, second = _data()["sides"]
    links = "|".join(map(re.escape, sorted(_data()["links"], key=len, reverse=True)))
    return bool(re.search(rf"{first}[^，。？?]{{0,8}}?(?:{links})[^，。？?]{{0,8}}?{second}", question))


def of_budget_gap(sentence: str, before: str, marker: re.Pattern[str]) -> bool:
    """Whether a reason is of the gap between 决算 and 预算: the words before its marker name the 预算 ("决算数小于预算
    数的主要原因：…"), or, when it opens with the marker, the sentence before it does; a year compared ("比2023年",
    "与2023年度相比") makes it a change over years."""
    m = marker.search(sentence)
    head = sentence[: m.start()] if m else sentence
    said = head if re.search(r"[\u4e00-\u9fff]{2}", head) else before
    said = squeeze_cjk(said)
    return _data()["sides"][1] in said and not narrative.AGAINST.search(said)


def named_row(path: Sequence[str], question: str, items: Sequence[str]) -> bool:
    """Whether a question names a level of a row's path ("职业年金" of …机关事业单位职业年金缴费支出), in its
    words or its items read."""
    asked = [norm(question), *(norm(i) for i in items if i)]
    names = [norm(p) for p in path if len(norm(p)) >= 2]
    return any(n in a or (len(a) >= 2 and a in n and a != norm(question)) for n in names for a in asked)


def fits(turn: Turn, query: Query, quote: str, names: Sequence[str]) -> bool:
    """Whether a sentence the search found may answer a why-question as a quote of the subject asked: a row's
    paragraph only when the question names that row; a question setting the 决算 against its 预算 only by a
    reason of that gap; a question naming no item (the whole, or "为什么？" after the whole's total) only by a
    reason of the whole (reason_whole.fits), never an item's. `names`: the names of the subjects read (the
    whole's own, 支出总计 or 部门预算, name no item)."""
    if not WHY.search(query.question):
        return True
    items = [n for n in names if n and reason_whole.tier(n, ()) != 0]
    doc = turn.pick.doc(query)
    chunks = turn.engine.facts_sql.chunks([doc.doc_id])
    plain = norm(quote)
    said = [(s, item) for s, _, item in narrative.paragraphs(chunks)]
    at = next((i for i, (s, _) in enumerate(said) if plain and (plain in norm(s) or norm(s) in plain)), None)
    if at is not None:
        path = row_paragraph(_paragraph(said, at))
        if path and not named_row(path, query.question, items):
            return False  # one row's reason, that row not asked
    gap = against_budget(query.question) or reason.against_budget(query.question)
    if gap:
        before = said[at - 1][0] if at else ""
        return of_budget_gap(quote, before, reason.marker())
    if items or narrative.item_named(reason.asked_phrase(turn, query), turn.understanding.neutral):
        return True
    return reason_whole.fits(quote, reason.reasons(chunks), doc.aliases, reason.marker())


def _paragraph(said: Sequence[tuple[str, tuple[str, ...]]], at: int) -> str:
    """The sentences of the numbered paragraph the sentence `at` is in, from its opening one."""
    start = at
    while start > 0 and said[start - 1][1] == said[at][1] and said[at][1] and not narrative.ENUM.match(said[start][0]):
        start -= 1
    return "".join(s for s, _ in said[start : at + 1])
