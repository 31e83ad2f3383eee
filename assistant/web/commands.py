"""`budgetqa serve`, registered with the CLI (`assistant.commands.PLUGINS`); gradio is imported only when
it runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from assistant.commands import Command
from assistant.config import llm_overrides
from assistant.web.access import add_serve_arguments
from index.store import Store


def serve_arguments(parser: argparse.ArgumentParser) -> None:
    add_serve_arguments(parser)
    parser.add_argument(
        "--workers", type=int, default=1, help="工作进程数（默认 1；多于 1 个时须设置 chromadb 服务器）"
    )


def run_serve(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    store.close()
    from assistant.web.server import serve  # gradio and the page load only now

    serve(args.host, args.port, str(args.settings.store), args.auth, args.auth_file, args.workers, llm_overrides(args))
    return 0


def register_commands(add: Callable[[Command], None]) -> None:
    add(
        Command(
            name="serve",
            help="启动网页版问答和 JSON 接口（同 python app.py）；库为空时先导入自带样例",
            arguments=serve_arguments,
            run=run_serve,
            model=True,
        )
    )
