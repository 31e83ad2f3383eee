"""预算公开问答助手 — the Gradio page. It calls the assistant and renders its `Answer`s; nothing else.

    python app.py [--host 127.0.0.1] [--port 7860] [--store DIR] [--auth USER:PASS] [--auth-file FILE]
                  [--workers N]                                        (same as: budgetqa serve)

On first start with an empty store it ingests the bundled disclosures in data/.
It listens on 127.0.0.1 unless told otherwise, never makes a public share link,
and asks for a login when accounts are given (--auth, --auth-file, or the
BUDGETQA_AUTH / BUDGETQA_AUTH_FILE environment variables).
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home: the network is closed

import gradio as gr
import pandas as pd

from assistant.access import Accounts, accounts, add_serve_arguments, is_loopback
from assistant.answer import Engine
from assistant.audit_view import audit_rows
from assistant.config import Settings, add_llm_arguments, llm_overrides
from assistant.errors import INTERNAL_ERROR, AssistantError, DocumentNotFound
from assistant.records import Answer, Figure, Within
from assistant.render import (
    ENTRY_HEADERS,
    answer_json,
    bars_html,
    entries_csv,
    entry_bars,
    entry_rows,
    figure_rows,
    mark_figures,
    model_banner,
    model_calls_markdown,
    model_draft_markdown,
    source_markdown,
    table_rows,
    trace_markdown,
)
from index.identify import Identity, confirmation, identified_line
from index.ingest import IngestResult, add, collect, ingest, read
from index.load import DOCUMENT_SUFFIXES, MAX_BYTES, MAX_PDF_BYTES, megabytes
from index.query import FactQuery
from index.store import Store

log = logging.getLogger("budgetqa.app")
DATA = Path(__file__).resolve().parent / "data"
ALL = "全部文件"
UPLOAD_TYPES = DOCUMENT_SUFFIXES
UPLOAD_CAP = 2 * MAX_PDF_BYTES  # gradio refuses (in English) anything larger before it reaches the disk;
# files between the loader's limits (MAX_BYTES, MAX_PDF_BYTES) and this get its Chinese message
CONCURRENCY = 4  # answers run on this many worker threads; more sessions wait in gradio's queue
# Gradio's own words on the page, in Chinese whatever the browser's language: its frontend looks a flat
# "section.key" up before its built-in dictionaries (an English browser would otherwise see "Drop File Here").
UI_WORDS = {
    "upload_text.click_to_upload": "点击选择文件",
    "upload_text.drop_file": "把文件拖到这里",
    "upload_text.paste_clipboard": "从剪贴板粘贴",
    "file.uploading": "正在上传…",
    "common.or": "或",
    "common.clear": "清除",
    "common.submit": "提交",
    "common.loading": "加载中",
    "common.error": "错误",
    "common.empty": "空",
    "common.download": "下载",
    "common.download_all": "全部下载",
    "common.remove": "移除",
    "common.edit": "编辑",
    "common.undo": "撤销",
    "common.share": "分享",
    "common.settings": "设置",
    "common.language": "语言",
    "common.display_theme": "显示主题",
    "common.progress": "进度",
    "common.built_with": "构建于",
    "common.built_with_gradio": "使用 Gradio 构建",
    "common.run": "运行",
    "common.runs": "运行记录",
    "common.back_to_app": "返回",
    "errors.use_via_api": "通过 API 使用",
    "errors.use_via_api_or_mcp": "通过 API 或 MCP 使用",
    "chatbot.copy_message": "复制",
    "chatbot.copied_message": "已复制",
    "chatbot.clear": "清空",
    "chatbot.retry": "重试",
    "chatbot.undo": "撤销",
    "chatbot.edit": "编辑",
    "chatbot.submit": "提交",
    "chatbot.cancel": "取消",
    "chat_interface.conversation": "对话",
    "chat_interface.chatbot": "对话",
    "dataframe.sort_ascending": "升序",
    "dataframe.sort_descending": "降序",
    "dataframe.sort_column": "排序",
    "dataframe.clear_sort": "取消排序",
    "dataframe.filter": "筛选",
    "dataframe.clear_filter": "清除筛选",
    "dropdown.dropdown": "下拉选择",
    "plot.plot": "图表",
    "status.queue_position": "排队中：第 {position} 位，共 {size} 位",
    "blocks.lost_connection": "离开页面后连接已断开，正在重新排队…",
    "blocks.waiting_for_inputs": "文件还在上传，请稍后再试。",
    "login.login": "登录",
    "login.username": "用户名",
    "login.password": "密码",
    "login.incorrect_credentials": "用户名或密码不对",
}
UI_LOCALES = ("en", "zh-CN")  # English is also what every other language falls back to


class Service:
    """The loaded engine, shared by all sessions; replaced after an upload, here or in another process.

    Sessions read `engine` without a lock (an attribute read is atomic) and keep the
    one they started with; reloads are serialised so that an older reload can never
    replace the engine of a newer one. Several server processes may share one store
    (`--workers`): `current()` notices a document another one added and reloads first.
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        self.lock = threading.Lock()
        self.watch = StoreWatch(settings.store, settings.database_url)
        self.watch.mark()
        self.engine = Engine(settings)

    def reload(self) -> None:
        with self.lock:
            self.watch.mark()  # before loading: a document committed meanwhile makes the next check reload again
            self.engine = Engine(self.settings)

    def refresh(self) -> bool:
        """Reload if the store's documents changed since the engine was loaded, by any process sharing the
        store (`budgetqa ingest`, another `budgetqa serve`, on this machine or another); True if it did."""
        if not self.watch.changed():
            return False
        self.reload()
        return True

    def current(self) -> Engine:
        """The engine to answer with; reloaded first when another process changed the store's documents."""
        self.refresh()
        return self.engine

    def ingest(
        self, path: Path, progress: Callable[[float, str], None] | None = None, given: Identity | None = None
    ) -> IngestResult:
        """Add one file to the store (every worker sharing it sees it) and reload; `progress(fraction,
        what)` follows the steps (a PDF page by page); `given`: the department, year or kind the user
        confirmed. Raises AssistantError with the Chinese reason."""
        step = progress or (lambda fraction, what: None)
        if path.suffix.lower() not in UPLOAD_TYPES:
            raise UnsupportedUpload(path.suffix)
        from assistant.retrieve import open_vectors  # the embedding model loads only when needed

        step(0.05, "读取和解析文件…")
        parsed = read(
            path, lambda done, total: step(0.05 + 0.45 * done / total, f"读取 PDF：第 {done}/{total} 页"), given
        )
        with Store(self.settings.store, self.settings.database_url) as store:
            step(0.5, "生成检索向量并写入…")
            result = add(store, open_vectors(self.settings), parsed)
        step(0.8, "重新加载…")
        self.reload()
        return result

    @staticmethod
    def resolve(engine: Engine, doc_id: str | None) -> str | None:
        """A document id from an id or a unique prefix ("" or None: every document)."""
        if not doc_id:
            return None
        found = [d for d in engine.kb.docs if d.startswith(doc_id.strip().lower())]
        if len(found) != 1:
            raise DocumentNotFound(doc_id)
        return found[0]

    def departments(self) -> list[str]:
        """The departments in the store, for the scope picker."""
        return sorted({d.department for d in self.engine.kb.docs.values()})

    def years(self) -> list[int]:
        return sorted({d.year for d in self.engine.kb.docs.values()}, reverse=True)

    def documents(self) -> list[tuple[str, str]]:
        """(label, doc_id) for the scope selector."""
        return [
            (f"{d.title}（{d.doc_id[:8]}）", d.doc_id)
            for d in sorted(self.engine.kb.docs.values(), key=lambda d: (d.year, d.department))
        ]


class StoreWatch:
    """Whether the store's documents changed since `mark()`, e.g. an upload through another worker
    process or a `budgetqa ingest`. Cheap enough to ask before every answer: one stat of the SQLite
    files; the documents are read only when those changed (a commit), and an ingest that is still
    writing, or any other write, leaves the documents as they were and is not a change. A store with
    no SQLite file here (facts in a database server) is read at most every `every` seconds instead."""

    def __init__(self, store: Path, database: str | None = None, every: float = 1.0):
        self.files = [] if database else [store / "facts.sqlite", store / "facts.sqlite-wal"]
        self.sql = FactQuery(store, database)
        self.every = every
        self.lock = threading.Lock()
        self.stamp: tuple[tuple[int, int], ...] | float = ()
        self.ids: frozenset[tuple[str, str]] = frozenset()  # (doc_id, when it was stored)

    def _stamp(self) -> tuple[tuple[int, int], ...] | float:
        """The SQLite files' (mtime, size); without them, the current `every`-second interval."""
        found = []
        for f in self.files:
            try:
                st = f.stat()
            except OSError:
                continue
            found.append((st.st_mtime_ns, st.st_size))
        return tuple(found) if found else time.monotonic() // self.every

    def _ids(self) -> frozenset[tuple[str, str]]:
        return self.sql.versions()

    def mark(self) -> None:
        """The store as it is now is what is (about to be) loaded."""
        with self.lock:
            self.stamp, self.ids = self._stamp(), self._ids()

    def changed(self) -> bool:
        """True once per change (to the caller that should reload); False while another thread checks."""
        if not self.lock.acquire(blocking=False):
            return False
        try:
            stamp = self._stamp()
            if stamp == self.stamp:
                return False
            ids = self._ids()  # if this fails (the store busy), the stamp stays and the next request tries again
            self.stamp = stamp
            if ids == self.ids:
                return False
            self.ids = ids
            return True
        finally:
            self.lock.release()


class UnsupportedUpload(AssistantError):
    def __init__(self, suffix: str):
        super().__init__(suffix)
        self.suffix = suffix

    def __str__(self) -> str:
        return f"不支持“{self.suffix or '无扩展名'}”类型的文件，请上传 {'、'.join(sorted(UPLOAD_TYPES))} 文件。"


def ensure_documents(settings: Settings, data: Path = DATA) -> None:
    """First start: ingest the bundled disclosures (with a progress bar) when the store is empty."""
    with Store(settings.store, settings.database_url) as store:
        if store.documents():
            return
        from assistant.retrieve import open_vectors  # the embedding model loads only when needed

        vectors = open_vectors(settings)
        paths = collect([data])
        print(f"首次启动：正在导入 {len(paths)} 个公开文件…", file=sys.stderr)
        from tqdm import tqdm

        for path in tqdm(paths, desc="导入", unit="个文件", file=sys.stderr):
            result = ingest(store, vectors, path)
            tqdm.write(f"✓ {result.title}（{result.n_facts} 条数据）", file=sys.stderr)


def _safe(fn: Any) -> Any:
    """Run a handler; expected failures become their Chinese sentence, anything else a generic one."""

    @functools.wraps(fn)  # gradio reads the signature to wire inputs and the API
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AssistantError as e:
            return _error(fn, str(e), args)
        except Exception:
            log.exception("handler %s failed", fn.__name__)
            return _error(fn, INTERNAL_ERROR, args)

    return wrapper


def _error(fn: Any, message: str, args: Sequence[Any]) -> Any:
    """The handler's outputs, carrying the Chinese message where the user looks for the result."""
    if fn.__name__ == "respond":
        chat = [
            *list(args[1] or []),
            gr.ChatMessage(role="user", content=args[0]),
            gr.ChatMessage(role="assistant", content=f"⚠ {message}"),
        ]
        hidden = gr.update(visible=False)
        return chat, args[2], "", hidden, hidden, "", hidden, hidden, hidden  # as many as respond's outputs
    if fn.__name__ == "run_audit":
        return f"⚠ {message}", gr.update()
    if fn.__name__ == "check_text":
        return [[f"⚠ {message}", "", "", "", ""]]
    if fn.__name__ == "chat_api":
        return {"question": args[0], "text": f"⚠ {message}", "refused": True, "error": True, "choices": []}, args[2]
    return f"⚠ {message}"  # upload_file, ask_api: one text output


def examples(service: Service) -> list[str]:
    """Example questions about the documents actually in the store."""
    docs = sorted(service.engine.kb.docs.values(), key=lambda d: d.year)
    if not docs:
        return []
    d = docs[-1]
    name = d.aliases[-1] if d.aliases else d.department
    across = (
        [f"{d.year}年{d.kind}各部门“三公”经费排名", f"{d.year}年{d.kind}各部门项目支出合计是多少？"]
        if len({x.department for x in docs}) > 1
        else []
    )  # fmt: skip
    return [
        *across,
        f"{name}今年总共要花多少钱？",
        f"{name}项目支出占总支出多少？",
        f"{name}去年的预算总额是多少？",
        f"{name}项目支出由哪些项目构成？",
        f"{name}三公经费今年多少？",
        f"{name}基本支出是什么意思？",
        f"{name}{d.year + 1}年预算是多少？",
    ]


def build(service: Service) -> gr.Blocks:
    with gr.Blocks(title="预算公开问答助手", analytics_enabled=False) as page:
        gr.Markdown(
            "## 预算公开问答助手\n答案中的每个数字都来自公开文件，或由确定性计算得出，并逐一核对：**✓** 与公开文件一致，**🧮** 由计算得出，**⚠** 无法核对。"
        )
        answers = gr.State([])  # this session's Answers, for follow-ups; never shared between users
        with gr.Tabs():
            with gr.Tab("问答"):
                scope = gr.Dropdown(
                    choices=[(ALL, ALL), *service.documents()],
                    value=ALL,
                    label="查询范围",
                    interactive=True,
                    elem_id="scope",
                )
                with gr.Accordion("限定部门、年度、预算/决算（跨部门比较、排名、合计时使用；不选即全部）", open=False):
                    with gr.Row():
                        pick_departments = gr.Dropdown(
                            choices=service.departments(), multiselect=True, label="部门", elem_id="scope-departments",
                            scale=3,
                        )  # fmt: skip
                        pick_years = gr.CheckboxGroup(
                            choices=service.years(), label="年度", elem_id="scope-years", scale=1
                        )
                        pick_kinds = gr.CheckboxGroup(
                            choices=["预算", "决算"], label="类别", elem_id="scope-kinds", scale=1
                        )
                with gr.Row():
                    with gr.Column(scale=3):
                        chat = gr.Chatbot(
                            label="对话", height=520, elem_id="chat", buttons=["copy"], feedback_options=None
                        )
                        picker = gr.Radio(  # shown only when the answer asks which department; a click asks it
                            label="请选择部门（点击即可接着回答）",
                            visible=False,
                            interactive=True,
                            elem_id="choices",
                        )
                        with gr.Row():
                            box = gr.Textbox(
                                placeholder="输入问题，例如：今年总共要花多少钱？项目支出占比多少？",
                                label="问题",  # not shown here; the examples' column header
                                show_label=False,
                                scale=5,
                                elem_id="question",
                            )
                            send = gr.Button("提问", variant="primary", scale=1, elem_id="send")
                        gr.Examples(
                            examples(service) or ["今年总共要花多少钱？"], inputs=box, label="示例问题（点击填入）"
                        )
                        clear = gr.Button("清空对话")
                    with gr.Column(scale=2):
                        sources = gr.Markdown("出处会显示在这里。", elem_id="sources")
                        rows = gr.Dataframe(
                            label="表格原行", visible=False, interactive=False, wrap=True, elem_id="rows"
                        )
                        plot = gr.HTML(visible=False, elem_id="chart")  # horizontal bars: full names, sorted
                        entries = gr.Dataframe(
                            headers=ENTRY_HEADERS, label="各部门数字（点击表头排序）", visible=False, interactive=False,
                            wrap=True, elem_id="entries",
                        )  # fmt: skip
                        download = gr.DownloadButton("下载 CSV", visible=False, elem_id="csv")
            with gr.Tab("文件"):
                docs_md = gr.Markdown(_docs_markdown(service))
                upload = gr.File(
                    label=(
                        f"上传公开文件（PDF 不超过 {megabytes(MAX_PDF_BYTES)}；"
                        f".txt / .md 文本，UTF-8 或 GB18030，不超过 {megabytes(MAX_BYTES)}）"
                    ),
                    # no file_types: gradio's own check answers in English; upload_file says it in Chinese
                    elem_id="upload",
                )
                with gr.Row():  # what the user confirms, in place of what is read from the file
                    confirm_department = gr.Textbox(
                        label="部门（可不填）", placeholder="不填则用文件中读出的部门全称", elem_id="confirm-department"
                    )
                    confirm_year = gr.Textbox(label="年度（可不填）", placeholder="如 2026", elem_id="confirm-year")
                    confirm_kind = gr.Dropdown(
                        choices=["", "预算", "决算"], value="", label="预算/决算（可不填）", elem_id="confirm-kind"
                    )
                do_ingest = gr.Button("导入", variant="primary", elem_id="ingest")
                status = gr.Markdown(elem_id="ingest-status")
            with gr.Tab("数据核对"):
                first = service.documents()[0][1] if service.documents() else None
                audit_doc = gr.Dropdown(
                    choices=service.documents(), value=first, label="选择文件", interactive=True, elem_id="audit-doc"
                )
                audit_btn = gr.Button("核对", elem_id="audit")
                audit_summary = gr.Markdown()
                audit_table = gr.Dataframe(
                    headers=["类别", "位置", "应为", "核得", "差额", "结果"], interactive=False, wrap=True
                )
            with gr.Tab("核对文字"):
                draft = gr.Textbox(
                    label="粘贴一段含数字的文字",
                    lines=4,
                    placeholder="例如：项目支出1,200万元，比上年增长5.00%，占支出总计的40.00%。",
                )
                check_btn = gr.Button("核对数字")
                check_table = gr.Dataframe(
                    headers=["数字", "结果", "公开文件数值", "出处", "计算"], interactive=False, wrap=True
                )

        @_safe
        def respond(
            question: str, history: list[Any], session: list[Answer], chosen: str,
            departments: list[str] | None, years: list[int] | None, kinds: list[str] | None,
        ):  # fmt: skip
            question = (question or "").strip()
            if not question:
                return history, session, *[gr.update()] * 3, "", *[gr.update()] * 3
            engine = service.current()
            within = Within(
                departments=tuple(departments or ()), years=tuple(int(y) for y in years or ()), kinds=tuple(kinds or ())
            )
            answer = engine.answer(question, session, doc_id=None if chosen in (None, ALL) else chosen, within=within)
            history = [*list(history or []), gr.ChatMessage(role="user", content=question)]
            if answer.model and answer.model.used:  # said before the answer: the model drafted it
                history.append(
                    gr.ChatMessage(role="assistant", content=model_banner(answer.model, bool(answer.figures)))
                )
            history.append(gr.ChatMessage(role="assistant", content=mark_figures(answer)))
            history += model_messages(answer)
            if answer.figures:
                history.append(
                    gr.ChatMessage(
                        role="assistant",
                        content=trace_markdown(answer),
                        metadata={"title": "🧮 计算与核对", "status": "done"},
                    )
                )
            first = next((f for f in answer.facts if f.table), None)  # the table shown is the first table figure's
            headers, table = table_rows(engine.knowledge([first.doc_id] if first else []), answer)
            frame = (
                gr.update(value=pd.DataFrame(table, columns=headers), visible=True)
                if table
                else gr.update(visible=False)
            )
            chart = gr.update(visible=False)
            lines, csv_file = gr.update(visible=False), gr.update(visible=False)
            if len(answer.items) >= 2:
                unit = answer.items[0][2]
                chart = gr.update(value=bars_html(answer.items, f"构成（{unit}）"), visible=True)
            if answer.entries:
                frame = gr.update(visible=False)
                lines = gr.update(value=pd.DataFrame(entry_rows(answer), columns=ENTRY_HEADERS), visible=True,
                                  label=f"{answer.metric}：{answer.covered}（点击表头排序）")  # fmt: skip
                if sum(e.value is not None for e in answer.entries) >= 2:
                    chart = gr.update(value=entry_bars(answer), visible=True)
                csv_file = gr.update(value=_csv_file(answer), visible=True)
            offered = list(answer.choices)
            choices = gr.update(choices=offered, value=None, visible=bool(offered))
            return (
                history,
                [*session, answer][-20:],
                source_markdown(answer),
                frame,
                chart,
                "",
                choices,
                lines,
                csv_file,
            )

        outputs = [chat, answers, sources, rows, plot, box, picker, entries, download]
        scoped = [answers, scope, pick_departments, pick_years, pick_kinds]
        send.click(respond, [box, chat, *scoped], outputs, api_visibility="private")
        box.submit(respond, [box, chat, *scoped], outputs, api_visibility="private")
        # the picked name is the next message, as if typed; `input` fires on a click, not on respond's update
        picker.input(respond, [picker, chat, *scoped], outputs, api_visibility="private")
        clear.click(
            lambda: ([], [], "出处会显示在这里。", *[gr.update(visible=False)] * 5),
            None,
            [chat, answers, sources, rows, plot, picker, entries, download],
            api_visibility="private",
        )

        @_safe
        def ask_api(question: str) -> str:
            """Answer one question (no conversation) and return the answer text."""
            return service.current().answer(question).text

        gr.api(ask_api, api_name="ask")

        @_safe
        def chat_api(question: str, doc_id: str, session: list[Answer]) -> tuple[dict[str, Any], list[Answer]]:
            """One turn of a conversation, as `budgetqa ask --json` prints it; follow-ups refer to this
            session's earlier questions only. `doc_id` ("" for all documents) scopes the question."""
            engine = service.current()  # read once: a reload may replace it meanwhile
            answer = engine.answer((question or "").strip(), session, doc_id=service.resolve(engine, doc_id))
            return answer_json(answer), [*session, answer][-20:]  # with "choices" (the names to answer "which one?")

        api_in = [gr.Textbox(visible=False), gr.Textbox(visible=False)]
        api_out = gr.JSON(visible=False)
        gr.Button(visible=False).click(chat_api, [*api_in, answers], [api_out, answers], api_name="chat")

        @_safe
        def upload_file(
            file: Any,
            department: str | None = None,  # what the user confirms (the page's boxes; optional in the API)
            year: str | None = None,
            kind: str | None = None,
            progress: gr.Progress = gr.Progress(),  # noqa: B008 (gradio injects it)
        ) -> str:
            """Ingest the uploaded file with what the user confirmed; the message says what happened and
            where the department, year and kind were read, in Chinese."""
            if not file:
                return "⚠ 请先选择要上传的文件。"
            given = confirmation(department, year, kind)
            path = Path(file if isinstance(file, str) else file.name)  # gradio's own copy, under its cache folder
            result = service.ingest(path, lambda fraction, what: progress(fraction, desc=what), given)
            skipped = "".join(f"\n\n⚠ {w}" for w in result.warnings)
            read = f"\n\n识别：{identified_line(dict(result.identity.sources))}" if result.identity.sources else ""
            if result.status == "exists":
                return f"ℹ {result.title} 已在库中，未重复导入。" + read + skipped
            if result.status == "updated":
                return f"✓ 已按填写的信息重新入库：{result.title}（{result.n_facts} 条数据）。" + read + skipped
            return (
                f"✓ 已导入：{result.title}（{result.n_facts} 条数据）。可以在“问答”中提问了。"
                "如部门、年度或预算/决算有误，填写上方对应一栏后再点“导入”。" + read + skipped
            )

        def listed(audited: str | None) -> tuple[Any, ...]:
            """The documents now in the store, in the selectors, the scope picker and the file list (the
            page was built with those at start-up; an upload, in this session or another, adds to them)."""
            service.current()  # another worker's upload too
            choices = service.documents()
            ids = [doc_id for _, doc_id in choices]
            return (
                gr.update(choices=[(ALL, ALL), *choices]),
                gr.update(choices=choices, value=audited if audited in ids else (ids[0] if ids else None)),
                _docs_markdown(service),
                gr.update(choices=service.departments()),
                gr.update(choices=service.years()),
            )

        def refresh(audited: str | None) -> tuple[Any, ...]:
            """New documents in the selectors; the upload box cleared for the next file."""
            return (*listed(audited), None)

        do_ingest.click(
            upload_file, [upload, confirm_department, confirm_year, confirm_kind], [status], api_name="ingest"
        ).then(
            refresh,
            [audit_doc],
            [scope, audit_doc, docs_md, pick_departments, pick_years, upload],
            api_visibility="private",
        )
        page.load(
            listed, [audit_doc], [scope, audit_doc, docs_md, pick_departments, pick_years], api_visibility="private"
        )

        @_safe
        def run_audit(doc_id: str) -> tuple[str, Any]:
            if not doc_id:
                return "⚠ 请先选择文件。", gr.update()
            summary, table = audit_rows(service.settings, doc_id)
            return summary, table

        audit_btn.click(run_audit, [audit_doc], [audit_summary, audit_table], api_visibility="private")

        @_safe
        def check_text(text: str) -> Any:
            engine = service.current()  # read once: a reload may replace it meanwhile
            figures: list[Figure] = engine.verify(text or "")
            return figure_rows(figures) or [["（没有找到数字）", "", "", "", ""]]

        check_btn.click(check_text, [draft], [check_table], api_visibility="private")
    return page


def model_messages(answer: Answer) -> list[gr.ChatMessage]:
    """What a language model did for this answer, after it: why its draft was not used, its tool calls, and
    an unused draft with each figure's verdict; nothing when no model was asked."""
    part = answer.model
    if part is None:
        return []
    out = [] if part.used else [gr.ChatMessage(role="assistant", content=model_banner(part))]
    if part.calls:
        out.append(
            gr.ChatMessage(
                role="assistant", content=model_calls_markdown(part),
                metadata={"title": f"🔧 模型的工具调用（{len(part.calls)} 次）", "status": "done"},
            )
        )  # fmt: skip
    if part.draft:
        out.append(
            gr.ChatMessage(
                role="assistant", content=model_draft_markdown(part),
                metadata={"title": "🤖 模型草稿（未采用）", "status": "done"},
            )
        )  # fmt: skip
    return out


def _csv_file(answer: Answer) -> str:
    """The answer's lines written to a CSV file for the download button (gradio serves it from its cache)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="budgetqa-csv-"))
    path = folder / "各部门数字.csv"
    path.write_text(entries_csv(answer), encoding="utf-8")
    return str(path)


def _docs_markdown(service: Service) -> str:
    docs = sorted(service.engine.kb.docs.values(), key=lambda d: (d.year, d.department))
    if not docs:
        return "库中还没有文件。"
    lines = [f"- {d.title}（单位：{d.unit}，编号 {d.doc_id[:12]}）" for d in docs]
    return "**库中的公开文件**\n" + "\n".join(lines)


def serve(
    host: str = "127.0.0.1",
    port: int = 7860,
    store: str | None = None,
    auth: Sequence[str] | None = None,
    auth_file: str | None = None,
    workers: int = 1,
    llm: Mapping[str, object] | None = None,
) -> None:
    """Ingest the bundled sample on first start, then serve the page and the JSON API (`serving.py`);
    with `workers` > 1, that many processes on consecutive ports share the store. `llm`: the --llm-*
    options given (`assistant.config.llm_overrides`)."""
    settings = Settings.from_env(
        store=Path(store) if store else None,
        auth="\n".join(auth) if auth else None,
        auth_file=Path(auth_file) if auth_file else None,
        **(llm or {}),
    )
    logins = accounts(settings)
    if not logins and not is_loopback(host):
        print(
            f"⚠ 正在监听 {host}，网络上的任何人都能访问且无需登录；请用 --auth 或 --auth-file 设置账号。",
            file=sys.stderr,
        )
    import serving

    if workers > 1:
        serving.check_shared(settings)  # before the first-start ingest: its vectors must go to the shared server
        ensure_documents(settings)  # once, before the workers start
        sys.exit(serving.supervise(workers, host, port, settings, auth or (), auth_file))
    ensure_documents(settings)
    _one_blas_thread()
    service = Service(settings)
    page = build(service).queue(default_concurrency_limit=CONCURRENCY)
    app = serving.create_app(service, page, launch_options(host, port, logins), logins)
    print(f"预算公开问答助手已启动：http://{host}:{port}" + ("（需要登录）" if logins else ""), file=sys.stderr)
    serving.run(app, host, port)


def _one_blas_thread() -> None:
    """Answers run on several threads (and workers on both cores); OpenBLAS's own threads under each
    query embedding oversubscribe the cores: on this 2-core machine a query vector took ~3× longer."""
    try:
        from threadpoolctl import threadpool_limits  # installed with sentence-transformers' scikit-learn
    except ImportError:
        return
    threadpool_limits(1)


def launch_options(host: str, port: int, logins: Accounts | None) -> dict[str, Any]:
    """What `launch` is given: never a public share link; a login when there are accounts; uploads capped."""
    return {
        "server_name": host,
        "server_port": port,
        "share": False,
        "auth": logins.check if logins else None,
        "auth_message": "请输入管理员分配的账号和密码。" if logins else None,
        "max_file_size": UPLOAD_CAP,
        "show_error": False,
        "quiet": True,
        "i18n": gr.I18n(**dict.fromkeys(UI_LOCALES, UI_WORDS)),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="预算公开问答助手（网页版）")
    add_serve_arguments(parser)
    parser.add_argument(
        "--workers", type=int, default=1, help="工作进程数（默认 1；多于 1 个时须设置 chromadb 服务器）"
    )
    parser.add_argument("--store", help="存储目录（默认读取 BUDGETQA_STORE，否则为 ./.budgetqa）")
    add_llm_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import (one line per index)
    try:
        serve(args.host, args.port, args.store, args.auth, args.auth_file, args.workers, llm_overrides(args))
    except AssistantError as e:
        print(str(e), file=sys.stderr)
        sys.exit(1)
    except Exception:
        log.exception("app failed to start")
        print(INTERNAL_ERROR, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
