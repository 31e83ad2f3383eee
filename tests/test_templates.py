"""Disclosures of the national templates other than the sample's: real published PDFs (tests/data/real)
and generated ones (eval/template_maker.py) — every table recognised by kind, every amount cell a fact
with its meaning, nothing from 序号/编码 columns, empty tables as answers."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from eval.coverage import coverage
from eval.template_maker import Expected, make_juesuan, make_yusuan
from index.audit import audit
from index.catalog import is_code, is_ordinal
from index.errors import NotADisclosure
from index.ingest import Parsed, read
from index.normal import bare_label
from index.records import Fact

REAL = Path(__file__).resolve().parent / "data" / "real"
NINE_JUESUAN = {
    "summary", "income", "expenditure", "appropriation_summary", "general_public_by_function",
    "general_public_basic_by_economic", "three_public", "government_fund", "state_capital",
}  # fmt: skip
NINE_YUSUAN = NINE_JUESUAN  # the Shanghai 部门预算 prints the same nine kinds under its own titles


@pytest.fixture(scope="module")
def real() -> dict[str, Parsed]:
    return {p.stem: read(p) for p in sorted(REAL.glob("*.pdf")) if p.stem != "juesuan-template"}


def test_the_blank_template_is_refused_as_no_departments_disclosure() -> None:
    with pytest.raises(NotADisclosure, match=r"空白模板.*上海市XX局"):
        read(REAL / "juesuan-template.pdf")


def one(facts: list[Fact], **where: object) -> Fact:
    """The single fact with these field values."""
    found = [f for f in facts if all(getattr(f, k) == v for k, v in where.items())]
    assert len(found) == 1, (where, found)
    return found[0]


@pytest.mark.parametrize(
    ("stem", "department", "year", "kind", "unit"),
    [
        ("shegongbu-2024-juesuan", "中共上海市普陀区委社会工作部", 2024, "决算", "万元"),
        ("wanli-2024-yusuan", "上海市普陀区人民政府万里街道办事处", 2024, "预算", "元"),
        ("wanli-2023-yusuan", "上海市普陀区人民政府万里街道办事处", 2023, "预算", "元"),
        ("fuliyuan-2024-danwei-yusuan", "上海市普陀区社会福利院", 2024, "预算", "元"),
    ],
)
@pytest.mark.slow
def test_real_disclosures_ingest_with_their_nine_tables_recognised(
    real: dict[str, Parsed], stem: str, department: str, year: int, kind: str, unit: str
) -> None:
    d = real[stem].disclosure
    assert (d.department, d.year, d.kind, d.unit) == (department, year, kind, unit)
    kinds = [t.kind for t in d.tables.values() if t.kind != "project_performance"]  # forms: see below
    assert set(kinds) == (NINE_JUESUAN if kind == "决算" else NINE_YUSUAN) and len(kinds) == 9
    assert not [w for w in d.warnings if "跳过" in w]  # no row left out


@pytest.mark.parametrize(
    ("stem", "least"),
    [
        ("shegongbu-2024-juesuan", 1.0),
        ("wanli-2024-yusuan", 1.0),
        ("fuliyuan-2024-danwei-yusuan", 1.0),
        ("wanli-2023-yusuan", 1.0),  # with its five 财政项目支出绩效目标填报表 forms (p31–35)
    ],
)
@pytest.mark.slow
def test_every_numeric_cell_of_the_real_tables_is_a_fact(real: dict[str, Parsed], stem: str, least: float) -> None:
    """Counted by pdfplumber's own table extraction, independently of our reader."""
    c = coverage(REAL / f"{stem}.pdf", real[stem])
    assert c.cells > 150 and c.share >= least and c.ordinal_facts == 0


@pytest.mark.slow
def test_numbering_and_code_columns_never_become_amounts(real: dict[str, Parsed]) -> None:
    for parsed in real.values():
        assert not [f for f in parsed.facts if is_ordinal(f.column) or is_code(f.column)]
    units = real["shegongbu-2024-juesuan"].disclosure.sections[0].tables[0]  # 单位构成: 序号 | 单位名称 | 备注
    assert [c.kind for c in units.columns] == ["ordinal", "label", "text"]
    assert [r.label for r in units.rows] == ["中共上海市普陀区委社会工作部（本级）", "上海市普陀区社会工作发展服务中心"]
    assert all(not r.values for r in units.rows)


@pytest.mark.slow
def test_a_real_juesuan_reads_its_tables_by_role(real: dict[str, Parsed]) -> None:
    facts = real["shegongbu-2024-juesuan"].facts
    run = one(facts, table="支出决算表", code="2013901", column="本年支出合计")
    assert (run.row, run.value, run.unit, run.page) == ("行政运行", Decimal("51.32"), "万元", 8)
    assert (run.doc_kind, run.table_kind, run.column_role, run.fund, run.code_scheme) == (
        "决算", "expenditure", "本年支出合计", "全部", "功能分类",
    )  # fmt: skip
    allowance = one(facts, code="30102")  # the 经济分类 table printed as two column groups
    assert (allowance.row, allowance.value, allowance.column_role, allowance.code_scheme) == (
        "津贴补贴", Decimal("39.72"), "决算数", "经济分类",
    )  # fmt: skip
    assert one(facts, code="30217").value == Decimal("0.00")  # the right-hand group: 公务接待费
    assert one(facts, row="人员经费合计").value == Decimal("95.36")
    assert one(facts, row="公用经费合计").value == Decimal("10.23")
    general = one(facts, table="财政拨款收入支出决算总表", row="本年支出合计", column="一般公共预算财政拨款")
    assert (general.value, general.fund) == (Decimal("307.82"), "一般公共预算")


@pytest.mark.slow
def test_an_empty_table_is_an_answer_citing_its_note(real: dict[str, Parsed]) -> None:
    facts = real["shegongbu-2024-juesuan"].facts
    none = one(facts, table_kind="three_public")
    assert (none.row, none.value, none.column) == ("“三公”经费", Decimal(0), "决算数")
    assert "本年度没有财政拨款“三公”经费支出，故本表无数据" in none.source
    assert one(facts, table_kind="government_fund").value == 0


@pytest.mark.slow
def test_juesuan_prose_binds_each_items_budget_and_execution(real: dict[str, Parsed]) -> None:
    prose = [f for f in real["shegongbu-2024-juesuan"].facts if f.table is None and f.column_role]
    run = {f.column: f.value for f in prose if f.row == "行政运行"}
    assert run == {"全年预算数": Decimal("52.00"), "决算数": Decimal("51.32"), "完成全年预算的比例": Decimal("98.69")}
    total = {f.column: f.value for f in prose if f.row == "一般公共预算财政拨款支出"}
    assert total["年初预算数"] == 0 and total["全年预算数"] == Decimal("321.02")


@pytest.mark.slow
def test_a_real_shanghai_yusuan_reads_split_codes_and_mixed_units(real: dict[str, Parsed]) -> None:
    facts = real["wanli-2024-yusuan"].facts
    census = one(facts, table="2024年部门收入预算总表", code="2010507", column="财政拨款收入")
    assert (census.row, census.value, census.unit, census.column_role) == (
        "专项普查活动", Decimal(257700), "元", "财政拨款收入",
    )  # fmt: skip
    assert one(facts, code="30102", column="人员经费").value == 16623810  # 款 printed "2": 301 | 2 → 30102
    total = one(facts, table="2024年部门支出预算总表", row="合计", column="基本支出")  # 合计 spans 类款项名称
    assert total.value == 99706020
    sangong = {f.row: f for f in facts if f.table_kind == "three_public"}
    assert sangong["“三公”经费"].value == Decimal("47.91") and sangong["“三公”经费"].unit == "万元"
    assert sangong["机关运行经费"].value == Decimal("443.18")
    assert real["fuliyuan-2024-danwei-yusuan"].disclosure.title == "2024年上海市普陀区社会福利院单位预算"


@pytest.mark.slow
def test_project_forms_are_read_label_by_label(real: dict[str, Parsed]) -> None:
    """财政项目支出绩效目标填报表: one key–value form per project, not a grid."""
    facts = [
        f for f in real["wanli-2023-yusuan"].facts if f.table_kind == "project_performance" and f.column != "目标值"
    ]
    assert len({f.row for f in facts}) == 5
    form = {f.column: f.value for f in facts if f.row == "公共服务设施运行经费"}
    assert form["项目资金总额"] == Decimal("10903043.00") and form["当年财政拨款"] == Decimal("11419043.00")
    assert form["其他资金"] == 0 and "其他资金（年度资金申请总额）" in form
    amounts = [f for f in facts if f.column != "目标值"]
    assert {f.unit for f in amounts} == {"元"} and {f.page for f in amounts} == {31, 32, 33, 34, 35}


@pytest.mark.slow
def test_project_forms_give_their_indicators_targets(real: dict[str, Parsed]) -> None:
    """Each form's 一级/二级/三级指标 rows: "≥13459.00(平方米)" is a target of 13459 平方米 on its page."""
    parsed = real["wanli-2023-yusuan"]
    area = one(parsed.facts, row="规划建筑面积", column="目标值")
    assert (area.value, area.unit, area.page, area.parent) == (Decimal("13459.00"), "平方米", 31, "数量")
    assert area.table == "财政项目支出绩效目标填报表" and "新建万里街道社区公共服务中心" in area.source
    rate = one(parsed.facts, row="补贴对象申请审核完成率", column="目标值")  # "=100.00(%)"
    assert (rate.value, rate.unit, rate.page) == (Decimal("100.00"), "%", 32)
    visits = next(i for i in parsed.disclosure.indicators if i.level3 == "日常走访企业")
    assert (visits.comparator, visits.value, visits.unit, visits.project) == (
        ">",
        Decimal("150.00"),
        "家",
        "各类工作经费",
    )
    text_only = next(i for i in parsed.disclosure.indicators if i.level3 == "完工及时率")
    assert text_only.value is None and not [f for f in parsed.facts if f.row == "完工及时率"]


# --- generated documents of the same templates, in layouts the real ones do not all show -----------------

LAYOUTS = {
    "juesuan": lambda p: make_juesuan(p, department="上海市普陀区规划和自然资源局", year=2024),
    "juesuan captioned": lambda p: make_juesuan(p, department="上海市普陀区财政局", year=2023, captions=True),
    "juesuan split codes": lambda p: make_juesuan(p, department="上海市普陀区教育局", year=2024, split_codes=True),
    "juesuan digit runs, one-line cover, no 三公": lambda p: make_juesuan(
        p, department="上海市普陀区卫生健康委员会", year=2024, digit_runs=True, cover_lines=False, empty_sangong=True
    ),
    "yusuan": lambda p: make_yusuan(p, department="上海市普陀区人民政府长征镇", year=2025),
    "danwei yusuan": lambda p: make_yusuan(p, department="上海市普陀区图书馆", year=2024, unit_level="单位"),
    "yusuan captioned, digit runs": lambda p: make_yusuan(
        p, department="上海市普陀区民政局", year=2024, captions=True, digit_runs=True, rng_seed=7
    ),
}


def matches(f: Fact, row: str, column: str) -> bool:
    """A fact at an expected place: the row by code or label, the column as the maker names it
    ("支出/合计" is the 支出 side's 合计; "公务接待费/决算数" the 三公 item's 决算数 column)."""
    group, _, leaf = column.rpartition("/")
    item = bool(group) and not group.endswith(("收入", "支出")) and group not in ("合计", "小计")  # not a side
    at_row = f.row == group if item else bare_label(row) in (f.code, f.row) or row == f.code or f.row.endswith(row)
    totals = {"合计", "本年支出合计", "本年收入合计"}
    at_column = leaf in (f.column, f.column_role) or (leaf == "合计" and f.column_role in totals)
    at_column = at_column or (leaf == "合计" and f.column in ("预算数", "决算数"))  # a one-row table's own total
    across = re.sub(r"^(?:19|20)\d{2}年|(?:预算数|决算数)$", "", leaf)  # a one-row table read by column
    return (at_row and at_column) or (f.row == across and f.column in ("预算数", "决算数"))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.slow
def test_generated_documents_of_each_layout_become_exactly_their_cells(tmp_path: Path, layout: str) -> None:
    path = tmp_path / "doc.pdf"
    expected: Expected = LAYOUTS[layout](path)
    parsed = read(path)
    d = parsed.disclosure
    assert (d.department, d.year, d.kind) == (expected.department, expected.year, expected.kind)
    assert {t.kind for t in d.tables.values()} == NINE_JUESUAN and len(d.tables) == 9
    cells = [f for f in parsed.facts if f.table and "本表无数据" not in f.source]
    assert len(cells) == expected.numeric_cells
    unmatched = [
        (table, row, column, value)
        for (table, row, column), value in expected.cells.items()
        if not any(f.value == value and matches(f, row, column) for f in cells)
    ]
    assert not unmatched


@pytest.mark.parametrize(
    ("stem", "mismatches"),
    [
        # its two 尾数误差 (10.22 vs 10.23) are rounding, not alarms; "年初预算为 0 万元…完成年初预算的 95.89%" is printed
        ("shegongbu-2024-juesuan", {("执行率", "年初预算为0")}),
        ("wanli-2024-yusuan", {("表注", "585.56"), ("文表一致", "350.35")}),  # 本表为空表 over 47.91…; 352.67 ≠ 350.35
        ("wanli-2023-yusuan", {("文表一致", "220.63")}),  # 职业年金 stated as 441.25 (基本养老保险's figure)
        ("fuliyuan-2024-danwei-yusuan", {("文表一致", "696.48")}),  # 社会福利事业单位 738.66 ≠ 696.48
    ],
)
@pytest.mark.slow
def test_the_audit_finds_the_real_documents_errors_and_nothing_else(
    real: dict[str, Parsed], stem: str, mismatches: set[tuple[str, str]]
) -> None:
    parsed = real[stem]
    checks = audit(parsed.disclosure, parsed.facts)
    assert len(checks) > 50
    assert {(c.kind, str(c.found)) for c in checks if c.status == "mismatch"} == mismatches


@pytest.mark.slow
def test_a_code_asked_keeps_the_texts_figures_of_that_item(tmp_path: Path) -> None:
    """A generated 决算 prints 行政运行's 全年预算 and 完成率 only in its text: "行政运行（2010301）全年预算" is answered
    from the text when every coded row of 行政运行 is 2010301, and its 决算 from the coded row."""
    from assistant.answer import Engine
    from assistant.config import Settings
    from tests.conftest import store_of

    expected = make_juesuan(tmp_path / "j.pdf", department="上海市普陀区财政局", year=2023, rng_seed=0)
    engine = Engine(Settings(store=store_of(tmp_path / "store", tmp_path / "j.pdf")))
    for qa in expected.questions:
        if "行政运行（" in qa.question and ("全年预算" in qa.question or "支出决算" in qa.question):
            a = engine.answer(qa.question)
            assert not a.refused and a.value == qa.value and a.unit == qa.unit, qa.question
