"""The row of a 汇总 document's per-unit table printing the department's own office (本级): named with its accounts
(无锡市人社局 表2 "309001 …（本级）") or with the department's bare name under a unit code extending the whole's
(西安市民政局 表2 "241001 西安市民政局" under "241 西安市民政局")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.exclusion import part_of
from assistant.own_level import names_office, office_rows, own_label
from index.records import DocumentInfo, Fact

XIAN = DocumentInfo(doc_id="x", title="2021年西安市民政局部门预算", department="西安市民政局", year=2021, kind="预算",
                    unit="元", filename="", n_facts=0, ingested_at="", aliases=("西安民政局",))  # fmt: skip
WUXI = DocumentInfo(doc_id="w", title="2026年无锡市人力资源和社会保障局部门预算", department="无锡市人力资源和社会保障局",
                    year=2026, kind="预算", unit="万元", filename="", n_facts=0, ingested_at="",
                    aliases=("无锡人社局", "人社局"))  # fmt: skip


def _row(doc: DocumentInfo, row: str, code: str, value: str) -> Fact:
    return Fact(doc_id=doc.doc_id, department=doc.department, year=doc.year, table="表2", section=None, row=row,
                code=code or None, column="合计", value=Decimal(value), unit=doc.unit,
                source=f"表2 收入总表 · {code} {row} · 合计", table_kind="income", column_role="合计")  # fmt: skip


# 2021 西安市民政局 表2 (元) and 2026 无锡市人社局 表2 (万元), figures as printed
XIAN_ROWS = [
    _row(XIAN, "合计", "", "872031967.20"),
    _row(XIAN, "西安市民政局", "241", "872031967.20"),
    _row(XIAN, "西安市民政局", "241001", "526977483.30"),
    _row(XIAN, "西安市殡仪馆", "241011", "151870000.00"),
]
WUXI_ROWS = [
    _row(WUXI, "合计", "", "154121.76"),
    _row(WUXI, "无锡市人力资源和社会保障局", "309", "154121.76"),
    _row(WUXI, "无锡市人力资源和社会保障局（本级）", "309001", "6810.48"),
    _row(WUXI, "无锡市社会保险基金管理中心", "309005", "118788.13"),
]


@pytest.mark.parametrize(("doc", "rows", "code"), [(XIAN, XIAN_ROWS, "241001"), (WUXI, WUXI_ROWS, "309001")])
def test_the_office_row_is_read_either_way_and_the_whole_never(doc: DocumentInfo, rows: list[Fact], code: str) -> None:
    office = office_rows(rows, doc)
    assert [f.code for f in office] == [code]
    assert part_of(office[0], rows[0])  # a row of the 合计 row's column: the office is part of the whole


def test_the_office_row_is_named_with_its_accounts() -> None:
    assert own_label(XIAN_ROWS[2], XIAN) == "西安市民政局（本级）"
    assert own_label(WUXI_ROWS[2], WUXI) == "无锡市人力资源和社会保障局（本级）"
    shenzhen = DocumentInfo(doc_id="s", title="2026年深圳市财政局（本级）部门预算", department="深圳市财政局（本级）",
                            year=2026, kind="预算", unit="万元", filename="", n_facts=0, ingested_at="")  # fmt: skip
    assert own_label(_row(shenzhen, "深圳市财政局（本级）", "", "26361.57"), shenzhen) == "深圳市财政局（本级）"  # once


@pytest.mark.parametrize(
    ("name", "office"),
    [("局本级", True), ("本级", True), ("人社局本级", True), ("局机关本身", True), ("机关本级", True),
     ("人社局本级的一般公共预算", False), ("社会保险基金管理中心", False), ("机关运行经费", False)],
)  # fmt: skip
def test_a_part_named_is_the_office_alone(name: str, office: bool) -> None:
    assert names_office(name, WUXI) is office
