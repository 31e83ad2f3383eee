"""The judge of a language model's draft (assistant/judge.py), table-driven over adversarial drafts.

Each case plays a scripted model (eval.scripted_model): tool calls, then the same draft
twice (the agent asks for one correction). A wrong claim must never be shown as checked;
the right claims, written the ways people write, must be. The store holds 科协 (2022 预算,
万元) and 海珠区图书馆 (2023 预算, 元). Lookups number their facts in order: K3 gives
F1 支出总计 4,997 / F2 基本支出 974 / F3 项目支出 4,023 (万元); B3 after K3 gives F4
支出总计 14,453,792.72 / F5 基本支出 / F6 项目支出 5,911,230.00 (元); BJ gives the
library's 公务接待费: F1 2022年 12,000 / F2 2023年 10,000 / F3 增减 −2,000.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from eval.scripted_model import ScriptedModel, scripted_model

QK = "帮我梳理一下科协2022年的钱"
QL = "海珠区图书馆2023年的钱都花哪了"
QB = "帮我梳理一下科协2022年和图书馆2023年的钱"
OK = ("verified", "derived")


def lookup(**arguments: str) -> dict:
    return {"call": "lookup_facts", "arguments": arguments}


def calculate(op: str, *ids: str) -> dict:
    return {"call": "calculate", "arguments": {"op": op, "operands": list(ids)}}


K3 = lookup(department="市科协", table_kind="expenditure")
K7 = lookup(department="市科协", code="206", table_kind="general_public_by_function")
B3 = lookup(department="图书馆", table_kind="expenditure")
BJ = lookup(department="图书馆", item="公务接待")
KJ = lookup(department="市科协", item="公务接待")
KT = lookup(department="市科协", item="课题调研")  # F1 …, F4 课题调研活动 130 万元
LW = lookup(department="图书馆", item="文献资源")  # F1 文献资源购置项目 3,200,000.00 元
LG = lookup(department="图书馆", item="公务")  # F1 接待 2022 12,000 / F4 车运维 2022 50,000 / F5 接待 2023 10,000

WRONG = {  # name: (question, tool calls, draft, the figure that is wrong)
    "基本支出写成项目支出的数": (QK, [K3], "2022年市科协基本支出4,023万元[F3]。", "4,023万元"),
    "行对、列不对（项目支出当基本支出）": (QK, [K7], "2022年市科协科学技术支出中基本支出4,023万元[F9]。", "4,023万元"),
    "行的合计当基本支出": (QK, [K7], "2022年市科协科普活动的基本支出为2,564万元[F22]。", "2,564万元"),
    "基本支出当项目支出": (QK, [K7], "2022年市科协机构运行项目支出542万元[F19]。", "542万元"),
    "计算的运算数当别的项目": (QK, [K3, calculate("share", "F2", "F1")], "2022年市科协支出总计974万元[F2]。", "974万元"),
    "别的项目的占比": (QK, [K3, calculate("share", "F2", "F1")], "2022年市科协项目支出占支出总计的19.49%[C1]。", "19.49%"),
    "占比当增长率": (QK, [K3, calculate("share", "F3", "F1")], "2022年市科协项目支出比2021年增长80.51%[C1]。", "80.51%"),
    "合计当差额": (QK, [K3, calculate("sum", "F2", "F3")], "2022年市科协项目支出与基本支出之差为4,997万元[C1]。", "4,997万元"),
    "当年数当增减": (QK, [KJ, calculate("sum", "F2", "F3")], "2022年市科协公务接待费比2021年增加1万元[F2]。", "1万元"),
    "上年数当本年": (QL, [BJ, calculate("growth", "F2", "F1")], "2023年海珠区图书馆公务接待费12,000.00元[F1]。", "12,000.00元"),
    "减少说成增加（差额）": (QL, [BJ, calculate("difference", "F2", "F1")], "2023年海珠区图书馆公务接待费比2022年增加2,000.00元[C1]。", "2,000.00元"),
    "下降说成增长": (QL, [BJ, calculate("growth", "F2", "F1")], "2023年海珠区图书馆公务接待费比2022年增长16.67%[C1]。", "16.67%"),
    "减少说成增加（增减列）": (QL, [BJ], "2023年海珠区图书馆公务接待费比2022年增加2,000.00元[F3]。", "2,000.00元"),
    "别的项目的原文": (QK, [lookup(department="市科协", item="信息化新建")], "2022年市科协科普能力提升项目较 2021 年预算增加 20 万元[F1]。", "20 万元"),
    "别的项目的原文（二）": (QK, [lookup(department="市科协", item="科技馆")], "2022年市科协学会能力提升和学术交流促进项目较 2021 年预算增加 386 万元[F1]。", "386 万元"),
    "空格凑出的原文": (QK, [lookup(department="市科协", item="科普能力")], "2022年市科协学会能力提升和学术交流促进          项目预算 770 万元[F1]。", "770 万元"),
    "空格凑出的原文（二）": (QL, [lookup(department="图书馆", item="公务")], "2023年海珠区图书馆公务用车运行维护费       2023年预算数10,000.00元[F1]。", "10,000.00元"),
    "说成上一年": (QK, [K3], "市科协2021年支出总计4,997万元[F1]，2022年同样如此。", "4,997万元"),
    "本年数说成上年": (QL, [BJ], "海珠区图书馆2022年公务接待费为10,000.00元[F2]，较2023年略高。", "10,000.00元"),
    "别的部门的数（计算里的）": (QB, [K3, B3, calculate("sum", "F3", "F6")], "2022年市科协项目支出591.12万元[F6]。", "591.12万元"),
    "别的部门的数（元）": (QB, [K3, B3, calculate("sum", "F3", "F6")], "深圳市科学技术协会2022年项目支出5,911,230.00元[F6]。", "5,911,230.00元"),
    "别的部门的占比": (QB, [K3, B3, calculate("share", "F6", "F4")], "2022年市科协项目支出占支出总计的40.90%[C1]。", "40.90%"),
    "下一句没点名时沿用上一句的部门": (QB, [K3, B3], "海珠区图书馆2023年支出总计14,453,792.72元[F4]。其项目支出为4,023万元[F3]。", "4,023万元"),
    "占比写成金额": (QK, [K3, calculate("share", "F3", "F1")], "2022年市科协项目支出80.51万元[C1]。", "80.51万元"),
    "没有单位": (QK, [K3], "2022年市科协项目支出为4023。", "4023"),
    # round two: items, calculations, years, numbers no figure is read from
    "名称含部门简称的别的项目": (QK, [KT], "2022年市科协课题调研活动130万元，科协组织建设与事业发展1,300,000元。", "1,300,000元"),
    "名称含部门名的别的项目": (QL, [LW], "2023年海珠区图书馆文献资源购置项目3,200,000.00元，图书馆免费开放补助项目320万元。", "320万元"),
    "没有这个项目": (QK, [K3], "2022年市科协项目支出4,023万元，其中院士工作站40,230,000元。", "40,230,000元"),
    "括号里点名别的项目": (QK, [K3], "2022年市科协基本支出（不含项目支出）4,023万元。", "4,023万元"),
    "一个数当合计": (QK, [K3], "2022年市科协项目支出与基本支出合计4,023万元。", "4,023万元"),
    "比上年增减当两个项目之差": (QK, [KT], "2022年市科协课题调研活动比科普能力提升项目减少10万元。", "10万元"),
    "增长率顺序颠倒": (QK, [K3, calculate("growth", "F2", "F3")], "2022年市科协项目支出比基本支出下降75.79%。", "75.79%"),
    "不同项目的同比": (QL, [LG, calculate("growth", "F5", "F4")], "海珠区图书馆2022年公务用车运行维护费为50,000.00元，2023年公务接待费比2022年下降80.00%。", "80.00%"),
    "两个预算数的执行率": (QK, [KT, calculate("execution_rate", "F4", "F3")], "2022年市科协课题调研活动的预算执行率为100%。", "100%"),
    "占比说成提高": (QK, [K3, calculate("share", "F3", "F1")], "2022年市科协项目支出在支出总计中的占比提高了80.51%。", "80.51%"),
    "上年说成一样": (QL, [LG], "海珠区图书馆2023年公务接待费为10,000.00元，上年同样为10,000.00元。", "10,000.00元"),
    "去年": (QL, [LG], "海珠区图书馆公务接待费去年为10,000.00元。", "10,000.00元"),
    "汉字年份": (QL, [LG], "海珠区图书馆公务接待费二〇二二年为10,000.00元。", "10,000.00元"),
    "两位年份": (QL, [LG], "海珠区图书馆22年公务接待费为10,000.00元。", "10,000.00元"),
    "绩效指标当执行率": (QK, [lookup(department="市科协", item="网络改造")], "2022年市科协网络改造验收合格率100%，预算执行率也达到100%。", "100%"),
    "原文的数给了别的项目": (QK, [{"call": "search_passages", "arguments": {"query": "科技馆免费开放补助资金 较2021年预算增加", "department": "市科协"}}], "2022年市科协科技馆免费开放补助资金386万元，院士工作站比2021年增加386万元。", "386万元"),
    "大写数字": (QK, [K3], "2022年市科协项目支出约为肆仟万元，比上年翻了一番。", "肆仟万元"),
    "翻一番": (QK, [K3], "2022年市科协项目支出4,023万元[F3]，比上年增长一倍。", "一倍"),
}  # fmt: skip

RIGHT = {  # name: (question, tool calls, draft)
    "构成": (QK, [K3], "2022年市科协支出总计4,997万元[F1]，其中基本支出974万元[F2]、项目支出4,023万元[F3]。"),
    "不写年度（只有一年）": (QK, [K3], "市科协的项目支出为4,023万元[F3]。"),
    "一句两个部门": (QB, [K3, B3], "市科协2022年项目支出4,023万元[F3]，海珠区图书馆2023年项目支出5,911,230.00元[F6]。"),
    "下一句沿用部门": (QB, [K3, B3], "海珠区图书馆2023年支出总计14,453,792.72元[F4]。其中项目支出5,911,230.00元[F6]。"),
    "减少": (QL, [BJ], "2023年海珠区图书馆公务接待费比2022年减少2,000.00元[F3]。"),
    "下降（计算）": (QL, [BJ, calculate("growth", "F2", "F1")], "2023年海珠区图书馆公务接待费比2022年下降16.67%[C1]。"),
    "上年与本年": (QL, [BJ], "海珠区图书馆2022年公务接待费12,000.00元[F1]，2023年为10,000.00元[F2]。"),
    "合计（计算）": (QK, [K3, calculate("sum", "F2", "F3")], "2022年市科协基本支出与项目支出合计4,997万元[C1]。"),
    "差额（计算）": (QK, [K3, calculate("difference", "F3", "F2")], "2022年市科协项目支出比基本支出多3,049万元[C1]。"),
    "换算成万元": (QB, [B3], "海珠区图书馆2023年项目支出约591.12万元[F3]。"),
    "亿元四舍五入": (QK, [K3], "2022年市科协基本支出0.1亿元[F2]。"),
    "原文的增减和增长率": (
        "为什么科协学会能力提升项目增长？", [{"call": "search_passages", "arguments": {"query": "学会能力提升 增加 原因"}}],
        "2022年市科协学会能力提升和学术交流促进项目较2021年预算增加1,000万元，增长109%，主要用于科创中国建设[P1]。",
    ),
    "占总支出（口语）": (QK, [K3, calculate("share", "F3", "F1")], "2022年市科协项目支出占总支出的80.51%[C1]。"),
    "上年为": (QL, [LG], "海珠区图书馆2023年公务接待费10,000.00元，上年为12,000.00元。"),
    "同比减少": (QL, [LG], "海珠区图书馆2023年公务接待费10,000.00元，同比减少2,000.00元。"),
    "千元": (QK, [K3], "2022年市科协项目支出40,230千元。"),
    "全角数字": (QK, [K3, calculate("share", "F3", "F1")], "2022年市科协项目支出占支出总计的８０．５１％。"),
    "计算套计算": (QK, [K3, calculate("sum", "F2", "F3"), calculate("share", "C1", "F1")], "2022年市科协基本支出与项目支出之和占支出总计的100%。"),
    "名称含部门名的项目": (QL, [lookup(department="图书馆", item="免费开放")], "2023年海珠区图书馆图书馆免费开放补助项目预算1,386,500.00元。"),
}  # fmt: skip


@pytest.fixture(scope="module")
def model() -> Iterator[ScriptedModel]:
    with scripted_model() as m:
        yield m


@pytest.fixture(scope="module")
def engine(store_both: Path, model: ScriptedModel) -> Engine:
    # the scripted server counts characters as tokens: room for the longer exchanges
    return Engine(Settings(store=store_both, llm_base_url=model.url, llm_timeout=30.0, llm_max_tokens=200_000))


@pytest.mark.parametrize("name", list(WRONG))
@pytest.mark.slow
def test_a_wrong_claim_is_never_shown_as_checked(engine: Engine, model: ScriptedModel, name: str) -> None:
    question, calls, draft, wrong = WRONG[name]
    model.play(*calls, {"text": draft}, {"text": draft})
    a = engine.answer(question)
    assert a.model is not None
    assert not [f for f in a.figures if f.text == wrong and f.verdict in OK]
    assert not a.model.used
    assert any(f.text == wrong and f.verdict not in OK for f in a.model.draft_figures)


@pytest.mark.parametrize("name", list(RIGHT))
def test_a_right_claim_is_checked(engine: Engine, model: ScriptedModel, name: str) -> None:
    question, calls, draft = RIGHT[name]
    model.play(*calls, {"text": draft}, {"text": draft})
    a = engine.answer(question)
    assert a.model is not None and a.model.used, (a.model.note if a.model else None, a.model and a.model.draft_figures)
    assert a.figures and all(f.verdict in OK for f in a.figures)
