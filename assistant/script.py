"""A question in the form every reader reads: in simplified characters (殯葬支出 → 殡葬支出, 內設機構 → 内设机构;
the documents and every word list are simplified; OpenCC's phrase-aware t2s conversion leaves simplified text as
it is), and a yes-or-no question about vehicles asked as the count it is ("有公车吗" → "共有几辆车", glossary.json
`yes_no`): whether a department holds or buys vehicles is answered by their number, never by their cost."""

from __future__ import annotations

from functools import cache

import opencc

from assistant.tokens import glossary_data


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified characters."""
    return str(_converter().convert(text)) if text else text


def plain(text: str) -> str:
    """`text` simplified, its yes-or-no forms asked as counts (the longest form first)."""
    text = simplified(text)
    forms = glossary_data().get("yes_no", {})
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, forms[form])
    return text
