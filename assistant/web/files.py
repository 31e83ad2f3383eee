"""The page's 文件 tab: the documents in the store, and an upload with what the user confirms about it
(also the page's API endpoint `/ingest`); and the page's lists of documents kept up to date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.errors import AssistantError
from assistant.web.boundary import guarded
from assistant.web.chat import ALL, ChatTab
from assistant.web.service import EXISTS, Service
from index.identify import confirmation, identified_line
from index.ingest import IngestResult
from index.load import MAX_BYTES, MAX_PDF_BYTES, megabytes


@dataclass(frozen=True)
class FilesTab:
    """The 文件 tab's components."""

    docs_md: gr.Markdown
    upload: gr.File
    confirm_department: gr.Textbox
    confirm_year: gr.Textbox
    confirm_kind: gr.Dropdown
    do_ingest: gr.Button
    status: gr.Markdown


def layout(service: Service) -> FilesTab:
    """The tab's components, in a `gr.Blocks` being built."""
    with gr.Tab("文件"):
        docs_md = gr.Markdown(_docs_markdown(service))
        upload = gr.File(
            label=(
                f"上传公开文件（PDF 不超过 {megabytes(MAX_PDF_BYTES)}；"
                f".txt / .md 文本，UTF-8 或 GB18030，不超过 {megabytes(MAX_BYTES)}）"
            ),
            # no file_types: gradio's own check answers in English; upload_file says it in Chinese
            file_count="multiple",
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
    return FilesTab(
        docs_md=docs_md, upload=upload, confirm_department=confirm_department, confirm_year=confirm_year,
        confirm_kind=confirm_kind, do_ingest=do_ingest, status=status,
    )  # fmt: skip


def wire(service: Service, tab: FilesTab, chat: ChatTab, audit_doc: gr.Dropdown, page: gr.Blocks) -> None:
    """Ingest an upload, then show the documents now in the store in every list of them (the scope picker,
    the audit's selector, the file list); the lists are read again whenever the page is loaded."""
    scope, pick_departments, pick_years, samples = chat.scope, chat.pick_departments, chat.pick_years, chat.samples
    docs_md, upload, do_ingest, status = tab.docs_md, tab.upload, tab.do_ingest, tab.status
    confirm_department, confirm_year, confirm_kind = tab.confirm_department, tab.confirm_year, tab.confirm_kind

    @guarded()
    def upload_file(
        uploaded: Any,
        department: str | None = None,  # what the user confirms (the page's boxes; optional in the API)
        year: str | None = None,
        kind: str | None = None,
        progress: gr.Progress = gr.Progress(),  # noqa: B008 (gradio injects it)
    ) -> str:
        """Ingest the uploaded files one after another, with what the user confirmed; the message says what
        happened to each and where its department, year and kind were read, in Chinese."""
        chosen = [f for f in (uploaded if isinstance(uploaded, list) else [uploaded]) if f]
        if not chosen:
            return "⚠ 请先选择要上传的文件。"
        given = confirmation(department, year, kind)
        if given is not None and len(chosen) > 1:
            return "⚠ 填写了部门、年度或预算/决算时，请一次只上传一个文件（所填信息只适用于一个文件）。"
        said = []
        for i, file in enumerate(chosen):
            path = Path(file if isinstance(file, str) else file.name)  # gradio's own copy, under its cache folder
            ahead = f"（第 {i + 1}/{len(chosen)} 个文件）" if len(chosen) > 1 else ""

            def step(fraction: float, what: str, i: int = i, ahead: str = ahead) -> None:
                progress((i + fraction) / len(chosen), desc=what + ahead)

            try:
                said.append(_outcome(service.ingest(path, step, given)))
            except AssistantError as e:  # one unreadable file does not stop the others
                said.append(f"⚠ {e}")
        return "\n\n".join(said)

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
            gr.update(samples=[[q] for q in service.examples()]),
        )

    def refresh(audited: str | None) -> tuple[Any, ...]:
        """New documents in the selectors; the upload box cleared for the next file."""
        return (*listed(audited), None)

    confirmed = [confirm_department, confirm_year, confirm_kind]
    do_ingest.click(upload_file, [upload, *confirmed], [status], api_visibility="private").then(
        refresh,
        [audit_doc],
        [scope, audit_doc, docs_md, pick_departments, pick_years, samples, upload],
        api_visibility="private",
    )
    # the API endpoint `/ingest` takes one file, as before the page took several: a hidden single-file box
    one = gr.File(visible=False)
    said = gr.Markdown(visible=False)
    gr.Button(visible=False).click(upload_file, [one, *confirmed], [said], api_name="ingest").then(
        refresh, [audit_doc], [scope, audit_doc, docs_md, pick_departments, pick_years, samples, one],
        api_visibility="private",
    )  # fmt: skip
    page.load(
        listed,
        [audit_doc],
        [scope, audit_doc, docs_md, pick_departments, pick_years, samples],
        api_visibility="private",
    )


def _outcome(result: IngestResult) -> str:
    """What happened to one uploaded file, in Chinese."""
    skipped = "".join(f"\n\n⚠ {w}" for w in result.warnings)
    read = f"\n\n识别：{identified_line(dict(result.identity.sources))}" if result.identity.sources else ""
    if result.status == "exists":
        return f"ℹ {EXISTS.format(title=result.title, name=result.name)}" + read + skipped
    if result.status == "updated":
        return f"✓ 已按填写的信息重新入库：{result.title}（{result.n_facts} 条数据）。" + read + skipped
    return (
        f"✓ 已导入：{result.title}（{result.n_facts} 条数据）。可以在“问答”中提问了。"
        "如部门、年度或预算/决算有误，填写上方对应一栏后再点“导入”。" + read + skipped
    )


def _docs_markdown(service: Service) -> str:
    docs = sorted(service.engine.kb.docs.values(), key=lambda d: (d.year, d.department))
    if not docs:
        return "库中还没有文件。"
    lines = [f"- {d.title}（单位：{d.unit}，编号 {d.doc_id[:12]}）" for d in docs]
    return "**库中的公开文件**\n" + "\n".join(lines)
