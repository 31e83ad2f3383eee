"""How much of a PDF's tables became facts, measured independently of our table reader.

    python -m eval.coverage FILE.pdf [FILE.pdf ...] [--json]

pdfplumber's own ruled-table extraction (default settings, not ours) lists the numeric
cells of every table page; on a page where it finds no ruled table, its text-strategy tables
(columns from word alignment) list the cells of unruled tables, rows with at least two numbers
only (prose lines hold at most one aligned number). Each cell is matched, as a (page, value)
multiset, with the table facts our ingest produced (those of the tables printed inside the
narrative too); ruled and unruled cells are reported apart. Code, 序号/行次 and 类/款/项 columns (by their header) are not
amounts and are not counted. Also reported: the tables recognised by catalog kind, and
facts whose column is a numbering column (must be 0), and every table of no known kind as
未分类 with its column and row labels (its cells are still facts, labelled by row and column).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

import pdfplumber

from eval.identities import Identities, identities
from index.catalog import is_code, is_ordinal
from index.errors import AssistantError
from index.facts import EMPTY_TABLE
from index.ingest import Parsed, read
from index.numbers import parse_number
from index.records import Fact
from index.tables import is_column_numbers


@dataclass
class Coverage:
    """Numeric table cells of a PDF and how many of them are facts."""

    name: str
    department: str
    year: int
    kind: str
    title: str  # "2026年无锡市交通运输局（本级）单位预算": what the document was identified as
    tables: dict[str, str | None]  # table as printed → catalog kind (None: not recognised)
    cells: int  # numeric amount cells in the ruled tables of every page
    matched: int  # of those, cells with a table fact of the same value on the same page
    unruled: int  # numeric amount cells in unruled tables (pages without a ruled table)
    unruled_matched: int  # of those, cells with a table fact of the same value on the same page
    ordinal_facts: int  # facts read from a 序号/行次/编码 column: must be 0
    missing: list[str] = field(default_factory=list)  # "第8页 51.32" for the first unmatched cells
    unclassified: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # 未分类 table → its labels
    identities: Identities = field(default_factory=Identities)  # the audit's identities: held, printed errors, bugs

    @property
    def share(self) -> float:
        return self.matched / self.cells if self.cells else 1.0

    @property
    def unruled_share(self) -> float:
        return self.unruled_matched / self.unruled if self.unruled else 1.0


@dataclass
class Refused:
    """A PDF our ingest refuses: its cells cannot be facts."""

    name: str
    reason: str  # the Chinese message the user sees


_TEXT_STRATEGY = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def numeric_cells(
    path: Path, pages: set[int], unruled: Counter[tuple[int, Decimal]] | None = None
) -> Counter[tuple[int, Decimal]]:
    """(page, value) of every amount cell in the ruled tables of the given pages; with `unruled`,
    the amount cells of the unruled tables of the pages without a ruled table are added to it."""
    out: Counter[tuple[int, Decimal]] = Counter()
    last_skip: dict[int, set[int]] = {}  # column count → code columns of the last header seen that wide
    with pdfplumber.open(path) as pdf:
        for number in sorted(pages):
            page = pdf.pages[number - 1]
            ruled = page.extract_tables()
            if not ruled and unruled is not None:
                unruled.update(_unruled_cells(page, number))
            for table in ruled:
                header: list[str] = []
                width = max((len(r) for r in table), default=0)
                skip: set[int] = set(last_skip.get(width, set()))  # a continued table prints no header
                for row in table:
                    cells = [(c or "").replace("\n", "").strip() for c in row]
                    values = [parse_number(c) for c in cells]
                    if is_column_numbers(cells):  # "栏次 | 1 | 2 | 3": the columns' numbers, no amounts
                        continue
                    if not any(isinstance(v, Decimal) for v in values):
                        header = cells
                        skip |= {j for j, c in enumerate(cells) if c and (is_code(c) or is_ordinal(c))}
                        last_skip[width] = skip
                        continue
                    for j, v in enumerate(values):
                        if isinstance(v, Decimal) and j not in skip and not _looks_like_code(cells, j, header):
                            out[(number, v)] += 1
                page.flush_cache()
    return out


def _unruled_cells(page: pdfplumber.page.Page, number: int) -> Counter[tuple[int, Decimal]]:
    """(page, value) of the amounts in rows of pdfplumber's text-strategy tables holding two or more."""
    out: Counter[tuple[int, Decimal]] = Counter()
    for table in page.extract_tables(_TEXT_STRATEGY):
        for row in table:
            cells = [(c or "").replace("\n", "").strip() for c in row]
            values = [parse_number(c) for c in cells]
            if sum(isinstance(v, Decimal) for v in values) < 2 or is_column_numbers(cells):
                continue
            for j, v in enumerate(values):
                if isinstance(v, Decimal) and not _looks_like_code(cells, j, []):
                    out[(number, v)] += 1
    return out


def _looks_like_code(cells: list[str], j: int, header: list[str]) -> bool:
    """A 科目编码 printed in a column the header names 功能分类科目编码 on an earlier page."""
    return (
        j == 0 and cells[j].isdigit() and len(cells[j]) in (3, 5, 7) and len(cells) > 2 and not cells[1][:1].isdigit()
    )


def _in_section_table(f: Fact) -> bool:
    """A fact read from a table printed inside the narrative (no 表N caption: "第七部分 … · 表格 · 预决算管理业务 ·
    预算数"): a table cell like any other, cited by its section."""
    return f.table is None and f.section is not None and f.source.startswith(f"{f.section} · 表格 · ")


def _page_count(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def coverage(path: Path, parsed: Parsed | None = None) -> Coverage:
    parsed = parsed or read(path)
    d = parsed.disclosure
    facts = [f for f in parsed.facts if (f.table or _in_section_table(f)) and f.page and EMPTY_TABLE not in f.source]
    unruled: Counter[tuple[int, Decimal]] = Counter()
    cells = numeric_cells(path, set(range(1, _page_count(path) + 1)), unruled)  # every page: unread tables too
    have: Counter[tuple[int, Decimal]] = Counter((f.page, f.value) for f in facts if f.page is not None)
    matched = sum(min(n, have.get(key, 0)) for key, n in cells.items())
    left = Counter({key: have.get(key, 0) - min(n, have.get(key, 0)) for key, n in cells.items()})
    left.update({key: n for key, n in have.items() if key not in cells})  # facts not spent on ruled cells
    unruled_matched = sum(min(n, left.get(key, 0)) for key, n in unruled.items())
    missing = [f"第{p}页 {v}" for (p, v), n in sorted(cells.items()) if n > have.get((p, v), 0)]
    missing += [f"第{p}页 {v}（无框线）" for (p, v), n in sorted(unruled.items()) if n > left.get((p, v), 0)]
    ordinal = sum(1 for f in parsed.facts if is_ordinal(f.column) or is_code(f.column))
    return Coverage(
        name=path.name,
        department=d.department,
        year=d.year,
        kind=d.kind,
        title=d.title,
        tables={name: t.kind for name, t in d.tables.items()},
        cells=sum(cells.values()),
        matched=matched,
        unruled=sum(unruled.values()),
        unruled_matched=unruled_matched,
        ordinal_facts=ordinal,
        missing=missing[:20],
        unclassified={
            name: {"title": [t.title], "columns": [c.name for c in t.columns], "rows": [r.label for r in t.rows]}
            for name, t in d.tables.items()
            if t.kind is None
        },
        identities=identities(path.name, parsed),
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.coverage", description="PDF 表格数字覆盖率")
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    results: list[Coverage | Refused] = []
    for p in args.files:
        try:
            results.append(coverage(p))
        except AssistantError as e:  # a refused document: reported, and the others still measured
            results.append(Refused(name=p.name, reason=str(e)))
    read = [r for r in results if isinstance(r, Coverage)]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        **asdict(r),
                        "share": round(r.share, 4),
                        "unruled_share": round(r.unruled_share, 4),
                        "identities_share": round(r.identities.share, 4),
                    }
                    if isinstance(r, Coverage)
                    else {**asdict(r), "refused": True}
                    for r in results
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    for r in results:
        if isinstance(r, Refused):
            print(f"{r.name}：未导入（{r.reason}）")
            continue
        known = sum(1 for k in r.tables.values() if k)
        print(f"{r.name}：{r.title}")
        listed = "、".join(f"{n}→{k or '未分类'}" for n, k in r.tables.items())
        print(f"  表格：识别 {known}/{len(r.tables)} 张（{listed}）")
        for name, labels in r.unclassified.items():
            rows = "、".join(labels["rows"][:8]) + ("…" if len(labels["rows"]) > 8 else "")
            print(f"  未分类：{name} {labels['title'][0]}（列：{'、'.join(labels['columns'])}；行：{rows or '无'}）")
        print(f"  数字单元格：{r.matched}/{r.cells}（{r.share:.1%}）成为数据；序号/编码列数据 {r.ordinal_facts} 条")
        if r.unruled:
            print(f"  无框线表格数字单元格：{r.unruled_matched}/{r.unruled}（{r.unruled_share:.1%}）成为数据")
        if r.missing:
            print(f"  未成为数据的单元格（前 20 个）：{'，'.join(r.missing)}")
        i = r.identities
        print(
            f"  恒等式：{i.held}/{i.checks} 成立，{len(i.printed)} 条为文件印错（eval/printed_errors.toml），"
            f"{len(i.bugs)} 条待查（{i.share:.1%} 成立或为印错）"
        )
        for line in i.bugs[:10]:
            print(f"    待查：{line}")
    good = all(
        r.share >= 0.99 and r.unruled_share >= 0.99 and r.identities.share >= 0.99 and not r.ordinal_facts for r in read
    )
    return 0 if good and len(read) == len(results) else 1  # a refused document is not covered


if __name__ == "__main__":
    sys.exit(main())
