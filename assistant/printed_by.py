"""The one department whose documents print an item a question names without naming a department:
"北京四环主路维修专项工程年初预算安排多少" (a project described only in 北京市交通委员会's prose), "原审计署烟台基地退休
人员补助经费多少" (a row of 烟台市审计局's table of projects). The item is the longest run of the question's words
that some stored document prints; it is that department's when the documents printing it are one department's
(and of the place the question writes, if it writes one). A run that is a 科目's name (national template words,
printed by any department) or shorter than `SHORTEST` scopes nothing, and several departments printing it leave
the question to be asked back."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path

from assistant.places import said
from assistant.tokens import to_template
from index.records import DocumentInfo

SHORTEST = 6  # characters of the shortest run read as an item's name
_YEAR = re.compile(r"\d{2,4}\s*年(?:度)?")
_RUN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def asked_words() -> re.Pattern[str]:
    """The words of what a question asks (printed_by.toml), never part of an item's name."""
    words = tomllib.loads(Path(__file__).with_name("printed_by.toml").read_text(encoding="utf-8"))["asked_words"]
    return re.compile("|".join(sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=64)
def _template(body: str) -> str:
    """A document's text in the template's wording, as the question is read (退休人员 → 退休)."""
    return to_template(body)


def _runs(text: str, cut: Iterable[tuple[int, int]]) -> list[str]:
    """The runs of Chinese characters of a text once the spans `cut` (places said), years and the words of
    what is asked (年初预算, 安排, 多少) are blanked."""
    chars = list(text)
    for start, end in cut:
        chars[start:end] = " " * (end - start)
    return _RUN.findall(asked_words().sub(" ", _YEAR.sub(" ", "".join(chars))))


def printed_by(
    text: str,
    docs: Mapping[str, DocumentInfo],
    text_of: Callable[[str], str],
    coded_rows_in: Callable[[str], list[str]] | None,
) -> list[str]:
    """The documents of the one department that prints the item `text` names (see the module); [] when the
    text names no item so printed, or several departments print it."""
    places = said(text, {d.department for d in docs.values()})
    departments = {d.department for d in docs.values()}
    for place in places:
        departments &= place.departments
    if not departments:
        return []
    texts = {doc_id: _template(text_of(doc_id)) for doc_id in docs}
    runs = _runs(text, [(p.start, p.end) for p in places])
    template = {name for run in runs for name in (coded_rows_in(run) if coded_rows_in else [])}
    for size in range(max((len(r) for r in runs), default=0), SHORTEST - 1, -1):
        grams = {r[i : i + size] for r in runs for i in range(len(r) - size + 1)}
        grams = {g for g in grams if not any(g in name for name in template)}
        printing = {docs[d].department for g in grams for d, body in texts.items() if g in body}
        if printing:
            if len(printing) > 1 or not printing <= departments:
                return []  # several departments print it, or one of another place: asked which
            return [d for d, info in docs.items() if info.department in printing]
    return []


def without_place(text: str, department: str) -> str:
    """The text with the place it opens with (after blanks) blanked when that is the department's own place ("北京四环主路…" of
    北京市交通委员会 reads as "四环主路…", as a department's name is blanked), else the text as it is."""
    first = next(iter(said(text, [department])), None)
    if first is None or first.start != len(text) - len(text.lstrip()):
        return text
    return " " * first.end + text[first.end :]
