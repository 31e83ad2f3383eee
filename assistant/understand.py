"""Understanding: a Chinese question → a `Query` (subjects linked to fact labels, year, measure, scope).

Colloquial wording is first rewritten to the template's (glossary.json), then the
measure is read from cue words, the question is split at the operator (加上/比/占/
人均) into subject phrases, and each phrase is linked to a fact label.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from importlib.resources import files

from assistant import completion, english, kindless, measures, misspelled, premise
from assistant import kinds as kinds_asked
from assistant.as_of import AS_OF
from assistant.budget_said import without_budget_words
from assistant.coded_scope import PrintedWithCode, coded_scope, of_years, with_department
from assistant.complete import explanation_asked
from assistant.completion import BUDGET_VS_ACTUAL
from assistant.cues import alternation, last_year_said, longest_first, year_words
from assistant.departments import CITY_PREFIX, blank_names, short_names, spell_out, unknown_name
from assistant.dropped import checked, dropped_words, label_grams
from assistant.figures import ascii_text
from assistant.filler_kept import held, names_with_filler, without_filler
from assistant.knowledge import ITEM_ROLES, Knowledge, Label, Link, grams, norm
from assistant.narrative import AGAINST, fund_part
from assistant.parts import implied_by
from assistant.places import of_another_place
from assistant.printed_by import points_at_own_unit, printed_by, without_place
from assistant.project_indicator import indicator_instead, indicator_of_project
from assistant.records import Measure, Query
from assistant.subject_path import (
    MARKER,
    STEP,
    as_written,
    coded_names,
    heads_printed,
    mark_path,
    one_printer,
    others_written,
    path_under,
    resolve,
    steps,
    under_parent,
    with_of,
    without_fund,
    written_paths,
    written_with_code,
)
from assistant.subjects import subjects
from assistant.target_said import printed_as_target, without_target_words
from assistant.tokens import glossary_data, to_template
from assistant.topic import foreign, off_topic
from assistant.topic import refusal as topic_refusal
from assistant.units import is_unit
from assistant.whole import narrative_total, spending_words, whole_words
from assistant.whole_asked import asks_whole, item_whole, same_subject, written_after
from index.normal import squeeze
from index.records import DocumentInfo
from index.units import MONEY, MONEY_PATTERN

ALL_YEARS = 12  # a department with at most this many documents is read whole for any question
LINK_THRESHOLD = 0.38  # link score a subject phrase needs (dev+held-out: refusals ≤ 0.31, weakest answerable ≈ 0.43)
EXPLAIN = re.compile(
    r"为什么|为啥|什么原因|原因|咋回事|怎么回事|怎么没有|为何|怎么是|怎么会|怎么就|怎么冒|怎么多|怎么少|什么意思|啥意思|是指|指的是|什么是|含义|定义|干嘛|干什么|做什么|用来|用途|怎么来的|什么时候|何时|哪一年开始|是什么情况|去哪|去了哪|哪去了|到哪去|"
    + explanation_asked().pattern  # a reason, basis or purpose the answer check refuses a bare figure for (cues.toml)
)
BREAKDOWN = re.compile(
    r"哪些|哪几|构成|组成|明细|分到|分成|包括什么|包含什么|花在什么|花在哪|下面分|都有啥|有什么项目|具体是什么|包括哪"
)
_WORDS = tomllib.loads(files("assistant").joinpath("understand.toml").read_text(encoding="utf-8"))
SHARE = re.compile(alternation(_WORDS["share"]))
PER_HEAD = re.compile(alternation(_WORDS["per_head"]))
GROWTH = re.compile(
    r"增幅|降幅|涨幅|跌幅|增长率|下降率|百分之几|百分之多少|增长了?百分|下降了?百分|涨了?百分|降了?百分|增长多少%|下降多少%|增速|同比"
)
# A change verb asking a percentage, with no 占 (of what): the rate of change ("增长了多少百分比", "下降的比例",
# "降了多少百分比"), never a share of a total.
RATE_OF_CHANGE = re.compile(
    r"^(?!.*占).*(?:增长|下降|增加|减少|上升|降低|(?<![下上])(?:涨|降|升|跌))了?(?:的)?(?:多少|几个)?(?:百分比|比例)"
)
CHANGE = re.compile(
    r"(?:比|较|相比|与)(?:上年|\d{4}年)|增加了?多少|减少了?多少|多了多少|少了多少|压减|增减|变化|涨了多少|降了多少|多出|少了"
)
SUM = re.compile(alternation(_WORDS["sum"]))
PRECISE = re.compile(alternation(_WORDS["precise"]))
SMALLER = re.compile(r"(?<!多)少|减少|压减|下降|降幅|降了|跌")  # "多少" asks; it says no direction
YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?")
THIS_YEAR = re.compile(alternation(year_words("this_year")))
LAST_YEAR = re.compile(last_year_said())  # "上年结转" is an item, not a year
UNIT_HINTS = {
    "家": r"几家|多少家",
    "次": r"几次|多少次",
    "人": r"多少人|几个人|几人|几名",
    "辆": r"几辆|多少辆",
    "场": r"几场|多少场",
}
TARGET_WORDS = re.compile(alternation(_WORDS["target"]))
DIRECTION = re.compile(alternation(_WORDS["direction"]))
# A figure the question states as its own claim ("科普活动预算是2,564万元吗？"): checked against the
# disclosure by the answer, but never a name to look up ("单价50万元以上通用设备" keeps its figure).
CLAIM = re.compile(
    r"(?:是|为|等于|有|达到|共)?\s*-?\d[\d,]*(?:\.\d+)?\s*(?:" + MONEY_PATTERN + r"|%)"
    r"(?=\s*(?:吗|么|嘛|呢|吧|对吗|对不对|是否|是不是|没错|正确|[？?。，,！!]|$))"
)
PARTICLES = re.compile(r"[呢吗吧啊呀嘛哦么]")  # never part of a budget term
# "有多少台", "几个": asks a count; the counter is no part of what is counted
COUNT_FRAME = re.compile(r"(?:有)?(?:几|多少)[个台辆名家次项套座]")
CUES = [
    EXPLAIN,
    BREAKDOWN,
    SHARE,
    PER_HEAD,
    GROWTH,
    CHANGE,
    SUM,
    PRECISE,
    TARGET_WORDS,
    DIRECTION,
    PARTICLES,
    COUNT_FRAME,
]
WITHIN = re.compile(rf"(.+?)(?:{STEP.pattern})[，,]?(.+)")
THIS_ONE = re.compile(alternation(_WORDS["this_one"]))
NOT_A_PLACE = re.compile(r"[的了在是有个这那里中对和与及给向把被块目条项些么吗呢吧啊问核看查算要今年月日营令费钱]")
NOT_IN_A_NAME = re.compile(r"[年里的了吗呢]")  # characters no department's name holds
ASIDE = re.compile(r"[（(][^（）()]*[）)]")
ORG_SUFFIX = (
    r"(?:委员会|管理局|局|中心|馆|医院|学校|大学|研究院|研究所|集团|公司|厅|委|工作部|宣传部|组织部|统战部|社工部"
    r"|街道办事处|街道办|街道|福利院|办事处)"
)
ORG = re.compile(r"[\u4e00-\u9fff]{2,14}?" + ORG_SUFFIX)
COLUMNS = ("支出总计", "基本支出", "项目支出", "财政拨款", "总额", "其他资金", "增减变化金额")
# 决算 execution measures: the column a question asks for, which the answer must have (never another column's).
EXECUTION = (
    (
        re.compile(
            r"完成(?:了)?年初预算(?:数)?的?(?:百分比|比例|百分之几|百分之多少|多少)|年初预算(?:的)?(?:执行率|完成率)"
            r"|年初预算(?:数)?完成了?(?:百分比|比例|百分之几|百分之多少)"  # "年初预算完成了百分之几": the same
        ),
        "完成年初预算的比例",
    ),
    (
        re.compile(
            r"完成(?:了)?(?:全年)?预算(?:数)?的?(?:百分比|比例|百分之几|百分之多少|多少)|执行率|完成率|预算完成情况"
            r"|全年预算(?:数)?完成了?(?:百分比|比例|百分之几|百分之多少)"  # "全年预算完成了百分之多少": the same
        ),
        "完成全年预算的比例",
    ),
    (re.compile(r"(?:上年|当年|上一年)?预算执行(?:数|情况)?"), "预算执行数"),
    (re.compile(r"年初预算(?:数)?"), "年初预算数"),
    (re.compile(r"全年预算(?:数)?"), "全年预算数"),
    (re.compile(r"调整预算(?:数)?"), "调整预算数"),
)
STRICT_COLUMNS = frozenset(column for _, column in EXECUTION)
ITEM_COLUMNS = ITEM_ROLES | set(COLUMNS)  # names that are a row's column as well as an item of their own
ITEM_COLUMN_WORDS = {**{to_template(c): c for c in ITEM_COLUMNS}, **{c: c for c in ITEM_COLUMNS}}  # 人员支出: 人员经费
# Names of a fund or a table that contain a column's word (基本支出, 财政拨款) without asking for that column.
FUNDS = {"一般公共预算": "一般公共预算", "政府性基金": "政府性基金", "国有资本经营": "国有资本经营"}
FUND_WORDS = (*FUNDS, "财政拨款")  # what a question names a fund with
FUND_PHRASES = re.compile(
    r"(?:一般公共预算(?:财政拨款)?基本支出|(?:一般公共预算|政府性基金预算?|国有资本经营预算)财政拨款(?:支出)?)"
    r"(?=里|中|下|收入|支出|决算|预算)"
)  # "…基本支出里津贴补贴", "国有资本经营预算财政拨款支出": a table's scope, no column; "…基本支出是多少" asks it
# Names that contain 预算 without asking for a budget figure (一般公共预算财政拨款, 预算单位 …).
NOT_BUDGET = re.compile(r"(?:一般公共|政府性基金|国有资本经营|部门|单位|区级|市级)预算|预算单位|预算主管")


def asks_budget(question: str) -> bool:
    """The question asks for a 预算 figure, not a 决算 one ("…预算是多少", not "一般公共预算…决算数")."""
    text = NOT_BUDGET.sub("", question)
    return "预算" in text and "决算" not in text


UNBOUND_HEAD = "公开文件中没有把"  # the refusal of a prose phrase that binds no table row the question names
DIFFERENCE_WORDS = re.compile(alternation(_WORDS["difference"]))


class Understanding:
    """Turns questions into queries against one knowledge base."""

    def __init__(
        self,
        kb: Knowledge,
        mentioned: Callable[[Sequence[str]], bool] | None = None,
        coded_rows_in: Callable[[str], list[str]] | None = None,
        rows_in: Callable[[str], list[tuple[str, str]]] | None = None,
        text_of: Callable[[str], str] | None = None,
        printed_with_code: PrintedWithCode | None = None,
    ):
        """Over `kb`; `mentioned(words)` tells whether any row of any stored document holds one of the words,
        `coded_rows_in(text)` which 科目 names printed in any stored document a text writes out."""
        self.kb = kb
        self.mentioned = mentioned
        self.coded_rows_in = coded_rows_in
        self.rows_in = rows_in  # (document, row) of the table rows a text writes out, in the whole store
        self.text_of = text_of  # a stored document's text
        self.printed_with_code = printed_with_code  # (document, code, row) of the rows printed with some codes
        data = glossary_data()
        self.filler = longest_first(data["filler"])
        self.neutral: tuple[str, ...] = tuple(data["item_neutral"])
        self._label_words: dict[frozenset[str], set[str]] = {}
        self.out_of_scope: dict[str, str] = data["out_of_scope"]
        self._registry_names = longest_first(
            {a for subject in subjects().named for a in subject.aliases if len(a) >= 4}
        )  # the registry's subjects by name: a filler word after one ("支出决算") never cuts it
        self.unless_printed: frozenset[str] = frozenset(data["out_of_scope_unless_printed"])

    def understand(
        self,
        question: str,
        previous: Sequence[Query] = (),
        doc_id: str | None = None,
        allowed: frozenset[str] | None = None,
    ) -> Query:
        """The question read against the documents in scope (`allowed`: the documents a user has chosen)."""
        last = previous[-1] if previous else None
        if last and last.choices and self.only_names(question):  # "社工部" after "which department?"
            asked = self.understand(f"{question.strip()}{last.question}", previous[:-1], doc_id, allowed)
            return replace(asked, question=question)
        raw = spell_out(AS_OF.sub(" ", CLAIM.sub("", ascii_text(question))).strip(), self.kb.departments())
        raw = kindless.spelled(raw, self.kb.departments())  # 无锡市人社2026年 → 无锡市人社局2026年
        text = to_template(raw)
        named = self._named(text)
        if (spelled := misspelled.read_as(raw, self.kb.departments(), tuple(named))) != raw:  # 北京市信坊办公室
            raw, text = spelled, to_template(spelled)
            named = self._named(text)
        docs = [d for d in self._scope(text, doc_id, last, named) if allowed is None or d in allowed]
        base = Query(question=question, subjects=(), measure="amount", year=None, doc_ids=tuple(docs))
        if foreign(question):  # "What is the 2026 budget of …?": asked to ask in Chinese, never asked back
            return replace(base, refusal=english.refusal(question))  # naming the word not read
        if not docs:
            why = (
                "库中还没有可以回答的公开文件" if not self.kb.docs
                else "所选查询范围内没有问题所问部门的公开文件" if allowed is not None
                else "指定的文件不在库中"
            )  # fmt: skip
            return replace(base, refusal=why)
        if not named and not doc_id and (back := misspelled.asked_back(text, self.kb.departments())):
            return replace(base, refusal=back[0], choices=back[1])  # "北京市财攻局": 北京市财政局? never read silently
        if len(set(named.values())) > 1 and not doc_id:
            return replace(
                base, refusal=f"问题涉及多个部门（{'、'.join(named)}），目前只能一次回答一个部门的问题，请分开提问"
            )
        if reason := self._refusal(raw, text, docs):
            return replace(base, refusal=reason)
        if len({self.kb.docs[d].department for d in docs}) > 1:  # never pick a department silently
            if not named and (other := unknown_name(text, self.kb.departments())):  # "福州市公安局交警支队"
                return replace(base, refusal=f"库中没有“{other}”的公开文件，请从已导入的部门中选择")
            if not named and self.mentioned and off_topic(text, self.kb.departments(), self.filler, self.mentioned):
                return replace(base, refusal=topic_refusal())  # "明天天气怎么样？": no department is asked
            return replace(base, refusal=self._which(docs), choices=self._choices(docs))
        year, year_reason = self._year(text, docs)
        if year_reason:
            return replace(base, refusal=year_reason)
        if narrowed := self._narrow(docs, year, text):  # the document the question is about: its labels only
            docs = narrowed
            base = replace(base, doc_ids=tuple(docs))
        for alias in longest_first(named.values()):  # "规划和自然资源局" is no sum of two
            text = text.replace(alias, " ")
        if not named and len(departments := {self.kb.docs[d].department for d in docs}) == 1:
            text = without_place(text, next(iter(departments)))  # "北京四环主路…" scoped by the project it names
        text = mark_path(text)  # "农林水支出（类）水利（款）行政运行（项）": a path of 科目
        coded = coded_names(self.kb, docs)
        text = written_paths(text, coded)  # "财政事务（财政国库业务）", "公路水路运输行政运行"
        text = others_written(text, coded)  # "城乡社区公共设施的其他支出": 其他城乡社区公共设施支出
        execution = next(((p, c) for p, c in EXECUTION if p.search(text)), None)
        if execution and not CHANGE.search(text) and not re.search(r"相差|差额|差多少|多了|少了", text):
            text = execution[0].sub(" ", text, count=1)  # "行政运行全年预算是多少": 行政运行's 全年预算数
        else:
            execution = None
        # "为什么超过年初预算": a why-question of that column, never its amount
        measure = "amount" if execution and not EXPLAIN.search(text) else self._measure(text)
        table, text_wo_table = self._table(text, docs)
        code = next((c for c in re.findall(r"(?<!\d)(\d{7}|\d{5}|\d{3})(?!\d)", text) if self._has_code(c, docs)), None)
        money_context = bool(
            last
            and re.match(r"^(?:那)?其中", raw.strip())
            and any(
                f.unit in MONEY
                for k in last.subjects[:1]
                for f in (self.kb.labels[k].facts if k in self.kb.labels else [])
            )
        )
        subjects, within_code = self._subjects(
            text_wo_table, "sum" if money_context and measure == "amount" else measure, docs, raw, table, bool(named)
        )
        if not code and (written := written_with_code(norm(text), (lb.key for lb in self.kb.in_scope(set(docs))))):
            subjects = (written, *subjects[1:])  # "对个人和家庭的补助（509）": the row printed with that code
        if not subjects and code:
            subjects = (self._code_label(code, docs),)
        elif code and measure == "amount" and not self._label_has_code(subjects[0], code, docs):
            subjects = (self._code_label(code, docs), *subjects[1:])  # "行政运行（2120101）": the coded row
        if not subjects and table:
            total = self.kb.label("支出总计")  # "国有资本经营预算支出是多少": the table's total
            if total and any(f.table == table for f in total.facts):
                subjects = (total.key,)
        column = execution[1] if execution else None
        plain_columns = FUND_PHRASES.sub(" ", text_wo_table)  # "一般公共预算财政拨款基本支出里": a table, no column
        fund = next((f for word, f in FUNDS.items() if word in text_wo_table), None)
        column = column or next(
            (c for c in COLUMNS if c in plain_columns and c not in as_written("".join(subjects))), None
        )
        query = replace(
            base, subjects=subjects, measure=measure, year=year, table=table, column=column, code=code or within_code, fund=fund,
            magnitude=bool(SMALLER.search(raw) or re.search(r"多了|多出|增加了|涨了", raw))
            and not premise.either_way(raw), precise=bool(PRECISE.search(raw)),
            last_year=bool(LAST_YEAR.search(text)) and not YEAR.search(text) and not any("上年" in k for k in subjects),
        )  # fmt: skip
        if query.measure in ("difference", "change", "growth") and BUDGET_VS_ACTUAL.search(text):
            docs_asked = [self.kb.docs[d] for d in query.doc_ids if d in self.kb.docs]
            if len(docs_asked) == 1 and completion.gap(self.kb, query, docs_asked[0], ""):
                return replace(query, measure="difference")  # the one row printing both: 全年预算 − 决算
        if reason := self._unmatched(query, text):
            return replace(query, refusal=reason, unbound=reason.startswith(UNBOUND_HEAD))
        if reason := self._absent(query, text_wo_table):
            return replace(query, refusal=reason)
        return self._follow_up(query, list(previous), raw)

    def documents(
        self,
        question: str,
        previous: Sequence[Query] = (),
        doc_id: str | None = None,
        allowed: frozenset[str] | None = None,
    ) -> list[str]:
        """The documents `understand` reads the question against (from names and years alone, before any
        fact is needed): the named department's, the previous question's, or all."""
        last = previous[-1] if previous else None
        if last and last.choices and self.only_names(question):
            return self.documents(f"{question.strip()}{last.question}", previous[:-1], doc_id, allowed)
        text = to_template(spell_out(CLAIM.sub("", ascii_text(question)).strip(), self.kb.departments()))
        text = kindless.spelled(text, self.kb.departments())
        text = misspelled.read_as(text, self.kb.departments(), tuple(self._named(text)))
        docs = [d for d in self._scope(text, doc_id, last, self._named(text)) if allowed is None or d in allowed]
        return self._years_near(docs, text, last)

    def _years_near(self, docs: list[str], text: str, last: Query | None) -> list[str]:
        """Of a department's documents, those of the years a question can be about. A department with a
        dozen documents or fewer keeps them all; of more (twenty years of 预算 and 决算), the years the
        question names, or else the previous question's, each with the years before and after (a later
        document prints the earlier year's figures), or else the latest two (the latest, and 去年/上年)."""
        if len(docs) <= ALL_YEARS or len({self.kb.docs[d].department for d in docs}) != 1:
            return docs
        own = {self.kb.docs[d].year for d in docs}
        named = {int(y) for y in YEAR.findall(text)} or ({last.year} if last and last.year else set())
        near = {n for y in named for n in (y - 1, y, y + 1)} if named else {max(own), max(own) - 1}
        return [d for d in docs if self.kb.docs[d].year in near]

    # --- scope and refusals -------------------------------------------------

    def named(self, text: str) -> dict[str, str]:
        """Departments a text names (department → the name as written); see `_named`."""
        return self._named(text)

    def _named(self, text: str) -> dict[str, str]:
        """Departments the question names (department → the name as written), each once.

        A name inside a longer name of another department ("科协" in "深圳市科协") does not count
        for the other, and of two departments named by the same words the longer match wins
        ("南京气象局" names 南京市气象局, not every 气象局 in the store); two departments named by the
        same words ("财政局" of two districts) are both returned, and the question is asked back.
        """
        found: dict[str, str] = {}
        for department, aliases in self.kb.departments().items():
            written = [
                a for a in aliases
                if a in text and not self._other_level(text, a, aliases)
                and not of_another_place(text, a, department, self.kb.departments())  # 西安市儿童福利院: not 上海's
            ]  # fmt: skip
            alias = max(written, key=len, default="")
            if alias:
                found[department] = alias
        for short in short_names(text, self.kb.departments()):  # 治安支队 for 治安管理支队; several: asked which
            for department in short.departments:
                found.setdefault(department, short.written)
        return {
            dept: alias
            for dept, alias in found.items()
            if not any(alias != other and alias in other for other in found.values())
        }

    @staticmethod
    def _other_level(text: str, alias: str, aliases: tuple[str, ...]) -> bool:
        """ "市社会工作部" names a city's department, not the district's 社会工作部: every place the alias is
        written follows a level character (省/市/区/县) that none of the department's own names puts there."""
        starts = [m.start() for m in re.finditer(re.escape(alias), text)]
        return bool(starts) and all(
            i > 0 and text[i - 1] in "省市区县" and not any(a.endswith(text[i - 1] + alias) for a in aliases)
            for i in starts
        )

    def only_names(self, question: str) -> bool:
        """The question is just a department's name (the reply to "which department?")."""
        text = to_template(ascii_text(question))
        named = self._named(text)
        rest = text
        for alias in longest_first(named.values()):
            rest = rest.replace(alias, "")
        return bool(named) and not re.sub(r"[\s，。？！?!,、的吧呢啊呀就是这个那个查问]", "", rest)

    def _scope(self, text: str, doc_id: str | None, previous: Query | None, named: dict[str, str]) -> list[str]:
        if doc_id:
            return [doc_id] if doc_id in self.kb.docs else []
        if named:
            return [d.doc_id for d in self.kb.docs.values() if d.department in named]
        if within := self._unit_of(text):  # "西安市殡仪馆…": the one department whose documents print that unit
            return within
        if previous and previous.doc_ids:
            return list(previous.doc_ids)
        if points_at_own_unit(text):
            return list(self.kb.docs)  # "我们单位…": which department is meant, no document can say: asked
        if (
            self.printed_with_code
            and len(self.kb.docs) > 1
            and (coded := coded_scope(text, self.kb.docs, self.printed_with_code))
        ):
            return coded  # "2013950 事业运行…": the one department whose tables print that code with that name
        for docs in (self.kb.docs, of_years(text, self.kb.docs)):  # then only the documents of the years asked
            if found := self._printer(text, docs):
                return with_department(found, self.kb.docs)
        return list(self.kb.docs)

    def _printer(self, text: str, docs: Mapping[str, DocumentInfo]) -> list[str]:
        """The documents among `docs` of the one department printing the item the text names; [] if none."""
        if len(self.kb.docs) < 2 or not docs:
            return []
        names = {name for d in self.kb.docs.values() for name in (d.department, *d.aliases)}
        if self.text_of and (printing := printed_by(text, docs, self.text_of, self.coded_rows_in, names)):
            return printing  # "北京四环主路维修专项工程…": the one department whose documents print that project
        if self.coded_rows_in and self.rows_in:
            plain = norm(text)
            rows = [(d, row) for d, row in self.rows_in(plain) if d in docs]
            department = one_printer(self.coded_rows_in(plain), rows, lambda d: docs[d].department)
            if department:  # "社会工作事务行政运行…": the one department whose tables print that 科目
                return [d for d, info in docs.items() if info.department in department]
        return []

    def _unit_of(self, text: str) -> list[str]:
        """The documents of the one department whose tables have a row for a unit the text names (a 汇总
        document's 241011 西安市殡仪馆); none when no unit is named or several departments print it."""
        if self.rows_in is None or len(self.kb.docs) < 2:
            return []
        printing = {
            d for d, row in self.rows_in(text) if d in self.kb.docs and is_unit(row, self.kb.docs[d])
        }  # fmt: skip
        departments = {self.kb.docs[d].department for d in printing}
        if len(departments) != 1:
            return []
        return [d.doc_id for d in self.kb.docs.values() if d.department in departments]

    def _which(self, docs: list[str]) -> str:
        departments = "、".join(dict.fromkeys(self.kb.docs[d].department for d in docs))
        return f"库中有多个部门的公开文件（{departments}），请说明要查哪个部门"

    def _choices(self, docs: list[str]) -> tuple[str, ...]:
        """A short name for each department in scope, to offer as the answer to "which one?"."""
        out: dict[str, str] = {}
        for d in docs:
            doc = self.kb.docs[d]
            taken = {a for other in self.kb.docs.values() if other.department != doc.department for a in other.aliases}
            own = [a for a in doc.aliases if a not in taken]
            out.setdefault(doc.department, min(own, key=len) if own else doc.department)
        return tuple(out.values())

    def _prints(self, phrase: str, docs: list[str]) -> bool:
        """Whether one of the documents prints `phrase` in its text ("房屋14609.83平方米", "每月200元")."""
        return any(set(grams(phrase)) <= self.kb.text_grams(d) for d in docs)

    def _refusal(self, raw: str, text: str, docs: list[str]) -> str | None:
        for phrase, reason in self.out_of_scope.items():
            if phrase in raw and not (phrase in self.unless_printed and self._prints(phrase, docs)):
                return reason
        own = {a for d in docs for a in self.kb.docs[d].aliases}
        departments = "、".join(self.kb.docs[d].department for d in docs)
        for d in docs:  # "广州市科协" when the store has 深圳市科学技术协会: same name, another city
            city = CITY_PREFIX.match(norm(self.kb.docs[d].department))
            for alias in self.kb.docs[d].aliases:
                # the place written right before the name: "2026年北京市财政局" → 北京市 (年 is no part of a
                # place name, nor 对 in "核对市科协")
                for m in re.finditer(
                    rf"((?:(?!{NOT_A_PLACE.pattern})[\u4e00-\u9fff]){{2,3}}[市区县])(?={re.escape(alias)})", text
                ):
                    same = city and (m.group(1) in city.group(0) or city.group(0) in m.group(1))  # 年底北京市
                    if city and city.group(0) and not same:
                        return f"库中的公开文件属于{departments}，没有“{m.group(1)}{alias}”的数据"
        labels = self.kb.labels
        several = len({self.kb.docs[d].department for d in docs}) > 1  # which one is asked first, then its labels read
        for m in ORG.finditer(blank_names(text, own)):  # "治安支队委托业务费": no name ends inside a known one
            if NOT_IN_A_NAME.search(m.group(0)):  # "…年部门预算说明里局本级": a sentence, not a name
                continue
            name = norm(m.group(0))
            if any(name in a or a in name for a in own):
                continue
            suffix = len(m.group(0)) - len(re.sub(ORG_SUFFIX + "$", "", m.group(0)))
            tails = [name[i:] for i in range(len(name) - suffix - 1)]  # "…和科技馆" is known if "科技馆" is
            if several:  # no department's labels read yet: the rows of every document in the store
                known = self.mentioned(tails) if self.mentioned else True
            else:
                known = any(t in key for t in tails for key in labels)
            if not known:
                return f"库中的公开文件属于{departments}，没有“{m.group(0)}”的数据"
        kinds = {self.kb.docs[d].kind for d in docs}
        printed = (v for label in self.kb.in_scope(set(docs)) for v in label.variants)
        if "决算" not in kinds and kinds_asked.asks_actual(norm(raw), printed):
            return "库中只有部门预算，没有决算数据"
        return None

    def _year(self, text: str, docs: list[str]) -> tuple[int | None, str | None]:
        own = {self.kb.docs[d].year for d in docs}
        years = [int(y) for y in YEAR.findall(text)]
        if LAST_YEAR.search(text):
            years.append(max(own) - 1)
        if not years:
            return None, None
        covered = own | {y - 1 for y in own}
        for y in years:
            if y not in covered:
                span = "、".join(f"{y}年" for y in sorted(own))
                return None, f"库中只有{span}的预算（以及与上一年的比较），没有{y}年的数据"
        current = [y for y in years if y in own]
        if len(set(years)) == 2 and CHANGE.search(text) and max(years) in own:  # "2024年比2023年": the 2024 one
            return max(years), None
        return (current[0] if current and not THIS_YEAR.search(text) and len(set(years)) == 1 else min(years)), None

    # --- measure, table, subjects ------------------------------------------

    @staticmethod
    def _measure(text: str) -> Measure:
        if EXPLAIN.search(text):
            return "explain"
        if BREAKDOWN.search(text):
            return "breakdown"
        if PER_HEAD.search(text):
            return "per_head"
        if measures.rate_asked(text):  # "下降了多少个百分点": the rate of change, never the amount
            return "growth"
        if SHARE.search(text) and measures.amount_taken(text):  # "占了多少钱": the amount, no share
            return "amount"
        if SHARE.search(text) and not any(w in text for w in _WORDS["not_share"]) and not RATE_OF_CHANGE.search(text):
            return "share"
        if RATE_OF_CHANGE.search(text):  # "比上年增长了多少百分比": the growth, not a share of anything
            return "growth"
        if GROWTH.search(text):
            return "growth"
        if re.search(r"比(?!上年|\d{4}年)[\u4e00-\u9fff“”（）()]{2,}?(?:多|少)", text):
            return "difference"
        if CHANGE.search(text):
            return "change"
        if SUM.search(text) and re.search(r"加上|加起来|之和|合起来|(?<!增)加|和|与|及|、|[两2]项|[两2]个", text):
            return "sum"
        return "amount"

    def _table(self, text: str, docs: list[str]) -> tuple[str | None, str]:
        """The table a question names ("支出总表里", "三公表", "国有资本经营预算支出"), and the text without it.

        For each "表" in the question, the shortest span ending there that shares the most
        bigrams with a table title is the table's name.
        """
        titles = [(name, norm(title)) for d in docs for name, title in self.kb.tables.get(d, {}).items()]
        best: tuple[int, int, str, str] | None = None  # (shared bigrams, -length, name, span)
        for m in re.finditer("表", text):
            for length in range(2, 14):
                span = text[max(0, m.start() - length) : m.end()]
                if not re.fullmatch(r"[\u4e00-\u9fff“”]+表", span):
                    break
                phrase = norm(span)
                for name, t in titles:
                    shared = sum(1 for i in range(len(phrase) - 1) if phrase[i : i + 2] in t)
                    if shared >= 2 and (best is None or (shared, -len(span)) > best[:2]):
                        best = (shared, -len(span), name, span)
        if best:
            tail = re.escape(best[3]) + r"(?:里面|里|中|上|的)?"
            return best[2], re.sub(tail, " ", text, count=1)
        plain = norm(text)
        for name, t in titles:
            core = re.sub(r"表(?:[(（].*)?$", "", t)
            if len(core) >= 6 and core in plain and not self.kb.label(core):
                return name, text.replace(core, " ")
            aside = re.search(r"[(（]([^()（）]{4,})[)）]$", t)  # "按功能分类" names 表7
            if aside and aside.group(1) in plain:
                return name, text.replace(aside.group(1), " ")
        return None, text

    def _has_code(self, code: str, docs: list[str]) -> bool:
        return any(f.code == code for d in docs for f in self.kb.facts_by_doc.get(d, []))

    def _narrow(self, docs: list[str], year: int | None, text: str) -> list[str]:
        """The documents of the one year a question names, and of the kind it names (预算 / 决算) when the
        department has both: "规资局2023年决算…" is read in that 决算 only, not in the 2024 预算 beside it."""
        if year is None or len(set(YEAR.findall(text))) != 1 or LAST_YEAR.search(text):
            return []
        of_year = [d for d in docs if self.kb.docs[d].year == year]
        kind = "决算" if "决算" in text else "预算" if asks_budget(text) else None
        of_kind = [d for d in of_year if self.kb.docs[d].kind == kind]
        return of_kind or of_year

    def _unmatched(self, query: Query, text: str) -> str | None:
        """Why the subject found is not what was asked, if it is not (an answer answers what was asked).

        - "X全年预算和决算数相差多少": a difference of two figures, but one subject was found;
        - "城管执法2023年当年预算执行数": the prose phrase 当年预算执行数 was found, but the question also
          names the table row 城管执法, and no figure binds the two.
        """
        if query.measure in ("difference", "change", "growth") and BUDGET_VS_ACTUAL.search(text):
            return "公开文件没有把同一项目的预算数和决算数放在一起，无法直接比较；可以分别询问预算数和决算数"
        if query.measure != "amount" or not query.subjects:
            return None
        if DIFFERENCE_WORDS.search(text) and len(query.subjects) < 2:
            return "问题问的是两个数的差，但只找到了一个项目，无法确定是哪两个数相减"
        kinds = {self.kb.docs[d].kind for d in query.doc_ids}
        if len(kinds) > 1 and "决算" not in text and not asks_budget(text):
            year = f"{query.year}年" if query.year else ""
            return f"库中有这个部门{year}的预算和决算，请说明要查预算数还是决算数"
        label = self.kb.labels.get(query.subjects[0])
        if label is None or any(f.table for f in label.facts if f.doc_id in query.doc_ids):
            return None
        plain = norm(text)
        parents = {f.parent for f in label.facts if f.parent and f.doc_id in query.doc_ids}
        for other in self.kb.in_scope(set(query.doc_ids)):
            if (
                len(other.key) >= 3
                and not YEAR.fullmatch(other.key)  # a row printed as "2021年" names no item
                and other.key in plain
                and other.key
                not in as_written(MARKER.sub("", label.key))  # "职业教育（款）技校教育（项）支出" holds 教育支出
                and label.key not in other.key
                and not implied_by(other.name, label.name)  # "基本支出里人员经费": the 人员经费 itself
                and not under_parent(label.facts, other.key, query.doc_ids)  # "项目支出…具体包括：1.预决算管理业务"
                and not written_after(plain, other.key, [label.key, *parents])  # "政府采购预算总额": its own whole
                and any(f.table for f in other.facts if f.doc_id in query.doc_ids)
                and not self._path_below(label, other, query.doc_ids)  # 卫生健康支出 printed 医疗卫生与计划生育支出
            ):
                return f"{UNBOUND_HEAD}“{other.name}”和“{label.name}”对应起来的数字"
        return None

    def _path_below(self, label: Label, other: Label, doc_ids: Sequence[str]) -> bool:
        """Whether the prose `label`'s 科目 path lies under the table row `other` by code (the 类 the question names
        printed in the text by its former name)."""
        docs = set(doc_ids)
        parents = {f.code for f in other.facts if f.doc_id in docs and f.table and f.code}
        rows = [(f.row, f.code) for d in docs for f in self.kb.facts_by_doc.get(d, []) if f.table and f.code]
        return path_under(label.key, parents, rows)

    def _absent(self, query: Query, text: str) -> str | None:
        """A 科目 the question writes out (printed in some stored document) that the documents asked about
        do not print: never answered with a look-alike row ("民政管理事务" of a year that has none)."""
        if not self.coded_rows_in or not query.subjects:
            return None
        docs = set(query.doc_ids)
        rows = {norm(f.row) for f in self.kb.facts if f.doc_id in docs}
        for name in self.coded_rows_in(norm(text)):
            if name in rows or any(name in s or same_subject(name, s) for s in query.subjects):
                continue  # (the subject read by another of the registry's names: 公务用车运行费 of 运行维护费)
            if any(name in w and w in text for w in FUND_WORDS):  # "一般公共" of 一般公共预算: a fund, no 科目
                continue
            facts = [f for d in docs for f in self.kb.facts_by_doc.get(d, [])]
            if self.printed_with_code and heads_printed(name, facts, self.printed_with_code):
                continue  # a parent of a printed 科目, named as its path ("一般公共服务支出下…一般行政管理事务")
            years = "、".join(f"{y}年" for y in sorted({self.kb.docs[d].year for d in docs}))
            return f"{years}的公开文件中没有“{name}”这一科目"
        return None

    def _label_has_code(self, key: str, code: str, docs: list[str]) -> bool:
        label = self.kb.labels.get(key)
        return bool(label) and any(f.code == code and f.doc_id in docs for f in label.facts)  # type: ignore[union-attr]

    def _code_label(self, code: str, docs: list[str]) -> str:
        fact = next(f for d in docs for f in self.kb.facts_by_doc.get(d, []) if f.code == code)
        return norm(self.kb.subject_of(fact))  # the label's key: "因公出国（境）费用" is keyed 因公出国(境)费用

    def content(self, phrase: str, docs: list[str], keep_names: bool = False) -> str:
        """A phrase without filler, department names, years and digits: what it is about."""
        s = phrase
        if not keep_names:
            for d in docs:
                for alias in self.kb.docs[d].aliases:
                    s = s.replace(alias, " ")
                if re.search(
                    r"[（(]本级[）)]$", self.kb.docs[d].department
                ):  # "无锡交通局本级": the document's own scope
                    s = s.replace("本级", " ")
            for department, written in self.named(s).items():  # a short name read by rule ("治安支队" of 治安管理支队)
                at = s.find(written)
                place = next(  # with the place written before it ("福州治安支队" of 福州市公安局治安管理支队)
                    (s[at - n : at] for n in (4, 3, 2) if at >= n and department.startswith(s[at - n : at])), ""
                )
                s = s.replace(place + written, " ").replace(written, " ")
        s = YEAR.sub(" ", s)
        s = re.sub(r"\d+(?:\.\d+)?%?", " ", s)
        for cue in CUES:
            s = cue.sub(" ", s)
        printed = (v for label in self.kb.in_scope(set(docs)) for v in label.variants)
        kept = names_with_filler(printed, self.filler) + self._registry_names  # "日常公用支出" printed whole; a
        s = without_filler(s, self.filler, kept)  # filler never cuts a registry name ("项目支出决算": 项目支出)
        return re.sub(r"[\s，。？！?!,、：:；;（）()“”]+", " ", s).strip()

    def _segments(self, text: str, measure: Measure, docs: Sequence[str] = ()) -> list[str]:
        if measure == "share":
            if within := re.search(r"^(.+?)(?:里面|当中|之中|中|里)[，,]\s*(.+?)占", text):
                return [within.group(2), within.group(1)]  # "A支出中，B占比": B's share of A
            m = re.search(r"(.+?)在(.+?)(?:里面|里|中|当中)?占", text) or re.search(
                r"(.+?)占(.+?)(?:的)?(?:比重|比例|百分比|多少|百分之|$)", text
            )
            if m:
                return [m.group(1), m.group(2)]
        if measure == "difference":
            m = re.search(r"(.+?)比(.+?)(?:多|少)", text)
            if m:
                return [m.group(1), m.group(2)]
        if measure == "per_head":
            m = re.search(r"按(.+?)算", text)
            head = m.group(1) if m else ""
            rest = text.replace(m.group(0), " ") if m else text
            return [PER_HEAD.sub(" ", rest), head]
        if measure == "sum":
            body = re.sub(r"加起来|合起来|一共|总共|合计|共计|之和|是多少|多少", " ", text)
            body, restored = held(body, self._joined_names(docs))  # "商品和服务支出合计": one item, not two
            inner = re.search(r"[（(](.+?)[）)]", body)
            if inner and re.search(r"(?<!增)加|和|与|及|、", inner.group(1)):
                outer = ASIDE.sub(" ", body)  # "院士专家工作站相关的钱（资助加管理费）": each item in its context
                parts = re.split(r"加上|(?<!增)加|和|与|以及|及|跟|、|还有", inner.group(1))
                return [restored(f"{outer} {p}") for p in parts if p.strip()]
            parts = re.split(r"加上|(?<!增)加|和|与|以及|及|跟|、|还有", body)
            return [restored(p) for p in parts if p.strip()]
        if measure in ("change", "growth"):
            text = AGAINST.sub(" ", text)  # "比2025年年初预算下降了百分之几": 年初预算 is the base, not the item
        return [ASIDE.sub(" ", text)]  # "（主要是退休费）" is an aside, not the subject

    def _joined_names(self, docs: Sequence[str]) -> list[str]:
        """The names printed in these documents that hold a word a sum is split at (商品和服务支出, 对个人和家庭的
        补助, 公务用车购置及运行费), longest first: written whole in a question, each is one item."""
        names = {v for label in self.kb.in_scope(set(docs)) for v in label.variants if len(v) >= 4}
        return longest_first([n for n in names if re.search(r"和|与|及|、|跟", n)])

    def link(
        self,
        phrase: str,
        docs: list[str],
        raw: str = "",
        table: str | None = None,
        money: bool = False,
        scoping: bool = False,
    ) -> Link | None:
        """The label a phrase names: written out in it, or close enough by bigrams (template and own wording).

        If the whole phrase names nothing, each clause is tried ("…是多少？就是办公费、水电那些"). A `scoping`
        phrase (the parent of "X里的Y") only narrows its child, which is checked, so it may leave words out.
        """
        best = self._link(phrase, docs, raw, table, money, scoping)
        said = self.content(phrase, docs)
        if best and (whole := item_whole(said)) != said and not same_subject(whole, best.label.key):
            return None  # "项目支出总计": the registry's 项目支出, never a label merely holding the words (项目总支出)
        # the column as printed or as the question's text writes it (人员经费 read as 人员支出)
        item = next((c for c in longest_first(ITEM_COLUMN_WORDS) if c in phrase), None)
        if best is None and item and phrase.replace(item, "").strip():  # "行政运行的项目支出": that row's column
            row = self._link(phrase.replace(item, " "), docs, "", table, money, scoping)
            asked = {item, ITEM_COLUMN_WORDS[item]}
            if row and any(asked & {f.column, f.column_role} for f in row.label.facts if f.doc_id in docs):
                best = row
        if best is None:
            clauses = [c for c in re.split(r"[？?！!。；;，,]", phrase) if len(c.strip()) >= 2]
            found = [lk for c in clauses if len(clauses) > 1 and (lk := self._link(c, docs, "", table, money, scoping))]
            best = max(found, key=lambda lk: lk.score, default=None)
        if best is None and (bare := without_target_words(phrase)) != phrase:  # "争取中省投资的总目标": its bound
            lk = self._link(bare, docs, "", table, money, scoping)
            scope = set(docs)
            if lk and printed_as_target(
                self.kb.facts_of(lk.label.key, scope), sum(t.doc_id in scope for t in lk.label.targets)
            ):
                best = lk
        if best is None and raw and (bare := without_budget_words(phrase)) != phrase:  # "电费预算是多少元": 电费
            lk = self._link(bare, docs, "", table, money, scoping)  # (the question's whole phrase only, raw given)
            said = "".join(w.strip("的") for w in self.content(bare, docs).split() if w not in MONEY)  # "的电费 元"
            best = lk if lk and lk.exact and norm(said) == lk.label.key else None  # the row said whole, nothing else
        if best is None:  # "就业援助基地补贴的满意度指标": one of that project's indicators
            best = indicator_of_project(self.kb, self.content(phrase, docs), docs)
        elif (
            instead := indicator_instead(
                self.kb, best, self.content(raw or phrase, docs, keep_names=True), docs, raw or phrase
            )
        ):  # "烟台市智慧审计平台等保测评服务的系统评分要求": the project's indicator, not its money (the name kept whole)
            best = instead
        return best

    def _link(
        self, phrase: str, docs: list[str], raw: str, table: str | None, money: bool, scoping: bool = False
    ) -> Link | None:
        unit = next((u for u, p in UNIT_HINTS.items() if re.search(p, raw or phrase)), None)
        links = []
        names = [a for d in docs for a in self.kb.docs[d].aliases]
        for variant in dict.fromkeys([phrase, *([raw] if raw else [])]):
            content = self.content(variant, docs)
            if not content:
                continue
            links += self.kb.link(content, set(docs), exact_in=variant, unit=unit, table=table)
            if (
                any(a in variant for a in names) and len(re.sub(r"[那这么呢吗吧的\s]", "", content)) >= 2
            ):  # "科协组织建设那个项目": the name is part of the label
                with_names = self.kb.link(
                    self.content(variant, docs, keep_names=True), set(docs), exact_in=variant, unit=unit, table=table
                )
                links += [lk for lk in with_names if self._names_part(lk.label.key, names, content)]
        if total := self._total_written(phrase, docs):
            return total
        if not links:
            return None
        links.sort(key=lambda lk: (-lk.score, not lk.exact, len(lk.label.key)))
        best = links[0]
        ties = [lk for lk in links if best.score - lk.score < 0.05]
        if len(ties) > 1:  # e.g. 行政编制/事业编制 实有在编人数: prefer the one with a non-zero figure
            best = next(
                (lk for lk in ties if any(f.value for f in lk.label.facts if f.doc_id in docs) or lk.label.targets),
                best,
            )
        child = next(
            (
                lk
                for lk in links
                if lk.exact and not best.exact and best.score - lk.score < 0.15
                and any(f.parent and norm(f.parent) == best.label.key for f in lk.label.facts)
            ),
            None,
        )  # fmt: skip
        if child and child.score >= LINK_THRESHOLD:  # "会议费预算": the part written out, never the whole listing it
            best = child  # ("“三公”经费及会议费、培训费预算支出")
        parent = next(
            (
                lk
                for lk in links
                if best.score - lk.score < 0.15
                and any(f.parent and norm(f.parent) == lk.label.key for f in best.label.facts)
            ),
            None,
        )
        if parent and parent.score >= LINK_THRESHOLD and not best.exact:  # "公车费用": the group, not one of its parts
            best = parent
        if money and not any(f.unit in MONEY for f in best.label.facts):  # a share or sum of amounts
            best = next(
                (lk for lk in links if best.score - lk.score < 0.15 and any(f.unit in MONEY for f in lk.label.facts)),
                best,
            )
        if best.score < LINK_THRESHOLD:
            return None
        return next(
            (
                lk
                for lk in (best, *links)
                if lk.score >= LINK_THRESHOLD and (scoping or not self._drops(lk, phrase, docs))
            ),
            None,
        )

    def _drops(self, link: Link, phrase: str, docs: list[str]) -> list[str]:
        """The asked item's own words the label leaves out ("收入" of 部门收入预算总额 → 政府采购预算总额)."""
        scope = set(docs)
        if not checked(link.label, scope):
            return []
        printed = self._label_words.get(frozenset(scope))
        if printed is None:  # the words items are named with here (a question's chat, 任务/要求, is none)
            printed = {g for label in self.kb.in_scope(scope) for v in label.variants for g in grams(v)}
            self._label_words[frozenset(scope)] = printed
        return dropped_words(self.content(phrase, docs), label_grams(self.kb, link.label, scope), printed, self.neutral)

    def _inside_a_name(self, segment: str, at: int, docs: list[str]) -> bool:
        """The word read as "within" (中, 里) is part of a row's name written out whole ("无锡市社会保险基金管理
        中心2026年预算收入"): the name is the subject, not a parent of what follows."""
        for label in self.kb.in_scope(set(docs)):
            if len(label.key) < 4:
                continue
            start = segment.find(label.key)
            if start >= 0 and start < at < start + len(label.key):
                return True
        return False

    def _total_written(self, phrase: str, docs: list[str]) -> Link | None:
        """A named total written out whole ("支出合计", "本年收入合计") when nothing else is asked with it:
        合计/总计 is a cue word elsewhere ("两项合计"), but here it is the label, never 基本支出 or 项目支出."""
        plain = norm(phrase)
        written = [
            label
            for label in self.kb.in_scope(set(docs))
            if len(label.key) >= 4 and re.search(r"合计|总计", label.key) and label.key in plain
            and any(
                f.table and ("财政拨款" in plain or not (f.table_kind or "").startswith("appropriation"))
                for f in label.facts
                if f.doc_id in docs
            )  # the 财政拨款收支总表's 收入合计 is only part of the department's, unless 财政拨款 is asked
        ]  # fmt: skip
        if not written:
            return None
        best = max(written, key=lambda label: len(label.key))
        rest = self.content(plain.replace(best.key, " "), docs)
        if re.search(r"[\u4e00-\u9fff]{2,}", re.sub(r"部门预算|单位预算|预算|部门|单位|本年|的", "", rest)):
            return None  # "教育支出合计": 教育支出's total, not the department's 支出合计
        return Link(label=best, score=1.0, exact=True)

    @staticmethod
    def _names_part(key: str, names: list[str], content: str) -> bool:
        """A label that holds the department's name is what a phrase naming the department asks only when
        the rest of the label is asked too ("科协组织建设" for "科协组织建设那个项目"): "人社局（本级）", a
        sub-unit's row, is never what "人社局部门预算收入总计" asks."""
        written = [a for a in names if a in key]
        if not written:
            return False
        rest = key
        for a in longest_first(written):
            rest = rest.replace(norm(a), " ").replace(a, " ")
        rest_grams = set(grams(norm(re.sub(r"[()（）]", " ", rest))))
        return bool(rest_grams & set(grams(norm(content))))

    def _within(
        self, segment: str, docs: list[str], table: str | None, money: bool = False
    ) -> tuple[str | None, str | None]:
        """ "科学技术普及下面的机构运行" / "科普能力提升项目里，科普活动工作": the child, scoped to its parent."""
        m = WITHIN.search(segment)
        if not m or self._inside_a_name(segment, m.end(1), docs):
            return None, None
        parts = steps(segment)

        def scoped(phrase: str, scoping: bool) -> Link | None:
            return self.link(phrase, docs, table=table, money=money and not scoping, scoping=scoping)

        if len(parts) == 2 and len(of := self._named_steps(with_of(parts), docs)) >= 2 and len(with_of(parts)) >= 3:
            # "交通运输支出中公路水路运输的行政运行"; "政府性基金预算支出里，超长期特别国债安排的水利支出" (the fund taken
            # out as the column leaves "支出", which names no step)
            if found := resolve(of, docs, scoped) or self._path_column(of, docs, scoped):
                return found
        if len(parts) >= 3:  # "农林水支出里水利里行政运行": each name under the one before
            parts = self._named_steps(parts, docs)
            return resolve(parts, docs, scoped) or self._path_column(parts, docs, scoped) or (None, None)
        parent = self.link(m.group(1), docs, table=table, scoping=True)
        child_text = THIS_ONE.sub(parent.label.name if parent else " ", m.group(2))
        child = self.link(child_text, docs, table=table, money=money)
        if not parent or not child or child.label.key == parent.label.key:
            return None, None
        if child.label.key in ITEM_COLUMNS and any(f.column == child.label.key for f in parent.label.facts):
            return parent.label.key, None  # "社会保障和就业支出中的基本支出": that row's 基本支出 column
        parent_codes = {f.code for f in parent.label.facts if f.code}
        codes = [
            f.code
            for f in child.label.facts
            if f.code and any(f.code.startswith(p) and f.code != p for p in parent_codes)
        ]
        if not codes and (named := self._part_named(m.group(1), child_text, child, docs, table)):
            return named, None  # "政府采购预算中一般公共预算拨款的部分": 一般公共预算拨款政府采购
        return child.label.key, (codes[0] if codes else None)

    def _named_steps(self, parts: list[str], docs: list[str]) -> list[str]:
        """The path's names without a first step that names nothing ("支出" left of "政府性基金预算支出" when the
        fund is read as the column)."""
        while len(parts) > 2 and not re.search(
            r"[\u4e00-\u9fff]{2,}", re.sub(r"支出|收入", " ", self.leftover(parts[0], docs, "amount"))
        ):  # a side of the budget alone (支出, 收入) names no 科目
            parts = parts[1:]
        return parts

    @staticmethod
    def _path_column(
        parts: list[str], docs: list[str], scoped: Callable[[str, bool], Link | None]
    ) -> tuple[str, str | None] | None:
        """ "公路水路运输里行政运行的人员经费": a path whose last name is a column its row prints (人员经费, 基本支出,
        人员支出) is the path of that row; the column is read apart. None unless the rest resolves as a path and
        its last row prints that column."""
        last = scoped(parts[-1], False) if len(parts) >= 3 else None
        if last is None:
            return None
        found = resolve(parts[:-1], docs, scoped)
        if found is None:
            return None
        row = scoped(parts[-2], False)
        printed = row is not None and any(
            f.doc_id in docs and last.label.key in (f.column, f.column_role) for f in row.label.facts
        )
        return found if printed else None

    def _part_named(self, whole: str, part: str, child: Link, docs: list[str], table: str | None) -> str | None:
        """The item printed with the part's name and the whole's together ("一般公共预算拨款政府采购" for
        "政府采购预算中一般公共预算拨款的部分"): the part of that whole, never the part's own row elsewhere."""
        found = self.link(f"{part} {whole}", docs, table=table)
        if not found or found.label.key == child.label.key or child.label.key not in found.label.key:
            return None
        rest = found.label.key.replace(child.label.key, " ")
        return found.label.key if set(grams(rest)) & set(grams(norm(self.content(whole, docs)))) else None

    def _subjects(
        self, text: str, measure: Measure, docs: list[str], raw: str, table: str | None, named: bool = False
    ) -> tuple[tuple[str, ...], str | None]:
        out: list[str] = []
        code = None
        if measure == "explain":  # "预算为什么增加了": the premise and its question words are no part of a name
            text = premise.without_premise(text)
        segments = self._segments(text, measure, docs)
        money = measure in ("share", "sum", "difference")
        for n, segment in enumerate(segments):
            segment = self._fund_apart(segment, docs, table, money)
            child, child_code = self._within(segment, docs, table, money)
            if child:
                out.append(child)
                code = code or child_code
                within = WITHIN.search(segment)
                if (
                    measure == "share"
                    and len(segments) >= 2
                    and within
                    and not self.link(segments[1], docs, table=table)
                ):
                    parent = self.link(within.group(1), docs, table=table)  # "三公经费里公车费用占了几成": of the group
                    if parent:
                        out.append(parent.label.key)
                        break
                continue
            if n and THIS_ONE.search(segment) and out:  # "…占这个项目的百分比": the project named before
                within = WITHIN.search(segments[0])
                parent = self.link(within.group(1), docs, table=table) if within else None
                if parent:
                    out.append(parent.label.key)
                    continue
            link = self.link(segment, docs, raw=raw if len(segments) == 1 else "", table=table, money=money)
            if link and fund_part(link.label.name, raw or text, FUND_WORDS):
                continue  # "收支总计" asked: never the 财政拨款收、支总计, a part of it
            if link and link.label.key not in out:
                out.append(link.label.key)
        leftover = self.leftover(text, docs, measure)
        generic = not re.search(r"[\u4e00-\u9fff]{2,}", leftover)
        if (
            generic
            and measure in ("amount", "change", "growth", "prior", "explain")
            and re.search(r"预算|总额|一共|总共", text)
        ):
            out = []  # "北京市财政局2026年预算多少钱" names no item: never a label linked by 预算 alone (政府采购预算总额)
        if (
            not out
            and generic
            and measure in ("amount", "change", "growth", "prior", "explain")
            and (
                asks_whole(text, {self.kb.docs[d].kind for d in docs if d in self.kb.docs})
                or (named and measure in ("change", "growth"))  # "烟台审计局比去年多了多少": the department's change
            )
        ):
            if total := self._spending_total(docs):  # "今年的预算比去年多了多少": the budget as a whole
                out.append(total)
        bare_side = not re.search(r"[\u4e00-\u9fff]{2,}", leftover.replace("支出", "")) and "支出" in leftover
        if bare_side and measure in ("amount", "change", "growth", "prior", "explain"):
            # "科协支出是多少": the spending side's total, never 项目支出; none printed as a row, the registry reads it
            # where the template prints it — never a label linked by the side's word (政府采购预算总额 for 预算总额)
            out = [total] if (total := self._spending_total(docs)) else []
        if not out and not re.search(r"[\u4e00-\u9fff]{2,}", leftover.replace("收入", "")) and "收入" in leftover:
            income = self._income_total(docs)  # "部门收入预算合计是多少": the income side's total
            if income:
                out.append(income)
        return tuple(out), code

    def _fund_apart(self, segment: str, docs: list[str], table: str | None, money: bool) -> str:
        """The segment without the fund words written after a 科目 ("社会福利事业单位一般公共预算拨款"), when what is
        left names a coded row: the fund is that row's column, never the subject (一般公共预算拨款支出)."""
        bare = without_fund(segment)
        if bare == segment:
            return segment
        child = self._within(bare, docs, table, money)[0]
        key = child or ((lk := self.link(bare, docs, table=table, money=money)) and lk.label.key)
        label = self.kb.labels.get(key) if key else None
        coded = label is not None and any(f.code and f.doc_id in docs for f in label.facts)
        return bare if coded else segment

    def leftover(self, text: str, docs: list[str], measure: Measure) -> str:
        """What a question names beyond the budget as a whole ("预算", "总额", "整体"…); a why-question's premise
        and its question words ("预算增加的原因是什么") name no item."""
        content = self.content(premise.without_premise(text) if measure == "explain" else text, docs)
        return re.sub(
            rf"部门预算|支出预算|预算|总额|{whole_words(measure != 'explain')}|{MONEY_PATTERN}|整体|全部|部门|"
            rf"{spending_words()}|还是",
            " ",
            content,
        )

    def names_whole(self, question: str, docs: list[str]) -> bool:
        """Whether a why-question is about the department's budget as a whole ("北京市财政局预算减少的原因")."""
        text = to_template(question)
        leftover = self.leftover(text, docs, "explain")
        return bool(re.search(r"预算|总额|整体", text)) and not re.search(r"[\u4e00-\u9fff]{2,}", leftover)

    def _spending_total(self, docs: list[str]) -> str | None:
        """The department's whole budget: the 支出总计 row of its 收支总表, or the 支出合计 (本年支出合计) of its 收支总表
        or 支出总表 where no 支出总计 is printed."""
        for name in ("支出总计", "支出合计", "本年支出合计"):
            label = self.kb.label(name)
            if label and any(
                f.doc_id in docs and (name == "支出总计" or f.table_kind in ("summary", "expenditure"))
                for f in label.facts
            ):
                return label.key
        return narrative_total(self.kb, docs, "spending")  # "2026 年支出预算 44169.36 万元": no table prints it

    def _income_total(self, docs: list[str]) -> str | None:
        """The department's total income: the 收入总计 (收入合计) row of its 收支总表 or 收入总表 — never the
        收入合计 of the 财政拨款收支总表, which is only part of it."""
        for name in ("收入总计", "收入合计", "本年收入合计"):
            label = self.kb.label(name)
            if label and any(f.doc_id in docs and f.table_kind in ("summary", "income") for f in label.facts):
                return label.key
        return narrative_total(self.kb, docs, "income")  # "2026 年度收入预算 44169.36 万元": no table prints it

    # --- conversation -------------------------------------------------------

    def _follow_up(self, query: Query, previous: list[Query], raw: str) -> Query:
        """Fill what a follow-up leaves out (那2021年呢？/占比呢？/去年呢？/两项加起来呢？) from earlier turns."""
        earlier = [q for q in previous if not q.refusal and q.subjects]
        if not earlier:
            return query
        last = earlier[-1]
        asked = query.subjects[0] if len(query.subjects) == 1 else ""
        row = self.kb.labels.get(last.subjects[0])
        if (
            asked in ITEM_COLUMNS
            and re.search(r"呢[？?]?$", raw.strip())
            and row is not None
            and any(asked in (f.column, f.column_role) for f in row.facts)
        ):  # "行政运行是多少？" then "基本支出呢？": that row's 基本支出, not the department's
            return replace(query, subjects=last.subjects, column=asked, table=query.table or last.table)
        if query.measure == "sum" and len(query.subjects) < 2 and re.search(r"[两2]项|[两2]个|这两|这2|二者|两者", raw):
            subjects = tuple(dict.fromkeys(s for q in earlier[-2:] for s in q.subjects[:1]))
            return replace(query, subjects=subjects)
        if (
            query.measure == "share"
            and len(query.subjects) == 1
            and re.match(r"^(?:那|那么)?(?:它|其)?占", raw.strip())
        ):
            return replace(
                query, subjects=(last.subjects[0], query.subjects[0])
            )  # "占总支出多少？": of what was just asked
        if query.subjects or not self._elliptical(raw, query.doc_ids):
            return query  # "明天上海天气怎么样？": a question of its own, understood as in a new conversation
        measure = query.measure
        if measure == "amount" and query.year is None:
            measure = last.measure
        year = query.year
        if year is None and last.year is not None and set(query.doc_ids) != set(last.doc_ids):
            # "那科协呢？" after "科技局2022年…": the year of the conversation, not the other department's latest
            own = {self.kb.docs[d].year for d in query.doc_ids}
            if last.year not in own:
                listed = "、".join(f"{y}年" for y in sorted(own))
                return replace(query, refusal=f"这个部门只有{listed}的公开文件，没有{last.year}年的")
            year = last.year
            of_year = tuple(d for d in query.doc_ids if self.kb.docs[d].year == year)
            kinds = {self.kb.docs[d].kind for d in last.doc_ids if d in self.kb.docs}
            of_kind = tuple(d for d in of_year if self.kb.docs[d].kind in kinds)  # and its 预算 or 决算
            query = replace(query, doc_ids=of_kind if len(kinds) == 1 and of_kind else of_year)
        if year is not None and measure == "amount" and year not in {self.kb.docs[d].year for d in query.doc_ids}:
            measure = "prior"
        return replace(
            query,
            year=year,
            subjects=last.subjects,
            measure=measure,
            table=query.table or last.table,
            code=query.code or last.code,
        )

    def _elliptical(self, raw: str, docs: Sequence[str]) -> bool:
        """The question leaves out what it is about ("那2021年呢？", "占比呢？", "为什么？"): nothing is left of it
        once the cue words, years, department names and follow-up words are taken out."""
        rest = self.content(to_template(raw), list(docs))
        rest = re.sub(r"那么|那|呢|的|了|是|又|还|再|也|主要|啥|原因|这|怎|样|些|由|到|比|多|少|项目|数字|数", "", rest)
        return not squeeze(rest)
