"""A 科目 named with its parents: "农林水支出（类）水利（款）行政运行（项）", "交通运输支出中公路水路运输里的行政运行".

The question's path is read as a chain of names, each a child of the one before; every link of the chain must
be a row whose 科目编码 lies under its parent's code, so a 款 is never answered for a 项 and a row under
another parent never for the one asked.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from assistant.cues import alternation
from assistant.knowledge import Knowledge, Link, norm
from assistant.tokens import to_template
from index.records import Fact

_DATA = tomllib.loads((Path(__file__).with_name("subject_path.toml")).read_text(encoding="utf-8"))
LEVELS: tuple[str, ...] = tuple(_DATA["levels"])
KINDS: tuple[str, ...] = tuple(_DATA["kinds"])
_LEVEL = "[" + "".join(LEVELS) + "]"
_KIND = "|".join(map(re.escape, KINDS))
# "（类）", "(款)", "（类款）", "（项级）", "（科目）", "（项级科目）": a level marker written after a name
MARKER = re.compile(rf"\s*[（(]\s*(?:{_LEVEL}{{1,3}}\s*级?\s*(?:{_KIND})?|{_KIND})\s*[）)]\s*")
# "财政事务（财政国库业务）", "一般行政管理事务（宣传事务）": a name with another in brackets
_BRACKET = re.compile(r"([\u4e00-\u9fff]{2,})[（(]([\u4e00-\u9fff]{2,})[）)]")
# the separators of a path ("X下面的Y", "X里Y", "X中的Y"), as in understand.WITHIN
STEP = re.compile(alternation(_DATA["steps"]))
_AFTER_NAME = re.compile(alternation(_DATA["after_name"]))
_FUND = re.compile(alternation(_DATA["funds"]))
JOINERS = "".join(_DATA["joiners"])


def mark_path(text: str) -> str:
    """ "农林水支出（类）水利（款）行政运行（项）是多少" → "农林水支出里水利里行政运行是多少": a marker before another
    name is a step of the path; one at the end (or before a separator) is dropped."""

    def step(m: re.Match[str]) -> str:
        rest = text[m.end() :]
        if re.match(r"[\u4e00-\u9fff]", rest) and not STEP.match(rest) and not _AFTER_NAME.match(rest):
            return "里"
        return ""

    return MARKER.sub(step, text)


def as_written(name: str) -> str:
    """A subject's name as a question's text is read (template words, no list marks): "收入、支出预算总计" →
    "收入支出总计", which holds the column word 支出总计 as part of the name, never as a column asked."""
    return re.sub(r"[、，,]", "", to_template(name))


def without_fund(text: str) -> str:
    """ "社会福利事业单位一般公共预算拨款多少" → "社会福利事业单位 多少": the fund words taken out, so that the 科目
    they follow is what is linked (the fund is read as the column apart)."""
    return _FUND.sub(" ", text)


def written_with_code(plain: str, keys: Iterable[str]) -> str | None:
    """The one row name printed with its code in brackets that the (normalised) question writes out whole:
    "对个人和家庭的补助(509)" names that row of the text, never the 对个人和家庭的补助 rows of other tables."""
    for m in re.finditer(r"\((\d{3}|\d{5}|\d{7})\)", plain):
        found = {k for k in keys if k.endswith(m.group(0)) and k in plain}
        if len(found) == 1:
            return found.pop()
    return None


def written_paths(text: str, coded: dict[str, set[str]]) -> str:
    """The 科目 a question names one after another as paths, parent first: "财政事务（财政国库业务）" →
    "财政事务里财政国库业务", "一般行政管理事务（宣传事务）" → "宣传事务里一般行政管理事务", "公路水路运输行政运行" →
    "公路水路运输里行政运行". `coded` maps a row's name to its 科目编码 in the documents asked; two names are a path
    only when the codes of one lie under the other's, so a bracket or a name that is no parent stays as written."""

    def pair(first: str, second: str) -> str | None:
        a, b = coded.get(first, set()), coded.get(second, set())
        if a and b and under(b, a):
            return f"{first}里{second}"
        if a and b and under(a, b):
            return f"{second}里{first}"
        return None

    def bracket(m: re.Match[str]) -> str:
        run, inner = m.group(1), m.group(2)
        for i in range(len(run) - 1):  # the longest name the run ends with
            if run[i:] in coded:
                return run[:i] + (pair(run[i:], inner) or m.group(0)[i:])
        return m.group(0)

    text = _BRACKET.sub(bracket, text)
    while (joined := _joined(text, pair, coded)) is not None:
        text = joined
    return text


def _joined(text: str, pair: Callable[[str, str], str | None], coded: dict[str, set[str]]) -> str | None:
    """The text with its first two names written one right after the other (or a space or a joiner apart: "公路水路运输
    行政运行", "社会福利-社会福利事业单位"),
    the first the second's parent, made a path; None when there are none. Only whole names count (not "管理事务" of "一般行政管理事务"), and
    never at a point inside another name written across it."""
    spans, whole = written_names(text, coded)
    for start, end, first in sorted(whole):
        if any(s < end < e for s, e, _ in spans):
            continue
        for s2, e2, second in whole:
            if (
                s2 >= end
                and not text[end:s2].strip().strip(JOINERS)  # "社会福利-社会福利事业单位": a joiner is a space
                and (path := pair(first, second))
                and path.startswith(f"{first}里")
            ):
                return text[:start] + path + text[e2:]
    return None


def written_names(
    text: str, coded: dict[str, set[str]]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """(every place a coded name is written in the text, those not inside a longer one): (start, end, name)."""
    spans = [(m.start(), m.end(), n) for n in coded if len(n) >= 2 for m in re.finditer(re.escape(n), text)]
    whole = [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and o[:2] != s[:2] for o in spans)]
    return spans, whole


def one_printer(names: Iterable[str], rows: Iterable[tuple[str, str]], department_of: Callable[[str], str]) -> set[str]:
    """The one department whose tables print every 科目 `names` writes out whole ("社会工作事务行政运行": only
    社工部 prints 社会工作事务), as the set of it; empty when none is named or several departments print them.
    `rows` are (document, row) of the store's table rows the question writes out."""
    names = set(names)
    whole = {n for n in names if not any(n != o and n in o for o in names)}
    printing: set[str] | None = None
    for name in whole:
        of = {department_of(d) for d, row in rows if norm(row) == name}
        printing = of if printing is None else printing & of
    return printing if printing is not None and len(printing) == 1 else set()


def coded_names(kb: Knowledge, docs: Iterable[str]) -> dict[str, set[str]]:
    """Each row name of the documents that is printed with a 科目编码, and its codes there."""
    scope = set(docs)
    out: dict[str, set[str]] = {}
    for label in kb.in_scope(scope):
        codes = {f.code for f in label.facts if f.code and f.code.isdigit() and f.doc_id in scope}
        if codes:
            out[label.key] = codes
    return out


def steps(segment: str) -> list[str]:
    """The names of a path, parent first ("A里B中的C" → [A, B, C])."""
    return [p for p in STEP.split(segment) if p.strip()]


def with_of(parts: list[str]) -> list[str]:
    """The path with each "Y的Z" read as two names ("交通运输支出中公路水路运输的行政运行"): tried only as a path,
    whose every step must lie under the one before."""
    return [q for p in parts for q in p.split("的") if q.strip()]


def under(codes: Iterable[str], parents: set[str]) -> set[str]:
    """The codes that lie strictly under one of `parents`."""
    return {c for c in codes if any(c.startswith(p) and c != p for p in parents)}


def resolve(
    parts: list[str], docs: list[str], link: Callable[[str, bool], Link | None]
) -> tuple[str, str | None] | None:
    """The last name of a path of three or more names and the one code it lies at, each name under the one
    before; None when a name links nothing or lies under no code of its parent (never a row of another
    parent). `link(phrase, scoping)` links one name."""
    first = link(parts[0], True)
    if first is None:
        return None
    codes = {f.code for f in first.label.facts if f.code and f.doc_id in docs}
    found = first
    for part in parts[1:]:
        child = link(part, False)
        if child is None or not codes:
            return None
        codes = under((f.code for f in child.label.facts if f.code and f.doc_id in docs), codes)
        if not codes:
            return None
        found = child
    return found.label.key, (next(iter(codes)) if len(codes) == 1 else None)


_WRITTEN_CODE = re.compile(r"[（(](\d{3}|\d{5}|\d{7})[）)]")


def heads_printed(
    name: str, facts: Iterable[Fact], printed_with_code: Callable[[Sequence[str]], list[tuple[str, str, str]]]
) -> bool:
    """Whether the 科目 `name`, which the documents' `facts` do not print, is the parent of one they do: a 类 or 款
    above a code they print (in a table, or written in brackets: "一般行政管理事务（2010402）") is printed as `name`
    in some stored document (the national codes are the same in every department: 201 一般公共服务支出)."""
    codes = {f.code for f in facts if f.code and f.code.isdigit()}
    codes |= {m.group(1) for f in facts for m in _WRITTEN_CODE.finditer(f.row)}
    heads = sorted({c[:n] for c in codes for n in (3, 5) if len(c) > n})
    return any(norm(row) == name for _, _, row in printed_with_code(heads))


def under_parent(facts: Iterable[Fact], parent: str, doc_ids: Iterable[str]) -> bool:
    """Whether a figure of `facts` in these documents is printed under the item `parent` (its parent path, read by
    the prose: "项目支出…具体包括：1.预决算管理业务 18,808.16 万元" is under 项目支出)."""
    docs = set(doc_ids)
    return any(f.parent and parent in norm(f.parent) for f in facts if f.doc_id in docs)


_OTHER = re.compile(r"其他([\u4e00-\u9fff]{2,})支出")


def others_written(text: str, coded: dict[str, set[str]]) -> str:
    """`text` with "<parent>的其他支出" written as the printed 科目 "其他<parent>支出" ("城乡社区公共设施的其他支出" →
    其他城乡社区公共设施支出): the parent names which of several 其他支出 is asked. Only a 科目 the documents print
    is written; every other text is unchanged."""
    for name in sorted(coded, key=len, reverse=True):
        if (m := _OTHER.fullmatch(name)) and name not in text:
            parent = re.escape(m.group(1))
            text = re.sub(
                rf"{parent}(?:支出)?(?:[（(]款[)）])?(?:里面的|下面的|中的|里的|下的|的|里|中|下)?其他支出", name, text
            )
    return text


def path_under(written: str, parents: set[str], rows: Iterable[tuple[str, str]]) -> bool:
    """Whether the 科目 path a sentence writes with level markers ("医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位
    医疗（项）") lies, below its first name, under one of the codes `parents` in the tables: each later name is a row
    (`rows`: name, code) under the one before, the first of them under a parent — so a 类 the tables print by another
    name (卫生健康支出 for 210) is the path's own 类, and never a 类 holding a row of the same name elsewhere."""
    names = [norm(n) for n in MARKER.split(written.strip("“”\"'")) if n.strip("“”\"' ")]
    return len(names) >= 2 and names_under(names[1:], parents, rows)


def names_under(names: Sequence[str], parents: set[str], rows: Iterable[tuple[str, str]]) -> bool:
    """Whether the chain of 科目 `names` (parent first) is printed in the tables (`rows`: name, code) each under
    the one before, the first under one of the codes `parents`."""
    codes = {c for c in parents if c.isdigit()}
    if not names or not codes:
        return False
    by_name: dict[str, set[str]] = {}
    for name, code in rows:
        if code and code.isdigit():
            by_name.setdefault(norm(name), set()).add(code)
    for name in names:
        codes = under(by_name.get(norm(name), set()), codes)
        if not codes:
            return False
    return True


def heads_written(text: str, coded: dict[str, set[str]]) -> dict[str, set[str]]:
    """The 科目 names the text writes (whole) that head another name it writes by code ("卫生健康支出" 210 of
    "事业单位医疗（卫生健康支出-行政事业单位医疗）", 2101102): each with its codes."""
    _, whole = written_names(text, coded)
    written = {n for _, _, n in whole}
    return {n: coded[n] for n in written if any(under(coded[o], coded[n]) for o in written if o != n)}
