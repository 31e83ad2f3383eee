"""A qualifier or part named in the question is never answered with the whole or a neighbour row.

Figures as printed: 万里街道 2023 预算 三、"2023年本部门政府采购预算830.00万元，其中：政府采购货物预算10.00万元、政府采购工程
预算550.00万元、政府采购服务预算270.00万元" and 五、"截止2022年12月31日…车辆7辆（一般公务用车3辆，执法执勤用车4辆…）",
"在建工程1项12277.73万元"; 万里街道 2024 预算 三、"面向中小企业预留政府采购项目预算金额664.98万元，其中，预留给小型和微型企业
的政府采购项目预算为465.49万元" and 五、"截至2023年8月31日…执法执勤用车0辆"; 福利院 2024 表 "2081005 社会福利事业单位 ·
财政拨款收入 6,964,796" beside the text's "财政拨款收入950.12万元"; 北京市财政局 2026 "项目支出预算16153.10万元" with no
人员经费 of it; 深圳市财政局 2026 表1 收入 "上年结余、结转 396.83", 支出 "结转下年 0.00"."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import cast

import pytest

from assistant import as_of
from assistant.answer import Engine
from assistant.config import Settings
from assistant.draft import Draft
from assistant.knowledge import grams, norm
from assistant.parts import _data
from assistant.whole_part import (
    Asked,
    _column_asked,
    _counted_before,
    _heading_and_sentence,
    _short_names,
    asked_within,
    opposite,
)
from assistant.within import implied_wholes
from index.records import Fact
from tests.conftest import REAL, store_of


def fact(row: str, value: str, unit: str = "万元", parent: str | None = None) -> Fact:
    return Fact(
        doc_id="d", department="万里街道", year=2023, table=None, section=None, row=row, code=None, column="金额",
        value=Decimal(value), unit=unit, source=f"其他相关情况说明 · 「{row}{value}{unit}」", parent=parent,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("content", "own", "asked"),
    [
        ("项目支出里人员支出", set(), Asked("项目支出", "人员支出")),
        ("政府采购预算中工程", set(), Asked("政府采购预算", "工程")),
        ("面向中小企业预留的政府采购项目预算中 给小微企业的", {"中小"}, Asked("面向中小企业预留的政府采购项目预算", "给小微企业的")),
        ("其中机要通信用车 公务用车", set(), Asked("", "机要通信用车")),
        ("政府采购预算", set(), None),
    ],
)  # fmt: skip
def test_the_part_asked_inside_a_whole_is_read_by_its_marker(content: str, own: set[str], asked: Asked | None) -> None:
    assert asked_within(content, own) == asked


@pytest.mark.parametrize("word", _data()["not_within"])
def test_each_word_holding_a_marker_asks_no_part(word: str) -> None:
    assert asked_within(f"{word}支出", set()) is None


@pytest.mark.parametrize("word", _data()["document_wholes"])
def test_each_whole_naming_the_document_is_a_place_not_a_whole(word: str) -> None:
    """万里街道 2023 (p29) "预算说明里，房屋面积是多少平方米": 房屋 14609.83平方米 printed in the text is asked."""
    assert asked_within(f"{word}里 房屋面积", set()) is None
    assert asked_within(f"{word}的 项目支出里 人员经费", set()) == Asked(whole="项目支出", part="人员经费")


@pytest.mark.parametrize(("short", "printed"), list(cast(dict[str, str], _data()["part_names"]).items()))
def test_each_short_name_of_a_part_is_read_as_printed(short: str, printed: str) -> None:
    assert printed in _short_names(f"给{short}的")


@pytest.mark.parametrize("entry", _data()["opposite"])
def test_each_carry_over_asked_one_way_is_never_the_row_of_the_other(entry: dict[str, list[str]]) -> None:
    question, row = entry["example"]
    assert opposite(question, Draft(text="", facts=[fact(row, "0")])) is not None
    assert opposite(question, Draft(text="", facts=[fact(entry["asked"][0], "1")])) is None


def test_a_count_printed_at_another_date_is_not_the_one_asked() -> None:
    cars = fact("执法执勤用车", "0", unit="辆")
    said = {
        True: "截至2023年8月31日，共有车辆7辆，其中：执法执勤用车0辆",
        False: "截止2022年12月31日，车辆7辆（执法执勤用车4辆",
    }
    assert as_of.misdated("截至2022年底，执法执勤用车有几辆？", [cars], lambda f: said[True])
    assert as_of.misdated("截至2022年底，执法执勤用车有几辆？", [cars], lambda f: said[False]) is None
    assert as_of.misdated("执法执勤用车有几辆？", [cars], lambda f: said[True]) is None


@pytest.fixture(scope="module")
def engine(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


def test_a_part_of_the_first_part_s_item_is_its_own_figure(engine: Engine) -> None:
    both = engine.answer("万里街道2023年政府采购预算是多少？其中工程多少？")
    assert not both.refused and "550.00" in both.text and "830.00" in both.text and "12,277.73" not in both.text
    # the section a figure is printed in is a whole it is inside
    asset = engine.answer("万里街道2023年部门预算公开的国有资产情况里，在建工程金额是多少？")
    assert not asset.refused and asset.value == Decimal("12277.73")


def test_a_part_is_read_from_the_sentence_of_its_whole_never_another_subject(engine: Engine) -> None:
    # p4 "…以及下属5家预算单位的综合收支计划。本部门中，行政单位1家，参公单位1家，事业单位4家"; p32 "参公事业单位" 1家
    both = engine.answer("万里街道部门预算包含几家下属预算单位？其中事业单位几家？")
    assert (
        not both.refused and "5 家" in both.text and "事业单位为 4 家" in both.text and "参公事业单位" not in both.text
    )
    assert _counted_before("下属5家预算单位的综合收支计划。本部门中，事业单位4家", "家").startswith("下属5家")
    assert _counted_before("预算合计830.00万元。其中：工程550.00万元", "万元") == ""  # money: no count divided


def test_a_part_asked_by_its_short_name_is_its_own_figure(engine: Engine) -> None:
    part = engine.answer("万里街道2024年面向中小企业预留的政府采购项目预算中，给小微企业的是多少？")
    assert not part.refused and part.value == Decimal("465.49")


def test_a_count_asked_at_a_date_is_read_from_the_document_printing_it(engine: Engine) -> None:
    cars = engine.answer("截至2022年底，万里街道的车辆里执法执勤用车有几辆？")
    assert not cars.refused and cars.value == Decimal("4")


def test_a_code_in_brackets_picks_its_row(engine: Engine) -> None:
    coded = engine.answer("普陀区社会福利院2024年社会福利事业单位（2081005）财政拨款安排了多少？")
    assert coded.value != Decimal("950.12")
    assert coded.refused or coded.value == Decimal("6964796")


def test_a_part_the_document_does_not_print_is_refused(tmp_path_factory: pytest.TempPathFactory) -> None:
    store = store_of(tmp_path_factory.mktemp("bj") / "store", REAL / "beijing-caizheng-2026-dept-yusuan.pdf")
    engine = Engine(Settings(store=store))
    part = engine.answer("北京市财政局2026年项目支出里人员经费安排了多少？")
    assert part.refused and part.value is None
    whole = engine.answer("北京市财政局2026年项目支出是多少？")
    assert not whole.refused and whole.value == Decimal("16153.10")


def test_a_part_whose_name_lies_inside_the_wholes_is_never_the_whole(tmp_path: Path) -> None:
    # the 西安市发改委 2019 wording: "单位管理的离退休人员78人，其中：离休3人，退休72人" — 退休 is in 离退休's name
    doc = tmp_path / "fagai.txt"
    doc.write_text(
        "某市发展和改革委员会2019年部门预算公开\n\n四、部门人员情况说明\n"
        "截至2018年底，本部门实有人员110人。单位管理的离退休人员78人，其中：离休3人，退休72人。\n",
        encoding="utf-8",
    )
    engine = Engine(Settings(store=store_of(tmp_path / "store", doc)))
    retired = engine.answer("离退休人员中退休的有多少人？")
    assert not retired.refused and retired.value == Decimal("72"), retired.text
    assert engine.answer("离退休人员里离休的有几个？").value == Decimal("3")
    assert engine.answer("离退休人员有多少人？").value == Decimal("78")


def test_a_column_every_template_prints_under_a_whole_names_that_whole() -> None:
    # 重庆市水利局 2026 表5 一般公共预算支出情况表: 基本支出 over 人员经费 | 公用经费, the cell read by its leaf column
    assert implied_wholes("人员经费") == ["基本支出"] and implied_wholes("人员支出") == ["基本支出"]
    assert implied_wholes("警务辅助人员经费") == [] and implied_wholes("项目支出") == []


def test_a_prose_figure_is_printed_under_the_numbered_heading_before_its_sentence() -> None:
    # 西安市发改委 2019 七、: "（2）按照政府预算支出经济分类的类级科目说明。2019年本部门一般公共预算支出…其他支出(399)119010万元"
    said = "原因主要是基本建设项目需求。（2）按照政府预算支出经济分类的类级科目说明。2019年本部门一般公共预算支出203091.65万元"
    assert _heading_and_sentence(said).startswith("（2）按照政府预算支出经济分类的类级科目说明 2019年")
    assert _heading_and_sentence("较上年增加28000万元，原因主要是基本建设项目需求。2019年本部门") == "2019年本部门"


def test_a_part_asked_inside_a_row_is_the_cell_of_the_column_naming_it() -> None:
    # 重庆市水利局 2026 表2 (p.13): 2050305 高等职业教育 · 总计 33,668.32 · 财政专户管理资金收入 10,031.50 万元
    def cell(column: str, value: str) -> Fact:
        return Fact(
            doc_id="d", department="重庆市水利局", year=2026, table="表2", section=None, row="高等职业教育",
            code="2050305", column=column, value=Decimal(value), unit="万元", source=f"表2 · 2050305 高等职业教育 · {column}",
        )  # fmt: skip

    row = [cell("总计", "33668.32"), cell("一般公共预算拨款收入", "23156.82"), cell("财政专户管理资金收入", "10031.50")]
    printed = {g for f in row for g in grams(norm(f"{f.row} {f.column}"))}
    neutral = ("收入", "有多少")
    read = replace(row[0], table="表3")
    found = _column_asked("财政专户管理资金", read, row, row, printed, neutral)
    assert found is not None and found.value == Decimal("10031.50")
    assert _column_asked("政府性基金", read, row, row, printed | set(grams("政府性基金")), neutral) is None


def test_a_part_asked_of_a_coded_row_is_its_row_in_the_table_of_that_part() -> None:
    # 福州市公安局治安管理支队 2026: 一般公共预算支出经济分类情况表 302 商品和服务支出 441.22, 一般公共预算基本支出经济分类
    # 情况表 302 211.99 万元 ("302一共多少？其中基本支出部分多少？")
    def cell(title: str, value: str, column: str = "预算数", code: str = "302") -> Fact:
        return Fact(
            doc_id="d", department="治安支队", year=2026, table=title, section=None, row="商品和服务支出", code=code,
            column=column, value=Decimal(value), unit="万元", source=f"{title} · {code} 商品和服务支出 · {column}",
        )  # fmt: skip

    read = cell("一般公共预算支出经济分类情况表", "441.22")
    basic = cell("一般公共预算基本支出经济分类情况表", "211.99")
    printed = set(grams("基本支出")) | set(grams("商品和服务"))
    neutral = ("支出", "部分")
    assert _column_asked("基本支出", read, [basic], [read, basic], printed, neutral) == basic
    other = cell("一般公共预算基本支出经济分类情况表", "20.00", code="30201")  # another 科目's row is never it
    assert _column_asked("基本支出", read, [other], [read, other], printed, neutral) is None
    split = [basic, cell("一般公共预算基本支出经济分类情况表", "100.00", column="人员经费")]  # no total column: no cell
    assert _column_asked("基本支出", read, split, [read, *split], printed, neutral) is None


@pytest.mark.slow
def test_a_coded_item_is_answered_by_the_sentence_naming_it(store_real) -> None:  # type: ignore[no-untyped-def]
    from assistant.answer import Engine  # round 14 r14a004: the text names the 科目, never its code
    from assistant.config import Settings

    engine = Engine(Settings(store=store_real))
    a = engine.answer("普陀区社会福利院社会福利事业单位（2081005）2024年预算比2023年预算执行数增长了百分之几")
    assert (a.value, a.unit, a.refused) == (Decimal("3.84"), "%", False), a.text
