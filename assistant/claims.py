"""What a sentence of a language model's draft says about each figure in it: which department, which year
(and which year it is compared with), 预算 or 决算, what kind of figure (an amount, a change, a growth rate,
a share, a sum, a mean, a 执行率), and the words around it. `assistant.judge` matches it to the ledger.

Cue words are language, not template knowledge: they sit here next to the code that reads them, as the
verifier's do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.figures import Found
from assistant.knowledge import Knowledge, norm
from assistant.numerals import to_digits
from assistant.tokens import to_template
from assistant.verify import direction
from index.units import MONEY_PATTERN

YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
YEAR_WORDS = re.compile(  # absolute years (2023年, 23年; 二〇二三年 in digits) and relative ones (上年, 去年, 今年)
    r"(?P<abs>(?:19|20)\d{2}|(?<![\d.,])\d{2})\s*年"
    r"|(?P<rel>上一?年(?![末初]|结|度结)|去年|前年|今年|本年|当年)"  # not 上年结转, 上年末
)
BASE_BEFORE = re.compile(r"(?:比|较|与|同|相比|对比|相较于?)\s*$")  # 比2021年 / 比上年: what is compared with
RELATIVE = {"上年": -1, "上一年": -1, "去年": -1, "前年": -2, "今年": 0, "本年": 0, "当年": 0}
EXECUTION = re.compile(r"执行率|完成率|执行进度")
SHARE = re.compile(r"占|比重|比例")
GROWTH = re.compile(r"增长|下降|增幅|降幅|上升|减少|增加|提高|降低")
CHANGE = re.compile(r"(?:比|较).{0,12}(?:增加|减少|多|少)|增加|减少|增长|下降|压减|多出|上升|降低|提高|差额|相差")
MEAN = re.compile(r"平均")
SUM = re.compile(r"合计|共计|一共|总共|总计|之和|加起来|合起来|累计")
# Words that name no item: what may stand between two figures when the second continues the first's item.
FILLER = re.compile(
    r"(?:19|20)\d{2}年度?|上一?年|去年|前年|今年|本年|当年|其中|分别|约为|大约|左右|达到|同样|仍然|也是|共计|合计|总计|"
    r"以及|同比|相比|相较|对比|增长率|增长|增加|减少|下降|增幅|降幅|上升|提高|降低|压减|比重|比例|预算数|决算数|预算|决算|"
    r"金额|亿元|万元|千元|支出|收入|如此|[为是约共达和与及的了比较占其该此也仍则而又还有数元年度]|[\d\s,.，、；;：:()（）%％]"
)
UNREADABLE = re.compile(  # numbers find_figures does not read, in the text's digits: a draft with one cannot be checked
    r"[零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾][零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]*"
    r"(?:点[零〇一二三四五六七八九]+)?\s*(?:" + MONEY_PATTERN + r"|个百分点|倍|成(?![本为立果效绩员])|番)"
    r"|翻了?[一两二三四五]番|百分之[零〇一二三四五六七八九十百点]+|\d[\d,.]*\s*[)）]\s*(?:" + MONEY_PATTERN + r"|%)"
)


@dataclass(frozen=True)
class Said:
    """What the text says about one figure."""

    department: str | None
    year: int | None  # the year the figure is for
    base: int | None  # the year it is compared with (比2021年, 比上年), if any
    kind: str | None  # 预算 / 决算 as the sentence says (决算 wins: 决算 documents print 预算数 too)
    both: frozenset[tuple[str, int]]  # (department, year) with a 预算 and a 决算 in scope: the sentence must say which
    claim: str  # amount / change / growth / percent / share / execution / sum / mean
    direction: int  # +1 增加…, −1 减少…, 0 none
    segment: str  # the words since the previous figure, normalised
    before: str  # the sentence up to the figure, normalised
    sentence: str


def unreadable(text: str) -> str | None:
    """The first number in `text` written so that no figure is read from it (肆仟万元, 翻一番), if any."""
    m = UNREADABLE.search(to_digits(text))
    return m.group(0) if m else None


def said(kb: Knowledge, docs: list[str], sentence: str, found: Found | None, at: int, carried: Said) -> Said:
    """What the sentence says up to `found` (or in whole, to carry into the next sentence)."""
    end = found.start if found else len(sentence)
    before = sentence[:end]
    named, best = carried.department, (-1, 0)
    for d in docs:
        doc = kb.docs[d]
        for alias in doc.aliases:
            i = before.rfind(alias)
            if i >= 0 and (i + len(alias), len(alias)) > best:
                named, best = doc.department, (i + len(alias), len(alias))
    start = carried.year if named == carried.department else None
    if start is None and named:
        printed = {kb.docs[d].year for d in docs if kb.docs[d].department == named}
        start = next(iter(printed)) if len(printed) == 1 else None
    year, base = years(before, start)
    unit = found.unit if found else ""
    return Said(
        department=named, year=year, base=base, kind="决算" if "决算" in before else "预算" if "预算" in before else None,
        both=carried.both, claim=claim(before[at:], unit), direction=direction(before),
        segment=words(before[at:]), before=words(before), sentence=sentence,
    )  # fmt: skip


def years(before: str, year: int | None) -> tuple[int | None, int | None]:
    """The year in effect at the end of `before` and the base year compared with, starting from `year`."""
    base = None
    before = to_digits(before)
    for m in YEAR_WORDS.finditer(before):
        if m.group("abs"):
            written = m.group("abs")
            value: int | None = int(written) if len(written) == 4 else 2000 + int(written)
        else:
            value = None if year is None else year + RELATIVE[m.group("rel")]
        if BASE_BEFORE.search(before[: m.start()]):
            base = value
        else:
            year, base = value, None
    return year, base


def claim(words: str, unit: str) -> str:
    tail = words[-14:]
    if unit == "%":
        if EXECUTION.search(tail):
            return "execution"
        if GROWTH.search(tail):
            return "growth"  # 占比提高了 5%: the share grew; not a share
        return "share" if SHARE.search(words) else "percent"
    if CHANGE.search(tail):
        return "change"
    if MEAN.search(tail):
        return "mean"
    if SUM.search(tail):
        return "sum"
    return "amount"


def words(text: str) -> str:
    """Normalised as labels are, and also in template wording (总支出 → 支出总计)."""
    return norm(text) + "\n" + norm(to_template(text))
