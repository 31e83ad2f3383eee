"""Questions across documents, on real PDFs and generated ones in the national templates: rankings,
totals, comparisons, filters, shares and 决算 against 预算, each line checked against its own document."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.across import SUPERLATIVE
from assistant.answer import Engine
from assistant.config import Settings
from assistant.overview import MORE_BY
from assistant.records import Answer, Within
from eval.template_maker import Expected, make_juesuan, make_yusuan
from tests.conftest import REAL, run_cli

pytestmark = pytest.mark.slow  # stores of generated departments built per module

WANLI = "上海市普陀区人民政府万里街道办事处"
FULIYUAN = "上海市普陀区社会福利院"
SHEGONGBU = "中共上海市普陀区委社会工作部"
CAIZHENG = "上海市普陀区财政局"
JINGAN = "上海市静安区财政局"


@pytest.fixture(scope="module")
def engine(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


def traced(a: Answer) -> None:
    """Every figure checked, every line sourced, every ✓ citing a cell of the department on its line."""
    assert not a.refused and a.figures and a.entries
    assert all(f.verdict in ("verified", "derived") for f in a.figures)
    assert all(e.source for e in a.entries if e.value is not None)
    sources = {part for e in a.entries for part in e.source.split("；")}
    assert all(set(f.source.split("；")) <= sources for f in a.figures if f.verdict == "verified")


def test_two_real_departments_total_with_both_sources(engine: Engine) -> None:
    a = engine.answer("福利院和万里街道2024年预算的“三公”经费合计是多少？")
    traced(a)
    assert (a.value, a.unit) == (Decimal("54.31"), "万元")
    assert [(e.department, e.value) for e in a.entries] == [(WANLI, Decimal("47.91")), (FULIYUAN, Decimal("6.4"))]
    assert "部门“三公”经费和机关运行经费预算表" in a.entries[0].source  # 万里街道's own table
    assert "单位“三公”经费和机关运行经费预算表" in a.entries[1].source  # 福利院's (a 单位预算)
    total = next(f for f in a.figures if f.text == "54.31 万元")
    assert total.verdict == "derived" and total.expression == "47.91 + 6.4 = 54.31"
    assert "覆盖库中 2024 年预算 2 个部门" in a.text and len({c.doc_id for c in a.citations}) == 2
    b = engine.answer("福利院和万里街道2024年预算的项目支出合计是多少？")
    traced(b)
    assert (b.value, b.unit) == (Decimal(59125103), "元")


def test_two_departments_compared(engine: Engine) -> None:
    a = engine.answer("福利院和万里街道2024年的人员经费比一比")
    traced(a)
    assert (a.value, a.unit) == (Decimal(81157237), "元")
    assert [e.department for e in a.entries] == [WANLI, FULIYUAN]
    assert "88,537,451 − 7,380,214 = 81,157,237" in [f.expression for f in a.figures]


def test_a_ranking_asks_which_kind_then_follows_up(engine: Engine) -> None:
    """2024 holds 预算 (万里街道, 福利院) and a 决算 (社工部): which one is asked, never mixed."""
    a = engine.answer("2024年哪个部门“三公”经费最多？")
    assert a.refused and set(a.choices) == {"预算", "决算"} and not a.figures
    b = engine.answer("预算", [a])
    traced(b)
    assert (b.value, b.unit, b.entries[0].department) == (Decimal("47.91"), "万元", WANLI)
    assert [e.rank for e in b.entries] == [1, 2]
    c = engine.answer("换成公用经费", [a, b])
    traced(c)
    assert (c.value, c.unit) == (Decimal(11168569), "元") and "公用经费" in c.metric
    d = engine.answer("决算呢？", [a, b, c])
    assert not d.refused and [e.department for e in d.entries] == [SHEGONGBU]
    assert "本表无数据" not in d.text or d.value is not None


def test_a_share_ranking_lists_a_department_without_the_item(engine: Engine) -> None:
    a = engine.answer("2024年预算各部门行政运行支出占本部门支出的比例，从高到低排一下")
    traced(a)
    assert (a.value, a.unit) == (Decimal("10.63"), "%")
    assert [(e.department, e.value, e.note) for e in a.entries] == [
        (WANLI, Decimal("10.63"), ""), (FULIYUAN, None, "文件中未找到此项")
    ]  # fmt: skip
    assert "16,603,248 ÷ 156,211,123 × 100% = 10.63%" in [f.expression for f in a.figures]
    same = engine.answer("2024年预算各部门行政运行支出占本部门支出合计的比例")  # 本部门…合计: its own, not all's
    assert (same.value, same.entries[0].department) == (Decimal("10.63"), WANLI)
    b = engine.answer("那2023年呢？", [a])
    traced(b)
    assert (b.value, b.entries[0].year) == (Decimal("11.14"), 2023) and "2023 年预算 1 个部门" in b.covered


def test_filters(engine: Engine) -> None:
    a = engine.answer("2024年预算哪些部门“三公”经费超过10万元？")
    assert not a.refused and [e.department for e in a.entries] == [WANLI]
    b = engine.answer("2024年预算哪些部门没有政府性基金预算拨款？")
    assert not b.refused and {e.department for e in b.entries} == {WANLI, FULIYUAN}
    assert all(e.value == 0 for e in b.entries)
    c = engine.answer("2024年预算全区各部门项目支出合计是多少？")  # "2 个部门" is a count, not a figure to check
    traced(c)
    assert (c.value, c.unit) == (Decimal(59125103), "元") and len(c.entries) == 2


def test_the_chosen_scope_narrows_the_answer(engine: Engine) -> None:
    a = engine.answer("2024年预算各部门“三公”经费排名", within=Within(departments=(FULIYUAN,)))
    traced(a)
    assert [e.department for e in a.entries] == [FULIYUAN] and "所选范围" in a.covered
    b = engine.answer("各部门“三公”经费排名", within=Within(kinds=("决算",)))
    assert not b.refused and [e.department for e in b.entries] == [SHEGONGBU] and b.value == 0
    c = engine.answer("万里街道2024年“三公”经费是多少？", within=Within(departments=(FULIYUAN,)))
    assert c.refused and "所选查询范围" in c.text


def test_an_empty_table_counts_as_zero_with_its_note(engine: Engine) -> None:
    """社工部's 2024 “三公” table is printed empty: its 公务接待费 is 0, cited with the table's 说明."""
    a = engine.answer("2024年决算各部门公务接待费排名")
    assert not a.refused and [(e.department, e.value, e.note) for e in a.entries] == [(SHEGONGBU, 0, "本表无数据")]
    assert "本表无数据" in a.entries[0].source
    b = engine.answer("2024年决算各部门机关运行经费排名")  # not an item of the “三公” table: no 0 made up
    assert [(e.department, e.value) for e in b.entries] == [(SHEGONGBU, Decimal("10.23"))]  # its text's figure
    assert "机关运行经费支出 10.23 万元" in b.text and "本表无数据" not in b.text


def test_a_department_s_place_in_a_ranking(engine: Engine) -> None:
    a = engine.answer("2024年预算福利院的“三公”经费在各部门中排第几？")
    traced(a)
    assert (a.value, a.unit) == (Decimal("6.4"), "万元") and "排第 2 位" in a.text
    assert [e.department for e in a.entries] == [WANLI, FULIYUAN]


def test_two_years_of_one_department_when_the_single_document_engine_cannot(engine: Engine) -> None:
    """ "支出" is no row of either document: the two documents' 支出合计, place by place, signed."""
    a = engine.answer("万里街道2024年支出预算比2023年增长率是多少？")
    traced(a)
    assert (a.value, a.unit) == (Decimal("-5.31"), "%") and "下降 5.31%" in a.text
    assert [(e.year, e.value) for e in a.entries] == [(2024, 156211123), (2023, 164978640)]
    assert "(156,211,123 − 164,978,640) ÷ 164,978,640 × 100% = -5.31%" in [f.expression for f in a.figures]


def test_kinds_that_differ_are_never_added(engine: Engine) -> None:
    a = engine.answer("社工部和福利院2024年“三公”经费合计多少？")
    assert a.refused and not a.figures and "预算和决算不能放在一起" in a.text


def test_cli_rows_and_facts_filters(store_real: Path, tmp_path: Path) -> None:
    code, out = run_cli(store_real, "ask", "福利院和万里街道2024年预算的“三公”经费合计是多少？", "--json")
    data = json.loads(out)
    assert code == 0 and data["value"] == 54.31 and data["covered"].startswith("覆盖库中 2024 年预算 2 个部门")
    assert [(r["department"], r["value"], r["unit"]) for r in data["rows"]] == [
        (WANLI, 47.91, "万元"),
        (FULIYUAN, 6.4, "万元"),
    ]
    assert all(r["source"] and r["doc_id"] for r in data["rows"])
    code, out = run_cli(store_real, "ask", "2024年各部门“三公”经费排名", "--kind", "预算", "--json")
    assert code == 0 and [r["rank"] for r in json.loads(out)["rows"]] == [1, 2]
    path = tmp_path / "facts.csv"
    code, out = run_cli(
        store_real, "facts", "--department", "万里街道", "--year", "2024", "--code", "2120101", "--csv", str(path)
    )
    with path.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert code == 0 and rows and {r["code"] for r in rows} == {"2120101"} and {r["year"] for r in rows} == {"2024"}
    assert {r["department"] for r in rows} == {WANLI} and "16603248" in {r["value"] for r in rows}
    code, _ = run_cli(store_real, "facts", "--department", "规资局")
    assert code == 2


# --- units that differ, and 决算 against 预算 of one department-year (generated in the national templates) ---


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, Expected, Expected]:
    """财政局's 2024 预算 in 万元 and its 2024 决算, with 万里街道's real 2024 预算 (in 元) and another district's
    财政局 (静安区) 2024 预算: "财政局" alone names two departments."""
    from assistant.retrieve import open_vectors
    from index.ingest import ingest
    from index.store import Store

    folder = tmp_path_factory.mktemp("mixed")
    budget = make_yusuan(folder / "y.pdf", department=CAIZHENG, year=2024, unit="万元", rng_seed=7)
    actual = make_juesuan(folder / "j.pdf", department=CAIZHENG, year=2024, rng_seed=8)
    store = folder / "store"
    with Store(store) as s:
        vectors = open_vectors(Settings(store=store))
        make_yusuan(folder / "other.pdf", department=JINGAN, year=2024, rng_seed=9, region="上海市静安区")
        for path in (folder / "y.pdf", folder / "j.pdf", REAL / "wanli-2024-yusuan.pdf", folder / "other.pdf"):
            ingest(s, vectors, path)
    return Engine(Settings(store=store)), budget, actual


def test_units_are_converted_and_said(mixed: tuple[Engine, Expected, Expected]) -> None:
    engine, budget, _ = mixed
    a = engine.answer("2024年预算各部门项目支出排名")
    traced(a)
    ours = budget.value("2024年部门支出预算总表", "合计", "项目支出")
    wanli = next(e for e in a.entries if e.department == WANLI)
    assert a.unit == "万元" and wanli.value == Decimal("5650.5103") and wanli.printed == "56,505,103 元"
    assert "原文单位为元，已换算为万元" in wanli.note
    assert next(e for e in a.entries if e.department == CAIZHENG).value == ours
    converted = next(f for f in a.figures if f.text == "5,650.5103 万元")
    assert converted.verdict == "derived" and "56,505,103元 = 5,650.5103万元" in converted.expression


def test_budget_against_actual_of_one_department_year(mixed: tuple[Engine, Expected, Expected]) -> None:
    engine, budget, actual = mixed
    spent = actual.value("支出决算表", "合计", "本年支出合计")
    planned = budget.value("2024年部门支出预算总表", "合计", "合计")
    a = engine.answer("普陀区财政局2024年决算比预算多还是少？")
    traced(a)
    assert (a.value, a.unit) == (spent - planned, "万元")
    assert {e.kind for e in a.entries} == {"预算", "决算"} and len({e.doc_id for e in a.entries}) == 2
    b = engine.answer("普陀区财政局2024年预算执行率是多少？")
    traced(b)
    rate = (spent / planned * 100).quantize(Decimal("0.01"))
    assert (b.value, b.unit) == (rate, "%")


def test_each_department_s_rate_of_execution_ranked(mixed: tuple[Engine, Expected, Expected]) -> None:
    engine, budget, actual = mixed
    a = engine.answer("各部门2024年预算执行率排名")
    traced(a)
    spent = actual.value("支出决算表", "合计", "本年支出合计")
    planned = budget.value("2024年部门支出预算总表", "合计", "合计")
    assert (a.value, a.unit) == ((spent / planned * 100).quantize(Decimal("0.01")), "%")
    assert (a.entries[0].department, a.entries[0].note) == (CAIZHENG, "")
    assert {(e.department, e.note) for e in a.entries[1:]} == {
        (JINGAN, "库中只有该部门 2024 年的预算"), (WANLI, "库中只有该部门 2024 年的预算")
    }  # fmt: skip
    assert "未列入的部门（2 个，库中只有该部门 2024 年的预算）" in a.text


def test_a_short_name_of_two_departments_is_never_either(mixed: tuple[Engine, Expected, Expected]) -> None:
    engine, _, _ = mixed
    a = engine.answer("财政局和万里街道2024年预算的项目支出比一比")
    assert a.refused and not a.figures and not a.entries
    assert "“财政局”在库中对应多个部门" in a.text and CAIZHENG in a.text and JINGAN in a.text
    b = engine.answer("上海市静安区财政局和万里街道2024年预算的项目支出比一比")
    traced(b)
    assert {e.department for e in b.entries} == {JINGAN, WANLI}


def test_each_department_s_growth_ranked(engine: Engine) -> None:
    a = engine.answer("各部门2024年预算支出比2023年增长率排名")
    traced(a)
    assert (a.value, a.unit) == (Decimal("-5.31"), "%") and a.entries[0].department == WANLI
    assert [e.note for e in a.entries[1:]] == ["库中没有该部门 2023 年的预算"]


def test_each_department_s_part_of_the_district(engine: Engine) -> None:
    a = engine.answer("2024年预算各部门“三公”经费占全区“三公”经费的比例")
    traced(a)
    assert [(e.department, e.value) for e in a.entries] == [(WANLI, Decimal("88.22")), (FULIYUAN, Decimal("11.78"))]
    assert "47.91 ÷ 54.31 × 100% = 88.22%" in [f.expression for f in a.figures]


def test_a_juesuan_s_own_budget_column_is_its_rate_of_completion(mixed: tuple[Engine, Expected, Expected]) -> None:
    """The 决算's “三公” table prints 预算数 beside 决算数: that is the rate it reports, not one against the 预算 document."""
    engine, _, actual = mixed
    table = "财政拨款“三公”经费支出决算表"
    done, planned = actual.value(table, "“三公”经费", "合计/决算数"), actual.value(table, "“三公”经费", "合计/预算数")
    a = engine.answer("普陀区财政局2024年“三公”经费预算完成率是多少？")
    assert not a.refused and a.unit == "%" and a.value == (done / planned * 100).quantize(Decimal("0.01"))
    assert all(f.verdict in ("verified", "derived") for f in a.figures)


def test_a_subject_printed_only_in_another_year_is_never_a_look_alike_row(engine: Engine) -> None:
    """万里街道's 2023 预算 prints 20802 民政管理事务 (215,000 元); its 2024 预算 does not. Asked for 2024,
    the answer says so instead of giving another row that shares words with it."""
    a = engine.answer("万里街道2024年民政管理事务支出是多少？")
    assert a.refused and "2024年的公开文件中没有“民政管理事务”这一科目" in a.text and not a.figures
    b = engine.answer("万里街道2023年民政管理事务支出是多少？")
    assert not b.refused and (b.value, b.unit) == (215000, "元") and "20802 民政管理事务" in b.text


@pytest.mark.parametrize(
    ("question", "difference"),
    [
        ("无锡交通运输局和无锡人社局哪个三公经费多？", False),
        ("万里街道和北京市财政局，谁的三公经费预算更多？", False),
        ("无锡交通运输局和无锡人社局哪个三公经费多？多多少？", True),
        ("无锡交通运输局和无锡人社局三公经费谁高，相差多少？", True),
    ],
)
def test_which_of_two_is_asked_apart_from_by_how_much(question: str, difference: bool) -> None:
    """Two departments compared: "哪个多" is answered with the larger one's figure, "多多少" with the difference."""
    assert bool(SUPERLATIVE.search(question)) and bool(MORE_BY.search(question)) == difference


def test_the_store_s_documents_are_counted_never_asked_back(engine: Engine) -> None:
    """r12c170: "库里有几个…的文件" counts the departments (and their documents) loaded, from the documents' records."""
    a = engine.answer("库里有几个普陀的单位的文件？")
    assert not a.refused and (a.value, a.unit) == (Decimal(3), "个") and not a.figures
    assert a.text.startswith("库中有 3 个普陀的单位的公开文件（共 4 份）：") and "2023年预算" in a.text
    b = engine.answer("库里有几份万里街道的文件？")
    assert not b.refused and (b.value, b.unit) == (Decimal(2), "份") and SHEGONGBU not in b.text


def test_a_place_s_units_each_holding_one_kind_are_ranked_each_in_its_own(engine: Engine) -> None:
    """r12a184: in 2024 万里街道 and 福利院 hold only a 预算, 社工部 only a 决算: each read in its own document (社工部's
    政府采购 printed in its 决算's text), every line saying its kind, never asked back "预算还是决算"."""
    a = engine.answer("上海普陀这几个单位2024年的政府采购，谁的金额最大？")
    assert not a.refused and not a.choices, a.text
    assert [(e.department, e.value) for e in a.entries] == [
        (WANLI, Decimal("1662.44")), (FULIYUAN, Decimal("120.60")), (SHEGONGBU, Decimal("21.07")),
    ]  # fmt: skip
    assert "2024年决算" in a.text and "公开文件没有找到" not in a.text  # 这几个 is the set, no clause of its own
    assert all(f.verdict == "verified" for f in a.figures)


def test_a_threshold_list_with_departments_not_found_never_says_it_is_all(engine: Engine) -> None:
    """r12c125: 福利院's 2024 预算 is not found to print 会议费: the list is of the departments found, and says so."""
    a = engine.answer("2024年预算中会议费超过1万元的部门有哪些？")
    assert not a.refused and [(e.department, e.value) for e in a.entries if e.value is not None] == [
        (WANLI, Decimal(30000))
    ]
    assert "1 个部门的文件中未找到会议费，无法确定全部部门；在找到此项的部门中" in a.text
    assert "会议费超过10,000 元的部门有" not in a.text and FULIYUAN in a.text
