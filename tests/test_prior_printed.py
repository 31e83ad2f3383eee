"""Years in item names and earlier figures printed in the loaded document, on sentences copied from real
disclosures: 西安市民政局 2021 部门预算 (p33 培训费, p34 机关运行经费), 烟台市审计局 2026 部门预算 (p28, a
misprint), 万里街道 2023 and 2024 部门预算 (p6)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.cues import _said, last_year_said, year_words
from assistant.exclusion import _beside, part_of
from assistant.narrative import best_change, changes, clauses
from assistant.prior_text import best_level, drafted, item_asked, levels, not_printed, other_basis
from assistant.understand import FUND_WORDS, LAST_YEAR
from assistant.years import full_years
from index.records import Chunk, Fact

NEUTRAL = ("部门预算", "预算数", "预算", "支出", "经费", "部门", "单位")
TRAINING = (
    "2021 年本部门当年一般公共预算培训费预算支出 102.32 万元，较上年的 40.11 万元增加62.21 万元，增幅 155.09%，"
    "主要原因是局机关增加基层政权换届选举和救助业务培训经费等。"
)
RUNNING = "本部门当年机关运行经费预算安排 663.08 万元，较上年的 637.77 万元，增加 25.31 万元，主要原因是公务经费定额标准有所提高。"
MISPRINT = "2026年本单位机关运行经费安排210.32万元，比上年1.43万元，增加0.68%。"  # 烟台市审计局: no earlier figure
WANLI_2023 = (
    "2023年，上海市普陀区人民政府万里街道办事处收入预算16497.86万元，其中：财政拨款收入16497.86万元，"
    "比2022年（上一年度，下同）预算增加1421.25万元；事业收入0万元。"
)
WANLI_2024 = (
    "3. “一般公共服务支出（类）组织事务（款）一般行政管理事务（项）”88.87万元，主要用于组织工作。"
    "2023年当年预算执行数为60.79万元，2024年预算安排88.87万元，比2023年预算执行数增加46.19%。主要原因是：工作增加。\n"
    "4. “一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元，主要用于宣传工作。"
    "2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：压减。"
)


def chunk(text: str, where: str = "第三部分 其他说明情况") -> Chunk:
    return Chunk(id="x", doc_id="d", where=where, text=f"{where}\n{text}", metadata={"kind": "prose"})


@pytest.mark.parametrize("word", year_words("last_year"))
@pytest.mark.parametrize("head", year_words("item_heads"))
def test_a_year_word_heading_an_item_name_is_no_year(word: str, head: str) -> None:
    """上年结转, 上年度结余, 去年结转的钱: the template's item of this year's document, never the year before."""
    assert not LAST_YEAR.search(f"某局{word}{head}有多少？")
    assert LAST_YEAR.search(f"某局{word}的{head}资金有多少？")  # "上年的结转资金": the year before's
    assert LAST_YEAR.search(f"某局会议费比{word}增加多少？")


def test_the_item_heads_example() -> None:
    import re

    example = str(_said()["item_heads_example"])
    assert "上年" in example and not re.search(last_year_said(), example)


def test_an_earlier_figure_printed_with_its_comparison_is_read_as_printed() -> None:
    (c,) = clauses(TRAINING.replace(" ", ""), "w")
    assert (c.amount, c.before, c.change, c.rate) == (
        Decimal("102.32"),
        Decimal("40.11"),
        Decimal("62.21"),
        Decimal("155.09"),
    )
    found = levels([chunk(TRAINING)], 2021, "预算")
    best = best_level(found, "培训费是", 2020, "", "预算", ("西安市民政局",), (*NEUTRAL, *FUND_WORDS))
    assert best is not None and best.value == Decimal("40.11") and best.change is None and best.compared
    draft = drafted(best, "西安市民政局", 2021, ("西安市民政局",))
    assert draft.value == Decimal("40.11") and not draft.calculations and "2020年" in draft.text
    assert item_asked("培训费是").strip() == "培训费"


def test_a_printed_earlier_figure_the_clause_contradicts_is_none() -> None:
    """ "比上年1.43万元，增加0.68%": 210.32 − 1.43 is no 0.68% rise — a misprint, no earlier figure read."""
    (c,) = clauses(MISPRINT, "w")
    assert c.before is None and c.rate == Decimal("0.68")
    assert [lv for lv in levels([chunk(MISPRINT)], 2026, "预算") if lv.value == Decimal("1.43")] == []


def test_a_negative_derived_level_is_a_misprint() -> None:
    text = "人员经费1,541.50.00万元，较上年增加493.27万元。"  # 西安市民政局 2021 p21: "1,541.50.00" misprinted
    assert all(lv.value >= 0 for lv in levels([chunk(text)], 2021, "预算"))


def test_the_change_of_an_item_with_an_earlier_figure_printed() -> None:
    found = changes([chunk(RUNNING)])
    best = best_change(found, "机关运行经费", False, (), NEUTRAL)
    assert best is not None and best.change == Decimal("25.31") and best.before == Decimal("637.77")


def test_a_bracketed_note_after_the_year_compared() -> None:
    (c,) = clauses(WANLI_2023, "w")
    assert (c.subject, c.change, c.basis) == ("财政拨款收入", Decimal("1421.25"), "预算")


def test_a_subject_path_asked_with_its_level_words() -> None:
    """ "“一般公共服务支出（类）组织事务（款）一般行政管理事务（项）”比2023年执行数增长了多少": the 组织事务 one, not
    the 宣传事务 one of the same name."""
    found = changes([chunk(WANLI_2024, "2024年部门预算编制说明")])
    asked = "一般公共服务支出 类 组织事务 款 一般行政管理事务 项"
    best = best_change(found, asked, True, (), NEUTRAL, "执行数", "预算")
    assert best is not None and best.rate == Decimal("46.19")
    assert best_change(found, "一般行政管理事务", True, (), NEUTRAL, "执行数", "预算") is None  # which one: not said


@pytest.mark.parametrize(
    ("question", "held", "full"),
    [
        (
            "深圳财政局26年预算比25年年初预算少了多少钱？",
            {2026, 2025},
            "深圳财政局2026年预算比2025年年初预算少了多少钱？",
        ),
        ("深圳财政局26年预算", {2024, 2023}, "深圳财政局26年预算"),  # no such document: as said
        ("工作了15年，2026年", {2026, 2025}, "工作了15年，2026年"),
        ("26.5年", {2026}, "26.5年"),
    ],
)
def test_two_digit_years_of_held_documents(question: str, held: set[int], full: str) -> None:
    assert full_years(question, held) == full


def _row(row: str, value: str) -> Fact:
    """深圳市财政局 2026 表1 收支总表 (p18): a row of its 收入 side, 2026年预算数 column."""
    return Fact(
        doc_id="d", department="深圳市财政局（本级）", year=2026, table="表1", section=None, row=row, code=None,
        column="2026年预算数", value=Decimal(value), unit="万元", source=f"表1 收支总表 · 收入 · {row}",
    )  # fmt: skip


def test_a_carry_over_row_is_no_part_of_the_years_own_total() -> None:
    """ "不算上年结转，…本年收入是多少": 上年结余、结转 (396.83) is printed beside 本年收入合计 (36,989.05), both
    making 收入总计 (37,385.88) — a part of 收入总计, never of 本年收入合计."""
    carried = _row("上年结余、结转", "396.83")
    assert not part_of(carried, _row("本年收入合计", "36989.05"))
    assert part_of(carried, _row("收入总计", "37385.88"))
    assert _beside(carried, _row("本年收入合计", "36989.05"))  # the year's own total answers, nothing subtracted
    assert not _beside(carried, _row("收入总计", "37385.88"))


@pytest.mark.slow
def test_an_execution_asked_of_a_budget_is_the_next_years_printed_one(store_real) -> None:  # type: ignore[no-untyped-def]
    """With 万里街道 2023 and 2024 loaded, "2023年实际执行了多少" is the 执行数 the 2024 预算's narrative prints, never
    the 2023 预算数."""
    from assistant.answer import Engine
    from assistant.config import Settings

    engine = Engine(Settings(store=store_real))
    a = engine.answer("万里街道宣传事务一般行政管理事务2023年执行了多少？")
    assert (a.value, a.unit) == (Decimal("114.00"), "万元") and "执行数" in a.text
    assert engine.answer("万里街道一般行政管理事务2023年执行了多少？").refused  # six rows of that name
    # 福利院's 2024 预算 prints 2023's 财政拨款收入 only as a 预算数: refused by name, never an internal error
    a = engine.answer("福利院2023年收入实际执行了多少？")
    assert a.refused and "没有印2023年的预算执行数" in a.text and "内部错误" not in a.text


BEIJING = "2026年北京市财政局收入预算44169.36万元，比2025年年初预算数44021.20万元增加148.16万元，增长0.34%。"  # 北京市财政局 2026 部门预算 p6


@pytest.mark.parametrize("asked", ["全年预算", "调整预算"])
def test_a_basis_not_printed_is_refused_naming_the_printed_one(asked: str) -> None:
    """Only the 2025 年初预算数 is printed: "2025年全年预算是多少" is refused naming it, never answered by it."""
    found = levels([chunk(BEIJING, "二、收入预算情况说明")], 2026, "预算")
    phrase = item_asked(f"收入{asked}")
    assert best_level(found, phrase, 2025, asked, "预算", ("北京市财政局",), NEUTRAL) is None
    other = other_basis(found, phrase, 2025, asked, "预算", ("北京市财政局",), NEUTRAL)
    assert other is not None and other.basis == "年初预算" and other.value == Decimal("44021.20")
    assert (
        not_printed(other, asked, ("北京市财政局",))
        == f"文件只印了2025年收入预算的年初预算 44,021.20 万元，没有印2025年的{asked}"
    )
    fit = best_level(found, item_asked("收入年初预算"), 2025, "年初预算", "预算", ("北京市财政局",), NEUTRAL)
    assert fit is not None and fit.value == Decimal("44021.20")


def test_a_full_year_budget_printed_answers_only_its_own_basis() -> None:
    """社工部 2024 决算 p18 style: "2024年全年预算数为321.02万元" is a 全年预算数, the year part read lazily."""
    found = levels([chunk("一般公共预算财政拨款支出2024年全年预算数为321.02万元。")], 2025, "决算")
    assert [lv.basis for lv in found] == ["全年预算"]
    assert (
        best_level(found, item_asked("一般公共预算财政拨款支出年初预算"), 2024, "年初预算", "决算", (), NEUTRAL) is None
    )
