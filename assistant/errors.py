"""Expected failures, shown to the user as one Chinese sentence (the family is defined in `index.errors`,
with its exit codes), and the command-line boundary that turns them into a message and an exit code."""

from __future__ import annotations

import logging
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from index.errors import (
    INFRASTRUCTURE,
    USAGE,
    USER,
    AssistantError,
    DocumentNotFound,
    NotADisclosure,
    StoreError,
    UnreadableDocument,
    UsageError,
)

INTERNAL_ERROR = "系统内部错误，请稍后再试。"

log = logging.getLogger("budgetqa.crash")
log.propagate = False  # a bug's traceback goes to the log file only, never to the user's terminal

__all__ = [
    "INFRASTRUCTURE", "INTERNAL_ERROR", "USAGE", "USER", "AssistantError", "DocumentNotFound", "NotADisclosure",
    "StoreError", "UnreadableDocument", "UsageError", "exit_code",
]  # fmt: skip


def exit_code(run: Callable[[], int], what: str) -> int:
    """The boundary of a process started from the command line (`budgetqa …`, `python app.py`): run it and
    return its exit code. A member of the family prints its Chinese sentence to stderr and exits with its
    `exit_code`; anything else is a bug: its traceback goes to a log file, the user reads INTERNAL_ERROR
    and where the details are (exit 1)."""
    try:
        return run()
    except AssistantError as e:
        print(str(e), file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:  # output piped into head/less that closed early
        return 0
    except Exception:  # the boundary: an unexpected bug, never a traceback to the user
        logfile = Path(tempfile.gettempdir()) / "budgetqa-error.log"
        handler = logging.FileHandler(logfile, encoding="utf-8")
        log.addHandler(handler)
        try:
            log.exception("%s failed", what)
        finally:
            log.removeHandler(handler)
            handler.close()
        print(f"{INTERNAL_ERROR}（详情已记录在 {logfile}）", file=sys.stderr)
        return USER
