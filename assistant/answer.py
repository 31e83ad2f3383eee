"""The answer engine: a question → an `Answer` whose every figure is read from the facts or computed
by the calculator, and checked by the verifier before it is shown.

The offline default uses no language model: the answer text is composed from the
query, the facts and the retrieved passages.
"""

from __future__ import annotations

import copy
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from assistant import calculator as calc
from assistant import english, follow, narrative, premise, prior_text, purpose, reason, scope, stated, years
from assistant import reading as readings
from assistant.across import AcrossReader
from assistant.calculator import Calculation, CalculationError, Operand
from assistant.compare import Comparer, Reading
from assistant.complete import incomplete, reread, unread_across
from assistant.config import Settings
from assistant.counts import answer_count
from assistant.draft import Draft, Unanswerable, cited, fmt, operand, sources, where
from assistant.exclusion import excluding
from assistant.explain import Sentences, best_quotes, listing_sentence
from assistant.explain import sentences as chunk_sentences
from assistant.knowledge import Knowledge, norm
from assistant.library import VIEWS, Library
from assistant.lines import check_lines
from assistant.measures import base_of, months_per_year, on_base, on_year_before, per_month
from assistant.numerals import to_digits
from assistant.overview import AskBack, Overview
from assistant.ranking import ranked
from assistant.reason import Corrected
from assistant.records import Across, Answer, Citation, Entry, Figure, ModelPart, Query, Within
from assistant.registered import read_subject, registered, registered_share
from assistant.select import COUNT_ASKED, LOW_PRIORITY_TABLES, MONEY_NAMED, Selector, coarser_printings
from assistant.shares import check_share
from assistant.standing import part_named, without_inclusions
from assistant.subjects import subjects
from assistant.threshold import over
from assistant.tokens import glossary_data, to_template
from assistant.understand import ALL_YEARS, FUND_WORDS, Understanding, asks_budget
from assistant.verify import Verifier
from assistant.whole import narrative_total
from assistant.why_much import reason_and_change
from index.facts import EMPTY_TABLE
from index.numbers import format_amount, last_place
from index.records import DocumentInfo, Fact
from index.store import Store

if TYPE_CHECKING:
    from assistant.agent import Agent
    from assistant.retrieve import Hit, Retriever

log = logging.getLogger(__name__)

CODED_TABLES = subjects().coded.tables

COUNT_UNITS = {
    "人": r"多少人|几个人|几人|几名|人数",
    "辆": r"几辆|多少辆",
    "家": r"几家|多少家",
    "次": r"几次|多少次",
    "台": r"几台|多少台",
}


BUDGET_COLUMNS = ("预算数", "年初预算数", "全年预算数", "调整预算数")  # a 决算's columns that answer "…预算是多少"
MAX_QUESTION = 500  # characters; a question is a sentence or two, not a pasted document


YEAR_IN_QUESTION = re.compile(r"((?:19|20)\d{2})\s*年")
LAST_YEAR_IN_QUESTION = re.compile(r"上年|去年|上一年")
SHARE_ASKED = re.compile(
    r"的?(?:比例|比重|百分比|份额)(?:是|为)?(?:多少|几)?"
)  # "…的比例是多少": the whole's words end


def column_unbound(query: Query, draft: Draft) -> bool:
    """The question names a column ("支出总计") that the prose figure found neither is nor names, and the
    figure's own name is not written in the question: a look-alike ("所属各预算单位政府采购预算总额", whose
    question wording ends in …支出总计), never the total asked."""
    if not query.column or not query.subjects or len(draft.facts) != 1 or draft.facts[0].table is not None:
        return False  # no label linked: the registry's own place for the subject named (支出合计 in the text)
    f, key = draft.facts[0], norm(query.subjects[0])
    column = norm(query.column)
    written = key in norm(query.question) or key in norm(to_template(query.question))
    return column not in key and column not in norm(f.column) and not written


def _same_amount(f: Fact, r: Reading) -> bool:
    """A label's figure and a registry reading are the same amount (in either's unit of money)."""
    if r.value is None:
        return False
    if f.unit == r.unit:
        return f.value == r.value
    if f.unit in calc.MONEY and r.unit in calc.MONEY:
        return calc.convert(f.value, f.unit, r.unit) == r.value
    return False


def _printed_first(a: Across) -> bool:
    """One department's change between two years, or the execution of one item: what its documents print
    (a 决算's own 预算数 and 完成率, a printed 比上年增减) comes first; the two documents' figures otherwise."""
    return a.op == "change" or (a.op == "execution" and a.subject != "支出合计")


class Engine:
    """The store's documents at hand; each question's facts read from SQLite (and kept while hot)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        with Store(settings.store, settings.database_url):  # an older store's format is brought up to date first
            pass
        self.library = Library(
            settings.store, glossary_data()["department_abbreviations"], database=settings.database_url
        )
        self.filenames = self.library.filenames
        self.kb = self.library.none  # names and years of every document; a question's facts come with its turn
        self.understanding = self._understanding(self.kb)
        self.pick = Selector(self.kb)
        self.verifier = Verifier(self.kb)
        self.compositions: dict[str, list[str]] = glossary_data()["compositions"]
        self.facts_sql = self.library.sql  # questions across documents are answered in SQL
        code_names = self.facts_sql.code_names()
        self.reader = AcrossReader(self.understanding.named, self.facts_sql.row_keys(CODED_TABLES), code_names)
        single = lambda doc, q: self.rules(q, doc_id=doc.doc_id)  # noqa: E731 - a named department's own answer
        self.overview = Overview(Comparer(self.facts_sql, code_names), single)
        self._lazy = threading.Lock()  # the sentences cache
        self._opening = threading.Lock()  # the retriever, opened once (may wait for the store and the model)
        self._opened: dict[str, Retriever | Agent] = {}  # shared with every turn (a turn is a shallow copy)
        self._sentences: OrderedDict[str, Sentences] = OrderedDict()

    @property
    def retriever(self) -> Retriever:
        """Passage retrieval (BM25 statistics in SQLite, vectors in chromadb), opened by the first question
        that quotes the disclosure's text: answering a figure needs neither llama-index nor the model."""
        with self._opening:
            if "retriever" not in self._opened:
                from assistant.retrieve import Retriever, open_vectors

                with Store(self.settings.store, self.settings.database_url) as store:
                    self._opened["retriever"] = Retriever(store, open_vectors(self.settings))
            return self._opened["retriever"]  # type: ignore[return-value]

    def sentences(self, doc_id: str) -> Sentences:
        """A document's prose sentences (to quote a prose figure by its whole sentence), kept for the hottest."""
        with self._lazy:
            found = self._sentences.get(doc_id)
            if found is not None:
                self._sentences.move_to_end(doc_id)
                return found
        found = Sentences(self.facts_sql.chunks([doc_id]))
        with self._lazy:
            self._sentences[doc_id] = found
            while len(self._sentences) > VIEWS:
                self._sentences.popitem(last=False)
        return found

    def knowledge(self, doc_ids: Iterable[str]) -> Knowledge:
        """Facts, labels and targets of these documents."""
        return self.library.view(doc_ids)

    def _turn(self, doc_ids: Sequence[str]) -> Engine:
        """This engine seeing the facts of the documents a question is about (one department's; none when
        it names no department among several, which is then asked back). Each question has its own turn,
        so threads answering at once never share one."""
        departments = {self.library.docs[d].department for d in doc_ids if d in self.library.docs}
        kb = self.library.view(doc_ids) if len(departments) == 1 else self.library.none
        turn = copy.copy(self)
        turn.kb, turn.pick, turn.verifier = kb, Selector(kb), Verifier(kb)
        turn.understanding = self._understanding(kb)
        return turn

    def _understanding(self, kb: Knowledge) -> Understanding:
        """Understanding over `kb` that can also ask the whole store which rows exist."""
        return Understanding(kb, self.library.sql.mentions, self.library.sql.coded_rows_in, self.library.sql.rows_in)

    def understand(
        self,
        question: str,
        previous: Sequence[Query] = (),
        doc_id: str | None = None,
        allowed: frozenset[str] | None = None,
    ) -> Query:
        """The question read against the facts of the documents it is about."""
        docs = self.understanding.documents(question, previous, doc_id, allowed)
        return self._turn(docs).understanding.understand(question, previous, doc_id, allowed)

    def verify(
        self, text: str, doc_ids: Iterable[str] | None = None, calculations: Sequence[Calculation] = ()
    ) -> list[Figure]:
        """Every figure of a text checked against these documents' facts; without documents, those of the
        departments the text names, or every document when it names none."""
        if doc_ids is None:  # a store of many departments: a text naming none is checked against none (⚠)
            named = self.understanding.named(to_template(text))
            doc_ids = [d.doc_id for d in self.library.docs.values() if d.department in named] or (
                list(self.library.docs) if len(self.library.docs) <= ALL_YEARS else []
            )
        docs = list(doc_ids)
        return Verifier(self.library.view(docs)).check(text, docs, calculations)

    def search(self, question: str, doc_id: str | None = None, k: int = 5) -> list[Hit]:
        """Retrieval for a question; within one document its department's names are dropped (every chunk has them)."""
        text = question
        if doc_id and doc_id in self.kb.docs:
            for alias in self.kb.docs[doc_id].aliases:
                text = text.replace(alias, " ")
        from assistant.retrieve import Scope

        return self.retriever.search(
            text if text.strip() else question, k=k, scope=Scope(doc_id=doc_id) if doc_id else None
        )

    # --- entry point --------------------------------------------------------

    def answer(
        self, question: str, history: Sequence[Answer] = (), doc_id: str | None = None, within: Within | None = None
    ) -> Answer:
        """Answer a question (a follow-up to `history`), from one document (`doc_id`), the documents
        `within` a user's chosen scope, or all of them. With a language model configured, what the rules
        refuse (and, as set, explanation questions) is drafted by the model and judged (`assistant.agent`)."""
        asked = english.chinese(question)  # an English question every word of which the glossary reads
        original, question = question, to_digits(asked or question)  # 三千万元 → 3000万元, 二〇二五年 → 2025年
        asked = question if question != original else ""
        rule = self.read(self.rules(question, history, doc_id, within), asked=asked, original=original)
        if not self.settings.llm or not question.strip() or len(question) > MAX_QUESTION:
            return rule
        from assistant.agent import wanted
        from assistant.llm import ModelUnavailable  # loaded with the agent: openai only when a model is set

        if not wanted(question, rule, self.settings.llm_use):
            return rule
        previous = [a.query for a in history if a.query]
        pool = [self.kb.docs[d] for d in self.understanding.documents(question, previous, doc_id, self.within(within))]
        years = {int(y) for y in YEAR_IN_QUESTION.findall(to_template(question))}
        pool = [d for d in pool if not years or d.year in years]  # the model reads only what was asked about
        if not pool:
            return rule
        try:
            agent = self.agent
        except (
            ModelUnavailable
        ):  # the model's client could not be made (a bad proxy setting…): the rules' answer stands
            log.exception("the language model's client could not be made")
            return replace(rule, model=ModelPart(model=self.settings.llm_model or "未命名模型", used=False,
                                                 note="语言模型的客户端无法创建，已改用规则引擎的答案"))  # fmt: skip
        drafted = agent.answer(self, question, history, pool, rule)
        if drafted.model and drafted.model.used:  # the model's text: read from the facts its figures come from
            drafted = replace(drafted, reading=None)
        return self.read(drafted, asked=asked, original=original)

    def read(self, answer: Answer, how: readings.How = "", asked: str = "", original: str = "") -> Answer:
        """`answer` with the one line of how its question was read (assistant/reading.py); a question asked
        in English (`original`) keeps its words, the line the Chinese question it was `asked` as."""
        if asked:
            answer = replace(answer, question=original)
        facts_of = lambda d: self.knowledge([d]).facts_by_doc.get(d, [])  # noqa: E731
        return readings.attach(answer, self.library.docs, facts_of, how=how, asked=asked, months=months_per_year())

    @property
    def agent(self) -> Agent:
        """The language model's client and tools, made once (thread-safe: one HTTP client for all turns)."""
        with self._opening:
            if "agent" not in self._opened:
                from assistant.agent import Agent
                from assistant.llm import Client

                self._opened["agent"] = Agent(Client(self.settings))
            return self._opened["agent"]  # type: ignore[return-value]

    def rules(
        self, question: str, history: Sequence[Answer] = (), doc_id: str | None = None, within: Within | None = None
    ) -> Answer:
        """The rule engine's answer alone (no language model); a follow-up as the complete question it stands for.
        Every question of the conversation is read with its Chinese numerals in digits."""
        question = to_digits(question)
        history = [replace(a, question=to_digits(a.question)) for a in history]
        names, only = (lambda t: bool(self.understanding.named(to_template(t)))), self.understanding.only_names
        allowed = self.within(within)
        spans = lambda t: list(self.understanding.named(to_template(t)).values())  # noqa: E731
        places = [n for d, aliases in self.kb.departments().items() for n in (d, *aliases)]
        if history and (asked := follow.asked_as(question, history, names, only, spans, places)):
            answer = follow.answered(question, asked, history, lambda q, h: self._rules(q, h, doc_id, allowed))
        else:
            answer = self._rules(question, history, doc_id, allowed)
        if answer.refused or not (reason := scope.mismatch(question, answer.facts, self.kb.docs)):
            return answer
        return Answer(question=question, text=f"抱歉，公开文件中找不到这个问题的答案：{reason}。", refused=True,
                      query=answer.query, timings=answer.timings)  # fmt: skip  # 本级 asked: never the 汇总's figure

    def _rules(
        self, question: str, history: Sequence[Answer], doc_id: str | None, allowed: frozenset[str] | None
    ) -> Answer:
        start = time.perf_counter()
        if not question.strip():
            return Answer(question=question, text="请输入问题。", refused=True)
        if len(question) > MAX_QUESTION:
            text = f"问题太长（{len(question):,} 个字），请精简到 {MAX_QUESTION} 字以内再问。"
            return Answer(question=question[:MAX_QUESTION], text=text, refused=True)
        if not history and allowed is None and (excluded := excluding(self, question, doc_id)):
            # "扣除…后": the whole minus the part, both verified (assistant/exclusion.py)
            return self.read(excluded, "exclusion")
        if not history and allowed is None and (monthly := per_month(self, question, doc_id)):
            # "平均每月": the year's verified figure ÷ 12 (assistant/measures.py)
            return self.read(monthly, "per_month")
        if not history and allowed is None and (listed := over(self, question, doc_id)):
            # "超过1000万元的项级科目有哪些": one level of one table over the amount (assistant/threshold.py)
            return self.read(listed, "threshold")
        if not history and allowed is None and (top := ranked(self, question, doc_id)):
            # "农林水支出下哪个项级科目最多": one level of one table, ranked (assistant/ranking.py)
            return self.read(top, "ranking")
        pool = [d for d in self.kb.docs.values() if allowed is None or d.doc_id in allowed]
        if doc_id is None:
            across = self.reader.read(question, pool, history[-1] if history else None)
            if across is not None and not _printed_first(across):
                return self._across(question, across, pool, allowed is not None, start)
        else:
            across = None
        previous = [a.query for a in history if a.query]
        turn = self._turn(self.understanding.documents(question, previous, doc_id, allowed))
        return turn._answer(question, previous, doc_id, allowed, across, pool, start)

    def _answer(
        self, question: str, previous: list[Query], doc_id: str | None, allowed: frozenset[str] | None,
        across: Across | None, pool: list[DocumentInfo], start: float,
    ) -> Answer:  # fmt: skip
        """The rest of `answer`, on a question's own turn."""
        query = reread(question, self.understanding.understand(question, previous, doc_id, allowed))
        understood = time.perf_counter()
        # the prose phrase found binds no row of the question, but the registry subject's own place may
        rebound = self._registered(query) if query.refusal and query.unbound else None
        if query.refusal and not rebound and query.measure == "amount":
            try:  # "房屋面积有多少平方米": a quantity the narrative prints, though no label was linked
                rebound = self._count(query)
            except Unanswerable:
                rebound = None
        if query.refusal and not rebound:
            if across:  # two years of one department: the documents' own printed change first, else the two figures
                return self._across(question, across, pool, allowed is not None, start)
            return self._refusal(query, query.refusal, start)
        if query.measure == "explain" and (corrected := self._false_premise(question, query, start)):
            return corrected  # "收入为什么增长了" when a fall is printed: the correction, never a quote
        try:
            draft = rebound or self._compose(query)
        except (Unanswerable, CalculationError) as e:
            if across and not isinstance(e, Corrected):  # a corrected premise stays the answer
                return self._across(question, across, pool, allowed is not None, start)
            return self._refusal(query, str(e), start)
        if across and across.kind and any(f.doc_kind != across.kind for f in draft.facts):
            return self._across(question, across, pool, allowed is not None, start)  # 决算 asked: never a 预算's figure
        if wrong_years := years.mismatch(question, draft.facts, query.measure):  # 实际 asked, or two years summed
            summed = self._years_summed(question, doc_id, allowed) if years.asks_sum_of_years(question) else None
            return summed or self._refusal(query, wrong_years, start)
        composed = time.perf_counter()
        docs = [draft.doc_id] if draft.doc_id else query.doc_ids
        text = self._contradicted(question, draft, docs)
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
            citations=draft.citations or [self._cite(f) for f in draft.facts], query=query,
            facts=draft.facts, items=draft.items, entries=self._entries(draft.facts),
            timings={**timings, "total_ms": (time.perf_counter() - start) * 1000},
        )  # fmt: skip

    def _false_premise(self, question: str, query: Query, start: float) -> Answer | None:
        """The correction of a why-question whose direction the change printed for the very item asked
        contradicts (assistant/premise.py), or None."""
        if premise.asked_direction(question) is None:
            return None
        whole = bool(query.doc_ids) and self.understanding.names_whole(question, list(query.doc_ids))
        totals = set(query.subjects) <= {norm("支出总计"), norm("收入总计")}
        if (not whole or totals) and (found := self._item_premise(question, query, start)):
            return found
        return self._whole_premise(question, query, start) if whole else None  # the prose's sentence on the whole

    def _item_premise(self, question: str, query: Query, start: float) -> Answer | None:
        """The correction from the change the engine reads for the item asked (a table's two years, or the
        change printed for it), or None."""
        if not query.subjects:
            return None
        change = replace(query, measure="change")
        try:
            draft = self._compose(change)
        except (Unanswerable, CalculationError):
            return self._printed_premise(question, query, start)
        if not draft.facts or draft.value is None:
            return None
        content = self.understanding.content(to_template(question), list(query.doc_ids))
        if incomplete(question, content, change, draft, self.kb, self.understanding.neutral):
            return None  # the change read is not (all) the item asked
        if (fixed := premise.correction(question, draft.text)) is None:
            return None
        return Answer(
            question=question, text=f"{fixed}。{draft.text}", refused=True, query=query,
            citations=draft.citations or [self._cite(f) for f in draft.facts], facts=draft.facts,
            timings={"total_ms": (time.perf_counter() - start) * 1000},
        )  # fmt: skip

    def _printed_premise(self, question: str, query: Query, start: float) -> Answer | None:
        """The correction from the change the narrative prints for the very item asked, or None."""
        doc = self.pick.doc(query)
        printed = narrative.changes(self.facts_sql.chunks([doc.doc_id]))
        if (found := premise.item_corrected(question, printed, self.pick.name(query.subjects[0]))) is None:
            return None
        fixed, c = found
        return Answer(
            question=question, text=f"{fixed}。据{c.where}：\n「{c.sentence}」", refused=True, query=query,
            citations=[Citation(doc_id=doc.doc_id, where=c.where, text=c.sentence)],
            timings={"total_ms": (time.perf_counter() - start) * 1000},
        )  # fmt: skip

    def _whole_premise(self, question: str, query: Query, start: float) -> Answer | None:
        """A why-question about the budget as a whole, answered by the prose's own sentence on the whole's change
        ("收入预算…比2025年…增加 148.16 万元"): the correction first when it contradicts the direction asked, else
        that sentence with its reason — never another item's change; None when the prose states none."""
        doc = self.pick.doc(replace(query, subjects=()))
        stated = premise.whole_stated(self.sentences(doc.doc_id).paragraphs.get(doc.doc_id, []))
        if stated is None:
            return None
        where, sentence = f"{doc.title} · {stated[0]}", stated[1]
        fixed = premise.correction(question, sentence)
        return Answer(  # the premise is false: its correction; it holds: the whole's own sentence and reason
            question=question, text=f"{fixed}。据{where}：\n「{sentence}」" if fixed else f"据{where}：\n「{sentence}」",
            refused=bool(fixed), query=query,
            citations=[Citation(doc_id=doc.doc_id, where=where, text=sentence)],
            timings={"total_ms": (time.perf_counter() - start) * 1000},
        )  # fmt: skip

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
            entries=self._entries(facts), timings={"total_ms": (time.perf_counter() - start) * 1000},
        )  # fmt: skip

    def _entries(self, facts: list[Fact]) -> list[Entry]:
        """An answer read from two documents (two years of a department): one line per document."""
        if len({f.doc_id for f in facts}) < 2:
            return []
        return [
            Entry(department=f.department, year=f.year, kind=f.doc_kind, doc_id=f.doc_id, value=f.value, unit=f.unit,
                  source=cited(f))
            for f in facts
        ]  # fmt: skip

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

    def _across(self, question: str, across: Across, docs: list[DocumentInfo], limited: bool, start: float) -> Answer:
        """A question across documents: every department's figure read in SQL, each line checked against
        its own document, totals and rates derived by the calculator."""

        def elapsed() -> dict[str, float]:
            return {"total_ms": (time.perf_counter() - start) * 1000}

        try:
            composed = self.overview.answer(across, docs, limited)
        except AskBack as e:
            text = f"{e.text}：{'、'.join(e.choices)}？请直接回复，或在问题里写明。"
            return Answer(
                question=question, text=text, refused=True, choices=e.choices, across=across, timings=elapsed()
            )
        except (Unanswerable, CalculationError) as e:
            text = f"抱歉，公开文件中找不到这个问题的答案：{e}。"
            return Answer(question=question, text=text, refused=True, across=across, timings=elapsed())
        names = [a for d in docs for a in d.aliases]
        if reason := unread_across(question, composed.facts, names):
            text = f"抱歉，公开文件中找不到这个问题的答案：{reason}。"
            return Answer(question=question, text=text, refused=True, across=across, timings=elapsed())
        figures = check_lines(composed.parts, self.library)  # each line against the cells it cites
        if bad := [f for f in figures if f.verdict == "mismatch"]:
            text = f"抱歉，答案中的数字“{bad[0].text}”与公开文件不符，已拒绝给出。"
            return Answer(question=question, text=text, refused=True, across=across, timings=elapsed())
        return Answer(
            question=question, text="".join(p.text for p in composed.parts).strip(), refused=False,
            value=composed.value, unit=composed.unit, figures=figures, citations=composed.citations,
            facts=composed.facts, entries=composed.entries, metric=composed.metric, covered=composed.covered,
            across=across, timings=elapsed(),
        )  # fmt: skip

    def _contradicted(self, question: str, draft: Draft, docs: Sequence[str]) -> str:
        """The draft's text, its first sentence saying so when the question states a figure for the very
        amount answered that the disclosure contradicts ("项目支出是9999万元吗？"). The wrong figure
        is not repeated."""
        if draft.value is None or "。" not in draft.text:
            return draft.text
        for f in self.verifier.check(question, docs):
            if f.verdict == "mismatch" and f.expected == draft.value and f.expected_unit == draft.unit:
                return draft.text.replace("。", "（问题中给出的数字与公开文件不符）。", 1)
        return draft.text

    def _refusal(self, query: Query, reason: str, start: float) -> Answer:
        if query.choices:  # not a refusal: the question is asked back
            text = f"{reason}：{'、'.join(query.choices)}？请直接回复部门名称，或在问题里写上部门名称。"
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

    def _cite(self, f: Fact) -> Citation:
        """A table figure's row and value; a prose figure's whole sentence (its fact keeps only a window)."""
        if " · 「" not in f.source:
            return Citation(doc_id=f.doc_id, where=where(f), text=f"{f.row}：{fmt(f.value, f.unit)}")
        trail, snippet = f.source.split(" · 「", 1)
        snippet = snippet.removesuffix("」")
        quote = self.sentences(f.doc_id).quote(f.doc_id, snippet, trail.replace(" · ", " > ")) or snippet
        return Citation(doc_id=f.doc_id, where=where(f), text=quote)

    # --- composing ----------------------------------------------------------

    def _compose(self, query: Query) -> Draft:
        if query.measure == "explain" and (both := reason_and_change(self, query)):
            return both  # "为什么增加了？增加了多少？": the change read for the item, then its reason
        if query.measure in ("explain", "breakdown", "amount") and (used := purpose.spent_on(self, query)):
            return used  # "…主要花在哪": the use printed for the very item asked
        if query.measure == "explain" or (query.measure == "breakdown" and not query.subjects):
            return self._explain(query)
        if query.measure in ("change", "growth"):
            if narrative.asked_basis(query.question) in ("执行数", "年初预算") and (draft := self._narrated(query)):
                return draft  # the documents' two figures are no such basis: the change the text prints for it
            try:
                return self._composed(query)
            except (Unanswerable, CalculationError):
                if draft := self._narrated(query):  # the change the narrative prints for what was asked
                    return draft
                raise
        if query.measure == "share":
            return self._share_of(query)
        if query.measure == "amount" and (counted := self._count(query)):
            return counted  # a count the narrative prints, with its stance (held or planned) and scope
        try:
            draft = self._composed(query)
            if query.measure == "amount" and column_unbound(query, draft):
                raise Unanswerable(f"文字说明中的“{self.pick.name(query.subjects[0])}”不是所问的{query.column}")
            return draft
        except Unanswerable:  # the label found has no such figure: the registry's place for the subject, if named
            if query.measure == "amount" and query.subjects and (draft := self._registered(query)):
                return draft
            if query.measure == "amount" and (draft := self._stated(query)):
                return draft  # a count the narrative states for the very thing asked
            if query.measure == "amount" and (draft := self._earlier(query)):
                return draft  # an earlier year's figure the narrative states or implies
            raise

    def _count(self, query: Query) -> Draft | None:
        """A count or quantity the one department in scope prints in its narrative (assistant/counts.py)."""
        docs = [self.kb.docs[d] for d in query.doc_ids if d in self.kb.docs]
        if query.year is not None and not query.last_year:
            docs = [d for d in docs if d.year == query.year] or docs
        if not docs or query.last_year or len({d.department for d in docs}) != 1:
            return None
        return answer_count(query.question, docs, self.kb)

    def _earlier(self, query: Query) -> Draft | None:
        """An earlier year's figure of what was asked, stated ("2023年当年预算执行数为44.17万元") or implied by a
        printed change in a later year's narrative (assistant/prior_text.py)."""
        docs = [self.kb.docs[d] for d in query.doc_ids if d in self.kb.docs]
        year = query.year if query.year is not None else (docs[0].year - 1 if docs and query.last_year else None)
        docs = [d for d in docs if year is not None and d.year > year]
        if len(docs) != 1 or year is None:
            return None
        doc = docs[0]
        words = self.understanding.content(narrative.asked(query.question), [doc.doc_id]).split()
        phrase = " ".join(w for w in words if w not in doc.department)
        found = prior_text.levels(self.facts_sql.chunks([doc.doc_id]), doc.year, doc.kind)
        basis = narrative.basis_of(re.sub(r"\d{4}\s*年度?", "", query.question))
        best = prior_text.best_level(found, phrase, year, basis, doc.kind, doc.aliases, self.understanding.neutral)
        if best is None:
            return None
        draft = prior_text.drafted(best, doc.department, doc.year, doc.aliases)
        draft.doc_id = doc.doc_id
        draft.citations = [Citation(doc_id=doc.doc_id, where=best.where, text=best.sentence)]
        draft.facts = [
            f for f in self.kb.facts_by_doc.get(doc.doc_id, [])
            if f.table is None and f.unit == best.unit and f.value == (best.value if best.change is None
                                                                        else best.change.amount)
        ][:1]  # fmt: skip
        return draft

    def _stated(self, query: Query) -> Draft | None:
        """A count ("内设机构25个") or a share ("占本年支出预算36.57%") the narrative states for what was asked."""
        docs = [self.kb.docs[d] for d in query.doc_ids if d in self.kb.docs]
        if query.year is not None:
            docs = [d for d in docs if d.year == query.year]
        if (
            len(docs) != 1
            or query.last_year
            or {int(y) for y in YEAR_IN_QUESTION.findall(query.question)} - {docs[0].year}
        ):
            return None
        doc = docs[0]
        sentences = narrative.sentences(self.facts_sql.chunks([doc.doc_id]))
        found = stated.stated(query.question, query.measure == "share", sentences, doc.aliases)
        if found is None:
            return None
        text = f"{self._scope(doc)}{stated.said(found, query.question, doc.aliases)}。\n出处：{found.where}"
        facts = [
            f for f in self.kb.facts_by_doc.get(doc.doc_id, [])
            if f.table is None and f.unit == found.unit and f.value == found.value
        ][:1]  # fmt: skip
        return Draft(
            text=text, value=found.value, unit=found.unit, facts=facts, doc_id=doc.doc_id,
            citations=[Citation(doc_id=doc.doc_id, where=found.where, text=found.sentence)],
        )  # fmt: skip

    def _share_of(self, query: Query) -> Draft:
        """A share: when both halves name registry subjects, each is read at its own template place, and a
        label that merely looks like one (所属各预算单位政府采购预算总额 for 支出总计) never stands in for it."""
        registry = self._registered_share(query)
        try:
            draft = self._composed(query)
        except Unanswerable:
            if registry:
                return registry
            if stated_share := self._stated(query):
                return stated_share  # "项目支出…占本年支出预算36.57%": the share the narrative states
            raise
        return registry if registry and registry.value != draft.value else draft

    def _narrated(self, query: Query) -> Draft | None:
        """A year-on-year change (or rate) printed in the narrative for the very thing asked."""
        docs = [self.kb.docs[d] for d in query.doc_ids if d in self.kb.docs]
        if query.year is not None:
            docs = [d for d in docs if d.year == query.year] or docs
        if len(docs) != 1:
            return None
        doc = docs[0]
        asked = {int(y) for y in YEAR_IN_QUESTION.findall(query.question)}
        if asked - {doc.year, doc.year - 1}:
            return None
        growth = query.measure == "growth"
        words = self.understanding.content(narrative.asked(query.question), [doc.doc_id]).split()
        phrase = " ".join(w for w in words if w not in doc.department)  # "无锡" of "无锡市人社局" is a name
        printed = narrative.changes(self.facts_sql.chunks([doc.doc_id]))
        basis = narrative.asked_basis(query.question)  # "比2023年执行数": only a change printed against it

        neutral = self.understanding.neutral
        if (
            query.subjects
            and not narrative.whole(self.pick.name(query.subjects[0]))
            and not narrative.item_named(phrase, neutral)
        ):  # a follow-up ("比上年增长多少？") asks the item before it, never the whole budget
            phrase = self.pick.name(query.subjects[0])

        def best(basis: str, rate: bool) -> narrative.Change | None:
            found = narrative.best_change(printed, phrase, rate, doc.aliases, neutral, basis, doc.kind)
            if found is None and query.subjects:  # "三公经费" asked, read as the label 财政拨款“三公”经费: its name
                name = self.pick.name(query.subjects[0])
                found = narrative.best_change(printed, name, rate, doc.aliases, basis=basis, kind=doc.kind)
            return found

        found = best(basis, growth)
        if found is None and not growth and narrative.RATE_OR_AMOUNT.search(query.question):
            found = best(basis, True)  # "增长多少" where the text prints only the rate: the rate, said as one
            growth = found is not None
        if found is None and basis and (other := best("", growth)):  # printed against another basis: said, not given
            raise Unanswerable(
                f"公开文件文字说明只给出{narrative.plain_subject(other.subject, doc.aliases)}比{other.against}的增减，"
                f"没有与{basis}相比的"
            )
        if found is None:
            return None
        value = found.rate if growth else found.change
        unit = "%" if growth else found.change_unit
        assert value is not None
        word = ("增长" if growth else "增加") if value >= 0 else ("下降" if growth else "减少")
        decline = bool(re.search(r"降幅|下降|减少|跌|少", query.question)) and not premise.either_way(query.question)
        shown = value if not (query.magnitude or decline) else abs(value)
        also = ""  # "增长了多少" says neither amount nor rate: both printed are said
        if not growth and found.rate is not None and narrative.RATE_OR_AMOUNT.search(query.question):
            also = f"，{'增长' if found.rate >= 0 else '下降'} {fmt(abs(found.rate), '%')}"
        text = (
            f"{self._scope(doc)}{narrative.plain_subject(found.subject, doc.aliases)}比{found.against}{word} "
            f"{fmt(abs(value), unit)}{also}（公开文件文字说明所列）。\n出处：{found.where}"
        )
        facts = [
            f for f in self.kb.facts_by_doc.get(doc.doc_id, [])
            if f.table is None and f.unit == unit and abs(f.value) == abs(value)
        ][:1]  # fmt: skip
        return Draft(
            text=text, value=shown, unit=unit, facts=facts, doc_id=doc.doc_id,
            citations=[Citation(doc_id=doc.doc_id, where=found.where, text=found.sentence)],
        )  # fmt: skip

    def _composed(self, query: Query) -> Draft:
        if not query.subjects:
            if query.measure == "amount" and (registered := self._registered(query)):
                return registered
            raise Unanswerable("没有找到问题所问的项目")
        doc = self.pick.doc(query)
        label = self.kb.labels[query.subjects[0]]
        measure = query.measure
        if (
            label.targets
            and not any(f.doc_id == doc.doc_id and f.column != "目标值" for f in label.facts)
            and measure == "amount"
        ):
            return self._target(query, doc)
        if measure == "amount" and (query.last_year or (query.year is not None and query.year < doc.year)):
            measure = "prior"
        if measure == "amount":
            self._check_unit(query, doc)
        draft: Draft = getattr(self, f"_{measure}")(query, doc)
        draft.doc_id = doc.doc_id
        return draft

    def _registered(self, query: Query) -> Draft | None:
        """The registry subject the question names, read in its document's own table for it."""
        doc = self.pick.doc(query)
        if COUNT_ASKED.search(query.question):
            return None  # the registry's subjects are amounts of money: "政府采购数量" asks a count, never 万元
        u = self.understanding
        content = u.content(to_template(query.question), [doc.doc_id])
        named = subjects().find(content)
        if query.column and query.column not in FUND_WORDS and not (named and norm(query.column) in named[1]):
            return None  # the registry reads its own measure column (a fund named is a table's: "财政拨款“三公”
            # 经费" is read only where the table's title or fund covers 财政拨款)
        year = doc.year - 1 if query.last_year else query.year  # another year: only its own column, if printed
        if doc.kind == "预算" and "决算" in query.question:
            return None  # a 预算's figure never answers "…决算"
        roles = BUDGET_COLUMNS if doc.kind == "决算" and asks_budget(query.question) else ()  # a 决算's 预算数 only
        asked = re.search(r"多少(亿元|万元|元)|几(亿元|万元)", query.question)
        unit = next((g for g in asked.groups() if g), None) if asked else None
        printed = self.kb.text_grams(doc.doc_id)
        draft = registered(self.overview.cmp, content, doc, printed, u.neutral, year, unit, roles)
        if draft:
            draft.doc_id = doc.doc_id
        return draft

    def _registered_share(self, query: Query) -> Draft | None:
        """The share "A占B的比例" where A and B are registry subjects read at their own places (the document's year)."""
        doc = self.pick.doc(query)
        part, mark, whole = to_template(query.question).partition("占")
        if (
            not mark
            or query.last_year
            or query.year not in (None, doc.year)
            or (query.column and query.column not in whole)  # "占支出总计": the whole's own words, not a column
            or COUNT_ASKED.search(part)
        ):
            return None
        u = self.understanding
        printed = self.kb.text_grams(doc.doc_id)
        content = [u.content(t, [doc.doc_id]) for t in (part, SHARE_ASKED.sub(" ", whole))]
        draft = registered_share(self.overview.cmp, content[0], content[1], doc, printed, u.neutral)
        if draft:
            draft.doc_id = doc.doc_id
        return draft

    def _scope(self, doc: DocumentInfo) -> str:
        return f"{doc.year}年{doc.department}"

    def _check_unit(self, query: Query, doc: DocumentInfo) -> None:
        if MONEY_NAMED.search(query.question) and not COUNT_ASKED.search(query.question):
            facts = self.pick.facts(query.subjects[0], doc)
            if facts and not any(f.unit in calc.MONEY or f.unit == "%" for f in facts):
                counted = "、".join(dict.fromkeys(f.unit for f in facts))
                raise Unanswerable(f"文件只有“{self.pick.name(query.subjects[0])}”的数量（{counted}），没有金额")
        for unit, pattern in COUNT_UNITS.items():
            if re.search(pattern, query.question):
                facts = self.pick.facts(query.subjects[0], doc)
                if facts and all(f.unit in calc.MONEY for f in facts):
                    raise Unanswerable(f"文件只有“{self.pick.name(query.subjects[0])}”的金额，没有以“{unit}”计的数量")

    def _amount(self, query: Query, doc: DocumentInfo) -> Draft:
        f = self.pick.amount(query.subjects[0], query, doc)
        asked = re.search(r"多少(亿元|万元|元)|几(亿元|万元)", query.question)
        unit = next((u for u in (asked.groups() if asked else ()) if u), None)
        if unit and f.unit in calc.MONEY and unit != f.unit:  # "是多少亿元？": the same figure in the unit asked
            c = calc.in_unit(operand(f), unit)
            text = (
                f"{self._scope(doc)}{self.pick.name(query.subjects[0])}为 {fmt(c.value, c.unit)}。\n"
                f"换算：{fmt(f.value, f.unit)} = {fmt(c.value, c.unit)}\n出处：{where(f)}"
            )
            return Draft(text=text, value=c.value, unit=c.unit, calculations=[c], facts=[f])
        column = (
            f"（{f.column}）"
            if f.column not in (self.kb.subject_of(f), "金额", "数量", "比例")
            and (f.table or f.column_role)  # a prose figure's own column ("年初预算数"), as a table's
            and not (f.column.endswith("预算数") and doc.kind == "预算")  # a 决算's 年初/全年预算数 is said
            else ""
        )
        title = self.kb.tables.get(doc.doc_id, {}).get(f.table or "", "")
        named = f.table and (f.table == query.table or any(w in title for w in LOW_PRIORITY_TABLES))
        table = f"{title}中" if named else ""  # a figure from 政府性基金/国有资本 tables says so
        if EMPTY_TABLE in f.source:  # an empty table: none, in the disclosure's own words
            note = re.sub(r"^(?:说明|注)[:：]", "", f.source.split(EMPTY_TABLE, 1)[1].strip("：「」"))
            text = (
                f"{self._scope(doc)}没有{self.pick.name(query.subjects[0])}，{f.column}为 {fmt(f.value, f.unit)}"
                f"（公开文件原文：“{note.rstrip('。') or EMPTY_TABLE}”）。\n出处：{where(f)}"
            )
            return Draft(text=text, value=f.value, unit=f.unit, facts=[f])
        name = self.pick.name(query.subjects[0])
        if f.table and f.column == name != self.kb.subject_of(f):  # the item is the column of a unit's row
            name = self.kb.subject_of(f)
        said = f"{part_named(f, query.question, column)}{name}{column}为 {fmt(f.value, f.unit)}"
        other = re.search(r"预算|执行|年初|全年|上年|\d{4}年", column)  # a 决算's 年初预算数 0: that column only
        if f.value == 0 and f.unit in calc.MONEY and not other:  # nothing is budgeted for it: said, with the printed 0
            said = f"没有{self.pick.name(query.subjects[0])}（{column.strip('（）')}为 {fmt(f.value, f.unit)}）"
        text = f"{self._scope(doc)}{table}{said}。\n出处：{where(f)}"
        coarse = coarser_printings(f, self.pick.facts(query.subjects[0], doc))
        for printed in coarse:  # the same figure printed to fewer decimals elsewhere: cited with it
            text += f"\n（{where(printed)}印为 {fmt(printed.value, printed.unit)}，小数位较少）"
        return Draft(text=text, value=f.value, unit=f.unit, facts=[f, *coarse])

    def _target(self, query: Query, doc: DocumentInfo) -> Draft:
        label = self.kb.labels[query.subjects[0]]
        t = next((t for t in label.targets if t.doc_id == doc.doc_id), None)
        if t is None:
            raise Unanswerable(f"{doc.title}没有“{label.name}”这项绩效目标")
        table = next(
            (name for name, title in self.kb.tables.get(doc.doc_id, {}).items() if "绩效目标" in title), "绩效目标表"
        )
        text = f"{self._scope(doc)}绩效目标“{t.level3}”（{t.level1}指标/{t.level2}指标）的目标值为 {t.target or '未填写'}。\n出处：{table} {self.kb.tables.get(doc.doc_id, {}).get(table, '')} · {t.level1}/{t.level2} · {t.level3}"
        facts = [f for f in label.facts if f.doc_id == doc.doc_id and f.column == "目标值"]
        unit = t.unit or next((u for u, p in COUNT_UNITS.items() if re.search(p, query.question)), "")
        return Draft(text=text, value=t.value, unit=unit if t.value is not None else None, facts=facts)

    def _prior(self, query: Query, doc: DocumentInfo) -> Draft:
        key = query.subjects[0]
        year = doc.year - 1 if query.last_year or not query.year else query.year
        direct = [f for f in self.pick.facts(key, doc) if f.column == f"{year}年"]
        if query.table:  # "2026年预算的“三公”表里2025年…": that table's column, never another place's figure
            direct = [f for f in direct if f.table == query.table]
            if not direct:
                raise Unanswerable(f"{query.table}没有“{self.pick.name(key)}”{year}年的数额")
        if direct:
            f = self.pick.rank(direct, query)[0]
            text = f"{year}年{doc.department}{self.pick.name(key)}为 {fmt(f.value, f.unit)}。\n出处：{where(f)}"
            return Draft(text=text, value=f.value, unit=f.unit, facts=[f])
        other, changes = self.pick.with_kind(key, doc, f"比{year}年增减")
        changes = on_year_before(changes)  # never a change stated against the same year's budget
        if not changes:
            raise Unanswerable(f"文件没有给出“{self.pick.name(key)}”{year}年的数额，也没有给出比{year}年的增减")
        key = other  # name the item whose printed change is used ("部门预算支出" for 支出总计)
        current = self.pick.amount(other, query, doc)
        change = changes[0]
        c = calc.prior_year(operand(current), operand(change))
        text = (
            f"{year}年{doc.department}{self.pick.name(key)}为 {fmt(c.value, c.unit)}（由{doc.year}年数额和增减推算）。\n"
            f"计算：{doc.year}年 {fmt(current.value, current.unit)} − 比{year}年增减 {fmt(change.value, change.unit)} = {fmt(c.value, c.unit)}\n"
            f"出处：{sources(current, change)}"
        )
        return Draft(text=text, value=c.value, unit=c.unit, calculations=[c], facts=[current, change])

    def _across_years(self, query: Query, doc: DocumentInfo) -> tuple[DocumentInfo, Fact, DocumentInfo, Fact] | None:
        """(this year's document and fact, the earlier year's document and fact) when the question compares
        two years of which the store holds both disclosures of the department (same kind, 预算 or 决算).

        The earlier figure is the same place in the other document: same table kind, 科目编码 (or row),
        column role and unit scheme — never a look-alike row of another table.
        """
        years = sorted({int(y) for y in YEAR_IN_QUESTION.findall(query.question)})
        own = [d for d in self.kb.docs.values() if d.department == doc.department and d.kind == doc.kind]
        by_year = {d.year: d for d in own}
        if len(years) == 2:
            later, earlier = by_year.get(years[1]), by_year.get(years[0])
        elif LAST_YEAR_IN_QUESTION.search(query.question) or len(years) == 1:
            later = by_year.get(years[0]) if years else doc
            earlier = by_year.get(later.year - 1) if later else None
        else:
            return None
        if later is None or earlier is None:
            return None
        key = query.subjects[0]
        now = self.pick.amount(key, replace(query, year=later.year), later)
        if not now.table_kind or not now.column_role:
            return None
        same = [
            f
            for f in self.pick.facts(key, earlier)
            if f.table_kind == now.table_kind and f.column_role == now.column_role and f.code == now.code
            and (now.code or f.row == now.row)
        ]  # fmt: skip
        if len(same) != 1:
            return None
        return later, now, earlier, same[0]

    def _change_across(self, query: Query, doc: DocumentInfo, growth: bool) -> Draft | None:
        found = self._across_years(query, doc)
        if found is None:
            return None
        later, now, earlier, before = found
        name = self.pick.name(query.subjects[0])
        if growth:
            c = calc.growth_rate(operand(now), operand(before))
            word = "增长" if c.value >= 0 else "下降"
            decline = bool(re.search(r"降幅|下降|减少|跌", query.question)) and not premise.either_way(query.question)
            value = abs(c.value) if decline or query.magnitude else c.value
            shown = fmt(abs(c.value), "%")
        else:
            c = calc.difference(operand(now), operand(before))
            word = "增加" if c.value >= 0 else "减少"
            value = abs(c.value) if query.magnitude else c.value
            shown = fmt(abs(c.value), c.unit)
        text = (
            f"{later.year}年{later.department}{name}比{earlier.year}年{word} {shown}"
            f"（两份{later.kind}公开文件中同一表格、同一栏目的数字）。\n"
            f"计算：{later.year}年 {fmt(now.value, now.unit)}，{earlier.year}年 {fmt(before.value, before.unit)}；{c.expression}\n"
            f"出处：{later.title}：{where(now)}；{earlier.title}：{where(before)}"
        )
        return Draft(text=text, value=value, unit=c.unit, calculations=[c], facts=[now, before])  # both documents

    def _printed_years(self, query: Query, doc: DocumentInfo) -> None:
        """A printed change compares the document's year with the one before: the question must ask that."""
        asked = {int(y) for y in YEAR_IN_QUESTION.findall(query.question)}
        if asked - {doc.year, doc.year - 1}:
            years = "、".join(f"{y}年" for y in sorted(asked))
            raise Unanswerable(f"{doc.title}只给出{doc.year}年与{doc.year - 1}年的比较，没有{years}之间的比较")

    def _change(self, query: Query, doc: DocumentInfo) -> Draft:
        if across := self._change_across(query, doc, growth=False):
            return across
        self._printed_years(query, doc)
        key = query.subjects[0]
        year = doc.year - 1
        key, changes = self.pick.with_kind(key, doc, f"比{year}年增减")  # the item whose printed change is used
        changes = on_base(changes, query.question)  # 比年初预算 asked: that change; else never one against it
        if not changes:
            key = query.subjects[0]
            changes = [f for f in self.pick.facts(key, doc) if f.column == "增减变化金额"]
        if not changes:
            raise Unanswerable(f"文件没有给出“{self.pick.name(key)}”与{year}年相比的增减")
        f = changes[0]
        word = "增加" if f.value > 0 else ("减少" if f.value < 0 else "增加")
        base = base_of(f, year)
        flat = f"（与{'上年' if base == f'{year}年' else base}持平）" if f.value == 0 else ""
        value = abs(f.value) if query.magnitude else f.value
        text = f"{self._scope(doc)}{self.pick.name(key)}比{base}{word} {fmt(abs(f.value), f.unit)}{flat}。\n出处：{where(f)}"
        return Draft(text=text, value=value, unit=f.unit, facts=[f])

    def _growth(self, query: Query, doc: DocumentInfo) -> Draft:
        if across := self._change_across(query, doc, growth=True):
            return across
        self._printed_years(query, doc)
        key = query.subjects[0]
        year = doc.year - 1
        other, rates = self.pick.with_kind(key, doc, f"比{year}年增长率")
        rates = on_year_before(rates)  # never a change stated against the same year's budget
        decline = bool(re.search(r"降幅|下降|减少|跌", query.question)) and not premise.either_way(query.question)
        if rates and not query.precise:
            f = rates[0]
            word = "增长" if f.value >= 0 else "下降"
            value = abs(f.value) if decline or query.magnitude else f.value
            text = f"{self._scope(doc)}{self.pick.name(other)}比{year}年{word} {fmt(abs(f.value), '%')}。\n出处：{where(f)}"
            return Draft(text=text, value=value, unit="%", facts=[f])
        other, changes = self.pick.with_kind(key, doc, f"比{year}年增减")
        changes = on_year_before(changes)  # never a change stated against the same year's budget
        if not changes:
            raise Unanswerable(f"文件没有给出“{self.pick.name(key)}”与{year}年相比的增减，无法计算增长率")
        key = other
        current, change = self.pick.amount(other, query, doc), changes[0]
        prior = calc.prior_year(operand(current), operand(change))
        c = calc.growth_rate(
            operand(current), Operand(value=prior.value, unit=prior.unit, label=f"{year}年数", source=prior.expression)
        )
        word = "增长" if c.value >= 0 else "下降"
        value = abs(c.value) if decline or query.magnitude else c.value
        u = current.unit
        text = (
            f"{self._scope(doc)}{self.pick.name(key)}比{year}年{word} {fmt(abs(c.value), '%')}（按公开数额计算，保留两位小数）。\n"
            f"计算：{year}年数 = {fmt(current.value, u)} − ({fmt(change.value, u)}) = {fmt(prior.value, u)}；"
            f"增长率 = ({fmt(current.value, u)} − {fmt(prior.value, u)}) ÷ {fmt(prior.value, u)} × 100% = {fmt(c.value, '%')}\n"
            f"出处：{sources(current, change)}"
        )
        return Draft(text=text, value=value, unit="%", calculations=[prior, c], facts=[current, change])

    def _whole_of(self, key: str, doc: DocumentInfo, query: Query) -> str:
        """What a share is taken of when the question does not say: the prose parent, else 支出总计."""
        parent = next((f.parent for f in self.pick.facts(key, doc) if f.parent and f.table is None), None)
        if parent and norm(parent) in self.kb.labels:
            return norm(parent)
        if not self.pick.facts(norm("支出总计"), doc) and (
            stated := narrative_total(self.kb, [doc.doc_id], "spending")
        ):
            return stated  # a narrative-only disclosure: the 支出预算 its text states
        return norm("支出总计")

    def _share(self, query: Query, doc: DocumentInfo) -> Draft:
        part_key = query.subjects[0]
        after = norm(to_template(query.question)).partition("占")[2]
        if len(query.subjects) == 1 and norm(self.pick.name(part_key)) in after:
            raise Unanswerable(f"只找到占比的分母“{self.pick.name(part_key)}”，没有找到是哪个数占它")  # never X ÷ X
        whole_key = query.subjects[1] if len(query.subjects) > 1 else self._whole_of(part_key, doc, query)
        same = part_key == whole_key
        part = self.pick.amount(part_key, replace(query, column=query.column if same else None), doc)
        part_name, whole_name = self.pick.name(part_key), self.pick.name(whole_key)
        named = None if same else self._named_whole(after, doc)
        if named and (named[0] == part_key or part in named[1].facts):
            raise Unanswerable(f"无法确定“{part_name}”的占比是哪个数占哪个数")  # never X ÷ X = 100%
        try:
            whole: Fact | None = self.pick.amount(whole_key, replace(query, column=None, table=None), doc)
        except Unanswerable:
            if not named:
                raise
            whole = None
        if named and (whole is None or not _same_amount(whole, named[1])):
            # the whole the question names is a registry subject: read at its own place, never a look-alike
            whole_name, wholes, whole_op = named[0], list(named[1].facts), named[1].operand
        else:
            assert whole is not None
            if part == whole or (same and part.column == whole.column):
                raise Unanswerable(f"无法确定“{part_name}”的占比是哪个数占哪个数")  # never X ÷ X = 100%
            if same:  # 社会福利事业单位的项目支出 ÷ 社会福利事业单位（支出预算）
                part_name, whole_name = f"{part_name}的{part.column}", f"{whole_name}（{whole.column}）"
            wholes, whole_op = [whole], operand(whole)
        c = calc.share(operand(part), whole_op)
        check_share(c.value, part_name, f"{whole_name}{' '.join(f.row for f in wholes)}")
        text = (
            f"{self._scope(doc)}{part_name}占{whole_name}的 {fmt(c.value, '%')}。\n"
            f"计算：{part_name} {fmt(part.value, part.unit)} ÷ {whole_name} {fmt(whole_op.value, whole_op.unit)} × 100% = {fmt(c.value, '%')}\n"
            f"出处：{sources(part, *wholes)}"
        )
        return Draft(text=text, value=c.value, unit="%", calculations=[c], facts=[part, *wholes])

    def _named_whole(self, words: str, doc: DocumentInfo) -> tuple[str, Reading] | None:
        """The registry subject a share's whole names ("总支出" → 支出合计), read at its own place in the document;
        None when the whole's words name no registry subject (a row's own name: 一般公共服务支出)."""
        u = self.understanding
        content = u.content(SHARE_ASKED.sub(" ", words), [doc.doc_id])
        if not re.search(r"[\u4e00-\u9fff]{2,}", content):
            return None  # "…的占比": no whole written (what it is taken of is the part's own parent)
        found = read_subject(self.overview.cmp, content, doc, self.kb.text_grams(doc.doc_id), u.neutral)
        if found is None or found[1].value is None:
            return None
        return found[0].name, found[1]

    def _sum(self, query: Query, doc: DocumentInfo) -> Draft:
        if len(query.subjects) < 2:
            return self._amount(query, doc)
        facts = [self.pick.amount(k, query, doc) for k in query.subjects]
        c = calc.total(*(operand(f) for f in facts))
        names = "、".join(self.pick.name(k) for k in query.subjects)
        parts = " + ".join(
            f"{self.pick.name(k)} {fmt(f.value, f.unit)}" for k, f in zip(query.subjects, facts, strict=True)
        )
        text = (
            f"{self._scope(doc)}{names}合计 {fmt(c.value, c.unit)}。\n计算：{parts} = {fmt(c.value, c.unit)}\n"
            f"出处：{sources(*facts)}"
        )
        return Draft(text=text, value=c.value, unit=c.unit, calculations=[c], facts=facts)

    def _difference(self, query: Query, doc: DocumentInfo) -> Draft:
        if len(query.subjects) < 2:
            return self._change(query, doc)
        a, b = (self.pick.amount(k, query, doc) for k in query.subjects[:2])
        c = calc.difference(operand(a), operand(b))
        na, nb = self.pick.name(query.subjects[0]), self.pick.name(query.subjects[1])
        word = "多" if c.value >= 0 else "少"
        text = (
            f"{self._scope(doc)}{na}比{nb}{word} {fmt(abs(c.value), c.unit)}。\n"
            f"计算：{na} {fmt(a.value, a.unit)} − {nb} {fmt(b.value, b.unit)} = {fmt(c.value, c.unit)}\n出处：{sources(a, b)}"
        )
        value = abs(c.value) if query.magnitude or c.value >= 0 else c.value
        return Draft(text=text, value=value, unit=c.unit, calculations=[c], facts=[a, b])

    def _per_head(self, query: Query, doc: DocumentInfo) -> Draft:
        if len(query.subjects) < 2:
            raise Unanswerable("没有找到按什么人数平均")
        a, b = (self.pick.amount(k, query, doc) for k in query.subjects[:2])
        c = calc.ratio(operand(a), operand(b))
        na, nb = self.pick.name(query.subjects[0]), self.pick.name(query.subjects[1])
        text = (
            f"{self._scope(doc)}按{nb}计算，人均{na}为 {fmt(c.value, a.unit)}（保留两位小数）。\n"
            f"计算：{na} {fmt(a.value, a.unit)} ÷ {nb} {fmt(b.value, b.unit)} = {format_amount(c.value)}\n出处：{sources(a, b)}"
        )
        return Draft(text=text, value=c.value, unit=a.unit, calculations=[c], facts=[a, b])

    def _breakdown(self, query: Query, doc: DocumentInfo) -> Draft:
        key = query.subjects[0]
        name = self.pick.name(key)
        facts = self.pick.facts(key, doc)
        code = next((f.code for f in facts if f.code), None)
        items: list[Fact] = []
        if code:
            items = self.kb.children(code, doc.doc_id)
            while len({f.code for f in items}) == 1 and items[0].code:
                items = self.kb.children(items[0].code, doc.doc_id) or items
                if len({f.code for f in items}) == 1:
                    break
            items = self._one_per_row(items, query)
        source_note = ""
        if not items:
            items = self.kb.parts(key, doc.doc_id)
        calculations: list[Calculation] = []
        if not items and key in self.compositions:
            items = [self.pick.amount(norm(k), query, doc) for k in self.compositions[key]]
            whole = self.pick.amount(key, query, doc)
            c = calc.total(*(operand(f) for f in items))
            calculations.append(c)
            gap = abs(c.value - whole.value)
            tolerance = len(items) * last_place(whole.value)  # the audit's 尾数误差: one unit per item
            verdict = (
                "一致"
                if gap == 0
                else (
                    f"相差 {fmt(gap, whole.unit)}，在尾数误差内"
                    if gap <= tolerance
                    else f"不一致，相差 {fmt(gap, whole.unit)}"
                )
            )
            source_note = f"\n核对：{c.expression}，与{name} {fmt(whole.value, whole.unit)}{verdict}"
        if items:
            listing = "；".join(f"{self.kb.subject_of(f)} {fmt(f.value, f.unit)}" for f in items)
            text = f"{self._scope(doc)}{name}包括：{listing}。{source_note}\n出处：{sources(*items)}"
            return Draft(
                text=text, facts=items, calculations=calculations,
                items=[(self.kb.subject_of(f), f.value, f.unit) for f in items],
            )  # fmt: skip
        hits = self.search(query.question + " " + name, doc.doc_id, k=8)
        quote = listing_sentence(hits, norm(name))
        if quote is None:
            raise Unanswerable(f"文件没有列出“{name}”的构成")
        return Draft(
            text=f"据{quote.where}：\n「{quote.text}」",
            citations=[Citation(doc_id=doc.doc_id, where=quote.where, text=quote.text)],
        )

    @staticmethod
    def _one_per_row(facts: list[Fact], query: Query) -> list[Fact]:
        """One figure per 科目: the column asked for, else 支出总计, from one table."""
        table = query.table or next(
            (f.table for f in facts if f.column == "支出总计"), facts[0].table if facts else None
        )
        out: dict[str, Fact] = {}
        for f in facts:
            if f.table != table or f.code is None:
                continue
            wanted = query.column or "支出总计"
            if f.column == wanted or (f.code not in out and f.column.endswith("预算数")):
                out[f.code] = f
        return list(out.values())

    def _explain(self, query: Query) -> Draft:
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
        hits = self.search(search, doc.doc_id, k=6)
        quotes = best_quotes(hits, query.question, tuple(norm(n) for n in names), limit=len(hits) * 8)
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
        ]
        if not quotes:
            raise Unanswerable("文件中没有找到说明这个问题的文字")
        q = quotes[0]
        return Draft(
            text=f"据{q.where}：\n「{q.text}」", citations=[Citation(doc_id=q.doc_id, where=q.where, text=q.text)]
        )
