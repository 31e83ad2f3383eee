"""预算数 / 决算数 said once for a group of cells (a row label, or a header group above the items) is the cells'
role, and the other header is the item: the “三公” table's total is 合计 · 决算数, never a row named 决算数."""

from decimal import Decimal as D

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from eval.template_maker import Expected, make_juesuan
from index.catalog import catalog
from index.facts import table_facts
from index.records import Column, Disclosure, Row, Table

DEPARTMENT = "上海市普陀区财政局"


def _doc(table: Table) -> Disclosure:
    return Disclosure(
        doc_id="x", title="2019年某局部门决算", department="某局", year=2019, kind="决算", unit="万元",
        sections=[], tables={table.name: table}, indicators=[],
    )  # fmt: skip


def _three_public(columns: list[Column], rows: list[Row]) -> Table:
    return Table(
        name="表7", title="一般公共预算财政拨款“三公”经费支出决算表", unit="万元", department="某局",
        header=[], columns=columns, rows=rows, kind="three_public", fund="财政拨款",
    )  # fmt: skip


def test_measures_are_data() -> None:
    measures = {r.role for r in catalog().roles.values() if r.measure}
    assert measures == {"预算数", "决算数", "年初预算数", "全年预算数", "调整预算数"}
    assert not catalog().roles["合计"].measure and not catalog().roles["基本支出"].measure


def test_header_group_over_items_one_row() -> None:
    # 佛山市轨道交通局 2019 决算 表7: 预算数 | 决算数 over 合计, 因公出国（境）费 …, 公务接待费; one row of figures.
    # The parser reads 预算数 · 合计 as the column 预算数 (role 合计) with no item.
    columns = [
        Column(name="预算数", role="合计"),
        Column(name="公务接待费·预算数", item="公务接待费"),
        Column(name="决算数", role="合计"),
        Column(name="公务接待费·决算数", item="公务接待费"),
    ]
    row = Row(label="", values={"预算数": D("0.00"), "公务接待费·预算数": D("0.00"), "决算数": D("0.16"),
                                "公务接待费·决算数": D("0.16")})  # fmt: skip
    t = _three_public(columns, [row])
    got = {(f.row, f.column, f.column_role): f.value for f in table_facts(_doc(t), t)}
    assert got == {
        ("合计", "预算数", "预算数"): D("0.00"),
        ("公务接待费", "预算数", "预算数"): D("0.00"),
        ("合计", "决算数", "决算数"): D("0.16"),
        ("公务接待费", "决算数", "决算数"): D("0.16"),
    }


def test_rows_named_by_measure() -> None:
    # the same table printed the other way round: rows 预算数 and 决算数, the items as columns
    columns = [Column(name="合计", role="合计"), Column(name="因公出国（境）费"), Column(name="公务接待费")]
    rows = [
        Row(label="预算数", values={"合计": D("12.00"), "因公出国（境）费": D("5.00"), "公务接待费": D("7.00")}),
        Row(label="决算数", values={"合计": D("10.50"), "因公出国（境）费": D("4.00"), "公务接待费": D("6.50")}),
    ]
    t = _three_public(columns, rows)
    got = {(f.row, f.column, f.column_role): f.value for f in table_facts(_doc(t), t)}
    assert got[("合计", "决算数", "决算数")] == D("10.50")
    assert got[("公务接待费", "预算数", "预算数")] == D("7.00")
    assert not any(f.row in ("预算数", "决算数") for f in table_facts(_doc(t), t))


def test_a_year_column_keeps_its_year() -> None:
    # "2025年预算数" says its year as well: not read as the table's 合计
    columns = [Column(name="2025年预算数"), Column(name="2026年预算数")]
    t = _three_public(columns, [Row(label="", values={"2025年预算数": D(3), "2026年预算数": D(4)})])
    assert all(f.row != "合计" for f in table_facts(_doc(t), t))


@pytest.fixture(scope="module")
def juesuan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, Expected]:
    """A generated 部门决算 whose “三公” table prints 预算数 and 决算数 for each item (合计 first)."""
    from assistant.retrieve import open_vectors
    from index.ingest import ingest
    from index.store import Store

    folder = tmp_path_factory.mktemp("juesuan")
    expected = make_juesuan(folder / "j.pdf", department=DEPARTMENT, year=2024, rng_seed=8)
    with Store(folder / "store") as store:
        ingest(store, open_vectors(Settings(store=folder / "store")), folder / "j.pdf")
    return Engine(Settings(store=folder / "store")), expected


@pytest.mark.slow
def test_a_juesuan_answers_its_own_budget_column(juesuan: tuple[Engine, Expected]) -> None:
    engine, expected = juesuan
    planned = engine.answer(f"{DEPARTMENT}2024年“三公”经费预算数是多少？")
    assert not planned.refused, planned.text
    assert (planned.value, planned.unit) == (expected.totals["“三公”经费预算数"], "万元")
    assert "预算数" in planned.text and all(f.column_role == "预算数" for f in planned.facts)
    spent = engine.answer(f"{DEPARTMENT}2024年“三公”经费决算数是多少？")
    assert (spent.value, spent.unit) == (expected.totals["“三公”经费决算数"], "万元")
