"""The server process: the page and the JSON API on one FastAPI app, served by uvicorn; and several such
processes (`--workers N`) on consecutive ports sharing one store. `python app.py` and `budgetqa serve`
both start here.

    python app.py [--host 127.0.0.1] [--port 7860] [--store DIR] [--auth USER:PASS] [--auth-file FILE]
                  [--workers N]                                        (same as: budgetqa serve)

On first start with an empty store it ingests the bundled disclosures in data/.
It listens on 127.0.0.1 unless told otherwise, never makes a public share link,
and asks for a login when accounts are given (--auth, --auth-file, or the
BUDGETQA_AUTH / BUDGETQA_AUTH_FILE environment variables).
"""

from __future__ import annotations

import argparse
import logging
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from assistant.config import Settings, add_llm_arguments, llm_overrides
from assistant.errors import AssistantError, exit_code
from assistant.web.access import accounts, add_serve_arguments, is_loopback
from assistant.web.api import create_app
from assistant.web.page import build, launch_options
from assistant.web.service import Service, ensure_documents

log = logging.getLogger("budgetqa.app")
APP = Path(__file__).resolve().parents[2] / "app.py"  # the entry point, started once per worker
CONCURRENCY = 4  # answers run on this many worker threads; more sessions wait in gradio's queue


def serve(
    host: str = "127.0.0.1",
    port: int = 7860,
    store: str | None = None,
    auth: Sequence[str] | None = None,
    auth_file: str | None = None,
    workers: int = 1,
    llm: Mapping[str, object] | None = None,
) -> None:
    """Ingest the bundled sample on first start, then serve the page and the JSON API;
    with `workers` > 1, that many processes on consecutive ports share the store. `llm`: the --llm-*
    options given (`assistant.config.llm_overrides`)."""
    settings = Settings.from_env(
        store=Path(store) if store else None,
        auth="\n".join(auth) if auth else None,
        auth_file=Path(auth_file) if auth_file else None,
        **(llm or {}),
    )
    logins = accounts(settings)
    if not logins and not is_loopback(host):
        print(
            f"⚠ 正在监听 {host}，网络上的任何人都能访问且无需登录；请用 --auth 或 --auth-file 设置账号。",
            file=sys.stderr,
        )
    if workers > 1:
        check_shared(settings)  # before the first-start ingest: its vectors must go to the shared server
        ensure_documents(settings)  # once, before the workers start
        sys.exit(supervise(workers, host, port, settings, auth or (), auth_file))
    ensure_documents(settings)
    _one_blas_thread()
    service = Service(settings)
    page = build(service).queue(default_concurrency_limit=CONCURRENCY)
    app = create_app(service, page, launch_options(host, port, logins), logins)
    print(f"预算公开问答助手已启动：http://{host}:{port}" + ("（需要登录）" if logins else ""), file=sys.stderr)
    run(app, host, port)


def _one_blas_thread() -> None:
    """Answers run on several threads (and workers on both cores); OpenBLAS's own threads under each
    query embedding oversubscribe the cores: on this 2-core machine a query vector took ~3× longer."""
    try:
        from threadpoolctl import threadpool_limits  # installed with sentence-transformers' scikit-learn
    except ImportError:
        return
    threadpool_limits(1)


class ServeError(AssistantError):
    """Serving options that cannot work together."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def run(app: FastAPI, host: str, port: int) -> None:
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def check_shared(settings: Settings) -> None:
    """Several processes may share the SQLite file, but not an embedded chromadb folder."""
    if not (settings.chroma_host and settings.chroma_port):
        raise ServeError(
            "多个工作进程须共用一个 chromadb 服务器（嵌入式 chromadb 不能由多个进程同时使用）："
            "先运行 chroma run --path 向量目录 --host 127.0.0.1 --port 8000，"
            "再设置 BUDGETQA_CHROMA_HOST=127.0.0.1 BUDGETQA_CHROMA_PORT=8000 后启动。"
        )


def supervise(
    workers: int, host: str, port: int, settings: Settings, auth: Sequence[str], auth_file: str | None
) -> int:
    """`python app.py` on ports port … port+workers-1, all on the same store; stops them all when one
    stops or on SIGTERM/SIGINT. The exit code: 0 when stopped, 1 when a worker exited by itself."""
    commands = []
    for i in range(workers):
        command = [
            sys.executable,
            "-m",
            "assistant.web.server",
            "--host",
            host,
            "--port",
            str(port + i),
            "--store",
            str(settings.store),
        ]
        command += [arg for a in auth for arg in ("--auth", a)] + (["--auth-file", auth_file] if auth_file else [])
        commands.append(command)
    procs = [subprocess.Popen(c, env=settings.child_env()) for c in commands]  # the model's settings go by environment
    urls = "、".join(f"http://{host}:{port + i}" for i in range(workers))
    print(f"{workers} 个工作进程共用存储 {settings.store}：{urls}", file=sys.stderr)

    def stop(signum: int, _: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    code = 0
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
        code = 1
        print("⚠ 有工作进程已退出，正在停止其余的工作进程。", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
    return code


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="预算公开问答助手（网页版）")
    add_serve_arguments(parser)
    parser.add_argument(
        "--workers", type=int, default=1, help="工作进程数（默认 1；多于 1 个时须设置 chromadb 服务器）"
    )
    parser.add_argument("--store", help="存储目录（默认读取 BUDGETQA_STORE，否则为 ./.budgetqa）")
    add_llm_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import (one line per index)

    def run() -> int:
        serve(args.host, args.port, args.store, args.auth, args.auth_file, args.workers, llm_overrides(args))
        return 0

    sys.exit(exit_code(run, "app"))


if __name__ == "__main__":
    main()
