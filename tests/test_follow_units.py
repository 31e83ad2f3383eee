"""Follow-ups that keep the conversation's subject and replace one thing (assistant/follow.py, follow.toml,
assistant/converted.py, assistant/row_named.py): the items of an earlier count ("分别是哪几个？"), the figure just
answered in another unit of money ("换算成元是多少？"), another unit's row of the table just answered ("那本级呢？");
one test per cue word, then conversations over real Shanghai PDFs."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from assistant.converted import converted
from assistant.follow import complete, cues, money_unit
from assistant.records import Answer
from assistant.row_named import row_named
from index.records import DocumentInfo, Fact

COUNT = "福利院有几个内设机构？"
AMOUNT = "无锡人社局2026年政府采购工程是多少？"


@pytest.mark.parametrize("which", cues()["which_ones"])
def test_a_list_asked_after_a_count_asks_the_items_counted(which: str) -> None:  # round 10 r10a013
    assert complete(COUNT, f"{which}？") == "福利院有哪些内设机构？"


@pytest.mark.parametrize("count", cues()["count_asks"])
def test_each_count_word_is_asked_as_which(count: str) -> None:
    assert complete(f"万里街道2024年有{count}预算单位？", "分别是哪些？") == "万里街道2024年有哪些预算单位？"


def test_a_list_after_no_count_is_no_such_follow_up() -> None:
    assert complete("万里街道2024年预算是多少？", "分别是哪些？") is None


@pytest.mark.parametrize("unit", cues()["money_units"])
@pytest.mark.parametrize("into", cues()["money_into"])
def test_a_unit_of_money_asked_alone(unit: str, into: str) -> None:  # round 10 r10c049
    asked = f"{into}{unit}是多少？" if into not in ("为单位", "来算", "计算", "表示", "计") else f"{unit}{into}呢？"
    assert money_unit(asked) == unit
    assert complete(AMOUNT, asked) == f"无锡人社局2026年政府采购工程是多少{unit}？"


@pytest.mark.parametrize("ask", cues()["amount_asks"])
def test_a_unit_is_asked_only_of_an_amount(ask: str) -> None:
    assert complete(f"万里街道2024年预算{ask}？", "换算成元呢？") == "万里街道2024年预算是多少元？"
    assert complete("万里街道2024年预算比上年增加多少？", "换算成元呢？") is None  # never the amount for the change


FACT = dict(doc_id="d", department="无锡市人力资源和社会保障局", year=2026, table="表2", section=None, code=None,
            unit="万元", source="表2 收入总表", page=18)  # fmt: skip
ROWS = {"无锡市社会保险基金管理中心": D("118788.13"), "无锡市人力资源和社会保障局（本级）": D("6810.48"),
        "江苏省无锡技师学院": D("15803.43")}  # fmt: skip
DOCS = {"d": DocumentInfo(doc_id="d", title="", department="无锡市人力资源和社会保障局", year=2026, kind="预算",
                          unit="万元", filename="d.pdf", n_facts=4, ingested_at="")}  # fmt: skip


def facts(column: str = "合计") -> list[Fact]:
    """表2 收入总表 of 无锡市人社局 2026 (page 18): three units' 合计, and one 财政拨款 of the 本级."""
    rows = [Fact(row=r, column=column, value=v, **FACT) for r, v in ROWS.items()]  # type: ignore[arg-type]
    return [*rows, Fact(row="无锡市人力资源和社会保障局（本级）", column="财政拨款", value=D("6000"), **FACT)]  # type: ignore[arg-type]


def test_a_unit_named_after_a_table_answer_is_its_row_there() -> None:  # round 10 r10c037, r10c038
    last = Answer(question="哪个最多？", text="…", refused=False, facts=facts()[:1])
    own = row_named("那本级呢？", last, DOCS, lambda d: facts())
    assert own is not None and (own.value, own.unit) == (D("6810.48"), "万元"), own
    assert own.text.startswith("2026年无锡市人力资源和社会保障局（本级）（合计）为 6,810.48 万元")
    school = row_named("江苏省无锡技师学院呢？", own, DOCS, lambda d: facts())
    assert school is not None and school.value == D("15803.43")
    assert school.figures[0].verdict == "verified"


def test_a_unit_not_in_the_table_or_after_a_refusal_is_not_read_there() -> None:
    last = Answer(question="哪个最多？", text="…", refused=False, facts=facts()[:1])
    assert row_named("无锡市人才服务中心呢？", last, DOCS, lambda d: facts()) is None  # no such row
    assert row_named("公用经费呢？", last, DOCS, lambda d: facts()) is None  # no unit's name
    refused = Answer(question="…", text="抱歉", refused=True, facts=facts()[:1])
    assert row_named("那本级呢？", refused, DOCS, lambda d: facts()) is None
    mixed = Answer(question="…", text="…", refused=False, facts=[facts()[0], facts()[-1]])  # two columns
    assert row_named("那本级呢？", mixed, DOCS, lambda d: facts()) is None


def test_the_figure_just_answered_is_converted_from_its_fact() -> None:
    f = Fact(row="拟采购工程支出", column="金额", value=D("700"), **FACT)  # type: ignore[arg-type]
    last = Answer(question="工程类呢？", text="2026年无锡市人力资源和社会保障局拟采购工程支出为 700 万元。\n出处：…",
                  refused=False, value=D("700"), unit="万元", facts=[f])  # fmt: skip
    done = converted("换算成元是多少？", last)
    assert done is not None and (done.value, done.unit) == (D("7000000"), "元")
    assert done.text.startswith(
        "2026年无锡市人力资源和社会保障局拟采购工程支出为 7,000,000 元。\n换算：700 万元 = 7,000,000 元"
    )
    assert [g.verdict for g in done.figures] == ["derived", "verified"]
    assert converted("换算成万元是多少？", last) is None  # already in 万元
    assert converted("换算成元是多少？", Answer(question="…", text="为 5.2%", refused=False, value=D("5.2"),
                                                 unit="%", facts=[]))  is None  # fmt: skip


@pytest.fixture(scope="module")
def real(store_real: Path):  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings

    return Engine(Settings(store=store_real))


@pytest.mark.slow
def test_conversations_over_real_pdfs(real) -> None:  # type: ignore[no-untyped-def]
    count = real.answer(COUNT)
    items = real.answer("分别是哪几个？", [count])
    assert not items.refused and all(w in items.text for w in ("院长室", "办公室", "财务室", "后勤部", "护理部"))
    budget = real.answer("万里街道2024年预算是多少？")
    again = real.answer("以亿元为单位呢？", [budget])
    assert (budget.value, budget.unit) == (D("156211123"), "元"), budget.text
    assert (again.value, again.unit) == (
        D("1.56211123"),
        "亿元",
    ) and "换算：156,211,123 元 = 1.56211123 亿元" in again.text
