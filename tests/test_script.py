"""Questions in traditional characters are read as simplified ones (assistant/script.py); the answer keeps the
question as written. Figures as printed: 福利院 2024 单位预算 "“三公”经费 6.4 万元" (p.15)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.script import plain, simplified
from assistant.tokens import glossary_data


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("西安市民政局2021年殯葬支出多少？較上年增加多少？", "西安市民政局2021年殡葬支出多少？较上年增加多少？"),
        ("北京市財政局內設機構幾個？", "北京市财政局内设机构几个？"),
        ("公務用車購置及運行維護費", "公务用车购置及运行维护费"),
    ],
)
def test_traditional_characters_are_read_simplified(written: str, read: str) -> None:
    assert simplified(written) == read


@pytest.mark.parametrize(
    "text",
    ["万里街道2024年人员经费是多少？", "社会保障和就业支出（类）行政事业单位养老支出（款）", "显著增长了12.5%", ""],
)
def test_simplified_text_is_left_as_it_is(text: str) -> None:
    assert simplified(text) == text


@pytest.mark.slow
def test_a_question_in_traditional_characters_is_answered(store_real: Path) -> None:
    from assistant.answer import Engine
    from assistant.config import Settings

    asked = "福利院2024年的三公經費是多少？"
    a = Engine(Settings(store=store_real)).answer(asked)
    assert not a.refused and (a.value, a.unit) == (Decimal("6.4"), "万元"), a.text
    assert a.question == asked  # as the user wrote it


@pytest.mark.parametrize(
    ("asked", "read"),
    [
        ("北京市信访办公室有公车吗？", "北京市信访办公室共有几辆车？"),
        ("福利院有没有公车？", "福利院共有几辆车？"),
        ("深圳科创局今年还要买车吗？", "深圳科创局今年还要计划购置几辆车？"),
        ("北京市交通委有多少部公務車？", "北京市交通委有多少辆公务车？"),
        ("普陀区委社会工作部车辆数有多少？", "普陀区委社会工作部车辆数有多少？"),  # 部 of a name is no counter
        ("无锡人社局和无锡交通局两家的三公经费加一块儿多少钱？", "无锡人社局和无锡交通局两家的三公经费加起来多少钱？"),
        ("深圳市财政局的预算准备金是干啥用的", "深圳市财政局的预算准备金是干什么用的"),  # round 14 r14a119
        ("社会福利院咋没有买车", "社会福利院怎么没有买车"),  # 咋: 怎么 (a why, not a count)
        (
            "深圳这三个部门2026年部门预算总额加在一起是多少？",
            "深圳这三个部门2026年部门预算总额加起来是多少？",
        ),  # r15b180
        ("烟台审计局三公经费是不是砍了？", "烟台审计局三公经费是不是减少了？"),
    ],
)
def test_whether_vehicles_are_held_or_bought_is_asked_as_their_count(asked: str, read: str) -> None:
    # round 13 bx03, r13c223, r13c014: answered with the vehicles' cost (0 万元, 购置费 0.00)
    assert plain(asked) == read


@pytest.mark.parametrize("shown", glossary_data()["presentation"])
def test_how_a_figure_is_to_be_shown_is_no_part_of_the_question(shown: str) -> None:  # round 14 r14a016
    assert plain(f"福利院2024年电费预算平均每个月多少元？{shown}") == "福利院2024年电费预算平均每个月多少元？"
    assert plain(f"福利院2024年电费预算多少元，{shown}？") == "福利院2024年电费预算多少元？"


def test_a_year_said_by_two_digits_after_a_comparison_is_that_year() -> None:  # round 14 r14a101
    assert (
        plain("万里街道2024年事业单位离退休预算比23年执行数涨了多少")
        == "万里街道2024年事业单位离退休预算比2023年执行数涨了多少"
    )
    assert plain("工作满23年的职工") == "工作满23年的职工"  # no comparison: a duration, kept
