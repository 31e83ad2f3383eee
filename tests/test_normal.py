"""The normal forms text is compared in (index/normal.py): each form on text as disclosures print it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from index.normal import ascii_digits, bare_label, form_key, label_key, squeeze, squeeze_cjk, to_decimal


@pytest.mark.parametrize(
    ("fn", "printed", "expected"),
    [
        (ascii_digits, "４，９９７．５０万元，占１２．５％", "4,997.50万元，占12.5%"),
        (ascii_digits, "1，234，567", "1,234,567"),
        (ascii_digits, "2022，2023年", "2022，2023年"),  # a list of years: no thousands separator
        (squeeze, "深 圳 市 科 学 技 术 协 会\t2022 年", "深圳市科学技术协会2022年"),
        (squeeze_cjk, "深 圳 市 2 0 2 2 年 Q 1", "深圳市2 0 2 2年Q 1"),
        (squeeze_cjk, "支出 ４，９９７ 万元", "支出4,997万元"),
        (form_key, "“三公”经费 支出（按功能分类）「表」", "三公经费支出(按功能分类)表"),
        (label_key, "（二） 公务接待费", "公务接待费"),
        (label_key, "因公出国（境）费", "因公出国(境)费"),
        (label_key, "“三公”经费「合计」", "三公经费「合计」"),  # 「」 stay: the stored row_key keeps them
        (bare_label, "二、科学技术支出", "科学技术支出"),
        (bare_label, "1.科普活动", "科普活动"),
        (bare_label, "(三)机关服务", "机关服务"),
    ],
)
def test_normal_forms(fn: object, printed: str, expected: str) -> None:
    assert callable(fn)
    assert fn(printed) == expected


@pytest.mark.parametrize(("printed", "value"), [("4,997.50", "4997.50"), ("1,234,567", "1234567"), ("-860", "-860")])
def test_a_printed_number_as_a_decimal(printed: str, value: str) -> None:
    assert to_decimal(printed) == Decimal(value)
