"""A false premise in a why-question: "收入为什么增长了？" when the disclosure prints a fall.

Before a sentence is quoted as the reason, the change the disclosure prints for the very item asked is read
(the engine's own change answer for the same query). When it moves the other way, the answer is the
correction — "公开文件所列是减少 193.20 万元，并未增长" — with the printed change; a quote (the reason for the
fall, or another item's paragraph) never answers it. The cue words are data (assistant/premise.toml).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from assistant.cues import longest_first
from assistant.knowledge import norm
from assistant.narrative import Change

Direction = Literal["up", "down"]


@cache
def _data() -> dict[str, Any]:
    """assistant/premise.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("premise.toml").read_text(encoding="utf-8"))


@cache
def _asked() -> re.Pattern[str]:
    return re.compile(str(_data()["asked"]))


def _direction(word: str) -> Direction | None:
    if word in _data()["up"]:
        return "up"
    if word in _data()["down"]:
        return "down"
    return None


def asked_direction(question: str) -> tuple[str, Direction] | None:
    """The direction of a change a why-question takes for granted, with its word: ("增长", "up"), or None."""
    m = _asked().search(question)
    if m is None:
        return None
    word = m.group("span") or m.group("span2")
    direction = _direction(word)
    return (word, direction) if direction else None


def printed_direction(text: str) -> tuple[str, Direction] | None:
    """The direction a change answer states ("比2025年减少 2 万元" → ("减少 2 万元", "down")), or None when
    it states none or both."""
    words = longest_first([*_data()["up"], *_data()["down"]])
    m = re.search(
        rf"(?P<word>{'|'.join(map(re.escape, words))})\s*(?P<amount>-?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|%))", text
    )
    if m is None:
        return None
    direction = _direction(m.group("word"))
    return (f"{m.group('word')} {m.group('amount')}", direction) if direction else None


def correction(question: str, change_text: str) -> str | None:
    """The correction of a why-question whose direction the printed change `change_text` contradicts, or None
    (no direction asked, none printed, or the same)."""
    asked = asked_direction(question)
    printed = printed_direction(change_text)
    if asked is None or printed is None or asked[1] == printed[1]:
        return None
    return str(_data()["correction"]).format(printed=printed[0], asked=asked[0])


def without_premise(text: str) -> str:
    """`text` without the change a why-question takes for granted ("预算增加的原因是什么" → "预算 是什么"): the
    direction and its 原因/为什么 are no item, so "预算" alone still names the budget as a whole."""
    return re.sub(rf"(?:{_asked().pattern})(?:{_data()['tail']})?", " ", text)


def whole_stated(paragraphs: Sequence[tuple[str, list[str]]]) -> tuple[str, str] | None:
    """(heading, sentences) of the prose's first sentence that states the change of the budget as a whole
    ("收入预算 44169.36 万元，比2025年年初预算数 44021.20 万元增加 148.16 万元"), with the next sentence when it
    gives the reason ("主要原因是…"); or None. The whole's names are premise.toml's `whole` (never after a
    fund or part: 财政拨款支出预算 is a part) or `whole_leading` at a sentence's start before 比 ("收入比2025年减少");
    the direction with its amount must follow the name, before any 其中 (a part's change) or ；."""
    data = _data()
    parts = "".join(f"(?<!{re.escape(w)})" for w in data["not_after"])
    names = "|".join(map(re.escape, data["whole"]))
    leading = "|".join(map(re.escape, data["whole_leading"]))
    pattern = re.compile(rf"{parts}(?:{names})|^(?:{leading})(?=\s*比)")
    for head, said in paragraphs:
        for n, sentence in enumerate(said):
            at = pattern.search(sentence.strip())
            own = re.split(r"其中|；|;", sentence.strip()[at.end() :])[0] if at else ""  # "其中：…减少": a part's
            if printed_direction(own):
                reason = said[n + 1] if n + 1 < len(said) and "原因" in said[n + 1] else ""
                return head, sentence.strip() + reason
    return None


def how_much(question: str) -> Literal["change", "growth"] | None:
    """What a why-question asks of the change besides its reason ("为什么增加了？增加了多少？" → "change",
    "…增长的原因是什么，增长了百分之几" → "growth"), read outside the premise itself; None when it asks only why."""
    m = re.search(str(_data()["how_much"]), without_premise(question))
    if m is None:
        return None
    return "growth" if re.search(str(_data()["how_much_rate"]), m.group(0)) else "change"


def stated_figure(question: str) -> tuple[str, Decimal] | None:
    """The figure a why-question states with its premise ("为什么增长了46.22%" → ("46.22%", 46.22)), or None."""
    m = _asked().search(question)
    if m is None:
        return None
    f = re.match(r"\s*了?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>%|万元|亿元|元)", question[m.end() :])
    return (f.group(0).strip().lstrip("了").strip(), Decimal(f.group("num").replace(",", ""))) if f else None


def direction_words(direction: Direction) -> list[str]:
    """The words of one direction (premise.toml's `up` or `down`), longest first."""
    return longest_first(_data()[direction])


def either_way(question: str) -> bool:
    """Whether a question asks which way a figure moved ("多了还是少了"): answered by the signed change."""
    return bool(re.search(str(_data()["either_way"]), question))


def names_subject(passage: str, items: Sequence[str]) -> bool:
    """Whether a passage quoted to explain an item names that item ("项目支出…减少的原因…" for 项目支出): a
    paragraph on another item's change ("“三公”经费…减少 32.23 万元") explains nothing of it. No items (the budget
    as a whole, a table): any passage."""
    plain = norm(passage)
    return not items or any(norm(i) in plain for i in items if i)


def on_asked_path(question: str, found: Sequence[Change]) -> list[Change]:
    """The changes of one item name printed under the parent the question names ("宣传事务一般行政管理事务": the
    一般行政管理事务 of 宣传事务, not of 群众团体事务); when they lie under several parents and the question names
    none of them, none (which row is asked is not known); under one parent, all."""
    paths = {c.parents for c in found}
    if len(paths) <= 1:
        return list(found)
    asked = norm(question)
    named = [c for c in found if any(len(norm(p)) >= 2 and norm(p) in asked for p in c.parents[-1:])]
    return named if len({c.parents for c in named}) == 1 else []


def item_corrected(question: str, changes: Sequence[Change], item: str) -> tuple[str, Change] | None:
    """(the correction, the printed change) of a why-question about `item` whose direction the change printed
    for that very item contradicts ("事业单位医疗为什么减少" ← "事业单位医疗…比2023年预算执行数增加14.04%"), or
    None: no direction asked, no change printed for the item itself (a parent's or another item's is no answer)."""
    asked = asked_direction(question)
    if asked is None:
        return None
    for c in on_asked_path(question, [c for c in changes if norm(c.subject) == norm(item)]):
        signed = c.change if c.change is not None else c.rate
        if signed is None or signed == 0:
            continue
        printed: Direction = "up" if signed > 0 else "down"
        if printed == asked[1]:
            return None
        word = _data()["up" if printed == "up" else "down"][0]
        said = f"{c.change_unit}" if c.change is not None else "%"
        text = f"比{c.against}{word} {abs(signed)}{'' if said == '%' else ' '}{said}"
        return str(_data()["correction"]).format(printed=text, asked=asked[0]), c
    return None


def figure_stated(question: str) -> tuple[str, Decimal] | None:
    """The figure a question states after a direction word ("比上年增长了50%，主要原因是什么" → ("50%", 50))."""
    ways = "|".join(map(re.escape, [*direction_words("up"), *direction_words("down")]))
    m = re.search(rf"(?:{ways})了?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>%|万元|亿元|元)", question)
    return (f"{m.group('num')}{m.group('unit')}", Decimal(m.group("num").replace(",", ""))) if m else None


def stated_wrong(stated: tuple[str, Decimal], c: Change, subject: str) -> str | None:
    """The correction of a why-question whose stated figure ("增长了50%") the item's printed change `c` is not
    (a rate within a percentage point, an amount in its unit within 0.5%), or None."""
    if c.change is None or not c.change:
        return None
    written, value = stated
    if written.endswith("%"):
        base = c.amount - c.change if c.amount is not None and c.change_unit == c.unit else None
        rate = c.rate if c.rate is not None else (c.change * 100 / base if base else None)
        if rate is None or abs(abs(rate) - value) <= 1:
            return None
    elif not written.endswith(c.change_unit) or abs(abs(c.change) - value) <= value * Decimal("0.005"):
        return None
    word = "增加" if c.change > 0 else "减少"
    printed = f"{subject}比{c.against}{word}{abs(c.change)}{c.change_unit}"
    if written.endswith("%") and c.rate is not None:  # a rate stated: the rate printed ("增长0.34%")
        printed += f"，{'增长' if c.rate > 0 else '下降'}{abs(c.rate)}%"
    return str(_data()["stated"]).format(printed=printed, stated=written) + f"。据{c.where}：「{c.sentence}」"
