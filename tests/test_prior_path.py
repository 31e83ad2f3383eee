"""An item of the text named with its 科目 path: 福利院 2024 单位预算, p6 — “社会保障和就业支出（类）社会福利（款）社会福利
事业单位（项）”738.66万元…2023年当年预算执行数为711.34万元…比2023年预算执行数增加3.84%; “医疗卫生与计划生育支出（类）
行政事业单位医疗（款）事业单位医疗（项）”…2023年当年预算执行数为44.17万元, whose 类 the tables (p11) print as 210
卫生健康支出."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.render import answer_json
from assistant.subject_path import heads_written, names_under, path_under, written_paths


@pytest.fixture(scope="module")
def real(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


def _value(a: dict) -> tuple[Decimal, str]:  # type: ignore[type-arg]
    assert not a["refused"], a["text"]
    return Decimal(str(a["value"])), a["unit"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("福利院社会福利事业单位2023年执行数是多少？", (Decimal("711.34"), "万元")),  # 社会福利 inside its own name
        ("“社会保障和就业支出-社会福利-社会福利事业单位”这一项，福利院2024年预算比2023年执行数增长了百分之几？",
         (Decimal("3.84"), "%")),  # review r12a011: the path joined by "-", the change the 2024 text prints
        ("福利院事业单位医疗（卫生健康支出-行政事业单位医疗）2023年执行了多少？", (Decimal("44.17"), "万元")),  # r12a018
    ],
)  # fmt: skip
def test_an_item_named_with_its_path_is_the_texts_item(real: Engine, question: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert _value(answer_json(real.answer(question, []))) == expected


def test_a_parent_of_another_row_never_binds_the_texts_item(real: Engine) -> None:
    assert answer_json(real.answer("福利院社会保障和就业支出里的事业单位医疗2023年执行了多少？", []))["refused"]


ROWS = [("卫生健康支出", "210"), ("行政事业单位医疗", "21011"), ("事业单位医疗", "2101102"), ("行政运行", "2080101")]


def test_a_path_written_by_a_former_name_lies_under_the_code_of_the_class() -> None:
    written = "“医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”"
    assert path_under(written, {"210"}, ROWS)
    assert not path_under(written, {"208"}, ROWS)
    assert not names_under(["行政运行"], {"210"}, ROWS)
    coded = {name: {code} for name, code in ROWS}
    assert heads_written("事业单位医疗（卫生健康支出-行政事业单位医疗）", coded) == {
        "卫生健康支出": {"210"}, "行政事业单位医疗": {"21011"}}  # fmt: skip
    assert heads_written("卫生健康支出里行政运行", coded) == {}  # 2080101 lies under no 210


@pytest.mark.parametrize("joiner", ["-", "－", "—"])
def test_names_joined_by_a_dash_are_a_path_only_when_one_lies_under_the_other(joiner: str) -> None:
    coded = {"社会工作事务": {"20139"}, "行政运行": {"2013901"}, "养老服务": {"2081006"}}
    assert written_paths(f"社会工作事务{joiner}行政运行是多少", coded) == "社会工作事务里行政运行是多少"
    assert written_paths(f"养老服务{joiner}行政运行是多少", coded) == f"养老服务{joiner}行政运行是多少"


def test_a_change_printed_against_another_year_never_answers() -> None:
    from assistant.narrated import same_year_against

    assert same_year_against("…比2023年执行数增长了百分之几？", "2023年预算执行数", 2024)
    assert not same_year_against("…比2023年执行数增长了百分之几？", "2022年预算执行数", 2023)
    assert same_year_against("…比上年增长了百分之几？", "2022年预算执行数", 2023)
    assert same_year_against("…比2023年增长了多少？", "上年", 2024)
    assert not same_year_against("…比2023年增长了多少？", "上年", 2023)


def test_the_earlier_documents_change_is_never_the_one_asked_against_its_own_year(real: Engine) -> None:
    # 万里街道 2023 预算 prints 一般行政管理事务 (宣传事务) 比2022年预算执行数增长25.41%: never the change against 2023
    a = answer_json(real.answer("万里街道宣传事务里一般行政管理事务比2023年执行数增长了百分之几？", []))
    assert a["refused"] or Decimal(str(a["value"])) != Decimal("25.41")
