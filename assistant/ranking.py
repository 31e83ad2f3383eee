"""A ranking inside one department's document: "重庆市水利局农林水支出下哪个项级科目最多" ranks the 项 rows under
农林水支出 (213) of the 支出总表, "哪一类支出最多" its 类 rows, "哪个项目花钱最多" the rows of the one table of
projects the document prints. The answer is the top row (never a sum), with the ranking below it, top first,
each line cited and checked. The rows are those of `assistant.threshold` (one level of one table, one column);
a question with any other cue (a change, a share, a condition, 实际) or a level or table not surely read is None:
left to the engine, which refuses naming the ranking.

The words are data (assistant/measures.toml [ranking], with threshold's levels)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from assistant import calculator as calc
from assistant.complete import cues
from assistant.draft import cited, fmt
from assistant.measures import _data
from assistant.records import Answer
from assistant.subject_path import coded_names, under, written_names
from assistant.threshold import PROJECTS, level_rows, listed, one_document, project_rows
from index.records import Fact

if TYPE_CHECKING:
    from assistant.turn import Turn

RANKING_CUE = "排名"  # cues.toml's cue this module consumes


def _spec() -> dict[str, Any]:
    return dict(_data()["ranking"])


def _levels() -> dict[str, int]:
    return {word: int(n) for word, n in _data()["threshold"]["levels"].items()}


def asked(question: str) -> tuple[re.Match[str], int | None, bool] | None:
    """(the ranking as written, the level ranked — a code length, PROJECTS, or None when only a parent can say
    it —, whether the least is asked) of a question asking which row is largest; None when it asks no ranking,
    or asks more than one."""
    found = list(re.finditer(_spec()["pattern"], question))
    if len(found) != 1:
        return None
    m = found[0]
    which, what = m.group("which"), m.group("what")
    classifiers = _spec()["classifiers"]  # 哪一类: a level; 哪一项: any item
    levels = {
        n
        for word, n in _levels().items()
        if (word in which and word in classifiers) or re.search(rf"^{word}$|{word}级|{word}科目", what)
    }
    if re.search(_spec()["projects"], what):
        levels.add(PROJECTS)
    if len(levels) > 1:
        return None
    level = next(iter(levels), None)
    if _unread(what):
        return None  # "哪个单位最多" (rows of no level), "哪一类支出增长最多" (a measure not read here)
    return m, level, m.group("most") in _spec()["least"]


def _unread(what: str) -> str:
    """What is left of the words between 哪… and 最多 once the level, the projects, the tables, the columns and
    the nouns every ranking may write (科目, 支出, 的) are read: "哪一类支出增长最多" leaves 增长, which ranks no
    amount, so the question is no ranking of amounts."""
    data = _data()["threshold"]
    known = [*data["columns"], *data["tables"], *(c.removesuffix("支出") for c in data["columns"])]
    known += [rf"{w}级|{w}科目|^{w}$" for w in _levels()] + [_spec()["projects"], "科目", "支出", "的"]
    for word in known:
        what = re.sub(word, "", what)
    return what


def ranked(engine: Turn, question: str, doc_id: str | None) -> Answer | None:
    """The rows of one level of one table (under the parent the question names) ranked, top first; None when the
    question asks no ranking this reads surely."""
    parsed = asked(question)
    if parsed is None:
        return None
    m, level, least = parsed
    if any(cue.name != RANKING_CUE and cue.spans(question) for cue in cues()):
        return None  # "哪个项目增长最多", "除…以外哪个最多": another measure or a condition
    if (doc := one_document(engine, question, doc_id)) is None:
        return None
    turn = engine.turn([doc.doc_id])
    facts: list[Fact] = turn.kb.facts_by_doc.get(doc.doc_id, [])
    parent = _parent(engine, question, m, doc.doc_id, turn.kb)
    if parent is None:
        return None
    name, codes = parent
    if level == PROJECTS:
        if name:
            return None  # projects under a 科目: no table prints that
        found = project_rows(facts)
        if found is None:
            return None
        place, rows = found
        head = f"{doc.year}年{doc.department}{place.split(' · ')[0]}所列项目中"
        note = "\n（只含文件此表所列的项目）"
    else:
        widths = {len(c) + 2 for c in codes}
        width = level or (next(iter(widths)) if len(widths) == 1 else None)
        if width is None:
            return None  # "哪个科目最多" with no parent: which level is not said
        rows = level_rows(facts, question, width) or []
        rows = [f for f in rows if not codes or under([f.code or ""], codes)]
        if not rows:
            return None
        word = next(w for w, n in _levels().items() if n == width)
        column = rows[0].column if rows[0].column_role != "合计" else ""  # "基本支出最多": the column ranked
        head = f"{doc.year}年{doc.department}{rows[0].table}中{name + '下的' if name else ''}{word}级科目中{column}"
        note = ""
    order = sorted(rows, key=lambda f: calc.convert(f.value, f.unit, "元"), reverse=not least)
    top = order[0]
    ties = [f for f in order if calc.convert(f.value, f.unit, "元") == calc.convert(top.value, top.unit, "元")]
    most = "最少" if least else "最多"
    firsts = "、".join(_row(f) for f in ties)
    shown = int(_spec()["shown"])
    lines = [f"{i}. {_row(f)} {fmt(f.value, f.unit)}（{cited(f)}）" for i, f in enumerate(order[:shown], 1)]
    more = "\n（只列出排在前面的行，其余见所列表格）" if len(order) > shown else ""  # no count: no figure to check
    text = (
        f"{head}{'并列' if len(ties) > 1 else ''}{most}的是 {firsts}，为 {fmt(top.value, top.unit)}。\n"
        f"排序（{'从少到多' if least else '从多到少'}）：\n" + "\n".join(lines) + more + note
    )
    return listed(turn, question, head, text, order[:shown], doc, top)


def _row(f: Fact) -> str:
    return f"{f.code} {f.row}" if f.code else f.row


def _parent(engine: Turn, question: str, m: re.Match[str], doc_id: str, kb: Any) -> tuple[str, set[str]] | None:
    """(the name, its codes) of the one 科目 the question names outside the ranking and the department's name
    ("农林水支出下哪个…"), ("", set()) when it names none; None when it names several."""
    text = question[: m.start()] + " " * len(m.group(0)) + question[m.end() :]
    for alias in sorted(engine.understanding.named(text).values(), key=len, reverse=True):
        text = text.replace(alias, " " * len(alias))
    coded = coded_names(kb, [doc_id])
    whole = {n for _, _, n in written_names(text, coded)[1]}
    if len(whole) > 1:
        return None
    name = next(iter(whole), "")
    return name, coded.get(name, set())
