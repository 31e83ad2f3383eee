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

from assistant.calculator import Operand, difference, total
from assistant.counts import answer_count, cues
from assistant.draft import Draft, Unanswerable
from assistant.places import ORG_ENDINGS, SET
from assistant.records import Across, Answer, Figure

if TYPE_CHECKING:
    from assistant.turn import Turn

Way = Literal["most", "least", "none", "each", "sum", "difference"]
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
    for pattern in _spec()["sum"]:
        found += [(m.group("noun"), "sum") for m in re.finditer(pattern, question)]
    for pattern in _spec()["difference"]:
        found += [(m.group("noun"), "difference") for m in re.finditer(pattern, question)]
    if len({(_bare(n), w) for n, w in found}) != 1:
        return None
    asked, way = found[0]
    asked = _bare(asked)
    printed = cues()["nouns"].get(asked, asked)
    unit = _unit(printed)
    return (printed, unit, way) if unit else None


def _bare(noun: str) -> str:
    """The noun without the words before it: the departments and a year, or the store as a scope ("全库里")."""
    if (counted := SET.search(noun)) and counted.start() <= 8:  # "无锡2个局单价100万元以上设备": the set asked of
        noun = re.sub(r"^(?:里|中|当中|之中|的)+", "", noun[counted.end() :])
    noun = _LEAD.sub("", noun)
    return next((noun[len(w) :] for w in _spec()["scopes"] if noun.startswith(w)), noun)


def _departments(engine: Turn, question: str, follows: bool) -> tuple[tuple[str, ...] | str | None, str]:
    """The departments asked — those named (two or more, or a counted set, in the order written), those of a
    place said ("深圳这三个部门", "所有无锡的部门"), every one of the store when none is named — or a refusal naming
    what does not match or is not loaded, or None (one department named: not a question across); and the
    question with the names blanked, to read the noun from."""
    scope = engine.engine.reader.scope(question, list(engine.kb.docs.values()))
    if isinstance(scope, Across):
        return scope.refusal, question
    named, text = scope.named, question
    if scope.counted is not None:
        return scope.counted, scope.bare
    if len(scope.departments) >= 2:
        written = {d: text.find(named[d]) if d in named else -1 for d in scope.departments}  # -1: not written
        return tuple(sorted(scope.departments, key=lambda d: (written[d] % (len(text) + 1), d))), scope.bare
    if scope.within and not scope.departments:
        return scope.within, scope.bare
    store = not named and not follows and len(scope.held) >= 2  # a follow-up keeps the set of its conversation
    return (tuple(scope.held) if store else None), scope.bare


def _read(engine: Turn, department: str, noun: str, unit: str) -> tuple[Draft | None, list[Figure], str]:
    """One department's count of the noun from its own documents, verified there; else why there is none."""
    docs = [d for d in engine.kb.docs.values() if d.department == department]
    turn = engine.turn([d.doc_id for d in docs])
    name = re.sub(r"[（(][^（()）]*[)）]$", "", department)  # "西安市财政局（汇总）": the document is the scope
    missing = f"文件中没有印出{noun}的数量"
    try:  # the count after the noun as well ("单位价值100万元以上的设备7台（件、套）" is read so)
        draft = answer_count(f"{name}共有多少{unit}{noun}？", docs, turn.kb) or answer_count(
            f"{name}{noun}共有多少{unit}？", docs, turn.kb
        )
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


def _line(engine: Turn, department: str, draft: Draft | None, reason: str) -> str:
    """One department's line: its count, the year and kind of the document printing it, and where."""
    if draft is None:
        return f"- {department}：{reason}"
    first, _, rest = draft.text.partition("\n")
    doc = engine.kb.docs.get(draft.doc_id or "") or engine.kb.docs.get(draft.facts[0].doc_id if draft.facts else "")
    of = f"{doc.year}年{doc.kind}，" if doc is not None else ""
    return f"- {first}（{of}{rest.split('出处：', 1)[-1].strip()}）"


def _summed(
    question: str, read: dict[str, tuple[Draft | None, list[Figure], str]], counts: dict[str, Decimal],
    left: list[str], noun: str, unit: str,
) -> tuple[str, Decimal | None, str | None, list[Figure]]:  # fmt: skip
    """The first line of a sum over the departments, its value and unit, and the derived figure: every count
    read is in a unit the asked one accepts (车辆 "台" or "辆"), so they add in the unit the question says; a
    department whose count is not printed leaves no total."""
    if left:
        return f"无法给出合计：{'、'.join(left)}的文件中没有可用的{noun}数量，以下只列出印出的数量。\n", None, None, []
    said = re.search(r"(?:多少|几)\s*([辆台套个])", question)
    shown = said.group(1) if said and said.group(1) in cues()["units"][unit] else unit
    operands = [
        Operand(value=v, unit=shown, label=d, source="；".join(g.source for g in read[d][1])) for d, v in counts.items()
    ]
    calc = total(*operands)
    figure = Figure(
        text=f"{calc.value} {shown}", value=calc.value, unit=shown, verdict="derived",
        source="；".join(o.source for o in operands), expression=calc.expression,
    )  # fmt: skip
    line = f"{len(counts)} 个部门的{noun}合计 {calc.value} {shown}（{calc.expression}）：\n"
    return line, calc.value, shown, [figure]


def _differed(
    question: str, read: dict[str, tuple[Draft | None, list[Figure], str]], counts: dict[str, Decimal],
    departments: tuple[str, ...], noun: str, unit: str,
) -> tuple[str, Decimal | None, str | None, list[Figure]]:  # fmt: skip
    """The first line of the difference between two departments' counts (the larger minus the smaller, the line
    saying which holds more), its value and unit, and the derived figure; a count not printed leaves none."""
    left = [d for d in departments if d not in counts]
    if left:
        return f"无法计算差额：{'、'.join(left)}的文件中没有可用的{noun}数量，以下只列出印出的数量。\n", None, None, []
    said = re.search(r"(?:多少|几)\s*([辆台套个])", question)
    shown = said.group(1) if said and said.group(1) in cues()["units"][unit] else unit
    first, second = departments
    if counts[first] == counts[second]:
        return f"两个部门的{noun}一样多，都是 {counts[first]} {shown}，相差 0。\n", Decimal(0), shown, []
    more, fewer = (first, second) if counts[first] > counts[second] else (second, first)
    operands = [
        Operand(value=counts[d], unit=shown, label=d, source="；".join(g.source for g in read[d][1]))
        for d in (more, fewer)
    ]
    calc = difference(*operands)
    figure = Figure(
        text=f"{calc.value} {shown}", value=calc.value, unit=shown, verdict="derived",
        source="；".join(o.source for o in operands), expression=calc.expression,
    )  # fmt: skip
    said_way = "多" if more == first else "少"
    line = f"{first}的{noun}比{second}{said_way} {calc.value} {shown}（{calc.expression}）：\n"
    return line, calc.value, shown, [figure]


def compared(engine: Turn, question: str, doc_id: str | None, follows: bool = False) -> Answer | None:
    """The departments' held counts ranked, filtered or summed, each read and verified in its own documents (see
    the module), a refusal naming the departments the question miscounts, or None. A question that `follows`
    others is answered only when it says its departments itself ("深圳这三个部门的公车加起来一共多少辆")."""
    if doc_id is not None or _asked(question) is None:
        return None
    departments, bare = _departments(engine, question, follows)
    if departments is None or (asked := _asked(bare) or _asked(question)) is None:
        return None
    if isinstance(departments, str):
        return Answer(question=question, text=f"抱歉，公开文件中找不到这个问题的答案：{departments}。", refused=True)
    noun, unit, way = asked
    if way == "difference" and len(departments) != 2:
        text = f"抱歉，公开文件中找不到这个问题的答案：{noun}的差额只能在两个部门之间计算（前一个减后一个），问题涉及 {len(departments)} 个部门，请写出要比较的两个部门。"
        return Answer(question=question, text=text, refused=True)
    read = {d: _read(engine, d, noun, unit) for d in departments}
    counts = {d: r[0].value for d, r in read.items() if r[0] is not None and r[0].value is not None}
    units = {d: r[0].unit or unit for d, r in read.items() if r[0] is not None}
    if not counts:
        return None
    rising = way in ("least", "none")
    order = departments if way in ("each", "sum", "difference") else sorted(
        departments, key=lambda d: (d not in counts, counts.get(d, Decimal(0)) * (1 if rising else -1))
    )  # fmt: skip
    verdict = _verdict(counts, units, noun, way, len(departments))
    lines = "\n".join(_line(engine, d, read[d][0], read[d][2]) for d in order)
    left = [d for d in departments if d not in counts]
    note = f"\n未计入（文件中没有可用的数量）：{'、'.join(left)}" if left else ""
    summed: list[Figure] = []
    value, shown = None, None  # the count of the one department holding the most (fewest): the answer's figure
    if way == "sum":
        verdict, value, shown, summed = _summed(question, read, counts, left, noun, unit)
    if way == "difference":
        verdict, value, shown, summed = _differed(question, read, counts, departments, noun, unit)
    text = f"{verdict}{lines}{note}\n（各部门公开文件所列的数量，年度和截至时间以原文为准）"
    drafts = [r[0] for r in read.values() if r[0] is not None]
    if way not in ("each", "none", "sum", "difference"):
        best = (min if way == "least" else max)(counts.values())
        top = [d for d, v in counts.items() if v == best]
        value, shown = (best, units[top[0]]) if len(top) == 1 else (None, None)
    return Answer(
        question=question, text=text, refused=False, value=value, unit=shown,
        figures=[g for r in read.values() for g in r[1]] + summed,
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
