"""Finding every figure in Chinese text: separators, full-width digits, Chinese numerals, units.

"4,997万元", "４，９９７ 万元", "0.4997亿元", "一千九百二十万元", "80.51%", "百分之十",
"三个部室", "14 人". Years (2022年), months, table numbers (表7), 科目编码 and list
markers are not figures.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from index.normal import to_decimal
from index.units import COUNT_PATTERN, MONEY_PATTERN

# The units of index.units, and 万 alone ("50万" in a question); the units only a disclosure's text prints
# (index.prose: 分, 万人次, 批次, 平方米, 米) are not read as units here.
UNITS = f"{MONEY_PATTERN}|万|%|{COUNT_PATTERN}"
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_RUN = "[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?"

_ARABIC = re.compile(
    rf"(?P<pct>百分之)?(?P<num>[-−]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)\s*(?P<unit>{UNITS})?(?P<bound>(?:[（(]含[)）])?(?:以上|以下|以内|及以上))?"
)
_CHINESE = re.compile(rf"(?P<pct>百分之)?(?P<num>{_CN_RUN})(?P<unit>{UNITS})")
_CN_PERCENT = re.compile(rf"百分之(?P<num>{_CN_RUN})")


@dataclass(frozen=True, kw_only=True)
class Found:
    """A figure as written in a text."""

    text: str  # as written: "4,997万元"
    value: Decimal  # 4997
    unit: str  # "万元", "%", "人", "" …
    start: int
    end: int


def ascii_text(text: str) -> str:
    """Full-width digits, punctuation and percent to ASCII, keeping string positions (one char each)."""
    return "".join(unicodedata.normalize("NFKC", ch) if ch in "０１２３４５６７８９．，％－" else ch for ch in text)


def cn_value(text: str) -> Decimal:
    """Chinese numeral → Decimal: 一千九百二十万 → 19200000, 十四 → 14, 八十点五 → 80.5."""
    whole, _, frac = text.partition("点")
    total, section, number = 0, 0, 0  # total: 亿 and above; section: below 亿; number: the pending digit
    for ch in whole:
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (number or 1) * _CN_SMALL[ch]
            number = 0
        elif ch == "万":
            section = (section + number) * 10_000
            number = 0
        elif ch == "亿":
            total = (total + section + number) * 100_000_000
            section = number = 0
    value = Decimal(total + section + number)
    if frac:
        value += Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in frac))
    return value


def _not_a_figure(text: str, start: int, end: int, digits: str, unit: str) -> bool:
    before, after = text[max(0, start - 1) : start], text[end : end + 2]
    if text[max(0, start - 2) : start].strip() == "×":
        return True  # "× 100%" in a written calculation
    if unit:
        return False
    if after.startswith("、"):
        return True  # "主要是1、因公出国（境）费用": an enumeration, not a figure
    if re.match(r"\s*(?:年|月|日|号|季度)", after) or before in ("表", "第"):
        return True
    if (
        len(digits) in (3, 5, 7)
        and re.fullmatch(r"\d+", digits)
        and (after[:1] == " " or re.match(r"[\u4e00-\u9fff]", after))
    ):
        return True  # a 科目编码 before its name: "2060702 科普活动"
    return bool(re.match(r"[.、．)）]", after) and (start == 0 or text[start - 1] in "\n（( 「“"))  # list marker


def find_figures(text: str) -> list[Found]:
    """Every figure in the text, in order of appearance."""
    plain = ascii_text(text)
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for m in _ARABIC.finditer(plain):
        digits, unit = m.group("num"), m.group("unit") or ""
        if m.group("pct"):
            unit = "%"
        if m.group("bound") or _not_a_figure(plain, m.start(), m.end(), digits.replace(",", ""), unit):
            continue  # "单价 50 万元以上": a threshold, not a figure
        if m.start() > 0 and (plain[m.start() - 1].isalpha() and plain[m.start() - 1].isascii()):
            continue  # part of a word such as "OA2"
        value = to_decimal(digits.replace("−", "-"))
        if unit == "万":
            unit = "万元"
        out.append(
            Found(
                text=text[m.start() : m.end()].strip(),
                value=value,
                unit=unit.replace("台(套)", "台（套）"),
                start=m.start(),
                end=m.end(),
            )
        )
        taken.append((m.start(), m.end()))
    for pattern in (_CHINESE, _CN_PERCENT):
        for m in pattern.finditer(plain):
            if any(a < m.end() and m.start() < b for a, b in taken) or plain[max(0, m.start() - 1) : m.start()] == "第":
                continue
            unit = "%" if pattern is _CN_PERCENT or m.groupdict().get("pct") else m.group("unit")
            if unit == "万":
                unit = "万元"
            out.append(
                Found(
                    text=text[m.start() : m.end()],
                    value=cn_value(m.group("num")),
                    unit=unit,
                    start=m.start(),
                    end=m.end(),
                )
            )
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)
