"""A complete reading: every part of a question that says which figure, or what to do with it, is consumed by
the answer's reading, or the question is refused with a message naming the part.

The answer engine links a subject by bigrams and reads a measure from cue words; what neither consumed —
"扣除行政单位离退休后", "增长了多少", "多少倍", "哪个最多", "计划买", "（殡葬）", "为什么增加了20%" — was
dropped silently, and the figure shown (the excluded part, the total, an amount, one 专项, the vehicles owned,
a neighbour row, a quote) answered another question. The cue words are data (assistant/cues.toml); this
module holds the grammar of each kind (see that file's comment) and the evidence an answer read.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from assistant.cues import longest_first
from assistant.draft import Draft
from assistant.dropped import dropped_words, item_shaped, own_sentence
from assistant.knowledge import Knowledge, Label, grams, norm
from assistant.records import Query
from assistant.stated import lists_names
from assistant.subject_path import without_fund
from assistant.tokens import glossary_data
from assistant.within import coded_wholes, implied_wholes, wholes_of
from index.normal import to_decimal
from index.records import Fact
from index.units import MONEY

CueKind = Literal[
    "condition",
    "measure",
    "evidence",
    "qualifier",
    "premise",
    "direction",
    "several",
    "years",
    "share",
    "explanation",
    "names",
]
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_CLAUSE_BREAK = re.compile(r"[，,。；;：:]")


@dataclass(frozen=True, kw_only=True)
class Cue:
    """One entry of cues.toml: a part of a question and what consumes it."""

    name: str
    kind: CueKind
    pattern: re.Pattern[str]
    example: str  # a question the pattern matches
    span: str  # the part of `example` a refusal names
    measures: tuple[str, ...] = ()  # measure: the query measures that consume it
    units: tuple[str, ...] = ()  # measure: answer units that consume it
    columns: tuple[str, ...] = ()  # measure: words of a figure's column or row that consume it
    quotients: tuple[tuple[str, ...], ...] = ()  # measure: column roles of a % calculated that consume it
    words: tuple[str, ...] = ()  # evidence: words of what the answer read that consume it
    not_words: tuple[str, ...] = ()  # qualifier: the start of an aside, no item
    reads_as: str | None = None  # measure: what a question read as a plain amount asks instead ("change")
    up: tuple[str, ...] = ()  # direction: words of a rise
    down: tuple[str, ...] = ()  # direction: words of a fall
    quoted: bool = False  # explanation: only a quoted sentence holding one of `words` consumes it

    def spans(self, question: str, names: Sequence[str] = ()) -> list[str]:
        """The parts of `question` this cue matches: a qualifier's item, the whole match of the others.

        A bracket is no qualifier when it starts an aside ("（主要是退休费）"), holds only a department's `names`
        and neutral words ("（无锡市人社局部门预算）"), or restates the words before it ("运行经费（机关运行经费）")."""
        out = []
        for m in self.pattern.finditer(question):
            if self.kind != "qualifier":
                out.append(m.group(0).strip())
                continue
            span = m.group("span")
            rest = span
            for name in longest_first(names):
                rest = rest.replace(name, "")
            for word in self.not_words:
                rest = rest.replace(word, "")
            before = set(grams(norm(question[max(0, m.start() - 8) : m.start()])))
            if span.startswith(self.not_words) or len(rest) < 2 or before & set(grams(norm(span))):
                continue
            out.append(span)
        return out


@cache
def _data() -> dict[str, Any]:
    """The package's cues.toml, read once."""
    return dict(tomllib.loads(files("assistant").joinpath("cues.toml").read_text(encoding="utf-8")))


@cache
def cues() -> tuple[Cue, ...]:
    """The cues of cues.toml."""
    data = _data()
    return tuple(
        Cue(
            name=c["name"],
            kind=c["kind"],
            pattern=re.compile(c["pattern"]),
            example=c["example"],
            span=c["span"],
            measures=tuple(c.get("measures", ())),
            units=tuple(c.get("units", ())),
            columns=tuple(c.get("columns", ())),
            quotients=tuple(tuple(q) for q in c.get("quotients", ())),
            words=tuple(c.get("words", ())),
            not_words=tuple(c.get("not_words", ())),
            reads_as=c.get("reads_as"),
            up=tuple(c.get("up", ())),
            down=tuple(c.get("down", ())),
            quoted=bool(c.get("quoted", False)),
        )
        for c in data["cue"]
    )


@cache
def explanation_asked() -> re.Pattern[str]:
    """The words asking a reason, basis or purpose (the `explanation` cues): the reader asks the document's words
    for them, and the answer check refuses a bare figure."""
    return re.compile("|".join(c.pattern.pattern for c in cues() if c.kind == "explanation"))


def explains(part: str, quoted: str) -> bool:
    """A quoted sentence answers the explanation a part asks: it holds a word of a printed explanation of the
    kind asked (主要原因是…, 按照…提取, 主要用于…)."""
    return any(c.pattern.search(part) and any(w in quoted for w in c.words) for c in cues() if c.kind == "explanation")


@cache
def reason_asked() -> re.Pattern[str]:
    """The words asking a reason (the `原因` cue): answered by the reason printed for the item's change."""
    return next(c.pattern for c in cues() if c.name == "原因")


def reread(question: str, query: Query) -> Query:
    """A query read as a plain amount whose question asks a measure (a cue with `reads_as`: "增长了多少" is a
    change), read with that measure; any other query as it is."""
    if query.measure != "amount" or query.column or query.refusal:
        return query
    for cue in cues():
        if cue.kind == "measure" and cue.reads_as and cue.spans(question):
            return replace(query, measure=cue.reads_as)  # type: ignore[arg-type]
    return query


@cache
def code_schemes() -> dict[str, str]:
    """A 科目编码's scheme by its number of digits, when a table does not say it (cues.toml `[code_scheme]`)."""
    return dict(_data()["code_scheme"])


def fact_evidence(f: Fact) -> str:
    """What a figure is printed under, as the answer read it: its row, parent, column and fund, the table's
    title, the document's kind (not for a budget column of a 决算), its code's scheme (功能分类), and for a prose
    figure the clause it ends (never the section heading: "资产购置情况说明" heads the sentence about the vehicles
    owned)."""
    scheme = f.code_scheme or (code_schemes().get(str(len(f.code)), "") if f.code and f.code.isdigit() else "")
    budgeted = "预算" in (f.column_role or "") or "预算" in f.column  # a 决算's 全年预算数: never its 决算
    parts = [f.row, f.parent or "", f.column, f.column_role or "", f.fund or "", "" if budgeted else f.doc_kind, scheme]
    trail, _, snippet = f.source.partition(" · 「")
    if f.table:
        parts.append(trail)
    else:
        parts.append(_CLAUSE_BREAK.split(snippet.removesuffix("」"))[-1])
    return " ".join(p for p in parts if p)


def _same_name(question: str, draft: Draft, kb: Knowledge) -> str | None:
    """A 科目 name printed on several rows of one table, none above another ("一般行政管理事务" of 群众团体事务 and
    of 宣传事务; 20503 职业教育 (款) and 2059803 职业教育 (项) of 超长期特别国债安排的支出), answered with one of them when
    the question names neither its code nor its parent: every such row is listed and which one is asked back."""
    plain = norm(question)
    levels = {3: "类", 5: "款", 7: "项"}
    for f in draft.facts:
        if not (f.table and f.code and f.code.isdigit() and len(f.code) in levels) or f.code in question:
            continue
        rows = [g for g in kb.facts_by_doc.get(f.doc_id, []) if g.table == f.table and g.code and g.code.isdigit()]
        codes = {c for g in rows if (c := g.code) and norm(g.row) == norm(f.row) and len(c) in levels}
        apart = sorted(c for c in codes if not (c.startswith(f.code) or f.code.startswith(c)))  # not its own line
        if not apart:
            continue
        names = {g.code: g.row for g in rows}
        head = names.get(f.code[:-2], "") if len(f.code) > 3 else ""
        if head and norm(head) in plain.replace(norm(f.row), " "):  # "宣传事务的一般行政管理事务": the parent says
            continue  # which (outside the name: "职业教育支出" does not say 教育支出)
        listed = "、".join(
            f"{c} {f.row}（{levels[len(c)]}" + (f"，{names[c[:-2]]}下" if names.get(c[:-2]) else "") + "）"
            for c in sorted({f.code, *apart})
        )
        return f"文件中有多行“{f.row}”：{listed}，请说明问的是哪一行"
    return None


def _read_text(kb: Knowledge, f: Fact) -> str:
    """All a figure is printed under: its evidence, the sentence a prose figure ends (without the other figures'
    names: `own_sentence`), and the names of the 科目 above a coded row (行政运行 2120101 is 城乡社区管理事务's)."""
    above = []
    if f.code and f.code.isdigit() and len(f.code) in (5, 7):
        heads = {f.code[:3], f.code[:5]} - {f.code}
        above = [g.row for g in kb.facts_by_doc.get(f.doc_id, []) if g.code in heads]
    return " ".join([fact_evidence(f), own_sentence(kb, f), *dict.fromkeys(above)])


def _numbers(text: str) -> set[Decimal]:
    out = set()
    for n in _NUMBER.findall(text):
        try:
            out.add(to_decimal(n))
        except InvalidOperation:
            continue
    return out


def unread(
    question: str,
    query: Query,
    draft: Draft,
    label_text: Sequence[str] = (),
    names: Sequence[str] = (),
    around: Sequence[str] = (),
) -> str | None:
    """Why the answer `draft` does not answer all of `question` (a refusal's reason naming the part), or None.

    `label_text` is what the subjects linked are named and printed with (their variants), which an answer of
    those subjects has read too; `names` the departments' names; `around` what else the figures are printed
    under (a prose figure's sentence, the 科目 above a coded row), which only a qualifier may be read from."""
    evidence = norm(" ".join([*(fact_evidence(f) for f in draft.facts), *label_text]))
    evidence += norm(" ".join(w for f in draft.facts for w in coded_wholes(f)))  # 公用经费 of 30227 委托业务费
    wide = evidence + norm(" ".join(around))
    for cue in cues():
        for span in cue.spans(question, names):
            if cue.kind == "explanation" and _asked_beside(question, span):
                continue  # "原因是什么，增长了多少": each part answered on its own line (assistant/compound.py)
            if not _consumed(cue, span, query, draft, wide if cue.kind == "qualifier" else evidence):
                return _contrary(cue, span, draft) or _message(cue, span)
    return None


def _asked_beside(question: str, span: str) -> bool:
    """Another clause of the question asks a figure beside the clause asking an explanation: a question of
    several parts, whose why part is answered, or named as not found, on its own line."""
    clauses = [c for c in re.split(r"[，,。；;？?！!]", question) if c.strip()]
    return len(clauses) > 1 and any(re.search(r"多少|几", c) for c in clauses if span not in c)


def unread_across(question: str, facts: Sequence[Fact], names: Sequence[str] = ()) -> str | None:
    """Why an answer across documents, which reads table cells only, does not answer all of `question`: a
    cue of which figure (实际 vs 预算, 购置 vs 共有) or a condition (扣除…后) that none of its cells is printed
    under — "比上年执行数增长多少" is never answered with two years' 预算数."""
    evidence = norm(" ".join(fact_evidence(f) for f in facts))
    for cue in cues():
        if cue.kind not in ("evidence", "condition"):
            continue
        for span in cue.spans(question, names):
            if cue.kind == "evidence" and not any(w in evidence for w in cue.words):
                return _message(cue, span)
            if cue.kind == "condition" and norm(span) not in evidence and norm(span[:-1]) not in evidence:
                return _message(cue, span)
    return None


def _consumed(cue: Cue, span: str, query: Query, draft: Draft, read: str) -> bool:
    explaining = query.measure in ("explain", "breakdown") and not draft.facts
    if cue.kind == "condition":
        printed = norm(span), norm(span[:-1])  # "不含上年结转" of a table's title; "扣除…后" is never printed
        return any(p in read for p in printed) or (explaining and not draft.value)
    if cue.kind == "measure":
        return (
            query.measure in cue.measures
            or any(u in (draft.unit or "") for u in cue.units)  # "台（套）" is a count of 台
            or any(c in f"{f.column} {f.column_role or ''} {f.row}" for f in draft.facts for c in cue.columns)
            or (  # "完成全年预算的比例" calculated: 决算数 ÷ 全年预算数 (assistant/completion.py)
                draft.unit == "%"
                and bool(draft.calculations)
                and any(set(q) <= {f.column_role for f in draft.facts} for q in cue.quotients)
            )
        )
    if cue.kind == "evidence":
        return explaining or any(w in read for w in cue.words)
    if cue.kind == "qualifier":
        return explaining or all(g in read for g in grams(norm(span)))
    if cue.kind == "several":  # figures, items, or the names a count's sentence lists ("分别是：院长室、办公室…")
        named = lists_names(draft.text)
        return (
            (len({(f.value, f.unit) for f in draft.facts}) >= 2 and not draft.calculations)
            or bool(draft.items)
            or named
        )
    if cue.kind == "names":  # the items, a sentence listing them, or the document's words — never a bare count
        return bool(draft.items) or lists_names(draft.text) or draft.value is None
    if cue.kind == "years":
        years = {f.year for f in draft.facts}
        return len(years) >= 2 or query.measure in ("change", "growth", "difference", "prior", "explain")
    if cue.kind == "share":
        return not (query.measure == "share" and draft.unit == "%" and (draft.value or 0) > 100)
    if cue.kind == "explanation":  # a reason or purpose asked: the document's words, never a bare figure
        quoted = " ".join([*re.findall(r"「([^」]*)」", draft.text), *(c.text for c in draft.citations)])
        said = any(w in quoted for w in cue.words)
        return said or (not cue.quoted and (query.measure in ("explain", "breakdown") or not draft.facts))
    # premise, direction: only a quote can accept it unchecked; a figure answered is checked against the question's
    if query.measure != "explain":
        return True
    shown_text = " ".join([draft.text, *(c.text for c in draft.citations)])
    if cue.kind == "direction":
        m = cue.pattern.search(span)
        asked = m.group("span") if m else ""
        same = cue.up if asked in cue.up else cue.down
        return bool(re.search(r"上年|去年|上一年|\d{4}\s*年", shown_text)) and any(w in shown_text for w in same)
    m = cue.pattern.search(span)
    return m is not None and _said_in(m.group("number"), _numbers(shown_text))


def _said_in(said: str, shown: set[Decimal]) -> bool:
    """A figure the question states is among those shown, at the precision it is said: "下降了71%" of a printed
    71.43%, never of 70.6% or 72%."""
    try:
        value = to_decimal(said)
    except InvalidOperation:
        return False
    places = len(said.partition(".")[2])
    step = Decimal(1).scaleb(-places)
    return any(
        abs(v) == value or ((abs(v) - value).copy_abs() < step / 2 and abs(v).quantize(step) == value) for v in shown
    )


def _contrary(cue: Cue, span: str, draft: Draft) -> str:
    """A stated direction the quoted sentence contradicts: the correction, with the sentence ("" otherwise)."""
    m = cue.pattern.search(span) if cue.kind == "direction" else None
    if m is None or not draft.citations:
        return ""
    other = cue.down if m.group("span") in cue.up else cue.up
    quote = draft.citations[0].text
    word = next((w for w in other if len(w) > 1 and w in quote), None)
    return f"公开文件所列是“{word}”，并非问题所说的“{span}”：「{quote}」" if word else ""


def _message(cue: Cue, span: str) -> str:
    if cue.kind in ("premise", "direction"):
        return f"公开文件中没有找到问题所说的“{span}”，无法按这一前提作答"
    if cue.kind == "several":
        return f"问题要求“{span}”列出每一项，但只找到了一个数字，没有给出其中一项充当全部"
    if cue.kind == "names":
        return f"问题问的是“{span}”，要的是名称，找到的只是一个数字，没有用数字充当名单"
    if cue.kind == "years":
        return f"问题问的是“{span}”几年的数字，但答案只读到了一年的，没有给出一年的数字充当几年"
    if cue.kind == "share":
        return "算出的占比超过100%，所用的两个数不是部分与整体，没有给出这一比例"
    if cue.kind == "explanation":
        return f"问题问的是“{span}”，公开文件中没有找到对此的说明，没有只给出数字充当回答"
    if cue.kind == "measure":
        return f"我没能按问题中的“{span}”算出答案，没有给出不符合这一要求的数字"
    if cue.kind == "condition":  # the exclusion found no part printed as a part of the whole (assistant/exclusion.py)
        return (
            f"问题要求“{span}”，但文件没有把要扣除的部分印成所问数字的一部分（同一表格的同一栏，或文字说明中"
            f"列在它下面），无法确定用哪两个数相减，没有给出未扣除的数字"
        )
    return f"我没能理解问题中“{span}”这一条件，没有给出不含这一条件的数字"


def incomplete(
    question: str, content: str, query: Query, draft: Draft, kb: Knowledge, neutral: Sequence[str]
) -> str | None:
    """Why the answer `draft` does not answer all of `question`, or None: a cue nothing consumed (`unread`), a
    科目 name printed under several parents (`_same_name`), an item word of the question's `content` that no
    figure shown is printed under (a row picked by the composer, or a table cell's own row and column paths),
    or a quoted change of another section's item (`topic_words`)."""
    scope = {f.doc_id for f in draft.facts} or set(query.doc_ids)
    shown = {id(f) for f in draft.facts}
    labels = [kb.labels[k] for k in query.subjects if k in kb.labels]
    read = [label for label in labels if any(id(f) in shown for f in label.facts)]
    names = [a for d in query.doc_ids if d in kb.docs for a in kb.docs[d].aliases]
    around = [_read_text(kb, f) for f in draft.facts]
    if reason := unread(question, query, draft, [v for label in read for v in label.variants], names, around):
        return reason
    if query.measure in ("explain", "breakdown"):
        return None
    if reason := _same_name(question, draft, kb):
        return reason
    if reason := _unnamed_item(content, draft, kb, read, neutral):
        return reason
    printed = {g for label in kb.in_scope(scope) for v in label.variants for g in grams(v)}
    linked = {id(f) for label in labels for f in label.facts}  # the subjects' own were linked whole already
    # another item's, picked by the composer; or a table's cell, whose row and column paths say all it is
    picked = [f for f in draft.facts if id(f) not in linked or f.table]
    money = all(f.unit in MONEY for f in draft.facts) and not any(label.targets for label in read)
    if query.fund and draft.facts and all(f.fund == query.fund for f in draft.facts):
        content = without_fund(content)  # "…一般公共预算拨款多少": the fund asked is the figure's own column
    # a quoted figure was matched to the question already — unless it is the whole of the column asked ("…（项）
    # 中项目支出" answered by the department's 项目支出 of the text): then the item asked must be covered too
    column_whole = (
        query.measure not in ("change", "growth")  # a quoted change was matched by its own reader
        and bool(query.column)
        and all(f.table is None and f.row == query.column for f in draft.facts)
    )
    if picked and money and (not draft.citations or column_whole):
        covered = set(grams(norm(" ".join([*around, *(c.text for c in draft.citations)]))))
        covered |= {g for d in scope if d in kb.docs for g in grams(norm(kb.docs[d].title))}
        for label in read:  # its names; not what its other figures are printed under (其他社会工作事务支出's
            covered |= {g for v in label.variants for g in grams(v)}  # sentence naming 行政运行)
        covered |= {g for f in draft.facts for w in wholes_of(f.row) for g in grams(norm(w))}  # 三公 of 因公出国
        covered |= {g for f in draft.facts for w in implied_wholes(f.column) for g in grams(norm(w))}  # 基本支出
        covered |= {g for f in draft.facts for w in coded_wholes(f) for g in grams(norm(w))}  # 公用经费 of 30211
        if words := dropped_words(content, covered, printed, neutral, inside=True):
            return f"答案所用的数字没有对应问题中的“{words[0]}”，没有给出其他项目的数字"
    prose = all(f.table is None for f in draft.facts)
    rest = content
    for word in longest_first(neutral):
        rest = rest.replace(word, " ")
    whole = not any(g in printed for g in grams(norm(rest)))  # "今年预算比去年少了多少": no item named
    if query.measure in ("change", "growth") and prose and draft.citations and whole:
        if words := topic_words(draft.citations[0].where, question, printed, neutral):
            return f"文字说明中的这一变化说的是“{words[0]}”，不是问题所问的项目"
    return None


def _unnamed_item(
    content: str, draft: Draft, kb: Knowledge, read: Sequence[Label], neutral: Sequence[str]
) -> str | None:
    """An item named in the question by the form of its name (`item_shaped`: "…修复费") that nothing the answer
    read is printed under — not its rows, sentences, citations, linked names, the documents' titles, nor the text
    printed around its figures (the heading of a grid: "北京市城市道路挖掘修复费标准")."""
    if not draft.facts:
        return None
    text = [
        *(_read_text(kb, f) for f in draft.facts),
        *(c.text for c in draft.citations),
        *(c.where for c in draft.citations),
    ]
    text += [kb.docs[f.doc_id].title for f in draft.facts if f.doc_id in kb.docs]
    text += [v for label in read for v in label.variants]
    text += [w for f in draft.facts for w in (*wholes_of(f.row), *implied_wholes(f.column), *coded_wholes(f))]
    covered = set(grams(norm(" ".join(text))))
    for word in item_shaped(content, covered, neutral, glossary_data()["item_heads"]):
        if not any(kb.printed_near(f, word) for f in draft.facts):  # a name printed by the figure heads its grid
            return f"答案所用的数字没有对应问题中的“{word}”，没有给出其他项目的数字"
    return None


def topic_words(heading: str, question: str, printed: set[str], neutral: Sequence[str]) -> list[str]:
    """The item words of the section a quoted change is printed in that the question does not name: "今年预算
    比去年少了多少" answered with "预算数比2025年年初预算增加0.00万元" of the “三公”经费 section. A section's
    frame words (部分, 情况, 说明 …, cues.toml `[heading] frame`) name no item."""
    last = re.split(r"[·>]", heading)[-1]
    last = re.sub(r"^\s*(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十\d]+[、.．])", " ", last)
    last = re.sub(r"[（(]第\d+页.*$|\d{4}\s*年度?", " ", last)
    frame = longest_first([*neutral, *heading_frame()])
    return dropped_words(norm(last), set(grams(norm(question))), printed, frame)


@cache
def part_suffixes() -> tuple[str, ...]:
    """Words a part's printed name may add after the name a question excludes (cues.toml `[exclusion]`)."""
    return tuple(_data()["exclusion"]["part_suffixes"])


@cache
def heading_frame() -> tuple[str, ...]:
    """Words of a section heading that name no item (cues.toml `[heading] frame`)."""
    return tuple(_data()["heading"]["frame"])
