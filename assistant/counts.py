"""Counts and quantities printed in the narrative, answered with their stance and scope.

A count is a fact of its item with the stance of its sentence: "截至…共有车辆16辆，其中：…执法执勤用车14辆" holds
vehicles, "2026年单位预算安排购置车辆2辆，其中：…执法执勤用车2辆" plans to buy them. A question asks one
stance ("有几辆执法执勤用车" the held, "要买几辆车" the planned) and one item in a unit ("多少辆车" ← 车辆 328
台); several figures that fit are the one the question names, a sum of parts printed for separate scopes when
it asks the total ("一共对几个项目开展了绩效自评" ← 一般公共预算 7 个 + 政府性基金预算 0 个), or a refusal that
lists them. A count never answers an amount. The cue words are data (assistant/counts.toml).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from assistant import as_of, named_subject, stated
from assistant import calculator as calc
from assistant import scope as accounts
from assistant.cues import alternation, longest_first
from assistant.draft import Draft, Unanswerable, operand, sources, where
from assistant.knowledge import Knowledge, grams, norm
from assistant.records import Citation
from index.numbers import ascii_digits
from index.records import DocumentInfo, Fact
from index.units import is_price

Stance = Literal["held", "planned", "done"]  # done: "买了几辆" — bought, what a 决算 reports
_CJK = "\u4e00-\u9fff"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")  # a threshold in a counted noun ("单价100万元以上设备")
MODIFIER_SAID = 0.6  # share of a question's modifier ("纳入部门预算") its count's sentence must say
CLAUSE_AFTER = 30  # characters after a count that may finish its clause ("本部门共115个" + "项目纳入绩效目标管理")
# a 、 inside brackets ("处（科、股）室") or after a heading's numeral ("十四、") ends no clause
_CLAUSE = re.compile(r"[，,；;：:。]|[（(]其中|(?<![一二三四五六七八九十\d])、(?![^（(]*[)）])")


@cache
def cues() -> dict[str, Any]:
    """assistant/counts.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("counts.toml").read_text(encoding="utf-8"))


_HEADING = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?"
    rf"(?:[^，。；“”]{{2,20}}?(?:{alternation(cues()['heading']['ends'])})(?=[^，。；）)]{{2}}))?"
)  # "十四、国有资产占用情况说明本单位共有车辆0辆": the run-in heading is no part of the quote
_ASIDE = re.compile(  # "单价100万元（含）以上的设备" is "单价100万元以上设备"; "处（科、股）室" is "处室"
    rf"[（(](?:{alternation(cues()['aside']['bracketed'])})[)）]|{alternation(cues()['aside']['particles'])}"
    rf"|[（(][{_CJK}](?:、[{_CJK}])+[)）]"
)
_DATE = cues()["asked_date"]
_ASKED_DATE = re.compile(
    rf"(?:{alternation(_DATE['opens'])})?\d{{4}}\s*年(?:{alternation(_DATE['ends'])})?"
    rf"|{alternation(_DATE['relative'])}|[（(](?:{alternation(_DATE['scopes'])})[)）]"
)


@dataclass(frozen=True, kw_only=True)
class CountAsked:
    """What a question counts: its noun (and the printed word for it), unit, stance, scope and whether it sums."""

    nouns: tuple[str, ...]  # the noun as asked and as printed ("公车", "车辆")
    unit: str  # the unit asked ("辆", "台套", "平方米")
    stance: Stance
    part: str | None  # a scope the question names ("一般公共预算"), or None
    total: bool  # "一共", "总共": the sum over parts printed separately
    head: str = ""  # the noun after its modifier ("纳入部门预算的单位" → 单位), or "" when it has none
    modifier: str = ""  # what the question says of the head ("纳入部门预算"), to be said in the count's sentence
    question: str = ""  # the question as normalised, for the project a 绩效 target is printed under


@dataclass(frozen=True, kw_only=True)
class Counted:
    """The answer: one fact, or the parts summed, or several that fit (a refusal lists them)."""

    facts: tuple[Fact, ...]
    value: Decimal | None  # None when the facts are alternatives the question does not choose between
    summed: bool = False


def _strip(text: str, words: Sequence[str], at_end: bool) -> str:
    changed = True
    while changed and text:
        changed = False
        for w in longest_first(words):
            if at_end and text.endswith(w) and len(text) > len(w):
                text, changed = text[: -len(w)], True
            elif not at_end and text.startswith(w) and len(text) > len(w):
                text, changed = text[len(w) :], True
    return text


def asked(question: str, names: Sequence[str] = ()) -> CountAsked | None:
    """The count a question asks: "福州市公安局治安管理支队有几辆执法执勤用车" → 执法执勤用车 辆 held;
    "万里街道2024年打算买几辆车" → 车/车辆 辆 planned; "房屋面积有多少平方米" → 房屋 平方米."""
    text = ascii_digits(question)
    for name in longest_first(names):
        text = text.replace(name, " ")
    text = _ASKED_DATE.sub(" ", text)
    units = alternation(cues()["units"])
    text = with_person_unit(text)  # "有多少在编人员", "多少人员编制": persons counted in 人
    frames = list(re.finditer(rf"(?:几|多少)(?P<unit>{units})", text))
    if len(frames) != 1:
        return None  # "共有多少辆车？应急保障用车有几辆？": two counts asked, never one answered for both
    m = frames[0]
    words = cues()["words"]
    after = re.match(rf"[{_CJK}]*", text[m.end() :])
    noun = re.sub(r"(?:呢|吗|啊|呀)$", "", after.group(0) if after else "")
    noun = re.split(alternation(["分别", *stated.cues()["which"]]), noun)[0]  # "几个内设机构分别是哪些"
    planned = any(w in text for w in cues()["asked_planned"])
    done = planned and _done(text)
    if not noun:  # "单价100万元以上的设备有多少台套", "购置的车辆有几辆": the noun is before the count
        before = re.search(rf"[{_CJK}\d.“”（）()]+$", text[: m.start()])
        ends = [*words["links"], *words["measures"], *cues()["asked_planned"], *cues()["intent"]]
        noun = _strip(before.group(0) if before else "", ends, at_end=True)  # "设备打算买几台": 设备
        noun = _strip(noun, [*words["links"], *words["scopes"], *cues()["asked_planned"]], at_end=False)
        if len(re.findall("几|多少", text)) == 1:  # "有多少在编人员？实有多少人？": 实有 is no noun of both
            noun = _held_noun(before.group(0) if before else "", m.group("unit")) or noun
    noun = _strip(noun, [*words["links"], *words["measures"]], at_end=True)
    modifier, _, head = noun.rpartition("的") if "的" in noun else ("", "", "")
    noun = re.sub("|".join(words["particles"]), "", noun)
    if not noun:
        return None
    printed = cues()["nouns"].get(noun) or cues()["nouns"].get(head)
    part = next((p for p in words["parts"] if p in text), None)
    return CountAsked(
        nouns=(noun, printed) if printed else (noun,), unit=m.group("unit"),
        stance="done" if done else "planned" if planned else "held", part=part, total=any(w in text for w in words["sums"]),
        head=head if modifier else "", modifier=re.sub("|".join(words["particles"]), "", modifier),
        question=norm(text),
    )  # fmt: skip


def _held_noun(before: str, unit: str) -> str:
    """The noun a held verb alone before a count names in its unit: "实有多少人" counts 实有人员 (the row the
    templates print), or ""."""
    counted = cues()["held_nouns"].get(unit)
    verb = next((v for v in longest_first(cues()["stance"]["held"]) if before.endswith(v)), None)
    rest = before[: -len(verb)] if verb else before
    if (
        not counted
        or not verb
        or _strip(rest, [*cues()["words"]["links"], *cues()["words"]["scopes"]], at_end=False).strip()
    ):
        return ""
    return verb + counted


def unit_unkept(question: str, unit: str | None) -> str | None:
    """Why an answer in `unit` does not answer a count the question asks in its own unit ("多少座水库" is never
    answered "27 万元": a target table's value without its unit is no amount), or None. A "个" of "多少个百分点"
    asks a percent, no count."""
    text = ascii_digits(question)
    units = alternation(cues()["units"])
    text = with_person_unit(text)  # "有多少在编人员": never 8,009.83 万元 of 在职人员经费
    frames = [m for m in re.finditer(rf"(?:几|多少)(?P<unit>{units})", text) if not text[m.end() :].startswith("百分")]
    if not frames or not unit:
        return None  # a target printed with no unit ("目标值为 5") counts what its row names
    for frame in frames:  # "有多少在编人员？实有多少人？": an answer in a unit of any count asked
        asked_unit = frame.group("unit")
        if unit in cues()["units"][asked_unit] or counted_by(unit) in cues()["units"][asked_unit]:
            return None
        if asked_unit in cues()["generic"] and unit not in calc.MONEY and unit != "%":
            return None  # "行政编制几个" ← 14 人
    return f"问题问的是以“{frames[0].group('unit')}”计的数量，找到的数字单位是“{unit}”，不是所问的数量"


def stance_unkept(
    question: str, unit: str | None, value: Decimal | None, facts: Sequence[Fact], sentence_of: Callable[[Fact], str]
) -> str | None:
    """Why a count answered from prose is of another stance than the one asked ("有多少台套" held is never the
    "拟购置1台套" planned, "打算买几辆" never the "共有车辆6辆" held), or None. Any path's answer is checked."""
    a = asked(question)
    if a is None or not unit or unit in calc.MONEY or unit == "%":
        return None
    prose = [f for f in facts if f.table is None and f.unit == unit and (value is None or f.value == value)]
    if not prose:
        return None
    want = "planned" if a.stance in ("planned", "done") else "held"
    if any(stance(sentence_of(f) or f.source) == want for f in prose):
        return None
    asked_as, found = ("计划购置的", "现有的") if want == "planned" else ("现有的", "计划购置的")
    return f"问题问的是{asked_as}数量，找到的“{prose[0].row}” {prose[0].value} {unit}是{found}数量，不是所问的数量"


def counted_by(unit: str) -> str:
    """The counter a unit printed as "X数" counts by: a 绩效 indicator's 计量单位 "次数" counts 次, "人数" 人,
    "项数" 项 ("发布重要水情专报 ≥50 次数" answers "目标是多少次"); any other unit unchanged."""
    return unit[:-1] if len(unit) > 1 and unit.endswith("数") else unit


def with_person_unit(text: str) -> str:
    """`text` with the unit of a count of persons written where it asks one without a unit ("有多少在编人员" →
    "有多少人在编人员", "在编人员有多少" → "在编人员有多少人"); unchanged when it holds a money word ("人员经费有
    多少") or asks no such count (counts.toml persons)."""
    p = cues()["persons"]
    if any(w in text for w in p["money"]):
        return text
    nouns, links = alternation(p["nouns"]), alternation(p["links"])
    m = re.search(rf"(?:多少|几)(?=(?:{nouns}))", text) or re.search(
        rf"(?:{nouns})(?:{links})?(?:多少|几)(?=$|[？?。，,！!\s]|呢|啊|呀)", text
    )
    return f"{text[: m.end()]}{p['unit']}{text[m.end() :]}" if m else text


def money_unkept(question: str, unit: str | None) -> str | None:
    """Why an answer in `unit` does not answer a question asking an amount of money ("退休人员经费有多少？" is never
    answered with the 绩效 target "退休人员经费发放完成率 =100%"), or None: the question asks no money, or also a
    rate, share, target or count, or the unit is money."""
    if not unit or unit in calc.MONEY:
        return None
    text = ascii_digits(question)
    m = cues()["money_asked"]
    if not any(w in text for w in m["words"]) or any(w in text for w in m["not_words"]):
        return None
    if is_price(unit) and any(w in text for w in m["price_words"]):
        return None  # "多少钱一座" ← 417 元/座: the unit price asked, said with its compound unit
    if re.search(rf"(?:几|多少)(?:{alternation(cues()['units'])})", with_person_unit(text)):
        return None  # "资金支持了多少个项目": a count asked
    return f"问题问的是金额，找到的数字是以“{unit}”计的（如绩效目标的目标值），不是所问的金额"


def _done(text: str) -> bool:
    """Whether a planned verb of the question is in the past ("去年买了几辆车", "已购置几辆"): what was bought."""
    verbs = alternation(cues()["asked_planned"])
    tense = cues()["asked_done"]
    after, before = "|".join(map(re.escape, tense["after"])), "|".join(map(re.escape, tense["before"]))
    return bool(re.search(rf"(?:{before})(?:{verbs})|(?:{verbs})[^，。？?]{{0,4}}?(?:{after})", text))


def stance(sentence: str) -> Stance:
    """The stance of a count from its sentence up to the figure: the last stance cue in it (held if none)."""
    text = sentence.rsplit("。", 1)[-1]
    last: tuple[int, Stance] = (-1, "held")
    for kind in ("planned", "held"):
        for w in cues()["stance"][kind]:
            at = text.rfind(w)
            if at > last[0]:
                last = (at, kind)  # type: ignore[assignment]
    return last[1]


def _fits(noun: str, row: str, part: bool = False) -> float:
    """How well a fact's row is the noun asked: 0 unless the row holds every bigram of it (but one of a long
    one); else the share of the row that is asked (the tighter row first). A `part` (an item of a list under its
    head: "其中…、其他按照规定配备的公务用车3辆") fits only when it adds no word the question did not write."""
    noun, row = norm(_ASIDE.sub("", noun)), norm(_ASIDE.sub("", row))
    q = set(grams(noun)) or {noun}
    own = set(grams(row)) or {row}
    if part and not own <= q:
        return 0.0
    hit = len(q & own) if len(noun) > 1 else int(noun in row)
    if hit < len(q) - (1 if len(q) >= 5 else 0):
        return 0.0
    return len(q & own) / len(own) if own else 0.0


def _named_fit(noun: str, f: Fact, sentence_of: Callable[[Fact], str], question: str) -> float:
    """How well a count's row is the whole noun asked: 1 for the subject printed itself ("退休人员" ← 退休), 0 for
    a row whose name only contains it with a word glued before it ("单位管理的离退休人员": assistant/named_subject.py),
    else by its words (`_fits`)."""
    if named_subject.same(noun, f.row):
        return 1.0
    if named_subject.other_subject(noun, f.row, question):
        return 0.0
    return _fits(noun, f.row, _listed(f, sentence_of))


def _modified(a: CountAsked, f: Fact, sentence_of: Callable[[Fact], str]) -> float:
    """How well a count is the head noun asked when its sentence also says what the question says of it ("纳入
    部门预算的单位" ← "纳入本部门2026年部门汇总预算编制范围的预算单位共计8家"); 0 when it does not."""
    if not a.head or not (fit := _fits(a.head, f.row, _listed(f, sentence_of))):
        return 0.0
    wanted = set(grams(norm(a.modifier))) or {norm(a.modifier)}
    said = set(grams(norm(_sentence(f, sentence_of))))
    return fit if len(wanted & said) / len(wanted) >= MODIFIER_SAID else 0.0


TARGET = "目标值"  # the column of a 绩效 target's value (index/facts.py)


def project_of(f: Fact) -> str | None:
    """The project a 绩效 target is printed under ("财政项目支出绩效目标填报表 · 社区环境整治和建设经费 · 产出/数量 ·
    整治行动、病媒消杀 · 目标值 ≥12.00(次)" → 社区环境整治和建设经费), or None (no target, or no project printed)."""
    parts = f.source.split(" · ")
    if f.table is None or f.column != TARGET or len(parts) < 3 or "/" in parts[1]:
        return None
    return parts[1]


def _target_named(f: Fact, question: str) -> bool:
    """Whether a fact is a 绩效 target of the project the question names ("社区环境整治和建设经费项目要搞多少次
    整治行动" ← 整治行动、病媒消杀 ≥12次 of that project): one of another project never answers."""
    project = project_of(f)
    return bool(project) and norm(project) in question


def _listed(f: Fact, sentence_of: Callable[[Fact], str]) -> bool:
    """Whether a count is an item of a list under its head, in the list the head opens ("共有车辆43辆，其中业务用车
    4辆，…其他按照规定配备的公务用车3辆"), not after the list has ended ("其中，一级项目6个…；组织对0个政府性基金
    预算项目…": a count of its own)."""
    if f.parent is None:
        return False
    text = _sentence(f, sentence_of)
    words = cues()["words"]
    opened = max((text.rfind(w) for w in words["list_opens"]), default=-1)
    return opened >= 0 and all(text.rfind(w) < opened for w in words["list_ends"])


def counted(a: CountAsked, facts: Sequence[Fact], sentence_of: Callable[[Fact], str]) -> Counted | None:
    """The count of `facts` (a document's prose counts) the question asks, or None when none fits."""
    units = set(cues()["units"][a.unit])
    want = "planned" if a.stance == "done" else a.stance  # what was bought is printed as 购置 (in a 决算)
    kept = [
        f
        for f in facts
        if (f.table is None or _target_named(f, a.question))
        and f.unit in units
        and stance(sentence_of(f) or f.source) == want
    ]
    if said := {n for noun in a.nouns for n in _NUMBER.findall(noun)}:  # "单价100万元以上设备": never 单价20万元's
        kept = [f for f in kept if set(_NUMBER.findall(f.row)) == said]
    scored = [(max(_named_fit(n, f, sentence_of, a.question) for n in a.nouns), f) for f in kept]
    others = [
        f for s, f in scored if s == 0 and any(named_subject.other_subject(n, f.row, a.question) for n in a.nouns)
    ]
    scored = [(s, f) for s, f in scored if s > 0]
    if not scored and others:
        printed = "；".join(f"“{f.row}” {f.value} {f.unit}" for f in others)
        raise Unanswerable(f"文件印的是{printed}，不是所问的“{a.nouns[0]}”；文件没有单列“{a.nouns[0]}”的数")
    if not scored:  # no row is the whole noun: its head, where the sentence says what the question says of it
        scored = [(s, f) for f in kept if (s := _modified(a, f, sentence_of)) > 0]
    if not scored:
        return None
    parts = cues()["words"]["parts"]

    def part_of(f: Fact) -> str | None:
        return next((p for p in parts if p in f.row), None)

    if a.part:
        scored = [(s, f) for s, f in scored if part_of(f) == a.part]
    elif any(part_of(f) is None for _, f in scored):
        scored = (
            [(s, f) for s, f in scored if part_of(f) is None] if len({part_of(f) for _, f in scored}) > 1 else scored
        )
    else:  # printed for separate scopes only: their sum when the total is asked, else each listed
        one = list({part_of(f): f for _, f in scored}.values())
        if len(one) > 1:
            total = sum((f.value for f in one), Decimal(0))
            return Counted(facts=tuple(one), value=total if a.total else None, summed=a.total)
    if not scored:
        return None
    top = max(s for s, _ in scored)
    best = [f for s, f in scored if top - s < 1e-9]
    if len({f.value for f in best}) == 1:
        return Counted(facts=(best[0],), value=best[0].value)
    return Counted(facts=tuple(best), value=None)


def _sentence(f: Fact, sentence_of: Callable[..., str]) -> str:
    """The sentence that prints a count, up to the figure: "2026年单位预算安排购置车辆2辆" (the sentence before it,
    "截至2025年12月31日…共有车辆16辆", is another count's)."""
    return (sentence_of(f) or "").rsplit("。", 1)[-1]


def _said(f: Fact, sentence_of: Callable[..., str]) -> str:
    """A count as the answer says it, with the clause that prints it: "执法执勤用车 14 辆（文字说明原文：
    “执法执勤用车14辆”）" — one item of a list ("、"), a heading run into the text cut off; a 绩效 target with
    its project and the target as printed: "社区环境整治和建设经费项目绩效目标“整治行动、病媒消杀”目标值 ≥12.00(次)"."""
    if project := project_of(f):
        printed = f.source.rpartition(f"{TARGET} ")[2] or f"{f.value} {f.unit}"
        return f"{project}项目绩效目标“{f.row}”{TARGET} {printed}（{f.value} {f.unit}）"
    before = (sentence_of(f) or "").rsplit("。", 1)[-1]
    rest = (sentence_of(f, CLAUSE_AFTER) or "")[len(sentence_of(f) or "") :]
    clause = _CLAUSE.split(before)[-1] + _CLAUSE.split(rest)[0]
    clause = _HEADING.sub("", clause).strip()
    quoted = f"（文字说明原文：“{clause}”）" if clause else ""
    return f"{f.row.strip('（）()')} {f.value} {f.unit}{quoted}"


def answer_count(question: str, docs: Sequence[DocumentInfo], kb: Knowledge) -> Draft | None:
    """The count (or quantity) a question asks, from the one document in scope whose narrative prints it:
    a Draft citing each fact used, Unanswerable listing the figures when several fit, None when none does."""
    years = {int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", ascii_digits(question))}
    at = as_of.asked(question)
    found: list[tuple[DocumentInfo, Counted]] = []
    other_dates: list[str] = []  # counts that fit, printed at another date than the one asked
    done = of_units = False
    for doc in sorted(docs, key=lambda d: d.year, reverse=True):
        a = asked(question, [doc.department, *doc.aliases])
        if a is None:
            return None
        done, of_units = a.stance == "done", any("单位" in n for n in a.nouns)
        if done and doc.kind != "决算":
            continue  # a budget plans purchases: what was bought ("买了几辆") is only a 决算's
        c = counted(a, kb.facts_by_doc.get(doc.doc_id, []), kb.sentence_of)
        if c is None:
            continue
        dated = {as_of.printed(kb.sentence_of(f)) for f in c.facts}
        if at is not None and None not in dated:  # "截至2022年底…" is the count printed at that date only
            if all(as_of.fits(at, d) for d in dated if d is not None):
                found.append((doc, c))
            else:
                other_dates += [
                    f"截至{d.said()}{_said(f, kb.sentence_of)}"
                    for f in c.facts
                    if (d := as_of.printed(kb.sentence_of(f)))
                ]
            continue
        said = " ".join(_sentence(f, kb.sentence_of) for f in c.facts)
        if years - {doc.year} and not all(str(y) in said for y in years - {doc.year}):
            continue  # another year's count: its own sentence names the year ("截至2024年底共有…"), no other one
        found.append((doc, c))
    if not found:
        if other_dates and at is not None:
            raise Unanswerable(f"文字说明只给出了其他日期的数量：{'；'.join(other_dates)}，没有截至{at.said()}的数")
        if done:
            raise Unanswerable(
                "库中的预算公开文件只给出计划购置的数量，没有给出实际买了多少；实际购置数要看当年的部门决算"
            )
        return None
    doc, c = found[0]  # the latest document that prints it
    if reason := accounts.count_mismatch(
        question, doc, [_sentence(f, kb.sentence_of) for f in c.facts], units=of_units
    ):
        raise Unanswerable(reason)
    stated_at = as_of.printed(kb.sentence_of(c.facts[0])) if at is not None else None
    scope = f"截至{stated_at.said()}，{doc.department}" if stated_at else f"{doc.year}年{doc.department}"
    shown = "；".join(_said(f, kb.sentence_of) for f in c.facts)
    if c.value is None:
        raise Unanswerable(f"文字说明给出了不止一个符合的数字：{shown}。请说明问的是哪一个")
    cites = [Citation(doc_id=doc.doc_id, where=where(f), text=kb.sentence_of(f).rsplit("。", 1)[-1] or f.row)
             for f in c.facts]  # fmt: skip
    calculations = []
    if c.summed:
        sum_of = calc.total(*(operand(f) for f in c.facts))
        calculations.append(sum_of)
        text = f"{scope}合计 {c.value} {c.facts[0].unit}（{shown}）。\n计算：{sum_of.expression}"
    else:
        f = c.facts[0]
        names = stated.listing(question, kb.sentence_of(f, CLAUSE_AFTER) or "", f.value, f.unit)
        text = f"{scope}{_said(f, kb.sentence_of)}{names}。"
    text += f"\n出处：{sources(*c.facts)}"
    return Draft(text=text, value=c.value, unit=c.facts[0].unit, facts=list(c.facts), citations=cites,
                 calculations=calculations, doc_id=doc.doc_id)  # fmt: skip
