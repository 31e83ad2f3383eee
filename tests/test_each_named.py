"""Several named departments asked one department's question each (assistant/each_named.py): the list of
names is where each department's name goes; names written apart are not a list."""

from __future__ import annotations

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.each_named import EACH, _span
from assistant.render import answer_json
from tests.conftest import REAL, store_of


@pytest.mark.parametrize(
    ("text", "written", "places", "listed"),
    [
        ("北京市财政局和北京市信访办公室2026年的三公经费分别下降了多少", ["北京市财政局", "北京市信访办公室"], [],
         "北京市财政局和北京市信访办公室"),
        ("深圳三个部门（财政局、科创局、水务局）的车分别有几辆", ["财政局", "科创局", "水务局"], ["深圳"],
         "深圳三个部门（财政局、科创局、水务局）"),
        ("社会福利院、社工部两家单位的人员经费各是多少", ["社会福利院", "社工部"], [], "社会福利院、社工部两家单位"),
    ],
)  # fmt: skip
def test_the_list_of_names_is_found_with_its_place_and_set(
    text: str, written: list[str], places: list[str], listed: str
) -> None:
    span = _span(text, written, places)
    assert span is not None and text[span[0] : span[1]] == listed


def test_names_written_apart_are_no_list() -> None:
    assert _span("北京市财政局的三公经费和深圳市财政局的车分别是多少", ["北京市财政局", "深圳市财政局"], []) is None


@pytest.mark.parametrize("word", ["分别", "各自", "各是", "各为", "各有多少", "各多少"])
def test_each_word_asks_one_line_each(word: str) -> None:
    assert EACH.search(f"北京市财政局和深圳市财政局的三公经费{word}")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("each_named") / "store"
    names = [
        "beijing-caizheng-2026-dept-yusuan",
        "shenzhen-caizheng-2026-dept-yusuan",
        "shenzhen-keji-2026-dept-yusuan",
    ]
    return Engine(Settings(store=store_of(folder, *(REAL / f"{n}.pdf" for n in names))))


@pytest.mark.slow
def test_each_department_answers_its_own_question(engine: Engine) -> None:
    a = answer_json(engine.answer("北京市财政局和深圳市财政局分别有多少辆车", []))
    assert not a["refused"] and {f["verdict"] for f in a["figures"]} == {"verified"}
    beijing, shenzhen = a["text"].split("【深圳市财政局（本级）】")
    assert beijing.startswith("【北京市财政局】") and "27 台" in beijing and "3 辆" not in beijing
    assert "3 辆" in shenzhen and "27 台" not in shenzhen
