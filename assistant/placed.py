"""Which 科目 an item the prose names is in ("支内回锡定居退休职工生活补助是在哪个科目、多少钱"): the item is no row of
any table, but the paragraph of one 科目 names it (its use, or the reason of its change: "其他生活救助（款）其他城市
生活救助（项）支出 154.5万元，…减少 9.3 万元…。主要原因是…支内回锡定居退休职工生活补助支出减少"). That 科目 and
its amount answer, quoted.

Several 科目 may name the item when it was moved between them ("多港联运补贴资金功能科目调整": the one it left
fell, the one it joined rose): the one that rose holds it; a 科目 that is the parent of another naming it is that
one's path. Still several, or none: None (the caller refuses).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from assistant import narrative, reason
from assistant.draft import Draft, fmt
from assistant.knowledge import norm
from assistant.records import Citation, Query

if TYPE_CHECKING:
    from assistant.turn import Turn


@cache
def _data() -> dict[str, Any]:
    """assistant/placed.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("placed.toml").read_text(encoding="utf-8"))


def asks_place(question: str) -> bool:
    """Whether a question asks which 科目 an item is in."""
    return any(w in question for w in _data()["asks"])


def item_words(content: str) -> str:
    """The item's words of a question's content (Understanding.content: no department, filler or 科目): what is
    before the ask, without its verb ("支内回锡定居退休职工生活补助是在哪个" → 支内回锡定居退休职工生活补助)."""
    head = re.split(r"哪|什么", content, maxsplit=1)[0].strip()
    head = head.split()[-1] if head.split() else ""
    for verb in sorted(_data()["verbs"], key=len, reverse=True):
        if head.endswith(verb) and len(head) > len(verb):
            return head[: -len(verb)]
    return head


def _path(c: narrative.Change) -> tuple[str, ...]:
    subject, parents = reason.on_path(c.subject, c.parents)
    return (*parents, subject)


def placed(turn: Turn, query: Query) -> Draft | None:
    """The 科目 whose paragraph names the item asked, with its amount and change, quoted; None when no one 科目
    does."""
    if not asks_place(query.question):
        return None
    doc = turn.pick.doc(query)
    item = item_words(turn.understanding.content(query.question, [doc.doc_id]))
    if len(item) < 4:
        return None
    chunks = turn.engine.facts_sql.chunks([doc.doc_id])
    changes = narrative.changes(chunks)
    found: dict[tuple[str, ...], tuple[narrative.Change, str, str]] = {}
    for r in reason.reasons(chunks):
        if norm(item) not in norm(r.quote):
            continue
        for c in changes:
            if norm(c.printed) in norm(r.quote) and norm(_path(c)[-1]) == norm(r.subject) and c.amount is not None:
                found.setdefault(_path(c), (c, r.quote, r.where))
    paths = list(found)
    found = {p: v for p, v in found.items() if not any(o != p and o[: len(p)] == p for o in paths)}  # 类 of a 项
    if len(found) > 1:
        found = {p: v for p, v in found.items() if (v[0].change or 0) > 0}  # moved: the one it joined
    if len(found) != 1:
        return None
    path, (change, quote, where) = next(iter(found.items()))
    moved = ""
    if change.change:
        word = "增加" if change.change > 0 else "减少"
        moved = f"，比{change.against}{word}{fmt(abs(change.change), change.change_unit)}"
    text = str(_data()["answer"]).format(
        path="－".join(dict.fromkeys(path)),  # "其他科学技术支出（款）其他科学技术支出（项）": once
        item=item,
        subject=path[-1],
        amount=f" {fmt(change.amount, change.unit)}" if change.amount is not None else "",
        moved=moved,
    )
    said = reason.as_printed(quote, chunks)
    return Draft(
        text=f"{text}\n据{where}：「{said}」",
        value=change.amount,
        unit=change.unit,
        citations=[Citation(doc_id=doc.doc_id, where=where, text=said)],
        doc_id=doc.doc_id,
    )
