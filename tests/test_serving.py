"""The JSON API and several workers sharing one store, for real: `python app.py --workers 2` on loopback,
a `chroma run` server, the SQLite file, HTTP requests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client

from assistant.web.service import StoreWatch
from eval.servers import cluster, free_ports
from index.load import load as load_file
from tests.conftest import ROOT, SAMPLE, SECOND, run_cli

pytestmark = pytest.mark.slow  # several server worker processes

USER, PASSWORD = "caiwu", "Ys-2024-公开"
AUTH = (USER, PASSWORD)


@pytest.fixture(scope="module")
def workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    """Two workers with one account, on a fresh store (the first start ingests the sample once)."""
    store = tmp_path_factory.mktemp("workers") / "store"
    with cluster(store, free_ports(2), "--auth", f"{USER}:{PASSWORD}", workers=2) as urls:
        yield urls


def ask(url: str, question: str, history: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    r = httpx.post(
        url + "api/ask", json={"question": question, "history": history or [], **extra}, auth=AUTH, timeout=120
    )
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_every_worker_answers_the_json_api_with_the_samples_figures(workers: list[str]) -> None:
    for url in workers:
        reply = ask(url, "2022年项目支出是多少？")
        assert reply["value"] == 4023 and reply["unit"] == "万元" and not reply["refused"]
        assert "4,023" in reply["text"]
        assert [f["verdict"] for f in reply["figures"]] == ["verified"]
        assert reply["history"] == ["2022年项目支出是多少？"]
        share = ask(url, "项目支出占总支出多少？")
        assert share["value"] == 80.51 and share["unit"] == "%"
        assert httpx.get(url + "api/health", auth=AUTH).json() == {"status": "ok", "documents": 1}


def test_follow_ups_resolve_against_their_own_conversation(workers: list[str]) -> None:
    conversations = [
        (["科普能力提升项目今年多少钱？"], "比去年少了多少？", 860),
        (["学会能力提升项目预算多少？"], "比去年多多少？", 1000),
        (["项目支出今年安排了多少？"], "占比呢？", 80.51),
        (["科协今年总盘子多少？", "其中人员支出多少？"], "公用支出呢？", 118),
    ]

    def converse(n: int) -> Any:
        earlier, question, _ = conversations[n % len(conversations)]
        history: list[str] = []
        for text in earlier:  # turn by turn, each on the other worker: the history travels with the request
            history = ask(workers[len(history) % 2], text, history)["history"]
        return ask(workers[n % 2], question, history)["value"]

    with ThreadPoolExecutor(8) as pool:  # interleaved conversations on both workers at once
        values = list(pool.map(converse, range(16)))
    assert values == [conversations[n % len(conversations)][2] for n in range(16)]
    alone = ask(workers[0], "占比呢？")  # no history sent: nothing of the conversations above carries over
    assert alone["value"] != 80.51


def test_a_document_uploaded_through_one_worker_is_answered_by_the_other(workers: list[str]) -> None:
    first, second = workers
    before = httpx.get(second + "api/documents", auth=AUTH).json()
    with SECOND.open("rb") as f:
        r = httpx.post(first + "api/ingest", files={"file": (SECOND.name, f)}, auth=AUTH, timeout=300)
    assert r.status_code == 200, r.text
    added = r.json()
    assert added["status"] == "added" and added["doc_id"] == load_file(SECOND).doc_id
    listed = httpx.get(second + "api/documents", auth=AUTH).json()  # no waiting: it checks the store first
    assert {d["doc_id"] for d in listed} == {*(d["doc_id"] for d in before), added["doc_id"]}
    assert "5,911,230.00" in ask(second, "海珠区图书馆项目支出是多少？")["text"]
    client = Client(second, auth=AUTH, verbose=False)  # the page's API on the other worker sees it too
    assert "5,911,230.00" in client.predict("海珠区图书馆项目支出是多少？", api_name="/ask")
    again = httpx.post(
        second + "api/ingest", files={"file": (SECOND.name, SECOND.read_bytes())}, auth=AUTH, timeout=300
    )
    assert again.json()["status"] == "exists"


def test_an_upload_may_confirm_the_department_year_and_kind(workers: list[str]) -> None:
    text = "2026年度部门预算\n\n第一部分 部门概况\n\n一、收支\n\n本部门2026年收入预算合计1200万元。\n"
    upload = {"file": ("budget.txt", text.encode())}
    r = httpx.post(workers[0] + "api/ingest", files=upload, auth=AUTH, timeout=300)
    assert r.status_code == 200, r.text
    read = r.json()
    assert (read["status"], read["department"], read["year"]) == ("added", "budget", 2026)
    assert "未能从文件内容中读出部门名称" in read["warnings"][0] and read["identified"]["year"] == "封面"
    bad = httpx.post(workers[1] + "api/ingest", files=upload, data={"year": "26"}, auth=AUTH, timeout=300)
    assert bad.status_code == 400 and "年度应为四位年份" in bad.json()["error"]
    fields = {"department": "福州市商务局", "year": "2026", "kind": "决算"}
    r = httpx.post(workers[1] + "api/ingest", files=upload, data=fields, auth=AUTH, timeout=300)
    confirmed = r.json()
    assert (confirmed["status"], confirmed["doc_id"]) == ("updated", read["doc_id"])
    assert (confirmed["department"], confirmed["kind"], confirmed["title"]) == (
        "福州市商务局",
        "决算",
        "2026年福州市商务局部门决算",
    )
    assert confirmed["identified"]["department"] == "用户确认" and not confirmed["warnings"]
    listed = {d["doc_id"]: d for d in httpx.get(workers[0] + "api/documents", auth=AUTH).json()}
    assert (listed[read["doc_id"]]["department"], listed[read["doc_id"]]["kind"]) == ("福州市商务局", "决算")


def test_api_errors_are_one_chinese_sentence(workers: list[str], tmp_path: Path) -> None:
    url = workers[0]
    r = httpx.post(url + "api/ask", json={"question": "项目支出是多少？"})
    assert r.status_code == 401 and "账号和密码" in r.json()["error"]
    assert httpx.post(url + "api/ask", json={"question": "项目支出是多少？"}, auth=(USER, "wrong")).status_code == 401
    r = httpx.post(url + "api/ask", json={"q": "项目支出是多少？"}, auth=AUTH)
    assert r.status_code == 400 and "请求格式不对（question）" in r.json()["error"]
    r = httpx.post(url + "api/ask", json={"question": "项目支出是多少？", "doc": "ffff0000"}, auth=AUTH)
    assert r.status_code == 404 and "ffff0000" in r.json()["error"]
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ" + b"\x00" * 100)
    r = httpx.post(url + "api/ingest", files={"file": (exe.name, exe.read_bytes())}, auth=AUTH)
    assert r.status_code == 400 and "不支持“.exe”类型的文件" in r.json()["error"]


def test_several_workers_need_a_chroma_server(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_CHROMA")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--store", str(tmp_path / "store"), "--workers", "2"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert "chromadb 服务器" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "store").exists()  # refused before the first-start ingest


def test_store_watch_notices_a_document_added_by_another_process(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_cli(store, "ingest", str(SAMPLE))[0] == 0
    watch = StoreWatch(store)
    watch.mark()
    assert not watch.changed()
    os.utime(store / "facts.sqlite", ns=(1, 1))
    assert not watch.changed()  # the file changed, its documents did not
    assert run_cli(store, "ingest", str(SECOND))[0] == 0  # another process
    assert watch.changed()
    assert not watch.changed()  # once: the caller reloads
