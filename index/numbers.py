"""Reading printed numbers: separators, full-width digits, negatives, "no value" cells."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from index.normal import ascii_digits, to_decimal

# Cells that mean "nothing printed here" — not zero.
NO_VALUE_MARKS = frozenset({"", "—", "——", "–", "-", "－", "―", "/", "无", "－－", "--", "…"})

_CELL = str.maketrans("，－（）", ",-()")
_NUMBER = re.compile(r"^(?P<neg>[-−])?(?P<body>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$")
_PARENS = re.compile(r"^\((?P<inner>.+)\)$")


class NoValue:
    """Marker type for a cell that prints no amount (—, -, 无, blank)."""

    def __repr__(self) -> str:
        return "NO_VALUE"


NO_VALUE = NoValue()


def parse_number(cell: str) -> Decimal | NoValue | None:
    """A table cell as a number, NO_VALUE for "—"/"无"/blank, or None when it is text.

    Accepts thousands separators, full-width digits and negatives written
    `-12` or `(12)`.
    """
    s = ascii_digits(cell).translate(_CELL).strip().replace(" ", "").replace("\u3000", "")
    if s in NO_VALUE_MARKS:
        return NO_VALUE
    negative = False
    m = _PARENS.match(s)
    if m:
        s, negative = m.group("inner"), True
    m = _NUMBER.match(s)
    if not m:
        return None
    try:
        value = to_decimal(m.group("body"))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
        return None
    if m.group("neg"):
        negative = not negative
    return -value if negative else value


def cn_number(text: str) -> int:
    """Small Chinese numerals: 三 → 3, 十二 → 12, 二十 → 20."""
    digits = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0)
    return digits.get(text, 0)


def last_place(value: Decimal) -> Decimal:
    """One unit in the last printed place: 4997 → 1, 12.35 → 0.01."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(1).scaleb(min(exponent, 0))


def format_amount(value: Decimal) -> str:
    """Thousands separators as the disclosures print them: 4997 → "4,997"."""
    return f"{value:,}"
