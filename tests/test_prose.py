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


def facts(texts: list[str], trail: tuple[str, ...] = TRAIL) -> list[tuple[str, str, Decimal, str | None]]:
    section = Section(heading=trail[0], paragraphs=[Paragraph(text=t, trail=trail) for t in texts], subsections=[])
    return [
        (f.row, f.column, f.value, f.parent) for f in prose_facts([section], doc_id="x", department="某局", year=2026)
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
