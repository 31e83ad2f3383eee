"""The page's two checking tabs: 数据核对 (the internal consistency of a document) and 核对文字 (every
figure of a pasted text against the disclosures)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.audit_view import HEADERS, audit_rows
from assistant.records import Figure
from assistant.render import figure_rows
from assistant.web.boundary import guarded
from assistant.web.service import Service


@dataclass(frozen=True)
class ChecksTabs:
    """The components of the 数据核对 and 核对文字 tabs."""

    audit_doc: gr.Dropdown
    audit_btn: gr.Button
    audit_summary: gr.Markdown
    audit_table: gr.Dataframe
    draft: gr.Textbox
    check_btn: gr.Button
    check_table: gr.Dataframe


def layout(service: Service) -> ChecksTabs:
    """The two tabs' components, in a `gr.Blocks` being built."""
    with gr.Tab("数据核对"):
        first = service.documents()[0][1] if service.documents() else None
        audit_doc = gr.Dropdown(
            choices=service.documents(), value=first, label="选择文件", interactive=True, elem_id="audit-doc"
        )
        audit_btn = gr.Button("核对", elem_id="audit")
        audit_summary = gr.Markdown()
        audit_table = gr.Dataframe(  # the sentence says it; the columns after it keep the figures to sort by
            headers=HEADERS, interactive=False, wrap=True, elem_id="audit-table",
            column_widths=["9%", "30%", "8%", "26%", "9%", "9%", "9%"],
        )  # fmt: skip
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
    return ChecksTabs(
        audit_doc=audit_doc, audit_btn=audit_btn, audit_summary=audit_summary, audit_table=audit_table, draft=draft,
        check_btn=check_btn, check_table=check_table,
    )  # fmt: skip


def wire(service: Service, tabs: ChecksTabs) -> None:
    """Audit the chosen document; check the pasted text's figures."""
    audit_doc, audit_btn, audit_summary, audit_table = (
        tabs.audit_doc,
        tabs.audit_btn,
        tabs.audit_summary,
        tabs.audit_table,
    )
    draft, check_btn, check_table = tabs.draft, tabs.check_btn, tabs.check_table

    @guarded(_audit_error)
    def run_audit(doc_id: str) -> tuple[str, Any]:
        if not doc_id:
            return "⚠ 请先选择文件。", gr.update()
        summary, table = audit_rows(service.settings, doc_id)
        return summary, table

    audit_btn.click(run_audit, [audit_doc], [audit_summary, audit_table], api_visibility="private")

    @guarded(_check_error)
    def check_text(text: str) -> Any:
        engine = service.current()  # read once: a reload may replace it meanwhile
        figures: list[Figure] = engine.verify(text or "")
        return figure_rows(figures) or [["（没有找到数字）", "", "", "", ""]]

    check_btn.click(check_text, [draft], [check_table], api_visibility="private")


def _audit_error(message: str, args: Sequence[Any]) -> tuple[str, Any]:
    """run_audit's outputs when it failed: the message as the summary, the table as it was."""
    return f"⚠ {message}", gr.update()


def _check_error(message: str, args: Sequence[Any]) -> list[list[str]]:
    """check_text's outputs when it failed: the message in the first cell."""
    return [[f"⚠ {message}", "", "", "", ""]]
