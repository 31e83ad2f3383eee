"""A sum never adds an item to the whole it is printed in, and a share or a rate the text prints is answered as
printed: "三公经费加公务接待费" is the “三公”经费 (the 公务接待费 is in it), never 5 + 1; "项目支出占多少" is the
share the text prints ("占本年支出预算 89.98%"), never one calculated over another total."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from tests.conftest import REAL, store_of


def test_an_item_and_the_whole_it_is_in_are_never_added(engine: Engine) -> None:
    a = engine.answer("市科协2022年三公经费加公务接待费一共多少？")
    assert not a.refused and (a.value, a.unit) == (Decimal(5), "万元")  # the “三公”经费 itself
    assert "已包含" in a.text and "6 万元" not in a.text


def test_two_items_inside_one_whole_are_still_added(engine: Engine) -> None:
    a = engine.answer("市科协2022年公务接待费和因公出国费合计多少？")
    assert (a.value, a.unit) == (Decimal(1), "万元") and "计算" in a.text  # 1 + 0


@pytest.mark.slow
class TestPrinted:
    @pytest.fixture(scope="class")
    def beijing(self, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
        store = store_of(tmp_path_factory.mktemp("printed") / "store", REAL / "beijing-caizheng-2026-dept-yusuan.pdf")
        yield Engine(Settings(store=store))

    def test_a_share_the_text_prints_is_answered_as_printed(self, beijing: Engine) -> None:
        a = beijing.answer("北京市财政局基本支出占比多少？")
        assert (a.value, a.unit) == (Decimal("63.43"), "%") and "文件所列" in a.text and "计算" not in a.text

    def test_a_share_of_another_whole_is_not_the_printed_one(self, beijing: Engine) -> None:
        a = beijing.answer("北京市财政局基本支出占三公经费的比例是多少？")
        assert a.value != Decimal("63.43")
