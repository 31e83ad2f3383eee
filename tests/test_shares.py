"""A share's whole: a part of a total is never shown above 100%; the whole named is read at its own place."""

from decimal import Decimal as D

import pytest

from assistant.draft import Unanswerable
from assistant.shares import check_share, is_total


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
