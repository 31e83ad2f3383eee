"""The audit of one stored document, as rows for display."""

from __future__ import annotations

from decimal import Decimal

from assistant.config import Settings
from index.audit import audit
from index.ingest import reparse
from index.numbers import format_amount
from index.store import Store

STATUS = {"ok": "✓ 一致", "rounding": "≈ 尾数误差", "mismatch": "✗ 不一致"}


def audit_rows(settings: Settings, doc_id: str) -> tuple[str, list[list[str]]]:
    """(summary sentence, rows: kind, where, expected, found, difference, status), problems first."""
    with Store(settings.store, settings.database_url) as store:
        parsed = reparse(store, doc_id)
    checks = audit(parsed.disclosure, parsed.facts)

    def show(v: Decimal | str | None) -> str:
        return format_amount(v) if isinstance(v, Decimal) else (v or "")

    counts = {s: sum(1 for c in checks if c.status == s) for s in STATUS}
    summary = (
        f"**{parsed.disclosure.title}**：共 {len(checks)} 项核对，一致 {counts['ok']}，"
        f"尾数误差 {counts['rounding']}，不一致 {counts['mismatch']}。"
    )
    summary += "".join(f"\n\n⚠ {w}" for w in parsed.disclosure.warnings)
    order = {"mismatch": 0, "rounding": 1, "ok": 2}
    rows = [
        [c.kind, c.where, show(c.expected), show(c.found), show(c.difference), STATUS[c.status]]
        for c in sorted(checks, key=lambda c: order[c.status])
    ]
    return summary, rows
