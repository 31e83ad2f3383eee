"""The measure a question asks, kept to the answer: a rate, a change, a date or a count is never answered with
a figure of another measure (the year's amount of money for "增长幅度是多少" or "减了多少", a project's amount for
"几月前完成", a 维护费 for "how many vehicles"), nor an amount of money with a count.

`unkept` reads the measure asked (cue words: assistant/measure_kept.toml) and compares it with the figure an
answer shows as its value; a mismatch is the reason of a refusal that names what is missing. Counts asked in a
Chinese counter ("多少座") and money asked in Chinese are assistant/counts.py's (unit_unkept, money_unkept)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from assistant import calculator as calc
from assistant.cues import alternation
from assistant.records import Answer
from index.numbers import ascii_digits
from index.records import Fact


@cache
def cues() -> dict[str, Any]:
    """The package's measure_kept.toml, read once."""
    return dict(tomllib.loads(files("assistant").joinpath("measure_kept.toml").read_text(encoding="utf-8")))


def _text(question: str) -> str:
    """The question lower-cased, spaces kept between English words only."""
    text = re.sub(r"\s+", " ", ascii_digits(question)).lower()
    return re.sub(r"\s*([^\x00-\x7f])\s*", r"\1", text)


def _any(text: str, words: Sequence[str]) -> bool:
    return any(w.lower() in text for w in words)


def rate_asked(question: str) -> bool:
    """The question asks a rate of change ("增长幅度是多少", "增幅", "growth rate")."""
    c, text = cues()["rate"], _text(question)
    return _any(text, c["words"]) and not _any(text, c["not_words"])


@cache
def _verb_asked(section: str) -> re.Pattern[str]:
    """A verb of the cue section, its joining words, then its ask words ("减了多少", "买的是什么")."""
    c = cues()[section]
    verbs, joins, asks = (alternation(c[k]) for k in ("verbs", "joins", "asks"))
    return re.compile(rf"(?P<verb>{verbs})(?:{joins})?(?:{asks})")


def change_asked(question: str) -> bool:
    """The question asks a change ("减了多少", "比上年增加多少", "how much did … decrease")."""
    c, text = cues()["change"], _text(question)
    for m in _verb_asked("change").finditer(text):
        if m.group("verb") in ("多", "少") and text[m.start() : m.start() + 2] == "多少":
            continue  # "多少" itself
        if not any(text[: m.start()].endswith(w) for w in c["not_before"]):
            return True
    return _any(text, c["english"]) and _any(text, c["english_verbs"])


def is_change(f: Fact) -> bool:
    """A printed change: its column (or row) names an increase, a decrease or a difference."""
    return _any(f"{f.column} {f.row}", cues()["change"]["columns"])


def date_asked(question: str) -> bool:
    """The question asks a date or deadline ("几月前完成", "什么时候", "deadline")."""
    c, text = cues()["date"], _text(question) + " "
    return _any(text, c["words"]) and not _any(text, c["not_words"])


def score_asked(question: str) -> bool:
    """The question asks a score ("系统评分要求是多少", "得几分")."""
    c, text = cues()["score"], _text(question)
    return _any(text, c["words"]) and not _any(text, c["not_words"])


@cache
def _count_noun() -> re.Pattern[str]:
    c = cues()["count_noun"]
    return re.compile(rf"(?:{alternation(c['verbs'])})了?(?:{alternation(c['asks'])})(?P<noun>[\u4e00-\u9fff]{{2,}})")


def count_asked(question: str) -> bool:
    """The question asks a count with no counter of its own: English "how many …", or "储备多少活体生猪" (a noun
    holding no money word)."""
    c, text = cues()["count"], _text(question)
    if _any(text, c["english"]) and not _any(text, c["not_words"]):
        return True
    n = cues()["count_noun"]
    nouns = [m.group("noun") for p in (_count_noun(), _count_number()) for m in p.finditer(text)]
    return any(
        not _any(noun, n["money"]) and not _any(noun, n["not_words"]) and not _any(noun, n["amount_nouns"])
        for noun in nouns
    )


@cache
def _count_number() -> re.Pattern[str]:
    """ "车辆数是多少": the two characters before a 数 asked as a number."""
    c = cues()["count_noun"]
    number, links, asks = (alternation(c[k]) for k in ("number", "links", "asks"))
    return re.compile(rf"(?P<noun>[\u4e00-\u9fff]{{1,2}})(?:{number})(?:{links})?(?:{asks})")


def items_asked(question: str) -> bool:
    """The question asks what was bought ("货物买的是什么", "采购了哪些", "what did … buy"): items, not an amount."""
    c, text = cues()["items"], _text(question)
    return bool(_verb_asked("items").search(text)) or (_any(text, c["english"]) and _any(text, c["english_verbs"]))


def money_asked(question: str) -> bool:
    """An amount of money asked in English ("how much … budget for …")."""
    c, text = cues()["money"], _text(question)
    return _any(text, c["english"]) and _any(text, c["words"]) and not _any(text, c["not_words"])


def unkept(question: str, unit: str | None, facts: Sequence[Fact], computed: bool) -> str | None:
    """Why an answer whose value is in `unit` (from `facts`, or `computed` by the calculator) is of another
    measure than the one the question asks, or None."""
    if not unit:
        return None
    money = unit in calc.MONEY
    if rate_asked(question) and unit != "%":
        return f"问题问的是变化的幅度（百分比），找到的数字是以“{unit}”计的，不是所问的幅度；公开文件中没有找到这一幅度"
    if date_asked(question) and (money or unit == "%"):
        return f"问题问的是时间（日期或期限），找到的数字是以“{unit}”计的，不是所问的时间；公开文件中没有找到这一时间"
    if score_asked(question) and unit not in cues()["score"]["units"]:
        return f"问题问的是评分（分值），找到的数字是以“{unit}”计的，不是所问的分值；公开文件中没有找到这一分值"
    if change_asked(question) and not computed and facts and not any(is_change(f) for f in facts):
        return "问题问的是变化（增减）的数额，找到的只是当年的数，不是变化；公开文件中没有找到这一变化"
    if count_asked(question) and (money or unit == "%"):
        return f"问题问的是数量，找到的数字是以“{unit}”计的，不是所问的数量；公开文件中没有找到这一数量"
    if items_asked(question) and money:
        return "问题问的是买了哪些东西（采购的品目），找到的只是金额，不是所买的东西；没有用金额充当答案"
    if money_asked(question) and not money:
        return f"问题问的是金额，找到的数字是以“{unit}”计的，不是所问的金额；公开文件中没有找到这一金额"
    return None


def kept(question: str, answer: Answer) -> Answer:
    """`answer`, or a refusal when the figure it shows as its value is of another measure than `question` asks
    (an English question read whole, whose Chinese reading may have dropped the measure: "budget for vehicle
    purchase" read as the number of vehicles)."""
    if answer.refused or answer.value is None:
        return answer
    computed = not any(f.value == answer.value and f.unit == answer.unit for f in answer.facts)
    reason = unkept(question, answer.unit, answer.facts, computed)
    if reason is None:
        return answer
    text = f"抱歉，公开文件中找不到这个问题的答案：{reason}。"
    return Answer(question=answer.question, text=text, refused=True, query=answer.query, timings=answer.timings)
