"""Scoring answers across documents (`python -m eval.district run`): the figure, the department(s), the trace.

A question passes when the answer is not refused, its figure (converted to the expected unit) is within
half a unit of the expected value's last decimal, the departments it lists are the expected ones in the
expected order, and every entry with a figure says where the figure is printed. A wrong answer that was
not refused is "confident": the run exits 1 if there is any.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

from assistant.records import Answer
from eval.scoring import passes
from index.normal import form_key

log = logging.getLogger(__name__)
KIND_NAMES = {
    "rank_top": "最多/最少", "rank_n": "前几名", "total": "合计", "average": "平均", "compare": "两部门比较",
    "pair_total": "两部门合计", "filter": "条件筛选", "yoy": "同比", "budget_vs_actual": "预算与决算", "share_rank": "占比排名",
}  # fmt: skip


def _same(a: str, b: str) -> bool:
    return form_key(a) == form_key(b)


def value_ok(expected: dict[str, Any], answer: Answer) -> bool:
    """The answer's figure is the expected value (or one of its accepted forms), units converted."""
    wanted = [expected["value"], *expected.get("also", [])]
    return any(
        passes({"type": "number", "value": v, "unit": expected["unit"]}, answer.refused, answer.text, answer.value, answer.unit)
        for v in wanted
    )  # fmt: skip


def departments_ok(kind: str, expected: dict[str, Any], answer: Answer) -> bool:
    """The entries name the expected departments: the first, the first N in order, or the set."""
    got = [e.department for e in answer.entries]
    if "department" in expected:
        return bool(got) and _same(got[0], expected["department"])
    want = expected["departments"]
    if kind == "filter":
        return sorted(form_key(g) for g in got) == sorted(form_key(w) for w in want)
    n = expected.get("n", len(want))
    return len(got) >= n and all(_same(g, w) for g, w in zip(got[:n], want[:n], strict=True))


def score(question: dict[str, Any], answer: Answer | None, ms: float, error: str = "") -> dict[str, Any]:
    """One question's result; answer None when asking raised an error."""
    expected, kind = question["expected"], question["kind"]
    out: dict[str, Any] = {"id": question["id"], "kind": kind, "question": question["question"], "ms": round(ms, 1)}
    if answer is None:
        return out | {"passed": False, "refused": True, "confident": False, "error": error}
    checks = {}
    if "value" in expected:
        checks["value"] = value_ok(expected, answer)
    if "department" in expected or "departments" in expected:
        checks["departments"] = departments_ok(kind, expected, answer)
    untraced = [e.department for e in answer.entries if e.value is not None and not e.source.strip()]
    checks["traced"] = not untraced
    asked_back = bool(answer.choices)
    confident = not answer.refused and not asked_back
    passed = confident and all(checks.values())
    entries = [
        {"department": e.department, "value": None if e.value is None else str(e.value), "unit": e.unit,
         "source": e.source, "note": e.note, "rank": e.rank}
        for e in answer.entries[:20]
    ]  # fmt: skip
    return out | {
        "passed": passed, "refused": answer.refused or asked_back, "confident": confident, "checks": checks,
        "wrong_confident": confident and not (checks.get("value", True) and checks.get("departments", True)),
        "untraced": untraced, "expected": expected,
        "got": {"text": answer.text, "value": None if answer.value is None else str(answer.value),
                "unit": answer.unit, "metric": answer.metric, "covered": answer.covered, "entries": entries},
    }  # fmt: skip


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0


def summarize(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy, refusals, confident wrong answers and latency, overall and by kind."""

    def block(rows: list[dict[str, Any]]) -> dict[str, Any]:
        ms = [r["ms"] for r in rows]
        n = len(rows)
        return {
            "total": n, "passed": sum(r["passed"] for r in rows),
            "accuracy": round(sum(r["passed"] for r in rows) / n, 4) if n else 0.0,
            "refused": sum(r["refused"] for r in rows),
            "wrong_confident": sum(bool(r.get("wrong_confident")) for r in rows),
            "untraced": sum(bool(r.get("untraced")) for r in rows), "errors": sum(bool(r.get("error")) for r in rows),
            "p50_ms": _quantile(ms, 0.5), "p95_ms": _quantile(ms, 0.95), "max_ms": round(max(ms, default=0.0), 1),
        }  # fmt: skip

    kinds = list(dict.fromkeys(r["kind"] for r in results))
    return {**block(results), "by_kind": {k: block([r for r in results if r["kind"] == k]) for k in kinds}}


def print_summary(summary: dict[str, Any], results: list[dict[str, Any]]) -> None:
    s = summary
    print(
        f"共 {s['total']} 题，答对 {s['passed']}（{s['accuracy']:.1%}），拒答 {s['refused']}，"
        f"答错但未拒答 {s['wrong_confident']}，数字无出处 {s['untraced']}，出错 {s['errors']}"
    )
    for kind, k in s["by_kind"].items():
        print(
            f"  {KIND_NAMES.get(kind, kind)}（{kind}）：{k['passed']}/{k['total']}，拒答 {k['refused']}，"
            f"答错 {k['wrong_confident']}；耗时 中位 {k['p50_ms']:.0f} 毫秒，p95 {k['p95_ms']:.0f}，最长 {k['max_ms']:.0f}"
        )
    for r in results:
        if r.get("wrong_confident"):
            want = r["expected"]
            shown = want.get("department") or "、".join(want.get("departments", [])[: want.get("n", 5)])
            print(f"  ✗ {r['id']} {r['question']}\n    期望 {want.get('value', '')} {want.get('unit', '')} {shown}")
            got = r["got"]
            names = "、".join(e["department"] for e in got["entries"][:5])
            print(f"    得到 {got['value']} {got['unit']} {names}")


def run(out: Path, *, report: Path | None = None, kinds: list[str] | None = None, limit: int | None = None) -> int:
    """Ask every question of out/questions.jsonl against out/store; 1 if any answer was wrong but not refused."""
    from assistant.answer import Engine
    from assistant.config import Settings
    from index.errors import AssistantError

    lines = (out / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line) for line in lines if line.strip()]
    questions = [q for q in questions if not kinds or q["kind"] in kinds]
    if limit:
        kept: list[dict[str, Any]] = []
        for q in questions:
            if sum(k["kind"] == q["kind"] for k in kept) < limit:
                kept.append(q)
        questions = kept
    engine = Engine(Settings(store=out / "store"))
    results = []
    for n, q in enumerate(questions, 1):
        start = time.perf_counter()
        answer, error = None, ""
        try:
            answer = engine.answer(q["question"])
        except AssistantError as e:
            error = str(e)
        except Exception as e:  # own boundary: an evaluation goes on past a crash, counted, its traceback logged
            log.exception("question %s failed", q["id"])
            error = f"{type(e).__name__}: {e}"
        wall = (time.perf_counter() - start) * 1000
        ms = answer.timings.get("total_ms", wall) if answer is not None else wall
        results.append(score(q, answer, ms, error))
        mark = "✓" if results[-1]["passed"] else ("拒答" if results[-1]["refused"] else "✗")
        print(f"[{n}/{len(questions)}] {mark} {q['id']} {q['question']}", file=sys.stderr)
    summary = summarize(results)
    print_summary(summary, results)
    if report:
        report.write_text(json.dumps({**summary, "results": results}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if summary["wrong_confident"] else 0
