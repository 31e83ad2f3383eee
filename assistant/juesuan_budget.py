"""A 决算 asked for its 预算 as a whole ("社工部2024年预算是多少？" when only the 2024 部门决算 is loaded).

A 部门决算 prints no 预算 of its total (本年支出合计 is a 决算 figure); the national template's 一般公共预算财政拨款支出
决算情况说明 prints that item's 年初预算 and 全年预算 (kinds.toml `budget_rows`). The answer gives every budget
figure printed for it, each under its own column (年初预算数 and 全年预算数 both: they differ when the budget was
adjusted), with the 决算数 beside them; when the 决算 prints none, the refusal says that only the 决算 is loaded
and quotes what its text says of the 年初预算."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from assistant.draft import Draft, Unanswerable, fmt, page_note, sources
from assistant.knowledge import Knowledge, norm
from assistant.subjects import subjects
from assistant.years import BUDGET_ROLES
from index.normal import label_key
from index.records import DocumentInfo, Fact
from index.units import MONEY

WHOLE = "支出合计"  # the registry subject (subjects.toml) of a department's whole spending


@cache
def budget_rows() -> tuple[str, ...]:
    """The items a 决算 prints its budget of the whole for (kinds.toml `budget_rows`)."""
    data = tomllib.loads(files("assistant").joinpath("kinds.toml").read_text(encoding="utf-8"))
    return tuple(data["budget_rows"])


def names_whole(name: str) -> bool:
    """The label `name` is the department's whole spending (本年支出合计, 支出总计 …: subjects.toml 支出合计)."""
    found = subjects().find(name)
    return found is not None and found[0].name == WHOLE and found[1] == label_key(name)


def whole_budget(kb: Knowledge, doc: DocumentInfo, name: str) -> Draft:
    """The budget figures a 决算 `doc` prints for its whole, each said with its column, beside its 决算数; raises
    Unanswerable (only the 决算 is loaded, with its text's words on the 年初预算) when it prints none."""
    for row in budget_rows():
        label = kb.labels.get(norm(row))
        own = [f for f in label.facts if f.doc_id == doc.doc_id and f.unit in MONEY] if label else []
        planned = _one_each([f for f in own if f.column_role in BUDGET_ROLES])
        if not planned:
            continue
        spent = _one_each([f for f in own if f.column_role == "决算数"])
        said = "，".join(f"{f.column}为 {fmt(f.value, f.unit)}" for f in planned)
        beside = f"；{spent[0].column}为 {fmt(spent[0].value, spent[0].unit)}" if spent else ""
        text = (
            f"{doc.title}没有单列“{name}”的预算数；文件所列{label.name if label else row}：{said}{beside}。\n"
            f"出处：{sources(*planned, *spent)}"
        )
        one = len({f.value for f in planned}) == 1  # 年初预算数 and 全年预算数 differing: both said, no one value
        return Draft(
            text=text,
            value=planned[0].value if one else None,
            unit=planned[0].unit if one else None,
            facts=[*planned, *spent],
        )
    raise Unanswerable(
        f"库中{doc.department}{doc.year}年只有部门决算，{doc.title}没有给出“{name}”的预算数{_said_of_budget(kb, doc)}"
    )


def _one_each(facts: list[Fact]) -> list[Fact]:
    """One fact per column (the text may print the same figure twice), in the order printed."""
    out: dict[str, Fact] = {}
    for f in facts:
        out.setdefault(f.column_role or f.column, f)
    return list(out.values())


def _said_of_budget(kb: Knowledge, doc: DocumentInfo) -> str:
    """What the 决算's text says of its 年初预算 for the budget rows ("比年初预算数增加 1668.14万元"), the first
    sentence quoted; or ""."""
    for row in budget_rows():
        label = kb.labels.get(norm(row))
        for f in label.facts if label else []:
            window = re.search(r"「(.+?)」", f.source)
            if f.doc_id == doc.doc_id and window and "年初预算" in window.group(1):
                return f"（文件说明：“…{window.group(1).strip()}”{page_note(f.page)}）"
    return ""
