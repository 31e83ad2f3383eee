"""Ingest speed: one file after another (as before folder ingest ran in parallel) against the parallel
folder ingest, on the same generated documents, in the same run.

    python -m eval.bench_ingest [--n 20] [--rounds 2] [--workers 2] [--seed 0]

The machine may be shared, so besides wall-clock documents/s each run reports the CPU seconds
it used per document (this process and its workers) and the load average while it ran; on an
otherwise idle machine with C cores a run can reach at most C ÷ (CPU s per document) documents/s.
The runs alternate (one file at a time, parallel, one file at a time, …) so that a change in
the load falls on both.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.retrieve import open_vectors
from eval.generate import generate, write
from index.errors import AssistantError
from index.ingest import IngestResult, collect, ingest, ingest_files
from index.store import Store

MODES = ("serial", "parallel")


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (the workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def run(mode: str, corpus: Path, work: Path, workers: int) -> dict[str, Any]:
    """Ingest the corpus into a fresh store; everything from opening the store to the last commit is timed."""
    folder = work / f"store-{mode}-{time.monotonic_ns()}"
    paths = collect([corpus])
    load = os.getloadavg()[0]
    wall, cpu = time.perf_counter(), _cpu()
    with Store(folder) as store:
        vectors = open_vectors(Settings(store=folder))
        results: list[IngestResult | AssistantError]
        if mode == "serial":
            results = [ingest(store, vectors, p) for p in paths]
        else:
            results = [r for _, r in ingest_files(store, vectors, paths, model=None, workers=workers)]
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        added = sum(1 for r in results if isinstance(r, IngestResult) and r.status == "added")
        passages, chunks = vectors.count(), len(store.chunks())
    size = _du(folder)
    shutil.rmtree(folder)
    return {
        "mode": mode,
        "documents": added,
        "seconds": round(wall, 2),
        "docs_per_s": round(added / wall, 2),
        "cpu_s_per_doc": round(cpu / added, 3),
        "load_average": round((load + os.getloadavg()[0]) / 2, 1),
        "chunks_per_doc": round(chunks / added, 1),
        "passages_per_doc": round(passages / added, 1),
        "store_mb_per_doc": round(size / added / 1e6, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench_ingest", description="导入速度：逐个导入与并行导入对比")
    parser.add_argument("--n", type=int, default=20, help="生成的文件数（默认 20）")
    parser.add_argument("--rounds", type=int, default=2, help="每种方式测几次（交替进行，默认 2）")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="并行导入的进程数（默认为 CPU 核数）")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="把结果写成 JSON")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="budgetqa-bench-ingest-"))
    try:
        write(generate(args.n, args.seed), work / "corpus")
        runs = []
        for _ in range(args.rounds):
            for mode in MODES:
                runs.append(run(mode, work / "corpus", work, args.workers))
                print(json.dumps(runs[-1], ensure_ascii=False), file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = {"cpus": os.cpu_count(), "n": args.n, "workers": args.workers, "runs": runs}
    print(markdown(report))
    if args.out:
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def markdown(report: dict[str, Any]) -> str:
    cores = report["cpus"]
    lines = [
        f"{report['n']} 个生成文件，{cores} 核，并行 {report['workers']} 个进程；每种方式取各次的中位数",
        "",
        "| 方式 | 文件/s | CPU s/文件 | 空闲时上限 文件/s | 平均负载 | 片段/文件 | 向量/文件 | 存储 MB/文件 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for mode, name in zip(MODES, ("逐个导入", "并行导入"), strict=True):
        runs = [r for r in report["runs"] if r["mode"] == mode]
        if not runs:
            continue

        def median(key: str, runs: list[dict[str, Any]] = runs) -> float:
            return float(statistics.median(r[key] for r in runs))

        ceiling = f"{cores / median('cpu_s_per_doc'):.2f}" if mode == "parallel" else "—"  # serial: about one core
        lines.append(
            f"| {name} | {median('docs_per_s'):.2f} | {median('cpu_s_per_doc'):.3f} | {ceiling} | "
            f"{median('load_average'):.1f} | {median('chunks_per_doc'):.1f} | {median('passages_per_doc'):.1f} | "
            f"{median('store_mb_per_doc'):.2f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
