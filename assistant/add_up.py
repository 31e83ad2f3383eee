"""Why a document's figures do not add up: its own note on rounding, quoted where it is printed.

A question "表里有些数加起来对不上，为什么？" asks about the tables' arithmetic, not any change: a paragraph on why
the budget fell is no answer. The document's note ("金额单位转换时可能存在尾数误差") is; when it prints none the
question is refused (the words are data: assistant/add_up.toml)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from assistant.draft import Draft, Unanswerable, page_note
from assistant.records import Citation

if TYPE_CHECKING:
    from collections.abc import Sequence

    from index.records import Chunk


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(files("assistant").joinpath("add_up.toml").read_text(encoding="utf-8"))


def asks_mismatch(question: str) -> bool:
    """Whether a question asks why figures do not add up ("加起来对不上", "尾数")."""
    if any(w in question for w in _data()["against"]):
        return False  # "决算和预算对不上": a difference of two figures, not a sum
    return any(w in question for w in _data()["mismatch"])


def rounding_notes(chunks: Sequence[Chunk]) -> list[tuple[str, str]]:
    """(where, sentence) of each distinct rounding note a document prints, prose notes first."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for c in sorted(chunks, key=lambda c: c.metadata.get("kind") != "prose"):  # stable: in order
        head, _, body = c.text.partition("\n")
        for line in body.split("\n"):
            for s in re.split(r"(?<=[。；;])", line):
                said = s.strip().rstrip("；;")
                if not any(w in said for w in _data()["notes"]):
                    continue
                key = re.sub(r"^注[：:]|本套报表|本单位预算|本部门预算|[\s。]", "", said)
                if key in seen:
                    continue
                seen.add(key)
                where = head + page_note(c.metadata.get("page"), c.metadata.get("page_end"))
                out.append((where, said))
    return out


def explained(doc_id: str, chunks: Sequence[Chunk]) -> Draft:
    """The document's rounding note(s) quoted with where they are; Unanswerable when it prints none."""
    notes = rounding_notes(chunks)[:2]
    if not notes:
        raise Unanswerable(str(_data()["unprinted"]))
    return Draft(
        text="\n".join(f"据{w}：\n「{s}」" for w, s in notes),
        citations=[Citation(doc_id=doc_id, where=w, text=s) for w, s in notes],
    )
