"""`budgetqa eval` / `python -m eval`: run a question file, print the summary and failures, write the report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from assistant.answer import Engine
from assistant.config import Settings
from eval.runner import load, run

TYPE_NAMES = {"number": "数值", "text": "文字", "refusal": "拒答"}


def evaluate(settings: Settings, questions: Path, report: Path | None, min_accuracy: float | None, out: TextIO) -> int:
    """Exit code: 0, or 1 when accuracy is below `min_accuracy`."""
    items = load(questions)
    engine = Engine(settings)
    data = run(engine, items).as_json()
    print(f"问题文件：{questions}（{data['total']} 题）", file=out)
    print("| 类型 | 题数 | 通过 | 准确率 |\n|---|---|---|---|", file=out)
    for kind, t in data["by_type"].items():
        print(
            f"| {TYPE_NAMES.get(kind, kind)} | {t['total']} | {t['passed']} | {t['passed'] / t['total']:.2%} |",
            file=out,
        )
    if set(data["by_category"]) - set(data["by_type"]):  # the question set's own categories (table, derived, …)
        print("\n| 分类 | 题数 | 通过 |\n|---|---|---|", file=out)
        for kind, t in data["by_category"].items():
            print(f"| {kind} | {t['total']} | {t['passed']} |", file=out)
    figures, latency = data["figures"], data["latency_ms"]
    print(
        f"\n准确率 {data['accuracy']:.2%}（{data['passed']}/{data['total']}）；"
        f"数字核对：共 {figures['total']} 个，一致 {figures['verified']}（其中计算得出 {figures['derived']}），"
        f"不符 {figures['mismatch']}，无法核对 {figures['unknown']}；"
        f"延迟 p50 {latency['p50']} ms，p95 {latency['p95']} ms，最大 {latency['max']} ms",
        file=out,
    )
    if "retrieval" in data:
        print(
            f"检索召回率 R@5：{data['retrieval']['recall_at_5']:.2%}（{data['retrieval']['questions']} 题带 evidence）",
            file=out,
        )
    if data["failures"]:
        print("\n未通过：", file=out)
        for f in data["failures"]:
            got = "拒答" if f["got"]["refused"] else f"{f['got']['value']} {f['got']['unit'] or ''}".strip()
            print(
                f"  {f['id']} {f['question']}\n    期望 {json.dumps(f['expected'], ensure_ascii=False)}；得到 {got}",
                file=out,
            )
    if report:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\n报告已写入 {report}", file=out)
    if min_accuracy is not None and data["accuracy"] < min_accuracy:
        print(f"准确率 {data['accuracy']:.2%} 低于要求的 {min_accuracy:.2%}", file=out)
        return 1
    return 0
