"""Answering what other cities' disclosures print, or refusing — on Shenzhen's real 2026 部门预算 PDFs
(深圳市财政局 and 深圳市科技创新局). Figures read from the PDFs: 第二部分 “部门预算收入 37,385.88 万元，较 2025
年年初预算减少 16,640.31 万元，下降 30.8%”; 第八部分 “机关运行经费财政拨款预算 443.43 万元，较 2025 年年初预算
增加 50.45 万元，增长 12.84%” (科技创新局) and “2,719.55 万元…减少 956.74 万元，下降 26.0%” (财政局); 表1 收入总计
37,385.88 (财政局)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.narrative import best_change, changes
from assistant.records import Answer
from assistant.registry_asked import registered_amount
from tests.conftest import REAL, store_of

pytestmark = pytest.mark.slow  # stores of real PDFs of other cities built per module


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    names = ("shenzhen-caizheng-2026-dept-yusuan.pdf", "shenzhen-keji-2026-dept-yusuan.pdf")
    return Engine(Settings(store=store_of(tmp_path_factory.mktemp("regions") / "store", *(REAL / n for n in names))))


def value(a: Answer) -> tuple[Decimal | None, str | None]:
    assert not a.refused, a.text
    return a.value, a.unit


@pytest.mark.parametrize(
    "question",
    [
        "深圳市科技创新局2026年机关运行经费财政拨款预算比上年增长了多少百分比？",
        "深圳市科技创新局2026年机关运行经费财政拨款预算增长的比例是多少？",
        "科技创新局机关运行经费财政拨款比2025年增长了百分之几？",
    ],
)
def test_a_rate_of_change_is_the_growth_the_narrative_prints_never_a_share(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert value(a) == (Decimal("12.84"), "%")
    assert "占" not in a.text


def test_a_decline_asked_as_a_percentage(engine: Engine) -> None:
    a = engine.answer("深圳市财政局2026年机关运行经费财政拨款预算比上年下降了多少百分比？")
    assert value(a) == (Decimal("26.0"), "%")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("深圳市财政局2026年部门预算比2025年年初预算减少了多少？", Decimal("16640.31")),
        ("深圳市财政局今年部门预算收入较上年少了多少钱？", Decimal("16640.31")),
        ("深圳市科技创新局2026年部门预算比2025年年初增加了多少？", Decimal("107974.28")),
    ],
)
def test_a_narrative_change_is_read_from_its_sentence(engine: Engine, question: str, expected: Decimal) -> None:
    a = engine.answer(question)
    assert value(a) == (expected, "万元")
    assert a.citations and "年初预算" in a.citations[0].text


def test_a_change_of_something_the_narrative_does_not_compare_is_refused(engine: Engine) -> None:
    assert engine.answer("深圳市财政局2026年行政运行比上年增加了多少？").refused


def test_the_narrative_grammar_on_a_sentence_broken_over_lines() -> None:
    from index.records import Chunk

    chunk = Chunk(
        id="x", doc_id="d", where="一、收支预算总体情况说明",
        text="一、收支预算总体情况说明\n无锡市人力资源和社会保障局 2026 年度收入、支出预算总计154,121.76 万元，与上年相比收、支\n"
        "预算总计各减少 33,650.45 万元，减少 17.92%。",
        metadata={"kind": "prose"},
    )  # fmt: skip
    found = changes([chunk])
    best = best_change(found, "收支预算总计", False, ("无锡市人力资源和社会保障局",))
    assert best is not None and best.change == Decimal("-33650.45") and best.rate == Decimal("-17.92")


def test_the_department_total_income_written_out_is_the_total(engine: Engine) -> None:
    a = engine.answer("深圳市财政局（本级）2026年部门预算收入总计是多少？")
    assert value(a) == (Decimal("37385.88"), "万元")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("截至2025年10月深圳市财政局（本级）有几辆车？", (Decimal(3), "辆")),  # 第五部分 “本单位共有车辆 3 辆”
        ("截至2025年10月深圳市科技创新局（本级）共有多少辆车？", (Decimal(4), "辆")),
    ],
)
def test_a_count_the_narrative_states_at_a_date(engine: Engine, question: str, expected: tuple[Decimal, str]) -> None:
    """截至2025年10月 dates the count printed in the 2026 disclosure; it asks for no 2025 document."""
    assert value(engine.answer(question)) == expected


def test_a_label_that_leaves_out_the_asked_items_word_is_another_item(engine: Engine) -> None:
    """机关运行经费 (443.43) is not what “机关收入运行经费” asks: the answer names the asked item or refuses."""
    assert value(engine.answer("深圳市科技创新局2026年机关运行经费是多少？")) == (Decimal("443.43"), "万元")
    assert engine.answer("深圳市科技创新局2026年机关收入运行经费是多少？").refused


def test_a_registry_subject_is_read_at_its_table_when_no_label_names_it(engine: Engine) -> None:
    """“三公”经费 of the registry is the 表9 财政拨款“三公”经费支出表's 总计, its fund columns summed (58.46, as the
    text's 第五部分 says); a question with an item word the subject leaves out (委托业务) gets no figure from it."""
    for question, value in (("深圳市财政局2026年“三公”经费预算合计是多少？", Decimal("58.46")),
                            ("深圳市财政局2026年委托业务“三公”经费是多少？", None)):  # fmt: skip
        turn = engine.turn(engine.understanding.documents(question, (), None, None))
        draft = registered_amount(turn, turn.understanding.understand(question, (), None, None))
        assert (draft.value if draft else None) == value
        assert draft is None or all(f.table_kind == "three_public" for f in draft.facts)


def test_a_decision_documents_figure_never_answers_a_budget_question(store_real: Path) -> None:
    """社工部 has only its 2024 决算: "…财政拨款收入预算是多少" is refused, never answered with the 决算's 307.82."""
    engine = Engine(Settings(store=store_real))
    answer = engine.answer("社工部2024年财政拨款收入预算是多少？")
    assert answer.refused and answer.value is None
    assert engine.answer("社工部2024年财政拨款收入是多少？").value == Decimal(
        "307.82"
    )  # the 决算 figure, asked plainly


def test_another_years_column_of_the_three_public_table_is_that_years_figure(engine: Engine) -> None:
    """表9 财政拨款“三公”经费支出表 is read across by 年度: its 2025年 column gives 公务用车运行维护费 8.60 (its
    一般公共预算 column; the other funds print 0.00), said to be the 2026 document's 2025 figure; 2026年 is 7.40;
    a year the table does not print is never answered from another column."""
    answer = engine.answer("深圳市财政局2026年预算“三公”表里，2025年的公务用车运行维护费是多少？")
    assert value(answer) == (Decimal("8.60"), "万元")
    assert all(f.column == "2025年" and f.table_kind == "three_public" for f in answer.facts)
    assert "2025年" in answer.text and "所列2025年数" in answer.text
    assert value(engine.answer("深圳市财政局2026年公务用车运行维护费是多少？")) == (Decimal("7.40"), "万元")
    assert engine.answer("深圳市财政局2026年预算“三公”表里2023年的公务接待费是多少？").value is None


def test_a_fund_named_before_the_three_public_subject_is_its_tables_fund(engine: Engine) -> None:
    """“财政拨款“三公”经费” is the 财政拨款“三公”经费支出表's 总计 (58.46), not the 财政拨款 income."""
    assert value(engine.answer("深圳市财政局2026年财政拨款“三公”经费合计多少？")) == (Decimal("58.46"), "万元")


def test_government_procurement_is_its_own_column_never_the_total(engine: Engine) -> None:
    """表3 支出总表's “2026年政府采购项目” at the department's own row: 3,790.75 万元 (第四部分: “政府采购项目共有
    3,790.75 万元”), never its 支出总计 (37,385.88); asked in 元, converted; a count asked gets no amount."""
    answer = engine.answer("深圳市财政局2026年纳入预算的政府采购项目一共多少钱？")
    assert value(answer) == (Decimal("3790.75"), "万元")
    assert answer.facts and all(
        "政府采购项目" in f"{f.row}{f.column}" for f in answer.facts
    )  # the column or the 第四部分 sentence
    assert value(engine.answer("深圳市财政局2026年政府采购预算共多少元？")) == (Decimal("37907500"), "元")
    assert engine.answer("深圳市财政局2026年政府采购预算数量是多少？").value != Decimal("3790.75")
