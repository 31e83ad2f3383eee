"""A count the text gives only as the list of what it counts: "纳入烟台市审计局2026年部门预算编制范围的二级预算单位
包括：" followed by "1.烟台市审计局" … "4.…" answers "有几个二级预算单位" with 4, the items quoted; "本单位内设机构包括：
办公室、政策法规处、…、宣传教育处。" answers "内设了多少个处室" with 15. Read only when no count is printed
(assistant/counts.py) and exactly one list of the noun asked is printed; cue words in listed_count.toml."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from assistant import counts
from assistant.draft import Draft, page_note
from assistant.knowledge import grams, norm
from assistant.listed_items import is_item, items_after, without_marker
from assistant.records import Citation
from index.records import Chunk, DocumentInfo

_COLON = re.compile(r"[：:]")
_INLINE = re.compile(r"、(?![^（(]*[)）])")  # a 、 inside brackets ("处（科、股）室") parts no items


@cache
def cues() -> dict[str, Any]:
    """assistant/listed_count.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("listed_count.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Listed:
    """One list the text prints after a lead-in naming the noun asked."""

    lead: str  # the lead-in as printed, up to its colon
    items: tuple[str, ...]
    chunk: Chunk


def _nouns(a: counts.CountAsked) -> tuple[str, ...]:
    named = [*a.nouns, *(w for n in a.nouns for w in cues()["nouns"].get(n, ()))]
    return tuple(dict.fromkeys(norm(n) for n in named if n))


def _names(lead: str, a: counts.CountAsked) -> bool:
    """The lead-in (its clause before the colon, less its linking words) ends with the noun asked, or with the
    head noun when the clause also says what the question says of it ("纳入预算的单位")."""
    clause = norm(re.split(r"[，,；;。]", lead)[-1])
    for link in sorted(cues()["links"], key=len, reverse=True):
        clause = clause.removesuffix(link)
    if any(clause.endswith(n) for n in _nouns(a)):
        return True
    if not a.head or not clause.endswith(norm(a.head)):
        return False
    wanted = set(grams(norm(a.modifier))) or {norm(a.modifier)}
    return len(wanted & set(grams(clause))) / len(wanted) >= counts.MODIFIER_SAID


def _lists(chunks: Sequence[Chunk], a: counts.CountAsked) -> list[Listed]:
    out: list[Listed] = []
    for n, chunk in enumerate(chunks):
        lines = chunk.text.split("\n")
        for i, line in enumerate(lines):
            if "｜" in line or not (colon := _COLON.search(line)) or not _names(line[: colon.start()], a):
                continue
            rest = line[colon.end() :].split("。")[0].strip()
            if rest:  # "内设机构包括：办公室、政策法规处、…。": the names in the sentence
                items = tuple(x.strip() for x in _INLINE.split(rest) if x.strip())
                if len(items) < 2:
                    continue
            else:  # "…二级预算单位包括：" then "1.…" "2.…": the numbered lines after it
                items = tuple(items_after(lines, i))
                runs_on = i + len(items) == len(lines) - 1 and n + 1 < len(chunks)
                if not items or (runs_on and any(is_item(x) for x in chunks[n + 1].text.split("\n")[1:2])):
                    continue  # no list, or one going on in the next passage: never a count of part of it
            out.append(Listed(lead=line[: colon.end()], items=items, chunk=chunk))
    return out


def _unsaid_before(question: str, lead: str, doc: DocumentInfo) -> bool:
    """Whether the question says before its count ("实际审计了多少个单位") a word the list's lead-in does not print
    (the department's names, the year and listed_count.toml `asides` aside)."""
    names = sorted({doc.department, *doc.aliases}, key=len, reverse=True)
    before = re.split(r"多少|几", question, maxsplit=1)[0]
    for name in names:
        before, lead = before.replace(name, " "), lead.replace(name, " ")
    before = re.sub(r"\d{4}\s*年度?", " ", before)
    for word in sorted(cues()["asides"], key=len, reverse=True):
        before = before.replace(word, " ")
    printed = set(grams(norm(lead)))
    runs = [set(grams(run)) for run in re.findall(r"[\u4e00-\u9fff]{2,}", before)]
    return any(len(run & printed) * 2 < len(run) for run in runs)  # most of a run's pairs unprinted: another word


def listed_count(question: str, docs: Sequence[DocumentInfo], chunks_of: Any) -> Draft | None:
    """The number of names the one document in scope lists for the noun a count question asks, when one list
    of it is printed (several of different lengths, or none: None)."""
    if len(docs) != 1:
        return None
    doc = docs[0]
    a = counts.asked(question, [doc.department, *doc.aliases])
    if a is None or a.unit not in cues()["units"] or a.stance != "held" or a.part:
        return None
    prose = [c for c in chunks_of([doc.doc_id]) if c.metadata.get("kind") == "prose"]
    found = _lists(prose, a)
    if not found or len({len(x.items) for x in found}) != 1:
        return None
    listed = found[0]
    if _unsaid_before(question, listed.lead, doc):
        return None  # "实际审计了多少个单位": the list counts the units, not what was done to them
    count = len(listed.items)
    head = listed.chunk.text.split("\n")[0]
    where = head if head.startswith(listed.chunk.where) else listed.chunk.where  # the section trail
    page = page_note(listed.chunk.metadata.get("page"), listed.chunk.metadata.get("page_end"))
    quoted = "\n".join([listed.lead, *listed.items])
    names = [without_marker(x) for x in listed.items]
    noun = a.nouns[0] if not a.head else f"{a.modifier}的{a.head}"
    text = (
        f"{doc.year}年{doc.department}{noun} {count} {a.unit}（文字说明逐一列出的名称：{'、'.join(names)}）。\n"
        f"出处：{where}{page}"
    )
    cite = Citation(doc_id=doc.doc_id, where=f"{where}{page}", text=quoted)
    return Draft(text=text, value=Decimal(count), unit=a.unit, citations=[cite], doc_id=doc.doc_id)
