"""A question in the form every reader reads: in simplified characters (殯葬支出 → 殡葬支出, 內設機構 → 内设机构;
the documents and every word list are simplified; OpenCC's phrase-aware t2s conversion leaves simplified text as
it is), and vehicles asked as the count they are (glossary.json `asked_as`): "有公车吗" → "共有几辆车", "买车吗" → "计划购置几辆车",
"多少部公务车" → "多少辆公务车" — whether a department holds or buys vehicles is answered by their number, never by
their cost; and a sum said colloquially in the word every reader knows ("加一块儿" → "加起来")."""

from __future__ import annotations

import re
from functools import cache

import opencc

from assistant.tokens import glossary_data

# a year said by its last two digits after a word that compares or joins years ("比23年", "和25年")
_SHORT_YEAR = re.compile(r"(?<=[比较和与跟同、从至到])(1[5-9]|2\d|3[0-5])年")


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified characters."""
    return str(_converter().convert(text)) if text else text


def plain(text: str) -> str:
    """`text` simplified, without how a figure is to be shown (glossary.json `presentation`: 保留两位小数), its
    years said by two digits written out (比23年 → 比2023年), and its forms of asking read as the ones every reader
    knows (`asked_as`, the longest form first: 有公车吗 → 共有几辆车, 加一块儿 → 加起来, 啥 → 什么)."""
    text = simplified(text)
    for shown in sorted(glossary_data()["presentation"], key=len, reverse=True):  # "保留两位小数": how to show it
        text = re.sub(rf"[，,、；;]?\s*(?:请|并)?{re.escape(shown)}", "", text)
    text = _SHORT_YEAR.sub(r"20\1年", text)  # "比23年执行数": the year 2023 said short
    forms = glossary_data().get("asked_as", {})
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, forms[form])
    return text
