"""A registry subject the question names, read at its document's own place for it (assistant/registered.py):
an amount ("三公经费是多少"), or a share "A占B的比例" of two such subjects. Used by a question's `Turn`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.composers import SHARE_ASKED
from assistant.draft import Draft
from assistant.knowledge import norm
from assistant.records import Query
from assistant.registered import registered, registered_share
from assistant.select import COUNT_ASKED
from assistant.subjects import subjects
from assistant.tokens import to_template
from assistant.understand import FUND_WORDS, asks_budget
from assistant.whole_asked import whole_content

if TYPE_CHECKING:
    from assistant.turn import Turn

BUDGET_COLUMNS = ("预算数", "年初预算数", "全年预算数", "调整预算数")  # a 决算's columns that answer "…预算是多少"


def registered_amount(turn: Turn, query: Query) -> Draft | None:
    """The registry subject the question names, read in its document's own table for it."""
    doc = turn.pick.doc(query)
    if COUNT_ASKED.search(query.question):
        return None  # the registry's subjects are amounts of money: "政府采购数量" asks a count, never 万元
    u = turn.understanding
    text = to_template(query.question)
    content = whole_content(u.content(text, [doc.doc_id]), text, u.leftover(text, [doc.doc_id], "amount"), doc.kind)
    named = subjects().find(content)
    said = named and (norm(query.column or "") in named[1] or norm(query.column or "") in norm(content))
    if query.column and query.column not in FUND_WORDS and not said:  # "部门支出总计": the column word names it
        return None  # the registry reads its own measure column (a fund named is a table's: "财政拨款“三公”
        # 经费" is read only where the table's title or fund covers 财政拨款)
    year = doc.year - 1 if query.last_year else query.year  # another year: only its own column, if printed
    if doc.kind == "预算" and "决算" in query.question:
        return None  # a 预算's figure never answers "…决算"
    roles = BUDGET_COLUMNS if doc.kind == "决算" and asks_budget(query.question) else ()  # a 决算's 预算数 only
    asked = re.search(r"多少(亿元|万元|元)|几(亿元|万元)", query.question)
    unit = next((g for g in asked.groups() if g), None) if asked else None
    printed = turn.kb.text_grams(doc.doc_id)
    draft = registered(turn.engine.overview.cmp, content, doc, printed, u.neutral, year, unit, roles)
    if draft:
        draft.doc_id = doc.doc_id
    return draft


def registered_share_of(turn: Turn, query: Query) -> Draft | None:
    """The share "A占B的比例" where A and B are registry subjects read at their own places (the document's year)."""
    doc = turn.pick.doc(query)
    part, mark, whole = to_template(query.question).partition("占")
    if (
        not mark
        or query.last_year
        or query.year not in (None, doc.year)
        or (query.column and query.column not in whole)  # "占支出总计": the whole's own words, not a column
        or COUNT_ASKED.search(part)
    ):
        return None
    u = turn.understanding
    printed = turn.kb.text_grams(doc.doc_id)
    content = [u.content(t, [doc.doc_id]) for t in (part, SHARE_ASKED.sub(" ", whole))]
    draft = registered_share(turn.engine.overview.cmp, content[0], content[1], doc, printed, u.neutral)
    if draft:
        draft.doc_id = doc.doc_id
    return draft
