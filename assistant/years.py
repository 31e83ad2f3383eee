"""Years said in a question, checked against the figures an answer is made of (cue words in years.toml).

- "2023年实际支出" / "2023年执行了多少" asks an actual figure: an answer read from a 预算数 (the 2023 预算
  document's plan) is not it, and is refused unless the figure has that role.
- "2023年和2024年…加起来" asks both years: an answer read from one year's document is not it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import alternation, longest_first, year_words
from assistant.understand import NOT_BUDGET
from index.records import Fact

YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# "2023年和2024年", "2023、2024年", "2023年与2024年": the years joined, one span of the question
JOINED = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:和|与|及|以及|跟|、|,|，)\s*((?:19|20)\d{2})\s*年")
BUDGET_ROLES = frozenset({"预算数", "全年预算数", "年初预算数", "调整预算数"})


@cache
def _words() -> dict[str, Any]:
    return dict(tomllib.loads(files("assistant").joinpath("years.toml").read_text(encoding="utf-8")))


def _any(words: Sequence[str], text: str) -> bool:
    return any(w in text for w in words)


def asks_actual(question: str, answered_year: int | None = None) -> bool:
    """The question asks what was actually spent or executed (实际, 执行了, 决算; 花了 of a year before the
    document answering, `answered_year`)."""
    w = _words()
    text = question
    for rate in w["not_actual"]:
        text = text.replace(rate, " ")
    said = asked_years(question)
    past = answered_year is not None and any(y < answered_year for y in said)
    if past and _any(w["actual_colloquial"], text):
        return True
    return _any(w["actual"], text) or (_any(w["actual_kind"], text) and "预算" not in NOT_BUDGET.sub("", text))


def is_actual(f: Fact) -> bool:
    """A figure that is an actual one: a 决算's own figure (not its 预算数 column), or one printed as 执行/决算."""
    printed = f"{f.column}{f.column_role or ''}{f.source}"
    if f.doc_kind == "决算":
        return f.column_role not in BUDGET_ROLES and "预算数" not in f.column
    return _any(_words()["actual_printed"], printed.replace("决算表", ""))


COLUMN_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")  # a header part starting with a year: "2025年年初预算数"


@cache
def _last_year_column() -> re.Pattern[str]:
    """A header part that is a word of the year before, alone or with a measure: "上年", "上年度预算数"."""
    measures = alternation(year_words("column_measures"))
    return re.compile(rf"(?:{alternation(year_words('last_year'))})度?(?:{measures})?")


def column_year(f: Fact) -> int:
    """The year a figure is for by its column's header: a header part starting with a year ("2025年预算数",
    "2025年年初预算数") → that year; a part that is a word of the year before ("上年", "上年预算数"; years.toml
    column_measures) → the year before the document's. Any other column ("合计", "本年预算数", "上年结转",
    "比2025年增减") is the document's year."""
    for part in f.column.split("·"):
        if m := COLUMN_YEAR.match(part.strip()):
            return int(m.group(1))
        if _last_year_column().fullmatch(part.strip()):
            return f.year - 1
    return f.year


def asked_years(question: str) -> list[int]:
    """The years written in the question, in order, each once."""
    return list(dict.fromkeys(int(y) for y in YEAR.findall(question)))


# "26年预算", "比25年年初预算": a year written with two digits (not "2026年", "26.5年", "126年")
SHORT_YEAR = re.compile(r"(?<![\d.])(\d{2})(?=\s*年)")


def full_years(question: str, held: Collection[int]) -> str:
    """The question with its two-digit years written in full ("26年" → "2026年") when the full year is one of
    the `held` years (of the documents, or the year before one); any other number before 年 is left as said."""

    def full(m: re.Match[str]) -> str:
        year = 2000 + int(m.group(1))
        return str(year) if year in held else m.group(0)

    return SHORT_YEAR.sub(full, question)


def asks_sum_of_years(question: str) -> bool:
    """Two years written together and their figures put together (2023年和2024年…加起来一共多少); not two years
    said apart ("2026年预算的“三公”表里2025年预算数合计": one document's column for another year)."""
    return bool(JOINED.search(question)) and _any(_words()["sum"], question)


def relative_offset(question: str) -> int | None:
    """The year said relative to the document (前年 → −2, 明年 → +1), or None when none is said."""
    text = question
    for word in _words()["not_relative"]["words"]:
        text = text.replace(word, " ")
    found = [(w, n) for w, n in _words()["relative"].items() if w in text]
    if not found:
        return None
    return int(max(found, key=lambda wn: len(wn[0]))[1])  # the longest written: 上一年, not 上年


def mismatch(question: str, facts: Sequence[Fact], measure: str) -> str | None:
    """Why an answer read from `facts` does not answer the years the question says, or None."""
    money = [f for f in facts if f.unit not in ("%",)]
    if not money or measure not in ("amount", "sum", "prior"):
        return None
    years = asked_years(question)
    offset = relative_offset(question)
    if not years and offset not in (None, 0, -1):
        assert offset is not None
        base = max(f.year for f in money)  # the document answering is 今年
        target = base + offset
        if not all(f.year == target or f"{target}年" in f.column for f in money):
            return f"问题问的是{target}年（相对于{base}年的文件），库中没有找到该部门{target}年的数"
    if asks_sum_of_years(question) and len({f.doc_id for f in money}) < len(years):
        said = "和".join(f"{y}年" for y in years)
        return f"问题要把{said}的数加在一起，但只读到了其中一个年度文件的数，不能只给出一年的数"
    if asks_actual(question, max(f.year for f in money)) and not all(is_actual(f) for f in money):
        year = f"{years[0]}年" if len(years) == 1 else ""
        return f"问题问的是{year}实际支出（执行数/决算数），所找到的数是预算数，不能代替；公开文件中没有找到{year}对应的执行数或决算数"
    return None


def one_year_each(question: str) -> list[tuple[int, str]]:
    """The question asked once per year it joins ("2023年和2024年…" → the 2023年… and 2024年… questions), with
    the words that put the years together removed; [] when the years are not written as one joined span."""
    m = JOINED.search(question)
    if not m:
        return []
    rest = question[: m.start()] + "{year}年" + question[m.end() :]
    for word in longest_first(_words()["sum"]):
        rest = rest.replace(word, "")
    rest = re.sub(r"的?(?:这)?(?:两|(?<!\d)2)年", "", rest)
    return [(y, rest.replace("{year}", str(y))) for y in (int(m.group(1)), int(m.group(2)))]
