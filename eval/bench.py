"""Benchmark: ingest and answer over N generated disclosures, side by side with a plain llama-index RAG.

    python -m eval.bench [--sizes 1 10 100] [--big] [--seed 0] [--out BENCHMARKS.json]

Each size runs in its own process (so peak RSS is that size's), on a corpus from
eval.generate whose answers are known. The baseline is llama-index's
VectorStoreIndex retriever over the same chromadb collection (whole-chunk vectors,
same embedding, the same document filter), top-k 5, no facts and no calculator; it is scored by whether the
expected figure appears in its top passage (an upper bound for any model copying
from it) and in its top 5 (recall@5).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.retrieve import Hit, Retriever

MAX_QUESTIONS = 300  # warm latency and accuracy are measured over at most this many questions


def _figure_forms(value: Decimal) -> list[str]:
    """How a figure can be printed: "4,997", "4997", "5,911,230.00"."""
    forms = {f"{value:,}", f"{value}"}
    if value == value.to_integral_value():
        forms |= {f"{int(value):,}", str(int(value))}
    return sorted(forms, key=len, reverse=True)


def _contains(text: str, value: Decimal) -> bool:
    flat = text.replace(" ", "")
    return any(f in flat for f in _figure_forms(value))


def plain(retriever: Retriever, query: str, doc_id: str, k: int = 5) -> list[Hit]:
    """A plain vector RAG (the benchmark's baseline): whole-chunk vectors of one document, top k, no BM25."""
    from assistant.retrieve import Hit, Scope

    hits = []
    for chunk_id, _, score in retriever.nearest(query, k, Scope(doc_id=doc_id, whole=True)):
        c = retriever.chunk(chunk_id, doc_id)
        if c is not None:
            hits.append(Hit(chunk=c, score=score, via="vector"))
    return hits


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def run_one(n: int, seed: int) -> dict[str, Any]:
    """Everything measured for one corpus size, in this process."""
    from assistant.answer import Engine
    from assistant.config import Settings
    from assistant.retrieve import open_vectors
    from eval.generate import generate, write
    from eval.runner import percentile
    from eval.scoring import passes
    from index.ingest import ingest_files
    from index.store import Store

    work = Path(tempfile.mkdtemp(prefix=f"budgetqa-bench-{n}-"))
    docs = generate(n, seed)
    write(docs, work / "corpus")
    store_dir = work / "store"
    settings = Settings(store=store_dir)

    start = time.perf_counter()
    with Store(store_dir) as store:
        vectors = open_vectors(settings)
        paths = sorted((work / "corpus").glob("*.txt"))  # as `budgetqa ingest FOLDER` does
        for _ in ingest_files(store, vectors, paths, model=settings.embed_model, workers=os.cpu_count() or 1):
            pass
        chunks = len(store.chunks())
        facts = store.count_facts()
    ingest_s = time.perf_counter() - start
    size_mb = _du(store_dir) / 1e6

    questions = [(d.name, q) for d in docs for q in d.answers][:MAX_QUESTIONS]
    # each question is scoped to its document, as `budgetqa eval` does with a question's `doc`
    cold_q = questions[0][1].question
    env = {**os.environ, "BUDGETQA_STORE": str(store_dir)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant", "ask", cold_q], env=env, capture_output=True, check=True)
    cold_s = time.perf_counter() - start

    start = time.perf_counter()
    engine = Engine(settings)
    load_s = time.perf_counter() - start
    ours, ours_recall, baseline_top1, baseline_recall = 0, 0, 0, 0
    ours_ms, base_ms = [], []
    by_name = {name: doc_id for doc_id, name in engine.filenames.items()}
    for name, q in questions:
        doc = by_name[name]
        t = time.perf_counter()
        answer = engine.answer(q.question, doc_id=doc)
        ours_ms.append((time.perf_counter() - t) * 1000)
        expected = {"type": "number", "value": str(q.value), "unit": q.unit}
        ours += passes(expected, answer.refused, answer.text, answer.value, answer.unit)
        hits = engine.search(q.question, doc, k=5)
        ours_recall += any(_contains(h.chunk.text, q.value) for h in hits)
        t = time.perf_counter()
        baseline = plain(engine.retriever, q.question, doc, k=5)
        base_ms.append((time.perf_counter() - t) * 1000)
        texts = [h.chunk.text for h in baseline]
        baseline_top1 += bool(texts) and _contains(texts[0], q.value)
        baseline_recall += any(_contains(t_, q.value) for t_ in texts)
    total = len(questions)
    ours_ms.sort()
    base_ms.sort()
    shutil.rmtree(work, ignore_errors=True)
    return {
        "n": n,
        "documents": len(docs),
        "facts": facts,
        "chunks": chunks,
        "ingest_s": round(ingest_s, 2),
        "docs_per_s": round(len(docs) / ingest_s, 2),
        "chunks_per_s": round(chunks / ingest_s, 1),
        "store_mb": round(size_mb, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "cold_ask_s": round(cold_s, 2),
        "engine_load_s": round(load_s, 2),
        "questions": total,
        "accuracy": round(ours / total, 4),
        "recall_at_5": round(ours_recall / total, 4),
        "latency_ms": {
            "p50": round(statistics.median(ours_ms), 2),
            "p95": round(percentile(ours_ms, 0.95), 2),
            "max": round(ours_ms[-1], 2),
        },
        "baseline": {
            "accuracy_top1": round(baseline_top1 / total, 4),
            "recall_at_5": round(baseline_recall / total, 4),
            "latency_ms": {"p50": round(statistics.median(base_ms), 2), "p95": round(percentile(base_ms, 0.95), 2)},
        },
    }


def machine() -> dict[str, Any]:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(mem, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.bench",
        description="性能基准：导入、存储、内存、冷启动、热回答延迟、准确率，并与普通向量检索 RAG 对比",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100], help="文件数（默认 1 10 100）")
    parser.add_argument("--big", action="store_true", help="另外测 1000 个文件（耗时较长）")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="把结果写成 JSON")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one size in this process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.seed), ensure_ascii=False))
        return 0
    sizes = [*args.sizes, *([1000] if args.big else [])]
    results = []
    for n in sizes:
        print(f"N = {n} …", file=sys.stderr)
        done = subprocess.run(
            [sys.executable, "-m", "eval.bench", "--one", str(n), "--seed", str(args.seed)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            print(done.stderr[-3000:], file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1], ensure_ascii=False), file=sys.stderr)
    report = {"machine": machine(), "seed": args.seed, "results": results}
    print(markdown(report))
    if args.out:
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    lines = [
        f"机器：{m['cpus']} 核，{m['memory_gib']} GiB 内存，Python {m['python']}（{m['platform']}）；种子 {report['seed']}",
        "",
        "| N | 事实数 | 片段数 | 导入 s | 文件/s | 片段/s | 存储 MB | 峰值 RSS MB | 冷启动 ask s | 热延迟 p50/p95/max ms | 准确率 | R@5 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in report["results"]:
        lat = r["latency_ms"]
        lines.append(
            f"| {r['n']} | {r['facts']} | {r['chunks']} | {r['ingest_s']} | {r['docs_per_s']} | {r['chunks_per_s']} | {r['store_mb']} | "
            f"{r['peak_rss_mb']} | {r['cold_ask_s']} | {lat['p50']}/{lat['p95']}/{lat['max']} | {r['accuracy']:.2%} | {r['recall_at_5']:.2%} |"
        )
    lines += [
        "",
        "| N | 本系统准确率 | 基线准确率（首段含答案） | 准确率比 | 本系统 R@5 | 基线 R@5 | R@5 比 | 本系统 p50 ms | 基线检索 p50 ms | 延迟比 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in report["results"]:
        b = r["baseline"]
        acc_ratio = r["accuracy"] / b["accuracy_top1"] if b["accuracy_top1"] else float("inf")
        rec_ratio = r["recall_at_5"] / b["recall_at_5"] if b["recall_at_5"] else float("inf")
        lat_ratio = r["latency_ms"]["p50"] / b["latency_ms"]["p50"] if b["latency_ms"]["p50"] else float("inf")
        lines.append(
            f"| {r['n']} | {r['accuracy']:.2%} | {b['accuracy_top1']:.2%} | {acc_ratio:.2f}× | {r['recall_at_5']:.2%} | {b['recall_at_5']:.2%} | "
            f"{rec_ratio:.2f}× | {r['latency_ms']['p50']} | {b['latency_ms']['p50']} | {lat_ratio:.2f}× |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
