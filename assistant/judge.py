"""Judging a language model's draft: every figure tied to a fact or a calculation the tools gave it,
exactly as the sentence describes it.

The verifier asks "does some fact back this figure?"; for text nobody here wrote
that is not enough (a model can put 科协's 4,023 万元 under 图书馆's name, or the
2021 column under 2022). Here a figure counts only when one item of the answer's
ledger (a fact from `lookup_facts`, a prose fact of a passage it read, a `calculate`
result) has its value and fits what the sentence says about it:

- the department named last before the figure (or in an earlier sentence; or the
  question's only department) is the fact's;
- the year named last before it (not a 比2021年 base) is the year the figure is
  for: the document's year, or the year of the column it is printed in (2021年预算数);
- the item named in the words since the previous figure is the fact's row (or its
  item column, 表3 项目支出), and no other column of that row is named instead;
- the words right before it claim what the item is: an amount, a change (增加/减少,
  whose direction must agree with the sign), a growth rate, a share, a sum, a mean;
- a calculation's operands are all that department's, for the years claimed, their
  items named in the sentence, the part before the whole (A 占 B, A 比 B 多).

- where the department has both a 预算 and a 决算 of that year, the sentence says which.

A figure that fits nothing is `unknown` (or the verifier's `mismatch`, which names the
disclosure's figure, for the model's one correction).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from assistant.calculator import MONEY, Calculation, convert
from assistant.draft import cited
from assistant.figures import Found, find_figures
from assistant.knowledge import Doc, Knowledge, norm
from assistant.records import Figure
from assistant.tokens import to_template
from assistant.tools import Ledger
from assistant.verify import Verifier, direction, sentences
from index.numbers import last_place
from index.records import Fact

YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
BASE = re.compile(r"(?:比|较|与|同|相比|对比|相较于?)\s*((?:19|20)\d{2})\s*年")  # 比2021年: what is compared with
LAST_YEAR_BASE = re.compile(r"(?:比|较|与|同|相比|对比)\s*(?:上年|去年|上一年)")
EXECUTION = re.compile(r"执行率|完成率|执行进度")
SHARE = re.compile(r"占|比重|比例")
GROWTH = re.compile(r"增长|下降|增幅|降幅|上升|减少|增加|提高|降低")
CHANGE = re.compile(r"(?:比|较).{0,12}(?:增加|减少|多|少)|增加|减少|增长|下降|压减|多出|上升|降低|提高|差额|相差")
MEAN = re.compile(r"平均")
SUM = re.compile(r"合计|共计|一共|总共|总计|之和|加起来|合起来|累计")
SPECIAL_FUNDS = {
    "政府性基金": "政府性基金",
    "国有资本经营": "国有资本",
}  # a fund's tables back a figure only when it is named
ACCEPTS = {  # what a ledger item may be claimed as
    "amount": {"amount", "sum"},
    "change": {"change"},
    "growth": {"growth"},
    "percent": {"percent", "share", "execution"},
    "sum": {"sum"},
    "mean": {"mean"},
    "difference": {"change"},
    "share": {"share"},
    "execution_rate": {"execution", "share"},
}
NOT_GIVEN = "不是工具查到或算出的数字"
NOT_AS_SAID = "工具给出的同值数字与句中所说的部门、年度、项目、列或算法不符"


@dataclass(frozen=True)
class Said:
    """What the text says about one figure."""

    department: str | None
    year: int | None  # the year the figure is for
    base: int | None  # the year it is compared with (比2021年), if any
    kind: str | None  # 预算 / 决算 as the sentence says (决算 wins: 决算 documents print 预算数 too)
    both: frozenset[tuple[str, int]]  # (department, year) with a 预算 and a 决算 in scope: the sentence must say which
    claim: str  # amount / change / growth / percent / share / execution / sum / mean
    direction: int  # +1 增加…, −1 减少…, 0 none
    segment: str  # the words since the previous figure, department names blanked, normalised
    before: str  # the sentence up to the figure, department names blanked, normalised
    sentence: str


def judge(kb: Knowledge, docs: list[str], text: str, ledger: Ledger, pool: list[Doc]) -> list[Figure]:
    """Every figure of a model's text, judged (see the module's docstring) against `docs` (whose facts `kb`
    holds): the question's (`pool`), those the tools read, and those of departments the text names."""
    read = Verifier(kb).check(text, docs, list(ledger.calculations.values()), strict=True)
    facts = list(ledger.facts.values()) + _passage_facts(kb, ledger)
    departments = {d.department for d in pool}
    kinds: dict[tuple[str, int], set[str]] = {}
    for d in docs:
        kinds.setdefault((kb.docs[d].department, kb.docs[d].year), set()).add(kb.docs[d].kind)
    both = frozenset(k for k, v in kinds.items() if len(v) > 1)
    only = next(iter(departments)) if len(departments) == 1 else None
    carried = Said(only, None, None, None, both, "amount", 0, "", "", "")
    out, n = [], 0
    for sentence in sentences(text):
        at = 0
        for found in find_figures(sentence):
            said = _said(kb, docs, sentence, found, at, carried)
            at = found.end
            checked = read[n]  # the verifier's reading: a mismatch names the disclosure's figure for the feedback
            n += 1
            fit = _figure(kb, found, said, facts, ledger)
            out.append(fit or (checked if checked.verdict == "mismatch" else _unfit(found, facts, ledger)))
        carried = _said(kb, docs, sentence, None, 0, carried)
    return out


def _said(kb: Knowledge, docs: list[str], sentence: str, found: Found | None, at: int, carried: Said) -> Said:
    """What the sentence says up to `found` (or in whole, to carry into the next sentence)."""
    end = found.start if found else len(sentence)
    before = sentence[:end]
    named, best = carried.department, (-1, 0)
    for d in docs:
        doc = kb.docs[d]
        for alias in doc.aliases:
            i = before.rfind(alias)
            if i >= 0 and (i + len(alias), len(alias)) > best:
                named, best = doc.department, (i + len(alias), len(alias))
    bases = {m.start(1) for m in BASE.finditer(before)}
    years = [(m.start(1), int(m.group(1))) for m in YEAR.finditer(before)]
    own = [y for i, y in years if i not in bases]
    year = own[-1] if own else carried.year if named == carried.department else None
    if year is None and named:
        printed = {kb.docs[d].year for d in docs if kb.docs[d].department == named}
        year = next(iter(printed)) if len(printed) == 1 else None
    base = next((y for i, y in reversed(years) if i in bases), None)
    if base is None and year is not None and LAST_YEAR_BASE.search(before):
        base = year - 1
    blank = before
    for d in docs:
        for alias in sorted(kb.docs[d].aliases, key=len, reverse=True):
            blank = blank.replace(alias, "　" * len(alias))
    unit = found.unit if found else ""
    return Said(
        department=named, year=year, base=base, kind="决算" if "决算" in before else "预算" if "预算" in before else None,
        both=carried.both, claim=_claim(blank[at:], unit),
        direction=direction(before),
        segment=_words(blank[at:]), before=_words(blank), sentence=sentence,
    )  # fmt: skip


def _claim(segment: str, unit: str) -> str:
    tail = segment[-14:]
    if unit == "%":
        for claim, cue in (("execution", EXECUTION), ("share", SHARE), ("growth", GROWTH)):
            if cue.search(segment if claim == "share" else tail):
                return claim
        return "percent"
    if CHANGE.search(tail):
        return "change"
    if MEAN.search(tail):
        return "mean"
    if SUM.search(tail):
        return "sum"
    return "amount"


def _words(text: str) -> str:
    """Normalised as labels are, and also in template wording (总支出 → 支出总计)."""
    return norm(text) + "\n" + norm(to_template(text))


def _figure(kb: Knowledge, found: Found, said: Said, facts: list[Fact], ledger: Ledger) -> Figure | None:
    for f in facts:
        if _fact_fits(kb, found, said, f):
            return Figure(text=found.text, value=found.value, unit=found.unit, verdict="verified", source=cited(f))
    for key, c in ledger.calculations.items():
        if _calculation_fits(kb, found, said, key, c, ledger):
            sources = "；".join(o.source for o in c.operands)
            return Figure(
                text=found.text, value=found.value, unit=found.unit, verdict="derived", source=sources,
                expression=c.expression,
            )  # fmt: skip
    return None


def _unfit(found: Found, facts: list[Fact], ledger: Ledger) -> Figure:
    values = [(f.value, f.unit) for f in facts] + [(c.value, c.unit) for c in ledger.calculations.values()]
    given = any(_equal(found, v, u) or _equal(found, -v, u) for v, u in values)
    return Figure(
        text=found.text,
        value=found.value,
        unit=found.unit,
        verdict="unknown",
        source=NOT_AS_SAID if given else NOT_GIVEN,
    )


# --- facts -----------------------------------------------------------------------


def _kind(f: Fact) -> str:
    if "增减" in f.column:
        return "change"
    if "增长率" in f.column or ("增长" in f.column and f.unit == "%"):
        return "growth"
    return "percent" if f.unit == "%" else "amount"


def period(f: Fact) -> int:
    """The year a fact's figure is for: its column's year (2021年预算数), the year before for 上年, else the document's."""
    if _kind(f) in ("change", "growth"):
        return f.year
    m = YEAR.search(f.column)
    if m:
        return int(m.group(1))
    return f.year - 1 if re.search(r"上年|去年", f.column) else f.year


def _fact_fits(kb: Knowledge, found: Found, said: Said, f: Fact) -> bool:
    kind = _kind(f)
    if said.claim not in ACCEPTS[kind] or not _same_value(found, said, f.value, f.unit, kind in ("change", "growth")):
        return False
    if f.department != said.department or said.year is None or not _kind_said(f, said):
        return False
    if kind in ("change", "growth"):
        if said.year != f.year or said.base not in (None, f.year - 1):
            return False
    elif period(f) != said.year or said.base is not None:
        return False
    if any(f.fund == fund and words not in said.sentence for fund, words in SPECIAL_FUNDS.items()):
        return False
    return _item_named(kb, f, said) and not _other_column_named(kb, f, said.segment)


def _kind_said(f: Fact, said: Said) -> bool:
    """Where the department has a 预算 and a 决算 of the fact's year, the sentence says the fact's."""
    return (f.department, f.year) not in said.both or said.kind == f.doc_kind


def _same_value(found: Found, said: Said, value: Decimal, unit: str, signed: bool) -> bool:
    if not signed:
        return _equal(found, value, unit)
    if said.direction == 0:
        return _equal(found, value, unit)  # no 增加/减少: the sign must be written
    agrees = value == 0 or (value > 0) == (said.direction > 0)
    return agrees and _equal(found, abs(value), unit)


def _equal(found: Found, value: Decimal, unit: str) -> bool:
    """The written figure equals a value at its own precision (元/万元/亿元 converted)."""
    if found.unit in MONEY and unit in MONEY:
        value = convert(value, unit, found.unit)
    elif found.unit != unit:
        return False
    if found.value == 0 and value != 0:
        return False
    return abs(value - found.value) < last_place(found.value) / 2 or value == found.value


def _names(kb: Knowledge, f: Fact) -> tuple[str, ...]:
    label = kb.label(kb.subject_of(f))
    return tuple(v for v in (label.variants if label else (norm(kb.subject_of(f)),)) if len(v) >= 2)


def _item_named(kb: Knowledge, f: Fact, said: Said) -> bool:
    """The fact's item is named in the words since the previous figure (and not only inside a longer item
    of the same document); when those words name no item ("，2023年为…", "，增长…"), it is the item
    named last before the figure in the sentence."""
    labels = kb.labels_by_doc.get(f.doc_id, [])
    own = set(_names(kb, f))
    if any(len(v) >= 2 and v in said.segment for label in labels for v in label.variants):
        hits = [v for v in own if v in said.segment]
        if not hits:
            return False
        longest = max(hits, key=len)
        return not any(
            len(v) > len(longest) and longest in v and v in said.segment and v not in own
            for label in labels for v in label.variants
        )  # fmt: skip
    last = max(
        ((said.before.rfind(v) + len(v), len(v), v) for label in labels for v in label.variants
         if len(v) >= 2 and v in said.before),
        default=None,
    )  # fmt: skip
    return last is not None and last[2] in own


def _other_column_named(kb: Knowledge, f: Fact, words: str) -> bool:
    """Another column of the fact's row, with another figure, is named in `words` and the fact's own is not."""
    mine = {w for w in (norm(f.column), norm(f.column_role or "")) if w}
    if any(w in words for w in mine):
        return False
    for s in kb.facts_by_doc.get(f.doc_id, []):
        if s.table == f.table and s.row == f.row and s.column != f.column and s.value != f.value:
            for w in (norm(s.column), norm(s.column_role or "")):
                if len(w) >= 2 and not YEAR.search(w) and w in words and not any(w in m for m in mine):
                    return True
    return False


def _passage_facts(kb: Knowledge, ledger: Ledger) -> list[Fact]:
    """Prose facts printed in the passages the model read (their own words, whitespace aside)."""
    out = []
    for chunk in ledger.passages.values():
        text = re.sub(r"\s+", "", chunk.text)
        for f in kb.facts_by_doc.get(chunk.doc_id, []):
            if f.table is None and " · 「" in f.source:
                snippet = re.sub(r"\s+", "", f.source.split(" · 「", 1)[1].removesuffix("」"))
                if snippet and snippet in text:
                    out.append(f)
    return out


# --- calculations ----------------------------------------------------------------


def _calculation_fits(kb: Knowledge, found: Found, said: Said, key: str, c: Calculation, ledger: Ledger) -> bool:
    op, _, inputs = ledger.inputs.get(key, (c.op, "", ()))
    signed = op in ("difference", "growth")
    if said.claim not in ACCEPTS.get(op, set()) or not _same_value(found, said, c.value, c.unit, signed):
        return False
    operands = [_facts_of(k, ledger) for k in inputs]
    if not operands or any(not group for group in operands):
        return False
    every = [f for group in operands for f in group]
    if said.year is None or any(f.department != said.department or not _kind_said(f, said) for f in every):
        return False
    periods = [{period(f) for f in group} for group in operands]
    if op in ("difference", "growth") and len(operands) == 2 and periods[0] != periods[1]:
        if periods[0] != {said.year} or (said.base is not None and periods[1] != {said.base}):
            return False  # this year's against an earlier year's: 比2021年增长
    elif any(p != {said.year} for p in periods) or said.base is not None:
        return False
    if any(f.fund == fund and words not in said.sentence for f in every for fund, words in SPECIAL_FUNDS.items()):
        return False
    places = [_first_named(kb, group, said.before) for group in operands]
    if any(p is None for p in places):
        return False
    ordered = [p for p in places if p is not None]
    return not (len(ordered) == 2 and op in ("share", "execution_rate", "difference") and ordered[0] > ordered[1])


def _facts_of(key: str, ledger: Ledger) -> list[Fact]:
    """The facts under a ledger id: a fact itself, or a calculation's operands' facts."""
    if key in ledger.facts:
        return [ledger.facts[key]]
    if key in ledger.inputs:
        return [f for k in ledger.inputs[key][2] for f in _facts_of(k, ledger)]
    return []


def _first_named(kb: Knowledge, facts: Iterable[Fact], words: str) -> int | None:
    """Where the item of an operand is first named in `words` (None: not named); for a calculation
    operand, where the first of its items is."""
    places = []
    for f in facts:
        hits = [words.find(v) for v in _names(kb, f) if v in words]
        if not hits:
            return None
        places.append(min(hits))
    return min(places) if places else None
