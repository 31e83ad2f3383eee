"""Units of measure printed in disclosures: money with its value in 元, and the counts a figure may be in.

The one table the readers of figures (index.prose in the disclosure's text, assistant.figures in a
question or answer, index.parse/tables/forms in unit lines and headers) and the calculator use.
"""

from __future__ import annotations

import re
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

# Counts a figure is printed in, a longer unit before its prefix (人次 before 人, 台（套） before 台).
COUNT_UNITS: tuple[str, ...] = ("人次", "人", "辆", "个", "台（套）", "台(套)", "台", "套", "次", "场", "家", "项", "名",
                                "间", "件", "册")  # fmt: skip
COUNT_PATTERN = "|".join(u.replace("(", "\\(").replace(")", "\\)") for u in COUNT_UNITS)

# A unit price: money per something, printed as one compound unit ("417 元/座", "710 元/人月", "5 万元/人"). It is
# neither an amount (never added to or compared with 万元) nor a count; it answers "多少钱一座" as printed.
_PRICE = re.compile(rf"^(?:{MONEY_PATTERN})/[^/\s]+$")


def is_price(unit: str) -> bool:
    """Whether a unit is a unit price: "元/座", "元/人月", "万元/人" (not "元", not "%")."""
    return bool(_PRICE.match(unit))
