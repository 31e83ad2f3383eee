"""Judging a language model's draft: every figure tied to a fact or a calculation the tools gave it,
exactly as the sentence describes it.

The verifier asks "does some fact back this figure?"; for text nobody here wrote
that is not enough (a model can put 科协's 4,023 万元 under 图书馆's name, or the
2021 column under 2022). Here a figure counts only when one item of the answer's
ledger (a fact from `lookup_facts`, a prose fact of a passage it read, a `calculate`
result) has its value and fits what the sentence says about it:

- department: the one named last before the figure (or in an earlier sentence; or
  the question's only department) is the fact's;
- year: the one in effect at the figure (2023年, 上年 after it, 二〇二二年; a 比2021年
  is the base compared with, not the year) is the year the figure is for: the
  document's, or its column's (2021年预算数); where the department has a 预算 and a
  决算 of that year, the sentence says which; a 决算 document's 预算数 column only
  when the words say 预算, its 决算数 not when they say 预算 only;
- item: the words since the previous figure name exactly the fact's item (its row,
  or its item column as in 表3 项目支出), and no other column of its row; words that
  name no item at all ("，2023年为") continue the item named last before;
- claim: the words right before it say what it is — an amount, a change (增加/减少,
  agreeing with the sign), a growth rate, a share, a sum, a mean, a 执行率;
- a calculation's operands (distinct) are all that department's, for the years
  claimed; their items are named in the sentence, the part before the whole (A 占 B,
  A 比 B 多/增长); this year against an earlier year is one item; a 执行率 is a 决算
  figure over the same item's 预算 figure.

A figure that fits nothing is `unknown` (or the verifier's `mismatch`, whose source
the model is shown for its one correction). What a sentence says is read by
`assistant.claims`; numbers written so that no figure is read from them (肆仟万元,
翻一番, （4023）万元) are reported by its `unreadable`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.calculator import Calculation, convert
from assistant.claims import EXECUTION, FILLER, SHARE, YEAR, Said
from assistant.claims import said as read_said
from assistant.cues import longest_first
from assistant.draft import cited
from assistant.figures import Found, find_figures
from assistant.knowledge import Knowledge, norm
from assistant.records import Figure
from assistant.tools import Ledger
from assistant.verify import Verifier, sentences
from index.normal import squeeze
from index.numbers import last_place
from index.records import DocumentInfo, Fact
from index.units import MONEY

SPECIAL_FUNDS = {
    "政府性基金": "政府性基金",
    "国有资本经营": "国有资本",
}  # a fund's tables back a figure only when it is named
ACCEPTS = {  # what a ledger item may be claimed as
    "amount": {"amount", "sum"},
    "change": {"change"},
    "growth": {"growth"},
    "sum": {"sum"},
    "mean": {"mean"},
    "difference": {"change"},
    "share": {"share"},
    "execution_rate": {"execution"},
}
MAX_OPERANDS = 12
NOT_GIVEN = "不是工具查到或算出的数字"
NOT_AS_SAID = "工具给出的同值数字与句中所说的部门、年度、项目、列或算法不符"


def judge(kb: Knowledge, docs: list[str], text: str, ledger: Ledger, pool: list[DocumentInfo]) -> list[Figure]:
    """Every figure of a model's text, judged (see the module's docstring) against `docs` (whose facts `kb`
    holds): the question's (`pool`), those the tools read, and those of departments the text names."""
    read = Verifier(kb).check(text, docs, list(ledger.calculations.values()))
    facts = list(ledger.facts.values()) + _passage_facts(kb, ledger)
    kinds: dict[tuple[str, int], set[str]] = {}
    for d in docs:
        kinds.setdefault((kb.docs[d].department, kb.docs[d].year), set()).add(kb.docs[d].kind)
    departments = {d.department for d in pool}
    only = next(iter(departments)) if len(departments) == 1 else None
    both = frozenset(k for k, v in kinds.items() if len(v) > 1)
    carried = Said(only, None, None, None, both, "amount", 0, "", "", "")
    out, n = [], 0
    for sentence in sentences(text):
        at = 0
        for found in find_figures(sentence):
            said = read_said(kb, docs, sentence, found, at, carried)
            at = found.end
            checked = read[n]  # the verifier's reading: a mismatch shows the model the disclosure's figure
            n += 1
            fit = _figure(kb, found, said, facts, ledger)
            out.append(fit or (checked if checked.verdict == "mismatch" else _unfit(found, facts, ledger)))
        carried = read_said(kb, docs, sentence, None, 0, carried)
    return out


# --- items named -----------------------------------------------------------------------


def _named(kb: Knowledge, doc_id: str, words: str) -> list[tuple[int, int, str]]:
    """The items of a document named in `words`: (start, end, label key) of each occurrence not inside a
    longer item or department name ("图书馆" in "海珠区图书馆" is the department; "科协" in
    "科协组织建设与事业发展" is the item's)."""
    spans: list[tuple[int, int, str]] = []
    for label in kb.labels_by_doc.get(doc_id, []):
        for v in label.variants:
            if len(v) >= 2:
                spans += [(m.start(), m.start() + len(v), label.key) for m in re.finditer(re.escape(v), words)]
    doc = kb.docs.get(doc_id)
    for alias in doc.aliases if doc else ():
        a = norm(alias)
        spans += [(m.start(), m.start() + len(a), "") for m in re.finditer(re.escape(a), words)] if len(a) >= 2 else []
    kept = [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0] for o in spans)]
    return sorted({s for s in kept if s[2]})


def _key(kb: Knowledge, f: Fact) -> str:
    return norm(kb.subject_of(f))


def _item_named(kb: Knowledge, f: Fact, said: Said) -> bool:
    """The words since the previous figure name exactly the fact's item; or they name nothing at all (only
    years, cue words and the like) and the item named last before the figure in the sentence is the fact's."""
    keys = {k for _, _, k in _named(kb, f.doc_id, said.segment)}
    if keys:
        return keys == {_key(kb, f)}
    if FILLER.sub("", _unnamed(kb, f.doc_id, said.segment.split("\n")[0])):
        return False  # words that are no item this document knows: not the previous item either
    named = _named(kb, f.doc_id, said.before)
    return bool(named) and max(named, key=lambda s: (s[1], s[1] - s[0]))[2] == _key(kb, f)


def _unnamed(kb: Knowledge, doc_id: str, words: str) -> str:
    """`words` without the document's department names."""
    doc = kb.docs.get(doc_id)
    for alias in longest_first(doc.aliases if doc else ()):
        words = words.replace(norm(alias), "")
    return words


def _other_column_named(kb: Knowledge, f: Fact, words: str) -> bool:
    """Another column of the fact's row, with another figure, is named in `words` and the fact's own is not;
    or the words say 预算 of a 决算 document's 决算 figure, or not of its 预算 figure."""
    own = f"{f.column}{f.column_role or ''}"
    if f.doc_kind == "决算" and ("预算" in own) != ("预算" in words and ("决算" not in words or "预算" in own)):
        return True
    mine = {w for w in (norm(f.column), norm(f.column_role or "")) if w}
    if any(w in words for w in mine):
        return False
    for s in kb.facts_by_doc.get(f.doc_id, []):
        if s.table == f.table and s.row == f.row and s.column != f.column and s.value != f.value:
            for w in (norm(s.column), norm(s.column_role or "")):
                if len(w) >= 2 and not YEAR.search(w) and w in words and not any(w in m for m in mine):
                    return True
    return False


# --- facts -----------------------------------------------------------------------------


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


def _kind(f: Fact) -> str:
    if "增减" in f.column:
        return "change"
    if "增长率" in f.column or ("增长" in f.column and f.unit == "%"):
        return "growth"
    return "percent" if f.unit == "%" else "amount"


def _accepts(f: Fact, claim: str) -> bool:
    kind = _kind(f)
    if kind != "percent":
        return claim in ACCEPTS[kind]
    words = f"{f.row}{f.column}"  # a printed rate is claimed as what it is: 占比 as a share, 执行率 as one
    return (
        claim == "percent"
        or (claim == "share" and bool(SHARE.search(words)))
        or (claim == "execution" and bool(EXECUTION.search(words)))
    )


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
    if not _accepts(f, said.claim) or not _same_value(found, said, f.value, f.unit, kind in ("change", "growth")):
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
    """The written figure equals a value at its own precision (元/万元/亿元 converted). Unlike the verifier's,
    a figure without a unit equals nothing: the model must write what it means."""
    if found.unit in MONEY and unit in MONEY:
        value = convert(value, unit, found.unit)
    elif found.unit != unit:
        return False
    if found.value == 0 and value != 0:
        return False
    return abs(value - found.value) < last_place(found.value) / 2 or value == found.value


def _passage_facts(kb: Knowledge, ledger: Ledger) -> list[Fact]:
    """Prose facts printed in the passages the model read (their own words, whitespace aside)."""
    out = []
    for chunk in ledger.passages.values():
        text = squeeze(chunk.text)
        for f in kb.facts_by_doc.get(chunk.doc_id, []):
            if f.table is None and " · 「" in f.source:
                snippet = squeeze(f.source.split(" · 「", 1)[1].removesuffix("」"))
                if snippet and snippet in text:
                    out.append(f)
    return out


# --- calculations ----------------------------------------------------------------------


def _calculation_fits(kb: Knowledge, found: Found, said: Said, key: str, c: Calculation, ledger: Ledger) -> bool:
    op, _, inputs = ledger.inputs.get(key, (c.op, "", ()))
    if not inputs or len(set(inputs)) != len(inputs) or len(inputs) > MAX_OPERANDS:
        return False
    if said.claim not in ACCEPTS.get(op, set()):
        return False
    if not _same_value(found, said, c.value, c.unit, op in ("difference", "growth")):
        return False
    operands = [_facts_of(k, ledger) for k in inputs]
    every = [f for group in operands for f in group]
    if not all(operands) or len(set(map(id, every))) != len(every) or said.year is None:
        return False
    if any(f.department != said.department or not _kind_said(f, said) for f in every):
        return False
    if any(f.fund == fund and words not in said.sentence for f in every for fund, words in SPECIAL_FUNDS.items()):
        return False
    keys = [{_key(kb, f) for f in group} for group in operands]
    periods = [{period(f) for f in group} for group in operands]
    if op == "execution_rate":  # 决算数 over the same item's 预算数, of the year
        actual, budget = operands
        if keys[0] != keys[1] or not all(_is_actual(f) for f in actual) or any(_is_actual(f) for f in budget):
            return False
    if op in ("difference", "growth") and periods[0] != periods[1]:  # this year's against an earlier year's
        if keys[0] != keys[1] or periods[0] != {said.year} or (said.base is not None and periods[1] != {said.base}):
            return False
    elif any(p != {said.year} for p in periods) or said.base is not None:
        return False
    places = [_first_named(kb, group, said) for group in operands]
    if any(p is None for p in places):
        return False
    named = {k for f in every for _, _, k in _named(kb, f.doc_id, said.segment)}
    if not named <= set().union(*keys):
        return False  # the words since the previous figure name an item that is no operand
    ordered = [p for p in places if p is not None]
    distinct = len(ordered) == 2 and keys[0] != keys[1]
    return not (distinct and op in ("share", "difference", "growth") and ordered[0] > ordered[1])


def _is_actual(f: Fact) -> bool:
    """A 决算 figure: of a 决算 document, not in a 预算数 column."""
    return f.doc_kind == "决算" and "预算" not in f"{f.column}{f.column_role or ''}"


def _facts_of(key: str, ledger: Ledger) -> list[Fact]:
    """The facts under a ledger id: a fact itself, or a calculation's operands' facts."""
    if key in ledger.facts:
        return [ledger.facts[key]]
    if key in ledger.inputs:
        return [f for k in ledger.inputs[key][2] for f in _facts_of(k, ledger)]
    return []


def _first_named(kb: Knowledge, facts: list[Fact], said: Said) -> int | None:
    """Where the first of an operand's items is named in the sentence before the figure (None: one is not)."""
    places = []
    for f in facts:
        hits = [s for s, _, k in _named(kb, f.doc_id, said.before) if k == _key(kb, f)]
        if not hits:
            return None
        places.append(min(hits))
    return min(places) if places else None
