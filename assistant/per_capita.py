"""A per-head figure printed as an item of its own, asked with the per-head word ("人均标准是多少").

"人均" in a question usually asks a division (an amount ÷ a head count, composers.per_head). But a disclosure
may print the per-head figure itself — a 绩效 indicator "人均补贴标准 =710元/人月", a text's "人均公用经费" — and
then the question asks that printed figure: no division, no divisor to find. The item is the one label of the
document that holds the per-head word and whose other characters the question all says ("加班补贴的人均标准"
says 补、贴、标、准 of "人均补贴标准").
"""

from __future__ import annotations

import re

from assistant.knowledge import Knowledge, norm
from index.records import DocumentInfo


def printed_per_head(kb: Knowledge, question: str, doc: DocumentInfo, per_head: re.Pattern[str]) -> str | None:
    """The key of the one label of `doc` printed as a per-head item that the question names, or None (none, or
    several: the question does not say which)."""
    asked = norm(question)
    if not per_head.search(asked):
        return None
    found = {
        label.key
        for label in kb.in_scope({doc.doc_id})
        if (m := per_head.search(label.key))
        and (rest := label.key[: m.start()] + label.key[m.end() :])
        and len(rest) >= 2
        and all(ch in asked for ch in rest)
    }
    return next(iter(found)) if len(found) == 1 else None
