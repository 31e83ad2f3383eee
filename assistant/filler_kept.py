"""Filler words (glossary.json `filler`: 日常, 实际, 情况 …) that are part of a name the documents print: "日常公用支出"
is the 公用经费 column of 烟台 表5, so its 日常 is no filler. A printed name of at least four characters holding a
filler word is kept whole while the filler is taken out of a question's words; elsewhere the word is still filler."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

_MIN = 4  # a shorter name ("实际数") is too easily a question's own words
_HOLD = 0xE000  # private-use characters stand for the kept names while the filler is taken out


def names_with_filler(variants: Iterable[str], filler: Sequence[str]) -> list[str]:
    """The printed names (label variants) that hold a filler word, longest first."""
    found = {v for v in variants if len(v) >= _MIN and any(w in v for w in filler)}
    return sorted(found, key=len, reverse=True)


def held(text: str, names: Sequence[str]) -> tuple[str, Callable[[str], str]]:
    """`text` with each of `names` it writes out (longest first) held as one character, and how to put the names
    back into any part of it: words of the text are then worked on without cutting a name."""
    kept = [n for n in names if n in text]
    for i, name in enumerate(kept):
        text = text.replace(name, chr(_HOLD + i))

    def restored(part: str) -> str:
        for i, name in enumerate(kept):
            part = part.replace(chr(_HOLD + i), name)
        return part

    return text, restored


def without_filler(text: str, filler: Sequence[str], names: Sequence[str]) -> str:
    """`text` with every filler word blanked, except inside a printed name from `names` it writes out."""
    text, restored = held(text, names)
    for word in filler:
        text = text.replace(word, " ")
    return restored(text)
