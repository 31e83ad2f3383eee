"""The rows a ranking ranks when the question names a table of purchases: "政府采购里最大的一笔是什么" ranks the
item rows of the one 政府采购 table the document prints (无锡市交通运输局 2026 表13: 复印纸, 其他印刷服务,
其他咨询服务), in its total column. The table is named by its catalog subject (index/catalog.toml: 政府采购,
政府购买服务; the kinds read are measures.toml [ranking] item_tables).

Read surely or not at all: a question that says more about the rows than the table (分散采购的, 服务项目 —
columns of words no figure holds) is no ranking read here; nor a table whose items repeat a name (which line
is which is not printed in the figures), nor one whose items do not add up to a total it prints.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant import calculator as calc
from assistant.departments import name_parts
from assistant.measures import _data
from assistant.threshold import totals
from assistant.units import is_unit
from index.catalog import catalog
from index.records import DocumentInfo, Fact

_TOTAL = re.compile(r"合计|总计|小计")
_FRAME = re.compile(r"\d{4}年度?|[的里中，,、\s]|当中|之中|里面|其中|所列|列出")  # words framing the table named


def named_table(before: str) -> tuple[str, str] | None:
    """(the kind, its subject as written) of the one table of purchases the words before a ranking name."""
    kinds = set(_data()["ranking"]["item_tables"])
    found = {(t.kind, t.subject) for t in catalog().tables if t.kind in kinds and t.subject and t.subject in before}
    return found.pop() if len(found) == 1 else None


def said_more(before: str, subject: str, names: list[str], doc: DocumentInfo) -> bool:
    """Whether the words before a ranking say more than the department (`names`, as written, and its place), the
    year and the table: "分散采购的服务项目" asks rows of a kind no figure records."""
    rest = before
    places = list(parts.places) if (parts := name_parts(doc.department)) else []
    for word in sorted([*names, *doc.aliases, doc.department, subject, *places], key=len, reverse=True):
        rest = rest.replace(word, "")
    return bool(_FRAME.sub("", rest))


def item_rows(facts: list[Fact], doc: DocumentInfo, kind: str) -> list[Fact] | None:
    """The items of the one table of `kind`, each in the table's total column; None when no table or several,
    fewer than two items, an item name printed twice, or items that do not add up to a total the table prints."""
    cells = [f for f in facts if f.table and f.table_kind == kind and f.unit in calc.MONEY]
    if len({f.table for f in cells}) != 1:
        return None
    items = [
        f for f in cells
        if f.column_role in totals() and not _TOTAL.search(f.row) and not is_unit(f.row, doc)
        and f.row not in (doc.department, *doc.aliases)
    ]  # fmt: skip
    if len(items) < 2 or len({f.row for f in items}) != len(items) or len({f.column for f in items}) != 1:
        return None
    added = sum((calc.convert(f.value, f.unit, "元") for f in items), start=Decimal(0))
    printed = {calc.convert(f.value, f.unit, "元") for f in cells if f not in items}
    return items if added in printed else None
