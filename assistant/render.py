"""Presenting an Answer: figures marked in the text, the calculation-and-check trace, sources, table rows."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from assistant.knowledge import Knowledge
from assistant.records import Answer, Entry, Figure, ModelPart, Reading
from index.numbers import format_amount

MARK = {"verified": "✓", "derived": "🧮", "mismatch": "✗", "unknown": "⚠"}
VERDICT = {
    "verified": "✓ 与公开文件一致",
    "derived": "🧮 由计算得出",
    "mismatch": "✗ 与公开文件不符",
    "unknown": "⚠ 无法核对",
}


def _escape(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ")


def _place(source: str) -> str:
    """A figure's source without the words a prose fact keeps around its figure: that window starts
    mid-sentence ("2年“三公”经费…"); the whole sentence is quoted under 出处."""
    places = re.sub(r" · 「[^」]*」", "", source).split("；")
    return "；".join(dict.fromkeys(places))


def reading_markdown(answer: Answer) -> str:
    """The line of how the question was read, above the answer in the chat ("" when nothing was read)."""
    return f"*{answer.reading.line()}*\n\n" if answer.reading else ""


def mark_figures(answer: Answer) -> str:
    """The answer text with each checked figure in bold and its mark: **4,997 万元**✓."""
    if answer.refused or not answer.figures:
        return answer.text
    return _marked(answer.text, answer.figures)


def _marked(text: str, figures: Sequence[Figure]) -> str:
    out, at = [], 0
    for f in figures:
        i = text.find(f.text, at)
        if i < 0:
            continue
        out.append(text[at:i])
        out.append(f"**{f.text}**{MARK[f.verdict]}")
        at = i + len(f.text)
    out.append(text[at:])
    return "".join(out).replace("\n", "  \n")


def trace_markdown(answer: Answer) -> str:
    """Every figure with its verdict, source and (for derived figures) its calculation."""
    return _trace(answer.figures)


def _trace(figures: Sequence[Figure]) -> str:
    lines = ["| 数字 | 核对 | 出处 | 计算 |", "|---|---|---|---|"]
    seen = set()
    for f in figures:
        if (f.text, f.verdict, f.source) in seen:  # the same figure written twice (answer and calculation)
            continue
        seen.add((f.text, f.verdict, f.source))
        expected = f"（公开文件为 {format_amount(f.expected)}）" if f.expected is not None else ""
        lines.append(
            f"| {_escape(f.text)} | {VERDICT[f.verdict]}{expected} | {_escape(_place(f.source)) or '—'} | {_escape(f.expression) or '—'} |"
        )
    return "\n".join(lines)


# --- what an optional language model did ---


def model_banner(part: ModelPart, figures: bool = True) -> str:
    """One line above a model-drafted answer (`figures`: it has figures), or why the model's draft is not the answer."""
    if part.used and not figures:
        return f"🤖 由语言模型（{part.model}）根据检索到的原文草拟；其中没有数字，文字请对照出处中的原文。"
    if part.used:
        return f"🤖 由语言模型（{part.model}）用本系统的工具草拟；其中每个数字都已核对（✓ 与公开文件一致，🧮 由计算得出）。"
    return f"🤖 语言模型（{part.model}）：{part.note}"


def model_calls_markdown(part: ModelPart) -> str:
    """The model's tool calls in order: tool, arguments, what came back."""
    lines = [
        f"共 {len(part.calls)} 次工具调用，{part.rounds} 次请求，{part.tokens:,} 个 token，用时 {part.elapsed_ms / 1000:.1f} 秒。",
        "", "| # | 工具 | 参数 | 结果 |", "|---|---|---|---|",
    ]  # fmt: skip
    for n, c in enumerate(part.calls, 1):
        result = c.result if c.ok else f"✗ {c.result}"
        arguments = _escape(c.arguments).replace("`", "'")[:200]  # no backtick of the model's closes the code span
        lines.append(f"| {n} | {TOOL_NAMES.get(c.name, c.name)} | `{arguments}` | {_escape(result)[:300]} |")
    return "\n".join(lines)


def model_draft_markdown(part: ModelPart) -> str:
    """A draft that was not used, each figure marked with its verdict, and the verdicts' table."""
    text = _marked(part.draft, part.draft_figures)
    return f"{text}\n\n{_trace(part.draft_figures)}" if part.draft_figures else text


TOOL_NAMES = {
    "list_documents": "列出文件", "lookup_facts": "查询数字", "search_passages": "检索原文", "calculate": "计算",
}  # fmt: skip


def model_json(part: ModelPart) -> dict[str, Any]:
    return {
        "model": part.model, "used": part.used, "outcome": part.outcome, "note": part.note, "draft": part.draft,
        "draft_figures": [figure_json(f) for f in part.draft_figures],
        "tool_calls": [{"name": c.name, "arguments": c.arguments, "result": c.result, "ok": c.ok} for c in part.calls],
        "rounds": part.rounds, "tokens": part.tokens, "latency_ms": round(part.elapsed_ms, 2),
    }  # fmt: skip


def source_markdown(answer: Answer) -> str:
    if answer.refused:
        return "没有可引用的出处。"
    grouped: dict[str, list[str]] = {}
    for c in answer.citations:
        grouped.setdefault(c.where, []).append(c.text)
    lines = ["**出处**"]
    for where, quotes in grouped.items():
        lines.append(f"- {where}")
        # one quote per paragraph: consecutive "> " lines are one paragraph in Markdown, run together
        lines.append("\n  >\n".join(f"  > {q}" for q in dict.fromkeys(quotes)))
    return "\n".join(lines)


def table_rows(kb: Knowledge, answer: Answer) -> tuple[list[str], list[list[str]]]:
    """The printed rows behind an answer's figures, from the table of its first table figure, with that table's header."""
    first = next((f for f in answer.facts if f.table), None)
    if first is None:
        return [], []
    wanted = {(f.code, f.row) for f in answer.facts if f.table == first.table and f.doc_id == first.doc_id}
    columns: list[str] = []
    rows: dict[tuple[str | None, str], dict[str, str]] = {}
    pages: dict[tuple[str | None, str], int] = {}  # the PDF page each row is printed on (first print)
    for f in kb.facts_by_doc.get(first.doc_id, []):
        if f.doc_id == first.doc_id and f.table == first.table:
            if f.column not in columns:
                columns.append(f.column)
            if (f.code, f.row) in wanted:
                rows.setdefault((f.code, f.row), {})[f.column] = format_amount(f.value)
                if f.page:
                    pages.setdefault((f.code, f.row), f.page)
    used = [f.column for f in answer.facts if f.table == first.table]
    columns = list(dict.fromkeys([*used, *columns]))  # the columns the answer read come first
    title = kb.tables.get(first.doc_id, {}).get(first.table or "", "")
    coded = any(code for code, _ in rows)
    headers = ["表", *(["页"] if pages else []), *(["科目编码"] if coded else []), "项目", *columns]
    table = [
        [
            f"{first.table} {title}（{first.unit}）",
            *([f"第{pages[(code, row)]}页" if (code, row) in pages else ""] if pages else []),
            *([code or ""] if coded else []),
            row,
            *(cells.get(c, "") for c in columns),
        ]
        for (code, row), cells in rows.items()
    ]
    return headers, table


def figure_rows(figures: list[Figure]) -> list[list[str]]:
    """Rows for a verification table: figure, verdict, the disclosure's value, source, calculation."""

    def value(v: Decimal | None, unit: str) -> str:
        return "" if v is None else f"{format_amount(v)}{'%' if unit == '%' else ' ' + unit}"

    return [
        [f.text, VERDICT[f.verdict], value(f.expected, f.expected_unit), _place(f.source), f.expression]
        for f in figures
    ]


# --- answers across documents: one line per document ---

ENTRY_HEADERS = ["排名", "部门", "年度", "类别", "数值", "单位", "出处", "说明"]


def entry_rows(answer: Answer) -> list[list[Any]]:
    """The lines of an answer across documents, as a table: numbers as numbers, so that columns sort."""
    return [
        [e.rank if e.rank is not None else "", e.department, e.year, e.kind,
         "" if e.value is None else number(e.value), e.unit, e.source, _entry_note(e)]
        for e in answer.entries
    ]  # fmt: skip


def _entry_note(e: Entry) -> str:
    parts = [e.note, f"原文 {e.printed}" if e.printed else "", e.expression]
    return "；".join(p for p in parts if p)


def entries_csv(answer: Answer) -> str:
    """The lines of an answer across documents as CSV (UTF-8 with BOM, so that Excel reads the Chinese)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([f"问题：{answer.question}"])
    writer.writerow([f"指标：{answer.metric}", answer.covered])
    writer.writerow(ENTRY_HEADERS)
    for row in entry_rows(answer):
        writer.writerow(row)
    return out.getvalue()


def bars_html(items: Sequence[tuple[str, Decimal, str]], title: str) -> str:
    """A horizontal bar chart in HTML: one bar per item, largest first, each with its full name and figure.

    Names are never rotated or cut (a vertical bar chart's axis runs long Chinese names together);
    bars of negative figures are drawn from the same origin in another colour.
    """
    shown = sorted(items, key=lambda i: i[1], reverse=True)
    top = max((abs(v) for _, v, _ in shown), default=Decimal(0)) or Decimal(1)
    rows = []
    for name, value, unit in shown:
        width = float(abs(value) / top * 100)
        colour = "#c0504d" if value < 0 else "#4f81bd"
        figure = f"{format_amount(value)}{'%' if unit == '%' else ' ' + unit}"
        rows.append(
            '<div class="bar-row" style="display:flex;align-items:center;gap:8px;margin:3px 0">'
            f'<div class="bar-label" style="flex:0 0 38%;text-align:right;font-size:13px;line-height:1.3">{html.escape(name)}</div>'
            '<div style="flex:1;display:flex;align-items:center;gap:6px">'
            f'<div class="bar" style="height:16px;width:{width:.2f}%;min-width:1px;background:{colour};border-radius:2px"></div>'
            f'<span class="bar-value" style="font-size:12px;white-space:nowrap">{html.escape(figure)}</span></div></div>'
        )
    return (
        f'<div class="bars" role="img" aria-label="{html.escape(title)}">'
        f'<div style="font-weight:600;margin-bottom:6px">{html.escape(title)}</div>{"".join(rows)}</div>'
    )


def entry_bars(answer: Answer) -> str:
    """The chart of an answer across documents: each department's figure (those without it are not drawn)."""
    unit = next((e.unit for e in answer.entries if e.value is not None), "")
    items = [(e.department, e.value, e.unit) for e in answer.entries if e.value is not None]
    return bars_html(items, f"{answer.metric}（{'%' if unit == '%' else unit}）")


# --- JSON shapes (DESIGN.md: the `ask` and `verify` contracts) ---


def number(value: Decimal) -> int | float:
    """A Decimal as a JSON number: integers stay integers."""
    return int(value) if value == value.to_integral_value() else float(value)


def figure_json(f: Figure) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": f.text, "value": number(f.value), "unit": f.unit, "verdict": f.verdict, "source": f.source,
        "expression": f.expression,
    }  # fmt: skip
    if f.expected is not None:
        data["expected"] = number(f.expected)
        data["expected_unit"] = f.expected_unit
    return data


def answer_json(a: Answer) -> dict[str, Any]:
    return {
        "question": a.question, "text": a.text, "refused": a.refused,
        "value": None if a.value is None else number(a.value), "unit": a.unit,
        "figures": [figure_json(f) for f in a.figures],
        "citations": [{"doc_id": c.doc_id, "where": c.where, "text": c.text} for c in a.citations],
        "latency_ms": round(a.timings.get("total_ms", 0.0), 2),
        "choices": list(a.choices),  # "which department?": the names to answer with; [] otherwise
        "rows": [entry_json(e) for e in a.entries],  # across documents: one per document, in the answer's order
        "metric": a.metric,
        "covered": a.covered,
        "model": model_json(a.model) if a.model else None,  # what a configured language model did; None: not asked
        "reading": reading_json(a.reading) if a.reading else None,  # how the question was read; None: refused
    }  # fmt: skip


def reading_json(r: Reading) -> dict[str, Any]:
    return {
        "line": r.line(), "asked": r.asked, "departments": list(r.departments), "documents": list(r.documents),
        "subject": r.subject, "path": list(r.path), "column": r.column, "measure": r.measure,
        "operations": list(r.operations), "threshold": r.threshold,
    }  # fmt: skip


def entry_json(e: Entry) -> dict[str, Any]:
    return {
        "rank": e.rank, "department": e.department, "year": e.year, "kind": e.kind, "doc_id": e.doc_id,
        "value": None if e.value is None else number(e.value), "unit": e.unit, "source": e.source,
        "printed": e.printed, "expression": e.expression, "note": e.note,
    }  # fmt: skip
