"""An exclusion answered by subtraction: "社会保障和就业支出中，扣除行政单位离退休后还有多少" is the whole
(社会保障和就业支出) minus the part (行政单位离退休), each read by the engine as a question of its own and
verified, and subtracted by the calculator with its trace — only when all figures are printed in the same
document and table, in one unit, and each part is printed as a part of the whole (its 科目 under the whole's, a
column of the whole's row, or a row above the whole's 合计/总计 row in its column). Several parts are subtracted
together ("除了A和B以外"); "除了X，其他支出加起来" asks the total of 支出 without X. Anything less sure is left to
the complete-reading check, which refuses naming the condition (assistant/complete.py)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from assistant import calculator as calc
from assistant.complete import cues, part_suffixes
from assistant.cues import longest_first
from assistant.draft import Unanswerable, fmt, operand, sources
from assistant.knowledge import norm
from assistant.own_level import names_office, office_rows, own_label
from assistant.part_printed import part_table_rows, table_part, within_said
from assistant.records import Answer
from index.catalog import catalog
from index.records import Fact

if TYPE_CHECKING:
    from assistant.turn import Turn

_BEFORE = re.compile(r"(?:当中|之中|里面|里|中)?\s*[，,]?\s*$")  # "…支出中，" before the condition
# "…后还有多少", "，其他支出加起来", "以外的部分" after it: what remains of the whole
_AFTER = re.compile(r"^\s*(?:[，,]|的|还有|还剩|剩下|剩余|剩|以后|之后|后|其他|其它|其余|别的|另外)*")
_REST = re.compile(r"(?:的)?(?:部分|那部分)|(?:加起来|合起来|加在一起|一共|总共|合计|共计|总计)")
_SEVERAL = re.compile(r"[和、及与跟]|以及")
_TOTAL = re.compile(r"合计|总计")
# "…以外的是什么": which items are left, asked after the condition
_WHICH = re.compile(r"(?:是|有)?(?:什么|哪些|哪几项|哪几个|哪几|哪项|哪个)(?:项目|科目)?[，,、]?")
_THIS_YEAR = "本年"  # "本年收入合计": the year's own money, without what is carried over from the year before
_SIDES = ("收入", "支出")
_GROUP = re.compile(r"[-－—–·：:]\s*[\u4e00-\u9fff]{2,}")  # "-基础研究专项" after a group's name
_BARE = re.compile(r"(?:本年)?(?:合计|总计|小计)|金额|预算数|决算数|\d{4}年.*")


def _parts(question: str) -> tuple[str, str, str] | None:
    """(the condition as written, the whole asked without it, the part(s) excluded), for the one condition a
    question states; None when it states none or several."""
    found = [
        (m.group(0), m.start(), m.end(), m.group("span"))
        for cue in cues()
        if cue.kind == "condition"
        for m in cue.pattern.finditer(question)
    ]
    if len(found) != 1:
        return None
    written, start, end, part = found[0]
    part = re.sub(r"(?:以后|之后|后|以外|之外|外|的)$", "", part).strip()
    after = _AFTER.sub("", question[end:])
    after = after[m.end() :] if (m := _WHICH.match(after)) else after  # "是什么，多少钱": the whole's amount asked
    whole = _BEFORE.sub("", question[:start]) + _REST.sub("", after)
    if len(part) < 2 or not re.search(r"[\u4e00-\u9fff]{2,}", whole):
        return None
    return written, whole, part


def part_of(part: Fact, whole: Fact) -> bool:
    """The part is printed as a part of the whole: in the same document, in one unit, and either in the same table
    — its 科目 under the whole's in the same column, another column of the whole's row, or another row of the
    whole's column when the whole is the table's 合计/总计 row (the part no total, and of the same side: 收入 or
    支出) — or in the text, listed under the whole's sentence ("项目支出26,361.57万元，主要包括：…上级转移支付项目
    2,000.00万元": the part's parent is the whole)."""
    if part.doc_id != whole.doc_id or part.unit != whole.unit or part is whole:
        return False
    if not 0 <= part.value <= whole.value:
        return False
    if not part.table and not whole.table:
        return bool(part.parent) and norm(part.parent or "") == norm(whole.row) and part.row != whole.row
    if not part.table or part.table != whole.table:
        return False
    coded = bool(part.code and whole.code and part.code != whole.code and part.code.startswith(whole.code))
    sides = [s for s in _SIDES if s in whole.row]
    total = (
        not whole.code
        and bool(_TOTAL.search(whole.row))
        and not _TOTAL.search(part.row)
        and part.row != whole.row
        and part.column == whole.column
        and part.row.partition("·")[2]
        == whole.row.partition("·")[2]  # "因公出国(境)费·一般公共预算" of "总计·一般公共预算"
        and not any(other in part.row and side not in part.row for side in sides for other in _SIDES if other != side)
        and not _carried_beside(part, whole)
    )
    columns = part.row == whole.row and part.column != whole.column and _total_column(whole)
    return (coded and part.column == whole.column) or columns or total


def _total_column(f: Fact) -> bool:
    """The figure's column is its row's total (合计/总计/小计, or the catalog's 合计 role), which holds the row's other
    columns; a column beside others (项目支出 beside 基本支出) holds none of them."""
    return f.column_role == "合计" or bool(_TOTAL.search(f.column) or "小计" in f.column)


def _carried_beside(part: Fact, whole: Fact) -> bool:
    """The part is money carried over from the year before (上年结转), the whole the year's own total (本年收入合计):
    printed beside each other (both make 收入总计), the one never in the other."""
    if not _carried(part.row) or _carried(whole.row):
        return False
    income = "收入" in whole.row or " · 收入 · " in whole.source  # "表1 收支总表 · 收入 · 财政拨款 · 预算数"
    return _THIS_YEAR in whole.row or (income and "支出" not in whole.row and not _TOTAL.search(whole.row))


def _carried(label: str) -> bool:
    """The label names money carried over from the year before (上年结转, 上年结余、结转 …)."""
    return any(p in label for p in catalog().portions)


def _beside(part: Fact, whole: Fact) -> bool:
    """The part is printed beside the whole, not in it, in the same table: another column of the whole's row, neither
    column the row's total ("扣除基本支出后的项目支出": 项目支出 holds no 基本支出), or a carried-over row beside the
    year's own total in its column ("不算上年结转的本年收入")."""
    columns = (
        part.row == whole.row and part.column != whole.column and not _total_column(whole) and not _total_column(part)
    )
    rows = part.column == whole.column and part.row != whole.row and _carried_beside(part, whole)
    if not part.table and not whole.table:  # two items the text lists under one whole ("其中：购置费…运行费…")
        return (
            part.doc_id == whole.doc_id and bool(whole.parent) and part.parent == whole.parent
            and part.row != whole.row and part.column == whole.column
        )  # fmt: skip
    return part.doc_id == whole.doc_id and bool(part.table) and part.table == whole.table and (columns or rows)


def _same_subject(printed: Fact, whole: Fact) -> bool:
    """Another printing of the whole is the same subject, not just the same amount: the same 科目 code, or a
    label in common (its row or its column, without 合计/总计 and the bare column names) on the same side (收入 /
    支出) — "支出总计" of 收支总表 and of 财政拨款收支总表, the 项目支出 column and "项目支出…万元" in the text; a
    收入合计 that balances 支出合计 is never the 支出 whole; a row named without its side ("财政事务" of 收支总表)
    is the same subject as its printing under a column that names it ("支出总计")."""
    if printed.code and whole.code:
        return printed.code == whole.code
    labels = [_labels(f) for f in (printed, whole)]
    sides = [{s for s in _SIDES if any(s in label for label in ls)} for ls in labels]
    return (sides[0] == sides[1] or not (sides[0] and sides[1])) and bool(labels[0] & labels[1])


def _labels(f: Fact) -> set[str]:
    """What a printing names: its row and column without 合计/总计 and a trailing 预算/决算 ("支出预算" → 支出),
    the bare ones dropped; a table's bare total (合计 · 小计) names its table ("一般公共预算拨款支出预算表")."""
    names = {_bare_name(f.row.partition("·")[0]), _bare_name(f.column)}
    names = {n for n in names if n and not _BARE.fullmatch(n)}
    if not names and f.table:
        title = f.source.split(" · ")[0]
        names = {
            _bare_name(re.sub(r"^表\s*\d+\s*|\d{4}年度?|(?:部门|单位)?(?:预算|决算)?(?:情况)?总?表$", "", title))
        } - {""}
    return names


def _bare_name(name: str) -> str:
    """A name without 合计/总计 and the 预算/决算 before or after it ("预算收入", "收入预算" → 收入)."""
    return re.sub(r"^(?:本年)?(?:预算|决算)(?=收入$|支出$)|(?:预算|决算)数?$", "", _TOTAL.sub("", norm(name)))


def _same_amount(printed: Fact, stated: Fact) -> bool:
    """A table's figure is the figure stated, to the stated figure's precision (15,621.11 万元 = 156,211,123 元)."""
    if printed.unit not in calc.MONEY or stated.unit not in calc.MONEY:
        return (printed.value, printed.unit) == (stated.value, stated.unit)
    value = calc.convert(printed.value, printed.unit, stated.unit)
    places = Decimal(1).scaleb(stated.value.as_tuple().exponent)  # type: ignore[arg-type]
    return calc.round_half_up(value, places) == stated.value


def _doc_facts(engine: Turn, doc_id: str) -> list[Fact]:
    """All facts of one document, from its own turn (the engine's base knowledge holds names only)."""
    return list(engine.turn([doc_id]).kb.facts_by_doc.get(doc_id, []))


def _named(f: Fact, name: str) -> bool:
    """A table's row or column names the part: "因公出国（境）费" for "因公出国（境）", "政府性基金预算拨款收入" for
    "政府性基金" (what it adds: a character or two, or words of cues.toml's part_suffixes)."""
    name = norm(name)
    labels = (norm(f.row.partition("·")[0]), norm(f.column))
    return any(label.startswith(name) and len(_added(label[len(name) :])) <= 2 for label in labels)


def _named_beside(f: Fact, name: str, whole: Fact) -> bool:
    """A row or column names the part, or names it after the words the whole's name opens with ("公务用车购置费" for
    "购置费" beside "公务用车运行费", "公务用车运行维护费" for "运行维护" beside "公务用车购置费")."""
    if _named(f, name):
        return True
    if _carried(name) and _carried(f.row) and norm(f.row)[:2] == norm(name)[:2]:  # "上年结余、结转" for "上年结转"
        return True
    label, name, own = norm(f.row.partition("·")[0]), norm(name), norm(whole.row.partition("·")[0])
    at = label.find(name)
    lead = label[:at]
    return at >= 2 and own.startswith(lead) and own != label and len(_added(label[at + len(name) :])) <= 2


def _summed(whole: Fact, facts: list[Fact]) -> list[Fact]:
    """The items the text lists after a whole of its own, in the same section, when they add up to it exactly
    ("收入预算44169.36万元…本年财政拨款收入44156.64万元…本年其他资金收入0万元…上年结转结余12.72万元"); none otherwise."""
    if whole.table:
        return []
    place = whole.source.split(" · 「")[0]
    items = {
        (f.row, f.value): f
        for f in facts
        if not f.table and f.parent is None and f.row != whole.row and f.source.split(" · 「")[0] == place
        and f.column == whole.column and f.unit == whole.unit and (f.page or 0) >= (whole.page or 0)
    }  # fmt: skip
    listed = list(items.values())
    if len(listed) < 2 or len({f.row for f in listed}) != len(listed):
        return []
    return listed if sum((f.value for f in listed), Decimal(0)) == whole.value else []


def _in_group(f: Fact, name: str) -> bool:
    """A row printed as one item of a group the name asks: "科技研发资金-基础研究专项" of "科技研发资金"."""
    row, name = norm(f.row.partition("·")[0]), norm(name)
    return row.startswith(name) and _GROUP.match(row[len(name) :]) is not None


class Which(Unanswerable):
    """The part excluded is named by the start of several parts of the whole ("公务用车" of 公务用车购置费 and
    公务用车运行费): which one is asked back, never guessed."""

    def __init__(self, name: str, choices: tuple[str, ...]):
        super().__init__(name)
        self.name = name
        self.choices = choices


def _started(name: str, w: Fact, facts: list[Fact], summed: set[int]) -> dict[tuple[str, str, Decimal], Fact]:
    """The direct parts of the whole whose printed row starts with the name ("公务用车购置及运行费" for "公务用车"),
    keyed like `_reading`'s parts: a part held in another one started so ("公务用车购置费" in "公务用车购置及运行维护费":
    the words after the name are in the other's) is no direct part."""
    key = norm(name)
    started = {
        (f.row, f.column, f.value): f
        for f in facts
        if (part_of(f, w) or id(f) in summed) and norm(f.row.partition("·")[0]).startswith(key)
        and len(norm(f.row.partition("·")[0])) > len(key)
    }  # fmt: skip

    def rest(f: Fact) -> str:
        return norm(f.row.partition("·")[0])[len(key) :]

    return {
        k: f
        for k, f in started.items()
        if not any(g.row != f.row and g.value >= f.value and rest(f)[:2] in rest(g) for g in started.values())
    }


def _added(rest: str) -> str:
    """What a printed name adds to the name asked, without the words a part's name may add."""
    for word in longest_first(part_suffixes()):
        rest = rest.replace(word, "")
    return rest


def _reading(engine: Turn, whole: Fact, names: list[str]) -> tuple[Fact, list[Fact]] | None:
    """(the whole as printed in a table, one part for each name printed as its part). The whole is the figure
    read or the same figure printed in another table of the document; each part is the engine's reading of the
    name or a row/column of that table named with it. None unless every printing of the whole that has all the
    parts gives the same result."""
    facts = _doc_facts(engine, whole.doc_id)
    doc = engine.kb.docs.get(whole.doc_id)
    wholes = [whole, *(f for f in facts if f is not whole and _same_amount(f, whole) and _same_subject(f, whole))]
    read = []
    for name in names:
        a = engine.rules(f"{name}是多少？", doc_id=whole.doc_id)
        read.append(a.facts[0] if not a.refused and len(a.facts) == 1 else None)
    results: list[tuple[Fact, list[Fact]]] = []
    asked: list[tuple[str, tuple[str, ...]]] = []  # a name that starts several parts of a printing of the whole
    for w in wholes:
        summed = {id(f) for f in _summed(w, facts)}
        parts: list[Fact] = []
        for name, own in zip(names, read, strict=True):
            found = {
                (f.row, f.column, f.value): f
                for f in [*([own] if own else []), *facts]
                if (f is own or _named(f, name)) and (part_of(f, w) or id(f) in summed or within_said(f, w))
            }
            if not found and (inside := part_table_rows(name, w, facts)):  # "扣掉基本支出里的部分"
                found = {(f.row, f.column, f.value): f for f in inside}
            if not found and doc and names_office(name, doc):  # "扣除局本级": the office's row of a per-unit table
                found = {(f.row, f.column, f.value): f for f in office_rows(facts, doc) if part_of(f, w)}
            if not found:  # "科技研发资金": the rows printed as its items ("科技研发资金-基础研究专项" …), together
                group = {(f.row, f.column, f.value): f for f in facts if _in_group(f, name) and part_of(f, w)}
                if len(group) >= 2 and len({k[0] for k in group}) == len(group):
                    parts.extend(group.values())
                    continue
                found = _started(name, w, facts, summed)  # "公务用车": the one part whose printed name starts with it
                if len({k[0] for k in found}) > 1:
                    asked.append((name, tuple(dict.fromkeys(k[0].partition("·")[0] for k in found))))
                if len({k[0] for k in found}) != 1:
                    break
            if len({k[2] for k in found}) != 1:
                break
            parts.append(next(iter(found.values())))
        else:
            if len({(p.row, p.column) for p in parts}) == len(parts):
                results.append((w, parts))
    # the text's figures are rounded printings of the tables': a whole and parts in the text only when no table has them
    results = [r for r in results if r[0].table] or results
    if not results and asked:
        raise Which(*asked[0])
    rest = {calc.convert(w.value - sum((p.value for p in ps), Decimal(0)), w.unit, "元") for w, ps in results}
    return results[0] if len(rest) == 1 else None


def excluding(engine: Turn, question: str, doc_id: str | None) -> Answer | None:
    """The answer to a question that excludes a part of what it asks, as a verified subtraction; None when the
    question excludes nothing or the figures are not surely whole and parts."""
    parsed = _parts(question)
    if parsed is None:
        return None
    written, whole_q, part_q = parsed
    whole = engine.rules(whole_q, doc_id=doc_id)
    if whole.refused or whole.value is None or (w := _whole_read(whole, whole_q)) is None:
        return None
    if (
        whole.unit not in calc.MONEY
        or w.unit not in calc.MONEY
        or calc.convert(w.value, w.unit, whole.unit) != whole.value
    ):
        return None  # the whole is itself computed, or no amount of money
    try:
        read, (names, reading) = w, _names_read(engine, w, part_q)
    except Which as e:
        choices = "、".join(e.choices)
        text = f"请问“{written.rstrip('，,的')}”中的“{e.name}”指{_label(w)}中的哪一项：{choices}？请直接回复，或在问题里写明。"
        return Answer(question=question, text=text, refused=True, choices=e.choices, query=whole.query)
    if reading is None:
        return _apart(engine, question, whole, w, names)
    w, parts = reading
    if _WHICH.match(_AFTER.sub("", question[question.find(written) + len(written) :])):
        return _others(engine, question, written, whole, w, parts)
    removed = calc.total(*map(operand, parts)) if len(parts) > 1 else None
    c = calc.difference(operand(w), removed_operand(removed) if removed else operand(parts[0]))
    doc = engine.kb.docs.get(w.doc_id)
    own = office_rows(_doc_facts(engine, w.doc_id), doc) if doc else []
    named = [
        own_label(p, doc) if doc and p in own and p.row != w.row
        else f"{table_part(p)}{_label(p)}" if p.table != w.table and table_part(p)
        else _label(p) if p.row != w.row else p.column
        for p in parts
    ]  # fmt: skip
    names_of = " + ".join(f"{n} {fmt(p.value, p.unit)}" for n, p in zip(named, parts, strict=True))
    text = (
        f"{w.year}年{w.department}{_named_whole(read, w)}{written.rstrip('，,的里中')}为 {fmt(c.value, c.unit)}。\n"
        f"计算：{_label(w)} {fmt(w.value, w.unit)} − {'(' + names_of + ')' if removed else names_of}"
        f" = {fmt(c.value, c.unit)}\n出处：{sources(w, *parts)}"
    )
    return _checked(engine, question, text, whole, [c, *([removed] if removed else [])], [w, *parts], c.value, c.unit)


def _whole_read(whole: Answer, asked: str) -> Fact | None:
    """The one figure the whole's answer gives for it: its only fact, or — when it also shows the one item printed
    under the subject ("公安是公共安全支出的一部分") — the fact whose row the question names."""
    if len(whole.facts) == 1:
        return whole.facts[0]
    named = [f for f in whole.facts if norm(f.row.partition("·")[0]) in norm(asked)]
    if len(named) > 1:  # "公安" in "福州市公安局…": the subject asked is the 科目 the others are printed under
        named = [f for f in named if f.code and all((o.code or "").startswith(f.code) for o in whole.facts)]
    return named[0] if len(named) == 1 else None


def _names_read(engine: Turn, w: Fact, part_q: str) -> tuple[list[str], tuple[Fact, list[Fact]] | None]:
    """The part(s) excluded and their reading: the name as written when the document prints it as one part
    ("实验室及相关设施" holds 及), else its pieces split at 和/及/、 ("除了A和B以外")."""
    several = [n.strip() for n in _SEVERAL.split(part_q)] if _SEVERAL.search(part_q) else []
    if not several or any(len(n) < 2 for n in several):
        return [part_q], _reading(engine, w, [part_q])
    if (whole := _reading(engine, w, [part_q])) is not None:
        return [part_q], whole
    return several, _reading(engine, w, several)


def _others(engine: Turn, question: str, written: str, whole: Answer, w: Fact, parts: list[Fact]) -> Answer | None:
    """ "住房保障支出里，住房公积金以外的是什么": the other 科目 printed under the whole at the level of the part(s) set
    aside, each with its figure — only when they and the parts add up to the whole exactly; None otherwise (the
    condition is then refused by the complete-reading check)."""
    others = _siblings(_doc_facts(engine, w.doc_id), w, parts)
    if not others or sum((f.value for f in [*others, *parts]), Decimal(0)) != w.value:
        return None
    listed = "；".join(f"{_label(f)} {fmt(f.value, f.unit)}" for f in others)
    aside_text = "、".join(f"{_label(p)} {fmt(p.value, p.unit)}" for p in parts)
    text = (
        f"{w.year}年{w.department}{_label(w)}中{written.rstrip('，,的')}的是：{listed}。\n"
        f"（{_label(w)}为 {fmt(w.value, w.unit)}，其中{aside_text}。）\n出处：{sources(w, *parts, *others)}"
    )
    total = sum((f.value for f in others), Decimal(0))
    return _checked(engine, question, text, whole, [], [w, *parts, *others], total, w.unit)


def _siblings(facts: list[Fact], w: Fact, parts: list[Fact]) -> list[Fact]:
    """The other parts of the whole printed as the part(s) set aside are: the 科目 under the whole's at their level
    (codes of one length), or else the other rows above the whole's 合计/总计 in its column, the other columns of
    its row, or the other items the text lists under it — whichever shape the parts have."""
    levels = {len(p.code or "") for p in parts}
    if w.code and len(levels) == 1 and all(p.code and p.table == w.table for p in parts):
        level, aside = levels.pop(), {p.code for p in parts}
        return list(
            {
                f.code: f
                for f in facts
                if f.table == w.table and f.column == w.column and f.unit == w.unit and f.code
                and len(f.code) == level and f.code.startswith(w.code) and f.code not in aside
            }.values()
        )  # fmt: skip
    if any(p.code for p in parts) or len({(p.row == w.row, p.parent) for p in parts}) != 1:
        return []
    shape, beside = (parts[0].row == w.row, parts[0].parent), {(p.row, p.column) for p in parts}
    sides = [s for s in _SIDES if s in w.row and all(s in p.row for p in parts)]  # "事业收入" beside "财政拨款收入"
    found = {
        (f.row, f.column): f
        for f in facts
        if not f.code and (f.row == w.row, f.parent) == shape and (f.row, f.column) not in beside and part_of(f, w)
        and (shape[0] or all(s in f.row for s in sides))
    }  # fmt: skip
    return list(found.values())


def _checked(
    engine: Turn, question: str, text: str, whole: Answer, calculations: list[calc.Calculation], facts: list[Fact],
    value: Decimal, unit: str,
) -> Answer | None:  # fmt: skip
    """The answer `text` shows, every figure verified against the facts of the document read; None on a mismatch."""
    doc_id = facts[0].doc_id
    figures = engine.turn([doc_id]).verifier.check(text, [doc_id], calculations)
    if any(f.verdict == "mismatch" for f in figures):
        return None
    return Answer(
        question=question, text=text, refused=False, value=value, unit=unit, figures=figures,
        citations=list(whole.citations), query=whole.query, facts=facts,
    )  # fmt: skip


def _apart(engine: Turn, question: str, whole: Answer, w: Fact, names: list[str]) -> Answer | None:
    """The whole itself, when the one part excluded is printed beside it (another column of its row, neither the
    total): nothing is subtracted, and the answer says the whole does not hold the part; None otherwise."""
    if len(names) != 1:
        return None
    facts = _doc_facts(engine, w.doc_id)
    printings = [w, *(f for f in facts if f is not w and _same_amount(f, w) and _same_subject(f, w))]
    found = [(p, f) for p in printings for f in facts if _named_beside(f, names[0], p) and _beside(f, p)]
    if len({(p.value, p.unit) for p, _ in found}) != 1:
        return None
    printed, part = found[0]
    name = next(n for n in (printed.row.partition("·")[0], printed.column, _label(w)) if not _BARE.fullmatch(n))
    text = (
        f"{w.year}年{w.department}{name}为 {fmt(printed.value, printed.unit)}（{name}不含{names[0]}：两者是"
        f"{printed.source.split(' · ')[0]}中{'并列的两栏' if part.row == printed.row else '并列的两行' if printed.table else '分别列出的项目'}，无需扣除）。\n出处：{sources(printed)}"
    )
    return _checked(engine, question, text, whole, [], [printed], printed.value, printed.unit)


def _label(f: Fact) -> str:
    """A figure's name in the trace: its row, or its column when the row is the department itself."""
    return f.column if f.row in f.department or f.department in f.row else f.row


def _named_whole(read: Fact, printed: Fact) -> str:
    """The whole as the answer's sentence names it: the figure read, or its printing, never a bare 合计/总计."""
    return next((n for n in (_label(read), _label(printed)) if not _BARE.fullmatch(n)), "")


def removed_operand(c: calc.Calculation) -> calc.Operand:
    """The parts' total as one operand of the subtraction."""
    return calc.Operand(value=c.value, unit=c.unit, label="扣除部分合计", source=c.expression)
