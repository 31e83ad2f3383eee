"""The self-audit: rounding within 尾数误差, real inconsistencies, no mismatch from parsing."""

from decimal import Decimal

from index.audit import audit
from index.ingest import Parsed
from index.pages import grid_rows
from index.records import Disclosure
from index.tables import build_table


def test_sample_audit(sample: Parsed) -> None:
    checks = audit(sample.disclosure, sample.facts)
    assert len(checks) >= 20
    kinds = {c.kind for c in checks}
    assert {"科目层级", "合计", "收支平衡", "支出构成", "表间一致", "文表一致", "构成", "增长率", "科目名称"} <= kinds

    by_where = {c.where: c for c in checks}
    popularisation = by_where["表7 20607 科学技术普及 · 支出总计"]
    assert (popularisation.expected, popularisation.found, popularisation.status) == (
        Decimal(4566), Decimal(4565), "rounding",
    )  # fmt: skip
    parts = by_where["第三部分 部门预算支出具体情况 学会能力提升和学术交流促进项目 = 300+100+110+600+10+80+200+120+400"]
    assert (parts.expected, parts.found, parts.status) == (Decimal(1920), Decimal(1920), "ok")
    growth = by_where["第二部分 部门预算收支总体情况 部门预算收入 增长率 = 478/4,519"]
    assert (growth.expected, growth.status) == (Decimal("10.58"), "ok")
    prose_total = next(c for c in checks if c.kind == "文表一致" and "部门预算收入" in c.where)
    assert prose_total.status == "ok" and prose_total.found == Decimal(4997)

    # the only mismatches are the document's own: 表1/表6 name 2101101 事业单位医疗, 表7 行政单位医疗
    mismatches = [c for c in checks if c.status == "mismatch"]
    assert [(c.kind, c.expected, c.found) for c in mismatches] == [
        ("科目名称", "行政单位医疗", "事业单位医疗"),
        ("科目名称", "行政单位医疗", "事业单位医疗"),
    ]
    assert {c.where for c in mismatches} == {"表1 与 表7 · 2101101", "表6 与 表7 · 2101101"}


def test_second_disclosure_flags_the_planted_total(second: Parsed) -> None:
    checks = audit(second.disclosure, second.facts)
    mismatches = [c for c in checks if c.status == "mismatch"]
    assert mismatches, "the 10,000.00 gap under 20701 must be flagged"
    assert {c.difference for c in mismatches} == {Decimal("-10000.00")}
    assert {c.where.split(" · ")[0] for c in mismatches} == {
        "表1 20701 文化和旅游",
        "表6 20701 文化和旅游",
        "表7 20701 文化和旅游",
    }
    assert not [c for c in checks if c.status == "rounding"]
    assert sum(1 for c in checks if c.status == "ok") >= 100


def _one_table(name: str, title: str, pages: list[list[str]]) -> Disclosure:
    table = build_table(
        name=name, title=title, unit="元", department=None, pages=[grid_rows(p) for p in pages], notes=[]
    ).table
    return Disclosure(
        doc_id="x", title=title, department="西安市民政局", year=2021, kind="预算", unit="元", sections=[],
        tables={name: table}, indicators=[],
    )  # fmt: skip


def test_procurement_table_unit_rows_printed_again_head_their_own_items() -> None:
    """西安 2021 表12 (p72): the 单位编码 rows 241 / 241001 are printed over each group of items, whose
    科目编码 is 类|款|项 followed by the 经济分类 类|款 of 部门预算支出 and of 政府预算支出."""
    header = [
        "序号\t科目编码\t\t\t单位编码\t采购项目\t采购目录\t数量\t部门预算支出\t\t政府预算支出\t\t预算金额",
        "\t类\t款\t项\t\t\t\t\t类\t款\t类\t款\t",
    ]
    rows = [
        "\t\t\t\t\t合计\t\t3\t\t\t\t\t2245000.00",
        "1\t\t\t\t241\t西安市民政局\t\t2\t\t\t\t\t1795000.00",
        "2\t\t\t\t241001\t西安市民政局\t\t2\t\t\t\t\t1795000.00",
        "3\t208\t02\t07\t\t西安市城六区道路路牌设置及维护\tB99其他建筑工程\t1\t302\t13\t502\t09\t815000.00",
        "4\t208\t02\t07\t\t西安市城六区道路路牌设置及维护\tB99其他建筑工程\t1\t309\t05\t504\t02\t980000.00",
        "5\t\t\t\t241\t西安市民政局\t\t1\t\t\t\t\t450000.00",
        "6\t\t\t\t241001\t西安市民政局\t\t1\t\t\t\t\t450000.00",
        "7\t208\t02\t08\t\t社区服务信息网络平台运行经费\tC0206运行维护服务\t1\t302\t13\t502\t09\t450000.00",
    ]
    d = _one_table("表12", "2021年部门综合预算政府采购预算表", [header + rows])
    t = d.tables["表12"]
    assert [r.code for r in t.rows][3:5] == ["2080207", "2080207"]
    checks = audit(d, [])
    assert not [c for c in checks if c.status != "ok"]
    units = [c.found for c in checks if c.where == "表12 241 西安市民政局 · 预算金额"]
    assert units == [Decimal("1795000.00"), Decimal("450000.00")]  # each 241 row = its own 241001 row
    by_where = {c.where: c for c in checks}
    assert by_where["表12 合计 · 预算金额"].found == Decimal("2245000.00")  # the 合计 row = the two 241 rows


def test_three_expenditure_lists_each_balance_the_income() -> None:
    header = [
        "收入\t\t支出\t\t\t\t\t",
        "项目\t预算数\t支出功能分科目（按大类）\t预算数\t部门预算支出经济科目（按大类）\t预算数\t政府预算支出经济分类科目（按大类）\t预算数",
    ]
    rows = [
        "一、部门预算\t100.00\t一、部门预算\t100.00\t一、部门预算\t100.00\t一、部门预算\t100.00",
        "1、财政拨款\t100.00\t1、社会保障和就业支出\t100.00\t1、人员经费和公用经费支出\t40.00\t1、机关工资福利支出\t40.00",
        "\t\t\t\t2、专项业务经费支出\t60.00\t2、对个人和家庭的补助\t60.00",
        "本年收入合计\t100.00\t本年支出合计\t100.00\t本年支出合计\t100.00\t本年支出合计\t100.00",
        "上年实户资金余额\t20.00\t结转下年\t20.00\t结转下年\t20.00\t结转下年\t20.00",
        "收入总计\t120.00\t支出总计\t120.00\t支出总计\t120.00\t支出总计\t120.00",
    ]
    checks = audit(_one_table("表1", "2021年部门综合预算收支总表", [header + rows]), [])
    balance = [c.where for c in checks if c.kind == "收支平衡" and "总计" in c.where.split(" = ")[1]]
    assert balance == [
        "表1 收入总计 = 支出·支出功能分科目（按大类）总计",
        "表1 收入总计 = 支出·部门预算支出经济科目（按大类）总计",
        "表1 收入总计 = 支出·政府预算支出经济分类科目（按大类）总计",
    ]
    assert not [c for c in checks if c.status != "ok"]


def test_a_total_adds_the_items_numbered_like_the_first_not_their_parts() -> None:
    """福州市公安局治安管理支队 2026 一般公共预算“三公”经费支出预算表 (p23)."""
    page = [
        "项目\t预算数",
        "合计\t27.31",
        "1、因公出国（境）费用\t0.00",
        "2、公务接待费\t2.00",
        "3、公务用车购置及运行费\t25.31",
        "其中：（1）公务用车购置费\t0.00",
        "（2）公务用车运行费\t25.31",
    ]
    checks = audit(_one_table("表10", "一般公共预算“三公”经费支出预算表", [page]), [])
    total = next(c for c in checks if c.where == "表10 合计 · 预算数")
    assert (total.expected, total.found, total.status) == (Decimal("27.31"), Decimal("27.31"), "ok")


def test_numbered_income_rows_after_the_year_total_belong_to_the_carry_over_row() -> None:
    """深圳市财政局 2026 表1 收支总表 (p16–18): 1./2. under 上年结余、结转 are not 单位资金's, nor counted
    twice in 收入总计."""
    header = ["收入\t\t支出\t", "项目\t2026年预算数\t项目\t2026年预算数"]
    rows = [
        "一、财政拨款\t36989.05\t一、一般公共服务支出\t37385.88",
        "1.一般公共预算拨款\t36989.05\t\t",
        "二、单位资金\t0.00\t\t",
        "1.事业收入\t0.00\t\t",
        "本年收入合计\t36989.05\t本年支出合计\t37385.88",
        "上年结余、结转\t396.83\t结转下年\t0.00",
        "1.财政拨款结余、结转\t396.83\t\t",
        "2.非财政拨款结余、结转\t0.00\t\t",
        "收入总计\t37385.88\t支出总计\t37385.88",
    ]
    checks = audit(_one_table("表1", "收支总表", [header + rows]), [])
    by_where = {c.where: c for c in checks}
    assert by_where["表1 收入 · 单位资金"].found == Decimal("0.00")
    assert by_where["表1 收入 · 上年结余、结转"].found == Decimal("396.83")
    assert by_where["表1 收入总计 = 本年合计 + 结转"].found == Decimal("37385.88")
    assert not [c for c in checks if c.status != "ok"]


SIBLING_LIST = (
    "北京市某某局 2026 年度部门预算情况说明\n\n三、支出预算情况说明\n\n"
    "2026 年支出预算 44169.36 万元。\n\n"
    "（一）基本支出。基本支出预算 28016.26 万元，占本年支出预算 63.43%。\n\n"
    "（二）项目支出。项目支出预算 16153.10 万元，占本年支出预算 36.57%。其中：\n\n"
    "1.事业单位经营支出 0 万元。\n\n2.上缴上级支出 0 万元。\n\n3.对附属单位补助支出 0 万元。\n\n"
    "四、政府采购\n\n政府采购预算总额 300 万元：货物 100 万元、服务 150 万元。\n"
)


def test_spending_kinds_listed_under_one_are_no_parts_of_it() -> None:
    """北京市财政局 2026 部门预算 p7 lists 事业单位经营支出, 上缴上级支出, 对附属单位补助支出 after
    “项目支出…其中：”: the template's spending kinds, side by side, are not 项目支出's parts. A real
    listing beside it is still checked."""
    from index.ingest import parse_text

    parsed = parse_text(SIBLING_LIST, "bj.txt")
    assert {f.parent for f in parsed.facts if f.row == "上缴上级支出"} == {"项目支出"}  # as printed
    parts = [c for c in audit(parsed.disclosure, parsed.facts) if c.kind == "构成"]
    assert [(c.where.split(" ")[-3], c.expected, c.found, c.status) for c in parts] == [
        ("政府采购预算总额", Decimal(300), Decimal(250), "mismatch")
    ]


def test_a_share_listed_by_the_same_items_as_its_whole_is_no_part_beside_them() -> None:
    """重庆市水利局 2026 部门预算 p7–8: 一般公共预算拨款政府采购, listed by 货物/工程/服务 like the total, is the
    total cut by fund; the total is checked against 货物 + 工程 + 服务 only."""
    from index.ingest import parse_text

    text = (
        "重庆市某某局2026年部门预算情况说明\n\n五、其他重要事项的情况说明\n\n"
        "（二）政府采购情况。所属各预算单位政府采购预算总额 11884.37 万元：政府采购货物预算2703.49 万元、政府采购"
        "工程预算 239.56 万元、政府采购服务预算 8941.32 万元；其中一般公共预算拨款政府采购 11307.34 万元：政府"
        "采购货物预算 2703.19 万元、政府采购工程预算 239.56 万元、政府采购服务预算 8364.59 万元。\n"
    )
    parsed = parse_text(text, "cq.txt")
    parts = {c.where: (c.found, c.status) for c in audit(parsed.disclosure, parsed.facts) if c.kind == "构成"}
    assert parts == {
        "重庆市某某局2026年部门预算情况说明 所属各预算单位政府采购预算总额 = 2,703.49+239.56+8,941.32": (
            Decimal("11884.37"), "ok",
        ),
        "重庆市某某局2026年部门预算情况说明 一般公共预算拨款政府采购 = 2,703.19+239.56+8,364.59": (Decimal("11307.34"), "ok"),
    }  # fmt: skip
