"""Performance-target forms: a project form's 资金 lines are amounts of the project."""

from dataclasses import replace
from decimal import Decimal

from index.chunks import chunk
from index.facts import indicator_facts
from index.pages import grid_rows
from index.records import Disclosure
from index.tables import build_table
from index.targets import parse_target


def _form(name: str, funds: list[str], indicator: str) -> list[str]:
    return [
        f"项目名称\t\t\t{name}\t\t",
        "主管部门及代码\t\t\t231_烟台市审计局\t实施单位\t烟台市审计局",
        *funds,
        "\t一级指标\t二级指标\t三级指标\t指标值\t",
        f"绩效指标\t成本指标\t经济成本\t{indicator}\t",
    ]


def test_each_project_form_gives_its_funds() -> None:
    """烟台市审计局 2026 政策和项目预算绩效目标表 (p30–31): one form per project, repeated title."""
    first = _form(
        "审计业务经费",
        [
            "项目资金（万元）\t\t\t年度预算资金总额：\t31.00\t",
            "\t\t\t其中：财政拨款\t0.00\t",
            "\t\t\t其他资金\t31.00\t",
        ],
        "项目总成本\t≤31万元",
    )
    second = _form(
        "烟台市智慧审计平台等保测评服务",
        ["项目资金（万元）\t\t\t年度预算资金总额：\t4.50\t", "\t\t\t其中：财政拨款\t4.50\t", "\t\t\t其他资金\t0.00\t"],
        "测评服务费用\t≤4.5万",
    )
    built = build_table(name="政策和项目预算绩效目标表", title="政策和项目预算绩效目标表", unit="万元", department=None,
                        pages=[grid_rows(first), grid_rows(second)], notes=[])  # fmt: skip
    t = built.table
    assert [(i.level1, i.level3, i.value) for i in built.indicators] == [
        ("成本", "项目总成本", Decimal("31")),
        ("成本", "测评服务费用", Decimal("4.5")),
    ]
    assert [(r.label, r.values) for r in t.rows] == [
        ("审计业务经费", {"总额": Decimal("31.00"), "财政拨款": Decimal("0.00"), "其他资金": Decimal("31.00")}),
        (
            "烟台市智慧审计平台等保测评服务",
            {"总额": Decimal("4.50"), "财政拨款": Decimal("4.50"), "其他资金": Decimal("0.00")},
        ),
    ]


def test_two_periods_side_by_side_are_two_rows() -> None:
    """西安市民政局 2021 表16 专项资金总体绩效目标表 (p83): 实施期 | 年度 amounts on one line."""
    form = _form(
        "专项资金",
        [
            "资金金额（万元）\t\t\t实施期资金总额：\t33598\t年度资金总额：\t33598",
            "\t\t\t其中：财政拨款\t33598\t其中：财政拨款\t33598",
        ],
        "专项资金成本\t33598万元",
    )
    t = build_table(
        name="表16",
        title="2021年专项资金总体绩效目标表",
        unit="万元",
        department=None,
        pages=[grid_rows(form)],
        notes=[],
    ).table
    assert [(r.label, r.values["总额"], r.values["财政拨款"]) for r in t.rows] == [
        ("专项资金（实施期）", Decimal("33598"), Decimal("33598")),
        ("专项资金（年度）", Decimal("33598"), Decimal("33598")),
    ]


def test_a_project_form_with_named_indicator_columns() -> None:
    """重庆市水利局 2026 表十一 市级重点专项资金绩效目标表 (p31): 当年预算, then 指标名称 | 指标性质 | 指标值 |
    计量单位 | 指标权重(%) columns (not a grid of amounts)."""
    form = [
        "项目名称\t水库移民后期扶持\t\t主管部门\t重庆市水利局\t\t",
        "当年预算\t12,700.00\t\t市级支出\t\t\t",
        "\t\t\t补助区县\t12,700.00\t\t",
        "项目概况\t全市库区和移民安置区涉及38个区县\t\t\t\t\t",
        "绩效指标\t指标名称\t指标性质\t指标值\t计量单位\t指标权重(%)\t是否核心",
        "\t完工项目验收率\t≥\t90\t%\t20\t是",
        "\t实施项目数量\t≥\t86\t个数\t20\t是",
    ]
    built = build_table(name="表11", title="2026年市级重点专项资金绩效目标表（一级项目）", unit="万元", department=None,
                        pages=[grid_rows(form)], notes=[])  # fmt: skip
    assert [(r.label, {k: v for k, v in r.values.items() if v is not None}) for r in built.table.rows] == [
        ("水库移民后期扶持", {"总额": Decimal("12700.00"), "补助区县": Decimal("12700.00")}),
    ]
    assert [(i.level3, i.comparator, i.value, i.unit, i.weight) for i in built.indicators] == [
        ("完工项目验收率", "≥", Decimal("90"), "%", Decimal("20")),
        ("实施项目数量", "≥", Decimal("86"), "个数", Decimal("20")),
    ]


def test_a_title_printed_again_over_the_next_form_continues_the_table() -> None:
    """重庆市水利局 2026 表十一 (p31–32): the second project's form repeats the title and 单位 line, no caption."""
    from index.table_parts import tables_of

    def form(name: str, amount: str, indicator: str) -> list[str]:
        return [
            f"项目名称\t{name}\t\t主管部门\t重庆市水利局\t\t",
            f"当年预算\t{amount}\t\t市级支出\t{amount}\t\t",
            "绩效指标\t指标名称\t指标性质\t指标值\t计量单位\t指标权重(%)\t是否核心",
            f"\t{indicator}\t≥\t90\t%\t20\t是",
        ]

    title = "2026 年市级重点专项资金绩效目标表（一级项目）"
    lines = [("表十一", 31, True), (title, 31, False), ("单位：万元", 31, False)]
    lines += [(row, 31, False) for row in grid_rows(form("水库移民后期扶持", "12,700.00", "完工项目验收率"))]
    lines += [("— 31 —", 31, False), (title, 32, False), ("单位：万元", 32, False)]
    lines += [(row, 32, False) for row in grid_rows(form("重庆市水利专项资金", "152,992.83", "受益群众满意度"))]
    built = tables_of(lines, "重庆市水利局")["表11"]
    assert not built.skipped
    assert [(r.label, r.values["总额"], r.values["市级支出"]) for r in built.table.rows] == [
        ("水库移民后期扶持", Decimal("12700.00"), Decimal("12700.00")),
        ("重庆市水利专项资金", Decimal("152992.83"), Decimal("152992.83")),
    ]
    assert [(i.level3, i.page) for i in built.indicators] == [("完工项目验收率", 31), ("受益群众满意度", 32)]


def test_every_target_table_keeps_its_own_indicators() -> None:
    """烟台市审计局 2026: 部门预算项目绩效目标表 (p30) and 政策和项目预算绩效目标表 (p31–35) both list targets;
    each target is a fact of the table and page it is printed on, with its project in the citation."""
    tables = {}
    for title, project, indicator, page in (
        ("部门预算项目绩效目标表", "审计业务经费", "项目总成本\t≤539万元", 30),
        ("政策和项目预算绩效目标表", "烟台市智慧审计平台等保测评服务", "测评服务费用\t≤4.5万", 31),
    ):
        form = _form(project, ["项目资金（万元）\t\t\t年度预算资金总额：\t4.50\t"], indicator)
        built = build_table(name=title, title=title, unit="万元", department=None, pages=[grid_rows(form)], notes=[],
                            on=[[page] * len(form)])  # fmt: skip
        tables[title] = built
    d = Disclosure(
        doc_id="x", title="2026年烟台市审计局部门预算", department="烟台市审计局", year=2026, kind="预算", unit="万元",
        sections=[], tables={n: t.table for n, t in tables.items()},
        indicators=[replace(i, table=n) for n, t in tables.items() for i in t.indicators],
    )  # fmt: skip
    facts = {f.row: f for f in indicator_facts(d)}
    cost = facts["测评服务费用"]
    assert (cost.table, cost.page, cost.value, cost.unit) == ("政策和项目预算绩效目标表", 31, Decimal("4.5"), "万")
    assert "烟台市智慧审计平台等保测评服务" in cost.source
    assert (facts["项目总成本"].table, facts["项目总成本"].page) == ("部门预算项目绩效目标表", 30)
    indicator_chunks = [c for c in chunk(d) if "年度绩效指标" in c.text]
    assert len(indicator_chunks) == 2 and all(c.text.count("目标值") == 2 for c in indicator_chunks)


def test_bracketed_units_and_equal_sign() -> None:
    """万里街道 2023 财政项目支出绩效目标填报表: "≥13459.00(平方米)", "=100.00(%)", "90.00(度)"."""
    assert parse_target("≥13459.00(平方米)") == (Decimal("13459.00"), "平方米", "≥")
    assert parse_target("=100.00(%)") == (Decimal("100.00"), "%", "=")
    assert parse_target("＝12.00（次）") == (Decimal("12.00"), "次", "=")
    assert parse_target("90.00(度)") == (Decimal("90.00"), "度", "=")


def _overall_target_table(*indicators: str) -> Disclosure:
    """重庆市水利局 2026 表十 部门整体绩效目标表 (p30): 指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重(%)
    columns under the department's overall goal, in a document whose 单位 is 万元."""
    lines = [
        "当年整体绩效目标\t\t\t\t\t\t",
        "完善全市水网建设布局，续建大中型水库27个。\t\t\t\t\t\t",
        "绩效指标\t指标名称\t指标性质\t指标值\t计量单位\t指标权重(%)\t是否核心",
        *indicators,
    ]
    table = build_table(name="表10", title="2026年部门整体绩效目标表", unit="万元", department="重庆市水利局",
                        pages=[grid_rows(lines)], notes=[]).table  # fmt: skip
    d = Disclosure(
        doc_id="x", title="重庆市水利局2026年部门预算", department="重庆市水利局", year=2026, kind="预算",
        unit="万元", sections=[], tables={"表10": table}, indicators=[],
    )  # fmt: skip
    return d


def test_a_target_is_in_the_unit_its_row_prints_never_the_tables_money() -> None:
    from index.facts import table_facts

    d = _overall_target_table(
        "\t续建大中型水库\t≥\t27\t座\t20\t是",
        "\t农村饮水项目受益人口\t≥\t150\t万人次\t20\t是",
        "\t断面监测检查对象数量\t≥\t684\t\t10\t是",  # no unit printed: unitless, not 万元
    )
    facts = {(f.row, f.column): (f.value, f.unit) for f in table_facts(d, d.tables["表10"])}
    assert facts[("续建大中型水库", "指标值")] == (Decimal("27"), "座")
    assert facts[("农村饮水项目受益人口", "指标值")] == (Decimal("150"), "万人次")
    assert facts[("断面监测检查对象数量", "指标值")] == (Decimal("684"), "")
    assert facts[("续建大中型水库", "指标权重(%)")] == (Decimal("20"), "%")  # the header's (%)


def test_a_weight_column_right_of_the_target_is_the_weight_never_the_target() -> None:
    """西安市财政局 2026 表14-1 部门专项业务经费绩效目标表 (p44): 指标值 | 分值权重（90分） columns; the target is
    19.75, the weight 10 (a score of 90, not a percent); "5月31日前" is a deadline, no number."""
    form = [
        "项目名称\t\t\t会计类考试考务\t\t",
        "主管部门\t\t\t西安市财政局\t\t",
        "资金金额（万元）\t\t\t实施期资金总额：\t1,083.57\t执行率分值（10分）",
        "\t\t\t其中：财政拨款\t1,083.57\t",
        "年度绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t分值权重（90分）",
        "\t成本指标\t经济成本指标\t考试机位单价(元/小时)\t19.75\t10",
        "\t产出指标\t数量指标\t考务培训次数(次)\t3\t7",
        "\t\t时效指标\t初高级会计考试完成时限\t5月31日前\t6",
    ]
    built = build_table(name="表14-1", title="部门专项业务经费绩效目标表", unit="万元", department=None,
                        pages=[grid_rows(form)], notes=[])  # fmt: skip
    assert [(i.level3, i.value, i.weight, i.weight_unit) for i in built.indicators] == [
        ("考试机位单价(元/小时)", Decimal("19.75"), Decimal("10"), "分"),
        ("考务培训次数(次)", Decimal("3"), Decimal("7"), "分"),
        ("初高级会计考试完成时限", None, Decimal("6"), "分"),
    ]
    d = Disclosure(doc_id="x", title="", department="西安市财政局", year=2026, kind="预算", unit="万元", sections=[],
                   tables={"表14-1": built.table}, indicators=[replace(i, table="表14-1") for i in built.indicators])  # fmt: skip
    facts = {(f.row, f.column): (f.value, f.unit) for f in indicator_facts(d)}
    assert facts[("考试机位单价(元/小时)", "目标值")] == (Decimal("19.75"), "")
    assert facts[("考试机位单价(元/小时)", "指标权重")] == (Decimal("10"), "分")
    assert ("初高级会计考试完成时限", "目标值") not in facts


def test_a_deadline_is_no_numeric_target() -> None:
    assert parse_target("5月31日前") == (None, "", "=")
    assert parse_target("6月底前") == (None, "", "=")
    assert parse_target("3个月") == (Decimal("3"), "个月", "=")


def test_a_target_table_listing_projects_gives_the_amount_to_the_project() -> None:
    """重庆市水利局 2026 表十二 市级一般性项目绩效目标表 (p33): 水利行业业务经费 14,299.16 is printed in the merged
    project cell beside its first indicator 水质检验对象数量 — the project's amount, never the indicator's; each
    indicator's source names its project."""
    from index.facts import table_facts

    form = [
        "序号\t项目名称\t当年财政拨款预算金额\t当年绩效目标\t指标名称\t指标性质\t指标值\t计量单位\t指标权重(%)",
        "1\t水利行业业务经费\t14,299.16\t按照相关管理办法推进项目实施\t水质检验对象数量\t≥\t3060\t个次\t10",
        "\t\t\t\t发布重要水情专报\t≥\t50\t次数\t40",
    ]
    table = build_table(name="表12", title="2026年市级一般性项目绩效目标表（一级项目）", unit="万元",
                        department=None, pages=[grid_rows(form)], notes=[]).table  # fmt: skip
    d = Disclosure(doc_id="d", title="t", department="重庆市水利局", year=2026, kind="预算", unit="万元",
                   sections=[], tables={"表12": table}, indicators=[])  # fmt: skip
    got = {(f.row, f.column, f.value, f.unit) for f in table_facts(d, table)}
    assert ("水利行业业务经费", "当年财政拨款预算金额", Decimal("14299.16"), "万元") in got
    assert not [f for f in got if f[0] == "水质检验对象数量" and f[1] == "当年财政拨款预算金额"]
    assert ("水质检验对象数量", "指标值", Decimal("3060"), "个次") in got
    sources = {f.source for f in table_facts(d, table) if f.row == "发布重要水情专报"}
    assert all(" · 水利行业业务经费 · 发布重要水情专报 · " in s for s in sources)
