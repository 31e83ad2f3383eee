"""An indicator asked by its project: "就业援助基地补贴的满意度指标是多少".

A 绩效 form prints each project's indicators under its name (source "表 · 就业援助基地补贴 · 满意度/服务对象满意度 ·
补贴对象满意度 · 目标值 ≥80.00(%)"). A question naming the project and, in its own words, one of its indicators
("满意度指标") links to neither whole: the project is no target, and the indicator's printed name (补贴对象满意度)
is longer than the words said. The indicator is then looked for among that project's indicators only — the
one that best covers the rest of the question, when one does and no other ties it.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.knowledge import Knowledge, Link, norm
from assistant.target_said import TARGET_COLUMNS

MIN_SCORE = 0.2  # the rest's link score an indicator of the named project needs (its project already narrows)
TIE = 0.05  # two of the project's indicators this close: the question does not say which


def project_of(source: str) -> str:
    """The project a target fact is printed under: the part after the table in its source, or ""."""
    parts = source.split(" · ")
    return parts[1] if len(parts) > 3 else ""


def indicator_of_project(kb: Knowledge, content: str, docs: Sequence[str]) -> Link | None:
    """The indicator of the project the content names whole, best covering the content's other words; None when
    it names no project with indicators, or none or several of its indicators fit."""
    scope = set(docs)
    text = norm(content)
    projects = {
        p
        for label in kb.in_scope(scope)
        for f in label.facts
        if f.doc_id in scope and f.column in TARGET_COLUMNS and (p := project_of(f.source)) and norm(p) in text
    }
    if len(projects) != 1:
        return None
    project = next(iter(projects))
    rest = text.replace(norm(project), " ")
    links = [
        lk
        for lk in kb.link(rest, scope)
        if any(
            f.doc_id in scope and f.column in TARGET_COLUMNS and project_of(f.source) == project for f in lk.label.facts
        )
    ]
    if not links or links[0].score < MIN_SCORE or (len(links) > 1 and links[0].score - links[1].score < TIE):
        return None
    return links[0]
