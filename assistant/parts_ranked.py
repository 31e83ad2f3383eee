"""The rows a ranking ranks when the question names a group of named parts printed as rows of one table:
"三公经费里哪项最多" ranks the three parts of the 三公 table (因公出国（境）费, 公务用车购置及运行维护费, 公务接待费;
the car's own 购置费 and 运行维护费 are parts of a part, never ranked beside it), each read once, in one column.

Read surely or not at all: a part printed in several rows or columns (by fund, by year) or missing, or parts that
do not add up to the group's total the table prints, leave the ranking to the engine, which refuses naming it.
The groups and the words of their parts are data (measures.toml [ranking.part_groups])."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from assistant import calculator as calc
from assistant.measures import _data
from index.records import Fact


def _groups() -> dict[str, Any]:
    return dict(_data()["ranking"]["part_groups"])


def group_named(before: str) -> dict[str, Any] | None:
    """The one group of parts the words before a ranking name ("三公经费里"), or None."""
    found = [g for g in _groups().values() if re.search(g["words"], before)]
    return found[0] if len(found) == 1 else None


def part_rows(facts: list[Fact], group: dict[str, Any]) -> list[Fact] | None:
    """One row for each part of `group` in its one table, in the first column role of the group's `columns`
    that prints every part once; None when no such table and column, or the parts miss the printed total."""
    cells = [f for f in facts if f.table and f.table_kind == group["kind"] and f.unit in calc.MONEY]
    if len({f.table for f in cells}) != 1:
        return None
    for role in group["columns"]:
        column = [f for f in cells if f.column_role == role]
        rows = []
        for part in group["parts"]:
            found = {(f.row, f.value): f for f in column if re.search(part, f.row)}
            if len(found) != 1:
                break
            rows.append(next(iter(found.values())))
        else:
            total = {calc.convert(f.value, f.unit, "元") for f in column if re.search(group["total"], f.row)}
            added = sum((calc.convert(f.value, f.unit, "元") for f in rows), start=Decimal(0))
            return rows if not total or total == {added} else None
    return None
