"""Questions written in traditional characters read as simplified ones (殯葬支出 → 殡葬支出, 內設機構 → 内设机构):
the documents and every word list are simplified. OpenCC's phrase-aware t2s conversion leaves simplified text as
it is."""

from __future__ import annotations

from functools import cache

import opencc


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified characters."""
    return str(_converter().convert(text)) if text else text
