"""A 汇总 document's “三公” table read by 年度 prints one group of year rows per 预算单位 (index/year_groups.py):
each unit's figures keep its name, so "<unit>2022年公务接待费" is that unit's 2022 line, never another
group's; the department's own group keeps the department's facts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from eval.pdf_maker import make_pdf
from index.audit import audit
from index.ingest import read
from index.records import Fact, Row
from index.year_groups import carry_units, own_unit
from tests.conftest import REAL, SAMPLE, store_of

SAMPLE_TABLE = (
    "深圳市科学技术协会(本级)\t2021 年\t5\t0\t1\t4\t0\t4\n"
    "\t2022 年\t5\t0\t1\t4\t0\t4\n"
    "\t增减变化金额\t0\t0\t0\t0\t0\t0\n"
)
# the department's own group, then 深圳市科技馆, then a unit whose long name wraps above and below its first line
UNITS = SAMPLE_TABLE + (
    "深圳市科技馆\t2021 年\t2\t0\t0.8\t1.2\t0\t1.2\n"
    "\t2022 年\t1.5\t0\t0.5\t1\t0\t1\n"
    "\t增减变化金额\t-0.5\t0\t-0.3\t-0.2\t0\t-0.2\n"
    "深圳市青少年科技教育中\t\t\t\t\t\t\t\n"
    "\t2021 年\t1\t0\t0.3\t0.7\t0\t0.7\n"
    "心\t\t\t\t\t\t\t\n"
    "\t2022 年\t1.2\t0\t0.4\t0.8\t0\t0.8\n"
    "\t增减变化金额\t0.2\t0\t0.1\t0.1\t0\t0.1\n"
)
CENTRE = "深圳市青少年科技教育中心"
HEAD = "预算单位\t年度\t总计\t因公出国(境)费\t公务接待费\t公务用车购置及运行维护费\t\t\n\t\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\n"
# Shenzhen's layout: each item printed per fund; 深圳市科技馆's 2022 公务接待费 is 0.5 + 0.2 (政府性基金) + 0
FUNDS = "\t".join(["一般公共预算", "政府性基金预算", "国有资本经营预算"] * 2)
BY_FUND = (
    f"预算单位\t年度\t总计\t\t\t公务接待费\t\t\n\t\t{FUNDS}\n"
    "深圳市科学技术协会(本级)\t2021 年\t5\t0\t0\t1\t0\t0\n\t2022 年\t5\t1\t0\t1\t0.5\t0\n"
    "\t增减变化金额\t0\t1\t0\t0\t0.5\t0\n"
    "深圳市科技馆\t2021 年\t2\t0\t0\t0.8\t0\t0\n\t2022 年\t1.5\t0.2\t0\t0.5\t0.2\t0\n"
    "\t增减变化金额\t-0.5\t0.2\t0\t-0.3\t0.2\t0\n"
)


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    assert SAMPLE_TABLE in text
    path = tmp_path_factory.mktemp("year_units") / "kexie-units.txt"
    path.write_text(text.replace(SAMPLE_TABLE, UNITS), "utf-8")
    return path


def _table_facts(path: Path) -> list[Fact]:
    return [f for f in read(path).facts if f.table == "表8"]


def test_each_units_figures_name_the_unit(document: Path) -> None:
    facts = {(f.row, f.column): f.value for f in _table_facts(document)}
    assert facts[("深圳市科技馆", "2022年·公务接待费")] == Decimal("0.5")
    assert facts[("深圳市科技馆", "2021年·公务接待费")] == Decimal("0.8")
    assert facts[("深圳市科技馆", "增减变化金额·总计")] == Decimal("-0.5")
    assert facts[(CENTRE, "2022年·公务接待费")] == Decimal("0.4")  # the name wrapped over two lines, joined
    assert facts[(CENTRE, "2021年·公务用车运行维护费")] == Decimal("0.7")
    rows = {f.row for f in _table_facts(document)}
    assert "心" not in rows and "深圳市青少年科技教育中" not in rows


def test_the_departments_own_group_keeps_todays_facts(document: Path, tmp_path: Path) -> None:
    plain = tmp_path / "kexie.txt"
    plain.write_text(SAMPLE.read_text(encoding="utf-8"), "utf-8")
    today = {(f.row, f.column, f.value, f.source) for f in _table_facts(plain)}
    own = {
        (f.row, f.column, f.value, f.source)
        for f in _table_facts(document)
        if f.column in ("2021年", "2022年", "增减变化金额")
    }
    assert own == today
    assert ("公务接待费", "2022年", Decimal(1)) in {(r, c, v) for r, c, v, _ in today}


def _row(label: str, unit: str, value: str) -> Row:
    return Row(label=label, unit=unit, values={"总计": Decimal(value)})


@pytest.mark.parametrize(
    ("first", "department", "own"),
    [("深圳市水务局", "深圳市水务局", "深圳市水务局"),
     ("深圳市水务局（本级）", "深圳市水务局", "深圳市水务局（本级）"),
     ("合计", "深圳市水务局", "合计"),
     ("水务局汇总", "深圳市水务局", "水务局汇总")],  # no name: the first group is the sum of the others
)  # fmt: skip
def test_the_departments_own_group(first: str, department: str, own: str) -> None:
    rows = [_row("2026年", first, "3"), _row("2026年", "深圳市甲中心", "1"), _row("2026年", "深圳市乙站", "2")]
    assert own_unit(rows, department) == own


def test_no_group_is_the_departments_when_none_is_named_or_the_sum() -> None:
    rows = [_row("2026年", "深圳市甲中心", "1"), _row("2026年", "深圳市乙站", "2")]
    assert own_unit(rows, "深圳市水务局") is None


def test_a_name_wrapped_over_the_groups_lines() -> None:
    rows = [Row(label="深圳市甲乙丙"), _row("2025年", "", "1"), Row(label="中心"), _row("2026年", "", "2"),
            _row("2025年", "深圳市丁站", "3"), _row("2026年", "", "4")]  # fmt: skip
    assert [r.unit for r in carry_units(rows)] == ["深圳市甲乙丙中心"] * 2 + ["深圳市丁站"] * 2


@pytest.fixture(scope="module")
def engine(document: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine(Settings(store=store_of(tmp_path_factory.mktemp("year_units_store"), document)))


@pytest.mark.parametrize(
    ("question", "value"),
    [("深圳市科技馆2022年公务接待费是多少？", Decimal("0.5")),
     (f"{CENTRE}2022年公务接待费是多少？", Decimal("0.4")),
     (f"{CENTRE}的公务用车运行维护费是多少？", Decimal("0.8")),
     ("深圳市科学技术协会2022年公务接待费是多少？", Decimal(1))],  # the department: unchanged
)  # fmt: skip
def test_a_units_figure_is_its_own(engine: Engine, question: str, value: Decimal) -> None:
    answer = engine.answer(question)
    assert not answer.refused, answer.text
    assert answer.value == value, answer.text


def test_a_units_last_year_line_never_answers_this_year(engine: Engine) -> None:
    answer = engine.answer("深圳市科技馆2022年因公出国(境)费和公务接待费加上公务用车购置费的增减是多少？")
    assert answer.refused or answer.value != Decimal("0.5"), answer.text
    answer = engine.answer("深圳市科技馆2021年公务接待费是多少？")
    assert answer.refused or answer.value == Decimal("0.8"), answer.text


def test_the_change_identity_holds_per_unit(document: Path) -> None:
    parsed = read(document)
    checks = [c for c in audit(parsed.disclosure, parsed.facts) if c.kind == "增减" and c.where.startswith("表8")]
    places = {c.where for c in checks}
    assert "表8 深圳市科技馆 增减变化金额 · 公务接待费" in places
    assert f"表8 {CENTRE} 增减变化金额 · 总计" in places
    assert len(checks) == 3 * 6 and all(c.difference == 0 for c in checks), [c for c in checks if c.difference]


@pytest.fixture(scope="module")
def by_fund(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    text = SAMPLE.read_text(encoding="utf-8")
    assert HEAD + SAMPLE_TABLE in text
    folder = tmp_path_factory.mktemp("year_units_funds")
    path = folder / "kexie-funds.txt"
    path.write_text(text.replace(HEAD + SAMPLE_TABLE, BY_FUND), "utf-8")
    return Engine(Settings(store=store_of(folder / "store", path)))


def test_a_units_item_per_fund_is_the_asked_funds(by_fund: Engine) -> None:
    answer = by_fund.answer("深圳市科技馆公务接待费（一般公共预算）是多少？")
    assert not answer.refused and answer.value == Decimal("0.5"), answer.text
    # no fund asked, no total printed: the funds added by the calculator, each term shown (0.5 + 0.2 + 0)
    answer = by_fund.answer("深圳市科技馆2022年公务接待费是多少？")
    assert not answer.refused and answer.value == Decimal("0.7"), answer.text
    assert "按资金分列" in answer.text and "计算：一般公共预算 0.5" in answer.text, answer.text
    # the unit's “三公”经费: its 总计 columns added (1.5 + 0.2 + 0), never the department's figure
    answer = by_fund.answer("深圳市科技馆2022年三公经费是多少？")
    assert not answer.refused and answer.value == Decimal("1.7"), answer.text


@pytest.mark.parametrize("name", ["shenzhen-caizheng-2026-dept-yusuan.pdf", "shenzhen-keji-2026-dept-yusuan.pdf"])
def test_one_groups_table_is_the_departments(name: str) -> None:
    """A 部门预算 printing only the department's group: the facts read across, as before (row = the column)."""
    facts = [f for f in read(REAL / name).facts if f.table == "表9"]
    assert len(facts) == 3 * 18
    assert {f.column for f in facts} == {"2025年", "2026年", "增减变化金额"}
    assert "公务接待费·一般公共预算" in {f.row for f in facts}


def test_a_pdf_of_the_table_gives_the_same_units(document: Path, tmp_path: Path) -> None:
    """The same table laid out as a PDF (eval/pdf_maker.py): the wrapped name's lines are rows of their own there."""
    pdf = make_pdf(document.read_text(encoding="utf-8"), tmp_path / "units.pdf")
    printed = {(f.row, f.column, f.value) for f in _table_facts(pdf)}
    assert printed == {(f.row, f.column, f.value) for f in _table_facts(document)}
    assert (CENTRE, "2022年·公务接待费", Decimal("0.4")) in printed
