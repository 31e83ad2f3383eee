"""Choosing facts for an answer: the document, the label's figure for this year, a related item's printed change."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from assistant.cues import longest_first
from assistant.draft import Unanswerable
from assistant.knowledge import Knowledge
from assistant.parts import implied_by, named_in, of_unasked_part_table, qualified_wholes, under_unasked_part
from assistant.records import Query
from assistant.standing import refuse_same_name_rows, standing, without_inclusions
from assistant.subjects import subjects
from assistant.tokens import glossary_data
from assistant.understand import STRICT_COLUMNS, asks_budget
from assistant.units import FundSplit, fund_split, is_unit, of_unit, totals_in, unit_named, unplaced_words
from assistant.years import column_year
from index.catalog import count_unit
from index.provenance import EMPTY_TABLE
from index.records import DocumentInfo, Fact
from index.units import MONEY, is_price

LOW_PRIORITY_TABLES = ("政府性基金", "国有资本")
SIDE_WORDS = ("收入", "支出")  # a 收入表's or 支出表's column header ends with its side, which a question may leave out
COLUMN_ORDER = ("支出总计", "金额", "数量", "预算数", "总额", "财政拨款")
# Tables without a 表N caption, by catalog kind: where a row's own figure is read first.
KIND_ORDER = (
    "expenditure", "general_public_basic_by_economic", "three_public", "summary", "general_public_by_function",
    "appropriation_summary", "income", "basic_expenditure", "project_expenditure", "government_fund", "state_capital",
)  # fmt: skip
ROLE_ORDER = ("支出总计", "本年支出合计", "合计", "决算数", "预算数", "本年收入合计", "财政拨款收入")
PRIMARY_ROLES = frozenset(ROLE_ORDER[:5])  # a row's own figure: before a prose figure for it
BUDGET_ROLES = frozenset({"预算数", "全年预算数", "年初预算数", "调整预算数"})
# What a question says about money. MONEY_ASKED asks how much money in so many words ("多少钱", "金额"): a label
# with amounts and counts is then read for its amounts only. MONEY_NAMED names money at all ("经费", "支出",
# "万元"): the figure answered must then be an amount. COUNT_ASKED asks a count: never answered with money.
MONEY_ASKED = re.compile(r"金额|资金|多少钱|几块钱|多少万|多少元|多少亿")
MONEY_NAMED = re.compile(
    r"多少钱|金额|[万亿千]?元|经费|资金|拨款|支出|采购|预算(?:一共|总共|合计|共|总额|总计)?(?:是|为|有)?多少"
)
COUNT_ASKED = re.compile(r"(?:几|多少)[个人名辆台套家次项座处所条件]|人数|数量")
SAME_FIGURE_DIGITS = 5  # a figure printed to fewer decimals is the same one only when this many digits agree


class Selector:
    """Reads facts from one knowledge base for the composers."""

    def __init__(self, kb: Knowledge):
        self.kb = kb

    def doc(self, query: Query) -> DocumentInfo:
        """The document a question is about: the latest in scope that has facts for its first subject."""
        docs = [self.kb.docs[d] for d in query.doc_ids]
        if query.year is not None and not query.last_year:  # "2022年…": the document of that year, if there is one
            docs = [d for d in docs if d.year == query.year] or [d for d in docs if d.year == query.year + 1] or docs
        if query.subjects:
            label = self.kb.labels.get(query.subjects[0])
            having = {f.doc_id for f in label.facts} | {t.doc_id for t in label.targets} if label else set()
            docs = [d for d in docs if d.doc_id in having] or docs
        return max(docs, key=lambda d: d.year)

    def facts(self, key: str, doc: DocumentInfo) -> list[Fact]:
        label = self.kb.labels.get(key)
        return [f for f in label.facts if f.doc_id == doc.doc_id] if label else []

    def rank(self, facts: list[Fact], query: Query) -> list[Fact]:
        budget_asked = asks_budget(query.question)
        words = without_inclusions(query.question)  # "（含事业收入）" names no side or column asked

        def key(f: Fact) -> tuple[int, int, int, int, int, int]:
            low = any(w in f.source.split(" · ")[0] for w in LOW_PRIORITY_TABLES)
            numbered = re.fullmatch(r"表(\d+)", f.table or "表99")
            if numbered:
                order = next(
                    (i for i, c in enumerate(COLUMN_ORDER) if f.column == c or f.column.endswith(("预算数", "决算数"))),
                    len(COLUMN_ORDER),
                )
                place = int(numbered.group(1))
            else:  # a table named by its title: its catalog kind, then the column's role
                order = 0 if f.column_role in PRIMARY_ROLES else len(COLUMN_ORDER)
                place = 10 * (KIND_ORDER.index(f.table_kind) if f.table_kind in KIND_ORDER else len(KIND_ORDER))
                place += ROLE_ORDER.index(f.column_role) if f.column_role in ROLE_ORDER else len(ROLE_ORDER)
            if f.table and self.kb.subject_of(f) == f.column:  # 表3's 项目支出 column is the subject itself
                order = 0
            elif f.table and count_unit(f.column):  # a table's 数量/人数 column: never a row's own figure first
                order = len(COLUMN_ORDER) + 1
            asked = query.column and query.column in (f.column, f.column_role)
            planned = f.column_role == "预算数" or f.column.endswith("预算数")
            other_measure = f.doc_kind == "决算" and planned != budget_asked  # a 决算's 预算数 only when asked
            return (
                0 if query.table and f.table == query.table else 1,
                0 if asked else 1,
                1 if low and not query.table else 0,
                1 if other_measure else 0,
                standing(f, facts, words),  # the whole's table before a part's, 科目 tables before project tables
                order * 1000 + place,
            )

        return sorted(facts, key=key)

    def amount(self, key: str, query: Query, doc: DocumentInfo) -> Fact:
        """This year's figure for a label (the table or column the question names first)."""
        one = query.measure == "amount" and query.subjects[:1] == (key,)  # a share's or sum's words name other items
        pool = self.facts(key, doc)
        unit = unit_named(self.kb, doc, query.question, key) if one else None
        if unit is not None:  # "西安市殡仪馆的事业单位经营收入": that unit's row, under the item's column
            pool = of_unit(unit, self.name(key), doc)
            if not pool:
                raise Unanswerable(f"文件中“{unit.name}”一行没有“{self.name(key)}”的数字")
        facts = [
            f
            for f in pool
            if "增减" not in f.column and "增长率" not in f.column and f.column != "目标值"
            and column_year(f) == f.year  # never a "2025年预算数", "上年" or "上年预算数" column's figure
            and (query.code is None or f.code is None or f.code == query.code or key != query.subjects[0])
            and (f.column_role not in STRICT_COLUMNS or query.column == f.column_role)  # 全年预算 only when asked
        ]  # fmt: skip
        if query.code and key == query.subjects[0] and any(f.code == query.code for f in facts):
            # a 科目 asked by code or path: its coded rows, and the text's figures of it — when every coded row of
            # the name is that code (the text's 行政运行 is then the same item) or its sentence prints the code
            codes = {f.code for f in facts if f.code}
            text = [f for f in facts if f.table is None and (codes == {query.code} or query.code in f.source)]
            facts = [f for f in facts if f.code == query.code] + text
        if not query.column:  # "委托业务费多少": never the 基本支出表's row when the item's whole is printed
            doc_facts = self.kb.facts_by_doc.get(doc.doc_id, [])
            facts = facts + qualified_wholes(facts, query.question, doc_facts, self.name(key))
            facts = of_unasked_part_table(facts, query.question)
        basic = [f for f in facts if "basic" in (f.table_kind or "")]
        printed = {f.column for f in facts} | {f.column_role for f in facts}
        named = headed(facts, query.column) if query.column and query.column not in printed else []
        if query.column == "基本支出" and basic and "基本支出" not in {f.column_role for f in facts}:
            facts = basic  # "基本支出里的退休费": 基本支出 names the table (基本支出表（按经济分类）), not a column
        elif query.column == "财政拨款" and any(f.fund == "财政拨款" for f in facts) and "财政拨款" not in printed:
            facts = [f for f in facts if f.fund == "财政拨款"]  # "财政拨款“三公”经费": the table's fund, no column
        elif named and len({f.column for f in named}) == 1:
            facts = named  # "社会福利事业单位（2081005）财政拨款": the one column printed as 财政拨款收入
        elif (
            query.column
            and query.column not in {f.column for f in facts} | {f.column_role for f in facts}
            and query.column in ("基本支出", "项目支出", "财政拨款", "其他资金")
            and not implied_by(query.column, self.name(key))  # "基本支出里人员经费": the 人员经费 itself
            and not named_in(query.column, self.name(key))  # "委托业务费涉及财拨资金": the column's own figure
            and not any(query.column in f.source.partition(" · 「")[0] for f in facts if f.table is None)
        ):  # (a sentence of the section "财政拨款支出预算情况说明" states a 财政拨款 figure)
            raise Unanswerable(f"“{self.name(key)}”没有“{query.column}”这一栏")
        if not facts:
            raise Unanswerable(f"没有“{self.name(key)}”的金额")
        if query.fund and any(f.fund == query.fund for f in facts):  # "一般公共预算财政拨款支出中…": that fund's
            facts = [f for f in facts if f.fund == query.fund]
        elif one and query.fund and not any(of_fund(f, query.fund) for f in facts):  # the item asked (never a
            # share's whole): never all funds' figure for one fund's
            raise Unanswerable(f"文件没有单列“{query.fund}”安排的“{self.name(key)}”")
        elif one and query.fund:
            facts = [f for f in facts if of_fund(f, query.fund)]
        if unit is not None and (split := fund_split(facts, unit.name)):
            firsts: dict[str, Fact] = {}
            for f in facts:
                firsts.setdefault(f.column, f)  # one figure per fund column
            raise FundSplit(
                split, list(firsts.values())
            )  # a unit's item per fund, none asked: added by the composer, shown
        if doc.kind == "决算" and asks_budget(query.question) and query.column not in STRICT_COLUMNS:
            # a 决算's 预算 figures only, never its 决算数 (an asked 全年预算/完成率 column is checked below)
            facts = (
                [f for f in facts if f.column_role in BUDGET_ROLES or asks_budget(f.column)]
                or [f for f in facts if EMPTY_TABLE in f.source]  # "本表无数据": no figure in any of its columns
                or _one_budget(pool)
            )
            if not facts:
                raise Unanswerable(f"{doc.title}没有给出“{self.name(key)}”的预算数（只有决算数）")
        money = query.measure == "amount" and MONEY_ASKED.search(query.question)
        if money and not any(f.unit in MONEY or is_price(f.unit) for f in facts):
            raise Unanswerable(f"文件只给出“{self.name(key)}”的数量，没有金额")  # "涉及预算金额多少" is not "1 个"
        if money:  # an item printed only with its unit price ("417 元/座") is answered with that price, as printed
            facts = [f for f in facts if f.unit in MONEY] or [f for f in facts if is_price(f.unit)]
        if query.column in STRICT_COLUMNS and not any(query.column in (f.column, f.column_role) for f in facts):
            raise Unanswerable(f"公开文件没有给出“{self.name(key)}”的{query.column}")  # never another column's
        if one:
            asked = without_inclusions(query.question)  # "（含事业收入）" widens the total, names no column
            written = _written_column(facts, asked.replace(self.name(key), " "))
            row = is_unit(self.name(key), doc)
            rest = unplaced_words(asked, self.kb.labels[key], doc) if row else ""
            if row and not COUNT_ASKED.search(query.question):  # a unit's row: its 数量 only when a count is asked
                facts = [f for f in facts if f.unit in MONEY] or facts
            if rest and not written and unit is None:  # words beyond the unit's name: the table they name, its total
                titles = self.kb.tables.get(doc.doc_id, {})
                written = totals_in(facts, rest, titles)
                if not written:  # "西安市殡仪馆的三公经费": no column of its row says 三公, no table's total
                    raise Unanswerable(f"文件中“{self.name(key)}”一行没有“{rest}”这一栏")
            facts = written or facts
        best = self.rank(facts, query)[0]
        said = {(f.value, f.unit) for f in facts if not f.table and f.column == best.column}
        if not best.table and len(said) > 1:  # the text's figures listed under a narrower whole than asked go
            doc_facts = self.kb.facts_by_doc.get(doc.doc_id, [])
            kept = [f for f in facts if not under_unasked_part(f, doc_facts, query.question)]
            if kept and len(kept) < len(facts):
                facts = kept
                best = self.rank(facts, query)[0]
                said = {(f.value, f.unit) for f in facts if not f.table and f.column == best.column}
        if not best.table and len(said) > 1 and len({v for v, _ in said}) == 1:  # one figure said in several places
            same = [f for f in facts if not f.table and f.column == best.column]  # ("0 个", "0 辆"): the one
            best, said = next((f for f in same if f.unit != "个"), best), {(best.value, best.unit)}  # counted by name
        if not best.table and len(said) > 1:  # the text gives it as part of several items (74.00 of 进修及培训 …)
            raise Unanswerable(f"文字说明在多处给出不同的“{self.name(key)}”（分属不同项目），无法确定问的是哪一个")
        refuse_same_name_rows(
            best, facts, self.name(key), query.question
        )  # three projects called 审计业务经费: which one?
        finer = [f for f in facts if f.table and best in coarser_printings(f, [best])]
        return self.rank(finer, query)[0] if finer else best

    def name(self, key: str) -> str:
        label = self.kb.labels.get(key)
        return label.name if label else key

    def with_kind(self, key: str, doc: DocumentInfo, wanted: str) -> tuple[str, list[Fact]]:
        """Facts of a kind (增减/增长率) for a label, or for the label the prose uses for the same figure.

        "支出总计" has no printed change, but the prose's "部门预算支出" (same 4,997 万元) does.
        """
        own = [f for f in self.facts(key, doc) if wanted in f.column]
        if own:
            return key, own
        try:
            base = self.amount(
                key, Query(question="", subjects=(key,), measure="amount", year=None, doc_ids=(doc.doc_id,)), doc
            )
        except Unanswerable:
            return key, []
        if base.value == 0:
            return key, []
        name = {self.name(key)[i : i + 2] for i in range(len(self.name(key)) - 1)}
        candidates = []
        for label in self.kb.in_scope({doc.doc_id}):  # the prose's name for the same figure shares part of the name
            facts = [f for f in label.facts if f.doc_id == doc.doc_id]
            overlap = len(name & {label.key[i : i + 2] for i in range(len(label.key) - 1)})
            same_figure = any(
                f.value == base.value and f.unit == base.unit and f.column in ("金额", "数量") for f in facts
            )
            if overlap and same_figure and any(wanted in f.column for f in facts):
                all_funds = not any(label.key.startswith(w) and not key.startswith(w) for w in subjects().funds)
                candidates.append((all_funds, overlap, label.key, [f for f in facts if wanted in f.column]))
        if not candidates:  # of the names, one not of a fund first ("收入支出总计", never "财政拨款收入支出总计")
            return key, []
        *_, other, facts = max(candidates)
        return other, facts


def of_fund(f: Fact, fund: str) -> bool:
    """A figure is of the fund a question names: its own fund, or the fund printed in its row, column, table,
    parent or sentence ("一般公共预算安排的服务" is never the 服务 of all funds)."""
    return f.fund == fund or any(fund in (p or "") for p in (f.row, f.column, f.table, f.parent, f.source))


def headed(facts: list[Fact], column: str) -> list[Fact]:
    """The table figures under a column whose header or role begins with the column asked ("财政拨款" of 财政拨款收入)."""
    return [f for f in facts if f.table and (f.column.startswith(column) or (f.column_role or "").startswith(column))]


def _written_column(facts: list[Fact], question: str) -> list[Fact]:
    """The row's figures under the column header the question writes out (“西安市殡仪馆的一般公共预算拨款”:
    表2's 一般公共预算拨款 column of that row, never its 数量 in 表12), the longest header written; none: [].
    A header of words that name no item by themselves (支出, 总计, 预算数: glossary item_neutral) is no choice."""
    question = re.sub(r"(?:19|20)\d{2}年度?", " ", question)  # a year written is the document's, not a column
    neutral = longest_first(glossary_data()["item_neutral"])

    def naming(column: str) -> bool:
        for word in neutral:
            column = column.replace(word, "")
        return len(column) >= 2

    def said(column: str) -> str:  # the header as written, or without the side word every column of its table
        # ends with ("财政专户管理资金" of a 收入表's 财政专户管理资金收入)
        bare = next((column.removesuffix(w) for w in SIDE_WORDS if column.endswith(w)), column)
        fund = any(bare.startswith(f) for f in subjects().funds)  # "一般公共预算里": the fund, not 一般公共预算支出
        return column if column in question else bare if bare in question and len(bare) >= 4 and not fund else ""

    written = max(
        (f.column for f in facts if f.table and said(f.column) and naming(said(f.column))), key=len, default=""
    )
    return [f for f in facts if f.table and f.column == written] if written else []


def coarser_printings(fact: Fact, others: list[Fact]) -> list[Fact]:
    """Of `others`, those printing `fact`'s figure to fewer decimals in another table (表1's 535,987,052.4 for
    表2's 535,987,052.43): the same unit, and `fact` rounded to their decimals is their value, to at least
    SAME_FIGURE_DIGITS digits. The more precise printing answers, the other is cited with it."""
    own = fact.value.as_tuple().exponent
    out = []
    for o in others:
        places = o.value.as_tuple().exponent
        if o.unit != fact.unit or o.table == fact.table or not isinstance(places, int) or not isinstance(own, int):
            continue
        digits = len(o.value.as_tuple().digits)
        if places > own and digits >= SAME_FIGURE_DIGITS and o.value != fact.value:
            if fact.value.quantize(Decimal(1).scaleb(places), ROUND_HALF_UP) == o.value:
                out.append(o)
    return out


def _one_budget(pool: list[Fact]) -> list[Fact]:
    """A 决算's row whose only budget figure is its 全年预算数 (or 调整预算数) — "住房公积金预算是多少？" where the
    text prints "全年预算为 18.12 万元" and no 年初预算: that one figure, its column named in the answer; none when
    the row prints several budget values."""
    budget = [f for f in pool if f.column_role in BUDGET_ROLES and f.column_role in STRICT_COLUMNS]
    return budget if len({(f.value, f.unit) for f in budget}) == 1 else []
