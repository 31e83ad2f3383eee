"""Who may use the web page: accounts from --auth / --auth-file (or BUDGETQA_AUTH / BUDGETQA_AUTH_FILE)."""

from __future__ import annotations

import argparse
import hmac
import ipaddress
import stat
from dataclasses import dataclass

from assistant.config import Settings
from index.errors import AssistantError


class BadAccount(AssistantError):
    """An account list that cannot be used."""

    def __init__(self, where: str, reason: str):
        super().__init__(where, reason)
        self.where, self.reason = where, reason

    def __str__(self) -> str:
        return f"账号设置有误（{self.where}）：{self.reason}"


@dataclass(frozen=True, kw_only=True)
class Accounts:
    """User name → password; checked in constant time."""

    passwords: dict[str, str]

    def check(self, user: str, password: str) -> bool:
        expected = self.passwords.get(user)
        # compare even for unknown users, so the time taken does not tell which names exist
        ok = hmac.compare_digest((expected or "\0").encode("utf-8"), password.encode("utf-8"))
        return expected is not None and ok


def parse_accounts(text: str, where: str) -> Accounts:
    """`user:password` entries, one per line; `#` starts a comment line. The password is everything
    after the first colon, commas included."""
    passwords: dict[str, str] = {}
    entries = [line.strip() for line in text.splitlines() if not line.lstrip().startswith("#")]
    for n, entry in enumerate(filter(None, entries), start=1):
        user, sep, password = entry.partition(":")
        if not sep or not user.strip() or not password:
            raise BadAccount(where, f"第 {n} 个账号应写成 用户名:密码")  # the entry itself may hold a password
        if user.strip() in passwords:
            raise BadAccount(where, f"用户名“{user.strip()}”出现了两次")
        passwords[user.strip()] = password
    if not passwords:
        raise BadAccount(where, "没有任何账号")
    return Accounts(passwords=passwords)


def accounts(settings: Settings) -> Accounts | None:
    """The accounts configured, or None when the page is open to whoever can reach it."""
    if settings.auth:
        return parse_accounts(settings.auth, "--auth / BUDGETQA_AUTH")
    if settings.auth_file:
        path = settings.auth_file
        try:
            text = path.read_text(encoding="utf-8")
            mode = path.stat().st_mode
        except (OSError, UnicodeDecodeError) as e:
            raise BadAccount(str(path), f"无法读取（{getattr(e, 'strerror', None) or e}）") from e
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise BadAccount(str(path), f"文件里是明文密码，只能由所有者读写，请先运行 chmod 600 {path}")
        return parse_accounts(text, str(path))
    return None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """The serving options, shared by `python app.py` and `budgetqa serve`."""
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，只允许本机访问）")
    parser.add_argument("--port", type=int, default=7860, help="端口（默认 7860）")
    parser.add_argument(
        "--auth", action="append", metavar="用户名:密码", help="开启登录（可重复；也可用环境变量 BUDGETQA_AUTH）"
    )
    parser.add_argument(
        "--auth-file", metavar="文件", help="账号文件，每行 用户名:密码，权限须为 600（或 BUDGETQA_AUTH_FILE）"
    )
