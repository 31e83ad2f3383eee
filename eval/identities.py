"""The audit's identities over a document, each failure sorted into a printed error or a reading bug.

A document's own identities (合计 = its parts, 收入总计 = 支出总计, 基本 + 项目 = 合计, the prose
against the tables …) confirm a reading. A failing one is either an error printed in the document
(listed with its page in eval/printed_errors.toml) or a bug of our reading, to be fixed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from index.audit import audit
from index.ingest import Parsed

PRINTED_ERRORS = Path(__file__).with_name("printed_errors.toml")


@dataclass(frozen=True)
class PrintedError:
    file: str
    kind: str
    where: str  # words of the check's place
    what: str


@dataclass
class Identities:
    """How many identities of one document hold, and what the failing ones are."""

    checks: int = 0
    held: int = 0  # ok, or within the document's own rounding
    printed: list[str] = field(default_factory=list)  # failing, listed as printed errors
    bugs: list[str] = field(default_factory=list)  # failing, not listed: reading bugs until shown otherwise

    @property
    def share(self) -> float:
        """Identities that hold or are listed printed errors."""
        return (self.held + len(self.printed)) / self.checks if self.checks else 1.0


@cache
def printed_errors() -> tuple[PrintedError, ...]:
    data = tomllib.loads(PRINTED_ERRORS.read_text(encoding="utf-8"))
    return tuple(PrintedError(e["file"], e["kind"], e["where"], e["what"]) for e in data["error"])


def identities(name: str, parsed: Parsed) -> Identities:
    out = Identities()
    listed = [e for e in printed_errors() if e.file == name]
    for c in audit(parsed.disclosure, parsed.facts):
        out.checks += 1
        if c.status != "mismatch":
            out.held += 1
            continue
        line = f"{c.kind} {c.where}：应为 {c.expected}，实为 {c.found}"
        if any(e.kind == c.kind and e.where in c.where for e in listed):
            out.printed.append(line)
        else:
            out.bugs.append(line)
    return out
