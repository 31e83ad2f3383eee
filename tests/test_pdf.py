"""PDF disclosures: PDFs of the sample laid out by reportlab give the text version's facts, with pages."""

from __future__ import annotations

import json
import multiprocessing
import random
import re
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from eval.pdf_maker import Item, make_pages, make_pdf, make_scanned_pdf
from eval.pdfcheck import compare, key
from index.errors import AssistantError
from index.facts import extract_facts
from index.ingest import Parsed, read
from index.load import LoadedText, normalise
from index.normal import label_key
from index.numbers import format_amount
from index.pages import Page, PageLine
from index.parse import parse, squeeze
from index.pdf import _is_running, _running_lines
from index.records import Row, Table
from index.store import FORMAT, Store
from tests.conftest import SAMPLE, SECOND, run_cli
from tests.test_reliability import snapshot

RUNNING_HEAD = "深圳市科学技术协会部门预算公开 · 内部测试版"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    return {
        "sample": make_pdf(SAMPLE.read_text(encoding="utf-8"), folder / "sample.pdf", header=RUNNING_HEAD, leading=17),
        "second": make_pdf(SECOND.read_text(encoding="utf-8"), folder / "second.pdf"),
    }


@pytest.fixture(scope="module")
def sample_pdf(pdfs: dict[str, Path]) -> Parsed:
    return read(pdfs["sample"])


def _table_rows(t: Table) -> list[Row]:
    return [replace(r, part=1, page=None) for r in t.rows]


# --- the PDF gives the text version's facts, each with its page ------------------------------------------


@pytest.mark.parametrize("name", ["sample", "second"])
@pytest.mark.slow
def test_pdf_facts_equal_the_text_facts_with_pages_added(
    pdfs: dict[str, Path], sample: Parsed, second: Parsed, name: str
) -> None:
    text = sample if name == "sample" else second
    pdf = read(pdfs[name])
    assert [key(f) for f in pdf.facts] == [key(f) for f in text.facts]  # same facts, same order
    # "与 2022 年预算数持平" and "公务用车保有量与上年持平" are changes of 0; "2022年预算数0万元" is 因公出国's 0;
    # "公务用车保有量共 1 辆" a count
    assert len(pdf.facts) == (337 if name == "sample" else 250)
    assert all(f.page is not None and f.page >= 1 for f in pdf.facts)
    for t, p in zip(text.facts, pdf.facts, strict=True):
        where_t, _, quote_t = t.source.partition(" · 「")
        where_p, _, quote_p = p.source.partition(" · 「")
        assert where_p == where_t
        assert squeeze(quote_p)[-8:] == squeeze(quote_t)[-8:]  # a line break may drop a space before the figure
    c = compare(text.facts, pdf.facts)
    assert (c.found, c.extra, c.key_found, c.without_page) == (c.facts, 0, c.key_figures, 0)


@pytest.mark.parametrize("name", ["sample", "second"])
def test_pdf_tables_are_the_text_tables(pdfs: dict[str, Path], sample: Parsed, second: Parsed, name: str) -> None:
    text = (sample if name == "sample" else second).disclosure
    pdf = read(pdfs[name]).disclosure
    assert (pdf.title, pdf.department, pdf.year, pdf.kind, pdf.unit) == (
        text.title, text.department, text.year, text.kind, text.unit
    )  # fmt: skip
    assert list(pdf.tables) == list(text.tables)
    for name_, t in text.tables.items():
        p = pdf.tables[name_]
        assert (p.title, p.unit, p.department, p.header, p.columns) == (
            t.title,
            t.unit,
            t.department,
            t.header,
            t.columns,
        )
        assert _table_rows(p) == _table_rows(t), name_
        assert [squeeze(n) for n in p.notes] == [squeeze(n) for n in t.notes]
    assert [replace(i, page=None) for i in pdf.indicators] == text.indicators
    assert [s.heading for s in pdf.sections] == [s.heading for s in text.sections]
    for s_pdf, s_text in zip(pdf.sections, text.sections, strict=True):
        assert [squeeze(p.text) for p in s_pdf.paragraphs] == [squeeze(p.text) for p in s_text.paragraphs]


@pytest.mark.slow
def test_tables_cross_pages_with_repeated_headers_dropped(pdfs: dict[str, Path], sample_pdf: Parsed) -> None:
    tables = sample_pdf.disclosure.tables
    with pdfplumber.open(pdfs["sample"]) as pdf:
        grids = {i: page.extract_tables() for i, page in enumerate(pdf.pages, start=1)}
    for name in ("表1", "表6", "表7", "表11"):
        pages = sorted({r.page for r in tables[name].rows if r.page})
        assert len(pages) >= 2 and pages == list(range(pages[0], pages[-1] + 1)), (name, pages)
        header = grids[pages[0]][-1][0]  # the table starts on its first page after the title…
        assert grids[pages[1]][0][0] == header and any(header), name  # …and its header repeats on the next
        assert not any(r.label in {"项目", "科目名称", "任务名称"} for r in tables[name].rows), name
    t7 = tables["表7"]
    assert len(t7.rows) == 26 and {r.part for r in t7.rows} == {1, 2}
    assert {r.page for r in t7.rows if r.code == "2060702"} == {13}
    assert sample_pdf.disclosure.warnings == []


def test_a_wrapped_cell_and_its_code_give_one_row(pdfs: dict[str, Path], sample_pdf: Parsed) -> None:
    """机关事业单位基本养老保险缴费支出 is printed over three lines, its code vertically centred beside the middle one."""
    with pdfplumber.open(pdfs["sample"]) as pdf:
        cells = [row for page in pdf.pages for t in page.extract_tables() for row in t if "2080505" in row]
    assert cells and all((row[2] or "").count("\n") == 2 for row in cells)  # the layout really wraps the name
    row = next(r for r in sample_pdf.disclosure.tables["表7"].rows if r.code == "2080505")
    assert row.label == "机关事业单位基本养老保险缴费支出" and row.parent == "20805"
    assert [str(v) for v in row.values.values()] == ["46", "46", "0"]
    t1 = [r for r in sample_pdf.disclosure.tables["表1"].rows if r.label == "机关事业单位基本养老保险缴费支出"]
    assert [(r.code, r.values["2022年预算数"]) for r in t1] == [("2080505", 46)]


def test_prose_is_rejoined_and_page_furniture_dropped(pdfs: dict[str, Path], sample_pdf: Parsed) -> None:
    text = sample_pdf.loaded.text
    assert RUNNING_HEAD not in text
    assert not re.search(r"^\s*-\s*\d+\s*-\s*$", text, re.M)  # the page numbers "- 7 -"
    paragraphs = [p for s in sample_pdf.disclosure.sections for p in s.paragraphs]
    over = [p for p in paragraphs if len({page for _, page in p.pages}) > 1]
    assert over, "some paragraph of the sample runs over a page break"
    for p in over:
        assert "\n" not in p.text and p.text.endswith(("。", "：", "；"))
    budget = next(f for f in sample_pdf.facts if f.section and f.row == "项目支出" and f.column == "金额")
    assert budget.value == 4023 and budget.page is not None
    with pdfplumber.open(pdfs["sample"]) as pdf:
        page_text = pdf.pages[budget.page - 1].extract_text()
    assert "项目支出 4,023 万元" in page_text  # the page a prose figure cites is the page it is printed on


def test_table_fact_pages_are_where_the_rows_are_printed(pdfs: dict[str, Path], sample_pdf: Parsed) -> None:
    with pdfplumber.open(pdfs["sample"]) as pdf:
        texts = [squeeze(page.extract_text()) for page in pdf.pages]
    table_facts = [f for f in sample_pdf.facts if f.table and f.page]
    assert len(table_facts) == 230  # every table cell and performance target
    for f in table_facts:
        page = texts[f.page - 1]  # type: ignore[operator]
        assert format_amount(f.value) in page or f"{f.value}{f.unit}" in page, f  # targets print "1000"
        if f.table == "表7" and f.code:  # the table that prints its codes
            assert f.code in page, f
    # amounts repeat from page to page; a coded row's name in a table cell of that page pins the page down
    with pdfplumber.open(pdfs["sample"]) as pdf:
        cells = [{squeeze(c or "") for t in page.extract_tables() for row in t for c in row} for page in pdf.pages]
    coded = [f for f in table_facts if f.code]
    assert len(coded) > 100
    for f in coded:
        assert any(c.endswith(f.row) for c in cells[f.page - 1]), f  # type: ignore[operator]


def test_chunks_carry_their_pages(sample_pdf: Parsed) -> None:
    pages = [(c.metadata.get("page"), c.metadata.get("page_end")) for c in sample_pdf.chunks]
    assert all(isinstance(a, int) and isinstance(b, int) and a <= b for a, b in pages)
    t7 = [c for c in sample_pdf.chunks if c.metadata["table"] == "表7"]
    covered = {p for c in t7 for p in range(int(c.metadata["page"]), int(c.metadata["page_end"]) + 1)}
    assert covered == {13, 14}


# --- refused PDFs: a Chinese message, exit 1, the store as it was ------------------------------------------


def _encrypted(out: Path) -> Path:
    canvas = Canvas(str(out), pagesize=A4, encrypt="secret")
    canvas.setFont(UnicodeCIDFont("STSong-Light").name, 12)
    canvas.drawString(72, 720, "2022年某某局部门预算")
    canvas.save()
    return out


BAD_PDFS = [
    ("scan.pdf", make_scanned_pdf, "OCR"),
    ("encrypted.pdf", _encrypted, "已加密"),
    ("cut.pdf", None, "已损坏"),
    ("fake.pdf", lambda p: (p.write_text("这不是PDF", encoding="utf-8"), p)[1], "内容不是 PDF"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_PDFS, ids=[b[0] for b in BAD_PDFS])
@pytest.mark.slow
def test_unreadable_pdf_is_refused_and_the_store_is_unchanged(
    tmp_path: Path, pdfs: dict[str, Path], capsys: pytest.CaptureFixture[str], name: str, make: object, message: str
) -> None:
    store = tmp_path / "store"
    assert run_cli(store, "ingest", str(SECOND))[0] == 0
    before = snapshot(store)
    bad = tmp_path / name
    if make is None:  # a download that stopped half way
        data = pdfs["sample"].read_bytes()
        bad.write_bytes(data[: len(data) // 3])
    else:
        make(bad)  # type: ignore[operator]
    code, _ = run_cli(store, "ingest", str(bad))
    err = capsys.readouterr().err
    assert code == 1 and message in err and name in err and "Traceback" not in err
    assert snapshot(store) == before


def test_damaged_pdfs_are_read_or_refused_never_crash(tmp_path: Path, pdfs: dict[str, Path]) -> None:
    """Bytes flipped or cut anywhere: each file is read or refused with a Chinese reason, nothing else."""
    data, rng, refused = pdfs["second"].read_bytes(), random.Random(1), 0
    for i in range(40):
        damaged = bytearray(data[: rng.randrange(100, len(data))] if i % 2 else data)
        for _ in range(0 if i % 2 else 20):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / f"damaged{i}.pdf"
        path.write_bytes(bytes(damaged))
        try:
            read(path)
        except AssistantError as e:
            refused += 1
            assert "damaged" in str(e) and re.search(r"[\u4e00-\u9fff]", str(e))
    assert refused > 20


# --- through the store and the answer ---------------------------------------------------------------------


@pytest.mark.slow
def test_pdf_ingest_answers_with_pages(
    tmp_path: Path, pdfs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    code, out = run_cli(store, "ingest", str(pdfs["sample"]))
    assert code == 0 and "新增 337 条数据" in out
    assert "读取 sample.pdf" in capsys.readouterr().err  # the page progress bar
    code, out = run_cli(store, "facts", "--json", "--query", "2060702")
    facts = json.loads(out)
    assert {(f["table"], f["page"]) for f in facts if f["column"] == "支出总计"} == {("表7", 13)}
    assert {(f["table"], f["page"]) for f in facts if f["table"] == "表1"} == {("表1", 8)}
    code, out = run_cli(store, "ask", "科普活动预算是多少？")
    assert code == 0 and "科普活动为 2,564 万元" in out
    assert "出处：表1 收支总表 · 支出 · 2060702 科普活动 · 2022年预算数（第8页）" in out
    code, out = run_cli(store, "ask", "--json", "2022年项目支出占支出总计的比例是多少？")
    answer = json.loads(out)
    assert answer["refused"] is False and all(f["verdict"] in ("verified", "derived") for f in answer["figures"])
    assert any("页）" in c["where"] for c in answer["citations"])


def _open(store: str) -> int:
    with Store(Path(store)) as s:
        return len(s.facts())


def _as_format_1(store: Path) -> None:
    with closing(sqlite3.connect(store / "facts.sqlite")) as conn:
        for index in (
            "facts_kind",
            "facts_subject",
            "facts_code",
            "documents_year",
            "facts_doc_kind",
            "indicators_doc",
        ):
            conn.execute(f"DROP INDEX {index}")
        conn.execute("CREATE INDEX facts_doc ON facts(doc_id)")  # format 1's
        for column in ("page", "doc_kind", "table_kind", "column_role", "fund", "code_scheme", "row_key"):
            conn.execute(f"ALTER TABLE facts DROP COLUMN {column}")
        for table in ("terms", "corpus", "codes", "row_keys", "postings"):  # format 5's and 6's
            conn.execute(f"DROP TABLE {table}")
        conn.execute("PRAGMA user_version = 1")
        conn.commit()


@pytest.mark.slow
def test_a_format_1_store_gains_the_page_and_catalog_columns_also_opened_by_several_processes(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_cli(store, "ingest", str(SECOND))[0] == 0
    _as_format_1(store)
    with multiprocessing.get_context("spawn").Pool(4) as pool:  # the web workers and a CLI, after an upgrade
        assert pool.map(_open, [str(store)] * 4) == [250] * 4  # the second disclosure's facts
    with closing(sqlite3.connect(store / "facts.sqlite")) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT == 7
        columns = [r[1] for r in conn.execute("PRAGMA table_info(facts)")]
        assert all(columns.count(c) == 1 for c in ("page", "doc_kind", "table_kind", "column_role", "fund", "row_key"))
        assert conn.execute("SELECT count(*) FROM facts WHERE row_key IS NULL").fetchone()[0] == 0
        keys = conn.execute("SELECT row, row_key FROM facts").fetchall()
        assert all(key == label_key(row) for row, key in keys) and any(key != row for row, key in keys)
        assert (
            conn.execute("SELECT chunks FROM corpus").fetchone()[0]
            == conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        )
        assert conn.execute("SELECT count(*) FROM codes").fetchone()[0] > 0
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"facts_doc_kind", "indicators_doc"} <= indexes and "facts_doc" not in indexes


@pytest.mark.slow
def test_a_format_1_store_whose_ids_changed_must_be_rebuilt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A stored text holding radical code points (⻔) has another id now: migrating in place would duplicate it."""
    store = tmp_path / "store"
    assert run_cli(store, "ingest", str(SECOND))[0] == 0
    _as_format_1(store)
    with closing(sqlite3.connect(store / "facts.sqlite")) as conn:
        conn.execute("UPDATE documents SET text = replace(text, '部门', '部⻔')")
        conn.commit()
    code, _ = run_cli(store, "docs")
    assert code == 3 and "格式版本 1" in capsys.readouterr().err
    assert run_cli(store, "rebuild")[0] == 0
    code, out = run_cli(store, "docs")
    assert code == 0 and out.count("海珠区图书馆") == 1


# --- layouts other generators produce ---------------------------------------------------------------------


def test_captions_at_the_top_of_pages_are_not_running_heads() -> None:
    """Every table page starting with "表 N" makes "表#" the commonest top line; it must stay."""
    pages = [
        Page(
            number=n,
            width=595.0,
            height=842.0,
            lines=(
                PageLine(text=f"表 {n}", top=59.0, bottom=70.0, x0=60.0, x1=80.0, size=10.5),
                PageLine(text=f"第 {n} 页", top=800.0, bottom=810.0, x0=280.0, x1=320.0, size=9.0),
            ),
        )
        for n in range(1, 16)
    ]
    running = _running_lines(pages)
    kept = [line.text for p in pages for line in p.lines if not _is_running(line, p, running)]
    assert kept == [f"表 {n}" for n in range(1, 16)]


def test_one_line_captions_without_a_space_are_tables(sample: Parsed) -> None:
    """ "表1收支总表" (caption and title on one line, no space) as some PDFs print it."""
    text = re.sub(r"^表 (\d+)\n\n(\S+表[^\n]*)$", r"表\1\2", SAMPLE.read_text(encoding="utf-8"), flags=re.M)
    assert "表1收支总表\n" in text and "\n表 1\n" not in text
    parsed = parse(LoadedText(name="one_line.txt", text=normalise(text), encoding="utf-8", doc_id="x"))
    assert [key(f) for f in extract_facts(parsed)] == [key(f) for f in sample.facts]


INTRO: list[Item] = [
    ("text", 150, 780, "深圳市某某局2022年部门预算", 16),
    ("text", 72, 740, "第一部分 部门概况"),
    ("text", 72, 716, "一、部门职责"),
    ("text", 93, 692, "负责全市某某工作，统筹协调相关事务。"),
]
HEAD: list[list[str]] = [["科目名称", "支出总计", "基本支出", "项目支出"]]
WIDTHS = [200, 80, 80, 80]
ROWS = [[f"支出项目{i}", str(30 * i), str(10 * i), str(20 * i)] for i in range(1, 28)]
TOTAL = [["合计", "11,340", "3,780", "7,560"]]


def _table1(tmp_path: Path, pages: list[list[Item]], **kw: object) -> Table:
    parsed = read(make_pages(tmp_path / "hand.pdf", pages, **kw))  # type: ignore[arg-type]
    return parsed.disclosure.tables["表1"]


def test_unit_printed_right_of_the_department_name(tmp_path: Path) -> None:
    """部门名称 on the left, 单位：元 on the right of one line: amounts in 元, not 万元."""
    page = [
        *INTRO, ("text", 72, 600, "表 1"), ("text", 250, 580, "收支总表", 14),
        ("text", 72, 556, "部门名称：深圳市某某局"), ("rtext", 532, 556, "单位：元"),
        ("grid", 72, 540, WIDTHS, HEAD + ROWS[:3] + TOTAL),
    ]  # fmt: skip
    t = _table1(tmp_path, [page])
    assert (t.unit, t.department) == ("元", "深圳市某某局")


@pytest.mark.parametrize("caption", ["单位：万元", "续表1", "收支总表（续）", ""])
def test_a_later_part_under_a_caption_without_its_number_goes_on(tmp_path: Path, caption: str) -> None:
    first = [
        *INTRO, ("text", 72, 600, "表 1"), ("text", 250, 580, "收支总表", 14), ("text", 72, 556, "单位：万元"),
        ("grid", 72, 520, WIDTHS, HEAD + ROWS[:20]),
    ]  # fmt: skip
    second = [("text", 72, 790, caption)] if caption else []
    t = _table1(tmp_path, [first, [*second, ("grid", 72, 770, WIDTHS, HEAD + ROWS[20:] + TOTAL)]])
    assert len(t.rows) == 28 and t.pages == 2  # every row; the repeated header dropped
    assert [r.values["支出总计"] for r in t.rows if r.label == "合计"] == [11340]


def test_a_turned_landscape_page(tmp_path: Path) -> None:
    """A wide table on pages stored portrait with /Rotate 90: its page numbers are still page furniture."""
    first: list[Item] = [
        ("text", 72, 560, "表 1"), ("text", 72, 542, "收支总表"), ("text", 72, 524, "单位：万元"),
        ("grid", 72, 510, WIDTHS, HEAD + ROWS[:22]),
    ]  # fmt: skip
    second: list[Item] = [("grid", 72, 560, WIDTHS, HEAD + ROWS[22:] + TOTAL)]
    t = _table1(tmp_path, [INTRO, first, second], turned={2, 3})
    assert len(t.rows) == 28 and {r.page for r in t.rows} == {2, 3}
    assert [r.values["支出总计"] for r in t.rows if r.label == "合计"] == [11340]
