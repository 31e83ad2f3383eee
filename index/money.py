"""The money units disclosures print, and how many 元 each is: the one table every reader and the calculator use."""

from __future__ import annotations

from decimal import Decimal

# unit → its value in 元, largest first (a regular expression of them tries 亿元 before 元)
MONEY: dict[str, Decimal] = {
    "亿元": Decimal(100_000_000),
    "万元": Decimal(10_000),
    "千元": Decimal(1_000),
    "元": Decimal(1),
}
MONEY_UNITS: tuple[str, ...] = tuple(MONEY)  # ("亿元", "万元", "千元", "元")
MONEY_PATTERN = "|".join(MONEY_UNITS)  # "亿元|万元|千元|元", for regular expressions
