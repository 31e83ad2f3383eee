"""The servers a load run or a test talks to: `python app.py [--workers N]` on free loopback ports, and
a `chroma run` server the workers share."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import httpx

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def serving(store: Path, port: int, *extra: str, workers: int = 1, chroma: bool = False) -> Iterator[str]:
    """`python app.py` on loopback for the duration; its URL (the first worker's with --workers)."""
    with cluster(store, port, *extra, workers=workers, chroma=chroma) as urls:
        yield urls[0]


@contextmanager
def cluster(store: Path, port: int, *extra: str, workers: int = 1, chroma: bool = False) -> Iterator[list[str]]:
    """`python app.py --workers N` (ports port … port+N-1) on loopback, sharing `store` and, with several
    workers or `chroma`, a `chroma run` server started here; the workers' URLs."""
    env = dict(os.environ)
    with chroma_server(store.parent) if chroma or workers > 1 else _nothing() as chroma_port:
        if chroma_port:
            env |= {"BUDGETQA_CHROMA_HOST": "127.0.0.1", "BUDGETQA_CHROMA_PORT": str(chroma_port)}
        log = (store.parent / f"app-{port}.log").open("w", encoding="utf-8")
        command = [sys.executable, str(ROOT / "app.py"), "--store", str(store), "--port", str(port), *extra]
        proc = subprocess.Popen(
            [*command, *(["--workers", str(workers)] if workers > 1 else [])],
            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=env,
        )  # fmt: skip
        urls = [f"http://127.0.0.1:{port + i}/" for i in range(workers)]
        try:
            for url in urls:
                _wait(lambda url=url: _answers(url), 300, f"app.py at {url}", proc, log.name)  # type: ignore[misc]
            yield urls
        finally:
            _stop(proc, log)


@contextmanager
def chroma_server(folder: Path) -> Iterator[int]:
    """`chroma run` on a free loopback port, its data under `folder`; the port."""
    port = free_ports(1)
    log = (folder / f"chroma-{port}.log").open("w", encoding="utf-8")
    chroma = shutil.which("chroma") or "chroma"
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(folder / "chroma-server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        _wait(lambda: _listening(port), 120, "chroma run", proc, log.name)
        yield port
    finally:
        _stop(proc, log)


def _stop(proc: subprocess.Popen[bytes], log: IO[str]) -> None:
    """Stop a server process (killed if it does not stop within 30 s) and close its log."""
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


def _wait(ready: Any, seconds: float, what: str, proc: subprocess.Popen[Any], log: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode}; see {log}")
        if ready():
            return
        time.sleep(0.5)
    raise RuntimeError(f"{what} did not answer within {seconds:.0f} s; see {log}")


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code in (200, 401)
    except httpx.HTTPError:
        return False


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def free_ports(n: int) -> int:
    """The first of `n` consecutive free TCP ports on loopback."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = int(s.getsockname()[1])
        if base + n <= 65535 and all(_bindable(base + i) for i in range(n)):
            return base
    raise RuntimeError(f"no {n} consecutive free ports")


def _bindable(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False
