"""A part of an item named as "X中Y的部分": the item printed with both names (一般公共预算拨款政府采购), never
the part's own row of another table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.render import answer_json
from tests.conftest import SECOND, store_of

ADDED = "其中一般公共预算拨款政府采购 3,900,000.00 元。"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    text = SECOND.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("广州市海珠区图书馆政府采购项目纳入"))
    folder = tmp_path_factory.mktemp("part")
    doc = Path(folder / "second.txt")
    doc.write_text(text.replace(line, f"{line}{ADDED}"), encoding="utf-8")
    return Engine(Settings(store=store_of(folder / "store", doc)))


@pytest.mark.parametrize(
    "question",
    ["海珠区图书馆政府采购中一般公共预算拨款的部分是多少？", "海珠区图书馆政府采购里的一般公共预算拨款是多少？"],
)
def test_the_part_of_the_whole_is_printed_with_both_names(engine: Engine, question: str) -> None:
    a = answer_json(engine.answer(question, []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("3900000")
