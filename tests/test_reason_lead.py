"""A follow-up why-question's opening word and its degree words name no item ("那政府性基金为什么减少那么多？" after a
question on the 一般公共预算拨款, review r12a137): the item asked is 政府性基金, whose printed reason is quoted."""

from __future__ import annotations

import pytest

from assistant import follow, reason


@pytest.mark.parametrize("lead", follow.cues()["lead"])
def test_a_follow_ups_opening_word_is_taken_off(lead: str) -> None:
    assert follow.without_lead(f"{lead}政府性基金为什么减少那么多？") == "政府性基金为什么减少那么多？"
    assert follow.without_lead("政府性基金为什么减少？") == "政府性基金为什么减少？"


@pytest.mark.parametrize("word", ["那么多", "这么多"])
def test_how_much_a_change_was_names_no_item(word: str) -> None:
    assert word in reason._data()["degree"]
