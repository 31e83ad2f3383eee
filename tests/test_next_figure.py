"""A later part of ask words only is answered by the figure the first part's sentence prints next
(assistant/next_figure.py), and the parts a question is cut into (assistant/compound.py).

Figures as printed: 万里街道 2023 其他相关情况说明 四、绩效目标设置情况 (p29) "编报绩效目标的项目5个，涉及项目预算资金
3328.13万元。" then 五、"本部门流动资产448.82万元"; 佛山市轨道交通局 2019 决算 (p27) "发生国内接待1次，接待人数共13人"."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from assistant.compound import _again, _next_fits, _same_row, clauses, completed, cues, either, joined
from assistant.next_figure import answered_next, count_fits, money_fits, next_in_sentence, rate_fits
from assistant.records import Answer, Citation
from index.records import Fact

D = Decimal
S4 = "其他相关情况说明 · 四、绩效目标设置情况"


def _fact(row: str, column: str, value: str, unit: str, window: str, section: str = "其他相关情况说明") -> Fact:
    where = S4 if section == "其他相关情况说明" else f"{section} · 五、国有资产占有情况"
    return Fact(doc_id="w23", department="万里街道", year=2023, table=None, section=section, row=row, code=None,
                column=column, value=D(value), unit=unit, source=f"{where} · 「{window}」", page=29)  # fmt: skip


COUNT = _fact("绩效目标的项目", "数量", "5", "个", "3年项目预算绩效目标编报工作，编报绩效目标的项目5个")
MONEY = _fact(
    "绩效目标的项目", "项目预算资金", "3328.13", "万元", "报工作，编报绩效目标的项目5个，涉及项目预算资金3328.13万元"
)
OTHER = _fact("流动资产", "金额", "448.82", "万元", "截止2022年12月31日，本部门流动资产448.82万元")
FACTS = [COUNT, MONEY, OTHER]


def _first(f: Fact) -> Answer:
    return Answer(question="q", text="t", refused=False, value=f.value, unit=f.unit, facts=[f])


def test_the_money_of_a_count_is_the_amount_its_sentence_prints_next() -> None:
    said = answered_next("涉及多少钱", _first(COUNT), money_fits, lambda d: FACTS)
    assert said is not None and said.value == D("3328.13") and said.unit == "万元"
    assert said.figures[0].verdict == "verified" and "3,328.13 万元" in said.text
    assert said.citations[0].text.endswith("3328.13万元")


def test_no_figure_of_another_sentence_nor_of_another_unit() -> None:
    assert next_in_sentence(_first(MONEY), money_fits, lambda d: FACTS) is None  # 流动资产: the next sentence
    assert next_in_sentence(_first(COUNT), count_fits("人"), lambda d: FACTS) is None  # no 人 printed there
    change = _fact("绩效目标的项目", "比2022年增减", "12", "万元", "编报绩效目标的项目5个，比2022年增加12万元")
    assert next_in_sentence(_first(COUNT), money_fits, lambda d: [COUNT, change]) is None  # never a change
    refused = Answer(question="q", text="t", refused=True)
    assert next_in_sentence(refused, money_fits, lambda d: FACTS) is None


def test_a_count_of_its_own_unit_printed_next() -> None:
    # 佛山轨交局 2019 p27 "发生国内接待 1次，接待人数共 13人"
    times = _fact("发生国内接待", "数量", "1", "次", "来访团组 0个，来访外宾 0人次；发生国内接待 1次")
    people = _fact("接待人数", "数量", "13", "人", "访外宾 0人次；发生国内接待 1次，接待人数共 13人")
    said = answered_next("多少人", _first(times), count_fits("人"), lambda d: [times, people])
    assert said is not None and said.value == D("13") and "“发生国内接待 1次，接待人数共 13人”" in said.text


def test_only_a_part_of_ask_words_asks_the_next_figure() -> None:
    assert _next_fits("涉及多少资金？") is money_fits
    assert _next_fits("多少人") is not None and _next_fits("多少人")(MONEY, COUNT) is False  # type: ignore[misc]
    assert _next_fits("公务接待费花了多少钱") is None  # an item of its own
    assert _next_fits("占比多少") is None


CUT = [
    ("烟台审计局委托业务费财政拨款预算是多少？比上年变化？", ["烟台审计局委托业务费财政拨款预算是多少", "比上年变化"]),
    ("万里街道2023年编报绩效目标的项目有几个、涉及多少钱？", ["万里街道2023年编报绩效目标的项目有几个", "涉及多少钱"]),
    ("工资福利、商品和服务支出分别是多少？", ["工资福利、商品和服务支出分别是多少"]),  # one list's items
    ("截至2023年底，万里街道共有车辆多少辆？", ["截至2023年底，万里街道共有车辆多少辆"]),
]


@pytest.mark.parametrize(("question", "parts"), CUT)
def test_a_part_closed_by_a_question_mark_or_cut_at_a_listing_comma(question: str, parts: list[str]) -> None:
    assert clauses(question) == parts


def test_the_left_department_asks_the_right_ones_item() -> None:
    spans = lambda t: [n for n in ("北京市财政局", "无锡市交通运输局") if n in t]  # noqa: E731
    assert joined("北京市财政局和无锡市交通运输局纳入绩效目标管理的项目分别有几个", spans, lambda n: False) == [
        "北京市财政局纳入绩效目标管理的项目有几个",
        "无锡市交通运输局纳入绩效目标管理的项目有几个",
    ]


def test_either_of_two_printed_items_is_each_asked() -> None:
    printed = lambda n: n in ("基本支出", "项目支出")  # noqa: E731
    assert either("是基本支出还是项目支出？", printed) == ["基本支出是多少", "项目支出是多少"]
    assert either("是增加还是减少", printed) == ["是增加还是减少"]  # a direction, no printed item


def test_a_name_asked_is_never_the_first_parts_figure_again() -> None:
    # 无锡人社局 2026 p50 "主要原因是直属事业单位江苏省无锡技师学院本年度拟购置 1 辆公务用车"
    sentence = "主要原因是直属事业单位江苏省无锡技师学院本年度拟购置 1 辆公务用车，支出预算增加。"
    first = Answer(question="q", text="t", refused=False, value=D("1"), unit="辆",
                   citations=[Citation(doc_id="r", where="p50", text=sentence)])  # fmt: skip
    for word in cues()["names_asked"]:
        again = _again(f"是{word}个单位买" if word == "哪" else f"{word}买的", first, first)
        assert again.refused and sentence in again.text and again.value is None
    assert not _again("买了几辆", first, first).refused  # a count asked again: the figure stands
    other = replace(first, value=D("17.98"), unit="万元")
    assert not _again("是哪个单位买", other, first).refused  # another figure: not the first part's again


def test_mainly_what_asks_the_reason_of_the_change_before() -> None:
    # 重庆水利局 2026 p5 "收入比 2025 年减少 246429.22 万元，主要是…政府性基金预算财政拨款减少 258146.77 万元"
    assert completed("重庆水利局今年收入比去年少了多少？", "主要是什么减少了？", lambda t: []) == [
        "重庆水利局今年收入比去年少的原因是什么？"
    ]


def test_either_item_is_read_from_the_first_parts_row_only() -> None:
    # 重庆水利局 2026 表3 (p19) 2130305 水利工程建设 总计 58461.30, 项目支出 58461.30; the text's department-wide
    # "基本支出33325.21万元" is no figure of that row
    def row(column: str, value: str, table: str | None = "表3", name: str = "水利工程建设") -> Fact:
        return Fact(doc_id="cq", department="重庆市水利局", year=2026, table=table, section=None, row=name,
                    code=None, column=column, value=D(value), unit="万元", source="s")  # fmt: skip

    first = _first(row("总计", "58461.30"))
    assert not _same_row(_first(row("项目支出", "58461.30")), first).refused
    whole = _same_row(_first(row("金额", "33325.21", None, "基本支出")), first)
    assert whole.refused and whole.value is None


def test_the_rate_of_a_change_is_the_one_its_sentence_prints_next() -> None:
    # 无锡人社局 2026 p39 "与上年相比收、支预算总计各减少 33,650.45 万元，减少 17.92%"
    def fact(column: str, value: str, unit: str, window: str) -> Fact:
        return Fact(doc_id="wx", department="无锡市人力资源和社会保障局", year=2026, table=None, section="第三部分",
                    row="收入、支出预算总计", code=None, column=column, value=D(value), unit=unit,
                    source=f"第三部分 · 一、收支预算总体情况说明 · 「{window}」", page=39)  # fmt: skip

    change = fact("比2025年增减", "-33650.45", "万元", "1.76 万元，与上年相比收、支预算总计各减少 33,650.45 万元")
    rate = fact("比2025年增长率", "-17.92", "%", "预算总计各减少 33,650.45 万元，减少 17.92%")
    for part in ["幅度多大", "降幅呢", *(f"{word}了百分之几" for word in cues()["directions"])]:
        fits = _next_fits(part)
        assert fits is not None
        said = answered_next(part, _first(change), fits, lambda d: [change, rate])
        assert said is not None and said.value == D("-17.92") and said.unit == "%"
    assert next_in_sentence(_first(rate), rate_fits, lambda d: [rate, change]) is None  # a level: no rate of it
    assert _next_fits("公务接待费增幅多大") is None  # an item of its own
