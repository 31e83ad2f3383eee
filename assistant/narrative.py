"""Year-on-year changes the narrative prints ("收入预算 2796.14 万元，比上年增加 129.07 万元，增长 4.84%"),
read by grammar from the disclosure's sentences: the subject before the amount, the comparison
(比上年 / 较2025年年初预算 / 与上年相比), the change and, when printed, its rate.

The prose facts keep only a window of each figure and may bind a change to the words before it
("比上年增加"); the sentence names what changed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any, Protocol, TypeVar

from assistant.cues import alternation, longest_first, year_words
from assistant.knowledge import grams, norm
from assistant.subject_path import JOINERS
from index.normal import squeeze_cjk
from index.records import Chunk

_NUM = r"\d[\d,]*(?:\.\d+)?"


@cache
def _data() -> dict[str, Any]:
    """assistant/narrative.toml, read once."""
    return tomllib.loads(files("assistant").joinpath("narrative.toml").read_text(encoding="utf-8"))


def cue_words(name: str) -> str:
    """A word list of narrative.toml's [comparison] vocabulary as a longest-first alternation."""
    return alternation(_data()["comparison"][name])


CLAUSE = re.compile(
    rf"(?:(?P<amount>{_NUM})\s*(?P<unit>亿元|万元|元)\s*[，,]?\s*)?"  # "收入比2025年减少…": no amount printed
    rf"(?:{cue_words('links')})\s*(?P<ref>{cue_words('printed_years')}|\d{{4}}\s*年)(?:[（(][^）)]{{0,12}}[)）])?(?P<aside>[^，。；\d]{{0,20}}?)"
    rf"(?:的?\s*(?P<before>{_NUM})\s*(?P<bunit>亿元|万元|元))?\s*(?:相比)?\s*[，,]?\s*(?:收、支预算总计各|各)?\s*"
    rf"(?P<verb>{cue_words('change_verbs')})了?\s*(?P<change>{_NUM})\s*(?P<cunit>亿元|万元|元|%)"
    rf"(?:\s*[，,]\s*(?P<rverb>{cue_words('rate_verbs')})(?:了|为)?\s*(?P<rate>{_NUM})\s*%)?"
)
# "22.91万元，比2022年预算持平", "与上年预算数相同": a change printed as none (its words narrative.toml's flat_verbs)
FLAT = re.compile(
    rf"(?:(?P<amount>{_NUM})\s*(?P<unit>亿元|万元|元)\s*[，,]?\s*)?"
    rf"(?:{cue_words('links')})\s*(?P<ref>{cue_words('printed_years')}|\d{{4}}\s*年)(?:[（(][^）)]{{0,12}}[)）])?(?P<aside>[^，。；\d]{{0,20}}?)"
    rf"\s*(?:相比)?\s*[，,]?\s*(?:收、支预算总计各|各)?\s*(?P<verb>{cue_words('flat_verbs')})"
)
LEAD = re.compile(rf"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|其中[:：]?|\d{{4}}\s*年度?|{cue_words('lead')})+")
TRAIL = re.compile(rf"(?:{cue_words('trail')})$")
# "基本支出 33325.21 万元，主要用于…各项商品服务支出，比 2025 年增加 2943.64 万元": a change printed after
# an aside (no figure in it) is the change of the item and amount the aside follows
ASIDE_BEFORE = re.compile(
    rf"(?P<subject>[^，。；：:;,\d]{{2,30}}?)\s*(?P<amount>{_NUM})\s*(?P<unit>亿元|万元|元)\s*[，,](?P<aside>[^\d。；;]{{1,120}})[，,]\s*$"
)
DOWN = frozenset({"减少", "下降", "少", "降幅"})
# A numbered paragraph's opening ("5. “…（款）事业单位医疗（项）”50.37万元", "（2）", "三、"); "1.5%" is none.
ENUM = re.compile(
    r"^\s*(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
)
# "增长多少" asks a change without saying amount or rate (not "增加多少", "增长多少万元"): a printed rate answers it.
RATE_OR_AMOUNT = re.compile(
    rf"(?:{cue_words('rate_or_amount_verbs')})了?多少(?![{''.join(_data()['comparison']['amount_after'])}])"
)
# A 科目编码 written before the item's name ("2210203-购房补贴", "20805 行政事业单位养老支出"), never an amount
# ("12345万元") or a year.
CODE_BEFORE = re.compile(r"^(?:\d{7}|\d{5})\s*[-－—–]?\s*(?=[\u4e00-\u9fff])(?![万亿元年])|^\d{3}\s*[-－—–]\s*")
PATH_LEVEL = re.compile(r"[（(](?:类|款|项)[)）]")


def basis_of(against: str) -> str:
    """What a comparison is measured against ("2023年预算执行数" → "执行数", "2025年年初预算" → "年初预算",
    "上年" → ""): the first basis of narrative.toml whose word the phrase holds."""
    rest = re.sub(rf"{_years()}|[（(][^）)]*[)）]", "", against)
    return next((str(b["name"]) for b in _data()["basis"] if any(w in rest for w in b["words"])), "")


def asked_basis(question: str) -> str:
    """The basis the question compares with ("比2023年执行数" → "执行数"), or "" (比上年, or no comparison)."""
    m = AGAINST.search(squeeze_cjk(question))
    return basis_of(re.sub(r"^(?:比|较|与)", "", m.group(0))) if m else ""


def same_basis(asked: str, printed: str, kind: str) -> bool:
    """Whether a change printed against `printed` answers one asked against `asked`, in a document of `kind`:
    a bare 比上年 is against last year's own kind (a 决算's 执行数, a 预算's 预算)."""
    printed = printed or ("执行数" if kind == "决算" else "预算")
    return not asked or printed == asked or printed in _data()["same_basis"].get(asked, [])


def _bare(subject: str, words: Sequence[str]) -> str:
    subject = re.sub(r"\d{4}\s*年度?", "", subject)
    for w in longest_first(words):
        subject = subject.replace(w, "")
    return subject.strip()


def generic(subject: str) -> bool:
    """A subject that names no item ("2024年预算安排"): the paragraph's own item is what changed."""
    return not _bare(subject, _data()["generic"])


def whole(subject: str, names: Sequence[str] = ()) -> bool:
    """A change of the department's whole budget ("部门预算收入", "本部门预算支出")."""
    return not _bare(plain_subject(subject, names), _data()["whole"])


def opening_item(paragraph: str) -> tuple[str, ...]:
    """The item a numbered paragraph opens with, as its path: the levels of a quoted subject path (“…（款）住房
    公积金（项）” → (…, 住房改革支出, 住房公积金)) or the words before its first figure ("1.因公出国（境）费：…" →
    (因公出国（境）费,)); () for a paragraph that is not numbered."""
    m = ENUM.match(paragraph)
    if m is None:
        return ()
    rest = CODE_BEFORE.sub("", paragraph[m.end() :].lstrip())  # "（七）2210203-购房补贴85.00万元": 购房补贴
    quoted = re.match(r"[“\"](?P<q>[^”\"]{2,80})[”\"]", rest)
    if quoted:
        return tuple(p.strip() for p in PATH_LEVEL.split(quoted.group("q")) if p.strip())
    head = re.match(r"[^，。：:；;,\d“”]{2,30}", rest)
    return (head.group(0).strip(),) if head else ()


@dataclass(frozen=True, kw_only=True)
class Change:
    """One printed change: what changed, its amount this year, the change and (if printed) the rate."""

    subject: str
    amount: Decimal | None  # None when the sentence prints only the change ("收入比2025年减少246429.22万元")
    unit: str
    change: Decimal | None  # signed, in `change_unit`; None when only a rate is printed
    change_unit: str
    rate: Decimal | None  # signed %
    sentence: str
    where: str
    against: str  # as printed: 上年 / 2025年 年初预算
    parents: tuple[str, ...] = ()  # the levels above the item of a paragraph's subject path (类, 款)
    whole: str = ""  # the whole a part opened by 其中 is of ("一般公共预算财政拨款支出" of 基本支出)
    before: Decimal | None = None  # the earlier figure printed with the comparison ("较上年的40.11万元"), in `unit`
    printed: str = ""  # the clause as printed ("102.32万元，较上年的40.11万元增加62.21万元")

    def named(self, names: Sequence[str] = ()) -> str:
        """What changed as an answer says it: a part with its whole ("一般公共预算财政拨款支出中的基本支出")."""
        part = plain_subject(self.subject, names)
        return f"{plain_subject(self.whole, names)}中的{part}" if self.whole else part

    @property
    def basis(self) -> str:
        """What the change is measured against: 执行数 / 年初预算 / 预算, or "" (比上年)."""
        return basis_of(self.against)


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def sentences(chunks: Sequence[Chunk]) -> list[tuple[str, str]]:
    """The prose chunks' sentences, each with where it is (a sentence broken over lines is joined)."""
    out: list[tuple[str, str]] = []
    for c in chunks:
        if c.metadata.get("kind") != "prose":
            continue
        head, _, body = c.text.partition("\n")
        text = squeeze_cjk(body.replace("\n", ""))
        out.extend((sentence, head) for sentence in re.split(r"(?<=。)", text) if sentence.strip())
    return out


def paragraphs(chunks: Sequence[Chunk]) -> list[tuple[str, str, tuple[str, ...]]]:
    """The prose chunks' sentences, each with where it is and the item (its path) its numbered paragraph
    opens with."""
    out: list[tuple[str, str, tuple[str, ...]]] = []
    for c in chunks:
        if c.metadata.get("kind") != "prose":
            continue
        head, _, body = c.text.partition("\n")
        blocks: list[list[str]] = [[]]
        for line in body.split("\n"):
            if ENUM.match(squeeze_cjk(line)) and blocks[-1]:
                blocks.append([])
            blocks[-1].append(line)
        for block in blocks:
            text = squeeze_cjk("".join(block))
            item = opening_item(text)
            out.extend((sentence, head, item) for sentence in re.split(r"(?<=。)", text) if sentence.strip())
    return out


def changes(chunks: Sequence[Chunk]) -> list[Change]:
    """Every printed change of the prose chunks, in order; a part's change opened by 其中 has the change before
    it as its whole ("…财政拨款支出…比2025年增加10300.15万元。其中：基本支出…比2025年增加2943.64万元")."""
    out: list[Change] = []
    for sentence, where, item in paragraphs(chunks):
        found = clauses(sentence, where, item, out[-1].subject if out and out[-1].where == where else "")
        out.extend(found)
        out.extend(flat_clauses(sentence, where, item))  # "比2022年预算持平": a change of 0
    return out


def clauses(sentence: str, where: str, item: tuple[str, ...] = (), whole_before: str = "") -> list[Change]:
    """The changes one sentence prints, each with the item it is of (the paragraph's item when the clause's
    own words name none; `whole_before`: the subject of the change printed just before, whole of a 其中)."""
    out: list[Change] = []
    last_end = 0  # where the clause before ends: a 其中 after it opens the parts of its subject
    for m in CLAUSE.finditer(sentence):
        before = re.split(r"[，。；：:;,]", sentence[: m.start()])[-1]
        if not before.strip() and out == [] and m.start() > 0:  # "收入、支出预算总计…，与上年相比…各增加"
            before = ""
        amount, unit = m.group("amount"), m.group("unit")
        if not before.strip() and not amount and (aside := ASIDE_BEFORE.search(sentence[: m.start()])):
            before, amount, unit = aside.group("subject"), aside.group("amount"), aside.group("unit")
        subject = TRAIL.sub("", LEAD.sub("", before.strip())).strip().lstrip("、，,").strip()
        subject = subject.replace("收入、支出", "收支")
        parents: tuple[str, ...] = ()
        if item and generic(subject):  # "2024年预算安排50.37万元，比…": the paragraph's item changed
            subject, parents = item[-1], item[:-1]
        if len(subject) < 2:
            continue
        whole_of = out[-1].subject if out else whole_before
        opened, last_end = sentence[last_end : m.start()], m.end()
        whole = ""
        if not parents and whole_of and re.search(r"其中", opened):  # 其中：基本支出…: a part of the whole before
            whole = whole_of
        elif not parents and out and out[-1].whole:  # "…；项目支出…": the next part of the same whole
            whole = out[-1].whole
        parents = (whole,) if whole else parents
        sign = -1 if m.group("verb") in DOWN else 1
        is_rate = m.group("cunit") == "%"
        rate = _number(m.group("rate")) * (-1 if m.group("rverb") in DOWN else 1) if m.group("rate") else None
        change = None if is_rate else sign * _number(m.group("change"))
        rate = sign * _number(m.group("change")) if is_rate else rate
        before = bool(m.group("before")) and m.group("bunit") == (unit or m.group("cunit"))
        this_year = _number(amount) if amount else None
        before_value = _before(_number(m.group("before")), this_year, change, rate) if before else None
        out.append(
            Change(
                subject=subject,
                amount=_number(amount) if amount else None,
                unit=unit or m.group("cunit"),
                change=change,
                change_unit=(unit or "") if is_rate else m.group("cunit"),
                rate=rate,
                sentence=sentence.strip(),
                where=where,
                against=f"{m.group('ref')}{m.group('aside') or ''}".strip(),
                parents=parents,
                whole=whole,
                before=before_value,
                printed=m.group(0).strip(),
            )
        )
    return out


def flat_clauses(sentence: str, where: str, item: tuple[str, ...] = ()) -> list[Change]:
    """The changes one sentence prints as none ("2023年“三公”经费预算数为22.91万元，比2022年预算持平"): each a change
    of 0 in the amount's unit, and a rate of 0%; an approximate one ("基本持平") is none of them."""
    out: list[Change] = []
    for m in FLAT.finditer(sentence):
        aside = (m.group("aside") or "").strip()
        if any(aside.endswith(w) for w in _data()["comparison"]["flat_not_after"]):
            continue
        before = re.split(r"[，。；：:;,]", sentence[: m.start()])[-1]
        amount, unit = m.group("amount"), m.group("unit")
        if not before.strip() and not amount and (found := ASIDE_BEFORE.search(sentence[: m.start()])):
            before, amount, unit = found.group("subject"), found.group("amount"), found.group("unit")
        subject = TRAIL.sub("", LEAD.sub("", before.strip())).strip().lstrip("、，,").strip()
        parents: tuple[str, ...] = ()
        if item and generic(subject):
            subject, parents = item[-1], item[:-1]
        if len(subject) < 2 or not unit:
            continue
        out.append(
            Change(
                subject=subject, amount=_number(amount) if amount else None, unit=unit, change=Decimal(0),
                change_unit=unit, rate=Decimal(0), sentence=sentence.strip(), where=where,
                against=f"{m.group('ref')}{aside}".strip(), parents=parents, printed=m.group(0).strip(),
            )
        )  # fmt: skip
    return out


def _before(before: Decimal, amount: Decimal | None, change: Decimal | None, rate: Decimal | None) -> Decimal | None:
    """The earlier figure printed with a comparison ("较上年的40.11万元"), when the clause's own figures agree
    with it (this year − it = the change; the rate within rounding): "比上年1.43万元，增加0.68%" is a misprint."""
    if amount is None:  # nothing to check it against
        return None
    if change is not None and amount - before != change:
        return None
    if rate is not None and (before == 0 or abs((amount - before) / before * 100 - rate) > Decimal("0.06")):
        return None
    return before


def plain_subject(subject: str, names: Sequence[str] = ()) -> str:
    """A change's subject without the department's name, the year and 本级: what changed."""
    for name in longest_first(names):  # "福州市公安局治安管理支队收入预算": 收入预算
        subject = subject.replace(name, "")
    return re.sub(r"\d{4}\s*年度?|[（(]本级[)）]", "", subject).strip() or subject


def coverage(phrase: str, subject: str) -> tuple[float, float]:
    """How much of the asked phrase the subject covers, and how much of the subject the phrase covers
    (character bigrams)."""
    q, s = set(grams(norm(phrase))), set(grams(norm(subject)))
    if not q or not s:
        return 0.0, 0.0
    shared = len(q & s)
    return shared / len(q), shared / len(s)


def best_change(
    found: Sequence[Change], phrase: str, want_rate: bool, names: Sequence[str] = (), neutral: Sequence[str] = (),
    basis: str = "", kind: str = "",
) -> Change | None:  # fmt: skip
    """The printed change whose subject is the phrase asked: it covers the whole phrase (every bigram of
    it but one) and at least half of the subject is asked; of two equally good with different figures,
    none (the question does not say which). When no subject fits, the words that name no item by themselves
    (`neutral`: 预算, 经费 …) are dropped from both: "收入预算比2025年少了多少" asks the 收入 the sentence compares.
    A phrase of neutral words only ("今年的预算比去年…") asks the department's whole budget. Only a change
    printed against the `basis` asked counts (`kind`: the document's, for a bare 比上年)."""
    candidates = [
        c for c in found
        if (c.rate if want_rate else c.change) is not None and same_basis(basis, c.basis, kind)
    ]  # fmt: skip
    return pick(candidates, phrase, names, neutral, lambda c: c.rate if want_rate else c.change)


def item_named(phrase: str, neutral: Sequence[str]) -> bool:
    """Whether the phrase names an item, not only neutral words ("预算", "支出预算")."""
    return bool(grams(norm(without(phrase, neutral))))


class Named(Protocol):
    """A printed figure's item: its subject and the levels above it."""

    @property
    def subject(self) -> str: ...
    @property
    def parents(self) -> tuple[str, ...]: ...


N = TypeVar("N", bound=Named)


def pick(
    candidates: Sequence[N], phrase: str, names: Sequence[str], neutral: Sequence[str],
    value: Callable[[N], Decimal | None],
) -> N | None:  # fmt: skip
    """The candidate whose subject is the phrase asked (see best_change), or none when two as good differ in
    `value`."""
    candidates = on_side(candidates, phrase)
    if neutral and not item_named(phrase, neutral) and any(w in phrase for w in _data()["whole"] if w != "、"):
        # no item named, but the budget is ("今年的预算"): the whole budget's figure; a bare "比上年增长多少" names
        # nothing, and a follow-up's item is the one before it
        wholes = [c for c in candidates if whole(c.subject, names)]
        return wholes[0] if len({value(c) for c in wholes}) == 1 else None
    scored = _fits(candidates, phrase, names, ())
    if not scored and neutral:
        scored = _fits(candidates, phrase, names, [w for w in neutral if len(w) >= 2])
    if not scored:
        return None
    scored.sort(key=lambda t: -t[0])
    top, best = scored[0]
    if any(top - s < 1e-9 and value(c) != value(best) for s, c in scored[1:]):
        return None
    return best


def on_side(candidates: Sequence[N], phrase: str) -> list[N]:
    """The candidates of the one side (收入 or 支出) the phrase names, or all: "…财政拨款支出" asked is never the
    收入 of the same words."""
    sides = {side: printed for side, printed in _data()["whole_sides"].items() if side in phrase}
    if len(sides) != 1:
        return list(candidates)
    return [c for c in candidates if not any(o in c.subject for o in _data()["whole_sides"]) or
            any(w in c.subject for w in next(iter(sides.values())))]  # fmt: skip


def without(text: str, words: Sequence[str]) -> str:
    """The text with each of `words` blanked, longest first ("养老服务经费" without 经费: "养老服务 ")."""
    for w in longest_first(words):
        text = text.replace(w, " ")
    return text


def _fits(found: Sequence[N], phrase: str, names: Sequence[str], neutral: Sequence[str]) -> list[tuple[float, N]]:
    said = re.sub(f"[{re.escape(JOINERS)}]", " ", phrase)  # "社会福利-社会福利事业单位": the names of a path
    phrase = _plain(said, neutral)
    if not grams(norm(phrase)):
        return []
    scored = []
    for c in found:  # a parent the question names ("组织事务一般行政管理事务") is the item's path, no other item
        if _part_named(phrase, c, names):
            scored.append((2.0, c))
            continue
        own_phrase = _plain(_without_parents(said, c, names), neutral)
        q = len(set(grams(norm(own_phrase))))
        asked, own = coverage(own_phrase, without(plain_subject(c.subject, names), neutral))
        exact = 1.0 if c.parents else 0.5  # an item of a subject path is named in full ("其他城乡社区住宅支出")
        if q and asked * q >= q - (1 if q >= 4 else 0) and own >= exact:
            scored.append((asked + own, c))
    return scored


def _plain(phrase: str, neutral: Sequence[str]) -> str:
    """The phrase without its neutral words and a path's level words ("…组织事务 款 …")."""
    return re.sub(r"(?<!\S)[类款项](?!\S)", " ", without(phrase, neutral))


def _without_parents(phrase: str, c: Named, names: Sequence[str]) -> str:
    """The phrase without the names of the item's parents it writes — taken out before the neutral words (支出 of
    社会保障和就业支出), and never from the item's own name (社会福利 of 社会福利事业单位)."""
    held = plain_subject(c.subject, names)
    marked = phrase.replace(held, "\0") if len(held) >= 2 else phrase
    return without(marked, [p for p in c.parents if p in marked]).replace("\0", held)


def _part_named(phrase: str, c: Named, names: Sequence[str]) -> bool:
    """A part asked with the words of its whole ("一般公共预算财政拨款基本支出" ← 基本支出, a part of
    一般公共预算财政拨款支出): the phrase holds the part, and the whole covers all the rest of the phrase."""
    part = plain_subject(c.subject, names)
    if not c.parents or len(part) < 2 or part not in phrase:
        return False
    rest = set(grams(norm(phrase.replace(part, " "))))
    return bool(rest) and rest <= set(grams(norm(c.parents[-1])))


# What a change is measured against ("比2025年年初预算", "较上年", "与去年同期相比"): the base, not the item.
def _years() -> str:
    """years.toml's words for the year before ("上年", "前一年"), longest first, or a year written out."""
    return "|".join([alternation(year_words("last_year")), r"\d{4}\s*年度?"])


AGAINST = re.compile(
    rf"(?:{cue_words('links')})\s*(?:{_years()})(?:[（(][^）)]{{0,12}}[)）])?的?(?:{cue_words('asked_bases')})?(?:相比)?"
)
ASKED_OFF = re.compile(
    AGAINST.pattern
    + rf"|(?:{cue_words('asked_change_verbs')})了?(?:{cue_words('asked_change_amounts')})?"
    + rf"|的?(?:{cue_words('asked_change_rates')})|的"
)


def asked(question: str) -> str:
    """The question without its comparison ("比2025年年初预算") and change words: what changed."""
    return ASKED_OFF.sub(" ", squeeze_cjk(question))


def fund_part(label: str, question: str, funds: Sequence[str]) -> str | None:
    """The fund that makes `label` a part of the department's whole budget ("财政拨款收、支总计各" → "财政拨款")
    when `question` does not name that fund ("收支总计比去年少了多少" asks the whole), else None."""
    for fund in longest_first(funds):
        rest = label.replace(fund, "")
        if fund in label and fund not in question and rest.strip() and whole(re.sub(r"[、，,\s]|各$", "", rest)):
            return fund
    return None
