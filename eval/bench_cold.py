"""Benchmark: a cold `budgetqa ask` on the sample, this code against another checkout, in the same run.

    python -m eval.bench_cold [--baseline DIR] [--runs 7] [--out FILE]

DIR is another checkout of the repository (e.g. `git worktree add /tmp/base <commit>`). Each checkout
ingests the sample into its own store (stores of different formats do not mix), then the two take
turns: a new Python process runs `python -m assistant ask` on a question about a figure, and its wall
time is taken (Python's own start-up included, as a user waits for it). Reported per checkout: the
median and min of the runs, peak RSS, Python's bare start-up on this machine, and the ratios.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "2022_shenzhen_kexie_budget.txt"
QUESTION = "2022年项目支出是多少"


def _run(checkout: Path, *args: str) -> tuple[float, str]:
    """(wall seconds, stdout) of `python -m assistant ARGS` in a checkout."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "assistant", *args], cwd=checkout, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"{checkout}: {' '.join(args)} 失败：{done.stderr.strip()[-300:]}")
    return wall, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="冷启动 budgetqa ask 的基准（与另一份代码同场对比）")
    parser.add_argument("--baseline", type=Path, help="作对比的另一份代码（git worktree）")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    checkouts = {"当前": ROOT, **({"对比": args.baseline.resolve()} if args.baseline else {})}
    report: dict[str, Any] = {"question": QUESTION, "runs": args.runs}
    bare = [time.perf_counter()]
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    report["python_startup_s"] = round(time.perf_counter() - bare[0], 3)
    with tempfile.TemporaryDirectory(prefix="budgetqa-cold-") as tmp:
        stores = {name: Path(tmp) / str(i) for i, name in enumerate(checkouts)}
        for name, checkout in checkouts.items():
            _run(checkout, "--store", str(stores[name]), "ingest", str(SAMPLE))
        times: dict[str, list[float]] = {name: [] for name in checkouts}
        answers: dict[str, str] = {}
        for _ in range(args.runs):
            for name, checkout in checkouts.items():  # alternate, so both see the same machine
                wall, out = _run(checkout, "--store", str(stores[name]), "ask", QUESTION)
                times[name].append(wall)
                answers[name] = out.splitlines()[0] if out else ""
    for name in checkouts:
        report[name] = {"median_s": round(statistics.median(times[name]), 3), "min_s": round(min(times[name]), 3),
                        "all_s": [round(t, 3) for t in times[name]], "answer": answers[name]}  # fmt: skip
    if args.baseline:
        report["ratio_median"] = round(report["当前"]["median_s"] / report["对比"]["median_s"], 3)
        report["ratio_min"] = round(report["当前"]["min_s"] / report["对比"]["min_s"], 3)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
