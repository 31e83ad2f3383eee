"""The sample's structure: title, the 九个部分, tables merged across pages, headers, hierarchy."""

from decimal import Decimal
from pathlib import Path

from index.ingest import Parsed, read
from index.records import Fact
from tests.conftest import SAMPLE


def test_title_department_year_unit(sample: Parsed) -> None:
    d = sample.disclosure
    assert d.department == "深圳市科学技术协会（本级）"
    assert d.year == 2022
    assert d.kind == "预算"
    assert d.unit == "万元"
    assert d.title == "2022年深圳市科学技术协会（本级）部门预算"


def test_nine_parts_with_subsections(sample: Parsed) -> None:
    headings = [s.heading for s in sample.disclosure.sections]
    assert len(headings) == 9
    assert headings[0] == "第一部分 部门概况"
    # the heading broken by a page ("…经费预算" / "情况") is mended from the 目录
    assert headings[4] == "第五部分 一般公共预算“三公”经费预算情况"
    assert headings[8] == "第九部分 名词解释"
    first = sample.disclosure.sections[0]
    assert first.subsections == ["一、部门职责", "二、机构设置情况", "三、2022年主要工作目标"]


def test_paragraphs_split_by_a_page_break_are_joined(sample: Parsed) -> None:
    texts = [p.text for s in sample.disclosure.sections for p in s.paragraphs]
    assert any("用于老年科技工作者活动经费 100 万元" in t for t in texts)
    assert any("“科创中国”试点城市建设经费" in t for t in texts)


def test_all_tables_found_and_merged_across_pages(sample: Parsed) -> None:
    tables = sample.disclosure.tables
    assert list(tables) == ["表1", "表3", "表6", "表7", "表8", "表9", "表10", "表11"]
    assert (tables["表1"].pages, tables["表6"].pages, tables["表7"].pages) == (3, 2, 2)
    # 表7: the unit row plus 25 coded rows, none of them a repeated header
    t7 = tables["表7"]
    assert len(t7.rows) == 26
    assert [r.label for r in t7.rows].count("科目名称") == 0
    assert t7.title == "一般公共预算支出表（按功能分类）"
    assert t7.unit == "万元"


def test_side_by_side_income_and_expenditure(sample: Parsed) -> None:
    t1 = sample.disclosure.tables["表1"]
    assert {c.side for c in t1.columns} == {"收入", "支出"}
    income = [r for r in t1.rows if r.side == "收入"]
    spend = [r for r in t1.rows if r.side == "支出"]
    assert [r.label for r in income][:3] == ["一、政府预算拨款", "1.一般公共预算拨款", "2.政府性基金预算拨款"]
    assert income[-1].label == "收入总计" and income[-1].values["2022年预算数"] == Decimal(4997)
    assert spend[-1].label == "支出总计" and spend[-1].values["2022年预算数"] == Decimal(4997)
    # rows printed on the second and third page come after the first page's
    assert [r.label for r in spend if r.part == 3][:1] == ["购房补贴"]


def test_uncoded_rows_get_codes_from_the_coded_table(sample: Parsed) -> None:
    spend = {r.label: r for r in sample.disclosure.tables["表1"].rows if r.side == "支出"}
    assert spend["科普活动"].code == "2060702"
    assert spend["科普活动"].parent == "20607"
    # the mis-named line still gets its code, so the audit can report the name
    assert spend["事业单位医疗"].code == "2101101"


def test_code_hierarchy(sample: Parsed) -> None:
    rows = {r.code: r for r in sample.disclosure.tables["表7"].rows if r.code}
    assert rows["206"].parent is None
    assert rows["20607"].parent == "206"
    assert rows["2060702"].parent == "20607"
    assert rows["2080506"].values == {"支出总计": Decimal(22), "基本支出": Decimal(22), "项目支出": Decimal(0)}


def test_two_level_headers(sample: Parsed) -> None:
    t3 = sample.disclosure.tables["表3"]
    assert [c.name for c in t3.columns] == [
        "预算单位", "支出总计", "基本支出", "项目支出", "2022年政府采购项目",
        "面向中小企业政府采购项目", "面向小型、微型企业政府采购项目",
    ]  # fmt: skip
    assert t3.columns[5].group == "2022年政府采购项目"
    t8 = sample.disclosure.tables["表8"]
    by_name = {c.name: c for c in t8.columns}
    assert by_name["公务用车购置费"].group == "公务用车购置及运行维护费"
    assert by_name["公务用车运行维护费"].group == "公务用车购置及运行维护费"
    assert by_name["公务用车购置及运行维护费"].group is None  # the 小计 column
    assert by_name["年度"].kind == "year"


def test_table_without_amounts_note(sample: Parsed) -> None:
    t9 = sample.disclosure.tables["表9"]
    assert t9.no_amounts
    assert t9.notes == ["注：本表本年无发生额。"]


def test_performance_targets(sample: Parsed) -> None:
    indicators = {i.level3: i for i in sample.disclosure.indicators}
    assert len(indicators) == 58
    station = indicators["院士（专家）工作站新增数量"]
    assert (station.level1, station.level2, station.value, station.unit) == ("产出", "数量", Decimal(12), "家")
    winners = indicators["市青年奖获奖者数量"]
    assert (winners.value, winners.unit) == (Decimal(8), "个")
    satisfaction = indicators["观众满意度"]
    assert (satisfaction.level1, satisfaction.level2) == ("满意度", "服务对象满意度")
    assert (satisfaction.comparator, satisfaction.value, satisfaction.unit) == ("≥", Decimal(90), "%")
    timely = indicators["青少年科技活动完成时效"]
    assert (timely.level2, timely.target, timely.value) == ("时效", "及时", None)
    # a row printed without its leading cells keeps the levels of the row above
    assert indicators["“科创中国”示范单位试点评选"].level2 == "数量"


def test_performance_tasks(sample: Parsed) -> None:
    t11 = sample.disclosure.tables["表11"]
    tasks = {r.label: r for r in t11.rows}
    assert tasks["金额合计"].values["总额"] == Decimal(4997)
    assert tasks["信息化系统运行维护（市科学技术协会本级）"].values["财政拨款"] == Decimal(33)
    assert tasks["基本支出"].values["总额"] == Decimal(974)
    assert tasks["科普能力提升项目（市科学技术协会本级）"].texts["主要内容"].startswith("一、1.用于开展科普项目评审")


def test_second_disclosure_other_department_year_unit(second: Parsed) -> None:
    d = second.disclosure
    assert (d.department, d.year, d.unit) == ("广州市海珠区图书馆", 2023, "元")
    assert (d.tables["表1"].pages, d.tables["表6"].pages, d.tables["表7"].pages) == (2, 1, 3)
    t7 = {r.code: r for r in d.tables["表7"].rows if r.code}
    assert len(t7) == 17
    assert t7["2070104"].values["支出总计"] == Decimal("10632223.92")
    assert t7["2070104"].part == 1 and t7["2070109"].part == 2 and t7["2080505"].part == 3


def test_second_disclosure_negatives_and_no_value(second: Parsed) -> None:
    t8 = second.disclosure.tables["表8"]
    change = next(r for r in t8.rows if r.label == "增减变化金额")
    assert change.values["总计"] == Decimal("-4000.00")
    assert change.values["公务接待费"] == Decimal("-2000.00")
    assert change.values["公务用车购置费"] is None  # "—": no value, not zero
    # blank cells in a table whose note says it has no amounts are zero
    t9 = second.disclosure.tables["表9"]
    assert t9.no_amounts and t9.rows[0].values["支出总计"] == Decimal(0)


def test_parts_printed_after_the_tables_are_prose(sample: Parsed, tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    eighth = next(i for i, line in enumerate(lines) if line.startswith("第八部分") and i > 40)
    tables = next(i for i, line in enumerate(lines) if line.strip() == "二、表格部分" and i > 40)
    moved = tmp_path / "parts_after_tables.txt"  # 第八、第九部分 after the tables, as some templates print them
    moved.write_text("\n".join(lines[:eighth] + lines[tables:] + lines[eighth:tables]), encoding="utf-8")
    parsed = read(moved)
    assert [s.heading for s in parsed.disclosure.sections] == [s.heading for s in sample.disclosure.sections]
    assert parsed.disclosure.warnings == [] and parsed.disclosure.tables["表11"].notes == []

    def key(f: Fact) -> tuple[str, ...]:
        return (f.table or "", f.row, f.code or "", f.column, str(f.value), f.unit, f.source)

    assert sorted(map(key, parsed.facts)) == sorted(map(key, sample.facts))


CAPTIONED = """2026年无锡市示例局部门预算

目录
表一
收支总体情况表
表二
收入总体情况表
表三
支出总表

第一部分 部门概况
一、主要职能
示例局负责示例工作。

第二部分 部门预算表
公开01表
收支总体情况表
部门：无锡市示例局 单位：万元
项目\t预算数\t项目\t预算数
一、财政拨款收入\t120.50\t一、一般公共服务支出\t120.50
收入总计\t120.50\t支出总计\t120.50
\f
表二
2026 年部门收入总体情况表
单位名称：无锡市示例局 单位：万元
科目编码\t科目名称\t合计\t财政拨款收入
201\t一般公共服务支出\t120.50\t120.50
— 2 —
\f
20101\t人大事务\t20.50\t20.50
公开03表\t\t\t\t
支出总表\t\t\t\t
科目编码\t科目名称\t合计\t基本支出\t项目支出
201\t一般公共服务支出\t120.50\t100.00\t20.50

四、一般公共预算“三公”经费支出预算表

2026 年度一般公共预算“三公”经费支出预算表

单位：万元
项目\t预算数
因公出国（境）费\t0.00
公务接待费\t3.40

表5
专项工作经费明细
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
201\t一般公共服务支出\t20.50\t0.00\t20.50

表6
示例事项情况表
单位：万元
事项\t金额
示例事项\t1.00
"""


def test_caption_forms_name_and_kind_tables(tmp_path: Path) -> None:
    path = tmp_path / "captions.txt"
    path.write_text(CAPTIONED, encoding="utf-8")
    tables = read(path).disclosure.tables
    kinds = {name: t.kind for name, t in tables.items()}
    assert kinds == {
        "表1": "summary",  # 公开01表 over its title; the 目录's 表一/表二/表三 start nothing
        "表2": "income",  # 表二, the title on the next line, a page number between its two parts
        "表3": "expenditure",  # 公开03表 and its title printed inside the grid
        "一般公共预算“三公”经费支出预算表": "three_public",  # 四、… over "2026 年度…" (one table)
        "表5": "expenditure",  # an unknown title: 基本支出/项目支出 over 功能分类 codes, no fund named
        "表6": None,  # 未分类, still read
    }
    assert [r.values["财政拨款收入"] for r in tables["表2"].rows] == [Decimal("120.50"), Decimal("20.50")]
    assert tables["表2"].notes == []
    assert tables["一般公共预算“三公”经费支出预算表"].rows[1].values["预算数"] == Decimal("3.40")
    assert tables["表6"].rows[0].values["金额"] == Decimal("1.00")


AFTER_TARGETS = """2026年福州市示例支队单位预算

第一部分 单位概况
一、单位主要职责
示例支队负责示例工作。

第二部分 单位预算情况说明
一、收支预算情况
2026 年收入预算 120.50 万元。
二、预算绩效目标情况
（一）绩效目标表及说明
表1
项目支出绩效目标表
单位：万元
项目名称\t金额
示例项目\t20.50
三、其他重要事项说明
（一）机关运行经费
2026 年，福州市示例支队一般公共预算拨款安排的机关运行经费支出 221.19 万元，比上年减少 11.22 万元，下降 4.83%。
"""


def test_the_next_outline_heading_after_a_table_is_prose(tmp_path: Path) -> None:
    """福州市公安局治安管理支队 2026: "八、其他重要事项说明" follows 七's 绩效目标表; it is prose, not the table's notes."""
    path = tmp_path / "after_targets.txt"
    path.write_text(AFTER_TARGETS, encoding="utf-8")
    parsed = read(path)
    trails = {p.trail for s in parsed.disclosure.sections for p in s.paragraphs}
    assert ("第二部分 单位预算情况说明", "三、其他重要事项说明") in trails
    got = {(f.row, f.column, f.value) for f in parsed.facts if f.table is None}
    assert ("一般公共预算拨款安排的机关运行经费支出", "金额", Decimal("221.19")) in got
    assert ("一般公共预算拨款安排的机关运行经费支出", "比2025年增减", Decimal("-11.22")) in got
    assert parsed.disclosure.tables["表1"].rows[0].values["金额"] == Decimal("20.50")


UNCAPTIONED = """2026年西安市示例局部门预算

第一部分 部门概况
一、部门职责
示例局负责示例工作。

第二部分 其他重要事项说明
十、“三公”经费及会议费、培训费情况说明
本部门当年一般公共预算会议费预算支出23.17万元。
会议费明细表
单位：万元
序号\t会议名称\t时间\t人数\t金额\t备注
1\t决算汇审会\t不晚于2026年5月30日\t125\t23.00\t两期会议
2\t资产年报会审会\t2026年3月3日\t25\t0.17\t
培训费明细表
单位：万元
序号\t培训名称\t时间\t人数\t金额\t备注
1\t财政干部业务培训\t不晚于2026年11月30日\t20\t4.00\t
2\t区县财政部门采购政策等财政业务培训\t2026年7月1日\t2285\t18.80\t全年共17期
十一、国有资产占有使用及资产购置情况说明
截至上年底，本部门所属预算单位共有车辆7辆。

第三部分 部门预算公开报表
2026年度部门预算表
一、收支预算总表
单位：万元
项目\t预算数
收入总计\t120.50
支出总计\t120.50
七、预算绩效目标情况
（一）绩效目标表及说明
办公楼物业项目绩效目标表\t\t\t\t
项目名称\t办公楼物业\t\t\t
主管部门\t西安市示例局\t\t实施单位\t西安市示例局
专项资金情况（万元）\t资金总额\t\t25.89\t
\t财政拨款\t\t25.89\t
\t其他资金\t\t0.00\t
绩效目标指标\t一级指标\t二级指标\t三级指标\t指标值
\t成本指标\t经济成本指标\t物业成本控制率\t≤100%
八、其他重要事项说明
本部门没有其他需要说明的事项。
"""


def test_tables_under_a_title_of_no_known_kind(tmp_path: Path) -> None:
    """西安市财政局 2026 (p18–19) prints 会议费明细表 and 培训费明细表 in its 说明, no caption, each under its title
    and 单位 line; 福州市商务局 2026 (p29–39) prints each project's 绩效目标表 with its title inside the form's frame.
    Each is a table of its own (the forms known as 绩效目标表 by their 一级指标 rows); a row's words (采购) never
    make 培训费明细表 a 政府采购 table; "2026年度部门预算表" over "一、收支预算总表" names the part, not a table;
    the prose after each table stays prose."""
    path = tmp_path / "uncaptioned.txt"
    path.write_text(UNCAPTIONED, encoding="utf-8")
    parsed = read(path)
    tables = parsed.disclosure.tables
    assert {name: t.kind for name, t in tables.items()} == {
        "会议费明细表": None,
        "培训费明细表": None,
        "收支预算总表": "summary",
        "办公楼物业项目绩效目标表": "performance",
    }
    assert tables["会议费明细表"].unit == "万元"
    assert [(r.label, r.values["金额"]) for r in tables["会议费明细表"].rows] == [
        ("决算汇审会", Decimal("23.00")),
        ("资产年报会审会", Decimal("0.17")),
    ]
    assert tables["办公楼物业项目绩效目标表"].rows[0].values == {
        "总额": Decimal("25.89"), "财政拨款": Decimal("25.89"), "其他资金": Decimal("0.00"),
    }  # fmt: skip
    trails = {p.trail for s in parsed.disclosure.sections for p in s.paragraphs}
    assert ("第二部分 其他重要事项说明", "十一、国有资产占有使用及资产购置情况说明") in trails
    assert not any(f.column in {"序号"} for f in parsed.facts)
