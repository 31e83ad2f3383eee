"""A column whose header names the year before (上年, 上年预算数, 2021年预算数) never answers the document's own
year: a “三公” table printing last year's and this year's figures side by side answers from this year's."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.cues import year_words
from assistant.years import column_year
from index.records import Fact
from tests.conftest import ROOT, SAMPLE, store_of

SAMPLE_TABLE = (
    "预算单位\t年度\t总计\t因公出国(境)费\t公务接待费\t公务用车购置及运行维护费\t\t\n"
    "\t\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\n"
    "深圳市科学技术协会(本级)\t2021 年\t5\t0\t1\t4\t0\t4\n"
    "\t2022 年\t5\t0\t1\t4\t0\t4\n"
    "\t增减变化金额\t0\t0\t0\t0\t0\t0\n"
)
SAMPLE_SENTENCE = "2022年“三公”经费预算5万元"


def _row(*cells: str) -> str:
    return "\t".join(cells) + "\n"


def _two_years(last: str, this: str, units: bool) -> str:
    """The sample's 表8 printed as Xi'an prints it: a group of columns for the year before, one for this year,
    each over 合计 | 一般公共预算拨款安排的“三公”经费预算 (小计 and its items) | 会议费 | 培训费; 上年 26.5 (“三公”
    7.5, 公务接待费 2.5), 本年 21.9 (“三公” 5, 公务接待费 1)."""
    top = ["合计", "一般公共预算拨款安排的“三公”经费预算", "", "", "", "", "", "会议费", "培训费"]
    middle = ["", "小计", "因公出国（境）费用", "公务接待费", "公务用车购置及运行费", "", "", "", ""]
    low = ["", "", "", "", "小计", "公务用车购置费", "公务用车运行费", "", ""]
    figures = ["26.5", "7.5", "0", "2.5", "5", "0", "5", "9", "10", "21.9", "5", "0", "1", "4", "0", "4", "6.9", "10"]
    lead = ["单位编码", "单位名称"] if units else ["预算单位"]
    pad = [""] * (len(lead) - 1)
    head = _row(*lead, last, *[""] * 8, this, *[""] * 8)
    head += _row("", *pad, *top, *top) + _row("", *pad, *middle, *middle) + _row("", *pad, *low, *low)
    if units:  # a 合计 row and the department's row under a 单位编码
        return head + _row("", "合计", *figures) + _row("101", "深圳市科学技术协会(本级)", *figures)
    return head + _row("深圳市科学技术协会(本级)", *figures)


def _disclosure(folder: Path, name: str, table: str, department: str, short: str) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    assert SAMPLE_TABLE in text and SAMPLE_SENTENCE in text
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith(SAMPLE_SENTENCE)]
    text = "".join(lines).replace(SAMPLE_TABLE, table)  # the text's “三公” figures gone: the table answers
    path = folder / f"{name}.txt"
    path.write_text(text.replace("科学技术协会", department).replace("市科协", short), "utf-8")
    return path


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """科协: 上年 | 本年 over a 合计 row and its unit rows; 工协: 上年预算数 | 本年预算数 over the department's row."""
    folder = tmp_path_factory.mktemp("two_years")
    kexie = _disclosure(folder, "kexie", _two_years("上年", "本年", units=True), "科学技术协会", "市科协")
    gongxie = _disclosure(
        folder, "gongxie", _two_years("上年预算数", "本年预算数", units=False), "工程技术协会", "市工协"
    )
    return Engine(Settings(store=store_of(folder / "store", kexie, gongxie)))


def _fact(column: str) -> Fact:
    return Fact(
        doc_id="x", department="某局", year=2026, table="表9", section=None, row="公务接待费", code=None,
        column=column, value=Decimal(1), unit="万元", source="表9",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("column", "year"),
    [
        ("上年", 2025),
        ("上年预算数", 2025),
        ("上年度", 2025),
        ("一般公共预算拨款安排的“三公”经费预算·上年", 2025),
        ("2025年预算数", 2025),
        ("合计·2025年预算数", 2025),
        ("2025年年初预算数", 2025),  # 北京市财政局 2026: "比 2025 年年初预算数 44021.20 万元"
        ("本年预算数", 2026),
        ("2026年", 2026),
        ("上年结转", 2026),  # an item of this year's income, not a year
        ("上年结余、结转", 2026),
        ("比2025年增减", 2026),  # this year's change
        ("2026年政府采购项目", 2026),
        ("合计", 2026),
    ],
)
def test_column_year(column: str, year: int) -> None:
    assert column_year(_fact(column)) == year


@pytest.mark.parametrize("measure", year_words("column_measures"))
def test_each_column_measure_after_a_year_word(measure: str) -> None:
    """years.toml column_measures: "上年预算数", "2025年决算", "上年合计" name the year before."""
    assert column_year(_fact(f"上年{measure}")) == column_year(_fact(f"2025年{measure}")) == 2025
    assert column_year(_fact(f"本年{measure}")) == 2026
    example = tomllib.loads((ROOT / "assistant" / "years.toml").read_text(encoding="utf-8"))["said"]
    assert column_year(_fact(example["column_measures_example"])) == 2025


@pytest.mark.parametrize(
    ("question", "value", "answered"),
    [
        ("深圳市科学技术协会2022年三公经费是多少？", Decimal(5), True),  # never 上年's 7.5
        ("深圳市科学技术协会“三公”经费预算合计是多少？", Decimal(5), True),
        ("深圳市工程技术协会公务接待费是多少？", Decimal(1), True),  # never 上年预算数's 2.5
        ("深圳市工程技术协会2022年三公经费是多少？", Decimal(5), False),  # the department's row: 合计 twice
    ],
)
def test_the_year_before_column_never_answers_this_year(
    engine: Engine, question: str, value: Decimal, answered: bool
) -> None:
    answer = engine.answer(question)
    assert answer.refused != answered or not answered, answer.text
    if not answer.refused:  # a refusal is no wrong figure; a figure shown is this year's
        assert answer.value == value, answer.text
        assert not any(column_year(f) != f.year for f in answer.facts), answer.text


def test_across_departments_read_this_years_column(engine: Engine) -> None:
    answer = engine.answer("哪个部门的三公经费最多？")
    assert not answer.refused, answer.text
    assert "7.5" not in answer.text and "5 万元" in answer.text


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("深圳市科学技术协会上年三公经费是多少？", Decimal("7.5")),  # the 上年 column's own figure
        ("深圳市科学技术协会去年的培训费是多少？", Decimal(10)),
        ("深圳市工程技术协会2021年公务接待费是多少？", Decimal("2.5")),  # 上年预算数 of a 2022 document
    ],
)
def test_the_year_before_is_read_in_its_column(engine: Engine, question: str, value: Decimal) -> None:
    answer = engine.answer(question)
    assert not answer.refused and answer.value == value, answer.text
    assert all(column_year(f) == f.year - 1 for f in answer.facts), answer.text
