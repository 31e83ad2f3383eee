"""Which printing of an asked row answers: the table of the whole before a part's table, 科目 tables before
tables of projects or purchases, and several rows of the asked name in one table named, never one picked.

Which table kind is a part of which is template knowledge in index/catalog.toml (part_of, rows = "items", and
side = "收入" for a table read first only when 收入 is asked);
the words that say what a total includes are glossary.json's inclusion."""

from __future__ import annotations

import re
from functools import cache

from assistant.cues import alternation
from assistant.draft import Unanswerable, fmt, page_note
from assistant.subjects import subjects
from assistant.tokens import glossary_data
from index.catalog import item_rows, part_printed, side_of, wholes
from index.records import Fact

WHOLE, PART, ITEMS = 0, 1, 2  # a fact's standing: read first, read after its whole, read after any 科目 table


def standing(fact: Fact, others: list[Fact], question: str = "") -> int:
    """WHOLE, or PART when one of `others` (the same row's printings) is in a table of the whole this fact's
    table is a part of (基本支出经济分类表's 资本性支出 beside the 一般公共预算支出经济分类表's) or this fact's table
    shows a side (收入) the question does not name while another table shows the row's spending; or ITEMS
    when its table's rows are projects or purchases and a 科目 table prints the name too."""
    if not fact.table:
        return WHOLE
    side = side_of(fact.table_kind)
    if side and side not in question and any(o.table and not side_of(o.table_kind) for o in others):
        return PART
    if item_rows(fact.table_kind):
        return ITEMS if any(o.table and not item_rows(o.table_kind) for o in others) else WHOLE
    kinds = {o.table_kind for o in others if o.table}
    return PART if kinds & wholes(fact.table_kind) else WHOLE


def part_named(fact: Fact, question: str, column: str = "") -> str:
    """ "基本支出中的" when `fact` is read from a table of only that part of the spending (catalog.toml `part`) and
    neither the question nor the column shown names it: 基本支出经济分类表's 办公费 is not the department's whole
    办公费 (its 项目支出 may spend on it too); else ""."""
    part = part_printed(fact.table_kind) if fact.table else ""
    if not part or part in without_inclusions(question) or part in column or part in fact.row:
        return ""
    return f"{part}中的"


_ITEM = r"(?:(?![年的里中在是])[\u4e00-\u9fff])"  # a character of a listed item: never the words a list follows


@cache
def _inclusion() -> re.Pattern[str]:
    words = alternation(glossary_data()["inclusion"])
    listed = alternation(glossary_data()["apposition"])
    return re.compile(
        rf"[（(](?:{words})[^（）()]*[）)]|(?:{words})[\u4e00-\u9fff]{{1,12}}?在内"
        rf"|(?:{_ITEM}{{1,10}}、)+{_ITEM}{{1,10}}(?:{listed})(?=[\u4e00-\u9fff“])"
    )


def without_inclusions(question: str) -> str:
    """The question without what it says a total includes: “（含事业收入）”, “包括项目支出在内” widen the figure
    asked to the whole, and a list set before the whole as its examples ("公车、出国、接待这些三公经费"); the
    column or parts they name are not the ones asked."""
    return _inclusion().sub(" ", question)


class RowsSplit(Unanswerable):
    """A 科目 printed in several rows of one table, split by another column (烟台 基本支出表's 30201 办公费 under
    政府预算经济分类 502 机关商品和服务支出 and 505 对事业单位经常性补助): the rows are parts of the item, to be added
    by the calculator and shown with their terms — never one of them as the item."""

    def __init__(self, reason: str, facts: list[Fact], asked: str = ""):
        super().__init__(reason)
        self.facts = facts
        self.asked = asked  # the word by which the question asks rows of one name added ("一共"), else ""


def sum_asked(question: str, name: str) -> str:
    """The word by which a question asks every row of the asked name added, written right after the name
    ("各单位买复印纸一共花多少": a word of subjects.toml `item_whole`), or "": a word elsewhere asks another whole
    ("部门预算收入总共多少" is the 收入合计, never the rows called 部门预算 added)."""
    words = "|".join(re.escape(w) for w in subjects().item_whole)
    said = re.search(rf"{re.escape(name)}的?({words})", question) if name else None
    return said.group(1) if said else ""


def refuse_same_name_rows(best: Fact, facts: list[Fact], name: str, question: str = "") -> None:
    """Refuses, naming each, when `best`'s table prints several rows of the same name, code and parent with
    different figures under its column (three projects called 审计业务经费): which one is asked is not said, unless
    the question asks them added ("一共": RowsSplit, with the word). Rows of one 科目 (a code of the 功能/经济分类)
    are its parts, even of one value: RowsSplit, to be added."""
    if not best.table:
        return
    twins = [
        f
        for f in facts
        if f.table == best.table and f.column == best.column and f.row == best.row
        and f.code == best.code and f.parent == best.parent
    ]  # fmt: skip
    if best.code and best.code_scheme and len(twins) > 1 and len({f.unit for f in twins}) == 1:
        raise RowsSplit(
            f"{best.source.split(' · ')[0]}{page_note(best.page)}把“{name}”分几行列出（各行是它的一部分，没有一行是它的合计）",
            twins,
        )
    values = list(dict.fromkeys((f.value, f.unit) for f in twins))
    if len(values) < 2:
        return
    if (word := sum_asked(question, name)) and len({f.unit for f in twins}) == 1:
        raise RowsSplit(f"“{name}”的各行按问题所说的“{word}”相加", twins, asked=word)
    listed = "、".join(fmt(v, u) for v, u in values)
    raise Unanswerable(
        f"{best.source.split(' · ')[0]}{page_note(best.page)}有 {len(values)} 行都叫“{name}”，"
        f"{best.column}分别为 {listed}，无法确定问的是哪一行；请说明是哪一个项目或单位"
    )
