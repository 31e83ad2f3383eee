"""A set of departments a follow-up points back to (assistant/deictic_set.py, deictic_set.toml): the set the
conversation named, or a refusal asking which — never every department of the store."""

from __future__ import annotations

import pytest

from assistant.deictic_set import _data, asks_which, pointed, resolved
from assistant.records import Across, Answer

FIVE = "我负责的五个单位（无锡交通、无锡人社、烟台民政、烟台审计、佛山轨道交通）里，政府采购预算最大的是哪个？"


def asked(question: str, across: Across | None = None) -> Answer:
    return Answer(question=question, text="…", refused=False, across=across)


@pytest.mark.parametrize("word", _data()["pointers"])
def test_every_pointer_points_to_a_set(word: str) -> None:
    m = pointed(f"{word}五个单位里谁的三公经费最多？")
    assert m is not None and m.group(0) == f"{word}五个单位"
    assert pointed(_data()["pointers_example"]) and pointed(_data()["nouns_example"])


@pytest.mark.parametrize("noun", _data()["nouns"])
def test_every_noun_names_a_set(noun: str) -> None:
    m = pointed(f"这几{'' if noun == '家' else '个'}{noun}里谁的三公经费最多？")
    assert m is not None and m.group(0).endswith(noun)


def test_the_set_named_before_is_written_out() -> None:
    done = resolved("这五个单位里政府采购有工程类的是哪些？", [asked(FIVE)])
    assert done == "五个单位（无锡交通、无锡人社、烟台民政、烟台审计、佛山轨道交通）里政府采购有工程类的是哪些？"
    assert resolved("这几个单位里谁最多？", [asked(FIVE)]) == done.replace("政府采购有工程类的是哪些", "谁最多")


def test_the_departments_an_answer_read_across_are_the_set() -> None:
    across = Across(
        question="q", op="compare", subject="政府采购预算", departments=("无锡市人力资源和社会保障局", "烟台市民政局")
    )
    done = resolved("这两个部门里谁的三公经费最多？", [asked("无锡人社和烟台民政政府采购预算分别是多少？", across)])
    assert done == "2个部门（无锡市人力资源和社会保障局、烟台市民政局）里谁的三公经费最多？"


def test_a_set_never_named_is_asked_back() -> None:
    assert resolved("这三个部门里谁的三公经费最多？", [asked("北京市财政局2026年预算是多少？")]) == ""
    assert resolved("这三个单位里谁最多？", [asked(FIVE)]) == ""  # five named, three pointed to
    assert "这三个部门" in asks_which("这三个部门里谁的三公经费最多？")


@pytest.mark.parametrize("question", ["这个单位的预算是多少？", "这些项目哪个最多？", "这两年的预算差多少？"])
def test_no_set_of_departments_is_pointed_to(question: str) -> None:
    assert resolved(question, [asked(FIVE)]) is None


@pytest.mark.parametrize(
    "question",
    ["深圳和重庆这五个部门里，政府采购预算最多的是哪个？", "普陀区这三个单位（福利院、社工部、万里街道）谁最高？"],
)
def test_a_set_the_question_names_itself_is_its_own(question: str) -> None:
    assert resolved(question, [asked(FIVE)]) is None


@pytest.mark.parametrize("lead", _data()["leads"])
def test_a_pointer_after_a_lead_word_points_back(lead: str) -> None:
    assert pointed(f"{lead}这几个部门里谁的三公经费最多？") is not None
    assert pointed(_data()["leads_example"]) is not None
