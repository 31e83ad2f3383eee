"""The items a sum adds: only those the question names, each by words of its own.

"无锡人社局社会保障和就业支出一共多少？" names one printed row; a second subject read from the same words
(30112 其他社会保障缴费, whose 社会保障 lies inside 社会保障和就业支出) is no item asked, and adding it makes a
total nobody asked for. An item is kept when, with the words the other items' names take from the question
removed, the question still shares words with its name (or when its name shares no words with the question at
all: named by a word of the registry, which this reading cannot judge)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.knowledge import grams, norm


def _without(question: str, name: str) -> str:
    """The question with each run of two or more characters that the name also holds blanked out."""
    out: list[str] = []
    i = 0
    while i < len(question):
        size = next((n for n in range(len(question) - i, 1, -1) if question[i : i + n] in name), 0)
        if size:
            out.append(" ")
            i += size
        else:
            out.append(question[i])
            i += 1
    return "".join(out)


def _own_grams(name: str, neutral: Sequence[str]) -> set[str]:
    piece = norm(name)
    for word in sorted(neutral, key=len, reverse=True):
        piece = piece.replace(word, " ")
    return set(grams(piece))


def named(question: str, names: Sequence[str], neutral: Sequence[str]) -> list[int]:
    """The indexes of the names the question names by words of their own (all of them when it is unsure)."""
    q = norm(question)
    kept = []
    for i, name in enumerate(names):
        own = _own_grams(name, neutral)
        if not own & set(grams(q)):
            kept.append(i)  # named by a word the question does not print: not judged here
            continue
        rest = q
        for j, other in enumerate(names):
            if j != i and norm(other) != norm(name):
                rest = _without(rest, norm(other))
        if own & set(grams(rest)):
            kept.append(i)
    return kept or list(range(len(names)))
