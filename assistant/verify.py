"""The verifier: every figure in a text checked against the facts, or a calculation over up to three facts.

For each figure, the subjects named in its sentence (fact labels) and the cue
words before it (增长/增加/减少/占) decide what it claims. A figure equal to that
claim's fact is `verified`; equal to a calculation over the subjects' facts (sum,
difference, share, growth, prior year, per head) `derived`; a figure whose
subject has a different figure for the same claim is a `mismatch` naming the
disclosure's value; anything else is `unknown`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from assistant import calculator as calc
from assistant.calculator import Calculation, CalculationError, Operand
from assistant.draft import cited, operand
from assistant.figures import Found, find_figures
from assistant.knowledge import Knowledge, norm
from assistant.records import Figure
from assistant.tokens import to_template
from index.numbers import last_place
from index.records import Fact
from index.units import MONEY

TOTAL_LABELS = ("支出总计", "收入总计", "部门预算", "部门预算支出")


def _claim(before: str, unit: str) -> str:
    """What a figure claims, from the words just before it."""
    tail = before[-12:]
    if unit == "%":
        if "占" in before[-24:] or "比重" in tail or "比例" in tail:
            return "share"
        if re.search(r"增长|下降|增幅|降幅|上升|减少|增加", tail):
            return "growth"
        return "percent"
    if re.search(r"(?:比|较).{0,12}(?:增加|减少|多|少)|增加|减少|压减|多出", tail):
        return "change"
    return "amount"


UP = re.compile(r"(?:增加|增长|上升|提高|多出|多)[了]?$")
DOWN = re.compile(r"(?:减少|下降|降低|压减|少)[了]?$")
OPERATION = re.compile(
    r"合计|共计|一共|总共|加上|加|共|之和|相加|差额|多出|多|少|占|比重|比例|人均|平均|增长|下降|增加|减少|上年|去年|\d{4}年数|[+−÷×=]"
)
SPECIAL_BUDGETS = ("政府性基金", "国有资本")  # tables of other budgets: they back a claim only when it names them


def direction(before: str) -> int:
    """+1 for 增加/增长…, −1 for 减少/下降…, 0 when the words before a figure give no direction."""
    tail = re.sub(r"\s+", "", before)[-6:]
    if DOWN.search(tail):
        return -1
    if UP.search(tail):
        return 1
    return 0


def _equal(found: Found, value: Decimal, unit: str) -> bool:
    """The written figure equals a value, at the figure's own precision (after 元/万元/亿元 conversion)."""
    if found.unit in MONEY and unit in MONEY:
        value = calc.convert(value, unit, found.unit)
    elif found.unit and unit and found.unit != unit and not (found.unit in unit or unit in found.unit):
        return False
    if found.value == 0 and value != 0:
        return False  # "0亿元" is not 4,997 万元 rounded
    place = last_place(found.value)
    return abs(value - found.value) < place / 2 or value == found.value


class Verifier:
    """Checks figures against one knowledge base."""

    def __init__(self, kb: Knowledge):
        self.kb = kb

    def subjects(self, sentence: str, doc_ids: set[str]) -> list[str]:
        """Labels named verbatim in a sentence (template wording), longest first, and their extensions."""
        text = norm(to_template(sentence))
        matched: dict[str, str] = {}  # label key → the longest of its variants found in the text
        for label in self.kb.in_scope(doc_ids):
            if label.facts:
                hits = [v for v in label.variants if len(v) >= 2 and v in text]
                if hits:
                    matched[label.key] = max(hits, key=len)
        kept = [k for k, v in matched.items() if not any(len(o) > len(v) and v in o for o in matched.values())]
        return sorted(kept, key=lambda k: (text.find(matched[k]), -len(matched[k])))

    def extensions(self, keys: list[str], doc_ids: set[str]) -> list[str]:
        """Labels that extend a named one ("部门预算" → "部门预算收入", "部门预算支出")."""
        return [
            label.key
            for label in self.kb.in_scope(doc_ids)
            if label.facts and any(label.key != k and label.key.startswith(k) for k in keys)
        ]

    def facts_of(self, key: str, doc_ids: set[str]) -> list[Fact]:
        return self.kb.facts_of(key, doc_ids)

    def named(self, sentence: str, doc_ids: set[str]) -> set[str]:
        """The documents whose department a sentence names (the most specific name); empty if it names none."""
        longest = {
            d: max((len(a) for a in self.kb.docs[d].aliases if a in sentence), default=0)
            for d in doc_ids
            if d in self.kb.docs
        }
        best = max(longest.values(), default=0)
        return {d for d, n in longest.items() if n == best} if best else set()

    def scope(self, sentence: str, doc_ids: set[str]) -> set[str]:
        """The documents a sentence is about: those whose department (most specific name) or year it names."""
        docs = self.named(sentence, doc_ids) or set(doc_ids)
        dated = {d for d in docs if self.kb.docs[d].year in _years(sentence)}
        return dated or docs

    def check(self, text: str, doc_ids: Iterable[str], calculations: Sequence[Calculation] = ()) -> list[Figure]:
        """Every figure of `text`, checked; a sentence naming no department is about the last one named
        ("海珠区图书馆……。其中项目支出……": the second sentence is still the library's)."""
        all_docs = set(doc_ids)
        out = []
        carried: set[str] = set()  # the documents of the last sentence that named a department
        for sentence in sentences(text):
            named = self.named(sentence, all_docs)
            docs = self.scope(sentence, named or carried or all_docs)
            carried = named or carried
            unnamed = sentence
            for d in docs:
                for alias in self.kb.docs[d].aliases:  # "海珠区图书馆" names the department, not 表7's 图书馆 row
                    unnamed = unnamed.replace(alias, "　" * len(alias))
            subjects = self.subjects(unnamed, docs)
            names = [a for d in docs for a in self.kb.docs[d].aliases]
            subjects += [k for k in self.subjects(sentence, docs) if k not in subjects and any(n in k for n in names)]
            for found in find_figures(sentence):
                before = sentence[: found.start]
                quoted = self._quoted(sentence, found, docs)
                out.append(
                    quoted
                    or self._figure(
                        found, _claim(before, found.unit), direction(before), subjects, docs, calculations, sentence
                    )
                )
        return out

    def _quoted(self, sentence: str, found: Found, docs: set[str]) -> Figure | None:
        """A figure in a sentence quoted from the disclosure: the fact whose own snippet holds the same words."""
        window = re.sub(r"\s+", "", sentence[max(0, found.start - 12) : found.end])
        if len(window) < 8:
            return None
        for f in (f for d in docs for f in self.kb.facts_by_doc.get(d, [])):
            if " · 「" in f.source and window in re.sub(r"\s+", "", f.source.split(" · 「", 1)[1]):
                if _equal(found, abs(f.value), f.unit) or _equal(found, f.value, f.unit):
                    return Figure(
                        text=found.text, value=found.value, unit=found.unit, verdict="verified", source=cited(f)
                    )
        return None

    def _figure(
        self,
        found: Found,
        claim: str,
        direction: int,
        subjects: list[str],
        docs: set[str],
        calculations: Sequence[Calculation],
        sentence: str,
    ) -> Figure:
        def figure(verdict: str, **kw: object) -> Figure:
            return Figure(text=found.text, value=found.value, unit=found.unit, verdict=verdict, **kw)  # type: ignore[arg-type]

        special = any(w in sentence for w in SPECIAL_BUDGETS)
        subject_facts = [
            f for key in subjects for f in self.facts_of(key, docs)
            if special or not any(w in f.source.split(" · ")[0] for w in SPECIAL_BUDGETS)
        ]  # fmt: skip
        if not any(self._fits(f, claim) for f in subject_facts):
            subject_facts += [f for key in self.extensions(subjects, docs) for f in self.facts_of(key, docs)]
        signed = claim in ("change", "growth")  # 减少 860 / 下降 53%: the words carry the sign

        def same(f: Fact) -> bool:
            if not signed:
                return _equal(found, f.value, f.unit)
            agrees = direction == 0 or f.value == 0 or (f.value > 0) == (direction > 0)
            return agrees and _equal(found, abs(f.value) if found.value >= 0 else f.value, f.unit)

        for f in subject_facts:
            if self._fits(f, claim) and same(f):
                return figure("verified", source=cited(f))
        for c in calculations:  # the answer's own calculation: operands are facts, the result is derived
            for o in c.operands:
                if " · " in o.source and _equal(found, o.value, o.unit):
                    return figure("verified", source=o.source)
            if _equal(found, abs(c.value) if signed else c.value, c.unit):
                return figure("derived", source="；".join(o.source for o in c.operands), expression=c.expression)
        claimed = [
            f
            for f in subject_facts
            if self._fits(f, claim) and (f.unit == found.unit or {f.unit, found.unit} <= MONEY.keys())
        ]
        operation = OPERATION.search(sentence) is not None
        if operation or not claimed:
            for c in self._derivations(subject_facts, claim, docs):
                agrees = not signed or direction == 0 or c.value == 0 or (c.value > 0) == (direction > 0)
                if agrees and _equal(found, abs(c.value) if signed else c.value, c.unit):
                    return figure("derived", source="；".join(o.source for o in c.operands), expression=c.expression)
        if claimed:
            f = claimed[0]
            return figure("mismatch", source=cited(f), expected=f.value, expected_unit=f.unit)
        if claim == "share" and (named := self._named_share(subjects, docs)):  # "A 占 B 的 x%"
            sources = "；".join(o.source for o in named.operands)
            return figure(
                "mismatch", source=sources, expression=named.expression, expected=named.value, expected_unit="%"
            )
        return figure("unknown")  # no subject with a figure to compare: not matched by coincidence

    def _named_share(self, subjects: list[str], docs: set[str]) -> Calculation | None:
        """The share of the first subject named in the sentence in the second (or in the total)."""
        amounts = [[f for f in self.facts_of(k, docs) if self._fits(f, "amount") and f.unit] for k in subjects]
        amounts = [a for a in amounts if a]
        if not amounts:
            return None
        whole = amounts[1] if len(amounts) > 1 else [f for k in TOTAL_LABELS for f in self.facts_of(norm(k), docs)]
        for part, total in itertools.product(amounts[0], whole):
            if part.row != total.row:
                return next(iter(_safe(calc.share, operand(part), operand(total))), None)
        return None

    @staticmethod
    def _fits(f: Fact, claim: str) -> bool:
        """Whether a fact can back a figure making this claim."""
        is_change = "增减" in f.column
        is_growth = "增长率" in f.column
        if claim == "change":
            return is_change
        if claim == "growth":
            return is_growth
        if claim == "amount":
            return (
                not (is_change or is_growth) and not re.fullmatch(r"\d{4}年", f.column or "")
            ) or f.column == f"{f.year}年"
        if claim == "percent":
            return f.unit == "%" and not is_change
        return False

    def _derivations(self, facts: list[Fact], claim: str, docs: set[str]) -> Iterable[Calculation]:
        """Calculations over up to three of the subjects' facts (and the totals, for shares), each over distinct items."""
        seen: set[tuple[str, Decimal]] = set()
        amounts = []
        for f in facts:  # the same figure printed in several tables is one operand
            if self._fits(f, "amount") and f.unit and (f.row, f.value) not in seen:
                seen.add((f.row, f.value))
                amounts.append(f)
        if claim in ("share", "percent", "growth"):
            totals = [f for key in TOTAL_LABELS for f in self.facts_of(norm(key), docs) if self._fits(f, "amount")]
            for a, b in itertools.permutations(amounts + totals[:2], 2):
                if a.row != b.row:
                    yield from _safe(calc.share, operand(a), operand(b))
            for f in facts:
                if "增减" in f.column:
                    current = next((a for a in amounts if a.row == f.row and a.unit == f.unit), None)
                    if current and current.value != f.value:
                        prior = calc.prior_year(operand(current), operand(f))
                        prev = Operand(
                            value=prior.value, unit=current.unit, label=f"{current.row}上年数", source=prior.expression
                        )
                        yield from _safe(calc.growth_rate, operand(current), prev)
            return
        if claim == "change":  # a change is this year's figure less last year's (表8: 2022年 − 2021年)
            for a in facts:
                for b in facts:
                    if (
                        a.row == b.row
                        and re.fullmatch(r"\d{4}年", a.column)
                        and b.column == f"{int(a.column[:4]) - 1}年"
                    ):
                        yield from _safe(calc.difference, operand(a), operand(b))
            return
        for f in facts:
            if "增减" in f.column:
                current = next((a for a in amounts if a.row == f.row and a.unit == f.unit), None)
                if current:
                    yield calc.prior_year(operand(current), operand(f))
        for n in (2, 3):
            for combo in itertools.combinations(amounts[:12], n):
                if len({o.unit in MONEY for o in combo}) == 1 and len({o.row for o in combo}) == n:
                    yield from _safe(calc.total, *(operand(o) for o in combo))
        for a, b in itertools.permutations(amounts[:12], 2):
            if a.row != b.row:
                yield from _safe(calc.difference, operand(a), operand(b))
                yield from _safe(calc.ratio, operand(a), operand(b))


def _safe(fn, *args: Operand) -> Iterable[Calculation]:  # type: ignore[no-untyped-def]
    try:
        yield fn(*args)
    except CalculationError:
        return


def _years(sentence: str) -> set[int]:
    return {int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", sentence)}


def sentences(text: str) -> Iterable[str]:
    for m in re.finditer(r"[^。；;！？!?\n]+[。；;！？!?\n]?", text):
        yield m.group(0)
