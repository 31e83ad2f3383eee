from decimal import Decimal

import pytest

from index.numbers import NO_VALUE, last_place, parse_number


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("4,997", Decimal(4997)),
        ("4997", Decimal(4997)),
        ("０", Decimal(0)),
        ("４，９９７", Decimal(4997)),
        ("12,345,678.90", Decimal("12345678.90")),
        ("-12", Decimal(-12)),
        ("(12)", Decimal(-12)),
        ("（2,000.00）", Decimal("-2000.00")),
        ("－３．５", Decimal("-3.5")),
        (" 386 ", Decimal(386)),
        ("(1,234.00)", Decimal("-1234.00")),  # a negative in parentheses, as 决算 tables print it
        ("−5.00", Decimal("-5.00")),  # U+2212 MINUS SIGN
        ("168,441 .81", Decimal("168441.81")),  # a number split at its decimal point, joined with a space
    ],
)
def test_numbers_are_read_exactly(cell: str, expected: Decimal) -> None:
    assert parse_number(cell) == expected


@pytest.mark.parametrize("cell", ["", "—", "——", "-", "－", "无", "  "])
def test_no_value_cells_are_not_zero(cell: str) -> None:
    assert parse_number(cell) is NO_VALUE


@pytest.mark.parametrize("cell", ["项目", "2022 年预算数", "8 个", "≥90%", "1,23,4"])
def test_text_cells_are_not_numbers(cell: str) -> None:
    assert parse_number(cell) is None


@pytest.mark.parametrize(("value", "place"), [("4997", "1"), ("12.35", "0.01"), ("10.5", "0.1")])
def test_last_place(value: str, place: str) -> None:
    assert last_place(Decimal(value)) == Decimal(place)
