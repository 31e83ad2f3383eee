"""A list of rows over a threshold: "万里街道2024年支出超过1000万元的项级科目有哪些" lists the 科目 of one level
(项: seven-digit codes) of one table of the department's one document (the 支出总表, or the table a fund word
asks), in one column (its 合计, or the 基本支出/项目支出 column asked), whose printed amount is over the amount
asked (converted exactly between 元/万元/亿元), each line cited. Anything less sure (no level named, several
documents, no such table) is None: left to the engine, which refuses naming the threshold.

The words are data (assistant/measures.toml [threshold])."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from assistant import calculator as calc
from assistant.draft import cited, fmt, where
from assistant.measures import _data
from assistant.records import Answer, Citation, Figure
from assistant.row_scope import one_per_code, parent_named, scheme_asked, scheme_rows
from assistant.subject_path import under
from index.normal import to_decimal
from index.records import DocumentInfo, Fact

if TYPE_CHECKING:
    from assistant.turn import Turn


PROJECTS = 0  # the level "projects": the rows of a section's table of projects, no 科目 code
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def _spec() -> dict[str, Any]:
    return dict(_data()["threshold"])


def asked(question: str) -> tuple[str, str, Decimal, str, int] | None:
    """(the comparison as written, its operator, the amount, its unit, the code length of the level listed) of a
    question asking the rows over an amount; None when it asks no list of one 科目 level over one amount."""
    spec = _spec()
    found = list(re.finditer(spec["pattern"], question))
    if len(found) != 1 or not re.search(spec["list_words"], question):
        return None
    m = found[0]
    if m.group("op") in spec["needs_above"] and not m.group("above"):
        return None  # "在1000万元" says no direction without 以上
    levels = [n for word, n in spec["levels"].items() if re.search(rf"{word}级(?:科目)?|{word}科目", question)]
    if not levels and re.search(spec["projects"], question):
        levels = [PROJECTS]
    if len(levels) != 1:
        return None
    op = ">=" if m.group("op") in spec["at_least"] or m.group("above") else ">"
    return m.group(0), op, to_decimal(m.group("number")), m.group("unit"), int(levels[0])


def level_word(length: int) -> str:
    """The name of the level a list asks ("项级科目" for a code of 7 digits, "项目" for projects)."""
    if length == PROJECTS:
        return "项目"
    return next((f"{word}级科目" for word, n in _spec()["levels"].items() if int(n) == length), "科目")


def _table_kind(question: str) -> str:
    spec = _spec()
    return next((kind for word, kind in spec["tables"].items() if word in question), spec["default_table"])


def totals() -> tuple[str, ...]:
    """The column roles of a table's total (合计, 本年支出合计)."""
    return tuple(_spec()["totals"])


def column_roles(question: str) -> list[str]:
    """The column roles a question's rows are read in, first found first: the 基本支出/项目支出 column asked,
    else a table's total (合计 of a 预算's tables, 本年支出合计 of a 决算's)."""
    asked = [role for word, role in _spec()["columns"].items() if word in question]
    return asked[:1] or list(totals())


def one_document(engine: Turn, question: str, doc_id: str | None) -> DocumentInfo | None:
    """The one document a question about one department's rows asks (its year, if it names one), or None."""
    docs = engine.understanding.documents(question, [], doc_id, None)
    years = {int(y) for y in _YEAR.findall(question)}
    docs = [d for d in docs if d in engine.kb.docs and (not years or engine.kb.docs[d].year in years)]
    return engine.kb.docs[docs[0]] if len(docs) == 1 else None


def level_rows(facts: list[Fact], question: str, width: int) -> list[Fact] | None:
    """One figure for each 科目 of one level (`width`: the length of its code) of the one table the question asks
    (the 支出总表, or the table a fund word names), in its column (合计, or 基本支出/项目支出 asked); None
    when the document prints no such table or several."""
    kind = _table_kind(question)
    for role in column_roles(question):
        rows = [
            f
            for f in facts
            if f.table and f.table_kind == kind and f.column_role == role and f.code and len(f.code) == width
            and f.unit in calc.MONEY
        ]  # fmt: skip
        if rows:
            if len({f.table for f in rows}) != 1:
                return None  # several such tables: not surely one level of one table
            return one_per_code(rows)
    return None  # no such table


def over(engine: Turn, question: str, doc_id: str | None) -> Answer | None:
    """The rows of one level of one table over the amount asked, each cited; None when not surely that."""
    parsed = asked(question)
    if parsed is None:
        return None
    written, op, amount, unit, width = parsed
    if (doc := one_document(engine, question, doc_id)) is None:
        return None
    turn = engine.turn([doc.doc_id])
    facts = turn.kb.facts_by_doc.get(doc.doc_id, [])
    if width == PROJECTS:
        return _projects(turn, doc, question, written, op, calc.convert(amount, unit, "元"))
    rows = level_rows(facts, question, width)
    if (scheme := scheme_asked(question)) and (rows is None or rows[0].code_scheme != scheme):
        rows = scheme_rows(facts, question, width, [*column_roles(question), *totals()])  # "按经济分类的款级科目"
    start = question.index(written)
    parent = parent_named(
        engine, question[:start] + " " * len(written) + question[start + len(written) :], doc.doc_id, turn.kb
    )
    if rows is None or parent is None:
        return None  # no table of the rows asked, or several 科目 named
    name, codes = parent
    if codes and not (rows := [f for f in rows if under([f.code or ""], codes)]):
        return None  # "“水利”款下面的项级科目": the table prints no row under the parent named
    limit = calc.convert(amount, unit, rows[0].unit)
    hits: list[Fact] = sorted(
        (f for f in rows if (f.value >= limit if op == ">=" else f.value > limit)), key=lambda f: -f.value
    )
    level = next(word for word, n in _spec()["levels"].items() if n == width)
    head = f"{doc.year}年{doc.department}{rows[0].table}中{name + '下' if name else ''}{written}的{level}级科目"
    if not hits:
        top = max(rows, key=lambda f: f.value)
        text = f"{head}：没有。\n（该表{level}级科目中最大的是 {top.code} {top.row} {fmt(top.value, top.unit)}）"
    else:
        lines = [f"{i}. {f.code} {f.row} {fmt(f.value, f.unit)}（{cited(f)}）" for i, f in enumerate(hits, 1)]
        text = f"{head}有：\n" + "\n".join(lines)
    return listed(turn, question, head, text, hits, doc)


def _project_table(f: Fact) -> str | None:
    """The table a project's row is printed in: a table of its own, or a table inside a section about projects
    (its place up to the row: "第七部分 重点项目预算绩效情况说明 · 表格")."""
    spec = _spec()
    if f.code or f.unit not in calc.MONEY or f.column not in spec["project_columns"]:
        return None
    place = f.source.split(f" · {f.row} · ")[0]
    if f.table is None and " · 表格" not in place:
        return None  # a sentence's figure, not a table's row
    return place if spec["project_section"] in place else None


def project_rows(facts: list[Fact]) -> tuple[str, list[Fact]] | None:
    """(where, rows) of the one table of projects a document prints (one column, no total rows); None when it
    prints none or several."""
    tables: dict[str, list[Fact]] = {}
    for f in facts:
        if (place := _project_table(f)) is not None:
            tables.setdefault(place, []).append(f)
    # a table whose rows repeat a name with other amounts names no projects (a header read as rows: "总计")
    tables = {
        place: [f for f in rows if not re.fullmatch(r"(?:总计|合计|小计)", f.row)]
        for place, rows in tables.items()
        if all(len({f.value for f in rows if f.row == r}) == 1 for r in {f.row for f in rows})
    }
    tables = {place: rows for place, rows in tables.items() if rows}
    if len(tables) != 1:
        return None  # no table of projects, or several: not surely the list asked
    place, rows = next(iter(tables.items()))
    return (place, rows) if len({f.column for f in rows}) == 1 else None


def other_tables(facts: list[Fact], place: str) -> list[str]:
    """The other tables of projects a document prints besides the one read at `place` (a 项目支出总表 whose rows
    could not be read one by one): a list from `place` alone may leave their projects out."""
    read = place.split(" · ")[0]
    names = [p.split(" · ")[0] for f in facts if (p := _project_table(f)) is not None]
    names += [f.source.split(" · ")[0] for f in facts if f.table and f.table_kind in _spec()["project_tables"]]
    return [n for n in dict.fromkeys(names) if n != read]


def partial_note(facts: list[Fact], place: str) -> str:
    """What a list or a ranking of projects read from `place` covers: that table only, and the other tables of
    projects the document prints, whose projects it may leave out."""
    others = other_tables(facts, place)
    if not others:
        return "（只含文件此表所列的项目）"
    return (
        f"（只含文件{place.split(' · ')[0]}所列的项目；文件另有{'、'.join(others)}，其中的项目未能逐项读出，"
        "以上可能不完整，请以该表为准）"
    )


def _projects(turn: Any, doc: Any, question: str, written: str, op: str, limit: Decimal) -> Answer | None:
    """The projects over the amount, from the one table of projects the document prints."""
    facts = turn.kb.facts_by_doc.get(doc.doc_id, [])
    found = project_rows(facts)
    if found is None:
        return None
    place, rows = found
    hits = sorted(
        (
            f
            for f in rows
            if (
                calc.convert(f.value, f.unit, "元") >= limit
                if op == ">="
                else calc.convert(f.value, f.unit, "元") > limit
            )
        ),
        key=lambda f: -calc.convert(f.value, f.unit, "元"),
    )
    head = f"{doc.year}年{doc.department}{place.split(' · ')[0]}所列项目中{written}的"
    if not hits:
        top = max(rows, key=lambda f: calc.convert(f.value, f.unit, "元"))
        text = f"{head}：没有。\n（所列项目中最大的是 {top.row} {fmt(top.value, top.unit)}）"
    else:
        lines = [f"{i}. {f.row} {fmt(f.value, f.unit)}（{cited(f)}）" for i, f in enumerate(hits, 1)]
        text = f"{head}有：\n" + "\n".join(lines)
    return listed(turn, question, head, text, hits, doc, note="\n" + partial_note(facts, place))


def _own(figures: list[Figure], hits: list[Fact]) -> list[Figure]:
    """Each line's figure checked against the cell the line cites (in the lines' order), never against another
    cell of the same value ("213 农林水支出 3,952.59 万元（表7…）" ✓ from 表7's cell, not 表2's); the top figure
    said again above the lines is its line's cell; a cited row's code is no figure."""
    cells: dict[tuple[Decimal, str], list[Fact]] = {}
    for f in hits:
        cells.setdefault((f.value, f.unit), []).append(f)
    codes = {f.code for f in hits if f.code}
    out = []
    for g in figures:
        if not g.unit and g.text.strip() in codes:
            continue  # a cited row's code (a unit's 309005), no figure
        own = cells.get((g.value, g.unit))
        out.append(replace(g, verdict="verified", source=cited(own.pop(0) if len(own) > 1 else own[0])) if own else g)
    return out


def listed(
    turn: Any,
    question: str,
    head: str,
    text: str,
    hits: list[Fact],
    doc: Any,
    top: Fact | None = None,
    note: str = "",
) -> Answer | None:
    """The list as an answer, each line's figure checked (the amount in `head` is the question's own), or None
    when one does not match the document; `top`, the figure a ranking asks, is the answer's value; `note`, words
    on what the list covers (a table's number in it is no figure), follows the lines unchecked."""
    figures = _own(turn.verifier.check(text.removeprefix(head), [doc.doc_id]), hits)
    if any(g.verdict == "mismatch" for g in figures):
        return None
    return Answer(
        question=question, text=text + note, refused=False, value=top.value if top else None, unit=top.unit if top else None,
        figures=figures,
        citations=[Citation(doc_id=f.doc_id, where=where(f), text=f.row) for f in hits], facts=hits,
    )  # fmt: skip
