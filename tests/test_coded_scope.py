"""A question naming no department but writing a 科目编码 with its name is scoped to the one department whose tables
print that code with that name (assistant/coded_scope.py); several printers, or none, leave it asked back."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.coded_scope import coded_scope, of_years, with_department
from assistant.config import Settings
from index.records import DocumentInfo
from tests.conftest import REAL, store_of


def doc(doc_id: str, department: str, year: int, kind: str) -> DocumentInfo:
    return DocumentInfo(doc_id=doc_id, title=f"{year}年{department}部门{kind}", department=department, year=year,
                        kind=kind, unit="万元", filename="", n_facts=0, ingested_at="")  # fmt: skip


DOCS = {
    "sg": doc("sg", "中共上海市普陀区委社会工作部", 2024, "决算"),
    "yt": doc("yt", "烟台市审计局", 2026, "预算"),
    "yt25": doc("yt25", "烟台市审计局", 2025, "预算"),
    "wl": doc("wl", "上海市普陀区人民政府万里街道办事处", 2026, "预算"),
}
ROWS = [
    ("sg", "2013950", "事业运行"),
    ("yt", "2010804", "审计业务"),
    ("yt", "2080501", "行政单位离退休"),
    ("yt25", "2080501", "行政单位离退休"),
    ("wl", "2080501", "行政单位离退休"),
]


def printed_with(codes: Sequence[str]) -> list[tuple[str, str, str]]:
    return [r for r in ROWS if r[1] in codes]


@pytest.mark.parametrize(
    ("question", "scope"),
    [
        ("2013950 事业运行 2024年决算是多少？", ["sg"]),
        ("事业运行（2013950）是多少？", ["sg"]),  # the name before the code
        ("2010804审计业务2026年预算是多少？", ["yt", "yt25"]),  # the department's documents, the year read later
        ("2080501 行政单位离退休2025年预算是多少？", ["yt", "yt25"]),  # the one printer in the year asked
        ("208 05 01 行政单位离退休2025年预算是多少？", ["yt", "yt25"]),  # r11a044: 类, 款, 项 written apart
    ],
)
def test_the_one_department_printing_the_code_with_its_name(question: str, scope: list[str]) -> None:
    assert coded_scope(question, DOCS, printed_with) == scope


@pytest.mark.parametrize(
    "question",
    [
        "2080501 行政单位离退休2026年预算是多少？",  # two departments print it
        "2010804 行政运行是多少？",  # the code with another name: no scope from it
        "2013950 事业运行2026年预算是多少？",  # not printed in the year asked
        "2010804 审计业务2026年决算是多少？",  # only a 预算 prints it
        "2024年事业运行是多少？",  # no code
    ],
)
def test_no_scope_unless_one_department_prints_it(question: str) -> None:
    assert coded_scope(question, DOCS, printed_with) == []


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("coded_scope") / "store"
    pdfs = (REAL / "shegongbu-2024-juesuan.pdf", REAL / "fuliyuan-2024-danwei-yusuan.pdf")
    return Engine(Settings(store=store_of(folder, *pdfs)))


def test_a_coded_question_is_answered_from_the_department_printing_it(engine: Engine) -> None:
    """社工部 2024 决算 支出决算表 p8: 2013950 事业运行 本年支出合计 11.31 万元."""
    answer = engine.answer("2013950 事业运行 2024年决算是多少？")
    assert not answer.refused and answer.value == Decimal("11.31"), answer.text
    assert {f.doc_id for f in answer.facts} == {
        d.doc_id for d in engine.library.docs.values() if "社会工作部" in d.department
    }


def test_a_year_narrows_the_documents_to_those_that_can_print_it() -> None:
    """r11a064: "…2023年预算比2022年执行数" keeps the documents of 2022–2024 (a document prints 上年 too)."""
    docs = {**DOCS, "old": doc("old", "西安市民政局", 2021, "预算")}
    assert set(of_years("2025年行政单位离退休预算", docs)) == {"yt", "yt25", "wl"}  # 2026 prints 2025 as 上年
    assert set(of_years("2023年预算比2022年执行数", docs)) == {"sg"}
    assert of_years("行政单位离退休预算", docs) == {}  # no year: nothing narrowed
    assert of_years("2030年行政单位离退休预算", docs) == {}  # no document of it: nothing narrowed
    assert with_department(["yt25"], docs) == ["yt", "yt25"]
