"""Bounds on an amount in a question (assistant/bounds.toml): whether the amount written is inside the bound is
the word's — 以上/以下/不少于/不超过/及以上 include it, 超过/高于/不到/低于 exclude it — one test per word."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from importlib.resources import files

import pytest

from assistant.bounds import bounds, word

WRITTEN = [  # (a question as a person writes it, the word, its operator)
    ("公务接待费超过10万元的部门有哪些", "超过", ">"),
    ("三公经费高于20万元的有哪些部门", "高于", ">"),
    ("项目支出大于500万元的部门", "大于", ">"),
    ("哪些部门人员经费多于1000万元", "多于", ">"),
    ("三公经费不止10万元的部门", "不止", ">"),
    ("公务接待费不少于10万元的部门", "不少于", ">="),
    ("哪些部门三公经费不低于5万元", "不低于", ">="),
    ("因公出国费不小于3万元的部门", "不小于", ">="),
    ("三公经费达到10万元的部门有哪些", "达到", ">="),
    ("公务接待费低于5万元的部门", "低于", "<"),
    ("哪些部门三公经费少于8万元", "少于", "<"),
    ("项目支出小于100万元的部门", "小于", "<"),
    ("三公经费不足1万元的部门", "不足", "<"),
    ("公务接待费不到3万元的有哪些部门", "不到", "<"),
    ("公务接待费不超过3万元的部门", "不超过", "<="),
    ("三公经费不高于10万元的部门", "不高于", "<="),
    ("公务接待费不多于2万元的部门", "不多于", "<="),
    ("因公出国费不大于5万元的部门", "不大于", "<="),
    ("公务接待费在10万元以上的2026年预算有哪些部门", "以上", ">="),
    ("三公经费10万元及以上的部门", "及以上", ">="),
    ("三公经费10万元或以上的部门", "或以上", ">="),
    ("公务接待费在5万元以下的部门", "以下", "<="),
    ("三公经费5万元及以下的部门", "及以下", "<="),
    ("三公经费5万元或以下的部门", "或以下", "<="),
    ("公务接待费在3万元以内的部门", "以内", "<="),
]


def test_every_word_of_the_data_has_its_test() -> None:
    data = tomllib.loads(files("assistant").joinpath("bounds.toml").read_text(encoding="utf-8"))
    words = {**data["before"], **data["after"]}
    assert {(w, op) for _, w, op in WRITTEN} == set(words.items())


@pytest.mark.parametrize(("question", "said", "op"), WRITTEN)
def test_a_bound_s_word_says_whether_the_amount_is_inside(question: str, said: str, op: str) -> None:
    (b,) = bounds(question)
    assert b.op == op and b.unit == "万元" and b.value > 0, said


def test_not_more_than_is_never_read_as_more_than() -> None:
    (b,) = bounds("2026年公务接待费不超过3万元的部门有哪些？")
    assert (b.op, b.value) == ("<=", Decimal(3))  # "超过3万元" inside "不超过3万元" is not a second bound


def test_the_word_after_decides_and_years_are_no_amounts() -> None:
    assert [b.op for b in bounds("三公经费超过10万元以上的部门")] == [">="]
    assert bounds("2026年三公经费最高的部门") == []
    assert [(b.op, b.value, b.unit) for b in bounds("三公经费在十万元以上")] == [(">=", Decimal(10), "万元")]
    two = bounds("公务接待费大于10万元且小于20万元的部门")
    assert [(b.op, b.value, b.lower) for b in two] == [(">", Decimal(10), True), ("<", Decimal(20), False)]


def test_an_answer_writes_the_bound_with_its_meaning() -> None:
    assert [word(op) for op in (">", ">=", "<", "<=")] == ["超过", "不低于", "低于", "不超过"]
