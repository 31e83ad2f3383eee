"""Chinese numerals in a question or a draft sentence rewritten into Arabic digits before anything reads
them: 二〇二五年 → 2025年, 三千万元 → 3000万元, 一点五亿元 → 1.5亿元, 百分之十二点五 → 12.5%, 肆仟 → 4000,
两年 → 2年; an ordinal (第三季度) stays as the documents print it. The value of a numeral is read by cn2an; this module holds the grammar of
when a run of numeral characters is a number at all, and numerals.toml the words that are not (三公经费,
十四五, 一般公共预算) and the measure words after which a lone numeral counts.

The rewrite keeps a map from each position of the rewritten text to the original, so that a figure read
from the digits can still be shown as it was written.
"""

from __future__ import annotations

import re
import tomllib
import warnings
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import longest_first

_DIGITS = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖廿"
_PLACES = "十百千万亿拾佰仟"
_RUN = re.compile(rf"(?P<pct>百分之)?(?P<num>[{_DIGITS}{_PLACES}]+(?:点[{_DIGITS}]+)?)")
_ZERO = str.maketrans({"〇": "零", "○": "零", "两": "二"})
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_SIZED = "百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟"  # a run holding one is a number wherever it stands (肆仟, 三千)
_MAGNITUDE = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_MASK = "\x00"  # stands for a character of a protected word while runs are found


@cache
def _data() -> dict[str, Any]:
    return dict(tomllib.loads(files("assistant").joinpath("numerals.toml").read_text(encoding="utf-8")))


def protected() -> tuple[str, ...]:
    """Words written with numeral characters that are no number, longest first."""
    return tuple(longest_first(e["word"] for e in _data()["protected"]))


def measure_words() -> tuple[str, ...]:
    """The words after which a lone numeral character is a count (两年, 三个, 十项)."""
    return tuple(_data()["measure_words"]["words"])


@dataclass(frozen=True)
class Rewritten:
    """A text with its Chinese numerals in digits, and where each of its positions was in the original."""

    original: str
    text: str
    origin: tuple[int, ...]  # origin[i]: the original position of text[i]; origin[len(text)] == len(original)

    def written(self, start: int, end: int) -> str:
        """The original words of the rewritten span text[start:end] ("三千万元" for "3000万元")."""
        return self.original[self.origin[start] : self.origin[end]]


def value(numeral: str) -> Decimal | None:
    """The value of a Chinese numeral (一千九百二十万 → 19200000, 十二点五 → 12.5, 肆仟 → 4000), or None
    when it is no well-formed number (十四五, 万一)."""
    import cn2an  # type: ignore[import-untyped]  # only when a question writes a numeral: ~80 ms of a cold ask

    text = numeral.translate(_ZERO)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return Decimal(str(cn2an.cn2an(text, "strict")))
        except (ValueError, KeyError, IndexError, TypeError):
            return None


def _digits(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _number(num: str, after: str, pct: bool) -> str | None:
    """The digits a run of numeral characters stands for here, or None when it is no number."""
    if not any(c in _PLACES or c == "点" for c in num):  # digits only: a year (二〇二五年) or a lone numeral
        if len(num) in (2, 4) and after.startswith("年") and not pct:
            return num.translate(_YEAR_DIGITS) if all(c in "〇○零一二三四五六七八九" for c in num) else None
        if len(num) != 1 or (num in "一壹" and not pct):
            return None  # 一 alone builds words (统一, 一般, 上一年); 三三两两 is no number
    counted = pct or after.startswith(measure_words())
    if len(num) == 1 and not counted:
        return None  # 十四五's 十, 三公's 三
    if not counted and not any(c in _SIZED for c in num):
        return None  # 十一部分: a run before no unit, of no size (百, 千, 万, 亿, 点, 肆) is left as written
    if num[-1] in _MAGNITUDE and len(num) > 1:  # 三千万 → 3000万, 一亿二千万 → 12000万, 一点五亿 → 1.5亿
        whole = value(num)
        if whole is not None:
            return _digits(whole / _MAGNITUDE[num[-1]]) + num[-1]
        head = value(num[:-1])
        return None if head is None else _digits(head) + num[-1]
    found = value(num)
    return None if found is None else _digits(found)


def rewrite(text: str) -> Rewritten:
    """`text` with every Chinese numeral that is a number written in digits; the words of numerals.toml
    and numeral characters that only build words are left as they are."""
    masked = text
    for word in protected():
        masked = masked.replace(word, _MASK * len(word))
    out: list[str] = []
    origin: list[int] = []
    at = 0
    for m in _RUN.finditer(masked):
        if masked[m.start() - 1 : m.start()].isdigit() or masked[m.end() : m.end() + 1].isdigit():
            continue  # "2025两年", "3千万": digits written next to it would run into one number
        if masked[m.start() - 1 : m.start()] == "第":
            continue  # an ordinal names a part as the document prints it (第二季度, 第三部分), no amount
        digits = _number(m.group("num"), masked[m.end() :], bool(m.group("pct")))
        if digits is None:
            continue
        digits += "%" if m.group("pct") else ""
        out.append(text[at : m.start()])
        origin.extend(range(at, m.start()))
        out.append(digits)
        origin.extend([m.start()] * len(digits))
        at = m.end()
    out.append(text[at:])
    origin.extend(range(at, len(text) + 1))
    return Rewritten(original=text, text="".join(out), origin=tuple(origin))


def to_digits(text: str) -> str:
    """`text` with its Chinese numerals in Arabic digits (二〇二五年 → 2025年, 三千万元 → 3000万元)."""
    return rewrite(text).text
