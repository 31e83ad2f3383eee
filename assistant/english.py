"""English questions read through a glossary kept as data (assistant/english.toml).

A question written in English ("What is the total expenditure of the Shenzhen Finance Bureau in 2026?") is
rewritten into the Chinese question it asks ("深圳市财政局2026年支出总计是多少？") only when every word is
either a filler or part of a glossary entry, and each part of the question (place, department, year, 预算/决算,
subject, measure) is said at most once (places are joined: city, district, street). A run of Chinese written
inside the English question is kept as written: a department when it ends as departments are named
([chinese] in the glossary), otherwise a subject as the documents print it. Anything else keeps the Chinese
refusal, naming the word not read: a word the glossary does not know is a part of the question that would
otherwise be dropped. A Chinese question holding English words is read the same way when every word is read
(`mixed`), so the Chinese reader never drops them; a noun of what is counted ("how many projects …") is read
only when the subject names it ([counted]); a subject of several words is read with one word in the other
number ("meeting expense").
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.topic import foreign, foreign_refusal

# a count or a holding asked ("how many", "the number of", "have any"): the fillers many/number/any/have say it
COUNTED = re.compile(r"\b(?:how\s+many|number\s+of|(?:have|has|own|owns|hold|holds)\s+any)\b", re.IGNORECASE)
SLOTS = (
    "place",
    "department",
    "unit",
    "kind",
    "subject",
    "measure",
    "than",
    "against",
    "asof",
    "frame",
    "across",
    "money",
)
NAME = ("place", "department", "unit", "scope")  # what names one department (a place alone is carried to the next)
HEAD = (*NAME, "year", "kind", "asof")  # said once for every clause of a question joined by "and"
JOINED = ("place",)  # a slot whose entries are written one after the other (city, district, street)
YEAR = re.compile(r"(?:19|20)\d{2}")
RESTATED = 2  # the characters a gloss and the subject it restates begin with alike
GLOSS = "="  # marks a run of Chinese written in brackets after English words: "public legal services (公共法律服务)"
WORD = re.compile(r"[a-z]+|\d+|=?[“（]?[\u4e00-\u9fff][\u4e00-\u9fff“”（）]*")  # a run of Chinese is one word
BRACKETED = re.compile(  # a gloss may hold one bracket of its own: "(因公出国（境）)"
    r"(?<![\u4e00-\u9fff])[(（]\s*([“]?[\u4e00-\u9fff](?:[^()（）]|（[^()（）]*）)*?)\s*[)）](?![\u4e00-\u9fff])"
)
HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_INFLECTED = 4  # a word shorter than this is never read in the other number ("and", "one")
LATIN = re.compile(r"[A-Za-z]{2,}")  # an English word in a Chinese question
BRACKETED_LATIN = re.compile(r"[(（][^()（）]*[)）]")  # "（资本性支出）" glosses the word before it, or is glossed
ASK = "是多少"  # the ask when no measure is said
SUM = "合计是多少"  # what the bare "total" asks of several departments
AND = "and"  # joins two departments, or two questions of one
OR = "or"  # joins two departments only when asked which is more or less ("A or B")
JOINED_BY = "joined"  # the key a part joined by "or" carries
CHANGE = ("比上年", "为什么")  # measures a "compared with last year" goes with


@cache
def glossary() -> dict[str, Any]:
    """assistant/english.toml."""
    return tomllib.loads(files("assistant").joinpath("english.toml").read_text(encoding="utf-8"))


@cache
def _fillers() -> frozenset[str]:
    return frozenset(glossary()["filler"])


@cache
def _phrases() -> list[tuple[tuple[str, ...], str, str]]:
    """(words, slot, Chinese) for every entry, longest first; an entry's fillers ("bureau of finance") are
    not among its words, as they are not among the question's."""
    data, filler = glossary(), _fillers()
    found = [
        (tuple(w for w in WORD.findall(en) if w not in filler), slot, zh)
        for slot in SLOTS
        for en, zh in data[slot].items()
    ]
    written = {p[0] for p in found}
    varied: dict[tuple[str, ...], set[tuple[str, str]]] = {}
    for ws, slot, zh in found:
        for v in _numbers(ws, slot):
            varied.setdefault(v, set()).add((slot, zh))
    found += [(v, *next(iter(to))) for v, to in varied.items() if v not in written and len(to) == 1]
    return sorted((p for p in found if p[0]), key=lambda p: -len(p[0]))


def _numbers(ws: tuple[str, ...], slot: str) -> list[tuple[str, ...]]:
    """A subject of several words with one of its words in the other number ("meeting expense" of "meeting
    expenses", "official vehicles purchase" of "official vehicle purchase"); a one-word entry is not varied,
    as a word of [generic] says less than the same word made plural would. A variant two entries share is
    not read as either."""
    if slot != "subject" or len(ws) < 2:
        return []
    return [(*ws[:i], _other_number(w), *ws[i + 1 :]) for i, w in enumerate(ws) if _other_number(w)]


def _other_number(word: str) -> str:
    """The word in the other number ("expenses" → "expense", "vehicle" → "vehicles"), or "" for a word too
    short or not plainly inflected."""
    if len(word) < MIN_INFLECTED or not word.isalpha() or not word.isascii() or word.endswith(("ss", "us")):
        return ""
    return word[:-1] if word.endswith("s") else f"{word}s"


def _rank(match: tuple[tuple[str, ...], str, str] | None, word: str) -> int:
    """How much a subject says: a one-word entry of [generic] says less than any other subject."""
    return int(glossary()["generic"].get(word, 3)) if match is not None and len(match[0]) == 1 else 3


def words(question: str) -> list[str]:
    """The question's words, lower case; "Bureau's" is "bureau", "Xi'an" is "xi an"; a run of Chinese is one
    word as written."""
    text = re.sub(r"['’]s\b", "", question.lower()).replace("-", " ")
    return WORD.findall(BRACKETED.sub(lambda m: f" {GLOSS}{m[1]} ", text))


def _written(run: str) -> str:
    """The slot of a run of Chinese: the ask itself ("多少"), the scope of the department named (本级, 汇总), a
    department when it ends as departments are named, else a subject."""
    chinese = glossary()["chinese"]
    if run in chinese["asks"]:
        return "ask"
    if _plain(run).strip("（）") in chinese["scopes"]:
        return "scope"
    return "department" if run.endswith(tuple(chinese["department_ends"])) else "subject"


def _match(ws: list[str], at: int) -> tuple[tuple[str, ...], str, str] | None:
    """The longest entry written from ws[at]."""
    return next((p for p in _phrases() if tuple(ws[at : at + len(p[0])]) == p[0]), None)


def _glossed(ws: list[str], at: int) -> int:
    """Where a run of Chinese in brackets glosses the words not read from ws[at] ("public legal services
    (公共法律服务)"), or -1: only plain words no entry begins with and that change no meaning ([chinese] unglossed)
    are glossed."""
    keep = set(glossary()["chinese"]["unglossed"]) | {AND, OR}
    while at < len(ws) and ws[at].isalpha() and ws[at].isascii() and ws[at] not in keep and _match(ws, at) is None:
        at += 1
    return at if at < len(ws) and ws[at].startswith(GLOSS) else -1


def _segment(ws: list[str], at: int, before: dict[str, str]) -> tuple[dict[str, str], str, int]:
    """The parts said from ws[at] up to a free "and" (one no entry holds), the first word that could not be
    placed ("" when every word is read), and where the next part of the question begins; `before` is the part
    said before this one (a word may name a part of its subject: "… and how much of it is services")."""
    found: dict[str, str] = {}
    said, implied = 0, ""  # the rank of the subject read ([generic]); a subject a word implies ([implied])
    last = ""  # the slot the words just before were read as
    counted: list[str] = []  # nouns of what is counted, said apart from the subject ("how many projects … under …")
    while at < len(ws):
        match = _match(ws, at)
        if match is not None:
            slot, zh, at = match[1], match[2], at + len(match[0])
        elif YEAR.fullmatch(ws[at]):
            slot, zh, at = "year", ws[at], at + 1
        elif ws[at] in (AND, OR):  # "… of A and B", "… and why", "A or B"
            break
        elif ws[at] in glossary()["counted"]:  # read once the subject is known: it must name what is counted
            counted.append(ws[at])
            at += 1
            continue
        elif part := _within(found.get("subject") or before.get("subject", ""), ws[at]):
            at += 1
            if "subject" in found:  # "the procurement budget for services": the part, said of the whole
                found["subject"] = part
                continue
            slot, zh = "subject", part
        else:
            run = at if HAN.search(ws[at]) else _glossed(ws, at)
            if run < 0:
                return found, ws[at], len(ws)
            zh = ws[run].lstrip(GLOSS)
            slot, glossed, at = _written(zh), run > at, run + 1
            if slot == "ask":  # "… budget 多少？": what every question asks when no measure is said
                continue
            if slot == "scope":  # "the Wuxi Transport Bureau (本级)": the department's own level
                zh = f"（{_plain(zh).strip('（）')}）"
            elif slot == "department" and last in NAME and "department" in found and ws[run].startswith(GLOSS):
                # "the Chongqing Water Resources Bureau (重庆市水利局)": the name as the writer glossed it, whole
                if found.get("place") and _plain(zh).startswith(_plain(found["place"]).removesuffix("市")):
                    del found["place"]
                found["department"] = zh
                continue
            elif (
                slot == last == "subject"
                and not glossed
                and ws[run].startswith(GLOSS)
                and _restates(found["subject"], zh)
            ):
                # "(因公出国（境）)" is the start of the name read; "(公务用车购置和运行维护费)": as printed
                if not _plain(found["subject"]).startswith(_plain(zh)):
                    found["subject"] = zh
                said = 3
                continue
            elif slot == "subject" and glossed and said == 3 and found.get("subject", zh) != zh:
                found["subject"] = f"{found['subject']}中的{zh}"  # "procurement … for engineering (工程)"
                continue
        last = slot
        if slot in ("against", "asof"):  # "compared with 2025", "at the end of 2025": a year follows
            if at >= len(ws) or not YEAR.fullmatch(ws[at]):
                return found, ws[at - 1], len(ws)
            if slot == "asof":
                found["asof"], at = zh.format(ws[at]), at + 1
                continue
            slot, found["base"], at = "than", ws[at], at + 1
            if found.get("year") and int(found["year"]) - 1 != int(found["base"]):
                return found, found["base"], len(ws)
        if slot in JOINED:  # "Guangzhou Haizhu District": a city and its district
            found[slot] = found.get(slot, "") + zh
            continue
        if slot == "frame":  # "comes from", "buy": says no part, perhaps implies a subject
            implied = implied or glossary()["implied"].get(ws[at - 1], "")
            if verb := glossary()["bought"].get(ws[at - 1], ""):  # "plan to buy": what is bought, not held
                found.setdefault("bought", verb)
            continue
        rank = _rank(match, ws[at - 1]) if slot == "subject" else 0
        if rank and "subject" in found and found["subject"] != zh and rank != said:  # "total … revenue"
            if rank > said:  # the subject that says more
                found["subject"], said = zh, rank
            continue
        said = rank or said
        if slot == "measure" and (both := _both(found.get(slot, ""), zh)):  # "why did … increase"
            found[slot] = both
            continue
        if match is None and _plain(found.get(slot, "")) == _plain(zh):  # "three public expenses (三公经费)"
            continue
        if found.get(slot, zh) != zh:  # said a second time: named as said ("civil affairs bureau", not "bureau")
            return found, " ".join(match[0]) if match is not None else ws[at - 1].lstrip(GLOSS), len(ws)
        found[slot] = zh
        implied = implied or glossary()["implied"].get(ws[at - 1], "")
    if implied and "subject" not in found:  # "how much did … spend": the spending itself
        found["subject"] = implied
    if said == 1:  # the bare word "total": of several departments, their sum
        found["bare"] = "total"
    unread = _uncounted(found, counted) or _against(found)
    return found, unread, at + 1 if not unread else len(ws)


def _uncounted(found: dict[str, str], counted: list[str]) -> str:
    """The first noun of what is counted ([counted]) the subject read does not name, or "": "how many projects
    … under performance target management" counts 纳入绩效目标管理的项目; "how many projects … vehicles" is
    not read."""
    subject = found.get("subject", "")
    return next((w for w in counted if not subject.endswith(str(glossary()["counted"][w]))), "")


def _within(subject: str, word: str) -> str:
    """The part of `subject` a word names ([within]: "services" of 政府采购 is 政府采购服务), or ""."""
    return str(glossary()["within"].get(subject, {}).get(word, "")) if subject else ""


def _restates(read: str, gloss: str) -> bool:
    """A gloss in brackets written right after a subject names the same item as printed when both begin
    with the same word (公务用车购置及运行费, 公务用车购置和运行维护费); another item (公务接待费, 会议费) says
    the subject twice; the same name without its quotation marks is the name read."""
    said, printed = _plain(read), _plain(gloss)
    return said != printed and said[:RESTATED] == printed[:RESTATED]


def _plain(zh: str) -> str:
    """A name without its quotation marks: “三公”经费 is 三公经费."""
    return re.sub("[“”\"']", "", zh)


def _both(first: str, then: str) -> str:
    """The one measure two measures said apart ask ([measures]), or ""."""
    return str(glossary()["measures"].get(f"{first} {then}", "")) if first else ""


def read(question: str) -> tuple[list[dict[str, str]], str]:
    """Each part of the question in Chinese ("year" as digits), one dict for each part joined by a free "and",
    and the first word that could not be placed ("" when every word is read): a word not in the glossary, or
    a word saying a part a second time."""
    filler = _fillers()
    ws, at = [w for w in words(question) if w not in filler], 0
    parts: list[dict[str, str]] = []
    while at < len(ws):
        joined = at > 0 and ws[at - 1] == OR
        found, unread, at = _segment(ws, at, parts[-1] if parts else {})
        if joined:
            found[JOINED_BY] = OR
        if unread:
            return [*parts, found], unread
        parts.append(found)
    if COUNTED.search(question):  # "how many official vehicles", "have any official vehicles": what is held
        for found in parts:
            found["subject"] = glossary()["held_as"].get(found.get("subject", ""), found.get("subject", ""))
    return [p for p in parts if p], ""  # a question that begins "And …" says nothing before it


def _against(found: dict[str, str]) -> str:
    """The word not read in a "compared with": one is read only as the year before the year asked, and only
    with a change (or no measure: then it asks the change)."""
    if "than" not in found:
        return ""
    if "base" in found and ("year" not in found or int(found["base"]) != int(found["year"]) - 1):
        return found["base"]
    return "" if found.get("measure", found["than"]).startswith(CHANGE) else "compared"


def refusal(question: str) -> str:
    """What an English question not read is told: the word not read, when one was not."""
    parts, unread = read(question)
    joiner = OR if any(JOINED_BY in p for p in parts) else AND
    unread = unread or (joiner if len(parts) > 1 and not composed(parts) else "")
    if not unread:
        return foreign_refusal()
    return str(glossary()["chinese"]["unread"]).format(word=unread) + foreign_refusal()


def mixed(question: str) -> bool:
    """Chinese written with English words that are not a gloss in brackets ("Shenzhen 财政局 2026 年 government
    procurement budget 多少？"): read as English when every word is read, so that no English word is dropped by
    the Chinese reader; else the Chinese reader has it, as before."""
    bare = BRACKETED_LATIN.sub(" ", question)
    return len(LATIN.findall(bare)) >= int(glossary()["chinese"]["mixed_words"])


def chinese(question: str) -> str:
    """The Chinese question an English one asks, or "" when the question is not in English or not every
    word of it is read."""
    if not foreign(question) and not mixed(question):
        return ""
    parts, unread = read(question)
    return "" if unread else composed(parts)


def composed(parts: list[dict[str, str]]) -> str:
    """The Chinese question of the parts read: one department's; several departments' ("A and B", "which
    department"), asked as the across reader asks them; or one clause for each part of one department."""
    if len(parts) == 1:
        return _across(parts[0]) if "across" in parts[0] else _clause(parts[0], parts[0])
    if sum(1 for p in parts if "department" in p or "unit" in p) > 1:
        return _pair(parts)
    return _which_of_two(parts) if any(JOINED_BY in p for p in parts) else _clauses(parts)


def _which_of_two(parts: list[dict[str, str]]) -> str:
    """Two subjects of one department joined by "or" and asked which is more or less ([which_of_two]): the
    first less the second, whose sign says which ("…政府性基金预算拨款比国有资本经营预算拨款多多少？")."""
    if len(parts) != 2 or any("subject" not in p for p in parts):
        return ""
    measures = {p["measure"] for p in parts if "measure" in p}
    ask = str(glossary()["which_of_two"].get(measures.pop(), "")) if len(measures) == 1 else ""
    first, second = parts
    other = {k for p in parts for k in p} - {*HEAD, "year", "subject", "measure", JOINED_BY}
    if not ask or other or any(first.get(k, v) != v for k, v in second.items() if k in HEAD):
        return ""  # a change, a unit of measure, the bare "total"; or another head: not one department's two items
    return f"{_head({**second, **first})}{ask.format(first['subject'], second['subject'])}？"


def _head(found: dict[str, str]) -> str:
    year = f"{found['year']}年" if "year" in found else ""
    return "".join(found.get(k, "") for k in NAME) + year + found.get("asof", "") + found.get("kind", "")


def _clause(found: dict[str, str], first: dict[str, str]) -> str:
    """One question: its head when it is the first or says another head than the first's."""
    if ("subject" not in found and "kind" not in found) or "across" in found:
        return ""  # "the 2026 budget": the budget itself; no subject nor kind: nothing asked
    head = _head(found) if found is first or _head(found) != _head(first) else ""
    subject = found.get("subject", "")
    bought = glossary()["bought_asks"].get(subject, "") if "bought" in found else ""
    if bought and "measure" not in found and "than" not in found and "money" not in found:
        return f"{head}{bought.format(found['bought'])}？"  # "plan to buy … equipment": 购置多少台…, never 有多少台
    ask = found.get("measure", found.get("than", glossary()["asks"].get(subject, ASK)))
    if "money" in found:  # "in yuan": the figure in that unit of measure
        if "多少" not in ask:
            return ""
        ask = ask.replace("多少", f"多少{found['money']}", 1)
    if "{}" in ask:  # a measure that holds its subject: "哪一项项目支出最多"
        return f"{head}{ask.format(subject)}？"
    return f"{head}{subject}{ask}？"


def _clauses(parts: list[dict[str, str]]) -> str:
    """Two questions of one department joined by "and": each asked in its own clause, the head said once
    ("What is the project expenditure and the basic expenditure of …")."""
    shared = {k: next(p[k] for p in parts if k in p) for k in HEAD if any(k in p for p in parts)}
    said = [{**shared, **p} for p in parts]
    for before, part in zip(parts, said[1:], strict=False):  # "… increase, and why?": the same subject
        if "subject" not in part and "kind" not in part and "measure" in part and "subject" in before:
            part["subject"] = before["subject"]
    if len({"".join(p.get(k, "") for k in NAME) for p in said}) > 1:  # "… and Beijing's": another department
        return ""
    clauses = [_clause(p, said[0]) for p in said]
    return "" if "" in clauses else "".join(clauses)


def _pair(parts: list[dict[str, str]]) -> str:
    """Several named departments asked one thing ("A and B"): each, their sum, or which is more."""
    names, place = [], ""
    rest: dict[str, str] = {}
    for part in parts:
        if "department" not in part and "unit" not in part:
            return ""
        place = part.get("place", place)  # "the Beijing X and Y": Y is of Beijing too
        names.append(place + "".join(part.get(k, "") for k in NAME[1:]))
        for k, v in part.items():
            if k in NAME:
                continue
            if k in rest and rest[k] != v and not (k == "measure" and (v := _both(rest[k], v))):
                return ""
            rest[k] = v
    ask = _ask(rest, "pair")
    if len(set(names)) < len(names) or not ask or "across" in rest or "money" in rest:
        return ""
    if JOINED_BY in rest and not rest.get("measure", "").startswith("哪"):  # "A or B": only which is more
        return ""
    return "和".join(names) + _head({k: v for k, v in rest.items() if k not in NAME}) + ask


def _across(found: dict[str, str]) -> str:
    """Departments in general: "which department has the largest …" (a ranking), "… of all departments"
    (each, or their sum)."""
    ask = _ask(found, "all")
    if not ask or "money" in found or "department" in found or "unit" in found:
        return ""
    ranked = str(glossary()["all"].get(found.get("measure", ""), "")).startswith("最")  # the ask holds the subject
    if not ranked and found["across"] != "各部门":  # "which department …" asks a ranking
        return ""
    rest = {k: v for k, v in found.items() if k not in NAME}
    return found.get("place", "") + ("哪个部门" if ranked else "各部门") + _head(rest) + ask


def _ask(found: dict[str, str], how: str) -> str:
    """The subject and ask of departments compared ([pair] / [all] by the measure said; none: each, or
    their sum for the bare "total"), or "" when the measure is not asked of several departments."""
    if "than" in found or ("subject" not in found and "kind" not in found):
        return ""
    subject = "" if found.get("bare") else found.get("subject", "")
    measure = found.get("measure", SUM if found.get("bare") else "")
    ask = glossary()[how].get(measure, "")
    return f"{subject}{ask}？" if ask else ""
