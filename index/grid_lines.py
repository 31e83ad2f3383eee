"""A page's words as text lines cut into cells: what index/grids.py reads unruled tables from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from index.numbers import NO_VALUE, parse_number

Span = tuple[float, float]  # x0, x1 of a column


@dataclass
class Cell:
    text: str
    x0: float
    x1: float


@dataclass
class TextLine:
    top: float
    bottom: float
    size: float
    cells: list[Cell] = field(default_factory=list)

    @property
    def numbers(self) -> list[Cell]:
        return [c for c in self.cells if is_number(c.text)]

    @property
    def amounts(self) -> list[Cell]:
        """The numbers right of the row's name (a 科目编码 before it is no amount)."""
        text = next((k for k, c in enumerate(self.cells) if not is_number(c.text)), None)
        return [c for c in self.cells[(text or 0) :] if is_number(c.text)]


def is_number(text: str) -> bool:
    v = parse_number(text)
    return isinstance(v, Decimal) or (v is NO_VALUE and text.strip() != "")


def is_amount(text: str) -> bool:
    """Written as an amount: with a decimal point or thousands separators (not a page number or code)."""
    return is_number(text) and bool(re.search(r"\d[.,]\d", text))


def text_lines(words: list[dict[str, Any]]) -> list[TextLine]:
    """The page's words as lines (by baseline), each cut into cells at gaps wider than a character."""
    out: list[TextLine] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        size = float(w.get("size") or (w["bottom"] - w["top"]))
        line = next((ln for ln in reversed(out[-3:]) if abs(ln.top - w["top"]) <= max(2.0, size * 0.3)), None)
        if line is None:
            line = TextLine(top=w["top"], bottom=w["bottom"], size=size)
            out.append(line)
        line.bottom = max(line.bottom, w["bottom"])
        line.cells.append(Cell(w["text"], w["x0"], w["x1"]))
    for line in out:
        words_in = sorted(line.cells, key=lambda c: c.x0)
        cells: list[Cell] = []
        for c in words_in:
            if cells and c.x0 - cells[-1].x1 <= line.size * 0.6:
                cells[-1] = Cell(cells[-1].text + _gap(cells[-1].text, c.text) + c.text, cells[-1].x0, c.x1)
            else:
                cells.append(Cell(c.text, c.x0, c.x1))
        line.cells = cells
    out.sort(key=lambda ln: ln.top)
    return out


def _gap(left: str, right: str) -> str:
    """What goes between two words of one cell: a space between Latin words, else nothing."""
    return " " if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha() else ""


def is_data(line: TextLine) -> bool:
    """A number row: a number in a cell of its own, beside other cells (or two numbers)."""
    return len(line.cells) >= 2 and bool(line.numbers) and not numbering(line)


def numbering(line: TextLine) -> bool:
    """The 栏次 row under a header: its columns numbered 1, 2, 3 …"""
    values = [parse_number(c.text) for c in line.numbers]
    return len(values) >= 2 and values == list(range(1, len(values) + 1))


def column_of(cell: Cell, columns: list[Span]) -> int:
    """The column a cell overlaps most (the nearest when it overlaps none)."""
    overlaps = [min(cell.x1, b) - max(cell.x0, a) for a, b in columns]
    best = max(range(len(columns)), key=lambda k: overlaps[k])
    if overlaps[best] > 0:
        return best
    centre = (cell.x0 + cell.x1) / 2
    return min(range(len(columns)), key=lambda k: abs((columns[k][0] + columns[k][1]) / 2 - centre))
