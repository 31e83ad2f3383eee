"""Checking a PDF disclosure against its text version: how many of the text's facts the PDF gives.

    python -m eval.pdfcheck TEXT PDF [--json]

Facts are matched on what they say (table, section, row, code, column, value, unit,
parent), not on their quoted snippet: a line break in the PDF may drop a space the
text has. Key figures (totals, and the 类-level rows of the coded tables) must all
match exactly; table facts are reported as a share.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from index.errors import AssistantError
from index.facts import extract_facts
from index.ingest import read
from index.records import Fact

Key = tuple[str | None, str | None, str, str | None, str, str, str, str | None]


def key(f: Fact) -> Key:
    """What a fact says, without where it is printed."""
    return (f.table, f.section, f.row, f.code, f.column, str(f.value), f.unit, f.parent)


def is_key_figure(f: Fact) -> bool:
    """A total (合计/总计) or a 类 row (three-digit 科目编码) of a table."""
    return f.table is not None and (
        any(w in f.row for w in ("合计", "总计")) or ((f.code or "").isdigit() and len(f.code or "") == 3)
    )


@dataclass(frozen=True, kw_only=True)
class Comparison:
    facts: int  # facts of the text version
    found: int  # of those, given by the PDF
    table_facts: int
    table_found: int
    key_figures: int
    key_found: int
    extra: int  # PDF facts the text does not have
    without_page: int  # PDF facts with no page
    missing: list[str]  # the first missing facts, readable
    wrong: list[str]  # the first extra facts, readable

    @property
    def table_share(self) -> float:
        return self.table_found / self.table_facts if self.table_facts else 1.0


def compare(text: list[Fact], pdf: list[Fact]) -> Comparison:
    want, got = Counter(map(key, text)), Counter(map(key, pdf))
    common = want & got
    tables = Counter(k for k in want.elements() if k[0] is not None)
    keys = Counter(key(f) for f in text if is_key_figure(f))
    return Comparison(
        facts=sum(want.values()),
        found=sum(common.values()),
        table_facts=sum(tables.values()),
        table_found=sum((tables & got).values()),
        key_figures=sum(keys.values()),
        key_found=sum((keys & got).values()),
        extra=sum((got - want).values()),
        without_page=sum(1 for f in pdf if f.page is None),
        missing=[_readable(k) for k in list((want - got).elements())[:20]],
        wrong=[_readable(k) for k in list((got - want).elements())[:20]],
    )


def _readable(k: Key) -> str:
    table, section, row, code, column, value, unit, _ = k
    return f"{table or section} · {code + ' ' if code else ''}{row} · {column} = {value} {unit}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.pdfcheck", description="PDF 与文本版的数据对照")
    parser.add_argument("text", type=Path, help="文本版（.txt）")
    parser.add_argument("pdf", type=Path, help="同一文件的 PDF 版")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    args = parser.parse_args(argv)
    try:
        text = extract_facts(read(args.text).disclosure)
        started = time.perf_counter()
        parsed = read(args.pdf)
        seconds = time.perf_counter() - started
    except AssistantError as e:
        print(f"✗ {e}", file=sys.stderr)
        return 1
    c = compare(text, parsed.facts)
    if args.json:
        print(json.dumps({**asdict(c), "table_share": c.table_share, "seconds": round(seconds, 2)}, ensure_ascii=False))
    else:
        print(f"PDF：{args.pdf.name}（读取 {seconds:.1f} 秒）")
        print(f"表格数据：{c.table_found}/{c.table_facts}（{c.table_share:.1%}）")
        print(f"全部数据：{c.found}/{c.facts}，PDF 多出 {c.extra} 条，缺页码 {c.without_page} 条")
        print(f"关键数字（合计、总计、类级科目）：{c.key_found}/{c.key_figures}")
        for m in c.missing:
            print(f"  缺：{m}")
        for w in c.wrong:
            print(f"  多：{w}")
    return 0 if c.key_found == c.key_figures and c.table_share >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
