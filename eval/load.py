"""Many people using the web page at once, through its API: throughput, latency, errors, changed answers.

    python -m eval.load [--users 20] [--seconds 60] [--upload FILE] [--url URL --doc ID | --store DIR]

With --store (default: a fresh temporary store) it starts `python app.py` on a free
loopback port, which ingests the bundled sample on first start, and stops it at the end.

Every user is a gradio_client session of its own. It works through the question
file's conversations (the `history` questions, then the question) on the `/chat`
endpoint, scoped to one document, for `--seconds`. Before the load, each
conversation is asked once by a single user; under load every answer must be the
same as that one: a different answer means a race, or history leaking between
sessions (follow-ups resolve against their own session's history only). With
--upload, one more user ingests that file through `/ingest` a third of the way in.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

from eval.runner import Question, load, percentile
from eval.scoring import passes

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "eval" / "questions.jsonl"

Signature = tuple[bool, Any, Any, str]  # refused, value, unit, text (text only for answers, not refusals)


@dataclass(kw_only=True)
class LoadReport:
    """What the run measured."""

    users: int
    seconds: float
    conversations: int  # conversations in the set (each a list of questions)
    requests: int = 0  # /chat calls completed
    errors: list[str] = field(default_factory=list)  # exceptions and error replies (first 20 kept)
    n_errors: int = 0
    changed: list[str] = field(default_factory=list)  # answers that differ from the single-user run (first 20)
    n_changed: int = 0
    accuracy: float = 0.0  # of the conversations' final answers under load, scored against the question file
    throughput: float = 0.0  # /chat requests per second, all users together
    latency_ms: dict[str, float] = field(default_factory=dict)  # p50, p95, max of one /chat call
    ingest: dict[str, Any] = field(default_factory=dict)  # the upload made during the load, if any


def signature(reply: dict[str, Any]) -> Signature:
    refused = bool(reply.get("refused"))
    return refused, reply.get("value"), reply.get("unit"), "" if refused else str(reply.get("text"))


def conversations(path: Path) -> list[Question]:
    """Every question of the file; those with `history` are the follow-ups."""
    return load(path)


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


def run_load(
    url: str,
    questions: list[Question],
    *,
    doc: str,
    users: int = 20,
    seconds: float = 60.0,
    upload: Path | None = None,
    auth: tuple[str, str] | None = None,
) -> LoadReport:
    """`users` concurrent sessions for `seconds`; answers compared with a single-user run first."""
    report = LoadReport(users=users, seconds=seconds, conversations=len(questions))
    solo = _client(url, auth)
    baseline = [signature(converse(solo, q, doc)) for q in questions]
    lock = threading.Lock()
    latencies: list[float] = []
    scored: list[bool] = []
    window = [0.0, 0.0]  # start, end of the measured time: set when every session is connected

    def begin() -> None:
        window[0] = time.monotonic()
        window[1] = window[0] + seconds

    start = threading.Barrier(users + (1 if upload else 0), action=begin, timeout=300)

    def note(kind: str, text: str) -> None:
        with lock:
            if kind == "error":
                report.n_errors += 1
                if len(report.errors) < 20:
                    report.errors.append(text)
            else:
                report.n_changed += 1
                if len(report.changed) < 20:
                    report.changed.append(text)

    def user(u: int) -> None:
        try:
            client = _client(url, auth)
        except Exception as e:  # the load runner reports every failure; it must not stop at the first
            note("error", f"用户 {u} 无法连接：{type(e).__name__}: {e}")
            start.wait()
            return
        start.wait()
        k = 0
        while time.monotonic() < window[1]:
            i = (u * 7 + k) % len(questions)
            k += 1
            q = questions[i]
            mine: list[float] = []
            try:
                reply = converse(client, q, doc, mine)
            except Exception as e:
                note("error", f"{q.id}：{type(e).__name__}: {e}")
                continue
            try:
                ok = passes(
                    q.expected.model_dump(exclude_none=True),
                    bool(reply.get("refused")),
                    str(reply.get("text", "")),
                    None if reply.get("value") is None else Decimal(str(reply["value"])),
                    reply.get("unit"),
                )
            except Exception as e:
                note("error", f"{q.id}：无法评分（{type(e).__name__}: {e}）")
                continue
            with lock:
                latencies.extend(mine)
                scored.append(ok)
            if reply.get("error"):
                note("error", f"{q.id}：{reply.get('text')}")
            elif signature(reply) != baseline[i]:
                note("changed", f"{q.id}「{q.question}」：{str(reply.get('text'))[:80]}")

    def uploader() -> None:
        assert upload is not None
        from gradio_client import handle_file

        try:
            client = _client(url, auth)
        except Exception as e:
            note("error", f"上传用户无法连接：{type(e).__name__}: {e}")
            start.wait()
            return
        start.wait()
        time.sleep(seconds / 3)
        t = time.perf_counter()
        try:
            message = client.predict(handle_file(str(upload)), api_name="/ingest")
        except Exception as e:
            message = f"⚠ {type(e).__name__}: {e}"
        report.ingest = {"file": upload.name, "message": message, "seconds": round(time.perf_counter() - t, 2)}
        if not str(message).startswith(("✓", "ℹ")):
            note("error", f"上传 {upload.name}：{message}")

    threads = [threading.Thread(target=user, args=(u,)) for u in range(users)]
    if upload:
        threads.append(threading.Thread(target=uploader))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.monotonic() - window[0]
    latencies.sort()
    report.requests = len(latencies)
    report.throughput = round(len(latencies) / elapsed, 1) if elapsed else 0.0
    report.accuracy = round(sum(scored) / len(scored), 4) if scored else 0.0
    if latencies:
        report.latency_ms = {
            "p50": round(percentile(latencies, 0.5), 1),
            "p95": round(percentile(latencies, 0.95), 1),
            "max": round(latencies[-1], 1),
        }
    return report


@contextmanager
def serving(store: Path, port: int, *extra: str) -> Iterator[str]:
    """`python app.py` on loopback for the duration; its URL."""
    log = (store.parent / f"app-{port}.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "--store", str(store), "--port", str(port), *extra],
        stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"app.py exited with {proc.returncode}; see {log.name}")
            try:
                if httpx.get(url, timeout=2).status_code in (200, 401):
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            raise RuntimeError(f"app.py did not answer within 180 s; see {log.name}")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sample_doc(store: Path) -> str:
    from index.store import Store

    with Store(store) as s:
        docs = s.documents()
    return docs[0].doc_id


def markdown(report: LoadReport) -> str:
    """The BENCHMARKS.md line."""
    lat = report.latency_ms
    return (
        f"| {report.users} | {report.seconds:.0f} s | {report.requests} | {report.throughput} | "
        f"{lat.get('p50', '–')} | {lat.get('p95', '–')} | {report.n_errors} | {report.n_changed} | "
        f"{report.accuracy:.2%} | {report.ingest.get('seconds', '–')} s |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.load", description="多用户同时通过网页接口提问的压力测试")
    parser.add_argument("--users", type=int, default=20, help="同时在线的用户数（默认 20）")
    parser.add_argument("--seconds", type=float, default=60, help="持续时间，秒（默认 60）")
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="问题文件（默认 eval/questions.jsonl）")
    parser.add_argument("--upload", type=Path, help="压测期间通过网页导入的文件")
    parser.add_argument("--url", help="已在运行的网页地址；不给则自动启动 app.py")
    parser.add_argument("--doc", help="限定提问范围的文件编号（与 --url 一起使用）")
    parser.add_argument("--store", type=Path, help="自动启动时使用的存储目录（默认新建临时目录）")
    parser.add_argument("--auth", help="登录账号 用户名:密码")
    args = parser.parse_args(argv)
    auth = tuple(args.auth.split(":", 1)) if args.auth else None
    questions = conversations(args.questions)
    if args.url:
        report = run_load(args.url, questions, doc=args.doc or "", users=args.users, seconds=args.seconds,
                          upload=args.upload, auth=auth)  # type: ignore[arg-type]  # fmt: skip
    else:
        store = args.store or Path(tempfile.mkdtemp(prefix="budgetqa-load-")) / "store"
        with serving(store, _free_port()) as url:
            report = run_load(url, questions, doc=_sample_doc(store), users=args.users, seconds=args.seconds,
                              upload=args.upload, auth=auth)  # type: ignore[arg-type]  # fmt: skip
    print(json.dumps(asdict(report), ensure_ascii=False, indent=2))
    print("\n| 用户 | 时长 | 请求 | 每秒请求 | p50 ms | p95 ms | 错误 | 答案变化 | 准确率 | 导入耗时 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(markdown(report))
    return 1 if report.n_errors or report.n_changed else 0


if __name__ == "__main__":
    sys.exit(main())
