"""Everything the answer engine reads, in memory: documents, facts grouped under labels, targets.

A *label* is what a fact is about, normalised ("学会能力提升和学术交流促进项目",
"支出总计", "院士（专家）工作站新增数量"). Linking a phrase to labels is weighted
Dice over character bigrams, IDF-weighted across labels, so the distinctive part
of a name (学会) counts more than the common part (能力提升项目).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from assistant.tokens import to_template
from index.normal import label_key, squeeze
from index.records import DocumentInfo, Fact


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """A label or phrase reduced for matching: no spaces, quotes or numbering; ASCII brackets."""
    return label_key(text)


def grams(text: str) -> list[str]:
    """Character bigrams of the CJK/word runs of a normalised phrase (a single character stands alone)."""
    out: list[str] = []
    for run in re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]+|\d+", text):
        out.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
    return out


PROSE_CONTEXT = 300  # characters of text before a prose figure that may name what it is about


@dataclass(frozen=True, kw_only=True)
class Target:
    """A performance target (表11 三级指标), numeric or text."""

    doc_id: str
    level1: str
    level2: str
    level3: str
    target: str
    value: Decimal | None
    unit: str


@dataclass
class Label:
    """Facts about one thing, across tables, prose and documents."""

    key: str
    name: str
    variants: tuple[str, ...]
    facts: list[Fact] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Link:
    label: Label
    score: float  # phrase coverage × (½ + ½ label coverage), IDF-weighted; see Knowledge.link
    exact: bool  # a variant appears verbatim in the phrase


TOTAL_ROWS = frozenset({"合计", "总计"})
NAMED_TOTAL = 6  # a header at least this long names its total; 收入预算 / 支出预算 are too generic to
# Column roles that name an item of their own (a 合计 row's figure under them is that item's total).
ITEM_ROLES = frozenset({"基本支出", "项目支出", "人员经费", "公用经费", "财政拨款收入", "事业收入", "经营收入",
                        "其他收入", "上级补助收入", "附属单位上缴收入", "上缴上级支出", "经营支出", "对附属单位补助支出"})  # fmt: skip


class Knowledge:
    """Facts, labels and targets of some documents of the store (see `assistant.library`)."""

    def __init__(
        self,
        docs: Mapping[str, DocumentInfo] | Sequence[DocumentInfo],
        facts: list[Fact],
        targets: list[Target],
        texts: Mapping[str, str | Callable[[], str]],
    ):
        """Over `facts`, `targets` and `texts` (a document's text, or how to read it when a phrase is first
        linked); `docs` names every document of the store, whether its facts are here or not."""
        self.docs = dict(docs) if isinstance(docs, Mapping) else {d.doc_id: d for d in docs}
        self.facts = facts
        self.targets = targets
        self._texts = texts
        self._text_grams: dict[str, set[str]] = {}
        self._squeezed: dict[str, str] = {}
        self._departments: dict[str, tuple[str, ...]] | None = None
        self.labels: dict[str, Label] = {}
        for f in facts:
            self._label(self.subject_of(f)).facts.append(f)
        for t in targets:
            self._label(t.level3).targets.append(t)
        self.by_doc: dict[str, dict[str, list[Fact]]] = {}  # label → document → its facts, in store order
        for key, label in self.labels.items():
            grouped: dict[str, list[Fact]] = {}
            for f in label.facts:
                grouped.setdefault(f.doc_id, []).append(f)
            self.by_doc[key] = grouped
        self.facts_by_doc: dict[str, list[Fact]] = defaultdict(list)
        self.labels_by_doc: dict[str, list[Label]] = defaultdict(list)
        for f in facts:
            self.facts_by_doc[f.doc_id].append(f)
        for label in self.labels.values():
            for doc_id in dict.fromkeys([f.doc_id for f in label.facts] + [t.doc_id for t in label.targets]):
                self.labels_by_doc[doc_id].append(label)
        self.tables: dict[str, dict[str, str]] = defaultdict(dict)  # doc → 表N → title
        for f in facts:
            if f.table and f.table not in self.tables[f.doc_id]:
                self.tables[f.doc_id][f.table] = f.source.split(" · ")[0].removeprefix(f.table).strip()
        counts = Counter(g for label in self.labels.values() for g in {g for v in label.variants for g in grams(v)})
        n = len(self.labels) or 1
        self.idf = {g: math.log((n + 1) / c) for g, c in counts.items()}  # read-only once built (shared by threads)
        self.unseen_idf = math.log(n + 1)

    def departments(self) -> dict[str, tuple[str, ...]]:
        """Each department of the store with its names (full and short), in document order."""
        if self._departments is None:
            self._departments = {d.department: d.aliases for d in self.docs.values()}
        return self._departments

    def text_grams(self, doc_id: str) -> set[str]:
        """The bigrams of a document's text (read and counted the first time they are needed)."""
        found = self._text_grams.get(doc_id)
        if found is None:
            text = self._texts.get(doc_id, "")
            found = self._text_grams[doc_id] = set(grams(norm(text() if callable(text) else text)))
        return found

    def _squeezed_text(self, doc_id: str) -> str:
        """A document's text without spaces (read and squeezed the first time it is needed)."""
        text = self._squeezed.get(doc_id)
        if text is None:
            raw = self._texts.get(doc_id, "")
            text = self._squeezed[doc_id] = squeeze(raw() if callable(raw) else raw)
        return text

    def sentence_of(self, f: Fact, after: int = 0) -> str:
        """The text a prose figure is printed after (PROSE_CONTEXT characters up to the figure; a fact keeps
        only a window of it: "…号），已安排专项转移支付资金 5612.00 万元" of a sentence naming the fund), and
        `after` characters of what follows it ("本部门共115个" + "项目纳入绩效目标管理")."""
        window = re.search(r"「(.+?)」", f.source)
        if f.table or not window:
            return ""
        text = self._squeezed_text(f.doc_id)
        snippet = squeeze(window.group(1))
        at = text.find(snippet)
        if at < 0:
            return ""
        return text[max(0, at - PROSE_CONTEXT) : at + len(snippet) + after]  # the account a figure is part of

    def printed_near(self, f: Fact, word: str, span: int = 800) -> bool:
        """Whether `word` is printed in the `span` characters before where `f` is printed (its sentence, or its
        row's label in a grid's text): the heading of the grid or section it is read under ("北京市城市道路挖掘修复费
        标准" above the 收费标准 rows), never a name printed pages later."""
        text = self._squeezed_text(f.doc_id)
        window = re.search(r"「(.+?)」", f.source)
        anchor = squeeze(window.group(1)) if window and not f.table else squeeze(f.row)
        target = squeeze(word)
        at = text.find(anchor) if anchor else -1
        while at >= 0:
            if target in text[max(0, at - span) : at + len(anchor)]:
                return True
            at = text.find(anchor, at + 1)
        return False

    def subject_of(self, f: Fact) -> str:
        """What a fact is about: its row, or its column when the row is the department itself (表3) or the
        table's 合计 row of a column that names an item (支出决算表 合计 · 基本支出, 经济分类表 合计 · 人员经费)."""
        doc = self.docs.get(f.doc_id)
        if doc and f.table and norm(f.row) in (norm(doc.department), norm(doc.department).replace("(", "（")):
            return f.column
        if f.table and f.row in TOTAL_ROWS and f.column_role in ITEM_ROLES:
            return f.column
        if f.table and f.row in TOTAL_ROWS and f.column_role == "合计" and len(f.column) >= NAMED_TOTAL:
            return f.column  # 合计 under "一般公共预算基本支出": that total (not under a bare 收入预算 / 支出预算)
        return f.row

    def _label(self, name: str) -> Label:
        key = norm(name)
        if key not in self.labels:
            plain = re.sub(r"\([^()]*\)", "", key)  # 信息化系统运行维护(市科学技术协会本级) → 信息化系统运行维护
            unbracketed = re.sub(r"[()]", "", key)  # 院士(专家)工作站新增数量 → 院士专家工作站新增数量
            unpunctuated = re.sub(r"[、，,·]", "", key)  # 上年结余、结转 → 上年结余结转
            worded = norm(to_template(key))  # in the words questions are rewritten to: 人员经费 → 人员支出
            variants = tuple(dict.fromkeys(v for v in (key, plain, unbracketed, unpunctuated, worded) if v))
            self.labels[key] = Label(key=key, name=name, variants=variants)
        return self.labels[key]

    def label(self, name: str) -> Label | None:
        return self.labels.get(norm(name))

    def link(
        self, phrase: str, doc_ids: set[str], exact_in: str = "", unit: str | None = None, table: str | None = None
    ) -> list[Link]:
        """Labels of the documents in scope, best first.

        Score = how much of the phrase the label covers × (½ + ½ × how much of the label the
        phrase covers), IDF-weighted over bigrams, so a long official name is found from its
        short form (学会能力提升项目) and a short label inside a longer, more specific phrase
        (青少年科技活动 in 青少年科技活动参赛人数) loses to the longer one. Bigrams that appear
        nowhere in the documents (chatty words: 手上, 一下子) weigh 0.3. A label written out in
        `exact_in` is marked exact (ties go to it); `unit` (家/次/人) and `table` (表11) favour
        labels counted in that unit or printed in that table.
        """
        text = norm(phrase)
        whole = norm(exact_in) if exact_in else text
        seen = set().union(*(self.text_grams(d) for d in doc_ids)) if doc_ids else set()
        q = Counter(grams(text))
        weight = {g: self.idf.get(g, self.unseen_idf) * (1.0 if g in seen else 0.3) for g in q}
        q_weight = sum(weight[g] * c for g, c in q.items())
        if not q_weight:
            return []
        out = []
        for label in self.in_scope(doc_ids):
            best, exact = 0.0, False
            for v in label.variants:
                vg = Counter(grams(v))
                shared = sum(weight[g] * min(c, q[g]) for g, c in vg.items() if g in q)
                if not shared:
                    continue
                v_weight = sum(self.idf.get(g, self.unseen_idf) * c for g, c in vg.items()) or 1.0
                score = shared / q_weight * (0.5 + 0.5 * min(1.0, shared / v_weight))
                is_exact = len(v) >= 2 and v in whole
                if (score, is_exact) > (best, exact):
                    best, exact = score, is_exact
            if not best:
                continue
            if unit and (
                any(f.unit == unit for f in label.facts)
                or any(t.unit == unit or unit in t.target for t in label.targets)
            ):
                best += 0.2
            if table and any(f.table == table for f in label.facts if f.doc_id in doc_ids):
                best += 0.02
            out.append(Link(label=label, score=best, exact=exact))
        return sorted(out, key=lambda link: (-link.score, not link.exact, len(link.label.key)))

    def facts_of(self, key: str, doc_ids: set[str]) -> list[Fact]:
        """A label's facts in these documents, in store order, without scanning its other documents' facts."""
        grouped = self.by_doc.get(key, {})
        if len(doc_ids) * 4 < len(grouped):  # a few documents of many (one department's line in a ranking)
            hit = [d for d in doc_ids if d in grouped]
            if len(hit) > 1:
                order = {d: i for i, d in enumerate(grouped)}
                hit.sort(key=order.__getitem__)
            return [f for d in hit for f in grouped[d]]
        return [f for d, facts in grouped.items() if d in doc_ids for f in facts]

    def in_scope(self, doc_ids: set[str]) -> list[Label]:
        """The labels with facts or targets in these documents (each once)."""
        if len(doc_ids) == 1:
            return self.labels_by_doc.get(next(iter(doc_ids)), [])
        return list({id(label): label for d in doc_ids for label in self.labels_by_doc.get(d, [])}.values())

    def children(self, code: str, doc_id: str) -> list[Fact]:
        """Facts of the 科目 directly under a code (类 → 款 → 项), from the coded table."""
        width = {3: 5, 5: 7}.get(len(code))
        if width is None:
            return []
        return [
            f for f in self.facts_by_doc.get(doc_id, []) if f.code and len(f.code) == width and f.code.startswith(code)
        ]

    def parts(self, subject: str, doc_id: str) -> list[Fact]:
        """Prose figures listed as parts of a subject ("主要包括：用于…200 万元")."""
        key = norm(subject)
        return [
            f
            for f in self.facts_by_doc.get(doc_id, [])
            if f.parent and norm(f.parent) == key and f.column in ("金额", "数量")
        ]
