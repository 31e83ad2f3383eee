"""Held counts across departments: "北京市财政局和深圳市财政局谁的公车多？", "上海普陀那三家单位（社会福利院、社工部、
万里街道）谁的车最多", "三个民政局哪个车最多", "车最多的是哪个部门", "哪些单位一辆公车都没有".

The departments are the ones named (two or more, or a counted set: assistant/named_set.py), or, when none is
named, every department of the store. Each department's count of the noun (车辆 in 辆, 单价100万元以上设备 in 台)
is read from its own narrative through assistant/counts.py and verified against its own documents; a
department whose count is not printed (or printed for another threshold, or not verified) is a line that says
so, never a figure. The answer ranks the counts read, or lists those of none, and names the departments left
out. Anything else (a noun whose unit is not known, one department named) is None: left to the engine.

The words are data (assistant/count_across.toml)."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from assistant.counts import answer_count, cues
from assistant.draft import Draft, Unanswerable
from assistant.named_set import named_set
from assistant.places import ORG_ENDINGS, said, scoped
from assistant.records import Answer, Figure
from assistant.tokens import to_template

if TYPE_CHECKING:
    from assistant.turn import Turn

Way = Literal["most", "least", "none", "each"]
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# words before the noun: a year, and the departments named ("…水务局的单价100万元以上设备")
_LEAD = re.compile(rf"^(?:.*(?:{ORG_ENDINGS}|单位|部门)(?:里|中)?的)?(?:(?:19|20)\d{{2}}\s*年度?|[在中里的])*")


@cache
def _spec() -> dict[str, Any]:
    return tomllib.loads(Path(__file__).with_name("count_across.toml").read_text(encoding="utf-8"))


def _unit(printed: str) -> str | None:
    """The unit a printed noun is counted in: its own entry, else that of the noun it ends with (…设备)."""
    units: dict[str, str] = _spec()["units"]
    return units.get(printed) or next((u for n, u in units.items() if printed.endswith(n)), None)


def _asked(question: str) -> tuple[str, str, Way] | None:
    """(the printed noun, its unit, what is asked of the counts) of a question ranking or filtering counts."""
    found: list[tuple[str, Way]] = []
    for pattern in _spec()["patterns"]:
        found += [(m.group("noun"), "least" if m.group("most") in _spec()["least"] else "most")
                  for m in re.finditer(pattern, question)]  # fmt: skip
    for pattern in _spec()["none"]:
        found += [(m.group("noun"), "none") for m in re.finditer(pattern, question)]
    for pattern in _spec()["each"]:
        found += [(m.group("noun"), "each") for m in re.finditer(pattern, question)]
    if len({(_LEAD.sub("", n), w) for n, w in found}) != 1:
        return None
    asked, way = found[0]
    asked = _LEAD.sub("", asked)
    printed = cues()["nouns"].get(asked, asked)
    unit = _unit(printed)
    return (printed, unit, way) if unit else None


def _departments(engine: Turn, question: str) -> tuple[str, ...] | str | None:
    """The departments asked: those named (two or more, or a counted set), every one of the store when none
    is named, a refusal naming what does not match, or None (one department named: not a question across)."""
    text = to_template(question)
    held = list(dict.fromkeys(d.department for d in engine.kb.docs.values()))
    named = scoped(text, engine.understanding.named(text), said(text, held))
    counted = named_set(text, held, engine.kb.departments(), named)
    if counted is not None:
        return counted
    if len(named) >= 2:  # in the order written
        return tuple(sorted(named, key=lambda d: (text.find(named[d]) % (len(text) + 1), d)))
    return tuple(held) if not named and len(held) >= 2 else None


def _read(engine: Turn, department: str, noun: str, unit: str) -> tuple[Draft | None, list[Figure], str]:
    """One department's count of the noun from its own documents, verified there; else why there is none."""
    docs = [d for d in engine.kb.docs.values() if d.department == department]
    turn = engine.turn([d.doc_id for d in docs])
    name = re.sub(r"[（(][^（()）]*[)）]$", "", department)  # "西安市财政局（汇总）": the document is the scope
    missing = f"文件中没有印出{noun}的数量"
    try:
        draft = answer_count(f"{name}共有多少{unit}{noun}？", docs, turn.kb)
    except Unanswerable as e:
        return None, [], str(e)
    if draft is None or draft.value is None or draft.unit not in cues()["units"][unit]:
        return None, [], missing
    wanted = set(_NUMBER.findall(noun))
    if any(set(_NUMBER.findall(f.row)) != wanted for f in draft.facts):  # "单价20万元以上的设备" is not 100万元's
        return None, [], f"文件印的是“{'、'.join(f.row for f in draft.facts)}”的数量，不是所问的{noun}"
    figures = turn.verifier.check(draft.text, [d.doc_id for d in docs])
    if any(g.verdict == "mismatch" for g in figures):
        return None, [], missing
    return draft, figures, ""


def _line(department: str, draft: Draft | None, reason: str) -> str:
    if draft is None:
        return f"- {department}：{reason}"
    first, _, rest = draft.text.partition("\n")
    return f"- {first}（{rest.split('出处：', 1)[-1].strip()}）"


def compared(engine: Turn, question: str, doc_id: str | None) -> Answer | None:
    """The departments' held counts ranked or filtered, each read and verified in its own documents (see the
    module), a refusal naming the departments the question miscounts, or None."""
    if doc_id is not None or (asked := _asked(question)) is None:
        return None
    noun, unit, way = asked
    departments = _departments(engine, question)
    if departments is None:
        return None
    if isinstance(departments, str):
        return Answer(question=question, text=f"抱歉，公开文件中找不到这个问题的答案：{departments}。", refused=True)
    read = {d: _read(engine, d, noun, unit) for d in departments}
    counts = {d: r[0].value for d, r in read.items() if r[0] is not None and r[0].value is not None}
    units = {d: r[0].unit or unit for d, r in read.items() if r[0] is not None}
    if not counts:
        return None
    rising = way in ("least", "none")
    order = departments if way == "each" else sorted(
        departments, key=lambda d: (d not in counts, counts.get(d, Decimal(0)) * (1 if rising else -1))
    )  # fmt: skip
    verdict = _verdict(counts, units, noun, way, len(departments))
    lines = "\n".join(_line(d, read[d][0], read[d][2]) for d in order)
    left = [d for d in departments if d not in counts]
    note = f"\n未计入（文件中没有可用的数量）：{'、'.join(left)}" if left else ""
    text = f"{verdict}{lines}{note}\n（各部门公开文件所列的数量，年度和截至时间以原文为准）"
    drafts = [r[0] for r in read.values() if r[0] is not None]
    value, shown = None, None  # the count of the one department holding the most (fewest): the answer's figure
    if way not in ("each", "none"):
        best = (min if way == "least" else max)(counts.values())
        top = [d for d, v in counts.items() if v == best]
        value, shown = (best, units[top[0]]) if len(top) == 1 else (None, None)
    return Answer(
        question=question, text=text, refused=False, value=value, unit=shown,
        figures=[g for r in read.values() for g in r[1]],
        citations=[c for d in drafts for c in d.citations], facts=[f for d in drafts for f in d.facts],
    )  # fmt: skip


def _verdict(counts: dict[str, Decimal], units: dict[str, str], noun: str, way: Way, asked: int) -> str:
    """The first line: which department(s) hold the most, the fewest, or none of the noun ("" for each one's)."""
    return "" if way == "each" else _said(counts, units, noun, way, asked) + "\n"


def _said(counts: dict[str, Decimal], units: dict[str, str], noun: str, way: Way, asked: int) -> str:
    if way == "none":
        none = [d for d, v in counts.items() if v == 0]
        if not none:
            return f"印出数量的 {len(counts)} 个部门都有{noun}，没有数量为 0 的。"
        return f"{noun}数量为 0 的：{'、'.join(none)}。"
    if len(counts) == 2 and asked == 2:
        (a, va), (b, vb) = counts.items()
        if va == vb:
            return f"两个部门的{noun}一样多，都是 {va} {units[a]}。"
        more, fewer = (a, b) if va > vb else (b, a)
        return f"{fewer if way == 'least' else more}的{noun}{'更少' if way == 'least' else '更多'}。"
    best = (min if way == "least" else max)(counts.values())
    top = [d for d, v in counts.items() if v == best]
    among = f"在印出数量的 {len(counts)} 个部门中，" if len(counts) < asked else ""
    return f"{among}{'、'.join(top)}的{noun}{'最少' if way == 'least' else '最多'}（{best} {units[top[0]]}）。"
