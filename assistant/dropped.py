"""Words of a question that the subject found does not name: an answer names the asked item or refuses.

A subject is linked by shared bigrams, so "部门收入预算总额" reaches the prose figure "政府采购预算总额" through
预算总额 alone, and "水库移民后期扶持专项资金" reaches the row "大中型水库移民后期扶持基金支出". What the label
leaves out — 收入, 专项 — is the asked item's own word: the label is another item. Words that name no item by
themselves (glossary.json item_neutral: 预算, 总额, 支出 …) and words no item of the documents is named with
may stay out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from assistant.cues import longest_first
from assistant.knowledge import Knowledge, Label, grams, norm
from index.records import Fact
from index.units import MONEY

_RUN = re.compile(r"[\u4e00-\u9fff]+")


def checked(label: Label, doc_ids: set[str]) -> bool:
    """Whether a label's record says what it is about in full: a performance indicator (聘用人员数量 of a
    project's 绩效目标表) and a count keep no project name, so what they leave out is not known."""
    facts = [f for f in label.facts if f.doc_id in doc_ids]
    return not label.targets and any(f.unit in MONEY for f in facts)


def own_sentence(kb: Knowledge, f: Fact) -> str:
    """The text a prose figure is printed after, without the names of the other figures printed in it: "服务" of
    "…其中：拟采购货物支出 2 万元、拟采购服务支出 110.9 万元" is the 110.9's, never read by the 2 beside it nor by
    the total before it. The figure's own name and the wholes it is listed under stay."""
    text = kb.sentence_of(f)
    if not text:
        return ""
    own = {norm(f.row)}
    rows = {norm(g.row): g for g in kb.facts_by_doc.get(f.doc_id, []) if g.table is None and g.row}
    parent = f.parent
    while parent and norm(parent) not in own:  # the wholes above it: 政府采购 of 政府采购货物
        own.add(norm(parent))
        parent = rows[norm(parent)].parent if norm(parent) in rows else None
    others = [r for r in rows if len(r) >= 2 and r not in own and not any(r in o for o in own)]
    for row in sorted(others, key=len, reverse=True):
        text = text.replace(row, " ")
    return text


def label_grams(kb: Knowledge, label: Label, doc_ids: set[str]) -> set[str]:
    """Everything a label's figures are printed under in these documents: its names, the table title, the
    column, the item it is part of, the fund, the sentence a figure of the text is in."""
    out = {g for v in label.variants for g in grams(v)}
    for f in label.facts:
        if f.doc_id in doc_ids:
            for part in (f.source, f.parent, f.fund, f.column_role, f.column, kb.sentence_of(f)):
                if part:
                    out.update(grams(norm(part)))
    return out


def uncovered(content: str, covered: set[str], neutral: Iterable[str]) -> Iterator[str]:
    """The pieces of `content`'s runs of Chinese that no bigram of `covered` touches, the neutral words taken out."""
    neutral = longest_first(neutral)
    for run in _RUN.findall(content):
        mark = [False] * len(run)
        for i in range(len(run) - 1):
            if run[i : i + 2] in covered:
                mark[i] = mark[i + 1] = True
        left = "".join(" " if m else c for c, m in zip(run, mark, strict=True))
        for word in neutral:
            left = left.replace(word, " ")
        yield from left.split()


def dropped_words(
    content: str, covered: set[str], printed: set[str], neutral: Iterable[str], *, inside: bool = False
) -> list[str]:
    """The runs of `content` (2 characters or more) that no bigram of `covered` touches, once the neutral
    words are taken out, and whose every bigram is `printed` in the documents' item names (a word of chat or of
    the question's own frame — 任务, 要求 — names no item). With `inside`, also a printed run of 3 characters or
    more inside a longer run ("买复印纸": the item 复印纸 after a verb) — for checking an answer, not a link."""
    out = []
    for piece in uncovered(content, covered, neutral):
        if len(piece) >= 2 and all(g in printed for g in grams(piece)):
            out.append(piece)
        elif inside:  # "买复印纸": a verb glued before an item name hides no item — the run inside counts
            out.extend(_printed_runs(piece, printed))
    return out


def item_shaped(content: str, covered: set[str], neutral: Iterable[str], heads: Iterable[str]) -> list[str]:
    """The runs of `content` that no bigram of `covered` touches and that are shaped like an item's name — three
    characters or more before a head word that ends an item's name (glossary.json `item_heads`: 费, 基金 …) —
    whether or not the documents print that name: "城市道路掘路修复费" (printed 城市道路挖掘修复费) is an item the
    department's 收入合计 does not answer."""
    heads = longest_first(heads)
    out = []
    for piece in uncovered(content, covered, neutral):
        ends = [i + len(h) for h in heads for i in range(3, len(piece)) if piece.startswith(h, i)]
        if ends:
            out.append(piece[: min(ends)])
    return out


def _printed_runs(piece: str, printed: set[str]) -> list[str]:
    """The runs of 3 characters or more inside `piece` whose every bigram is `printed`: "复印纸" in "买复印纸"."""
    runs, start = [], 0
    for i in range(len(piece)):
        if i + 1 >= len(piece) or piece[i : i + 2] not in printed:
            if i + 1 - start >= 3:
                runs.append(piece[start : i + 1])
            start = i + 1
    return runs
