"""Whose disclosure a text is (index/identify.py): read from the cover in any order, the 目录, the
tables' 编制单位 lines, the prose, the file name; confirmed by the user on the command line."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from eval.pdf_maker import make_pdf
from index.errors import BadConfirmation, NotADisclosure
from index.identify import Identity, confirmation, identify, read_file_name, read_title, vocabulary
from index.ingest import parse_text, read
from index.pages import flat
from index.parse import _starts_body, paginate
from tests.conftest import run_cli as run

# Titles as real disclosures print them (the cover's lines joined), and what they say.
PRINTED = [
    ("北京市财政局 2026 年度部门预算信息公开", "北京市财政局", 2026, "预算", "部门", None),
    ("北京市交通委员会 2026 年度部门预算信息 公开", "北京市交通委员会", 2026, "预算", "部门", None),
    ("北京市信访办公室部门 2026 年度部门预算 信息公开", "北京市信访办公室", 2026, "预算", "部门", None),
    ("重庆市水利局 2026 年部门预算情况说明", "重庆市水利局", 2026, "预算", "部门", None),
    ("西安市发展和改革委员会 2019 年部门综合预算说明", "西安市发展和改革委员会", 2019, "预算", "部门", None),
    ("西安市民政局 2021 年部门综合预算", "西安市民政局", 2021, "预算", "部门", None),
    ("2026 年度 福州市公安局治安管理 支队 单位预算", "福州市公安局治安管理支队", 2026, "预算", "单位", None),
    ("2026 年度 无锡市交通运输局（本级） 单位预算公开", "无锡市交通运输局（本级）", 2026, "预算", "单位", "本级"),
    ("2026 年深圳市财政局（本级）部门预 算", "深圳市财政局（本级）", 2026, "预算", "部门", "本级"),
    ("上海市普陀区2024年区级部门预算", "上海市普陀区", 2024, "预算", "部门", None),
    ("中共上海市普陀区委 社会工作部 2024 年度 部门决算", "中共上海市普陀区委社会工作部", 2024, "决算", "部门", None),
    ("2019 年佛山市轨道交通局 部门决算", "佛山市轨道交通局", 2019, "决算", "部门", None),
    ("2024年度部门决算 上海市普陀区财政局", "上海市普陀区财政局", 2024, "决算", "部门", None),  # kind first
    ("二〇二四年度上海市普陀区财政局部门决算", "上海市普陀区财政局", 2024, "决算", "部门", None),
    ("上海市普陀区教育局（汇总）2024年度部门决算报告", "上海市普陀区教育局（汇总）", 2024, "决算", "部门", "汇总"),
    ("上海市普陀区民政局（机关本级）2024年度部门决算编制说明", "上海市普陀区民政局（机关本级）", 2024, "决算", "部门", "本级"),
    ("上海市普陀区卫生健康委员会（部门汇总）2024年市级部门预算", "上海市普陀区卫生健康委员会（部门汇总）", 2024, "预算", "部门", "汇总"),
    ("北 京 市 财 政 局 2 0 2 6 年 度 部 门 预 算", "北京市财政局", 2026, "预算", "部门", None),  # justified line
    ("深圳市科学技术协会2022年部门预算公开说明", "深圳市科学技术协会", 2022, "预算", "部门", None),
    ("广东省财政厅2024年省级部门预算", "广东省财政厅", 2024, "预算", "部门", None),
    ("长兴县财政局2024年县级部门决算", "长兴县财政局", 2024, "决算", "部门", None),
    ("第二部分 佛山市轨道交通局 2019年部门决算表", "佛山市轨道交通局", 2019, "决算", "部门", None),  # a 目录 entry
]  # fmt: skip


@pytest.mark.parametrize(("printed", "department", "year", "kind", "level", "scope"), PRINTED)
def test_a_printed_title_says_whose_disclosure(
    printed: str, department: str, year: int, kind: str, level: str, scope: str | None
) -> None:
    found = read_title(printed)
    assert (found.department, found.year, found.kind, found.level, found.scope) == (
        department,
        year,
        kind,
        level,
        scope,
    )


def test_every_word_of_the_vocabulary_is_in_a_printed_title() -> None:
    v = vocabulary()
    titles = " ".join(p[0] for p in PRINTED).replace(" ", "")
    words = [
        *(w for ws in v.kinds.values() for w in ws),
        *(w for ws in v.levels.values() for w in ws),
        *(w for ws in v.scopes.values() for w in ws),
        *v.infixes,
        *v.suffixes,
        *v.tiers,
    ]
    assert [w for w in words if w not in titles] == []
    assert read_title("第二部分 佛山市轨道交通局 2019年部门决算表", named=True).department == "佛山市轨道交通局"


@pytest.mark.parametrize(
    ("name", "year", "kind", "level", "department"),
    [
        ("wuxi-jiaotong-2026-unit-yusuan.pdf", 2026, "预算", "单位", None),
        ("foshan-guidaojiaotong-2019-dept-juesuan.pdf", 2019, "决算", "部门", None),
        ("fuliyuan-2024-danwei-yusuan.pdf", 2024, "预算", "单位", None),
        ("bumen-juesuan-2023.pdf", 2023, "决算", "部门", None),
        ("北京市财政局2026年部门预算.pdf", 2026, "预算", "部门", "北京市财政局"),
        ("福州市商务局.pdf", None, None, None, "福州市商务局"),
    ],
)
def test_the_file_name_says_what_it_can(
    name: str, year: int | None, kind: str | None, level: str | None, department: str | None
) -> None:
    found = read_file_name(name)
    assert (found.year, found.kind, found.level, found.department) == (year, kind, level, department)


def identified(text: str, name: str = "x.txt") -> tuple[Identity, int]:
    return identify([(flat(x), page) for x, page in paginate(text)], name, starts_body=_starts_body)


@pytest.mark.parametrize(
    "cover",
    [
        "2026 年度\n\n福州市商务局\n\n部门预算\n",  # year / department / kind
        "福州市商务局\n\n2026 年度\n\n部门预算\n",
        "福州市商务局 2026 年度\n\n部门预算\n",
        "2026 年度部门预算\n\n福州市商务局\n",  # the kind before the department
        "福 州 市 商 务 局\n\n2 0 2 6 年 度 部 门 预 算\n",  # a justified cover: spaces between the characters
        "福州市商务局\f2026年度部门预算\n",  # a page break inside the cover
    ],
)
def test_a_cover_in_any_order_and_line_split(cover: str) -> None:
    found, end = identified(cover + "\n目录\n\n第一部分 部门概况\n\n第一部分 部门概况\n\n一、主要职能\n")
    assert (found.department, found.year, found.kind, found.level) == ("福州市商务局", 2026, "预算", "部门")
    assert set(found.sources.values()) == {"封面"}
    assert flat(paginate(cover + "\n目录\n")[end][0]).strip() in {"", "目录"}  # the cover ends before the 目录


@pytest.mark.parametrize(
    ("text", "name", "where"),
    [
        ("2026年度部门预算\n\n目录\n\n第二部分 福州市商务局2026年度部门预算表\n\n第一部分 部门概况\n", "a.txt", "目录"),
        (
            "2026年度部门预算\n\n表1 收支总表\n编制单位：福州市商务局\t\t单位：万元\n项目\t金额\n",
            "a.txt",
            "表头编制单位",
        ),
        ("部门预算\n\n一、概况\n\n福州市商务局2026年部门预算收入总计100万元。\n", "a.txt", "正文"),
        (
            "2026年度部门预算\n\n表1 收支总表\n部门（单位）：福州市商务局 单位：万元\n项目\t金额\n",
            "a.txt",
            "表头编制单位",
        ),
        ("2026年度部门预算\n\n表1 收支总表\n部门：福州市商务局\t\t单位：万元\n项目\t金额\n", "a.txt", "表头编制单位"),
        ("附件：福州市商务局2026年度部门预算\n\n第一部分 部门概况\n", "a.txt", "封面"),
        ("2026年度部门预算\n\n第一部分 部门概况\n\n本部门收入总计100万元。\n", "福州市商务局.txt", "文件名"),
    ],
)
def test_a_cover_without_the_department_leaves_it_to_the_rest(text: str, name: str, where: str) -> None:
    found, _ = identified(text, name)
    assert found.department == "福州市商务局" and found.sources["department"] == where
    assert found.year == 2026 and found.kind == "预算"


def test_running_headers_name_the_department() -> None:
    page = "福州市商务局2026年部门预算\n\n一、收入\n\n收入100万元。\n"
    found, _ = identified("部门预算公开\n\n" + "\f".join([page] * 4))
    assert (found.department, found.sources["department"]) == ("福州市商务局", "页眉")


def test_the_blank_template_is_refused() -> None:
    with pytest.raises(NotADisclosure, match="空白模板（部门名称为“上海市XX局”）"):
        identified("上海市 XX 局\n\n2024 年度部门决算\n\n目录\n")


NO_DEPARTMENT = (
    "2026年度部门预算\n\n第一部分 部门概况\n\n一、收支\n\n本部门2026年收入预算合计1200万元，比上年增加100万元。\n"
)
NO_PARTS = (
    "重庆市水利局 2026 年部门预算情况说明\n\n一、单位基本情况\n\n我局为市政府组成部门。\n\n"
    "二、收支预算情况\n\n2026年收入预算总计 12,345.67 万元，比上年增加 100 万元。\n"
)


def test_a_cover_without_a_department_is_ingested_with_a_warning() -> None:
    parsed = parse_text(NO_DEPARTMENT, "budget.txt")
    d = parsed.disclosure
    assert (d.department, d.year, d.kind, d.title) == ("budget", 2026, "预算", "2026年budget部门预算")
    assert d.warnings[0] == (
        "未能从文件内容中读出部门名称，暂记为“budget”。请确认：可用 budgetqa ingest 文件 --department 部门全称"
        " 重新导入（网页上传时填写“部门”一栏）"
    )
    assert [(f.row, f.value, f.department) for f in parsed.facts if f.column == "金额"] == [
        ("收入预算合计", 1200, "budget")
    ]
    confirmed = parse_text(NO_DEPARTMENT, "budget.txt", given=Identity(department="福州市商务局"))
    assert confirmed.disclosure.title == "2026年福州市商务局部门预算" and not confirmed.disclosure.warnings
    assert {f.department for f in confirmed.facts} == {"福州市商务局"}
    assert confirmed.disclosure.identity.sources["department"] == "用户确认"
    assert confirmed.loaded.doc_id == parsed.loaded.doc_id  # an override does not change the document's id


def test_prose_without_parts_or_tables_is_one_section_of_facts() -> None:
    parsed = parse_text(NO_PARTS, "cq.txt")
    (section,) = parsed.disclosure.sections
    assert section.heading == "重庆市水利局2026年部门预算情况说明"
    assert [(f.row, f.column, f.value) for f in parsed.facts if f.row == "收入预算总计"] == [
        ("收入预算总计", "金额", Decimal("12345.67")),
        ("收入预算总计", "比2025年增减", Decimal("100")),
    ]


@pytest.mark.parametrize("text", ["会议纪要\n\n今天讨论了下一步工作安排。\n", "这不是预算公开文件。\n"])
def test_unrelated_text_is_refused(text: str) -> None:
    with pytest.raises(NotADisclosure):
        parse_text(text, "notes.txt")


@pytest.mark.parametrize(
    ("department", "year", "kind", "message"),
    [
        (None, "19", None, "年度应为四位年份（如 2026），而不是“19”"),
        (None, None, "报告", "类型只能是“预算”或“决算”，而不是“报告”"),
        ("上海市XX局", None, None, "像是模板中的占位文字"),
    ],
)
def test_a_confirmation_that_cannot_be_one_is_refused(
    department: str | None, year: str | None, kind: str | None, message: str
) -> None:
    with pytest.raises(BadConfirmation, match=message):
        confirmation(department, year, kind)
    assert confirmation(" ", "", "") is None
    assert confirmation("福州市商务局", " 2026 ", "决算") == Identity(department="福州市商务局", year=2026, kind="决算")


@pytest.mark.slow
def test_ingest_warns_then_the_users_confirmation_is_stored(tmp_path: Path) -> None:
    source = tmp_path / "budget.txt"
    source.write_text(NO_DEPARTMENT, encoding="utf-8")
    store = tmp_path / "store"
    code, out = run(store, "ingest", str(source))
    assert code == 0 and "未能从文件内容中读出部门名称，暂记为“budget”" in out
    (doc,) = json.loads(run(store, "docs", "--json")[1])
    assert (doc["department"], doc["level"], doc["scope"]) == ("budget", "部门", None)
    assert doc["identified"] == {"year": "封面", "kind": "封面", "level": "封面"}

    code, out = run(store, "ingest", str(source), "--department", "福州市商务局（本级）", "--kind", "决算")
    assert code == 0 and "已按指定的部门/年度/类型重新入库" in out
    (again,) = json.loads(run(store, "docs", "--json")[1])
    assert again["doc_id"] == doc["doc_id"]
    assert (again["department"], again["year"], again["kind"], again["scope"]) == (
        "福州市商务局（本级）",
        2026,
        "决算",
        "本级",
    )
    assert again["identified"]["department"] == "用户确认" and again["identified"]["year"] == "封面"
    facts = json.loads(run(store, "facts", "--json")[1])
    assert {(f["department"], f["year"], f["kind"]) for f in facts} == {("福州市商务局（本级）", 2026, "决算")}
    with sqlite3.connect(store / "facts.sqlite") as conn:  # the first ingest's rows and counts are gone
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        assert (
            conn.execute("SELECT chunks FROM corpus").fetchone()
            == conn.execute("SELECT count(*) FROM chunks").fetchone()
        )

    assert run(store, "ingest", str(source))[1].count("已在库中") == 1  # nothing confirmed: left as it is
    assert run(store, "rebuild")[0] == 0  # the confirmation is kept over a rebuild
    (rebuilt,) = json.loads(run(store, "docs", "--json")[1])
    assert (rebuilt["department"], rebuilt["kind"]) == ("福州市商务局（本级）", "决算")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "二〇二六"], "--year"),
        (["--kind", "报告"], "只能是“预算”或“决算”"),
        (["--department", " "], "不能为空"),
    ],
)
def test_ingest_flags_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    source = tmp_path / "budget.txt"
    source.write_text(NO_DEPARTMENT, encoding="utf-8")
    assert run(tmp_path / "store", "ingest", str(source), *args)[0] == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("用法错误")


def test_a_district_bureaus_pdf_cover_with_the_kind_above_the_department(tmp_path: Path) -> None:
    text = (
        "2024年度部门决算\n\n上海市普陀区财政局\n\n目录\n\n第一部分 上海市普陀区财政局概况\n\n"
        "第一部分 上海市普陀区财政局概况\n\n一、主要职能\n\n本部门2024年度收入决算合计3456.78万元。\n"
    )
    parsed = read(make_pdf(text, tmp_path / "budget.pdf"))
    d = parsed.disclosure
    assert (d.department, d.year, d.kind, d.title) == (
        "上海市普陀区财政局",
        2024,
        "决算",
        "2024年上海市普陀区财政局部门决算",
    )
    assert d.identity.sources["department"] == "封面" and not d.warnings
    assert [f.value for f in parsed.facts if f.row == "收入决算合计"] == [Decimal("3456.78")]


@pytest.mark.slow
def test_the_flags_apply_to_every_file_of_a_parallel_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(NO_DEPARTMENT, encoding="utf-8")
    (folder / "b.txt").write_text(NO_PARTS, encoding="utf-8")
    code, _ = run(tmp_path / "store", "ingest", str(folder), "--workers", "2", "--year", "2025", "--kind", "决算")
    assert code == 0
    docs = json.loads(run(tmp_path / "store", "docs", "--json")[1])
    assert sorted((d["department"], d["year"], d["kind"], d["identified"]["year"]) for d in docs) == [
        ("a", 2025, "决算", "用户确认"),
        ("重庆市水利局", 2025, "决算", "用户确认"),
    ]
