"""What the optional language model costs us per answer, apart from the model's own thinking time.

    python -m eval.bench_llm [--store DIR] [--repeat 30]

The model is the scripted endpoint (`eval.scripted_model`), which replies at once, so
the time measured is ours: the rules' answer first, the HTTP round trips on loopback,
the tools (fact lookups, passage search, the calculator) and the verifier's judgement of
the draft. A real model adds its generation time for each request (`requests` below).
Also printed: how much is sent to the model per answer (characters of the requests).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant.answer import Engine
from assistant.config import Settings
from eval.runner import percentile
from eval.scripted_model import scripted_model

QUESTION = "帮我梳理一下科协2022年的钱"  # refused by the rules: the model is asked
EXPLAIN = "为什么科协学会能力提升项目增长？"  # answered by the rules with quotes; the model is asked (llm_use=explain)

LOOKUP = {
    "call": "lookup_facts",
    "arguments": {"department": "市科协", "item": "项目支出", "table_kind": "expenditure"},
}
TOTAL = {"call": "lookup_facts", "arguments": {"department": "市科协", "item": "支出总计", "table_kind": "expenditure"}}
SHARE = {"call": "calculate", "arguments": {"op": "share", "operands": ["F1", "F2"]}}
SCRIPTS: dict[str, tuple[str, list[dict[str, Any]]]] = {
    "三次工具调用后作答（采用）": (
        QUESTION, [LOOKUP, TOTAL, SHARE, {"text": "2022年市科协项目支出4,023万元[F1]，占支出总计的80.51%[C1]。"}],
    ),
    "编造数字，纠正一次后仍错（不采用）": (
        QUESTION, [LOOKUP, {"text": "2022年市科协项目支出5,000万元[F1]。"}, {"text": "2022年市科协项目支出5,000万元[F1]。"}],
    ),
    "检索原文后解释（采用）": (
        EXPLAIN, [{"call": "search_passages", "arguments": {"query": "学会能力提升项目 增长 原因"}},
                  {"text": "主要是为了推进“科创中国”建设、支持院士专家工作站[P1]。"}],
    ),
}  # fmt: skip


def _store(folder: Path) -> Path:
    from assistant.web.service import ensure_documents

    store = folder / "store"
    ensure_documents(Settings(store=store))  # the bundled sample
    return store


def measure(store: Path, repeat: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with scripted_model() as model:
        settings = Settings(store=store, llm_base_url=model.url, llm_model="scripted")
        engine, rules = Engine(settings), Engine(replace(settings, llm_base_url=None))
        for name, (question, steps) in SCRIPTS.items():
            engine.answer(question)  # warm: the retriever, the client
            with_model, alone, sent, rounds = [], [], [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                rules.answer(question)
                alone.append((time.perf_counter() - start) * 1000)
                model.play(*steps)
                start = time.perf_counter()
                answer = engine.answer(question)
                with_model.append((time.perf_counter() - start) * 1000)
                sent.append(sum(len(json.dumps(r["body"], ensure_ascii=False)) for r in model.requests))
                rounds = len(model.requests)
            assert answer.model is not None
            extra = sorted(w - a for w, a in zip(with_model, alone, strict=True))
            out[name] = {
                "used": answer.model.used,
                "requests": rounds,
                "tool_calls": len(answer.model.calls),
                "rules_ms_p50": round(statistics.median(alone), 1),
                "with_model_ms_p50": round(statistics.median(with_model), 1),
                "overhead_ms_p50": round(percentile(extra, 0.5), 1),
                "overhead_ms_p95": round(percentile(extra, 0.95), 1),
                "characters_sent": int(statistics.median(sent)),
            }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="语言模型的额外开销（不含模型本身的生成时间）")
    parser.add_argument("--store", help="含样例的库（默认：临时库，导入自带样例）")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(args.store) if args.store else _store(Path(tmp))
        result = measure(store, args.repeat)
    print("| 情形 | 采用 | 请求数 | 工具调用 | 规则引擎 p50 | 含模型 p50 | 额外开销 p50 / p95 | 发给模型的字符 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in result.items():
        print(
            f"| {name} | {'是' if r['used'] else '否'} | {r['requests']} | {r['tool_calls']} | {r['rules_ms_p50']} ms "
            f"| {r['with_model_ms_p50']} ms | {r['overhead_ms_p50']} / {r['overhead_ms_p95']} ms | {r['characters_sent']:,} |"
        )


if __name__ == "__main__":
    main()
