"""Questions across departments of one city, on its real disclosures: Shenzhen's 2026 部门预算 of 深圳市财政局
and 深圳市科技创新局 (PDF, 表1–表11) in one store with the sample (深圳市科学技术协会, 2022).

The figures are read from the PDFs (pdftotext -layout): 表3 支出总表 prints each department's 支出总计 and
项目支出 on the row of its own name; 表9 财政拨款“三公”经费支出表 prints 2025年 and 2026年 side by side,
each item in one column per fund.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.records import Answer
from tests.conftest import REAL, SAMPLE, store_of

pytestmark = pytest.mark.slow  # a store of real PDFs built per module

CAIZHENG = "深圳市财政局（本级）"
KEJI = "深圳市科技创新局（本级）"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    pdfs = (REAL / "shenzhen-caizheng-2026-dept-yusuan.pdf", REAL / "shenzhen-keji-2026-dept-yusuan.pdf")
    return Engine(Settings(store=store_of(tmp_path_factory.mktemp("shenzhen") / "store", *pdfs, SAMPLE)))


def lines(a: Answer) -> list[tuple[str, Decimal | None, str]]:
    """Each department's line: name, value, where it is printed; every figure checked, only 2026 documents."""
    assert not a.refused, a.text
    assert a.figures and all(f.verdict in ("verified", "derived") for f in a.figures)
    assert {e.year for e in a.entries} == {2026} and "覆盖库中 2026 年预算 2 个部门" in a.text
    assert "科学技术协会" not in a.text  # the 2022 sample is another year
    return [(e.department, e.value, e.source) for e in a.entries]


def test_spending_ranked_from_each_department_s_own_row(engine: Engine) -> None:
    a = engine.answer("2026年各部门支出总计排名")
    assert [(d, v) for d, v, _ in lines(a)] == [(KEJI, Decimal("991722.33")), (CAIZHENG, Decimal("37385.88"))]
    assert [s for _, _, s in lines(a)] == [
        f"表3 支出总表 · {KEJI} · 支出总计（第22页）",
        f"表3 支出总表 · {CAIZHENG} · 支出总计（第20页）",
    ]
    assert [e.rank for e in a.entries] == [1, 2]


def test_three_public_ranked_by_the_2026_column_never_2025(engine: Engine) -> None:
    a = engine.answer("2026年各部门“三公”经费排名")
    found = lines(a)
    assert [(d, v) for d, v, _ in found] == [(KEJI, Decimal("118.20")), (CAIZHENG, Decimal("58.46"))]
    assert all("2025年" not in s and "增减变化金额" not in s for _, _, s in found)  # 112.31 and 59.66 are 2025's
    assert found[0][2].startswith("表9 财政拨款“三公”经费支出表 · 总计·一般公共预算 · 2026年（第39页）")
    assert "118.20 + 0 + 0 = 118.20" in [f.expression for f in a.figures]  # the three funds' columns
    assert found[1][2].count("（第38页）") == 3  # 财政局's own table


def test_one_item_of_three_public(engine: Engine) -> None:
    a = engine.answer("2026年各部门公务接待费排名")
    assert [(d, v) for d, v, _ in lines(a)] == [(CAIZHENG, Decimal("9.46")), (KEJI, Decimal("3.00"))]  # 2025: 5.00


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("2026年各部门项目支出合计是多少", "2 个部门"),
        ("2026年深圳市财政局和科技创新局的项目支出合计", f"{KEJI}、{CAIZHENG}"),
    ],
)
def test_project_spending_totalled(engine: Engine, question: str, who: str) -> None:
    a = engine.answer(question)
    assert (a.value, a.unit) == (Decimal("1012126.47"), "万元") and who in a.text
    assert lines(a) == [
        (KEJI, Decimal("985764.90"), f"表3 支出总表 · {KEJI} · 项目支出（第22页）"),
        (CAIZHENG, Decimal("26361.57"), f"表3 支出总表 · {CAIZHENG} · 项目支出（第20页）"),
    ]
    assert "985,764.90 + 26,361.57 = 1,012,126.47" in [f.expression for f in a.figures]


def test_the_sample_s_own_year_alone(engine: Engine) -> None:
    a = engine.answer("2022年各部门项目支出合计是多少")
    assert not a.refused and [(e.department, e.year, e.value) for e in a.entries] == [
        ("深圳市科学技术协会（本级）", 2022, Decimal(4023))
    ]
    b = engine.answer("2022年各部门“三公”经费排名")
    assert not b.refused and [(e.year, e.value) for e in b.entries] == [(2022, Decimal(5))]
    assert "· 总计 · 2022年" in b.entries[0].source
