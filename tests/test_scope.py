"""The accounts a question asks (本级 / 汇总 / 所属单位, assistant/scope.toml) checked against the documents an
answer's figures come from. Figures as printed: 2026 深圳市财政局（本级） 表1 支出总计 37,385.88 万元 (p18), 2026
无锡市人力资源和社会保障局 部门预算 表2 收入合计 154,121.76 万元 (p18), 2024 普陀区社会福利院 单位预算."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest

from assistant.scope import OFFICE, UNITS, WHOLE, asked, mismatch, said
from index.records import DocumentInfo, Fact

CAIZHENG = DocumentInfo(doc_id="cz", title="2026年深圳市财政局（本级）部门预算", department="深圳市财政局（本级）", year=2026,
               kind="预算", unit="万元", filename="", n_facts=0, ingested_at="", aliases=("深圳市财政局",), level="部门", scope="本级")  # fmt: skip
RENSHE = DocumentInfo(doc_id="rs", title="2026年无锡市人力资源和社会保障局部门预算", department="无锡市人力资源和社会保障局",
             year=2026, kind="预算", unit="万元", filename="", n_facts=0, ingested_at="", aliases=("人社局",), level="部门", scope=None)  # fmt: skip
FULIYUAN = DocumentInfo(doc_id="fy", title="2024年上海市普陀区社会福利院单位预算", department="上海市普陀区社会福利院",
               year=2024, kind="预算", unit="元", filename="", n_facts=0, ingested_at="", aliases=("福利院",), level="单位", scope=None)  # fmt: skip
DOCS = {d.doc_id: d for d in (CAIZHENG, RENSHE, FULIYUAN)}


def fact(
    doc: DocumentInfo, row: str, value: str, *, unit: str = "万元", table: str | None = "表1", source: str = ""
) -> Fact:
    return Fact(doc_id=doc.doc_id, department=doc.department, year=doc.year, table=table, section=None, row=row,
                code=None, column="合计", value=Decimal(value), unit=unit, source=source or f"{table} · {row} · 合计",
                page=18)  # fmt: skip


TOTAL_CZ = fact(CAIZHENG, "支出总计", "37385.88")
TOTAL_RS = fact(RENSHE, "合计", "154121.76")


def _data() -> dict:  # type: ignore[type-arg]
    return tomllib.loads(files("assistant").joinpath("scope.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("scope", "word"), [(s, w) for s, v in _data()["asked"].items() for w in v["words"]]
)  # fmt: skip
def test_every_word_names_its_accounts(scope: str, word: str) -> None:
    assert scope in asked(f"深圳市财政局{word}的支出预算是多少？")


@pytest.mark.parametrize("end", _data()["grammar"]["name_ends"])
def test_summed_accounts_right_after_a_bodys_name(end: str) -> None:
    assert asked(f"某某{end}汇总的支出预算是多少？") == {WHOLE}


@pytest.mark.parametrize("after", _data()["asked"][WHOLE]["not_after"])
def test_summing_is_no_scope(after: str) -> None:
    assert asked(f"财政局和科创局的支出汇总{after}是多少？") == set()
    assert asked(f"两个局汇总{after}是多少？") == set()


@pytest.mark.parametrize("end", _data()["grammar"]["name_ends"])
def test_the_office_right_after_a_bodys_name(end: str) -> None:  # review r1 S1-2: 机关 was dropped
    assert asked(f"某某{end}机关有几辆公务用车？") == {OFFICE}


@pytest.mark.parametrize("after", _data()["asked"][OFFICE]["not_after"])
def test_a_name_that_begins_with_the_office_word_is_no_scope(after: str) -> None:
    assert asked(f"重庆市水利局机关{after}是多少？") == set()


def test_units_before_a_count_of_something_else_name_the_accounts() -> None:
    assert said("北京市交通委员会所属单位共有多少辆车？", units_asked=False)[0][0] == UNITS
    assert not said("北京市交通委员会所属单位共有多少个？")


@pytest.mark.parametrize("after", _data()["grammar"]["units_after"])
def test_questions_about_the_units_themselves_are_no_scope(after: str) -> None:
    assert UNITS not in asked(f"深圳市水务局下属单位{after}预算最多的是哪个？")


@pytest.mark.parametrize("word", _data()["grammar"]["not_scope"])
def test_the_government_tier_is_no_scope(word: str) -> None:
    assert asked(f"{word}安排的资金是多少？") == set()


def test_no_scope_word_leaves_the_answer_alone() -> None:
    assert mismatch("深圳市财政局2026年支出总计是多少？", [TOTAL_CZ], DOCS) is None


def test_the_whole_asked_of_an_office_document_is_refused_naming_both() -> None:
    reason = mismatch("深圳市财政局汇总2026年支出总计是多少？", [TOTAL_CZ], DOCS)
    assert reason and "汇总（含所属单位）" in reason and "2026年深圳市财政局（本级）部门预算" in reason
    assert mismatch("深圳市财政局（本级）2026年支出总计是多少？", [TOTAL_CZ], DOCS) is None


def test_the_office_asked_of_a_department_document_is_refused() -> None:
    reason = mismatch("无锡市人社局本级的收入预算是多少？", [TOTAL_RS], DOCS)
    assert reason and "本级" in reason and "未单列本级" in reason
    assert mismatch("无锡市人社局部门汇总的收入预算是多少？", [TOTAL_RS], DOCS) is None


def test_the_units_alone_are_never_the_departments_figure() -> None:
    assert mismatch("无锡市人社局所属单位的收入预算是多少？", [TOTAL_RS], DOCS)
    assert mismatch("深圳市财政局所属单位的支出是多少？", [TOTAL_CZ], DOCS)


def test_a_units_own_budget_is_its_office() -> None:
    income = fact(FULIYUAN, "收入总计", "12121164", unit="元")
    assert mismatch("福利院本级2024年收入预算是多少？", [income], DOCS) is None


def test_counts_and_sentences_naming_the_accounts_carry_their_own() -> None:
    count = fact(RENSHE, "内设机构", "25", unit="个", table=None)
    assert mismatch("人社局本级有几个内设机构？", [count], DOCS) is None
    said = fact(RENSHE, "三公经费", "12.5", table=None, source="第五部分 · 「局本级三公经费12.50万元」")
    assert mismatch("人社局本级三公经费是多少？", [said], DOCS) is None
    assert OFFICE in asked("人社局本级三公经费是多少？")


@pytest.mark.slow
def test_engine_refuses_the_office_of_a_department_and_answers_a_units_own(store_real: Path) -> None:
    from assistant.answer import Engine
    from assistant.config import Settings

    engine = Engine(Settings(store=store_real))
    refused = engine.answer("万里街道本级2024年收入预算是多少？")
    assert refused.refused and "未单列本级" in refused.text
    answered = engine.answer("福利院本级2024年收入预算是多少？")
    assert not answered.refused and answered.value == Decimal("12121164")


def test_a_scope_written_after_one_department_binds_to_it_alone() -> None:
    question = "深圳市财政局（本级）和无锡市人社局2026年收入合计哪个多？"
    assert mismatch(question, [TOTAL_CZ, TOTAL_RS], DOCS) is None
    reason = mismatch("深圳市财政局和无锡市人社局本级的收入合计哪个多？", [TOTAL_CZ, TOTAL_RS], DOCS)
    assert reason and "无锡市人力资源和社会保障局本级" in reason
    assert mismatch("各部门本级的收入合计哪个多？", [TOTAL_CZ, TOTAL_RS], DOCS)  # after no name: every one


def test_a_row_naming_the_office_in_a_departments_table_is_the_offices() -> None:
    """A 部门预算 (汇总) prints its units' rows: "无锡市人力资源和社会保障局（本级）" is the office's own figure."""
    office_row = fact(RENSHE, "无锡市人力资源和社会保障局（本级）", "98765.43", table="表3")
    assert mismatch("无锡市人社局本级的支出总计是多少？", [office_row], DOCS) is None
    assert mismatch("无锡市人社局本级的支出总计是多少？", [TOTAL_RS], DOCS)  # the department's own total stays refused


@pytest.mark.parametrize("unit", _data()["grammar"]["units_counted"])
def test_a_units_word_right_after_a_count_is_what_is_counted(unit: str) -> None:
    # 重庆市水利局 2026 p4: "下属12个二级预算单位"
    assert not said(f"重庆市水利局下属几{unit}二级预算单位？")
    assert said(f"重庆市水利局下属几{unit}二级预算单位？", units_asked=False)


@pytest.mark.parametrize("verb", _data()["grammar"]["set_aside"])
def test_the_office_set_aside_is_the_part_taken_out_not_the_accounts(verb: str) -> None:
    assert asked(f"人社局收入合计{verb}局本级以后是多少？") == set()
    assert asked(f"人社局{verb}政府性基金的本级支出是多少？") == {OFFICE}  # 本级 after an item: the accounts


JIAOTONG = DocumentInfo(doc_id="jt", title="2026年无锡市交通运输局（本级）单位预算", department="无锡市交通运输局（本级）",
               year=2026, kind="预算", unit="万元", filename="", n_facts=0, ingested_at="", aliases=("无锡市交通运输局",), level="单位", scope="本级")  # fmt: skip


def test_the_office_binds_to_the_department_named_shorter_before_it() -> None:
    """r11c117: 本级 right after 无锡交通局 (无锡市交通运输局 said shorter) is that department's, never 人社局's."""
    docs = {d.doc_id: d for d in (JIAOTONG, RENSHE)}
    total_jt = fact(JIAOTONG, "支出总计", "984760.87")
    assert mismatch("无锡交通局本级的收支总预算比无锡人社局多多少？", [total_jt, TOTAL_RS], docs) is None
    assert mismatch("无锡人社局本级的收支总预算比无锡交通局多多少？", [total_jt, TOTAL_RS], docs) is not None


def test_the_office_binds_to_the_longest_name_written_before_it() -> None:
    beijing = DocumentInfo(doc_id="bj", title="2026年北京市财政局部门预算", department="北京市财政局", year=2026,
                           kind="预算", unit="万元", filename="", n_facts=0, ingested_at="", aliases=(), level="部门",
                           scope="本级")  # fmt: skip
    docs = {d.doc_id: d for d in (beijing, RENSHE)}
    # 财政局 is the core of both 北京市财政局 and 深圳市财政局: the longer name written binds 本级 to Beijing alone
    total_bj = fact(beijing, "支出总计", "100.00")
    assert mismatch("北京市财政局本级和人社局的支出总计分别是多少？", [total_bj, TOTAL_RS], docs) is None


@pytest.mark.parametrize(
    "question", ["无锡人社局和深圳财政局本级的机关运行经费合计多少？", "人社局、深圳财政局本级，哪个支出多？"]
)
def test_the_office_binds_to_the_shortened_name_written_before_it(question: str) -> None:
    # review r12c119/r12c162: "本级" after the second name is that department's, never the first one's
    assert mismatch(question, [TOTAL_RS, TOTAL_CZ], DOCS) is None


def test_the_office_after_a_shortened_name_still_checks_that_department() -> None:
    reason = mismatch("深圳财政局和无锡人社局本级的支出合计多少？", [TOTAL_RS, TOTAL_CZ], DOCS)
    assert reason is not None and "无锡市人力资源和社会保障局本级" in reason
