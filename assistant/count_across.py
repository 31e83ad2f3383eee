"""Two named departments' held counts compared: "北京市财政局和深圳市财政局谁的公车多？" reads each department's
count of the noun (车辆, counted in 辆) from its own narrative through assistant/counts.py — "共有车辆27台",
"本单位共有车辆3辆" — and says whose is larger, each count quoted and cited. Anything less sure (not two
departments, a noun whose unit is not known, a count not printed or printed several ways, one of a date the
other does not share is said as printed) is None: left to the engine, which refuses as before.

The words are data (assistant/count_across.toml)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.counts import answer_count, cues
from assistant.draft import Draft, Unanswerable
from assistant.records import Answer
from assistant.tokens import to_template

if TYPE_CHECKING:
    from assistant.turn import Turn


@cache
def _spec() -> dict[str, Any]:
    return tomllib.loads(Path(__file__).with_name("count_across.toml").read_text(encoding="utf-8"))


def _noun(question: str) -> tuple[str, str, bool] | None:
    """(the printed noun, its unit, whether the fewer is asked) of a question comparing counts; None else."""
    found = list(re.finditer(_spec()["pattern"], question))
    if len(found) != 1:
        return None
    asked = found[0].group("noun")
    printed = cues()["nouns"].get(asked, asked)
    unit = _spec()["units"].get(printed)
    return (printed, unit, found[0].group("most") in _spec()["least"]) if unit else None


def compared(engine: Turn, question: str, doc_id: str | None) -> Answer | None:
    """Whose held count is larger of the two departments the question names, or None (see the module)."""
    if doc_id is not None or (asked := _noun(question)) is None:
        return None
    noun, unit, least = asked
    named = engine.understanding.named(to_template(question))
    if len(named) != 2:
        return None
    drafts: list[tuple[str, Draft]] = []
    for department in named:
        docs = [d for d in engine.kb.docs.values() if d.department == department]
        if not docs:
            return None
        turn = engine.turn([d.doc_id for d in docs])
        try:
            draft = answer_count(f"{department}共有多少{unit}{noun}？", docs, turn.kb)
        except Unanswerable:
            return None
        if draft is None or draft.value is None or draft.unit not in cues()["units"][unit]:
            return None
        drafts.append((department, draft))
    (a, da), (b, db) = drafts
    assert da.value is not None and db.value is not None
    if da.value == db.value:
        verdict = f"两个部门的{noun}一样多，都是 {da.value} {unit}"
    else:
        more, fewer = (a, b) if da.value > db.value else (b, a)
        verdict = f"{fewer if least else more}的{noun}{'更少' if least else '更多'}"
    lines = "\n".join(f"- {d.text.split(chr(10))[0]}（{d.text.split('出处：', 1)[-1].strip()}）" for _, d in drafts)
    text = f"{verdict}。\n{lines}\n（各部门公开文件所列的数量，截至时间以原文为准）"
    figures = [g for _, d in drafts for g in engine.turn([d.doc_id or ""]).verifier.check(d.text, [d.doc_id or ""])]
    if any(g.verdict == "mismatch" for g in figures):
        return None
    return Answer(
        question=question, text=text, refused=False, value=None, unit=None, figures=figures,
        citations=[c for _, d in drafts for c in d.citations], facts=[f for _, d in drafts for f in d.facts],
    )  # fmt: skip
