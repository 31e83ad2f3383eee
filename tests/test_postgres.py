"""Several servers, one store: the facts in a real PostgreSQL (Debian's server, started here), the vectors
in a real `chroma run`; what one process ingests, another, independent one answers from."""

from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.retrieve import open_vectors
from eval.servers import chroma_server
from index import db, lexicon
from index.chunks import passages
from index.errors import StoreError
from index.ingest import Parsed, ingest, read
from index.query import FactQuery, Located
from index.rebuild import rebuild_postgres
from index.store import FORMAT, DocumentInfo, Store, now
from tests.conftest import ROOT, SAMPLE, SECOND, free_port, run_cli

pytestmark = pytest.mark.slow  # a PostgreSQL server and several server processes


def _binaries() -> Path:
    """The newest PostgreSQL server's bin folder (Debian: /usr/lib/postgresql/N/bin), or skip saying why."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        reason = "PostgreSQL server not installed (apt-get install postgresql): no /usr/lib/postgresql/*/bin/initdb"
        if os.environ.get("CI"):
            pytest.fail(reason)  # CI installs it with the README's command: a missing server is a failure there
        pytest.skip(reason)
    return Path(found[-1]).parent


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` system user."""
    if os.getuid() != 0:
        return command
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail("running as root, and there is no `postgres` user to run the server as")
    return ["runuser", "-u", "postgres", "--", *command]


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL server on a free loopback port; yields the URL of its `postgres` database."""
    bin_dir = _binaries()
    data = Path(tempfile.mkdtemp(prefix="budgetqa-pg-"))  # under /tmp: pytest's own tmp is root-only
    if os.getuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    port = free_port()
    init = [str(bin_dir / "initdb"), "-D", str(data / "db"), "-U", "budgetqa", "--auth=trust", "-E", "UTF8"]
    subprocess.run(_as_server_user([*init, "--locale=C"]), check=True, capture_output=True)
    options = f"-p {port} -h 127.0.0.1 -k {data} -c fsync=off"
    start = [str(bin_dir / "pg_ctl"), "-D", str(data / "db"), "-o", options, "-l", str(data / "log"), "-w", "start"]
    subprocess.run(_as_server_user(start), check=True, capture_output=True)
    try:
        yield f"postgresql://budgetqa@127.0.0.1:{port}/postgres"
    finally:
        stop = [str(bin_dir / "pg_ctl"), "-D", str(data / "db"), "-m", "immediate", "-w", "stop"]
        subprocess.run(_as_server_user(stop), capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture
def database(postgres: str, request: pytest.FixtureRequest) -> str:
    """A new, empty database on the server, for one test."""
    name = "t_" + request.node.name.lower().replace("[", "_").replace("]", "")[:50]
    with closing(db.Postgres(postgres)) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return postgres.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="module")
def chroma() -> Iterator[int]:
    """A real `chroma run` server on a free loopback port."""
    if shutil.which("chroma") is None:
        pytest.skip("the `chroma` command (chromadb's server) is not on PATH")
    folder = Path(tempfile.mkdtemp(prefix="budgetqa-chroma-"))
    try:
        with chroma_server(folder) as port:
            yield port
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def put(store: Store, parsed: Parsed) -> None:
    """A parsed document's rows, written as an ingest writes them (no vectors: the SQL is what is compared)."""
    d = parsed.disclosure
    info = DocumentInfo(
        doc_id=d.doc_id, title=d.title, department=d.department, year=d.year, kind=d.kind, unit=d.unit,
        filename=parsed.loaded.name, n_facts=len(parsed.facts), ingested_at=now(),
    )  # fmt: skip
    with store.transaction() as conn:
        store.add(conn, info=info, text=parsed.loaded.text, encoding=parsed.loaded.encoding, facts=parsed.facts,
                  indicators=d.indicators, chunks=parsed.chunks)  # fmt: skip


def test_translation_keeps_sqlite_sql_meaning() -> None:
    sql = "SELECT 1 FROM t WHERE a LIKE ? || '%' AND b = '?' AND instr(c, ?) > 0 AND d IN (SELECT value FROM json_each(?))"
    assert db.translate(sql) == (
        "SELECT 1 FROM t WHERE a LIKE %s || '%%' AND b = '?' AND strpos(c, %s) > 0"
        " AND d IN (SELECT value FROM json_array_elements_text(CAST(%s AS json)))"
    )
    assert db.translate("INSERT OR IGNORE INTO t VALUES (?)") == "INSERT INTO t VALUES (%s) ON CONFLICT DO NOTHING"
    assert db.translate(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, d TEXT REFERENCES u(d) ON DELETE CASCADE)", placeholders=False
    ) == (
        "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
        ' d TEXT COLLATE "C" REFERENCES u(d) ON DELETE CASCADE DEFERRABLE)'
    )
    assert db.translate("UPDATE t SET a = min(a, excluded.a), b = max(b, 2), c = (SELECT max(c) FROM u)") == (
        "UPDATE t SET a = LEAST(a, excluded.a), b = GREATEST(b, 2), c = (SELECT max(c) FROM u)"
    )
    assert db.translate("CREATE TABLE t (k TEXT PRIMARY KEY) WITHOUT ROWID", placeholders=False) == (
        'CREATE TABLE t (k TEXT COLLATE "C" PRIMARY KEY)'
    )
    assert db.translate("CREATE TABLE t (a INTEGER, -- (a); b\n b TEXT)", placeholders=False) == (
        'CREATE TABLE t (a INTEGER, \n b TEXT COLLATE "C", rowid BIGINT GENERATED ALWAYS AS IDENTITY)'
    )  # SQLite's rowid kept: ORDER BY rowid is insertion order on both
    assert db.redact("postgresql://qa:s3cret@db:5432/budget") == "postgresql://qa:***@db:5432/budget"


def test_same_rows_and_queries_as_sqlite(database: str, sample: Parsed, second: Parsed, tmp_path: Path) -> None:
    with Store(tmp_path / "lite") as lite, Store(tmp_path / "pg", database) as pg:
        assert not (tmp_path / "pg" / "facts.sqlite").exists()
        for store in (lite, pg):
            put(store, sample)
            put(store, second)
        assert pg.conn.format_version() == FORMAT
        strip = lambda docs: [d.__class__(**{**d.__dict__, "ingested_at": ""}) for d in docs]  # noqa: E731
        assert strip(pg.documents()) == strip(lite.documents())
        assert pg.facts() == lite.facts() == sample.facts + second.facts
        for kwargs in ({"query": "科普"}, {"code": "2060702"}, {"departments": [second.disclosure.department]},
                       {"year": 2022, "kind": "预算"}, {"doc_id": sample.loaded.doc_id}):  # fmt: skip
            assert pg.facts(**kwargs) == lite.facts(**kwargs), kwargs  # type: ignore[arg-type]
        assert pg.chunks() == lite.chunks()
        assert pg.indicators() == lite.indicators()
        assert pg.tables(sample.loaded.doc_id) == lite.tables(sample.loaded.doc_id)
        assert pg.resolve(sample.loaded.doc_id[:8].upper()) == sample.loaded.doc_id
        assert pg.count_facts() == lite.count_facts()
        in_order = "SELECT doc_id, level3 FROM indicators ORDER BY rowid"
        assert pg.conn.execute(in_order).fetchall() == [tuple(r) for r in lite.conn.execute(in_order).fetchall()]
        posted = "SELECT term, chunk, tf, length FROM postings ORDER BY term, chunk"
        kept = [tuple(r) for r in lite.conn.execute(posted).fetchall()]
        assert [tuple(r) for r in pg.conn.execute(posted).fetchall()] == kept and kept
        with pg.transaction() as conn:  # a migration's recount: the same postings, gathered and sorted in SQL
            lexicon.recount(conn)
        assert [tuple(r) for r in pg.conn.execute(posted).fetchall()] == kept

    lite_q, pg_q = FactQuery(tmp_path / "lite"), FactQuery(tmp_path / "pg", database)
    docs = [sample.loaded.doc_id, second.loaded.doc_id]
    tables = sorted({f.table_kind for f in sample.facts if f.table_kind})
    assert pg_q.code_names() == lite_q.code_names()
    terms = lexicon.bigrams("科普活动经费")
    stats = lite_q.statistics(terms)
    assert pg_q.statistics(terms) == stats
    found = lite_q.postings(terms, stats, 3, docs)  # the best 3 chunks' postings, scored in SQL first
    assert sorted(map(tuple, pg_q.postings(terms, stats, 3, docs))) == sorted(found) and found
    named = sorted(c.id for c in sample.chunks[:3])
    assert sorted(pg_q.chunks_named(named), key=lambda r: r[0].id) == sorted(
        lite_q.chunks_named(named), key=lambda r: r[0].id
    )
    assert pg_q.row_keys(tables) == lite_q.row_keys(tables)
    at = Located(tables=tuple(tables), codes=("2060702", "2013901"), roles=())
    found = pg_q.locate(docs, at)
    assert found == lite_q.locate(docs, at) and found
    assert pg_q.empty(docs, tables) == lite_q.empty(docs, tables)

    with ThreadPoolExecutor(8) as pool:  # the page's answering threads share the query's one connection
        assert all(r == found for r in pool.map(lambda _: pg_q.locate(docs, at), range(64)))


@pytest.fixture
def shared(database: str, chroma: int, tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of a server in a shared deployment: facts in PostgreSQL, vectors on the chroma server
    (emptied first: the server is the module's)."""
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=chroma)
    for collection in client.list_collections():
        client.delete_collection(collection.name)
    yield {
        **os.environ,
        "BUDGETQA_DATABASE_URL": database,
        "BUDGETQA_CHROMA_HOST": "127.0.0.1",
        "BUDGETQA_CHROMA_PORT": str(chroma),
    }


def settings_of(env: dict[str, str], folder: Path) -> Settings:
    with pytest.MonkeyPatch.context() as mp:
        for name in ("BUDGETQA_DATABASE_URL", "BUDGETQA_CHROMA_HOST", "BUDGETQA_CHROMA_PORT"):
            mp.setenv(name, env[name])
        return Settings.from_env(store=folder)


def budgetqa(env: dict[str, str], folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`budgetqa --store FOLDER ARGS…` in a process of its own (another server of the deployment)."""
    command = [sys.executable, "-m", "assistant", "--store", str(folder), *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_what_one_server_ingests_another_answers(shared: dict[str, str], tmp_path: Path) -> None:
    settings = settings_of(shared, tmp_path / "one")
    with Store(settings.store, settings.database_url) as store:
        result = ingest(store, open_vectors(settings), SAMPLE)
    assert result.status == "added"
    assert not (tmp_path / "one" / "facts.sqlite").exists() and not (tmp_path / "one" / "chroma").exists()

    other = tmp_path / "two"  # another process with its own (empty) folder: everything comes from the servers
    docs = budgetqa(shared, other, "docs", "--json")
    assert docs.returncode == 0, docs.stderr
    assert [d["doc_id"] for d in json.loads(docs.stdout)] == [result.doc_id]
    asked = budgetqa(shared, other, "ask", "2022年项目支出是多少", "--json")
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert not answer["refused"]
    assert (answer["value"], answer["unit"]) == (4023, "万元")
    assert "4,023" in answer["text"]
    searched = budgetqa(shared, other, "search", "招待费今年多少", "--json")
    assert any("公务接待费" in h["text"] for h in json.loads(searched.stdout)["hits"])  # vectors on the server


def counts(database: str) -> tuple[int, ...]:
    with closing(db.Postgres(database)) as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "facts", "chunks", "indicators", "pending")
        )


def test_a_failed_ingest_leaves_nothing_behind(shared: dict[str, str], tmp_path: Path) -> None:
    settings = settings_of(shared, tmp_path / "store")
    with Store(settings.store, settings.database_url) as store:
        vectors = open_vectors(settings)
        sample = ingest(store, vectors, SAMPLE)
        second_first_chunk = read(SECOND).chunks[0].id
        with store.transaction() as conn:  # a row that makes the second document's chunk insert fail after its vectors
            conn.execute("INSERT INTO chunks VALUES (?, ?, 9999, 'x', 'x', '{}')", (second_first_chunk, sample.doc_id))
        before, vectors_before = counts(settings.database_url or ""), vectors.count()
        with pytest.raises(StoreError, match="写入失败，已撤销本次写入"):
            ingest(store, vectors, SECOND)
        assert counts(settings.database_url or "") == before
        assert vectors.count() == vectors_before
        assert [d.doc_id for d in store.documents()] == [sample.doc_id]


def test_two_servers_ingesting_at_once(shared: dict[str, str], tmp_path: Path, sample: Parsed, second: Parsed) -> None:
    """Two processes start on an empty database and ingest the same two files at once: the store is made once,
    each document is stored once, both processes succeed."""
    command = [sys.executable, "-m", "assistant", "ingest", str(SAMPLE), str(SECOND)]
    procs = [
        subprocess.Popen([*command, "--store", str(tmp_path / name)], cwd=ROOT, env=shared, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for name in ("a", "b")
    ]  # fmt: skip
    for proc in procs:
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    database = shared["BUDGETQA_DATABASE_URL"]
    n_facts = len(sample.facts) + len(second.facts)
    n_chunks, n_indicators = (
        len(sample.chunks) + len(second.chunks),
        len(sample.disclosure.indicators) + len(second.disclosure.indicators),
    )
    assert counts(database) == (2, n_facts, n_chunks, n_indicators, 0)
    settings = settings_of(shared, tmp_path / "c")
    with Store(settings.store, settings.database_url) as store:
        assert store.facts() == sample.facts + second.facts or store.facts() == second.facts + sample.facts
        expected = sorted(f"{c.id}#{n}" for c in store.chunks() for n in range(len(passages(c))))
    stored = open_vectors(settings).collection.get(include=[])["ids"]
    assert sorted(stored) == expected  # every passage vector once


def test_format_and_connection_errors_are_chinese_sentences(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(tmp_path / "s", database) as store:
        store.conn.set_format_version(FORMAT + 1)
    with pytest.raises(StoreError, match=f"格式版本 {FORMAT + 1}"):
        Store(tmp_path / "s", database)

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BUDGETQA_DATABASE_URL", f"postgresql://qa:s3cret@127.0.0.1:{free_port()}/budget")
        assert run_cli(tmp_path / "s", "docs")[0] == 3
        mp.setenv("BUDGETQA_DATABASE_URL", "mysql://qa:s3cret@127.0.0.1/budget")
        assert run_cli(tmp_path / "s", "docs")[0] == 1
    err = capsys.readouterr().err
    assert "无法打开数据库“postgresql://qa:***@127.0.0.1:" in err and "BUDGETQA_DATABASE_URL" in err
    assert "s3cret" not in err and "Traceback" not in err


def test_a_running_server_sees_documents_another_server_ingests(shared: dict[str, str], tmp_path: Path) -> None:
    from assistant.web.service import Service

    settings = settings_of(shared, tmp_path / "web")
    with Store(settings.store, settings.database_url) as store:
        ingest(store, open_vectors(settings), SAMPLE)
    service = Service(settings)  # what `budgetqa serve` answers from; its watch thread calls refresh()
    assert service.refresh() is False
    assert budgetqa(shared, tmp_path / "other", "ingest", str(SECOND)).returncode == 0  # on another server
    assert service.refresh() is True
    assert "广州市海珠区图书馆" in " ".join(service.departments())
    a = service.engine.answer("海珠区图书馆今年项目支出多少？")
    assert (a.value, a.unit) == (Decimal("5911230.00"), "元")
    assert service.refresh() is False


def test_rebuild_in_a_fresh_schema_swapped_in(shared: dict[str, str], tmp_path: Path) -> None:
    """`budgetqa rebuild` on PostgreSQL: the documents are parsed again into a fresh schema and swapped in;
    a rebuild that dies half-way leaves the store exactly as it was."""
    settings = settings_of(shared, tmp_path / "store")
    url = settings.database_url or ""
    with Store(settings.store, url) as store:
        vectors = open_vectors(settings)
        first, second = ingest(store, vectors, SAMPLE), ingest(store, vectors, SECOND)
        fresh = counts(url)
        with store.transaction() as conn:  # what an older parser left: a figure read wrong, a fact missed
            conn.execute("UPDATE facts SET value = '1' WHERE row = '科普活动' AND doc_id = ?", (first.doc_id,))
            conn.execute("DELETE FROM facts WHERE id = (SELECT max(id) FROM facts)")
    old = counts(url)
    assert old[1] == fresh[1] - 1

    def dies(result: object) -> None:
        raise RuntimeError("killed")  # after the first document is written into the fresh schema

    with pytest.raises(RuntimeError):
        rebuild_postgres(settings.store, url, lambda suffix: open_vectors(settings, suffix), dies)
    assert counts(url) == old  # the store as it was
    with closing(db.Postgres(url)) as conn:
        assert conn.execute("SELECT count(*) FROM facts WHERE value = '1' AND row = '科普活动'").fetchone()[0] > 0

    done = budgetqa(shared, tmp_path / "other", "rebuild", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["documents"] == [first.doc_id, second.doc_id] and report["backup"].startswith("public_bak_")
    assert counts(url) == fresh  # every fact read again
    with closing(db.Postgres(url)) as conn:
        assert conn.execute("SELECT count(*) FROM facts WHERE value = '1' AND row = '科普活动'").fetchone()[0] == 0
        schemas = {r[0] for r in conn.execute("SELECT schema_name FROM information_schema.schemata")}
        assert report["backup"] in schemas and "public_rebuilding" not in schemas
        kept = conn.execute(f'SELECT count(*) FROM "{report["backup"]}".facts').fetchone()[0]
        assert kept == old[1]  # the old tables, kept as they were
    asked = budgetqa(shared, tmp_path / "other", "ask", "深圳市科学技术协会2022年科普活动支出是多少", "--json")
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["value"] == 2564
    searched = budgetqa(shared, tmp_path / "other", "search", "招待费今年多少", "--json")
    assert any("公务接待费" in h["text"] for h in json.loads(searched.stdout)["hits"])  # the new collection


def test_provenance_paths_are_kept_and_a_store_of_the_previous_format_migrates(
    database: str, sample: Parsed, tmp_path: Path
) -> None:
    with Store(tmp_path / "pg", database) as pg:
        put(pg, sample)
        assert [f.provenance.as_json() for f in pg.facts()] == [f.provenance.as_json() for f in sample.facts]
        with pg.transaction() as conn:  # as the previous version wrote it
            conn.execute("ALTER TABLE facts DROP COLUMN row_path")
            conn.execute("ALTER TABLE facts DROP COLUMN col_path")
            conn.set_format_version(FORMAT - 1)
    with Store(tmp_path / "pg", database) as pg:
        assert pg.conn.format_version() == FORMAT
        facts = pg.facts()
    assert facts == sample.facts  # every fact and source as it was; the paths those flat fields tell
    [f] = [f for f in facts if f.table == "表7" and f.code == "2060702" and f.column == "支出总计"]
    assert (
        f.provenance.row_path == ("2060702 科普活动",) and f.provenance.table == "表7 一般公共预算支出表（按功能分类）"
    )
