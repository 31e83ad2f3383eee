"""A named department's figure that its tables do not give at the subject's standard place, read as the
single-document engine reads it (a 部门预算 that prints its “三公”经费 or 机关运行经费 only in its text).

Used only for the few departments a question names or a place's set ("北京这几个局"), never for a whole
store's ranking; a line so read says where it was printed, and only a figure the engine verified against
its own document is taken — otherwise the department stays listed as lacking the item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.compare import Reading, other_year, stated_where
from assistant.records import Answer
from assistant.subjects import Subject
from index.normal import label_key
from index.records import DocumentInfo, Fact

CHANGE = re.compile(r"比|增加|减少|增长|下降|增减|占|%|％|率")  # an answer that is not the item's own amount
Ask = Callable[[DocumentInfo, str], Answer]
LIMIT = 8  # departments read so at most (each is one question to the single-document engine)


def fill(readings: Sequence[Reading], subject: Subject, ask: Ask | None, limit: int = LIMIT) -> list[Reading]:
    """The readings, each one without a value replaced by the department's own answer for the subject."""
    lacking = [r for r in readings if r.value is None]
    if ask is None or not lacking or len(lacking) > limit:
        return list(readings)
    return [_asked(r, subject, ask) if r.value is None else r for r in readings]


def names_it(f: Fact, subject: Subject) -> bool:
    """The figure is printed as the subject: its code, or its label is a name of the subject ("支出") or holds
    one of four characters or more ("财政拨款“三公”经费"); never a total or another row ("合计" for 城乡社区支出)."""
    if subject.code:
        return f.code == subject.code
    row = label_key(f.row)
    keys = {label_key(subject.name), *subject.aliases, *((label_key(subject.row),) if subject.row else ())}
    return any(row == k or (len(k) >= 4 and k in row) for k in keys if k)


def _asked(r: Reading, subject: Subject, ask: Ask) -> Reading:
    doc = r.doc
    name = subject.name.removesuffix("预算") if doc.kind == "决算" else subject.name  # a 决算's own: 政府采购
    a = ask(doc, f"{doc.department}{doc.year}年{name}是多少？")  # the document is given: its year and kind
    if a.refused or a.value is None or not a.figures or a.figures[0].verdict != "verified":
        return r
    if CHANGE.search(a.text.partition("\n")[0]):
        return r  # a change, a share or a rate of the item, not the item
    facts = tuple(
        f
        for f in a.facts
        if f.doc_id == doc.doc_id and f.value == a.value and f.unit == a.unit and names_it(f, subject)
        and not other_year(f, doc.year)
    )  # fmt: skip
    if not facts:
        return r
    f = facts[0]
    where = stated_where(f) if f.table is None else f"{f.table}所列"
    return replace(r, facts=(f,), value=a.value, unit=a.unit or "", note=where)  # the words it was printed with
