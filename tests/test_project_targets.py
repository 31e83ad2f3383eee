"""Targets and per-head figures printed as items of their own, asked in a person's words (assistant/target_said.py,
assistant/per_capita.py, assistant/project_indicator.py)."""

from dataclasses import replace
from decimal import Decimal

import pytest

from assistant.knowledge import Knowledge
from assistant.per_capita import printed_per_head
from assistant.project_indicator import indicator_of_project, project_of
from assistant.target_said import cues, printed_as_target, target_said, without_target_words
from assistant.understand import PER_HEAD
from index.records import DocumentInfo, Fact

_WANLI = "财政项目支出绩效目标填报表"
_FZ = "民警法定工作日之外加班补贴项目绩效目标表 · 民警法定工作日之外加班补贴"


def _doc(department: str) -> DocumentInfo:
    return DocumentInfo(doc_id="d", title=f"2026年{department}预算", department=department, year=2026, kind="预算",
                        unit="万元", filename="d.pdf", n_facts=0, ingested_at="")  # fmt: skip


def _fact(row: str, column: str, value: str, unit: str, source: str, table: str | None = "表") -> Fact:
    return Fact(doc_id="d", department="某局", year=2026, table=table, section=None, row=row, code=None,
                column=column, value=Decimal(value), unit=unit, source=source)  # fmt: skip


def test_a_text_figure_printed_with_its_bound_is_said_with_it() -> None:
    """西安市发展和改革委员会 2019 (p8) "争取中省投资总额不少于 10.4 亿元"; 无锡市人社局 2026 (p7) "13 万人以上"."""
    invest = _fact("全委争取中省投资总额", "金额（不少于）", "10.4", "亿元", "二、2019年部门主要工作任务 · 「…」", None)
    jobs = _fact("全年城镇新增就业", "数量（以上）", "13", "万人", "二、主要工作任务 · 「…」", None)
    plain = _fact("投资处", "金额", "5", "亿元", "二、2019年部门主要工作任务 · 「…」", None)
    assert target_said(invest) == "不少于 10.4 亿元" and target_said(jobs) == "13 万人以上"
    assert target_said(plain) == "5 亿元"
    assert printed_as_target([invest], 0) and printed_as_target([jobs], 0)
    assert not printed_as_target([plain], 0) and printed_as_target([plain], 1)  # a 绩效 indicator of it


@pytest.mark.parametrize("word", cues()["target_nouns"])
def test_the_words_asking_a_target_are_not_the_item(word: str) -> None:
    assert without_target_words(f"争取中省投资的{word}是多少").replace(" ", "") == "争取中省投资的是多少"
    assert "目标" not in without_target_words(cues()["target_nouns_example"])


def test_a_per_head_item_printed_is_answered_without_a_division() -> None:
    """福州市公安局治安管理支队 2026 (p30): 人均补贴标准 =710元/人月 is asked "加班补贴的人均标准是多少"."""
    facts = [
        _fact("人均补贴标准", "目标值", "710", "元/人月", f"{_FZ} · 成本/经济成本 · 人均补贴标准 · 目标值 =710元/人月"),
        _fact("发放的民警人数", "目标值", "64", "人", f"{_FZ} · 产出/数量 · 发放的民警人数 · 目标值 ≥64人"),
    ]
    doc = _doc("福州市公安局治安管理支队")
    kb = Knowledge([doc], facts, [], {"d": ""})
    assert printed_per_head(kb, "民警法定工作日之外加班补贴的人均标准是多少？", doc, PER_HEAD) == "人均补贴标准"
    assert printed_per_head(kb, "在职人员人均经费是多少？", doc, PER_HEAD) is None  # a division, no printed item
    assert printed_per_head(kb, "补贴标准是多少？", doc, PER_HEAD) is None  # no per-head word asked


def test_an_indicator_is_found_among_the_indicators_of_the_project_named() -> None:
    """上海市普陀区万里街道 2023 (p32): 就业援助基地补贴's 补贴对象满意度 ≥80.00(%) asked "满意度指标"."""
    src = f"{_WANLI} · 就业援助基地补贴 · 满意度/服务对象满意度"
    other = f"{_WANLI} · 各类工作经费 · 满意度/服务对象满意度"
    facts = [
        _fact("补贴对象满意度", "目标值", "80", "%", f"{src} · 补贴对象满意度 · 目标值 ≥80.00(%)"),
        _fact("居民满意度", "目标值", "90", "%", f"{other} · 居民满意度 · 目标值 ≥90.00(%)"),
    ]
    kb = Knowledge([_doc("万里街道办事处")], facts, [], {"d": ""})
    assert project_of(facts[0].source) == "就业援助基地补贴"
    found = indicator_of_project(kb, "就业援助基地补贴的满意度", ["d"])
    assert found is not None and found.label.key == "补贴对象满意度"
    assert indicator_of_project(kb, "就业援助基地补贴的完成率", ["d"]) is None  # none of its indicators
    assert indicator_of_project(kb, "满意度", ["d"]) is None  # no project named


def test_a_project_named_whole_with_a_score_asked_is_answered_by_its_indicator() -> None:
    """烟台市审计局 2026 (p24, p31): 烟台市智慧审计平台等保测评服务 4.50万元 (表11) and its indicator 系统等保测评评分
    ≥60分; a score asked of the project is the indicator's, its money only when money is asked."""
    from assistant.knowledge import Link
    from assistant.project_indicator import indicator_instead

    name = "烟台市智慧审计平台等保测评服务"
    src = f"政策和项目预算绩效目标表 · {name} · 产出/质量"
    facts = [
        _fact(name, "财政拨款", "4.5", "万元", f"表11 项目支出预算情况表 · {name} · 财政拨款"),
        _fact("系统等保测评评分", "目标值", "60", "分", f"{src} · 系统等保测评评分 · 目标值 ≥60分"),
        _fact("测评报告数量", "目标值", "1", "份", f"{src} · 测评报告数量 · 目标值 =1份"),
    ]
    printed = f"{name} 4.50 系统等保测评评分 ≥60分 测评报告数量 =1份"  # the document's text (bigrams seen)
    kb = Knowledge([_doc("烟台市审计局")], facts, [], {"d": printed})
    project = Link(label=kb.labels[name], score=1.0, exact=True)
    asked = f"{name}的系统评分要求是多少？"
    found = indicator_instead(kb, project, f"{name}的系统评分要求", ["d"], asked)
    assert found is not None and found.label.key == "系统等保测评评分"
    money = f"{name}的财政拨款是多少？"
    assert indicator_instead(kb, project, f"{name}的财政拨款", ["d"], money) is None  # its money answers
    other = Link(label=kb.labels["系统等保测评评分"], score=1.0, exact=True)
    assert indicator_instead(kb, other, f"{name}的系统评分要求", ["d"], asked) is None  # already an indicator


def test_the_form_of_a_project_is_the_one_whose_amount_the_question_states() -> None:
    """烟台市审计局 2026 (p30, p32, p34): three projects called 审计业务经费 (31, 539 and 18 万元), each with its form;
    "539万元那个审计业务经费，促进增收节支的目标" is p32's 审计促进增收节支金额 ≥1.07亿元. An indicator whose name is
    printed on another form too is never read from the one stated (its figure could be the other's)."""
    from assistant.knowledge import Link
    from assistant.project_indicator import indicator_instead

    name = "审计业务经费"
    facts = []
    for page, total, row, value, unit in (
        (30, "31", "促进增收节支金额", "100", "万元"),
        (32, "539", "审计促进增收节支金额", "1.07", "亿元"),
        (34, "18", "促进增收节支金额", "100", "万元"),
    ):
        form = _fact(name, "总额", total, "万元", f"绩效目标表 · {name} · 总额")
        target = _fact(
            row, "目标值", value, unit, f"绩效目标表 · {name} · 效益/经济效益 · {row} · 目标值 ≥{value}{unit}"
        )
        facts += [
            replace(form, page=page, table_kind="performance"),
            replace(target, page=page, table_kind="performance"),
        ]
        facts.append(_fact(name, "合计", total, "万元", f"表11 项目支出预算情况表 · {name} · 合计"))
    printed = f"{name} 审计促进增收节支金额 ≥1.07亿元 促进增收节支金额 ≥100万元"
    kb = Knowledge([_doc("烟台市审计局")], facts, [], {"d": printed})
    project = Link(label=kb.labels[name], score=1.0, exact=True)
    content = f"烟台审计局 万元 {name} 促进增收节支的目标是"

    def asked(amount: str) -> str | None:
        question = f"烟台审计局{amount}那个{name}，促进增收节支的目标是多少？"
        found = indicator_instead(kb, project, content, ["d"], question)
        return found.label.key if found else None

    assert asked("539万元") == "审计促进增收节支金额"
    assert asked("18万元") is None  # 促进增收节支金额 is printed on p30 too
    assert asked("") is None  # no form stated: the indicators of all three tie
