"""A ranking inside one department's document: "重庆市水利局农林水支出下哪个项级科目最多" ranks the 项 rows under
农林水支出 (213) of the 支出总表, "哪一类支出最多" its 类 rows, "哪个项目花钱最多" the rows of the one table of
projects the document prints. The answer is the top row (never a sum), with the ranking below it, top first,
each line cited and checked. The rows are those of `assistant.threshold` (one level of one table, one column);
a question with any other cue (a change, a share, a condition, 实际) or a level or table not surely read is None:
left to the engine, which refuses naming the ranking.

The words are data (assistant/measures.toml [ranking], with threshold's levels)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from assistant import calculator as calc
from assistant import scope
from assistant.column_ranked import column_rows
from assistant.complete import cues
from assistant.draft import cited, fmt
from assistant.item_ranked import item_rows, named_table, said_more
from assistant.measures import _data
from assistant.own_level import is_own_level, own_codes, own_label
from assistant.parts_ranked import group_named, part_rows
from assistant.records import Answer
from assistant.row_scope import of_part, one_per_code, parent_named
from assistant.subject_path import under
from assistant.threshold import (
    PROJECTS,
    column_roles,
    level_rows,
    listed,
    one_document,
    partial_note,
    project_rows,
    totals,
)
from assistant.units import is_unit
from index.records import DocumentInfo, Fact
from index.units import MONEY

if TYPE_CHECKING:
    from assistant.turn import Turn

RANKING_CUE = "排名"  # cues.toml's cue this module consumes
GROUP_CUE = "人员经费"  # cues.toml's 人员经费/公用经费: groups this module reads by their codes (measures.toml groups)
UNITS = -1  # the level "units": the unit rows of a per-unit table


def _spec() -> dict[str, Any]:
    return dict(_data()["ranking"])


def _levels() -> dict[str, int]:
    return {word: int(n) for word, n in _data()["threshold"]["levels"].items()}


def asked(question: str) -> tuple[re.Match[str], int | None, bool] | None:
    """(the ranking as written, the level ranked — a code length, PROJECTS, or None when only a parent can say
    it —, whether the least is asked) of a question asking which row is largest; None when it asks no ranking,
    or asks more than one."""
    found = [m for key in ("pattern", "pattern_after", "pattern_top") for m in re.finditer(_spec()[key], question)]
    if len(found) != 1:
        return None
    m = found[0]
    which = m.group("which") or m.groupdict().get("which_after") or ""  # "谁的预算最多": no classifier
    what = m.groupdict().get("what") or ""
    classifiers = _spec()["classifiers"]  # 哪一类: a level; 哪一项: any item
    levels = {
        n
        for word, n in _levels().items()
        if (word in which and word in classifiers) or re.search(rf"^{word}$|{word}级|{word}科目", what)
    }
    if re.search(_spec()["projects"], what):
        levels.add(PROJECTS)
    elif not levels and not what and re.search(_spec()["projects_before"], question[: m.start()]):
        levels.add(PROJECTS)  # "项目支出里哪一项最多": the projects, each an item of 项目支出
    units = _spec()["units"]
    ends = rf"{units}(?:中|里|当中|之中)?[，,]?(?:{_spec()['unit_amounts']})?$"  # "下属13个单位里预算最少的是哪个"
    if re.search(units, what) or re.search(ends, question[: m.start()]):
        levels.add(UNITS)
        what = re.sub("|".join([units, *_spec()["unit_tables"]]), "", what)  # "哪个单位收入最少"
    if len(levels) > 1:
        return None
    level = next(iter(levels), None)
    if _unread(what):
        return None  # "哪个单位最多" (rows of no level), "哪一类支出增长最多" (a measure not read here)
    return m, level, (m.group("most") or "多") in _spec()["least"]  # "排前三": from the top


def ordinal(m: re.Match[str]) -> int:
    """The place in the ranking asked: 1 for 最多/最少, 2 for 第二多."""
    nth = m.groupdict().get("nth")
    return 1 if nth is None else int(nth) if nth.isdigit() else int(_spec()["ordinals"][nth])


def count(m: re.Match[str]) -> int | None:
    """How many rows from the top are asked ("最高的3项": 3), or None when one place is asked."""
    n = m.groupdict().get("count")
    return None if n is None else int(n) if n.isdigit() else int(_spec()["ordinals"].get(n, 2 if n == "两" else 0))


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
    office_out = False
    if aside := re.search(_spec()["set_aside"], question):  # "除了局机关本身，下属单位里谁的预算最多"
        if level != UNITS or scope.asked(aside.group("part")) != {scope.OFFICE}:
            return None  # a part set aside that is no department's own office: not read here
        office_out = True
        question = question[: aside.start()] + " " * len(aside.group(0)) + question[aside.end() :]
    if any(cue.name not in (RANKING_CUE, GROUP_CUE) and cue.kind != "names" and cue.spans(question) for cue in cues()):
        return None  # "哪个项目增长最多", "除…以外哪个最多": another measure or a condition (a ranking names its rows)
    if (doc := one_document(engine, question, doc_id)) is None:
        return None
    turn = engine.turn([doc.doc_id])
    facts: list[Fact] = turn.kb.facts_by_doc.get(doc.doc_id, [])
    if (scored := column_rows(facts, question[: m.start()])) is not None:  # "自评得分最低": a score column
        head = f"{doc.year}年{doc.department}{scored[0].source.split(' · ')[0]}所列各行中{scored[0].column}"
        return _ranking(turn, question, m, scored, head, "", least, level, doc)
    if (table := named_table(before := question[: m.start()])) is not None:  # "政府采购里最大的一笔"
        names = list(engine.understanding.named(before).values())
        if (
            level is not None
            or said_more(before, table[1], names, doc)
            or not (items := item_rows(facts, doc, table[0]))
        ):
            return None  # "政府采购中分散采购的服务项目": rows of a kind no figure records
        head = f"{doc.year}年{doc.department}{items[0].source.split(' · ')[0]}所列各项中"
        return _ranking(turn, question, m, items, head, "", least, level, doc)
    if (parts := group_named(before)) is not None:  # "三公经费里哪项最多": the group's parts
        if level is not None or not (rows := part_rows(facts, parts) or []):
            return None
        head = f"{doc.year}年{doc.department}{rows[0].table}所列{parts['name']}各项中"
        return _ranking(turn, question, m, rows, head, "", least, level, doc)
    group = _group(question[: m.start()])
    read = question
    for word in (group[0], *_spec()["group_parts"]) if group else ():
        read = read.replace(word, " " * len(word))  # the group and the part it is of name no 科目
    parent = _parent(engine, read, m, doc.doc_id, turn.kb)
    if parent is None:
        return None
    name, codes = parent
    if group:
        if name or level in (UNITS, PROJECTS) or not (rows := _group_rows(facts, *group, level or 5)):
            return None  # "一般公共服务支出的公用经费": no table prints a 功能 科目's 公用经费 by 经济 科目
        word = next(w for w, n in _levels().items() if n == len(rows[0].code or ""))
        head = f"{doc.year}年{doc.department}{rows[0].table}中{group[0]}的{word}级科目中"
        note = ""
    elif level == UNITS:
        units = None if name else _unit_rows(facts, doc, question, office_out)
        if units is None:
            return None  # units under a 科目: no table prints that
        rows = units
        head = f"{doc.year}年{doc.department}{cited(rows[0]).split(' · ')[0]}所列各单位中"
        note = "\n（按此表各单位的合计排序）"
    elif level == PROJECTS:
        if name:
            return None  # projects under a 科目: no table prints that
        found = project_rows(facts)
        if found is None:
            return None
        place, rows = found
        head = f"{doc.year}年{doc.department}{place.split(' · ')[0]}所列项目中"
        note = "\n" + partial_note(facts, place)
    else:
        widths = {len(c) + 2 for c in codes}
        width = level or (next(iter(widths)) if len(widths) == 1 else None)
        if width is None:
            return None  # "哪个科目最多" with no parent: which level is not said
        rows = level_rows(facts, question, width) or []
        rows = [f for f in rows if not codes or under([f.code or ""], codes)] or _children(
            facts, codes, width, question
        )
        if not rows:
            return None
        word = next((w for w, n in _levels().items() if n == width), None)
        if word is None:
            return None
        column = rows[0].column if rows[0].column_role not in totals() else ""  # "基本支出最多": the column ranked
        head = f"{doc.year}年{doc.department}{rows[0].table}中{name + '下的' if name else ''}{word}级科目中{column}"
        note = ""
    return _ranking(turn, question, m, rows, head, note, least, level, doc)


def _ranking(
    turn: Turn,
    question: str,
    m: re.Match[str],
    rows: list[Fact],
    head: str,
    note: str,
    least: bool,
    level: int | None,
    doc: DocumentInfo,
) -> Answer | None:
    """The top row of `rows` (the place asked) with the ranking below it, each line cited and checked."""

    def size(f: Fact) -> Decimal:  # an amount in 元; a score or a count as printed (one column, one unit)
        return calc.convert(f.value, f.unit, "元") if f.unit in MONEY else f.value

    order = sorted(rows, key=size, reverse=not least)
    if (many := count(m)) is not None:
        return _top(turn, question, rows, order, many, size, head, note, least, level, doc)
    nth = ordinal(m)
    if nth > len(order):
        return None
    top = order[nth - 1]
    ties = [f for f in order if size(f) == size(top)]
    if nth > 1 and len(ties) > 1:
        return None  # "第二多" where rows tie: which place each holds is not printed
    low, high = ("少", "多") if top.unit in MONEY else ("低", "高")  # a score is 最低, an amount 最少
    most = f"最{low if least else high}" if nth == 1 else f"第{m.group('nth')}{low if least else high}"
    label = (lambda f: own_label(f, doc)) if level == UNITS else _row  # a unit's code (309005) is no 科目 code
    firsts = "、".join(label(f) for f in ties)
    shown = max(int(_spec()["shown"]), nth)
    lines = [f"{i}. {label(f)} {fmt(f.value, f.unit)}（{cited(f)}）" for i, f in enumerate(order[:shown], 1)]
    more = "\n（只列出排在前面的行，其余见所列表格）" if len(order) > shown else ""  # no count: no figure to check
    text = (
        f"{head}{'并列' if len(ties) > 1 else ''}{most}的是 {firsts}，为 {fmt(top.value, top.unit)}。\n"
        f"排序（{f'从{low}到{high}' if least else f'从{high}到{low}'}）：\n" + "\n".join(lines) + more
    )
    return listed(turn, question, head, text, order[:shown], doc, top, note=note)


def _top(
    turn: Turn,
    question: str,
    rows: list[Fact],
    order: list[Fact],
    many: int,
    size: Any,
    head: str,
    note: str,
    least: bool,
    level: int | None,
    doc: DocumentInfo,
) -> Answer | None:
    """The `many` rows at the top of `order` ("最高的3项"), each line cited and checked; a row tied with the
    last one is listed too and the tie said; None when the table prints fewer rows than asked (a row misread
    or another table meant)."""
    if many < 2 or many > len(order):
        return None
    last = size(order[many - 1])
    shown = [f for i, f in enumerate(order) if i < many or size(f) == last]
    low, high = ("少", "多") if order[0].unit in MONEY else ("低", "高")
    label = (lambda f: own_label(f, doc)) if level == UNITS else _row
    lines = [f"{i}. {label(f)} {fmt(f.value, f.unit)}（{cited(f)}）" for i, f in enumerate(shown, 1)]
    tie = f"\n（第{many}项与其后的行并列，一并列出）" if len(shown) > many else ""
    noun = "家" if level == UNITS else "项"
    head = (
        f"{head}最{low if least else high}的{many}{noun}（{f'从{low}到{high}' if least else f'从{high}到{low}'}）：\n"
    )
    note = f"{tie}\n（共{len(order)}行，只列出排在前面的{many}{noun}）{note}"  # counts: no figure to check
    return listed(turn, question, head, head + "\n".join(lines), shown, doc, shown[0], note=note)


def _group(before: str) -> tuple[str, list[str]] | None:
    """(the word, its 类 codes) of the one group of 经济分类 科目 named before a ranking ("公用经费里哪一项最多":
    302, 307, 310, 399 by the national template), or None."""
    found = [(word, list(codes)) for word, codes in _spec()["groups"].items() if word in before]
    return found[0] if len(found) == 1 else None


def _group_rows(facts: list[Fact], word: str, classes: list[str], width: int) -> list[Fact]:
    """The rows of one level (`width`: their code length) under a group's 类 codes in the one 基本支出 table
    by 经济分类 that prints them, in the group's own column if it has one, else the table's total or only
    money column; none when several tables print them, or the group's 类 rows do not add up to the group's
    total the table prints."""
    cells = [
        f for f in facts
        if f.table and "basic" in (f.table_kind or "") and f.code and f.code[:3] in classes and f.unit in calc.MONEY
    ]  # fmt: skip
    if len({f.table for f in cells}) != 1:
        return []
    roles = [word, *totals(), *_spec()["group_columns"]]
    role = next((r for r in roles if any(f.column_role == r for f in cells)), None)
    cells = [f for f in cells if f.column_role == role]
    table = cells[0].table if cells else None
    printed = {
        calc.convert(f.value, f.unit, "元")
        for f in facts
        if f.table == table and f.row in (f"{word}合计", word) and f.column_role == role
    }
    added = sum((calc.convert(f.value, f.unit, "元") for f in cells if len(f.code or "") == 3), start=Decimal(0))
    if printed and added not in printed:
        return []  # the group's 类 rows read do not make its printed total: a row misread or missing
    return one_per_code([f for f in cells if len(f.code or "") == width]) or []


def _unit_rows(facts: list[Fact], doc: DocumentInfo, question: str, office_out: bool = False) -> list[Fact] | None:
    """The total of each unit of the one per-unit table of the kind the question asks (支出, 收入), else of the
    first kind that has one (the department's own 本级 row among them unless 下属 units are asked, or the office
    is set aside: `office_out`); None when no table, or several of a kind, print two units or more."""
    kinds = _spec()["unit_tables"]
    below = office_out or re.search(_spec()["subordinate"], question)  # "下属单位": the 本级 row is none
    asked = [kind for word, kind in kinds.items() if word in question] or list(kinds.values())
    own = own_codes(facts, doc)
    for kind in asked[:1] if len(asked) == 1 else asked:
        for role in totals():
            rows = [
                f
                for f in facts
                if f.table and f.table_kind == kind and f.column_role == role and f.unit in calc.MONEY
                and (is_unit(f.row, doc) or (not below and is_own_level(f, doc, own)))
            ]  # fmt: skip
            if len({f.table for f in rows}) > 1:
                return None
            if len(columns := {f.column for f in rows}) > 1:  # 总计, 部门预算, 公共预算拨款 all read as 合计
                named = columns & set(_spec()["unit_totals"])
                if len(named) == 1:
                    rows = [f for f in rows if f.column in named]
                elif len({(f.row, f.code, f.value) for f in rows}) * len(columns) == len(rows):
                    rows = [f for f in rows if f.column == rows[0].column]  # every column the same figures
                else:
                    return None
            by_row = {f.row: f for f in rows}
            if len(by_row) >= 2:
                return list(by_row.values()) if _whole(facts, rows[0], doc, own) else None
    return None


def _whole(facts: list[Fact], one: Fact, doc: DocumentInfo, own: set[tuple[str | None, str]]) -> bool:
    """Whether the units read are all the table's: every unit row of `one`'s table and column (the 本级 row
    too) adds up to the table's printed total (its 合计/总计 row, or the department's own row); a unit
    not read as one (a name ending in a bracket) would leave the ranking without it."""
    cells = [f for f in facts if f.table == one.table and f.column == one.column and f.unit in calc.MONEY]
    units = {f.row: f for f in cells if is_unit(f.row, doc) or is_own_level(f, doc, own)}
    totals_printed = {
        calc.convert(f.value, f.unit, "元")
        for f in cells
        if f.row in _spec()["unit_totals"] or f.row in (doc.department, *doc.aliases)
    }
    added = sum((calc.convert(f.value, f.unit, "元") for f in units.values()), start=Decimal(0))
    return added in totals_printed


def _children(facts: list[Fact], codes: set[str], width: int, question: str) -> list[Fact]:
    """The rows one level below a parent 科目 (`width`: their code length) in the one table that prints the
    parent and its children in the column asked (else the table's total, else its only money column, as a
    group's): "商品和服务支出里哪一项最多" reads the 款 rows under 302 of the 经济分类 table (the 支出总表 prints
    no 经济分类); of several such tables the one of the part the question names (基本支出), else the one of
    no part; none when that leaves no table or several."""
    if not codes:
        return []
    for role in [*column_roles(question), *_spec()["group_columns"]]:
        parents = {f.table for f in facts if f.table and f.code in codes and f.column_role == role}
        rows = [
            f
            for f in facts
            if f.table in parents and f.column_role == role and f.code and len(f.code) == width
            and under([f.code], codes) and f.unit in calc.MONEY
        ]  # fmt: skip
        tables = {f.table for f in rows}
        if len(tables) > 1:
            tables = of_part({f.table: f.table_kind or "" for f in rows}, question)
        if len(tables) > 1 or (parents and not tables and len(parents) > 1):
            return []
        if tables:
            table = tables.pop()
            return one_per_code([f for f in rows if f.table == table]) or []
    return []


def _row(f: Fact) -> str:
    return f"{f.code} {f.row}" if f.code else f.row


def _parent(engine: Turn, question: str, m: re.Match[str], doc_id: str, kb: Any) -> tuple[str, set[str]] | None:
    """(the name, its codes) of the one 科目 the question names outside the ranking and the department's name
    ("农林水支出下哪个…"), ("", set()) when it names none; None when it names several."""
    text = question[: m.start()] + " " * len(m.group(0)) + question[m.end() :]
    if asked(question) and (before := re.search(_spec()["projects_before"], question[: m.start()])):
        text = text[: before.start()] + " " * len(before.group(0)) + text[before.end() :]  # the projects' own word
    return parent_named(engine, text, doc_id, kb)
