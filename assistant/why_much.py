"""A why-question that also asks how much: "三公经费为什么增加了？增加了多少？".

The question asks two things, and an answer that quotes only the reason drops the second (issue 23: nothing
dropped). The change is read as the engine reads any change question on the same item — a table's two years,
or the change the narrative prints for it — and must pass the same completeness check; the reason quote
follows it. When the change cannot be read for the very item asked, None: the caller quotes the reason alone
and the completeness check decides. The question words are data (assistant/premise.toml, `how_much`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from assistant import premise
from assistant.calculator import CalculationError
from assistant.complete import incomplete
from assistant.draft import Draft, Unanswerable
from assistant.records import Query
from assistant.tokens import to_template

if TYPE_CHECKING:
    from assistant.turn import Turn


def reason_and_change(turn: Turn, query: Query) -> Draft | None:
    """The change (or rate) of the item an explain `query` asks about, followed by the reason the prose gives;
    None when the question asks only why, or the change read is not (all) the item asked."""
    measure = premise.how_much(query.question)
    if measure is None or not query.subjects:
        return None
    asked = replace(query, measure=measure)
    try:
        change = turn.compose(asked)
    except (Unanswerable, CalculationError):
        return None
    if change.value is None or not (change.facts or change.calculations):
        return None
    question = query.question
    if stated := premise.stated_figure(question):  # "为什么增长了46.22%": the premise's figure, printed with it
        cited = change.citations or [turn.cite(f) for f in change.facts]
        way = premise.asked_direction(question)
        if way is None or not any(_prints(c.text, stated[1], stated[0], way[1]) for c in cited):
            return None
        question = question.replace(stated[0], "", 1)
    understanding = turn.understanding
    content = understanding.content(to_template(premise.without_premise(question)), list(query.doc_ids))
    if incomplete(question, content, asked, change, turn.kb, understanding.neutral):
        return None  # the change read is of another item, or leaves a part of the question unread
    try:
        reason = turn.explain(query)
    except Unanswerable:
        return change  # the document prints the change but no reason for it: the change, and no quote
    return replace(
        change,
        text=f"{change.text}\n{reason.text}",
        citations=[*change.citations, *reason.citations],
    )


def _prints(sentence: str, value: Decimal, written: str, direction: premise.Direction) -> bool:
    """Whether `sentence` prints `value` as a change in `direction`, in the unit `written` ends with ("增长 46.22%"
    for "46.22%"); the same number as another quantity ("预算数 3 万元") is no such change."""
    unit = re.escape(re.sub(r"[\d,.\s]", "", written))
    words = "|".join(map(re.escape, premise.direction_words(direction)))
    found = re.findall(rf"(?:{words})\s*(\d[\d,]*(?:\.\d+)?)\s*{unit}", sentence)
    return any(Decimal(n.replace(",", "")) == value for n in found)
