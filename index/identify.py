"""Whose disclosure a text is: department, year, 预算/决算, 部门/单位 and 本级/汇总, each read from
whichever place states it — the cover, the 目录, running headers, the tables' 编制单位 lines, the
prose, and last the file name — with where it was read.

The words (kinds, levels, scopes, what a cover prints after the kind, how a body's name ends, the
labels of the places) are data in identity.toml; this module holds the grammar of a title: a year,
a department, and "[tier][部门|单位][综合]预算|决算[suffixes]", in any order on the cover.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from pathlib import PurePath
from typing import Any

from index.catalog import department_line
from index.errors import BadConfirmation, NotADisclosure
from index.normal import squeeze

PLACEHOLDER = re.compile(r"XX|ＸＸ|××|xx")  # the letters templates print for the department to fill in
FIELDS = ("department", "year", "kind", "level", "scope")
COVER_LINES = 40  # a cover (and the department line under it) is printed within the text's first lines
TOC_LINES = 300  # the 目录 and the first headings
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")
_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})年度?")
_FILE_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)")
_CAPTION = re.compile(
    r"^(?:附件\d*[:：]|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\d+[.．、]|附?表\s*\d+|[（(][一二三四五六七八九十\d]+[)）])"
)
_LEADERS = re.compile(r"[.…·．]{2,}\d*$|(?<=[^\d])\d{1,3}$")  # a 目录 entry's dot leaders and page number
_PAGE_NUMBER = re.compile(r"^[-—–\s]*\d+[-—–\s]*$|^第\d+页")
_CLAUSE = re.compile(r"[。；;，,：:！？!?]")
_TRIM = "：:-—·、 "


@dataclass(frozen=True, kw_only=True)
class Identity:
    """Whose disclosure a text is; a value is None when nothing in the text states it."""

    department: str | None = None  # as printed, spaces removed: "深圳市财政局（本级）"
    year: int | None = None  # 2026
    kind: str | None = None  # 预算 / 决算
    level: str | None = None  # 部门 (a department's, with its units) / 单位 (one 预算单位's own)
    scope: str | None = None  # 本级 / 汇总, when the name says so
    sources: Mapping[str, str] = field(default_factory=dict)  # field → where it was read: "封面", "目录", …

    def filled(self, other: Identity) -> Identity:
        """This identity with the values it lacks taken from `other` (and their sources)."""
        values: dict[str, Any] = {}
        sources = dict(self.sources)
        for name in FIELDS:
            if getattr(self, name) is None and getattr(other, name) is not None:
                values[name] = getattr(other, name)
                sources[name] = other.sources.get(name, "")
        return replace(self, **values, sources=sources)

    def confirmed(self, *, department: str | None = None, year: int | None = None, kind: str | None = None) -> Identity:
        """This identity with the values a user gave (“用户确认”) in place of what was read."""
        label = vocabulary().sources["user"]
        sources = dict(self.sources)
        values: dict[str, Any] = {}
        for name, value in (("department", department), ("year", year), ("kind", kind)):
            if value is not None:
                values[name], sources[name] = value, label
        if department is not None:
            values["department"] = name = squeeze(department)
            values["scope"] = _scope(name)  # "深圳市财政局（本级）"
            sources.pop("scope", None)
            if values["scope"]:
                sources["scope"] = label
        return replace(self, **values, sources=sources) if values else self

    @classmethod
    def stored(cls, department: str, year: int, kind: str, sources: Mapping[str, str]) -> Identity:
        """Of a stored document's department, year and kind, those a user confirmed (kept over a rebuild)."""
        user = vocabulary().sources["user"]
        return cls(
            department=department if sources.get("department") == user else None,
            year=year if sources.get("year") == user else None,
            kind=kind if sources.get("kind") == user else None,
        )

    def labelled(self, label: str) -> Identity:
        """Every value's source set to `label`."""
        return replace(self, sources={name: label for name in FIELDS if getattr(self, name) is not None})


@dataclass(frozen=True)
class Vocabulary:
    kinds: dict[str, tuple[str, ...]]  # 预算 → printed words
    kind_files: dict[str, tuple[str, ...]]  # 预算 → words in a file name (yusuan)
    levels: dict[str, tuple[str, ...]]
    level_files: dict[str, tuple[str, ...]]
    scopes: dict[str, tuple[str, ...]]
    tiers: tuple[str, ...]
    infixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    endings: tuple[str, ...]
    sources: dict[str, str]
    table_lines: re.Pattern[str]  # "部门（单位）：X 单位：万元" → X
    phrase: re.Pattern[str]  # "[区级][部门|单位][综合]预算|决算[信息公开…]"


@cache
def vocabulary() -> Vocabulary:
    """identity.toml, read once."""
    data: dict[str, Any] = tomllib.loads(files("index").joinpath("identity.toml").read_text(encoding="utf-8"))
    title = data["title"]
    return Vocabulary(
        kinds={k: tuple(v["words"]) for k, v in data["kinds"].items()},
        kind_files={k: tuple(v.get("file_words", ())) for k, v in data["kinds"].items()},
        levels={k: tuple(v["words"]) for k, v in data["levels"].items()},
        level_files={k: tuple(v.get("file_words", ())) for k, v in data["levels"].items()},
        scopes={k: tuple(v["words"]) for k, v in data["scopes"].items()},
        tiers=tuple(data["title"]["tiers"]),
        infixes=tuple(data["title"]["infixes"]),
        suffixes=tuple(data["title"]["suffixes"]),
        endings=tuple(data["names"]["endings"]),
        sources=dict(data["sources"]),
        table_lines=re.compile(
            rf"^(?:{_alt(data['tables']['department_lines'])})\s*[:：]\s*(?P<name>[^\s:：]{{2,60}})(?:\s+(?:金额)?单位\s*[:：].*)?$"
        ),
        phrase=re.compile(
            rf"(?:{_alt(title['tiers'])})?(?P<level>{_alt(w for v in data['levels'].values() for w in v['words'])})?"
            rf"(?:{_alt(title['infixes'])})?(?P<kind>{_alt(w for v in data['kinds'].values() for w in v['words'])})"
            rf"(?:{_alt(title['suffixes'])})*"
        ),
    )


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _value(words: Mapping[str, tuple[str, ...]], printed: str | None) -> str | None:
    return next((k for k, ws in words.items() if printed in ws), None) if printed else None


def _scope(name: str) -> str | None:
    """本级 / 汇总 when a name ends with it in brackets: "深圳市财政局（本级）"."""
    m = re.search(r"[（(]([^（）()]+)[)）]$", name)
    return _value(vocabulary().scopes, m.group(1)) if m else None


def _named(name: str) -> bool:
    """Whether a text ends as the name of a government body does (局, 委员会, 支队, （本级）…)."""
    s = name.replace("（", "(").replace("）", ")")
    return 2 < len(s) <= 40 and s.endswith(vocabulary().endings)


def _plain(name: str) -> bool:
    """Whether a cover's text before the kind can be a name: short, no sentence punctuation."""
    return len(name) <= 40 and not _CLAUSE.search(name.replace("：", "").replace(":", ""))


def _clean(name: str) -> str:
    """A department as read between the year and the kind: caption, tier and level words trimmed."""
    v = vocabulary()
    s = _CAPTION.sub("", name.strip(_TRIM)).strip(_TRIM)
    for _ in range(3):  # "北京市信访办公室部门 2026 年度部门预算": the level printed twice
        before = s
        for word in (*v.tiers, *(w for ws in v.levels.values() for w in ws)):
            s = s.removesuffix(word).strip(_TRIM)
        if s == before:
            break
    return s


def read_title(text: str, *, named: bool = False) -> Identity:
    """What a title says: "北京市财政局 2026 年度部门预算信息公开", "2026 年度 福州市商务局 部门预算",
    "2024年度部门决算 上海市普陀区财政局". `named`: the department must end as a body's name does
    (a title read from a 目录 entry or a sentence, not the cover)."""
    v = vocabulary()
    s = squeeze(_CN_YEAR.sub(lambda m: m.group().translate(_CN_YEAR_DIGITS), text))
    year = _YEAR.search(s)
    rest = s[: year.start()] + s[year.end() :] if year else s
    phrase = v.phrase.search(rest)
    values: dict[str, Any] = {"year": int(year.group("year")) if year else None}
    if phrase:
        values["kind"] = _value(v.kinds, phrase.group("kind"))
        values["level"] = _value(v.levels, phrase.group("level"))
        before, after = _clean(rest[: phrase.start()]), _clean(rest[phrase.end() :])
        department = before if before and (_named(before) if named else _plain(before)) else None
        if not before and _named(after):  # "2024年度部门决算 / 上海市普陀区财政局"
            department = after
        if department:
            values["department"], values["scope"] = department, _scope(department)
    return Identity(**values)


def identify(
    lines: list[tuple[str, int | None]], name: str, *, starts_body: Callable[[str], bool]
) -> tuple[Identity, int]:
    """(what the text says about whose disclosure it is, index of the first line after the cover).

    `starts_body(line)`: a line that cannot be on the cover (目录, 第一部分, a table caption). Raises
    NotADisclosure for a blank template (department “上海市XX局”)."""
    v = vocabulary()
    text = [line for line, _ in lines]
    cover, end = _cover(text, starts_body)
    found = cover.labelled(v.sources["cover"])
    for label, reading in (
        ("header", _headers(lines)),  # a title at the top of every page, before the 目录 lists it once
        ("toc", _most(read_title(_entry(s), named=True) for s in text[end : end + TOC_LINES] if _short(s))),
        ("table", _tables(text)),
        ("prose", _prose(text)),
        ("file", read_file_name(name)),
    ):
        found = found.filled(reading.labelled(v.sources[label]))
    if found.department and PLACEHOLDER.search(found.department):  # the blank template a finance bureau sends
        raise NotADisclosure(name, f"这是空白模板（部门名称为“{found.department}”），不是某个部门公开的文件")
    return found, end


def _cover(lines: list[str], starts_body: Callable[[str], bool]) -> tuple[Identity, int]:
    """The title printed over the first lines, in any order and line split; a "预算主管部门：X" or
    "预算单位：X" line near it names the department when the title names only the region."""
    head = ""
    title = Identity()
    end = 0
    named: str | None = None
    for i, line in enumerate(lines[:COVER_LINES]):
        s = line.strip()
        if not s or _PAGE_NUMBER.match(s):
            continue
        if squeeze(s) in {"目录", "目次"} or starts_body(s):
            end = end or i
            break
        if (d := department_line(s)) and named is None:
            named, end = squeeze(d), i + 1
            continue
        if title.department and title.year and title.kind:
            continue
        if "\t" in s or s.endswith(("。", "；")) or len(head) > 120 or (head and _CAPTION.match(s)):
            # the prose or a table has begun ("一、单位基本情况")
            end = end or i
            break
        head += squeeze(s)
        reading = read_title(head)
        if reading.kind or reading.year:
            title, end = reading, max(end, i + 1)
    if named:
        title = replace(title, department=named, scope=_scope(named))
    return title, end


def _short(line: str) -> bool:
    """A line that can be a 目录 entry or heading: short, not a sentence, not a table row."""
    s = squeeze(line)
    return "\t" not in line and 0 < len(s) <= 80 and not re.search(r"[。，,；;]|[:：]$", s)


def _entry(line: str) -> str:
    """A 目录 entry without its dot leaders and page number."""
    return _LEADERS.sub("", squeeze(line))


def _most(readings: Iterable[Identity]) -> Identity:
    """Each value as most of the readings give it (the first of equals)."""
    counts: dict[str, Counter[Any]] = {name: Counter() for name in FIELDS}
    for r in readings:
        for name in FIELDS:
            if (value := getattr(r, name)) is not None:
                counts[name][value] += 1
    return Identity(**{name: c.most_common(1)[0][0] for name, c in counts.items() if c})


def _headers(lines: list[tuple[str, int | None]]) -> Identity:
    """A title printed at the top of most pages (a running header)."""
    tops: dict[int, str] = {}
    for line, page in lines:
        s = squeeze(line)
        if page is not None and page not in tops and s and not _PAGE_NUMBER.match(s) and "\t" not in line:
            tops[page] = s
    repeated = [s for s, n in Counter(tops.values()).items() if n >= 3 and n * 3 >= len(tops)]
    return _most(read_title(s, named=True) for s in repeated)


def _tables(lines: list[str]) -> Identity:
    """The department the tables' 编制单位 / 单位名称 / 部门名称 lines name most often."""
    names: Counter[str] = Counter()
    for line in lines:
        for cell in line.split("\t"):
            m = vocabulary().table_lines.match(cell.strip())
            name = department_line(cell.strip()) or (m.group("name") if m and _named(m.group("name")) else None)
            if name:
                names[squeeze(name)] += 1
    if not names:
        return Identity()
    department = names.most_common(1)[0][0]
    return Identity(department=department, scope=_scope(department))


def _prose(lines: list[str]) -> Identity:
    """What the sentences say most often: "重庆市水利局2026年部门预算收入…", "2026年部门预算…"."""
    readings = []
    for line in lines:
        if "\t" in line:
            continue
        for clause in _CLAUSE.split(squeeze(line)):
            if 4 <= len(clause) <= 60 and _YEAR.search(clause):
                r = read_title(clause, named=True)
                if r.kind and r.year:
                    readings.append(r)
    return _most(readings)


def read_file_name(name: str) -> Identity:
    """What a file name says: "北京市财政局2026年部门预算.pdf", "wuxi-jiaotong-2026-unit-yusuan.pdf"."""
    v = vocabulary()
    stem = PurePath(name).stem
    found = read_title(stem, named=True)
    if found.department is None:  # "福州市商务局.pdf", "福州市商务局-2026.pdf"
        bare = re.sub(r"[^\u4e00-\u9fff（）()]", "", _FILE_YEAR.sub("", stem))
        found = replace(found, department=bare, scope=_scope(bare)) if _named(bare) else found
    words = re.split(r"[^0-9A-Za-z]+", stem.lower())
    year = _FILE_YEAR.search(stem)
    return found.filled(
        Identity(
            year=int(year.group("year")) if year else None,
            kind=next((k for k, ws in v.kind_files.items() if any(w in words for w in ws)), None),
            level=next((k for k, ws in v.level_files.items() if any(w in words for w in ws)), None),
        )
    )


def confirmation(department: str | None, year: str | int | None, kind: str | None) -> Identity | None:
    """What a user confirmed for a document (a form's or the command line's text; blank: not given);
    BadConfirmation, in Chinese, for a value that cannot be one."""
    department, year, kind = (str(v).strip() if v is not None else "" for v in (department, year, kind))
    if year and not _FILE_YEAR.fullmatch(year):
        raise BadConfirmation(f"年度应为四位年份（如 2026），而不是“{year}”")
    if kind and kind not in vocabulary().kinds:
        raise BadConfirmation(f"类型只能是“{'”或“'.join(vocabulary().kinds)}”，而不是“{kind}”")
    if department and PLACEHOLDER.search(department):
        raise BadConfirmation(f"部门名称“{department}”像是模板中的占位文字，请写部门全称")
    if not (department or year or kind):
        return None
    return Identity(department=department or None, year=int(year) if year else None, kind=kind or None)


def identified_line(sources: Mapping[str, str]) -> str:
    """ "部门（封面）、年度（封面）、预算/决算（用户确认）": where each value of a document's identity was read."""
    names = {"department": "部门", "year": "年度", "kind": "预算/决算", "level": "部门/单位", "scope": "本级/汇总"}
    return "、".join(f"{name}（{sources[f]}）" for f, name in names.items() if f in sources)


def stated(identity: Identity) -> bool:
    """Whether the text itself (not its file name) states a year and 预算/决算: what a disclosure does."""
    file = vocabulary().sources["file"]
    return all(getattr(identity, f) is not None and identity.sources.get(f) != file for f in ("year", "kind"))


_CONFIRM = "请确认：可用 budgetqa ingest 文件 {flag} 重新导入（网页上传时填写“{box}”一栏）"


def settle(identity: Identity, name: str) -> tuple[Identity, list[str]]:
    """The identity a document is stored under, and a Chinese warning for each value that was not read
    from the text (taken from the file name, or a stand-in) saying how to confirm it."""
    file = vocabulary().sources["file"]
    warnings: list[str] = []
    values: dict[str, Any] = {}
    stem = PurePath(name).stem
    for f, what, stand_in, flag, box in (
        ("department", "部门名称", stem, "--department 部门全称", "部门"),
        ("year", "年度", 0, "--year 年度", "年度"),
        ("kind", "预算还是决算", "预算", "--kind 预算|决算", "预算/决算"),
    ):
        value = getattr(identity, f)
        confirm = _CONFIRM.format(flag=flag, box=box)
        if value is None:
            values[f] = stand_in
            shown = f"“{stand_in}”" if f != "year" else " 0 年"
            warnings.append(f"未能从文件内容中读出{what}，暂记为{shown}。{confirm}")
        elif identity.sources.get(f) == file:
            warnings.append(f"{what}“{value}”只是从文件名读出的，文件内容中没有写明。如有误，{confirm}")
    return replace(identity, **values), warnings
