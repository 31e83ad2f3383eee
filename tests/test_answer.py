"""End-to-end answers on the sample and the second disclosure, through the engine and `budgetqa ask/verify`."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.cli import main
from tests.conftest import ROOT

D = Decimal


@pytest.mark.parametrize(
    ("question", "value", "unit", "in_text"),
    [
        ("科协今年总共要花多少钱？", D(4997), "万元", "4,997 万元"),
        ("科协2060702科普活动这个科目多少？", D(2564), "万元", "表1 收支总表"),
        ("科协人头经费今年多少", D(695), "万元", "人员支出为 695 万元"),
        ("科协2021年招待费预算是多少？", D(1), "万元", "表8 一般公共预算“三公”经费支出表"),
        (
            "科协项目支出占总支出多少？",
            D("80.51"),
            "%",
            "计算：项目支出 4,023 万元 ÷ 支出总计 4,997 万元 × 100% = 80.51%",
        ),
        ("科协去年的预算总额是多少", D(4519), "万元", "计算：2022年 4,997 万元 − 比2021年增减 478 万元 = 4,519 万元"),
        ("科协科普能力提升项目比去年少了多少钱", D(860), "万元", "比2021年减少 860 万元"),
        (
            "科协科普能力提升项目降幅精确到两位小数是多少？",
            D("52.76"),
            "%",
            "(770 万元 − 1,630 万元) ÷ 1,630 万元 × 100% = -52.76%",
        ),
        (
            "科协招待费加上公车运行维护费，一共多少？",
            D(5),
            "万元",
            "公务接待费 1 万元 + 公务用车运行维护费 4 万元 = 5 万元",
        ),
        ("科协按在编人数算，人均人头经费是多少万？", D("49.64"), "万元", "695 万元 ÷ 行政编制实有在编人数 14 人"),
        ("科协院士专家工作站今年计划新增几家？", D(12), "家", "目标值为 12家"),
        ("科协观众满意度目标是多少", D(90), "%", "≥90%"),
    ],
)
def test_numeric_answers(engine: Engine, question: str, value: Decimal, unit: str, in_text: str) -> None:
    a = engine.answer(question)
    assert not a.refused, a.text
    assert (a.value, a.unit) == (value, unit)
    assert in_text in a.text
    assert a.text.startswith("2022年深圳市科学技术协会（本级）") or a.text.startswith("2021年")
    assert "出处：" in a.text and a.citations
    assert a.figures and all(f.verdict in ("verified", "derived") for f in a.figures)


def test_text_answers_quote_the_disclosure(engine: Engine) -> None:
    why = engine.answer("科协学会能力提升项目为什么一下子涨了这么多？")
    assert "科创中国" in why.text and "院士专家工作站" in why.text and why.text.startswith("据第三部分")
    assert why.citations[0].where.startswith("第三部分 部门预算支出具体情况")
    define = engine.answer("科协基本支出是什么意思？")
    assert "保障机构正常运转" in define.text and "第九部分 名词解释" in define.text


def test_breakdown_lists_items_with_amounts(engine: Engine) -> None:
    a = engine.answer("科协项目支出由哪些项目构成？")
    assert [(name, value) for name, value, _ in a.items][:2] == [
        ("信息化系统运行维护", D(33)),
        ("学会能力提升和学术交流促进项目", D(1920)),
    ]
    assert len(a.items) == 8 and sum(v for _, v, _ in a.items) == D(4023)
    codes = engine.answer("科协科学技术普及下面有哪些科目？")
    assert [n for n, _, _ in codes.items] == [
        "机构运行",
        "科普活动",
        "青少年科技活动",
        "学术交流活动",
        "科技馆站",
        "其他科学技术普及支出",
    ]
    basic = engine.answer("科协基本支出974万由哪几部分组成")
    assert "核对：695 + 118 + 161 = 974" in basic.text


@pytest.mark.parametrize(
    "question",
    [
        "科协2023年预算是多少？",
        "深圳市科技创新委员会今年三公经费多少",
        "科协今年会议费具体安排了多少钱",
        "科协今年差旅费预算是多少？",
        "科协科学技术普及部有几个人",
        "科协那辆公车是什么品牌的",
        "",
    ],
)
def test_refusals_say_what_is_covered(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.refused and a.value is None
    if question:
        assert "目前可以查询：" in a.text and "2022年深圳市科学技术协会（本级）部门预算" in a.text


def test_a_question_naming_no_department_of_several_is_asked_back(engine: Engine) -> None:
    """Two departments in the store and none named: never pick one silently; the reply names them."""
    a = engine.answer("三公经费预算多少？")
    assert a.refused and a.value is None and not a.figures
    assert set(a.choices) == {"科协", "图书馆"} and "请说明要查哪个部门" in a.text
    picked = engine.answer("科协", [a])  # the reply to "which?" answers the question asked
    assert not picked.refused and picked.value == Decimal(5) and picked.unit == "万元"
    assert all(f.doc_id == picked.facts[0].doc_id for f in picked.facts)


def test_follow_ups(engine: Engine) -> None:
    first = engine.answer("科协今年三公经费预算多少？")
    then = engine.answer("那2021年呢？", [first])
    assert (first.value, then.value) == (D(5), D(5)) and then.text.startswith("2021年")
    total = engine.answer("科协项目支出今年安排了多少？")
    share = engine.answer("占比呢？", [total])
    assert share.value == D("80.51")
    project = engine.answer("科协科普能力提升项目今年多少钱？")
    assert engine.answer("其中科普活动工作多少？", [project]).value == D(400)
    assert engine.answer("比去年少了多少？", [project]).value == D(860)
    a, b = engine.answer("科协招待费多少？"), None
    b = engine.answer("公车运维呢？", [a])
    assert engine.answer("两项加起来多少？", [a, b]).value == D(5)


def test_second_disclosure_in_yuan(engine: Engine) -> None:
    a = engine.answer("海珠区图书馆今年项目支出多少？")
    assert (a.value, a.unit) == (D("5911230.00"), "元") and a.text.startswith("2023年广州市海珠区图书馆")
    share = engine.answer("图书馆人员支出占基本支出的比例")
    assert share.value == D("78.04")
    prior = engine.answer("图书馆文献资源购置项目去年预算多少")
    assert prior.value == D("3450000.00")
    down = engine.answer("图书馆公务接待费比去年减少了多少")
    assert (down.value, down.unit) == (D("2000.00"), "元")
    assert engine.answer("图书馆2021年预算是多少").refused


def test_every_figure_in_the_dev_answers_is_verified(engine: Engine) -> None:
    """Each figure the engine shows on the dev set checks out (verified or derived), none unknown or mismatched."""
    rows = [json.loads(line) for line in (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    sample = next(d.doc_id for d in engine.kb.docs.values() if d.year == 2022)  # the dev set is about the sample
    shown = 0
    for row in rows:
        history: list = []  # type: ignore[type-arg]
        for earlier in row.get("history", []):
            history.append(engine.answer(earlier, history, doc_id=sample))
        a = engine.answer(row["question"], history, doc_id=sample)
        bad = [(f.text, f.verdict) for f in a.figures if f.verdict not in ("verified", "derived")]
        assert not bad, (row["id"], bad, a.text)
        shown += len(a.figures)
    assert shown > 200


def run(store: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(["--store", str(store), *args], out=out), out.getvalue()


def test_ask_json_shape(store_both: Path) -> None:
    code, out = run(store_both, "ask", "科协项目支出占总支出多少？", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "question", "text", "refused", "value", "unit", "figures", "citations", "latency_ms", "choices", "rows",
        "metric", "covered", "model", "reading",
    }  # fmt: skip
    assert data["reading"]["line"] == "按：科协 · 2022年部门预算 · 项目支出 · 占支出总计的比例"
    assert data["rows"] == [] and data["covered"] == ""  # one document: no lines across documents
    assert data["model"] is None  # no language model configured
    assert (data["value"], data["unit"], data["refused"]) == (80.51, "%", False)
    assert {"text", "value", "unit", "verdict", "source", "expression"} <= set(data["figures"][0])
    assert set(data["citations"][0]) == {"doc_id", "where", "text"}
    code, out = run(store_both, "ask", "科协今年总共要花多少钱？")
    assert code == 0 and "4,997 万元" in out and "✓ 与公开文件一致" in out


def test_verify_cli(store_both: Path) -> None:
    code, out = run(store_both, "verify", "2022年项目支出4,023万元，占支出总计的80.51%。", "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True
    assert [f["verdict"] for f in data["figures"]] == ["verified", "derived"]
    code, out = run(store_both, "verify", "2022年项目支出4,203万元。", "--json")
    data = json.loads(out)
    assert data["ok"] is False and data["figures"][0]["expected"] == 4023
    code, out = run(store_both, "verify", "部门预算比2021年增长10.85%。")
    assert "✗ 与公开文件不符  10.85%：公开文件为 10.58%" in out


@pytest.mark.parametrize(
    "question, period", [("科协第三季度支出是多少？", "第三季度"), ("科协2022年1至6月份项目支出多少", "1至6月份")]
)
def test_a_period_the_budget_does_not_print_is_refused_by_name(engine: Engine, question: str, period: str) -> None:
    """A budget prints the year: "第三季度支出" is never answered with the year's 支出合计 (4,997 万元)."""
    a = engine.answer(question)
    assert a.refused and f"“{period}”" in a.text and "4,997" not in a.text
    assert engine.answer("科协2022年支出是多少？").value == Decimal("4997")
