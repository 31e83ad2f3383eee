"""A 科目 named with its parents: the row under each parent's code, never a row of another parent."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.render import answer_json
from assistant.subject_path import (
    _DATA,
    LEVELS,
    as_written,
    heads_printed,
    mark_path,
    one_printer,
    steps,
    with_of,
    without_fund,
    written_paths,
    written_with_code,
)
from index.records import Fact


@pytest.fixture(scope="module")
def real(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


@pytest.mark.parametrize("level", LEVELS)
def test_each_level_marker_before_a_name_is_a_step_of_the_path(level: str) -> None:
    assert mark_path(f"社会工作事务（{level}）行政运行是多少") == "社会工作事务里行政运行是多少"
    assert mark_path(f"社会工作事务({level})行政运行是多少") == "社会工作事务里行政运行是多少"
    assert mark_path(f"行政运行（{level}）是多少") == "行政运行是多少"  # at the end: only what the name is


def test_a_joined_marker_and_a_separator_after_it_make_one_step() -> None:
    assert mark_path("基础研究（类款）下面的自然科学基金") == "基础研究下面的自然科学基金"
    assert steps("农林水支出里水利中的行政运行") == ["农林水支出", "水利", "行政运行"]
    assert with_of(["交通运输支出", "公路水路运输的行政运行"]) == ["交通运输支出", "公路水路运输", "行政运行"]


@pytest.mark.parametrize(
    "question",
    [
        "社工部2024年一般公共服务支出（类）社会工作事务（款）行政运行（项）决算数是多少？",
        "社工部2024年一般公共服务支出中社会工作事务的行政运行是多少？",
        "社工部2024年一般公共服务支出里社会工作事务里的行政运行是多少？",
    ],
)
def test_a_path_of_three_names_is_the_row_under_both_parents(real: Engine, question: str) -> None:
    a = answer_json(real.answer(question, []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("51.32")  # 2013901 行政运行, 支出决算表
    assert "2013901" in a["text"]


@pytest.mark.parametrize(
    "question",
    [
        "社工部2024年社会保障和就业支出（类）社会工作事务（款）行政运行（项）决算数是多少？",
        "社工部2024年社会保障和就业支出中社会工作事务的行政运行是多少？",
    ],
)
def test_a_path_through_another_parent_is_refused(real: Engine, question: str) -> None:
    assert answer_json(real.answer(question, []))["refused"]  # 20139 lies under 201, not 208


CODED = {
    "一般公共服务支出": {"201"},
    "财政事务": {"20106"},
    "财政国库业务": {"2010605"},
    "宣传事务": {"20133"},
    "一般行政管理事务": {"2013302", "2012902"},
    "社会工作事务": {"20139"},
    "行政运行": {"2013901", "2010601"},
    "其他社会工作事务支出": {"2013999"},
    "养老服务": {"2081006"},
}


@pytest.mark.parametrize(
    ("written", "path"),
    [
        ("财政事务（财政国库业务）预算多少", "财政事务里财政国库业务预算多少"),  # the child in brackets
        ("一般行政管理事务（宣传事务）预算多少", "宣传事务里一般行政管理事务预算多少"),  # the parent in brackets
        ("2024年财政事务(财政国库业务)", "2024年财政事务里财政国库业务"),
        ("行政运行（社会工作事务）", "社会工作事务里行政运行"),
        ("社会工作事务行政运行是多少", "社会工作事务里行政运行是多少"),  # one right after the other
        ("一般公共服务支出社会工作事务行政运行", "一般公共服务支出里社会工作事务里行政运行"),
        ("社会工作事务 行政运行是多少", "社会工作事务里行政运行是多少"),  # a space apart
    ],
)
def test_names_one_under_the_other_are_read_as_a_path(written: str, path: str) -> None:
    assert written_paths(written, CODED) == path


@pytest.mark.parametrize(
    "written",
    [
        "财政事务（养老服务）预算多少",  # 2081006 lies under no code of 财政事务
        "其他社会工作事务支出是多少",  # 社会工作事务 written inside another row's name
        "一般行政管理事务（主要是宣传）",
    ],
)
def test_names_that_are_no_path_stay_as_written(written: str) -> None:
    assert written_paths(written, CODED) == written


def test_a_subject_marker_only_says_what_the_name_is() -> None:
    assert mark_path("基础研究（科目）2026年预算数是多少") == "基础研究2026年预算数是多少"
    assert mark_path("水利工程建设（项级科目）是多少") == "水利工程建设是多少"


@pytest.mark.parametrize(
    ("question", "value", "code"),
    [
        ("万里街道一般行政管理事务（宣传事务）2024年预算多少？", "1106000", "2013302"),  # not 群众团体事务's
        ("社工部2024年社会工作事务行政运行是多少？", "51.32", "2013901"),  # the 项, never the 款 264.87
    ],
)
def test_a_subject_written_with_its_parent_is_the_row_under_it(
    real: Engine, question: str, value: str, code: str
) -> None:
    a = answer_json(real.answer(question, []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal(value)
    assert code in a["text"]


@pytest.mark.parametrize(
    "question",
    [
        "普陀区社会福利院“社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）”一般公共预算拨款多少？",
        "普陀区社会福利院社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）一般公共预算拨款多少？",
        "普陀区社会福利院社会福利事业单位一般公共预算拨款多少？",
    ],
)
def test_a_fund_written_after_a_subject_is_its_column(real: Engine, question: str) -> None:
    a = answer_json(real.answer(question, []))  # never the department's whole 一般公共预算拨款 (950.12 万元)
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("6964796") and "2081005" in a["text"]


@pytest.mark.parametrize("fund", _DATA["funds"])
def test_each_fund_word_is_taken_out(fund: str) -> None:
    assert without_fund(f"社会福利事业单位{fund}多少").split() == ["社会福利事业单位", "多少"]
    assert without_fund(_DATA["funds_example"]) == _DATA["funds_plain"]


def test_a_code_in_brackets_names_the_row_printed_with_it() -> None:
    keys = ["对个人和家庭的补助", "对个人和家庭的补助(509)", "对个人和家庭的补助支出(303)"]
    assert written_with_code("西安市民政局对个人和家庭的补助(509)有多少", keys) == "对个人和家庭的补助(509)"
    assert written_with_code("对个人和家庭的补助(303)有多少", keys) is None  # 303 is a code of the tables' rows
    assert written_with_code("对个人和家庭的补助有多少", keys) is None


def test_a_subject_printed_by_one_department_names_it() -> None:
    rows = [("a", "社会工作事务"), ("a", "行政运行"), ("b", "行政运行"), ("c", "行政运行")]
    department = {"a": "社工部", "b": "民政局", "c": "民政局"}.__getitem__
    assert one_printer(["社会工作事务", "行政运行"], rows, department) == {"社工部"}
    assert one_printer(["行政运行"], rows, department) == set()  # printed by several: asked which
    assert one_printer([], rows, department) == set()


def test_a_subject_only_one_loaded_department_prints_is_answered_for_it(real: Engine) -> None:
    a = answer_json(real.answer("社会工作事务行政运行2024年决算多少？", []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("51.32")


@pytest.mark.parametrize(
    ("question", "gap"),
    [
        ("社工部事业单位医疗决算比全年预算少了多少？", "1.80"),  # 全年预算 2.29 − 决算 0.49, one paragraph
        ("区委社会工作部2024年住房公积金全年预算比决算数多了多少？", "0.42"),
    ],
)
def test_the_budget_and_the_actual_printed_together_are_subtracted(real: Engine, question: str, gap: str) -> None:
    a = answer_json(real.answer(question, []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal(gap) and "计算：全年预算" in a["text"]


def test_a_parent_the_document_does_not_print_heads_a_code_it_writes_in_brackets() -> None:
    # 西安市发改委 2019 (text only): "一般行政管理事务（2010402）3853.4万元"; 201 一般公共服务支出 and 20104 发展与改革事务
    # are printed by other stored documents' tables, 205 教育支出 heads nothing it prints
    def row(name: str) -> Fact:
        return Fact(
            doc_id="d", department="某委", year=2019, table=None, section=None, row=name, code=None, column="金额",
            value=Decimal("3853.4"), unit="万元", source=f"说明 · 「{name}3853.4万元」",
        )  # fmt: skip

    printed = {"201": "一般公共服务支出", "20104": "发展与改革事务", "205": "教育支出"}

    def printed_with_code(codes: Sequence[str]) -> list[tuple[str, str, str]]:
        return [("other", c, printed[c]) for c in codes if c in printed]

    facts = [row("一般行政管理事务（2010402）")]
    assert heads_printed("一般公共服务支出", facts, printed_with_code)
    assert heads_printed("发展与改革事务", facts, printed_with_code)
    assert not heads_printed("教育支出", facts, printed_with_code)


def test_a_subject_named_with_a_column_word_keeps_it_as_part_of_its_name() -> None:
    # 无锡市交通运输局 2026 说明 (p.31): "收入、支出预算总计 984,760.87 万元" — 支出总计 is in the name, no column asked
    assert "支出总计" in as_written("收入、支出预算总计")
    assert as_written("基础研究") == "基础研究"
