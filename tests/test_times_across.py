"""How many times one department's figure is another's (assistant/times_across.py): A ÷ B in the order written."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from assistant.times_across import refusal, times_asked, two_ways, written_order

A, B, C = "无锡市人力资源和社会保障局", "无锡市交通运输局（本级）", "深圳市财政局（本级）"
NAMED = {A: "无锡人社局", B: "无锡交通局"}
WORDS = tomllib.loads(files("assistant").joinpath("times_across.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("word", WORDS["asked"])
def test_every_word_asks_how_many_times(word: str) -> None:
    assert times_asked(f"无锡人社局的会议费是无锡交通局的{word}？")


@pytest.mark.parametrize("word", WORDS["more"])
def test_more_before_times_is_asked_back(word: str) -> None:
    assert two_ways(f"无锡人社局的会议费比无锡交通局{word}几倍？")
    assert refusal(f"无锡人社局的会议费比无锡交通局{word}几倍？", NAMED, (A, B))[1]


def test_the_dividend_is_the_name_written_first() -> None:
    assert written_order("无锡交通局的政府采购预算是无锡人社局的几倍？", NAMED, (A, B)) == (B, A)
    assert refusal("无锡人社局的政府采购预算是无锡交通局的几倍？", NAMED, (B, A)) == ((A, B), None)


def test_times_is_between_two_departments_only() -> None:
    order, why = refusal("无锡人社局、无锡交通局和深圳财政局的会议费是几倍？", {**NAMED, C: "深圳财政局"}, (A, B, C))
    assert order == () and why and "两个部门" in why
