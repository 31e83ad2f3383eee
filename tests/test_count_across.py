"""Two named departments' held counts compared, each read from its own narrative (review r4b196): 2026 北京市
财政局 "共有车辆27台", 深圳市财政局（本级）"本单位共有车辆3辆"."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.count_across import _noun, _spec
from assistant.counts import cues
from assistant.render import answer_json
from tests.conftest import REAL, store_of


@pytest.mark.parametrize(
    ("question", "noun", "least"),
    [
        ("北京市财政局和深圳市财政局谁的公车多？", "车辆", False),
        ("北京市财政局和深圳市财政局哪个部门车辆更少？", "车辆", True),
    ],
)
def test_a_comparison_of_counts_is_read(question: str, noun: str, least: bool) -> None:
    assert _noun(question) == (noun, "辆", least)


@pytest.mark.parametrize("question", ["北京市财政局和深圳市财政局谁的预算多？", "谁的公车多，谁的预算多？"])
def test_what_compares_no_known_count_is_not_read(question: str) -> None:
    assert _noun(question) is None


@pytest.mark.parametrize(("noun", "unit"), list(_spec()["units"].items()))
def test_each_compared_noun_is_counted_in_a_unit_counts_reads(noun: str, unit: str) -> None:
    assert unit in cues()["units"] and noun in cues()["nouns"].values()


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("count_across") / "store"
    return store_of(
        folder, REAL / "beijing-caizheng-2026-dept-yusuan.pdf", REAL / "shenzhen-caizheng-2026-dept-yusuan.pdf"
    )


@pytest.mark.slow
def test_whose_count_is_larger_is_said_with_both_counts_cited(two: Path) -> None:
    engine = Engine(Settings(store=two))
    a = answer_json(engine.answer("北京市财政局和深圳市财政局谁的公车多？", []))
    assert not a["refused"] and a["text"].startswith("北京市财政局的车辆更多。")
    assert "27 台" in a["text"] and "3 辆" in a["text"]
    assert {f["verdict"] for f in a["figures"]} == {"verified"}
    fewer = answer_json(engine.answer("北京市财政局和深圳市财政局谁的公车少？", []))
    assert fewer["text"].startswith("深圳市财政局（本级）的车辆更少。")
