"""Follow-ups read as the complete question they stand for.

A follow-up ("那2023年呢？", "全年预算呢？", "比上年增长多少？", "其中工程采购呢？") inherits everything the
earlier question said — department, year, 预算/决算, subject, column, measure — and replaces only the one
slot it says. It is answered as that complete question, so every check a question written out in full gets
(the year loaded or refused by name, the subject linked, the column asked) applies to it too:

- a year:        the earlier question with its year replaced ("万里街道2023年办公费预算是多少？");
- a column/kind: the earlier subject with that column ("…一般公共预算财政拨款支出的全年预算是多少？");
- a measure:     the earlier subject with the new ask ("万里街道2024年办公费预算比2023年少了多少？");
- a part:        the earlier subject's part ("万里街道2024年政府采购预算中工程采购是多少？");
- a department name after "which department?": that department's answer to the question asked.

Forms it does not know (a new subject, "占比呢", "为什么") are left to the engine's own slot inheritance.
The cue words are data: assistant/follow.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import longest_first
from assistant.records import Answer
from assistant.sibling import sibling_named
from assistant.units import kind_of_unit

YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?")
# "比2023年", "较上年", "与去年相比": a comparison with a year, where a question starts asking
COMPARED = re.compile(r"(?:比|较|与|同)(?:(?:19|20)\d{2}\s*年(?:度)?|上年|去年|上一年|前一年|前年)")
END = re.compile(r"[\s？?。.!！，,、]+$")


@cache
def cues() -> dict[str, Any]:
    """assistant/follow.toml: the follow-up grammar's words."""
    return tomllib.loads(files("assistant").joinpath("follow.toml").read_text(encoding="utf-8"))


def _longest(words: Sequence[str]) -> list[str]:
    return longest_first(words)


def without_lead(question: str) -> str:
    """The question without a follow-up's opening word ("那政府性基金为什么…" → "政府性基金为什么…")."""
    text = question.strip()
    for word in _longest(cues()["lead"]):
        if text.startswith(word) and len(text) > len(word):
            return text[len(word) :]
    return text


def confirms(question: str) -> bool:
    """The reply only accepts what was offered ("是", "对的", "嗯，是"): words of follow.toml's confirm."""
    words = sorted(cues()["confirm"], key=len, reverse=True)
    rest = re.sub("|".join(map(re.escape, words)), "", END.sub("", question.strip()))
    return rest != question.strip() and not re.sub(r"[\s，,。.!！啊呀吧呢]", "", rest)


def _body(question: str) -> str:
    """The follow-up without its opening words ("那", "那么") and closing ask words ("呢", "是多少")."""
    text = END.sub("", question.strip())
    changed = True
    while changed and text:
        changed = False
        for word in _longest(cues()["lead"]):
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word) :], True
        for word in _longest(cues()["tail"]):
            if text.endswith(word) and len(text) > len(word):
                text, changed = text[: -len(word)], True
    return text


def child_item(question: str) -> str | None:
    """The item a follow-up opening with a word of a part ("其中人员支出多少？", "里面工程呢") names ("人员支出"),
    or None when it opens with none or names nothing more."""
    body = _body(question)
    for word in _longest(cues()["child"]):
        if body.startswith(word) and len(body) > len(word):
            return body[len(word) :]
    return None


def stem(question: str) -> str:
    """The earlier question up to where it starts asking ("万里街道2024年办公费预算是多少？" → "…办公费预算")."""
    text = END.sub("", question.strip())
    cuts = [text.find(word) for word in cues()["asks"] if text.find(word) > 0]
    if m := COMPARED.search(text):
        cuts.append(m.start())
    return text[: min(cuts)] if cuts else text


def _masked(text: str) -> str:
    """The text with names holding 预算/决算 that are no column (一般公共预算) blanked, same length."""
    for word in _longest(cues()["not_columns"]):
        text = text.replace(word, "＿" * len(word))
    return text


def _column(text: str) -> re.Match[str] | None:
    """The first column or kind word of a text, outside the names that only hold one."""
    pattern = "|".join(re.escape(w) for w in _longest(cues()["columns"]))
    return re.search(pattern, _masked(text))


def column_word(text: str) -> re.Match[str] | None:
    """The first column or kind word of a text ("全年预算", "决算"), outside names holding one (一般公共预算)."""
    return _column(text)


def _year_replaced(earlier: str, body: str) -> str | None:
    """The earlier question asked of the year a follow-up says ("2023年", "去年"), or None."""
    years = sorted(set(YEAR.findall(earlier)))
    relative: dict[str, int] = cues()["relative_years"]
    if m := YEAR.fullmatch(body):
        year = int(m.group(1))
    elif body in relative and len(years) == 1:
        year = int(years[0]) + relative[body]
    else:
        return None
    if len(years) > 1 or COMPARED.search(earlier):  # "2024年比2023年…": which year is replaced is not said
        return None
    if not years:
        return f"{year}年{END.sub('', earlier.strip())}？"
    return YEAR.sub(f"{year}年", END.sub("", earlier.strip()), count=1) + "？"


def _rank_replaced(earlier: str, body: str) -> str | None:
    """ "第二多的呢？", "最少的呢？" after a ranking ("…哪一项最多？"): the earlier ranking asked at that place, or
    None when the follow-up is no place of a ranking or the earlier question asks no one ranking."""
    rank = cues()["rank"]
    if not re.fullmatch(rank, body) or "哪" not in earlier:
        return None
    places = list(re.finditer(rank, earlier))
    if len(places) != 1:
        return None
    m = places[0]
    return f"{earlier[: m.start()]}{body}{END.sub('', earlier[m.end() :])}？"


def _unit_replaced(earlier: str, question: str, body: str) -> str | None:
    """ "那技师学院呢？" after "无锡市人社局本级预算是多少？": the earlier question asked of the unit the follow-up
    names in place of the department's own (本级) unit; None when the follow-up names no unit ("X呢" ending as a
    unit's name does) or the earlier question names no own unit."""
    own = [w for w in cues()["own_unit"] if w in stem(earlier)]
    if len(own) != 1 or not question.strip().rstrip("？?").endswith("呢") or not kind_of_unit(body):
        return None
    return END.sub("", earlier.strip()).replace(own[0], body, 1) + "？"


def complete(earlier: str, question: str) -> str | None:
    """The complete question a follow-up stands for after `earlier` (itself complete), or None when the
    follow-up is none of the forms read here."""
    body = _body(question)
    if not body or not earlier.strip():
        return None
    if asked := _year_replaced(earlier, body):
        return asked
    if asked := _rank_replaced(earlier, body):
        return asked
    if asked := _unit_replaced(earlier, question, body):
        return asked
    if asked := _items_of_count(earlier, body):
        return asked
    base = stem(earlier)
    if not base:
        return None
    if asked := _money_unit(earlier, base, body):
        return asked
    if (m := _column(body)) and m.group(0) == body:  # "全年预算呢？", "那预算数是多少？"
        if old := _column(base):
            return f"{base[: old.start()]}{body}{base[old.end() :]}是多少？"
        return f"{base}{body}是多少？"
    for word in _longest(cues()["child"]):  # "其中工程采购呢？": a part of the earlier subject
        if body.startswith(word) and len(body) > len(word):
            return f"{base}中{body[len(word) :]}是多少？"
    if asked := _why_of_change(earlier, body):
        return asked
    if not any(w in body for w in cues()["not_subjects"]) and (named := sibling_named(base, body)):
        return f"{named}是多少？"  # "那运行维护费呢？" after "…公务用车购置费…": 公务用车运行维护费
    if asked := _fund_named(base, body):
        return asked
    opens = COMPARED.match(body) or any(body.startswith(w) for w in cues()["measures"])
    if opens:  # "比2023年少了多少？", "涉及多少资金？": another measure of the same subject
        lead = question.strip()
        for word in _longest(cues()["lead"]):
            if lead.startswith(word):
                lead = lead[len(word) :]
                break
        return f"{base}{END.sub('', lead)}？"
    return None


def _money_unit(earlier: str, base: str, body: str) -> str | None:
    """ "换算成元是多少？" after "…工程类是多少？": the earlier amount asked in that unit of money ("…是多少元？", the
    conversion shown by the answer); None when the follow-up asks no unit or the earlier question asks more than
    an amount (a change, a share: never the amount in their place)."""
    unit = _unit_of_money(body)
    ask = END.sub("", earlier.strip())[len(base) :]
    if not unit or ask not in cues()["amount_asks"]:
        return None
    return f"{base}是多少{unit}？"


def _items_of_count(earlier: str, body: str) -> str | None:
    """ "分别是哪几个？" after "福利院有几个内设机构？": the items the earlier question counted ("福利院有哪些内设机构？");
    None when the follow-up asks no list or the earlier question asks no one count."""
    if body not in cues()["which_ones"]:
        return None
    text = END.sub("", earlier.strip())
    counts = "|".join(re.escape(w) for w in _longest(cues()["count_asks"]))
    found = list(re.finditer(counts, text))
    if len(found) != 1:
        return None
    m = found[0]
    return f"{text[: m.start()]}哪些{text[m.end() :]}？"


def _unit_of_money(body: str) -> str:
    """The unit of money a follow-up's body asks the earlier figure in ("换算成元" → 元), or ""."""
    units = "|".join(re.escape(u) for u in _longest(cues()["money_units"]))
    words = "|".join(re.escape(w) for w in _longest(cues()["money_into"]))
    m = re.fullmatch(f"(?:{words})?({units})(?:{words})?", body)
    return m.group(1) if m else ""


def body_of(question: str) -> str:
    """What a follow-up says without its opening and closing words ("那本级呢？" → "本级")."""
    return _body(question)


def money_unit(question: str) -> str:
    """The unit of money a follow-up asks only ("换算成元是多少？", "以亿元为单位呢？"), or ""."""
    return _unit_of_money(_body(question))


def _fund_named(base: str, body: str) -> str | None:
    """ "那一般公共预算安排的基本支出呢？" after "烟台审计局基本支出多少？": the earlier subject asked of the fund the
    follow-up names before it ("烟台审计局一般公共预算安排的基本支出是多少？"); None when it names no fund, the
    earlier question already named one, or the follow-up does not end with the earlier subject."""
    named = [f for f in cues()["funds"] if f in body]
    if not named or any(f in base for f in cues()["funds"]):
        return None
    kind = ""
    if (m := _column(base)) and m.end() == len(base):  # "…基本支出预算": the kind asked after the subject
        base, kind = base[: m.start()], m.group(0)
    n = 0
    while n < min(len(base), len(body)) and base[-1 - n] == body[-1 - n]:
        n += 1
    if n < 2 or not any(f in body[: len(body) - n] for f in named):
        return None
    return f"{base[: len(base) - n]}{body}{kind}是多少？"


def funds_held(question: str, answer: Answer) -> bool:
    """Every fund a question names is the fund of each figure the answer read, or printed in its row, column or
    table ("一般公共预算安排的基本支出" is never the 基本支出 of all funds)."""
    named = [f for f in cues()["funds"] if f in question]
    return all(
        f == fact.fund or f in fact.row or f in fact.column or f in fact.source for f in named for fact in answer.facts
    )


def _why_of_change(earlier: str, body: str) -> str | None:
    """ "为什么？" after "万里街道2024年预算比上一年少了多少？": the reason of the earlier question's change of the same
    subject, asked whichever way it went ("万里街道2024年预算比上一年变化的原因是什么？": the printed change says
    which); None when the follow-up says more than why or the earlier question asks no change."""
    rest = body
    for word in _longest(cues()["why"]):
        rest = rest.replace(word, "")
    if rest == body:
        return None
    asks = _direction_asked(rest.strip())
    if asks is None:
        return None
    text = END.sub("", earlier.strip())
    if m := COMPARED.search(text):
        return f"{text[: m.end()]}{asks}"
    at = [text.find(w) for w in cues()["changes"] if text.find(w) > 0]
    return f"{text[: min(at)]}{asks}" if at else None


def _direction_asked(rest: str) -> str | None:
    """What a why follow-up asks from what it says besides why: nothing → the change's reason whichever way it
    went; only a direction and how much ("降这么多") → the reason in that direction; anything else → None."""
    if not rest:
        return str(cues()["why_of_change"])
    for word in _longest(cues()["why_degree"]):
        rest = rest.replace(word, "")
    for way in ("down", "up"):
        words = _longest(cues()[f"why_{way}"])
        if rest and re.fullmatch("(?:" + "|".join(re.escape(w) for w in words) + ")+", rest):
            return str(cues()[f"why_{way}_asks"])
    return None


def asked_as(
    question: str,
    history: Sequence[Answer],
    names: Callable[[str], bool],
    only_names: Callable[[str], bool],
    spans: Callable[[str], list[str]] | None = None,
    places: Sequence[str] = (),
) -> str | None:
    """The complete question `question` stands for after `history`, or None when it is a question of its own
    (it names a department, or is no follow-up form) or follows an answer across departments (read there).
    `names(text)`: the text names a department; `only_names(text)`: it is just a department's name;
    `spans(text)`: the department names as written in a text; `places`: the departments' full names, of
    which a reply to "which department?" may give a part ("深圳")."""
    if not history:
        return None
    last = history[-1]
    earlier = written_out(history, names, spans)
    reply = _body(question)
    narrows = bool(reply) and len(reply) >= 2 and any(reply in p for p in places)  # "深圳" of 深圳市财政局
    if len(last.choices) == 1 and last.query is not None and confirms(question):  # "是" after "您问的是不是…？"
        return f"{last.choices[0]}{earlier}"
    if last.choices and last.query is not None and (only_names(question) or narrows):  # after "which department?"
        return f"{reply if narrows and not only_names(question) else END.sub('', question.strip())}{earlier}"
    if last.across is not None and last.across.ambiguous and (only_names(question) or narrows):
        alias = last.across.ambiguous[0][0]  # "财政局" of several departments, asked back; "深圳" or a full name
        return earlier.replace(alias, reply, 1) if alias in reply else f"{reply}{earlier}"
    if last.across is not None:
        return None
    if names(question):  # "福州市公安局治安管理支队呢？": the earlier question asked of another department
        return _department_replaced(earlier, question, spans) if only_names(question) else None
    if asked := complete(earlier, question):
        return asked
    return (qualified(earlier, question, spans) or measure_kept(earlier, question, spans)) if spans else None


def qualified(earlier: str, question: str, spans: Callable[[str], list[str]]) -> str | None:
    """The earlier subject asked with the qualifier a follow-up names, after the earlier department and year:
    a fund's part ("那一般公共预算安排的部分呢？" → "…一般公共预算安排的社会保障和就业支出是多少？") or the
    table/parent it is read in ("那机关运行经费里的公务接待费是多少？" → "…2026年机关运行经费里的公务接待费是多少？",
    the earlier parent dropped). None when the follow-up is neither form or the earlier question names no
    department or year to keep."""
    body = _body(question)
    base = stem(earlier)
    ends = [m.end() for m in YEAR.finditer(base)] + [base.find(s) + len(s) for s in spans(base) if s in base]
    if not body or not base or not ends:
        return None
    cut = max(ends)
    subject = base[cut:]
    if len(subject) < 2:
        return None
    if fund := _fund_only(question):  # "只算一般公共预算的呢？": the subject kept, asked of that fund
        if old := next((f for f in _longest(cues()["funds"]) if f in subject), ""):
            return f"{base[:cut]}{subject.replace(old, fund, 1)}是多少？"
        return f"{base[:cut]}{fund}安排的{subject}是多少？"
    for word in _longest(cues()["fund_part"]):  # "一般公共预算安排的部分": a fund and the part word only
        head = body[: -len(word)] if body.endswith(word) else ""
        if head and any(head.startswith(f) for f in cues()["funds"]) and not any(f in base for f in cues()["funds"]):
            return f"{base[:cut]}{head}{subject}是多少？"
    for word in _longest(cues()["within"]):  # "机关运行经费里的公务接待费": the earlier subject in a named parent
        at = body.find(word)
        part = body[at + len(word) :]
        if at >= 2 and len(part) >= 2 and subject.endswith(part) and subject != part:
            return f"{base[:cut]}{body}是多少？"
    return None


def _fund_only(question: str) -> str:
    """The fund a follow-up restricts the earlier subject to ("只算一般公共预算的呢？", "仅看财政拨款安排的"), or "":
    an `only` word, a fund, at most one of `fund_tails` — nothing else."""
    body = _body(question)
    only = next((w for w in _longest(cues()["only"]) if body.startswith(w)), "")
    if not only:
        return ""
    rest = body[len(only) :]
    for tail in ["", *_longest(cues()["fund_tails"])]:
        if rest.endswith(tail) and (fund := rest[: len(rest) - len(tail)]) in cues()["funds"]:
            return fund
    return ""


def measure_kept(earlier: str, question: str, spans: Callable[[str], list[str]]) -> str | None:
    """ "那公务接待费呢？" after "深圳市科技创新局“三公”经费预算比上年增加多少？": the earlier question's measure
    (a change, a rate, a share) asked of the new subject, with the earlier department, year and kind
    ("深圳市科技创新局公务接待费预算比上年增加多少？"); None when the earlier question asks no measure, names no
    department or year to keep, or the follow-up is no "X呢" naming a subject."""
    body = _body(question)
    if not body or not question.strip().rstrip("？?").endswith("呢") or YEAR.search(body):
        return None
    if any(w in body for w in cues()["not_subjects"]) or _column(body) or body in cues()["relative_years"]:
        return None
    text = END.sub("", earlier.strip())
    base = stem(earlier)
    ask = text[len(base) :]
    if not base or not (COMPARED.match(ask) or any(ask.startswith(w) for w in cues()["measures"])):
        return None
    ends = [m.end() for m in YEAR.finditer(base)] + [base.find(s) + len(s) for s in spans(base) if s in base]
    if not ends:
        return None
    cut = max(ends)
    kind = _column(base[cut:])
    return f"{base[:cut]}{body}{kind.group(0) if kind else ''}{ask}？"


def _department_replaced(earlier: str, question: str, spans: Callable[[str], list[str]] | None) -> str | None:
    """The earlier question with its department replaced by the one a follow-up is ("X呢？"), or None when
    the earlier question names none or the follow-up is no "呢" form."""
    if spans is None or not question.strip().rstrip("？?").endswith("呢"):
        return None
    old = [s for s in spans(earlier) if s in earlier]
    new = _body(question)
    if len(old) != 1 or not new:
        return None
    return END.sub("", earlier.strip()).replace(old[0], new, 1) + "？"


def written_out(
    history: Sequence[Answer], names: Callable[[str], bool], spans: Callable[[str], list[str]] | None = None
) -> str:
    """The last question of a conversation as it was read: each follow-up completed by the ones before
    (a turn answered as its complete question carries it in its query); one read in place keeps the
    department and year it was read with."""
    earlier = ""
    for turn in history:
        asked = turn.query.question if turn.query is not None else turn.question
        if earlier and asked == turn.question and not names(asked):
            asked = (
                complete(earlier, asked)
                or _subject_replaced(earlier, asked)
                or _department_kept(earlier, asked, spans)
                or asked
            )
        earlier = asked
    return earlier


def _department_kept(earlier: str, question: str, spans: Callable[[str], list[str]] | None) -> str | None:
    """ "那买车的钱是多少？" after "北京交通委2026年三公经费…": the follow-up as read in place, written after the
    one department (and the one year, when it says none) of the earlier question, so that a later "那2024年呢？"
    is still about that department; None when the earlier question names no one department."""
    written = spans(earlier) if spans else []
    if len(written) != 1:
        return None
    years = set(YEAR.findall(stem(earlier)))
    year = f"{next(iter(years))}年" if len(years) == 1 and not YEAR.search(question) else ""
    return f"{written[0]}{year}{question.strip()}"


def _subject_replaced(earlier: str, question: str) -> str | None:
    """ "公用经费呢？" after "万里街道2024年人员经费是多少？": another subject of the same department and year,
    written out for the turns after it ("万里街道2024年公用经费是多少？"); None when the earlier question
    names no year to keep."""
    body = _body(question)
    years = list(YEAR.finditer(stem(earlier)))
    if not body or not years or YEAR.search(body) or not question.strip().rstrip("？?").endswith("呢"):
        return None
    return f"{stem(earlier)[: years[-1].end()]}{body}是多少？"


def answered(
    question: str,
    asked: str,
    history: Sequence[Answer],
    rules: Callable[[str, Sequence[Answer]], Answer],
    held: frozenset[str] = frozenset(),
    shown: Callable[[Answer], frozenset[str]] = lambda a: frozenset(),
) -> Answer:
    """The answer to a follow-up read as `asked`, its complete question (`rules(question, history)` answers
    one). When that is refused, the engine's own reading of the follow-up is tried, and kept if it answers;
    a complete question that would ask "which department?" where the conversation had one is not used, nor
    one answered with another department's figures (`shown`) when the conversation held one (`held`) and the
    follow-up names none: "那2024年呢？" after three turns about 北京交通委 is never 社工部's 2024 figure."""
    done = rules(asked, ())
    if done.choices and not history[-1].choices:
        return rules(question, history)
    if len(held) == 1 and not done.refused and (departments := shown(done)) and not departments <= held:
        return rules(question, history)
    if not done.refused:
        return replace(done, question=question)
    own = rules(question, history)
    carried = done.query.measure if done.query is not None else "amount"
    kept = carried not in ("change", "growth", "share") or (own.query is not None and own.query.measure == carried)
    subject = done.query.subjects[:1] if done.query is not None else ()
    kept = kept and (not subject or (own.query is not None and subject[0] in own.query.subjects))
    kept = kept and funds_held(asked, own)  # a fund the follow-up names is never dropped
    return (
        own if not own.refused and kept else replace(done, question=question)
    )  # never the measure nor subject dropped
