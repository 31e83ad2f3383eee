"""Key–value forms printed as ruled tables (财政项目支出绩效目标填报表): one form per project.

A form is no grid of rows and columns: each amount sits right of the label that names it
("项目资金总额 | 4,100,000.00 | 年度资金申请总额 | 4,100,000.00"). Each form becomes one Row
whose label is the project's name (the cell right of 项目名称) and whose values are the amounts
keyed by the label left of them; a label repeated in the same form ("其他资金" under 项目资金总额
and under 年度资金申请总额) is qualified by the first label of its column block. Below the amounts,
the rows under 一级指标 | 二级指标 | 三级指标 | 指标值 are the project's indicators with their targets.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from index.catalog import TableKind
from index.numbers import parse_number
from index.records import Column, Indicator, Row, Table
from index.targets import IndicatorHeads, indicator_heads, indicator_row, weighed
from index.units import MONEY_PATTERN

FORM_START = "项目名称"
_UNIT = re.compile(r"[（(](?P<unit>" + MONEY_PATTERN + r")[)）]")


def parse_form(
    *,
    name: str,
    title: str,
    unit: str,
    department: str | None,
    pages: list[list[list[str]]],
    on: list[list[int | None]],
    notes: list[str],
    kind: TableKind,
) -> tuple[Table, list[Indicator]]:
    """The forms printed under one title (they run over pages without repeating it), and their indicators."""
    rows: list[Row] = []
    names: list[str] = []
    label = ""
    values: dict[str, Decimal | None] = {}
    first_of: dict[int, str] = {}  # column of a label → the first amount label in that column of this form
    page: int | None = None
    form_unit = unit
    indicators: list[Indicator] = []
    heads: IndicatorHeads | None = None  # the weight column of the indicator rows being read
    levels: tuple[str, str] | None = None  # (一级, 二级) of the indicator rows being read; None above them

    def flush() -> None:
        if label and values:
            rows.append(Row(label=label, values=dict(values), page=page))

    for printed, where in zip(pages, on, strict=True):
        for cells, at in zip(printed, where, strict=True):
            filled = [(j, c) for j, c in enumerate(cells) if c]
            if filled and filled[0][1] == FORM_START:
                flush()
                label = next((c for _, c in filled[1:]), "")
                values, first_of, page, levels, heads = {}, {}, at, None, None
                continue
            if any(c == "一级指标" for _, c in filled):
                levels, heads = ("", ""), indicator_heads(cells)
                continue
            if levels is not None:
                shown, weight = weighed(cells, heads)
                level1, level2, indicator = indicator_row([c for c in shown if c], *levels, at, label)
                levels = (level1, level2)
                if indicator and weight is not None and heads:
                    indicator = replace(indicator, weight=weight, weight_unit=heads.unit)
                if indicator:
                    indicators.append(indicator)
                continue
            key_at: tuple[int, str] | None = None
            for j, cell in filled:
                if m := _UNIT.search(cell):
                    form_unit = m.group("unit")
                number = parse_number(cell)
                if isinstance(number, Decimal) and key_at is not None and label:
                    key = key_at[1].removeprefix("其中：").removeprefix("其中:")
                    first = first_of.setdefault(key_at[0], key)
                    if key in values:
                        key = f"{key}（{first}）"
                    values[key] = number
                    names.append(key)
                    key_at = None
                elif number is None:
                    key_at = (j, cell)
    flush()
    columns = [Column(name=n, kind="amount") for n in dict.fromkeys(names)]
    table = Table(
        name=name,
        title=title,
        unit=form_unit or "元",
        department=department,
        header=[],
        columns=columns,
        rows=rows,
        notes=notes,
        pages=len(pages),
        kind=kind.kind,
        fund=kind.fund,
        code_scheme=kind.code_scheme,
    )
    return table, indicators
