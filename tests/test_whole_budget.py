"""A question that names no item ("…2026年预算多少钱") asks the department's whole budget: its 支出总计 (or the
支出合计 of a template printing no 支出总计) — never a figure whose own name merely ends in 预算总额 (北京市财政局's
"政府采购预算总额 12,948.49 万元" was answered ✓ to "北京市财政局2026年预算多少钱")."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from tests.conftest import REAL, store_of

pytestmark = pytest.mark.slow  # a store of real PDFs built per module


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    names = ("beijing-caizheng-2026-dept-yusuan.pdf", "wanli-2024-yusuan.pdf")
    yield Engine(Settings(store=store_of(tmp_path_factory.mktemp("whole") / "store", *(REAL / n for n in names))))


def test_a_budget_asked_without_an_item_is_the_whole_budget(engine: Engine) -> None:
    a = engine.answer("万里街道2024年预算多少？")
    assert (a.value, a.unit) == (Decimal("156211123"), "元") and "支出总计" in a.text


@pytest.mark.parametrize("question", ["北京市财政局2026年预算多少钱？", "北京市财政局2026年预算一共多少？"])
def test_never_a_figure_named_only_by_its_ending(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.value != Decimal("12948.49")  # 政府采购预算总额
    assert a.refused or a.value == Decimal("44169.36")  # the printed 收入预算 / 支出预算 of the whole department


@pytest.mark.parametrize(
    "question",
    [
        "北京市财政局2026年预算总计是多少？",
        "北京市财政局2026年总预算是多少？",
        "北京市财政局2026年预算总额是多少？",
        "北京市财政局2026年支出预算是多少？",
        "北京市财政局2026年支出总计是多少？",
        "北京市财政局2026年收入预算是多少？",
        "北京市财政局2026年收入总计是多少？",
    ],
)
def test_a_narrative_only_budget_s_whole_is_the_sentence_stating_it(engine: Engine, question: str) -> None:
    """Beijing prints no tables in its 情况说明: "2026 年度收入预算 44169.36 万元", "2026 年支出预算 44169.36 万元"."""
    a = engine.answer(question)
    assert (a.value, a.unit) == (Decimal("44169.36"), "万元")
    assert a.figures and a.figures[0].verdict == "verified"


def test_the_stated_whole_in_another_unit_and_as_a_share_s_whole(engine: Engine) -> None:
    a = engine.answer("北京市财政局2026年预算有多少亿元？")
    assert (a.value, a.unit) == (Decimal("4.416936"), "亿元")
    a = engine.answer("北京市财政局2026年基本支出占比？")
    assert (a.value, a.unit) == (Decimal("63.43"), "%") and "44,169.36" in a.text  # 28,016.26 ÷ 44,169.36


def test_a_subject_holding_the_words_is_still_its_own(engine: Engine) -> None:
    a = engine.answer("北京市财政局2026年政府采购预算总额是多少？")
    assert (a.value, a.unit) == (Decimal("12948.49"), "万元")
