"""PDF reading speed and memory: the sample laid out by reportlab at 1×, 4× and 16× its length.

    python -m eval.pdfbench [--copies 1 4 16]

Each size is read in a fresh process (peak RSS is per process). The longer PDFs repeat
the sample's body, so they have the same mix of prose and ruled tables per page.
Needs the test extras (reportlab) for the layout.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "2022_shenzhen_kexie_budget.txt"


def _measure(pdf: Path) -> dict[str, float]:
    """Read one PDF in this process: pages, seconds, facts, peak RSS."""
    from index.ingest import read

    started = time.perf_counter()
    parsed = read(pdf)
    seconds = time.perf_counter() - started
    pages = parsed.loaded.text.count("\f") + 1
    return {
        "pages": pages,
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 1),
        "facts": len(parsed.facts),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "megabytes": round(pdf.stat().st_size / 1024 / 1024, 2),
    }


def _layout(copies: int, out: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from eval.pdf_maker import make_pdf

    text = SAMPLE.read_text(encoding="utf-8")
    body_start = text.index("一、文字部分", text.index("一、文字部分") + 1)  # the body, after the 目录
    return make_pdf(text + text[body_start:] * (copies - 1), out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.pdfbench", description="PDF 读取速度与内存")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # internal: measure one PDF in this process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(_measure(args.one)))
        return 0
    print("| 样例倍数 | 页数 | 大小 MB | 读取秒数 | 页/秒 | 数据条数 | 峰值内存 MB |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.copies:
            pdf = _layout(n, Path(tmp) / f"sample-x{n}.pdf")
            done = subprocess.run(
                [sys.executable, "-m", "eval.pdfbench", "--one", str(pdf)],
                cwd=ROOT, capture_output=True, text=True, check=True,
            )  # fmt: skip
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"| {n}× | {r['pages']} | {r['megabytes']} | {r['seconds']} | {r['pages_per_s']} | {r['facts']} | "
                f"{r['peak_rss_mb']} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
