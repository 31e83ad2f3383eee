"""A 决算 item's 完成全年预算的比例: the printed rate when the document prints it under that name, else 决算数 ÷
全年预算数 of the same row, each operand cited (2024 社工部 决算, p18: "全年预算为 52.00 万元，支出决算为 51.32 万
元，完成全年预算数的 98.69%"; "全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.render import answer_json


@pytest.fixture(scope="module")
def real(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


def test_the_printed_rate_answers_asked_in_any_words(real: Engine) -> None:
    a = answer_json(real.answer("社工部行政运行这一项完成全年预算的百分之多少？", []))  # review r4a026
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("98.69") and a["unit"] == "%"


def test_a_rate_not_printed_under_its_name_is_the_rows_two_figures_divided(real: Engine) -> None:
    a = answer_json(real.answer("社工部一般公共预算财政拨款支出决算完成全年预算的比例是多少？", []))  # review r4a029
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("95.89") and a["unit"] == "%"
    assert "307.82 ÷ 321.02 × 100% = 95.89%" in a["text"]
    assert {f["verdict"] for f in a["figures"]} <= {"verified", "derived"}


def test_a_budget_prints_no_completion_rate(real: Engine) -> None:
    a = answer_json(real.answer("万里街道2024年一般公共预算财政拨款支出完成全年预算的比例是多少？", []))
    assert a["refused"]  # a 预算 has no 决算数 to divide


def test_a_rate_asked_by_path_is_never_derived_from_the_name_alone(real: Engine) -> None:
    a = answer_json(real.answer("社工部2024年社会工作事务（款）行政运行（项）完成全年预算的百分比是多少？", []))
    assert a["refused"] or Decimal(str(a["value"])) == Decimal("98.69")  # never another row's rate


@pytest.mark.parametrize(
    ("question", "rate"),
    [
        ("社会工作事务里的行政运行，全年预算完成了百分之多少？", "98.69"),  # review r12a025: the budget named first
        ("社工部住房公积金全年预算完成了百分之几？", "97.68"),  # p20: 完成全年预算数的97.68%
    ],
)
def test_the_budget_named_before_completed_asks_the_same_rate(real: Engine, question: str, rate: str) -> None:
    a = answer_json(real.answer(question, []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal(rate) and a["unit"] == "%"
