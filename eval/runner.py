"""Run the assistant over a question file (DESIGN.md format) and build the report."""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.answer import Engine
from assistant.records import Answer
from eval.scoring import evidence_rank, passes
from index.errors import AssistantError

log = logging.getLogger("budgetqa.eval")


class Expected(BaseModel):
    """The `expected` object of a question (validated: question files come from outside)."""

    model_config = ConfigDict(extra="allow")
    type: Literal["number", "text", "refusal"]
    value: float | int | str | None = None
    unit: str | None = None
    must_include: list[str] | None = None
    tolerance: float | int | str | None = None

    @model_validator(mode="after")
    def _complete(self) -> Expected:
        if self.type == "number" and self.value is None:
            raise ValueError("数值题缺少 value")
        if self.type == "text" and not self.must_include:
            raise ValueError("文字题缺少 must_include")
        return self


class Question(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    question: str
    expected: Expected
    type: str | None = None  # the set's own category (table, derived, …), reported alongside
    doc: str | None = None
    history: list[str] = Field(default_factory=list)
    evidence: list[str] | None = None


class BadQuestionFile(AssistantError):
    def __init__(self, path: Path, line: int, reason: str):
        super().__init__(path, line, reason)
        self.path, self.line, self.reason = path, line, reason

    def __str__(self) -> str:
        return f"问题文件“{self.path.name}”第 {self.line} 行格式不对：{self.reason}"


def load(path: Path) -> list[Question]:
    """Questions from a JSON Lines file; a bad line is a Chinese error naming it."""
    if not path.exists():
        raise BadQuestionFile(path, 0, "文件不存在")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(Question.model_validate(json.loads(line)))
        except json.JSONDecodeError as e:
            raise BadQuestionFile(path, n, f"不是合法的 JSON（第 {e.colno} 列）") from e
        except ValidationError as e:
            raise BadQuestionFile(path, n, _reason(e)) from e
    if not out:
        raise BadQuestionFile(path, 0, "文件里没有问题")
    return out


def _reason(e: ValidationError) -> str:
    """A pydantic error as one Chinese sentence."""
    err = e.errors()[0]
    where = ".".join(str(p) for p in err["loc"] if p != "__root__") or "问题"
    if err["type"] == "missing":
        return f"缺少字段 {where}"
    if err["type"] == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    return f"字段 {where} 的值不对"


class UnknownDocument(AssistantError):
    def __init__(self, qid: str, doc: str):
        super().__init__(qid, doc)
        self.qid, self.doc = qid, doc

    def __str__(self) -> str:
        return f"问题 {self.qid} 的 doc“{self.doc}”不在库中（可以写文件编号、文件名或部门名称）"


@dataclass
class Outcome:
    question: Question
    answer: Answer
    passed: bool
    latency_ms: float
    recall_rank: int | None = None
    passed_without_model: bool | None = None  # with a model configured: whether the rules alone pass


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        outcomes = self.outcomes
        total = len(outcomes)
        passed = sum(o.passed for o in outcomes)
        by_type: dict[str, dict[str, int]] = {}
        for o in outcomes:
            t = by_type.setdefault(o.question.expected.type, {"total": 0, "passed": 0})
            t["total"] += 1
            t["passed"] += int(o.passed)
        by_category: dict[str, dict[str, int]] = {}
        for o in outcomes:
            c = by_category.setdefault(o.question.type or o.question.expected.type, {"total": 0, "passed": 0})
            c["total"] += 1
            c["passed"] += int(o.passed)
        verdicts = Counter(f.verdict for o in outcomes for f in o.answer.figures)
        timings = sorted(o.latency_ms for o in outcomes)
        report: dict[str, Any] = {
            "total": total,
            "passed": passed,
            "accuracy": round(passed / total, 4) if total else 0.0,
            "by_type": by_type,
            "by_category": by_category,
            "figures": {
                "total": sum(verdicts.values()),
                "verified": verdicts["verified"] + verdicts["derived"],
                "derived": verdicts["derived"],
                "mismatch": verdicts["mismatch"],
                "unknown": verdicts["unknown"],
            },
            "latency_ms": {
                "p50": round(percentile(timings, 0.5), 2),
                "p95": round(percentile(timings, 0.95), 2),
                "max": round(timings[-1], 2) if timings else 0.0,
            },
            "failures": [
                {
                    "id": o.question.id,
                    "question": o.question.question,
                    "type": o.question.type,
                    "expected": o.question.expected.model_dump(exclude_none=True),
                    "got": {
                        "refused": o.answer.refused,
                        "value": _num(o.answer.value),
                        "unit": o.answer.unit,
                        "text": o.answer.text,
                    },
                }
                for o in outcomes
                if not o.passed
            ],
        }
        if any(o.passed_without_model is not None for o in outcomes):
            report["model"] = model_report(outcomes)
        with_evidence = [o for o in outcomes if o.question.evidence]
        if with_evidence:
            hits = sum(1 for o in with_evidence if o.recall_rank is not None and o.recall_rank <= 5)
            report["retrieval"] = {"recall_at_5": round(hits / len(with_evidence), 4), "questions": len(with_evidence)}
        return report


def model_report(outcomes: list[Outcome]) -> dict[str, Any]:
    """Accuracy with and without the language model, what it did, what it cost and what it was let show."""
    asked = [o for o in outcomes if o.answer.model is not None]
    used = [o for o in asked if o.answer.model and o.answer.model.used]
    costs = sorted(o.answer.model.elapsed_ms for o in asked if o.answer.model)
    without = sum(bool(o.passed_without_model) for o in outcomes)
    shown = Counter(f.verdict for o in used for f in o.answer.figures)
    return {
        "model": next((o.answer.model.model for o in asked if o.answer.model), ""),
        "accuracy_without": round(without / len(outcomes), 4) if outcomes else 0.0,
        "passed_without": without,
        "accuracy_with": round(sum(o.passed for o in outcomes) / len(outcomes), 4) if outcomes else 0.0,
        "asked": len(asked),  # questions the model was asked (refused by the rules, or explanations)
        "used": len(used),  # its draft became the answer
        "declined": sum(1 for o in asked if o.answer.model and o.answer.model.outcome == "declined"),
        "rejected": sum(1 for o in asked if o.answer.model and o.answer.model.outcome == "rejected"),
        "failed": sum(1 for o in asked if o.answer.model and o.answer.model.outcome == "failed"),
        "gained": sum(1 for o in outcomes if o.passed and o.passed_without_model is False),
        "lost": sum(1 for o in outcomes if not o.passed and o.passed_without_model),
        "tool_calls": sum(len(o.answer.model.calls) for o in asked if o.answer.model),
        "figures_shown": {"verified": shown["verified"], "derived": shown["derived"],
                          "other": sum(shown.values()) - shown["verified"] - shown["derived"]},
        "latency_ms": {"p50": round(percentile(costs, 0.5), 2), "p95": round(percentile(costs, 0.95), 2)},
    }  # fmt: skip


def _num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return 0.0
    index = max(0, min(len(sorted_values) - 1, round(q * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def run(engine: Engine, questions: list[Question]) -> Report:
    """Every question in process against one warm engine; follow-ups replay their history first."""
    report = Report()
    for q in questions:
        doc = _doc(engine, q.doc)
        if q.doc and doc is None:
            raise UnknownDocument(q.id, q.doc)
        start = time.perf_counter()
        try:
            history: list[Answer] = []
            for earlier in q.history:
                history.append(engine.answer(earlier, history, doc_id=doc))
            start = time.perf_counter()
            answer = engine.answer(q.question, history, doc_id=doc)
        except Exception as e:  # own boundary: one broken question is a failure in the report, not the end of the run
            log.exception("question %s failed", q.id)
            answer = Answer(question=q.question, text=f"系统内部错误：{type(e).__name__}", refused=False)
        latency = (time.perf_counter() - start) * 1000
        expected = q.expected.model_dump(exclude_none=True)
        ok = passes(expected, answer.refused, answer.text, answer.value, answer.unit)
        without = None
        if engine.settings.llm:  # the same question to the rules alone, for accuracy with and without the model
            rules: list[Answer] = []
            for earlier in q.history:
                rules.append(engine.rules(earlier, rules, doc_id=doc))
            alone = engine.rules(q.question, rules, doc_id=doc)
            without = passes(expected, alone.refused, alone.text, alone.value, alone.unit)
        rank = None
        if q.evidence:
            query = " ".join([*q.history, q.question])
            named = answer.query.doc_ids if answer.query else ()
            in_scope = doc or (
                named[0] if len(named) == 1 else None
            )  # the department the question names, as the engine does
            hits = engine.search(query, in_scope, k=5)
            rank = evidence_rank([h.chunk.text for h in hits], q.evidence)
        report.outcomes.append(
            Outcome(
                question=q, answer=answer, passed=ok, latency_ms=latency, recall_rank=rank, passed_without_model=without
            )
        )
    return report


def _doc(engine: Engine, doc: str | None) -> str | None:
    """A question's `doc`: a document id (or prefix), a file name, or a department name."""
    if not doc:
        return None
    for d in engine.kb.docs.values():
        if d.doc_id.startswith(doc) or doc in (d.department, d.title) or doc == engine.filenames.get(d.doc_id):
            return d.doc_id
    return None
