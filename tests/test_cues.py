"""assistant/cues.py: word lists become longest-first alternations."""

import re

import pytest

from assistant.cues import _said, alternation, longest_first, year_words
from assistant.tokens import expand
from assistant.understand import LAST_YEAR, THIS_YEAR


def test_longest_first_keeps_ties_in_order() -> None:
    assert longest_first(["上年", "上一年度", "去年", "上一年"]) == ["上一年度", "上一年", "上年", "去年"]


def test_alternation_reads_the_longest_word() -> None:
    pattern = re.compile(alternation(["实际", "实际执行数", "执行数"]))
    assert pattern.match("实际执行数是多少").group(0) == "实际执行数"


def test_alternation_escapes_words() -> None:
    assert re.fullmatch(alternation(["（含）", "%"]), "（含）") is not None
    assert re.fullmatch(alternation(["a.b"]), "axb") is None


@pytest.mark.parametrize("word", year_words("this_year"))
def test_each_word_for_the_documents_own_year(word: str) -> None:
    assert THIS_YEAR.search(f"{word}的会议费是多少") and not LAST_YEAR.search(f"{word}的会议费是多少")
    assert "2024年" in expand(f"{word}的会议费是多少", (2024,))
    assert THIS_YEAR.search(_said()["this_year_example"])


@pytest.mark.parametrize("word", year_words("last_year"))
def test_each_word_for_the_year_before(word: str) -> None:
    assert LAST_YEAR.search(f"{word}的会议费是多少")
    assert "2023年" in expand(f"{word}的会议费是多少", (2024,))
    assert LAST_YEAR.search(_said()["last_year_example"])
