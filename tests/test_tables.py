"""Table reading details: a row that numbers the columns is header, never data."""

from decimal import Decimal

import pytest

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
    built = build_table(name="表2", title="收入决算表", unit="万元", department=None, pages=[page, more], notes=[])
    t = built.table
    assert [c.name for c in t.columns if c.kind == "amount"] == ["本年收入合计", "财政拨款收入"]
    assert [(r.label, r.values["本年收入合计"]) for r in t.rows] == [
        ("合计", Decimal("1668.14")),
        ("社会保障和就业支出", Decimal("76.23")),
        ("卫生健康支出", Decimal("30.00")),
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
        name="表7", title="一般公共预算“三公”经费支出情况表", unit="万元", department=None, pages=[page], notes=[]
    ).table
    values = {(c.item, c.name.split("·")[-1]): t.rows[0].values[c.name] for c in t.columns}
    assert values[("合计", "2025年预算数")] == Decimal("11.90")
    assert values[("因公出国（境）经费", "2025年预算数")] == Decimal("8.50")
    assert values[("因公出国（境）经费", "2026年预算数")] is None  # blank in 2026: not 2025's 8.50
    assert values[("合计", "2026年预算数")] == values[("公务接待费", "2026年预算数")] == Decimal("3.40")
    roles = {c.name: c.role for c in t.columns}
    assert roles["合计·2026年预算数"] == "预算数" and roles["合计·2025年预算数"] is None  # last year's is no 预算数
