"""Settings: one frozen object, read from BUDGETQA_* environment variables in one place."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from index.errors import AssistantError


class BadSetting(AssistantError):
    def __init__(self, name: str, value: str, reason: str):
        super().__init__(name, value, reason)
        self.name, self.value, self.reason = name, value, reason

    def __str__(self) -> str:
        return f"环境变量 {self.name}={self.value!r} 无效：{self.reason}"


def _database(value: str | None) -> str | None:
    if not value:
        return None
    if not value.startswith(("postgresql://", "postgres://")):
        from index.db import redact

        raise BadSetting(
            "BUDGETQA_DATABASE_URL", redact(value), "应为 postgresql://用户:密码@主机:端口/数据库 形式的地址"
        )
    return value


def _port(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise BadSetting("BUDGETQA_CHROMA_PORT", value, "端口应为 1–65535 之间的整数")
    return int(value)


def _url(value: str | None) -> str | None:
    if not value:
        return None
    if not value.startswith(("http://", "https://")):
        raise BadSetting(
            "BUDGETQA_LLM_BASE_URL", value, "应为 http:// 或 https:// 开头的地址，例如 http://127.0.0.1:8000/v1"
        )
    return value.rstrip("/")


def _number(name: str, value: str | None, default: float, integer: bool = False) -> float:
    if not value:
        return default
    try:
        number = int(value) if integer else float(value)
    except ValueError:
        number = -1
    if number <= 0:
        raise BadSetting(name, value, "应为正数" if not integer else "应为正整数")
    return number


def _use(value: str | None) -> LlmUse:
    if not value:
        return "explain"
    if value not in LLM_USES:
        raise BadSetting("BUDGETQA_LLM_USE", value, "应为 " + " 或 ".join(LLM_USES))
    return value  # type: ignore[return-value]


LlmUse = Literal["refusals", "explain"]
LLM_USES: dict[str, str] = {
    "refusals": "只在规则引擎答不了（拒答）时请模型作答",
    "explain": "拒答时，以及解释、概括类问题，都请模型作答（默认）",
}


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Where the store lives and which models and servers the assistant uses."""

    store: Path = Path(".budgetqa")  # store folder: facts.sqlite and the embedded chromadb folder
    embed_model: str | None = None  # None: USE multilingual v3; else a sentence-transformers name or local path
    chroma_host: str | None = None  # set (with chroma_port) to use a chromadb server instead of the embedded one
    chroma_port: int | None = None
    database_url: str | None = None  # a PostgreSQL URL for the facts (several servers, one store); None: facts.sqlite
    auth: str | None = None  # web logins, one "user:pass" a line; None (and no auth_file): no login asked
    auth_file: Path | None = None  # a file of "user:pass" lines (owner-only permissions), used when auth is None
    # An optional language model behind an OpenAI-compatible endpoint (vLLM, Ollama, a cloud API). Unset: no
    # model is used and its client is never imported. Its answers are judged by the verifier like any other.
    llm_base_url: str | None = None  # "http://127.0.0.1:8000/v1"
    llm_model: str | None = None  # the name the endpoint serves, e.g. "Qwen2.5-7B-Instruct"
    llm_api_key: str | None = field(default=None, repr=False)  # never printed, logged or shown
    llm_use: LlmUse = "explain"  # which questions go to the model: see LLM_USES
    llm_timeout: float = 60.0  # seconds for one answer's whole exchange with the model, retries included
    llm_max_tool_calls: int = 8  # tool calls per answer
    llm_max_tokens: int = 8000  # tokens (prompt + completion, as the endpoint counts them) per answer
    llm_retries: int = 2  # retries of a failed request (connection, timeout, 429, 5xx), with back-off

    @property
    def llm(self) -> bool:
        """Whether a language model is configured."""
        return bool(self.llm_base_url)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then BUDGETQA_* variables, then explicit overrides (None means "not given")."""
        env = os.environ
        settings = cls(
            store=Path(env.get("BUDGETQA_STORE") or cls.store),
            embed_model=env.get("BUDGETQA_EMBED_MODEL") or None,
            chroma_host=env.get("BUDGETQA_CHROMA_HOST") or None,
            chroma_port=_port(env.get("BUDGETQA_CHROMA_PORT")),
            database_url=_database(env.get("BUDGETQA_DATABASE_URL")),
            auth=env.get("BUDGETQA_AUTH", "").replace(",", "\n") or None,  # "user:pass,user2:pass2"
            auth_file=Path(env["BUDGETQA_AUTH_FILE"]) if env.get("BUDGETQA_AUTH_FILE") else None,
            llm_base_url=_url(env.get("BUDGETQA_LLM_BASE_URL")),
            llm_model=env.get("BUDGETQA_LLM_MODEL") or None,
            llm_api_key=env.get("BUDGETQA_LLM_API_KEY") or None,
            llm_use=_use(env.get("BUDGETQA_LLM_USE")),
            llm_timeout=_number("BUDGETQA_LLM_TIMEOUT", env.get("BUDGETQA_LLM_TIMEOUT"), cls.llm_timeout),
            llm_max_tool_calls=int(
                _number("BUDGETQA_LLM_MAX_TOOL_CALLS", env.get("BUDGETQA_LLM_MAX_TOOL_CALLS"), 8, integer=True)
            ),
            llm_max_tokens=int(
                _number("BUDGETQA_LLM_MAX_TOKENS", env.get("BUDGETQA_LLM_MAX_TOKENS"), 8000, integer=True)
            ),
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **given)  # type: ignore[arg-type]

    def child_env(self) -> dict[str, str]:
        """The environment for a worker process: this one's, with the language model's settings (the key
        goes by environment, never on a command line that `ps` shows)."""
        env = dict(os.environ)
        if self.llm_base_url:
            values = {
                "BUDGETQA_LLM_BASE_URL": self.llm_base_url, "BUDGETQA_LLM_MODEL": self.llm_model or "",
                "BUDGETQA_LLM_API_KEY": self.llm_api_key or "", "BUDGETQA_LLM_USE": self.llm_use,
                "BUDGETQA_LLM_TIMEOUT": f"{self.llm_timeout:g}",
            }  # fmt: skip
            env.update({k: v for k, v in values.items() if v})
        return env


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"“{text}”不是正数")
    return value


def add_llm_arguments(parser: argparse.ArgumentParser) -> None:
    """The language-model options of `ask`, `eval`, `serve` and `python app.py` (each also a BUDGETQA_LLM_* variable)."""
    group = parser.add_argument_group("语言模型（可选；不设置则不使用）")
    group.add_argument(
        "--llm-base-url",
        metavar="URL",
        help="OpenAI 兼容服务的地址，如 http://127.0.0.1:8000/v1（或 BUDGETQA_LLM_BASE_URL）",
    )
    group.add_argument(
        "--llm-model", metavar="名称", help="模型名称（或 BUDGETQA_LLM_MODEL；不设置时用服务提供的第一个模型）"
    )
    group.add_argument(
        "--llm-api-key",
        metavar="密钥",
        help="密钥（建议改用环境变量 BUDGETQA_LLM_API_KEY：命令行参数别人用 ps 能看到）",
    )
    group.add_argument("--llm-use", choices=list(LLM_USES), help="；".join(f"{k}：{v}" for k, v in LLM_USES.items()))
    group.add_argument("--llm-timeout", type=_seconds, metavar="秒", help="每个回答与模型交互的总时限（默认 60 秒）")


def llm_overrides(args: argparse.Namespace) -> dict[str, object]:
    """The --llm-* options given (None for those not given), as `Settings.from_env` overrides."""
    url = getattr(args, "llm_base_url", None)
    return {
        "llm_base_url": _url(url) if url else None, "llm_model": getattr(args, "llm_model", None),
        "llm_api_key": getattr(args, "llm_api_key", None), "llm_use": getattr(args, "llm_use", None),
        "llm_timeout": getattr(args, "llm_timeout", None),
    }  # fmt: skip
