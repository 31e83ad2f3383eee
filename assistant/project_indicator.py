"""An indicator asked by its project: "就业援助基地补贴的满意度指标是多少".

A 绩效 form prints each project's indicators under its name (source "表 · 就业援助基地补贴 · 满意度/服务对象满意度 ·
补贴对象满意度 · 目标值 ≥80.00(%)"). A question naming the project and, in its own words, one of its indicators
("满意度指标") links to neither whole: the project is no target, and the indicator's printed name (补贴对象满意度)
is longer than the words said. The indicator is then looked for among that project's indicators only — the
one that best covers the rest of the question, when one does and no other ties it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from importlib.resources import files

from assistant.cues import alternation
from assistant.figures import find_figures
from assistant.knowledge import Knowledge, Link, norm
from assistant.measure_kept import unkept
from assistant.target_said import TARGET_COLUMNS
from assistant.target_said import cues as target_cues
from index.units import MONEY

MIN_SCORE = 0.2  # the rest's link score an indicator of the named project needs (its project already narrows)
TIE = 0.05  # two of the project's indicators this close: the question does not say which


@cache
def after_name() -> tuple[str, ...]:
    """The words said after a project's name that still name it (assistant/project_indicator.toml), longest first."""
    data = tomllib.loads(files("assistant").joinpath("project_indicator.toml").read_text(encoding="utf-8"))
    return tuple(sorted(data["after_name"], key=len, reverse=True))


def project_of(source: str) -> str:
    """The project a target fact is printed under: the part after the table in its source, or ""."""
    parts = source.split(" · ")
    return parts[1] if len(parts) > 3 else ""


def indicator_of_project(kb: Knowledge, content: str, docs: Sequence[str], question: str = "") -> Link | None:
    """The indicator of the project the content names whole, best covering the content's other words; None when
    it names no project with indicators, or none or several of its indicators fit. Of several forms of projects
    of that name (烟台市审计局's three 审计业务经费), only the one whose total the question states ("539万元那个")
    is read; stating none of them, or several, leaves the indicators of all."""
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
    form = _form_stated(kb, project, scope, question)
    rest = re.sub(rf"{re.escape(norm(project))}(?:{alternation(after_name())})?", " ", text)  # "…补贴项目的满意度"
    links = [
        lk
        for lk in kb.link(rest, scope)
        if any(
            f.doc_id in scope and f.column in TARGET_COLUMNS and project_of(f.source) == project
            and (form is None or (f.table, f.page) == form)
            for f in lk.label.facts
        )
    ]  # fmt: skip
    if not links or links[0].score < MIN_SCORE or (len(links) > 1 and links[0].score - links[1].score < TIE):
        return None
    if form is not None and any(
        (f.table, f.page) != form for f in links[0].label.facts if f.doc_id in scope and f.column in TARGET_COLUMNS
    ):
        return None  # the indicator's name is printed on the other forms too: its figure could be read from them
    return links[0]


def _form_stated(kb: Knowledge, project: str, scope: set[str], question: str) -> tuple[str | None, int | None] | None:
    """The (table, page) of the one form of `project` whose own amount the question states, when the project has
    forms of several amounts; else None (all its forms are read)."""
    label = kb.labels.get(norm(project))
    if label is None or not question:
        return None
    forms: dict[tuple[str | None, int | None], set[tuple[Decimal, str]]] = {}
    for f in label.facts:
        if f.doc_id in scope and f.table_kind == "performance" and f.unit in MONEY:
            forms.setdefault((f.table, f.page), set()).add((f.value, f.unit))
    stated = {(x.value, x.unit) for x in find_figures(question) if x.unit in MONEY}
    if len(forms) < 2 or not stated:
        return None
    chosen = [key for key, amounts in forms.items() if amounts & stated]
    return chosen[0] if len(chosen) == 1 else None


def indicator_instead(kb: Knowledge, best: Link, content: str, docs: Sequence[str], question: str) -> Link | None:
    """The indicator of the project `best` links to, when the question names that project whole and asks a measure
    its money cannot answer ("…等保测评服务的系统评分要求是多少": a score, the project's row holds 万元) or a target
    ("审计业务经费，促进增收节支的目标是多少亿元": a target of money is no budget figure), and the rest of the
    question fits one of the project's indicators; None otherwise (the project's own figure stands,
    or the refusal naming the measure missing)."""
    scope = set(docs)
    facts = [f for f in best.label.facts if f.doc_id in scope]
    if best.label.targets or any(f.column in TARGET_COLUMNS for f in facts):
        return None  # already an indicator
    money = [f for f in facts if f.unit in MONEY]
    if not money:
        return None
    if unkept(question, money[0].unit, money, False) is None and not any(
        w in question for w in target_cues()["target_nouns"]
    ):
        return None  # the project's money answers what is asked: neither another measure nor a target is asked
    found = indicator_of_project(kb, content, docs, question)
    if found is None:
        return None
    named = {project_of(f.source) for f in found.label.facts if f.doc_id in scope and f.column in TARGET_COLUMNS}
    return found if norm(best.label.name) in {norm(p) for p in named} else None
