"""The calculator: exact Decimal results with their written calculation."""

from decimal import Decimal

import pytest

from assistant import calculator as calc
from assistant.calculator import CalculationError, Operand

D = Decimal


def op(value: str, unit: str = "万元", label: str = "x") -> Operand:
    return Operand(value=D(value), unit=unit, label=label)


@pytest.mark.parametrize(
    ("result", "value", "unit", "expression"),
    [
        (lambda: calc.total(op("1"), op("4")), D(5), "万元", "1 + 4 = 5"),
        (lambda: calc.total(op("695"), op("118"), op("161")), D(974), "万元", "695 + 118 + 161 = 974"),
        (lambda: calc.difference(op("4023"), op("974")), D(3049), "万元", "4,023 − 974 = 3,049"),
        (lambda: calc.share(op("4023"), op("4997")), D("80.51"), "%", "4,023 ÷ 4,997 × 100% = 80.51%"),
        (lambda: calc.share(op("5"), op("4997")), D("0.10"), "%", "5 ÷ 4,997 × 100% = 0.10%"),
        (lambda: calc.growth_rate(op("4997"), op("4519")), D("10.58"), "%", "(4,997 − 4,519) ÷ 4,519 × 100% = 10.58%"),
        (lambda: calc.growth_rate(op("1920"), op("920")), D("108.70"), "%", "(1,920 − 920) ÷ 920 × 100% = 108.70%"),
        (lambda: calc.growth_rate(op("770"), op("1630")), D("-52.76"), "%", "(770 − 1,630) ÷ 1,630 × 100% = -52.76%"),
        (lambda: calc.prior_year(op("4997"), op("478")), D(4519), "万元", "4,997 − 478 = 4,519"),
        (lambda: calc.prior_year(op("770"), op("-860")), D(1630), "万元", "770 − (-860) = 1,630"),
        (lambda: calc.ratio(op("695"), op("14", "人")), D("49.64"), "万元/人", "695 ÷ 14 = 49.64"),
        (lambda: calc.in_unit(op("4997"), "亿元"), D("0.4997"), "亿元", "4,997万元 = 0.4997亿元"),
        (lambda: calc.in_unit(op("19200000", "元"), "万元"), D(1920), "万元", "19,200,000元 = 1,920万元"),
        (lambda: calc.total(op("1", "万元"), op("5000", "元")), D("1.5"), "万元", "1 + 0.5 = 1.5"),
    ],
)
def test_calculations(result, value: Decimal, unit: str, expression: str) -> None:  # type: ignore[no-untyped-def]
    c = result()
    assert (c.value, c.unit, c.expression) == (value, unit, expression)


@pytest.mark.parametrize(
    ("value", "places", "rounded"),
    [("80.505", "0.01", "80.51"), ("80.515", "0.01", "80.52"), ("2.5", "1", "3"), ("-52.765", "0.01", "-52.77")],
)
def test_rounding_is_half_up(value: str, places: str, rounded: str) -> None:
    assert calc.round_half_up(D(value), D(places)) == D(rounded)


@pytest.mark.parametrize(
    ("result", "message"),
    [
        (lambda: calc.share(op("1"), op("0", label="支出总计")), "无法计算：“支出总计”为零，无法计算占比"),
        (lambda: calc.growth_rate(op("1"), op("0")), "无法计算：上年数为零，无法计算增长率"),
        (lambda: calc.total(op("1"), op("2", "人")), "无法计算：单位“人”与“万元”不能换算"),
        (lambda: calc.total(op("1")), "无法计算：合计至少需要两个数"),
    ],
)
def test_impossible_calculations_say_why(result, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CalculationError) as e:
        result()
    assert str(e.value) == message
