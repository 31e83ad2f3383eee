"""Settings: one frozen object, read from BUDGETQA_* environment variables in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

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
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **given)  # type: ignore[arg-type]
