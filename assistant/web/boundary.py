"""The page's error boundary: a handler's expected failure becomes its Chinese sentence, shown where the
user looks for the result; anything else is logged with its traceback and shown as the generic sentence."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from assistant.errors import INTERNAL_ERROR, AssistantError

log = logging.getLogger("budgetqa.web")
Handler = TypeVar("Handler", bound=Callable[..., Any])
OnError = Callable[[str, Sequence[Any]], Any]  # (the Chinese message, the handler's arguments) → its outputs


def as_text(message: str, args: Sequence[Any]) -> str:
    """The outputs of a handler with one text output."""
    return f"⚠ {message}"


def guarded(on_error: OnError = as_text) -> Callable[[Handler], Handler]:
    """Run the handler; on a failure, return `on_error(message, args)`: the handler's outputs carrying the
    message."""

    def wrap(fn: Handler) -> Handler:
        @functools.wraps(fn)  # gradio reads the signature to wire inputs and the API
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except AssistantError as e:
                return on_error(str(e), args)
            except Exception:
                log.exception("handler %s failed", fn.__name__)
                return on_error(INTERNAL_ERROR, args)

        return wrapper  # type: ignore[return-value]

    return wrap
