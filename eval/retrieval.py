"""Retrieval recall on a question file: R@1/3/5 and MRR for each leg alone and fused.

    python -m eval.retrieval [--questions eval/questions.jsonl] [--tune]

Ingests the bundled disclosures into a temporary store (or uses --store), runs
every question that has `evidence`, and prints a table per tokenizer. `--tune`
grid-searches the fusion weights on the question file and prints the best.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.retrieve import Fusion, Hit, Retriever, fuse, open_vectors
from assistant.tokens import TokenMode
from eval.scoring import evidence_rank
from index.ingest import collect, ingest
from index.store import Store

ROOT = Path(__file__).resolve().parent.parent
DEPTH = 20


@dataclass
class Metrics:
    r1: float
    r3: float
    r5: float
    mrr: float

    def row(self, name: str) -> str:
        return f"| {name:<24} | {self.r1:.3f} | {self.r3:.3f} | {self.r5:.3f} | {self.mrr:.3f} |"


def metrics(ranks: list[int | None]) -> Metrics:
    n = len(ranks) or 1

    def at(k: int) -> float:
        return sum(1 for r in ranks if r is not None and r <= k) / n

    return Metrics(at(1), at(3), at(5), sum(1 / r for r in ranks if r) / n)


def rank_of(hits: list[Hit], evidence: list[str]) -> int | None:
    return evidence_rank([h.chunk.text for h in hits], evidence)


def load_questions(path: Path) -> list[dict]:  # type: ignore[type-arg]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [q for q in rows if q.get("evidence")]


def query_text(q: dict) -> str:  # type: ignore[type-arg]
    """A follow-up is searched with its conversation (earlier questions first)."""
    return " ".join([*q.get("history", []), q["question"]])


def main() -> None:
    ap = argparse.ArgumentParser(description="检索召回率评测")
    ap.add_argument("--questions", type=Path, default=ROOT / "eval" / "questions.jsonl")
    ap.add_argument("--store", type=Path, help="已有的存储目录（默认临时导入 data/ 中的样例）")
    ap.add_argument("--tune", action="store_true", help="在问题集上网格搜索融合参数")
    args = ap.parse_args()
    questions = load_questions(args.questions)
    store_dir = args.store or Path(tempfile.mkdtemp(prefix="budgetqa-retrieval-"))
    settings = Settings.from_env(store=store_dir)
    with Store(settings.store) as store:
        vectors = open_vectors(settings)
        if args.store is None:
            for path in collect([ROOT / "data"]):
                ingest(store, vectors, path)
        print(f"{len(questions)} 个带 evidence 的问题；{len(store.chunks())} 个片段\n")
        print("| 方法 | R@1 | R@3 | R@5 | MRR |\n|---|---|---|---|---|")
        legs: dict[TokenMode, tuple[list[list[Hit]], list[list[Hit]]]] = {}
        dense: list[list[Hit]] = []
        for mode in ("bigram", "jieba", "both"):
            r = Retriever(store, vectors, tokens=mode)
            lex = [r.lexical(query_text(q), DEPTH) for q in questions]
            if not dense:
                dense = [r.dense(query_text(q), DEPTH) for q in questions]
                print(
                    metrics([rank_of(h, q["evidence"]) for h, q in zip(dense, questions, strict=True)]).row("向量 USE")
                )
            legs[mode] = (lex, dense)
            print(metrics([rank_of(h, q["evidence"]) for h, q in zip(lex, questions, strict=True)]).row(f"BM25 {mode}"))
            fused = [fuse(a, b, r.fusion, 5) for a, b in zip(lex, dense, strict=True)]
            print(
                metrics([rank_of(h, q["evidence"]) for h, q in zip(fused, questions, strict=True)]).row(
                    f"融合 {mode}（默认参数）"
                )
            )
        r = Retriever(store, vectors)
        timings = []
        for q in questions:  # warm: the retriever and both indexes are loaded
            start = time.perf_counter()
            r.search(query_text(q), k=5)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(
            f"\n默认融合（{r.fusion}）热检索延迟：p50 {statistics.median(timings):.1f} ms，p95 {p95:.1f} ms，最大 {timings[-1]:.1f} ms"
        )
        if args.tune:
            best = []
            grid = [
                *(
                    Fusion(method="rrf", vector_weight=w, k=k, depth=d)
                    for w, k, d in itertools.product((0.2, 0.35, 0.5, 0.7, 1.0), (1, 5, 10, 20, 60), (5, 10, 20))
                ),
                *(
                    Fusion(method="score", vector_weight=w, depth=d)
                    for w, d in itertools.product((0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0), (5, 10, 20))
                ),
                *(Fusion(method="union", k=slots, depth=20) for slots in (1, 2)),
            ]
            for mode, (lex, dense) in legs.items():
                for f in grid:
                    m = metrics(
                        [
                            rank_of(fuse(a, b, f, 5), q["evidence"])
                            for a, b, q in zip(lex, dense, questions, strict=True)
                        ]
                    )
                    best.append((m.r5, m.mrr, mode, f))
            best.sort(key=lambda t: (t[0], t[1]), reverse=True)
            print("\n最好的 5 组融合参数（按 R@5、MRR）：")
            for r5, mrr, mode, f in best[:5]:
                print(f"  {mode}: R@5 {r5:.3f} MRR {mrr:.3f}  {f}")
            misses = [
                q
                for q, a, b in zip(questions, *legs[best[0][2]], strict=True)
                if rank_of(fuse(a, b, best[0][3], 5), q["evidence"]) is None
            ]
            print("\n最佳参数下未召回：")
            for q in misses:
                print(f"  {q['id']} {q['question']}  evidence={q['evidence']}")


if __name__ == "__main__":
    main()
