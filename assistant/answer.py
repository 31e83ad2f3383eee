"""The answer engine: a question → an `Answer` whose every figure is read from the facts or computed
by the calculator, and checked by the verifier before it is shown.

The offline default uses no language model: the answer text is composed from the
query, the facts and the retrieved passages.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant import english, kindless, measure_kept, misspelled
from assistant import reading as readings
from assistant.across import AcrossReader
from assistant.calculator import Calculation, CalculationError
from assistant.compare import Comparer
from assistant.complete import unread_across
from assistant.config import Settings
from assistant.draft import Unanswerable, cited, fmt, where
from assistant.explain import Sentences
from assistant.knowledge import Knowledge
from assistant.library import VIEWS, Library
from assistant.lines import check_lines
from assistant.measures import months_per_year
from assistant.numerals import to_digits
from assistant.overview import AskBack, Overview
from assistant.records import Across, Answer, Citation, Entry, Figure, ModelPart, Query, Within
from assistant.script import simplified
from assistant.select import Selector
from assistant.subjects import subjects
from assistant.tokens import glossary_data, to_template
from assistant.turn import MAX_QUESTION, Turn
from assistant.understand import ALL_YEARS, Understanding
from assistant.verify import Verifier
from assistant.year_on_year import YEAR_IN_QUESTION
from index.records import DocumentInfo, Fact
from index.store import Store

if TYPE_CHECKING:
    from assistant.agent import Agent
    from assistant.retrieve import Hit, Retriever, Scope

log = logging.getLogger(__name__)

CODED_TABLES = subjects().coded.tables


class Engine:
    """The store's documents at hand, long-lived: the library, the caches, the retriever and the readers
    across documents. Each question is answered on its own `Turn` (assistant/turn.py), which sees the facts
    of the documents it is about (read from SQLite, and kept while hot)."""

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
        self.base = Turn(engine=self, kb=self.kb, pick=self.pick, verifier=self.verifier,
                         understanding=self.understanding)  # fmt: skip  # a question not yet scoped
        self.compositions: dict[str, list[str]] = glossary_data()["compositions"]
        self.facts_sql = self.library.sql  # questions across documents are answered in SQL
        code_names = self.facts_sql.code_names()
        self.reader = AcrossReader(self.understanding.named, self.facts_sql.row_keys(CODED_TABLES), code_names)
        single = lambda doc, q: self.rules(q, doc_id=doc.doc_id)  # noqa: E731 - a named department's own answer
        self.overview = Overview(Comparer(self.facts_sql, code_names), single)
        self._lazy = threading.Lock()  # the sentences cache
        self._opening = threading.Lock()  # the retriever, opened once (may wait for the store and the model)
        self._opened: dict[str, Retriever | Agent] = {}  # shared with every turn
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

    @property
    def docs(self) -> Mapping[str, DocumentInfo]:
        """Every document of the store, by id (`assistant.ports.Sources`, as the other three below)."""
        return self.library.docs

    def named(self, text: str) -> dict[str, str]:
        """The departments `text` names (full name → the words naming it)."""
        return self.understanding.named(text)

    def passages(self, query: str, k: int, scope: Scope) -> list[Hit]:
        """Passages of the disclosures' text for `query`, best first, within `scope`."""
        return self.retriever.search(query, k=k, scope=scope)

    def turn(self, doc_ids: Sequence[str]) -> Turn:
        """A question's turn: this engine seeing the facts of the documents the question is about (one
        department's; none when it names no department among several, which is then asked back). Each
        question has its own turn, so threads answering at once never share one."""
        departments = {self.library.docs[d].department for d in doc_ids if d in self.library.docs}
        kb = self.library.view(doc_ids) if len(departments) == 1 else self.library.none
        return Turn(engine=self, kb=kb, pick=Selector(kb), verifier=Verifier(kb), understanding=self._understanding(kb))

    def _understanding(self, kb: Knowledge) -> Understanding:
        """Understanding over `kb` that can also ask the whole store which rows exist."""
        return Understanding(
            kb,
            self.library.sql.mentions,
            self.library.sql.coded_rows_in,
            self.library.sql.rows_in,
            self.library.sql.text,
            self.library.sql.printed_with_code,
        )

    def understand(
        self,
        question: str,
        previous: Sequence[Query] = (),
        doc_id: str | None = None,
        allowed: frozenset[str] | None = None,
    ) -> Query:
        """The question read against the facts of the documents it is about."""
        docs = self.understanding.documents(question, previous, doc_id, allowed)
        return self.turn(docs).understanding.understand(question, previous, doc_id, allowed)

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
        """Retrieval for a question (`Turn.search`)."""
        return self.base.search(question, doc_id, k)

    def within(self, within: Within | None) -> frozenset[str] | None:
        """The documents of a chosen scope (None: no scope chosen)."""
        return self.base.within(within)

    # --- entry point --------------------------------------------------------

    def answer(
        self, question: str, history: Sequence[Answer] = (), doc_id: str | None = None, within: Within | None = None
    ) -> Answer:
        """Answer a question (a follow-up to `history`), from one document (`doc_id`), the documents
        `within` a user's chosen scope, or all of them. With a language model configured, what the rules
        refuse (and, as set, explanation questions) is drafted by the model and judged (`assistant.agent`)."""
        asked = english.chinese(question)  # an English question every word of which the glossary reads
        original, question = question, to_digits(asked or question)  # 三千万元 → 3000万元, 二〇二五年 → 2025年
        departments = self.kb.departments()  # 北京市信坊办公室 → 北京市信访办公室, 无锡市人社 → 无锡市人社局
        plain = simplified(question)  # 北京市財政局 is 北京市财政局 written in traditional characters, no slip
        if (spelled := misspelled.read_as(kindless.spelled(plain, departments), departments)) != plain:
            question = spelled
        asked = question if question != original else ""
        rule = self.rules(question, history, doc_id, within)
        rule = self.read(measure_kept.kept(original, rule) if asked else rule, asked=asked, original=original)
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
        """The rule engine's answer alone (no language model): `Turn.rules` before any scope is read."""
        return self.base.rules(question, history, doc_id, within)

    def entries(self, facts: list[Fact]) -> list[Entry]:
        """An answer read from two documents (two years of a department): one line per document."""
        if len({f.doc_id for f in facts}) < 2:
            return []
        return [
            Entry(department=f.department, year=f.year, kind=f.doc_kind, doc_id=f.doc_id, value=f.value, unit=f.unit,
                  source=cited(f))
            for f in facts
        ]  # fmt: skip

    def across(self, question: str, across: Across, docs: list[DocumentInfo], limited: bool, start: float) -> Answer:
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

    def cite(self, f: Fact) -> Citation:
        """A table figure's row and value; a prose figure's whole sentence (its fact keeps only a window)."""
        if " · 「" not in f.source:
            return Citation(doc_id=f.doc_id, where=where(f), text=f"{f.row}：{fmt(f.value, f.unit)}")
        trail, snippet = f.source.split(" · 「", 1)
        snippet = snippet.removesuffix("」")
        quote = self.sentences(f.doc_id).quote(f.doc_id, snippet, trail.replace(" · ", " > ")) or snippet
        return Citation(doc_id=f.doc_id, where=where(f), text=quote)
