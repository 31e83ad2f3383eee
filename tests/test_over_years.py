"""One department's subject summed over several years: each year's document read at the same place, each
line traced, the sum by the calculator; a year not loaded is refused by name."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.over_years import joined_years, years_in


@pytest.fixture(scope="module")
def engine(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


def test_the_years_a_question_names() -> None:
    assert years_in("万里街道2023年和2024年的“三公”经费加起来") == [2023, 2024]
    assert years_in("2023年至2025年三公合计") == [2023, 2024, 2025]
    assert years_in("2024和2025两年合计") == [2024, 2025]
    assert years_in("2023-2025年项目支出") == [2023, 2024, 2025]
    assert years_in("2024年项目支出") == [2024]


def test_only_years_written_together_are_a_set_to_sum() -> None:
    """A document's year and a column's year apart are not two years to add (烟台 2026 公开表7's 2025年预算数)."""
    assert joined_years("万里街道2023年和2024年的“三公”经费加起来") == [2023, 2024]
    assert joined_years("2023年至2025年三公合计") == [2023, 2024, 2025]
    assert joined_years("烟台市审计局2026年预算的“三公”表里2025年预算数合计是多少？") == []


def test_two_years_of_one_department_summed(engine: Engine) -> None:
    a = engine.answer("万里街道2023年和2024年的“三公”经费加起来一共多少？")
    assert not a.refused, a.text
    assert (a.value, a.unit) == (Decimal("70.82"), "万元")
    total = next(f for f in a.figures if f.text == "70.82 万元")
    assert total.verdict == "derived" and total.expression == "22.91 + 47.91 = 70.82"
    assert [(e.year, e.value) for e in a.entries] == [(2023, Decimal("22.91")), (2024, Decimal("47.91"))]
    b = engine.answer("万里街道2023年至2024年项目支出合计")
    assert (b.value, b.unit) == (Decimal(65572343 + 56505103), "元")


def test_a_year_not_loaded_is_refused_by_name(engine: Engine) -> None:
    a = engine.answer("万里街道2022年和2024年的“三公”经费加起来一共多少？")
    assert a.refused and not a.figures and "2022年" in a.text


def test_a_follow_up_changes_the_subject_and_keeps_the_years(engine: Engine) -> None:
    a = engine.answer("万里街道2023年和2024年的“三公”经费加起来一共多少？")
    b = engine.answer("那项目支出呢？", [a])
    assert (b.value, b.unit) == (Decimal(65572343 + 56505103), "元")
    c = engine.answer("那2024年呢？", [a])  # one year after a sum of two: asked, never the old sum
    assert c.refused and not c.figures


def test_two_years_asked_each_are_a_line_a_year_never_summed(engine: Engine) -> None:
    a = engine.answer("万里街道2023年和2024年的三公经费分别是多少？")
    assert not a.refused, a.text
    assert [(e.year, e.value) for e in a.entries] == [(2023, Decimal("22.91")), (2024, Decimal("47.91"))]
    assert "70.82" not in a.text and all(f.verdict == "verified" for f in a.figures)


def test_departments_with_only_a_budget_or_only_final_accounts_listed_each_in_its_kind(engine: Engine) -> None:
    """福利院 and 万里街道 have only the 2024 预算, 社工部 only the 2024 决算: each line says its kind, nothing summed."""
    a = engine.answer("普陀区社会福利院、区委社会工作部、万里街道2024年的三公经费分别是多少？")
    assert not a.refused, a.text
    assert {(e.department, e.kind, e.value) for e in a.entries} == {
        ("上海市普陀区人民政府万里街道办事处", "预算", Decimal("47.91")),
        ("上海市普陀区社会福利院", "预算", Decimal("6.4")),
        ("中共上海市普陀区委社会工作部", "决算", Decimal("0")),
    }
    assert "口径不同" in a.text and "合计" not in a.text.split("数字核对")[0]
    b = engine.answer("普陀区社会福利院、区委社会工作部、万里街道2024年的三公经费加起来是多少？")
    assert b.refused and not b.figures  # a 预算 and a 决算 are never added
