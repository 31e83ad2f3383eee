"""The department of a question that names none but writes a 科目编码 with its name ("2013950 事业运行2024年决算是多
少", "行政运行（2010801）", "212 01 01 行政运行" with the code's 类/款/项 parts apart): the one department whose tables print that code with that name, in the year asked and,
when the question says 决算, in a 决算. Several departments printing it (or none): no scope is found here, and the
question is asked back as any question naming no department."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from assistant.knowledge import norm
from index.records import DocumentInfo

CODE = re.compile(r"(?<![\d.])(\d{7}|\d{5}|\d{3})(?![\d.%])")  # 类 201, 款 20139, 项 2013950 (功能分类)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_MARKS = re.compile(r"[\s（）()【】\[\]:：·、\-—]")
_SPACED = re.compile(r"(?<![\d.])(\d{3})[ \-](\d{2})(?:[ \-](\d{2}))?(?![\d.%])")  # "212 01 01": 类, 款, 项 apart

PrintedWithCode = Callable[[Sequence[str]], list[tuple[str, str, str]]]


def _with_name(squeezed: str, code: str, row: str) -> bool:
    """The question writes the code right beside the row's own name ("2013950事业运行", "事业运行2013950")."""
    name = _MARKS.sub("", norm(row))
    return bool(name) and (f"{code}{name}" in squeezed or f"{name}{code}" in squeezed)


def coded_scope(text: str, docs: Mapping[str, DocumentInfo], printed_with: PrintedWithCode) -> list[str]:
    """The documents of the one department whose tables print a code the text writes with its name (and the
    year asked; a 决算 when 决算 is asked); [] when none or several departments do."""
    text = _SPACED.sub(lambda m: "".join(g for g in m.groups() if g), text)
    codes = sorted(set(CODE.findall(text)))
    if not codes:
        return []
    squeezed = _MARKS.sub("", norm(text))
    printing = {d for d, code, row in printed_with(codes) if d in docs and _with_name(squeezed, code, row)}
    if years := {int(y) for y in _YEAR.findall(text)}:
        printing = {d for d in printing if docs[d].year in years}
    if "决算" in text:
        printing = {d for d in printing if docs[d].kind == "决算"}  # a 预算 prints no 决算 of the code
    departments = {docs[d].department for d in printing}
    if len(departments) != 1:
        return []
    return [d for d, info in docs.items() if info.department in departments]


def of_years(text: str, docs: Mapping[str, DocumentInfo]) -> dict[str, DocumentInfo]:
    """The documents of the years the text writes, and of the year after (whose documents print it as 上年):
    "社会组织管理（项）2023年预算比2022年执行数" narrows the store to what can print those years. Empty when the text
    writes no year, or the years leave every document or none (nothing narrowed)."""
    years = {int(y) for y in _YEAR.findall(text)}
    if not years:
        return {}
    kept = {d: info for d, info in docs.items() if info.year in years or info.year - 1 in years}
    return kept if 0 < len(kept) < len(docs) else {}


def with_department(found: Sequence[str], docs: Mapping[str, DocumentInfo]) -> list[str]:
    """Every document of the departments of the documents `found` (the scope is a department, all its years)."""
    departments = {docs[d].department for d in found}
    return [d for d, info in docs.items() if info.department in departments]
