"""Several named departments asked one department's question each ("北京市财政局和北京市信访办公室2026年的“三公”经费
分别下降了多少百分比", "深圳三个部门（财政局、科创局、水务局）的房屋面积各是多少"): the list of names is replaced
by each department's full name in turn and that question answered by the single-department engine; a line is
kept only when every fact it shows is of that department's own documents and no figure contradicts them, and
otherwise says why it is not answered. Nothing is summed or ranked here (assistant/across.py and
assistant/count_across.py do that).

Only a question whose department names are written together (separated by 、 和 与 及, within brackets, after
a place or a counted set) and that asks 分别 / 各自 / 各是 is read so; anything else is None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.named_set import named_set
from assistant.places import said, scoped
from assistant.records import Answer
from assistant.tokens import to_template

if TYPE_CHECKING:
    from assistant.turn import Turn

EACH = re.compile(r"分别|各自|各是|各为|各有多少|各多少")
_BETWEEN = re.compile(r"[\s、，,和与及跟同（）()]*")  # what may separate the names of one list
_SET = r"(?:这|那)?(?:[0-9一二两三四五六七八九十]+\s*[个家])?(?:部门|单位|局|委办局)"
_AFTER = re.compile(rf"^[）)]?\s*(?:{_SET})?(?:里|中|当中)?")


def _span(text: str, written: list[str], places: list[str]) -> tuple[int, int] | None:
    """Where the list of names is written (with a place or a counted set before it, and its bracket), or None
    when the names are written apart."""
    at = sorted((m.start(), m.end()) for w in set(written) for m in re.finditer(re.escape(w), text))
    if not at:
        return None
    merged = [list(at[0])]
    for s, e in at[1:]:
        if s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        elif _BETWEEN.fullmatch(text[merged[-1][1] : s]):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    if len(merged) != 1:
        return None
    start, end = merged[0]
    place = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True)) or "(?!)"
    before = re.search(rf"(?:(?:{place})(?:市|区)?)?\s*(?:{_SET})?\s*[（(：:]?$", text[:start])
    start = before.start() if before else start
    after = _AFTER.match(text[end:])
    return start, end + (after.end() if after else 0)


def each_named(turn: Turn, question: str, ask: Callable[[str], Answer]) -> Answer | None:
    """One line per named department, each the single-department answer of its own question (see the module)."""
    text = to_template(question)
    if not EACH.search(text):
        return None
    held = list(dict.fromkeys(d.department for d in turn.kb.docs.values()))
    places = said(text, held)
    named = scoped(text, turn.understanding.named(text), places)
    counted = named_set(text, held, turn.kb.departments(), named)
    departments = counted if isinstance(counted, tuple) else tuple(named)
    departments = tuple(sorted(departments, key=lambda d: (text.find(named.get(d) or d) % (len(text) + 1), d)))
    if isinstance(counted, str) or len(departments) < 2 or not set(departments) <= set(named):
        return None
    span = _span(text, [named[d] for d in departments], [p.name for p in places])
    if span is None:
        return None
    start, end = span
    parts: list[tuple[str, Answer | None, str]] = []
    for department in departments:
        own = {d.doc_id for d in turn.kb.docs.values() if d.department == department}
        rest = f"{text[:start]}{department}{text[end:]}"
        one = (
            rest if re.search(r"[、和与]|(?<!以)及", text[:start] + text[end:]) else EACH.sub("", rest)
        )  # items: 分别 kept
        a = ask(one)
        if a.refused:
            parts.append(
                (department, None, a.text.split("\n")[0].removeprefix("抱歉，公开文件中找不到这个问题的答案："))
            )
        elif not a.facts:
            parts.append((department, None, "没有找到该部门公开文件中可核对的数字"))
        elif any(f.doc_id not in own for f in a.facts):
            parts.append((department, None, "找到的数字不全是该部门公开文件中的，没有给出"))
        elif any(g.verdict == "mismatch" for g in a.figures):
            parts.append((department, None, "答案中的数字与公开文件不符，没有给出"))
        else:
            parts.append((department, a, ""))
    answered = [a for _, a, _ in parts if a is not None]
    if not answered:
        return None
    blocks = [f"【{d}】\n{a.text.strip()}" if a else f"【{d}】\n没有回答：{why}" for d, a, why in parts]
    return Answer(
        question=question, text="\n".join(blocks), refused=False, value=None, unit=None,
        figures=[g for a in answered for g in a.figures], citations=[c for a in answered for c in a.citations],
        facts=[f for a in answered for f in a.facts],
    )  # fmt: skip
