"""The JSON API: plain JSON next to the Gradio page, on one FastAPI app.

    POST /api/ask        {"question", "doc"?, "history"?, "departments"?, "years"?, "kinds"?}
                         → the JSON of `budgetqa ask --json`, plus "history" to send with the next question
    GET  /api/documents  the documents in the store
    POST /api/ingest     multipart form, field "file" (and optionally "department", "year", "kind": what the
                         user confirms for the file, in place of what is read from it) → what happened to it
    GET  /api/health     {"status": "ok", "documents": N}

One request, one JSON reply: no Gradio queue, no server-sent events, no session on the server. A
conversation's earlier questions travel with each request (`history`, oldest first, at most
`HISTORY`) and are answered again, in the same scope, before the question: a follow-up resolves
against its own conversation only, whichever worker receives it. The engine answers in a few
milliseconds, so replaying a few questions costs less than Gradio's queue round trip did.

With accounts configured (--auth, --auth-file) the API asks for HTTP Basic credentials, the page for
its login form.
"""

from __future__ import annotations

import base64
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

import anyio
import gradio as gr
from fastapi import Depends, FastAPI, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from assistant.errors import INTERNAL_ERROR, AssistantError
from assistant.records import Answer, Within
from assistant.render import answer_json
from assistant.web.access import Accounts
from assistant.web.service import Service
from index.identify import Identity, confirmation
from index.ingest import IngestResult

log = logging.getLogger("budgetqa.api")
HISTORY = 20  # earlier questions a conversation carries (the web chat keeps as many answers)
THREADS = 4  # answers run on this many threads at once; more requests wait their turn (the GIL runs one anyway)


class AskRequest(BaseModel):
    """One question of a conversation."""

    question: str
    doc: str = ""  # a document id or a unique prefix of one; "" for every document
    history: list[str] = Field(default_factory=list)  # this conversation's earlier questions, oldest first
    departments: list[str] = Field(default_factory=list)  # the scope picker's choices; empty: no limit
    years: list[int] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)  # 预算 / 决算


class ApiError(AssistantError):
    """A reply other than 200 that no other member of the family gives (401, 413, 500)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.http_status, self.message, self.headers = status, message, headers

    def __str__(self) -> str:
        return self.message


def ask(service: Service, request: AskRequest) -> dict[str, Any]:
    """The answer to the request's question, after its conversation's earlier questions."""
    engine = service.current()  # read once: a reload may replace it meanwhile
    doc_id = service.resolve(engine, request.doc)
    within = Within(departments=tuple(request.departments), years=tuple(request.years), kinds=tuple(request.kinds))
    earlier: list[Answer] = []
    history = request.history[-HISTORY:]
    for text in history:
        earlier.append(engine.answer(text.strip(), earlier, doc_id=doc_id, within=within))
    answer = engine.answer(request.question.strip(), earlier, doc_id=doc_id, within=within)
    return {**answer_json(answer), "history": [*history, request.question][-HISTORY:]}


def documents(service: Service) -> list[dict[str, Any]]:
    docs = service.current().kb.docs.values()
    return [
        {"doc_id": d.doc_id, "title": d.title, "department": d.department, "year": d.year, "kind": d.kind}
        for d in sorted(docs, key=lambda d: (d.year, d.department))
    ]


def basic_credentials(header: str) -> tuple[str, str]:
    """(user, password) from an `Authorization: Basic …` header, UTF-8 (RFC 7617; passwords here may be
    Chinese, which FastAPI's HTTPBasic, decoding ASCII, refuses); ("", "") when there is none."""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return "", ""
    try:
        user, _, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return "", ""
    return user, password


def take(service: Service, file: UploadFile, given: Identity | None) -> IngestResult:
    """Ingest an uploaded file, saved under its own name (a record only, never a path) in a folder of its own."""
    folder = Path(tempfile.mkdtemp(prefix="budgetqa-upload-"))
    try:
        path = folder / (Path(file.filename or "").name.lstrip(".") or "upload")
        with path.open("wb") as out:
            shutil.copyfileobj(file.file, out)
        return service.ingest(path, None, given)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def create_app(service: Service, page: gr.Blocks, options: dict[str, Any], logins: Accounts | None) -> FastAPI:
    """The JSON API, with the page (`options` as for `launch`) mounted at /."""
    api = FastAPI(title="预算公开问答助手", docs_url=None, redoc_url=None, openapi_url=None)
    limiter: list[anyio.CapacityLimiter] = []  # made in the event loop, on the first question

    def login(request: Request) -> None:
        if logins is None:
            return
        user, password = basic_credentials(request.headers.get("authorization", ""))
        if not logins.check(user, password):
            raise ApiError(
                401,
                "请提供正确的账号和密码（HTTP Basic）。",
                {"WWW-Authenticate": 'Basic realm="budgetqa", charset="UTF-8"'},
            )

    @api.exception_handler(AssistantError)
    async def expected(_: Request, e: AssistantError) -> JSONResponse:
        """The family's reply: its Chinese sentence, with its status (404 no such document, 503 the store…)."""
        headers = e.headers if isinstance(e, ApiError) else None
        return JSONResponse({"error": str(e)}, status_code=e.http_status, headers=headers)

    @api.exception_handler(RequestValidationError)
    async def bad_request(_: Request, e: RequestValidationError) -> JSONResponse:
        fields = "、".join(sorted({str(err["loc"][-1]) for err in e.errors() if err.get("loc")})) or "请求体"
        message = f'请求格式不对（{fields}）。请发送 JSON，例如 {{"question": "项目支出是多少？"}}。'
        return JSONResponse({"error": message}, status_code=400)

    async def in_thread(fn: Any, *args: Any, answers: bool = True) -> Any:
        """Run blocking work off the event loop (all of a route's work runs here). The API's error boundary:
        the family goes to `expected`; anything else is a bug, logged with its traceback, and the reply is
        500 with the generic sentence."""
        if not limiter:
            limiter.append(anyio.CapacityLimiter(THREADS))
        try:
            return await anyio.to_thread.run_sync(fn, *args, limiter=limiter[0] if answers else None)
        except AssistantError:
            raise
        except Exception as e:  # the boundary: an unexpected bug, never a traceback to the user
            log.exception("API call %s failed", getattr(fn, "__name__", fn))
            raise ApiError(500, INTERNAL_ERROR) from e

    @api.post("/api/ask", dependencies=[Depends(login)])
    async def ask_route(request: AskRequest) -> dict[str, Any]:
        return await in_thread(ask, service, request)  # type: ignore[no-any-return]

    @api.get("/api/documents", dependencies=[Depends(login)])
    async def documents_route() -> list[dict[str, Any]]:
        return await in_thread(documents, service)  # type: ignore[no-any-return]

    @api.get("/api/health", dependencies=[Depends(login)])
    async def health_route() -> dict[str, Any]:
        return {"status": "ok", "documents": len(await in_thread(documents, service))}

    @api.post("/api/ingest", dependencies=[Depends(login)])
    async def ingest_route(
        request: Request,
        file: UploadFile,
        department: Annotated[str | None, Form()] = None,
        year: Annotated[str | None, Form()] = None,
        kind: Annotated[str | None, Form()] = None,
    ) -> dict[str, Any]:
        given = confirmation(department, year, kind)  # BadConfirmation: 400 with its sentence
        cap = int(options["max_file_size"])
        if int(request.headers.get("content-length") or 0) > cap + 65536:  # the form's own bytes besides the file
            raise ApiError(413, f"文件过大：上传不能超过 {cap // (1024 * 1024)} MB。")
        result = await in_thread(take, service, file, given, answers=False)
        message = {
            "exists": f"{result.title} 已在库中，未重复导入。",
            "updated": f"已按指定的部门/年度/类型重新入库：{result.title}（{result.n_facts} 条数据）。",
            "added": f"已导入：{result.title}（{result.n_facts} 条数据）。",
        }[result.status]
        return {
            "status": result.status, "doc_id": result.doc_id, "title": result.title, "n_facts": result.n_facts,
            "warnings": list(result.warnings), "message": message,
            "department": result.identity.department, "year": result.identity.year, "kind": result.identity.kind,
            "identified": dict(result.identity.sources),
        }  # fmt: skip

    return gr.mount_gradio_app(
        api,
        page,
        path="/",
        auth=options["auth"],
        auth_message=options["auth_message"],
        max_file_size=options["max_file_size"],
        show_error=options["show_error"],
        i18n=options["i18n"],
    )
