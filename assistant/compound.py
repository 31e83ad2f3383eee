"""A question of several parts: every part answered, or named as not answered (issue 23: nothing dropped).

"三公经费一共多少？其中公务接待费多少？", "比2023年增长了多少？原因是什么？", "流动资产和固定资产各有多少？",
"有几个内设机构和直属事业单位？": the question is split into its asking clauses (each holds an interrogative;
they are separated by ？，； or, for two items joined by 和 before 各/分别 or after 几个, by the join), the later
clauses read as follow-ups of the first (they inherit its department, year, kind and subject: assistant/follow.py;
a share with no whole named is a share of the first clause's subject), each answered by the engine, and the
answers combined: one line per part, the figures and citations of all parts; a part not answered says so in its
line. When every part is refused, the whole question's own answer stands (a refusal). The engine's answer to the
whole question is kept when it already holds the figure of every part answered.

The question words are data (assistant/compound.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from assistant import follow, next_figure, quote_fit, row_indicator
from assistant.complete import cues as all_cues
from assistant.complete import explains, explanation_asked
from assistant.cues import longest_first
from assistant.reason import gives_reason
from assistant.records import Answer
from assistant.stated import cues as stated_cues
from assistant.stated import lists_names
from assistant.tokens import leading_noun

_SEPARATORS = "？?；;，,。"  # marks closing a clause
_TOTAL_END = re.compile(r"的?(?:预算)?(?:总额|总计|合计|总数|一共|总共)(?:是|为|有)?(?:多少)?$")  # a whole's total word
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])不\1")  # a question by its form: "买不买", "够不够"
_SPOKEN_BREAK = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")  # a space between two words of Chinese
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?")
_COUNTED = re.compile(r"^(.*?(?:有|包括|共有|设有|含)?)(几个|几家|几名|几|多少个)(.+)$")  # "有几个A和B"
_COUNT_OF = re.compile(
    r"(?:多少|几)(?:个(?=人))?(?P<measure>[辆个人家名台项座])(?P<noun>[\u4e00-\u9fff]{0,6})$"
)  # "几辆车"
_COUNT_ASK = re.compile(
    r"(?:有|共有)?(?:多少|几)(?:个(?=人))?(?P<unit>[辆个人家名台项座批次])"
)  # "有多少个", "几辆": a count asked
_QUOTE = "「"  # a figure's source quoting the sentence it was read from
_NOT_FOUND = "抱歉，公开文件中找不到这个问题的答案："
_UNLISTED = "公开文件没有单独列出"  # a part asking a name the first part's sentence says: that sentence quoted

Ask = Callable[[str], Answer]  # the engine's answer to one complete question (no conversation)
Spans = Callable[[str], list[str]]  # the department names as written in a text
Printed = Callable[[str], bool]  # a name the documents print as one item ("社会保障和就业支出")


@cache
def cues() -> dict[str, Any]:
    """assistant/compound.toml: the words of a question of several parts."""
    return tomllib.loads(files("assistant").joinpath("compound.toml").read_text(encoding="utf-8"))


def asks(text: str) -> bool:
    """The clause asks something of its own (holds an interrogative, other than in a set pointed at: 这几个单位)."""
    for word in cues()["demonstratives"]:
        text = text.replace(word, "")
    return any(w in text for w in cues()["interrogatives"]) or bool(_A_NOT_A.search(text))


def clauses(question: str) -> list[str]:
    """The asking pieces of a question, in order; a piece that asks nothing ("截至2023年底") joins the next one
    (or the last, at the end)."""
    out: list[str] = []
    pending = ""
    for piece, mark in _pieces(question):
        if asks(piece) or (mark in "？?" and mark and out):  # "…是多少？比上年变化？": a question by its mark
            out.append(f"{pending}{piece}")
            pending = ""
        elif out and not pending:
            out[-1] = f"{out[-1]}，{piece}"
        else:
            pending = f"{pending}{piece}，"
    if pending and out:
        out[-1] = f"{out[-1]}，{pending.rstrip('，')}"
    return out


def _pieces(question: str) -> list[tuple[str, str]]:
    """The pieces of a question between its separators (a space between two Chinese words is one: a question
    typed or said without punctuation), each with the mark closing it ("" at the end); a piece
    listing asks ("有几个、涉及多少钱", "几次、多少人") is cut at its 、 only when every side asks (never the
    items of one list: "工资福利、商品和服务支出分别是多少")."""
    out: list[tuple[str, str]] = []
    question = _SPOKEN_BREAK.sub("，", question)  # "有几辆车 都是啥车": a space said between two clauses
    for m in re.finditer(f"([^{_SEPARATORS}]*)([{_SEPARATORS}]?)", question):
        piece = m.group(1).strip()
        if not piece:
            continue
        listed = [p.strip() for p in piece.split("、")]
        if len(listed) > 1 and all(p and asks(p) for p in listed):
            out.extend((p, "、") for p in listed[:-1])
        out.append((listed[-1] if len(listed) > 1 and all(p and asks(p) for p in listed) else piece, m.group(2)))
    return out


def _cut(text: str, spans: Spans) -> int:
    """Where a text's department and year end (0 when it names neither)."""
    ends = [m.end() for m in _YEAR.finditer(text)] + [text.find(s) + len(s) for s in spans(text) if s and s in text]
    return max(ends, default=0)


def joined(clause: str, spans: Spans, printed: Printed) -> list[str]:
    """Two items joined by 和 asked each on its own ("A和B各有多少" → "A有多少", "B有多少"; "2023年和2024年X分别
    是多少" → each year's X; "有几个A和B" → "有几个A", "有几个B"); [clause] when it joins none, or the joined
    words are one printed name."""
    text = follow.END.sub("", clause)
    each = next(((text.find(w), w) for w in longest_first(cues()["each"]) if text.find(w) > 0), None)
    head, ask = (text[: each[0]], text[each[0] + len(each[1]) :] or "是多少") if each else (text, "")
    found = [(head.rfind(j), j) for j in longest_first(cues()["joins"]) if head.rfind(j) > 0]
    if not found:
        return [clause]
    at, join = min(found, key=lambda f: (-(f[0] + len(f[1])), f[0]))  # the last join, longest (以及 not 及)
    left, right = head[:at], head[at + len(join) :]
    if not left or not right:
        return [clause]
    if each:
        year_left, year_right = list(_YEAR.finditer(left)), _YEAR.match(right)
        if year_left and year_left[-1].end() == len(left) and year_right:  # "2023年和2024年教育支出分别是多少"
            start, shared = year_left[-1].start(), right[year_right.end() :]
            return [f"{left}{shared}{ask}", f"{left[:start]}{year_right.group(0)}{shared}{ask}"]
        if spans(right):  # "万里街道的基本支出和福利院的项目支出各是多少": the right part names its own department
            years = "" if _YEAR.search(right) else "".join(m.group(0) for m in _YEAR.finditer(left))
            if not left[_cut(left, spans) :].strip("的"):  # "A局和B局纳入绩效目标管理的项目分别有几个": the
                left = f"{left}{right[_cut(right, spans) :]}"  # left department asks the right one's item too
            return [f"{left}{ask}", f"{years}{right}{ask}"]
        cut = _cut(left, spans)
        lead = left[:cut] + ("的" if left[cut:].startswith("的") else "")
        first = left[len(lead) :]
        if not first or printed(f"{first}{join}{right}"):
            return [clause]
        return [f"{lead}{first}{ask}", f"{lead}{_shared(first, right)}{ask}"]
    counted = _COUNTED.match(left)  # "北京市财政局有几个内设机构和直属事业单位"
    if not counted or not asks(counted.group(2)) or asks(right) or printed(f"{counted.group(3)}{join}{right}"):
        return [clause]
    lead = f"{counted.group(1)}{counted.group(2)}"
    return [f"{lead}{counted.group(3)}", f"{lead}{right}"]


def _shared(first: str, right: str) -> str:
    """The right item of "A和B分别" with what the left one shares: two columns of one subject ("事业运行这项，全年
    预算和决算" → "事业运行这项，决算") keep that subject; two parts under a named parent ("政府采购预算里货物和服务"
    → "政府采购预算里服务") keep that parent; two parts of the whole asked before ("其中行政单位和事业单位" → "其中事业
    单位") keep that 其中. Otherwise the right item as written."""
    if (new := follow.column_word(right)) and new.group(0) == right and (old := follow.column_word(first)):
        return f"{first[: old.start()]}{right}{first[old.end() :]}"
    within = [(first.rfind(w), w) for w in longest_first(cues()["shared_parent"]) if first.rfind(w) >= 2]
    if within:
        at, word = max(within, key=lambda f: (f[0] + len(f[1]), len(f[1])))
        if at + len(word) < len(first) and right not in first[:at]:  # "离退休人员里离休和退休": the parent's
            return f"{first[: at + len(word)]}{right}"  # name holding the item would be read for it
    lead = next((w for w in follow.cues()["child"] if first.startswith(w) and not right.startswith(w)), "")
    return f"{lead}{right}"


def split(question: str, spans: Spans, printed: Printed) -> list[str]:
    """The parts a question asks, each as written (the joined items asked each on its own; a later "是A还是B" as
    A and B each asked: `either`)."""
    return _split(question, spans, printed)[0]


def _split(question: str, spans: Spans, printed: Printed) -> tuple[list[str], set[str]]:
    """`split`, and the parts that each ask one of two items of the first part's row ("是A还是B")."""
    parts = [part for clause in clauses(question) for part in joined(clause, spans, printed)]
    chosen = [either(part, printed) for part in parts[1:]]
    return parts[:1] + [p for each in chosen for p in each], {p for each in chosen if len(each) > 1 for p in each}


_EITHER = re.compile(r"^(?:是|属于)?(?P<a>[^，]{2,}?)还是(?:属于)?(?P<b>[^，]{2,}?)[呢吗]?$")


def either(part: str, printed: Printed) -> list[str]:
    """A later part asking which of two printed items the first part's figure is ("是基本支出还是项目支出？"):
    each item asked of it ("基本支出是多少", "项目支出是多少"), both figures shown; [part] when it asks no such
    choice or either side is no printed name (a direction: "是增加还是减少")."""
    found = _EITHER.match(follow.END.sub("", part))
    if not found or any(asks(found.group(k)) or not printed(found.group(k)) for k in ("a", "b")):
        return [part]
    return [f"{found.group('a')}是多少", f"{found.group('b')}是多少"]


def _asked_before_ask(question: str) -> str:
    """A question up to its ask words ("…比2023年增长了多少" → "…比2023年增长")."""
    text = follow.END.sub("", question.strip())
    cuts = [text.find(w) for w in cues()["ask_tails"] if text.find(w) > 0]
    return (text[: min(cuts)] if cuts else text).rstrip("了的是有")


def completed(first: str, part: str, spans: Spans) -> list[str]:
    """The complete questions a later part may stand for after the `first` (complete) part, in the order tried."""
    if spans(part):  # it names its own department: a question of its own
        return [part]
    body = follow.END.sub("", part.strip())
    if any(w in body for w in cues()["why"]) and not any(w in body for w in ("多少", "几")):  # "原因是什么？"
        return [f"{_asked_before_ask(first)}的原因是什么？"]
    if of_counted := _of_counted(first, body):
        return of_counted
    if rate := _measure_of_asked(first, body):
        return [rate]
    stem = follow.stem(first)
    cut = _cut(stem, spans)
    subject = stem[cut:].lstrip("的")
    counted_noun = _count_of_noun(first, body, stem[:cut], subject)
    if kept := follow.measure_kept(first, part, spans):
        # "基本支出比上年增加了多少？项目支出呢？": the first part's measure, never the new subject's level; a bare
        # count of the first count's unit counts its noun first ("设备有多少台套？今年又买几台？")
        return [*counted_noun, kept]
    for word in longest_first(cues()["share_open"]):  # "公务接待费占多少？": a share of the first part's subject
        if word in body and subject:
            item = body[: body.find(word)]
            for lead in follow.cues()["child"]:
                item = item.removeprefix(lead)
            if item and item != subject:
                return [f"{stem[:cut]}{item}占{subject}的比例是多少？"]
    child = follow.child_item(part)  # "其中人员支出多少": also that column of the first part's row
    of_row = [f"{stem}的{child}是多少？"] if child and _level_part(first, child) else []
    whole = _TOTAL_END.sub("", stem)  # "政府采购总额多少？工程采购多少？": the part within the whole, not its total
    said = follow.END.sub("", first.strip())
    total = whole != stem or (said.startswith(stem) and bool(_TOTAL_END.match(said[len(stem) :])))
    # ("其中公务接待费多少" is follow.py's: …中公务接待费是多少)
    within = [f"{whole}中{body}？"] if total and child is None and whole[cut:] and not _TOTAL_END.search(body) else []
    if _TOTAL_END.search(body) and len(body) > 4:  # "收入合计多少？支出合计多少？": a whole of its own, with the
        within = [f"{stem[:cut]}{body}？"]  # first part's department and year only
    out = [*_object_of_why(first, body), *within, *_unit_carried(first, body, stem[:cut]), follow.complete(first, part)]
    out += [*of_row, f"{stem}{body}？"]
    counted = _COUNT_OF.search(follow.END.sub("", first))
    if counted and (asked := _COUNT_OF.search(body)) and not asked.group("noun"):
        # "有多少辆车？今年买几辆？": the later count counts what the first one did (车)
        noun = counted.group("noun") if asked.group("measure") == counted.group("measure") else ""
        out = [f"{stem}{body}{noun}？", *counted_noun, *out] if noun else [*counted_noun, *out]
    else:
        out = [*counted_noun, *out]
    return list(dict.fromkeys(q for q in out if q))


def _level_part(first: str, item: str) -> bool:
    """The item a 其中 part names asks a level of the first part's level: no ask, rate or change word in either
    ("行政运行比上年增加多少？其中人员经费增加多少？" asks the part's change, never the row's level)."""
    words = [*cues()["directions"], *cues()["rates"], *cues()["change_rates"]]
    return not asks(item) and not any(w in f"{first}{item}" for w in words) and not follow.COMPARED.search(first)


def _count_of_noun(first: str, body: str, lead: str, subject: str) -> list[str]:
    """ "设备有多少台（套）？今年打算再买几台？": a bare count of the first count's unit, the noun written before the
    first count after the later one ("…今年打算再买几台单位价值100万元以上的设备？"); [] otherwise."""
    first_ask, asked = _COUNT_ASK.search(first), _COUNT_OF.search(body)
    if not first_ask or not asked or asked.group("noun") or not subject:
        return []
    return [f"{lead}{body}{subject}？"] if first_ask.group("unit") == asked.group("measure") else []


_BARE_ASK = re.compile(r"^(?P<words>[\u4e00-\u9fff]{2,6}?)(?:有|是|为)?(?:多少|几)$")


def _unit_carried(first: str, body: str, lead: str) -> list[str]:
    """ "编制多少人，实有多少？": a part naming an item of its own with a bare ask after a count of people, vehicles,
    units … (compound.toml `own_units`) asks that item counted in the same unit, of the first part's department and
    year ("西安民政局实有多少人？"), never the first part's item with its words glued on ("编制实有多少"); [] otherwise."""
    counted, bare_ask = _COUNT_ASK.search(follow.END.sub("", first)), _BARE_ASK.match(body)
    if not counted or counted.group("unit") not in cues()["own_units"] or not bare_ask or not lead:
        return []
    words = bare_ask.group("words")
    if any(words.startswith(w) for w in follow.cues()["child"]) or asks(words) or asks_money(words):
        return []
    return [f"{lead}{body}{counted.group('unit')}？"]


_VERB_COUNT = re.compile(r"(?P<verb>[\u4e00-\u9fff]{1,2}?)(?:多少|几)")


def _object_of_why(first: str, body: str) -> list[str]:
    """ "为什么要买公务车？买几辆？": a bare count whose verb the first part asked the reason of counts that verb's
    object ("…今年公务车买几辆？"): what the first part writes before its why word, the object after the verb there,
    then the part; [] when the first part asks no reason or does not write the part's verb after it."""
    text = follow.END.sub("", first)
    why = next((text.find(w) for w in longest_first(cues()["why"]) if text.find(w) > 0), -1)
    counted, verb = _COUNT_OF.search(body), _VERB_COUNT.match(body)
    if why < 0 or not counted or counted.group("noun") or not verb:
        return []
    at = text.find(verb.group("verb"), why)
    thing = text[at + len(verb.group("verb")) :] if at > why else ""
    if len(thing) < 2 or asks(thing):
        return []
    return [f"{text[:why]}{thing}{body}？"]


def asks_money(part: str) -> bool:
    """The part asks an amount of money ("花多少钱？", "涉及多少资金？")."""
    return any(w in part for w in cues()["money"])


def _of_counted(first: str, body: str) -> list[str]:
    """A part asking money, or a count in another unit, of what the first part counted ("买几辆车？花多少钱？",
    "有多少个项目纳入绩效目标管理？涉及多少钱？", "接待了几次，多少人？"): the first part without its count asked,
    then the part ("买车花多少钱？"), and, when a noun follows the count, that noun after what it did ("有几个项目
    编报了绩效目标" → "编报了绩效目标的项目涉及多少资金？"); [] when the first part asks no count or the part names an
    item of its own (more than ask words)."""
    text = follow.END.sub("", first)
    counted, unit = _COUNT_ASK.search(text), _COUNT_ASK.search(body)
    if not counted or not (asks_money(body) or (unit and unit.group("unit") != counted.group("unit"))):
        return []
    if not bare(body):
        return []  # "公务接待费花了多少钱": an item of its own
    lead, rest = text[: counted.start()], text[counted.end() :]
    out = [f"{lead}{rest}{body}？"]
    noun = leading_noun(rest)  # the word jieba reads first, never a guessed length ("项目", "公务用车")
    if noun and (did := rest[len(noun) :].removeprefix("是").rstrip("的")):
        out.append(f"{lead}{did}的{noun}{body}？")  # "公务用车是新购的" → "新购的公务用车"
    return out


def bare(body: str) -> bool:
    """The part is ask words only ("涉及多少资金", "多少人", "花了多少钱"), naming no item of its own."""
    rest = _COUNT_ASK.sub("", body)
    for w in longest_first([*cues()["money"], *cues()["ask_tails"], *cues()["money_verbs"]]):
        rest = rest.replace(w, "")
    return not rest.strip("了的是呢吗")


def _own_words(body: str) -> bool:
    """The part says two words or more of its own beyond ask, money and sum words ("实有多少人" → 实有; never
    "多多少", "各多少", "一共多少个")."""
    rest = re.sub(r"(?:多少|几)个?[辆个人家名台项座批次]?", "", body)  # the count asked, never the verb before it
    for w in longest_first([*cues()["money"], *cues()["ask_tails"], *cues()["money_verbs"], *cues()["sum_words"]]):
        rest = rest.replace(w, "")
    return len(rest.strip("了的是呢吗各多少共")) >= 2


def _next_fits(part: str) -> next_figure.Fits | None:
    """What a part of ask words only asks of the first part's sentence: an amount of money, a count of its own
    unit ("多少人"), the rate of the change it answered ("幅度多大"); None for any other part."""
    body = follow.END.sub("", part)
    rest = body
    for w in longest_first([*cues()["change_rates"], *cues()["ask_tails"], *cues()["directions"]]):
        rest = rest.replace(w, "")
    if rest != body and not rest.strip("了的是呢吗有") and any(w in body for w in cues()["change_rates"]):
        return next_figure.rate_fits
    if not bare(body):
        return None
    if asks_money(body):
        return next_figure.money_fits
    counted = _COUNT_ASK.search(body)
    return (
        next_figure.count_fits(counted.group("unit"))
        if counted and counted.group("unit") in cues()["own_units"]
        else None
    )


def _measure_of_asked(first: str, body: str) -> str | None:
    """A part asking another measure of what the first part asked ("增长了多少？增长率呢？"): the first part up
    to its ask words, overlapping the part's words ("…公路建设预算增长" + "增长率" → "…公路建设预算增长率是多少？");
    None when the part is no measure word continuing the first part's ask."""
    word = body
    for w in cues()["ask_tails"]:
        word = word.removesuffix(w)
    word = word.rstrip("呢吗是")
    asked = _asked_before_ask(first)
    if not word or asked == follow.END.sub("", first) or not any(w in word for w in cues()["rates"]):
        return None
    overlap = next((k for k in range(len(word), 1, -1) if asked.endswith(word[:k])), 0)
    return f"{asked}{word[overlap:]}是多少？" if overlap else None


@dataclass(frozen=True)
class Part:
    """One part of a question: as written, and the engine's answer to the complete question it stands for."""

    asked: str
    answer: Answer


def answered_parts(
    parts: Sequence[str],
    ask: Ask,
    spans: Spans,
    printed: Printed,
    facts_of: next_figure.FactsOf | None = None,
    chosen: Collection[str] = (),
    sentence_of: next_figure.SentenceOf | None = None,
) -> list[Part]:
    """Each part answered: the first as written, each later one as the first tried question that is answered
    (the first tried question's refusal when none is; then, for a part of ask words only, the figure of its unit
    the first part's sentence prints next: assistant/next_figure.py). After an amount of money or a count, a later part that
    is itself a printed item ("项目支出多少？基本支出多少？", "包含多少个单位？其中行政单位几个？") is last tried as that item
    of the first part's department and year."""
    first = parts[0]
    out = [Part(first, _kept(first, ask(first)))]
    if out[0].answer.refused and (unremarked := _without_remark(first)) != first:  # "…多了多少钱，我看新闻说…"
        again = _kept(unremarked, ask(unremarked))
        if not again.refused:
            first, out = unremarked, [Part(parts[0], again)]
    unit = out[0].answer.unit or ""
    level = not out[0].answer.refused and bool(unit) and unit != "%"  # an amount of money or a count
    for part in parts[1:]:
        questions = completed(first, part, spans) or [part]
        item = follow.stem(part)
        for lead in follow.cues()["child"]:  # "其中行政单位": the item 行政单位
            item = item.removeprefix(lead)
        kept = follow.measure_kept(first, part, spans) is not None  # the first part's measure: never a level
        if level and not kept and item and item != follow.stem(first) and printed(item) and not spans(part):
            stem = follow.stem(first)
            questions.append(f"{stem[: _cut(stem, spans)]}{follow.END.sub('', part)}？")
        tried: list[tuple[str, Answer]] = []
        # the part names a printed item of its own ("其中事业单位几个"), asking no name (those are `_again`'s)
        # — or a part of the first's ("其中执法执勤车几辆？" after "有多少辆车？"), whether printed as an item or not
        # — or any part saying words of its own ("实有多少人？" after "人员编制多少？"): never the first's figure again
        said_own = _own_words(follow.END.sub("", part)) and not asks_why(part)
        named = len(item) > 1 and item != follow.stem(first) and (printed(item) or follow.child_item(part) is not None)
        own = (named or said_own) and not _names_asked(part)
        for q in dict.fromkeys(questions):
            got = _not_first(_unit_kept(part, ask(q)), out[0].answer, own)
            tried.append((q, _within_first(part, got, out[0].answer)))
            if not tried[-1][1].refused:
                break
        asked, picked = tried[-1] if not tried[-1][1].refused else tried[0]
        # "多少？" completed as the first part's item: that item's row
        answer = _again(part, _kept(asked, picked), out[0].answer)
        if part in chosen:  # "是基本支出还是项目支出": the first part's own row, never the department's 基本支出
            answer = _same_row(answer, out[0].answer)
        fits = _next_fits(part) if answer.refused and facts_of else None
        if fits and facts_of and (said := next_figure.answered_next(part, out[0].answer, fits, facts_of, sentence_of)):
            answer = said  # "…项目5个，涉及项目预算资金3328.13万元": what the first part's sentence prints next
        if answer.refused and facts_of and (said := _said_of_first(part, out[0].answer, facts_of, sentence_of)):
            answer = said
        out.append(Part(part, answer))
    return out


def _without_remark(clause: str) -> str:
    """The clause without the pieces after its asking one that ask nothing and open as a remark (compound.toml
    `remarks`: "我看新闻说涨了不少"), holding no part of a question a cue reads (a condition, a premise …)."""
    pieces = [p for p in re.split(r"[，,]", clause) if p.strip()]
    asking = next((i for i, p in enumerate(pieces) if asks(p)), None)
    if asking is None:
        return clause
    kept = pieces[: asking + 1] + [p for p in pieces[asking + 1 :] if asks(p) or not _remark(p)]
    return "，".join(kept)


def _remark(piece: str) -> bool:
    """A piece opening as a remark (compound.toml `remarks`) that holds nothing a cue reads."""
    return piece.strip().startswith(tuple(cues()["remarks"])) and not any(c.spans(piece) for c in all_cues())


def _said_of_first(
    part: str, first: Answer, facts_of: next_figure.FactsOf, sentence_of: next_figure.SentenceOf | None
) -> Answer | None:
    """A part refused on its own answered from what the first part's figure is printed with: the share of the
    budget its sentence prints next ("完成预算的百分之几？"), or a count in the unit asked printed under its table
    row ("聘几个人？" of a project's 聘用人员数量); None otherwise."""
    body = follow.END.sub("", part)
    if any(w in body for w in cues()["completion"]):
        return next_figure.completion(part, first, facts_of, sentence_of)
    counted = _COUNT_ASK.search(body)
    if not counted or counted.group("unit") not in cues()["own_units"]:
        return None
    words = _COUNT_ASK.sub("", body)
    for w in longest_first([*cues()["ask_tails"], *cues()["money_verbs"]]):
        words = words.replace(w, "")
    return row_indicator.answered(part, first, counted.group("unit"), words.strip("了的是呢吗有要"), facts_of)


def _not_first(answer: Answer, first: Answer, own: bool) -> Answer:
    """`answer`, or a refusal when a part naming an item of its own is answered with the very figure the first part
    was ("其中事业单位几个" read as "…事业单位几个单位" → the 32 单位 again): one part's figure never stands for
    another's."""
    if not own or answer.refused or not answer.facts or answer.value != first.value:
        return answer
    if not set(answer.facts) <= set(first.facts):
        return answer
    return replace(answer, text=f"{_NOT_FOUND}找到的只是前一问的数字。", refused=True, value=None, unit=None,
                   figures=[], citations=[], facts=[])  # fmt: skip


def _within_first(part: str, answer: Answer, first: Answer) -> Answer:
    """`answer`, or a refusal when the part asks a part of the first part's figure ("…行政运行是多少？其中人员支出
    多少？") and `answer` is a larger figure of the same unit and measure (the department's 人员支出, not the row's):
    a part is never larger than its whole."""
    if answer.refused or first.refused or answer.value is None or first.value is None or answer.unit != first.unit:
        return answer
    measures = {a.query.measure if a.query else None for a in (answer, first)}
    if len(measures) != 1 or not measures <= set(cues()["level_measures"]) or follow.child_item(part) is None:
        return answer
    if Decimal(str(answer.value)) <= Decimal(str(first.value)) or Decimal(str(first.value)) < 0:
        return answer
    return replace(answer, text=f"{_NOT_FOUND}找到的数字大于前一问的数字，不是它的一部分。", refused=True, value=None,
                   unit=None, figures=[], citations=[], facts=[])  # fmt: skip


def _same_row(answer: Answer, first: Answer) -> Answer:
    """`answer`, or a refusal when its figures are not read from a row of the first part's figures."""
    rows = {(f.doc_id, f.table, f.row) for f in first.facts if f.table}
    if answer.refused or (answer.facts and all((f.doc_id, f.table, f.row) in rows for f in answer.facts)):
        return answer
    return replace(answer, text=f"{_NOT_FOUND}找到的数字不是前一问那一行的。", refused=True, value=None, unit=None,
                   figures=[], citations=[], facts=[])  # fmt: skip


def _again(part: str, answer: Answer, first: Answer) -> Answer:
    """`answer`, or a refusal quoting the first part's sentence when the part asks a name ("是哪个单位买？") and
    `answer` is only the first part's figure again: a part is never silently answered by another's figure."""
    if answer.refused or answer.value is None or (answer.value, answer.unit) != (first.value, first.unit):
        return answer
    if not _names_asked(part):
        return answer
    quoted = next((c.text for c in first.citations if c.text), "")
    said = f"{_UNLISTED}，只在这句话中说明：“{quoted}”" if quoted else "找到的只是前一问的数字"
    return replace(answer, text=f"{_NOT_FOUND}{said}。", refused=True, value=None, unit=None, figures=[],
                   citations=[], facts=[])  # fmt: skip


def _names_asked(part: str) -> bool:
    """The part asks a name ("是哪个单位买？"), not a figure."""
    return any(w in part for w in cues()["names_asked"]) and not any(w in part for w in ("多少", "几"))


def _kept(part: str, answer: Answer) -> Answer:
    """`answer`, or a refusal when its figure is a catch-all row ("其他社会福利支出") the part does not ask
    ("社会福利支出多少？"): a part is never answered with another row."""
    for f in answer.facts:
        row = f.row.lstrip("0123456789 ")
        word = next((w for w in cues()["catch_all"] if row.startswith(w) and w not in part), None)
        if f.table and word:
            return replace(answer, text=f"{_NOT_FOUND}只找到“{row}”，不是所问的项目。", refused=True, value=None,
                           unit=None, figures=[], citations=[], facts=[])  # fmt: skip
    return answer


def _unit_kept(part: str, answer: Answer) -> Answer:
    """`answer`, or a refusal when its unit is not the one the part asks: money asked and no amount of money
    given (a count, a rate), or a count of people, vehicles or times asked and another count given ("多少人" is
    never "1 次")."""
    unit = answer.unit or ""
    if answer.refused or unit.endswith("元"):
        return answer
    counted = _COUNT_ASK.search(part)
    other = counted and counted.group("unit") in cues()["own_units"] and unit and counted.group("unit") not in unit
    if not asks_money(part) and not other:
        return answer
    found = f"找到的数字不是所问的（以“{unit}”计）" if unit else "找到的是一段文字说明，不是所问的数字"
    return replace(answer, text=f"{_NOT_FOUND}{found}。", refused=True, value=None,
                   unit=None, figures=[], citations=[], facts=[])  # fmt: skip


def catch_all_kept(question: str, answer: Answer) -> Answer:
    """A question's answer of one figure read from a table, or a refusal when that figure is a catch-all row
    ("其他城乡社区管理事务支出") the question does not ask ("人大事务支出是多少？"): never another row's figure."""
    if answer.refused or len(answer.facts) != 1 or answer.value != answer.facts[0].value:
        return answer
    return _kept(question, answer)


def _whole_in_place(parts: list[Part], whole: Answer) -> list[Part]:
    """The whole question's answer, when it is no answered part's figure, stands for the first part when that
    part's own answer is another figure of the same unit (the two readings disagree: the whole's read all the
    question's words), else for the one part refused on its own when it is a rate exactly when that part asks
    one ("…增加了多少，涨了百分之几？" answered 12.39%)."""
    refused = [i for i, p in enumerate(parts) if p.answer.refused]
    if whole.refused or whole.value is None:
        return parts
    if any(not p.answer.refused and p.answer.value == whole.value for p in parts):
        return parts
    first = parts[0].answer
    same_item = {f.row for f in first.facts} & {f.row for f in whole.facts} or not first.facts or not whole.facts
    if not first.refused and first.unit == whole.unit and same_item:  # the first part read alone disagrees with
        return [Part(parts[0].asked, whole), *parts[1:]]  # the whole's reading of its item: the whole's, all words
    if len(refused) != 1:
        return parts
    part = parts[refused[0]]
    if any(w in part.asked for w in cues()["rates"]) != (whole.unit == "%"):
        return parts
    return [Part(p.asked, whole) if i == refused[0] else p for i, p in enumerate(parts)]


def _adds_parts(whole: Answer, parts: list[Part]) -> bool:
    """The whole question's answer is a sum no part asks: the items of several parts added ("302一共多少？其中基本支出
    部分多少？" answered 302 + the department's 基本支出), every part answered on its own with another figure. A sum
    stands when one part is answered with it ("A和B一共多少？其中A多少？") or a part is not answered on its own (the
    sum may be that part's answer: "A和B分别是多少？合计呢？")."""
    if whole.refused or whole.value is None or any(p.answer.refused for p in parts):
        return False
    summed = any(f.verdict == "derived" and "+" in f.expression and f.value == whole.value for f in whole.figures)
    return summed and not any(p.answer.value == whole.value for p in parts)


def _reason(refusal: Answer) -> str:
    """A refusal's reason, without its opening words and the documents it lists."""
    first = refusal.text.split("\n")[0]
    return first.removeprefix(_NOT_FOUND).rstrip("。") or "没有找到"


def _line(part: Part) -> list[str]:
    if part.answer.refused and (said := _reason(part.answer)).startswith(_UNLISTED):  # the sentence quoted
        return [f"{follow.END.sub('', part.asked)}：{said}{'' if said.endswith('”') else '。'}"]
    if part.answer.refused:
        return [f"{follow.END.sub('', part.asked)}：公开文件没有找到（{_reason(part.answer)}）。"]
    return [line for line in part.answer.text.split("\n") if line.strip() and not line.startswith("出处：")]


def _sources(answer: Answer) -> list[str]:
    return [s for line in answer.text.split("\n") if line.startswith("出处：") for s in line[3:].split("；")]


def _held(whole: Answer, part: Answer) -> bool:
    """The whole question's answer holds the figure of an answered part: never when the whole's own answer is a
    change of the same value as a part's level, or the other way ("支出10.23万元，比上年增加10.23万元"), nor when
    both are levels each quoting the value from another sentence (a total is never held by an item of the same
    count: "共有车辆6辆…应急保障用车6辆"); else when the whole shows the value."""
    if part.value is None:
        return True
    value = Decimal(part.value)
    own = whole.value is not None and Decimal(whole.value) == value
    measures = {a.query.measure for a in (whole, part) if a.query}
    if own and "amount" in measures and len(measures & set(cues()["change_measures"])) == 1:
        return False  # a level and a change of one value (never a change and its reason's quote)
    mine = {f.source for f in part.figures if f.value == value and _QUOTE in f.source}
    theirs = [f for f in whole.figures if f.value == value]
    if measures == {"amount"} and mine and theirs and all(_QUOTE in f.source and f.source not in mine for f in theirs):
        return False  # two levels of one value quoted from two sentences: two items
    return bool(theirs) or own


def combined(
    question: str,
    whole: Answer,
    ask: Ask,
    spans: Spans,
    printed: Printed,
    facts_of: next_figure.FactsOf | None = None,
    sentence_of: next_figure.SentenceOf | None = None,
) -> Answer:
    """The answer to a question of several parts: `whole` (the engine's answer to all of it) when it has one
    part, when no part is answered, or when it holds every answered part's figure (a part it does not answer
    named in a line of its own); else one line per part, the figures and citations of all."""
    asked, chosen = _split(question, spans, printed)
    if len(asked) == 1 and whole.refused and (unremarked := _without_remark(asked[0])) != asked[0]:
        again = ask(unremarked)  # "…多了多少钱，我看新闻说涨了不少": the question without the remark after it
        return whole if again.refused else replace(again, question=question)
    if len(asked) < 2:
        return whole
    answered = answered_parts(asked, ask, spans, printed, facts_of, chosen, sentence_of)
    adds = _adds_parts(whole, answered)  # the parts added: never the answer of either
    parts = answered if adds else _whole_in_place(answered, whole)
    done = [p for p in parts if not p.answer.refused]
    if not done:
        return whole
    if not whole.refused and not adds and all(_held(whole, p.answer) for p in done):
        # a part refused, or a why part answered by a reason the whole's answer does not quote
        missing = [p for p in parts if (p.answer.refused or asks_why(p.asked)) and not _covered(p.asked, whole)]
        whole = _valued(whole, done)
        if not missing:
            return whole
        lines = whole.text.split("\n")
        at = next((i for i, line in enumerate(lines) if line.startswith("出处：")), len(lines))
        return replace(whole, text="\n".join([*lines[:at], *(x for p in missing for x in _line(p)), *lines[at:]]))
    lines = [line for p in parts for line in _line(p)]
    sources = list(dict.fromkeys(s for p in done for s in _sources(p.answer)))
    text = "\n".join([*lines, f"出处：{'；'.join(sources)}"] if sources else lines)
    # the value and unit of the whole question's answer stay when one part is that answer (what callers read)
    lead = next((p.answer for p in done if not whole.refused and p.answer.value == whole.value), done[0].answer)
    return replace(
        lead,
        question=question,
        text=text,
        figures=[f for p in done for f in p.answer.figures],
        citations=list({repr(c): c for p in done for c in p.answer.citations}.values()),
        facts=list({id(f): f for p in done for f in p.answer.facts}.values()),
        items=[i for p in done for i in p.answer.items],
        entries=[e for p in done for e in p.answer.entries],
        timings={"total_ms": sum(p.answer.timings.get("total_ms", 0.0) for p in parts)},
    )


def _valued(whole: Answer, done: list[Part]) -> Answer:
    """The whole's answer (a quote) with the value of the one part that asks a figure, which its quote holds
    ("…是怎么定的？多少钱？": 297.50 万元 is the value callers read)."""
    valued = {(p.answer.value, p.answer.unit) for p in done if p.answer.value is not None}
    if whole.value is not None or len(valued) != 1:
        return whole
    value, unit = next(iter(valued))
    return replace(whole, value=value, unit=unit)


def _covered(part: str, whole: Answer) -> bool:
    """The whole question's answer answers a part refused on its own: a reason it quotes answers a why part, a
    rate among its figures a part asking a rate ("其中服务类占多少？" answered 占政府采购的 45.27%)."""
    if quote_fit.asks_use(part) and quote_fit.use_unprinted("", ["", ""]).split("（")[0] in whole.text:
        return True  # "是干什么的": the whole's answer already says its use is not printed
    if asks_why(part):  # a quote giving a reason (reason.toml's markers), never any quote (an amount's sentence)
        return any(gives_reason(q) or explains(part, q) for q in re.findall(r"「([^」]*)」", whole.text))
    if any(w in part for w in which_words()):  # "分别是哪些": the names a count's sentence lists
        return lists_names(whole.text)
    return any(w in part for w in cues()["rates"]) and any(f.unit == "%" for f in whole.figures)


def which_words() -> list[str]:
    """Words asking which ones a count counts (assistant/stated.toml `which`)."""
    return list(stated_cues()["which"])


def asks_why(part: str) -> bool:
    """The part asks a reason, a basis or a purpose ("原因是什么？", "为什么？", "是怎么定的？"): compound.toml's
    words and the answer check's explanation cues (cues.toml)."""
    return any(w in part for w in cues()["why"]) or bool(explanation_asked().search(part))
