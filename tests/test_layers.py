"""The layering as a checked contract: `lint-imports` reads the contracts in pyproject.toml (tests → eval →
web and CLI → assistant → index, no import circle, eval imports nothing from tests); and the CLI finds
the commands of the layers above it by registration, without loading them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from assistant.commands import plugin_commands
from tests.conftest import ROOT


def lint_imports() -> str:
    """The `lint-imports` beside this Python (the test extras install it), else the one on PATH."""
    beside = Path(sys.executable).parent / "lint-imports"
    return str(beside) if beside.exists() else (shutil.which("lint-imports") or "lint-imports")


def test_import_contracts_are_kept() -> None:
    done = subprocess.run([lint_imports()], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_cli_finds_serve_and_eval_by_registration() -> None:
    commands = plugin_commands()
    assert [c.name for c in commands] == ["eval", "serve"]
    assert all(c.model for c in commands)  # both take the --llm-* options


def test_cli_loads_neither_the_page_nor_the_harness_until_run() -> None:
    """`budgetqa ask` starts without gradio: the registered modules import it only when `serve` runs."""
    code = (
        "import sys; from assistant.cli import build_parser; build_parser().parse_args(['serve', '--port', '1']); "
        "print(sorted(m for m in ('gradio', 'eval.report', 'assistant.web.server') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
