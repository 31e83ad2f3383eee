"""The units table (index/units.py): each money unit's value in 元, and the patterns every reader uses."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from assistant.calculator import convert
from index.units import COUNT_PATTERN, MONEY, MONEY_PATTERN


@pytest.mark.parametrize(
    ("printed", "unit", "in_yuan"),
    [("单位：亿元", "亿元", Decimal(100_000_000)), ("单位：万元", "万元", Decimal(10_000)),
     ("单位：千元", "千元", Decimal(1_000)), ("单位：元", "元", Decimal(1))],
)  # fmt: skip
def test_each_unit_is_read_whole_with_its_value(printed: str, unit: str, in_yuan: Decimal) -> None:
    m = re.search(rf"单位：(?P<unit>{MONEY_PATTERN})", printed)
    assert m and m.group("unit") == unit
    assert MONEY[unit] == in_yuan


def test_conversion_uses_the_table() -> None:
    assert convert(Decimal("4997"), "万元", "亿元") == Decimal("0.4997")
    assert convert(Decimal("1234.5"), "千元", "元") == Decimal("1234500")


@pytest.mark.parametrize(
    ("printed", "unit"),
    [("购置 3 台（套）", "台（套）"), ("购置 3 台(套)", "台(套)"), ("接待 120 人次", "人次"), ("编制 45 人", "人"),
     ("公务用车 2 辆", "辆")],
)  # fmt: skip
def test_a_count_is_read_with_its_whole_unit(printed: str, unit: str) -> None:
    m = re.search(rf"\d+\s*(?P<unit>{COUNT_PATTERN})", printed)
    assert m and m.group("unit") == unit
