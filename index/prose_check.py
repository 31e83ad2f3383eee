"""The prose's figures against the tables: which table figure a sentence states.

A figure of the prose is compared with the table figure of the same item. Two rules keep
the comparison to the figure the sentence means:

- a part stated under a whole ("一般公共预算财政拨款支出 128148.56 万元，其中：基本支出 33325.21
  万元") is looked for in the table whose total row prints that whole beside the part;
- a bare 合计/总计 row stands for a named item (“三公”经费) only in the table of that item's kind
  (the catalog's subject of the table kind), never in whichever table comes first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from index.catalog import catalog
from index.labels import is_total
from index.normal import squeeze
from index.records import Fact

_PARTS = ("支出总计", "基本支出", "项目支出", "本年收入")  # columns the prose names as items
_WHOLE = ("支出总计", "总计", "合计")  # a row's total column

ALIASES = {  # prose wording → the table row/column the template prints it as
    "部门预算收入": "收入总计", "部门预算支出": "支出总计", "部门预算": "支出总计", "收入预算": "收入总计",
    "支出预算": "支出总计",
}  # fmt: skip

Compare = Callable[[str, str, Decimal, Decimal, str], None]  # kind, where, the text's figure, the table's, unit


def match_key(label: str) -> str:
    """A label reduced for matching across prose and tables."""
    s = label.replace("（", "(").replace("）", ")").replace("“", "").replace("”", "")
    s = s.replace("费用", "费").replace("和", "及").replace("经费", "费")
    return squeeze(s)


def prose_vs_tables(compare: Compare, facts: list[Fact], year: int) -> None:
    """Totals and items in the prose = the same figures in the tables."""
    this_year = f"{year}年"
    table_facts = [
        f for f in facts
        if f.table is not None and f.column not in {"增减变化金额"}
        and not ((m := re.match(r"\d{4}年", f.column)) and m.group() != this_year)
    ]  # fmt: skip
    index: dict[str, Fact] = {}
    by_column: dict[str, list[Fact]] = defaultdict(list)
    for f in table_facts:
        for key in {
            match_key(f.row),
            match_key(re.sub(r"\([^()]*\)$", "", f.row.replace("（", "(").replace("）", ")"))),
        }:
            index.setdefault(key, f)
        if f.column in _PARTS:
            by_column[f.column].append(f)
    subjects = {match_key(k.subject): k.kind for k in catalog().tables}
    prose = [f for f in facts if f.table is None and f.column == "金额"]
    done: set[str] = set()
    for f in prose:
        if f.row in done:
            continue
        key = match_key(f.row)
        key = ALIASES.get(key, key)
        ref = index.get(key)
        if ref is not None and is_total(ref.row) and not is_total(key):
            ref = None  # a bare 合计 row is no named item's
        if key in by_column:  # 基本支出 / 项目支出: a column of the total row
            # a row named like the column but of one fund ("本年收入 · 一般公共预算") is not the whole the text states
            ref = _whole_of(f, by_column[key], table_facts, prose) or (
                ref if ref and ref.fund in (None, "全部") else None
            )
            ref = ref or next((c for c in by_column[key] if c.fund in (None, "全部")), by_column[key][0])
        if ref is None and key in subjects:
            ref = _subject_total(table_facts, subjects[key])
        if f.parent and (kind := subjects.get(match_key(f.parent))) and any(t.table_kind == kind for t in table_facts):
            # a part of “三公”经费 is that table's figure: 表6's 30231 公务用车运行维护费 is basic spending only
            ref = next(
                (t for t in table_facts if t.table_kind == kind and key in {match_key(t.row), match_key(t.column)}),
                None,
            )
        if ref is None or ref.unit != f.unit:
            continue
        done.add(f.row)
        compare(
            "文表一致", f"{f.section} {f.row} ↔ {ref.source}", f.value, ref.value, f.unit
        )  # what the text states first


def _whole_of(f: Fact, candidates: list[Fact], table_facts: list[Fact], prose: list[Fact]) -> Fact | None:
    """For a part stated under a whole, the candidate whose row total is the whole's figure."""
    if not candidates or not f.parent:
        return None
    whole = next((p.value for p in prose if p.row == f.parent and p.section == f.section), None)
    if whole is None:
        return None
    for c in candidates:
        totals = [
            t.value for t in table_facts
            if t.table == c.table and t.row == c.row and t.page == c.page and t.column in _WHOLE
        ]  # fmt: skip
        if whole in totals:
            return c
    return None


def _subject_total(table_facts: list[Fact], kind: str) -> Fact | None:
    """The total row's first figure in the table of a kind ("“三公”经费" → 三公 table's 合计)."""
    return next((t for t in table_facts if t.table_kind == kind and is_total(t.row)), None)
