"""A ranking of the items of the one table of purchases a question names (政府采购): the item rows in the table's
total column, only when the question says nothing more of them and the items add up to a total the table prints."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.item_ranked import item_rows, named_table, said_more
from assistant.measures import _data
from index.catalog import catalog
from index.records import DocumentInfo, Fact

JIAOTONG = DocumentInfo(doc_id="jt", title="2026年无锡市交通运输局（本级）单位预算", department="无锡市交通运输局（本级）",
                        year=2026, kind="预算", unit="万元", filename="", n_facts=0, ingested_at="",
                        aliases=("无锡市交通运输局", "交通运输局"))  # fmt: skip


def _cell(row: str, column: str, role: str, value: str) -> Fact:
    return Fact(doc_id="jt", department=JIAOTONG.department, year=2026, table="表13", section=None, row=row,
                code=None, column=column, value=Decimal(value), unit="万元", source=f"表13 政府采购支出表 · {row} · {column}",
                table_kind="government_procurement", column_role=role)  # fmt: skip


# 2026 无锡市交通运输局 表13 政府采购支出表 as read (万元): the 合计 line, then the three items in 总计
TABLE = [
    _cell("总计", "预算数", "预算数", "112.90"),
    _cell("复印纸", "总计", "合计", "2.00"),
    _cell("其他印刷服务", "总计", "合计", "5.00"),
    _cell("其他咨询服务", "总计", "合计", "105.90"),
]


def test_the_items_of_the_table_are_ranked() -> None:
    rows = item_rows(TABLE, JIAOTONG, "government_procurement")
    assert rows is not None and {f.row: f.value for f in rows}["其他咨询服务"] == Decimal("105.90") and len(rows) == 3


def test_items_that_do_not_make_the_printed_total_are_never_ranked() -> None:
    assert item_rows([f for f in TABLE if f.row != "复印纸"], JIAOTONG, "government_procurement") is None


def test_an_item_name_printed_twice_is_never_ranked() -> None:
    twice = [*TABLE, _cell("复印纸", "总计", "合计", "0.00")]
    assert item_rows(twice, JIAOTONG, "government_procurement") is None


@pytest.mark.parametrize(
    ("before", "more"), [("无锡交通局政府采购里", False), ("无锡市交通运输局2026年政府采购中", False),
                         ("无锡交通局政府采购中分散采购的服务项目，金额", True)],
)  # fmt: skip
def test_words_that_say_more_of_the_rows_than_the_table(before: str, more: bool) -> None:
    assert named_table(before) == ("government_procurement", "政府采购")
    assert said_more(before, "政府采购", ["交通局"], JIAOTONG) is more


@pytest.mark.parametrize("kind", _data()["ranking"]["item_tables"])
def test_every_table_of_items_ranked_is_the_catalog_s(kind: str) -> None:
    table = next(t for t in catalog().tables if t.kind == kind)
    assert table.subject and named_table(f"某局{table.subject}里") == (kind, table.subject)
