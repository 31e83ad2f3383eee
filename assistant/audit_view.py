"""The audit of one stored document, as rows for display: problems first, each said in a sentence."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files

from assistant.config import Settings
from index.audit import audit
from index.ingest import reparse
from index.numbers import format_amount
from index.records import Check
from index.store import Store

STATUS = {"ok": "✓ 一致", "rounding": "≈ 尾数误差", "mismatch": "✗ 不一致"}
HEADERS = ["结果", "说明", "类别", "位置", "应为", "核得", "差额"]
ORDER = {"mismatch": 0, "rounding": 1, "ok": 2}


@dataclass(frozen=True)
class Words:
    """How a kind of check names its two figures (audit_view.toml)."""

    expected: str
    found: str
    unit: str = ""


@cache
def words() -> tuple[Words, dict[str, Words]]:
    """The default words and those of each kind of check."""
    data = tomllib.loads(files("assistant").joinpath("audit_view.toml").read_text(encoding="utf-8"))
    return Words(**data["default"]), {kind: Words(**w) for kind, w in data["kind"].items()}


def _shown(v: Decimal | str | None) -> str:
    return format_amount(v) if isinstance(v, Decimal) else (v or "")


def sentence(c: Check) -> str:
    """The check in one sentence: "文字说明写 441.25 万元，表格为 220.63 万元".'"""
    default, by_kind = words()
    w = by_kind.get(c.kind, default)
    unit = w.unit or c.unit

    def said(v: Decimal | str) -> str:
        if not isinstance(v, Decimal):
            return v
        return f"{_shown(v)}{unit}" if unit == "%" else f"{_shown(v)} {unit}".rstrip()

    text = f"{w.expected} {said(c.expected)}，{w.found} {said(c.found)}"
    if c.status != "ok" and c.difference is not None:
        text += f"，相差 {said(abs(c.difference))}"
    return text + "。"


def audit_rows(settings: Settings, doc_id: str) -> tuple[str, list[list[str]]]:
    """(summary sentence, rows as in HEADERS), problems first."""
    with Store(settings.store, settings.database_url) as store:
        parsed = reparse(store, doc_id)
    checks = audit(parsed.disclosure, parsed.facts)
    counts = {s: sum(1 for c in checks if c.status == s) for s in STATUS}
    summary = (
        f"**{parsed.disclosure.title}**：共 {len(checks)} 项核对，一致 {counts['ok']}，"
        f"尾数误差 {counts['rounding']}，不一致 {counts['mismatch']}。"
    )
    summary += "".join(f"\n\n⚠ {w}" for w in parsed.disclosure.warnings)
    rows = [
        [STATUS[c.status], sentence(c), c.kind, c.where, _shown(c.expected), _shown(c.found), _shown(c.difference)]
        for c in sorted(checks, key=lambda c: ORDER[c.status])
    ]
    return summary, rows
