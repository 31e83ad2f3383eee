"""Unruled tables and 三线表: grids from word positions (index/grids.py), laid out by reportlab."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from eval.coverage import coverage
from eval.coverage import main as coverage_main
from eval.pdf_maker import Item, make_pages
from index.grids import find_unruled
from index.ingest import read
from index.records import Table

INTRO: list[Item] = [
    ("text", 150, 780, "深圳市某某局2022年部门预算", 16),
    ("text", 72, 740, "第一部分 部门概况"),
    ("text", 72, 716, "一、部门职责"),
    ("text", 93, 692, "负责全市某某工作，统筹协调相关事务。"),
]
HEAD = [["科目名称", "支出总计", "基本支出", "项目支出"]]
WIDTHS = [200, 80, 80, 80]
ROWS = [[f"支出项目{i}", f"{30 * i:,}.00", f"{10 * i:,}.00", f"{20 * i:,}.00"] for i in range(1, 28)]
TOTAL = [["合计", "11,340.00", "3,780.00", "7,560.00"]]
CAPTION: list[Item] = [("text", 72, 640, "表 1"), ("text", 250, 620, "支出总表", 14), ("text", 72, 596, "单位：万元")]


def _table1(tmp_path: Path, pages: list[list[Item]]) -> Table:
    return read(make_pages(tmp_path / "plain.pdf", pages)).disclosure.tables["表1"]


@pytest.mark.parametrize("three_lines", [False, True])
def test_an_unruled_table_is_read_by_its_columns(tmp_path: Path, three_lines: bool) -> None:
    rows = HEAD + ROWS[:8] + [["支出项目甲", "—", "—", "—"], ["调减项目", "(1,234.00)", "—", "(1,234.00)"]] + TOTAL
    t = _table1(tmp_path, [[*INTRO, *CAPTION, ("plain", 72, 580, WIDTHS, rows, 1, three_lines)]])
    by = {r.label: r.values for r in t.rows}
    assert by["支出项目8"] == {
        "支出总计": Decimal("240.00"),
        "基本支出": Decimal("80.00"),
        "项目支出": Decimal("160.00"),
    }
    assert by["合计"]["支出总计"] == Decimal("11340.00")
    assert by["调减项目"]["支出总计"] == Decimal("-1234.00")
    assert set(by["支出项目甲"].values()) == {None}  # "—" is no value, not 0


def test_a_three_line_table_goes_on_over_the_next_page_without_its_header(tmp_path: Path) -> None:
    first = [*INTRO, *CAPTION, ("plain", 72, 580, WIDTHS, HEAD + ROWS[:20], 1, True)]
    second = [("plain", 72, 780, WIDTHS, ROWS[20:] + TOTAL, 0, True)]
    t = _table1(tmp_path, [first, second])
    assert len(t.rows) == 28 and {r.page for r in t.rows} == {1, 2}
    assert [r.values["支出总计"] for r in t.rows if r.label == "合计"] == [Decimal("11340.00")]


def test_a_wrapped_name_is_one_row(tmp_path: Path) -> None:
    """The second line of a long name, printed closer than the row pitch under its numbers, joins its row."""
    page = [
        *INTRO, *CAPTION,
        ("plain", 72, 580, WIDTHS, HEAD + ROWS[:2], 1, False),
        ("text", 75, 526, "（含附属单位）", 10),  # 10 pt under 支出项目2, its row taller by a line
        ("plain", 72, 522, WIDTHS, ROWS[2:3] + TOTAL, 0, False),
    ]  # fmt: skip
    t = _table1(tmp_path, [page])
    assert [r.label for r in t.rows] == ["支出项目1", "支出项目2（含附属单位）", "支出项目3", "合计"]


def test_an_enumeration_in_the_prose_is_not_a_table(tmp_path: Path) -> None:
    prose: list[Item] = [
        ("text", 72, 560 - 20 * i, line)
        for i, line in enumerate(
            ["1.因公出国（境）费 0.00 万元，与上年持平。", "2.公务接待费 12.50 万元，比上年减少 1.20 万元。",
             "3.公务用车购置及运行费 25.31 万元，比上年增加 3.00 万元。", "4.会议费 3.00 万元。"]
        )
    ]  # fmt: skip
    parsed = read(
        make_pages(
            tmp_path / "prose.pdf", [[*INTRO, *CAPTION, ("plain", 72, 580, WIDTHS, HEAD + ROWS[:3], 1, False)], prose]
        )
    )
    assert list(parsed.disclosure.tables) == ["表1"] and len(parsed.disclosure.tables["表1"].rows) == 3
    assert not [f for f in parsed.facts if f.table and f.page == 2]  # its figures are no table's cells


def test_coverage_counts_unruled_cells_apart(tmp_path: Path) -> None:
    """eval.coverage counts an unruled table's amounts independently (pdfplumber's text strategy)."""
    rows = HEAD + ROWS[:8] + TOTAL
    pdf = make_pages(tmp_path / "plain.pdf", [INTRO, [*CAPTION, ("plain", 72, 580, WIDTHS, rows, 1, False)]])
    c = coverage(pdf)  # two pages: a one-page PDF gives its facts no page
    assert (c.cells, c.unruled, c.unruled_matched) == (0, 27, 27)


def test_coverage_lists_a_refused_document_and_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    template = Path(__file__).parent / "data" / "real" / "juesuan-template.pdf"
    assert coverage_main([str(template)]) == 1
    assert "juesuan-template.pdf：未导入（" in capsys.readouterr().out


PAGES = Path(__file__).parent / "data" / "real" / "pages"  # single pages, not whole disclosures


def _as_unruled(name: str) -> list[list[str]]:
    """A real ruled page read from its words alone, as if it had no rules."""
    with pdfplumber.open(PAGES / name) as pdf:
        page = pdf.pages[0]
        (table,) = find_unruled(page.extract_words(extra_attrs=["size"]), None, float(page.height) * 0.09)
        return table.rows


def test_a_real_page_read_without_its_rules_blank_columns_and_a_wrapped_last_name() -> None:
    """无锡市人社局 2026 公开03表 支出总表 (p19): three columns blank on the page keep their headings, whose
    words interleave over three lines; the running head is no header; the last name wraps under its row."""
    rows = _as_unruled("wuxi-renshe-2026-p19.pdf")
    assert rows[0] == [
        "科目编码",
        "科目名称",
        "合计",
        "基本支出",
        "项目支出",
        "事业单位经营支出",
        "上缴上级支出",
        "对附属单位补助支出",
    ]
    assert rows[1] == ["", "合计", "154,121.76", "26,790.33", "127,331.43", "", "", ""]
    assert rows[-1] == ["2080505", "机关事业单位基本养老保险缴费支出", "1,924.13", "1,924.13", "", "", "", ""]


def test_a_real_page_read_without_its_rules_numbered_columns_and_centred_numbers() -> None:
    """佛山市轨道交通局 2019 表4 (p13): the 栏次 row is a header row; a name wrapped around its centred
    numbers is one name; 行次 and amounts stay in their columns."""
    rows = _as_unruled("foshan-2019-p13.pdf")
    assert [r[:2] for r in rows[:2]] == [["收入", ""], ["项目", "行次"]]  # 收入 centred over 项目 | 行次
    assert rows[2] == ["栏次", "", "1", "栏次", "", "2", "3", "4"]
    assert ["", "18", "", "十八、自然资源海洋气象等支出", "45", "0.00", "0.00", "0.00"] in rows
    assert ["", "19", "", "十九、住房保障支出", "46", "60.87", "60.87", "0.00"] in rows


@pytest.mark.slow
def test_coverage_counts_the_cells_of_a_table_inside_the_narrative() -> None:
    """深圳市财政局 2026 第七部分 (p11–12) prints 重点项目 | 预算数（万元） as a ruled table inside the text: its
    eight 预算数 are facts of that section's table, and the coverage counts them."""
    c = coverage(Path(__file__).parent / "data" / "real" / "shenzhen-caizheng-2026-dept-yusuan.pdf")
    assert not [m for m in c.missing if m.startswith(("第11页", "第12页"))]
    assert c.matched == c.cells
