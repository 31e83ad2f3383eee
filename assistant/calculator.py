"""The calculator: exact Decimal arithmetic over figures, each result with its written calculation.

Pure: no I/O, no globals, no logging. Money is converted between 元/万元/亿元
exactly; results are rounded half-up (amounts to the operands' precision,
percentages to two decimals).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from index.errors import AssistantError
from index.numbers import format_amount
from index.units import MONEY

PERCENT_PLACES = Decimal("0.01")
Op = Literal["sum", "difference", "ratio", "share", "growth", "prior_year", "convert", "mean"]


class CalculationError(AssistantError):
    """A calculation that cannot be done (division by zero, incompatible units)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return f"无法计算：{self.reason}"


@dataclass(frozen=True, kw_only=True)
class Operand:
    """A figure going into a calculation, with where it came from."""

    value: Decimal
    unit: str
    label: str  # "项目支出"
    source: str = ""  # "表3 支出总表 · … · 项目支出"


@dataclass(frozen=True, kw_only=True)
class Calculation:
    """A result and how it was obtained."""

    op: Op
    operands: tuple[Operand, ...]
    value: Decimal
    unit: str
    expression: str  # "4,023 ÷ 4,997 × 100% = 80.51%"


def round_half_up(value: Decimal, places: Decimal) -> Decimal:
    return value.quantize(places, ROUND_HALF_UP)


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """Exact conversion between 元/千元/万元/亿元; other units must match."""
    if from_unit == to_unit:
        return value
    if from_unit in MONEY and to_unit in MONEY:
        return value * MONEY[from_unit] / MONEY[to_unit]
    raise CalculationError(f"单位“{from_unit}”与“{to_unit}”不能换算")


def _same_unit(operands: tuple[Operand, ...]) -> tuple[list[Decimal], str]:
    unit = operands[0].unit
    return [convert(o.value, o.unit, unit) for o in operands], unit


def _fmt(value: Decimal, unit: str = "") -> str:
    text = format_amount(value.quantize(Decimal(1)) if value == value.to_integral_value() else value)
    return f"{text}{unit}" if unit == "%" else text


def total(*operands: Operand) -> Calculation:
    """合计: a + b (+ c …), in the first operand's unit."""
    if len(operands) < 2:
        raise CalculationError("合计至少需要两个数")
    values, unit = _same_unit(operands)
    value = sum(values, Decimal(0))
    expression = " + ".join(_fmt(v) for v in values) + f" = {_fmt(value)}"
    return Calculation(op="sum", operands=operands, value=value, unit=unit, expression=expression)


def mean(*operands: Operand) -> Calculation:
    """平均: (a + b + …) ÷ n, in the first operand's unit, rounded half-up to two decimals."""
    if not operands:
        raise CalculationError("没有可以平均的数")
    values, unit = _same_unit(operands)
    value = round_half_up(sum(values, Decimal(0)) / len(values), PERCENT_PLACES)
    expression = f"({' + '.join(_fmt(v) for v in values)}) ÷ {len(values)} = {_fmt(value)}"
    return Calculation(op="mean", operands=operands, value=value, unit=unit, expression=expression)


def difference(a: Operand, b: Operand) -> Calculation:
    """差额: a − b."""
    (va, vb), unit = _same_unit((a, b))
    value = va - vb
    return Calculation(
        op="difference", operands=(a, b), value=value, unit=unit, expression=f"{_fmt(va)} − {_fmt(vb)} = {_fmt(value)}"
    )


def ratio(a: Operand, b: Operand, places: Decimal = PERCENT_PLACES) -> Calculation:
    """比值 a ÷ b (e.g. per head), rounded half-up; the unit is a's per b's."""
    if b.value == 0:
        raise CalculationError(f"“{b.label}”为零，不能作除数")
    value = round_half_up(a.value / b.value, places)
    unit = f"{a.unit}/{b.unit}" if b.unit and b.unit != a.unit else a.unit
    return Calculation(
        op="ratio",
        operands=(a, b),
        value=value,
        unit=unit,
        expression=f"{_fmt(a.value)} ÷ {_fmt(b.value)} = {_fmt(value)}",
    )


def share(part: Operand, whole: Operand) -> Calculation:
    """占比（%）: part ÷ whole × 100, two decimals."""
    (vp, vw), _ = _same_unit((part, whole))
    if vw == 0:
        raise CalculationError(f"“{whole.label}”为零，无法计算占比")
    value = round_half_up(vp / vw * 100, PERCENT_PLACES)
    return Calculation(
        op="share",
        operands=(part, whole),
        value=value,
        unit="%",
        expression=f"{_fmt(vp)} ÷ {_fmt(vw)} × 100% = {_fmt(value, '%')}",
    )


def growth_rate(current: Operand, previous: Operand) -> Calculation:
    """同比增长率（%）: (current − previous) ÷ previous × 100, two decimals."""
    (vc, vp), _ = _same_unit((current, previous))
    if vp == 0:
        raise CalculationError("上年数为零，无法计算增长率")
    value = round_half_up((vc - vp) / vp * 100, PERCENT_PLACES)
    expression = f"({_fmt(vc)} − {_fmt(vp)}) ÷ {_fmt(vp)} × 100% = {_fmt(value, '%')}"
    return Calculation(op="growth", operands=(current, previous), value=value, unit="%", expression=expression)


def prior_year(current: Operand, change: Operand) -> Calculation:
    """上年数 from this year's amount and the change: current − change (4,997 − 478 = 4,519)."""
    (vc, vd), unit = _same_unit((current, change))
    value = vc - vd
    expression = f"{_fmt(vc)} − ({_fmt(vd)}) = {_fmt(value)}" if vd < 0 else f"{_fmt(vc)} − {_fmt(vd)} = {_fmt(value)}"
    return Calculation(op="prior_year", operands=(current, change), value=value, unit=unit, expression=expression)


def in_unit(a: Operand, unit: str) -> Calculation:
    """单位换算: the same amount in another money unit (4,997 万元 = 0.4997 亿元)."""
    value = convert(a.value, a.unit, unit).normalize()
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return Calculation(
        op="convert", operands=(a,), value=value, unit=unit, expression=f"{_fmt(a.value)}{a.unit} = {_fmt(value)}{unit}"
    )
