"""One question's turn: the facts of the documents it is about, and the rule engine's answer read from
them. A `Turn` is made for each question by the long-lived `Engine` (assistant/answer.py), which holds
what every question shares: the library, the caches, the retriever and the readers across documents.
Nothing of a question is kept in the engine, so threads answering at once never share a turn."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from assistant import (
    as_of,
    compound,
    follow,
    narrative,
    premise,
    purpose,
    quote_fit,
    quote_whole,
    reason,
    scope,
    units,
    years,
)
from assistant import calculator as calc
from assistant.calculator import CalculationError, Operand
from assistant.complete import incomplete, reread
from assistant.composers import MEASURES, check_unit, target
from assistant.contradiction import asks_which_right, both_printed
from assistant.converted import converted
from assistant.count_across import compared
from assistant.counts import money_unkept, stance_unkept, unit_unkept
from assistant.defined import defined_in
from assistant.deictic_set import asks_which, resolved
from assistant.draft import Draft, Unanswerable, cited, fmt, sources
from assistant.each_named import each_named
from assistant.exclusion import excluding
from assistant.explain import best_quotes
from assistant.explain import sentences as chunk_sentences
from assistant.false_premise import false_premise
from assistant.inventory import inventory
from assistant.knowledge import Knowledge, norm
from assistant.listed_items import with_items
from assistant.measure_kept import unkept as measure_unkept
from assistant.measures import per_month, points_asked, rate_asked
from assistant.narrated import count_of, earlier, narrated, printed_change, rate_in_text, stated_in_text
from assistant.numerals import to_digits
from assistant.parts import asked_part, named_in
from assistant.placed import placed
from assistant.ranking import ranked
from assistant.reason import Corrected
from assistant.records import Across, Answer, Citation, Query, Within
from assistant.registry_asked import registered_amount, registered_share_of
from assistant.row_named import row_named
from assistant.script import plain
from assistant.select import Selector
from assistant.standing import without_inclusions
from assistant.table_note import noted
from assistant.target_said import target_denied, target_unasked
from assistant.threshold import over
from assistant.tokens import to_template
from assistant.understand import Understanding
from assistant.units_listed import units_in
from assistant.verify import Verifier
from assistant.whole_part import coded, coded_row, opposite, part_within
from assistant.why_much import reason_and_change
from assistant.year_on_year import scope_of
from index.records import DocumentInfo, Fact

_INDICATOR_COLUMNS = ("目标值", "指标权重")  # an indicator's facts (index/facts.py): its weight is no amount of it

if TYPE_CHECKING:
    from assistant.answer import Engine
    from assistant.retrieve import Hit

MAX_QUESTION = 500  # characters; a question is a sentence or two, not a pasted document


def column_unbound(query: Query, draft: Draft) -> bool:
    """The question names a column ("支出总计") that the prose figure found neither is nor names, and the
    figure's own name is not written in the question: a look-alike ("所属各预算单位政府采购预算总额", whose
    question wording ends in …支出总计), never the total asked."""
    if not query.column or not query.subjects or len(draft.facts) != 1 or draft.facts[0].table is not None:
        return False  # no label linked: the registry's own place for the subject named (支出合计 in the text)
    f, key = draft.facts[0], norm(query.subjects[0])
    column = norm(query.column)
    written = key in norm(query.question) or key in norm(to_template(query.question))
    named = named_in(query.column, key)  # "委托业务费涉及财拨资金": its name says it is the 财政拨款
    heading = norm(f.source.partition(" · 「")[0])  # "五、财政拨款支出预算情况说明": its section states the column
    return column not in key and column not in norm(f.column) and column not in heading and not written and not named


def _second_document(a: Across | None, pool: Sequence[DocumentInfo]) -> bool:
    """Whether the store holds both years a change across one department's documents compares."""
    if a is None or a.year is None or len(a.departments) != 1:
        return False
    earlier = a.earlier or a.year - 1
    held = {d.year for d in pool if d.department == a.departments[0]}
    return {a.year, earlier} <= held


def _printed_first(a: Across) -> bool:
    """One department's change between two years, or the execution of one item: what its documents print
    (a 决算's own 预算数 and 完成率, a printed 比上年增减) comes first; the two documents' figures otherwise."""
    return a.op == "change" or (a.op == "execution" and a.subject != "支出合计")


@dataclass(frozen=True, kw_only=True, eq=False)
class Turn:
    """The engine seeing the facts of the documents a question is about (one department's; none when it
    names no department among several, which is then asked back)."""

    engine: Engine  # the long-lived engine: library, caches, retriever, readers across documents
    kb: Knowledge  # facts, labels and targets of the question's documents
    pick: Selector  # the figure of `kb` a subject names
    verifier: Verifier  # an answer's figures checked against `kb`
    understanding: Understanding  # the question read against `kb`

    def turn(self, doc_ids: Sequence[str]) -> Turn:
        """The engine's turn over these documents."""
        return self.engine.turn(doc_ids)

    def cite(self, f: Fact) -> Citation:
        """A fact cited as the engine cites it (a prose figure by its whole sentence)."""
        return self.engine.cite(f)

    def search(self, question: str, doc_id: str | None = None, k: int = 5) -> list[Hit]:
        """Retrieval for a question; within one document its department's names are dropped (every chunk has them)."""
        text = question
        if doc_id and doc_id in self.kb.docs:
            for alias in self.kb.docs[doc_id].aliases:
                text = text.replace(alias, " ")
        from assistant.retrieve import Scope

        return self.engine.retriever.search(
            text if text.strip() else question, k=k, scope=Scope(doc_id=doc_id) if doc_id else None
        )

    def rules(
        self, question: str, history: Sequence[Answer] = (), doc_id: str | None = None, within: Within | None = None
    ) -> Answer:
        """The rule engine's answer alone (no language model); a follow-up as the complete question it stands for.
        Every question of the conversation is read in simplified characters (殯葬 → 殡葬) with its Chinese
        numerals in digits; the answer keeps the question as it was written."""
        read = plain(question)
        history = [a if (s := plain(a.question)) == a.question else replace(a, question=s) for a in history]
        answer = self._parts(read, history, doc_id, within)
        return answer if read == question or answer.question != read else replace(answer, question=question)

    def _parts(self, question: str, history: Sequence[Answer], doc_id: str | None, within: Within | None) -> Answer:
        """`rules` of a question in simplified characters: a question of several parts has every part answered
        or named as not answered (assistant/compound.py)."""
        answer = self._one(question, history, doc_id, within)
        if answer.choices:
            return answer
        if history:
            return self._follow_parts(question, answer, history, doc_id, within)
        if answer.refused and doc_id is None and within is None:  # "A和B…分别": each one's own answer
            if each := each_named(self, to_digits(question), lambda q: self.rules(q)):
                return each
        answer = compound.catch_all_kept(to_digits(question), answer)  # "人大事务" never 其他…事务支出's figure
        spans = lambda t: list(self.understanding.named(to_template(t)).values())  # noqa: E731
        ask = lambda q: self._one(q, (), doc_id, within)  # noqa: E731
        printed = lambda name: self._printed(name, to_digits(question), doc_id, within)  # noqa: E731
        facts_of = lambda d: self.engine.knowledge([d]).facts_by_doc.get(d, [])  # noqa: E731
        sentence_of = lambda f: self.engine.cite(f).text  # noqa: E731
        return compound.combined(to_digits(question), answer, ask, spans, printed, facts_of, sentence_of)

    def _follow_parts(
        self, question: str, answer: Answer, history: Sequence[Answer], doc_id: str | None, within: Within | None
    ) -> Answer:
        """A follow-up of several parts ("比去年少了多少？下降了百分之几？"): its first part completed from the
        conversation, then the whole question answered part by part as one standing alone; `answer` (the
        follow-up read whole) when it has one part or its first part stands for no complete question."""
        parts = compound.clauses(to_digits(question))
        if len(parts) < 2:
            return answer
        first = self._one(parts[0], history, doc_id, within)
        if first.refused or first.query is None:
            return answer
        done = first.query.question
        if follow.END.sub("", done) == follow.END.sub("", parts[0]):  # read in place ("其中因公出国呢？")
            earlier = history[-1].query.question if history[-1].query else history[-1].question
            done = follow.complete(earlier, parts[0]) or self._of_department(parts[0], first, doc_id, within)
        if not done:
            return answer
        whole = "？".join([follow.END.sub("", done), *parts[1:]]) + "？"
        return replace(self.rules(whole, (), doc_id, within), question=question)

    def _of_department(self, part: str, first: Answer, doc_id: str | None, within: Within | None) -> str:
        """A first part read in place that completes no earlier question ("今年打算再买几辆车？什么车？" after "…有
        多少辆执法执勤用车？") asked of the one department (and year) its answer `first` was read in, so that the parts
        after it are each answered, never silently dropped; "" when that answer was read in several departments'
        documents or the part so asked is not answered with `first`'s figure (the earlier question's subject was
        needed)."""
        docs = [self.kb.docs[d] for d in (first.query.doc_ids if first.query else ()) if d in self.kb.docs]
        if not docs or len({d.department for d in docs}) != 1:
            return ""
        year = f"{docs[0].year}年" if len({d.year for d in docs}) == 1 and "年" not in part else ""
        asked = f"{docs[0].department}{year}{part}"
        alone = self._one(asked, (), doc_id, within)
        return asked if not alone.refused and (alone.value, alone.unit) == (first.value, first.unit) else ""

    def _executed_later(self, query: Query) -> Draft | None:
        """A year's 执行数 asked of a 预算 the department's next year's narrative prints for the item
        ("2023年当年预算执行数为114.00万元" in the 2024 预算), read on that document's turn."""
        own = [self.kb.docs[d] for d in query.doc_ids if d in self.kb.docs]
        if query.year is None or len({d.department for d in own}) != 1:
            return None
        later = [
            d for d, info in self.engine.library.docs.items()
            if info.department == own[0].department and info.year == query.year + 1
        ]  # fmt: skip
        if not later:
            return None
        return earlier(self.turn(later), replace(query, doc_ids=tuple(later)))

    def _printed(self, name: str, question: str, doc_id: str | None, within: Within | None) -> bool:
        """The documents of `question` print `name` in a row's or a column's name ("社会保障和就业支出", "基本支出")."""
        kb = self.turn(self.understanding.documents(question, [], doc_id, self.within(within))).kb
        key = norm(name)
        return any(key in label for label in kb.labels) or any(key in norm(f.column) for f in kb.facts)

    def _one(
        self, question: str, history: Sequence[Answer] = (), doc_id: str | None = None, within: Within | None = None
    ) -> Answer:
        """`rules` for a question of one part."""
        if history and (pointed := resolved(question, history)) is not None:
            if not pointed:  # "这五个单位里…" with no five named before: never every department of the store
                text = f"抱歉，公开文件中找不到这个问题的答案：{asks_which(question)}。"
                return Answer(question=question, text=text, refused=True)
            question = pointed  # the set the conversation named, written out
        held = {y for d in self.kb.docs.values() for y in (d.year, d.year - 1)}  # "26年" of 2026, when held
        question = years.full_years(to_digits(question), held)
        history = [replace(a, question=years.full_years(to_digits(a.question), held)) for a in history]
        names, only = (lambda t: bool(self.understanding.named(to_template(t)))), self.understanding.only_names
        allowed = self.within(within)
        spans = lambda t: list(self.understanding.named(to_template(t)).values())  # noqa: E731
        places = [n for d, aliases in self.kb.departments().items() for n in (d, *aliases)]
        if history and (done := converted(question, history[-1])):  # "换算成元是多少？": the figure just answered
            return done
        facts_of = lambda d: self.engine.knowledge([d]).facts_by_doc.get(d, [])  # noqa: E731
        if history and (done := row_named(question, history[-1], self.kb.docs, facts_of)):  # "那本级呢？"
            return done
        if history and (asked := follow.asked_as(question, history, names, only, spans, places)):
            rules = lambda q, h: self._rules(q, h, doc_id, allowed)  # noqa: E731
            talked_of = frozenset() if names(question) else self._talked_of(history)
            answer = follow.answered(question, asked, history, rules, talked_of, self._shown)
        else:
            answer = self._rules(question, history, doc_id, allowed)
        reason = None if answer.refused else scope.mismatch(question, answer.facts, self.kb.docs)
        if not answer.refused and reason is None:  # a unit of a 汇总 document asked: only that unit's figures
            of = list(dict.fromkeys(f.doc_id for f in answer.facts))
            one = len({self.kb.docs[d].department for d in of if d in self.kb.docs}) == 1  # across: each line's own
            by_doc = self.engine.knowledge(of).facts_by_doc if one else {}
            printed = [f for d in of for f in by_doc.get(d, [])]
            reason = units.unit_mismatch(question, answer.facts, self.kb.docs, printed)
        if reason is None:
            return answer
        return Answer(question=question, text=f"抱歉，公开文件中找不到这个问题的答案：{reason}。", refused=True,
                      query=answer.query, timings=answer.timings)  # fmt: skip  # 本级 asked: never the 汇总's figure

    def _talked_of(self, history: Sequence[Answer]) -> frozenset[str]:
        """The departments the conversation is about: the latest turn's scope that has one."""
        for a in reversed(history):
            if a.query is not None and (scoped := self._departments(a.query.doc_ids)):
                return scoped
        return frozenset()

    def _shown(self, answer: Answer) -> frozenset[str]:
        """The departments whose figures an answer shows (its scope when it shows none)."""
        return frozenset(f.department for f in answer.facts) or self._departments(
            answer.query.doc_ids if answer.query else ()
        )

    def _departments(self, doc_ids: Sequence[str]) -> frozenset[str]:
        return frozenset(self.kb.docs[d].department for d in doc_ids if d in self.kb.docs)

    def _rules(
        self, question: str, history: Sequence[Answer], doc_id: str | None, allowed: frozenset[str] | None
    ) -> Answer:
        start = time.perf_counter()
        if not question.strip():
            return Answer(question=question, text="请输入问题。", refused=True)
        if len(question) > MAX_QUESTION:
            text = f"问题太长（{len(question):,} 个字），请精简到 {MAX_QUESTION} 字以内再问。"
            return Answer(question=question[:MAX_QUESTION], text=text, refused=True)
        if asks_which_right(question):  # "…哪个对？": each figure quoted shown where printed, none picked
            previous = [a.query for a in history if a.query]
            docs = self.understanding.documents(question, previous, doc_id, allowed)
            if printed_both := both_printed(self, question, docs, start):
                return self.engine.read(printed_both)
        if not history and allowed is None and (excluded := excluding(self, question, doc_id)):
            # "扣除…后": the whole minus the part, both verified (assistant/exclusion.py)
            return self.engine.read(excluded, "exclusion")
        if not history and allowed is None and (monthly := per_month(self, question, doc_id)):
            # "平均每月": the year's verified figure ÷ 12 (assistant/measures.py)
            return self.engine.read(monthly, "per_month")
        if not history and allowed is None and (listed := over(self, question, doc_id)):
            # "超过1000万元的项级科目有哪些": one level of one table over the amount (assistant/threshold.py)
            return self.engine.read(listed, "threshold")
        if not history and allowed is None and (top := ranked(self, question, doc_id)):
            # "农林水支出下哪个项级科目最多": one level of one table, ranked (assistant/ranking.py)
            return self.engine.read(top, "ranking")
        if (
            allowed is None
            and doc_id is None
            and (stored := inventory(question, list(self.engine.docs.values()), self.understanding.named))
        ):
            return stored  # "库里有几个民政局的文件？": the documents' own records (assistant/inventory.py)
        if allowed is None and (counts := compared(self, question, doc_id, bool(history))):
            # "北京市财政局和深圳市财政局谁的公车多": each one's held count (assistant/count_across.py)
            return counts
        pool = [d for d in self.kb.docs.values() if allowed is None or d.doc_id in allowed]
        if doc_id is None:
            across = self.engine.reader.read(question, pool, history[-1] if history else None)
            if across is not None and not _printed_first(across):
                return self.engine.across(question, across, pool, allowed is not None, start)
        else:
            across = None
        previous = [a.query for a in history if a.query]
        turn = self.turn(self.understanding.documents(question, previous, doc_id, allowed))
        return turn._answer(question, previous, doc_id, allowed, across, pool, start)

    def _said_in_text(self, query: Query) -> Draft | None:
        """A quantity or rate the narrative prints for the amount asked (assistant/narrated.py), or None."""
        try:
            return count_of(self, query) or rate_in_text(self, query)
        except Unanswerable:
            return None

    def _composed_or_said(self, query: Query) -> Draft:
        """`compose`, or — when it finds no figure of an amount asked — a quantity or rate the narrative prints
        ("快速路沥青路面每平方米收多少钱" ← 342 元/㎡, "房屋面积多少" ← 14609.83 平方米)."""
        try:
            return self.compose(query)
        except Unanswerable:
            said = self._said_in_text(query) if query.measure == "amount" else None
            if said is None:
                raise
            return said

    def _answer(
        self, question: str, previous: list[Query], doc_id: str | None, allowed: frozenset[str] | None,
        across: Across | None, pool: list[DocumentInfo], start: float,
    ) -> Answer:  # fmt: skip
        """The rest of `answer`, on a question's own turn."""
        query = reread(question, self.understanding.understand(question, previous, doc_id, allowed))
        understood = time.perf_counter()
        held = query.doc_ids or tuple(self.kb.docs)
        if entry := defined_in(self, question, held) or units_in(self, question, held):
            return self._quoted(query, entry, start)  # "“单位资金”是什么意思", "包括哪几个单位": the text, no figure
        # the prose phrase found binds no row of the question, but the registry subject's own place may
        rebound = registered_amount(self, query) if query.refusal and query.unbound else None
        if query.refusal and not rebound and query.measure == "amount":
            rebound = self._said_in_text(query)  # "房屋面积有多少平方米": though no label was linked
        if query.refusal and not rebound:
            if across:  # two years of one department: the documents' own printed change first, else the two figures
                return self.engine.across(question, across, pool, allowed is not None, start)
            return self._refusal(query, query.refusal, start)
        if query.measure == "explain" and (corrected := false_premise(self, question, query, start)):
            return corrected  # "收入为什么增长了" when a fall is printed: the correction, never a quote
        try:  # a part the question names of the figure read: the part's own figure (assistant/parts.py)
            draft = self._dated(query, rebound or self._composed_or_said(query))  # "截至2022年底": its document
            if draft.doc_id and draft.doc_id in self.kb.docs:
                at = scope_of(self.kb.docs[draft.doc_id])
                draft = asked_part(question, draft, self.kb, at)
                said = self.understanding.content(to_template(without_inclusions(question)), list(query.doc_ids))
                draft = part_within(said, draft, self.kb, self.understanding.neutral, at, query.measure)  # "项目支出
                # 里人员经费": the part printed under the whole asked, never the whole (assistant/whole_part.py)
            if reason := opposite(question, draft):  # "上年结转下来的钱" is never the 结转下年 row
                raise Unanswerable(reason)
            # the text's sentence naming the 科目 answers a coded row only when no second document can (across)
            sentence_of: Callable[[Fact], str] = (
                self.kb.sentence_of if not _second_document(across, pool) else (lambda f: "")
            )
            if query.subjects and not coded_row(query, draft, self.pick.name(query.subjects[0]), sentence_of):
                raise Unanswerable(f"答案所用的数字不是问题所说的科目编码{query.code}这一行的，没有给出其他项目的数字")
        except (Unanswerable, CalculationError) as e:
            if across and not isinstance(e, Corrected):  # a corrected premise stays the answer
                return self.engine.across(question, across, pool, allowed is not None, start)
            return self._refusal(query, str(e), start)
        if across and across.kind and any(f.doc_kind != across.kind for f in draft.facts):
            return self.engine.across(
                question, across, pool, allowed is not None, start
            )  # 决算 asked: never a 预算's figure
        if wrong_years := years.mismatch(question, draft.facts, query.measure):  # 实际 asked, or two years summed
            summed = self._years_summed(question, doc_id, allowed) if years.asks_sum_of_years(question) else None
            if summed:
                return summed
            # "2023年实际执行了多少": the 执行数 the next year's narrative prints ("2023年当年预算执行数为…")
            try:
                later = self._executed_later(query) if query.measure == "amount" else None
            except Unanswerable as e:  # the next year prints the year's figure on another basis only: say so
                return self._refusal(query, str(e), start)
            if later is None or years.mismatch(question, later.facts, query.measure):
                return self._refusal(query, wrong_years, start)
            draft = later
        if query.measure == "amount" and (
            unkept := unit_unkept(question, draft.unit)
            or money_unkept(question, draft.unit)
            or measure_unkept(question, draft.unit, draft.facts, bool(draft.calculations))
            or target_unasked(question, draft.facts)  # "有多少辆车": never a target's "车辆数 ≥1"
            or stance_unkept(question, draft.unit, draft.value, draft.facts, self.kb.sentence_of)
        ):
            return self._refusal(query, unkept, start)  # "多少座水库": never an amount, nor another unit
        if rate_asked(question) and draft.unit != "%":
            return self._refusal(query, "问题问的是变化的百分比，找到的只是变化的金额，没有给出金额充当百分比", start)
        composed = time.perf_counter()
        docs = [draft.doc_id] if draft.doc_id else query.doc_ids
        text = self._contradicted(question, draft, docs)
        if note := points_asked(question):  # "多少个百分点": the rate of change answered, and said so
            first, _, rest = text.partition("\n")
            text = f"{first}{note}\n{rest}" if rest else f"{first}{note}"
        figures = self.verifier.check(text, docs, draft.calculations)
        own = {(f.value, f.unit): f for f in draft.facts}  # a figure the answer took from a fact cites that fact
        figures = [
            replace(g, source=cited(own[(g.value, g.unit)]))
            if g.verdict == "verified" and (g.value, g.unit) in own
            else g
            for g in figures
        ]
        bad = [f for f in figures if f.verdict == "mismatch"]
        if bad:  # never show a figure the facts contradict
            return self._refusal(query, f"答案中的数字“{bad[0].text}”与公开文件不符，已拒绝给出", start)
        # what a total is said to include (（含事业收入）) is no item the figure must be printed under
        content = self.understanding.content(to_template(without_inclusions(question)), list(query.doc_ids))
        if reason := incomplete(question, content, query, draft, self.kb, self.understanding.neutral):
            return self._refusal(query, reason, start)  # a part of the question nothing read
        timings = {
            "understand_ms": (understood - start) * 1000,
            "compose_ms": (composed - understood) * 1000,
            "verify_ms": (time.perf_counter() - composed) * 1000,
        }
        return Answer(
            question=question, text=text, refused=False, value=draft.value, unit=draft.unit, figures=figures,
            citations=draft.citations or [self.cite(f) for f in draft.facts], query=query,
            facts=draft.facts, items=draft.items, entries=self.engine.entries(draft.facts),
            timings={**timings, "total_ms": (time.perf_counter() - start) * 1000},
        )  # fmt: skip

    def _quoted(self, query: Query, draft: Draft, start: float) -> Answer:
        """A quoted passage as the answer: its figures checked, none taken as the answer's value."""
        figures = self.verifier.check(draft.text, [draft.doc_id] if draft.doc_id else query.doc_ids, [])
        if any(f.verdict == "mismatch" for f in figures):
            return self._refusal(query, "引用的文字中有与公开文件不符的数字，已拒绝给出", start)
        timings = {"total_ms": (time.perf_counter() - start) * 1000}
        return Answer(question=query.question, text=draft.text, refused=False, figures=figures,
                      citations=draft.citations, query=query, timings=timings)  # fmt: skip

    def _dated(self, query: Query, draft: Draft) -> Draft:
        """`draft`, or when the question asks a date its text figures are not printed at (assistant/as_of.py),
        the figure read from another document of the question that prints it at that date; else Unanswerable."""
        reason = as_of.misdated(query.question, draft.facts, self.kb.sentence_of)
        if reason is None:
            return draft
        for d in (d for d in query.doc_ids if d != draft.doc_id):
            try:
                other = self.compose(replace(query, doc_ids=(d,)))
            except (Unanswerable, CalculationError):
                continue
            if other.facts and not as_of.misdated(query.question, other.facts, self.kb.sentence_of):
                return other
        raise Unanswerable(reason)

    def _years_summed(self, question: str, doc_id: str | None, allowed: frozenset[str] | None) -> Answer | None:
        """ "2023年和2024年…加起来": each year asked on its own and answered from its own document, the figures
        summed by the calculator; None unless every year is answered, each from a document of that year."""
        start = time.perf_counter()
        parts = [(y, self._rules(q, (), doc_id, allowed)) for y, q in years.one_year_each(question)]
        if not parts or any(
            a.refused
            or a.value is None
            or not a.facts
            or {f.year for f in a.facts} != {y}
            or len({f.doc_id for f in a.facts}) != 1
            for y, a in parts
        ):
            return None
        if len({a.facts[0].department for _, a in parts}) != 1:
            return None
        answers = [a for _, a in parts]
        c = calc.total(
            *(Operand(value=a.value or Decimal(0), unit=a.unit or "", label=f"{y}年", source=sources(*a.facts))
              for y, a in parts)
        )  # fmt: skip
        lines = "；".join(a.text.split("\n")[0].rstrip("。") for a in answers)
        text = (
            f"{lines}。两年合计 {fmt(c.value, c.unit)}。\n"
            f"计算：{' + '.join(f'{o.label} {fmt(o.value, o.unit)}' for o in c.operands)} = {fmt(c.value, c.unit)}\n"
            f"出处：{'；'.join(sources(*a.facts) for a in answers)}"
        )
        facts = [f for a in answers for f in a.facts]
        docs = list(dict.fromkeys(f.doc_id for f in facts))
        figures = self.verifier.check(text, docs, [c])
        if any(f.verdict == "mismatch" for f in figures):
            return None
        return Answer(
            question=question, text=text, refused=False, value=c.value, unit=c.unit, figures=figures,
            citations=[c for a in answers for c in a.citations], query=answers[-1].query, facts=facts,
            entries=self.engine.entries(facts), timings={"total_ms": (time.perf_counter() - start) * 1000},
        )  # fmt: skip

    def within(self, within: Within | None) -> frozenset[str] | None:
        """The documents of a chosen scope (None: no scope chosen)."""
        if within is None or not (within.departments or within.years or within.kinds):
            return None
        return frozenset(
            d.doc_id
            for d in self.kb.docs.values()
            if (not within.departments or d.department in within.departments)
            and (not within.years or d.year in within.years)
            and (not within.kinds or d.kind in within.kinds)
        )

    def _contradicted(self, question: str, draft: Draft, docs: Sequence[str]) -> str:
        """The draft's text, its first sentence saying so when the question states a figure for the very
        amount answered that the disclosure contradicts ("项目支出是9999万元吗？"). The wrong figure
        is not repeated."""
        if draft.value is None or "。" not in draft.text:
            return draft.text
        if denied := target_denied(question, draft.facts, draft.value, draft.unit):
            return denied + draft.text.replace("。", "（问题中给出的数字与公开文件不符）。", 1)  # "目标是不是80%"
        for f in self.verifier.check(question, docs):
            if f.verdict == "mismatch" and f.expected == draft.value and f.expected_unit == draft.unit:
                return draft.text.replace("。", "（问题中给出的数字与公开文件不符）。", 1)
        return draft.text

    def _refusal(self, query: Query, reason: str, start: float) -> Answer:
        if query.choices:  # not a refusal: the question is asked back
            text = (
                f"{reason}请直接回复“是”或部门名称，或在问题里写上部门名称。" if reason.endswith("？")  # misspelled
                else f"{reason}：{'、'.join(query.choices)}？请直接回复部门名称，或在问题里写上部门名称。"
            )  # fmt: skip
            return Answer(
                question=query.question, text=text, refused=True, query=query, choices=query.choices,
                timings={"total_ms": (time.perf_counter() - start) * 1000},
            )  # fmt: skip
        docs = [self.kb.docs[d] for d in query.doc_ids if d in self.kb.docs] or list(self.kb.docs.values())
        covered = "；".join(f"{d.title}（{'、'.join(self.kb.tables.get(d.doc_id, {}))}及文字说明）" for d in docs)
        text = f"抱歉，公开文件中找不到这个问题的答案：{reason}。" + (f"\n目前可以查询：{covered}。" if covered else "")
        return Answer(
            question=query.question, text=text, refused=True, query=query,
            timings={"total_ms": (time.perf_counter() - start) * 1000},
        )  # fmt: skip

    # --- composing ----------------------------------------------------------

    def compose(self, query: Query) -> Draft:
        """The draft answer to a read `query` on this turn's documents (raises Unanswerable when none is printed)."""
        if not query.subjects and (where := placed(self, query)):
            return where  # "…补贴放在哪个科目": the 科目 whose paragraph names it
        if query.measure == "explain" and (note := noted(self, query)):
            return note  # "…表为什么注明是空表": the note printed under that table
        if query.measure == "explain" and (both := reason_and_change(self, query)):
            return both  # "为什么增加了？增加了多少？": the change read for the item, then its reason
        if query.measure in ("explain", "breakdown", "amount") and (used := purpose.spent_on(self, query)):
            return used  # "…主要花在哪": the use printed for the very item asked
        if query.measure == "explain" or (query.measure == "breakdown" and not query.subjects):
            return self.explain(query)
        if query.measure in ("change", "growth"):
            if narrative.asked_basis(query.question) in ("执行数", "年初预算") and (draft := narrated(self, query)):
                return draft  # the documents' two figures are no such basis: the change the text prints for it
            try:
                draft = self._composed(query)
            except (Unanswerable, CalculationError):
                if draft := narrated(self, query):  # the change the narrative prints for what was asked
                    return draft
                raise
            prose = bool(draft.facts) and all(f.table is None for f in draft.facts) and not draft.calculations
            if prose and (printed := narrated(self, query)) and abs(printed.value or 0) != abs(draft.value or 0):
                return printed  # a prose change of another item: the one the sentence names for what was asked
            said_both = query.measure == "change" and narrative.RATE_OR_AMOUNT.search(query.question)
            if prose and printed and said_both and "%" in printed.text:
                return printed  # "增长多少": the same change, with the rate the sentence prints beside it
            if draft.calculations and (printed := printed_change(self, query, draft)):
                return printed  # the change the text prints for the item answers; a computed one only when none is
            return draft
        if query.measure == "share":
            return self._share_of(query)
        if query.measure in ("amount", "breakdown") and (counted := count_of(self, query)) and coded(query, counted):
            return counted  # a count the narrative prints (with the names it lists: "几个…分别是哪些")
        try:
            draft = self._composed(query)
            if query.measure == "amount" and column_unbound(query, draft):
                raise Unanswerable(f"文字说明中的“{self.pick.name(query.subjects[0])}”不是所问的{query.column}")
            return draft
        except Unanswerable:  # the label found has no such figure: the registry's place for the subject, if named
            if query.measure == "amount" and query.subjects and (draft := registered_amount(self, query)):
                return draft
            if query.measure == "amount" and (draft := stated_in_text(self, query)):
                return draft  # a count the narrative states for the very thing asked
            if query.measure == "amount" and (draft := earlier(self, query)):
                return draft  # an earlier year's figure the narrative states or implies
            raise

    def _share_of(self, query: Query) -> Draft:
        """A share: when both halves name registry subjects, each is read at its own template place, and a
        label that merely looks like one (所属各预算单位政府采购预算总额 for 支出总计) never stands in for it."""
        registry = registered_share_of(self, query)
        try:
            draft = self._composed(query)
        except Unanswerable:
            if registry:
                return registry
            if stated_share := stated_in_text(self, query):
                return stated_share  # "项目支出…占本年支出预算36.57%": the share the narrative states
            raise
        if registry and registry.value != draft.value:
            return registry
        printed = stated_in_text(self, query)  # the share as printed (9.55%) where its two figures round to 9.56%
        if printed is None or printed.value is None or draft.value is None:
            return draft
        return printed if Decimal(0) < abs(printed.value - draft.value) < Decimal("0.015") else draft

    def _composed(self, query: Query) -> Draft:
        if not query.subjects:
            if query.measure == "amount" and (registered := registered_amount(self, query)):
                return registered
            raise Unanswerable("没有找到问题所问的项目")
        doc = self.pick.doc(query)
        label = self.kb.labels[query.subjects[0]]
        measure = query.measure
        if (
            label.targets
            and not any(f.doc_id == doc.doc_id and f.column not in _INDICATOR_COLUMNS for f in label.facts)
            and measure == "amount"
        ):
            return target(self, query, doc)
        if measure == "amount" and (query.last_year or (query.year is not None and query.year < doc.year)):
            measure = "prior"
        if measure == "amount":
            check_unit(self, query, doc)
        draft = MEASURES[measure](self, query, doc)
        draft.doc_id = doc.doc_id
        return draft

    def explain(self, query: Query) -> Draft:
        """The document's own words explaining the asked item (its reason sentences), or its rows' figures."""
        if stated_reason := reason.explained(self, query):
            return stated_reason  # the reason printed for the very item asked and its direction
        doc = self.pick.doc(query)
        names = tuple(self.pick.name(k) for k in query.subjects)
        if set(query.subjects) <= {norm("支出总计")} and query.subjects:  # the budget as a whole
            names += ("部门预算", "预算收支")
        if query.table:  # "国有资本经营预算支出表为什么全是0": the table's own rows and notes
            names += (self.kb.tables.get(doc.doc_id, {}).get(query.table, ""),)
        said = norm(to_template(query.question))
        unsaid = [
            n for k, n in zip(query.subjects, names, strict=False) if k != norm("支出总计") and norm(n) not in said
        ]
        search = " ".join([query.question, *unsaid[:1]])  # a follow-up ("主要啥原因？") searches for what it is about
        if quote_fit.asks_use(query.question):
            search = f"{search} {quote_fit.use_search()}"  # the sentence printing a use
        if quote_fit.asks_duties(query.question):
            search = f"{search} {quote_fit.duties_search()}"  # the section stating the duties
        elif quote_fit.asks_why_not_printed(query.question):
            search = f"{search} {quote_fit.absent_search()}"  # the document's note on the absence
        hits = self.search(search, doc.doc_id, k=6)
        notes = quote_fit.absence_notes(query.question)
        quotes = best_quotes(hits, query.question, tuple(norm(n) for n in names), limit=len(hits) * 8, notes=notes)
        items = [  # a change's reason ("为什么减少了") is the item's own paragraph
            n
            for k, n in zip(query.subjects, names, strict=False)
            if k not in {norm("支出总计"), norm("收入总计")} and premise.asked_direction(query.question)
        ]
        paragraphs = {(h.chunk.doc_id, said): para for h in hits for _, para, said in chunk_sentences(h)}
        quotes = [  # a sentence of another item's paragraph: never
            q
            for q in quotes
            if premise.names_subject(paragraphs.get((q.doc_id, q.text), q.text), items)
            and reason.fits(self, query, q.text)
            and quote_whole.fits(self, query, q.text, names)
        ]
        plain = [
            n for k, n in zip(query.subjects, names, strict=False) if k not in {norm("支出总计"), norm("收入总计")}
        ]
        misfits = [
            quote_fit.misfit(query.question, q.text, paragraphs.get((q.doc_id, q.text), ""), plain, doc.aliases)
            for q in quotes
        ]
        quotes = [q for q, unfit in zip(quotes, misfits, strict=True) if unfit is None]  # gives what is asked
        if quote_fit.asks_duties(query.question):  # the sentence stating the duties before its paragraph's others
            quotes.sort(key=lambda q: not quote_fit.states_duties(q.text))
        if not quotes:
            unfit = next((m for m in misfits if m), "文件中没有找到说明这个问题的文字")
            if (
                unfit
                and quote_fit.asks_use(query.question)
                and quote_fit.asks_amount(query.question)
                and query.subjects
            ):
                draft = self._composed(replace(query, measure="amount"))  # "其他支出是干什么的，多少钱？"
                if line := quote_fit.use_unprinted(unfit, compound.clauses(query.question)):
                    draft.text = f"{draft.text}\n{line}"  # the amount; its use is not printed
                return draft
            raise Unanswerable(unfit)
        q = quotes[0]
        said = with_items(q.text, [h.chunk.text for h in hits if h.chunk.doc_id == q.doc_id])  # "…包括：" 1. 2.
        return Draft(text=f"据{q.where}：\n「{said}」", citations=[Citation(doc_id=q.doc_id, where=q.where, text=said)])
