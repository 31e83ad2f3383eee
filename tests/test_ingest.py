"""Folder ingest: worker processes read, parse and embed; this process writes; a rerun resumes."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.retrieve import open_vectors
from index.chunks import passages
from index.errors import AssistantError, NotADisclosure, StoreError
from index.ingest import Embedded, IngestResult, Parsed, ingest, ingest_files, write
from index.store import Store, Vectors
from tests.conftest import SAMPLE, SECOND, run_cli


def vector_ids(vectors: Vectors) -> list[str]:
    return sorted(vectors.collection.get(include=[])["ids"])


def expected_ids(*parsed: Parsed) -> list[str]:
    return sorted(f"{c.id}#{n}" for p in parsed for c in p.chunks for n in range(len(passages(c))))


def occupy(folder: Path, chunk_id: str) -> None:
    """A chunk row already holding an id, so that the transaction of the document with that chunk fails."""
    with sqlite3.connect(folder / "facts.sqlite") as conn:  # foreign keys off: the row belongs to no document
        conn.execute("INSERT INTO chunks VALUES (?,?,?,?,?,?)", (chunk_id, "other", 0, "", "", "{}"))


def pending(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM pending").fetchone()[0])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample, the second disclosure and a file that is not a disclosure."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a.txt")
    (folder / "b.txt").write_text("这不是预算公开文件。\n", encoding="utf-8")
    shutil.copy(SECOND, folder / "c.txt")
    return folder


@pytest.mark.slow
def test_parallel_folder_ingest_stores_what_one_by_one_would(
    folder: Path, tmp_path: Path, sample: Parsed, second: Parsed
) -> None:
    paths = sorted(folder.iterdir())
    with Store(tmp_path / "store") as store:
        vectors = open_vectors(Settings(store=tmp_path / "store"))
        results = list(ingest_files(store, vectors, paths, model=None, workers=2))
        assert [p.name for p, _ in results] == ["a.txt", "b.txt", "c.txt"]  # in the order given
        a, b, c = (r for _, r in results)
        assert isinstance(a, IngestResult) and (a.status, a.n_facts) == ("added", len(sample.facts))
        assert isinstance(b, NotADisclosure) and "不是可识别的预算公开文件" in str(b)
        assert isinstance(c, IngestResult) and (c.status, c.n_facts) == ("added", len(second.facts))
        assert store.facts(doc_id=sample.loaded.doc_id) == sample.facts
        assert store.facts(doc_id=second.loaded.doc_id) == second.facts
        assert [f.value for f in store.facts(query="2060702") if f.column == "支出总计"] == [Decimal("2564")]
        assert vector_ids(vectors) == expected_ids(sample, second)  # every passage once, from the workers
        assert pending(store) == 0


@pytest.mark.slow
def test_interrupted_folder_ingest_resumes(folder: Path, tmp_path: Path, sample: Parsed, second: Parsed) -> None:
    paths = sorted(folder.iterdir())
    with Store(tmp_path / "store") as store:
        vectors = open_vectors(Settings(store=tmp_path / "store"))
        for _ in ingest_files(store, vectors, paths, model=None, workers=2):
            break  # interrupted once the first file is stored (the second may have been written with it)
        stored = {d.doc_id for d in store.documents()}
        assert sample.loaded.doc_id in stored and pending(store) == 0
        again = [r for _, r in ingest_files(store, vectors, paths, model=None, workers=2)]
        assert [r.status if isinstance(r, IngestResult) else "error" for r in again] == [
            "exists", "error", "exists" if second.loaded.doc_id in stored else "added"
        ]  # fmt: skip
        assert isinstance(again[0], IngestResult) and again[0].title == sample.disclosure.title
        assert sorted(d.doc_id for d in store.documents()) == sorted([sample.loaded.doc_id, second.loaded.doc_id])
        assert vector_ids(vectors) == expected_ids(sample, second)
        assert pending(store) == 0


@pytest.mark.slow
def test_a_document_whose_transaction_fails_leaves_nothing_and_the_others_are_stored(
    tmp_path: Path, sample: Parsed, second: Parsed
) -> None:
    with Store(tmp_path / "store") as store:
        vectors = open_vectors(Settings(store=tmp_path / "store"))
        occupy(tmp_path / "store", second.chunks[0].id)
        ready = [Embedded(parsed=p, nodes=vectors.embed(p.chunks)) for p in (sample, second, sample)]
        first, failed, copy = write(store, vectors, ready)
        assert isinstance(first, IngestResult) and first.status == "added"
        assert isinstance(failed, StoreError) and "写入失败" in str(failed)
        assert isinstance(copy, IngestResult) and copy.status == "exists"  # the same text twice: stored once
        assert [d.doc_id for d in store.documents()] == [sample.loaded.doc_id]
        assert vector_ids(vectors) == expected_ids(sample)  # the failed document's vectors are gone
        assert pending(store) == 0


@pytest.mark.slow
def test_look_alike_warning_within_one_write(tmp_path: Path, sample: Parsed) -> None:
    """A second text of the same department, year and kind is flagged even when both are written together."""
    edited = SAMPLE.read_text(encoding="utf-8").replace("科普活动", "科普活动。", 1)
    (tmp_path / "edited.txt").write_text(edited, encoding="utf-8")
    with Store(tmp_path / "store") as store:
        vectors = open_vectors(Settings(store=tmp_path / "store"))
        results = [r for _, r in ingest_files(store, vectors, [SAMPLE, tmp_path / "edited.txt"], model=None, workers=2)]
        assert all(isinstance(r, IngestResult) and r.status == "added" for r in results)
        assert [w for r in results if isinstance(r, IngestResult) for w in r.warnings if "同名文件" in w] == [
            f"库中已有内容不同的同名文件“{SAMPLE.name}”（编号 {sample.loaded.doc_id[:12]}），提问时请用查询范围选定其中一份"
        ]


@pytest.mark.slow
def test_cli_folder_ingest_shows_files_per_second_and_time_left(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run_cli(tmp_path / "store", "ingest", str(folder), "--workers", "2")
    assert code == 1  # b.txt is not a disclosure
    assert "共 3 个文件：新增 2 个，已存在 0 个，失败 1 个。" in out
    err = capsys.readouterr().err
    assert "导入：100%" in err and "3/3 个文件" in err and "每秒" in err and "剩余约" in err
    assert "b.txt" in err
    code, out = run_cli(tmp_path / "store", "ingest", str(folder), "--workers", "2")
    assert "共 3 个文件：新增 0 个，已存在 2 个，失败 1 个。" in out  # run again: nothing is added twice


@pytest.mark.slow
def test_single_file_ingest_raises_the_store_error(tmp_path: Path, sample: Parsed) -> None:
    with Store(tmp_path / "store") as store:
        vectors = open_vectors(Settings(store=tmp_path / "store"))
        occupy(tmp_path / "store", sample.chunks[-1].id)
        with pytest.raises(AssistantError, match="写入失败"):
            ingest(store, vectors, SAMPLE)
        assert store.documents() == [] and vectors.count() == 0 and pending(store) == 0
    with sqlite3.connect(tmp_path / "store" / "facts.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM facts").fetchone()[0] == 0
