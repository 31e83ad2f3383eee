"""Text answers: the disclosure's own sentences that explain, define or list what was asked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from assistant.complete import reason_asked
from assistant.draft import page_note
from assistant.knowledge import grams, norm
from index.normal import ascii_digits, squeeze
from index.records import Chunk

if TYPE_CHECKING:
    from assistant.retrieve import Hit

WHY = re.compile(
    r"为什么|为啥|原因|咋回事|怎么回事|怎么没有|怎么来的|怎么是|怎么会|怎么就|怎么冒|冒出来|为何|"
    + reason_asked().pattern
)  # with the reason words the answer check knows (cues.toml 原因)
DEFINE = re.compile(r"什么意思|啥意思|是指|指的是|什么是|含义|定义|包括哪些|包括什么")
PURPOSE = re.compile(r"干嘛|干什么|做什么|用来|用途|用于|怎么来的")
WHEN = re.compile(r"什么时候|何时|时限|期限")
LISTING = re.compile(r"哪些|哪几|包含|包括|构成|组成|明细")
MIN_SCORE = 4.0  # below this no sentence is taken to answer the question


@dataclass(frozen=True, kw_only=True)
class Quote:
    """A sentence quoted from a chunk, with where it is."""

    text: str
    where: str  # the chunk's heading line
    doc_id: str
    score: float


def sentences(hit: Hit) -> list[tuple[str, str, str]]:
    """(heading, paragraph, sentence) of a chunk; table rows keep their cells together."""
    head, _, body = hit.chunk.text.partition("\n")
    out = []
    for line in body.split("\n"):
        if line.startswith("表头："):
            continue
        for s in re.split(r"(?<=。)", line):
            if s.strip():
                out.append((head, line, s.strip()))
    return out


def _score(
    sentence: str, paragraph: str, question: str, subjects: tuple[str, ...], notes: tuple[str, ...] = ()
) -> float:
    """How well a sentence answers: shared words (capped), the subject, and the kind of answer asked for (`notes`:
    words that give it besides a reason's, such as the document's note on an absence)."""
    s, para = norm(sentence), norm(paragraph)
    shared = len(set(grams(norm(question))) & set(grams(s)))
    score = min(5, shared) + shared / 100  # capped, but of two sentences the one sharing more words ranks first
    for subject in subjects:
        if not subject:
            continue
        if re.match(rf"^(?:\d+[.．、]|[（(][一二三四五六七八九十]+[)）])?{re.escape(subject)}", para):
            score += 6  # the subject's own paragraph ("8. 课题调研活动预算 130 万元…")
        elif subject in s:
            score += 4
        elif subject in para:
            score += 2
    if WHY.search(question):
        given = re.search(r"原因|由于|因为|主要是|调整为|因此|为进一步|原则|无发生额|本部门无", sentence)
        score += 6 if given or any(n in sentence for n in notes) else -6
        for direction in (r"减少|下降|少|压减", r"增加|增长|多|涨"):
            if re.search(direction, question) and re.search(direction, sentence):
                score += 1
    if DEFINE.search(question):
        if re.search(r"：指|:指|是指|反映|指为|一般公共预算安排的", sentence):
            score += 4
        term = re.match(r"^(?:[一二三四五六七八九十]+、)?([^：:，。]{2,16})[：:]", s)
        if term and (
            term.group(1) in norm(question) or any(term.group(1) in subject for subject in subjects if subject)
        ):
            score += 6  # a 名词解释 entry: "九、机关运行经费：为保障行政单位…"
    if LISTING.search(question) and re.search(r"包含|包括|主要有|分为", sentence):
        score += 4
    if PURPOSE.search(question) and re.search(r"用于|主要包括|开展|完成|建设", sentence):
        score += 2
    if WHEN.search(question) and re.search(r"\d+\s*月|年中|年底|前|当年|及时", sentence):
        score += 3
    return score


def best_quotes(
    hits: list[Hit], question: str, subjects: tuple[str, ...], limit: int = 1, notes: tuple[str, ...] = ()
) -> list[Quote]:
    """The best sentence(s) among the retrieved chunks, if any answers the question well enough (`notes`: words
    that give the answer asked besides a reason's)."""
    scored = [
        Quote(text=s, where=head + _pages(h), doc_id=h.chunk.doc_id, score=_score(s, para, question, subjects, notes))
        for h in hits
        for head, para, s in sentences(h)
    ]
    scored.sort(key=lambda q: -q.score)
    return [q for q in scored[:limit] if q.score >= MIN_SCORE]


def listing_sentence(hits: list[Hit], subject: str) -> Quote | None:
    """A sentence that lists what a subject includes ("人员支出 695 万元，主要包括：基本工资、…")."""
    for h in hits:
        for head, _, s in sentences(h):
            plain = norm(s)
            at = plain.find(subject)
            if at < 0:
                continue
            rest = plain[at + len(subject) : at + len(subject) + 24]
            if re.search(
                r"主要包括|具体包括|包括|主要用于|：一般公共预算安排的|:一般公共预算安排的", rest
            ) or re.search(r"下设|分别是|设有", plain[:at]):  # "下设办公室、科学技术普及部、学会学术部共三个部室"
                return Quote(text=s, where=head + _pages(h), doc_id=h.chunk.doc_id, score=10.0)
    return None


def _pages(h: Hit) -> str:
    return page_note(h.chunk.metadata.get("page"), h.chunk.metadata.get("page_end"))


class Sentences:
    """The disclosure's own sentences, to quote a prose figure by the whole sentence it is in.

    A prose fact keeps only a window of characters before its figure ("2年部门预算支出4,997万元，比…":
    the window starts inside "2022年"); a citation shows the sentence(s) that window lies in instead.
    """

    def __init__(self, chunks: Sequence[Chunk]):
        self.paragraphs: dict[str, list[tuple[str, list[str]]]] = {}  # doc_id → (heading trail, sentences)
        for c in chunks:
            if c.metadata.get("kind") != "prose":
                continue
            head, _, body = c.text.partition("\n")
            for line in body.split("\n"):
                said = [s.strip() for s in re.split(r"(?<=。)", line) if s.strip()]
                if said:
                    self.paragraphs.setdefault(c.doc_id, []).append((head, said))

    def quote(self, doc_id: str, snippet: str, trail: str = "") -> str | None:
        """The sentence(s) of a document that hold a snippet, preferring the paragraphs under `trail`
        ("第三部分 … > 一、…"); None when no paragraph holds it."""
        wanted = squeeze(ascii_digits(snippet))
        if not wanted:
            return None
        paragraphs = sorted(self.paragraphs.get(doc_id, []), key=lambda p: p[0] != trail)  # stable: in order
        for _, said in paragraphs:
            ends = list(
                accumulate(len(squeeze(ascii_digits(s))) for s in said)
            )  # where each sentence ends in the squeezed text
            at = "".join(squeeze(ascii_digits(s)) for s in said).find(wanted)
            if at >= 0:
                first = next(i for i, end in enumerate(ends) if at < end)
                last = next(i for i, end in enumerate(ends) if at + len(wanted) <= end)
                return "".join(said[first : last + 1])
        return None
