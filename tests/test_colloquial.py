"""Colloquial verbs of a question written as the templates' words (assistant/glossary.json synonyms): "能收多少"
asks the 收入 (普陀区社会福利院 2024: 收入预算 1,212.12 万元), a round-5 question once refused as no item."""

from __future__ import annotations

import pytest

from assistant.tokens import to_template


@pytest.mark.parametrize(
    ("question", "templated"),
    [
        ("普陀区社会福利院2024年一共能收多少钱？", "普陀区社会福利院2024年一共收入多少钱？"),
        ("福利院今年能收到多少钱？", "福利院今年收入多少钱？"),
        ("城市道路挖掘修复费2026年预计收多少？", "城市道路挖掘修复费2026年预计收入多少？"),
    ],
)
def test_a_colloquial_verb_of_income_is_the_templates_income(question: str, templated: str) -> None:
    assert to_template(question) == templated


def test_other_words_ending_in_the_verb_are_left_alone() -> None:
    assert to_template("非税收入征收多少？") == "非税收入征收多少？"


def test_the_budget_s_plate_is_the_budget() -> None:
    # round 8 r8c097, r8b196: "预算盘子" is how staff say the whole budget
    assert to_template("2026年哪个部门的预算盘子最大？") == "2026年哪个部门的预算最大？"


@pytest.mark.parametrize("bought", ["买车", "买公务车", "买公务用车"])
def test_buying_a_car_is_the_car_purchase_item(bought: str) -> None:
    """无锡人社局 2026 p31 表9 prints 公务用车购置费 17.98 万元: "打算买公务车花多少钱" asks it, not the car count."""
    assert to_template(f"无锡人社局今年打算{bought}花多少钱？") == "无锡人社局今年打算公务用车购置费花多少钱？"
    assert to_template("无锡人社局今年打算买几辆公务车？") == "无锡人社局今年打算买几辆公务用车？"
