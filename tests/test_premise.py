"""A false premise in a why-question is corrected from the change printed for the very item asked: on
Shenzhen's real 2026 科技创新局 部门预算, 第五部分 "公务接待费。2026 年预算数 3 万元，较 2025 年年初预算减少 2
万元" — "公务接待费为什么增加了" is told "公开文件所列是减少 2 万元，并未增加", never a quote of the department's
reasons for its budget's rise. Each word of assistant/premise.toml against a question of its own."""

from __future__ import annotations

import pytest

from assistant import premise
from assistant.answer import Engine
from assistant.config import Settings
from tests.conftest import REAL, store_of


@pytest.mark.parametrize("word", premise._data()["up"])
def test_each_rise_word_is_read_as_a_rise(word: str) -> None:
    assert premise.asked_direction(f"公务接待费为什么{word}了？") == (word, "up")
    assert premise.printed_direction(f"比2025年{word} 2 万元。") == (f"{word} 2 万元", "up")


@pytest.mark.parametrize("word", premise._data()["down"])
def test_each_fall_word_is_read_as_a_fall(word: str) -> None:
    assert premise.asked_direction(f"公务接待费为什么{word}了？") == (word, "down")
    assert premise.printed_direction(f"比2025年{word} 2 万元。") == (f"{word} 2 万元", "down")


def test_the_reason_form_and_no_direction() -> None:
    assert premise.asked_direction("委托业务费增加的原因是什么？") == ("增加", "up")
    assert premise.asked_direction("国有资本经营预算支出表为什么全是0？") is None
    assert premise.correction("收入为什么增长了？", "收入比2025年减少 193.20 万元。") == (
        "公开文件所列是减少 193.20 万元，并未增长"
    )
    assert premise.correction("收入为什么减少了？", "收入比2025年减少 193.20 万元。") is None
    assert premise.correction("收入为什么增长了？", "收入 9,626.78 万元。") is None  # no change printed


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("premise") / "store"
    return Engine(Settings(store=store_of(folder, REAL / "shenzhen-keji-2026-dept-yusuan.pdf")))


@pytest.mark.slow
def test_a_false_premise_is_corrected_from_the_item_asked(engine: Engine) -> None:
    a = engine.answer("深圳市科技创新局公务接待费为什么增加了？")
    assert a.refused
    assert a.text.startswith("公开文件所列是减少 2 万元，并未增加。")
    assert "41,626" not in a.text  # the department's reasons for its budget's rise answer nothing here


@pytest.mark.slow
def test_a_true_premise_is_still_explained(engine: Engine) -> None:
    a = engine.answer("深圳市科技创新局公务接待费为什么减少了？")
    assert not a.text.startswith("公开文件所列是")
