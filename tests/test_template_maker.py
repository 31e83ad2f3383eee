"""Tests of eval/template_maker.py itself: its PDFs print the titles, amounts and layouts its `Expected`
promises. Read with pdfplumber only, never with our parser."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pdfplumber
import pytest

from eval.template_maker import JUESUAN_TITLES, Expected, Level, TableInfo, make_juesuan, make_yusuan

DEPT = "中共上海市普陀区委社会工作部"
STREET = "上海市普陀区人民政府万里街道办事处"
AMOUNT = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


@pytest.fixture(scope="module")
def juesuan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Expected]:
    path = tmp_path_factory.mktemp("juesuan") / "juesuan.pdf"
    return path, make_juesuan(path, department=DEPT, year=2024, other_income=True)


def page_lines(path: Path, pages: tuple[int, ...] | None = None) -> list[str]:
    with pdfplumber.open(path) as pdf:
        chosen = [pdf.pages[n - 1] for n in pages] if pages else pdf.pages
        return [line for page in chosen for line in (page.extract_text() or "").split("\n")]


def table_rows(path: Path, info: TableInfo) -> list[list[list[str | None]]]:
    """The rows pdfplumber reads from the ruled table on each page the table is printed on."""
    with pdfplumber.open(path) as pdf:
        return [pdf.pages[n - 1].extract_tables()[0] for n in info.pages]


def printed_amounts(path: Path, info: TableInfo) -> list[Decimal]:
    """Amount cells below the header on each page (the first tables have no 编码 column)."""
    return sorted(
        Decimal(cell.replace(",", ""))
        for rows in table_rows(path, info)
        for row in rows[info.header_rows :]
        for cell in row
        if cell and AMOUNT.match(cell)
    )


def expected_amounts(expected: Expected, info: TableInfo) -> list[Decimal]:
    return sorted(v for (title, _, _), v in expected.cells.items() if title == info.title)


def test_juesuan_prints_the_titles_cover_and_first_table(juesuan: tuple[Path, Expected]) -> None:
    path, expected = juesuan
    lines = page_lines(path)
    assert lines[:3] == [DEPT, "2024 年度", "部门决算"]
    assert [t.caption for t in expected.tables] == JUESUAN_TITLES
    assert all(title in lines for title in JUESUAN_TITLES)  # each title on a line of its own
    assert lines.count("单位：万元") == 9
    first = expected.tables[0]
    assert first.numeric_cells > 0
    assert printed_amounts(path, first) == expected_amounts(expected, first)
    assert expected.numeric_cells == len(expected.cells)


def test_juesuan_figures_are_consistent(juesuan: tuple[Path, Expected]) -> None:
    path, e = juesuan
    spend = "支出决算表"
    rows = {row for (title, row, _), _ in e.cells.items() if title == spend}
    codes = sorted(r for r in rows if r.isdigit())
    for code in codes:
        basic = e.cells.get((spend, code, "基本支出"), Decimal(0))
        project = e.cells.get((spend, code, "项目支出"), Decimal(0))
        assert e.value(spend, code, "本年支出合计") == basic + project
        children = [c for c in codes if c.startswith(code) and len(c) == len(code) + 2]
        if children:  # 类 = Σ款, 款 = Σ项
            assert e.value(spend, code, "本年支出合计") == sum(e.value(spend, c, "本年支出合计") for c in children)
    total = e.value(spend, "合计", "本年支出合计")
    assert total == e.totals["本年支出合计"] == e.value("收入支出决算总表", "总计", "收入/决算数")
    assert e.value("收入支出决算总表", "总计", "支出/决算数") == total
    assert e.totals["其他收入"] > 0 and e.totals["财政拨款收入"] + e.totals["其他收入"] == total
    economic = "一般公共预算财政拨款基本支出决算表"
    people, public = e.value(economic, "人员经费合计", "决算数"), e.value(economic, "公用经费合计", "决算数")
    assert people + public == e.value("一般公共预算财政拨款支出决算表", "合计", "基本支出") == e.totals["基本支出"]
    assert e.value(economic, "30108", "决算数") == e.value("一般公共预算财政拨款支出决算表", "2080505", "合计")
    assert e.value(economic, "30217", "决算数") == e.value(
        "财政拨款“三公”经费支出决算表", "“三公”经费", "公务接待费/决算数"
    )
    text = "".join(page_lines(path))
    share = (e.totals["基本支出"] * 100 / total).quantize(Decimal("0.01"))
    assert f"本年支出合计 {total} 万元，其中：基本支出 {e.totals['基本支出']} 万元，占{share}%" in text
    assert 10 <= len(e.questions) <= 20
    assert all(q.question.startswith(f"{DEPT}2024年度") for q in e.questions)


def test_juesuan_tables_over_a_page_break_repeat_their_header(juesuan: tuple[Path, Expected]) -> None:
    path, expected = juesuan
    long = [t for t in expected.tables if len(t.pages) > 1]
    assert long, "no table runs over a page break"
    for info in long:
        parts = table_rows(path, info)
        for part in parts[1:]:
            assert part[: info.header_rows] == parts[0][: info.header_rows]


def test_juesuan_wraps_long_names_inside_cells(juesuan: tuple[Path, Expected]) -> None:
    path, expected = juesuan
    rows = table_rows(path, expected.table("一般公共预算财政拨款支出决算表"))
    names = [row[1] or "" for part in rows for row in part if row[0] == "2080505"]
    assert names and "\n" in names[0] and names[0].replace("\n", "") == "机关事业单位基本养老保险缴费支出"


@pytest.mark.slow
def test_juesuan_variants(tmp_path: Path) -> None:
    path = tmp_path / "variants.pdf"
    e = make_juesuan(
        path,
        department=DEPT,
        year=2023,
        rng_seed=5,
        captions=True,
        split_codes=True,
        cover_lines=False,
        empty_sangong=True,
    )
    lines = page_lines(path)
    assert lines[0] == f"{DEPT}2023年度部门决算"
    assert all(f"表{i} {title}" in lines for i, title in enumerate(JUESUAN_TITLES, 1))
    assert e.value("表2 收入决算表", "合计", "本年收入合计") == e.totals["本年收入合计"]
    rows = [row for part in table_rows(path, e.table("支出决算表")) for row in part]
    item = [c or "" for c in next(row for row in rows if row[2] and row[2].isdigit())]
    assert [len(c) for c in item[:3]] == [3, 2, 2] and "".join(item[:3]) in {r for _, r, _ in e.cells}
    sangong = e.table("财政拨款“三公”经费支出决算表")
    assert sangong.empty and sangong.numeric_cells == 0
    assert f"说明：{DEPT}本年度没有财政拨款“三公”经费支出，故本表无数据。" in lines
    assert e.totals["“三公”经费决算数"] == 0


def test_digit_runs_are_out_of_order_in_the_stream_but_right_by_position(tmp_path: Path) -> None:
    path = tmp_path / "runs.pdf"
    e = make_juesuan(path, department=DEPT, year=2024, digit_runs=True, rng_seed=2)
    first = e.tables[0]
    texts = [f"{v:.2f}" for v in expected_amounts(e, first)]
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[first.pages[0] - 1]
        by_position = page.extract_text()
        stream = "".join(c["text"] for c in page.chars)
    assert all(t in by_position for t in texts)
    assert not all(t in stream for t in texts)
    assert printed_amounts(path, first) == expected_amounts(e, first)


@pytest.mark.parametrize("level", ["部门", "单位"])
def test_yusuan_prints_the_template(tmp_path: Path, level: Level) -> None:
    path = tmp_path / "yusuan.pdf"
    e = make_yusuan(path, department=STREET, year=2024, unit_level=level, digit_runs=level == "单位")
    lines = page_lines(path)
    who = "部门" if level == "部门" else "预算单位"
    if level == "部门":
        assert lines[:2] == ["上海市普陀区2024年区级部门预算", f"预算主管部门：{STREET}"]
    else:
        assert lines[:2] == [f"{STREET}2024年单位预算", f"预算单位：{STREET}"]
    assert any(line.startswith("1. 2024年") and line.endswith("……") for line in lines)  # 目录 with dot leaders
    assert e.tables[0].title == f"2024年{who}财务收支预算总表"
    assert all(t.title in lines for t in e.tables)
    maker = "编制部门" if level == "部门" else "编制单位"
    assert lines.count(f"{maker}：{STREET} 单位：元") == 8 and lines.count(f"{maker}：{STREET} 单位:万元") == 1
    assert [t.unit for t in e.tables] == ["元"] * 8 + ["万元"]
    assert not any(line.startswith("第") and "部分" in line for line in lines)
    first = e.tables[0]
    assert printed_amounts(path, first) == expected_amounts(e, first)
    assert e.totals["收入总计"] == e.value(first.title, "收入总计", "本年收入/预算数")
    assert (e.totals["事业收入"] > 0) == (level == "单位")
    in_wan = (e.totals["收入总计"] / 10000).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert f"收入预算{in_wan}万元" in "".join(lines)  # the prose in 万元
    sangong = e.tables[8]
    cells = [c for rows in table_rows(path, sangong) for row in rows[sangong.header_rows :] for c in row]
    total = e.value(sangong.title, "“三公”经费", "合计")
    assert cells[0] == f"{total:.2f}".rstrip("0").rstrip(".")
    assert 10 <= len(e.questions) <= 20


def test_yusuan_figures_are_consistent(tmp_path: Path) -> None:
    e = make_yusuan(tmp_path / "yusuan.pdf", department=STREET, year=2025, unit_level="单位", rng_seed=11)
    income, spend, general, economic, sangong = (e.tables[i].title for i in (1, 2, 4, 7, 8))
    cell = lambda table, row, column: e.cells.get((table, row, column), Decimal(0))  # noqa: E731 (blank = 0)
    codes = {row for (table, row, _), _ in e.cells.items() if table == income and row.isdigit()}
    for code in codes:
        assert cell(income, code, "合计") == cell(income, code, "财政拨款收入") + cell(income, code, "事业收入")
        assert cell(spend, code, "合计") == cell(spend, code, "基本支出") + cell(spend, code, "项目支出")
        assert cell(income, code, "合计") == cell(spend, code, "合计")
    assert cell(spend, "合计", "合计") == e.totals["收入总计"] == e.totals["财政拨款收入"] + e.totals["事业收入"]
    people, public = cell(economic, "合计", "人员经费"), cell(economic, "合计", "公用经费")
    assert people + public == cell(economic, "合计", "合计") == cell(general, "合计", "基本支出")
    parts = ("因公出国(境)费", "公务接待费", "公务用车购置及运行费")
    assert cell(sangong, "“三公”经费", "合计") == sum(cell(sangong, "“三公”经费", c) for c in parts)
    assert cell(sangong, "“三公”经费", "运行费") * 10000 == cell(economic, "30231", "合计")
