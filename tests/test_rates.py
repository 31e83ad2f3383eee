"""Rates printed per something (assistant/rates.py), on figures copied from real disclosures: 福州市公安局治安管理
支队 2026 (绩效目标 人均补贴标准 =710元/人月, p30) and 北京市交通委员会 2026 (城市道路挖掘修复费收费标准, p9-10).
One test per entry of assistant/rates.toml."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.draft import Unanswerable
from assistant.knowledge import Knowledge
from assistant.rates import answer_rate, asked, cues, denominator
from index.records import DocumentInfo, Fact


def _fact(row: str, value: str, unit: str, column: str, source: str, table: str | None = None) -> Fact:
    return Fact(
        doc_id="d", department="部门", year=2026, table=table, section=None, row=row, code=None, column=column,
        value=Decimal(value), unit=unit, source=source,
    )  # fmt: skip


FUZHOU = _fact(
    "人均补贴标准", "710", "元/人月", "目标值",
    "1.项目支出绩效目标表 · 民警法定工作日之外加班补贴 · 成本/经济成本 · 人均补贴标准 · 目标值 =710元/人月",
    table="1.项目支出绩效目标表",
)  # fmt: skip
ANNUAL = _fact(
    "民警法定工作日之外加班补贴", "56.23", "万元", "总额", "1.项目支出绩效目标表 · 民警法定工作日之外加班补贴"
)
ROADS = [
    _fact(row, value, "元/㎡", "收费标准", f"第一部分 · 表格 · {row} · 收费标准")
    for row, value in [("快速路、主干路沥青路面", "342"), ("次干路沥青路面", "312"), ("支路沥青路面", "277")]
]


def _kb(*facts: Fact) -> tuple[DocumentInfo, Knowledge]:
    doc = DocumentInfo(doc_id="d", title="2026年部门预算", department="部门", year=2026, kind="预算", unit="万元",
                       filename="d.pdf", n_facts=len(facts), ingested_at="")  # fmt: skip
    return doc, Knowledge([doc], list(facts), [], {"d": ""})


@pytest.mark.parametrize(("word", "printed"), [(w, d) for w, ds in cues()["per"].items() for d in ds])
def test_every_rate_word_asks_its_printed_denominators(word: str, printed: str) -> None:
    assert denominator(f"元/{printed}") in asked(f"这项标准{word}多少钱？")


def test_a_rate_of_the_project_named_answers_per_its_denominator() -> None:
    doc, kb = _kb(FUZHOU, ANNUAL)
    draft = answer_rate("民警法定工作日之外加班补贴每人每月多少钱？", doc, kb)
    assert draft and (draft.value, draft.unit) == (Decimal(710), "元/人月")
    assert answer_rate("民警法定工作日之外加班补贴每平方米多少钱？", doc, kb) is None  # another denominator
    assert answer_rate("民警法定工作日之外加班补贴一年多少钱？", doc, kb) is None  # no rate asked


def test_the_row_named_is_the_rate_and_two_that_fit_are_asked_back() -> None:
    doc, kb = _kb(*ROADS)
    draft = answer_rate("北京城市道路挖掘修复费，快速路主干路沥青路面每平方米收多少钱？", doc, kb)
    assert draft and (draft.value, draft.unit) == (Decimal(342), "元/㎡")
    assert answer_rate("沥青路面每平方米收多少钱？", doc, kb) is None  # no row named
    doc, kb = _kb(*ROADS, _fact("次干路沥青路面", "300", "元/㎡", "收费标准", "另一表 · 次干路沥青路面 · 收费标准"))
    with pytest.raises(Unanswerable):
        answer_rate("次干路沥青路面每平米收多少钱？", doc, kb)


def test_a_rate_of_a_year_not_loaded_is_never_given() -> None:
    from types import SimpleNamespace

    from assistant.narrated import rate_in_text
    from assistant.records import Query

    _, kb = _kb(FUZHOU, ANNUAL)
    turn = SimpleNamespace(kb=kb)  # what rate_in_text reads of a turn: its documents and facts

    def asked(question: str) -> Query:
        return Query(question=question, subjects=(), measure="amount", year=None, doc_ids=("d",))

    assert rate_in_text(turn, asked("2026年民警法定工作日之外加班补贴每人每月多少钱？"))  # type: ignore[arg-type]
    assert rate_in_text(turn, asked("2024年民警法定工作日之外加班补贴每人每月多少钱？")) is None  # type: ignore[arg-type]
