"""Page records: the PDF reader and the text reader give the same kind of pages (lines, grids of cells)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from index.load import load, normalise
from index.pages import Cell, Page, PageLine, text_pages
from index.parse import paginate, parse
from index.pdf import read_pages
from index.render import lines_of, render
from tests.conftest import SAMPLE

PAGES = Path(__file__).parent / "data" / "real" / "pages"  # single pages, not whole disclosures


def test_a_real_pdf_page_as_a_record() -> None:
    """无锡市人社局 2026 公开03表 支出总表 (p19): its caption, title and unit line are lines above its one
    ruled grid, whose cells keep their rows and columns; the running head is dropped only on longer PDFs."""
    (page,), warnings = read_pages(PAGES / "wuxi-renshe-2026-p19.pdf")
    assert warnings == []
    assert page.number == 1 and page.width > page.height  # a landscape page
    texts = [line.text for line in page.lines]
    assert texts[1:] == ["公开03表", "支出总表", "部门：无锡市人力资源和社会保障局 单位：万元"]
    (grid,) = page.grids
    assert grid.ruled and grid.width == 8
    assert grid.top > max(line.bottom for line in page.lines)
    assert grid.rows[0][:3] == ("科目编码", "科目名称", "合计")
    assert Cell(row=1, column=2, text="154,121.76") in list(grid.cells())
    assert grid.rows[-1][:3] == ("2080505", "机关事业单位基本养老保险缴费支出", "1,924.13")


def test_the_text_format_as_records() -> None:
    """The sample's text: one page (no page marks); its tab-separated rows are grids of cells."""
    text = SAMPLE.read_text(encoding="utf-8")
    (page,) = text_pages(text)
    rows = [row for grid in page.grids for row in grid.rows]
    assert len(rows) == sum(1 for line in text.split("\n") if "\t" in line)
    assert all("\t" not in line.text for line in page.lines)
    assert ("", "2060702", "科普活动", "2,564", "0", "2,564") in rows  # 表7 科普活动
    tops = [line.top for line in page.lines] + [grid.top for grid in page.grids]
    assert len(set(tops)) == len(tops)  # each at its own line number


def test_page_marks_part_the_text_into_pages() -> None:
    pages = text_pages("第一部分 概况\n\f表1 收支总表\n项目\t金额\n收入\t12.5\n\n注：无\n")
    assert [p.number for p in pages] == [1, 2]
    assert [line.text for line in pages[0].lines] == ["第一部分 概况"]
    assert [line.text for line in pages[1].lines] == ["表1 收支总表", "", "注：无", ""]  # blank lines kept
    assert pages[1].grids[0].rows == (("项目", "金额"), ("收入", "12.5"))
    assert all(p.laid_out for p in pages)


def test_the_renderer_writes_a_records_grid_as_tab_rows() -> None:
    (page,), _ = read_pages(PAGES / "wuxi-renshe-2026-p19.pdf")
    text = render([page])
    assert "公开03表\n" in text
    assert "2080505\t机关事业单位基本养老保险缴费支出\t1,924.13\t1,924.13\t\t\t\t" in text


def test_a_pdfs_records_read_as_its_stored_text_reads() -> None:
    """The stages read a PDF's pages; a rebuild reads the text the store keeps of it: both give the same
    lines (rows as cells, pages), so the same Disclosure (社工部 2024 决算, 33 pages)."""
    loaded = load(Path(__file__).parent / "data" / "real" / "shegongbu-2024-juesuan.pdf")
    assert loaded.pages and loaded.text == normalise(render(list(loaded.pages)))
    lines = lines_of(list(loaded.pages))
    assert lines == paginate(loaded.text)
    assert any(isinstance(line, tuple) and "2080505" in line for line, _ in lines)  # a row, as cells
    assert parse(loaded) == parse(replace(loaded, pages=()))


def test_a_line_past_the_page_edge_does_not_widen_the_text_frame() -> None:
    """重庆市水利局 2026 部门预算: one line of a table page (p33) is placed past the page's right edge; taken
    as the frame, it made every full line of the 说明 "end short", so a sentence broken after "；" was read as
    two paragraphs and 公务用车运行维护费 248.50 万元 lost its place among the “三公”经费's parts."""
    full = dict(x0=72.0, x1=770.0, size=16.0)
    prose = Page(
        number=1, width=842.0, height=595.0,
        lines=(
            PageLine(text="2026 年“三公”经费预算 308.00 万元。其中：公务接待费 39.50", top=100.0, bottom=116.0, **full),
            PageLine(text="万元，比 2025 年减少 5.64 万元，主要原因是厉行节约；", top=128.0, bottom=144.0, **full),
            PageLine(text="公务用车运行维护费 248.50 万元。", top=156.0, bottom=172.0, x0=72.0, x1=400.0, size=16.0),
        ),
    )  # fmt: skip
    table_page = Page(
        number=2, width=842.0, height=595.0,
        lines=(PageLine(text="资金主管部门：重庆市水利局 单位：万元", top=60.0, bottom=76.0, x0=72.0, x1=1033.0, size=16.0),),
    )  # fmt: skip
    text = render([prose, table_page])
    assert "主要原因是厉行节约；公务用车运行维护费 248.50 万元。" in text
