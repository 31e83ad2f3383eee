"""A term's definition, quoted from the line of the glossary (名词解释) that defines that very term.

Disclosures print a glossary section whose lines each define one term: "六、年末结转和结余：指本年度…",
"“三公”经费财政拨款预算数：指本部门…". A question asking what a term means ("“单位资金”是什么意思",
"…指什么", "什么是…") is answered with the line whose own term is the one asked — never a neighbour's line
(the entry "“三公”经费" does not define "“三公”经费财政拨款预算数"), and never with a figure. The cues are data
(assistant/defined.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from assistant.draft import Draft, page_note
from assistant.records import Citation
from index.records import Chunk

if TYPE_CHECKING:
    from assistant.turn import Turn

_QUOTES = "“”\"'‘’「」『』《》"
_ENTRY = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|\d{1,2}\s*[.．、]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）])?"
    r"\s*([^：:，。；]{2,30}?)\s*[：:]\s*(\S.*)$"
)


@cache
def _spec() -> dict[str, Any]:
    return tomllib.loads(files("assistant").joinpath("defined.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Entry:
    """One glossary line: the term it defines, the line as printed, and where."""

    term: str
    line: str
    where: str
    doc_id: str


def _plain(text: str) -> str:
    """Text without quotes and spaces, to compare terms ("“三公”经费" → "三公经费")."""
    return re.sub(rf"[{re.escape(_QUOTES)}\s]", "", text)


@dataclass(frozen=True)
class Asked:
    """The words before (or after) a definition cue, and whether a quoted term stands right at the cue."""

    words: str
    after_cue: bool  # "什么是X": the term is all of `words`


def asked(question: str) -> Asked | None:
    """What a question asks the meaning of, or None when it asks no definition."""
    spec = _spec()
    q = question.strip().rstrip("？?。！! ")
    q = re.sub(r"(?:呢|啊|呀|吗)$", "", q)
    if any(w in q for w in spec["figure_words"]):
        return None
    for cue in spec["asks_before"]:
        if (at := q.find(cue)) >= 0 and (rest := q[at + len(cue) :].strip()):
            return Asked(words=re.split(r"[，,；;]", rest)[0], after_cue=True)
    quoted = bool(re.search(rf"[{re.escape(_QUOTES)}]", q))
    cues = spec["asks"] + (spec["quoted_asks"] if quoted else [])
    for cue in sorted(cues, key=len, reverse=True):
        if q.endswith(cue) or f"{cue}，" in q or f"{cue}," in q:
            head = q[: q.find(cue)] if not q.endswith(cue) else q[: -len(cue)]
            head = re.split(r"[，,；;。？?]", head)[-1]
            if cue in spec["quoted_asks"] and not re.search(rf"[{re.escape(_QUOTES)}]", head):
                continue  # "包括哪些" of an unquoted item: its rows, not its definition
            return Asked(words=head, after_cue=False)
    return None


def names_term(a: Asked, term: str) -> bool:
    """The asked words end in (or, after "什么是", are) exactly this term, not a longer one it is part of."""
    words, key = _plain(a.words), _plain(term)
    if not key or not words.endswith(key):
        return False
    if a.after_cue:
        return words == key
    before = words[: -len(key)]
    return not before or before.endswith(tuple(_spec()["before_term"])) or _quoted_at(a.words, term)


def _quoted_at(words: str, term: str) -> bool:
    """The asked words open a quote right where the term begins ("…里“年末结转和结余”")."""
    first = _plain(term)[:1]
    return bool(re.search(rf"[“\"'‘「『]\s*{re.escape(first)}", words)) and _plain(words).endswith(_plain(term))


def entries(chunks: Sequence[Chunk]) -> list[Entry]:
    """The glossary lines of a document's prose, in the order printed."""
    out = []
    sections = tuple(_spec()["sections"])
    for c in chunks:
        if c.metadata.get("kind") != "prose":
            continue
        head, _, body = c.text.partition("\n")
        if not any(s in head for s in sections):
            continue
        where = head + page_note(c.metadata.get("page"), c.metadata.get("page_end"))
        for line in body.split("\n"):
            if m := _ENTRY.match(line):
                out.append(Entry(term=m.group(1).strip(), line=line.strip(), where=where, doc_id=c.doc_id))
    return out


def definition(question: str, chunks: Sequence[Chunk]) -> Entry | None:
    """The glossary line defining the very term the question asks about (the longest such term), or None."""
    a = asked(question)
    if a is None:
        return None
    fits = [e for e in entries(chunks) if names_term(a, e.term)]
    return max(fits, key=lambda e: len(_plain(e.term)), default=None)


def defined_in(turn: Turn, question: str, doc_ids: Sequence[str]) -> Draft | None:
    """The draft quoting the glossary line that defines the asked term, from the latest of `doc_ids` printing
    one; None when the question asks no definition or no glossary defines that very term."""
    docs = sorted((turn.kb.docs[d] for d in doc_ids if d in turn.kb.docs), key=lambda d: -d.year)
    if asked(question) is None:
        return None
    for doc in docs:
        if entry := definition(question, turn.engine.facts_sql.chunks([doc.doc_id])):
            return Draft(
                text=f"据{entry.where}：\n「{entry.line}」",
                citations=[Citation(doc_id=entry.doc_id, where=entry.where, text=entry.line)],
                doc_id=entry.doc_id,
            )
    return None
