"""Benchmark: questions across documents at 100 and 1,000 documents.

    python -m eval.bench_across --district DIR [--sizes 100 1000] [--repeat 20] [--out FILE]

DIR is a district built by `python -m eval.district build` (its `store`). A store of N documents is
made from it in SQL: the first N of its documents (department by department, all its years and kinds), and beyond its own count copies of them as the same
departments of other districts (上海市普陀区 → 上海市静安区 …: new document ids, department names and
facts; the text, tables and figures of each copy are those of its original). Each size runs in its own
process, so its peak RSS is its own. Reported per size: the engine's start (it still holds every fact in
memory: issue 15), and the warm latency (p50/p95/max over `--repeat` runs) of each kind of question
across all departments of a year.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DISTRICTS = ("普陀", "静安", "徐汇", "长宁", "杨浦", "虹口", "黄浦", "闵行", "宝山", "嘉定")
QUESTIONS = {
    "排名（全部部门）": "{year}年决算各部门“三公”经费排名",
    "前五名": "{year}年决算“三公”经费前五名是哪些部门？",
    "合计": "{year}年决算全区各部门公务接待费合计多少？",
    "平均": "{year}年预算各部门项目支出平均是多少？",
    "筛选": "{year}年决算哪些部门公务接待费超过1万元？",
    "占比排名": "{year}年决算各部门行政运行支出占本部门支出的比例，从高到低",
    "两部门比较": "{first}和{second}{year}年决算的人员经费比一比",
    "决算与预算": "{first}{year}年决算比预算多还是少？",
    "执行率排名": "各部门{year}年预算执行率排名",
    "同比增长率排名": "各部门{year}年项目支出决算同比增长率排名",
}


def make_store(source: Path, target: Path, size: int) -> int:
    """A store of `size` documents made from `source` (see the module's docstring); returns the count made."""
    shutil.copytree(source, target)
    conn = sqlite3.connect(target / "facts.sqlite")
    docs = [
        r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY department, year, kind")
    ]  # whole departments
    keep = docs[:size]
    conn.execute(f"DELETE FROM documents WHERE doc_id NOT IN ({','.join('?' * len(keep))})", keep)
    conn.execute("DELETE FROM facts WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
    conn.execute("DELETE FROM chunks WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
    conn.execute("DELETE FROM postings WHERE chunk NOT IN (SELECT id FROM chunks)")
    conn.execute("DELETE FROM indicators WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
    made, copy = len(keep), 1
    while made < size and copy < len(DISTRICTS):
        district = DISTRICTS[copy]
        for doc_id in docs:
            if made >= size:
                break
            new = hashlib.sha256(f"{doc_id}:{district}".encode()).hexdigest()
            rename = f"replace(department, '普陀区', '{district}区')"
            conn.execute(
                f"INSERT INTO documents SELECT ?, replace(title, '普陀区', '{district}区'), {rename}, year, kind, unit,"
                " filename, encoding, text, n_facts, ingested_at FROM documents WHERE doc_id = ?",
                (new, doc_id),
            )
            columns = [r[1] for r in conn.execute("PRAGMA table_info(facts)") if r[1] != "id"]
            picked = ", ".join("?" if c == "doc_id" else rename if c == "department" else c for c in columns)
            conn.execute(
                f"INSERT INTO facts ({', '.join(columns)}) SELECT {picked} FROM facts WHERE doc_id = ?", (new, doc_id)
            )
            made += 1
        copy += 1
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    return made


def measure(store: Path, repeat: int) -> dict[str, Any]:
    """Start the engine on the store and time each question (run in a child process)."""
    from assistant.answer import Engine
    from assistant.config import Settings

    started = time.perf_counter()
    engine = Engine(Settings(store=store))
    start_s = time.perf_counter() - started
    year = max(d.year for d in engine.kb.docs.values())
    out: dict[str, Any] = {
        "documents": len(engine.kb.docs),
        "departments": len({d.department for d in engine.kb.docs.values()}),
        "facts": engine.facts_sql.count(),
        "engine_start_s": round(start_s, 2),
        "questions": {},
    }
    both = sorted(
        {d.department for d in engine.kb.docs.values() if d.year == year and d.kind == "决算"}
        & {d.department for d in engine.kb.docs.values() if d.year == year and d.kind == "预算"}
    )  # two departments with both kinds of document that year, named in full
    for kind, template in QUESTIONS.items():
        question = template.format(year=year, first=both[0], second=both[1])
        answer = engine.answer(question)
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            engine.answer(question)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        out["questions"][kind] = {
            "question": question,
            "refused": answer.refused,
            "entries": len(answer.entries),
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1),
            "max_ms": round(times[-1], 1),
        }
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    out["sqlite_mb"] = round((store / "facts.sqlite").stat().st_size / 2**20, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bench_across", description="跨文件问题的延迟基准")
    ap.add_argument("--district", type=Path, required=True, help="python -m eval.district build 生成的目录")
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="文件数")
    ap.add_argument("--repeat", type=int, default=20, help="每个问题重复多少次（热启动）")
    ap.add_argument("--out", type=Path, help="把结果写成 JSON")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # child process: measure this store
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeat), ensure_ascii=False))
        return 0
    results = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="budgetqa-bench-across-") as tmp:
            store = Path(tmp) / "store"
            t = time.perf_counter()
            made = make_store(args.district / "store", store, size)
            built = time.perf_counter() - t
            child = subprocess.run(
                [sys.executable, "-m", "eval.bench_across", "--district", str(args.district), "--measure", str(store),
                 "--repeat", str(args.repeat)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            result = json.loads(child.stdout.strip().splitlines()[-1])
            result["size"] = made
            result["store_built_s"] = round(built, 1)
            results.append(result)
            print(f"{made} 个文件（{result['departments']} 个部门，{result['facts']:,} 条数据）："
                  f"引擎启动 {result['engine_start_s']} 秒，峰值内存 {result['peak_rss_mb']} MB", file=sys.stderr)  # fmt: skip
            for kind, q in result["questions"].items():
                state = "拒答" if q["refused"] else f"{q['entries']} 行"
                print(f"  {kind}：p50 {q['p50_ms']} ms，p95 {q['p95_ms']} ms（{state}）", file=sys.stderr)
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
