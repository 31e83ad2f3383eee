"""BM25 over Chinese bigrams, its statistics kept in the store.

Each chunk's terms are counted when its document is written, in the same
transaction: how many chunks hold each term (`terms.df`), how many chunks and
tokens the store has (`corpus`), and for each term the chunks holding it with its
count there and the chunk's length (`postings`, the inverted index). A question is
then scored against the chunks of the documents in scope only, or, over many
documents, against the chunks its terms' postings name, with the store-wide
statistics: a fresh process does no work proportional to the store and gives the
scores one index over every chunk would (Lucene's BM25, as bm25s computes it;
tests/test_lexicon.py checks the two agree).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index import db
from index.chunks import ID_PREFIX
from index.records import Chunk
from index.tokens import bigrams

K1 = 1.2
B = 0.75
EMPTY = "∅"  # the one token of a chunk without any (so that it still has a length)

TABLES = (
    "CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS corpus (chunks INTEGER NOT NULL, tokens INTEGER NOT NULL)",
    "INSERT INTO corpus SELECT 0, 0 WHERE NOT EXISTS (SELECT 1 FROM corpus)",
)
POSTINGS = (  # term → the chunks holding it: the term's count there (tf) and the chunk's length in terms
    "CREATE TABLE IF NOT EXISTS postings (term TEXT NOT NULL, chunk TEXT NOT NULL, tf INTEGER NOT NULL,"
    " length INTEGER NOT NULL, PRIMARY KEY (term, chunk)) WITHOUT ROWID"
)


def terms_of(text: str) -> list[str]:
    """A chunk's or a question's terms (bigrams, numbers with their unit), repeats kept."""
    return bigrams(text) or [EMPTY]


def record(conn: db.Connection, chunks: Iterable[Chunk], postings: str = "postings") -> None:
    """Count the chunks of a document being written, and post them (into `postings`), inside the caller's
    transaction."""
    df: Counter[str] = Counter()
    n = tokens = 0
    posted: list[tuple[str, str, int, int]] = []
    for c in chunks:
        terms = terms_of(c.text)
        n += 1
        tokens += len(terms)
        tf = Counter(terms)
        df.update(tf.keys())
        posted += [(t, c.id, f, len(terms)) for t, f in sorted(tf.items())]
    conn.executemany(f"INSERT INTO {postings} (term, chunk, tf, length) VALUES (?, ?, ?, ?)", sorted(posted))
    conn.executemany(
        "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = terms.df + excluded.df",
        sorted(df.items()),
    )
    conn.execute("UPDATE corpus SET chunks = chunks + ?, tokens = tokens + ?", (n, tokens))


def forget(conn: db.Connection, chunks: Iterable[tuple[str, str]]) -> None:
    """Uncount and unpost the (id, text) chunks of a document being removed, inside the caller's transaction."""
    df: Counter[str] = Counter()
    n = tokens = 0
    posted: list[tuple[str, str]] = []
    for chunk_id, text in chunks:
        terms = terms_of(text)
        n += 1
        tokens += len(terms)
        df.update(set(terms))
        posted += [(t, chunk_id) for t in sorted(set(terms))]
    conn.executemany("DELETE FROM postings WHERE term = ? AND chunk = ?", sorted(posted))
    conn.executemany("UPDATE terms SET df = df - ? WHERE term = ?", [(d, t) for t, d in sorted(df.items())])
    conn.execute("DELETE FROM terms WHERE df <= 0")
    conn.execute("UPDATE corpus SET chunks = chunks - ?, tokens = tokens - ?", (n, tokens))


def recount(conn: db.Connection) -> None:
    """Count and post every stored chunk afresh (a store written before the counts or postings were kept).
    The postings are gathered in a temporary table and written in the index's order, in one statement: the
    database sorts them once instead of inserting millions of rows at random places of the index."""
    conn.execute("DELETE FROM terms")
    conn.execute("DELETE FROM postings")
    conn.execute("UPDATE corpus SET chunks = 0, tokens = 0")
    conn.execute(
        "CREATE TEMP TABLE staged (term TEXT NOT NULL, chunk TEXT NOT NULL, tf INTEGER NOT NULL, length INTEGER NOT NULL)"
    )
    rows = conn.execute("SELECT id, text FROM chunks")
    while batch := rows.fetchmany(2000):
        chunks = (Chunk(id=chunk_id, doc_id="", where="", text=text, metadata={}) for chunk_id, text in batch)
        record(conn, chunks, postings="staged")
    conn.execute("INSERT INTO postings SELECT term, chunk, tf, length FROM staged ORDER BY term, chunk")
    conn.execute("DROP TABLE staged")


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


def posted(query: Sequence[str], postings: Iterable[tuple[str, str, int, int]], stats: Statistics) -> dict[str, float]:
    """The BM25 score of each chunk the query's (term, chunk, tf, length) postings name, computed as
    `scores` computes it (the same terms in the same order: the same floats)."""
    terms = [t for t in query if t in stats.df]
    if not terms or not stats.chunks:
        return {}
    tf: dict[str, dict[str, int]] = {}
    length: dict[str, int] = {}
    for term, chunk, count, size in postings:
        tf.setdefault(chunk, {})[term] = count
        length[chunk] = size
    average = stats.tokens / stats.chunks
    idf = {t: math.log(1 + (stats.chunks - stats.df[t] + 0.5) / (stats.df[t] + 0.5)) for t in set(terms)}
    out = {}
    for chunk, held in tf.items():
        norm = K1 * (1 - B + B * length[chunk] / average)
        out[chunk] = sum(idf[t] * held[t] / (held[t] + norm) for t in terms if t in held)
    return out


SLACK = 1e-9  # relative: far above the rounding of a sum in another order, far below a real difference in score


def leaders(query: Sequence[str], stats: Statistics, k: int, doc_ids: Sequence[str]) -> tuple[str, list[object]] | None:
    """SQL and its parameters naming the chunks of these documents whose score, summed by the database over
    the query's postings, is within SLACK of the k-th best: every chunk of the exact top k (and its ties) is
    among them, and no other chunk's row leaves the database. None: the store holds none of the terms."""
    terms = [t for t in query if t in stats.df]
    if not terms or not stats.chunks:
        return None
    average = stats.tokens / stats.chunks
    weight = Counter(terms)  # a repeated term counts each time
    idf = {t: math.log(1 + (stats.chunks - stats.df[t] + 0.5) / (stats.df[t] + 0.5)) for t in weight}
    values = ", ".join(["(?, CAST(? AS DOUBLE PRECISION))"] * len(weight))
    sql = (
        f"WITH q (term, w) AS (VALUES {values}), scored AS ("
        " SELECT p.chunk AS chunk, sum(q.w * p.tf / (p.tf + CAST(? AS DOUBLE PRECISION) * (1 - CAST(? AS DOUBLE"
        " PRECISION) + CAST(? AS DOUBLE PRECISION) * p.length / CAST(? AS DOUBLE PRECISION)))) AS s"
        " FROM postings p JOIN q ON p.term = q.term"
        " WHERE substr(p.chunk, 1, ?) IN (SELECT value FROM json_each(?)) GROUP BY p.chunk)"
        " SELECT chunk FROM scored WHERE s > 0 AND s >= coalesce((SELECT s FROM scored ORDER BY s DESC"
        " LIMIT 1 OFFSET ?), 0) * CAST(? AS DOUBLE PRECISION)"
    )
    params: list[object] = [x for t in sorted(weight) for x in (t, idf[t] * weight[t])]
    prefixes = json.dumps(sorted({d[:ID_PREFIX] for d in doc_ids}))  # a chunk id begins with its document's
    return sql, [*params, K1, B, B, average, ID_PREFIX, prefixes, k - 1, 1 - SLACK]


def top(query: Sequence[str], candidates: Sequence[Counted], stats: Statistics, k: int) -> list[tuple[Counted, float]]:
    """The k best candidates with a score > 0, ties in the candidates' order."""
    found = scores(query, candidates, stats)
    ranked = [i for i in sorted(range(len(candidates)), key=lambda i: -found[i]) if found[i] > 0][:k]
    return [(candidates[i], found[i]) for i in ranked]
