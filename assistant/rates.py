"""Rates printed per something (a 收费标准 in 元/㎡, a 绩效 target in 元/人月), answered when a question asks per
the same denominator and names the rate's row or its project: "民警法定工作日之外加班补贴每人每月多少钱" ← 人均补贴
标准 =710元/人月. A rate never answers an amount, nor an amount a rate; two rates that fit equally with different
figures answer nothing (the question does not say which). The denominators are data (assistant/rates.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.counts import TARGET, project_of
from assistant.cues import longest_first
from assistant.draft import Draft, Unanswerable, fmt, sources
from assistant.knowledge import Knowledge
from assistant.records import Citation
from index.records import DocumentInfo, Fact

_SEPARATORS = re.compile(r"[\s、，,·“”（）()/／]")


@cache
def cues() -> dict[str, Any]:
    """assistant/rates.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("rates.toml").read_text(encoding="utf-8"))


def _key(text: str) -> str:
    return _SEPARATORS.sub("", text)


def asked(question: str) -> set[str]:
    """The denominators a question asks a rate per ("每人每月" → 人月), as keys; empty when it asks none."""
    per = cues()["per"]
    found = [w for w in longest_first(per) if w in question]
    return {_key(d) for w in found for d in per[w]}


def denominator(unit: str) -> str | None:
    """What a printed rate is per ("元/人月" → 人月, "元/人/天" → 人天), or None for no rate."""
    return _key(unit.split("/", 1)[1]) if "/" in unit else None


def _named(f: Fact, question: str) -> int:
    """How much of the question names the rate: its row (the longer the tighter), else its project; 0 if neither."""
    said = _key(question)
    if _key(f.row) in said:
        return 2 * len(_key(f.row))
    project = project_of(f)
    return len(_key(project)) if project and _key(project) in said else 0


def _said(f: Fact) -> str:
    if project := project_of(f):
        printed = f.source.rpartition(f"{TARGET} ")[2] or fmt(f.value, f.unit)
        return f"{project}项目绩效目标“{f.row}”{TARGET} {printed}"
    return f"{f.row}{f.column}为 {fmt(f.value, f.unit)}"


def answer_rate(question: str, doc: DocumentInfo, kb: Knowledge) -> Draft | None:
    """The rate of the one document in scope the question asks per its denominator: a Draft citing it,
    Unanswerable listing them when several fit with different figures, None when none does."""
    per = asked(question)
    if not per:
        return None
    scored = [(_named(f, question), f) for f in kb.facts_by_doc.get(doc.doc_id, []) if denominator(f.unit) in per]
    scored = [(s, f) for s, f in scored if s > 0]
    if not scored:
        return None
    top = max(s for s, _ in scored)
    best = [f for s, f in scored if s == top]
    if len({(f.value, f.unit) for f in best}) > 1:
        listed = "；".join(_said(f) for f in best)
        raise Unanswerable(f"公开文件给出了不止一个符合的标准：{listed}。请说明问的是哪一个")
    f = best[0]
    text = f"{doc.year}年{doc.department}{_said(f)}。\n出处：{sources(f)}"
    cite = Citation(doc_id=doc.doc_id, where=sources(f), text=f.row)
    return Draft(text=text, value=f.value, unit=f.unit, facts=[f], citations=[cite], doc_id=doc.doc_id)


def rate_of(docs: Sequence[DocumentInfo], question: str, kb: Knowledge) -> Draft | None:
    """The rate asked of the latest document in scope that prints one (all of one department)."""
    if len({d.department for d in docs}) != 1:
        return None
    for doc in sorted(docs, key=lambda d: d.year, reverse=True):
        if draft := answer_rate(question, doc, kb):
            return draft
    return None
