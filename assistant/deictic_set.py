"""A set of departments a follow-up points back to ("这五个单位里政府采购有工程类的是哪些？", "这几个部门中…"):
the set the conversation named before, written into the follow-up, or a refusal asking which departments.

The set is the earlier question's counted set with its names listed ("我负责的五个单位（无锡交通、无锡人社…）") or,
when the earlier answer read departments across documents, those departments. A count that differs from the
set's is no reference to it. Cue words are data (deictic_set.toml).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import longest_first
from assistant.named_set import COUNTED
from assistant.numerals import value as numeral_value
from assistant.records import Answer

__all__ = ["asks_which", "pointed", "resolved"]


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(files("assistant").joinpath("deictic_set.toml").read_text(encoding="utf-8"))


@cache
def _pointer() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in longest_first(_data()["pointers"]))
    nouns = "|".join(re.escape(w) for w in longest_first(_data()["nouns"]))
    return re.compile(
        rf"(?:{words})\s*(?:(?P<count>[0-9]+|[两二三四五六七八九十]+|几)\s*[个家]|些)\s*(?:{nouns})?"
        rf"|(?:{words})些(?=[里中的])"
    )


def pointed(question: str) -> re.Match[str] | None:
    """Where a question points back to a set of departments ("这五个单位", "这几个部门", "上面这些"), or None."""
    m = _pointer().search(question)
    if m and m.group(0).endswith("些") and not m.group(0).startswith(("上面", "上述", "以上", "前面")):
        return None  # a bare "这些" names items as often as departments ("这些项目"): a noun must follow
    if m and (re.match(r"\s*[（(]", question[m.end() :]) or _names_before(question[: m.start()])):
        return None  # "深圳和重庆这五个部门", "这三家单位（福利院、社工部、万里街道）": the question's own set
    return m


def _names_before(head: str) -> bool:
    """Whether the words right before a pointer are names it sums up (a CJK word that is no lead word)."""
    last = head.rstrip()[-1:]
    return bool(re.fullmatch(r"[\u4e00-\u9fff]", last)) and last not in _data()["leads"]


def _count(m: re.Match[str]) -> int | None:
    word = m.group("count")
    if not word or word == "几":
        return None
    return int(word) if word.isdigit() else int(numeral_value(word) or 0)


def _named_before(history: Sequence[Answer]) -> list[tuple[str, int]]:
    """The sets the conversation named, latest first: (the set as written, how many departments)."""
    out: list[tuple[str, int]] = []
    for a in reversed(history):
        text = a.question
        if (m := COUNTED.search(text)) and (listed := re.match(r"\s*[（(][^）)]+[）)]", text[m.end() :])):
            number = m.group(1)
            count = int(number) if number.isdigit() else int(numeral_value(number) or 0)
            out.append((m.group(0) + listed.group(0), count))
        elif a.across is not None and len(a.across.departments) >= 2:
            names = a.across.departments
            out.append((f"{len(names)}个部门（{'、'.join(names)}）", len(names)))
    return out


def resolved(question: str, history: Sequence[Answer]) -> str | None:
    """The follow-up with the set it points to written out; "" when it points to a set the conversation did not
    name (a refusal asks which); None when it points to no set."""
    m = pointed(question)
    if m is None or not history:
        return None
    count = _count(m)
    for written, n in _named_before(history):
        if count is None or count == n:
            return question[: m.start()] + written + question[m.end() :]
    return ""


def asks_which(question: str) -> str:
    """The refusal of a set pointed to that the conversation did not name."""
    m = pointed(question)
    said = m.group(0) if m else "这些部门"
    return f"问题里的“{said}”指哪几个部门？前面的对话没有列出这些部门，请写出部门名称再问"
