"""A printed table's columns from its header rows: each column's path of headings, its name, its kind
(amount, code, label, text, count, ordinal) and the unit a heading prints ("金额（元）")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from index.catalog import column_role, count_unit, is_code, is_ordinal
from index.labels import LABEL_NAMES, is_code_part
from index.numbers import parse_number
from index.records import Column, ColumnKind
from index.sides import sides_of
from index.units import MONEY_PATTERN

TEXT_HINTS = ("目标", "内容", "说明", "备注", "用途")
_UNIT_IN_NAME = re.compile(r"[（(](?P<unit>" + MONEY_PATTERN + r")[)）]")


def _paths(grid: list[list[str]]) -> list[list[str]]:
    """For each column, the header texts over it from the top row down to its leaf.

    A header cell spans the blank cells right of it until a cell of a row above starts
    a new span there; a blank leaf under a header is that header merged downwards.
    """
    width = len(grid[0]) if grid else 0
    paths: list[list[str]] = [[] for _ in range(width)]
    starts = [j == 0 for j in range(width)]  # where some upper row starts a span
    for row in grid:
        carried = ""
        new_starts = list(starts)
        for j in range(width):
            if row[j]:
                carried = row[j]
                new_starts[j] = True
            elif starts[j]:
                carried = ""
            if carried and (not paths[j] or paths[j][-1] != carried):
                paths[j].append(carried)
        starts = new_starts
    return paths


def columns_of(header: list[list[str]], body: list[list[str]]) -> tuple[list[Column], str]:
    """Flatten up to four header rows into leaf columns; detect side-by-side 收入|支出 halves.

    A leaf repeated under several items (预算数 | 决算数 under each “三公” item) keeps its
    item, so that every column has a name of its own.
    """
    width = max([len(r) for r in header + body] + [0])
    grid = [r + [""] * (width - len(r)) for r in header] or [[""] * width]
    top_row = grid[-2] if len(grid) > 1 else [""] * width
    unit_in_header = ""
    names: list[tuple[str, str | None]] = []
    totals: list[str] = []  # "合计" when a 合计/小计 leaf is named by the header over it
    tops: list[str] = []  # the header at the top of each column (2025年预算数 | 2026年预算数)
    paths = [[p for p in path if p] for path in _paths(grid)]
    for path in paths:
        tops.append(path[0] if len(path) > 1 else "")
        leaf = path[-1] if path else ""
        group = path[-2] if len(path) > 1 else None
        if m := _UNIT_IN_NAME.search(leaf):
            unit_in_header = m.group("unit")
            leaf = _UNIT_IN_NAME.sub("", leaf)
        total = ""
        if group and leaf in {"小计", "合计"}:
            total, leaf, group = leaf, group, (path[-3] if len(path) > 2 else None)
        if group and group in {"项目", "科目"} and (is_code(leaf) or leaf.endswith("名称")):
            group = None  # 项目 spans 科目编码 | 科目名称
        if group in {"小计", "合计"} and len(path) > 2:
            group = path[-3]  # 预算数 under 小计 under 公务用车购置及运行维护费: that item's
        names.append((leaf.removeprefix("其中：").removeprefix("其中:"), group))
        totals.append(total)
    leaves = [n for n, _ in names]
    repeated = {n for n in leaves if n and leaves.count(n) > 1 and column_role(n)}
    kinds = [_kind(leaf, [r[j] for r in body if j < len(r)]) for j, (leaf, _) in enumerate(names)]
    sides = sides_of(top_row, leaves, kinds)
    if not any(sides) and "label" not in kinds:
        # no label header (项目, 科目名称 …): the text column right after the first code names the code's row
        # (部门预算支出经济分类科目 after its 类 | 款, 采购项目 after 单位编码)
        first = next((j for j, k in enumerate(kinds) if k in ("code", "code_part")), None)
        while first is not None and first + 1 < len(kinds) and kinds[first + 1] in ("code", "code_part"):
            first += 1
        if first is not None and first + 1 < len(kinds) and kinds[first + 1] == "text":
            kinds[first + 1] = "label"
    years = _year_groups(paths)
    latest = max(years.values(), default="")
    columns = []
    for j, (leaf, group) in enumerate(names):
        side = sides[j]
        kind: ColumnKind = "label" if side and kinds[j] == "text" else kinds[j]  # a group's label column
        item = None
        name = leaf or f"第{j + 1}列"
        if j in years and not side:
            # "2025年预算数 | 2026年预算数", each over the same items: the item, under its year's measure; only the
            # latest year's columns carry the measure's role (the earlier year's are last year's figures)
            item = leaf if leaf != years[j] else "合计"
            name = f"{item}·{years[j]}"
            role = column_role(re.sub(r"^(?:19|20)\d{2}年度?", "", years[j])) if years[j] == latest else None
            columns.append(Column(name=name, group=None, side=None, kind=kind, role=role.role if role else None,
                                  item=item, unit=count_unit(leaf) if kind == "count" else None,
                                  path=_printed(paths[j])))  # fmt: skip
            continue
        if leaf in repeated and group and not side:
            item = group
            name = f"{group}·{leaf}"
        role = column_role(totals[j] or leaf, leaf if totals[j] else group) if kind == "amount" else None
        columns.append(
            Column(
                name=name,
                group=None if side or item else group,
                side=side,
                kind=kind,
                role=role.role if role else None,
                item=item,
                unit=count_unit(leaf) if kind == "count" else None,
                path=_printed(paths[j]),
            )
        )
    return _apart(columns, tops), unit_in_header


def _printed(path: list[str]) -> tuple[str, ...]:
    """A column's headers as printed, outermost first, without the unit a header names ("金额（元）") or the
    "其中：" before a part."""
    return tuple(_UNIT_IN_NAME.sub("", p).removeprefix("其中：").removeprefix("其中:") for p in path)


def _year_groups(paths: list[list[str]]) -> dict[int, str]:
    """Column → its top header when two or more top headers name years ("2025年预算数", "2026年预算数")."""
    tops = {j: path[0] for j, path in enumerate(paths) if path and _YEAR_GROUP.match(path[0])}
    return tops if len(set(tops.values())) >= 2 and len(tops) > len(set(tops.values())) else {}


_YEAR_GROUP = re.compile(r"^(?:19|20)\d{2}年度?(?:预算数|决算数|预算|决算|执行数)$")


def _apart(columns: list[Column], tops: list[str]) -> list[Column]:
    """Columns still named alike under different top headers (the “三公” items under 2025年预算数 and
    under 2026年预算数) are named item·top, so that neither overwrites the other."""
    count = Counter(c.name for c in columns if not c.side)
    out = []
    for c, top in zip(columns, tops, strict=True):
        if count[c.name] > 1 and top and top != c.name and not c.side and not c.item and c.kind == "amount":
            c = replace(c, name=f"{c.name}·{top}", item=c.name, group=None)
        out.append(c)
    return out


def _kind(name: str, values: list[str]) -> ColumnKind:
    if is_ordinal(name):
        return "ordinal"
    if is_code_part(name):
        return "code_part"
    if is_code(name):
        return "code"
    if name == "年度":
        return "year"
    if name in LABEL_NAMES or name.endswith("名称"):
        return "label"
    if any(h in name for h in TEXT_HINTS):
        return "text"
    parsed = [parse_number(v) for v in values if v]
    if any(p is None for p in parsed) and not any(isinstance(p, Decimal) for p in parsed):
        return "text"
    if count_unit(name):
        return "count"
    return "amount"
