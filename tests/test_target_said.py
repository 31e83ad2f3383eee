"""A 绩效 target never answers a question asking what is held (assistant/target_said.py `target_unasked`,
target_said.toml): one test per cue word, on facts as index/facts.py reads a target table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.target_said import cues, target_unasked
from index.records import Fact


def _target(row: str, value: str, unit: str, project: str) -> Fact:
    return Fact(
        doc_id="d",
        section=None,
        code=None,
        department="某区交通局",
        year=2026,
        table="项目支出绩效目标表",
        row=row,
        column="目标值",
        value=Decimal(value),
        unit=unit,
        source=f"项目支出绩效目标表 · {project} · 产出/数量 · {row} · 目标值 ≥{value}{unit}",
    )


VEHICLES = _target("租赁办公车辆数", "1", "辆", "公务用车租赁经费")
HELD = Fact(
    doc_id="d", section="文字说明", code=None, department="某区交通局", year=2026, table=None, row="车辆", column="", value=Decimal(5), unit="辆",
    source="文字说明 · 本部门共有车辆5辆",
)  # fmt: skip


@pytest.mark.parametrize("word", cues()["held"])
def test_a_target_never_answers_what_is_held(word: str) -> None:
    # held-out kind: "How many vehicles does … have?" answered "租赁办公车辆数 ≥1", the text printing 共有车辆5辆
    reason = target_unasked(f"某区交通局车辆{word}辆？", [VEHICLES])
    assert "绩效目标" in reason and "租赁办公车辆数" in reason
    assert target_unasked(f"某区交通局车辆{word}辆？", [HELD]) == ""  # the count the text prints answers


@pytest.mark.parametrize("word", cues()["asks_target"])
def test_a_question_asking_a_target_is_answered_by_it(word: str) -> None:
    assert target_unasked(f"某区交通局车辆数{word}有多少辆？", [VEHICLES]) == ""


def test_a_target_of_the_project_named_answers() -> None:
    assert target_unasked("公务用车租赁经费项目租赁的车辆有多少辆？", [VEHICLES]) == ""
    assert target_unasked("某区交通局租赁办公车辆数是多少？", [VEHICLES]) == ""  # no held word: the row asked
