"""Subjects that compare across disclosures (assistant/subjects.toml): the names people use for them
and the places each template prints them, so that one question reads the same figure in every document."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import longest_first
from index.normal import label_key


@dataclass(frozen=True, kw_only=True)
class Place:
    """Where a document may print a subject: table kinds, row keys, column roles (empty = the document's own)."""

    tables: tuple[str, ...]
    rows: tuple[str, ...]  # label_key of the rows; empty = any row (a coded subject gives its own)
    roles: tuple[str, ...] = ()
    empty: bool = False  # a table of these kinds printed empty means 0 of the subject
    own_row: bool = False  # the row printed with the document's own department (预算单位 深圳市财政局（本级）)
    parts: tuple[str, ...] = ()  # label_key of the parts a row may be printed in ("总计·一般公共预算" …), summed
    columns: tuple[str, ...] = ()  # label_key of the columns read (a year before it ignored); empty = any
    outside: tuple[str, ...] = ()  # label_key of columns of items outside the subject (会议费, 培训费): a row
    # printing one totals more than the subject, so it is read in a column naming the subject, or not at all
    text: bool = False  # a sentence of the text naming the subject (Stated), not a listed row
    names: tuple[str, ...] = ()  # label_key of what a sentence calls it besides its aliases (重庆: "…财政拨款运行经费")

    def keys(self, rows: tuple[str, ...]) -> tuple[str, ...]:
        """The row keys to look for: each row, then each row's parts ("总计" → "总计·一般公共预算" …)."""
        return (*rows, *(f"{r}·{p}" for r in rows for p in self.parts))


@dataclass(frozen=True, kw_only=True)
class Subject:
    """A figure that means the same in every disclosure: “三公”经费, 人员经费, 2013901 行政运行 …"""

    name: str  # as answers name it
    aliases: tuple[str, ...]  # label_key of what people write, longest first
    places: tuple[Place, ...]  # tried in order; a document is read at the first it has
    code: str | None = None  # a 科目编码 subject ("2013901")
    row: str | None = None  # a row-name subject of the coded tables ("行政运行")
    kinds: tuple[str, ...] = ()  # the parts its own table prints by kind (政府采购: 货物, 工程, 服务)


@dataclass(frozen=True, kw_only=True)
class Stated:
    """How a sentence of the text names a subject (subjects.toml [stated]): heads, an alias, a tail of its kind."""

    heads: tuple[str, ...] = ()  # words that may stand before the alias ("通过", "财政拨款", "安排的")
    tails: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind → words that may end it, longest first
    other: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind → words of a sentence of the other kind
    fund_names: tuple[str, ...] = ()  # names holding 预算 that say no kind ("一般公共预算")
    fund_tails: tuple[str, ...] = ()  # a fund written after the alias ("机关运行经费财政拨款预算"), longest first

    def names(self, row_key: str, aliases: tuple[str, ...], kind: str) -> bool:
        """Whether a sentence's row (label_key) is the subject itself: heads, one alias, at most one fund written
        after it, at most one tail of the document's kind."""
        for tail in ("", *self.tails.get(kind, ())):
            if not row_key.endswith(tail):
                continue
            rest = row_key[: len(row_key) - len(tail)]
            for fund in ("", *self.fund_tails):
                if not rest.endswith(fund):
                    continue
                core = rest[: len(rest) - len(fund)]
                if any(core.endswith(a) and self._heads(core[: len(core) - len(a)]) for a in aliases if a):
                    return True
        return False

    def _heads(self, words: str) -> bool:
        """`words` is made of heads only (or is empty)."""
        if not words:
            return True
        return any(words.startswith(h) and self._heads(words[len(h) :]) for h in self.heads)

    def of_other_kind(self, sentence: str, kind: str) -> bool:
        """The sentence names the other kind than the document's ("上年决算数" in a 预算)."""
        for name in self.fund_names:
            sentence = sentence.replace(name, "")
        return any(w in sentence for w in self.other.get(kind, ()))


@dataclass(frozen=True)
class Subjects:
    named: tuple[Subject, ...]
    coded: Place  # where a 科目编码 or a coded row name is read
    funds: tuple[str, ...] = ()  # label_key of the fund names that, written before a subject, qualify it
    whole: tuple[str, ...] = ()  # words naming a department's whole budget besides 预算 and 总额 ("总计")
    whole_figure: tuple[str, ...] = ()  # such words only when its figure is asked, not its reason ("收支总计")
    spending: tuple[str, ...] = ()  # words of spending that name no item ("多花", "花费")
    asks_whole: tuple[str, ...] = ()  # words by which a question naming no item asks the whole ("预算", "一共")
    item_whole: tuple[str, ...] = ()  # words written after a subject asking its own whole ("项目支出总计")
    stated: Stated = Stated()  # how the text names a subject (places with `text`)

    def find(self, text: str) -> tuple[Subject, str] | None:
        """The subject a phrase names and the alias as written: the longest alias written in it, of equal
        ones the first written ("项目支出合计" names 项目支出, not 支出合计). A bare fund name followed by
        another subject only qualifies it ("财政拨款“三公”经费" names “三公”经费, read in its 财政拨款 table)."""
        key = label_key(text)
        best: tuple[int, int, Subject, str] | None = None
        for s in self.named:
            for alias in s.aliases:
                at = key.find(alias)
                if at >= 0 and (best is None or (len(alias), -at) > (best[0], best[1])):
                    best = (len(alias), -at, s, alias)
        if best and best[3] in self.funds:
            after = key[-best[1] + len(best[3]) :]
            if (head := self.find(after)) and head[1] not in self.funds:
                return head
        return (best[2], best[3]) if best else None

    def by_code(self, code: str, name: str) -> Subject:
        return Subject(name=f"{code} {name}".strip(), aliases=(), places=(self.coded,), code=code)

    def by_row(self, row_key: str) -> Subject:
        return Subject(name=row_key, aliases=(row_key,), places=(self.coded,), row=row_key)


@cache
def subjects() -> Subjects:
    """The subjects, read once from the package's subjects.toml."""
    data: dict[str, Any] = tomllib.loads(files("assistant").joinpath("subjects.toml").read_text(encoding="utf-8"))

    def place(p: dict[str, Any]) -> Place:
        return Place(
            tables=tuple(p["tables"]),
            rows=tuple(label_key(r) for r in p.get("rows", ())),
            roles=tuple(p.get("roles", ())),
            empty=bool(p.get("empty", False)),
            own_row=bool(p.get("own_row", False)),
            parts=tuple(label_key(x) for x in p.get("parts", ())),
            columns=tuple(label_key(x) for x in p.get("columns", ())),
            outside=tuple(label_key(x) for x in p.get("outside", ())),
            text=bool(p.get("text", False)),
            names=tuple(label_key(x) for x in p.get("names", ())),
        )

    named = tuple(
        Subject(
            name=s["name"],
            aliases=tuple(longest_first({label_key(a) for a in [s["name"], *s["aliases"]]})),
            places=tuple(place(p) for p in s["at"]),
            kinds=tuple(s.get("kinds", ())),
        )
        for s in data["subject"]
    )
    funds = tuple(label_key(f) for f in data.get("funds", ()))
    whole = tuple(data.get("whole", ()))
    whole_figure = tuple(data.get("whole_figure", ()))
    spending = tuple(data.get("spending", ()))
    asks_whole = tuple(data.get("asks_whole", ()))
    item_whole = tuple(data.get("item_whole", ()))
    st = data.get("stated", {})
    stated = Stated(
        heads=tuple(longest_first({label_key(h) for h in st.get("heads", ())})),
        tails={k: tuple(longest_first({label_key(t) for t in v})) for k, v in st.get("tails", {}).items()},
        other={k: tuple(v) for k, v in st.get("other", {}).items()},
        fund_names=tuple(st.get("fund_names", ())),
        fund_tails=tuple(longest_first({label_key(t) for t in st.get("fund_tails", ())})),
    )
    return Subjects(
        named=named,
        coded=place(data["coded"]),
        funds=funds,
        whole=whole,
        whole_figure=whole_figure,
        spending=spending,
        asks_whole=asks_whole,
        item_whole=item_whole,
        stated=stated,
    )


def kind_named(subject: str, text: str) -> str | None:
    """The part by kind of `subject` a question names ("政府采购有工程类的…" → "工程"), or None: the subject's own
    table prints it apart, so the subject's whole never answers it."""
    found = next((s for s in subjects().named if s.name == subject), None)
    if found is None:
        return None
    key = label_key(text)
    for alias in found.aliases:  # "政府采购服务" may be an alias of its own: its words are not a part named
        key = key.replace(alias, " ")
    return next((k for k in found.kinds if k in key and k not in subject), None)
