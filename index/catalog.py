"""The template catalog (index/catalog.toml): table kinds by title, column roles by header, prose parts.

Everything a region varies — table titles, header names, section headings — is data in
catalog.toml; this module only normalises printed text and looks it up.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from index.normal import form_key
from index.numbers import cn_number
from index.units import MONEY_PATTERN

CN_NUMERALS = "一二三四五六七八九十"
_YEAR = re.compile(r"^(?:19|20)\d{2}\s*年度?")
_CONTINUED = re.compile(r"[(（]续(?:表|上表)?[)）]$|续表$")
_YEAR_IN_NAME = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?|本年度?|上年度?)")


@dataclass(frozen=True, kw_only=True)
class TableKind:
    """A standard table of the national templates."""

    kind: str  # "expenditure"
    name: str  # "支出总表"
    aliases: tuple[str, ...]  # squeezed titles without caption, year or department
    fund: str  # 全部 / 财政拨款 / 一般公共预算 / 政府性基金 / 国有资本经营
    code_scheme: str  # 功能分类 / 经济分类 / ""
    subject: str  # what an empty table says there is none of: "“三公”经费"
    layout: str = "grid"  # "grid", or "form": label | amount pairs, one form per project (index/forms.py)
    required_headers: tuple[str, ...] = ()  # words in its header cells or row labels that identify it
    part_of: tuple[str, ...] = ()  # kinds printing the whole this table is a part of (its fund's, its 基本支出's)
    items: bool = False  # its rows are projects, purchases or targets, not 科目
    side: str = ""  # "收入": a table of the money coming in, by 科目 (read first only when 收入 is asked)
    part: str = ""  # the part of the spending it prints (基本支出): a row of it is that part's figure, said so


@dataclass(frozen=True, kw_only=True)
class ColumnRole:
    """What a header name means, the same across documents."""

    role: str  # "决算数", "基本支出", "年末结转和结余" …
    fund: str | None  # the fund a fund column shows, else None
    measure: bool = False  # says which figure of an item (预算数 / 决算数), never what item: printed as a row
    # label or as a header group above the items, it is the cells' role and the item is the other header
    totalled: bool = False  # a 合计/小计 printed under it is its own total (基本支出 › 合计)


@dataclass(frozen=True)
class Catalog:
    tables: tuple[TableKind, ...]
    by_alias: dict[str, TableKind]
    roles: dict[str, ColumnRole]
    ordinal: frozenset[str]
    code: frozenset[str]
    code_parts: tuple[str, ...]
    counts: dict[str, str]
    headings: tuple[str, ...]
    empty_notes: tuple[str, ...]
    department_lines: tuple[str, ...]
    caption_word: str  # 表
    caption_prefixes: tuple[str, ...]  # 附, 公开, 预算
    owners: tuple[str, ...]  # 部门, 单位 … printed before a table's name
    qualifiers: tuple[str, ...]  # 不含上年结转 … printed in a title, not part of the table's name
    portions: tuple[str, ...]  # 上年结转 … a title naming only a portion of the year's money
    code_schemes: dict[str, re.Pattern[str]]  # 功能分类 / 经济分类 → the form of its 科目编码


@cache
def catalog() -> Catalog:
    """The catalog, read once from the package's catalog.toml."""
    data: dict[str, Any] = tomllib.loads(files("index").joinpath("catalog.toml").read_text(encoding="utf-8"))
    tables = tuple(
        TableKind(
            kind=t["kind"],
            name=t["name"],
            aliases=tuple(form_key(a) for a in t["aliases"]),
            fund=t["fund"],
            code_scheme=t["code_scheme"],
            subject=t["subject"],
            layout=t.get("layout", "grid"),
            required_headers=tuple(form_key(w) for w in t.get("required_headers", ())),
            part_of=tuple(t.get("part_of", ())),
            items=t.get("rows") == "items",
            side=t.get("side", ""),
            part=t.get("part", ""),
        )
        for t in data["table"]
    )
    by_alias: dict[str, TableKind] = {}
    for t in tables:
        for a in t.aliases:
            if a in by_alias:
                raise ValueError(f"catalog.toml: alias {a} is given for {by_alias[a].kind} and {t.kind}")
            by_alias[a] = t
    known = {t.kind for t in tables}
    for t in tables:
        if unknown := set(t.part_of) - known:
            raise ValueError(f"catalog.toml: {t.kind} is part_of unknown kinds {sorted(unknown)}")
    roles = {
        form_key(a): ColumnRole(
            role=c["role"], fund=c.get("fund"), measure=bool(c.get("measure")), totalled=bool(c.get("totalled"))
        )
        for c in data["column"]
        for a in c["aliases"]
    }
    columns = data["columns"]
    return Catalog(
        tables=tables,
        by_alias=by_alias,
        roles=roles,
        ordinal=frozenset(columns["ordinal"]),
        code=frozenset(columns["code"]),
        code_parts=tuple(columns["code_parts"]),
        counts=dict(columns["counts"]),
        headings=tuple(form_key(h) for h in data["sections"]["headings"]),
        empty_notes=tuple(data["empty"]["notes"]),
        department_lines=tuple(data["document"]["department_lines"]),
        caption_word=data["captions"]["word"],
        caption_prefixes=tuple(data["captions"]["prefixes"]),
        owners=tuple(data["titles"]["owners"]),
        qualifiers=tuple(data["titles"]["qualifiers"]),
        portions=tuple(data["titles"]["portions"]),
        code_schemes={scheme: re.compile(form) for scheme, form in data["codes"].items()},
    )


@cache
@cache
def wholes(kind: str | None) -> frozenset[str]:
    """The kinds printing the whole of which a `kind` table is a part, through every level of part_of
    (一般公共预算基本支出表（按经济分类） → 一般公共预算支出表（按经济分类）, 支出总表 …); none for an unknown kind."""
    by_kind = {t.kind: t for t in catalog().tables}
    found: set[str] = set()
    todo = list(by_kind[kind].part_of) if kind in by_kind else []
    while todo:
        whole = todo.pop()
        if whole not in found:
            found.add(whole)
            todo.extend(by_kind[whole].part_of)
    return frozenset(found)


def item_rows(kind: str | None) -> bool:
    """Whether a `kind` table's rows are projects, purchases or targets rather than 科目."""
    return any(t.items for t in catalog().tables if t.kind == kind)


def part_printed(kind: str | None) -> str:
    """The part of the spending a `kind` table prints ("基本支出"), or "" for a table of the whole."""
    return next((t.part for t in catalog().tables if t.kind == kind), "")


def side_of(kind: str | None) -> str:
    """The side a `kind` table shows a row's money of: "收入", or "" (its spending, or both)."""
    return next((t.side for t in catalog().tables if t.kind == kind), "")


def caption_grammar() -> str:
    """The regex (unanchored) of a table caption: [prefix] 表 N [-M], or prefix N 表.

    Groups: `num` / `pnum` (the number, Arabic or Chinese) and `sub` (a sub-table's number).
    """
    cat = catalog()
    word = re.escape(cat.caption_word)
    prefix = "|".join(re.escape(p) for p in sorted(cat.caption_prefixes, key=len, reverse=True))
    num = rf"\d{{1,3}}|[{CN_NUMERALS}]{{1,3}}"
    sub = r"(?:\s*[-—－]\s*(?P<sub>\d{1,2}))?"
    return rf"(?:(?:{prefix})?\s*{word}\s*(?P<num>{num}){sub}|(?:{prefix})\s*(?P<pnum>{num})\s*{word}{sub.replace('sub', 'psub')})"


@cache
def _caption() -> re.Pattern[str]:
    """A caption or enumeration at the start of a title: 表1, 公开01表, （一）, 1., 一、 (附件1： before it)."""
    return re.compile(
        rf"^(?:附件\d+[:：]?)?(?:{caption_grammar()}|[（(][{CN_NUMERALS}\d]+[)）]|\d+\s*[.．、]|[{CN_NUMERALS}]+、)\s*"
    )


def caption_name(match: re.Match[str]) -> str:
    """The normalised name of a caption matched by `caption_grammar()`: "公开01表" → "表1", "表十二" → "表12"."""
    num = match.group("num") or match.group("pnum")
    sub = match.group("sub") or match.group("psub")
    n = int(num) if num.isdigit() else cn_number(num)
    return f"表{n}" + (f"-{int(sub)}" if sub else "")


def title_core(title: str, department: str | None = None) -> str:
    """A printed title without caption, year, department, 部门/单位 prefix and （续）."""
    s = title.strip()
    for _ in range(2):  # "表1 2024年…", "1. 2024年…": the caption stripped before spaces are (表1 2024 ≠ 表12024)
        s = _caption().sub("", s).strip()
        s = _YEAR.sub("", s).strip()
    s = form_key(s)
    if department:
        dept = form_key(department)
        for name in (dept, re.sub(r"\((?:本级|机关|本部)\)$", "", dept)):
            if name and s.startswith(name):
                s = s[len(name) :]
                break
        s = _YEAR.sub("", s)
    s = _CONTINUED.sub("", s)
    for q in catalog().qualifiers:  # "(不含上年结转)", "(按…科目-不含上年结转)"
        s = s.replace(f"({q})", "").replace(f"-{q}", "")
    for owner in catalog().owners:
        if s.startswith(owner) and s[len(owner) :] in catalog().by_alias:
            return s[len(owner) :]
    return s


def table_kind(title: str, department: str | None = None) -> TableKind | None:
    """The catalog kind a printed table title names, or None ("七、…决算情况说明" names none)."""
    by_alias = catalog().by_alias
    found = by_alias.get(title_core(title, department))
    return found or (by_alias.get(title_core(title)) if department else None)  # a department misread


def code_scheme(codes: list[str]) -> str:
    """The scheme (功能分类 / 经济分类) most of a table's 科目编码 follow; "" when it has none."""
    counts = {s: sum(1 for c in codes if p.match(c)) for s, p in catalog().code_schemes.items()}
    best = max(counts, key=lambda s: counts[s], default="")
    return best if counts.get(best) else ""


def kind_by_content(title: str, words: list[str], codes: list[str]) -> TableKind | None:
    """The kind a table's content identifies (catalog.toml explains the choice), or None.

    `words` are its header cells and row labels, `codes` its rows' 科目编码.
    """
    if any(p in title_core(title) for p in catalog().portions):
        return None  # "一般公共预算拨款上年结转支出表": 基本支出 and 项目支出 headers, but only the carried-over money
    text = [form_key(w) for w in words if w]
    scheme = code_scheme(codes)
    found = [
        t
        for t in catalog().tables
        if t.required_headers and all(any(r in w for w in text) for r in t.required_headers) and t.code_scheme == scheme
    ]
    most = max((len(t.required_headers) for t in found), default=0)
    found = [t for t in found if len(t.required_headers) == most]
    if len(found) <= 1:
        return found[0] if found else None
    core = form_key(title)
    named = [t for t in found if t.fund != "全部" and t.fund in core]
    if not named and not any(f in core for f in {t.fund for t in catalog().tables if t.fund != "全部"}):
        named = [t for t in found if t.fund == "全部"]
    return named[0] if len(named) == 1 else None


def column_role(name: str, group: str | None = None) -> ColumnRole | None:
    """The role of a header (leaf name, and the upper header it sits under)."""
    roles = catalog().roles
    leaf = _YEAR_IN_NAME.sub("", form_key(name).removeprefix("其中：").removeprefix("其中:"))
    leaf = re.sub(r"\((?:" + MONEY_PATTERN + r")\)$", "", leaf)
    if leaf in roles:
        found = roles[leaf]
        if found.role == "合计" and group:  # 本年支出 / 合计 → 本年支出合计
            upper = roles.get(_YEAR_IN_NAME.sub("", form_key(group)) + "合计")
            if upper:
                return upper
            own = roles.get(_YEAR_IN_NAME.sub("", form_key(group)))
            if own and own.totalled:  # 基本支出 › 合计: the 基本支出 itself
                return own
        return found
    return None


def is_ordinal(name: str) -> bool:
    """序号 / 行次 / 栏次: numbering, never an amount."""
    return form_key(name) in catalog().ordinal


def is_code(name: str) -> bool:
    """A header of a 科目编码 column (one cell, or the 类/款/项 parts of a split code)."""
    s = form_key(name)
    return s in catalog().code or s in catalog().code_parts or "编码" in s or "代码" in s


def count_unit(name: str) -> str | None:
    """The unit of a count column (人数 → 人), or None for an amount."""
    s = form_key(name)
    return next((unit for word, unit in catalog().counts.items() if s.endswith(word)), None)


def section_heading(line: str, department: str | None = None) -> str | None:
    """The part a heading line starts in templates without 第N部分 ("…（部门）主要职能" → 主要职能)."""
    s = form_key(line)
    if not s or len(s) > 60 or re.search(r"[。；;，,:：…]|\.{2}", s) or _caption().match(s):
        return None
    s = _YEAR.sub("", s)
    if department:
        s = s.removeprefix(form_key(department))
    s = _YEAR.sub("", re.sub(r"^\((?:部门|单位)\)", "", s))
    heading = next((h for h in catalog().headings if s.endswith(h)), None)
    if heading is None:
        return None
    rest = s[: len(s) - len(heading)]
    for owner in catalog().owners:
        rest = rest.removeprefix(owner)
    return heading if len(rest) <= 40 else None


def is_empty_note(note: str) -> bool:
    """A note saying the table has no figures this year."""
    s = form_key(note)
    return any(n in s for n in catalog().empty_notes)


def department_line(line: str) -> str | None:
    """ "预算主管部门：上海市普陀区人民政府万里街道办事处" → the department name."""
    s = line.strip()
    for key in catalog().department_lines:
        m = re.match(rf"^{key}\s*[:：]\s*(?P<name>[^\s:：]{{2,60}})(?:\s+(?:金额)?单位\s*[:：].*)?$", s)
        if m:
            return m.group("name")
    return None
