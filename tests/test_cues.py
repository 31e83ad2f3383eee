"""assistant/cues.py: word lists become longest-first alternations."""

import re

from assistant.cues import alternation, longest_first


def test_longest_first_keeps_ties_in_order() -> None:
    assert longest_first(["上年", "上一年度", "去年", "上一年"]) == ["上一年度", "上一年", "上年", "去年"]


def test_alternation_reads_the_longest_word() -> None:
    pattern = re.compile(alternation(["实际", "实际执行数", "执行数"]))
    assert pattern.match("实际执行数是多少").group(0) == "实际执行数"


def test_alternation_escapes_words() -> None:
    assert re.fullmatch(alternation(["（含）", "%"]), "（含）") is not None
    assert re.fullmatch(alternation(["a.b"]), "axb") is None
