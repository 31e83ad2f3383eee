"""Which rows a list or a ranking of one level reads, from the words that scope them: the classification asked
("按经济分类的款级科目": the rows coded in 经济分类, never the 功能分类 ones of the 支出总表), the fund (一般公共预算,
财政拨款) and the part (基本支出) of the table that prints them, and the one parent 科目 named ("“水利”款下面":
its children only, by code).

The words are data (assistant/measures.toml [row_scope])."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant import calculator as calc
from assistant.measures import _data
from assistant.subject_path import coded_names, written_names
from index.records import Fact

if TYPE_CHECKING:
    from assistant.turn import Turn


def _spec() -> dict[str, Any]:
    return dict(_data()["row_scope"])


def scheme_asked(question: str) -> str | None:
    """The classification of 科目 the question names (功能分类, 经济分类), or None; both named: None."""
    found = {scheme for word, scheme in _spec()["schemes"].items() if word in question}
    return found.pop() if len(found) == 1 else None


def of_part(kinds: dict[str | None, str], question: str) -> set[str | None]:
    """Of several tables (each with its kind) printing the rows asked, those of the fund the question names
    (一般公共预算: a general_public table), then of the part it names ("基本支出": a table kind of that part), else
    of no part."""
    funds = [token for word, token in _spec()["fund_kinds"].items() if word in question]
    if len(funds) == 1:
        kinds = {t: k for t, k in kinds.items() if k.startswith(funds[0])}
    parts = _spec()["part_kinds"]
    named = [kind for word, kind in parts.items() if word in question]
    return {
        t
        for t, k in kinds.items()
        if (named and named[0] in k) or (not named and not any(p in k for p in parts.values()))
    }


def one_per_code(rows: list[Fact]) -> list[Fact] | None:
    """One figure for each 科目 code of `rows` (a row printed again, on a page's repeat or in a second column of the
    same role, is one); None when a code is printed with two amounts (烟台审计局 表6 prints 30101 under 机关工资福利
    支出 and under 对事业单位经常性补助): which row is the 科目 asked is not read, and keeping one would drop the other
    silently."""
    out: dict[str | None, Fact] = {}
    for f in rows:
        if f.code in out and out[f.code].value != f.value:
            return None
        out.setdefault(f.code, f)
    return list(out.values())


def scheme_rows(facts: list[Fact], question: str, width: int, roles: list[str]) -> list[Fact] | None:
    """One figure for each 科目 of one level (`width`: its code length) coded in the classification the question
    names, from the one table of that classification its fund and part words leave, in the first of `roles`
    (else of [row_scope] columns) that table prints; None when the question names no classification, or no table or several are left."""
    scheme = scheme_asked(question)
    if scheme is None:
        return None
    cells = [
        f for f in facts
        if f.table and f.code_scheme == scheme and f.code and len(f.code) == width and f.unit in calc.MONEY
    ]  # fmt: skip
    tables = {f.table: f.table_kind or "" for f in cells}
    left = of_part(tables, question) if len(tables) > 1 else set(tables)
    if len(left) != 1:
        return None
    table = left.pop()
    for role in [*roles, *_spec()["columns"]]:
        rows = [f for f in cells if f.table == table and f.column_role == role]
        if rows:
            return one_per_code(rows)
    return None


def parent_named(engine: Turn, text: str, doc_id: str, kb: Any) -> tuple[str, set[str]] | None:
    """(the name, its codes) of the one 科目 `text` names once the departments' names are taken out ("“水利”款
    下面"), ("", set()) when it names none; None when it names several."""
    for alias in sorted(engine.understanding.named(text).values(), key=len, reverse=True):
        text = text.replace(alias, " " * len(alias))
    coded = coded_names(kb, [doc_id])
    whole = {n for _, _, n in written_names(text, coded)[1]}
    if len(whole) > 1:
        return None
    name = next(iter(whole), "")
    return name, coded.get(name, set())
