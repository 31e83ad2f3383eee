"""Questions about nothing in the disclosures (明天天气, 比赛比分, 你好): refused plainly.

A question that names no department is asked "which department?" when several are loaded — unless it is
about nothing a disclosure holds: none of its words is a budget word (assistant/topic.toml) or a word of
any stored row. Then asking which department would suggest the documents could answer it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.knowledge import grams


@cache
def cues() -> dict[str, Any]:
    """assistant/topic.toml: the budget words and the refusal."""
    return tomllib.loads(files("assistant").joinpath("topic.toml").read_text(encoding="utf-8"))


def refusal() -> str:
    """What a question about nothing in the disclosures is told."""
    return str(cues()["refusal"])


def off_topic(
    text: str, names: Iterable[str], filler: Sequence[str], mentioned: Callable[[Sequence[str]], bool]
) -> bool:
    """`text` (read to the template's words) holds no budget word, and none of its bigrams — once filler
    words and the characters of department names (`names`: places such as 上海) are left out — is in a
    stored row (`mentioned(words)`)."""
    if any(word in text for word in cues()["domain"]):
        return False
    for word in filler:
        text = text.replace(word, " ")
    named = "".join(names)
    words = [g for g in grams(text) if len(g) == 2 and g not in named]
    return not mentioned(words) if words else True


def foreign(text: str) -> bool:
    """`text` is written in another language: at least `foreign_words` (topic.toml) words of Latin letters,
    and fewer Chinese characters than such words ("GDP是多少" is Chinese); Chinese in brackets glosses the
    English words before it ("official vehicles (公务用车购置和运行维护费)") and is not counted."""
    words = re.findall(r"[A-Za-z]{2,}", text)
    chinese = re.findall(r"[\u4e00-\u9fff]", re.sub(r"(?<=[A-Za-z]) ?[(（][^()（）]*[)）]", "", text))
    return len(words) >= int(cues()["foreign_words"]) and len(chinese) < len(words)


def foreign_refusal() -> str:
    """What a question in another language is told."""
    return str(cues()["foreign_refusal"])
