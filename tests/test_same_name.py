"""One 科目 name on several rows of a table, at one level or at different ones (重庆市水利局 2026 表3, p18: 20503
职业教育 款 33,668.32 and 2059803 职业教育 项 182.00 under 20598 超长期特别国债安排的支出): a question naming neither
the code nor the parent is asked back with every row listed, never answered with one of them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.complete import _same_name
from assistant.draft import Draft
from assistant.knowledge import Knowledge
from index.records import DocumentInfo, Fact

DOC = DocumentInfo(doc_id="d", title="2026年重庆市水利局部门预算", department="重庆市水利局", year=2026, kind="预算",
          unit="万元", filename="", n_facts=0, ingested_at="", aliases=("重庆市水利局",))  # fmt: skip
ROWS = [  # 表3 2026年部门支出总体情况表 (总计)
    ("205", "教育支出", "33850.32"),
    ("20503", "职业教育", "33668.32"),
    ("2050305", "高等职业教育", "33668.32"),
    ("20598", "超长期特别国债安排的支出", "182.00"),
    ("2059803", "职业教育", "182.00"),
    ("229", "其他支出", "10.00"),  # one name on nested rows: the 款 holds the 项, one line of spending
    ("22999", "其他支出", "10.00"),
]


def _facts() -> list[Fact]:
    return [
        Fact(doc_id="d", department=DOC.department, year=2026, table="表3", section=None, row=row, code=code,
             column="总计", value=Decimal(value), unit="万元", source=f"表3 · {code} {row} · 总计")
        for code, row, value in ROWS
    ]  # fmt: skip


def _asked(question: str, code: str) -> str | None:
    facts = _facts()
    kb = Knowledge([DOC], facts, [], {"d": ""})
    answered = next(f for f in facts if f.code == code)
    return _same_name(question, Draft(text="", value=answered.value, unit="万元", facts=[answered]), kb)


def test_rows_of_one_name_at_different_levels_are_listed() -> None:
    reason = _asked("重庆水利局职业教育支出多少？", "20503")  # "职业教育支出" names no parent (教育支出)
    assert reason is not None
    assert (
        "20503 职业教育（款，教育支出下）" in reason and "2059803 职业教育（项，超长期特别国债安排的支出下）" in reason
    )


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("重庆水利局20503职业教育是多少？", "20503"),  # its code
        ("重庆水利局超长期特别国债安排的支出中的职业教育是多少？", "2059803"),  # its parent
        ("重庆水利局其他支出是多少？", "22999"),  # nested rows of one name: one line
    ],
)
def test_a_row_said_by_its_code_or_parent_or_nested_is_answered(question: str, code: str) -> None:
    assert _asked(question, code) is None
