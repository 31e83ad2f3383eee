"""Years said in a question: two years summed each from its own document, and 实际/执行 never answered with a
预算数 — on 万里街道's real 2023 and 2024 预算 PDFs (“三公”经费 22.91 and 47.91 万元; the 2024 document's prose
prints 2023年当年预算执行数 114.00 万元 for 宣传事务 一般行政管理事务, whose 2023 预算 was 100.20 万元)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant import years
from assistant.answer import Engine
from assistant.config import Settings
from tests.conftest import REAL, store_of


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    names = ("wanli-2023-yusuan.pdf", "wanli-2024-yusuan.pdf")
    return Engine(Settings(store=store_of(tmp_path_factory.mktemp("years") / "store", *(REAL / n for n in names))))


@pytest.mark.parametrize("word", years._words()["actual"])
def test_each_actual_word_asks_an_actual_figure(word: str) -> None:
    assert years.asks_actual(f"万里街道2023年项目支出{word}多少？")


@pytest.mark.parametrize("word", years._words()["actual_colloquial"])
def test_a_colloquial_word_asks_an_actual_figure_only_of_a_past_year(word: str) -> None:
    assert not years.asks_actual(f"无锡人社局技校教育{word}多少钱？", 2026)  # the 2026 预算's plan
    assert not years.asks_actual(f"万里街道2024年项目支出{word}多少钱？", 2024)
    assert years.asks_actual(f"万里街道2023年项目支出{word}多少钱？", 2024)  # read from the 2024 document


@pytest.mark.parametrize("word", years._words()["actual_kind"])
def test_a_juesuan_word_asks_an_actual_figure_unless_a_budget_is_asked(word: str) -> None:
    assert years.asks_actual(f"社工部2024年一般公共预算财政拨款支出{word}是多少？")
    assert not years.asks_actual(f"社工部2024年{word}中项目支出的年初预算数是多少？")


@pytest.mark.parametrize("word", years._words()["not_actual"])
def test_a_rate_is_not_an_actual_amount(word: str) -> None:
    assert not years.asks_actual(f"万里街道2023年项目支出{word}是多少？")


@pytest.mark.parametrize("word", years._words()["sum"])
def test_each_sum_word_puts_two_years_together(word: str) -> None:
    assert years.asks_sum_of_years(f"万里街道2023年和2024年的项目支出{word}多少？")
    assert not years.asks_sum_of_years(f"万里街道2024年的项目支出{word}多少？")


def test_one_question_per_year() -> None:
    assert years.one_year_each("万里街道2023年和2024年的“三公”经费加起来一共多少？") == [
        (2023, "万里街道2023年的“三公”经费多少？"),
        (2024, "万里街道2024年的“三公”经费多少？"),
    ]
    assert years.one_year_each("万里街道2024年比2023年多多少？") == []
    # one document's column for another year, not two years summed
    assert not years.asks_sum_of_years("烟台市审计局2026年预算的“三公”表里2025年预算数合计是多少？")


@pytest.mark.slow
def test_two_years_summed_each_from_its_document(engine: Engine) -> None:
    a = engine.answer("万里街道2023年和2024年的“三公”经费加起来一共多少？")
    assert not a.refused, a.text
    assert (a.value, a.unit) == (Decimal("70.82"), "万元")
    assert "22.91 万元" in a.text and "47.91 万元" in a.text
    assert {f.year for f in a.facts} == {2023, 2024}
    assert a.figures and all(f.verdict in ("verified", "derived") for f in a.figures)


@pytest.mark.parametrize(
    "question",
    ["万里街道2023年其他城乡社区支出实际执行了多少？", "万里街道2024年宣传事务一般行政管理事务，2023年执行了多少？"],
)
@pytest.mark.slow
def test_actual_asked_is_never_a_budget_figure(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.refused or all(years.is_actual(f) for f in a.facts), a.text
    assert a.value not in (Decimal("1450.00"), Decimal("100.20"))


@pytest.mark.slow
def test_a_budget_asked_still_answers(engine: Engine) -> None:
    a = engine.answer("万里街道2023年“三公”经费预算是多少？")
    assert (a.value, a.unit) == (Decimal("22.91"), "万元")


@pytest.mark.parametrize(("word", "offset"), list(years._words()["relative"].items()))
def test_each_relative_word_says_a_year(word: str, offset: int) -> None:
    assert years.relative_offset(f"万里街道{word}的项目支出是多少？") == offset


@pytest.mark.parametrize("word", years._words()["not_relative"]["words"])
def test_words_that_hold_a_relative_word_say_no_year(word: str) -> None:
    assert years.relative_offset(f"万里街道{word}资金是多少？") is None


@pytest.mark.parametrize(
    ("question", "year"), [("万里街道前年的三公经费是多少？", 2022), ("万里街道明年的三公经费是多少？", 2025)]
)
@pytest.mark.slow
def test_a_relative_year_not_loaded_is_refused_by_name(engine: Engine, question: str, year: int) -> None:
    a = engine.answer(question)
    assert a.refused and f"{year}年" in a.text, a.text


@pytest.mark.slow
def test_this_year_and_last_year_still_answer(engine: Engine) -> None:
    assert engine.answer("万里街道今年的三公经费是多少？").value == Decimal("47.91")
    assert engine.answer("万里街道去年的三公经费是多少？").value == Decimal("22.91")
