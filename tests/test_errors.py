"""The error family and its boundaries: each exit code from the real command line, the page's and the JSON
API's Chinese sentence for a member of the family and for a bug, and the checked contract that only the
boundaries catch `Exception`."""

from __future__ import annotations

import ast
import logging
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from assistant import cli
from assistant.calculator import CalculationError
from assistant.commands import StoreEmpty
from assistant.config import BadSetting
from assistant.errors import INTERNAL_ERROR, AssistantError, UsageError
from assistant.llm import ModelUnavailable
from assistant.web.boundary import guarded
from index.embed import EmbeddingUnavailable
from index.errors import (
    BadConfirmation,
    DocumentNotFound,
    NotADisclosure,
    StoreError,
    StoreIncompatible,
    UnreadableDocument,
)
from tests.conftest import ROOT

FAMILY: list[tuple[AssistantError, int, int]] = [  # (error, exit code, HTTP status)
    (UnreadableDocument(Path("a.txt"), "文件为空"), 1, 400),
    (NotADisclosure("a.txt", "没有预算表"), 1, 400),
    (BadConfirmation("年度应为四位年份"), 1, 400),
    (DocumentNotFound("ffff"), 1, 404),
    (StoreEmpty(), 1, 400),
    (BadSetting("BUDGETQA_LLM_USE", "all", "应为 refusals 或 explain"), 1, 400),
    (CalculationError("上年数为零，无法计算增长率"), 1, 400),
    (UsageError("请输入问题"), 2, 400),
    (StoreError("无法打开存储目录"), 3, 503),
    (StoreIncompatible(Path("s"), 1, 2), 3, 503),
    (EmbeddingUnavailable("m", "本地找不到该模型"), 3, 503),
    (ModelUnavailable("连接失败"), 3, 503),
]


@pytest.mark.parametrize(("error", "code", "status"), FAMILY, ids=lambda x: type(x).__name__)
def test_each_member_of_the_family_carries_its_exit_code_and_http_status(
    error: AssistantError, code: int, status: int
) -> None:
    assert (error.exit_code, error.http_status) == (code, status)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(error))  # the user's sentence is Chinese


def broken_store(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "facts.sqlite").write_bytes(b"this is not sqlite" * 100)
    return folder


def test_exit_codes_from_main(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = str(tmp_path / "empty")
    cases = [
        (["--store", empty, "docs"], 0, "库中还没有文件"),
        (["--store", empty, "facts", "--doc", "ffff"], 1, "库中没有编号为“ffff”的文件"),
        (["--store", empty, "ingest", str(tmp_path / "no-such-file.txt")], 1, "no-such-file.txt"),
        (["--store", empty, "search", ""], 2, "用法错误：请输入要检索的问题"),
        (["--store", empty, "search", "项目支出", "--top", "x"], 2, "用法错误"),
        (["--store", str(broken_store(tmp_path)), "docs"], 3, "数据存储出错：无法打开存储目录"),
    ]
    for argv, code, message in cases:
        assert cli.main(argv) == code, argv
        captured = capsys.readouterr()
        assert message in captured.out + captured.err, (argv, captured)
        assert "Traceback" not in captured.err


def test_a_bug_is_one_chinese_sentence_and_its_traceback_goes_to_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    token = f"a-bug-in-docs-{tmp_path.name}"  # this run's, in a log file other runs append to

    def docs_with_a_bug(*_: object) -> int:
        raise KeyError(token)

    monkeypatch.setitem(cli.COMMANDS, "docs", docs_with_a_bug)  # a fault injected where a bug would be
    assert cli.main(["--store", str(tmp_path / "s"), "docs"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(INTERNAL_ERROR) and "Traceback" not in err and token not in err
    log = (Path(tempfile.gettempdir()) / "budgetqa-error.log").read_text(encoding="utf-8")
    assert f"KeyError: '{token}'" in log and "Traceback" in log


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [(["docs"], 3, "无法打开存储目录"), (["search", ""], 2, "用法错误：请输入要检索的问题")],
)  # the store is opened first: a usage error is only found in an openable one
def test_exit_codes_of_the_real_command_in_a_subprocess(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "--store", str(broken_store(tmp_path) if code == 3 else tmp_path / "s"), *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == code and message in done.stderr and "Traceback" not in done.stderr


def test_the_page_shows_the_familys_sentence_and_a_generic_one_for_a_bug(caplog: pytest.LogCaptureFixture) -> None:
    @guarded()
    def open_document(doc: str) -> str:
        if doc == "ffff":
            raise DocumentNotFound(doc)
        raise ZeroDivisionError("a-bug-on-the-page")

    assert open_document("ffff") == f"⚠ {DocumentNotFound('ffff')}"
    with caplog.at_level(logging.ERROR, logger="budgetqa.web"):
        assert open_document("x") == f"⚠ {INTERNAL_ERROR}"
    assert "a-bug-on-the-page" in caplog.text and "Traceback" in caplog.text


@pytest.mark.slow  # loads the engine and gradio
def test_the_json_api_replies_the_familys_sentence_and_a_generic_one_for_a_bug(
    sample_store: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gradio as gr
    from fastapi.testclient import TestClient

    from assistant.config import Settings
    from assistant.web.api import create_app
    from assistant.web.page import launch_options
    from assistant.web.service import Service

    service = Service(Settings(store=sample_store))
    with gr.Blocks() as page:
        gr.Markdown("预算公开问答助手")
    client = TestClient(create_app(service, page, launch_options("127.0.0.1", 7860, None), None))
    r = client.post("/api/ask", json={"question": "项目支出是多少？", "doc": "ffff"})
    assert r.status_code == 404 and r.json() == {"error": str(DocumentNotFound("ffff"))}
    r = client.post("/api/ingest", files={"file": ("a.exe", b"MZ")})
    assert r.status_code == 400 and "不支持“.exe”类型的文件" in r.json()["error"]
    assert client.post("/api/ask", json={"question": "项目支出是多少？"}).json()["value"] == 4023

    def current_with_a_bug() -> object:
        raise ZeroDivisionError("a-bug-in-the-api")

    monkeypatch.setattr(service, "current", current_with_a_bug)  # a fault injected where a bug would be
    with caplog.at_level(logging.ERROR, logger="budgetqa.api"):
        r = client.post("/api/ask", json={"question": "项目支出是多少？"})
    assert r.status_code == 500 and r.json() == {"error": INTERNAL_ERROR}
    assert "a-bug-in-the-api" in caplog.text and "Traceback" in caplog.text


# --- the contract: who may catch Exception -----------------------------------------------------------------

BOUNDARIES = {"assistant/errors.py", "assistant/web/api.py", "assistant/web/boundary.py"}  # CLI, API, page
OWN_BOUNDARY = "# own boundary:"  # a runner that goes on past one failure: eval/, the optional model's part
OWN_ALLOWED = ("eval/", "assistant/agent.py")
SIGNALS = {"AskBack", "Stop", "Unanswerable", "ToolError", "PostgresError", "ApiFailure"}  # never user-facing


def sources() -> list[Path]:
    files = [p for package in ("assistant", "index", "eval") for p in sorted((ROOT / package).rglob("*.py"))]
    return [*files, ROOT / "app.py"]


def catches_everything(handler: ast.ExceptHandler) -> bool:
    """`except:`, `except Exception` or `except BaseException` (alone or in a tuple) that does not re-raise."""
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    broad = any(k is None or (isinstance(k, ast.Name) and k.id in {"Exception", "BaseException"}) for k in kinds)
    reraises = bool(handler.body) and isinstance(handler.body[-1], ast.Raise) and handler.body[-1].exc is None
    return broad and not reraises


def test_only_the_boundaries_catch_exception() -> None:
    offenders = []
    for path in sources():
        name = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.ExceptHandler) or not catches_everything(node) or name in BOUNDARIES:
                continue
            if OWN_BOUNDARY in lines[node.lineno - 1] and name.startswith(OWN_ALLOWED):
                continue
            offenders.append(f"{name}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert offenders == []


def test_every_exception_class_is_in_the_family_or_an_internal_signal() -> None:
    outside = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id in {"Exception", "BaseException"} for b in node.bases
            ):
                if node.name not in SIGNALS | {"AssistantError"}:
                    outside.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert outside == []


def test_the_contract_finds_a_catch_all() -> None:
    caught = ast.parse("try:\n    pass\nexcept (ValueError, Exception):\n    log()\n").body[0]
    cleanup = ast.parse("try:\n    pass\nexcept BaseException:\n    undo()\n    raise\n").body[0]
    assert isinstance(caught, ast.Try) and catches_everything(caught.handlers[0])
    assert isinstance(cleanup, ast.Try) and not catches_everything(cleanup.handlers[0])
