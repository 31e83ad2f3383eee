"""The rows a ranking ranks when the question names a column that counts or scores, not money.

"绩效自评得分最低的是哪个项目" ranks the rows of the table printing a 自评分数 column (佛山 2019 决算's project
self-evaluation table: 项目名称 | 自评分数, in 分): the question names the column by its own words (自评) and by
the word of its unit (得分 → 分, index/catalog.toml `counts`). Only a column in a unit that is no money is read
here: the rankings of amounts are `assistant.ranking`'s own. Several tables printing such a column, or a column
the question names by its unit alone, are no ranking read surely: None.
"""

from __future__ import annotations

from index.catalog import catalog
from index.records import Fact
from index.units import MONEY


def _place(f: Fact) -> str:
    """The table a fact is printed in, as its source names it (the source without its row and column)."""
    return f.source.rsplit(" · ", 2)[0]


def _named(column: str, unit: str, asked: str) -> bool:
    """Whether `asked` (a question's words before its ranking) names `column`: its stem (the column without the
    count word that gives its unit: 自评分数 → 自评) and a word for that unit (得分, 分数, 评分 → 分)."""
    words = [w for w, u in catalog().counts.items() if u == unit]
    stem = next((column.removesuffix(w) for w in sorted(words, key=len, reverse=True) if column.endswith(w)), "")
    return len(stem) >= 2 and stem in asked and any(w in asked for w in words)


def column_rows(facts: list[Fact], asked: str) -> list[Fact] | None:
    """The rows of the one table whose non-money column `asked` names, each row once; None when none or several
    tables print one, or it has fewer than two rows."""
    tables: dict[tuple[str, str], list[Fact]] = {}
    for f in facts:
        if f.unit and f.unit not in MONEY and f.unit != "%" and _named(f.column, f.unit, asked):
            tables.setdefault((_place(f), f.column), []).append(f)
    if len(tables) != 1:
        return None
    rows = next(iter(tables.values()))
    if len({f.row for f in rows}) != len(rows) or len(rows) < 2:
        return None  # a row printed twice (or once): no ranking read surely
    return rows
