"""`budgetqa eval` on a small question file: the report has every DESIGN.md key and the right content."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assistant.cli import main
from eval.scoring import half_unit, passes

QUESTIONS = [
    {
        "id": "q1",
        "question": "科协项目支出预算是多少？",
        "expected": {"type": "number", "value": 4023, "unit": "万元"},
        "evidence": ["4,023"],
    },
    {"id": "q2", "question": "科协项目支出占总支出多少？", "expected": {"type": "number", "value": 80.51, "unit": "%"}},
    {
        "id": "q3",
        "question": "为什么学会能力提升项目增长？",
        "doc": "2022_shenzhen_kexie_budget.txt",
        "expected": {"type": "text", "must_include": ["科创中国", "院士|专家工作站"]},
    },
    {"id": "q4", "question": "科协2023年预算是多少？", "expected": {"type": "refusal"}},
    {
        "id": "q5",
        "question": "那2021年呢？",
        "history": ["科协今年三公经费预算多少？"],
        "expected": {"type": "number", "value": 5, "unit": "万元"},
    },
    {
        "id": "q6",
        "question": "科协项目支出是多少亿元？",
        "expected": {"type": "number", "value": 0.4023, "unit": "亿元"},
    },
    {
        "id": "q7",
        "question": "科协人员支出多少？",
        "expected": {"type": "number", "value": 700, "unit": "万元"},
    },  # wrong on purpose
]


def write(tmp_path: Path, rows: list[dict]) -> Path:  # type: ignore[type-arg]
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def run(store: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(["--store", str(store), "eval", *args], out=out), out.getvalue()


def test_report(store_both: Path, tmp_path: Path) -> None:
    report = tmp_path / "out" / "report.json"
    code, out = run(
        store_both, "--questions", str(write(tmp_path, QUESTIONS)), "--report", str(report), "--min-accuracy", "0.8"
    )
    assert code == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert {"total", "passed", "accuracy", "by_type", "figures", "retrieval", "latency_ms", "failures"} <= set(data)
    assert (data["total"], data["passed"], data["accuracy"]) == (7, 6, round(6 / 7, 4))
    assert data["by_type"] == {
        "number": {"total": 5, "passed": 4},
        "text": {"total": 1, "passed": 1},
        "refusal": {"total": 1, "passed": 1},
    }
    assert data["figures"]["mismatch"] == 0 and data["figures"]["total"] >= data["figures"]["verified"] > 0
    assert data["retrieval"] == {"recall_at_5": 1.0, "questions": 1}
    assert (
        set(data["latency_ms"]) == {"p50", "p95", "max"} and 0 < data["latency_ms"]["p50"] <= data["latency_ms"]["max"]
    )
    [failure] = data["failures"]
    assert failure["id"] == "q7" and failure["got"]["value"] == 695 and failure["expected"]["value"] == 700
    assert "准确率 85.71%（6/7）" in out and "q7 科协人员支出多少？" in out


def test_min_accuracy_sets_the_exit_code(store_both: Path, tmp_path: Path) -> None:
    code, out = run(store_both, "--questions", str(write(tmp_path, QUESTIONS)), "--min-accuracy", "0.9")
    assert code == 1 and "低于要求的 90.00%" in out


def test_bad_question_file_is_a_chinese_error(
    store_both: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "question": "多少？"}\n', encoding="utf-8")
    code, _ = run(store_both, "--questions", str(path))
    assert code == 1
    assert "问题文件“bad.jsonl”第 1 行格式不对" in capsys.readouterr().err


def test_unknown_doc_and_missing_fields_are_chinese_errors(
    store_both: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [{"id": "x", "question": "项目支出多少？", "doc": "no-such-doc", "expected": {"type": "refusal"}}]
    assert run(store_both, "--questions", str(write(tmp_path, rows)))[0] == 1
    assert "问题 x 的 doc“no-such-doc”不在库中" in capsys.readouterr().err
    rows = [{"id": "y", "question": "项目支出多少？", "expected": {"type": "number", "unit": "万元"}}]
    assert run(store_both, "--questions", str(write(tmp_path, rows)))[0] == 1
    assert "第 1 行格式不对：数值题缺少 value" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("expected", "refused", "value", "unit", "ok"),
    [
        ({"type": "number", "value": 4023, "unit": "万元"}, False, "4023", "万元", True),
        ({"type": "number", "value": 4023, "unit": "万元"}, False, "4023.4", "万元", True),
        ({"type": "number", "value": 4023, "unit": "万元"}, False, "4023.6", "万元", False),
        ({"type": "number", "value": 80.51, "unit": "%"}, False, "80.514", "%", True),
        ({"type": "number", "value": 80.51, "unit": "%"}, False, "80.52", "%", False),
        ({"type": "number", "value": 0.4997, "unit": "亿元"}, False, "4997", "万元", True),
        ({"type": "number", "value": 49970000, "unit": "元"}, False, "4997", "万元", True),
        ({"type": "number", "value": 5, "unit": "万元", "tolerance": 1}, False, "5.9", "万元", True),
        ({"type": "number", "value": 5, "unit": "万元"}, True, None, None, False),
        ({"type": "refusal"}, True, None, None, True),
        ({"type": "refusal"}, False, "1", "万元", False),
        ({"type": "number", "value": 5, "unit": "人"}, False, "5", "万元", False),
        ({"type": "number", "value": 0, "unit": "台"}, False, "0", "台（套）", True),
    ],
)
def test_scoring_rules(expected: dict, refused: bool, value: str | None, unit: str | None, ok: bool) -> None:  # type: ignore[type-arg]
    from decimal import Decimal

    assert passes(expected, refused, "", Decimal(value) if value else None, unit) is ok


def test_text_scoring_and_half_unit() -> None:
    from decimal import Decimal

    assert passes(
        {"type": "text", "must_include": ["科创中国", "院士|专家"]}, False, "科创中国和专家工作站", None, None
    )
    assert not passes({"type": "text", "must_include": ["科创中国", "院士|专家"]}, False, "科创中国", None, None)
    assert half_unit(Decimal("4023")) == Decimal("0.5") and half_unit(Decimal("80.51")) == Decimal("0.005")
