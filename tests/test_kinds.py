"""决算 inside an item's name asks for no 决算: Shenzhen's real 2026 财政局 部门预算 prints "预决算业务管理512.60
万元" and "预决算管理业务 18,808.16 万元"; a question naming them is never refused as "库中只有部门预算"."""

from __future__ import annotations

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.kinds import asks_actual, not_kind
from tests.conftest import REAL, store_of


@pytest.mark.parametrize("word", not_kind())
def test_each_compound_asks_for_no_actual(word: str) -> None:
    assert not asks_actual(f"财政局的{word}经费是多少？")
    assert asks_actual(f"财政局2024年决算里{word}经费是多少？")


def test_a_printed_name_holding_the_word_asks_for_no_actual() -> None:
    assert not asks_actual("审计局决算审计专项经费是多少？", ["决算审计专项"])
    assert asks_actual("审计局决算支出是多少？", ["决算审计专项"])


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("kinds") / "store"
    return Engine(Settings(store=store_of(folder, REAL / "shenzhen-caizheng-2026-dept-yusuan.pdf")))


@pytest.mark.slow
def test_an_item_name_with_the_word_is_not_refused_as_no_actual(engine: Engine) -> None:
    for q in ("深圳市财政局的预决算业务管理经费是多少？", "深圳市财政局的项目支出里，预决算管理业务安排了多少？"):
        assert "没有决算数据" not in engine.answer(q).text
    assert "没有决算数据" in engine.answer("深圳市财政局2026年决算支出是多少？").text
