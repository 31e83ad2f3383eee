"""Whether a quoted sentence gives what a text question asks, beyond sharing its words.

A passage the search ranks first may name the item and still answer another question: a sentence giving why an
amount rose is no use ("那1800万是干什么用的？"), a sentence giving the income's growth is no reason why the 项级科目
are not printed (the document's own note about that absence is), a project's table row is no list of the 高校 given
money. The kinds of answer and their words are data (assistant/quote_fit.toml); this module holds the grammar.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from assistant.explain import WHY
from assistant.knowledge import norm

if TYPE_CHECKING:
    from collections.abc import Sequence

DEFINITION = re.compile(r"^(?:[一二三四五六七八九十]+、)?[^：:，。]{2,16}[：:]\s*(?:是指|指)|是指")


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(files("assistant").joinpath("quote_fit.toml").read_text(encoding="utf-8"))


def _any(words: list[str], text: str) -> bool:
    return any(w in text for w in words)


def asks_why_not_printed(question: str) -> bool:
    """Whether a question asks why something is not printed ("…为什么没有说明？", "为什么没有…绩效目标表？")."""
    return bool(WHY.search(question)) and (_any(_data()["not_printed"], question) or _asks_absent(question))


def _asks_absent(question: str) -> bool:
    """Whether a question names a printed thing as absent ("没有部门主管专项资金的绩效目标表")."""
    words = "|".join(map(re.escape, sorted(_data()["absent_words"], key=len, reverse=True)))
    things = "|".join(map(re.escape, sorted(_data()["absent_things"], key=len, reverse=True)))
    return bool(re.search(rf"(?:{words})[^，。？?！!]{{0,24}}?(?:{things})(?:呢|吗|啊)?(?:[，。？?！!]|$)", question))


def absence_notes(question: str) -> tuple[str, ...]:
    """The words of the document's own note on an absence when a question asks why something is not printed
    (they answer it as a reason's words do), else ()."""
    return tuple(_data()["absence_notes"]) if asks_why_not_printed(question) else ()


def absent_search() -> str:
    """The words a why-not-printed question searches for besides its own (the document's note on an absence)."""
    return str(_data()["absent_search"])


def asks_duties(question: str) -> bool:
    """Whether a question asks what a department does ("平时主要管哪些事？")."""
    return _any(_data()["duties_asked"], question)


def states_duties(sentence: str) -> bool:
    """Whether a sentence states a department's duties ("主要职责是：…")."""
    return _any(_data()["duties_stated"], sentence)


def duties_search() -> str:
    """The words a duties question searches for besides its own (the section stating the duties)."""
    return str(_data()["duties_search"])


def asks_use(question: str) -> bool:
    """Whether a question asks what something is for ("…那1800万是干什么用的？"), and not why."""
    return not WHY.search(question) and _any(_data()["use_asked"], question)


def asked_things(question: str) -> str | None:
    """The kind of thing a "which" question asks for ("哪些高校多少钱" → 高校), or None when it asks none or a
    generic one ("哪些方面")."""
    which = "|".join(map(re.escape, sorted(_data()["which"], key=len, reverse=True)))
    m = re.search(rf"(?:{which})([\u4e00-\u9fff]{{2}})", question)
    if m is None or any(m.group(1).startswith(g) for g in _data()["generic"]):
        return None
    return m.group(1)


def asked_noun(question: str) -> str | None:
    """The whole noun a "which" question asks ("哪些办公设备" → 办公设备), or None when it asks a generic one."""
    if asked_things(question) is None:
        return None
    which = "|".join(map(re.escape, sorted(_data()["which"], key=len, reverse=True)))
    m = re.search(rf"(?:{which})([\u4e00-\u9fff]+)", question)
    if m is None:
        return None
    run, ends = m.group(1), [*_data()["thing_ends"], *_data()["bounds"]]
    cut = min((i for e in ends if (i := run.find(e, 2)) >= 0), default=len(run))
    return run[: min(cut, int(_data()["thing_length"]))]


def names_nothing(question: str, owner: Sequence[str] = ()) -> bool:
    """Whether a use question names no item: no figure, and nothing left once the department (`owner`: its
    names), the year, the use words and the fillers are taken out ("都是什么用途的")."""
    text = re.sub(r"(?:19|20)\d{2}\s*年度?", "", question)
    if re.search(r"\d", text):
        return False  # "那1800万是干什么用的": the figure names it
    for word in sorted([*owner, *_data()["use_asked"], *_data()["unnamed_fillers"]], key=len, reverse=True):
        text = text.replace(word, " ")
    return not re.search(r"[\u4e00-\u9fffA-Za-z]", text)


def asks_amount(question: str) -> bool:
    """Whether a question also asks an amount ("…是干什么的，多少钱？")."""
    return _any(_data()["amount_asked"], question)


def use_unprinted(refusal: str, clauses: Sequence[str]) -> str:
    """The line saying a use asked beside an amount is not printed; "" when a clause asks the amount of an item
    on its own ("金融支出是多少？主要是干什么的？": each clause is answered in a line of its own)."""
    amounts = "|".join(map(re.escape, sorted(_data()["amount_asked"], key=len, reverse=True)))
    alone = [c for c in clauses if not asks_use(c) and re.sub(rf"{amounts}|[是有为的呢吗，,。？?\s]", "", c)]
    return "" if alone else str(_data()["use_unprinted"]).format(refusal=refusal)


def use_search() -> str:
    """The words a use question searches for besides its own (the sentence printing a use)."""
    return str(_data()["use_search"])


def misfit(
    question: str, sentence: str, paragraph: str = "", items: Sequence[str] = (), owner: Sequence[str] = ()
) -> str | None:
    """Why a quoted sentence does not give what the question asks (a refusal naming what is not printed), or None
    when it may answer. `items`: the names of the items asked (plain, as the text may print them); `owner`: the
    names of the department asked."""
    if asks_why_not_printed(question):
        return None if _any(_data()["absence_notes"], sentence) else str(_data()["not_printed_refusal"])
    if asks_duties(question):
        return None if states_duties(sentence + paragraph) else str(_data()["duties_refusal"])
    if asks_use(question):
        if not items and names_nothing(question, owner):
            return str(_data()["use_refusal"])  # no item named: another item's use is never its answer
        named = not items or any(norm(i) in norm(sentence + paragraph) for i in items if i)
        gives_use = named and _any(_data()["uses"], sentence) and not _any(_data()["reasons"], sentence)
        return None if gives_use else str(_data()["use_refusal"])
    if thing := asked_things(question):
        if _any(_data()["bounds"], question) and re.search(r"\d", question):
            return str(_data()["bound_refusal"]).format(thing=thing)
        if (
            (noun := asked_noun(question) or thing) not in sentence
            or "｜" in sentence + paragraph
            or DEFINITION.search(sentence)
        ):
            return str(_data()["list_refusal"]).format(thing=noun)
    return None
