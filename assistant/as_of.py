"""The date a count is stated at ("截至2022年底", "截止2022年12月31日"), asked and printed.

A disclosure states what a department holds (车辆, 资产) at a date: the 2023 budget "截止2022年12月31日", the
2024 budget "截至2023年8月31日". A question asking the count at a date is answered only by the count printed
at that date; the year of the document is not the date of its count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from index.numbers import ascii_digits
from index.records import Fact

# "截至2025年底": the date a count is stated at, printed in the next year's disclosure — not the year asked
AS_OF = re.compile(r"(?:截至|截止)(?:到)?\s*(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?\s*(?:底|末)?")
_DATE = re.compile(
    r"(?:截至|截止)(?:到)?\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?:(?P<m>\d{1,2})\s*月)?\s*(?:(?P<d>\d{1,2})\s*日)?"
    r"\s*(?P<end>底|末)?"
)
# a numbered heading ("六、", "（二）") between a date and a figure: the figure is another part's, not dated by it
_HEADING = re.compile(r"(?:^|[。；;\s])(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


@dataclass(frozen=True)
class AsOf:
    """A date as far as it is given: 2022年底 is 2022-12 (day open); 截至2022年 is the year only."""

    year: int
    month: int | None = None
    day: int | None = None

    def said(self) -> str:
        return f"{self.year}年" + (f"{self.month}月" if self.month else "") + (f"{self.day}日" if self.day else "")


def _read(m: re.Match[str]) -> AsOf:
    month = int(m.group("m")) if m.group("m") else (12 if m.group("end") else None)
    day = int(m.group("d")) if m.group("d") and m.group("m") else None
    return AsOf(int(m.group("y")), month, day)


def asked(question: str) -> AsOf | None:
    """The date a question asks a count at ("截至2022年底…有几辆" → 2022-12), or None."""
    found = list(_DATE.finditer(ascii_digits(question)))
    return _read(found[0]) if len(found) == 1 else None


def printed(context: str) -> AsOf | None:
    """The date a count is printed at: the last 截至/截止 date of the text up to the figure, unless a heading
    opens another part between them."""
    text = ascii_digits(context)
    found = list(_DATE.finditer(text))
    if not found or _HEADING.search(text[found[-1].end() :]):
        return None
    return _read(found[-1])


def fits(want: AsOf, have: AsOf) -> bool:
    """Whether a count printed at `have` is the one asked at `want`: the same year, and the month and day
    wherever both give them (截至2022年底 ← 截止2022年12月31日; never ← 截至2023年8月31日)."""
    return (
        want.year == have.year
        and (want.month is None or have.month is None or want.month == have.month)
        and (want.day is None or have.day is None or want.day == have.day)
    )


def misdated(question: str, facts: Sequence[Fact], sentence_of: Callable[[Fact], str]) -> str | None:
    """Why figures of the text answer no question asking them at a date ("截至2022年底…执法执勤用车有几辆"
    answered by the 2024 budget's "截至2023年8月31日…执法执勤用车0辆"): one is printed at another date; None
    when none is, or no date is asked."""
    at = asked(question)
    if at is None:
        return None
    for f in facts:
        if f.table is None and (have := printed(sentence_of(f))) is not None and not fits(at, have):
            return f"文字说明给出的“{f.row}”是截至{have.said()}的数，不是问题所问的截至{at.said()}的数"
    return None
