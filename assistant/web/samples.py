"""The example questions under the chat: about the documents in the store (those a user loaded rather than
the bundled sample, when there are both), and only the ones the assistant answers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from assistant.answer import Engine
from index.records import DocumentInfo

FALLBACK = "今年总共要花多少钱？"


def _shortest_name(d: DocumentInfo) -> str:
    names = [a for a in d.aliases if a] or [d.department]
    return min(names, key=len)


def candidates(docs: list[DocumentInfo], bundled: set[str]) -> list[str]:
    """Questions worth offering for these documents: across departments for the year and kind most of them
    share, then about the document stored last, each naming its department and year."""
    own = [d for d in docs if d.filename not in bundled] or docs
    if not own:
        return []
    shared = Counter((d.year, d.kind) for d in {(d.department, d.year, d.kind): d for d in own}.values())
    (year, kind), n = max(shared.items(), key=lambda item: (item[1], item[0][0]))
    across = [f"{year}年{kind}各部门“三公”经费排名", f"{year}年{kind}各部门项目支出合计是多少？"] if n > 1 else []
    last = max(own, key=lambda d: (d.ingested_at, d.year))
    name, at = _shortest_name(last), f"{last.year}年"
    return [
        *across,
        f"{name}{at}{last.kind}支出总计是多少？",
        f"{name}{at}项目支出占总支出多少？",
        f"{name}{at}“三公”经费是多少？",
        f"{name}{at}项目支出由哪些项目构成？",
        f"{name}{at}基本支出是多少？",
        f"{name}的基本支出是什么意思？",
    ]


def examples(engine: Engine, bundled_folder: Path) -> list[str]:
    """The candidates the engine answers (no refusal, no question back), in order."""
    bundled = {p.name for p in bundled_folder.glob("*")} if bundled_folder.is_dir() else set()
    found = [q for q in candidates(list(engine.kb.docs.values()), bundled) if not engine.answer(q).refused]
    return found or [FALLBACK]
