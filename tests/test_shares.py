"""A share's whole: a part of a total is never shown above 100%; the whole named is read at its own place."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from assistant.draft import Draft, Unanswerable
from assistant.records import Query
from assistant.shares import check_share, is_total
from assistant.turn import column_unbound
from index.records import Fact


@pytest.mark.parametrize("name", ["支出合计", "收入总计", "所属各预算单位政府采购预算总额", "总支出", "“三公”经费合计"])
def test_totals_by_name(name: str) -> None:
    assert is_total(name)


@pytest.mark.parametrize("name", ["基本支出", "一般公共服务支出", "“三公”经费"])
def test_not_totals(name: str) -> None:
    assert not is_total(name)


def test_a_part_above_its_total_is_refused() -> None:
    # 重庆市水利局: 教育支出 33,862.49 ÷ 政府采购预算总额 11,884.37 = 284.93% — a wrong pair, never shown
    with pytest.raises(Unanswerable, match="超过100%"):
        check_share(D("284.93"), "教育支出", "所属各预算单位政府采购预算总额")
    check_share(D("18.15"), "教育支出", "支出合计")  # 33,862.49 ÷ 186,549.30
    check_share(D("100.00"), "财政拨款支出", "支出合计")  # 深圳市财政局: 37,385.88 ÷ 37,385.88
    check_share(D("250.00"), "项目支出", "基本支出")  # not a part of a total: any ratio may be asked


def test_sample_share_of_total_keeps_the_printed_total(engine) -> None:  # type: ignore[no-untyped-def]
    a = engine.answer("科协项目支出占总支出多少？")
    assert (a.value, a.unit) == (D("80.51"), "%")
    assert "支出总计 4,997 万元" in a.text


def _prose(row: str, value: str) -> Fact:
    return Fact(
        doc_id="x", department="重庆市水利局", year=2026, table=None, section="五、其他重要事项的情况说明",
        row=row, code=None, column="金额", value=D(value), unit="万元",
        source=f"重庆市水利局2026年部门预算情况说明 · 五、其他重要事项的情况说明 · 「{row} {value} 万元」",
    )  # fmt: skip


def test_a_prose_look_alike_is_not_the_total_asked() -> None:
    # 重庆市水利局: "支出总计" linked to 所属各预算单位政府采购预算总额 (worded "…政府采购支出总计") — never shown
    found = _prose("所属各预算单位政府采购预算总额", "11884.37")
    asked = Query(
        question="重庆市水利局2026年支出总计是多少", subjects=(found.row,), measure="amount", year=2026,
        doc_ids=("x",), column="支出总计",
    )  # fmt: skip
    assert column_unbound(asked, Draft(text="", facts=[found]))
    # the row's own name written in the question: it is what was asked
    named = replace(asked, question="重庆市水利局所属各预算单位政府采购预算总额的支出总计是多少")
    assert not column_unbound(named, Draft(text="", facts=[found]))
    # no column named: nothing to check
    assert not column_unbound(replace(asked, column=None), Draft(text="", facts=[found]))


def test_a_sentence_of_a_section_named_for_the_column_states_it() -> None:  # round 14 r14c022
    row = "民用航空运输（款）其他民用航空运输支出（项）支出"
    found = Fact(
        doc_id="x", department="无锡市交通运输局", year=2026, table=None, section="五、财政拨款支出预算情况说明",
        row=row, code=None, column="金额", value=D("0"), unit="万元",
        source=f"第三部分 2026年度单位预算情况说明 · 五、财政拨款支出预算情况说明 · 「{row} 0 万元」",
    )  # fmt: skip
    asked = Query(
        question="无锡交通局今年民航运输那块的财政拨款是多少", subjects=(row,), measure="amount", year=2026,
        doc_ids=("x",), column="财政拨款",
    )  # fmt: skip
    assert not column_unbound(asked, Draft(text="", facts=[found]))
    other = replace(found, source=f"第三部分 · 四、支出预算情况说明 · 「{row} 0 万元」")
    assert column_unbound(asked, Draft(text="", facts=[other]))
