"""The budget asked in words after an item's name (assistant/budget_said.py), and an indicator asked of a project
named whole (assistant/project_indicator.py), answered from real disclosures."""

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.budget_said import cues, without_budget_words


def test_the_words_are_blanked_after_an_item_only() -> None:
    c = cues()
    assert without_budget_words(c["example"]).split()[0].endswith(c["example_item"])
    assert "预算" not in without_budget_words(c["example"])
    assert without_budget_words(c["not_example"]) == c["not_example"]  # 一般公共预算 is a name
    assert without_budget_words("政府性基金预算支出") == "政府性基金预算支出"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("福利院2024年电费预算是多少元？", (Decimal(320000), "元")),  # p14: 30204 电费, beside 30205 邮电费 15,000
        ("福利院2024年邮电费预算是多少元？", (Decimal(15000), "元")),
        ("社会福利院2024年的电费预算是多少元？", (Decimal(320000), "元")),
        # a generic row left in a clause is no row said whole: the 项 named before it is read (p9)
        ("普陀区社会福利院2024年社会福利事业单位（项）支出预算合计多少元？", (Decimal(9584796), "元")),
        ("就业援助基地补贴项目的满意度目标是多少？", (Decimal(80), "%")),  # 万里街道 2023 p32: 补贴对象满意度 ≥80.00(%)
    ],
)
def test_items_said_with_words_beside_their_names(store_real: Path, question: str, expected: tuple) -> None:
    from assistant.answer import Engine
    from assistant.config import Settings

    a = Engine(Settings(store=store_real)).answer(question)
    assert not a.refused, a.text
    assert (a.value, a.unit) == expected
    assert all(f.verdict == "verified" for f in a.figures)


def test_a_row_not_printed_is_not_stood_in_for(store_real: Path) -> None:
    from assistant.answer import Engine
    from assistant.config import Settings

    a = Engine(Settings(store=store_real)).answer("福利院2024年水费预算是多少元？")  # no 水费 row: never 电费
    assert a.refused or a.value not in (Decimal(320000), Decimal(15000))
