"""A part asked inside a whole ("项目支出里人员经费", "政府采购预算中工程", "其中新增的…资金") is answered only by a
figure printed as that part of that whole: the figure read, when its own row, parent, column and clause say both;
else a part the document prints under a figure of the whole; else a refusal. The whole is never shown for its part
("项目支出 16,153.10" for its 人员经费), nor a figure of another whole that shares the part's word ("在建工程" for the
政府采购's 工程).

Two more qualifiers are checked here: a 科目编码 written in brackets ("社会福利事业单位（2081005）财政拨款") is never
answered with another item's figure, and a carry-over asked one way ("上年结转下来的钱") never with the row of the other
way (结转下年).

The question's words are read after its department, years and filler are taken out (`Understanding.content`); the
words that hold 中 or 里 without asking a part (中小企业, 中央), the short names a part may be asked by (小微企业 of
小型和微型企业) and the carry-over pairs are data (assistant/parts.toml)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import cast

from assistant import calculator as calc
from assistant import named_subject
from assistant.complete import fact_evidence
from assistant.draft import Draft, Unanswerable, fmt, sources
from assistant.dropped import dropped_words
from assistant.knowledge import Knowledge, grams, norm
from assistant.parts import _data, _said, implied_by, printed_parts
from assistant.records import Query
from assistant.subject_path import without_fund
from assistant.tokens import glossary_data, to_template
from assistant.within import coded_under, wholes_of
from index.records import Fact

_ORDINAL = re.compile(r"^[一二三四五六七八九十]+是")
_MARKERS = ("其中", "当中", "之中", "里面", "中的", "里的", "中", "里")


@dataclass(frozen=True)
class Asked:
    """A question's part asked inside a whole: the words before the marker and those after it."""

    whole: str
    part: str


def _short_names(text: str) -> str:
    """`text` with the short names of parts written as the documents print them (parts.toml `[part_names]`)."""
    names = cast(dict[str, str], _data().get("part_names", {}))  # a table of the toml, not a list
    for short in sorted(names, key=len, reverse=True):
        text = text.replace(short, names[short])
    return text


def asked_within(content: str, own: set[str]) -> Asked | None:
    """The last part `content` asks inside a whole (its marker: 其中, 中, 里 …), or None. A 中 or 里 inside a word
    is no marker: a word of parts.toml `not_within`, or a pair of characters the figure read is itself named with
    (`own`: "中小" of 面向中小企业预留…)."""
    text = " ".join(norm(piece) for piece in content.split())
    words = tuple(_data().get("not_within", ()))
    found: Asked | None = None
    i = 0
    while i < len(text):
        marker = next((m for m in _MARKERS if text.startswith(m, i)), None)
        if marker is None:
            i += 1
            continue
        inside = any(text.startswith(w, i - w.find(marker)) for w in words if marker in w and w.find(marker) <= i)
        pairs = {text[i - 1 : i + 1], text[i + len(marker) - 1 : i + len(marker) + 1]} if len(marker) == 1 else set()
        if not inside and not (pairs & own):
            whole = re.split(r"\s+", text[:i].strip())[-1] if text[:i].strip() else ""
            part = (text[i + len(marker) :].split() or [""])[0]
            if part and whole.removesuffix("的") not in _data().get("document_wholes", ()):  # a place, no figure
                found = Asked(whole=whole, part=part)
        i += len(marker)
    return found


def _own(f: Fact) -> set[str]:
    """What a figure is itself printed as: its row, parent, column and fund (never the clause or sentence around,
    which name the figures beside it: "政府采购工程预算…、政府采购服务预算270.00万元")."""
    return set(grams(norm(" ".join(p for p in (f.row, f.parent, f.column, f.column_role, f.fund) if p))))


def _above(f: Fact, facts: Sequence[Fact]) -> set[str]:
    """The names a figure is printed under: its parent chain, the 科目 above its code ("财政事务" of 2010601 行政运行),
    and the wholes every template prints it inside (三公 of 公务接待费: parts.toml `within`)."""
    out: set[str] = set()
    rows = {norm(g.row): g for g in facts if g.table is None and g.row}
    parent, seen = f.parent, set()
    while parent and norm(parent) not in seen:
        seen.add(norm(parent))
        out |= set(grams(norm(parent)))
        parent = rows[norm(parent)].parent if norm(parent) in rows else None
    if f.code and f.code.isdigit() and len(f.code) in (5, 7):
        heads = {f.code[:3], f.code[:5]} - {f.code}
        out |= {g for h in facts if h.code in heads and h.table == f.table for g in grams(norm(h.row))}
    return out | {g for w in wholes_of(f.row) for g in grams(norm(w))}


_HEADING = re.compile(
    r"^\s*(?:[（(][0-9一二三四五六七八九十]{1,2}[)）]|[0-9一二三四五六七八九十]{1,2}[、.．])[^。]{2,40}$"
)


def _heading_and_sentence(text: str) -> str:
    """The sentence a prose figure is in, since its last full stop, with the numbered heading just before it when
    there is one ("（2）按照政府预算支出经济分类的类级科目说明。2019年本部门一般公共预算支出…，其中：…")."""
    *before, own = text.split("。")
    heading = before[-1] if before and _HEADING.match(before[-1]) else ""
    return f"{heading} {own}".strip()


def _counted_before(text: str, unit: str) -> str:
    """The sentence before a count's own when it prints a count in the same unit, the whole the count's sentence
    goes on to divide ("…包括万里街道本部以及下属5家预算单位的综合收支计划。本部门中，…事业单位4家"); "" for money."""
    *before, _own_sentence = text.split("。")
    if not before or not unit or unit in calc.MONEY or unit == "%":
        return ""
    return before[-1] if re.search(rf"\d\s*{re.escape(unit)}", before[-1]) else ""


def _whole_of(f: Fact, facts: Sequence[Fact], kb: Knowledge) -> set[str]:
    """What a figure is printed inside: its own words and clause, the names above it (`_above`), and a prose
    figure's section and sentence since its last full stop ("车辆7辆（一般公务用车3辆，执法执勤用车4辆")."""
    said = _heading_and_sentence(kb.sentence_of(f)) if f.table is None else ""
    if f.table is None:
        said = f"{_counted_before(kb.sentence_of(f), f.unit)} {said}"
    section = f.source.partition(" · 「")[0] if f.table is None else ""  # "五、国有资产占有情况": the part it is in
    return set(grams(norm(f"{fact_evidence(f)} {said} {section}"))) | _above(f, facts)


def said_with(whole: Fact, facts: Sequence[Fact], kb: Knowledge) -> list[Fact]:
    """Prose figures listed under no whole that the text prints later in the very sentence of `whole`'s figure
    ("其他发展与改革事务支出（2010499）195284.3万元，较上年增加…，原因为：一是新增…资金75000万元")."""
    if whole.table is not None:
        return []
    out = []
    for p in facts:
        if p is whole or p.table is not None or p.parent or p.unit != whole.unit or p.doc_id != whole.doc_id:
            continue
        said = norm(kb.sentence_of(p).rsplit("。", 1)[-1])
        at = said.find(norm(whole.row))
        if at >= 0 and str(whole.value) in said[at:] and not said.endswith(norm(whole.row)):
            out.append(p)
    return out


def opposite(question: str, draft: Draft) -> str | None:
    """Why a figure read is the opposite way of the money asked (parts.toml `opposite`: "上年结转下来的钱" answered
    with 结转下年), or None."""
    asked = norm(to_template(question)) + " " + norm(question)
    entries = cast(list[dict[str, list[str]]], _data().get("opposite", []))
    for entry in entries:
        said = next((w for w in entry["asked"] if w in asked), None)
        if said is None or any(w in asked for w in entry["never"]):
            continue
        for f in draft.facts:
            # a total row's item is its column ("合计 · 财政拨款收入" of 表2 收入决算表)
            name = f.column if re.fullmatch(r"(?:本年)?(?:合计|总计|小计)", norm(f.row)) else f.row
            row = norm(name)
            if any(w in row for w in entry["never"]) and not any(w in row for w in entry["asked"]):
                return f"问题问的是“{said}”，找到的“{name}”是方向相反的另一行，没有给出这一数字"
    return None


def coded(query: Query, draft: Draft) -> bool:
    """Whether a figure read answers the 科目编码 the question names ("社会福利事业单位（2081005）"): one of its facts
    is that code's row, or names the code where it is printed; always when no code is named."""
    code = query.code if query.code and query.code in query.question else None  # written, not read from a path
    return not code or not draft.facts or any(f.code == code or code in f.row or code in f.source for f in draft.facts)


def coded_row(query: Query, draft: Draft, name: str, sentence_of: Callable[[Fact], str] = lambda f: "") -> bool:
    """`coded`, or a figure printed without code under the very name of the 科目 asked (`name`): never another
    item's figure ("财政拨款收入 950.12" for "社会福利事业单位（2081005）财政拨款")."""
    return coded(query, draft) or any(
        norm(name) in norm(f.row) or (f.table is None and norm(name) in norm(f"{sentence_of(f)} {f.source}"))
        for f in draft.facts
    )  # a sentence of the text naming the 科目 ("…社会福利事业单位（项）”738.66万元，比2023年…增加3.84%")


@cache
def _template_items() -> frozenset[str]:
    """The bigrams of the items every template names (glossary.json: synonyms' and related terms' template wording,
    compositions), so that a part no table of the document prints ("人员支出" of 项目支出) is still an item word."""
    data = glossary_data()
    words = [*data["synonyms"].values(), *(w for ws in data["related"].values() for w in ws)]
    words += [w for whole, parts in data["compositions"].items() for w in (whole, *parts)]
    return frozenset(g for w in words for g in grams(norm(w)))


def _item_grams(words: str, neutral: Sequence[str]) -> set[str]:
    """The bigrams of `words` without the words that name no item (预算, 支出 …): "公务用车" → 公务, 务用, 用车."""
    text = _short_names(norm(words))
    for word in sorted(neutral, key=len, reverse=True):
        text = text.replace(word, " ")
    return {g for piece in text.split() for g in grams(piece)}


def _unsaid(words: str, covered: set[str], printed: set[str], neutral: Sequence[str]) -> list[str]:
    return dropped_words(_short_names(words), covered, printed, neutral)


def _column_asked(
    part: str, read: Fact, wholes: Sequence[Fact], facts: Sequence[Fact], printed: set[str], neutral: Sequence[str]
) -> Fact | None:
    """The one cell of the whole's own row whose column says the part asked ("高等职业教育里财政专户管理资金": the
    row 2050305 高等职业教育, column 财政专户管理资金收入) — a column path, read where the row is printed — or, when
    no column says it, the row's total in a table whose title says it ("302一共多少？其中基本支出部分": the 基本支出
    表's row 302); the same 科目 as the figure read when both are coded; None when no such cell is printed, or several
    figures are."""

    def said(f: Fact, words: str) -> bool:
        return not _unsaid(part, set(grams(norm(words))), printed, neutral)

    own = [
        f for f in wholes
        if f.table and _unsaid(part, set(grams(norm(f.row))), printed, neutral)
        and (not f.code or not read.code or f.code == read.code)
    ]  # fmt: skip
    cells = {f.value: f for f in own if said(f, f"{f.column} {f.column_role or ''}")}
    if not cells:  # the part's own table: its title says the part, the cell is its row's total
        cells = {
            f.value: f for f in own if f.table != read.table and said(f, f.source.split(" · ")[0]) and _row_total(f, facts)
        }  # fmt: skip
    return next(iter(cells.values())) if len(cells) == 1 else None


def _row_total(f: Fact, facts: Sequence[Fact]) -> bool:
    """The cell is its row's total: a 合计/总计/小计 column (or the catalog's 合计 role), or the row's one cell of money."""
    if f.column_role == "合计" or any(w in f.column for w in ("合计", "总计", "小计")):
        return True
    return not any(
        g is not f and g.table == f.table and g.row == f.row and g.code == f.code and g.unit == f.unit
        and g.source.split(" · ")[0] == f.source.split(" · ")[0] and g.column != f.column
        for g in facts
    )  # fmt: skip


def part_within(content: str, draft: Draft, kb: Knowledge, neutral: Sequence[str], scope: str, measure: str) -> Draft:
    """`draft`, when its figure is the part asked inside the whole asked (or no part is asked); else the part the
    document prints under a figure of that whole, with the whole beside it; else Unanswerable naming the part."""
    if measure != "amount" or not draft.facts or draft.calculations or len(draft.facts) > 2:
        return draft
    f = draft.facts[0]
    facts = kb.facts_by_doc.get(f.doc_id, [])
    asked = asked_within(content, _own(f))
    if asked is None:
        return draft
    printed = {g for label in kb.in_scope({f.doc_id}) for v in label.variants for g in grams(v)} | _template_items()
    part_key = without_fund(asked.part) if f.fund and norm(f.fund) in asked.part else asked.part
    # "离退休人员中退休的": the part's words all lie inside the whole's name, so a figure named with the whole
    # ("单位管理的离退休人员 78 人") is the whole, never its part
    inside = bool(_item_grams(asked.part, neutral)) and _item_grams(asked.part, neutral) <= _item_grams(
        asked.whole, neutral
    )

    def unsaid_part(p: Fact) -> list[str]:  # a row's total in a table whose title says the part says it (基本支出表)
        titled = set(grams(norm(p.source.split(" · ")[0]))) if p.table and _row_total(p, facts) else set()
        return _unsaid(part_key, _own(p) | _above(p, facts) | titled, printed, neutral)

    def own_part(p: Fact) -> bool:  # "离休" is under 离退休 too: a part inside the whole's name is said by its own row
        return not unsaid_part(p) and (not inside or _item_grams(asked.part, neutral) <= set(grams(norm(p.row))))

    def holds_whole(w: Fact) -> bool:  # the whole asked shares an item word with what the figure is printed in
        covered = _whole_of(w, facts, kb)
        return not _unsaid(asked.whole, covered, printed, neutral) or bool(_item_grams(asked.whole, neutral) & covered)

    def is_whole(w: Fact) -> bool:
        return inside and _item_grams(asked.whole, neutral) <= set(grams(norm(w.row)))

    part_unsaid = unsaid_part(f)
    if (
        not part_unsaid
        and not is_whole(f)
        and (
            holds_whole(f)
            or implied_by(norm(asked.whole).strip("的里中"), kb.subject_of(f))
            or coded_under(norm(asked.whole).strip("的里中"), f)  # 30211 差旅费 of 公用经费
        )
    ):
        return draft  # the part printed under the whole asked, or one every template defines inside it (人员经费)
    wholes = [f] if holds_whole(f) else [  # another figure stands for the whole only when it names all its words
        w for w in facts if w.unit == f.unit and not _unsaid(asked.whole, _whole_of(w, facts, kb), printed, neutral)
    ]  # fmt: skip
    if column := _column_asked(part_key, f, [w for w in wholes if w is not f], facts, printed, neutral):
        return Draft(
            text=f"{scope}{column.row}的{column.column}为 {fmt(column.value, column.unit)}。\n出处：{sources(column)}",
            value=column.value, unit=column.unit, facts=[column], doc_id=draft.doc_id or column.doc_id,
        )  # fmt: skip

    def other(p: Fact) -> bool:  # "参公事业单位" is never the "事业单位" asked: a word glued before makes another
        return named_subject.other_subject(asked.part, p.row, content)

    found: dict[tuple[str, str], tuple[Fact, Fact, bool]] = {}
    for w in (w for w in wholes if unsaid_part(w) or is_whole(w)):  # a figure named with the part is no whole of it
        for p in printed_parts(w, facts, kb.subject_of(w)):
            if p.column == w.column and own_part(p) and not other(p):
                found.setdefault((norm(p.row), str(p.value)), (p, w, True))
    for w in [] if found else wholes:  # "…（2010499）195284.3万元，…原因为：一是新增城乡居民煤改洁奖补资金75000万元"
        for p in said_with(w, facts, kb):
            if p.column == w.column and not unsaid_part(p) and not other(p):
                found.setdefault((norm(p.row), str(p.value)), (p, w, False))
    if not found:
        raise Unanswerable(
            f"公开文件没有单独列出{asked.whole.strip('的') or f.row}中的“{asked.part.strip('的')}”，没有用{f.row}的数字充当其中一部分"
            if part_unsaid
            else f"答案所用的{f.row}不是列在问题所说的“{asked.whole.strip('的')}”之下的数字，没有给出其他项目的数字"
        )
    if len(found) > 1:
        listed = "、".join(f"{p.row} {fmt(p.value, p.unit)}（{w.row}中）" for p, w, _ in found.values())
        raise Unanswerable(f"文件中有几个符合的数字：{listed}，请说明问的是哪一个")
    part, whole, listed_under = next(iter(found.values()))
    part = replace(part, row=_ORDINAL.sub("", part.row))  # "一是新增…资金": the item, not its place in a list
    how = f"是{whole.row}的一部分" if listed_under else f"列在说明{whole.row}的同一句中"
    text = (
        f"{scope}{_said(part.row, part)}。\n（{part.row}{how}；{_said(whole.row, whole)}。）"
        f"\n出处：{sources(part, whole)}"
    )
    return Draft(text=text, value=part.value, unit=part.unit, facts=[part, whole], doc_id=draft.doc_id or part.doc_id)
