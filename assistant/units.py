"""A unit inside a department's document: the rows of a 汇总 (综合) document that are its units
(表2 收入总表's "241011 西安市殡仪馆", with the items as columns). A question naming a unit is answered from
that unit's row, under the column its item names, or refused: never with the department's own figure for the
item (表1's 事业单位经营收入), another row's, or a column the question did not name (表12's 数量)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from assistant.cues import longest_first
from assistant.departments import CITY_PREFIX
from assistant.draft import Unanswerable
from assistant.knowledge import Knowledge, Label
from assistant.subjects import subjects
from assistant.tokens import glossary_data
from index.records import DocumentInfo, Fact
from index.tables import label_key

_KINDS: tuple[str, ...] = tuple(
    tomllib.loads(Path(__file__).with_name("departments.toml").read_text(encoding="utf-8"))["unit_kinds"]
)
_ASIDE = re.compile(r"[（(][^（）()]*[）)]")  # "（西安市民政局部门综合预算）": where, not what
_YEAR = re.compile(r"(?:19|20)\d{2}年度?")
_NOT_WORDS = re.compile(r"[^\u4e00-\u9fff]+")


def is_unit(name: str, doc: DocumentInfo) -> bool:
    """A row label that names a unit (an organisation's name: 西安市殡仪馆), not the document's department."""
    return len(name) >= 4 and name.endswith(_KINDS) and name != doc.department and name not in doc.aliases


def kind_of_unit(name: str) -> bool:
    """A name that ends as a unit's does ("技师学院", "仲裁院"), whoever's it is."""
    return len(name) >= 2 and name.endswith(_KINDS)


def unit_named(kb: Knowledge, doc: DocumentInfo, question: str, key: str) -> Label | None:
    """The row of a unit of `doc` that the question writes out, other than the subject `key` (the longest)."""
    text = _ASIDE.sub(" ", question)
    found = [
        label
        for label in kb.in_scope({doc.doc_id})
        if label.key != key and (label.name in text or (len(_bare(label.name)) >= 4 and _bare(label.name) in text))
        and is_unit(label.name, doc)
        and any(f.table and f.doc_id == doc.doc_id for f in label.facts)
    ]  # fmt: skip
    return max(found, key=lambda label: len(label.name), default=None)


def of_unit(unit: Label, item: str, doc: DocumentInfo) -> list[Fact]:
    """The unit's figures under the item's column (表2's 241011 西安市殡仪馆 · 事业单位经营收入; a “三公” table read by
    年度: "2026年·公务接待费·一般公共预算", the year's line of the unit's group)."""
    own = [
        f
        for f in unit.facts
        if f.doc_id == doc.doc_id and f.table and item in (f.column, f.column_role, column_item(f), _after_year(f))
    ]
    if own:
        return own
    found = subjects().find(item)  # "“三公”经费": the total column of the table that prints it (总计 of 表9)
    places = found[0].places if found else ()
    return [
        f
        for f in unit.facts
        if f.doc_id == doc.doc_id and f.table and column_item(f) != f.column
        and any(f.table_kind in p.tables and label_key(column_item(f)) in p.rows for p in places)
    ]  # fmt: skip


def _after_year(f: Fact) -> str:
    """A unit's figure's column without its year's line ("公务接待费·一般公共预算" of "2026年·公务接待费·一般公共预算")."""
    return f.column.split("·", 1)[1] if column_item(f) != f.column else f.column


def column_item(f: Fact) -> str:
    """The item a figure's column is about: the column, or for a unit's line in a table read by 年度 ("2026年·公务接待费
    ·一般公共预算": the year's line · the item's column) the item after the year."""
    parts = f.column.split("·")
    return parts[1] if len(parts) >= 2 and (_YEAR.fullmatch(parts[0]) or "增减" in parts[0]) else f.column


def unplaced_words(question: str, unit: Label, doc: DocumentInfo) -> str:
    """What a question about a unit's row asks beyond the unit (as named or without its place), its department,
    the year and words that name no item (预算, 总计, 多少 …: glossary item_neutral and filler; one-character ones
    only before a word: 的三公): "三公" of "西安市殡仪馆的三公经费是多少"."""
    text = _YEAR.sub(" ", _ASIDE.sub(" ", question))
    data = glossary_data()
    names = {unit.name, *unit.variants, doc.department, *doc.aliases}
    names |= {
        n[len(p.group(0)) :] for n in list(names) if (p := CITY_PREFIX.match(n)) and len(n) - len(p.group(0)) >= 2
    }
    if (city := CITY_PREFIX.match(doc.department)) and len(short := (city.group("city") or "").removesuffix("市")) >= 2:
        names |= {
            n[len(short) :] for n in list(names) if n.startswith(short) and len(n) - len(short) >= 2
        }  # 无锡技师学院
    words = [w for w in {*names, *data["item_neutral"], *data["filler"]} if len(w) >= 2]
    for word in longest_first(words):
        text = text.replace(word, " ")
    single = "".join(w for w in data["item_neutral"] if len(w) == 1)
    return " ".join(w.lstrip(single) for w in _NOT_WORDS.split(text) if w.lstrip(single))


def totals_in(facts: list[Fact], words: str, titles: dict[str, str]) -> list[Fact]:
    """A unit's total in the table whose title holds the words asked ("…中心预算收入合计": 收入总表's 合计
    of its row); else its column of role 合计 whose header holds the words too (Xi'an's “三公”经费 table: the row's
    一般公共预算拨款安排的“三公”经费预算, never its 2021年 column, which adds 会议费 and 培训费); none when no such
    table gives the row a total."""
    named = [f for f in facts if f.table and all(w in titles.get(f.table, f.table) for w in words.split())]
    printed = [f for f in named if any(t in f.column for t in ("合计", "总计"))]  # as printed: 2021年 is no total
    headed = [f for f in named if f.column_role == "合计" and all(w in f.column for w in words.split())]
    return printed or (headed if len({f.column for f in headed}) == 1 else [])


def named_units(question: str, doc: DocumentInfo, facts: list[Fact]) -> list[str]:
    """The units of `doc` (rows of its tables that name one: 汇总 documents) that `question` writes out, as printed
    or without their city ("观澜河流域管理中心" of 深圳市观澜河流域管理中心), longest first."""
    text = _ASIDE.sub(" ", question)
    found = []
    for row in dict.fromkeys(f.row for f in facts if f.table and f.doc_id == doc.doc_id):
        if not is_unit(row, doc):
            continue
        if row in text or (len(_bare(row)) >= 4 and _bare(row) in text):
            found.append(row)
    return [u for u in longest_first(found) if not any(u != o and u in o for o in found)]


def unit_mismatch(question: str, facts: list[Fact], docs: dict[str, DocumentInfo], printed: list[Fact]) -> str | None:
    """Why figures answered for a question naming a unit of a 汇总 document are not that unit's, or None: a figure
    is the unit's when it is the unit's own row, or the sentence it is printed in names the unit; the department's
    figure for the item ("深圳市水务局财政拨款“三公”经费 469.17") never answers "观澜河流域管理中心三公经费多少"."""
    for f in facts:
        doc = docs.get(f.doc_id)
        if doc is None or is_unit(f.row, doc):
            continue
        units = named_units(question, doc, printed)
        if not units:
            continue
        if any(_bare(u) in f.row or _bare(u) in f.source for u in units):
            continue
        return (
            f"问的是“{units[0]}”，找到的却是{doc.department}整个部门的数字，没有读到这个单位自己的这一项，因此没有给出"
        )
    return None


def _bare(name: str) -> str:
    """A unit's name without its city ("深圳市观澜河流域管理中心" → 观澜河流域管理中心)."""
    place = CITY_PREFIX.match(name)
    return name[len(place.group(0)) :] if place else name


class FundSplit(Unanswerable):
    """A unit's item printed once per fund with no total of its own: the figures (one per fund column) to be added
    by the calculator, the sum shown with its terms."""

    def __init__(self, reason: str, facts: list[Fact]):
        super().__init__(reason)
        self.facts = facts


def fund_split(facts: list[Fact], unit: str) -> str | None:
    """Why a unit's item printed once per fund (公务接待费 under 一般公共预算 | 政府性基金预算 | 国有资本经营预算) and
    no fund asked is not answered: the table prints no total of the item across funds, so no one figure is it."""
    columns = dict.fromkeys(f.column for f in facts if column_item(f) != f.column)
    if len(columns) < 2 or len({column_item(f) for f in facts}) != 1:
        return None
    funds = "、".join(dict.fromkeys(c.split("·")[-1] for c in columns))
    return f"文件中“{unit}”的{column_item(facts[0])}按资金分列（{funds}），没有印出合计；请说明问的是哪一种资金"
