"""BM25 over Chinese bigrams, its statistics kept in the store.

Each chunk's terms are counted when its document is written, in the same
transaction: how many chunks hold each term (`terms.df`), and how many chunks and
tokens the store has (`corpus`). A question is then scored against the chunks of
the documents in scope only, with the store-wide statistics, so a fresh process
does no work proportional to the store and gives the scores one index over every
chunk would (Lucene's BM25, as bm25s computes it; tests/test_lexicon.py checks the two agree).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from index import db
from index.records import Chunk
from index.tokens import bigrams

K1 = 1.2
B = 0.75
EMPTY = "∅"  # the one token of a chunk without any (so that it still has a length)
CANDIDATES = 8000  # chunks a search over many documents counts first: those holding its rarest terms (by df)
VERBATIM = re.compile(r"[\u4e00-\u9fff]+")  # a term written as it is in the text (numbers are normalised)

TABLES = (
    "CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS corpus (chunks INTEGER NOT NULL, tokens INTEGER NOT NULL)",
    "INSERT INTO corpus SELECT 0, 0 WHERE NOT EXISTS (SELECT 1 FROM corpus)",
)


def terms_of(text: str) -> list[str]:
    """A chunk's or a question's terms (bigrams, numbers with their unit), repeats kept."""
    return bigrams(text) or [EMPTY]


def record(conn: db.Connection, chunks: Iterable[Chunk]) -> None:
    """Count the chunks of a document being written, inside the caller's transaction."""
    df: Counter[str] = Counter()
    n = tokens = 0
    for c in chunks:
        terms = terms_of(c.text)
        n += 1
        tokens += len(terms)
        df.update(set(terms))
    conn.executemany(
        "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = terms.df + excluded.df",
        sorted(df.items()),
    )
    conn.execute("UPDATE corpus SET chunks = chunks + ?, tokens = tokens + ?", (n, tokens))


def forget(conn: db.Connection, texts: Iterable[str]) -> None:
    """Uncount the chunks of a document being removed, inside the caller's transaction."""
    df: Counter[str] = Counter()
    n = tokens = 0
    for text in texts:
        terms = terms_of(text)
        n += 1
        tokens += len(terms)
        df.update(set(terms))
    conn.executemany("UPDATE terms SET df = df - ? WHERE term = ?", [(d, t) for t, d in sorted(df.items())])
    conn.execute("DELETE FROM terms WHERE df <= 0")
    conn.execute("UPDATE corpus SET chunks = chunks - ?, tokens = tokens - ?", (n, tokens))


def recount(conn: db.Connection) -> None:
    """Count every stored chunk afresh (a store written before the counts were kept)."""
    conn.execute("DELETE FROM terms")
    conn.execute("UPDATE corpus SET chunks = 0, tokens = 0")
    rows = conn.execute("SELECT text FROM chunks")
    while batch := rows.fetchmany(2000):
        record(conn, (Chunk(id="", doc_id="", where="", text=text, metadata={}) for (text,) in batch))


@dataclass(frozen=True, kw_only=True)
class Counted:
    """A chunk's terms, counted once for scoring."""

    chunk: Chunk
    tf: Counter[str]
    length: int


def counted(chunk: Chunk) -> Counted:
    terms = terms_of(chunk.text)
    return Counted(chunk=chunk, tf=Counter(terms), length=len(terms))


@dataclass(frozen=True, kw_only=True)
class Statistics:
    """The store-wide numbers a query's scores need."""

    chunks: int
    tokens: int
    df: dict[str, int]  # of the query's terms that occur in the store

    @classmethod
    def read(cls, conn: db.Connection, terms: Sequence[str]) -> Statistics:
        chunks, tokens = conn.execute("SELECT chunks, tokens FROM corpus").fetchone() or (0, 0)
        wanted = sorted(set(terms))
        df: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ",".join("?" * len(part))
            df.update(conn.execute(f"SELECT term, df FROM terms WHERE term IN ({marks})", part).fetchall())
        return cls(chunks=int(chunks), tokens=int(tokens), df={t: int(n) for t, n in df.items() if n > 0})


def scores(query: Sequence[str], candidates: Sequence[Counted], stats: Statistics) -> list[float]:
    """Each candidate's BM25 score for the query terms (a repeated term counts each time)."""
    terms = [t for t in query if t in stats.df]
    if not terms or not stats.chunks:
        return [0.0] * len(candidates)
    average = stats.tokens / stats.chunks
    idf = {t: math.log(1 + (stats.chunks - stats.df[t] + 0.5) / (stats.df[t] + 0.5)) for t in set(terms)}
    out = []
    for c in candidates:
        norm = K1 * (1 - B + B * c.length / average)
        out.append(sum(idf[t] * c.tf[t] / (c.tf[t] + norm) for t in terms if t in c.tf))
    return out


def best(
    query: Sequence[str], stats: Statistics, holding: Callable[[list[str]], list[Counted]], k: int
) -> list[tuple[Counted, float]] | None:
    """The k best chunks of the store by BM25 (score > 0, ties in the order `holding` gives), counting only
    the chunks that hold the query's rarest terms (the store's df says which, and how many chunks hold
    them); None when that is not shown to be the top k of every chunk, and they must all be scored.

    A chunk without any chosen term scores less than the sum of the other terms' idf (a term adds
    idf·tf/(tf+norm) < idf each time the query repeats it), so when the k-th candidate scores at least
    that much, no other chunk can be among the k."""
    terms = [t for t in query if t in stats.df]
    if not terms or not stats.chunks:
        return []
    idf = {t: math.log(1 + (stats.chunks - stats.df[t] + 0.5) / (stats.df[t] + 0.5)) for t in set(terms)}
    chosen: list[str] = []
    held = 0
    for t in sorted({t for t in terms if VERBATIM.fullmatch(t)}, key=lambda t: (stats.df[t], t)):
        if chosen and held + stats.df[t] > CANDIDATES:
            break
        chosen.append(t)
        held += stats.df[t]
    if not chosen:
        return None
    rest = sum(idf[t] for t in terms if t not in chosen)  # the most a chunk without them can score
    ranked = top(query, holding(chosen), stats, k)
    if rest > 0 and (len(ranked) < k or ranked[-1][1] < rest):
        return None
    return ranked


def top(query: Sequence[str], candidates: Sequence[Counted], stats: Statistics, k: int) -> list[tuple[Counted, float]]:
    """The k best candidates with a score > 0, ties in the candidates' order."""
    found = scores(query, candidates, stats)
    ranked = [i for i in sorted(range(len(candidates)), key=lambda i: -found[i]) if found[i] > 0][:k]
    return [(candidates[i], found[i]) for i in ranked]
