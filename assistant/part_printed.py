"""Parts of a whole printed outside its own table row or sentence, which every template still prints inside it:
an item the text lists in the whole's section (parts.toml `[[within]]`: 公务用车购置费 in the “三公”经费), and the
same 科目 row of the table of a part of the spending (index/catalog.toml `part`, `part_of`: 310 of the 基本支出
经济分类表 inside 310 of the 一般公共预算支出经济分类表). Read by assistant/exclusion.py, which subtracts them."""

from __future__ import annotations

import re

from assistant.knowledge import norm
from assistant.within import named_within
from index.catalog import catalog
from index.records import Fact


def within_said(part: Fact, whole: Fact) -> bool:
    """The text prints the part in the whole's own section, as an item every template prints inside it (parts.toml
    `[[within]]`: 公务用车购置费 in the “三公”经费, through 公务用车购置和运行维护费), in the same column and unit: "
    “三公”经费预算 223.80 万元 … 公务用车购置费预算 44.92 万元" (北京市财政局 2026)."""
    return (
        not part.table and not whole.table and part.doc_id == whole.doc_id and part.unit == whole.unit
        and part.column == whole.column and part.row != whole.row and 0 <= part.value <= whole.value
        and part.source.split(" · 「")[0] == whole.source.split(" · 「")[0] and named_within(part.row, whole.row)
    )  # fmt: skip


def part_table_rows(name: str, whole: Fact, facts: list[Fact]) -> list[Fact]:
    """The whole's row (its 科目 code, fund and column) in the one table of the part the name asks, which the catalog
    prints as that part of the whole's table (index/catalog.toml `part` and `part_of`): "资本性支出（310）扣掉基本支出
    里的部分" is 310 of the 一般公共预算基本支出经济分类表 (9.20) inside 310 of the 一般公共预算支出经济分类表 (12.00)."""
    name = re.sub(r"(?:里面|里|当中|之中|中)?(?:的)?(?:部分|那部分)?$", "", norm(name))
    kinds = {t.kind for t in catalog().tables if t.part and norm(t.part) == name and whole.table_kind in t.part_of}
    if not kinds or not whole.code or not whole.table:
        return []
    rows = [
        f for f in facts
        if f.table_kind in kinds and f.code == whole.code and f.fund == whole.fund and f.unit == whole.unit
        and f.column_role == whole.column_role and 0 <= f.value <= whole.value
    ]  # fmt: skip
    return rows if len({f.table for f in rows}) == 1 and len(rows) == 1 else []


def table_part(f: Fact) -> str:
    """The part of the spending the fact's table prints ("基本支出中的"), or ""."""
    part = next((t.part for t in catalog().tables if t.kind == f.table_kind and t.part), "")
    return f"{part}中的" if part else ""
