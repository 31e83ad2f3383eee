"""The reason the disclosure prints for the very item asked and its direction ("三公经费为什么增加？").

A why-question is answered by the sentence (or clause) that gives the reason of the item's change: its subject
is the item asked, its direction the one asked, and it holds a reason marker (assistant/reason.toml). Three
forms are read, by grammar, from the prose's paragraphs:

- the change clause and its reason in one sentence ("…比2023年预算增加25万元，主要原因是购置公务用车"), the
  clause ending where the next item's change begins;
- a sentence of its own naming the item and its direction ("财政拨款收入支出减少的主要原因是项目调整");
- a sentence that opens with the marker ("主要原因是：…") right after the item's change sentence: the item of
  that sentence is its subject.

A sentence stating only the amount answers no "why": when the item's change is printed without a reason, the
answer says so; a quote about another item is never the answer.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Literal

from assistant import add_up, follow, narrative, premise, reason_fit, reason_whole
from assistant.draft import Draft, Unanswerable, page_note
from assistant.explain import WHY
from assistant.knowledge import norm
from assistant.records import Citation, Query
from assistant.tokens import to_template
from index.records import Chunk

if TYPE_CHECKING:
    from assistant.turn import Turn

Way = Literal["up", "down", "flat"]


_WORD = {"up": "增加", "down": "减少", "flat": "持平"}


class Corrected(Unanswerable):
    """A why-question's premise the document contradicts: refused with the correction, never answered instead by
    the two years' figures."""


@cache
def _data() -> dict[str, Any]:
    """assistant/reason.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("reason.toml").read_text(encoding="utf-8"))


@cache
def _marker() -> re.Pattern[str]:
    words = sorted(_data()["markers"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@cache
def _own() -> re.Pattern[str]:
    """A sentence of its own naming the item, its direction and the reason ("财政拨款收入支出减少的主要原因是…")."""
    ways = sorted([*premise.direction_words("up"), *premise.direction_words("down"), *_data()["flat"]], key=len)
    return re.compile(
        rf"^(?P<subject>[^，。；;：:\d]{{2,30}}?)(?P<way>{'|'.join(map(re.escape, reversed(ways)))})"
        rf"(?:了|的)?\s*(?:{_marker().pattern})"
    )


def asks_reason(question: str) -> bool:
    """Whether a question asks why (a WHY word), or which parts made a change it names ("预算增加主要是哪几块"):
    both are answered by the reasons printed for that change, never by the whole's composition."""
    if WHY.search(question):
        return True
    if not any(w in question for w in _data()["parts_of_change"]):
        return False
    return any(w in question for d in ("up", "down") for w in premise.direction_words(d) if len(w) > 1)


def marker() -> re.Pattern[str]:
    """The words that open a printed reason (reason.toml `markers`: 主要原因是, 由于 …)."""
    return _marker()


def gives_reason(text: str) -> bool:
    """Whether a sentence gives a reason (holds a marker of reason.toml)."""
    return bool(_marker().search(text))


def _way(word: str) -> Way:
    if word in _data()["flat"]:
        return "flat"
    return "up" if word in premise.direction_words("up") else "down"


@dataclass(frozen=True, kw_only=True)
class Reason:
    """A printed reason: the item it is of, the way that item moved, the quote and where it is."""

    subject: str
    way: Way
    quote: str
    where: str
    parents: tuple[str, ...] = ()
    heading: tuple[str, ...] = ()  # the item (its path) the sentence's numbered paragraph opens with


def sentence_opening(sentence: str) -> str:
    return narrative.LEAD.sub("", narrative.ENUM.sub("", sentence)).lstrip("：: ")


def _subject_start(sentence: str, at: int) -> int:
    """Where the subject of a change clause at `at` begins: after the separator before it, stepping back over
    an empty clause ("…支出，比2025年减少") and one that is itself a use or a reason ("政府性基金预算支出 44134.59
    万元，主要用于…项目支出，比…"); a change of no words of its own after an aside of no figure is the change of
    the item and amount the aside follows (narrative.ASIDE_BEFORE)."""
    cuts = [0, *(m.end() for m in re.finditer(r"[，。；：:;,]", sentence[:at]))]
    start = cuts[-1]
    if not sentence[start:at].strip() and (aside := narrative.ASIDE_BEFORE.search(sentence[:at])):
        # "其中：基本支出 33325.21 万元，主要用于…，保障…支出，比2025年增加": the clause of its item ("2、会议费…")
        return max(c for c in cuts if c <= aside.start("subject"))
    cuts.pop()
    while cuts and (not sentence[start:at].strip("，。；：:;, ") or re.match(USE, sentence[start:at].strip())):
        at = start
        start = cuts.pop()
    return start


USE = r"(?:主要用于|用于|主要是|主要包括|其中)"


def _subject(clause: str, item: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The item a change clause is of: the words before its first figure or comparison ("2024年“三公”经费预算数为
    47.91万元" → "“三公”经费预算数"), or the numbered paragraph's item when those name none."""
    head = re.split(r"\d[\d,.]*\s*(?:亿元|万元|元|%)|比|较|与上年|[，,；;]", clause.strip(), maxsplit=1)[0]
    head = re.sub(r"[①-⑳]|[（(]\d+[)）]", "", head)  # "⑤老年福利（2081002）": the item, without its number and code
    subject = narrative.TRAIL.sub("", narrative.LEAD.sub("", head.strip())).strip()
    if item and narrative.generic(subject):
        return item[-1], item[:-1]
    return on_path(subject, ())


def on_path(subject: str, parents: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """A subject written as its path ("公路水路运输（款）公路建设（项）支出"): the item 公路建设, its parents before."""
    split = [p.strip("“”\"' ") for p in narrative.PATH_LEVEL.split(subject)]
    levels = split if len(split) > 1 and len(split[-1]) > 2 else split[:-1]  # "…（项）支出": 支出 no level
    if levels and all(levels):  # a level inside the item's own name ("社会工作事务" of 其他社会工作事务支出) is none
        return levels[-1], tuple(p for p in (*parents, *levels[:-1]) if p not in levels[-1])
    return subject, parents


def _cut(clause: str) -> str:
    """A clause up to the end of its reason: a ；after the marker ends it, unless a numbered reason follows
    ("主要原因是：1、…；2、…")."""
    marker = _marker().search(clause)
    if marker is None:
        return clause
    for m in re.finditer(r"[；;]", clause[marker.end() :]):
        rest = clause[marker.end() + m.end() :]
        if not re.match(
            r"\s*(?:\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]是|另外|同时)", rest
        ):
            return clause[: marker.end() + m.start()]
    return clause


def _in_sentence(sentence: str, where: str, item: tuple[str, ...]) -> list[Reason]:
    """The reasons a sentence gives in its change clauses: each clause runs from its item to where the next
    item's clause begins, and gives a reason when a marker follows its change."""
    found = list(narrative.CLAUSE.finditer(sentence))
    starts = [_subject_start(sentence, m.start()) for m in found]
    out: list[Reason] = []
    for i, m in enumerate(found):
        end = starts[i + 1] if i + 1 < len(found) and starts[i + 1] > m.end() else len(sentence)
        if not gives_reason(sentence[m.end() : end]):
            continue
        subject, parents = _subject(sentence[starts[i] : m.start()] or sentence[starts[i] :], item)
        if len(subject) < 2 or float(m.group("change").replace(",", "")) == 0:
            continue
        way: Way = "down" if m.group("verb") in narrative.DOWN else "up"
        quote = _cut(sentence[starts[i] : end]).strip("；;，, ")
        out.append(Reason(subject=subject, way=way, quote=quote, where=where, parents=parents, heading=item))
    return out


def _flat_clauses(sentence: str, where: str, item: tuple[str, ...]) -> list[tuple[Reason, bool]]:
    """The unchanged items a sentence prints ("公务用车运行费21.56万元，比2023年预算持平，主要原因是…"), each as a
    flat Reason (its quote the clause) and whether the clause itself gives the reason."""
    out: list[tuple[Reason, bool]] = []
    for m in _flat().finditer(sentence):
        start = _subject_start(sentence, m.start())
        subject, parents = _subject(sentence[start : m.start()], item)
        if len(subject) < 2 and item:
            subject, parents = item[-1], item[:-1]
        if len(subject) < 2:
            continue
        rest = re.split(r"[；;。]", sentence[m.end() :], maxsplit=1)[0]
        quote = _cut(sentence[start : m.end()] + rest).strip("；;，, ")
        flat = Reason(subject=subject, way="flat", quote=quote, where=where, parents=parents, heading=item)
        out.append((flat, gives_reason(rest)))
    return out


@cache
def _flat() -> re.Pattern[str]:
    """A comparison that finds the item unchanged ("比2023年预算持平", "与上年持平")."""
    words = "|".join(map(re.escape, sorted(_data()["flat"], key=len, reverse=True)))
    return re.compile(rf"(?:比|较|与)[^，。；;]{{0,20}}?(?:{words})")


def reasons(chunks: Sequence[Chunk]) -> list[Reason]:
    """Every reason the prose chunks give for an item's change (or for its staying unchanged), in order."""
    out: list[Reason] = []
    last: Reason | None = None  # the last change of the sentence before, same heading, its quote that sentence
    read = [
        (sentence, where + page_note(c.metadata.get("page"), c.metadata.get("page_end")), item)
        for c in chunks
        for sentence, where, item in narrative.paragraphs([c])
    ]
    prev = ("", "")  # the sentence before and its heading
    for sentence, where, item in read:
        if last is not None and last.where != where:
            last = None
        opening = sentence_opening(sentence)
        flat = _flat().match(opening)
        if last is None and flat and item:  # "（三）公务接待费1.35万元。" then "比2023年预算持平，主要原因是…"
            opened = prev[0] if prev[1] == where and item[-1] in prev[0] else ""
            last = Reason(subject=item[-1], way="flat", quote=opened, where=where, parents=item[:-1])
        prev = (sentence, where)
        if last is not None and (_marker().match(opening) or flat):  # "主要原因是：…" after the change's sentence
            if gives_reason(opening) and (flat is None or last.way == "flat"):
                out.append(replace(last, quote=f"{last.quote}{sentence}"))
            last = None
            continue
        if own := _own().match(opening):
            subject = narrative.TRAIL.sub("", own.group("subject")).strip()
            out.append(Reason(subject=subject, way=_way(own.group("way")), quote=sentence, where=where, heading=item))
            last = None
            continue
        out.extend(_in_sentence(sentence, where, item))
        flats = _flat_clauses(sentence, where, item)
        out.extend(r for r, given in flats if given)
        changes = narrative.clauses(sentence, where, item)
        last = None
        flat_end = max((m.end() for m in _flat().finditer(sentence)), default=-1)
        if flats and flat_end > max((m.end() for m in narrative.CLAUSE.finditer(sentence)), default=-1):
            last = None if flats[-1][1] else replace(flats[-1][0], quote=sentence)
        elif changes and (signed := changes[-1].change if changes[-1].change is not None else changes[-1].rate):
            subject, parents = on_path(changes[-1].subject, changes[-1].parents)
            way: Way = "up" if signed > 0 else "down"
            last = Reason(
                subject=subject, way=way, quote=changes[-1].sentence, where=where, parents=parents, heading=item
            )
        elif not changes and (compared := reason_fit.compared_first(opening)):  # "与2023年度相比，收入…增加…"
            subject, down, end = compared
            last = Reason(subject=subject, way="down" if down else "up", quote=sentence, where=where, heading=item)
            if gives_reason(opening[end:]):
                out.append(replace(last, quote=_cut(sentence)))
                last = None
    return out


def against_budget(question: str) -> bool:
    """Whether a why-question sets a 决算 against its 预算 ("决算数小于预算数的主要原因"), not two years."""
    plain = question.replace("数", "")
    return any(w.replace("数", "") in plain for w in _data()["against_budget"])


def asked_way(question: str) -> Way | None:
    """The direction a why-question asks about: its premise ("为什么增加"), else the one direction its words
    name ("比上年减少多少？主要原因？"); None when it names none or both."""
    if asked := premise.asked_direction(question):
        return asked[1]
    if premise.either_way(question):
        return None  # "多了还是少了": no direction taken
    ways = {d for d in ("up", "down") if any(w in question for w in premise.direction_words(d) if len(w) > 1)}
    if not ways:
        return reason_whole.verb_way(question)  # "为什么从0涨到3000万"
    return ways.pop() if len(ways) == 1 else None  # type: ignore[return-value]


def no_reason(change: narrative.Change, subject: str, way: str) -> str:
    """The answer when the item's change is printed without a reason."""
    signed = change.change if change.change is not None else change.rate
    word = "增加" if signed is not None and signed > 0 else "减少"
    amount = f"{abs(signed)}{change.change_unit if change.change is not None else '%'}" if signed is not None else ""
    return str(_data()["no_reason"]).format(change=f"{subject}比{change.against}{word}{amount}", way=way)


def about_other(quote: str, phrase: str, names: Sequence[str], neutral: Sequence[str]) -> bool:
    """Whether a quote states the change of another item than the one asked: it prints changes, and none of
    them is of the item asked (narrative.pick's reading of a subject)."""
    printed = narrative.clauses(quote, "")
    if not printed or not phrase.strip():
        return False
    return narrative.pick(printed, phrase, names, neutral, lambda c: c.change) is None and not any(
        narrative.pick([c], phrase, names, neutral, lambda c: c.change) for c in printed
    )


def explained(turn: Turn, query: Query) -> Draft | None:
    """The reason printed for the item a why-question asks and its direction; Unanswerable when the item's
    change is printed without one; None when the prose prints neither (the caller's search decides)."""
    question = query.question
    if add_up.asks_mismatch(question):  # "加起来对不上": the document's own note
        doc = turn.pick.doc(query)
        return add_up.explained(doc.doc_id, turn.engine.facts_sql.chunks([doc.doc_id]))
    stated = premise.stated_figure(question) or premise.figure_stated(question)
    if WHY.search(question) and stated and (wrong := _stated(turn, query, stated)):
        raise Corrected(wrong)  # "三公经费比上年增长了50%，主要原因是什么" when 25万元 on 22.91 was printed
    if against_budget(question):
        return None  # "决算数小于预算数的原因": no change over years
    if not asks_reason(question) or len({turn.kb.docs[d].department for d in query.doc_ids}) > 1:
        return None  # one department's several years: the year asked, else the latest (Selector.doc)
    doc = turn.pick.doc(query)
    phrase = asked_phrase(turn, query)
    neutral = turn.understanding.neutral
    way = asked_way(question)
    if reason_whole.asks_change(question, way) and reason_whole.asked(
        [turn.pick.name(k) for k in query.subjects], phrase, neutral
    ):
        return _of_whole(turn, query, phrase, way)  # "今年预算为什么减少": never one item's reason
    if not phrase:
        return None
    chunks = turn.engine.facts_sql.chunks([doc.doc_id])
    every = reasons(chunks)
    same = [r for r in every if way is None or r.way == way]
    best = _best(turn, query, phrase, same)
    several = {_path(r): r for r in same if best is None and _best(turn, query, phrase, [r]) is not None}
    if len(several) > 1 and reason_fit.said_alike(list(several.values()), _marker()):
        return _quoted(doc.doc_id, list(several.values()), chunks)  # 收入 and 支出 in the same words
    if len(several) > 1:  # "一般行政管理事务" of 群众团体事务 and of 宣传事务: which one is asked
        raise Unanswerable(str(_data()["several"]).format(items="、".join(several)))
    if best is not None:
        quoted = _quoted(doc.doc_id, [best], chunks)
        if said := reason_fit.against_itself(
            best, _marker(), premise.direction_words("up"), premise.direction_words("down")
        ):
            quoted.text += str(_data()["against_itself"]).format(
                way=_WORD[best.way], said=said
            )  # what is printed, both ways
        return quoted
    asked = premise.asked_direction(question)
    if asked is not None and (other := _best(turn, query, phrase, [r for r in every if r.way != way])) is not None:
        raise Corrected(_correction(other, asked, doc.aliases))  # the premise first, then its reason
    words = [w for w in phrase.split() if w not in neutral and len(w) > 1]
    read = [(sentence, where) for sentence, where, _ in narrative.paragraphs(chunks)]
    if asked is not None and (flat := reason_fit.unchanged_section(read, words, _flat())):
        section = re.sub(r"(?:情况说明|情况|说明)$", "", narrative.LEAD.sub("", flat[0].split(" > ")[-1]))
        fixed = str(_data()["unchanged"]).format(section=section, flat=_data()["flat"][0], asked=asked[0])
        raise Corrected(f"{fixed}。据{flat[0]}：「{''.join(flat[1])}」")
    change = narrative.best_change(narrative.changes(chunks), phrase, False, doc.aliases, neutral)
    if change is None or change.change is None or not change.change:
        return None
    if way is None and reason_whole.asks_change(question, way):  # "比2023年多了多少？为什么？": the way printed
        way = "up" if change.change > 0 else "down"
    if way is None or (change.change > 0) != (way == "up"):
        return None
    if own := _of_change(change, same):  # the item's change read with its parent path: the reason printed with it
        return _quoted(doc.doc_id, [own], chunks)
    if _unread(chunks, change.where, every):
        return None  # a reason printed in the change's section names no item read ("预算收支增（减）的主要原因：…")
    subject = narrative.plain_subject(change.subject, doc.aliases)
    word = "增加" if way == "up" else "减少"
    if parts := [replace(r, quote=as_printed(r.quote, chunks)) for r in _parts(change, subject, same)]:
        said = "；".join(f"「{r.quote}」" for r in parts)
        return Draft(
            text=f"{no_reason(change, subject, word)}；同一节说明了其中各项的原因：{said}（据{parts[0].where}）",
            citations=[Citation(doc_id=doc.doc_id, where=r.where, text=r.quote) for r in parts],
        )
    raise Unanswerable(no_reason(change, subject, word))


def _of_whole(turn: Turn, query: Query, phrase: str, way: Way | None) -> Draft | None:
    """The reason printed for the budget as a whole (reason_whole.chosen); the premise corrected when it moved
    the other way only; None when the prose prints none (the search decides, reason_whole.fits)."""
    doc = turn.pick.doc(query)
    chunks = turn.engine.facts_sql.chunks([doc.doc_id])
    found = reason_whole.chosen(reasons(chunks), doc.aliases, phrase, way)
    if not found:
        return None
    asked = premise.asked_direction(query.question)
    if asked is not None and all(r.way != asked[1] for r in found):  # "预算为什么增加" when it fell
        raise Corrected(_correction(found[0], asked, doc.aliases))
    return _quoted(doc.doc_id, found, chunks)


def _quoted(doc_id: str, found: Sequence[Reason], chunks: Sequence[Chunk]) -> Draft:
    """Each reason quoted as printed, with where it is."""
    quotes = [(r, as_printed(r.quote, chunks)) for r in found]
    return Draft(
        text="\n".join(f"据{r.where}：\n「{q}」" for r, q in quotes),
        citations=[Citation(doc_id=doc_id, where=r.where, text=q) for r, q in quotes],
    )


def _correction(other: Reason, asked: tuple[str, premise.Direction], names: Sequence[str]) -> str:
    """A premise ("为什么增加") corrected by the reason printed for the item's move the other way, then quoted."""
    word = {"up": "增加", "down": "减少", "flat": _data()["flat"][0]}[other.way]
    subject = narrative.plain_subject(_path(other), names)
    fixed = str(_data()["corrected"]).format(item=subject, printed=word, asked=asked[0])
    given = other.quote[m.start() :].rstrip("。；; ") if (m := _marker().search(other.quote)) else ""
    if any(len(w) > 1 and w in given for w in premise.direction_words(asked[1])):  # "减少2.98%。主要原因是：…经费增加"
        fixed += str(_data()["contradicted"]).format(said=given)  # figures decide
    return f"{fixed}。据{other.where}：「{other.quote}」"


def as_printed(quote: str, chunks: Sequence[Chunk]) -> str:
    """The quote as the chunk prints it ("较 2021 年预算增加 1,000 万元"; read without the spaces), line breaks
    dropped; the quote itself when it is not found."""
    pattern = r"\s*".join(map(re.escape, re.sub(r"\s+", "", quote)))
    for c in chunks:
        if m := re.search(pattern, c.text):
            return m.group(0).replace("\n", "")
    return quote


def _stated(turn: Turn, query: Query, stated: tuple[str, Decimal]) -> str | None:
    doc = turn.pick.doc(query)
    printed = narrative.changes(turn.engine.facts_sql.chunks([doc.doc_id]))
    c = narrative.best_change(printed, asked_phrase(turn, query), False, doc.aliases, turn.understanding.neutral)
    return premise.stated_wrong(stated, c, narrative.plain_subject(c.subject, doc.aliases)) if c else None


def _unread(chunks: Sequence[Chunk], where: str, every: Sequence[Reason]) -> bool:
    """Whether a sentence of the section `where` gives a reason that no reason read holds."""
    return any(
        gives_reason(sentence) and not any(sentence in r.quote or r.quote in sentence for r in every)
        for sentence, said, _ in narrative.paragraphs(chunks)
        if said == where
    )


def _parts(change: narrative.Change, subject: str, same: Sequence[Reason]) -> list[Reason]:
    """The reasons printed for the parts of an item whose own change has none, in the section on that item
    ("一、2024年“三公”经费预算情况说明": 公务用车购置及运行费…主要原因是购置公务用车); at most three, else none."""
    if len(norm(subject)) < 2 or norm(subject) not in norm(change.where):
        return []
    parts = [r for r in same if r.where.startswith(change.where) and norm(r.subject) != norm(subject)]
    return parts if len(parts) <= 3 else []


def _of_change(change: narrative.Change, same: Sequence[Reason]) -> Reason | None:
    """The one reason printed in the very clause of the item's change ("其中：基本支出…，比2025年增加2943.64万元，
    主要原因是…" when 基本支出 is read as a part of 一般公共预算财政拨款支出): its quote holds that change as printed
    and its subject is the change's item."""
    printed, item = norm(change.printed), norm(on_path(change.subject, change.parents)[0])
    found = {r.quote: r for r in same if printed in norm(r.quote) and norm(r.subject) == item}
    return next(iter(found.values())) if len(found) == 1 else None


def _path(r: Reason) -> str:
    return f"{r.parents[-1]}{r.subject}" if r.parents and r.parents[-1] not in r.subject else r.subject


def _best(turn: Turn, query: Query, phrase: str, found: Sequence[Reason]) -> Reason | None:
    """The reason of the item asked among `found`: by the question's words, else by the name of the label read
    for it ("三公经费" asked, read as 财政拨款“三公”经费)."""
    doc = turn.pick.doc(query)
    quotes = {r.quote: Decimal(i) for i, r in reversed(list(enumerate(found)))}
    first = lambda r: quotes[r.quote]  # noqa: E731  # two as good with different quotes: none (which one?)
    best = narrative.pick(found, phrase, doc.aliases, turn.understanding.neutral, first)
    for other in (reason_fit.loosened(found, phrase), reason_fit.at_parent(found)):
        if best is None and other:  # "会议费" of 一般公共预算会议费; "宣传事务" of its one 项 printed
            byquote = {r.quote: r for r in found}
            best = narrative.pick(other, phrase, doc.aliases, turn.understanding.neutral, first)
            best = byquote.get(best.quote) if best else None
    if best is None and query.subjects:
        name = narrative.plain_subject(turn.pick.name(query.subjects[0]), doc.aliases)  # "科协组织建设…": no 科协
        best = narrative.pick(found, name, doc.aliases, (), first)
    return best


def asked_phrase(turn: Turn, query: Query) -> str:
    """The words of a why-question that name its item (without the department, its premise and question
    words); the item read for it when the question names none (a follow-up)."""
    doc = turn.pick.doc(query)
    plain = follow.without_lead(premise.without_premise(query.question))  # "那政府性基金…": a follow-up's 那
    for word in _data()["degree"]:  # "预算大幅增加", "减少那么多": how much, no item
        plain = plain.replace(word, " ")
    plain = to_template(narrative.asked(plain))
    for word in _data()["parts_of_change"]:  # "增加主要是哪几块": asks the reasons, names no item
        plain = plain.replace(word, " ")
    for written in turn.understanding.named(plain).values():  # "无锡交通局": a department as the asker wrote it
        plain = plain.replace(written, " ")
    words = [re.sub(r"了$", "", w) for w in turn.understanding.content(plain, [doc.doc_id]).split()]
    off = _data()["asked_words"]
    phrase = " ".join(
        w for w in words if w not in doc.department and len(w) > 1 and not re.search(r"\d", w) and w not in off
    )
    if query.subjects and not narrative.item_named(phrase, turn.understanding.neutral):
        name = turn.pick.name(query.subjects[0])
        if not narrative.whole(name):
            return name
    return phrase


def fits(turn: Turn, query: Query, quote: str) -> bool:
    """Whether a sentence the search found may answer a why-question of a change over years ("为什么减少",
    "变化的原因"): it gives a reason, of the item asked (of the budget as a whole when that is asked), in the
    direction asked, and never states only another item's change. A why-question of no change ("为什么是0",
    "决算为什么超过预算") is left to the search."""
    way = asked_way(query.question)
    if not asks_reason(query.question) or against_budget(query.question):
        return True
    if not reason_whole.asks_change(query.question, way):
        return True
    if not gives_reason(quote):
        return False  # an amount, a table cell: no "why"
    doc = turn.pick.doc(query)
    every = reasons(turn.engine.facts_sql.chunks([doc.doc_id]))
    phrase = asked_phrase(turn, query)
    if reason_whole.asked([turn.pick.name(k) for k in query.subjects], phrase, turn.understanding.neutral):
        return reason_whole.fits(quote, every, doc.aliases, _marker())  # the whole's reason, never an item's
    read = [r.way for r in every if norm(quote) in norm(r.quote)]
    head = quote[: m.start()] if (m := _marker().search(quote)) else quote  # what the reason is of
    printed = {d for d in ("up", "down") if any(w in head for w in premise.direction_words(d) if len(w) > 1)}
    if way is not None and read and way not in read and not (printed and printed <= set(read)):
        return False  # "主要原因是：…经费增加。" read as the reason of a fall: not of the rise asked (a quote
        # printing the fall itself, "预算收支减少主要原因说明：…", is kept: the premise is corrected with it)
    if not _names(turn, query, phrase, quote):
        return False
    return not about_other(quote, phrase, doc.aliases, turn.understanding.neutral)


def _names(turn: Turn, query: Query, phrase: str, quote: str) -> bool:
    """Whether a quote names the item asked: every word of the phrase, or what is left of it without the words
    naming no item ("养老服务经费" → 养老服务) before the reason marker (what the reason is of: "主要原因是：宣传
    事务…经费增加" names no 宣传经费), or the name of the subject read ("主要原因是：…" alone names only what the
    reason does)."""
    plain = norm(quote)
    neutral = turn.understanding.neutral
    words = [w for w in phrase.split() if w not in neutral]
    names = [n for n in map(turn.pick.name, query.subjects) if reason_whole.tier(n, ()) != 0]
    if not words or any(norm(n) in plain for n in names):
        return True
    head = norm(quote[: m.start()] if (m := _marker().search(quote)) else quote)  # what the reason is of
    core = [norm(narrative.without(w, neutral)) for w in words]  # "经费预算": no item word left, nothing to name
    return all(norm(w) in plain or not c or (len(c) >= 2 and c in head) for w, c in zip(words, core, strict=True))
