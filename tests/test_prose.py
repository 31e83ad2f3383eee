"""Figures in the narrative: changes however they are phrased, and parts by the outline they are numbered in.

The paragraphs are those of real 2026 部门预算 (无锡市人力资源和社会保障局, 第三部分), as the PDF reader gives them.
"""

from decimal import Decimal

from index.prose import prose_facts
from index.records import Paragraph, Section

TRAIL = ("第三部分 2026年度部门预算情况说明", "一、收支预算总体情况说明")
WUXI = [
    "（一）收入预算总计 154,121.76 万元。包括：",
    "1．本年收入合计 154,121.76 万元。",
    "（1）一般公共预算拨款收入 152,585.76 万元，与上年相比减少 14,816.38 万元，减少 8.85%。主要原因是补助收入预算减少。",
    "（2）政府性基金预算拨款收入 0 万元，与上年预算数相同。",
    "（9）其他收入 1,536 万元，与上年相比减少 18,834.07 万元，减少 92.46%。",
    "2．上年结转结余为 0 万元。与上年预算数相同。",
    "（二）支出预算总计 154,121.76 万元。包括：",
    "1．本年支出合计 154,121.76 万元。",
    "（1）一般公共服务支出（类）支出 0 万元，与上年相比减少",
    "77.89 万元，减少 100%。主要原因是本项调整至社会保障和就业支出（类）。",
    "（2）教育支出（类）支出 11,622 万元，与上年相比增加 47.34 万元，增长 0.41%。",
]


def facts(
    texts: list[str], trail: tuple[str, ...] = TRAIL, department: str = "某局"
) -> list[tuple[str, str, Decimal, str | None]]:
    section = Section(heading=trail[0], paragraphs=[Paragraph(text=t, trail=trail) for t in texts], subsections=[])
    return [
        (f.row, f.column, f.value, f.parent)
        for f in prose_facts([section], doc_id="x", department=department, year=2026)
    ]


def test_changes_phrased_with_xiangbi_bind_to_the_item() -> None:
    got = facts(WUXI)
    assert ("一般公共预算拨款收入", "比2025年增减", Decimal("-14816.38"), None) in got
    assert ("一般公共预算拨款收入", "比2025年增长率", Decimal("-8.85"), None) in got
    assert ("政府性基金预算拨款收入", "比2025年增减", Decimal(0), None) in got  # 与上年预算数相同
    assert ("教育支出（类）支出", "比2025年增减", Decimal("47.34"), None) in got
    assert not [row for row, *_ in got if row.startswith("与上年相比")]


def test_parts_follow_the_outline() -> None:
    parents = {(row, value): parent for row, column, value, parent in facts(WUXI) if column == "金额"}
    assert parents[("本年收入合计", Decimal("154121.76"))] == "收入预算总计"
    assert parents[("一般公共预算拨款收入", Decimal("152585.76"))] == "本年收入合计"  # （1） under 1．
    assert parents[("其他收入", Decimal("1536"))] == "本年收入合计"
    assert parents[("上年结转结余", Decimal(0))] == "收入预算总计"  # 2． closes 1．'s items
    assert parents[("教育支出（类）支出", Decimal("11622"))] == "本年支出合计"


def test_a_number_at_a_line_start_is_no_item_number() -> None:
    """ "77.89 万元，减少 100%" continues the item above; it does not start an item "77."."""
    from index.parse import ITEM_MARKER

    assert not ITEM_MARKER.match("77.89 万元，减少 100%。") and ITEM_MARKER.match("1．本年收入合计")
    got = facts(WUXI)
    assert not [row for row, *_, parent in got if parent == "减少"]
    assert ("教育支出（类）支出", "金额", Decimal("11622"), "本年支出合计") in got


def test_a_new_subsection_closes_the_groups() -> None:
    other = ("第三部分 2026年度部门预算情况说明", "二、收入预算情况说明")
    section = Section(
        heading=TRAIL[0],
        paragraphs=[Paragraph(text=t, trail=TRAIL) for t in WUXI[:2]]
        + [Paragraph(text="1．财政拨款收入 100 万元。", trail=other)],
        subsections=[],
    )
    got = {(f.row, f.parent) for f in prose_facts([section], doc_id="x", department="某局", year=2026)}
    assert ("财政拨款收入", None) in got


def test_a_change_stated_against_a_printed_figure() -> None:
    """北京市交通委员会 2026 部门预算: the figure compared with is printed before the change."""
    text = "2026 年度收入预算 1448787.35 万元，比 2025 年年初预算数 1506121.45 万元减少 57334.09 万元，下降 3.81%。"
    got = facts([text], ("第一部分 2026年度部门预算情况说明", "二、收入预算情况说明"))
    assert [(row, column, value) for row, column, value, _ in got] == [
        ("收入", "金额", Decimal("1448787.35")),
        ("收入", "2025年年初预算数", Decimal("1506121.45")),
        ("收入", "比2025年增减", Decimal("-57334.09")),
        ("收入", "比2025年增长率", Decimal("-3.81")),
    ]


# 重庆市水利局 2026 部门预算, 二、部门收支总体情况 and 四、“三公”经费情况说明 (as the PDF reader joins them)
CHONGQING = [
    "（一）收入预算：2026 年年初预算数 186549.30 万元，其中：一般公共预算财政拨款 128148.56万元，政府性基金预算财政拨款"
    " 44134.59 万元。收入比 2025 年减少 246429.22 万元，主要是一般公共预算财政拨款增加 10300.15 万元，政府性基金预算"
    "财政拨款减少 258146.77 万元。",
    "2026 年一般公共预算财政拨款收入 128148.56 万元，一般公共预算财政拨款支出 128148.56 万元，比 2025 年增加 10300.15"
    " 万元。其中：基本支出 33325.21 万元，主要用于保障在职人员工资福利及社会保险缴费，保障部门正常运转的各项商品服务支出，"
    "比 2025年增加 2943.64 万元，主要原因是机关及直属单位人员增加；项目支出94823.35 万元，主要用于水源工程建设等工作，"
    "比 2025 年增加 7356.51 万元。",
    "2026 年“三公”经费预算 308.00 万元，比 2025 年减少 22.24 万元。其中：因公出国（境）费用20.00 万元，比 2025 年减少"
    " 7.00 万元，主要原因是预计 2026 年因公出国出境将减少；公务接待费 39.50万元，比 2025 年减少 5.64 万元。",
]


def test_a_change_binds_to_the_item_of_its_clause() -> None:
    """The item a clause names ("收入比 2025 年减少"), else the figure just before it; never the sentence's first item."""
    got = facts(CHONGQING, ("重庆市水利局2026年部门预算情况说明", "二、部门收支总体情况"))
    changes = {value: row for row, column, value, _ in got if column == "比2025年增减"}
    assert changes[Decimal("-246429.22")] == "收入"
    assert changes[Decimal("10300.15")] in {"一般公共预算财政拨款", "一般公共预算财政拨款支出"}
    assert changes[Decimal("-258146.77")] == "政府性基金预算财政拨款"  # "X减少 N 万元": X's change, not an amount
    assert changes[Decimal("2943.64")] == "基本支出"  # after "主要用于…，": the figure before it
    assert changes[Decimal("7356.51")] == "项目支出"
    assert changes[Decimal("-7.00")] == "因公出国（境）费用"
    assert changes[Decimal("-5.64")] == "公务接待费"
    assert ("收入", "金额", Decimal("186549.30"), None) in got  # "收入预算：…年初预算数 N": the item before the colon
    assert not [row for row, column, *_ in got if column == "金额" and row.endswith(("增加", "减少"))]


# 北京市信访办公室 2026 部门预算 (Beijing prints the department's name inside the sentence, after a run-in heading)
XINFANG = [
    "（二）机构设置情况北京市信访办公室内设机构 12 个，分别为：秘书处、来信办理处。另有 1 个全额拨款事业单位，北京市信访办公室综合事务中心。",
    "2026 年财政拨款“三公”经费预算 17.70 万元，比 2025年财政拨款“三公”经费年初预算减少1.65万元，下降8.53%。",
    "（一）基本支出。基本支出预算 7485.22 万元，占本年支出预算 77.75%。",
    "（一）政府采购预算说明2026 年北京市信访办公室部门政府采购预算总额1240.07 万元，其中：政府采购货物预算 12.50 万元。",
]


def test_items_in_beijing_sentences() -> None:
    got = [
        (row, column, value)
        for row, column, value, _ in facts(XINFANG, ("第一部分", "五、其他情况说明"), "北京市信访办公室")
    ]
    assert ("内设机构", "数量", Decimal(12)) in got  # not "机构设置情况内设机构"
    assert ("全额拨款事业单位", "数量", Decimal(1)) in got  # "另有 1 个…": the noun after the count
    assert ("财政拨款“三公”经费", "比2025年增减", Decimal("-1.65")) in got  # the restated item between 比 and 减少
    assert ("财政拨款“三公”经费", "比2025年增长率", Decimal("-8.53")) in got
    assert ("基本支出", "占本年支出预算的比例", Decimal("77.75")) in got  # a share is the item's
    assert ("政府采购预算总额", "金额", Decimal("1240.07")) in got


def test_an_amount_printed_twice_is_a_fact_twice() -> None:
    """北京 prints "（三）上年结转结余 10.44 万元" and, under it, "10.上年结转结余 10.44 万元。" on one page."""
    got = facts(["（三）上年结转结余 10.44 万元", "10.上年结转结余 10.44 万元。"], ("第一部分", "二、收入预算情况说明"))
    assert [value for _, _, value, _ in got] == [Decimal("10.44"), Decimal("10.44")]


def test_a_numbered_heading_with_its_total_heads_the_items_under_it() -> None:
    """北京市信访办公室 2026: "（一）本年财政拨款收入 9616.34 万元" (no 。) over "1.一般公共预算拨款收入 9616.34 万元。"."""
    texts = [
        "（一）本年财政拨款收入 9616.34 万元",
        "1.一般公共预算拨款收入 9616.34 万元。",
        "2.政府性基金预算拨款收入 0 万元。",
        "（二）本年其他资金收入 0 万元",
        "4.财政专户管理资金收入 0 万元。",
    ]
    got = facts(texts, ("第一部分", "二、收入预算情况说明"))
    assert ("一般公共预算拨款收入", "金额", Decimal("9616.34"), "本年财政拨款收入") in got
    assert ("政府性基金预算拨款收入", "金额", Decimal(0), "本年财政拨款收入") in got
    assert ("财政专户管理资金收入", "金额", Decimal(0), "本年其他资金收入") in got
    assert ("本年其他资金收入", "金额", Decimal(0), None) in got


def test_counts_name_their_noun_and_amounts_of_counted_items() -> None:
    """福州市公安局治安管理支队 2026 (单位构成) and 中共上海市普陀区委社会工作部 2024 决算 (绩效管理)."""
    got = facts(
        [
            "从预算单位构成看，某局包括 9个机关行政处（科、股）室及 0 个下属单位。",
            "编报绩效目标的 2024 年度项目 1 个，涉及预算金额 175.52 万元；绩效跟踪评价的 2024 年度项目 1 个，"
            "涉及预算金额 175.52 万元。在建工程1项12277.73万元。",
        ],
        ("第一部分", "二、单位预算单位构成"),
    )
    rows = [(row, column, value) for row, column, value, _ in got]
    assert ("机关行政处（科、股）室", "数量", Decimal(9)) in rows
    assert ("下属单位", "数量", Decimal(0)) in rows
    assert ("绩效目标的项目", "预算金额", Decimal("175.52")) in rows
    assert ("绩效跟踪评价的项目", "预算金额", Decimal("175.52")) in rows
    assert ("在建工程", "数量", Decimal(1)) in rows and ("在建工程", "金额", Decimal("12277.73")) in rows


def test_the_prior_year_figure_and_a_bare_share_are_the_items() -> None:
    """无锡市交通运输局 2026 单位预算: "（去年预算数为 0 万元…）" and "…收入 196,278.67 万元，占 19.93%"."""
    got = facts(
        [
            "（3）国有资本经营预算拨款收入 32,640 万元，与上年相比增加 32,640 万元（去年预算数为 0 万元，无法计算增减比率）。",
            "本年一般公共预算收入 196,278.67 万元，占 19.93%；实现轨道交通站点150米内城市公交站点覆盖率95%。",
        ]
    )
    rows = [(row, column, value) for row, column, value, _ in got]
    assert ("国有资本经营预算拨款收入", "比2025年增减", Decimal(32640)) in rows
    assert ("国有资本经营预算拨款收入", "2025年预算数", Decimal(0)) in rows
    assert ("本年一般公共预算收入", "比例", Decimal("19.93")) in rows
    assert ("实现轨道交通站点150米内城市公交站点覆盖率", "比例", Decimal(95)) in rows  # "150米内" qualifies


def test_a_rate_named_as_a_noun_is_the_items_rate_of_change() -> None:
    """西安市民政局 2021 部门预算 (p.33): "较上年减少 33.76 万元,降幅 52.06%" — the rate printed, not a 降幅 item."""
    text = "2021年本部门当年一般公共预算“三公”经费预算支出 31.08 万元，较上年减少 33.76 万元,降幅 52.06%。"
    got = facts([text], ("第三部分 其他说明情况", "六、部门预算“三公”经费等情况说明"), department="西安市民政局")
    rates = [(column, value) for row, column, value, _ in got if column.endswith("增长率")]
    assert rates == [("比2025年增长率", Decimal("-52.06"))]
    assert not [row for row, *_ in got if row == "降幅"]


def test_a_bound_that_ends_its_clause_is_the_figures_own() -> None:
    """西安市发展和改革委员会 2019 部门综合预算 (p6, p9, p18): targets stated with a bound, 万亿元 and 亿斤;
    a bound inside a noun phrase ("100 万元以上的设备") stays a threshold, no figure."""
    got = facts(
        [
            "全委经济社会发展的主要预期目标是：全市生产总值增长 7.8%以上；全社会固定资产投资增长 7%以上，"
            "其中民间投资增长 10%；服务业增加值增长 8%左右，占 GDP 比重达到61%以上。",
            "策划包装的基础设施项目总投资不少于 1.5 万亿元。轮换市级储备小麦 2.1 亿斤、食油植物油 2 万吨。",
            "单位价值 100 万元以上的设备 118 台（套）。",
        ],
        ("第一部分", "二、2019年部门主要工作任务"),
    )
    rows = [(row, column, value) for row, column, value, _ in got]
    assert ("全市生产总值增长", "比例（以上）", Decimal("7.8")) in rows
    assert ("服务业增加值增长", "比例（左右）", Decimal("8")) in rows
    assert ("占GDP比重", "比例（以上）", Decimal("61")) in rows
    assert ("策划包装的基础设施项目总投资", "金额（不少于）", Decimal("1.5")) in rows
    assert ("轮换市级储备小麦", "数量", Decimal("2.1")) in rows
    assert not [r for r in rows if r[2] == Decimal("7.8") and "增长率" in r[1]]  # a target, no change
    assert not [r for r in rows if r[2] == 100]  # the threshold
    assert ("单位价值100万元以上的设备", "数量", Decimal("118")) in rows


# Xi'an 2019 部门综合预算 (西安市发展和改革委员会), "（六）“三公”经费等预算情况", as the PDF reader gives it: the
# heading runs into the sentence, and each change's rate is printed in brackets after it.
XIAN = [
    "（六）“三公”经费等预算情况 2019 年本部门一般公共预算“三公”经费及会议费、培训费预算支出共 263.72 万元，其中：",
    "1、“三公”经费预算 18.6 万元，按照财政预算定额标准编报，较上年减少 24.5 万元（43%），减少的主要原因是严格"
    "执行公务接待管理办法；其中：因公出国（境）经费 0 万元，预算未做安排；公务接待费 8.6 万元，较上年增加 1.5 万元"
    "（1.21%），主要原因工作任务增加。",
    "2、会议费预算 174.6 万元，较上年预算增加 151.6 万元。",
]


def test_a_rate_in_brackets_after_a_change_is_that_change_s_rate() -> None:
    got = facts(XIAN, department="西安市发展和改革委员会", trail=("七、2019年部门预算收支说明",))
    got = [(r, c, v) for r, c, v, _ in got]
    assert ("“三公”经费", "比2025年增长率", Decimal(-43)) in got  # the sign of 减少
    assert ("公务接待费", "比2025年增长率", Decimal("1.21")) in got
    assert not [r for r, *_ in got if not r.strip("（）()")]  # "）" is no item


def test_a_quoted_run_in_heading_is_no_part_of_the_item() -> None:
    got = facts(XIAN, department="西安市发展和改革委员会", trail=("七、2019年部门预算收支说明",))
    parents = {r: p for r, c, _, p in got if c == "金额"}
    whole = "一般公共预算“三公”经费及会议费、培训费预算支出"
    assert whole in parents and parents["“三公”经费"] == whole and parents["会议费"] == whole
    assert parents["公务接待费"] == "“三公”经费"


def test_unchanged_binds_to_the_figure_just_before_it() -> None:
    """福州市公安局治安管理支队 2026: "其中：公务用车运行费 25.31 万元，与上年持平；公务用车购置费 0.00 万元，与上年持平"."""
    got = facts(
        [
            "（三）公务用车购置及运行费",
            "2026 年预算安排 25.31 万元，其中：公务用车运行费 25.31 万元，与上年持平；公务用车购置费 0.00 万元，与上年持平。",
        ]
    )
    changes = {(r, v) for r, c, v, _ in got if c == "比2025年增减"}
    assert changes == {("公务用车运行费", Decimal(0)), ("公务用车购置费", Decimal(0))}


def test_no_units_under_the_department_is_a_count_of_none() -> None:
    """无锡市交通运输局 2026 单位预算: "本单位无下属单位。"."""
    assert ("下属单位", "数量", Decimal(0), None) in facts(["单位内设办公室、财务处等处室。本单位无下属单位。"])


def test_figures_listed_after_a_figure_s_colon_are_its_parts_and_a_later_qizhong_is_of_the_whole() -> None:
    # 重庆市水利局 2026 五、其他重要事项的情况说明 (第7–8页), as printed
    text = (
        "2026 年重庆市水利局所属各预算单位政府采购预算总额 11884.37 万元：政府采购货物预算2703.49 万元、政府采购工程"
        "预算 239.56 万元、政府采购服务预算 8941.32 万元；其中一般公共预算拨款政府采购 11307.34 万元：政府采购货物"
        "预算 2703.19 万元、政府采购工程预算 239.56 万元、政府采购服务预算 8364.59 万元。"
    )
    got = facts([text], ("重庆市水利局2026年部门预算情况说明", "五、其他重要事项的情况说明"), "重庆市水利局")
    whole = "所属各预算单位政府采购预算总额"
    assert ("政府采购服务", "金额", Decimal("8941.32"), whole) in got
    assert ("一般公共预算拨款政府采购", "金额", Decimal("11307.34"), whole) in got  # never a part of 政府采购服务
    assert ("政府采购服务", "金额", Decimal("8364.59"), "一般公共预算拨款政府采购") in got


def test_the_heading_s_item_said_again_after_its_fund_is_the_heading_s() -> None:
    """重庆市水利局 2026: "（一）机关运行经费。2026 年一般公共预算财政拨款运行经费 2115.63 万元，比 2025 年增加 1.05 万元"."""
    got = facts(["（一）机关运行经费。2026 年一般公共预算财政拨款运行经费 2115.63 万元，比 2025 年增加 1.05 万元。"])
    assert ("一般公共预算财政拨款机关运行经费", "金额", Decimal("2115.63"), None) in got  # the fund kept
    assert ("一般公共预算财政拨款机关运行经费", "比2025年增减", Decimal("1.05"), None) in got


def test_the_words_that_count_off_reasons_are_no_part_of_the_item() -> None:
    # 西安市发展和改革委员会 2019 七、"…原因为：一是新增城乡居民煤改洁奖补资金 75000 万元，二是新增服务业发展专项资金 44000 万元"
    got = facts(
        ["项目支出增加，原因为：一是新增城乡居民煤改洁奖补资金75000万元，二是新增服务业发展专项资金44000万元。"]
    )
    rows = {row for row, *_ in got}
    assert {"新增城乡居民煤改洁奖补资金", "新增服务业发展专项资金"} <= rows
    assert not any(r.startswith(("一是", "二是")) for r in rows)


def test_a_whole_after_a_semicolon_lists_its_own_parts() -> None:
    """西安市发展和改革委员会 2019 部门预算 p21: 实有人员 is no part of 人员编制; it heads its own list."""
    got = facts(
        [
            "截止 2018 年底，本部门人员编制 138 人，其中：行政编制 118 人、事业编制 20 人；实有人员 138 人，其中："
            "行政 120 人、事业 18 人。",
            "2019 年本部门财政拨款收入 203091.65 万元，其中一般公共预算拨款收入 203091.65 万元，2019 年本部门财政"
            "拨款收入较上年增加 69010.99 万元；2019 年本部门财政拨款支出 203091.65 万元、其中一般公共预算拨款支出 "
            "203091.65 万元。",
        ]
    )
    parents = {row: parent for row, column, _, parent in got if column in {"金额", "数量"}}
    assert [parents[r] for r in ("行政编制", "事业编制", "实有人员", "行政", "事业")] == [
        "人员编制", "人员编制", None, "实有人员", "实有人员",
    ]  # fmt: skip
    assert [parents[r] for r in ("一般公共预算拨款收入", "财政拨款支出", "一般公共预算拨款支出")] == [
        "财政拨款收入", None, "财政拨款支出",
    ]  # fmt: skip


def test_figures_after_baokuo_are_items_side_by_side() -> None:
    """福州市公安局治安管理支队 2026 单位预算 p2: 0 个下属单位 is no part of 9 个机关行政处（科、股）室."""
    got = facts(
        [
            "从预算单位构成看，福州市公安局治安管理支队包括 9 个机关行政处（科、股）室及 0 个下属单位，其中：列入 "
            "2026 年单位预算编制范围的单位详细情况见下表:"
        ],
        ("第一部分 单位概况", "二、单位预算单位构成"),
    )
    assert [(row, value, parent) for row, column, value, parent in got if column == "数量"] == [
        ("机关行政处（科、股）室", Decimal(9), None),
        ("下属单位", Decimal(0), None),
    ]


def test_the_figure_a_change_is_stated_against_with_no_measure_named() -> None:
    """西安市民政局 2021 部门预算 p19: "较上年的 7.80 万元" is 2020's figure, not an item called 较上年; 当年 is no part
    of the item's name (the answer's "一般公共预算会议费预算支出" must find it)."""
    got = facts(
        [
            "2021 年本部门当年一般公共预算会议费预算支出 29.92 万元，较上年的 7.80 万元增加 22.12 万元，增幅 283.59%，"
            "主要原因是局机关增加会议预算支出。"
        ],
        ("第三部分 其他说明情况", "六、“三公”经费等预算情况"),
        "西安市民政局",
    )
    item = "一般公共预算会议费预算支出"
    assert [(row, column, value) for row, column, value, _ in got] == [
        (item, "金额", Decimal("29.92")),
        (item, "2025年金额", Decimal("7.80")),
        (item, "比2025年增减", Decimal("22.12")),
        (item, "比2025年增长率", Decimal("283.59")),
    ]


def test_a_list_word_standing_alone_lists_the_numbered_items_parts() -> None:
    """西安市民政局 2021 部门预算 p16: the ① items after "。其中：" are 进修及培训's, not 专项业务经费's."""
    got = facts(
        [
            "（1）进修及培训（20508）102.32 万元，较上年增加 102.32 万元，主要原因是将培训费在该科目中列支。具体为："
            "人员经费 0.00 万元，较上年无变化；公用经费 28.32 万元，较上年增加 28.32 万元；专项业务经费 74.00 万元，"
            "较上年增加 74.00 万元，主要原因是将培训费在该科目中列支。其中：",
            "①培训支出（2050803）102.32 万元，较上年增加 102.32 万元，主要原因是将培训费在该科目中列支。",
        ],
        ("第二部分 收支情况", "一、一般公共预算支出"),
        "西安市民政局",
    )
    parents = {row: parent for row, column, _, parent in got if column == "金额"}
    assert parents["①培训支出（2050803）"] == "进修及培训（20508）"


def test_a_paragraph_opening_with_an_aside_is_no_item_of_the_list_before_it() -> None:
    """西安市民政局 2021 部门预算 p18: "另外，…较上年减少 23,000.00 万元" after 住房改革支出's ①②."""
    got = facts(
        [
            "（10）住房改革支出（22102）684.97 万元，较上年减少 762.78 万元，主要原因是调整科目。其中：",
            "①住房公积金（2210201）498.61 万元，较上年减少 757.92 万元，主要原因是调整科目。",
            "②购房补贴（2210203）186.36 万元，较上年减少 4.86 万元，主要原因是新进人员。",
            "另外，由于按照专项资金管理要求，将最低生活保障和特困人员供养一并纳入社会救助资金管理，上述两个科目在"
            " 2021 年部门预算中不再反映，较上年减少 23,000.00 万元。",
        ],
        ("第二部分 收支情况", "一、一般公共预算支出"),
        "西安市民政局",
    )
    assert [(row, value) for row, column, value, parent in got if parent == "住房改革支出（22102）"] == [
        ("①住房公积金（2210201）", Decimal("498.61")),
        ("②购房补贴（2210203）", Decimal("186.36")),
    ]


def test_the_verb_that_arranges_a_figure_is_no_part_of_the_item() -> None:
    """西安市财政局 2026 p21: "机关运行经费预算安排452.54万元，较上年增加5.48万元": the item is 机关运行经费."""
    got = facts(["2026年本部门机关运行经费预算安排452.54万元，较上年增加5.48万元，增长1.23%。"])
    assert ("机关运行经费", "金额", Decimal("452.54"), None) in got
    assert ("机关运行经费", "比2025年增减", Decimal("5.48"), None) in got


def test_a_count_is_of_the_noun_after_it_up_to_the_next_joined_noun() -> None:
    """西安市发展和改革委员会 2019 (p4): "内设 28 个处（室）和市招投标管理办公室" counts 处室, as others print it."""
    trail = ("西安市发展和改革委员会", "一、西安市发改委主要职责及机构设置")
    got = facts(["西安市发改委内设 28 个处（室）和市招投标管理办公室、市经济动员办公室。"], trail)
    assert ("处室", "数量", Decimal(28), None) in got


def test_a_target_in_ten_thousand_persons_keeps_its_bound() -> None:
    """无锡市人力资源和社会保障局 2026 (p7): "全年城镇新增就业 13 万人以上。" — 13 万人, bound 以上."""
    trail = ("第一部分 部门概况", "二、2026年主要工作任务")
    got = facts(["推进政策、服务、监测高效联动，全年城镇新增就业 13 万人以上。一是积极构建就业友好型发展方式。"], trail)
    assert ("全年城镇新增就业", "数量（以上）", Decimal(13), None) in got
