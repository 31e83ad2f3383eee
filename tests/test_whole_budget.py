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
