"""A department's name written one character off: read as the loaded department when the character sounds
the same (a slip of pinyin input), asked back with that department as the choice when it sounds otherwise
(it may be another department), never read silently as one of several."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.departments import department_aliases
from assistant.follow import confirms
from assistant.misspelled import asked_back, near_names, read_as, sounds_alike
from assistant.tokens import glossary_data

FULIYUAN = "上海市普陀区社会福利院"
WANLI = "上海市普陀区人民政府万里街道办事处"
NAMES = (
    "北京市财政局",
    "深圳市财政局（本级）",
    "北京市信访办公室",
    "西安市发展和改革委员会",
    "北京市民政局",
    "烟台市审计局",
)


def _departments(*names: str) -> dict[str, tuple[str, ...]]:
    abbreviations = glossary_data()["department_abbreviations"]
    return {d: department_aliases(d, abbreviations) for d in names}


@pytest.mark.parametrize(("a", "b", "alike"), [("法", "发", True), ("坊", "访", True), ("居", "局", True),
                                               ("正", "政", True), ("攻", "政", False), ("统", "审", False)])  # fmt: skip
def test_sounds_alike(a: str, b: str, alike: bool) -> None:
    assert sounds_alike(a, b) is alike


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("北京市信坊办公室2026年上年结转结余有多少？", "北京市信访办公室2026年上年结转结余有多少？"),
        ("西安市法改委2019年战略规划与实施支出多少？", "西安市发改委2019年战略规划与实施支出多少？"),
        ("北京市民正局2026年收入预算？", "北京市民政局2026年收入预算？"),
        ("北京市财攻局2026年收入预算？", "北京市财攻局2026年收入预算？"),  # 攻 is no 政 said: not read
        ("烟台市统计局2026年预算多少？", "烟台市统计局2026年预算多少？"),  # another department, maybe
        ("北京市财政局2026年收入预算？", "北京市财政局2026年收入预算？"),  # spelled out: nothing to read
        ("北京市民政局和北京市财政局", "北京市民政局和北京市财政局"),  # one off each other, both loaded
        ("北京省财政局2026年收入预算？", "北京省财政局2026年收入预算？"),  # the place's level is kept
    ],
)
def test_read_as(question: str, read: str) -> None:
    assert read_as(question, _departments(*NAMES)) == read


def test_a_name_near_a_named_department_is_read_as_it() -> None:
    """ "北京市财政局" after "您问的是不是…": the user said whose; its near name is that department's."""
    text = "北京市财政局北京市财攻局2026年收入预算？"  # the reply before the question: the name said once
    assert read_as(text, _departments(*NAMES)) == "北京市财政局2026年收入预算？"
    text = "北京市财政局和北京市财攻局2026年收入预算？"  # two departments asked, maybe: never one silently
    assert read_as(text, _departments(*NAMES)) == text
    text = "北京市民政局和北京市财攻局2026年收入预算？"  # 北京市民政局 named: 财攻局 is still no 民政局
    assert read_as(text, _departments(*NAMES)) == text


def test_asked_back_offers_the_near_department() -> None:
    departments = _departments(*NAMES)
    assert asked_back("北京市财攻局2026年收入预算？", departments) == (
        "问题中的“北京市财攻局”不是库中部门的名称，您问的是不是“北京市财政局”？",
        ("北京市财政局",),
    )
    assert asked_back("烟台市统计局2026年预算多少？", departments) == (
        "问题中的“烟台市统计局”不是库中部门的名称，您问的是不是“烟台市审计局”？",
        ("烟台市审计局",),
    )
    assert asked_back("市财攻局2026年收入预算？", departments) is None  # a level alone: not compared
    text, choices = asked_back("北京市民工局2026年收入预算？", _departments("北京市民政局", "北京市民宗局")) or ("", ())
    assert set(choices) == {"北京市民政局", "北京市民宗局"}  # near two: which one is asked
    assert not text.endswith("？")
    assert (
        read_as("北京市民正局2026年", _departments("北京市民政局", "北京市民宗局")) == "北京市民正局2026年"
    )  # 政 said
    # alike, but 民正局 is one off 民宗局 too: never read as either
    assert (
        asked_back("深圳市科技创新委员会今年三公经费多少", _departments("深圳市科学技术协会（本级）")) is None
    )  # 科协 one
    # off 科技, which goes on into another department's name
    assert asked_back("南京市财政局2026年收入预算？", departments) is None  # another place: not 北京市财政局
    assert asked_back("烟台市财政局2026年收入预算？", _departments("烟台市民政局", "北京市财政局")) is None  # 财政局 is
    # a loaded department's name: 烟台市财政局 is another department, not 烟台市民政局 one off
    assert read_as("西按市发改委2019年", _departments("西安市发展和改革委员会")) == "西安市发改委2019年"  # said alike
    assert near_names("重庆市水利专项资金预算多少？", _departments("重庆市水利局")) == []  # the kind is no 专
    assert near_names("社工部其他社会工作事务支出", _departments("中共上海市普陀区委社会工作部")) == []  # no place
    assert asked_back("北京市财政局2026年交通费是多少？", departments) is None
    assert near_names("2026年交通费是多少？", _departments("北京市交通委员会")) == []  # 3 characters: not compared


@pytest.mark.parametrize(("reply", "yes"), [("是", True), ("是的。", True), ("对", True), ("嗯，是", True),
                                            ("是多少", False), ("北京市财政局", False), ("不是", False)])  # fmt: skip
def test_confirms(reply: str, yes: bool) -> None:
    assert confirms(reply) is yes


INCOME = {(Decimal("12121164"), "元"), (Decimal("1212.12"), "万元")}  # 福利院 2024: p.7 收入总计, p.6 收入预算


@pytest.fixture(scope="module")
def engine(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


def test_a_name_said_alike_is_answered_naming_the_department_read(engine: Engine) -> None:
    """福力院 for 福利院 (li): the 福利院's figure, the reading line saying the question as read."""
    a = engine.answer("普陀区社会福力院2024年收入预算一共多少钱？")
    # 收入总计 12,121,164 元 (p.7 table) or 收入预算 1,212.12 万元 (p.6 text): the same figure
    assert not a.refused and (a.value, a.unit) in INCOME
    assert "上海市普陀区社会福利院" in a.text
    assert a.reading is not None and a.reading.line().startswith("按：“普陀区社会福利院2024年")
    assert a.question == "普陀区社会福力院2024年收入预算一共多少钱？"


def test_a_name_said_otherwise_is_asked_back_then_answered_on_yes(engine: Engine) -> None:
    first = engine.answer("普陀区社会福祉院2024年收入预算一共多少钱？")  # 祉 is no 利 said: asked, not read
    assert first.refused and first.value is None and first.choices == (FULIYUAN,)
    assert "您问的是不是“上海市普陀区社会福利院”？" in first.text
    yes = engine.answer("是", [first])
    assert not yes.refused and (yes.value, yes.unit) in INCOME and "上海市普陀区社会福利院" in yes.text
    named = engine.answer("福利院", [first])
    assert (named.value, named.unit) in INCOME
    other = engine.answer("万里街道", [first])  # the user names another department: its figure
    assert other.value == Decimal("156211123") and WANLI in other.text
