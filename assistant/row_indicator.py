"""A later part counting something of the project the first part answered from a table row ("警务辅助人员经费项目有
多少钱？聘几个人？" of 项目支出绩效目标表 · 警务辅助人员经费: 总额 44.47 万元, and under it the indicator 聘用人员数量
目标值 ≤10人): the one figure printed under that row in the unit the part asks, whose name holds every word the part
adds to its ask words ("聘" of 聘用人员数量) — never a figure of another row, nor one of another unit, and nothing when
two such figures fit."""

from __future__ import annotations

from assistant.draft import cited, fmt, where
from assistant.next_figure import FactsOf
from assistant.records import Answer, Citation, Figure
from index.records import Fact

_PATH = " · "  # the separator of a table figure's source path ("表 · 行 · 指标 · 列")


def under(first: Answer, unit: str, words: str, facts_of: FactsOf) -> Fact | None:
    """The one figure printed under the row of `first`'s one table figure, counted in `unit`, whose row holds every
    character of `words`; None when `first` answered no one table figure, or none or several fit."""
    if first.refused or first.value is None:
        return None
    own = [f for f in first.facts if f.table and f.value == first.value]
    if len(own) != 1:
        return None
    head = f"{own[0].table}{_PATH}{own[0].row}{_PATH}"
    found = [
        f for f in facts_of(own[0].doc_id)
        if f.table == own[0].table and f.source.startswith(head) and f.unit == unit and f.row != own[0].row
        and all(c in f.row for c in words)
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def answered(part: str, first: Answer, unit: str, words: str, facts_of: FactsOf) -> Answer | None:
    """`part` answered by the figure `under` the first part's row, with its printed cell ("目标值 ≤10人")."""
    f = under(first, unit, words, facts_of)
    if f is None:
        return None
    said = fmt(f.value, f.unit)
    owner = f.source.split(_PATH)[1]
    cell = f.source.split(_PATH)[-1]
    text = f"{part}：{owner}的“{f.row}”{cell}（表中所列，{said}）。\n出处：{where(f)}"
    figure = Figure(text=said, value=f.value, unit=f.unit, verdict="verified", source=cited(f))
    citation = Citation(doc_id=f.doc_id, where=where(f), text=f"{f.row} {cell}")
    return Answer(question=part, text=text, refused=False, value=f.value, unit=f.unit, figures=[figure],
                  citations=[citation], facts=[f])  # fmt: skip
