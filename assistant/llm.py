"""The client of an OpenAI-compatible chat endpoint (vLLM, Ollama, a cloud API), bounded and retried.

Imported only when a model is configured (`Settings.llm`). One answer's whole
exchange shares one deadline: every request's timeout is what is left of it, and
a failed request (no connection, timeout, 429, 5xx) is retried with back-off only
while time remains. The API key goes to the endpoint in its header and nowhere
else: not into logs, errors or answers.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import openai

from assistant.config import Settings
from index.errors import INFRASTRUCTURE, AssistantError

log = logging.getLogger(__name__)

BACKOFF = 0.5  # seconds before the first retry; doubled before each next one


class ModelUnavailable(AssistantError):
    """The model could not be reached or did not answer usably; said in Chinese, never with the key."""

    exit_code = INFRASTRUCTURE
    http_status = 503

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return f"语言模型暂时不可用：{self.reason}"


@dataclass(frozen=True, kw_only=True)
class Call:
    """A tool the model asked for: its name and arguments as it wrote them (JSON text, maybe malformed)."""

    id: str
    name: str
    arguments: str


@dataclass(frozen=True, kw_only=True)
class Reply:
    """One reply of the model: text, tool calls, or both."""

    text: str
    calls: tuple[Call, ...] = ()
    tokens: int = 0  # prompt + completion tokens, as the endpoint reports them (0 if it does not)
    raw: dict[str, Any] = field(default_factory=dict)  # the assistant message, to send back in the next request


class Deadline:
    """The time left for one answer's exchange with the model."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()


class Client:
    """Chat completions with tools, one deadline per answer."""

    def __init__(self, settings: Settings):
        self.settings = settings
        try:
            self._client = openai.OpenAI(
                base_url=settings.llm_base_url,
                api_key=settings.llm_api_key or "none",  # local endpoints take any key; the client insists on one
                max_retries=0,  # retried here, within the answer's deadline
            )
        except (openai.OpenAIError, ValueError, ImportError, httpx.InvalidURL) as e:  # a bad URL or proxy setting
            raise ModelUnavailable(f"无法创建客户端（{type(e).__name__}）") from e
        self._model = settings.llm_model

    def resolve(self, deadline: Deadline) -> str:
        """The configured model, or the endpoint's first served model when none is configured (asked once,
        within the answer's deadline)."""
        if self._model is None:
            try:
                served = [m.id for m in self._client.models.list(timeout=max(0.1, min(10.0, deadline.left())))]
            except openai.OpenAIError as e:
                raise ModelUnavailable(_reason(e)) from None
            if not served:
                raise ModelUnavailable("服务没有提供任何模型，请设置 BUDGETQA_LLM_MODEL")
            self._model = served[0]
        return self._model

    def chat(
        self,
        messages: list[dict[str, Any]],
        tools: list[dict[str, Any]],
        deadline: Deadline,
        max_tokens: int,
        use_tools: bool = True,
    ) -> Reply:
        """One reply; retried with back-off on failures worth retrying, while the deadline allows."""
        attempt, wait = 0, BACKOFF
        while True:
            left = deadline.left()
            if left <= 0.05:
                raise ModelUnavailable(f"超过 {self.settings.llm_timeout:g} 秒仍未答完")
            started = time.perf_counter()
            try:
                response = self._client.chat.completions.create(  # type: ignore[call-overload]
                    model=self.resolve(deadline),
                    messages=messages,
                    tools=tools,
                    tool_choice="auto" if use_tools else "none",
                    temperature=0,
                    max_tokens=max_tokens,
                    timeout=left,
                )
            except (openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError) as e:
                attempt += 1
                log.warning("model request failed (%s), attempt %d", type(e).__name__, attempt)
                if attempt > self.settings.llm_retries or deadline.left() <= wait:
                    raise ModelUnavailable(_reason(e)) from None
                time.sleep(wait)
                wait *= 2
                continue
            except openai.OpenAIError as e:  # 4xx, a body that is not JSON: retrying would not help
                raise ModelUnavailable(_reason(e)) from None
            except (json.JSONDecodeError, ValueError) as e:  # some client versions let a broken body through
                raise ModelUnavailable("服务返回的内容无法解析") from e
            log.info("model replied in %.0f ms", (time.perf_counter() - started) * 1000)
            return _reply(response)


def _reply(response: Any) -> Reply:
    """The first choice of a completion, or ModelUnavailable when it has none (a malformed reply)."""
    choices = getattr(response, "choices", None)
    if not choices or getattr(choices[0], "message", None) is None:
        raise ModelUnavailable("服务返回的内容无法解析")
    message = choices[0].message
    calls = tuple(
        Call(id=c.id or f"call_{n}", name=c.function.name or "", arguments=c.function.arguments or "")
        for n, c in enumerate(message.tool_calls or ())
        if getattr(c, "function", None) is not None
    )
    usage = getattr(response, "usage", None)
    tokens = int(getattr(usage, "total_tokens", 0) or 0) if usage else 0
    raw: dict[str, Any] = {"role": "assistant", "content": message.content or ""}
    if calls:
        raw["tool_calls"] = [
            {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": c.arguments}} for c in calls
        ]
    return Reply(text=message.content or "", calls=calls, tokens=tokens, raw=raw)


def _reason(e: Exception) -> str:
    """Why a request failed, in Chinese; the endpoint's own message is not repeated (it may echo the key)."""
    if isinstance(e, openai.APITimeoutError):
        return "请求超时"
    if isinstance(e, openai.APIConnectionError):
        return "无法连接到模型服务，请检查 BUDGETQA_LLM_BASE_URL 与网络"
    if isinstance(e, openai.AuthenticationError):
        return "模型服务拒绝了密钥（401），请检查 BUDGETQA_LLM_API_KEY"
    if isinstance(e, openai.NotFoundError):
        return "模型服务没有这个地址或模型（404），请检查 BUDGETQA_LLM_BASE_URL 与 BUDGETQA_LLM_MODEL"
    if isinstance(e, openai.RateLimitError):
        return "模型服务繁忙（429），重试后仍未成功"
    if isinstance(e, openai.APIStatusError):
        return f"模型服务出错（HTTP {e.status_code}）"
    if isinstance(e, openai.APIResponseValidationError):
        return "服务返回的内容无法解析"
    return "模型服务出错"
