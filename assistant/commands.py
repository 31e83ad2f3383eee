"""Sub-commands that other packages add to `budgetqa`: the CLI reads them from a registry instead of
importing the packages above it. A package lists a module in `PLUGINS` whose `register_commands(add)`
calls `add(Command(...))` once per sub-command; that module stays light (no gradio, no model): the
command's `run` imports what it needs when it runs."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from assistant.errors import AssistantError
from index.store import Store

# The modules whose `register_commands` adds sub-commands, in the order `budgetqa -h` lists them. Named,
# not imported: the CLI sits below the web layer and the evaluation harness, which sit on the assistant.
PLUGINS = ("eval.commands", "assistant.web.commands")


class StoreEmpty(AssistantError):
    def __str__(self) -> str:
        return "库中还没有文件，请先运行 budgetqa ingest 导入。"


@dataclass(frozen=True, kw_only=True)
class Command:
    """One sub-command of `budgetqa`."""

    name: str  # "serve"
    help: str  # one line in Chinese, shown by `budgetqa -h`
    arguments: Callable[[argparse.ArgumentParser], None]  # adds the command's own options to its parser
    run: Callable[[argparse.Namespace, Store, TextIO], int]  # the exit code; the store is open, `args.settings` set
    model: bool = False  # takes the --llm-* options of an optional language model


def plugin_commands(modules: tuple[str, ...] = PLUGINS) -> list[Command]:
    """The sub-commands the `modules` register, in their order."""
    found: list[Command] = []
    for name in modules:
        importlib.import_module(name).register_commands(found.append)
    return found
