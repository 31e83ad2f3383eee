"""Whether a printed row names the subject asked, or another subject whose name only contains it.

A row whose name is the asked name with a word glued before it counts something else: "单位管理的离退休人员 78"
is not the 退休人员 asked (the page prints 退休 72 apart), 其他交通运输支出 is not 交通运输支出, 一般公务用车
is not 公务用车. Harmless affixes — "人员", "经费", "支出" written or not, a 部门/单位 prefix — name the same subject
(assistant/named_subject.toml); a clause before the name that ends in 的 modifies nothing glued to it.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import longest_first
from index.normal import label_key as norm


@cache
def _affixes() -> dict[str, Any]:
    """assistant/named_subject.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("named_subject.toml").read_text(encoding="utf-8"))


def core(name: str) -> str:
    """A name without one harmless prefix and one harmless suffix: "本部门退休人员" → 退休, "退休人数" → 退休;
    never reduced to nothing ("人员" stays 人员)."""
    text = norm(name)
    for w in longest_first(_affixes()["prefixes"]):
        if text.startswith(w) and len(text) > len(w):
            text = text[len(w) :]
            break
    for w in longest_first(_affixes()["suffixes"]):
        if text.endswith(w) and len(text) > len(w):
            text = text[: -len(w)]
            break
    return text


def same(asked: str, row: str) -> bool:
    """Whether `row` prints the subject asked itself, affixes aside ("退休人员" ← 退休)."""
    return bool(core(asked)) and core(asked) == core(row)


def other_subject(asked: str, row: str, question: str = "") -> bool:
    """Whether `row` contains the asked name only with a word glued before it, so that it counts another
    subject ("退休人员" in 单位管理的离退休人员, "交通运输支出" in 其他交通运输支出): False when it is the subject itself, when
    the name stands on its own somewhere in it ("其他按照规定配备的公务用车"), when the `question` itself says the
    word ("内设几个机构" ← 内设机构), or when it does not contain it."""
    a, r = core(asked), norm(row)
    if len(a) < 2 or same(asked, row) or a not in r:
        return False
    at = r.find(a)
    while at >= 0:
        if not _glued(r[:at], norm(question)):
            return False
        at = r.find(a, at + 1)
    return True


def _glued(before: str, question: str) -> bool:
    """Whether what stands before a name is a word glued to it that makes another subject: a short word after
    the last separator ("离" of 单位管理的离退休, "其他" of 其他交通运输), not a clause ("单位预算安排购置车辆"),
    a verb ("共有车辆") or a harmless prefix ("本部门在职人员")."""
    a = _affixes()
    cut = max((before.rfind(s) for s in a["separators"]), default=-1)
    word = before[cut + 1 :]
    if word in a["prefixes"] or any(word.endswith(v) for v in a["verbs"]) or (word and word in question):
        return False
    return 0 < len(word) <= a["glued_at_most"]
