"""A fact's provenance: the rows it is under (类 > 款 > 项), the headers over its column, a prose figure's
section trail; the source rendered from it; the paths kept by the store, and a store of the previous format
opened without losing a fact."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from index.ingest import Parsed, read
from index.provenance import render
from index.records import Fact
from index.store import FORMAT, Store
from tests.conftest import REAL, SAMPLE, SECOND, run_cli


def one(facts: list[Fact], **fields: object) -> Fact:
    [found] = [f for f in facts if all(getattr(f, k) == v for k, v in fields.items())]
    return found


@pytest.fixture(scope="module")
def wanli() -> Parsed:
    return read(REAL / "wanli-2024-yusuan.pdf")


def test_a_row_of_the_by_function_table_is_under_its_class_and_section(sample: Parsed) -> None:
    f = one(sample.facts, table="表7", code="2060702", column="支出总计")
    assert f.value == Decimal("2564")
    p = f.provenance
    assert p.row_path == ("206 科学技术支出", "20607 科学技术普及", "2060702 科普活动")
    assert p.column_path == ("支出总计",)
    assert (p.document, p.table, p.unit, p.page) == (SAMPLE.name, "表7 一般公共预算支出表（按功能分类）", "万元", None)
    assert f.source == render(p) == "表7 一般公共预算支出表（按功能分类） · 2060702 科普活动 · 支出总计"


def test_a_column_under_a_two_level_header_has_both_levels(wanli: Parsed) -> None:
    table = "2024年部门一般公共预算基本支出部门预算经济分类预算表"
    f = one(wanli.facts, table=table, row="工资福利支出", column="人员经费")
    assert f.value == Decimal("88282511") and f.unit == "元" and f.page == 29
    assert f.provenance.column_path == ("一般公共预算基本支出", "人员经费")
    assert f.source == render(f.provenance) == f"{table} · 301 工资福利支出 · 人员经费"
    # three levels: 2024年“三公”经费预算数 > 公务用车购置及运行费 > 购置费, read by column (the item is the row)
    car = one(wanli.facts, table="部门“三公”经费和机关运行经费预算表", row="购置费", column="预算数")
    assert car.value == Decimal("25")
    assert car.provenance.column_path == ("2024年“三公”经费预算数", "公务用车购置及运行费", "购置费")


def test_a_prose_figure_is_under_its_section_trail(sample: Parsed) -> None:
    f = one(sample.facts, table=None, row="行政编制总数", column="数量")
    assert f.value == 14 and f.unit == "人"
    assert f.provenance.row_path == ("第一部分 部门概况", "二、机构设置情况", "行政编制总数")
    assert f.provenance.table is None and f.provenance.column_path == ("数量",)
    assert f.source == render(f.provenance) == "第一部分 部门概况 · 二、机构设置情况 · 「行政编制总数 14 人」"


def test_the_store_keeps_the_paths_and_facts_json_shows_them(sample_store: Path, sample: Parsed) -> None:
    code, out = run_cli(sample_store, "facts", "--code", "2060702", "--json")
    assert code == 0
    [row] = [r for r in json.loads(out) if r["table"] == "表7" and r["column"] == "支出总计"]
    assert row["source"] == "表7 一般公共预算支出表（按功能分类） · 2060702 科普活动 · 支出总计"  # kept as it was
    assert row["provenance"] == {
        "document": SAMPLE.name, "page": None, "table": "表7 一般公共预算支出表（按功能分类）",
        "row_path": ["206 科学技术支出", "20607 科学技术普及", "2060702 科普活动"], "column_path": ["支出总计"],
        "unit": "万元",
    }  # fmt: skip
    with Store(sample_store) as store:
        stored = store.facts()
    assert stored == sample.facts
    assert [f.provenance.as_json() for f in stored] == [f.provenance.as_json() for f in sample.facts]


def test_a_store_of_the_previous_format_opens_with_every_fact(
    sample_store: Path, sample: Parsed, second: Parsed
) -> None:
    with closing(sqlite3.connect(sample_store / "facts.sqlite")) as conn:  # as the previous version wrote it
        conn.execute("ALTER TABLE facts DROP COLUMN row_path")
        conn.execute("ALTER TABLE facts DROP COLUMN col_path")
        conn.execute(f"PRAGMA user_version = {FORMAT - 1}")
        conn.commit()
    with Store(sample_store) as store:
        facts = store.facts()
    assert facts == sample.facts  # nothing lost, every source as it was
    f = one(facts, table="表7", code="2060702", column="支出总计")
    assert f.provenance.row_path == ("2060702 科普活动",)  # NULL: the path its flat fields tell
    assert f.provenance.table == "表7 一般公共预算支出表（按功能分类）" and f.provenance.document == SAMPLE.name
    prose = one(facts, table=None, row="行政编制总数", column="数量")
    assert prose.provenance.row_path == ("第一部分 部门概况", "二、机构设置情况", "行政编制总数")
    with closing(sqlite3.connect(sample_store / "facts.sqlite")) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT
        assert conn.execute("SELECT count(*), count(row_path) FROM facts").fetchone() == (len(sample.facts), 0)
    assert run_cli(sample_store, "ingest", str(SECOND))[0] == 0  # and takes another document, with its paths
    with Store(sample_store) as store:
        added = [f for f in store.facts() if f.provenance.document == SECOND.name]
    assert [f.provenance.as_json() for f in added] == [f.provenance.as_json() for f in second.facts]
    assert any(len(f.provenance.row_path) == 3 for f in added)
