"""The row of a 汇总 document's per-unit table that prints the department's own office (本级).

A 部门预算 adding up its units prints, in its 收入总表 and 支出总表, a row for the department (the whole) and a
row for each unit, the department's own office among them. The office's row is written two ways: with its
accounts in its name (无锡市人社局 表2 "309001 无锡市人力资源和社会保障局（本级）"), or with the department's bare
name under a unit code that extends the whole's (西安市民政局 表2: "241 西安市民政局" the whole, "241001
西安市民政局" its office). Either is the 本级 figure; the whole's row never is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant import scope
from index.records import DocumentInfo, Fact


def _names(doc: DocumentInfo) -> tuple[str, ...]:
    return (doc.department, *doc.aliases)


def own_codes(facts: Iterable[Fact], doc: DocumentInfo) -> set[tuple[str | None, str]]:
    """(table, code) of each row printed with the department's bare name under a code that extends the code of
    another row of that name in the same table (241001 under 241): the office's row of a per-unit table."""
    named = [f for f in facts if f.table and f.code and f.row in _names(doc)]
    codes = {(f.table, f.row, f.code) for f in named}
    return {
        (table, code)
        for table, row, code in codes
        if code
        and any(t == table and r == row and c and len(c) < len(code) and code.startswith(c) for t, r, c in codes)
    }


def is_own_level(f: Fact, doc: DocumentInfo, own: set[tuple[str | None, str]]) -> bool:
    """Whether `f` is printed in the row of the department's own office (`own`: `own_codes` of its document)."""
    if "本级" in f.row and any(f.row.startswith(name) for name in _names(doc)):
        return True
    return bool(f.code) and (f.table, f.code or "") in own


def own_label(f: Fact, doc: DocumentInfo) -> str:
    """The row as the answer names it: the office's bare-name row gets its accounts ("西安市民政局（本级）")."""
    return f"{f.row}（本级）" if f.row in _names(doc) and "本级" not in f.row else f.row


def names_office(name: str, doc: DocumentInfo) -> bool:
    """Whether a part a question names is the department's own office and nothing else: 本级, 局本级, 人社局本级,
    局机关本身 (the words of assistant/scope.toml's 本级 accounts, after at most the department's name)."""
    if scope.asked(name) != {scope.OFFICE}:
        return False
    rest = name
    for n in sorted(_names(doc), key=len, reverse=True):
        rest = rest.replace(n, "")
    return re.fullmatch(scope.office_pattern(), rest) is not None


def office_rows(facts: Iterable[Fact], doc: DocumentInfo) -> list[Fact]:
    """The figures of the office's row in the document's per-unit tables."""
    facts = list(facts)
    own = own_codes(facts, doc)
    return [f for f in facts if f.table and is_own_level(f, doc, own)]
