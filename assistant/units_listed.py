"""The units a department's budget covers, quoted from the overview that lists them.

A department's overview states which units its budget covers: in one sentence ("…预算单位共计 8 家，具体包括：
A，B，…"; "本单位无下属单位"), or as a lead-in ending in a colon followed by numbered lines or by a table of the
units (序号｜单位名称). A question asking which units ("包括哪几个单位", "有哪些下属单位") is answered with that
sentence and the items printed after it — never the lead-in alone. The cues are data
(assistant/units_listed.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from assistant.draft import Draft, page_note
from assistant.listed_items import items_after
from assistant.records import Citation
from index.records import Chunk

if TYPE_CHECKING:
    from assistant.turn import Turn


@cache
def _spec() -> dict[str, Any]:
    return tomllib.loads(files("assistant").joinpath("units_listed.toml").read_text(encoding="utf-8"))


def asks_units(question: str) -> bool:
    """The question asks which units a budget covers."""
    return any(re.search(p, question) for p in _spec()["asks"])


def _table_rows(chunk: Chunk) -> list[str]:
    """The rows of a table chunk that lists units (its header names 单位), each as printed."""
    lines = chunk.text.partition("\n")[2].split("\n")
    cells = lines[0].removeprefix("表头：").split("｜") if lines else []
    if (
        not lines[0].startswith("表头：")
        or len(cells) > 4
        or not any(re.fullmatch(_spec()["table_header"], c) for c in cells)
    ):
        return []  # a short table with a column of the units' names, not a table of figures
    return [r for line in lines[1:] if (r := "，".join(c for c in line.split("｜") if c.strip(" —-")))]


def _units_table(ordered: Sequence[Chunk], n: int) -> list[str]:
    """The rows of the units' table printed after prose chunk `n`: the first table listing units that starts
    on a page of the chunk or the next one, the nearest after it in the document's order first."""
    first = int(ordered[n].metadata.get("page") or 0)
    end = int(ordered[n].metadata.get("page_end") or first)
    tables = [
        c
        for c in ordered
        if c.metadata.get("kind") == "table" and first <= int(c.metadata.get("page") or -9) <= end + 1
    ]
    tables.sort(key=lambda c: (int(c.metadata.get("page") or 0), int(c.metadata.get("position", 0)) < n))
    table = next((c for c in tables if _table_rows(c)), None)
    if table is None:
        return []
    rows, header = _table_rows(table), table.text.split("\n")[1]
    at = int(table.metadata.get("position", 0))
    for c in ordered:  # the same table continued on the next page: the next chunk with the same header
        if int(c.metadata.get("position", -1)) == at + 1 and c.metadata.get("kind") == "table":
            if c.text.split("\n")[1:2] != [header]:
                break
            rows, at = rows + _table_rows(c), at + 1
    return rows


def _rank(sentence: str, items: list[str]) -> int:
    spec = _spec()
    if sentence.rstrip().endswith(("：", ":")):
        return 3 if items else 0  # a lead-in quoted without its list answers nothing
    if re.search(spec["none"], sentence):
        return 2
    return 1 if re.search(r"编制范围|共计?\s*\d|具体包括", sentence) else 0


def stated(chunks: Sequence[Chunk]) -> tuple[str, Chunk] | None:
    """The overview's statement of the units covered, with the items listed after it, and its chunk."""
    spec = _spec()
    ordered = sorted(chunks, key=lambda c: int(c.metadata.get("position", 0)))
    best: tuple[int, str, Chunk] | None = None
    for n, c in enumerate(ordered):
        if c.metadata.get("kind") != "prose":
            continue
        lines = c.text.split("\n")[1:]
        for i, line in enumerate(lines):
            for s in (s.strip() for s in re.split(r"(?<=。)", line) if s.strip()):
                if re.search(spec["not_units"], s) or not re.search(spec["composition"], s):
                    continue
                if not re.search(spec["states"], s):
                    continue
                items: list[str] = []
                if s.endswith(("：", ":")):
                    items = items_after(lines, i)
                    if not items and i >= len(lines) - 2:
                        items = _units_table(ordered, n)  # the units' table printed right after the lead-in
                rank = _rank(s, items)
                if rank and (best is None or rank > best[0]):
                    best = (rank, "\n".join([s, *items]), c)
    return (best[1], best[2]) if best else None


def units_in(turn: Turn, question: str, doc_ids: Sequence[str]) -> Draft | None:
    """The draft quoting the units the latest of `doc_ids` covers, when the question asks them."""
    if not asks_units(question):
        return None
    for doc in sorted((turn.kb.docs[d] for d in doc_ids if d in turn.kb.docs), key=lambda d: -d.year):
        if found := stated(turn.engine.facts_sql.chunks([doc.doc_id])):
            said, c = found
            where = c.text.partition("\n")[0] + page_note(c.metadata.get("page"), c.metadata.get("page_end"))
            return Draft(
                text=f"据{where}：\n「{said}」",
                citations=[Citation(doc_id=doc.doc_id, where=where, text=said)],
                doc_id=doc.doc_id,
            )
    return None
