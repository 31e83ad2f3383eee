"""The prose's figures against the table figure the sentence states (重庆市水利局 2026 部门预算)."""

from decimal import Decimal

from index.prose_check import prose_vs_tables
from index.records import Fact

SECTION = "重庆市水利局2026年部门预算情况说明"


def _fact(table: str | None, row: str, column: str, value: str, **kw: object) -> Fact:
    return Fact(
        doc_id="x", department="重庆市水利局", year=2026, table=table, section=None if table else SECTION, row=row,
        code=None, column=column, value=Decimal(value), unit="万元", source=f"{table or SECTION} · {row} · {column}",
        page=kw.pop("page", 1), **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def _checks(facts: list[Fact]) -> dict[str, tuple[Decimal, Decimal]]:
    out: dict[str, tuple[Decimal, Decimal]] = {}
    prose_vs_tables(lambda kind, where, expected, found, unit: out.setdefault(where, (expected, found)), facts, 2026)
    return out


def test_a_part_under_a_whole_is_read_in_the_table_of_that_whole() -> None:
    tables = [
        _fact("表3", "合计", "总计", "186549.30", page=20), _fact("表3", "合计", "基本支出", "41418.94", page=20),
        _fact("表3", "合计", "项目支出", "145130.37", page=20), _fact("表5", "合计", "总计", "128148.56", page=21),
        _fact("表5", "合计", "基本支出", "33325.21", page=21), _fact("表5", "合计", "项目支出", "94823.35", page=21),
    ]  # fmt: skip
    prose = [
        _fact(None, "一般公共预算财政拨款支出", "金额", "128148.56"),
        _fact(None, "基本支出", "金额", "33325.21", parent="一般公共预算财政拨款支出"),
        _fact(None, "项目支出", "金额", "94823.35", parent="一般公共预算财政拨款支出"),
    ]
    checks = _checks(tables + prose)
    assert checks[f"{SECTION} 基本支出 ↔ 表5 · 合计 · 基本支出"] == (Decimal("33325.21"), Decimal("33325.21"))
    assert checks[f"{SECTION} 项目支出 ↔ 表5 · 合计 · 项目支出"] == (Decimal("94823.35"), Decimal("94823.35"))


def test_a_bare_total_row_stands_for_a_named_item_only_in_its_own_table() -> None:
    tables = [
        _fact("表8", "合计", "预算数", "308.00", table_kind="three_public", page=25),
        _fact("表9", "总计", "预算数", "11884.37", table_kind="government_procurement", page=26),
    ]
    checks = _checks([*tables, _fact(None, "“三公”经费", "金额", "308.00")])
    assert checks == {f"{SECTION} “三公”经费 ↔ 表8 · 合计 · 预算数": (Decimal("308.00"), Decimal("308.00"))}


def test_a_part_of_a_named_whole_is_read_only_in_that_whole_s_table() -> None:
    """重庆市水利局 2026 p7: the “三公”经费's 公务用车运行维护费 248.50 is not 表6's basic-spending 30231 (220.00);
    表8 prints it under another name (公务用车运行费), so nothing is compared; 公务接待费 is."""
    tables = [
        _fact("表6", "公务用车运行维护费", "总计", "220.00", table_kind="general_public_basic_by_economic"),
        _fact("表6", "公务接待费", "总计", "30.00", table_kind="general_public_basic_by_economic"),
        _fact("表8", "合计", "合计", "308.00", table_kind="three_public", page=25),
        _fact("表8", "合计", "公务用车运行费", "248.50", table_kind="three_public", page=25),
        _fact("表8", "合计", "公务接待费", "39.50", table_kind="three_public", page=25),
    ]
    prose = [
        _fact(None, "“三公”经费", "金额", "308.00"),
        _fact(None, "公务接待费", "金额", "39.50", parent="“三公”经费"),
        _fact(None, "公务用车运行维护费", "金额", "248.50", parent="“三公”经费"),
    ]
    assert _checks(tables + prose) == {
        f"{SECTION} “三公”经费 ↔ 表8 · 合计 · 合计": (Decimal("308.00"), Decimal("308.00")),
        f"{SECTION} 公务接待费 ↔ 表8 · 合计 · 公务接待费": (Decimal("39.50"), Decimal("39.50")),
    }


def test_income_stated_with_no_fund_is_the_all_funds_column() -> None:
    """无锡市交通运输局（本级）2026 公开02表 收入总表: "本年收入 984,760.87 万元" is the 本年收入 column's total, not the row the
    table builds for 本年收入 · 一般公共预算 (196,278.67), nor the 政府性基金 table's 本年收入 (佛山 2019 表8)."""
    tables = [
        _fact("表8", "合计", "本年收入", "0.00", fund="政府性基金"),
        _fact("表2", "合计", "本年收入", "984760.87", fund="全部"),
        _fact("表2", "本年收入", "一般公共预算", "196278.67", fund="一般公共预算"),
    ]
    checks = _checks([*tables, _fact(None, "本年收入", "金额", "984760.87")])
    assert checks == {f"{SECTION} 本年收入 ↔ 表2 · 合计 · 本年收入": (Decimal("984760.87"), Decimal("984760.87"))}
