"""A ranking inside one department's document: the rows of one level of one table (under the parent named) or of
its one table of projects, top first, each cited — never a sum, never a row of another level or parent."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.ranking import asked
from assistant.render import answer_json
from assistant.threshold import PROJECTS
from tests.conftest import REAL, store_of


@pytest.mark.parametrize(
    ("question", "level", "least"),
    [
        ("重庆市水利局农林水支出下哪个项级科目最多？", 7, False),
        ("无锡市交通运输局2026年哪一类支出最多？", 3, False),
        ("万里街道哪一款支出最少？", 5, True),
        ("一般公共服务支出里哪个款最多？", 5, False),
        ("深圳市财政局2026年哪个项目花钱最多？", PROJECTS, False),
        ("农林水支出下哪个科目最多？", None, False),  # the level is the parent's next
        ("一般公共服务支出里哪一项最多？", None, False),  # 哪一项: any item, no level
    ],
)
def test_a_ranking_is_read_with_its_level(question: str, level: int | None, least: bool) -> None:
    found = asked(question)
    assert found is not None and found[1:] == (level, least)


@pytest.mark.parametrize(
    "question",
    [
        "科技研发资金各专项里哪个专项最多？",  # rows of no level read here
        "哪个项级科目最多，哪一类最少？",  # two rankings
        "万里街道2024年项目支出是多少？",
        # a word ranking no amount of a level (review r1 S1-6): the amounts are never ranked in its place
        "重庆市水利局哪一类支出增长最多？",
        "哪一类支出占比最高？",
        "哪一款支出实际最多？",
        "哪一类人均支出最高？",
    ],
)
def test_what_is_no_ranking_of_a_level_is_not_read_as_one(question: str) -> None:
    assert asked(question) is None


@pytest.fixture(scope="module")
def real(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


@pytest.mark.parametrize(
    ("question", "first", "value", "last"),
    [
        ("万里街道2024年一般公共服务支出里哪个款最多？", "20133 宣传事务", "1106000", None),
        ("万里街道2024年哪一款支出最少？", "20816 红十字事业", "44400", None),
        ("万里街道2024年哪个项级科目的基本支出最多？", "2120199 其他城乡社区管理事务支出", "54212362", None),
    ],
)
def test_the_top_row_answers_with_the_ranking_below_it(
    real: Engine, question: str, first: str, value: str, last: str | None
) -> None:
    a = answer_json(real.answer(question, []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal(value)
    assert f"的是 {first}，" in a["text"] and "\n1. " + first in a["text"]
    assert all(f["verdict"] == "verified" for f in a["figures"])
    # review r1 S2-2: each line's ✓ is the cell the line cites, never another cell of the same value
    lines = [line for line in a["text"].splitlines() if re.match(r"\d+\. ", line) and "（" in line]
    cells = {line.split("（", 1)[1].removesuffix("）") for line in lines}
    assert lines
    assert all(f["source"] in cells for f in a["figures"])


def test_a_ranking_of_no_level_and_no_parent_is_left_to_the_engine(real: Engine) -> None:
    assert "排序" not in real.answer("万里街道2024年哪一项支出最多？", []).text  # which rows is not said


def test_a_ranking_of_a_change_is_left_to_the_engine(real: Engine) -> None:
    a = answer_json(real.answer("万里街道2024年哪一款支出比上年增长最多？", []))
    assert "排序" not in a["text"]  # never the amounts ranked for a change asked


@pytest.fixture(scope="module")
def shenzhen(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("ranking") / "store"
    return Engine(Settings(store=store_of(folder, REAL / "shenzhen-caizheng-2026-dept-yusuan.pdf")))


@pytest.mark.slow
def test_the_projects_are_ranked_from_the_one_table_of_projects(shenzhen: Engine) -> None:
    a = answer_json(shenzhen.answer("深圳市财政局2026年哪个项目花钱最多？", []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("18808.16")
    assert "最多的是 预决算管理业务，" in a["text"] and "只含文件此表所列的项目" in a["text"]
