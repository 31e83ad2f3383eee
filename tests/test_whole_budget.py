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
    names = ("beijing-caizheng-2026-dept-yusuan.pdf", "wanli-2024-yusuan.pdf", "shenzhen-keji-2026-dept-yusuan.pdf")
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
    assert (a.value, a.unit) == (Decimal("63.43"), "%") and "文件所列" in a.text  # the share the text prints
    a = engine.answer("北京市财政局2026年基本支出占支出预算的比例是多少？")
    assert (a.value, a.unit) == (Decimal("63.43"), "%")  # 28,016.26 ÷ 44,169.36 or the printed share: the same


def test_a_subject_holding_the_words_is_still_its_own(engine: Engine) -> None:
    a = engine.answer("北京市财政局2026年政府采购预算总额是多少？")
    assert (a.value, a.unit) == (Decimal("12948.49"), "万元")


@pytest.mark.parametrize(
    "question",
    [
        "深圳科创局比去年多了多少？",  # no item at all: the department's change
        "深圳科创局今年比去年多花多少？",  # subjects.toml spending: 多花
        "深圳科创局今年比去年少花多少？",  # 少花: the printed direction is said, never the premise's
        "深圳科创局今年比去年多用了多少？",  # 多用
        "深圳科创局今年比去年少用多少？",  # 少用
        "深圳科创局预算比去年多了还是少了？",  # "多了还是少了": 还是 names nothing
    ],
)
def test_a_department_s_change_asked_without_an_item_is_its_whole_budget_s(engine: Engine, question: str) -> None:
    """深圳市科技创新局 2026 prints "部门预算支出…比2025年增加107,974.28万元" (第7页)."""
    a = engine.answer(question)
    assert (a.value, a.unit) == (Decimal("107974.28"), "万元"), a.text
    assert "增加" in a.text and a.figures[0].verdict == "verified"


@pytest.mark.parametrize("word", ["要花", "花掉", "花了", "花费", "开支"])
def test_spending_words_name_no_item(engine: Engine, word: str) -> None:
    """subjects.toml spending: with 预算 written, the words of spending leave the whole budget asked."""
    a = engine.answer(f"深圳科创局2026年预算{word}多少？")
    assert (a.value, a.unit) == (Decimal("991722.33"), "万元"), a.text


def test_a_change_of_an_item_after_one_is_not_the_whole(engine: Engine) -> None:
    """A follow-up without a department keeps the item asked before, never the whole budget."""
    first = engine.answer("深圳科创局2026年行政运行是多少？")
    a = engine.answer("比去年多了多少？", [first])
    assert a.value != Decimal("107974.28")


def test_two_departments_asked_whose_budget_is_larger(engine: Engine) -> None:
    a = engine.answer("深圳科创局和北京市财政局哪个预算多？多多少？")
    assert not a.refused, a.text
    assert "991,722.33" in a.text and "44,169.36" in a.text
    assert (a.value, a.unit) == (Decimal("947552.97"), "万元")  # 991,722.33 − 44,169.36, by the calculator
