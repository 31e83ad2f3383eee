"""Understanding: staff wording → subjects linked to fact labels, measure, year, refusals."""

import pytest

from assistant.answer import Engine
from assistant.knowledge import norm


@pytest.mark.parametrize(
    ("question", "subjects", "measure"),
    [
        ("科协公车运维费今年多少？", ("公务用车运行维护费",), "amount"),
        ("科协招待费加上公车运行维护费，一共多少？", ("公务接待费", "公务用车运行维护费"), "sum"),
        ("科协项目支出比基本支出多出多少钱", ("项目支出", "基本支出"), "difference"),
        ("科协人员支出在基本支出里占多少比例？", ("人员支出", "基本支出"), "share"),
        ("科协学会能力提升项目增幅按两位小数算是多少", ("学会能力提升和学术交流促进项目",), "growth"),
        ("科协科普能力提升项目比去年少了多少钱", ("科普能力提升项目",), "change"),
        ("科协按在编人数算，人均人头经费是多少万？", ("人员支出", "行政编制实有在编人数"), "per_head"),
        ("科协项目支出由哪些项目构成？", ("项目支出",), "breakdown"),
        ("科协基本支出是什么意思？", ("基本支出",), "explain"),
        ("科协院士专家工作站今年计划新增几家？", ("院士(专家)工作站新增数量",), "amount"),
        ("科协今年总共要花多少钱？", ("支出总计",), "amount"),
    ],
)
def test_subjects_and_measure(engine: Engine, question: str, subjects: tuple[str, ...], measure: str) -> None:
    q = engine.understand(question)
    assert q.refusal is None
    assert q.subjects == tuple(norm(s) for s in subjects)
    assert q.measure == measure
    assert len(q.doc_ids) == 1 and engine.kb.docs[q.doc_ids[0]].department == "深圳市科学技术协会（本级）"


def test_years_and_scope(engine: Engine) -> None:
    u = engine
    assert u.understand("科协去年三公经费多少").last_year
    assert u.understand("科协2021年招待费多少").year == 2021
    library = u.understand("海珠区图书馆今年项目支出多少")
    assert [engine.kb.docs[d].department for d in library.doc_ids] == ["广州市海珠区图书馆"]
    assert u.understand("2060702科普活动多少", doc_id=library.doc_ids[0]).refusal is None


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("科协2025年预算是多少？", "没有2025年的数据"),
        ("深圳市科技创新委员会今年三公经费多少", "没有“深圳市科技创新委员会”的数据"),
        ("广州市科协今年部门预算总额是多少？", "没有“广州市科协”的数据"),
        ("2022年广州市科协项目支出是多少？", "没有“广州市科协”的数据"),  # 年 before the place is no part of it
        ("科协2021年决算支出是多少？", "没有决算数据"),
        ("科协办公室主任一个月工资多少？", "没有按月的数据"),
        ("科协今年上半年预算执行率多少", "没有执行情况"),
    ],
)
def test_refusals_are_recognised(engine: Engine, question: str, reason: str) -> None:
    q = engine.understand(question)
    assert q.refusal and reason in q.refusal
