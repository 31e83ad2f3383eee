"""A subject of the registry (subjects.toml) read in one document when no printed label names what was asked:
"“三公”经费预算合计" is the 合计 row of the document's “三公” table whatever its title (一般公共预算“三公”经费支出
预算表, 财政拨款“三公”经费支出情况表), as a question across departments reads it."""

from __future__ import annotations

from dataclasses import replace

from assistant import calculator as calc
from assistant.compare import Comparer, Reading, identity
from assistant.draft import Draft, fmt, where
from assistant.dropped import dropped_words
from assistant.knowledge import grams, norm
from assistant.shares import check_share
from assistant.subjects import Subject, subjects
from index.catalog import catalog
from index.records import DocumentInfo
from index.tables import label_key


def _fund_written(content: str, alias: str) -> str:
    """The fund (catalog.toml's name: 一般公共预算, 财政拨款, 政府性基金 …) that `content` writes besides the subject's
    `alias` ("一般公共预算的项目支出", "项目支出中财政拨款"), or ""."""
    rest = label_key(content).replace(alias, " ")
    written = [f for f in subjects().funds if f in rest]
    if not written:
        return ""
    name = max(written, key=len)
    funds = sorted({t.fund for t in catalog().tables} - {"全部"}, key=len, reverse=True)
    return next((f for f in funds if name.startswith(f)), "")


def read_subject(
    comparer: Comparer,
    content: str,
    doc: DocumentInfo,
    printed: set[str],
    neutral: tuple[str, ...],
    year: int | None = None,
    roles: tuple[str, ...] = (),
) -> tuple[Subject, Reading] | None:
    """The registry subject `content` names and the document's reading of it (at `year`'s column when another
    year than the document's own; in a column of `roles` when given: a 决算's 预算数), when the subject and its
    cells cover all the item words of `content`."""
    found = subjects().find(content)
    if found is None:
        return None
    subject, alias = found
    if (fund := _fund_written(content, alias)) and subject.places and all(p.roles for p in subject.places):
        # "一般公共预算基本支出": a column of a total row, read only in the tables of the fund written
        kinds = {t.kind: t.fund for t in catalog().tables}
        places = tuple(replace(p, tables=tuple(k for k in p.tables if kinds.get(k) == fund)) for p in subject.places)
        if not any(p.tables for p in places):
            return None
        subject = replace(subject, name=f"{fund}{subject.name}", places=tuple(p for p in places if p.tables))
    if roles:
        subject = replace(subject, places=tuple(replace(p, roles=roles) for p in subject.places if p.rows))
    reading = comparer.read(subject, [doc], year=year)[0]
    if reading.value is None or not reading.facts:
        return None
    covered = set(grams(alias)) | set(grams(norm(subject.name)))
    for f in reading.facts:
        covered |= set(grams(norm(f.source))) | ({*grams(norm(f.fund))} if f.fund else set())
    if dropped_words(norm(content), covered, printed, neutral):
        return None
    return subject, reading


def registered(
    comparer: Comparer,
    content: str,
    doc: DocumentInfo,
    printed: set[str],
    neutral: tuple[str, ...],
    year: int | None = None,
    unit: str | None = None,
    roles: tuple[str, ...] = (),
) -> Draft | None:
    """The document's figure for the registry subject `content` names, when the subject covers all the
    item words of `content` (else None: an answer names the asked item); with `year` (another than the
    document's own), the figure its table prints in that year's column, said to be that column; in `unit` when
    asked in another unit of money (the conversion shown)."""
    other = year if year is not None and year != doc.year else None
    found = read_subject(comparer, content, doc, printed, neutral, other, roles)
    if found is None:
        return None
    subject, reading = found
    if roles and not all(f.column_role in roles for f in reading.facts):
        return None  # only the very column asked (a 决算's 预算数), never the 决算数 beside it
    if unit and reading.unit in calc.MONEY and unit != reading.unit:
        reading = comparer.in_unit([reading], unit)[0][0]  # "共多少万元": the same figure in the unit asked
    if reading.value is None:
        return None
    column = f"{doc.title}所列{reading.facts[0].column}" if roles and reading.facts else ""
    notes = [n for n in (f"{doc.title}所列{other}年数" if other else "", column, reading.note) if n]
    note = f"（{'；'.join(notes)}）" if notes else ""
    text = (
        f"{other or doc.year}年{doc.department}{subject.name}为 {fmt(reading.value, reading.unit)}{note}。\n"
        f"出处：{'；'.join(where(f) for f in reading.facts)}"
    )
    calculations = [reading.calc or identity(reading)]  # the verifier finds the very cell read through it
    return Draft(
        text=text, value=reading.value, unit=reading.unit, facts=list(reading.facts), calculations=calculations
    )


def registered_share(
    comparer: Comparer, part: str, whole: str, doc: DocumentInfo, printed: set[str], neutral: tuple[str, ...]
) -> Draft | None:
    """The share "A占B的比例" of two registry subjects (财政拨款支出 占 本年支出合计), each read at its own place in the
    document and divided by the calculator; None unless both halves name a subject, two different ones."""
    a = read_subject(comparer, part, doc, printed, neutral)
    b = read_subject(comparer, whole, doc, printed, neutral)
    if a is None or b is None or a[0].name == b[0].name:
        return None
    (ps, pr), (ws, wr) = a, b
    if pr.value is None or wr.value is None or set(pr.facts) == set(wr.facts):
        return None  # never X ÷ X = 100% (two cells of the same value at two places are two figures)
    c = calc.share(pr.operand, wr.operand)
    check_share(c.value, ps.name, ws.name)
    text = (
        f"{doc.year}年{doc.department}{ps.name}占{ws.name}的 {fmt(c.value, '%')}。\n"
        f"计算：{ps.name} {fmt(pr.value, pr.unit)} ÷ {ws.name} {fmt(wr.value, wr.unit)} × 100% = {fmt(c.value, '%')}\n"
        f"出处：{'；'.join(where(f) for f in (*pr.facts, *wr.facts))}"
    )
    return Draft(text=text, value=c.value, unit="%", facts=[*pr.facts, *wr.facts], calculations=[c])
