"""Side-by-side tables: several lists printed in column groups (收入 | 支出, or k groups of label + amounts)."""

from __future__ import annotations

import difflib
from dataclasses import replace
from typing import TYPE_CHECKING

from index.catalog import is_code
from index.labels import LABEL_NAMES, is_code_part, is_total
from index.normal import bare_label
from index.records import ColumnKind

if TYPE_CHECKING:
    from index.tables import ParsedTable

_SIDE_NAMES = ("左栏", "右栏")  # halves of a two-group table that are not 收入 | 支出


def sides_of(top_row: list[str], leaves: list[str], kinds: list[ColumnKind]) -> list[str | None]:
    """The side of each column: the label header printed twice, else k groups of label + amounts."""
    sides = _sides(top_row, leaves)
    return sides if any(sides) else _groups(top_row, leaves, kinds)


def _sides(top_row: list[str], leaves: list[str]) -> list[str | None]:
    """For side-by-side tables (label header printed twice), the side of each column.

    Halves under 收入 / 支出 headers are those sides; two column groups of one list
    (the 经济分类 table printed in two halves) are 左栏 / 右栏.
    """
    labels = [j for j, n in enumerate(leaves) if n in LABEL_NAMES or (is_code(n) and not is_code_part(n))]
    first = leaves[labels[0]] if labels else ""
    again = next((j for j in labels[1:] if leaves[j] == first), None)
    if again is None:
        return [None] * len(leaves)
    sides: list[str | None] = []
    current = ""
    for j in range(len(leaves)):
        if j < len(top_row) and top_row[j]:
            current = "收入" if "收入" in top_row[j] else "支出" if "支出" in top_row[j] else top_row[j]
        if not current or current not in ("收入", "支出"):
            sides.append(_SIDE_NAMES[0] if j < again else _SIDE_NAMES[1])
        else:
            sides.append(current)
    return sides


def _groups(top_row: list[str], leaves: list[str], kinds: list[ColumnKind]) -> list[str | None]:
    """Sides of a table printing k ≥ 2 groups of (label column, amount columns) side by side.

    表1 of a 部门综合预算 prints 项目 | 预算数 under 收入, then 支出功能分类科目 | 预算数, 部门预算支出经济
    分类科目 | 预算数 and 政府预算支出经济分类科目 | 预算数 under 支出: each group is a list of its own.
    The groups' amount columns must be named alike. A group is named by the heading over it; groups
    sharing a heading add their label column's name ("支出·部门预算支出经济科目（按大类）").
    """
    none: list[str | None] = [None] * len(leaves)
    starts = [j for j, k in enumerate(kinds) if k in ("label", "text")]
    groups: list[tuple[int, int]] = []  # (label column, end of its amount columns)
    for j in starts:
        end = j + 1
        while end < len(kinds) and kinds[end] == "amount":
            end += 1
        if end > j + 1:
            groups.append((j, end))
    if len(groups) < 2 or len({tuple(leaves[j + 1 : end]) for j, end in groups}) != 1:
        return none
    if any(k == "amount" for k in kinds[: groups[0][0]]) or groups[-1][1] != len(leaves):
        return none
    if any(groups[i][1] != groups[i + 1][0] for i in range(len(groups) - 1)):
        return none
    headings = []
    current = ""
    for j in range(len(leaves)):
        if j < len(top_row) and top_row[j]:
            current = top_row[j]
        headings.append(current)
    heads = [headings[j] or leaves[j] for j, _ in groups]
    names = [h if heads.count(h) == 1 else f"{h}·{leaves[j]}" for h, (j, _) in zip(heads, groups, strict=True)]
    sides = list(none)
    for i, (j, end) in enumerate(groups):
        for c in range(0 if i == 0 else j, end):
            sides[c] = names[i]
    return sides


def side_head(side: str | None) -> str | None:
    """The heading a side is under: "支出·部门预算支出经济科目（按大类）" → "支出"."""
    return side.split("·")[0] if side else side


def link_codes(tables: dict[str, ParsedTable]) -> dict[str, ParsedTable]:
    """Give the uncoded 支出 rows of side-by-side tables the 科目编码 of the coded table's rows.

    表1 and 表6 print the 功能分类 lines without codes; they are the same lines, in the
    same order, as the coded table (表7). Lines are aligned by name; where a stretch of
    names differs but has the same length on both sides, it is aligned by position, so a
    mis-named line still gets its code (and the audit can report the name).
    """
    coded = max((t.table for t in tables.values()), key=lambda t: sum(1 for r in t.rows if r.code), default=None)
    if coded is None or not any(r.code for r in coded.rows):
        return tables
    reference = [r for r in coded.rows if r.code]
    out = dict(tables)
    for name, parsed in tables.items():
        t = parsed.table
        if not any(c.side for c in t.columns) or any(r.code for r in t.rows):
            continue
        rows = list(t.rows)
        spending = [s for s in dict.fromkeys(r.side for r in t.rows) if side_head(s) == "支出"]
        for side in spending:
            spend = [
                i for i, r in enumerate(t.rows) if r.side == side and not is_total(r.label) and not _is_carry(r.label)
            ]
            a = [bare_label(t.rows[i].label) for i in spend]
            b = [bare_label(r.label) for r in reference]
            matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
            if len(spending) > 1 and 2 * sum(m.size for m in matcher.get_matching_blocks()) < len(a):
                continue  # one of several 支出 lists, not the coded table's (经济分类 beside 功能分类)
            for op, i1, i2, j1, j2 in matcher.get_opcodes():
                if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
                    for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                        rows[spend[i]] = replace(rows[spend[i]], code=reference[j].code, parent=reference[j].parent)
        out[name] = replace(parsed, table=replace(t, rows=rows))
    return out


def _is_carry(label: str) -> bool:
    return any(w in label for w in ("结转", "结余"))
