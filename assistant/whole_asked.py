"""A question naming no item that asks a department's whole budget in a person's words: "重庆市水利局2026年预算是多
少", "区委社会工作部2024年实际花了多少钱", "社工部2024年支出决算是多少". The words that ask the whole are data
(subjects.toml `asks_whole` and `spending`); so is the kind of the document asked: "决算" asks a 决算's whole, never
a 预算's (which prints no 决算 total)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.subjects import subjects
from assistant.whole import SIDES
from index.normal import label_key

WHOLE = SIDES["spending"]  # the registry subject (subjects.toml) of a department's whole spending
_NAMED = re.compile(r"[\u4e00-\u9fff]{2,}")


def names_nothing(leftover: str) -> bool:
    """What a question names beyond the budget as a whole (Understanding.leftover) holds no word."""
    return not _NAMED.search(leftover)


def asks_whole(text: str, kinds: Iterable[str]) -> bool:
    """`text` holds a word asking the whole budget: a word of `asks_whole` or of spending, or the kind of a
    document asked (`kinds`: "决算" of a 决算)."""
    book = subjects()
    return any(w in text for w in (*book.asks_whole, *book.spending, *kinds))


def whole_content(content: str, text: str, leftover: str, kind: str) -> str:
    """The registry subject read for a question (`text`, its item words `content`) naming no item (`leftover`
    empty of words) that asks the whole of a document of `kind`: its 支出合计 (the registry reads it where the template prints it, the 合计 of a
    支出总表 when no row is called 支出总计); else `content` as it is."""
    if subjects().find(content) is None and names_nothing(leftover) and asks_whole(text, (kind,)):
        return WHOLE
    return content


def item_whole(content: str) -> str:
    """`content` without a word asking its whole (subjects.toml `item_whole`) written after a subject's alias, when
    the rest is that alias exactly ("项目支出总计" → "项目支出": the subject's own figure, all funds); else as it is."""
    book = subjects()
    key = content.strip()
    if any(label_key(key) in s.aliases for s in book.named):
        return content  # "支出总计": the word is part of the alias written
    for word in book.item_whole:
        rest = key.removesuffix(word).strip()
        if rest != key and rest and any(label_key(rest) in s.aliases for s in book.named):
            return rest
    return content


def same_subject(name: str, key: str) -> bool:
    """A label (`key`) is the subject `name` names: it holds the name, or names the same registry subject ("政府采购
    预算总额" of 政府采购支出); "项目总支出" (a 绩效目标's indicator) is never 项目支出."""
    book = subjects()
    if label_key(name) in key:
        return True
    named, found = book.find(name), book.find(key)
    return named is not None and found is not None and named[0].name == found[0].name


def written_after(text: str, whole: str, names: Iterable[str]) -> bool:
    """Whether the whole `whole` (a label such as 支出总计, ending with a word of subjects.toml `item_whole`) is
    written in `text` only right after one of `names` (an item's name, or the start of the name of what it is
    printed under, three characters or more): "政府采购预算总额" (read 政府采购支出总计) asks the 政府采购 figure's
    own whole, never the department's 支出总计; False when the label is no such whole or is written elsewhere."""
    if not any(whole.endswith(w) for w in subjects().item_whole):
        return False
    keys = [k for k in (label_key(n) for n in names) if len(k) >= 3]
    at = [m.start() for m in re.finditer(re.escape(whole), text)]
    return bool(at and keys) and all(any(_ends_with_head(text[:i], k) for k in keys) for i in at)


def _ends_with_head(before: str, name: str) -> bool:
    """`before` ends with `name` or with its first three characters or more."""
    return any(before.endswith(name[:k]) for k in range(len(name), 2, -1))
