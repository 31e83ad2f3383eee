"""Phrases asking what disclosures rarely hold (glossary.json out_of_scope) are refused plainly — but those some
disclosures do print (out_of_scope_unless_printed: 房屋面积, 每人每月标准, a 决算's 执行率) only when the
documents asked about print none (round 13 r13c070, round 14 r14b032: areas printed in the text were refused)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.tokens import glossary_data


def test_every_phrase_refused_unless_printed_is_an_out_of_scope_phrase() -> None:
    data = glossary_data()
    assert set(data["out_of_scope_unless_printed"]) <= set(data["out_of_scope"])


@pytest.mark.slow
def test_an_area_is_answered_where_printed_and_refused_where_not(store_real: Path) -> None:
    from assistant.answer import Engine
    from assistant.config import Settings

    engine = Engine(Settings(store=store_real))
    printed = engine.answer("万里街道2023年房屋面积多少平方米？")  # 2023年 p29: 房屋14609.83平方米
    assert (printed.value, printed.unit, printed.refused) == (Decimal("14609.83"), "平方米", False)
    none = engine.answer("社工部2024年办公用房面积多少平方米？")  # the 决算 prints no area
    assert none.refused and glossary_data()["out_of_scope"]["面积"] in none.text


@pytest.mark.slow
def test_an_area_asked_without_its_unit_is_read_and_the_text_answers(store_real: Path) -> None:  # r6a212
    from assistant.answer import Engine
    from assistant.config import Settings

    a = Engine(Settings(store=store_real)).answer("万里街道房屋面积多少？")  # no 平方米 said: read, then the text
    assert (a.value, a.unit, a.refused) == (Decimal("14609.83"), "平方米", False)
