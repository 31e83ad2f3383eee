"""A 科目 named with its parents and a column of its row ("公路水路运输（款）行政运行（项）人员经费多少"): the column is
read as the row's column, never as a child 科目 of the path. Figures of 无锡市交通运输局（本级）2026 单位预算, 表5
财政拨款支出表（功能科目） (p20–21): 合计 人员经费 3,115.12; 2140101 行政运行 合计 2,103.06, 人员经费 1,912.32, 公用经费 190.74; 2140104 公路建设
合计 43,882.00 (no 人员经费), and the text's "公路水路运输（款）公路建设（项）支出43,882万元" (p37)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.complete import unread
from assistant.draft import Draft
from assistant.knowledge import Knowledge
from assistant.records import Query
from assistant.subject_path import mark_path
from assistant.understand import Understanding
from index.records import DocumentInfo, Fact

DOC = DocumentInfo(doc_id="d", title="2026年无锡市交通运输局（本级）单位预算", department="无锡市交通运输局（本级）",
          year=2026, kind="预算", unit="万元", filename="", n_facts=0, ingested_at="", aliases=("无锡交通局",))  # fmt: skip
ROWS = [  # (code, row, column, value) of 表5 (its 合计 row on p20)
    (None, "合计", "人员经费", "3115.12"),
    (None, "合计", "公用经费", "190.74"),
    ("214", "交通运输支出", "合计", "52383.76"),
    ("214", "交通运输支出", "人员经费", "1912.32"),
    ("21401", "公路水路运输", "合计", "47867.76"),
    ("21401", "公路水路运输", "人员经费", "1912.32"),
    ("2140101", "行政运行", "合计", "2103.06"),
    ("2140101", "行政运行", "人员经费", "1912.32"),
    ("2140101", "行政运行", "公用经费", "190.74"),
    ("2140104", "公路建设", "合计", "43882.00"),
    ("2140104", "公路建设", "项目支出", "43882.00"),
]


def _facts() -> list[Fact]:
    return [
        Fact(doc_id="d", department=DOC.department, year=2026, table="表5", section=None, row=row, code=code,
             column=column, column_role=column, value=Decimal(value), unit="万元",
             source=f"表5 财政拨款支出表（功能科目） · {code or ''} {row} · {column}")
        for code, row, column, value in ROWS
    ]  # fmt: skip


@pytest.fixture(scope="module")
def understanding() -> Understanding:
    return Understanding(Knowledge([DOC], _facts(), [], {"d": ""}))


@pytest.mark.parametrize("column", ["人员经费", "公用经费", "基本支出", "项目支出"])
def test_a_column_after_a_level_marker_ends_the_name(column: str) -> None:
    assert mark_path(f"公路水路运输（款）行政运行（项）{column}多少") == f"公路水路运输里行政运行{column}多少"


@pytest.mark.parametrize(
    "question",
    [
        "无锡交通局公路水路运输（款）行政运行（项）人员经费多少？",
        "无锡交通局公路水路运输里行政运行的人员经费多少？",
        "无锡交通局交通运输支出中公路水路运输的行政运行的人员经费多少？",
        "无锡交通局交通运输支出（类）公路水路运输（款）行政运行（项）中人员经费是多少？",
    ],
)
def test_a_path_and_its_rows_column_is_that_row(understanding: Understanding, question: str) -> None:
    query = understanding.understand(question)
    assert query.refusal is None and query.subjects[:1] == ("行政运行",) and query.code == "2140101"


def test_a_column_the_last_row_does_not_print_is_no_path_of_it(understanding: Understanding) -> None:
    query = understanding.understand("无锡交通局公路水路运输里公路建设的人员经费多少？")
    assert query.refusal or "公路建设" not in query.subjects


def test_a_figure_under_no_personnel_column_never_answers_its_personnel_cost() -> None:
    prose = Fact(doc_id="d", department=DOC.department, year=2026, table=None, section="五", row="公路水路运输（款）公路建设（项）支出",
                 code=None, column="金额", value=Decimal("43882"), unit="万元",
                 source="五、财政拨款支出预算情况说明 · 「公路水路运输（款）公路建设（项）支出43,882万元」")  # fmt: skip
    question = "无锡交通局公路水路运输（款）公路建设（项）人员经费多少？"
    query = Query(question=question, subjects=(prose.row,), measure="amount", year=2026, doc_ids=("d",))
    draft = Draft(text="", value=prose.value, unit="万元", facts=[prose])
    assert unread(question, query, draft) is not None
    cell = next(f for f in _facts() if f.code == "2140101" and f.column == "人员经费")
    asked = "无锡交通局公路水路运输（款）行政运行（项）人员经费多少？"
    draft = Draft(text="", value=cell.value, unit="万元", facts=[cell])
    assert (
        unread(asked, Query(question=asked, subjects=("行政运行",), measure="amount", year=2026, doc_ids=("d",)), draft)
        is None
    )


def test_a_side_of_the_budget_left_by_a_fund_names_no_step_of_a_path(understanding: Understanding) -> None:
    # "重庆市水利局政府性基金预算支出里，超长期特别国债安排的水利支出" with the fund read as the column: "支出" is left
    parts = ["  支出", ",超长期特别国债安排", "水利支出是多少？"]
    assert understanding._named_steps(parts, ["d"]) == parts[1:]
    assert understanding._named_steps(["交通运输支出", "公路水路运输", "行政运行"], ["d"]) == [
        "交通运输支出", "公路水路运输", "行政运行"]  # fmt: skip
    assert understanding._named_steps(["  支出", "行政运行"], ["d"]) == ["  支出", "行政运行"]  # two: no path left


@pytest.mark.parametrize("asked", ["钱去哪了", "钱都去了哪里", "钱哪去了"])
def test_where_the_money_went_asks_the_reason(understanding: Understanding, asked: str) -> None:
    # review r12b124 "老年福利减少了3198万，钱去哪了？": the reason printed for the change, never the change alone
    assert understanding.understand(f"无锡交通局公路建设减少了100万，{asked}？").measure == "explain"


def test_the_ranking_reads_the_personnel_and_office_groups_itself() -> None:
    from assistant import ranking
    from assistant.complete import cues

    # "社工部基本支出里的公用经费，哪一项最多？": the group's rows ranked, never left for lack of a 公用经费 column
    assert ranking.GROUP_CUE in {c.name for c in cues()}
    assert next(c for c in cues() if c.name == ranking.GROUP_CUE).spans("社工部基本支出里的公用经费，哪一项最多？")
