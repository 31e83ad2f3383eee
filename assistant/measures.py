"""Measures of one printed figure that the rule engine answers by the calculator, with the trace.

- A change the prose states against the same year's budget ("比年初预算数增加 1668.14万元") is no change on
  the year before: `on_year_before` keeps only changes stated against a year.
- "平均每月" is the year's figure ÷ 12 (`per_month`): the figure is the engine's own verified answer to the
  question without the per-month words, and the division is written out.

The words are data (assistant/measures.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from assistant import calculator as calc
from assistant.cues import alternation
from assistant.draft import fmt, operand, sources
from assistant.records import Answer
from index.normal import squeeze
from index.records import Fact

if TYPE_CHECKING:
    from assistant.turn import Turn

_SNIPPET = re.compile(r"「([^」]*)」")


@cache
def _data() -> dict[str, Any]:
    """The package's measures.toml, read once."""
    return dict(tomllib.loads(files("assistant").joinpath("measures.toml").read_text(encoding="utf-8")))


@cache
def _same_year() -> re.Pattern[str]:
    """A comparison with a budget figure of no stated year: "比年初预算数", "较预算"."""
    words = alternation(_data()["same_year_base"]["words"])
    return re.compile(rf"(?<![\d年])(?:比|较|与)\s*(?:本年|当年)?\s*(?:{words})")


def against_same_year(f: Fact) -> bool:
    """The printed change is stated against the same year's budget, not against a year before."""
    quoted = _SNIPPET.findall(f.source)
    return bool(quoted) and bool(_same_year().search(squeeze(quoted[-1])))


def on_year_before(facts: Iterable[Fact]) -> list[Fact]:
    """The changes (or rates) among `facts` that compare with a year, none stated against the same year's budget."""
    return [f for f in facts if not against_same_year(f)]


def asks_same_year(question: str) -> bool:
    """The question compares with the same year's budget ("实际支出比年初预算多了多少")."""
    return bool(_same_year().search(squeeze(question)))


def on_base(facts: Iterable[Fact], question: str) -> list[Fact]:
    """The changes among `facts` stated against the base the question asks: the same year's budget when it
    asks that, else a year before."""
    want = asks_same_year(question)
    return [f for f in facts if against_same_year(f) == want]


def of_column(facts: Iterable[Fact], column: str | None) -> list[Fact]:
    """The printed changes among `facts` that are of the column asked ("基本支出比上年增加多少"): a change whose
    row, column and sentence never name that column is the whole's, not the column's, and answers no such
    question. With no column asked, all of them."""
    return [f for f in facts if column_kept(column, f"{f.row} {f.column} {f.column_role or ''} {f.source}")]


def column_kept(column: str | None, printed: str) -> bool:
    """A printed change (its subject, or its fact's row, column and sentence) is of the part column asked
    (measures.toml part_columns), or none is asked."""
    if not column or column not in _data()["part_columns"]["words"]:
        return True
    return squeeze(column) in squeeze(printed)


def base_of(f: Fact, year: int) -> str:
    """What a printed change is stated against, as the answer names it: "年初预算数" or "2018年"."""
    quoted = _SNIPPET.findall(f.source)
    m = _same_year().search(squeeze(quoted[-1])) if quoted else None
    return re.sub(r"^(?:比|较|与)", "", m.group(0)) if m else f"{year}年"


def rate_asked(question: str) -> bool:
    """The question asks a change as a percent ("下降了多少个百分点", "增长了几成", "砍了多少百分比"), not as an
    amount nor a share."""
    rate = _data()["rate_asked"]
    text = squeeze(question)
    if "占" in text:
        return False
    return bool(_change_rate().search(text)) or (
        any(w in text for w in rate["words"]) and any(w in text for w in rate["direction"])
    )


@cache
def _change_rate() -> re.Pattern[str]:
    """A change verb right before a percent asked ("砍了多少百分比", "减了百分之几"): measures.toml rate_asked."""
    rate = _data()["rate_asked"]
    verbs, joins, asks = (alternation(rate[k]) for k in ("verbs", "joins", "asks"))
    return re.compile(rf"(?:{verbs})(?:{joins})?(?:{asks})")


def points_asked(question: str) -> str:
    """What an answer says when the question asks 百分点 and the rate of change is answered ("" otherwise)."""
    return str(_data()["rate_asked"]["note"]) if rate_asked(question) and "百分点" in question else ""


def amount_taken(question: str) -> bool:
    """ "占了多少钱": 占 asking the amount an item takes, not its share of a whole."""
    return bool(re.search(_data()["amount_taken"]["pattern"], squeeze(question)))


@cache
def _per_month() -> re.Pattern[str]:
    return re.compile(_data()["per_month"]["pattern"])


def months_per_year() -> int:
    """The divisor of a per-month figure (measures.toml)."""
    return int(_data()["per_month"]["months"])


def asks_per_month(question: str) -> re.Match[str] | None:
    """The one place a question asks a year's figure per month ("平均每月", "摊到每个月"); None when it asks none,
    several, or a monthly standard printed as such ("每人每月补贴标准")."""
    found = list(_per_month().finditer(question))
    if len(found) != 1 or any(w in question for w in _data()["per_month"]["not_words"]):
        return None
    if re.search(_data()["per_month"]["other_rate"], question):
        return None  # "每平米每月多少钱": a rate per area, never the year's figure ÷ 12
    return found[0]


def per_month(engine: Turn, question: str, doc_id: str | None) -> Answer | None:
    """ "平均每月…" as the year's figure ÷ 12, the year's figure verified; None when the question asks no
    per-month figure or the year's figure is not one printed amount of money."""
    if (m := asks_per_month(question)) is None:
        return None
    whole_q = (question[: m.start()] + question[m.end() :]).strip()
    if not re.search(r"[\u4e00-\u9fff]{2,}", whole_q):
        return None
    year = engine.rules(whole_q, doc_id=doc_id)
    if year.refused or len(year.facts) != 1 or year.value is None or year.unit not in calc.MONEY:
        return None
    f = year.facts[0]
    if f.value != year.value or f.unit != year.unit:
        return None  # the year's answer is itself computed: no second calculation on top of it
    months = int(_data()["per_month"]["months"])
    name = f.row
    if re.fullmatch(r"(?:本年)?(?:合计|总计|小计)", name):  # "合计" of the “三公” table: the subject asked
        subjects = year.query.subjects if year.query else ()
        name = engine.pick.name(subjects[0]) if subjects else f"{f.table or ''}{f.row}"
    c = calc.ratio(operand(f), calc.Operand(value=Decimal(months), unit="", label="月数"))
    text = (
        f"{f.year}年{f.department}{name}{m.group(0)}约为 {fmt(c.value, c.unit)}（全年数 ÷ {months}，"
        f"公开文件只有全年数）。\n计算：{f.row} {fmt(f.value, f.unit)} ÷ {months} = {fmt(c.value, c.unit)}\n"
        f"出处：{sources(f)}"
    )
    turn = engine.turn([f.doc_id])
    figures = turn.verifier.check(text, [f.doc_id], [c])
    if any(g.verdict == "mismatch" for g in figures):
        return None
    return Answer(
        question=question, text=text, refused=False, value=c.value, unit=c.unit, figures=figures,
        citations=list(year.citations), query=year.query, facts=[f],
    )  # fmt: skip
