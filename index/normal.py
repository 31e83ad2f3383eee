"""The normal forms printed text is compared in: one function for each, used by index and assistant alike.

From the lightest to the strongest:

- `ascii_digits`: full-width digits, points and thousands separators as ASCII ("４，９９７" → "4,997").
- `to_decimal`: a number so matched, without its separators, as a Decimal ("4,997.50" → Decimal("4997.50")).
- `squeeze`: no white space (PDF text puts spaces between the characters of a justified line).
- `squeeze_cjk`: ASCII digits and no white space next to a CJK character ("深 圳 市 2 0 2 2" keeps the
  spaces between the digits and Latin words, so "2022 年" → "2022年" but "Q 1" stays).
- `form_key`: squeezed, ASCII brackets, no quotes of any kind: how the template catalog compares
  titles, headers and department names.
- `label_key`: squeezed, ASCII brackets, no straight or curly quotes and no printed numbering: how row
  labels are matched across documents. The store keeps it with every fact (facts.row_key), so its
  form is part of the store's contract: it never drops 「」『』 as `form_key` does.

- `canonical`: NFC, full-width digits as ASCII, radical code points as the ideographs they are printed
  as: what every reader gives the later stages (a text file's lines, a PDF's lines and cells). The
  text a document's id is computed from is made of it (`index.load.normalise`): it must never change,
  or every stored id would.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

_WHITESPACE = re.compile(r"\s+")
_NEXT_TO_CJK = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGITS = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_CN_SEPARATOR = re.compile(r"(?<=\d)[，,](?=\d{3}(?!\d))")
_ALL_QUOTES = re.compile(r"[“”\"'‘’「」『』]")
_LABEL_QUOTES = re.compile(r"[“”\"'‘’]")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])")


def ascii_digits(text: str) -> str:
    """Full-width digits, points and thousands separators to ASCII; other punctuation unchanged."""
    return _CN_SEPARATOR.sub(",", text.translate(_DIGITS))


def to_decimal(printed: str) -> Decimal:
    """A number as printed with thousands separators, already matched as one ("1,234.50", "-860") → Decimal."""
    return Decimal(printed.replace(",", ""))


def squeeze(text: str) -> str:
    """No white space."""
    return _WHITESPACE.sub("", text)


def squeeze_cjk(text: str) -> str:
    """ASCII digits; white space next to a non-ASCII character dropped ("深 圳 市" → "深圳市")."""
    return _NEXT_TO_CJK.sub("", ascii_digits(text))


def _ascii_brackets(text: str) -> str:
    return squeeze(text).replace("（", "(").replace("）", ")")


def form_key(text: str) -> str:
    """No white space; ASCII brackets; no quotes: the form table titles, headers and names are compared in."""
    return _ALL_QUOTES.sub("", _ascii_brackets(text))


def bare_label(label: str) -> str:
    """A row label without its printed numbering: "二、科学技术支出" → "科学技术支出"."""
    return _NUMBERING.sub("", label)


def label_key(text: str) -> str:
    """A label reduced for matching across documents: no spaces, quotes or numbering; ASCII brackets.

    "（二）公务接待费" and "公务接待费", "因公出国（境）费" and "因公出国(境)费" get the same key;
    the store keeps it with every fact (facts.row_key) so that documents are matched in SQL.
    """
    return bare_label(_LABEL_QUOTES.sub("", _ascii_brackets(text)))


# CJK radical code points that fonts draw exactly like the ideograph (Noto CJK: 门 and ⻔ share a glyph),
# so a PDF printed by a browser can carry ⻔ for 门, ⼀ for 一. NFKC maps the Kangxi radicals (U+2F00–2FD5)
# except ⼾, which it makes the traditional 戶; the CJK Radicals Supplement (U+2E80–2EF3) it leaves alone.
RADICALS = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}
    | dict(zip(
        "⼾⺁⺇⺌⺒⺓⺜⺝⺟⺠⺩⺮⺼⻁⻄⻅⻆⻈⻉⻊⻋⻏⻐⻓⻔⻖⻗⻘⻙⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
        "户厂几小巳幺日月母民王竹月虎西见角讠贝足车阝钅长门阝雨青韦页风飞食饣马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
        strict=True,
    ))
)  # fmt: skip


def canonical(text: str) -> str:
    """NFC, full-width digits as ASCII, radical code points as ideographs: the form every reader gives."""
    return unicodedata.normalize("NFC", text).translate(_FULL_WIDTH_DIGITS).translate(RADICALS)
