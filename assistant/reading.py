"""The one line that says how a question was read: 按：万里街道 · 2025年部门预算 · “三公”经费 − 公务用车购置及运行费.

It is assembled here and only here, from what the engine actually used — the understood question (`Query`
or `Across`), the facts the answer's figures come from and the operation that combined them — never
re-read from the question's words, so the line cannot say more than the answer did. A refusal has no
line of its own (its text names the part it could not read), except for the Chinese question an
English question was read as.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from importlib.resources import files
from typing import Literal

from assistant.cues import alternation
from assistant.knowledge import norm
from assistant.records import Across, Answer, Reading
from assistant.threshold import asked as threshold_asked
from assistant.threshold import level_word
from index.numbers import format_amount
from index.records import DocumentInfo, Fact

How = Literal["", "exclusion", "per_month", "threshold", "ranking"]  # an answer made by one of the engine's operations

# The engine's measures, as the line names them ("" = the amount itself).
MEASURES: dict[str, str] = {
    "amount": "",
    "change": "比上年增减",
    "growth": "增长率",
    "share": "占比",
    "prior": "上年数",
    "sum": "合计",
    "difference": "差额",
    "per_head": "人均",
    "target": "绩效目标值",
    "breakdown": "构成",
    "explain": "说明",
}
# An answer across documents: what was done with each department's figure.
ACROSS_OPS: dict[str, str] = {
    "rank": "排名",
    "total": "合计",
    "average": "平均",
    "compare": "比较",
    "filter": "筛选",
    "share": "占比",
    "execution": "决算 − 预算",
    "change": "增减",
}
# A column that is the document's plain amount: the line does not repeat it.
PLAIN_ROLES = frozenset({"预算数", "决算数", "合计", "金额"})
_WORDS = tomllib.loads(files("assistant").joinpath("reading.toml").read_text(encoding="utf-8"))
BARE_ROW = re.compile(rf"(?:{alternation(_WORDS['total_row_years'])})?(?:{alternation(_WORDS['total_rows'])})")
# "支出总计", "本年支出合计": the row's whole amount; "2026年", "2026年预算数": the document's own year
PLAIN_COLUMN = re.compile(
    rf".*(?:{alternation(_WORDS['total_columns'])})|(?:19|20)\d{{2}}年(?:度)?(?:{alternation(_WORDS['year_column_kinds'])})?数?"
)
CODE_LEVELS = (3, 5)  # 类, 款 of a 功能分类 code; 类 of a 经济分类 code


def attach(
    answer: Answer,
    docs: Mapping[str, DocumentInfo],
    facts_of: Callable[[str], Sequence[Fact]],
    *,
    how: How = "",
    asked: str = "",
    months: int = 12,
) -> Answer:
    """`answer` with its reading (kept when it has one already, its asked question added)."""
    if answer.reading is not None:
        return replace(answer, reading=replace(answer.reading, asked=asked)) if asked else answer
    found = read(answer, docs, facts_of, how=how, months=months)
    if found is None and asked:
        found = Reading()
    if found is None:
        return answer
    return replace(answer, reading=replace(found, asked=asked))


def read(
    answer: Answer,
    docs: Mapping[str, DocumentInfo],
    facts_of: Callable[[str], Sequence[Fact]],
    *,
    how: How = "",
    months: int = 12,
) -> Reading | None:
    """The reading of an answer given (None for a refusal or a question asked back)."""
    if answer.refused:
        return None
    names = _display_names(docs)
    if answer.across is not None and answer.entries and answer.query is None:
        return _across(answer, answer.across, names)
    facts = [f for f in answer.facts if f.unit] or answer.facts
    if not facts:
        return None
    main = facts[0]
    subject, column = _subject(main)
    if not subject and answer.query and answer.query.subjects:  # a bare total row: the item the question named
        subject = answer.query.subjects[0]
    measure = MEASURES.get(answer.query.measure, "") if answer.query else ""
    operations: tuple[str, ...] = ()
    threshold = ""
    if how == "exclusion":
        operations = tuple(f"− {_subject(p)[0] or p.row}" for p in facts[1:])
        measure = ""
    elif how == "per_month":
        operations, measure = (f"÷ {months}",), ""
    elif how == "threshold" and (bound := threshold_asked(answer.question)) is not None:
        _, sign, amount, unit, level = bound
        subject, column, measure = main.table or subject, level_word(level), ""
        threshold = f"{sign} {format_amount(amount)} {unit}"
    elif how == "ranking":
        operations, measure = ("排名",), ""
    elif measure == "占比" and len(facts) > 1:
        measure = f"占{_subject(facts[1])[0] or facts[1].row}的比例"
    elif measure == "" and len({f.doc_id for f in facts}) > 1 and answer.value is not None:
        operations = ("各年合计",)  # one amount of several documents' years: their sum
    elif measure == "" and answer.query and answer.query.year and answer.query.year not in {f.year for f in facts}:
        measure = f"{answer.query.year}年数"  # another year's figure, read from this document's
    path = () if how == "threshold" else _path(main, facts_of(main.doc_id))
    return Reading(
        departments=tuple(dict.fromkeys(names.get(f.department, f.department) for f in facts)),
        documents=tuple(dict.fromkeys(_document(f, docs) for f in facts)),
        subject=subject,
        path=path,
        column=column,
        measure=measure,
        operations=operations,
        threshold=threshold,
    )


def _across(answer: Answer, a: Across, names: Mapping[str, str]) -> Reading:
    """An answer across documents: the departments (or how many), the documents' years and kinds, the
    figure each was read for, and what was done with them."""
    shown = [e for e in answer.entries if e.value is not None] or answer.entries
    departments = tuple(dict.fromkeys(names.get(e.department, e.department) for e in shown))
    if not a.departments and len(departments) > 3:
        departments = (f"{len(departments)} 个部门",)
    documents = tuple(dict.fromkeys(f"{e.year}年{e.kind}" for e in shown))
    op = "倍数（前 ÷ 后）" if a.ratio else ACROSS_OPS.get(a.op, "")
    if a.op == "rank":
        op = f"排名（{'从高到低' if a.descending else '从低到高'}{f'，前{a.limit}名' if a.limit else ''}）"
    elif a.op == "execution" and a.rate:
        op = "执行率"
    elif a.op == "change" and a.growth:
        op = "增长率"
    elif a.op == "share" and a.whole:
        op = f"占{a.whole}的比例"
    elif a.op == "total" and a.years:
        op = "" if a.each else "各年合计"  # "分别是多少": a line a year, no sum
    operations = (op if op not in (answer.metric or "") else "", *(("分别",) if a.each else ()))
    threshold = ""
    if a.threshold is not None:
        sign, value, unit = a.threshold
        sign = {">=": "≥", "<=": "≤"}.get(sign, sign)
        threshold = f"{sign} {format_amount(value)}{' ' + unit if unit else ''}"
        if a.below is not None:  # an upper bound written with a lower one is inside the range
            threshold += f"，≤ {format_amount(a.below[0])} {a.below[1]}"
    return Reading(
        departments=departments,
        documents=documents,
        subject=answer.metric or a.subject,
        operations=tuple(o for o in operations if o),
        threshold=threshold,
    )


def _display_names(docs: Mapping[str, DocumentInfo]) -> dict[str, str]:
    """Each department's shortest name that no other department of the store shares (its full name when
    every short name is shared)."""
    owners: dict[str, set[str]] = {}
    for d in docs.values():
        for alias in (d.department, *d.aliases):
            owners.setdefault(alias, set()).add(d.department)
    shown: dict[str, str] = {}
    for d in docs.values():
        own = [a for a in (d.department, *d.aliases) if owners.get(a) == {d.department} and len(a) >= 2]
        shown[d.department] = min(own, key=len) if own else d.department
    return shown


def _document(f: Fact, docs: Mapping[str, DocumentInfo]) -> str:
    """ "2025年部门预算": the year and the document's kind as its title prints them."""
    doc = docs.get(f.doc_id)
    rest = doc.title.split(doc.department, 1)[1].strip() if doc and doc.department in doc.title else ""
    return f"{f.year}年{rest or '部门' + f.doc_kind}"


def _subject(f: Fact) -> tuple[str, str]:
    """(the item a figure is of, its column when that is not the document's plain amount). A total row's
    item is its column ("合计 · 项目支出" is 项目支出)."""
    row, *within = f.row.split("·")  # "总计·一般公共预算": a row under its table's fund
    plain = (f.column_role or "") in PLAIN_ROLES or f.column == f.row or bool(PLAIN_COLUMN.fullmatch(f.column))
    column = "·".join([*within, *([] if plain or f.table is None else [f.column])])
    if BARE_ROW.fullmatch(row) and plain:  # "合计 · 支出预算" is 支出预算合计; a year's 总计: the item asked
        return ("" if PLAIN_COLUMN.fullmatch(f.column) else f"{f.column}{row}"), column
    if BARE_ROW.fullmatch(row) or norm(row) in norm(f.department):  # "合计 · 项目支出" is 项目支出
        return f.column, "·".join(within)
    return row, column


def _path(f: Fact, facts: Sequence[Fact]) -> tuple[str, ...]:
    """A coded row's parents in its own table (类, 款), outermost first; a project line's project."""
    if f.code and len(f.code) > CODE_LEVELS[0]:
        wanted = [f.code[:n] for n in CODE_LEVELS if n < len(f.code)]
        rows = {g.code: g.row for g in facts if g.table == f.table and g.code in wanted}
        return tuple(rows[c] for c in wanted if c in rows)
    return (f.parent,) if f.parent else ()
