"""The one line that says how a question was read (assistant/reading.py), in the answer, the CLI and the JSON.
English questions and the line they show: tests/test_english.py."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.records import Reading
from tests.conftest import run_cli


def test_the_line_joins_what_was_read_in_order() -> None:
    r = Reading(departments=("万里街道",), documents=("2025年部门预算",), subject="“三公”经费",
                operations=("− 公务用车购置及运行费",))  # fmt: skip
    assert r.line() == "按：万里街道 · 2025年部门预算 · “三公”经费 − 公务用车购置及运行费"
    r = Reading(departments=("万里街道",), documents=("2024年部门预算",), subject="行政运行",
                path=("城乡社区支出", "城乡社区管理事务"), column="基本支出", measure="增长率")  # fmt: skip
    assert r.line() == "按：万里街道 · 2024年部门预算 · 城乡社区支出 › 城乡社区管理事务 › 行政运行 · 基本支出 · 增长率"
    assert Reading(asked="科协2022年支出总计是多少？", subject="支出总计").line() == (
        "按：“科协2022年支出总计是多少？” → 支出总计"
    )


# --- the sample and the second disclosure (科协 2022 预算, 图书馆 2023 预算) ---------------------------------


@pytest.mark.parametrize(
    ("questions", "line"),
    [
        (["科协今年总共要花多少钱？"], "按：科协 · 2022年部门预算 · 支出总计"),
        (["科协项目支出占总支出多少？"], "按：科协 · 2022年部门预算 · 项目支出 · 占支出总计的比例"),
        (["深圳市科学技术协会2022年支出总计是多少？", "那去年呢？"], "按：科协 · 2022年部门预算 · 部门预算支出 · 2021年数"),
        (["哪个部门的项目支出最多？"], "按：图书馆 · 2023年预算 · 项目支出（预算数） 排名（从高到低）"),
    ],
)  # fmt: skip
def test_an_answer_states_its_reading(engine: Engine, questions: list[str], line: str) -> None:
    history = []
    for q in questions:
        history.append(engine.answer(q, history))
    a = history[-1]
    assert not a.refused, a.text
    assert a.reading is not None and a.reading.line() == line


def test_a_refusal_has_no_reading_line(engine: Engine) -> None:
    a = engine.answer("科协2023年预算是多少？")
    assert a.refused and a.reading is None


def test_the_cli_prints_the_line_and_the_json_has_reading(store_both: Path) -> None:
    code, out = run_cli(store_both, "ask", "科协今年总共要花多少钱？")
    assert code == 0 and out.splitlines()[0] == "按：科协 · 2022年部门预算 · 支出总计"
    code, out = run_cli(store_both, "ask", "科协今年总共要花多少钱？", "--json")
    data = json.loads(out)
    assert data["reading"]["line"] == "按：科协 · 2022年部门预算 · 支出总计"
    assert data["reading"]["subject"] == "支出总计" and data["reading"]["documents"] == ["2022年部门预算"]
    assert data["text"].startswith("2022年深圳市科学技术协会") and data["value"] == 4997  # existing keys unchanged
    code, out = run_cli(store_both, "ask", "科协2023年预算是多少？", "--json")
    assert json.loads(out)["reading"] is None


# --- four real Shanghai PDFs: exclusion, per month, threshold, parent path, ranking ----------------------


@pytest.fixture(scope="module")
def real(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("万里街道2024年三公经费是多少？", "按：万里街道 · 2024年部门预算 · “三公”经费"),
        ("万里街道2024年除了城乡社区支出，其他支出一共多少元？", "按：万里街道 · 2024年部门预算 · 支出总计 − 城乡社区支出"),
        ("万里街道2024年平均每月三公经费是多少？", "按：万里街道 · 2024年部门预算 · “三公”经费 ÷ 12"),
        ("万里街道2024年支出超过1000万元的项级科目有哪些？",
         "按：万里街道 · 2024年部门预算 · 2024年部门支出预算总表 · 项级科目 · > 1,000 万元"),
        ("万里街道2024年行政运行的基本支出是多少？",
         "按：万里街道 · 2024年部门预算 · 城乡社区支出 › 城乡社区管理事务 › 行政运行 · 基本支出"),
        ("2024年哪个部门的支出预算最多？", "按：万里街道、福利院 · 2024年预算 · 支出合计（预算数） 排名（从高到低）"),
        ("What are the three public expenses of the Wanli Subdistrict in 2024?",
         "按：“万里街道2024年“三公”经费是多少？” → 万里街道 · 2024年部门预算 · “三公”经费"),
    ],
)  # fmt: skip
@pytest.mark.slow
def test_real_answers_state_their_reading(real: Engine, question: str, line: str) -> None:
    a = real.answer(question)
    assert not a.refused, a.text
    assert a.reading is not None and a.reading.line() == line


@pytest.mark.slow
def test_a_follow_up_states_the_year_it_was_read_for(real: Engine) -> None:
    first = real.answer("万里街道2024年项目支出是多少？")
    later = real.answer("那2023年呢？", [first])
    assert (later.value, later.unit) == (Decimal("65572343"), "元"), later.text
    assert later.reading is not None and later.reading.line() == "按：万里街道 · 2023年部门预算 · 项目支出"


@pytest.mark.slow
def test_a_printed_name_holding_and_is_one_item_of_a_sum(real: Engine) -> None:  # round 13 r13c104
    one = real.answer("万里街道2024年经济分类302商品和服务支出合计多少元？")
    assert (one.value, one.unit, one.refused) == (Decimal("11168569"), "元", False)
    two = real.answer("万里街道2024年社会保障和就业支出和卫生健康支出合计多少？")
    assert (two.value, two.unit) == (Decimal("22827721"), "元")
    assert "19,604,064 元 + 卫生健康支出 3,223,657 元" in two.text
