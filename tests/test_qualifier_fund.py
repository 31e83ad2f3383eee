"""A fund named before an item reads only that fund's figures (assistant/select.py `of_fund`): r9a127
"用一般公共预算安排的政府采购里，服务类" is never the 服务 of all funds."""

from __future__ import annotations

from decimal import Decimal as D

from assistant.select import of_fund
from index.records import Fact


def _fact(column: str, fund: str | None = None, value: str = "8941.32") -> Fact:
    return Fact(doc_id="d", department="重庆市水利局", year=2026, table="表9", section=None, row="服务", code=None,
                column=column, value=D(value), unit="万元", source=f"表9 2026年政府采购预算明细表 · 服务 · {column}",
                fund=fund)  # fmt: skip


def test_a_column_printing_the_fund_is_of_that_fund() -> None:
    assert of_fund(_fact("一般公共预算拨款收入", value="8364.59"), "一般公共预算")


def test_the_total_of_all_funds_is_of_no_one_fund() -> None:
    assert not of_fund(_fact("总计"), "一般公共预算")
    assert not of_fund(_fact("总计", fund="全部"), "一般公共预算")


def test_a_figures_own_fund() -> None:
    assert of_fund(_fact("合计", fund="一般公共预算"), "一般公共预算")
    assert not of_fund(_fact("合计", fund="政府性基金"), "一般公共预算")
