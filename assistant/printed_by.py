"""The one department whose documents print an item a question names without naming a department:
"北京四环主路维修专项工程年初预算安排多少" (a project described only in 北京市交通委员会's prose), "原审计署烟台基地退休
人员补助经费多少" (a row of 烟台市审计局's table of projects). The item is the longest run of the question's words
that some stored document prints; it is that department's when the documents printing it are one department's
(and of the place the question writes, if it writes one). A run inside a 科目's name (national template words,
printed by any department) or a department's name, a word of what is asked (printed_by.toml) or a run shorter than `SHORTEST` scopes
nothing; several departments printing it, or words no place explains before it (a name not read), leave the
question to be asked back."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path

from assistant.places import said
from assistant.tokens import to_template
from index.records import DocumentInfo

SHORTEST = 5  # characters of the shortest run read as an item's name ("花岗岩树池")
_YEAR = re.compile(r"\d{2,4}\s*年(?:度)?")
_RUN = re.compile(r"[\u4e00-\u9fff]+")
_PARTICLES = frozenset({"的", "之", "那个", "这个"})  # between a place and the item: no name
_FILLERS = "的之要将"  # around a word before the item: "新增的…", "要轮换…"


@cache
def asked_words() -> re.Pattern[str]:
    """The words of what a question asks (printed_by.toml), never part of an item's name."""
    words = tomllib.loads(Path(__file__).with_name("printed_by.toml").read_text(encoding="utf-8"))["asked_words"]
    return re.compile("|".join(sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=64)
def _template(body: str) -> str:
    """A document's text in the template's wording, as the question is read (退休人员 → 退休)."""
    return to_template(body)


@cache
def own_unit_words() -> tuple[str, ...]:
    """The words by which an asker points at their own unit (printed_by.toml `own_unit`)."""
    return tuple(tomllib.loads(Path(__file__).with_name("printed_by.toml").read_text(encoding="utf-8"))["own_unit"])


def points_at_own_unit(text: str) -> bool:
    """Whether the question says "我们单位", "本部门"…: a unit no document names, so never the one printing."""
    return any(w in text for w in own_unit_words())


def printed_by(
    text: str,
    docs: Mapping[str, DocumentInfo],
    text_of: Callable[[str], str],
    coded_rows_in: Callable[[str], list[str]] | None,
    names: Iterable[str] = (),
) -> list[str]:
    """The documents of the one department that prints the item `text` names (see the module); [] when the
    text names no item so printed, several departments print it, or words no place explains stand before it
    ("万里2023年面向中小企业预留…": a name not read, never another department's)."""
    everyone = {d.department for d in docs.values()}
    places = said(text, everyone)
    departments = set(everyone)
    for place in places:
        departments &= place.departments
    if not departments:
        return []
    texts = {doc_id: _template(text_of(doc_id)) for doc_id in docs}
    clean = asked_words().sub(" ", _YEAR.sub(" ", text))
    runs = _RUN.findall(clean)
    template = {name for run in runs for name in (coded_rows_in(run) if coded_rows_in else [])}
    template |= {name for d in docs.values() for name in (d.department, *d.aliases)}  # "福州市公安局": a name
    template |= set(names)  # the store's other departments, when `docs` are only some of them (the year asked)
    for size in range(max((len(r) for r in runs), default=0), SHORTEST - 1, -1):
        grams = {r[i : i + size] for r in runs for i in range(len(r) - size + 1)}
        found = {
            g: {docs[d].department for d, body in texts.items() if g in body}
            for g in grams
            if not any(g in name for name in template)
        }
        found = {g: printing for g, printing in found.items() if printing}
        if not found:
            continue
        printing = set().union(*found.values())
        if len(printing) > 1 and (only := _one_owner(found, clean)):
            found = {g: p for g, p in found.items() if p == only}  # "商务发展资金绩效目标里资助展会场次"
            printing = only
        if len(printing) > 1 and coded_rows_in and (only := _outside_names(found, texts, docs, coded_rows_in)):
            found = {g: only for g, p in found.items() if only <= p}  # "水库移民后期扶持" against "大中型水库移民…支出"
            printing = only
        if len(printing) > 1 or not printing <= departments:
            return []  # several departments print it, or one of another place: asked which
        before = clean[: min(clean.find(g) for g in found)]
        for place in said(before, everyone):
            before = before[: place.start] + " " * (place.end - place.start) + before[place.end :]
        own = [texts[d] for d, info in docs.items() if info.department in printing]
        # words before the item that the printing department's own text prints too ("西安2019年新增的城乡居民
        # 煤改洁奖补资金": 新增) or a particle after a place ("北京的…") name no other department
        unread = [
            r
            for r in _RUN.findall(before)
            if r not in _PARTICLES and not any(r.strip(_FILLERS) in body for body in own)
        ]
        if unread:
            return []
        return [d for d, info in docs.items() if info.department in printing]
    return []


def _one_owner(found: dict[str, set[str]], clean: str) -> set[str]:
    """The one department that alone prints some of the runs found, when every run others print too straddles one
    of its runs (a run across two words: "资金绩效目标" of "商务发展资金|绩效目标", printed by any department that has
    a 资金绩效目标 of its own); else an empty set (several items, printed by several departments: asked which)."""
    own = {g: p for g, p in found.items() if len(p) == 1}
    owners = set().union(*own.values()) if own else set()
    if len(owners) != 1:
        return set()
    spans = [(m.start(), m.end()) for g in own for m in re.finditer(re.escape(g), clean)]
    for g in found.keys() - own.keys():
        for m in re.finditer(re.escape(g), clean):
            if not any(m.start() < end and start < m.end() for start, end in spans):
                return set()
    return owners


@lru_cache(maxsize=64)
def _bare(body: str, coded_rows_in: Callable[[str], list[str]]) -> str:
    """A document's text with the 科目 names it prints blanked (national template rows, longest first)."""
    for name in coded_rows_in(body):
        body = body.replace(name, " ")
    return body


def _outside_names(
    found: dict[str, set[str]],
    texts: Mapping[str, str],
    docs: Mapping[str, DocumentInfo],
    coded_rows_in: Callable[[str], list[str]],
) -> set[str]:
    """The one department that prints a run found outside the 科目 names, when every other prints the runs only
    inside a longer 科目's name (the project "水库移民后期扶持" of 重庆市水利局 against 佛山's 科目 "大中型水库移民
    后期扶持基金支出": another item); else an empty set."""
    among = set().union(*found.values())
    owners = {
        docs[d].department
        for d, body in texts.items()
        if docs[d].department in among and any(g in _bare(body, coded_rows_in) for g in found)
    }
    return owners if len(owners) == 1 else set()


def without_place(text: str, department: str) -> str:
    """The text with the place it opens with (after blanks) blanked when that is the department's own place ("北京四环主路…" of
    北京市交通委员会 reads as "四环主路…", as a department's name is blanked), else the text as it is."""
    first = next(iter(said(text, [department])), None)
    if first is None or first.start != len(text) - len(text.lstrip()):
        return text
    return " " * first.end + text[first.end :]
