"""The words that scope a list of one level: the classification asked chooses the table, the one parent named
limits the rows to its children; never the rows of another classification or parent."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.measures import _data
from assistant.render import answer_json
from assistant.row_scope import of_part, one_per_code, scheme_asked, scheme_rows
from index.records import Fact


@pytest.fixture(scope="module")
def real(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


def test_the_classification_named_is_read() -> None:
    spec = _data()["row_scope"]
    assert scheme_asked(spec["example"]) == "经济分类"
    assert scheme_asked("按功能分类的项级科目超过100万元的有哪些？") == "功能分类"
    assert scheme_asked("超过100万元的项级科目有哪些？") is None
    assert scheme_asked("经济分类和功能分类里超过100万元的有哪些？") is None  # both: not one table


def test_of_two_tables_the_fund_and_the_part_named_are_kept() -> None:
    kinds = {"表6": "appropriation_basic_by_economic", "表8": "general_public_basic_by_economic",
             "表9": "general_public_by_economic"}  # fmt: skip
    assert of_part(kinds, "一般公共预算基本支出里按经济分类") == {"表8"}
    assert of_part(kinds, "一般公共预算里按经济分类") == {"表9"}  # no part named: the table of no part
    assert of_part(kinds, "财政拨款基本支出里按经济分类") == {"表6"}
    assert of_part(kinds, "按经济分类") == {"表9"}
    assert of_part({"表6": kinds["表6"], "表8": kinds["表8"]}, "基本支出按经济分类") == {"表6", "表8"}  # still two


def test_a_list_by_the_economic_classification_reads_its_table(real: Engine) -> None:
    # 福利院 2024 一般公共预算基本支出部门预算经济分类预算表 (p.14): 30107 绩效工资 3,580,522, 30209 物业管理费
    # 1,206,000 元 are the 款 over 100万元; the 功能分类 table's 2100201 etc. are never listed
    a = answer_json(real.answer("福利院按经济分类的款级科目看，超过100万元的有哪些？", []))
    assert not a["refused"]
    assert [f["value"] for f in a["figures"]] == [3580522, 1206000]
    assert "经济分类预算表中超过100万元的款级科目有" in a["text"] and "功能分类" not in a["text"]
    assert {f["verdict"] for f in a["figures"]} == {"verified"}


def test_a_list_by_the_economic_classification_of_a_juesuan_reads_its_juesuan_column(real: Engine) -> None:
    # 社工部 2024 一般公共预算财政拨款基本支出决算表 (p.13), 决算数: 30102 津贴补贴 39.72 … 30107 绩效工资 10.16
    a = answer_json(real.answer("社工部2024年按经济分类的款级科目，超过10万元的有哪些？", []))
    assert not a["refused"]
    assert [Decimal(str(f["value"])) for f in a["figures"]] == [
        Decimal(v) for v in ("39.72", "17.70", "14.12", "10.16")
    ]


def test_a_list_under_a_parent_named_is_of_its_children_only(real: Engine) -> None:
    # 社工部 2024 支出决算表 (p.8): under 208 社会保障和就业支出 only 2080505 (6.18万元) is over 5万元;
    # 2013901 行政运行 51.32 and 2210201 住房公积金 17.70 are over it too but under other parents
    a = answer_json(real.answer("社工部2024年社会保障和就业支出下超过5万元的项级科目有哪些？", []))
    assert not a["refused"]
    assert [Decimal(str(f["value"])) for f in a["figures"]] == [Decimal("6.18")]
    assert "社会保障和就业支出下超过5万元的项级科目" in a["text"] and "行政运行" not in a["text"]
    whole = answer_json(real.answer("社工部2024年支出超过5万元的项级科目有哪些？", []))
    assert Decimal("51.32") in [Decimal(str(f["value"])) for f in whole["figures"]]


def _coded(code: str, row: str, value: str, column: str = "基本支出预算") -> Fact:
    return Fact(doc_id="y", department="烟台市审计局", year=2026, table="表6", section=None, row=row, code=code,
                column=column, value=Decimal(value), unit="万元", source=f"表6 · {code} {row} · {column}",
                table_kind="general_public_basic_by_economic", column_role="合计", code_scheme="经济分类")  # fmt: skip


def test_a_code_printed_with_two_amounts_is_never_one_of_them() -> None:
    # 烟台审计局 2026 表6 prints 30101 under 机关工资福利支出 (442.38) and under 对事业单位经常性补助 (128.46)
    rows = [_coded("30101", "工资奖金津补贴", "442.38"), _coded("30101", "工资福利支出", "128.46"),
            _coded("30108", "社会保障缴费", "170.61")]  # fmt: skip
    assert one_per_code(rows) is None
    assert scheme_rows(rows, "按经济分类的款级科目超过100万元的有哪些", 5, ["合计"]) is None
    again = [rows[0], _coded("30101", "工资奖金津补贴", "442.38", column="财政拨款"), rows[2]]  # the same amount again
    assert [f.value for f in one_per_code(again) or []] == [Decimal("442.38"), Decimal("170.61")]
