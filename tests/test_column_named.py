"""The words of a question that name a column, a fund or a parent narrow the rows and columns read: an item whose own
name says it is the column asked, a 基本支出 table's 经济分类 row inside the part its code is, a filler word kept
inside a printed name, "<parent>的其他支出" as the printed 科目, an item the prose prints under the whole asked, and
a share printed with no whole.

Figures as printed: 重庆市水利局 2026 p.8 "2026 年委托业务费涉及财拨资金 9240.60 万元"; 社工部 2024 决算 一般公共预算财政
拨款基本支出决算表 "30211 差旅费 1.15"; 烟台市审计局 2026 表5 "合计 … 人员支出 2,536.91 日常公用支出 235.33"; 无锡市交通
运输局 2026 p.36 "城乡社区公共设施（款）其他城乡社区公共设施支出（项）"; 深圳市财政局 2026 p.7 "（五）项目支出 26,361.57
万元，具体包括：1.预决算管理业务 18,808.16 万元"; 社工部 2024 决算 p.18 "一般公共预算财政拨款支出 307.82 万元，主要用于
以下方面：…住房保障支出（类）29.42 万元，占 9.55%"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.filler_kept import names_with_filler, without_filler
from assistant.parts import _data as parts_data
from assistant.parts import named_in
from assistant.stated import asked_share, read
from assistant.subject_path import others_written, under_parent
from assistant.within import coded_under, coded_wholes
from index.records import Fact


def fact(row: str, code: str | None = None, **kw) -> Fact:  # type: ignore[no-untyped-def]
    return Fact(
        doc_id=kw.pop("doc_id", "d"), department="中共上海市普陀区委社会工作部", year=2024, table=kw.pop("table", None),
        section=None, row=row, code=code, column="决算数", value=Decimal(kw.pop("value", "1.15")), unit="万元",
        source=f"表 · {row}", **kw,
    )  # fmt: skip


@pytest.mark.parametrize(("column", "word"), [(c, w) for c, ws in parts_data()["named_in"].items() for w in ws])
def test_each_word_of_a_column_in_an_items_name_says_it_is_that_column(column: str, word: str) -> None:
    assert named_in(column, f"委托业务费涉及{word}资金")


def test_an_item_of_another_column_is_not_named_by_it() -> None:
    assert named_in("财政拨款", "委托业务费涉及财拨资金")
    assert not named_in("项目支出", "委托业务费涉及财拨资金")


BASIC = {"table": "一般公共预算财政拨款基本支出决算表", "table_kind": "general_public_basic_by_economic",
         "code_scheme": "经济分类"}  # fmt: skip


@pytest.mark.parametrize(("whole", "code"), [(w, c) for w, cs in parts_data()["coded_under"].items() for c in cs])
def test_each_code_of_a_part_of_basic_spending_is_inside_it(whole: str, code: str) -> None:
    assert coded_under(whole, fact("某项", f"{code}11", **BASIC))


def test_a_row_is_inside_the_part_its_code_is_in_a_basic_table_only() -> None:
    travel = fact("差旅费", "30211", **BASIC)
    assert coded_under("公用经费", travel) and not coded_under("人员经费", travel)
    assert "公用经费" in coded_wholes(travel) and "人员经费" not in coded_wholes(travel)
    # the same row of a table of all spending (项目支出 too) is no part of 公用经费
    whole_table = fact("差旅费", "30211", table="一般公共预算支出表", table_kind="general_public_by_economic",
                       code_scheme="经济分类")  # fmt: skip
    assert not coded_under("公用经费", whole_table)


def test_a_filler_word_inside_a_printed_name_is_kept() -> None:
    filler = ["日常", "情况"]
    names = names_with_filler(["日常公用支出", "办公经费", "日常"], filler)
    assert names == ["日常公用支出"]
    assert without_filler("烟台审计局日常公用支出多少", filler, names).split() == ["烟台审计局日常公用支出多少"]
    assert without_filler("日常的办公经费多少", filler, names).split() == ["的办公经费多少"]


def test_the_other_spending_of_a_parent_is_the_printed_subject() -> None:
    coded = {"其他城乡社区公共设施支出": {"2120399"}, "城乡社区公共设施": {"21203"}}
    said = others_written("城乡社区公共设施的其他支出增长了多少百分比", coded)
    assert said == "其他城乡社区公共设施支出增长了多少百分比"
    assert others_written("其他支出增长了多少", coded) == "其他支出增长了多少"  # no parent named: unchanged


def test_an_item_printed_under_the_whole_asked_is_bound_to_it() -> None:
    item = [fact("预决算管理业务", value="18808.16", parent="项目支出")]
    assert under_parent(item, "项目支出", ["d"])
    assert not under_parent(item, "基本支出", ["d"]) and not under_parent(item, "项目支出", ["other"])


def test_a_share_asked_within_a_whole_and_printed_with_none() -> None:
    asked = asked_share("一般公共预算财政拨款支出中，住房保障支出占比？")
    assert asked is not None and (asked.noun, asked.whole) == ("住房保障支出", "一般公共预算财政拨款支出")
    sentence = (
        "（二）一般公共预算财政拨款支出决算结构情况一般公共预算财政拨款支出307.82万元，主要用于以下方面："
        "一般公共服务支出（类）264.87万元，占86.05%；住房保障支出（类）29.42万元，占9.55%。"
    )
    shares = [(s.before, s.whole, s.value) for s in read([(sentence, "五")]) if s.unit == "%"]
    assert shares == [
        ("一般公共服务支出", "一般公共预算财政拨款支出", Decimal("86.05")),
        ("住房保障支出", "一般公共预算财政拨款支出", Decimal("9.55")),
    ]


@pytest.fixture(scope="module")
def real_engine(store_real):  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings

    return Engine(Settings(store=store_real))


@pytest.mark.slow
def test_a_basic_row_asked_inside_the_part_its_code_is(real_engine) -> None:  # type: ignore[no-untyped-def]
    a = real_engine.answer("社会工作部公用经费里差旅费多少？")
    assert not a.refused and a.value == Decimal("1.15")
    assert real_engine.answer("社会工作部人员经费里差旅费多少？").refused  # 30211 is no 人员经费
    assert real_engine.answer("社会工作部人员经费中基本工资多少？").value == Decimal("14.12")


@pytest.mark.slow
def test_a_share_asked_within_a_whole_is_the_printed_one(real_engine) -> None:  # type: ignore[no-untyped-def]
    a = real_engine.answer("社工部一般公共预算财政拨款支出中，住房保障支出占比？")
    assert not a.refused and a.value == Decimal("9.55")  # printed; 29.42 ÷ 307.82 rounds to 9.56
