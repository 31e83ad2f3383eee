"""A question writing a 科目/经济分类 code reads the coded row's label by its key: a printed name with full-width
brackets ("30213 维修（护）费") is keyed with half-width ones, and the question is answered, never an internal
error (round 13 r13c190 raised KeyError on "30212因公出国（境）费用").

Figures as printed: 社工部 2024 决算, 一般公共预算财政拨款基本支出决算表 "30213 维修（护）费 0.02" (p.13)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from assistant.answer import Engine
from assistant.config import Settings


def test_a_code_with_a_bracketed_name_reads_its_row(store_real: Path) -> None:
    answer = Engine(Settings(store=store_real)).answer("社工部2024年经济分类30213维修（护）费是多少？")
    assert not answer.refused
    assert answer.value == Decimal("0.02") and answer.unit == "万元"
    assert [f.verdict for f in answer.figures] == ["verified"]
    assert "30213 维修（护）费" in answer.figures[0].source


def test_a_code_with_a_bracketed_name_printed_as_zero(store_real: Path) -> None:
    answer = Engine(Settings(store=store_real)).answer("社工部2024年30212因公出国（境）费用是多少？")
    assert not answer.refused
    assert answer.value == Decimal("0") and "因公出国（境）费用" in answer.text
