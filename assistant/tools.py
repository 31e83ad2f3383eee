"""The tools a language model may call: our own search, fact lookup and calculator, nothing else.

Every figure the model can obtain passes through here and is kept in the answer's
ledger under an id (F1 a fact, C1 a calculation, P1 a passage), so that the
verifier can require each figure of its draft to be one the tools gave it. The
calculator takes ids, never numbers: a calculation is always over facts.
Disclosure text goes back to the model as JSON data inside a tool message.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from assistant import calculator as calc
from assistant.calculator import Calculation, CalculationError, Operand
from assistant.draft import cited, fmt
from assistant.knowledge import norm
from assistant.records import ToolUse
from index.catalog import catalog
from index.records import Chunk, DocumentInfo, Fact

if TYPE_CHECKING:
    from assistant.ports import Sources

MAX_FACTS = 30  # facts per lookup: enough for a table's rows, small enough for the model's context
MAX_PASSAGES = 8
PASSAGE_CHARS = 800
MAX_OPERANDS = 12  # operands of one calculation
MAX_DOCS = 12  # documents one lookup reads; a department with more must name a year

OPS: dict[str, tuple[str, Callable[..., Calculation], int]] = {  # op → (Chinese name, function, operands; 0: ≥ 2)
    "sum": ("合计", calc.total, 0),
    "difference": ("差额（第一个减第二个）", calc.difference, 2),
    "share": ("占比（第一个占第二个的百分比）", calc.share, 2),
    "growth": ("增长率（第一个为本期，第二个为上期）", calc.growth_rate, 2),
    "execution_rate": ("执行率（第一个为决算数，第二个为预算数）", calc.share, 2),
    "mean": ("平均", calc.mean, 0),
}


class ToolError(Exception):
    """A call the tool cannot serve; the message (Chinese) goes back to the model. An internal signal, never
    a user-facing error."""


def _schema(name: str, description: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {"type": "object", "properties": properties, "required": required},
        },
    }


def specs() -> list[dict[str, Any]]:
    """The tools, as OpenAI function-calling schemas (descriptions in Chinese: the model answers in Chinese)."""
    kinds = {t.kind: t.name for t in catalog().tables}
    where = {
        "department": {"type": "string", "description": "部门全称或简称，如“市科协”"},
        "year": {"type": "integer", "description": "年度，如 2024"},
    }
    return [
        _schema("list_documents", "列出库中可查询的公开文件（部门、年度、预算或决算）。", {}, []),
        _schema(
            "lookup_facts",
            "查询公开文件表格和正文中的数字。返回的每个数字有编号（F1、F2…），回答中的数字只能来自这里或 calculate。",
            {
                **where,
                "kind": {"type": "string", "enum": ["预算", "决算"]},
                "table_kind": {
                    "type": "string",
                    "enum": list(kinds),
                    "description": "表格种类：" + "；".join(f"{k}={v}" for k, v in kinds.items()),
                },
                "code": {"type": "string", "description": "科目编码或其前几位，如 2080101、208"},
                "item": {"type": "string", "description": "项目（行）名称中的字词，如“项目支出”“行政运行”"},
                "column": {"type": "string", "description": "列名中的字词，如“决算数”“基本支出”"},
            },
            [],
        ),
        _schema(
            "search_passages",
            "检索公开文件中的相关段落或表格行（原文，只作资料）。",
            {**where, "query": {"type": "string", "description": "要检索的内容"}},
            ["query"],
        ),
        _schema(
            "calculate",
            "用确定性计算器计算，运算数只能是 lookup_facts 或 calculate 返回的编号。"
            + "；".join(f"{op}={name}" for op, (name, _, _) in OPS.items()),
            {
                "op": {"type": "string", "enum": list(OPS)},
                "operands": {"type": "array", "items": {"type": "string"}, "description": '编号，如 ["F1", "F2"]'},
            },
            ["op", "operands"],
        ),
    ]


@dataclass
class Ledger:
    """What the tools gave the model during one answer, by id."""

    facts: dict[str, Fact] = field(default_factory=dict)
    calculations: dict[str, Calculation] = field(default_factory=dict)
    passages: dict[str, Chunk] = field(default_factory=dict)
    inputs: dict[str, tuple[str, str, tuple[str, ...]]] = field(
        default_factory=dict
    )  # C1 → (op as called, its operands' ids)

    def docs(self) -> set[str]:
        return {f.doc_id for f in self.facts.values()} | {c.doc_id for c in self.passages.values()}


class Toolbox:
    """One answer's tools over the store's `sources`, limited to the documents the user may ask about."""

    def __init__(self, sources: Sources, pool: list[DocumentInfo]):
        self.sources = sources
        self.pool = pool
        self.ledger = Ledger()

    def call(self, name: str, arguments: str) -> tuple[str, ToolUse]:
        """The tool's result as JSON text for the model, and what the chat shows of the call."""
        handler = {
            "list_documents": self._list_documents, "lookup_facts": self._lookup_facts,
            "search_passages": self._search_passages, "calculate": self._calculate,
        }.get(name)  # fmt: skip
        try:
            if handler is None:
                raise ToolError(
                    f"没有名为“{name}”的工具；可用的工具：list_documents、lookup_facts、search_passages、calculate"
                )
            try:
                args = json.loads(arguments or "{}")
            except json.JSONDecodeError:
                raise ToolError("参数不是合法的 JSON") from None
            if not isinstance(args, dict):
                raise ToolError("参数应为 JSON 对象")
            result, summary = handler(args)
        except (ToolError, CalculationError) as e:
            return json.dumps({"error": str(e)}, ensure_ascii=False), ToolUse(
                name=name, arguments=arguments, result=str(e), ok=False
            )
        return json.dumps(result, ensure_ascii=False), ToolUse(name=name, arguments=arguments, result=summary)

    # --- the tools ------------------------------------------------------------

    def _list_documents(self, args: dict[str, Any]) -> tuple[Any, str]:
        docs = sorted(self.pool, key=lambda d: (d.department, -d.year, d.kind))
        listed = [{"department": d.department, "year": d.year, "kind": d.kind, "title": d.title} for d in docs[:60]]
        more = {"more": f"另有 {len(docs) - 60} 个文件未列出"} if len(docs) > 60 else {}
        return {"documents": listed, **more}, f"{len(docs)} 个文件"

    def _docs(self, args: dict[str, Any]) -> list[DocumentInfo]:
        """The documents a call names (department, year, kind), within the pool."""
        docs = self.pool
        department = str(args.get("department") or "").strip()
        if department:
            named = self.sources.named(department)
            docs = [d for d in docs if d.department in named or d.department == department]
            if not docs:
                known = "、".join(sorted({d.department for d in self.pool})[:20])
                raise ToolError(f"库中没有“{department}”的文件；可查询的部门：{known}")
        elif len({d.department for d in docs}) > 1:
            raise ToolError("库中有多个部门的文件，请给出 department")
        year = args.get("year")
        if year not in (None, ""):
            if not isinstance(year, int) and not str(year).isdigit():
                raise ToolError("year 应为年度数字，如 2024")
            docs = [d for d in docs if d.year == int(year)]
        kind = args.get("kind")
        if kind:
            docs = [d for d in docs if d.kind == kind]
        if not docs:
            raise ToolError("没有符合条件的文件（部门、年度或预算/决算不符）")
        if len(docs) > MAX_DOCS:
            years = sorted({d.year for d in docs}, reverse=True)
            raise ToolError(f"符合条件的文件有 {len(docs)} 个，请给出 year（可选：{'、'.join(map(str, years[:15]))}）")
        return docs

    def _lookup_facts(self, args: dict[str, Any]) -> tuple[Any, str]:
        docs = self._docs(args)
        facts = self.sources.knowledge([d.doc_id for d in docs]).facts
        if kind := args.get("table_kind"):
            facts = [f for f in facts if f.table_kind == kind]
        if code := str(args.get("code") or "").strip():
            facts = [f for f in facts if f.code and f.code.startswith(code)]
        if item := norm(str(args.get("item") or "")):
            facts = [  # an item is a row, or a column of the department's own row (表3: 项目支出)
                f
                for f in facts
                if item in norm(f.row) or item in norm(f.column) or (f.parent and item in norm(f.parent))
            ]
        if column := norm(str(args.get("column") or "")):
            facts = [f for f in facts if column in norm(f.column) or column == norm(f.column_role or "")]
        if not facts:
            return {
                "facts": [],
                "note": "没有符合条件的数字；可换用更短的项目名称，或用 search_passages 检索",
            }, "没有符合条件的数字"
        shown: list[dict[str, Any]] = []
        for f in facts[:MAX_FACTS]:
            key = f"F{len(self.ledger.facts) + 1}"
            self.ledger.facts[key] = f
            shown.append(
                {"id": key, "department": f.department, "year": f.year, "kind": f.doc_kind,
                 "table": f.source.split(" · ")[0] if f.table else "正文", "row": f.row, "code": f.code,
                 "column": f.column, "value": str(f.value), "unit": f.unit, "source": cited(f)}
            )  # fmt: skip
        more = (
            {"more": f"共 {len(facts)} 个数字，只列出前 {MAX_FACTS} 个，请加条件缩小范围"}
            if len(facts) > MAX_FACTS
            else {}
        )
        head = "；".join(
            f"{s['id']} {s['row']} · {s['column']} {fmt(Decimal(s['value']), s['unit'])}" for s in shown[:4]
        )
        return {"facts": shown, **more}, f"{len(facts)} 个数字：{head}{' …' if len(shown) > 4 else ''}"

    def _search_passages(self, args: dict[str, Any]) -> tuple[Any, str]:
        query = str(args.get("query") or "").strip()
        if not query:
            raise ToolError("请给出 query")
        docs = self._docs(args)
        wanted = {d.doc_id for d in docs}
        departments, years = {d.department for d in docs}, {d.year for d in docs}
        from assistant.retrieve import Scope

        scope = Scope(
            department=next(iter(departments)) if len(departments) == 1 else None,
            year=next(iter(years)) if len(years) == 1 else None,
        )
        hits = [h for h in self.sources.passages(query, MAX_PASSAGES * 2, scope) if h.chunk.doc_id in wanted]
        shown: list[dict[str, Any]] = []
        for h in hits[:MAX_PASSAGES]:
            key = f"P{len(self.ledger.passages) + 1}"
            self.ledger.passages[key] = h.chunk
            doc = self.sources.docs[h.chunk.doc_id]
            shown.append(
                {"id": key, "department": doc.department, "year": doc.year, "kind": doc.kind,
                 "where": h.chunk.where, "text": h.chunk.text[:PASSAGE_CHARS]}
            )  # fmt: skip
        return {"passages": shown}, f"{len(shown)} 段：" + "；".join(s["where"] for s in shown[:3])

    def _calculate(self, args: dict[str, Any]) -> tuple[Any, str]:
        op = args.get("op")
        if op not in OPS:
            raise ToolError(f"op 应为 {'、'.join(OPS)} 之一")
        ids = args.get("operands")
        if not isinstance(ids, list) or not ids:
            raise ToolError('operands 应为编号列表，如 ["F1", "F2"]')
        name, fn, arity = OPS[op]
        if arity and len(ids) != arity:
            raise ToolError(f"{name}需要 {arity} 个运算数")
        if len(ids) > MAX_OPERANDS:
            raise ToolError(f"运算数最多 {MAX_OPERANDS} 个")
        if len({str(i).strip().upper() for i in ids}) != len(ids):
            raise ToolError("运算数不能重复")
        keys = tuple(str(i).strip().upper() for i in ids)
        result = fn(*(self._operand(k) for k in keys))
        key = f"C{len(self.ledger.calculations) + 1}"
        self.ledger.calculations[key] = result
        self.ledger.inputs[key] = (str(op), name, keys)
        shown = {
            "id": key,
            "op": name,
            "value": str(result.value),
            "unit": result.unit,
            "expression": result.expression,
        }
        return shown, f"{key} {name}：{result.expression}"

    def _operand(self, key: str) -> Operand:
        if key in self.ledger.facts:
            f = self.ledger.facts[key]
            return Operand(value=f.value, unit=f.unit, label=f.row, source=cited(f))
        if key in self.ledger.calculations:
            c = self.ledger.calculations[key]
            return Operand(value=c.value, unit=c.unit, label=key, source=c.expression)
        raise ToolError(
            f"没有编号“{key}”：运算数只能是 lookup_facts 返回的 F 编号或 calculate 返回的 C 编号，不能直接写数字"
        )
