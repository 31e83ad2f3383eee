"""A 科目 named with its parents: "农林水支出（类）水利（款）行政运行（项）", "交通运输支出中公路水路运输里的行政运行".

The question's path is read as a chain of names, each a child of the one before; every link of the chain must
be a row whose 科目编码 lies under its parent's code, so a 款 is never answered for a 项 and a row under
another parent never for the one asked.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path

from assistant.knowledge import Link

_DATA = tomllib.loads((Path(__file__).with_name("subject_path.toml")).read_text(encoding="utf-8"))
LEVELS: tuple[str, ...] = tuple(_DATA["levels"])
_LEVEL = "[" + "".join(LEVELS) + "]"
# "（类）", "(款)", "（类款）", "（项级）": a level marker written after a name
MARKER = re.compile(r"\s*[（(]\s*" + _LEVEL + r"{1,3}\s*级?\s*[）)]\s*")
# the separators of a path ("X下面的Y", "X里Y", "X中的Y"), as in understand.WITHIN
STEP = re.compile(r"下面的|下面|下的|里面的|里面|里的|中的|当中的|之中的|其中的|里|中")


def mark_path(text: str) -> str:
    """ "农林水支出（类）水利（款）行政运行（项）是多少" → "农林水支出里水利里行政运行是多少": a marker before another
    name is a step of the path; one at the end (or before a separator) is dropped."""

    def step(m: re.Match[str]) -> str:
        rest = text[m.end() :]
        if (
            re.match(r"[\u4e00-\u9fff]", rest)
            and not STEP.match(rest)
            and not re.match(r"是|为|有|的[是为]?|决算|预算", rest)
        ):
            return "里"
        return ""

    return MARKER.sub(step, text)


def steps(segment: str) -> list[str]:
    """The names of a path, parent first ("A里B中的C" → [A, B, C])."""
    return [p for p in STEP.split(segment) if p.strip()]


def with_of(parts: list[str]) -> list[str]:
    """The path with each "Y的Z" read as two names ("交通运输支出中公路水路运输的行政运行"): tried only as a path,
    whose every step must lie under the one before."""
    return [q for p in parts for q in p.split("的") if q.strip()]


def under(codes: Iterable[str], parents: set[str]) -> set[str]:
    """The codes that lie strictly under one of `parents`."""
    return {c for c in codes if any(c.startswith(p) and c != p for p in parents)}


def resolve(
    parts: list[str], docs: list[str], link: Callable[[str, bool], Link | None]
) -> tuple[str, str | None] | None:
    """The last name of a path of three or more names and the one code it lies at, each name under the one
    before; None when a name links nothing or lies under no code of its parent (never a row of another
    parent). `link(phrase, scoping)` links one name."""
    first = link(parts[0], True)
    if first is None:
        return None
    codes = {f.code for f in first.label.facts if f.code and f.doc_id in docs}
    found = first
    for part in parts[1:]:
        child = link(part, False)
        if child is None or not codes:
            return None
        codes = under((f.code for f in child.label.facts if f.code and f.doc_id in docs), codes)
        if not codes:
            return None
        found = child
    return found.label.key, (next(iter(codes)) if len(codes) == 1 else None)
