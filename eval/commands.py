"""`budgetqa eval`, registered with the CLI (`assistant.commands.PLUGINS`): the evaluation harness, run on
the assistant."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from assistant.commands import Command, StoreEmpty
from assistant.errors import UsageError
from index.store import Store


def eval_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--questions", required=True, help="问题文件（JSON Lines，格式见 DESIGN.md）")
    parser.add_argument("--report", help="把 JSON 报告写到这个文件")
    parser.add_argument("--min-accuracy", type=float, help="准确率低于此值时退出码为 1")
    parser.add_argument(
        "--docs",
        nargs="+",
        metavar="PATH",
        help="在只含这些文件（或文件夹）的临时库上评测（默认：自带样例；给出 --store 时改用该库）",
    )


def run_eval(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    """On a temporary store of the files named by --docs (default: the sample), unless --store names one."""
    if args.store and args.docs:
        raise UsageError(
            "--docs 与 --store 不能同时使用：--store 在已有的库上评测，--docs 在只含这些文件的临时库上评测"
        )
    if args.store and not store.documents():
        raise StoreEmpty()
    store.close()
    from eval.report import SAMPLE, evaluate  # the harness loads the engine only now

    docs = None if args.store else [Path(p) for p in args.docs or [SAMPLE]]
    report = Path(args.report) if args.report else None
    return evaluate(args.settings, Path(args.questions), report, args.min_accuracy, out, docs)


def register_commands(add: Callable[[Command], None]) -> None:
    add(
        Command(
            name="eval", help="在问题集上评测准确率、数字核对和延迟", arguments=eval_arguments, run=run_eval, model=True
        )
    )
