"""Benchmark: the engine on a store of 10,000 documents, against the same questions on the store it grew from.

    python -m eval.bench_scale --district DIR [--size 10000] [--out FILE]

DIR is a district built by `python -m eval.district build --real` (240 generated documents of 40
departments for 2022–2024, plus the real PDFs, with questions whose answers are known). The big store
is that store plus copies of every document as earlier years (2022 → 2019, 2016, …: new document ids,
facts, chunks and targets; the text of each copy is its original's), made in SQL until it holds
`--size` documents, so questions about 2022–2024 have the same answers in both stores while the
engine has ten thousand documents to keep out of its way. BM25 statistics of the copies are those of
their originals (the same chunks), so they are multiplied rather than counted again; the copies get
no vectors (retrieval's dense leg is measured on the originals).

Measured on both stores, each in fresh processes: the engine's start, its RSS after start and after
all questions, a cold `budgetqa ask` (a new process, wall time), the district's questions across
documents and the real question set (single documents), each with accuracy and warm latency.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STEP = 3  # a copy is this many years earlier per round (the district spans three years)


def make_store(source: Path, target: Path, size: int) -> int:
    """`source` copied to `target`, then grown to `size` documents by copies into earlier years."""
    shutil.copytree(source, target)
    conn = sqlite3.connect(target / "facts.sqlite")
    docs = [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY rowid")]
    fact_columns = [r[1] for r in conn.execute("PRAGMA table_info(facts)") if r[1] != "id"]
    made, rounds = len(docs), 0
    conn.execute("CREATE TEMP TABLE copied (source TEXT NOT NULL, target TEXT NOT NULL)")  # chunk id prefixes
    while made < size:
        rounds += 1
        shift = STEP * rounds
        for doc_id in docs:
            if made >= size:
                break
            new = hashlib.sha256(f"{doc_id}:{rounds}".encode()).hexdigest()
            conn.execute(
                "INSERT INTO documents SELECT ?, replace(title, year, year - ?), department, year - ?, kind, unit,"
                " ? || filename, encoding, text, n_facts, ingested_at FROM documents WHERE doc_id = ?",
                (new, shift, shift, f"copy{rounds}-", doc_id),
            )
            picked = ", ".join("?" if c == "doc_id" else "year - ?" if c == "year" else c for c in fact_columns)
            params: list[Any] = [new if c == "doc_id" else shift for c in fact_columns if c in ("doc_id", "year")]
            conn.execute(
                f"INSERT INTO facts ({', '.join(fact_columns)}) SELECT {picked} FROM facts WHERE doc_id = ? ORDER BY id",
                (*params, doc_id),
            )
            conn.execute(
                "INSERT INTO chunks SELECT ? || substr(id, 17), ?, position, location, text,"
                " json_set(metadata, '$.doc_id', ?, '$.year', json_extract(metadata, '$.year') - ?)"
                " FROM chunks WHERE doc_id = ?",
                (new[:16], new, new, shift, doc_id),
            )
            conn.execute("INSERT INTO copied VALUES (?, ?)", (doc_id[:16], new[:16]))
            conn.execute("INSERT INTO indicators SELECT ?, level1, level2, level3, target, value, unit, comparator"
                         " FROM indicators WHERE doc_id = ?", (new, doc_id))  # fmt: skip
            made += 1
    conn.execute("CREATE INDEX temp.copied_source ON copied(source)")
    conn.execute(  # each copy's postings: the original's, under its chunk ids (one pass over the postings)
        "INSERT INTO postings SELECT p.term, c.target || substr(p.chunk, 17), p.tf, p.length"
        " FROM postings p CROSS JOIN copied c WHERE c.source = substr(p.chunk, 1, 16) ORDER BY p.term, c.target, p.chunk"
    )
    copies = made / len(docs)  # the statistics of identical chunks: each term's count times the copies
    conn.execute("UPDATE terms SET df = CAST(round(df * ?) AS INTEGER)", (copies,))
    conn.execute("UPDATE corpus SET chunks = (SELECT count(*) FROM chunks), tokens = CAST(round(tokens * ?) AS INTEGER)",
                 (copies,))  # fmt: skip
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    return made


def measure(store: Path, district: Path) -> dict[str, Any]:
    """In this (fresh) process: start the engine, answer every question, report time, memory and accuracy."""
    from assistant.answer import Engine
    from assistant.config import Settings
    from eval.district_score import score
    from eval.runner import load, percentile, run

    started = time.perf_counter()
    engine = Engine(Settings(store=store))
    start_s = time.perf_counter() - started
    out: dict[str, Any] = {"documents": len(engine.library.docs), "start_s": round(start_s, 3),
                           "rss_after_start_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}  # fmt: skip
    across = [json.loads(line) for line in (district / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    results, latencies = [], []
    for q in across:
        t = time.perf_counter()
        a = engine.answer(q["question"])
        latencies.append((time.perf_counter() - t) * 1000)
        results.append(score(q, a, latencies[-1]))
    latencies.sort()
    out["across"] = {
        "questions": len(results), "correct": sum(r["passed"] for r in results),
        "wrong_confident": sum(r.get("wrong_confident", False) for r in results),
        "p50_ms": round(percentile(latencies, 0.5), 1), "p95_ms": round(percentile(latencies, 0.95), 1),
        "max_ms": round(latencies[-1], 1),
    }  # fmt: skip
    single = run(engine, load(Path(__file__).with_name("real_questions.jsonl"))).as_json()
    out["single"] = {k: single[k] for k in ("total", "passed", "accuracy", "latency_ms", "figures") if k in single}
    out["rss_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def cold_ask(store: Path, question: str) -> float:
    """Wall seconds of a new `budgetqa ask` process (Python's own start-up included)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant", "--store", str(store), "ask", question],
                   check=True, capture_output=True)  # fmt: skip
    return time.perf_counter() - started


def _size_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="一万份文件规模的基准测试")
    parser.add_argument("--district", type=Path, required=True, help="eval.district build --real 的输出目录")
    parser.add_argument("--size", type=int, default=10_000, help="大库的文件数")
    parser.add_argument("--out", type=Path, help="把结果写成 JSON")
    parser.add_argument("--keep", type=Path, help="把做出的大库留在这个目录（已存在则直接用它）")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # child process: measure this store
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.district), ensure_ascii=False))
        return 0
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="budgetqa-scale-") as tmp:
        small, big = Path(tmp) / "small", Path(tmp) / "big"
        shutil.copytree(args.district / "store", small)
        subprocess.run(
            [sys.executable, "-m", "assistant", "--store", str(small), "docs"], check=True, capture_output=True
        )
        started = time.perf_counter()
        if args.keep and args.keep.exists():
            big = args.keep
            made = len(json.loads(subprocess.run([sys.executable, "-m", "assistant", "--store", str(big), "docs", "--json"],
                                                 check=True, capture_output=True, text=True).stdout))  # fmt: skip
        else:
            made = make_store(small, args.keep or big, args.size)
            big = args.keep or big
        report["build_s"] = round(time.perf_counter() - started, 1)
        for name, store in (("district", small), ("big", big)):
            sqlite_mb = round((store / "facts.sqlite").stat().st_size / 2**20, 1)
            child = subprocess.run([sys.executable, "-m", "eval.bench_scale", "--district", str(args.district),
                                    "--measure", str(store)], check=True, capture_output=True, text=True)  # fmt: skip
            row = json.loads(child.stdout.strip().splitlines()[-1])
            colds = [cold_ask(store, "上海市普陀区财政局2024年决算项目支出是多少") for _ in range(3)]
            row |= {"cold_ask_s": round(min(colds), 2), "cold_ask_s_all": [round(c, 2) for c in colds],
                    "sqlite_mb": sqlite_mb, "sqlite_kb_per_document": round(sqlite_mb * 1024 / row["documents"], 1),
                    "store_mb": _size_mb(store)}  # fmt: skip
            report[name] = row
            print(json.dumps({name: row}, ensure_ascii=False), flush=True)
        report["made"] = made
    if args.out:
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
