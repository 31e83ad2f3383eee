"""The page's 问答 tab: the conversation, its scope, and what an answer brings besides its text (the
table rows, a chart, the lines of an answer across departments with their CSV); and the page's API
endpoints that answer (`/ask`, `/chat`)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from assistant.records import Answer, Within
from assistant.render import (
    ENTRY_HEADERS,
    answer_json,
    bars_html,
    entries_csv,
    entry_bars,
    entry_rows,
    mark_figures,
    model_banner,
    model_calls_markdown,
    model_draft_markdown,
    reading_markdown,
    source_markdown,
    table_rows,
    trace_markdown,
)
from assistant.web.boundary import guarded
from assistant.web.service import Service

ALL = "全部文件"


@dataclass(frozen=True)
class ChatTab:
    """The 问答 tab's components."""

    scope: gr.Dropdown
    pick_departments: gr.Dropdown
    pick_years: gr.CheckboxGroup
    pick_kinds: gr.CheckboxGroup
    chat: gr.Chatbot
    picker: gr.Radio
    box: gr.Textbox
    send: gr.Button
    clear: gr.Button
    sources: gr.Markdown
    rows: gr.Dataframe
    plot: gr.HTML
    entries: gr.Dataframe
    download: gr.DownloadButton


def layout(service: Service) -> ChatTab:
    """The tab's components, in a `gr.Blocks` being built."""
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
                pick_years = gr.CheckboxGroup(choices=service.years(), label="年度", elem_id="scope-years", scale=1)
                pick_kinds = gr.CheckboxGroup(choices=["预算", "决算"], label="类别", elem_id="scope-kinds", scale=1)
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="对话", height=520, elem_id="chat", buttons=["copy"], feedback_options=None)
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
                gr.Examples(examples(service) or ["今年总共要花多少钱？"], inputs=box, label="示例问题（点击填入）")
                clear = gr.Button("清空对话")
            with gr.Column(scale=2):
                sources = gr.Markdown("出处会显示在这里。", elem_id="sources")
                rows = gr.Dataframe(label="表格原行", visible=False, interactive=False, wrap=True, elem_id="rows")
                plot = gr.HTML(visible=False, elem_id="chart")  # horizontal bars: full names, sorted
                entries = gr.Dataframe(
                    headers=ENTRY_HEADERS, label="各部门数字（点击表头排序）", visible=False, interactive=False,
                    wrap=True, elem_id="entries",
                )  # fmt: skip
                download = gr.DownloadButton("下载 CSV", visible=False, elem_id="csv")

    return ChatTab(
        scope=scope, pick_departments=pick_departments, pick_years=pick_years, pick_kinds=pick_kinds, chat=chat,
        picker=picker, box=box, send=send, clear=clear, sources=sources, rows=rows, plot=plot, entries=entries,
        download=download,
    )  # fmt: skip


def wire(service: Service, tab: ChatTab, answers: gr.State) -> None:
    """What the tab does: answer a question (typed, an example, a picked name), clear the conversation; and
    the page's API endpoints `/ask` (one question) and `/chat` (a turn of a conversation)."""
    scope, pick_departments, pick_years, pick_kinds = tab.scope, tab.pick_departments, tab.pick_years, tab.pick_kinds
    chat, picker, box, send, clear = tab.chat, tab.picker, tab.box, tab.send, tab.clear
    sources, rows, plot, entries, download = tab.sources, tab.rows, tab.plot, tab.entries, tab.download

    @guarded(_chat_error)
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
            history.append(gr.ChatMessage(role="assistant", content=model_banner(answer.model, bool(answer.figures))))
        history.append(gr.ChatMessage(role="assistant", content=reading_markdown(answer) + mark_figures(answer)))
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
            gr.update(value=pd.DataFrame(table, columns=headers), visible=True) if table else gr.update(visible=False)
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

    @guarded()
    def ask_api(question: str) -> str:
        """Answer one question (no conversation) and return the answer text."""
        return service.current().answer(question).text

    gr.api(ask_api, api_name="ask")

    @guarded(_chat_api_error)
    def chat_api(question: str, doc_id: str, session: list[Answer]) -> tuple[dict[str, Any], list[Answer]]:
        """One turn of a conversation, as `budgetqa ask --json` prints it; follow-ups refer to this
        session's earlier questions only. `doc_id` ("" for all documents) scopes the question."""
        engine = service.current()  # read once: a reload may replace it meanwhile
        answer = engine.answer((question or "").strip(), session, doc_id=service.resolve(engine, doc_id))
        return answer_json(answer), [*session, answer][-20:]  # with "choices" (the names to answer "which one?")

    api_in = [gr.Textbox(visible=False), gr.Textbox(visible=False)]
    api_out = gr.JSON(visible=False)
    gr.Button(visible=False).click(chat_api, [*api_in, answers], [api_out, answers], api_name="chat")


def _chat_error(message: str, args: Sequence[Any]) -> tuple[Any, ...]:
    """respond's outputs when it failed: the message as the assistant's reply to the question."""
    chat = [
        *list(args[1] or []),
        gr.ChatMessage(role="user", content=args[0]),
        gr.ChatMessage(role="assistant", content=f"⚠ {message}"),
    ]
    hidden = gr.update(visible=False)
    return chat, args[2], "", hidden, hidden, "", hidden, hidden, hidden  # as many as respond's outputs


def _chat_api_error(message: str, args: Sequence[Any]) -> tuple[dict[str, Any], Any]:
    """chat_api's outputs when it failed: a refusal carrying the message, the session as it was."""
    return {"question": args[0], "text": f"⚠ {message}", "refused": True, "error": True, "choices": []}, args[2]


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
    folder = Path(tempfile.mkdtemp(prefix="budgetqa-csv-"))
    path = folder / "各部门数字.csv"
    path.write_text(entries_csv(answer), encoding="utf-8")
    return str(path)
