"""A generated district for questions across documents: rankings, totals, comparisons, 预算 against 决算.

    python -m eval.district build --out DIR [--departments 40] [--years 2022 2023 2024] [--real] [--jobs 2]
    python -m eval.district run --out DIR [--report FILE] [--kinds rank_top total …] [--limit N]

`build` lays out a 部门决算 and a 部门预算 of every department and year with eval/template_maker.py
(layouts and units vary by department: most 决算 in 万元, some in 元; most 预算 in 元, some in 万元),
writes DIR/pdf/*.pdf, DIR/expected.json (every printed cell of every document), DIR/questions.jsonl
(questions with answers computed from those cells) and ingests the PDFs into DIR/store. It is
cacheable (a document whose spec and maker are unchanged is neither laid out nor ingested again) and
safe to start twice (a lock on DIR). With --real the real disclosures in tests/data/real/ join the
store; questions over all departments then avoid the years and kinds those documents belong to,
since their figures are not the generator's. `run` asks every question and scores it
(eval/district_score.py). Run from the repository root.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eval.district_questions import load_docs, write_questions

ROOT = Path(__file__).resolve().parent.parent
MAKER = ROOT / "eval" / "template_maker.py"
REAL_DIR = ROOT / "tests" / "data" / "real"
YEARS = (2022, 2023, 2024)

P, GOV, CPC = "上海市普陀区", "上海市普陀区人民政府", "中共上海市普陀区委"
# (full name, the short name an officer types); every short name is one of department_aliases().
DEPARTMENTS = [
    (P + "财政局", "财政局"), (P + "规划和自然资源局", "规资局"), (P + "教育局", "教育局"),
    (P + "卫生健康委员会", "卫健委"), (P + "民政局", "民政局"), (P + "人力资源和社会保障局", "人社局"),
    (P + "市场监督管理局", "市场监管局"), (P + "文化和旅游局", "文旅局"), (P + "发展和改革委员会", "发改委"),
    (P + "生态环境局", "生态环境局"), (P + "住房保障和房屋管理局", "区住房保障和房屋管理局"),
    (P + "建设和管理委员会", "区建设和管理委员会"), (P + "审计局", "审计局"), (P + "统计局", "统计局"),
    (P + "司法局", "司法局"), (P + "体育局", "体育局"), (P + "科学技术委员会", "区科学技术委员会"),
    (P + "商务委员会", "区商务委员会"), (P + "退役军人事务局", "退役军人局"), (P + "应急管理局", "应急管理局"),
    (P + "医疗保障局", "医保局"), (P + "绿化和市容管理局", "区绿化和市容管理局"), (P + "档案局", "档案局"),
    (P + "图书馆", "区图书馆"), (P + "文化馆", "区文化馆"), (CPC + "宣传部", "区委宣传部"),
    (CPC + "组织部", "区委组织部"), (CPC + "统一战线工作部", "区委统一战线工作部"),
    (CPC + "政法委员会", "区委政法委员会"), (CPC + "党校", "区委党校"), (GOV + "长征镇", "长征镇"),
    (GOV + "桃浦镇", "桃浦镇"), (GOV + "石泉路街道办事处", "石泉路街道"), (GOV + "曹杨新村街道办事处", "曹杨新村街道"),
    (GOV + "长风新村街道办事处", "长风新村街道"), (GOV + "甘泉路街道办事处", "甘泉路街道"),
    (GOV + "宜川路街道办事处", "宜川路街道"), (GOV + "真如镇街道办事处", "真如镇街道"),
    (GOV + "长寿路街道办事处", "长寿路街道"), (P + "总工会", "区总工会"), (P + "妇女联合会", "区妇联"),
    (P + "残疾人联合会", "区残联"), (P + "科学技术协会", "区科协"), (P + "红十字会", "区红十字会"),
    (P + "机关事务管理局", "区机关事务管理局"), (P + "投资促进办公室", "区投资促进办公室"),
]  # fmt: skip
NO_SANGONG = {"区图书馆", "区文化馆", "档案局", "区委党校"}  # print an empty “三公” table every year
# The real disclosures --real adds (tests/test_templates.py has the same table); juesuan-template.pdf
# is a blank template that ingest refuses.
REAL = {
    "shegongbu-2024-juesuan.pdf": ("中共上海市普陀区委社会工作部", 2024, "决算"),
    "wanli-2024-yusuan.pdf": (GOV + "万里街道办事处", 2024, "预算"),
    "wanli-2023-yusuan.pdf": (GOV + "万里街道办事处", 2023, "预算"),
    "fuliyuan-2024-danwei-yusuan.pdf": (P + "社会福利院", 2024, "预算"),
}  # the district's own real documents; other cities' (深圳市财政局 shares 财政局 with the district's) stay out


def abbreviations() -> dict[str, str]:
    from assistant.tokens import glossary_data

    return dict(glossary_data()["department_abbreviations"])


def alias_clashes(names: list[str]) -> list[tuple[str, str, str, str]]:
    """(department, alias, other department, its alias) wherever an alias of one is, or is inside, another's."""
    from assistant.departments import department_aliases

    table = {n: department_aliases(n, abbreviations()) for n in names}
    return [
        (a, x, b, y) for a in names for b in names if a != b for x in table[a] for y in table[b] if x in y
    ]  # fmt: skip


def specs(departments: int, years: tuple[int, ...]) -> list[dict[str, Any]]:
    """What to generate: one 决算 and one 预算 per department and year, layout and unit by department."""
    if departments > len(DEPARTMENTS):
        raise SystemExit(f"最多 {len(DEPARTMENTS)} 个部门")
    out = []
    for i, (name, short) in enumerate(DEPARTMENTS[:departments]):
        for year in years:
            common = {"department": name, "year": year, "empty_sangong": short in NO_SANGONG}
            out.append({
                "file": f"{i:02d}-juesuan-{year}.pdf", "short": short, "kind": "决算",
                "args": {**common, "unit": "元" if i % 5 == 4 else "万元", "rng_seed": 1000 * i + year,
                         "captions": i % 3 == 1, "split_codes": i % 4 == 2, "digit_runs": i % 7 == 3,
                         "cover_lines": i % 6 != 5},
            })  # fmt: skip
            out.append({
                "file": f"{i:02d}-yusuan-{year}.pdf", "short": short, "kind": "预算",
                "args": {**common, "unit": "万元" if i % 6 == 1 else "元", "rng_seed": 1000 * i + year + 500_000,
                         "captions": i % 3 == 2, "digit_runs": i % 7 == 5},
            })  # fmt: skip
    return out


def _maker_hash() -> str:
    return hashlib.sha256(MAKER.read_bytes()).hexdigest()[:16]


def _write(path: Path, text: str) -> None:
    """Write whole or not at all (a reader never sees half a file)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def generate(spec: dict[str, Any], folder: Path, maker: str) -> dict[str, Any]:
    """Lay out one document (unless its PDF and record are there for this spec and maker); its record."""
    pdf, record = folder / spec["file"], folder / (spec["file"] + ".json")
    key = hashlib.sha256(json.dumps([spec, maker], sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    if pdf.exists() and record.exists():
        cached = json.loads(record.read_text(encoding="utf-8"))
        if cached.get("key") == key:
            return dict(cached["doc"], cached=True)
    from eval.template_maker import make_juesuan, make_yusuan

    tmp = pdf.with_name(f".{pdf.stem}.{os.getpid()}.pdf")
    make = make_juesuan if spec["kind"] == "决算" else make_yusuan
    expected = make(tmp, **spec["args"])
    for parts in expected.cells:
        assert not any("|" in p for p in parts), parts  # "|" joins a cell's key in expected.json
    doc = {
        "department": expected.department, "short": spec["short"], "year": expected.year, "kind": expected.kind,
        "unit": expected.unit, "layout": {k: v for k, v in spec["args"].items() if k not in ("department", "year")},
        "tables": {t.title: t.unit for t in expected.tables},
        "cells": {"|".join(k): str(v) for k, v in expected.cells.items()},
    }  # fmt: skip
    os.replace(tmp, pdf)
    _write(record, json.dumps({"key": key, "doc": doc}, ensure_ascii=False))
    return dict(doc, cached=False)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One build of a folder at a time; a second one waits."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".build.lock", "w", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"另一个进程正在生成 {folder}，等待其完成……", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _pool(jobs: int) -> ProcessPoolExecutor:
    # spawn: a forked child would inherit the parent's chromadb and model threads
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))


def lay_out(out: Path, plan: list[dict[str, Any]], jobs: int) -> tuple[dict[str, dict[str, Any]], int]:
    """Every document of the plan, generated in parallel: (file → record, how many were laid out anew)."""
    folder = out / "pdf"
    folder.mkdir(parents=True, exist_ok=True)
    maker, docs, fresh = _maker_hash(), {}, 0
    with _pool(jobs) as pool:
        futures = [pool.submit(generate, spec, folder, maker) for spec in plan]
        for n, (spec, future) in enumerate(zip(plan, futures, strict=True), 1):
            doc = future.result()
            docs[spec["file"]] = {k: v for k, v in doc.items() if k != "cached"}
            fresh += not doc["cached"]
            said = "已有，跳过" if doc["cached"] else "已生成"
            print(
                f"[{n}/{len(plan)}] {said} {spec['file']} {doc['department']} {doc['year']}年{doc['kind']}",
                file=sys.stderr,
            )
    return docs, fresh


def ingest_all(out: Path, files: list[Path], jobs: int) -> dict[str, Any]:
    """Ingest the files into out/store (parsing in parallel, storing one at a time); skip those stored already."""
    from assistant.config import Settings
    from assistant.retrieve import open_vectors
    from index.errors import AssistantError
    from index.ingest import add, read
    from index.store import Store

    manifest_path = out / "ingested.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    settings = Settings(store=out / "store")
    with Store(settings.store) as store:
        digest = {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
        todo = [f for f in files if not (manifest.get(f.name, {}).get("sha256") == digest[f.name]
                                         and store.has(manifest[f.name]["doc_id"]))]  # fmt: skip
        print(f"导入 {len(todo)} 个文件（{len(files) - len(todo)} 个已在库中）", file=sys.stderr)
        vectors = open_vectors(settings) if todo else None
        with _pool(jobs) as pool:
            futures = [pool.submit(read, f) for f in todo]
            start = time.perf_counter()
            for n, (f, future) in enumerate(zip(todo, futures, strict=True), 1):
                try:
                    result = add(store, vectors, future.result())  # type: ignore[arg-type]
                except AssistantError as e:
                    print(f"[{n}/{len(todo)}] 未导入 {f.name}：{e}", file=sys.stderr)
                    continue
                manifest[f.name] = {"sha256": digest[f.name], "doc_id": result.doc_id, "n_facts": result.n_facts}
                _write(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1))
                pace = (time.perf_counter() - start) / n
                print(
                    f"[{n}/{len(todo)}] 已导入 {f.name}：{result.n_facts} 条数据（平均每份 {pace:.1f} 秒，"
                    f"约剩 {pace * (len(todo) - n) / 60:.1f} 分钟）",
                    file=sys.stderr,
                )
        return {"ingested": len(todo), "documents": len(store.documents()), "facts": store.count_facts()}


def _size(path: Path) -> float:
    """MB under a folder (or of a file)."""
    files = [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file()]
    return round(sum(f.stat().st_size for f in files) / 1e6, 1)


def build(
    out: Path, *, departments: int, years: tuple[int, ...], real: bool, ingest: bool, jobs: int
) -> dict[str, Any]:
    """Generate, record, write the questions and (unless ingest is False) ingest; the build's statistics."""
    with locked(out):
        started = time.perf_counter()
        plan = specs(departments, years)
        docs, fresh = lay_out(out, plan, jobs)
        generated = time.perf_counter() - started
        reals = sorted(REAL_DIR / name for name in REAL) if real else []
        expected: dict[str, Any] = {
            "departments": [{"name": n, "short": s} for n, s in DEPARTMENTS[:departments]],
            "years": list(years),
            "real": [{"file": f.name, "department": REAL[f.name][0], "year": REAL[f.name][1], "kind": REAL[f.name][2]}
                     for f in reals],
            "documents": docs,
        }  # fmt: skip
        _write(out / "expected.json", json.dumps(expected, ensure_ascii=False, indent=1))
        skip = {(r["year"], r["kind"]) for r in expected["real"]}
        questions = write_questions(load_docs(expected), skip=skip)
        _write(out / "questions.jsonl", "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions))
        stats: dict[str, Any] = {
            "pdfs": len(docs), "laid_out": fresh, "generate_seconds": round(generated, 1), "pdf_mb": _size(out / "pdf"),
            "questions": dict(Counter(q["kind"] for q in questions)), "skipped_slices": sorted(skip),
        }  # fmt: skip
        if ingest:
            started = time.perf_counter()
            pdfs = [out / "pdf" / f for f in docs]
            stats |= ingest_all(out, pdfs + reals, jobs)
            stats |= {"ingest_seconds": round(time.perf_counter() - started, 1), "store_mb": _size(out / "store")}
        _write(out / "build.json", json.dumps(stats, ensure_ascii=False, indent=1))
        return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.district", description="生成一个区的预决算文件，评测跨部门问答")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="生成文件、题目，并导入库中")
    b.add_argument("--out", type=Path, required=True, help="输出目录（PDF、expected.json、questions.jsonl、store）")
    b.add_argument("--departments", type=int, default=40, help=f"部门数（最多 {len(DEPARTMENTS)}）")
    b.add_argument("--years", type=int, nargs="+", default=list(YEARS), help="年度")
    b.add_argument("--real", action="store_true", help="同时导入 tests/data/real/ 中的真实文件")
    b.add_argument("--no-ingest", action="store_true", help="只生成文件和题目，不导入")
    b.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="并行进程数")
    r = sub.add_parser("run", help="逐题提问并评分")
    r.add_argument("--out", type=Path, required=True, help="build 的输出目录")
    r.add_argument("--report", type=Path, help="把报告写成 JSON")
    r.add_argument("--kinds", nargs="+", help="只问这些题型（rank_top、total……）")
    r.add_argument("--limit", type=int, help="每种题型最多问几题")
    args = ap.parse_args(argv)
    if args.command == "build":
        stats = build(
            args.out, departments=args.departments, years=tuple(args.years), real=args.real,
            ingest=not args.no_ingest, jobs=args.jobs,
        )  # fmt: skip
        print(json.dumps(stats, ensure_ascii=False, indent=1))
        return 0
    from eval.district_score import run

    return run(args.out, report=args.report, kinds=args.kinds, limit=args.limit)


if __name__ == "__main__":
    sys.exit(main())
