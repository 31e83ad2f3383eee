"""预算 asked of a 决算: the budget figures the 决算 prints for the whole (年初预算 and 全年预算, both), never its
决算数 shown as the 预算 (上海市普陀区委社会工作部 2024 部门决算, p18: 年初预算 0, 全年预算 321.02, 决算 307.82)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.juesuan_budget import budget_rows, names_whole
from tests.conftest import REAL, store_of


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("juesuan_budget") / "store"
    pdfs = (REAL / "shegongbu-2024-juesuan.pdf", REAL / "pages" / "foshan-2019-p13.pdf")
    return Engine(Settings(store=store_of(folder, *pdfs)))


@pytest.mark.parametrize("name", ["本年支出合计", "支出总计", "支出合计"])
def test_the_whole_spending_is_named(name: str) -> None:
    assert names_whole(name)


@pytest.mark.parametrize("name", ["一般公共预算财政拨款支出", "项目支出合计", "基本支出"])
def test_a_part_is_not_the_whole(name: str) -> None:
    assert not names_whole(name)


@pytest.mark.parametrize("row", budget_rows())
def test_each_budget_row_prints_the_budget_of_the_whole(engine: Engine, row: str) -> None:
    """kinds.toml budget_rows: the 决算's text prints that item's 年初预算 and 全年预算 (社工部 p18)."""
    answer = engine.answer(f"社工部2024年{row}全年预算是多少？")
    assert not answer.refused and answer.value == Decimal("321.02"), answer.text


@pytest.mark.parametrize("question", ["社工部2024年预算是多少？", "社工部2024年支出预算是多少？"])
def test_a_juesuan_answers_its_budget_columns(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.refused, answer.text
    assert {(f.column_role, f.value) for f in answer.facts} >= {
        ("年初预算数", Decimal(0)),
        ("全年预算数", Decimal("321.02")),
    }
    assert answer.value is None  # two budget figures: both said, neither is the answer alone
    assert "年初预算数为 0 万元" in answer.text and "全年预算数为 321.02 万元" in answer.text
    assert "决算数为 307.82 万元" in answer.text  # said as the 决算数 beside them, never as the 预算


def test_a_juesuan_printing_no_budget_is_refused(engine: Engine) -> None:
    """佛山市轨道交通局 2019 决算 表4 alone: its 本年支出合计 1,668.14 is the 决算, never the 预算 asked."""
    answer = engine.answer("佛山市轨道交通局2019年预算是多少？")
    assert answer.refused and answer.value is None, answer.text


@pytest.mark.slow
def test_an_empty_tables_budget_column_is_empty_too(engine: Engine) -> None:  # round 14 r14a052
    # 社工部 2024 决算 财政拨款“三公”经费支出决算表: "本表无数据" — no 预算数 either, never "只有决算数"
    a = engine.answer("普陀区委社会工作部2024年预算安排的三公经费预算数是多少？")
    assert (a.value, a.refused) == (Decimal("0"), False) and "本表无数据" in a.text, a.text
