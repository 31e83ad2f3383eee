"""Shared fixtures: the sample and the second disclosure, parsed once per session."""

from __future__ import annotations

import io
import shutil
import socket
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from index.ingest import Parsed, read
from index.records import Fact

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "2022_shenzhen_kexie_budget.txt"
SECOND = ROOT / "tests" / "data" / "second_disclosure.txt"


@pytest.fixture(scope="session")
def sample() -> Parsed:
    return read(SAMPLE)


@pytest.fixture(scope="session")
def second() -> Parsed:
    return read(SECOND)


def find(facts: list[Fact], *, table: str | None, row: str, column: str, code: str | None = None) -> list[Decimal]:
    """Values of the facts at one place (table None = prose)."""
    return [
        f.value
        for f in facts
        if f.table == table and f.row == row and f.column == column and (code is None or f.code == code)
    ]


def store_of(folder: Path, *paths: Path) -> Path:
    """A real store (SQLite + embedded chromadb) in `folder` holding these files, ingested in this process."""
    from assistant.config import Settings
    from assistant.retrieve import open_vectors
    from index.ingest import ingest
    from index.store import Store

    with Store(folder) as store:
        vectors = open_vectors(Settings(store=folder))
        for path in paths:
            ingest(store, vectors, path)
    return folder


@pytest.fixture(scope="session")
def store_both(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real store (SQLite + embedded chromadb) with the sample and the second disclosure."""
    return store_of(tmp_path_factory.mktemp("both") / "store", SAMPLE, SECOND)


@pytest.fixture(scope="session")
def sample_store_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample ingested once per session through the CLI; tests that write use `sample_store`, a copy."""
    folder = tmp_path_factory.mktemp("sample") / "store"
    assert run_cli(folder, "ingest", str(SAMPLE))[0] == 0
    return folder


@pytest.fixture
def sample_store(sample_store_built: Path, tmp_path: Path) -> Path:
    """A store of this test's own holding the sample (a copy of the one built once): free to write to."""
    folder = tmp_path / "store"
    shutil.copytree(sample_store_built, folder)
    return folder


REAL = Path(__file__).resolve().parent / "data" / "real"
REAL_DOCUMENTS = ("shegongbu-2024-juesuan", "wanli-2024-yusuan", "wanli-2023-yusuan", "fuliyuan-2024-danwei-yusuan")


@pytest.fixture(scope="session")
def store_real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real store with four real Shanghai PDFs: 社工部 2024 决算, 万里街道 2024 and 2023 预算, 福利院 2024 单位预算."""
    return store_of(tmp_path_factory.mktemp("real") / "store", *(REAL / f"{name}.pdf" for name in REAL_DOCUMENTS))


@pytest.fixture(scope="session")
def engine(store_both: Path):  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings

    return Engine(Settings(store=store_both))


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until(ready: Callable[[], bool], seconds: float, what: str) -> None:
    """Poll until ready() is true; fail the test with `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.3)
    pytest.fail(f"{what} did not come up within {seconds:.0f} s")


def run_cli(store: Path, *args: str) -> tuple[int, str]:
    """`budgetqa --store STORE ARGS…` in this process: (exit code, standard output)."""
    from assistant.cli import main

    out = io.StringIO()
    code = main(["--store", str(store), *args], out=out)
    return code, out.getvalue()
