"""Counted sets of departments (assistant/named_set.py): "三个民政局", "北京、深圳两个市财政局", "那三家单位（…）"."""

from __future__ import annotations

import pytest

from assistant.named_set import named_set

HELD = ["北京市民政局", "西安市民政局", "烟台市民政局", "北京市财政局", "深圳市财政局（本级）"]
ALIASES = {
    "北京市民政局": ("北京市民政局", "北京民政局", "市民政局", "民政局"),
    "西安市民政局": ("西安市民政局", "西安民政局", "市民政局", "民政局"),
    "烟台市民政局": ("烟台市民政局", "烟台民政局", "市民政局", "民政局"),
    "北京市财政局": ("北京市财政局", "北京财政局", "市财政局", "财政局"),
    "深圳市财政局（本级）": ("深圳市财政局(本级)", "深圳市财政局", "深圳财政局", "市财政局", "财政局"),
}


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("三个民政局哪个车最多", ("北京市民政局", "西安市民政局", "烟台市民政局")),
        ("北京、深圳两个市财政局谁的三公经费高", ("北京市财政局", "深圳市财政局（本级）")),
        ("北京和西安这两个民政局的车", ("北京市民政局", "西安市民政局")),
    ],
)
def test_a_count_and_a_short_name_name_those_departments(question: str, found: tuple[str, ...]) -> None:
    assert named_set(question, HELD, ALIASES, {}) == found


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("两个民政局哪个车最多", "库中的民政局有 3 个"),
        ("北京、广州两个市财政局谁高", "库中没有广州的市财政局"),
        ("北京、西安两个市财政局谁高", "库中没有西安的市财政局"),
    ],
)
def test_a_count_or_place_that_does_not_match_is_refused_by_name(question: str, said: str) -> None:
    refusal = named_set(question, HELD, ALIASES, {})
    assert isinstance(refusal, str) and said in refusal


def test_a_generic_count_takes_the_names_listed() -> None:
    named = {"北京市民政局": "民政局", "北京市财政局": "财政局"}
    assert named_set("北京这两个部门（财政局、民政局）", HELD, ALIASES, named) == ("北京市民政局", "北京市财政局")
    refusal = named_set("北京这三个部门（财政局、民政局）", HELD, ALIASES, named)
    assert isinstance(refusal, str) and "2 个" in refusal


@pytest.mark.parametrize(
    "question", ["北京市财政局和深圳市财政局谁的公车多", "收入和支出两个都是全部一般公共预算拨款，哪个对？"]
)
def test_no_counted_set_is_none(question: str) -> None:
    assert named_set(question, HELD, ALIASES, {}) is None
