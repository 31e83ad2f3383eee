"""A quoted reason answers only when it is of the subject asked, at the level asked (assistant/quote_whole.py):
a row's paragraph for that row only, the 决算–预算 gap's reason for that gap, the whole's reason for the whole.
Sentences copied from real disclosures (社工部 2024 决算 p.17–20, 北京市财政局 2026 p.7–8); one test per entry of
assistant/quote_whole.toml, and the real PDFs of tests/data/real."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import reason
from assistant.answer import Engine
from assistant.config import Settings
from assistant.quote_whole import _data, against_budget, named_row, of_budget_gap, row_paragraph

PENSION = (  # 社工部 2024 决算 p.19: one row's paragraph
    "5、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）。主要用于：…"
)
WHOLE = "（三）一般公共预算财政拨款支出决算具体情况一般公共预算财政拨款支出年初预算为 0 万元，全年预算为307.82万元。"
GAP = "决算数小于预算数的主要原因：人员经费支出数小于预算数。"  # p.18: the department's own reason
YEARS = "与2023年度相比，收入支出总计增加307.82万元，增长100.00%。"  # p.17: a change over years …
FOUNDED = "主要原因：单位于2024年成立。"  # … and its reason


@pytest.mark.parametrize("word", _data()["levels"])
def test_each_level_mark_opens_a_rows_paragraph(word: str) -> None:
    said = str(_data()["levels_example"]).format(word=word)
    assert row_paragraph(said)[0] == "社会保障和就业支出"
    assert row_paragraph(PENSION) == ("社会保障和就业支出", "行政事业单位养老支出", "机关事业单位职业年金缴费支出")
    assert row_paragraph(WHOLE) == ()  # the whole's paragraph
    assert row_paragraph("（七）2210203-购房补贴85.00万元，主要用于…") == ("购房补贴",)  # a code opens one too


def test_a_row_is_named_by_any_level_of_its_path() -> None:
    path = row_paragraph(PENSION)
    assert named_row(path, "社工部职业年金缴费为什么决算比预算少？", ["职业年金"])
    assert not named_row(path, "区委社工部2024年决算数比预算数少，主要原因是什么？", [])
    assert not named_row(path, "社工部行政运行为什么决算比预算少？", ["行政运行"])


@pytest.mark.parametrize("word", _data()["links"])
def test_each_link_sets_the_final_against_the_budget(word: str) -> None:
    assert against_budget(str(_data()["against_example"]).format(word=word))
    assert not against_budget("区委社工部2024年预算比去年少，主要原因是什么？")
    assert not against_budget("社工部2024年决算为什么比2023年增加？")


def test_only_the_gaps_reason_answers_a_question_of_the_gap() -> None:
    marker = reason.marker()
    assert of_budget_gap(GAP, YEARS, marker)
    assert not of_budget_gap(FOUNDED, YEARS, marker)  # a change over years' reason (r13c031)
    assert of_budget_gap(
        "主要原因是人员变动。", "全年预算为307.82万元，支出决算为263.20万元，完成全年预算的85.51%。", marker
    )
    assert not of_budget_gap("主要原因是人员增加。", "比2023年预算执行数减少2.98%。", marker)


@pytest.fixture(scope="module")
def real(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


def test_the_departments_gap_reason_never_one_rows(real: Engine) -> None:
    a = real.answer("区委社工部2024年决算数比预算数少，主要原因是什么？")
    assert not a.refused and "人员经费支出数小于预算数" in a.text  # was the 职业年金 row's (r13c031)
    assert "新成立" not in a.text and "单位于2024年成立" not in a.text


def test_a_duties_question_quotes_the_duties(real: Engine) -> None:
    a = real.answer("区委社会工作部平时主要管哪些事？")
    assert not a.refused and "信访" in a.text and "志愿服务" in a.text  # was the 人员经费 list (r13c049)
    assert "95.36" not in a.text


def test_a_premise_is_corrected_by_the_row_under_the_parent_named(real: Engine) -> None:
    a = real.answer("万里街道2024年宣传事务一般行政管理事务为什么增加了？")
    assert a.refused and "减少 2.98%" in a.text and "110.60" in a.text  # was 群众团体事务's 6.19% (r13c081)
    assert "6.19" not in a.text
