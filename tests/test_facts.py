"""Exact figures from every table and from the prose, each bound to its subject and source."""

from decimal import Decimal

import pytest

from index.facts import table_facts
from index.ingest import Parsed
from index.records import Column, Disclosure, Row, Table
from tests.conftest import find

D = Decimal


@pytest.mark.parametrize(
    ("table", "row", "column", "code", "value"),
    [
        ("表1", "购房补贴", "2022年预算数", "2210203", D(231)),
        ("表1", "政府预算拨款", "2022年预算数", None, D(4997)),
        ("表1", "收入总计", "2022年预算数", None, D(4997)),
        ("表3", "深圳市科学技术协会(本级)", "支出总计", None, D(4997)),
        ("表3", "深圳市科学技术协会(本级)", "基本支出", None, D(974)),
        ("表3", "深圳市科学技术协会(本级)", "项目支出", None, D(4023)),
        ("表6", "其他科学技术普及支出", "2022年预算数", "2060799", D(703)),
        ("表7", "科普活动", "支出总计", "2060702", D(2564)),
        ("表7", "科普活动", "项目支出", "2060702", D(2564)),
        ("表7", "机关事业单位职业年金缴费支出", "支出总计", "2080506", D(22)),
        ("表7", "行政单位医疗", "基本支出", "2101101", D(20)),
        ("表8", "公务接待费", "2022年", None, D(1)),
        ("表8", "公务用车运行维护费", "2021年", None, D(4)),
        ("表8", "总计", "增减变化金额", None, D(0)),
        ("表9", "深圳市科学技术协会(本级)", "支出总计", None, D(0)),
        ("表10", "深圳市科学技术协会(本级)", "项目支出", None, D(0)),
        ("表11", "学会能力提升和学术交流促进项目", "总额", None, D(1920)),
        ("表11", "院士（专家）工作站新增数量", "目标值", None, D(12)),
        ("表11", "科普对象群体覆盖率", "目标值", None, D(100)),
    ],
)
def test_table_facts(sample: Parsed, table: str, row: str, column: str, code: str | None, value: Decimal) -> None:
    assert find(sample.facts, table=table, row=row, column=column, code=code) == [value]


@pytest.mark.parametrize(
    ("row", "column", "value", "unit"),
    [
        ("项目支出", "金额", D(4023), "万元"),
        ("人员支出", "金额", D(695), "万元"),
        ("学会能力提升和学术交流促进项目", "金额", D(1920), "万元"),
        ("自主创新大讲堂", "金额", D(200), "万元"),
        ("行政编制总数", "数量", D(14), "人"),
        ("行政编制实有在编人数", "数量", D(14), "人"),
        ("退休", "数量", D(15), "人"),
        ("部室", "数量", D(3), "个"),
        ("部门预算收入", "比2021年增减", D(478), "万元"),
        ("部门预算支出", "比2021年增长率", D("10.58"), "%"),
        ("科普能力提升项目", "比2021年增减", D(-860), "万元"),
        ("科普能力提升项目", "比2021年增长率", D(-53), "%"),
        ("信息化系统运行维护", "比2021年增减", D(0), "万元"),  # 与 2021 年预算持平
        ("公务用车保有量", "数量", D(1), "辆"),
        ("车辆", "数量", D(1), "辆"),
        ("项目绩效目标", "数量", D(8), "个"),
        ("“三公”经费", "金额", D(5), "万元"),
        ("公务接待费", "金额", D(1), "万元"),
        ("机关运行经费财政拨款", "比2021年增长率", D("9.26"), "%"),
    ],
)
def test_prose_facts(sample: Parsed, row: str, column: str, value: Decimal, unit: str) -> None:
    matches = [f for f in sample.facts if f.table is None and f.row == row and f.column == column]
    assert matches, f"no prose fact {row} {column}"
    assert {(f.value, f.unit) for f in matches} == {(value, unit)}


def test_project_parts_belong_to_their_project(sample: Parsed) -> None:
    parts = {f.row: f.value for f in sample.facts if f.parent == "学会能力提升和学术交流促进项目"}
    assert parts["自主创新大讲堂"] == D(200)
    assert parts["“科创中国”试点城市建设"] == D(400)
    assert sorted(parts.values()) == sorted(D(v) for v in (300, 100, 110, 600, 10, 80, 200, 120, 400))
    projects = {f.row for f in sample.facts if f.parent == "项目支出" and f.table is None}
    assert len(projects) == 8


def test_thresholds_are_not_amounts(sample: Parsed) -> None:
    # "单价 50 万元以上通用设备 0 台（套）": 50 is a threshold, the figure is 0 台（套）
    assets = [f for f in sample.facts if f.section == "第八部分 其他需要说明情况" and "国有资产" in f.source]
    assert assets and not [f for f in assets if f.unit == "万元"]
    equipment = [f for f in sample.facts if f.row == "单价50万元以上通用设备"]
    assert [(f.value, f.unit) for f in equipment] == [(D(0), "台（套）")]


def test_every_fact_has_a_source(sample: Parsed) -> None:
    assert len(sample.facts) >= 200
    for f in sample.facts:
        assert f.source and f.unit is not None
        assert f.source.startswith(f.table) if f.table else f.source.startswith(f.section or "?")
    f = next(f for f in sample.facts if f.row == "自主创新大讲堂")
    assert f.source.startswith("第三部分 部门预算支出具体情况 · 一、深圳市科学技术协会(本级) · 「")
    assert "自主创新大讲堂 200 万元" in f.source


def test_second_disclosure_facts_in_yuan(second: Parsed) -> None:
    facts = second.facts
    assert find(facts, table="表3", row="广州市海珠区图书馆", column="支出总计") == [D("14453792.72")]
    assert find(facts, table="表8", row="公务接待费", column="增减变化金额") == [D("-2000.00")]
    assert find(facts, table="表8", row="公务用车购置费", column="增减变化金额") == []  # "—"
    prose = {(f.row, f.column): f.value for f in facts if f.table is None}
    assert prose[("人员支出", "金额")] == D("6666996.32")
    assert prose[("文献资源购置项目", "比2022年增减")] == D("-250000.00")
    assert prose[("文献资源购置项目", "比2022年增长率")] == D("-7.25")
    assert prose[("事业编制实有在编人数", "数量")] == D(54)
    assert {f.unit for f in facts if f.column == "金额"} == {"元"}


def test_a_price_per_unit_in_a_text_column_is_a_figure_with_that_unit() -> None:
    """北京市交通委员会 2026 (p9–10): the 收费标准 of 道路挖掘修复 as printed in the narrative's table, one rate per
    row ("468元/㎡", "46元/m", "222元/座"); the 结构内容 ("49.5×20×10缘石") and 序号 give no figure."""
    columns = [
        Column(name="序号", kind="ordinal"),
        Column(name="项目名称", kind="label"),
        Column(name="结构内容", kind="text"),
        Column(name="收费标准", kind="text"),
    ]
    printed = [("石材路面", "30cm无机结合料、8cm面层", "468元/㎡"), ("混凝土缘石", "49.5×20×10缘石", "46元/m"),
               ("混凝土树池", "1.5×1.5树池", "222元/座"), ("审计项目人员成本", "", "≤560元/人/天")]  # fmt: skip
    rows = [Row(label=name, texts={"结构内容": what, "收费标准": price}, page=10) for name, what, price in printed]
    table = Table(name="", title="", unit="万元", department=None, header=[], columns=columns, rows=rows)
    d = Disclosure(
        doc_id="x", title="2026年北京市交通委员会部门预算", department="北京市交通委员会", year=2026, kind="预算",
        unit="万元", sections=[], tables={}, indicators=[],
    )  # fmt: skip
    got = [(f.row, f.column, f.value, f.unit, f.page) for f in table_facts(d, table, section="第一部分")]
    assert got == [
        ("石材路面", "收费标准", Decimal("468"), "元/㎡", 10),
        ("混凝土缘石", "收费标准", Decimal("46"), "元/m", 10),
        ("混凝土树池", "收费标准", Decimal("222"), "元/座", 10),
    ]


def test_a_score_column_is_in_points_not_the_tables_money_unit() -> None:
    """佛山市轨道交通局 2019 部门决算 p29: the 项目名称 | 自评分数 table in the narrative prints scores (96.53), not
    万元."""
    columns = [Column(name="项目名称", kind="label"), Column(name="自评分数", kind="amount")]
    printed = [("质量抽检和试验检测管理", "100"), ("2019年度聘请专家人员经费", "96.53")]
    rows = [Row(label=name, values={"自评分数": Decimal(v)}, page=29) for name, v in printed]
    table = Table(name="", title="", unit="万元", department=None, header=[], columns=columns, rows=rows)
    d = Disclosure(
        doc_id="x", title="2019年佛山市轨道交通局部门决算", department="佛山市轨道交通局", year=2019, kind="决算",
        unit="万元", sections=[], tables={}, indicators=[],
    )  # fmt: skip
    got = [(f.row, f.column, f.value, f.unit) for f in table_facts(d, table, section="第三部分")]
    assert got == [
        ("质量抽检和试验检测管理", "自评分数", Decimal(100), "分"),
        ("2019年度聘请专家人员经费", "自评分数", Decimal("96.53"), "分"),
    ]
