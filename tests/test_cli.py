"""`budgetqa` run for real against a real SQLite store in tmp_path."""

from __future__ import annotations

import io
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cli import main
from index.errors import UnreadableDocument
from index.ingest import read
from index.records import Fact
from index.store import DocumentInfo, Store, now
from tests.conftest import SAMPLE, SECOND
from tests.conftest import run_cli as run


def counts(store: Path) -> tuple[int, int]:
    with sqlite3.connect(store / "facts.sqlite") as conn:
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        facts = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    return docs, facts


@pytest.fixture
def store(sample_store: Path) -> Path:
    return sample_store


def test_ingest_then_facts_json(store: Path) -> None:
    code, out = run(store, "facts", "--json")
    assert code == 0
    facts = json.loads(out)
    assert len(facts) >= 200
    assert set(facts[0]) >= {
        "doc_id",
        "department",
        "year",
        "table",
        "section",
        "row",
        "code",
        "column",
        "value",
        "unit",
        "source",
    }
    cells = {(f["table"], f["code"], f["row"], f["column"]): f["value"] for f in facts}
    assert cells[("表7", "2060702", "科普活动", "支出总计")] == 2564
    assert cells[("表7", "2080506", "机关事业单位职业年金缴费支出", "支出总计")] == 22
    assert cells[("表8", None, "公务接待费", "2022年")] == 1
    prose = {(f["row"], f["column"]): f["value"] for f in facts if f["table"] is None}
    assert prose[("部门预算支出", "比2021年增长率")] == 10.58
    assert prose[("科普能力提升项目", "比2021年增减")] == -860


def test_ingest_is_idempotent_across_encodings(store: Path, tmp_path: Path) -> None:
    before = counts(store)
    text = SAMPLE.read_text(encoding="utf-8")
    gb = tmp_path / "gb18030.txt"
    gb.write_bytes(text.encode("gb18030"))
    bom = tmp_path / "bom.md"
    bom.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    for path in (SAMPLE, gb, bom):
        code, out = run(store, "ingest", str(path))
        assert code == 0 and "已在库中" in out
    assert counts(store) == before


def test_gb18030_is_detected_not_guessed(tmp_path: Path) -> None:
    gb = tmp_path / "sample.txt"
    gb.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    parsed = read(gb)
    assert parsed.loaded.encoding == "gb18030"
    assert parsed.disclosure.department == "深圳市科学技术协会（本级）"
    assert parsed.loaded.doc_id == read(SAMPLE).loaded.doc_id


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "文件是空的"),
        ("noise.txt", bytes(range(256)) * 40, "不是 UTF-8 或 GB18030 编码的文本"),
        ("report.docx", b"PK\x03\x04" + b"\x00" * 100, "Word/Excel"),
        ("table.xlsx", "2022年某部门预算\n".encode(), "不支持“.xlsx”类型的文件"),
        ("notes.txt", "会议纪要\n\n今天讨论了下一步工作安排。\n".encode(), "不是可识别的预算公开文件"),
    ],
)
def test_bad_input_gives_chinese_error_and_leaves_store_unchanged(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    before = counts(store)
    bad = tmp_path / name
    bad.write_bytes(content)
    code, _ = run(store, "ingest", str(bad))
    assert code == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert counts(store) == before


def test_crash_mid_ingest_leaves_store_as_it_was(store: Path) -> None:
    before = counts(store)
    parsed = read(SECOND)
    d = parsed.disclosure

    def facts_then_crash() -> Iterator[Fact]:
        yield from parsed.facts[:50]
        raise OSError("disk vanished")

    info = DocumentInfo(
        doc_id=d.doc_id, title=d.title, department=d.department, year=d.year, kind=d.kind, unit=d.unit,
        filename="x.txt", n_facts=len(parsed.facts), ingested_at=now(),
    )  # fmt: skip
    with Store(store) as s, pytest.raises(OSError), s.transaction() as conn:
        s.add(conn, info=info, text=parsed.loaded.text, encoding="utf-8", facts=facts_then_crash(), indicators=[])
    assert counts(store) == before


@pytest.mark.slow
def test_folder_ingest_with_progress_and_summary(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text(SECOND.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "c.txt").write_text("这不是预算公开文件。\n", encoding="utf-8")
    code, out = run(tmp_path / "s", "ingest", str(folder))
    assert code == 1  # one file failed; the others are in
    assert "新增 2 个，已存在 0 个，失败 1 个" in out
    code, out = run(tmp_path / "s", "docs", "--json")
    assert sorted(d["department"] for d in json.loads(out)) == ["广州市海珠区图书馆", "深圳市科学技术协会（本级）"]


def test_audit_json(store: Path) -> None:
    code, out = run(store, "audit", "--json")
    assert code == 0
    checks = json.loads(out)["checks"]
    assert len(checks) >= 20
    assert set(checks[0]) == {"doc_id", "kind", "where", "expected", "found", "difference", "status"}
    rounding = [c for c in checks if c["where"] == "表7 20607 科学技术普及 · 支出总计"]
    assert rounding == [
        {"doc_id": rounding[0]["doc_id"], "kind": "科目层级", "where": "表7 20607 科学技术普及 · 支出总计",
         "expected": 4566, "found": 4565, "difference": -1, "status": "rounding"}
    ]  # fmt: skip
    assert {c["kind"] for c in checks if c["status"] == "mismatch"} == {"科目名称"}


def test_facts_filters_and_text_output(store: Path) -> None:
    code, out = run(store, "facts", "--query", "2060702")
    assert code == 0
    assert "表7 一般公共预算支出表（按功能分类） · 2060702 科普活动 · 支出总计 = 2,564 万元" in out
    code, out = run(store, "audit")
    assert "≈ 尾数误差 [科目层级] 表7 20607 科学技术普及 · 支出总计：应为 4,566，核得 4,565，相差 -1" in out


def test_store_from_environment(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUDGETQA_STORE", os.fspath(store))
    out = io.StringIO()
    assert main(["docs"], out=out) == 0
    assert "深圳市科学技术协会（本级）" in out.getvalue()


def test_usage_and_lookup_errors(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(store, "nonsense")[0] == 2
    assert "用法错误" in capsys.readouterr().err
    assert run(store, "facts", "--doc", "ffff")[0] == 1
    assert "库中没有编号为“ffff”的文件" in capsys.readouterr().err
    assert run(store, "ingest", "/no/such/file.txt")[0] == 1
    assert "文件不存在" in capsys.readouterr().err


def test_unreadable_message_is_chinese() -> None:
    assert str(UnreadableDocument(Path("a.pdf"), "文件是空的")) == "无法读取文件“a.pdf”：文件是空的"
