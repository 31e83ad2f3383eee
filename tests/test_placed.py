"""Which 科目 an item the prose names is in (assistant/placed.py)."""

from __future__ import annotations

import pytest

from assistant.placed import _data, asks_place, item_words


@pytest.mark.parametrize("word", _data()["asks"])
def test_each_ask_word_asks_the_items_subject(word: str) -> None:
    assert asks_place(str(_data()["asks_example"]).format(word=word))


def test_a_question_of_no_subject_asks_no_place() -> None:
    assert not asks_place("无锡人社局支内回锡定居退休职工生活补助是多少？")


@pytest.mark.parametrize("word", _data()["verbs"])
def test_each_verb_is_no_part_of_the_item(word: str) -> None:
    content = str(_data()["verbs_example"]).format(word=word).replace("科目", "")
    assert item_words(content) == "支内回锡定居退休职工生活补助"
