"""Questions about the store's documents themselves: "库里有几个民政局的文件？" (the 民政局 loaded, counted and
listed), "库中有哪些普陀的单位的公开文件", "库里一共有几份文件". The answer is read from the documents' own records
(department, year, 预算/决算), so it shows no figure of a disclosure; a department word that matches no loaded
department is answered as none loaded, by name. Anything else (a figure asked of the documents) is None.

The words are data (assistant/inventory.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from assistant.cues import alternation
from assistant.departments import _in_order
from assistant.places import ORG_ENDINGS, said
from assistant.records import Answer
from index.records import DocumentInfo


@cache
def _words() -> dict[str, Any]:
    return dict(tomllib.loads(files("assistant").joinpath("inventory.toml").read_text(encoding="utf-8")))


@cache
def _pattern() -> re.Pattern[str]:
    """The store, a count or list word, what is counted, the documents, the question's end."""
    w = _words()
    asked = alternation([*w["documents_counted"], *w["departments_counted"], *w["listed"]])
    return re.compile(
        rf"(?:{alternation(w['store'])})(?:一共|总共|共|现在|目前|都)?(?:有|存有|放了|导入了)?"
        rf"(?:一共|总共|共)?(?P<asked>{asked})(?P<what>[^，,。？?！!；;]{{0,20}}?)的?"
        rf"(?:{alternation(w['documents'])})\s*(?:呢|啊)?\s*[？?。]?\s*$"
    )


def asked(question: str) -> tuple[str, str] | None:
    """(the count or list word, the words naming what documents) of a question about the store's documents."""
    m = _pattern().search(question.strip())
    return (m["asked"], m["what"]) if m else None


def _of(what: str, docs: Sequence[DocumentInfo], named: Mapping[str, str]) -> list[str] | str | None:
    """The departments `what` names (in the store's order): those named, those of a place said, every one when it
    says none or only a generic word; a department's kind word that matches none (str: the word); else None."""
    held = list(dict.fromkeys(d.department for d in docs))
    if named:
        return [d for d in held if d in named]
    rest, found = what, set(held)
    for place in said(what, held):
        found &= place.departments
        rest = rest.replace(what[place.start : place.end], "")
    rest = rest.strip("的 ")
    if rest in ("", *_words()["generic"]) or re.fullmatch(rf"(?:{alternation(_words()['generic'])})", rest):
        return [d for d in held if d in found]
    if re.fullmatch(rf"[\u4e00-\u9fff]{{1,8}}(?:{ORG_ENDINGS})", rest) and not any(_in_order(rest, d) for d in held):
        return rest  # "教育局": a kind of department none loaded; "交委" may shorten 交通委员会: not said to be none
    return None


def inventory(question: str, docs: Sequence[DocumentInfo], named: Callable[[str], dict[str, str]]) -> Answer | None:
    """The store's documents a question asks about, counted and listed (see the module), or None."""
    found = asked(question)
    if found is None or not docs:
        return None
    word, what = found
    departments = _of(what, docs, named(what) if what else {})
    if departments is None:
        return None
    if isinstance(departments, str):
        text = f"库中没有{departments}的公开文件（0 个）。库中的部门：{'、'.join(dict.fromkeys(d.department for d in docs))}。"
        return Answer(question=question, text=text, refused=False, value=Decimal(0), unit="个")
    held = [d for d in docs if d.department in departments]
    held.sort(key=lambda d: (departments.index(d.department), -d.year, d.kind))
    by_documents = word in _words()["documents_counted"]
    n = len(held) if by_documents else len(departments)
    said_as = what.strip("的 ") or ("" if by_documents else "部门")
    head = (
        f"库中有 {len(held)} 份{said_as + '的' if said_as else ''}公开文件（{len(departments)} 个部门）："
        if by_documents
        else f"库中有 {len(departments)} 个{said_as}的公开文件（共 {len(held)} 份）："
    )
    lines = [f"- {d.department}：{d.year}年{d.kind}（{d.title or d.filename}）" for d in held]
    return Answer(
        question=question,
        text="\n".join([head, *lines]),
        refused=False,
        value=Decimal(n),
        unit="个" if not by_documents else "份",
    )
