"""The `budgetqa` command line. `main` is the one error boundary for commands: Chinese messages, exit 0/1/2/3."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn, TextIO

from tqdm import tqdm

from assistant.answer import Engine
from assistant.commands import Command, StoreEmpty, plugin_commands
from assistant.config import Settings, add_llm_arguments, llm_overrides
from assistant.departments import department_aliases
from assistant.draft import page_note
from assistant.errors import AssistantError, UsageError, exit_code
from assistant.records import Figure, ModelPart, Within
from assistant.render import VERDICT, answer_json, figure_json, model_banner, number
from assistant.retrieve import Hit, Retriever, Scope, open_vectors
from assistant.tokens import glossary_data
from index.audit import audit
from index.errors import BadConfirmation
from index.identify import Identity, confirmation, identified_line
from index.ingest import IngestResult, collect, ingest, ingest_files, rebuild, reparse, stored_texts
from index.numbers import format_amount
from index.rebuild import rebuild_postgres
from index.records import Check, Fact
from index.store import Store, Vectors

_ARGPARSE_ZH = [
    (r"the following arguments are required: (.+)", r"缺少参数：\1"),
    (r"unrecognized arguments: (.+)", r"无法识别的参数：\1"),
    (r"argument (\S+): invalid choice: (\S+).*", r"参数 \1 的取值 \2 无效"),
    (r"argument (\S+): expected one argument", r"参数 \1 需要一个值"),
    (r"argument (\S+): invalid (\w+) value: (\S+)", r"参数 \1 的值 \3 无效"),
]


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors in Chinese (exit 2)."""

    def error(self, message: str) -> NoReturn:
        for pattern, zh in _ARGPARSE_ZH:
            message = re.sub(pattern, zh, message)
        self.exit(2, f"用法错误：{message}（运行 {self.prog} -h 查看用法）\n")


FACT_FIELDS = (
    "doc_id", "department", "year", "table", "section", "row", "code", "column", "value", "unit", "source", "parent",
    "page", "kind", "table_kind", "column_role", "fund", "code_scheme",
)  # fmt: skip


def fact_json(f: Fact) -> dict[str, Any]:
    return {
        "doc_id": f.doc_id, "department": f.department, "year": f.year, "table": f.table, "section": f.section,
        "row": f.row, "code": f.code, "column": f.column, "value": number(f.value), "unit": f.unit,
        "source": f.source, "parent": f.parent, "page": f.page, "kind": f.doc_kind, "table_kind": f.table_kind,
        "column_role": f.column_role, "fund": f.fund, "code_scheme": f.code_scheme,
    }  # fmt: skip


def check_json(c: Check) -> dict[str, Any]:
    def v(x: Decimal | str | None) -> Any:
        return number(x) if isinstance(x, Decimal) else x

    return {
        "doc_id": c.doc_id, "kind": c.kind, "where": c.where, "expected": v(c.expected), "found": v(c.found),
        "difference": v(c.difference), "status": c.status,
    }  # fmt: skip


def dump(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


class PageBar:
    """A progress bar over a PDF's pages, shown once the first page is read (text files have none)."""

    def __init__(self, name: str, *, quiet: bool):
        self.name, self.quiet = name, quiet
        self.bar: tqdm[None] | None = None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = tqdm(
                total=total, desc=f"读取 {self.name}", unit="页", file=sys.stderr, leave=False, disable=self.quiet
            )
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class FileBar(tqdm):  # type: ignore[type-arg]
    """A folder ingest's bar: files done, files per second and the time left, in Chinese."""

    FORMAT = "{desc}：{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} 个文件 [每秒 {speed} 个，已用 {elapsed}，剩余约 {remaining}]"

    def __init__(self, total: int, *, quiet: bool):
        super().__init__(total=total, desc="导入", bar_format=self.FORMAT, file=sys.stderr, disable=quiet)

    @property
    def format_dict(self) -> dict[str, Any]:
        d = dict(super().format_dict)
        d["speed"] = f"{d['n'] / d['elapsed']:.2f}" if d["n"] and d["elapsed"] else "?"
        return d


def cmd_ingest(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    if args.department is not None and not args.department.strip():
        raise UsageError("--department 不能为空，请写部门全称，如 北京市财政局")
    try:
        given = confirmation(args.department, args.year, args.kind)
    except BadConfirmation as e:
        raise UsageError(f"{e}（--department / --year / --kind）") from e
    paths = collect([Path(p) for p in args.paths])
    vectors = open_vectors(args.settings)
    failed: list[int] = []  # the exit code of each file that failed
    results: list[dict[str, object]] = []
    bar = FileBar(len(paths), quiet=args.json or len(paths) < 2)
    outcomes = (
        [(paths[0], _ingest_one(store, vectors, paths[0], quiet=args.json, given=given))]
        if len(paths) == 1
        else ingest_files(store, vectors, paths, model=args.settings.embed_model, workers=args.workers, given=given)
    )
    for path, r in outcomes:
        bar.update()
        if isinstance(r, AssistantError):
            failed.append(r.exit_code)
            message = str(r) if path.name in str(r) else f"“{path.name}”：{r}"
            results.append({"file": str(path), "status": "error", "error": message})
            if not args.json:
                bar.write(f"✗ {message}", file=sys.stderr)
            continue
        results.append(
            {"file": str(path), "status": r.status, "doc_id": r.doc_id, "title": r.title, "facts": r.n_facts,
             "warnings": r.warnings, "identified": dict(r.identity.sources)}
        )  # fmt: skip
        if not args.json:
            what = {
                "added": f"新增 {r.n_facts} 条数据",
                "updated": f"已按指定的部门/年度/类型重新入库（{r.n_facts} 条数据）",
                "exists": "已在库中，未重复导入",
            }[r.status]
            bar.write(f"✓ {path.name}：{r.title}（{r.doc_id[:12]}）{what}", file=out)
            for w in r.warnings:
                bar.write(f"  ⚠ {path.name}：{w}", file=out)
    bar.close()
    if args.json:
        dump({"results": results}, out)
    else:
        added = sum(1 for r in results if r["status"] == "added")
        updated = sum(1 for r in results if r["status"] == "updated")
        again = f"按指定信息重新入库 {updated} 个，" if updated else ""
        print(
            f"共 {len(paths)} 个文件：新增 {added} 个，{again}已存在 {len(paths) - added - updated - len(failed)} 个，"
            f"失败 {len(failed)} 个。",
            file=out,
        )
    return max(failed, default=0)


def _ingest_one(
    store: Store, vectors: Vectors, path: Path, *, quiet: bool, given: Identity | None = None
) -> IngestResult | AssistantError:
    """One file, in this process, with a bar over its pages as they are read (a PDF's)."""
    pages = PageBar(path.name, quiet=quiet)
    try:
        return ingest(store, vectors, path, progress=pages.update, given=given)
    except AssistantError as e:
        return e
    finally:
        pages.close()


def cmd_rebuild(args: argparse.Namespace, out: TextIO) -> int:
    """Rebuild the store from the texts it keeps (after a format change or a parser update)."""
    folder = args.settings.store
    database = args.settings.database_url
    texts = [] if database else stored_texts(folder)
    bar = tqdm(total=len(texts) or None, desc="重建", unit="个文件", file=sys.stderr, disable=args.json)
    results: list[IngestResult] = []

    def done(r: IngestResult) -> None:
        results.append(r)
        bar.update()

    if database:  # a fresh schema of the same database, then swapped in (index/rebuild.py)
        backup: Path | str = rebuild_postgres(
            folder, database, lambda suffix: open_vectors(args.settings, suffix), done
        )
    else:
        backup = rebuild(folder, texts, lambda fresh: open_vectors(replace(args.settings, store=fresh)), done)
    bar.close()
    if args.json:
        dump({"documents": [r.doc_id for r in results], "backup": str(backup)}, out)
    elif database:
        print(f"已用库中保存的 {len(results)} 份原文重建 PostgreSQL 中的存储；旧的表另存在模式“{backup}”中，"
              "旧向量在集合名后加 -bak-时间，确认无误后可删除。", file=out)  # fmt: skip
    else:
        print(
            f"已用库中保存的 {len(results)} 份原文重建“{folder}”；旧目录另存为“{backup}”，确认无误后可删除。", file=out
        )
    return 0


def cmd_docs(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    docs = store.documents()
    if args.json:
        dump([{**d.stored(), "tables": [t.__dict__ for t in store.tables(d.doc_id)]} for d in docs], out)
    elif not docs:
        print("库中还没有文件，请先运行 budgetqa ingest 导入。", file=out)
    else:
        for d in docs:
            print(f"{d.doc_id[:12]}  {d.title}  单位：{d.unit}  数据 {d.n_facts} 条  文件 {d.filename}", file=out)
            if d.identified:
                print(f"    识别：{identified_line(d.identified)}", file=out)
            for t in store.tables(d.doc_id):
                kind = f"{t.kind_name}（{t.kind}）" if t.kind else "未识别的表格"
                print(f"    {t.table} → {kind}  数据 {t.n_facts} 条", file=out)
    return 0


def departments_named(store: Store, name: str) -> list[str]:
    """The departments a name given on the command line means: full names containing it, or short names equal to it."""
    abbreviations = glossary_data()["department_abbreviations"]
    names = sorted({d.department for d in store.documents()})
    found = [n for n in names if name in n] or [n for n in names if name in department_aliases(n, abbreviations)]
    if not found:
        raise UsageError(f"库中没有部门“{name}”（可选：{'、'.join(names) or '无'}）")
    return found


def cmd_facts(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    doc = store.resolve(args.doc) if args.doc else None
    departments = departments_named(store, args.department) if args.department else None
    facts = store.facts(
        doc_id=doc, query=args.query, departments=departments, year=args.year, kind=args.kind, code=args.code
    )
    if args.csv:
        rows = [fact_json(f) for f in facts]
        with open(args.csv, "w", encoding="utf-8-sig", newline="") as sheet:  # BOM: Excel reads the Chinese
            writer = csv.DictWriter(sheet, fieldnames=list(rows[0]) if rows else list(FACT_FIELDS))
            writer.writeheader()
            writer.writerows(rows)
        print(f"已写出 {len(rows)} 条到 {args.csv}。", file=out)
        return 0
    if args.json:
        dump([{**fact_json(f), "provenance": f.provenance.as_json()} for f in facts], out)
        return 0
    for f in facts:
        print(f"{f.source}{page_note(f.page)} = {format_amount(f.value)} {f.unit}", file=out)
    print(f"共 {len(facts)} 条。", file=out)
    return 0


def cmd_audit(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    ids = [store.resolve(args.doc)] if args.doc else [d.doc_id for d in store.documents()]
    checks: list[Check] = []
    skipped: list[dict[str, str]] = []
    for doc_id in ids:
        parsed = reparse(store, doc_id)
        found = audit(parsed.disclosure, parsed.facts)
        checks.extend(found)
        skipped.extend({"doc_id": doc_id, "text": w} for w in parsed.disclosure.warnings)
        if not args.json:
            _print_audit(parsed.disclosure.title, found, out)
            for w in parsed.disclosure.warnings:
                print(f"  ⚠ {w}", file=out)
    if args.json:
        dump({"checks": [check_json(c) for c in checks], "warnings": skipped}, out)
    elif not ids:
        print("库中还没有文件，请先运行 budgetqa ingest 导入。", file=out)
    return 0


def _print_audit(title: str, checks: list[Check], out: TextIO) -> None:
    counts = {s: sum(1 for c in checks if c.status == s) for s in ("ok", "rounding", "mismatch")}
    print(
        f"{title}：共 {len(checks)} 项核对，一致 {counts['ok']}，尾数误差 {counts['rounding']}，不一致 {counts['mismatch']}",
        file=out,
    )
    marks = {"rounding": "≈ 尾数误差", "mismatch": "✗ 不一致"}
    for c in checks:
        if c.status == "ok":
            continue
        diff = f"，相差 {format_amount(c.difference)}" if c.difference is not None else ""
        exp = format_amount(c.expected) if isinstance(c.expected, Decimal) else c.expected
        got = format_amount(c.found) if isinstance(c.found, Decimal) else c.found
        print(f"  {marks[c.status]} [{c.kind}] {c.where}：应为 {exp}，核得 {got}{diff}", file=out)


def hit_json(h: Hit) -> dict[str, Any]:
    c = h.chunk
    return {
        "chunk_id": c.id,
        "doc_id": c.doc_id,
        "where": c.where,
        "text": c.text,
        "score": round(h.score, 6),
        "via": h.via,
    }


def cmd_search(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    if not args.question.strip():
        raise UsageError("请输入要检索的问题")
    if args.top < 1:
        raise UsageError("--top 必须是正整数")
    scope = Scope(doc_id=store.resolve(args.doc) if args.doc else None, department=args.department, year=args.year)
    retriever = Retriever(store, open_vectors(args.settings))
    hits = retriever.search(args.question, k=args.top, scope=scope)
    if args.json:
        dump({"hits": [hit_json(h) for h in hits]}, out)
        return 0
    if not hits:
        print(
            "没有找到相关内容。" if store.documents() else "库中还没有文件，请先运行 budgetqa ingest 导入。", file=out
        )
    for rank, h in enumerate(hits, start=1):
        head, _, body = h.chunk.text.partition("\n")
        print(f"[{rank}] {head}（{h.chunk.doc_id[:12]}，得分 {h.score:.4f}）", file=out)
        print("    " + body.replace("\n", "\n    ")[:400], file=out)
    return 0


def figure_line(f: Figure) -> str:
    line = f"{VERDICT[f.verdict]}  {f.text}"
    if f.verdict == "mismatch" and f.expected is not None:
        line += f"：公开文件为 {format_amount(f.expected)}{'%' if f.expected_unit == '%' else ' ' + f.expected_unit}"
    if f.expression:
        line += f"（{f.expression}）"
    if f.source:
        line += f"\n      出处：{f.source}"
    return line


def cmd_ask(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    if not args.question.strip():
        raise UsageError("请输入问题")
    doc = store.resolve(args.doc) if args.doc else None
    within = Within(
        departments=tuple(departments_named(store, args.department)) if args.department else (),
        years=tuple(args.year or ()), kinds=(args.kind,) if args.kind else (),
    )  # fmt: skip
    store.close()  # the engine opens the store itself
    answer = Engine(args.settings).answer(args.question, doc_id=doc, within=within)
    if args.json:
        dump(answer_json(answer), out)
        return 0
    if answer.reading:
        print(answer.reading.line(), file=out)
    print(answer.text, file=out)
    if answer.figures:
        print("\n数字核对：", file=out)
        for f in answer.figures:
            print("  " + figure_line(f), file=out)
    if answer.model:
        print_model(answer.model, out, bool(answer.figures))
    return 0


def print_model(part: ModelPart, out: TextIO, figures: bool) -> None:
    """What the language model did: who drafted the answer or why its draft was not used, its tool calls."""
    print("\n" + model_banner(part, figures), file=out)
    for n, c in enumerate(part.calls, 1):
        print(f"  工具 {n}：{c.name} {c.arguments} → {'' if c.ok else '✗ '}{c.result}", file=out)
    if part.draft:
        print("  模型草稿（未采用）：" + part.draft, file=out)
        for f in part.draft_figures:
            print("    " + figure_line(f), file=out)


def cmd_verify(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    if not args.text.strip():
        raise UsageError("请输入要核对的文字")
    docs = [store.resolve(args.doc)] if args.doc else None
    if not store.documents():
        raise StoreEmpty()
    figures = Engine(args.settings).verify(args.text, docs)
    ok = all(f.verdict in ("verified", "derived") for f in figures)
    if args.json:
        dump({"figures": [figure_json(f) for f in figures], "ok": ok}, out)
        return 0
    if not figures:
        print("文字中没有找到数字。", file=out)
    for f in figures:
        print(figure_line(f), file=out)
    print(
        "结论：全部数字与公开文件一致。"
        if ok and figures
        else ("结论：有数字与公开文件不符或无法核对，请检查。" if figures else ""),
        file=out,
    )
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Store, TextIO], int]] = {
    "ingest": cmd_ingest, "docs": cmd_docs, "facts": cmd_facts, "audit": cmd_audit, "search": cmd_search,
    "ask": cmd_ask, "verify": cmd_verify,
}  # fmt: skip  # and the commands other packages register (assistant.commands.PLUGINS): eval, serve


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="budgetqa", description="预算公开问答助手：导入部门预算/决算公开文件，核对其中的数字。")
    parser.add_argument("--store", help="存储目录（默认读取环境变量 BUDGETQA_STORE，否则为 ./.budgetqa）")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令", parser_class=_Parser)
    p = sub.add_parser("ingest", help="导入文件或文件夹（PDF，或 .txt/.md 文本：UTF-8 或 GB18030）")
    p.add_argument("paths", nargs="+", metavar="PATH", help="文件或文件夹")
    p.add_argument(
        "--workers", type=int, default=min(os.cpu_count() or 1, 4), metavar="N",
        help="并行读取、解析和向量化的进程数（默认为 CPU 核数，最多 4；1 表示不并行）",
    )  # fmt: skip
    p.add_argument("--department", help="确认所导入文件的部门全称（代替从文件中读出的名称）")
    p.add_argument("--year", help="确认所导入文件的年度，如 2026")
    p.add_argument("--kind", help="确认所导入文件是 预算 还是 决算")
    p = sub.add_parser("docs", help="列出库中的文件")
    p = sub.add_parser("facts", help="列出结构化数据（表格单元格与正文中的数字）")
    p.add_argument("--doc", help="只看某个文件（编号或编号前缀）")
    p.add_argument("--query", help="按行名、科目编码、列名或出处筛选")
    p.add_argument("--department", help="只看某个部门（全称的一部分或简称，如 社工部）")
    p.add_argument("--year", type=int, help="只看某个年度")
    p.add_argument("--kind", choices=["预算", "决算"], help="只看预算或决算")
    p.add_argument("--code", help="只看某个科目编码及其下级（如 201、2013901、30217）")
    p.add_argument("--csv", metavar="FILE", help="写成 CSV 文件（UTF-8，Excel 可直接打开）")
    p = sub.add_parser("audit", help="核对每个文件内部的数字是否一致")
    p.add_argument("--doc", help="只核对某个文件（编号或编号前缀）")
    p = sub.add_parser("search", help="检索与问题相关的段落和表格行（BM25 + 向量，融合排序）")
    p.add_argument("question", metavar="问题")
    p.add_argument("--top", type=int, default=5, help="返回条数（默认 5）")
    p.add_argument("--doc", help="只检索某个文件（编号或编号前缀）")
    p.add_argument("--department", help="只检索某个部门")
    p.add_argument("--year", type=int, help="只检索某个年度")
    p = sub.add_parser("ask", help="提问：答案中的每个数字都来自公开文件或由计算得出，并经过核对")
    p.add_argument("question", metavar="问题")
    p.add_argument("--doc", help="只在某个文件中回答（编号或编号前缀）")
    p.add_argument("--department", help="只在某个部门的文件中回答（全称的一部分或简称）")
    p.add_argument("--year", type=int, action="append", help="只用某个年度的文件（可重复）")
    p.add_argument("--kind", choices=["预算", "决算"], help="只用预算或决算")
    p = sub.add_parser("verify", help="核对一段文字中的每个数字是否与公开文件一致")
    p.add_argument("text", metavar="文字")
    p.add_argument("--doc", help="只对照某个文件（编号或编号前缀）")
    plugins = plugin_commands()
    for command in plugins:
        p = sub.add_parser(command.name, help=command.help)
        command.arguments(p)
        p.set_defaults(plugin=command)
    sub.add_parser(
        "rebuild",
        help="用库中保存的原文重建存储（格式升级或解析改进后使用；旧目录或 PostgreSQL 的旧模式保留为备份；请先停止网页服务）",
    )
    for name in ["ask", *(c.name for c in plugins if c.model)]:
        add_llm_arguments(sub.choices[name])
    for name in [*COMMANDS, *(c.name for c in plugins), "rebuild"]:
        sub.choices[name].add_argument("--json", action="store_true", help="以 JSON 输出")
        sub.choices[name].add_argument("--store", default=argparse.SUPPRESS, help="存储目录")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; returns the exit code (0 ok; the family's codes: 1 a failure the user can fix, 2 a
    usage error, 3 the store or another service cannot be used; 1 for an unexpected bug). The one error
    boundary of the command line (`assistant.errors.exit_code`)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    return exit_code(lambda: _run(args, out or sys.stdout), f"command {args.command}")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    args.settings = settings = Settings.from_env(store=Path(args.store) if args.store else None, **llm_overrides(args))
    if args.command == "rebuild":  # works on stores this version cannot open
        return cmd_rebuild(args, out)
    with Store(settings.store, settings.database_url) as store:
        plugin: Command | None = getattr(args, "plugin", None)
        return (plugin.run if plugin else COMMANDS[args.command])(args, store, out)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
