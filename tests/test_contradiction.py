"""Two figures quoted against each other ("…哪个对？"): both shown where the disclosure prints them, none picked.

普陀区社会福利院 2024 单位预算 (tests/data/real) prints 社会福利事业单位 738.66 万元 in its text (p6) and the 社会福利
款's 财政拨款收入 6,964,796 元 in 表 (p8)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.contradiction import _said, _same, asks_which_right, which_right_words
from index.records import Fact


@pytest.mark.parametrize("word", which_right_words())
def test_each_word_asks_which_figure_is_right(word: str) -> None:
    assert asks_which_right(f"文字写738.66万元，表格是696.48万元，{word}？")


def test_a_question_without_the_words_asks_no_such_thing() -> None:
    assert not asks_which_right("福利院2024年财政拨款是多少？")


def _fact(value: str, unit: str, column: str = "金额") -> Fact:
    return Fact(doc_id="d", department="某局", year=2026, table=None, section=None, row="收入", code=None,
                column=column, value=Decimal(value), unit=unit, source="…")  # fmt: skip


def test_a_quoted_figure_is_printed_in_another_unit_to_its_precision() -> None:
    assert _same(Decimal("696.48"), "万元", _fact("6964796", "元"))
    assert not _same(Decimal("696.47"), "万元", _fact("6964796", "元"))
    assert _same(Decimal("129.07"), "万元", _fact("129.07", "万元"))
    assert not _same(Decimal("129.07"), "%", _fact("129.07", "万元"))


def test_a_change_is_said_as_the_text_says_it() -> None:
    assert _said(_fact("129.07", "万元", "比2025年增减")) == "收入比2025年增加 129.07 万元"
    assert _said(_fact("-8.5", "万元", "比2025年增减")) == "收入比2025年减少 8.5 万元"  # as printed


@pytest.mark.slow
def test_both_printings_are_shown_and_neither_is_picked(store_real: Path) -> None:
    engine = Engine(Settings(store=store_real))
    a = engine.answer("福利院财政拨款，文字说明写738.66万元，表格是696.48万元，哪个对？")
    assert not a.refused
    assert [(f.value, f.unit) for f in a.facts] == [(Decimal("738.66"), "万元"), (Decimal("6964796"), "元")]
    assert {f.verdict for f in a.figures} == {"verified"}
    assert "无法判断哪一个正确" in a.text
    # a figure the documents do not print: no such answer (the premise is the rest of the engine's)
    b = engine.answer("福利院财政拨款，文字说明写738.66万元，表格是123.45万元，哪个对？")
    assert "无法判断哪一个正确" not in b.text
