"""A target said with its printed comparator; a figure a question states for a target checked; a score column
ranked (assistant/target_said.py, assistant/column_ranked.py)."""

from decimal import Decimal

import pytest

from assistant.column_ranked import column_rows
from assistant.target_said import comparator, cues, target_denied, target_said, target_unasked
from index.catalog import count_unit
from index.records import Fact

_CQ = "表11 2026年市级重点专项资金绩效目标表（一级项目） · 水库移民后期扶持 · / · 移民对后期扶持政策实施满意度"
_FS = "第三部分 佛山市轨道交通局2019年部门决算情况说明 · 表格"


def _fact(row: str, column: str, value: str, unit: str, source: str) -> Fact:
    return Fact(doc_id="d", department="重庆市水利局", year=2026, table="表11", section=None, row=row, code=None,
                column=column, value=Decimal(value), unit=unit, source=source)  # fmt: skip


def test_a_target_is_said_with_its_printed_comparator() -> None:
    """重庆市水利局 2026 表11 (p31) 目标值 ≥90%, 表12 (p33) 指标值 ≥50次数; a plain amount has none."""
    satisfied = _fact("移民对后期扶持政策实施满意度", "目标值", "90", "%", f"{_CQ} · 目标值 ≥90%")
    reports = _fact("发布重要水情专报", "指标值", "50", "次数", "表12 … · 发布重要水情专报 · 指标值 ≥50次数")
    amount = _fact("水利行业业务经费", "当年财政拨款预算金额", "14299.16", "万元", "表12 … · 预算金额")
    assert (comparator(satisfied), target_said(satisfied)) == ("≥", "≥90%")
    assert target_said(reports) == "≥50 次数"
    assert comparator(amount) == "" and target_said(amount) == "14,299.16 万元"


def test_a_figure_stated_for_a_target_it_is_not_is_denied() -> None:
    """ "移民对后期扶持政策的满意度目标是不是80%？" — the table prints ≥90%: 不是."""
    satisfied = _fact("移民对后期扶持政策实施满意度", "目标值", "90", "%", f"{_CQ} · 目标值 ≥90%")
    asked = "移民对后期扶持政策的满意度目标是不是80%？"
    assert target_denied(asked, [satisfied], Decimal(90), "%") == "不是。"
    assert target_denied("满意度目标是90%吗？", [satisfied], Decimal(90), "%") == ""  # the printed one
    assert target_denied("满意度目标是多少？", [satisfied], Decimal(90), "%") == ""  # none stated
    money = _fact("水利行业业务经费", "预算数", "90", "万元", "表5 · 预算数")
    assert target_denied("预算是不是80万元？", [money], Decimal(90), "万元") == ""  # no target: the verifier's


def test_a_score_column_is_in_points() -> None:
    """佛山市轨道交通局 2019 决算 (p29): 项目名称 | 自评分数 — 96.53 分, never 万元 (index/catalog.toml counts)."""
    assert count_unit("自评分数") == "分" and count_unit("得分") == "分" and count_unit("评分") == "分"
    assert count_unit("指标权重") is None and count_unit("预算数") is None


def test_a_question_naming_a_score_column_ranks_its_rows() -> None:
    """ "绩效自评得分最低的是哪个项目" ranks 自评分数 (自评 and 得分 → 分); amounts and unnamed columns are not read."""
    scores = [
        _fact(name, "自评分数", v, "分", f"{_FS} · {name} · 自评分数")
        for name, v in [("质量抽检和试验检测管理", "100"), ("2019年度聘请专家人员经费", "96.53"), ("佛山市轨道交通局开办经费", "97.87")]
    ]  # fmt: skip
    money = [_fact("佛山市轨道交通局开办经费", "决算数", "300", "万元", "表3 · 开办经费 · 决算数")]
    rows = column_rows(scores + money, "佛山轨道交通局绩效自评得分")
    assert rows is not None and min(rows, key=lambda f: f.value).row == "2019年度聘请专家人员经费"
    assert column_rows(scores, "佛山轨道交通局得分") is None  # the unit alone names no column
    assert column_rows(scores[:1], "绩效自评得分") is None  # one row: no ranking


# --- a target never answers what is held (target_unasked, target_said.toml) ---


def _target(row: str, value: str, unit: str, project: str) -> Fact:
    return Fact(
        doc_id="d",
        section=None,
        code=None,
        department="某区交通局",
        year=2026,
        table="项目支出绩效目标表",
        row=row,
        column="目标值",
        value=Decimal(value),
        unit=unit,
        source=f"项目支出绩效目标表 · {project} · 产出/数量 · {row} · 目标值 ≥{value}{unit}",
    )


VEHICLES = _target("租赁办公车辆数", "1", "辆", "公务用车租赁经费")
HELD = Fact(
    doc_id="d", section="文字说明", code=None, department="某区交通局", year=2026, table=None, row="车辆", column="", value=Decimal(5), unit="辆",
    source="文字说明 · 本部门共有车辆5辆",
)  # fmt: skip


@pytest.mark.parametrize("word", cues()["held"])
def test_a_target_never_answers_what_is_held(word: str) -> None:
    # held-out kind: "How many vehicles does … have?" answered "租赁办公车辆数 ≥1", the text printing 共有车辆5辆
    reason = target_unasked(f"某区交通局车辆{word}辆？", [VEHICLES])
    assert "绩效目标" in reason and "租赁办公车辆数" in reason
    assert target_unasked(f"某区交通局车辆{word}辆？", [HELD]) == ""  # the count the text prints answers


@pytest.mark.parametrize("word", cues()["asks_target"])
def test_a_question_asking_a_target_is_answered_by_it(word: str) -> None:
    assert target_unasked(f"某区交通局车辆数{word}有多少辆？", [VEHICLES]) == ""


def test_a_target_of_the_project_named_answers() -> None:
    assert target_unasked("公务用车租赁经费项目租赁的车辆有多少辆？", [VEHICLES]) == ""
    assert target_unasked("某区交通局租赁办公车辆数是多少？", [VEHICLES]) == ""  # no held word: the row asked
