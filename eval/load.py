"""Many people using the assistant at once, through its APIs: throughput, latency, errors, changed answers.

    python -m eval.load [--users 20] [--seconds 60] [--upload FILE] [--target json|gradio]
                        [--workers N] [--chroma] [--url URL... --doc ID | --store DIR]

With --store (default: a fresh temporary store) it starts `python app.py --workers N` on free
loopback ports, which ingests the bundled sample on first start, and stops it at the end. With
--workers above 1 (or --chroma) it first starts a `chroma run` server that every worker shares,
with the SQLite file.

Every user is a session of its own, on worker `user % N` (the load runner balances, as a proxy in
front of the workers would). It works through the question file's conversations (the `history`
questions, then the question), scoped to one document, for `--seconds`: with `--target json` as
HTTP requests to `POST /api/ask` that carry the conversation's earlier questions (all users on
asyncio tasks in one thread, like independent clients), with `--target gradio` as gradio_client
sessions on `/chat` (one thread each). Before the load, each conversation is asked once by a single
user; under load every answer must be the same as that one: a different answer means a race, or
history leaking between sessions (follow-ups resolve against their own conversation only). With
--upload, one more user ingests that file through worker 0 a third of the way in; at the end every
worker must list it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import httpx

from eval.runner import Question, load, percentile
from eval.scoring import passes
from eval.servers import cluster, free_ports, serving

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "eval" / "questions.jsonl"
__all__ = ["LoadReport", "conversations", "main", "run_load", "serving"]  # tests start the app with serving()

Signature = tuple[bool, Any, Any, str]  # refused, value, unit, text (text only for answers, not refusals)
Target = Literal["json", "gradio"]


@dataclass(kw_only=True)
class LoadReport:
    """What the run measured."""

    users: int
    seconds: float
    conversations: int  # conversations in the set (each a list of questions)
    target: str = "gradio"  # json: POST /api/ask; gradio: gradio_client on /chat
    workers: int = 1  # server processes sharing the store; user u talks to worker u % workers
    requests: int = 0  # questions answered (one request each)
    errors: list[str] = field(default_factory=list)  # exceptions and error replies (first 20 kept)
    n_errors: int = 0
    changed: list[str] = field(default_factory=list)  # answers that differ from the single-user run (first 20)
    n_changed: int = 0
    accuracy: float = 0.0  # of the conversations' final answers under load, scored against the question file
    throughput: float = 0.0  # requests per second, all users together
    latency_ms: dict[str, float] = field(default_factory=dict)  # p50, p95, max of one request
    ingest: dict[str, Any] = field(default_factory=dict)  # the upload made during the load, if any
    seen_by: str = ""  # workers listing the uploaded document at the end, "2/2"


class Tally:
    """Latencies, scores, errors and changed answers, from every user (threads or tasks)."""

    def __init__(self, report: LoadReport, questions: list[Question], baseline: list[Signature]):
        self.report, self.questions, self.baseline = report, questions, baseline
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.scored: list[bool] = []

    def note(self, kind: str, text: str) -> None:
        with self.lock:
            if kind == "error":
                self.report.n_errors += 1
                if len(self.report.errors) < 20:
                    self.report.errors.append(text)
            else:
                self.report.n_changed += 1
                if len(self.report.changed) < 20:
                    self.report.changed.append(text)

    def done(self, i: int, reply: dict[str, Any], latencies: list[float]) -> None:
        """Conversation `i` finished with `reply`, its requests taking `latencies`."""
        q = self.questions[i]
        try:
            ok = passes(
                q.expected.model_dump(exclude_none=True),
                bool(reply.get("refused")),
                str(reply.get("text", "")),
                None if reply.get("value") is None else Decimal(str(reply["value"])),
                reply.get("unit"),
            )
        except Exception as e:  # own boundary: a reply that cannot be scored is noted, the run goes on
            self.note("error", f"{q.id}：无法评分（{type(e).__name__}: {e}）")
            return
        with self.lock:
            self.latencies.extend(latencies)
            self.scored.append(ok)
        if reply.get("error"):
            self.note("error", f"{q.id}：{reply.get('text')}")
        elif signature(reply) != self.baseline[i]:
            self.note("changed", f"{q.id}「{q.question}」：{str(reply.get('text'))[:80]}")

    def finish(self, elapsed: float) -> None:
        report, latencies = self.report, sorted(self.latencies)
        report.requests = len(latencies)
        report.throughput = round(len(latencies) / elapsed, 1) if elapsed else 0.0
        report.accuracy = round(sum(self.scored) / len(self.scored), 4) if self.scored else 0.0
        if latencies:
            report.latency_ms = {
                "p50": round(percentile(latencies, 0.5), 1),
                "p95": round(percentile(latencies, 0.95), 1),
                "max": round(latencies[-1], 1),
            }


def signature(reply: dict[str, Any]) -> Signature:
    refused = bool(reply.get("refused"))
    return refused, reply.get("value"), reply.get("unit"), "" if refused else str(reply.get("text"))


def conversations(path: Path) -> list[Question]:
    """Every question of the file; those with `history` are the follow-ups."""
    return load(path)


def pick(u: int, k: int, n: int) -> int:
    """The conversation user `u` asks `k`-th: the users start at different places in the set."""
    return (u * 7 + k) % n


# --- gradio: gradio_client sessions on /chat, one thread per user ------------------------------------


def _client(url: str, auth: tuple[str, str] | None) -> Any:
    from gradio_client import Client

    return Client(url, auth=auth, verbose=False)


def converse(client: Any, q: Question, doc: str, latencies: list[float] | None = None) -> dict[str, Any]:
    """Ask a conversation in a new session of the client; the reply to its last question."""
    client.reset_session()  # a new session_hash: a new conversation, its history empty on the server
    reply: dict[str, Any] = {}
    for text in [*q.history, q.question]:
        t = time.perf_counter()
        reply = client.predict(text, doc, api_name="/chat")
        if latencies is not None:
            latencies.append((time.perf_counter() - t) * 1000)
    return reply


def _gradio_load(
    urls: list[str], tally: Tally, *, doc: str, users: int, seconds: float, upload: Path | None,
    auth: tuple[str, str] | None,
) -> float:  # fmt: skip
    """The load through gradio_client; the measured seconds."""
    questions, report = tally.questions, tally.report
    window = [0.0, 0.0]  # start, end of the measured time: set when every session is connected

    def begin() -> None:
        window[0] = time.monotonic()
        window[1] = window[0] + seconds

    start = threading.Barrier(users + (1 if upload else 0), action=begin, timeout=300)

    def user(u: int) -> None:
        try:
            client = _client(urls[u % len(urls)], auth)
        except Exception as e:  # own boundary: the load runner notes every failure; it must not stop at the first
            tally.note("error", f"用户 {u} 无法连接：{type(e).__name__}: {e}")
            start.wait()
            return
        start.wait()
        k = 0
        while time.monotonic() < window[1]:
            i = pick(u, k, len(questions))
            k += 1
            mine: list[float] = []
            try:
                reply = converse(client, questions[i], doc, mine)
            except Exception as e:  # own boundary: a failed conversation is noted, the user goes on
                tally.note("error", f"{questions[i].id}：{type(e).__name__}: {e}")
                continue
            tally.done(i, reply, mine)

    def uploader() -> None:
        assert upload is not None
        from gradio_client import handle_file

        try:
            client = _client(urls[0], auth)
        except Exception as e:  # own boundary: a client that cannot connect is noted
            tally.note("error", f"上传用户无法连接：{type(e).__name__}: {e}")
            start.wait()
            return
        start.wait()
        time.sleep(seconds / 3)
        t = time.perf_counter()
        try:
            message = client.predict(handle_file(str(upload)), api_name="/ingest")
        except Exception as e:  # own boundary: a failed upload is noted
            message = f"⚠ {type(e).__name__}: {e}"
        report.ingest = {"file": upload.name, "message": message, "seconds": round(time.perf_counter() - t, 2)}
        if not str(message).startswith(("✓", "ℹ")):
            tally.note("error", f"上传 {upload.name}：{message}")

    threads = [threading.Thread(target=user, args=(u,)) for u in range(users)]
    if upload:
        threads.append(threading.Thread(target=uploader))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return time.monotonic() - window[0]


# --- json: POST /api/ask, every user an asyncio task ---------------------------------------------------


class ApiFailure(Exception):
    """A reply other than 200 from the JSON API: the load runner's own signal, noted in its report (never
    user-facing)."""


async def ask_json(
    client: httpx.AsyncClient, url: str, q: Question, doc: str, latencies: list[float]
) -> dict[str, Any]:
    """Ask a conversation, carrying its earlier questions; the reply to its last question."""
    history: list[str] = []
    reply: dict[str, Any] = {}
    for text in [*q.history, q.question]:
        t = time.perf_counter()
        r = await client.post(url + "api/ask", json={"question": text, "doc": doc, "history": history})
        latencies.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            raise ApiFailure(f"HTTP {r.status_code}：{r.text[:200]}")
        reply = r.json()
        history = reply["history"]
    return reply


async def _json_load(
    urls: list[str], tally: Tally, *, doc: str, users: int, seconds: float, upload: Path | None,
    auth: tuple[str, str] | None,
) -> float:  # fmt: skip
    """The load through the JSON API; the measured seconds."""
    questions, report = tally.questions, tally.report
    clients = [httpx.AsyncClient(auth=auth, timeout=120) for _ in range(users + 1)]
    start = time.monotonic()
    end = start + seconds

    async def user(u: int) -> None:
        url, k = urls[u % len(urls)], 0
        while time.monotonic() < end:
            i = pick(u, k, len(questions))
            k += 1
            mine: list[float] = []
            try:
                reply = await ask_json(clients[u], url, questions[i], doc, mine)
            except Exception as e:  # own boundary: a failed conversation is noted, the user goes on
                tally.note("error", f"{questions[i].id}：{type(e).__name__}: {e}")
                continue
            tally.done(i, reply, mine)

    async def uploader() -> None:
        assert upload is not None
        await asyncio.sleep(seconds / 3)
        t = time.perf_counter()
        try:
            r = await clients[-1].post(urls[0] + "api/ingest", files={"file": (upload.name, upload.read_bytes())})
            reply = r.json()
            message = reply.get("message") or reply.get("error")
            ok = r.status_code == 200
        except Exception as e:  # own boundary: a failed upload is noted
            reply, message, ok = {}, f"{type(e).__name__}: {e}", False
        report.ingest = {"file": upload.name, "message": message, "doc_id": reply.get("doc_id"),
                         "seconds": round(time.perf_counter() - t, 2)}  # fmt: skip
        if not ok:
            tally.note("error", f"上传 {upload.name}：{message}")

    try:
        await asyncio.gather(*(user(u) for u in range(users)), *([uploader()] if upload else []))
    finally:
        for c in clients:
            await c.aclose()
    return time.monotonic() - start


def _json_baseline(url: str, questions: list[Question], doc: str, auth: tuple[str, str] | None) -> list[Signature]:
    async def solo() -> list[Signature]:
        async with httpx.AsyncClient(auth=auth, timeout=120) as client:
            return [signature(await ask_json(client, url, q, doc, [])) for q in questions]

    return asyncio.run(solo())


def run_load(
    url: str | list[str],
    questions: list[Question],
    *,
    doc: str,
    users: int = 20,
    seconds: float = 60.0,
    upload: Path | None = None,
    auth: tuple[str, str] | None = None,
    target: Target = "gradio",
) -> LoadReport:
    """`users` concurrent sessions for `seconds`, spread over the workers at `url`; answers compared with a
    single-user run (on the first worker) first."""
    urls = [url] if isinstance(url, str) else list(url)
    report = LoadReport(users=users, seconds=seconds, conversations=len(questions), target=target, workers=len(urls))
    options: dict[str, Any] = {"doc": doc, "users": users, "seconds": seconds, "upload": upload, "auth": auth}
    if target == "json":
        tally = Tally(report, questions, _json_baseline(urls[0], questions, doc, auth))
        elapsed = asyncio.run(_json_load(urls, tally, **options))
    else:
        solo = _client(urls[0], auth)
        tally = Tally(report, questions, [signature(converse(solo, q, doc)) for q in questions])
        elapsed = _gradio_load(urls, tally, **options)
    tally.finish(elapsed)
    if upload:
        seen = sum(_lists(u, upload, auth) for u in urls)
        report.seen_by = f"{seen}/{len(urls)}"
        if seen < len(urls):
            tally.note("error", f"上传的 {upload.name} 只有 {seen}/{len(urls)} 个工作进程看到")
    return report


def _lists(url: str, upload: Path, auth: tuple[str, str] | None) -> bool:
    """Whether the worker at `url` lists the uploaded file (by its document id)."""
    from index.load import load as load_file

    doc_id = load_file(upload).doc_id
    docs = httpx.get(url + "api/documents", auth=auth, timeout=120).json()
    return any(d["doc_id"] == doc_id for d in docs)


def _sample_doc(store: Path) -> str:
    from assistant.config import Settings
    from index.store import Store

    with Store(store, Settings.from_env(store=store).database_url) as s:  # BUDGETQA_DATABASE_URL: PostgreSQL
        docs = s.documents()
    return docs[0].doc_id


HEADER = (
    "| 接口 | 工作进程 | 用户 | 时长 | 请求 | 每秒请求 | p50 ms | p95 ms | 错误 | 答案变化 | 准确率 | 导入耗时 | 看到新文件 |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def markdown(report: LoadReport) -> str:
    """The BENCHMARKS.md line."""
    lat = report.latency_ms
    target = "JSON `/api/ask`" if report.target == "json" else "Gradio `/chat`"
    return (
        f"| {target} | {report.workers} | {report.users} | {report.seconds:.0f} s | {report.requests} | "
        f"{report.throughput} | {lat.get('p50', '–')} | {lat.get('p95', '–')} | {report.n_errors} | "
        f"{report.n_changed} | {report.accuracy:.2%} | {report.ingest.get('seconds', '–')} s | "
        f"{report.seen_by or '–'} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.load", description="多用户同时通过接口提问的压力测试")
    parser.add_argument("--users", type=int, default=20, help="同时在线的用户数（默认 20）")
    parser.add_argument("--seconds", type=float, default=60, help="持续时间，秒（默认 60）")
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="问题文件（默认 eval/questions.jsonl）")
    parser.add_argument("--upload", type=Path, help="压测期间通过第一个工作进程导入的文件")
    parser.add_argument(
        "--target", choices=["json", "gradio"], default="json",
        help="json：POST /api/ask（默认）；gradio：gradio_client 调用 /chat",
    )  # fmt: skip
    parser.add_argument("--workers", type=int, default=1, help="自动启动时的工作进程数（默认 1）")
    parser.add_argument("--chroma", action="store_true", help="只有 1 个工作进程时也使用 chromadb 服务器")
    parser.add_argument("--url", nargs="+", help="已在运行的各工作进程地址；不给则自动启动 app.py")
    parser.add_argument("--doc", help="限定提问范围的文件编号（与 --url 一起使用）")
    parser.add_argument("--store", type=Path, help="自动启动时使用的存储目录（默认新建临时目录）")
    parser.add_argument("--auth", help="登录账号 用户名:密码")
    args = parser.parse_args(argv)
    auth = tuple(args.auth.split(":", 1)) if args.auth else None
    questions = conversations(args.questions)
    options = {"users": args.users, "seconds": args.seconds, "upload": args.upload, "auth": auth, "target": args.target}
    if args.url:
        urls = [u if u.endswith("/") else u + "/" for u in args.url]
        report = run_load(urls, questions, doc=args.doc or "", **options)  # type: ignore[arg-type]
    else:
        store = args.store or Path(tempfile.mkdtemp(prefix="budgetqa-load-")) / "store"
        store.parent.mkdir(parents=True, exist_ok=True)
        port = free_ports(args.workers)
        with cluster(store, port, workers=args.workers, chroma=args.chroma) as urls:
            report = run_load(urls, questions, doc=_sample_doc(store), **options)  # type: ignore[arg-type]
    print(json.dumps(asdict(report), ensure_ascii=False, indent=2))
    print("\n" + HEADER)
    print(markdown(report))
    return 1 if report.n_errors or report.n_changed else 0


if __name__ == "__main__":
    sys.exit(main())
