"""Table reading details: a row that numbers the columns is header, never data."""

from decimal import Decimal

import pytest

from index.pages import grid_rows
from index.tables import build_table, is_column_numbers


@pytest.mark.parametrize(
    ("cells", "numbers"),
    [
        (["栏次", "", "1", "2", "3", "4", "5", "6", "7"], True),  # 佛山 2019 决算 收入决算表
        (["栏 次", "", "1", "栏 次", "", "2"], True),  # a side-by-side 收入|支出 total table, each half labelled
        (["栏次", "", "1", "2"], True),
        (["1", "2", "3", "4"], True),  # an unlabelled column-number row
        (["合计", "1668.14", "1668.14", "0.00"], False),
        (["1", "2"], False),  # too short to tell from two counts
        (["机关事业单位基本养老保险缴费支出", "1", "2", "3"], False),  # a labelled row of counts
        (["2", "3", "4"], False),
        (["栏次", "—", "1"], False),
    ],
)
def test_column_numbers(cells: list[str], numbers: bool) -> None:
    assert is_column_numbers(cells) is numbers


def test_a_column_number_row_on_every_page_is_not_data() -> None:
    page = [
        "项目\t\t本年收入合计\t财政拨款收入",
        "功能分类科目编码\t科目名称\t\t",
        "栏次\t\t1\t2",
        "\t合计\t1668.14\t1668.14",
        "208\t社会保障和就业支出\t76.23\t76.23",
    ]
    more = [*page[:3], "210\t卫生健康支出\t30.00\t30.00"]
    built = build_table(
        name="表2", title="收入决算表", unit="万元", department=None, pages=[grid_rows(page), grid_rows(more)], notes=[]
    )
    t = built.table
    assert [c.name for c in t.columns if c.kind == "amount"] == ["本年收入合计", "财政拨款收入"]
    assert [(r.label, r.values["本年收入合计"]) for r in t.rows] == [
        ("合计", Decimal("1668.14")),
        ("社会保障和就业支出", Decimal("76.23")),
        ("卫生健康支出", Decimal("30.00")),
    ]


def test_four_groups_side_by_side_are_four_lists() -> None:
    """西安 2021 部门综合预算 表1 (p39–41): 收入 | 预算数, then three 支出 lists, each with its 预算数."""
    header = [
        "序号\t收入\t\t支出\t\t\t\t\t",
        "\t项目\t预算数\t支出功能分科目（按大类）\t预算数\t部门预算支出经济科目（按大类）\t预算数"
        "\t政府预算支出经济分类科目（按大类）\t预算数",
    ]
    page = [
        *header,
        "1\t一、部门预算\t852063605.8\t一、部门预算\t872031967.20\t一、部门预算\t872031967.20\t一、部门预算\t872031967.20",
        "2\t1、财政拨款\t703768605.8\t1、一般公共服务支出\t0.00\t1、人员经费和公用经费支出\t151681645.79"
        "\t1、机关工资福利支出\t47463593.74",
        "21\t\t\t20、住房保障支出\t6849666.63\t\t\t\t",
    ]
    last = [
        *header,
        "37\t收入总计\t872031967.20\t支出总计\t872031967.20\t支出总计\t872031967.20\t支出总计\t872031967.20",
    ]
    t = build_table(
        name="表1",
        title="2021年部门综合预算收支总表",
        unit="元",
        department=None,
        pages=[grid_rows(page), grid_rows(last)],
        notes=[],
    ).table
    by_side = {}
    for r in t.rows:
        by_side.setdefault(r.side, []).append((r.label, r.values["预算数"]))
    assert list(by_side) == [
        "收入",
        "支出·支出功能分科目（按大类）",
        "支出·部门预算支出经济科目（按大类）",
        "支出·政府预算支出经济分类科目（按大类）",
    ]
    assert by_side["收入"][1] == ("1、财政拨款", Decimal("703768605.8"))
    assert by_side["支出·支出功能分科目（按大类）"][1:] == [
        ("1、一般公共服务支出", Decimal("0.00")),
        ("20、住房保障支出", Decimal("6849666.63")),
        ("支出总计", Decimal("872031967.20")),
    ]
    assert by_side["支出·部门预算支出经济科目（按大类）"][1] == ("1、人员经费和公用经费支出", Decimal("151681645.79"))
    assert by_side["支出·政府预算支出经济分类科目（按大类）"][1] == ("1、机关工资福利支出", Decimal("47463593.74"))


def test_one_label_column_then_amounts_is_no_side_by_side_table() -> None:
    page = ["项目名称\t品目\t数量\t金额", "办公设备\t台式计算机\t2\t1.20", "车辆\t轿车\t1\t18.00"]
    t = build_table(
        name="表12", title="政府采购预算表", unit="万元", department=None, pages=[grid_rows(page)], notes=[]
    ).table
    assert not any(c.side for c in t.columns)


def test_two_code_schemes_per_row_the_first_code_and_its_name_make_the_row() -> None:
    """烟台市审计局 2026 表10 基本支出预算情况表: 部门预算 类|款 + name, then 政府预算 类|款 + name."""
    page = [
        "科目编码\t\t部门预算支出经济分类科目\t科目编码\t\t政府预算支出经济分类科目\t合计\t财政拨款",
        "类\t款\t\t类\t款\t\t\t",
        "\t\t合计\t\t\t\t2,776.85\t2,772.25",
        "302\t\t商品和服务支出\t502\t\t机关商品和服务支出\t210.32\t205.72",
        "302\t01\t办公费\t502\t01\t办公经费\t47.50\t47.50",
    ]
    t = build_table(
        name="表10", title="基本支出预算情况表", unit="万元", department=None, pages=[grid_rows(page)], notes=[]
    ).table
    assert [(r.label, r.code, r.parent, r.values["合计"]) for r in t.rows] == [
        ("合计", None, None, Decimal("2776.85")),
        ("商品和服务支出", "302", None, Decimal("210.32")),
        ("办公费", "30201", "302", Decimal("47.50")),
    ]


def test_two_years_side_by_side_keep_each_years_items() -> None:
    """烟台市审计局 2026 “三公”表: 2025年预算数 | 2026年预算数, each over the same items (a blank is no value)."""
    page = [
        "2025年预算数\t\t\t\t\t\t2026年预算数\t\t\t\t\t",
        "合计\t因公出国（境）经费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）经费\t公务用车购置及运行维护费\t\t\t公务接待费",
        "\t\t小计\t公务用车购置经费\t公务用车运行维护费\t\t\t\t小计\t公务用车购置经费\t公务用车运行维护费\t",
        "11.90\t8.50\t\t\t\t3.40\t3.40\t\t\t\t\t3.40",
    ]
    t = build_table(
        name="表7",
        title="一般公共预算“三公”经费支出情况表",
        unit="万元",
        department=None,
        pages=[grid_rows(page)],
        notes=[],
    ).table
    values = {(c.item, c.name.split("·")[-1]): t.rows[0].values[c.name] for c in t.columns}
    assert values[("合计", "2025年预算数")] == Decimal("11.90")
    assert values[("因公出国（境）经费", "2025年预算数")] == Decimal("8.50")
    assert values[("因公出国（境）经费", "2026年预算数")] is None  # blank in 2026: not 2025's 8.50
    assert values[("合计", "2026年预算数")] == values[("公务接待费", "2026年预算数")] == Decimal("3.40")
    roles = {c.name: c.role for c in t.columns}
    assert roles["合计·2026年预算数"] == "预算数" and roles["合计·2025年预算数"] is None  # last year's is no 预算数


def test_a_code_printed_as_a_staircase_takes_the_levels_above_it() -> None:
    """烟台市审计局 2026 公开表3 (p11): 201 on the 类 row, 08 on the 款 row, 04 on the 项 row → 2010804."""
    page = [
        "科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出",
        "类\t款\t项\t\t\t\t",
        "\t\t\t合 计\t3,558.35\t2,776.85\t781.50",
        "201\t\t\t一般公共服务支出\t2,731.79\t1,950.29\t781.50",
        "\t08\t\t审计事务\t2,731.79\t1,950.29\t781.50",
        "\t\t01\t行政运行\t1,535.85\t1,535.85\t",
        "\t\t04\t审计业务\t592.50\t\t592.50",
        "208\t\t\t社会保障和就业支出\t469.90\t469.90\t",
        "\t05\t\t行政事业单位养老支出\t469.90\t469.90\t",
        "\t\t01\t行政单位离退休\t199.48\t199.48\t",
    ]
    t = build_table(
        name="表3", title="部门支出总表", unit="万元", department=None, pages=[grid_rows(page)], notes=[]
    ).table
    assert [(r.code, r.parent, r.label) for r in t.rows[1:]] == [
        ("201", None, "一般公共服务支出"),
        ("20108", "201", "审计事务"),
        ("2010801", "20108", "行政运行"),
        ("2010804", "20108", "审计业务"),
        ("208", None, "社会保障和就业支出"),
        ("20805", "208", "行政事业单位养老支出"),
        ("2080501", "20805", "行政单位离退休"),
    ]
