"""Named departments each written with its own year ("佛山轨道交通局2019年和烟台审计局2026年的三公经费合计"): each
department is read in the document of its own year, and the answer says the years differ, never "一次问一个年度".
Used by assistant/across.py (reading the pairs) and assistant/overview.py (the documents read)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.compare import Scope
from assistant.draft import Unanswerable
from index.records import DocumentInfo

_YEAR_AFTER = re.compile(r"\s*(?:的)?\s*((?:19|20)\d{2})\s*年(?:度)?")  # "佛山轨道交通局2019年"
_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?\s*(?:的)?\s*$")  # "2019年佛山轨道交通局"


def own_years(text: str, named: Mapping[str, str]) -> tuple[tuple[str, int], ...]:
    """(department, its year) when every one of two or more named departments is written right beside a year of its
    own and the years are not all one; else ()."""
    if len(named) < 2:
        return ()
    out: dict[str, int] = {}
    for department, alias in named.items():
        found = {int(m.group(1)) for i in _starts(text, alias) if (m := _YEAR_AFTER.match(text, i + len(alias)))}
        found |= {int(m.group(1)) for i in _starts(text, alias) if (m := _YEAR_BEFORE.search(text[max(0, i - 8) : i]))}
        if len(found) != 1:
            return ()
        out[department] = found.pop()
    years = set(out.values())
    written = {int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", text)}
    return tuple(out.items()) if len(years) > 1 and written == years else ()


def _starts(text: str, alias: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(alias), text)] if alias else []


def scope_of_own_years(pairs: Sequence[tuple[str, int]], pool: Sequence[DocumentInfo], kinds: Sequence[str]) -> Scope:
    """Each department's document of its own year (of the kind asked, else the one kind it has that year), every
    line labelled with its year and kind, and the coverage saying the years differ."""
    docs: list[DocumentInfo] = []
    for department, year in pairs:
        held = [d for d in pool if d.department == department and d.year == year and d.kind in kinds]
        if not held:
            raise Unanswerable(f"库中没有{department} {year} 年的{'或'.join(kinds)}")
        if len({d.kind for d in held}) > 1:
            raise Unanswerable(f"库中{department} {year} 年的预算和决算都有，请写明要用哪一种")
        docs.append(held[0])
    present = {d.kind for d in docs}
    two = len(present) > 1
    kind = "预算或决算" if two else present.pop()
    each = "、".join(f"{d.department} {d.year} 年{d.kind}" for d in docs)
    differ = "年度和预算/决算口径不同" if two else "年度不同"
    covered = f"按问题所写的年度，各部门各读一份文件：{each}（{differ}，仅供参考）"
    return Scope(
        docs=docs, year=max(d.year for d in docs), kind=kind, covered=covered, mixed=True, kinds=two, asked=True
    )
