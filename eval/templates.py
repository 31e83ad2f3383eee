"""Answers on disclosures of the national templates that no rule was tuned on: generated ones.

    python -m eval.templates [--seeds 3] [--report FILE]

eval/template_maker.py lays out 部门决算 and 部门预算 / 单位预算 PDFs of the national templates
(captions or none, 7-digit or 类/款/项 codes, digits drawn as separate runs, one- or three-line
covers, empty “三公” tables), each with the questions a finance officer asks and their known
answers. Every seed gives new departments and figures; all documents go into one store, so every
question must also find its own department among the others. Reported: accuracy by layout, and
the answers that showed a wrong figure (must be 0: a refusal is acceptable, a wrong figure is not).
Run from the repository root.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.answer import Engine
from assistant.config import Settings
from eval.runner import Expected, Question, run
from eval.template_maker import make_juesuan, make_yusuan
from index.ingest import ingest
from index.store import Store

DEPARTMENTS = [
    "上海市普陀区规划和自然资源局", "上海市普陀区财政局", "上海市普陀区教育局", "上海市普陀区卫生健康委员会",
    "上海市普陀区人民政府长征镇", "上海市普陀区图书馆", "上海市普陀区民政局", "中共上海市普陀区委宣传部",
    "上海市普陀区人力资源和社会保障局", "上海市普陀区市场监督管理局", "上海市普陀区文化和旅游局",
    "上海市普陀区人民政府石泉路街道办事处",
]  # fmt: skip


def layouts(seed: int) -> list[tuple[str, Any]]:
    """(layout name, maker) for one seed: seven layouts, each of another department."""
    names = DEPARTMENTS[seed * 7 % len(DEPARTMENTS) :] + DEPARTMENTS
    year = 2023 + seed % 3
    return [
        ("决算", lambda p: make_juesuan(p, department=names[0], year=year, rng_seed=seed)),
        ("决算·表N", lambda p: make_juesuan(p, department=names[1], year=year, captions=True, rng_seed=seed + 10)),
        ("决算·类款项", lambda p: make_juesuan(p, department=names[2], year=year, split_codes=True, rng_seed=seed + 20)),
        (
            "决算·字符分散·单行封面·无三公",
            lambda p: make_juesuan(
                p, department=names[3], year=year, digit_runs=True, cover_lines=False, empty_sangong=True,
                rng_seed=seed + 30,
            ),
        ),
        ("部门预算", lambda p: make_yusuan(p, department=names[4], year=year + 1, rng_seed=seed + 40)),
        ("单位预算", lambda p: make_yusuan(p, department=names[5], year=year, unit_level="单位", rng_seed=seed + 50)),
        (
            "部门预算·表N·字符分散",
            lambda p: make_yusuan(p, department=names[6], year=year, captions=True, digit_runs=True, rng_seed=seed + 60),
        ),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.templates", description="全国模板生成文件上的答题评测")
    ap.add_argument("--seeds", type=int, default=1, help="每种版式生成几份（每份换部门和数字）")
    ap.add_argument("--report", type=Path, help="把报告写成 JSON")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="budgetqa-templates-") as tmp:
        folder = Path(tmp)
        settings = Settings(store=folder / "store")
        questions: list[Question] = []
        layout_of: dict[str, str] = {}
        from assistant.retrieve import open_vectors

        with Store(settings.store) as store:
            vectors = open_vectors(settings)
            for seed in range(args.seeds):
                for n, (layout, make) in enumerate(layouts(seed)):
                    path = folder / f"s{seed}-{n}.pdf"
                    expected = make(path)
                    ingest(store, vectors, path)
                    for i, qa in enumerate(expected.questions):
                        qid = f"s{seed}-{n}-{i:02d}"
                        layout_of[qid] = layout
                        questions.append(
                            Question(
                                id=qid, question=qa.question, type=layout,
                                expected=Expected(type="number", value=qa.value, unit=qa.unit),
                            )
                        )  # fmt: skip
        report = run(Engine(settings), questions).as_json()
    wrong = [f for f in report["failures"] if not f["got"]["refused"]]
    report["wrong_figures"] = len(wrong)
    by_layout = Counter(layout_of[f["id"]] for f in report["failures"])
    print(f"共 {report['total']} 题，答对 {report['passed']}（{report['accuracy']:.1%}），给出错误数字 {len(wrong)} 题")
    for layout, counts in report["by_category"].items():
        print(f"  {layout}：{counts['passed']}/{counts['total']}（未答对 {by_layout.get(layout, 0)}）")
    for f in report["failures"]:
        got = "拒答" if f["got"]["refused"] else f"{f['got']['value']} {f['got']['unit']}"
        print(f"  ✗ {f['id']} {f['question']} 期望 {f['expected']['value']} {f['expected']['unit']}；得到 {got}")
    if args.report:
        args.report.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if not wrong else 1


if __name__ == "__main__":
    sys.exit(main())
