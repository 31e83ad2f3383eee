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

from assistant.numerals import rewrite
from index.normal import to_decimal
from index.units import COUNT_PATTERN, MONEY_PATTERN

# The units of index.units, 万人次 and 万人 ("7 万人次", "13 万人": never 7 万元 and a stray 人次) and 万 alone ("50万" in
# a question); the other units only a disclosure's text prints (index.prose: 分, 批次, 平方米, 米) are not read here.
UNITS = f"{MONEY_PATTERN}|万人次|万人|万|%|{COUNT_PATTERN}"
_ARABIC = re.compile(
    rf"(?P<pct>百分之)?(?P<num>[-−]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)\s*(?P<unit>{UNITS})?(?P<bound>(?:[（(]含[)）])?(?:以上|以下|以内|及以上))?"
)


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
    """Every figure in the text, in order of appearance; Chinese numerals are read in digits
    (assistant.numerals) and shown as written."""
    rewritten = rewrite(ascii_text(text))
    plain = rewritten.text
    out: list[Found] = []
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
        start, end = rewritten.origin[m.start()], rewritten.origin[m.end()]
        if not unit and not any(c.isdigit() for c in text[start:end]):
            continue  # a Chinese numeral is a figure with its unit only ("保留两位小数" holds none)
        out.append(
            Found(
                text=text[start:end].strip(), value=value, unit=unit.replace("台(套)", "台（套）"), start=start, end=end
            )
        )
    return out
