"""Year-on-year changes the narrative prints (assistant/narrative.py), on sentences copied from real
disclosures: 上海市普陀区社会福利院 2024 单位预算, 万里街道 2024 部门预算, 深圳市财政局 2026 部门预算,
西安市发改委 2019 部门预算. One test per entry of assistant/narrative.toml."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.cues import _said, year_words
from assistant.narrative import (
    _data,
    asked_basis,
    basis_of,
    best_change,
    changes,
    fund_part,
    generic,
    opening_item,
    same_basis,
    whole,
)
from assistant.understand import FUND_WORDS
from index.records import Chunk

NEUTRAL = ("部门预算", "预算数", "预算", "支出", "经费", "部门", "单位")


def chunk(text: str, where: str = "2024年单位预算编制说明") -> Chunk:
    return Chunk(id="x", doc_id="d", where=where, text=f"{where}\n{text}", metadata={"kind": "prose"})


FULIYUAN = chunk(
    "5. “医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”50.37万元，主要用于人员医疗保险。"
    "2023年当年预算执行数为44.17万元，2024年预算安排50.37万元，比2023年预算执行数增加14.04%。主要原因是：根据实际支出。\n"
    "6. “住房保障支出（类）住房改革支出（款）住房公积金（项）”33.58万元，主要用于在职人员公积金缴费。2023年当年预算执行数为\n"
    "33.74万元，2024年预算安排33.58万元，比2023年预算执行数减少0.47%。主要原因是：根据实际支出。"
)
SHENZHEN = chunk(
    "2026年深圳市财政局（本级）部门预算收入37,385.88万元，较2025年年初预算减少16,640.31万元，下降30.8%。\n"
    "2026年深圳市财政局（本级）部门预算支出37,385.88万元，较2025年年初预算减少16,640.31万元，下降30.8%。",
    "第二部分 部门预算收支总体情况",
)


@pytest.mark.parametrize("entry", _data()["basis"], ids=lambda b: b["name"])
def test_each_basis(entry: dict[str, object]) -> None:
    """Every basis of narrative.toml names the comparison of its example, as printed and as asked."""
    example = str(entry["example"])
    against = example.split("比" if "比" in example else "较", 1)[1]
    assert basis_of(against) == entry["name"]
    assert asked_basis(f"2024年预算{example.split('万元')[0]}") == entry["name"]


def test_a_bare_comparison_is_against_the_documents_own_kind() -> None:
    assert asked_basis("西安发改委2019年预算比上年增加了多少？") == ""
    assert same_basis("", "执行数", "预算")
    assert same_basis("预算", "", "预算") and not same_basis("执行数", "", "预算")
    assert same_basis("执行数", "", "决算") and not same_basis("预算", "", "决算")
    assert same_basis("预算", "年初预算", "预算") and not same_basis("预算", "执行数", "预算")


def test_generic_and_whole_words() -> None:
    assert generic(str(_data()["generic_example"])) and not generic("公务用车购置费2026年预算数")
    assert whole(str(_data()["whole_example"])) and not whole("财政拨款收入")
    assert whole("深圳市财政局（本级）部门预算支出", ("深圳市财政局（本级）",))


def test_a_numbered_paragraph_opens_with_its_item_path() -> None:
    assert opening_item("6. “住房保障支出（类）住房改革支出（款）住房公积金（项）”33.58万元") == (
        "住房保障支出",
        "住房改革支出",
        "住房公积金",
    )
    assert opening_item("1.5%的增长") == ()
    assert opening_item("本部门收入预算") == ()


def test_the_change_of_a_paragraphs_item_against_its_printed_basis() -> None:
    """福利院 2024: the sentence's subject is only 预算安排; the paragraph's item (住房公积金) is what changed,
    against 2023年预算执行数 — never answered for a change asked against the 2023 预算."""
    found = changes([FULIYUAN])
    best = best_change(found, "住房公积金 预算", True, (), NEUTRAL, "执行数", "预算")
    assert best is not None and best.rate == Decimal("-0.47") and best.subject == "住房公积金"
    assert best_change(found, "事业单位医疗", True, (), NEUTRAL, "执行数", "预算").rate == Decimal("14.04")  # type: ignore[union-attr]
    assert best_change(found, "住房公积金", True, (), NEUTRAL, "预算", "预算") is None
    assert best_change(found, "住房改革支出住房公积金", True, (), NEUTRAL, "", "预算") is not None  # its parent named


def test_no_item_named_asks_the_whole_budgets_change() -> None:
    """深圳市财政局 2026: "今年的预算比去年下降了百分之几" — 收入 and 支出 print the same change."""
    found = changes([SHENZHEN])
    best = best_change(found, "预算", True, ("深圳市财政局（本级）",), NEUTRAL, "", "预算")
    assert best is not None and best.rate == Decimal("-30.8")
    other = chunk(
        "本部门收入预算100.00万元，比上年增加10.00万元。\n本部门支出预算120.00万元，比上年增加30.00万元。",
        "二、收支总体情况",
    )
    assert best_change(changes([other]), "预算", False, (), NEUTRAL) is None  # 收入 or 支出: not said which


@pytest.fixture(scope="module")
def engine(store_real: Path):  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings

    return Engine(Settings(store=store_real))


@pytest.mark.parametrize(
    ("question", "value", "unit"),
    [
        ("社会福利院住房公积金2024年预算比2023年执行数变化了百分之几？", Decimal("-0.47"), "%"),
        ("万里街道组织事务一般行政管理事务2024年比2023年执行数增长了多少？", Decimal("46.19"), "%"),
    ],
)
def test_a_change_against_last_years_execution_is_the_printed_one(
    engine, question: str, value: Decimal, unit: str
) -> None:  # type: ignore[no-untyped-def]
    a = engine.answer(question)
    assert not a.refused and a.value == value and a.unit == unit
    assert "执行数" in a.text and a.citations


def test_a_zero_beginning_budget_of_a_final_account_is_no_missing_item(engine) -> None:  # type: ignore[no-untyped-def]
    """社工部 2024 决算 prints 年初预算为0万元 beside 支出决算为307.82万元: the 0 is that column's only."""
    a = engine.answer("社会工作部一般公共预算财政拨款支出年初预算是多少？")
    assert not a.refused and a.value == 0 and "年初预算" in a.text and "没有" not in a.text


@pytest.mark.parametrize(("side", "printed"), list(_data()["whole_sides"].items()))
def test_a_side_of_the_whole_budget_named_is_answered_by_that_side_only(side: str, printed: list[str]) -> None:
    """ "支出预算比上年增加多少" where only the 收入's change is printed: nothing, never the 收入's figure."""
    other = "支出" if side == "收入" else "收入"
    doc = chunk(f"本部门{other}预算100.00万元，比上年增加10.00万元。", "二、收支总体情况")
    assert best_change(changes([doc]), f"{side}预算", False, (), NEUTRAL) is None
    doc = chunk(f"本部门{printed[0]}预算100.00万元，比上年增加10.00万元。", "二、收支总体情况")
    assert best_change(changes([doc]), f"{side}预算", False, (), NEUTRAL).change == Decimal("10.00")  # type: ignore[union-attr]


def test_an_earlier_years_figure_stated_in_a_paragraph() -> None:
    """福利院 2024: "2023年当年预算执行数为44.17万元" in the paragraph of 事业单位医疗 — its 2023 执行数; asked as
    the 2023 预算 it is none (another basis)."""
    from assistant.prior_text import best_level, item_asked, levels

    assert item_asked(str(_data()["level_example"])).split("2023年")[0] == "福利院事业单位医疗"
    assert "执行" not in item_asked(str(_data()["level_example"]))
    found = levels([FULIYUAN], 2024, "预算")
    best = best_level(found, "事业单位医疗 执行了", 2023, "执行数", "预算", (), NEUTRAL)
    assert best is not None and best.value == Decimal("44.17") and best.change is None
    assert best_level(found, "事业单位医疗", 2023, "预算", "预算", (), NEUTRAL) is None
    assert best_level(found, "事业单位医疗", 2022, "", "预算", (), NEUTRAL) is None


def test_an_earlier_years_figure_implied_by_a_printed_change_is_derived() -> None:
    """深圳市财政局 2026: 37,385.88 较2025年年初预算减少16,640.31 → the 2025 年初预算 54,026.19, by the calculator."""
    from assistant.prior_text import best_level, drafted, levels

    found = levels([SHENZHEN], 2026, "预算")
    best = best_level(found, "年初预算", 2025, "年初预算", "预算", ("深圳市财政局（本级）",), NEUTRAL)
    assert best is not None and best.value == Decimal("54026.19") and best.change is not None
    draft = drafted(best, "深圳市财政局（本级）", 2026, ("深圳市财政局（本级）",))
    assert draft.value == Decimal("54026.19") and draft.calculations[0].op == "prior_year"
    assert best_level(found, "年初预算", 2025, "执行数", "预算", (), NEUTRAL) is None  # printed against 年初预算


def test_a_question_naming_nothing_is_not_the_whole_budget() -> None:
    """ "比上年增长多少？" (a follow-up) names no item and no budget: never the whole budget's change."""
    assert best_change(changes([SHENZHEN]), "", False, ("深圳市财政局（本级）",), NEUTRAL) is None
    assert best_change(changes([SHENZHEN]), "预算", False, ("深圳市财政局（本级）",), NEUTRAL) is not None


@pytest.mark.parametrize("fund", FUND_WORDS)
def test_a_fund_s_part_of_the_whole_is_not_the_whole(fund: str) -> None:
    """无锡市人社局 2026 (p.43) prints "财政拨款收、支总计各减少14,816.38万元" beside (p.39) "收、支预算总计各减少
    33,650.45万元": "收支总计比去年少了多少" asks the whole, never the 财政拨款 part."""
    assert fund_part(f"{fund}收、支总计各", "无锡人社局今年收支总计比去年少了多少？", FUND_WORDS) == fund
    assert fund_part(f"{fund}收、支总计各", f"人社局{fund}收支总计比去年少了多少？", FUND_WORDS) is None
    assert fund_part(f"{fund}“三公”经费", "三公经费是多少？", FUND_WORDS) is None  # an item, no whole


@pytest.mark.parametrize("word", year_words("last_year"))
def test_each_word_for_the_year_before_reads_the_basis_after_it(word: str) -> None:
    # review r1 S2-3: "比前一年的预算" was read as no basis, so a change against 执行数 answered it
    assert asked_basis(f"福利院2024年事业单位医疗比{word}的预算增长了多少？") == "预算"
    assert asked_basis(f"事业单位医疗比{word}执行数增长了多少？") == "执行数"
    assert asked_basis(f"事业单位医疗比{word}增长了多少？") == ""
    assert not same_basis(asked_basis(_said()["last_year_example"]), "执行数", "预算")


CHONGQING_PARTS = chunk(
    "2026 年一般公共预算财政拨款收入 128148.56 万元，一般公共预算财政拨款支出 128148.56 万元，\n"
    "比 2025 年增加 10300.15 万元。其中：基本支出 33325.21 万元，主要用于保障在职人员工资福利及社\n"
    "会保险缴费、离休人员离休费、退休人员补助等，保障部门正常运转的各项商品服务支出，比 2025\n"
    "年增加 2943.64 万元，主要原因是水电职院学生人数增加；项目支出\n"
    "94823.35 万元，主要用于水源工程建设、水质检测水文监测基础信息采集等工作，比 2025 年增加 7356.51 万元，"
    "主要原因是上年结转结余比 2025 年增加。",
    "三、财政拨款情况说明",
)  # 重庆市水利局 2026 部门预算 p6


def test_a_part_s_change_printed_after_an_aside_is_the_part_s_of_its_whole() -> None:
    found = changes([CHONGQING_PARTS])
    assert [(c.subject, c.amount, c.change, c.whole) for c in found] == [
        ("一般公共预算财政拨款支出", Decimal("128148.56"), Decimal("10300.15"), ""),
        ("基本支出", Decimal("33325.21"), Decimal("2943.64"), "一般公共预算财政拨款支出"),
        ("项目支出", Decimal("94823.35"), Decimal("7356.51"), "一般公共预算财政拨款支出"),
    ]
    part = best_change(found, "一般公共预算财政拨款基本支出", False, (), NEUTRAL)
    assert part and part.change == Decimal("2943.64")  # never the whole's 10300.15
    assert part.named() == "一般公共预算财政拨款支出中的基本支出"
    assert best_change(found, "政府性基金预算基本支出", False, (), NEUTRAL) is None  # a part of another whole


@pytest.mark.parametrize(
    ("question", "decline"),
    [
        ("福州商务局2026年一般公共预算拨款支出比上年增长多少？", False),  # 多少 is no decline: the printed sign is kept
        ("比上年减少了多少？", True),
        ("比上年少了多少？", True),
        ("降幅是多少？", True),
    ],
)
def test_a_decline_asked_is_read_from_its_own_words_never_from_duoshao(question: str, decline: bool) -> None:
    from assistant.narrated import DECLINE

    assert bool(DECLINE.search(question)) is decline
