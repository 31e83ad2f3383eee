"""The template catalog (index/catalog.toml): every alias with a real title it matches, column roles,
prose part headings, department lines, and what must not match."""

from __future__ import annotations

import pytest

from index.catalog import (
    catalog,
    column_role,
    count_unit,
    department_line,
    is_code,
    is_empty_note,
    is_ordinal,
    kind_by_content,
    section_heading,
    table_kind,
)

WANLI = "上海市普陀区人民政府万里街道办事处"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # the sample (Shenzhen 部门预算, 表1–表11)
        ("收支总表", "summary"),
        ("收入总表", "income"),
        ("支出总表", "expenditure"),
        ("基本支出总表", "basic_expenditure"),
        ("项目支出总表", "project_expenditure"),
        ("政府预算拨款收支总表", "appropriation_summary"),
        ("一般公共预算支出表（按功能分类）", "general_public_by_function"),
        ("一般公共预算“三公”经费支出表", "three_public"),
        ("政府性基金预算支出表", "government_fund"),
        ("国有资本经营预算支出表", "state_capital"),
        ("部门整体支出绩效目标表", "performance"),
        # the national 部门决算 (社工部 2024), no 表N caption
        ("收入支出决算总表", "summary"),
        ("收入决算表", "income"),
        ("支出决算表", "expenditure"),
        ("财政拨款收入支出决算总表", "appropriation_summary"),
        ("一般公共预算财政拨款支出决算表", "general_public_by_function"),
        ("一般公共预算财政拨款基本支出决算表", "general_public_basic_by_economic"),
        ("财政拨款“三公”经费支出决算表", "three_public"),
        ("政府性基金预算财政拨款收入支出决算表", "government_fund"),
        ("国有资本经营预算财政拨款收入支出决算表", "state_capital"),
        # Shanghai's 部门预算 / 单位预算 (万里街道 2024, 社会福利院 2024)
        ("2024年部门财务收支预算总表", "summary"),
        ("2024年预算单位财务收支预算总表", "summary"),
        ("2024年部门收入预算总表", "income"),
        ("2024年部门支出预算总表", "expenditure"),
        ("2024年部门财政拨款收支预算总表", "appropriation_summary"),
        ("2024年部门一般公共预算支出功能分类预算表", "general_public_by_function"),
        ("2024年部门政府性基金预算支出功能分类预算表", "government_fund"),
        ("2024年部门国有资本经营预算支出功能分类预算表", "state_capital"),
        ("2024年部门一般公共预算基本支出部门预算经济分类预算表", "general_public_basic_by_economic"),
        ("部门“三公”经费和机关运行经费预算表", "three_public"),
        ("单位“三公”经费和机关运行经费预算表", "three_public"),
        # captions, numbering, department prefixes, continuation marks
        ("表1 2024年部门财务收支预算总表", "summary"),
        ("表 7 一般公共预算支出表（按功能分类）", "general_public_by_function"),
        ("（七）一般公共预算“三公”经费支出表", "three_public"),
        ("5．2024年部门一般公共预算支出功能分类预算表", "general_public_by_function"),
        ("中共上海市普陀区委社会工作部2024年度收入决算表", "income"),
        ("支出决算表（续）", "expenditure"),
        ("机关运行经费支出表", "organ_operation"),
        ("政府采购情况表", "government_procurement"),
        # Shenzhen 2026 (财政局, 科创局)
        ("一般公共预算支出表（按经济分类）", "general_public_by_economic"),
        ("财政拨款“三公”经费支出表", "three_public"),
        # Yantai 2026 (审计局), under 公开表N captions
        ("收支总体情况表", "summary"),
        ("收入总体情况表", "income"),
        ("支出总体情况表", "expenditure"),
        ("财政拨款收支总体情况表", "appropriation_summary"),
        ("一般公共预算支出情况表", "general_public_by_function"),
        ("一般公共预算基本支出情况表", "general_public_basic_by_economic"),
        ("一般公共预算“三公”经费支出情况表", "three_public"),
        ("政府性基金预算支出情况表", "government_fund"),
        ("国有资本经营预算支出情况表", "state_capital"),
        ("基本支出预算情况表", "basic_expenditure"),
        ("项目支出预算情况表", "project_expenditure"),
        ("政策和项目预算绩效目标表", "performance"),
        ("（三）部门预算项目绩效目标表", "performance"),
        # Chongqing 2026 (水利局), under 表一…表十二 captions
        ("2026 年部门收支总体情况表", "summary"),
        ("2026 年财政拨款“三公”经费支出情况表", "three_public"),
        ("2026 年政府采购预算明细表", "government_procurement"),
        ("2026 年部门整体绩效目标表", "performance"),
        # Fuzhou 2026 (公安局治安管理支队): "一、收支预算总表" over "2026 年度收支预算总表"
        ("五、一般公共预算拨款支出预算表", "general_public_by_function"),
        ("2026 年度政府性基金预算拨款支出预算表", "government_fund"),
        ("七、国有资本经营预算拨款支出预算表", "state_capital"),
        ("八、一般公共预算支出经济分类情况表", "general_public_by_economic"),
        ("九、一般公共预算基本支出经济分类情况表", "general_public_basic_by_economic"),
        ("十、一般公共预算“三公”经费支出预算表", "three_public"),
        # Wuxi 2026 (人社局, 交通运输局), under 公开01表 captions
        ("财政拨款支出表（功能科目）", "appropriation_by_function"),
        ("财政拨款基本支出表（经济科目）", "appropriation_basic_by_economic"),
        ("一般公共预算“三公”经费、会议费、培训费支出表", "three_public"),
        ("国有资本经营预算支出预算表", "state_capital"),
        ("一般公共预算机关运行经费支出预算表", "organ_operation"),
        # Xi'an 2021 (民政局) 部门综合预算, 表1–表16: the title under the caption, its qualifier on the next line
        ("2021年部门综合预算收支总表", "summary"),
        ("2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）", "general_public_by_function"),
        ("2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目-不含上年结转）", "general_public_by_economic"),
        (
            "2021年部门综合预算一般公共预算基本支出明细表（按支出功能分类科目-不含上年结转）",
            "general_public_basic_by_function",
        ),
        (
            "2021年部门综合预算一般公共预算基本支出明细表（按支出经济分类科目-不含上年结转）",
            "general_public_basic_by_economic",
        ),
        ("2021年部门综合预算政府性基金收支表（不含上年结转）", "government_fund"),
        ("2021年部门综合预算专项业务经费支出表", "project_expenditure"),
        ("2021年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）", "government_procurement"),
        (
            "2021年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表（不含上年结转）",
            "three_public",
        ),
        ("2021年部门预算专项业务经费绩效目标表", "performance"),
        ("2021年专项资金总体绩效目标表", "performance"),
        # Guangdong users' 部门预算 (Guangzhou, Zhuhai): 表N with the name on the next line
        ("政府购买服务明细表", "government_purchase_service"),
    ],
)
def test_a_printed_title_names_its_kind(title: str, kind: str) -> None:
    found = table_kind(title, "中共上海市普陀区委社会工作部")
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "七、财政拨款“三公”经费支出决算情况说明",  # a prose heading about the table
        "中共上海市普陀区委社会工作部 2024 年度部门决算表",  # the part heading over all tables
        "1. 2024年部门财务收支预算总表 ……………………… 12",  # a 目录 entry with leaders
        "本表反映部门本年度的总收支和年末结转结余情况。",
        "支出",
    ],
)
def test_lines_that_are_not_table_titles(line: str) -> None:
    assert table_kind(line) is None


@pytest.mark.parametrize(
    ("title", "words", "codes", "kind"),
    [
        # 因公出国/公务接待 as columns (Chongqing 表八) or as rows (Fuzhou 十), no codes
        ("", ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"], [], "three_public"),
        ("", ["项目", "预算数", "因公出国（境）费", "公务接待费"], [], "three_public"),
        # the same words as 经济分类 rows (30212, 30217) of a basic expenditure table are not the 三公 table
        ("", ["科目编码", "科目名称", "预算数", "因公出国（境）费用", "公务接待费"], ["30212", "30217"], None),
        # 基本支出 / 项目支出 over 功能分类 rows: the fund the title names decides, else the 全部 kind
        (
            "2021年部门综合预算一般公共预算支出表",
            ["科目编码", "基本支出", "项目支出"],
            ["201", "20101"],
            "general_public_by_function",
        ),
        ("2026年部门政府性基金支出表", ["科目编码", "基本支出", "项目支出"], ["208"], "government_fund"),
        ("", ["科目编码", "基本支出", "项目支出"], ["201", "2010101"], "expenditure"),
        # 人员经费 / 公用经费 over 经济分类 rows (301, 30101 …)
        (
            "一般公共预算基本支出明细表",
            ["经济科目编码", "人员经费支出", "公用经费支出"],
            ["301", "30101"],
            "general_public_basic_by_economic",
        ),
        # Chongqing 表十一: a project's form with 绩效 and 指标 words (市级重点专项资金绩效目标表)
        ("2026年市级重点专项资金绩效目标表（一级项目）", ["项目名称", "年度绩效目标", "指标名称"], [], "performance"),
        # 收支 words alone name no kind (收支总表 and 收入总表 share them)
        ("", ["项目", "预算数", "一般公共预算资金", "一般公共服务支出"], [], None),
    ],
)
def test_a_table_without_a_known_title_gets_its_kind_from_content(
    title: str, words: list[str], codes: list[str], kind: str | None
) -> None:
    found = kind_by_content(title, words, codes)
    assert (found.kind if found else None) == kind


def test_every_alias_is_unique_and_every_kind_has_one() -> None:
    cat = catalog()
    assert len(cat.by_alias) == sum(len(t.aliases) for t in cat.tables)
    assert all(t.aliases and t.name and t.subject for t in cat.tables)


@pytest.mark.parametrize(
    ("leaf", "group", "role", "fund"),
    [
        ("决算数", None, "决算数", None),
        ("2022年预算数", None, "预算数", None),
        ("本年支出合计", None, "本年支出合计", None),
        ("合计", "本年支出", "本年支出合计", None),
        ("年初结转和结余", None, "年初结转和结余", None),
        ("年末财政拨款结转和结余", None, "年末结转和结余", None),
        ("事业单位经营收入", None, "经营收入", None),
        ("一般公共预算财政拨款", None, "一般公共预算", "一般公共预算"),
        ("政府性基金预算", None, "政府性基金预算", "政府性基金"),
        ("人员经费", None, "人员经费", None),
        ("日常公用支出", None, "公用经费", None),  # 烟台市审计局 2026 表5: 基本支出 › 人员支出 | 日常公用支出
        ("其中：基本支出", None, "基本支出", None),
        # 烟台市审计局 2026 表5 一般公共预算支出情况表: 基本支出 › 合计 | 人员支出 | 日常公用支出 (totalled roles)
        ("合计", "基本支出", "基本支出", None),
        ("小计", "项目支出", "项目支出", None),
        ("合计", "一般公共预算", "合计", None),  # a fund's 合计 stays the table's 合计
    ],
)
def test_column_roles_read_from_the_header(leaf: str, group: str | None, role: str, fund: str | None) -> None:
    found = column_role(leaf, group)
    assert found is not None and found.role == role and found.fund == fund


def test_numbering_codes_and_counts_are_not_amounts() -> None:
    assert is_ordinal("序号") and is_ordinal("行次") and not is_ordinal("项目")
    assert is_code("功能分类科目编码") and is_code("类") and is_code("部门预算经济分类科目编码")
    assert not is_code("科目名称")
    assert count_unit("实有人数") == "人" and count_unit("车辆数") == "辆" and count_unit("决算数") is None
    assert count_unit("数量") == "个"  # 西安 表12 政府采购预算表's 数量 (30035): a count of items, never 元


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        (f"{WANLI}（部门）主要职能", "主要职能"),
        (f"{WANLI}（部门）机构设置", "机构设置"),
        ("名词解释", "名词解释"),
        ("2024年部门预算编制说明", "预算编制说明"),
        ("2024年单位预算编制说明", "预算编制说明"),
        ("其他相关情况说明", "其他相关情况说明"),
        ("项目经费情况说明", "项目经费情况说明"),
    ],
)
def test_part_headings_of_templates_without_numbered_parts(line: str, heading: str) -> None:
    assert section_heading(line, WANLI) == heading


@pytest.mark.parametrize(
    "line",
    ["一、部门主要职能 ……………………", "主要职能包括：", "上海市普陀区人民政府万里街道办事处是普陀区政府的派出机关。"],
)
def test_numbered_or_sentence_lines_are_not_part_headings(line: str) -> None:
    assert section_heading(line, WANLI) is None


def test_department_lines_and_empty_notes() -> None:
    assert department_line(f"预算主管部门：{WANLI}") == WANLI
    assert department_line("预算单位：上海市普陀区社会福利院") == "上海市普陀区社会福利院"
    assert department_line(f"编制部门：{WANLI} 单位：元") == WANLI
    assert department_line("部门职责：负责…") is None
    assert is_empty_note("说明：中共上海市普陀区委社会工作部本年度没有财政拨款“三公”经费支出，故本表无数据。")
    assert is_empty_note("注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。")
    assert not is_empty_note("注：本表反映部门本年度各项支出情况。")


@pytest.mark.parametrize("portion", catalog().portions)
def test_a_table_of_a_portion_of_the_money_gets_no_whole_kind_by_content(portion: str) -> None:
    """A carried-over table prints 基本支出 and 项目支出 over 功能分类 rows like the 一般公共预算支出表, but its rows are
    only the money carried over: never the department's 一般公共预算 figures. "（不含上年结转）" stays a qualifier."""
    words, codes = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["201", "20101", "2010101"]
    assert kind_by_content(f"2026年一般公共预算拨款{portion}支出预算表", words, codes) is None
    found = kind_by_content("2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）", words, codes)
    assert found is not None and found.kind == "general_public_by_function"


def test_each_table_of_a_part_names_a_part_its_subject_carries() -> None:
    parts = {t.kind: t.part for t in catalog().tables if t.part}
    assert parts == {
        "basic_expenditure": "基本支出",
        "general_public_basic_by_economic": "基本支出",
        "general_public_basic_by_function": "基本支出",
        "appropriation_basic_by_economic": "基本支出",
    }
    for t in catalog().tables:
        assert not t.part or (t.part in t.subject and t.part_of)
