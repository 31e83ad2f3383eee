"""`budgetqa eval` / `python -m eval`: run a question file, print the summary and failures, write the report.

The questions are answered from a temporary store holding only the documents given
(default: the bundled sample), so that the score does not depend on what else
happens to be in the working store; `--store DIR` evaluates an existing store instead.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from assistant.answer import Engine
from assistant.config import Settings
from eval.runner import load, run
from index.errors import NotADisclosure
from index.ingest import collect, ingest
from index.store import Store

TYPE_NAMES = {"number": "数值", "text": "文字", "refusal": "拒答"}
SAMPLE = Path(__file__).resolve().parent.parent / "data" / "2022_shenzhen_kexie_budget.txt"  # the default documents


@contextmanager
def eval_store(settings: Settings, docs: Sequence[Path] | None, out: TextIO) -> Iterator[tuple[Settings, bool]]:
    """(settings, temporary): the store given when `docs` is None, else a new temporary store holding
    just those files (embedded chromadb, whatever the environment configures), removed afterwards."""
    if docs is None:
        yield settings, False
        return
    paths = collect(docs)
    with tempfile.TemporaryDirectory(prefix="budgetqa-eval-") as tmp:
        own = replace(settings, store=Path(tmp) / "store", chroma_host=None, chroma_port=None, database_url=None)
        from assistant.retrieve import open_vectors  # the embedding model loads only when needed

        print(f"正在为评测建立临时库，导入 {len(paths)} 个文件…", file=out)
        with Store(own.store) as store:
            vectors = open_vectors(own)
            for path in paths:
                try:
                    ingest(store, vectors, path)
                except NotADisclosure as e:  # a blank template beside the disclosures: said, and skipped
                    print(f"跳过：{e}", file=out)
        yield own, True


def store_json(engine: Engine, settings: Settings, temporary: bool) -> dict[str, Any]:
    """The report's `store`: where the answers came from, and the documents in it."""
    docs = sorted(engine.kb.docs.values(), key=lambda d: (d.year, d.department))
    return {
        "path": None if temporary else str(settings.store),
        "temporary": temporary,
        "documents": [
            {"doc_id": d.doc_id, "title": d.title, "filename": engine.filenames.get(d.doc_id, "")} for d in docs
        ],
    }


def evaluate(
    settings: Settings,
    questions: Path,
    report: Path | None,
    min_accuracy: float | None,
    out: TextIO,
    docs: Sequence[Path] | None = None,
) -> int:
    """Exit code: 0, or 1 when accuracy is below `min_accuracy`.

    `docs`: the files to evaluate on, in a temporary store; None: the store of `settings` as it is."""
    items = load(questions)
    with eval_store(settings, docs, out) as (used, temporary):
        engine = Engine(used)
        data = run(engine, items).as_json()
        data["store"] = store_json(engine, used, temporary)
    where = "临时库（评测结束后删除）" if temporary else f"库 {used.store}"
    files = "、".join(f"{d['title']}（{d['filename']}）" for d in data["store"]["documents"])
    print(f"问题文件：{questions}（{data['total']} 题）", file=out)
    print(f"评测用的{where}：{len(data['store']['documents'])} 个文件：{files}", file=out)
    print("| 类型 | 题数 | 通过 | 准确率 |\n|---|---|---|---|", file=out)
    for kind, t in data["by_type"].items():
        print(
            f"| {TYPE_NAMES.get(kind, kind)} | {t['total']} | {t['passed']} | {t['passed'] / t['total']:.2%} |",
            file=out,
        )
    if set(data["by_category"]) - set(data["by_type"]):  # the question set's own categories (table, derived, …)
        print("\n| 分类 | 题数 | 通过 |\n|---|---|---|", file=out)
        for kind, t in data["by_category"].items():
            print(f"| {kind} | {t['total']} | {t['passed']} |", file=out)
    figures, latency = data["figures"], data["latency_ms"]
    print(
        f"\n准确率 {data['accuracy']:.2%}（{data['passed']}/{data['total']}）；"
        f"数字核对：共 {figures['total']} 个，一致 {figures['verified']}（其中计算得出 {figures['derived']}），"
        f"不符 {figures['mismatch']}，无法核对 {figures['unknown']}；"
        f"延迟 p50 {latency['p50']} ms，p95 {latency['p95']} ms，最大 {latency['max']} ms",
        file=out,
    )
    if "model" in data:
        m = data["model"]
        print(
            f"语言模型 {m['model']}：不用模型准确率 {m['accuracy_without']:.2%}，用模型 {m['accuracy_with']:.2%}"
            f"（多对 {m['gained']} 题，少对 {m['lost']} 题）；请模型作答 {m['asked']} 题，采用 {m['used']} 题，"
            f"模型也找不到 {m['declined']} 题，草稿未通过核对 {m['rejected']} 题，模型出错 {m['failed']} 题；工具调用 {m['tool_calls']} 次；"
            f"模型部分用时 p50 {m['latency_ms']['p50']} ms，p95 {m['latency_ms']['p95']} ms",
            file=out,
        )
    if "retrieval" in data:
        print(
            f"检索召回率 R@5：{data['retrieval']['recall_at_5']:.2%}（{data['retrieval']['questions']} 题带 evidence）",
            file=out,
        )
    if data["failures"]:
        print("\n未通过：", file=out)
        for f in data["failures"]:
            got = "拒答" if f["got"]["refused"] else f"{f['got']['value']} {f['got']['unit'] or ''}".strip()
            print(
                f"  {f['id']} {f['question']}\n    期望 {json.dumps(f['expected'], ensure_ascii=False)}；得到 {got}",
                file=out,
            )
    if report:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\n报告已写入 {report}", file=out)
    if min_accuracy is not None and data["accuracy"] < min_accuracy:
        print(f"准确率 {data['accuracy']:.2%} 低于要求的 {min_accuracy:.2%}", file=out)
        return 1
    return 0
