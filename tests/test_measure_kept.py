"""The measure a question asks kept to the answer (assistant/measure_kept.py): each entry of measure_kept.toml
is read from its example and leaves its not_example alone; a figure of another measure is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant import measure_kept as mk
from assistant.records import Answer
from index.records import Fact

ASKED = {
    "rate": mk.rate_asked,
    "change": mk.change_asked,
    "date": mk.date_asked,
    "count": mk.count_asked,
    "count_noun": mk.count_asked,
    "money": mk.money_asked,
    "items": mk.items_asked,
    "score": mk.score_asked,
}


@pytest.mark.parametrize("entry", sorted(ASKED))
def test_every_entry_reads_its_example(entry: str) -> None:
    c = mk.cues()[entry]
    assert ASKED[entry](c["example"])
    assert not ASKED[entry](c["not_example"])


def test_a_count_asked_as_a_number_of_things() -> None:
    c = mk.cues()["count_noun"]
    assert mk.count_asked(c["example_number"])
    assert not mk.count_asked(c["not_example_number"])


def _fact(row: str, column: str, value: str, unit: str) -> Fact:
    return Fact(
        doc_id="wuxi-renshe-2026", department="无锡市人力资源和社会保障局", year=2026, table=None,
        section="第三部分 2026年度部门预算情况说明", row=row, code=None, column=column, value=Decimal(value),
        unit=unit, source=f"第三部分 · {row} · {column}",
    )  # fmt: skip


LEVEL = _fact("一般公共预算财政拨款支出", "金额", "152585.76", "万元")
CHANGE = _fact("公务用车购置预算支出", "比2025年增减", "17.98", "万元")
COUNT = _fact("车辆", "数量", "6", "辆")


def test_a_change_asked_is_never_the_years_level() -> None:
    q = "无锡人社局2026年一般公共预算财政拨款支出减了多少？"
    assert mk.unkept(q, "万元", [LEVEL], computed=False)
    assert mk.unkept("无锡人社局2026年公务用车购置费涨了多少？", "万元", [CHANGE], computed=False) is None
    assert mk.unkept("无锡人社局2026年一般公共预算财政拨款支出是多少？", "万元", [LEVEL], computed=False) is None


def test_a_rate_a_date_and_a_count_are_never_an_amount() -> None:
    assert mk.unkept("西安市民政局2021年会议费增长幅度是多少？", "元", [LEVEL], computed=False)
    assert mk.unkept("西安市民政局2021年会议费增长幅度是多少？", "%", [], computed=False) is None
    assert mk.unkept("烟台审计局那个智慧审计平台等保测评要求几月前完成？", "万元", [LEVEL], computed=False)
    assert mk.unkept("How many vehicles did the Xi'an Civil Affairs Bureau have?", "元", [LEVEL], computed=False)
    assert mk.unkept("无锡人社局有几辆车？", "辆", [COUNT], computed=False) is None
    score = "烟台市智慧审计平台等保测评服务的系统评分要求是多少？"
    assert mk.unkept(score, "万元", [LEVEL], computed=False)
    assert mk.unkept(score, "分", [], computed=False) is None


def test_an_english_money_question_is_never_a_count() -> None:
    q = "How much did Wuxi's human resources and social security bureau budget for vehicle purchase in 2026?"
    counted = Answer(question=q, text="2026年无锡市人力资源和社会保障局车辆为 6 辆。", refused=False,
                     value=Decimal(6), unit="辆", facts=[COUNT])  # fmt: skip
    refused = mk.kept(q, counted)
    assert refused.refused and "金额" in refused.text
    paid = Answer(question=q, text="…17.98 万元", refused=False, value=Decimal("17.98"), unit="万元", facts=[CHANGE])
    assert mk.kept(q, paid) is paid


def test_a_precision_asked_is_no_count() -> None:
    assert not mk.count_asked("科协科普能力提升项目降幅精确到两位小数是多少？")


@pytest.mark.parametrize("word", mk.cues()["items"]["verbs"] + mk.cues()["items"]["asks"])
def test_what_was_bought_is_never_an_amount(word: str) -> None:
    """r11c179: "政府采购的货物买的是什么" is answered by the items (复印纸), never the 总计 112.90 万元."""
    c = mk.cues()["items"]
    verb = word if word in c["verbs"] else "买"
    ask = word if word in c["asks"] else "什么"
    question = f"无锡交通局政府采购的货物{verb}的是{ask}？"
    assert mk.items_asked(question)
    assert mk.unkept(question, "万元", [], computed=False) is not None
    assert mk.unkept(f"无锡交通局政府采购{verb}了多少万元？", "万元", [], computed=False) is None
    assert mk.items_asked("What did the Wuxi Transport Bureau buy through government procurement in 2026?")
