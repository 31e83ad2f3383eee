"""Ingest speed on real published PDFs, beside pdfplumber's own extraction of the same pages.

    python -m eval.bench_real [PDF or folder ...] [--workers 1 2] [--json FILE]

Default: every PDF of ../shared/real and ../shared/real/regions. In one run, for the same files:

- floor: pdfplumber alone, per page `extract_words()` and `extract_tables()` (what any reader of
  these pages must at least do), in this process;
- read: our reading without the store (index.ingest.read: PDF → records → facts and chunks);
- ingest: `budgetqa ingest` of all files into a fresh store (embedding and SQLite included), once per
  `--workers` value, in a fresh process each.

Reports pages/s and documents/min for each, and the ratio of read to floor.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

from index.errors import AssistantError
from index.ingest import read

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "real"


def _pdfs(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.glob("*.pdf")) if p.is_dir() else [p])
    return out


def floor(pdfs: list[Path]) -> tuple[int, float]:
    """(pages, seconds) of pdfplumber's words and tables of every page."""
    pages, started = 0, time.perf_counter()
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.extract_tables()
                page.flush_cache()
                pages += 1
    return pages, time.perf_counter() - started


def ours(pdfs: list[Path]) -> tuple[float, int]:
    """(seconds, documents refused) of our reading, without the store."""
    started, refused = time.perf_counter(), 0
    for path in pdfs:
        try:
            read(path)
        except AssistantError:
            refused += 1
    return time.perf_counter() - started, refused


def ingest(pdfs: list[Path], workers: int) -> float:
    """Seconds of `budgetqa ingest` of all files into a fresh store, in its own process."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for p in pdfs:
            (folder / p.name).symlink_to(p.resolve())
        env = dict(os.environ, BUDGETQA_STORE=str(Path(tmp) / "store"))
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "assistant", "ingest", str(folder), "--workers", str(workers)],
            env=env, cwd=ROOT, capture_output=True, check=False,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        if done.returncode not in (0, 1):  # 1: some files refused, the rest ingested
            raise SystemExit(f"导入失败：{done.stderr.decode(errors='replace')[-500:]}")
        return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bench_real", description="真实 PDF 的导入速度")
    ap.add_argument("paths", nargs="*", type=Path, default=[SHARED, SHARED / "regions"])
    ap.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    pdfs = _pdfs(args.paths)
    pages, floor_s = floor(pdfs)
    read_s, refused = ours(pdfs)
    result: dict[str, object] = {
        "documents": len(pdfs),
        "pages": pages,
        "refused": refused,
        "floor": {"seconds": round(floor_s, 1), "pages_per_s": round(pages / floor_s, 1)},
        "read": {"seconds": round(read_s, 1), "pages_per_s": round(pages / read_s, 1), "of_floor": round(read_s / floor_s, 2)},
        "ingest": {},
    }  # fmt: skip
    for w in args.workers:
        s = ingest(pdfs, w)
        result["ingest"][w] = {  # type: ignore[index]
            "seconds": round(s, 1),
            "pages_per_s": round(pages / s, 1),
            "documents_per_min": round(len(pdfs) / s * 60, 1),
        }
    print(f"{len(pdfs)} 份 PDF，{pages} 页（拒收 {refused} 份）")
    print(f"pdfplumber 自身（逐页 words + tables）：{floor_s:.1f} 秒，{pages / floor_s:.1f} 页/秒")
    print(f"本项目读取（不入库）：{read_s:.1f} 秒，{pages / read_s:.1f} 页/秒，是前者的 {read_s / floor_s:.2f} 倍时间")
    for w, r in result["ingest"].items():  # type: ignore[attr-defined]
        print(f"导入 --workers {w}：{r['seconds']} 秒，{r['pages_per_s']} 页/秒，{r['documents_per_min']} 份/分钟")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
