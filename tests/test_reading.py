"""The one line that says how a question was read (assistant/reading.py), in the answer, the CLI and the JSON;
English questions read through assistant/english.toml."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.english import chinese, glossary, words
from assistant.records import Reading
from tests.conftest import run_cli

ENGLISH_REFUSAL = "请用中文提问"


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


# --- English questions ---------------------------------------------------------------------------------


def test_an_english_question_is_answered_in_chinese_with_the_question_it_was_read_as(engine: Engine) -> None:
    q = "What is the total expenditure of the Shenzhen Association for Science and Technology in 2022?"
    a = engine.answer(q)
    assert not a.refused and (a.value, a.unit) == (Decimal("4997"), "万元"), a.text
    assert a.question == q and a.text.startswith("2022年深圳市科学技术协会")
    assert a.reading is not None
    assert a.reading.line() == "按：“深圳市科学技术协会2022年支出总计是多少？” → 科协 · 2022年部门预算 · 支出总计"
    later = engine.answer("那去年呢？", [a])  # a follow-up continues the Chinese question
    assert not later.refused and (later.value, later.unit) == (Decimal("4519"), "万元"), later.text


def test_a_city_and_its_district_are_one_place(engine: Engine) -> None:
    a = engine.answer("What is the project expenditure of the Guangzhou Haizhu District Library in 2023?")
    assert not a.refused and a.value == Decimal("5911230.00"), a.text
    assert a.reading is not None and a.reading.asked == "广州市海珠区图书馆2023年项目支出是多少？"


def test_a_refused_english_question_still_shows_the_chinese_question_it_was_read_as(engine: Engine) -> None:
    a = engine.answer(
        "What is the growth rate of project expenditure of the Shenzhen Association for Science and Technology in 2022?"
    )
    assert a.refused and a.reading is not None
    assert a.reading.line() == "按：“深圳市科学技术协会2022年项目支出增长率是多少？”"


def test_an_english_question_with_an_unknown_word_is_refused_in_chinese(engine: Engine) -> None:
    q = "What is the total expenditure of the Shenzhen Association for Science and Technology in 2022 excluding salaries?"
    assert chinese(q) == ""
    a = engine.answer(q)
    assert a.refused and ENGLISH_REFUSAL in a.text and a.reading is None


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What is the Shenzhen Finance Bureau's total expenditure in 2026?", "深圳市财政局2026年支出总计是多少？"),
        ("What is the total 2026 budget of the Beijing Municipal Finance Bureau?", "北京市财政局2026年预算支出总计是多少？"),
        ("How much did the Foshan rail transit bureau spend on official receptions in 2019?",
         "佛山市轨道交通局2019年决算公务接待费是多少？"),
        ("What are the three public expenses of the Wanli Subdistrict in 2024?", "万里街道2024年“三公”经费是多少？"),
        ("What is the Yantai audit bureau's 2026 budget?", "烟台市审计局2026年预算是多少？"),  # the budget itself
        ("Wuxi human resources bureau 2026 total budget?", "无锡市人力资源和社会保障局2026年支出总计是多少？"),
        ("How much is the Shenzhen Finance Bureau's 2026 budget for overseas official trips?",
         "深圳市财政局2026年预算因公出国（境）费是多少？"),
        ("How much has the Beijing Municipal Finance Bureau budgeted for official receptions in 2026?",
         "北京市财政局2026年预算公务接待费是多少？"),
    ],
)  # fmt: skip
def test_english_questions_read_as_chinese(question: str, asked: str) -> None:
    assert chinese(question) == asked


def test_a_chinese_question_is_not_rewritten() -> None:
    assert chinese("深圳市财政局2026年支出总计是多少？") == ""
    assert chinese("GDP是多少") == ""


def test_two_subjects_or_no_subject_are_not_read() -> None:
    assert chinese("What is the project expenditure and basic expenditure of the Shenzhen Finance Bureau?") == ""
    assert chinese("What is the weather in Shenzhen tomorrow please?") == ""


GLOSSARY = glossary()
BASE = {  # one question per slot, the entry written where `{}` is
    "place": ("What is the total expenditure of the {} Finance Bureau in 2026?", "{}财政局2026年支出总计是多少？"),
    "department": ("What is the total expenditure of the Shenzhen {} in 2026?", "深圳市{}2026年支出总计是多少？"),
    "kind": ("What is the total expenditure in the {} of the Shenzhen Finance Bureau for 2026?",
             "深圳市财政局2026年{}支出总计是多少？"),
    "subject": ("What is the {} of the Shenzhen Finance Bureau in 2026?", "深圳市财政局2026年{}是多少？"),
    "measure": ("What is the {} of project expenditure of the Shenzhen Finance Bureau in 2026?",
                "深圳市财政局2026年项目支出{}？"),
}  # fmt: skip


@pytest.mark.parametrize(("slot", "en", "zh"), [(slot, en, zh) for slot in BASE for en, zh in GLOSSARY[slot].items()])
def test_each_glossary_entry_is_read(slot: str, en: str, zh: str) -> None:
    question, answer = BASE[slot]
    assert chinese(question.format(en.title())) == answer.format(zh)


@pytest.mark.parametrize("word", GLOSSARY["filler"])
def test_each_filler_word_is_read_as_nothing(word: str) -> None:
    base = "What is the total expenditure of the Shenzhen Finance Bureau in 2026"
    assert chinese(f"{base} {word}?") == "深圳市财政局2026年支出总计是多少？"


def test_no_filler_is_a_word_of_an_entry() -> None:
    """A word that carries a basis ("planned" → 预算) or any entry's meaning is never read as nothing."""
    entries = {en for slot in BASE for en in GLOSSARY[slot] if len(words(en)) == 1}
    assert not set(GLOSSARY["filler"]) & entries
    assert not set(GLOSSARY["filler"]) & {"planned", "budgeted", "actual", "spent", "under", "from", "listed"}


def test_planned_asks_the_budgeted_figure() -> None:  # review r1 S1-4: read as …公务接待费, the 决算数 0.16 ✓
    q = "How much was planned for official reception by the Foshan Rail Transit Bureau in 2019?"
    assert chinese(q) == "佛山市轨道交通局2019年预算公务接待费是多少？"
    assert chinese(q.replace("planned for", "actually spent on")) == "佛山市轨道交通局2019年决算公务接待费是多少？"


def test_words_drop_possessives_and_punctuation() -> None:
    assert words("The Bureau's “three public” expenses, Xi'an?") == [
        "the",
        "bureau",
        "three",
        "public",
        "expenses",
        "xi",
        "an",
    ]


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
