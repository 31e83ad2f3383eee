"""A follow-up of several parts has every part answered ("比去年少了多少？下降了百分之几？" after the budget asked),
a part named inside its whole ("三公经费里因公出国") is the part's figure, and "全年预算又是多少" after the 年初预算
asks that column of the same item."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from tests.conftest import REAL, store_of

pytestmark = pytest.mark.slow  # a store of real PDFs built per module


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    names = (
        "shenzhen-caizheng-2026-dept-yusuan.pdf",
        "shenzhen-keji-2026-dept-yusuan.pdf",
        "shegongbu-2024-juesuan.pdf",
    )
    yield Engine(Settings(store=store_of(tmp_path_factory.mktemp("parts") / "store", *(REAL / n for n in names))))


def test_a_follow_up_of_two_parts_answers_both(engine: Engine) -> None:
    first = engine.answer("深圳市财政局2026年部门预算多少？")
    a = engine.answer("比去年少了多少？下降了百分之几？", [first])
    assert "16,640.31 万元" in a.text and "30.8%" in a.text  # 较2025年减少 16,640.31 万元，下降 30.8%


def test_a_part_after_a_child_follow_up_keeps_the_child(engine: Engine) -> None:
    first = engine.answer("深圳科创局2026年三公经费多少？")
    a = engine.answer("其中因公出国呢？比上年增加了多少？", [first])
    assert "90.00 万元" in a.text and "10.69 万元" in a.text


def test_a_part_named_inside_its_whole_is_the_part_s_figure(engine: Engine) -> None:
    a = engine.answer("深圳财政局三公经费里因公出国花多少？")
    assert (a.value, a.unit) == (Decimal("41.60"), "万元")


def test_another_column_of_the_same_item_asked_with_you(engine: Engine) -> None:
    a = engine.answer("社工部一般公共预算财政拨款支出的年初预算是多少，全年预算又是多少？")
    assert "0 万元" in a.text and "321.02 万元" in a.text


def test_a_share_printed_without_its_whole_is_calculated(engine: Engine) -> None:
    """ "其中：基本支出 105.58 万元，占34.30%" keeps no whole: the share is calculated over the 本年支出合计 (same value)."""
    a = engine.answer("社工部2024年基本支出占多少比例？")
    assert (a.value, a.unit) == (Decimal("34.30"), "%") and "计算" in a.text


def test_a_short_name_read_by_rule_is_no_part_of_the_item(engine: Engine) -> None:
    """ "科技局" names 深圳市科技创新局 by rule (no alias spells it): it is stripped like an alias, so "治安支队三公经费"
    asks the “三公”经费, not an item named "治安支队三公经费"."""
    ids = [d for d, doc in engine.library.docs.items() if "科技创新局" in doc.department]
    assert engine.turn(ids).understanding.content("科技局三公经费多少？", ids) == "三公经费"
