"""`budgetqa eval` answers from a store of its own (the sample, or the files given by --docs), not from
whatever store the environment points at, unless --store names one; the report says which it used."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assistant.cli import main
from tests.conftest import SAMPLE, SECOND

# Questions that name no department: in a store of the sample alone they have one answer each; in a
# store that also holds another department's disclosure they are asked back ("which department?").
QUESTIONS = [
    {"id": "e1", "question": "项目支出预算是多少？", "expected": {"type": "number", "value": 4023, "unit": "万元"}},
    {"id": "e2", "question": "项目支出占总支出多少？", "expected": {"type": "number", "value": 80.51, "unit": "%"}},
    {"id": "e3", "question": "那2021年呢？", "history": ["三公经费预算多少？"], "expected": {"type": "number", "value": 5, "unit": "万元"}},
    {"id": "e4", "question": "2023年预算是多少？", "expected": {"type": "refusal"}},
]  # fmt: skip


def write(tmp_path: Path, rows: list[dict]) -> Path:  # type: ignore[type-arg]
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def evaluate(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(["eval", *args], out=out), out.getvalue()


@pytest.fixture
def open_store(store_both: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The store the environment points at holds the sample and another department's disclosure."""
    monkeypatch.setenv("BUDGETQA_STORE", str(store_both))
    return store_both


@pytest.mark.slow
def test_eval_builds_its_own_store_of_the_sample(open_store: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    code, out = evaluate("--questions", str(write(tmp_path, QUESTIONS)), "--report", str(report))
    assert code == 0, out
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["total"], data["passed"], data["accuracy"]) == (4, 4, 1.0), data["failures"]
    assert {"total", "passed", "accuracy", "by_type", "figures", "latency_ms", "failures"} <= set(data)
    store = data["store"]
    assert store["temporary"] is True and store["path"] is None
    assert [(d["title"], d["filename"]) for d in store["documents"]] == [
        ("2022年深圳市科学技术协会（本级）部门预算", SAMPLE.name)
    ]
    assert "评测用的临时库（评测结束后删除）：1 个文件：2022年深圳市科学技术协会（本级）部门预算" in out
    assert "准确率 100.00%（4/4）" in out


@pytest.mark.slow
def test_docs_names_the_files_to_evaluate_on(open_store: Path, tmp_path: Path) -> None:
    rows = [
        {"id": "s1", "question": "项目支出是多少？", "expected": {"type": "number", "value": 5911230, "unit": "元"}},
        {"id": "s2", "question": "图书馆2021年预算是多少", "expected": {"type": "refusal"}},
    ]
    report = tmp_path / "report.json"
    code, out = evaluate("--questions", str(write(tmp_path, rows)), "--docs", str(SECOND), "--report", str(report))
    data = json.loads(report.read_text(encoding="utf-8"))
    assert code == 0 and data["accuracy"] == 1.0, out
    assert [d["filename"] for d in data["store"]["documents"]] == [SECOND.name]
    assert "2023年广州市海珠区图书馆部门预算（second_disclosure.txt）" in out


def test_an_explicit_store_is_used_as_it_is(open_store: Path, tmp_path: Path) -> None:
    """--store: the store named, with everything in it (here two departments, so unnamed questions are asked back)."""
    report = tmp_path / "report.json"
    questions = str(write(tmp_path, QUESTIONS))
    code, out = evaluate("--questions", questions, "--store", str(open_store), "--report", str(report))
    data = json.loads(report.read_text(encoding="utf-8"))
    assert code == 0 and data["passed"] == 1, out  # only the refusal passes: the others are asked back
    assert data["store"]["temporary"] is False and data["store"]["path"] == str(open_store)
    assert {d["filename"] for d in data["store"]["documents"]} == {SAMPLE.name, SECOND.name}
    assert f"评测用的库 {open_store}：2 个文件" in out


def test_docs_and_store_together_is_a_usage_error(
    open_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = str(write(tmp_path, QUESTIONS))
    assert evaluate("--questions", questions, "--store", str(open_store), "--docs", str(SECOND))[0] == 2
    assert "--docs 与 --store 不能同时使用" in capsys.readouterr().err


def test_a_missing_document_is_a_chinese_error(
    open_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = str(write(tmp_path, QUESTIONS))
    assert evaluate("--questions", questions, "--docs", str(tmp_path / "nowhere.txt"))[0] == 1
    assert "无法读取文件“nowhere.txt”：文件不存在" in capsys.readouterr().err


@pytest.mark.slow
def test_a_blank_template_among_the_docs_is_skipped_and_said(open_store: Path, tmp_path: Path) -> None:
    """`--docs ../shared/real/*.pdf` holds the district's blank template beside the disclosures."""
    template = Path(__file__).resolve().parent / "data" / "real" / "juesuan-template.pdf"
    rows = [
        {"id": "s1", "question": "项目支出是多少？", "expected": {"type": "number", "value": 5911230, "unit": "元"}}
    ]
    report = tmp_path / "report.json"
    code, out = evaluate(
        "--questions", str(write(tmp_path, rows)), "--docs", str(template), str(SECOND), "--report", str(report)
    )
    assert code == 0 and "跳过：“juesuan-template.pdf”" in out and "空白模板" in out
    assert [d["filename"] for d in json.loads(report.read_text(encoding="utf-8"))["store"]["documents"]] == [
        SECOND.name
    ]
