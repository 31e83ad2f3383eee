"""Synthetic disclosures: they parse with our own code, audit clean, and hold the answers generated with them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from eval.generate import Generated, generate, main
from index.audit import audit
from index.ingest import Parsed, read

SEED = 14  # its three documents are in 元, 万元 and 亿元
FACT_KINDS = {"项目支出", "支出总计", "人员支出", "项目"}  # answers printed as a figure in the document


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Generated, Parsed]]:
    folder = tmp_path_factory.mktemp("generated")
    out = []
    for doc in generate(3, seed=SEED):
        path = folder / doc.name
        path.write_text(doc.text, encoding="utf-8")
        out.append((doc, read(path)))
    return out


def test_department_year_and_unit_as_generated(corpus: list[tuple[Generated, Parsed]]) -> None:
    for doc, parsed in corpus:
        d = parsed.disclosure
        assert (d.department, d.year, d.unit) == (doc.department, doc.year, doc.unit)
        assert d.title == f"{doc.year}年{doc.department}部门预算"
        assert {t.unit for t in d.tables.values()} == {doc.unit}
        assert len(d.sections) == 9
    assert len({doc.department for doc, _ in corpus}) == 3
    assert {doc.unit for doc, _ in corpus} == {"元", "万元", "亿元"}


def test_audit_finds_no_inconsistency(corpus: list[tuple[Generated, Parsed]]) -> None:
    for doc, parsed in corpus:
        checks = audit(parsed.disclosure, parsed.facts)
        assert [c for c in checks if c.status != "ok"] == [], doc.name
        # the audit compared what matters: hierarchy, rows, tables, prose vs tables, parts and growth rates
        kinds = {c.kind for c in checks}
        assert {"科目层级", "支出构成", "收支平衡", "表间一致", "文表一致", "构成", "增长率", "增减"} <= kinds
        projects = [c for c in checks if c.kind == "构成" and "项目支出 =" in c.where]
        assert len(projects) == 1 and projects[0].status == "ok"


def test_table7_has_the_generated_codes(corpus: list[tuple[Generated, Parsed]]) -> None:
    for doc, parsed in corpus:
        t7 = parsed.disclosure.tables["表7"]
        assert tuple(r.code for r in t7.rows if r.code) == doc.codes
        assert len(t7.rows) == 1 + len(doc.codes)  # the unit row; no repeated header read as a row
        assert {len(c) for c in doc.codes} == {3, 5, 7}
        assert 3 <= sum(1 for c in doc.codes if len(c) == 3) <= 5


def test_tables_split_over_pages_are_merged(corpus: list[tuple[Generated, Parsed]]) -> None:
    for doc, parsed in corpus:
        tables = parsed.disclosure.tables
        assert doc.text.count("\n表 7\n") == tables["表7"].pages >= 2
        assert doc.text.count("\n表 1\n") == tables["表1"].pages >= 2
        spend = [r for r in tables["表1"].rows if r.side == "支出" and r.code]
        assert [r.code for r in spend] == list(doc.codes)  # every 支出 line, in order, across the pages


def test_answers_are_figures_in_the_document(corpus: list[tuple[Generated, Parsed]]) -> None:
    for doc, parsed in corpus:
        assert 8 <= len(doc.answers) <= 12
        assert FACT_KINDS <= {q.kind for q in doc.answers}
        for q in doc.answers:
            if q.kind not in FACT_KINDS:
                continue
            found = [f for f in parsed.facts if f.value == q.value and f.unit == q.unit]
            if q.kind == "项目":
                found = [f for f in found if f.row in q.question]
            assert found, f"{doc.name}: {q.question} = {q.value} {q.unit}"


def test_same_seed_same_documents() -> None:
    first, again, other = generate(3, seed=SEED), generate(3, seed=SEED), generate(3, seed=SEED + 1)
    assert [d.text for d in first] == [d.text for d in again]
    assert first == again
    assert [d.text for d in first] != [d.text for d in other]
    assert generate(2, seed=SEED) == first[:2]  # a document depends only on the seed and its position


def test_command_line_writes_documents_and_questions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--n", "2", "--out", str(tmp_path), "--seed", str(SEED)]) == 0
    docs = generate(2, seed=SEED)
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == sorted(d.name for d in docs)
    lines = (tmp_path / "answers.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line, parse_float=Decimal) for line in lines]
    assert len(records) == sum(len(d.answers) for d in docs)
    assert len({r["id"] for r in records}) == len(records)
    first = docs[0].answers[0]
    assert records[0]["question"] == first.question and records[0]["doc"] == docs[0].name
    assert records[0]["expected"] == {"type": "number", "value": first.value, "unit": first.unit}
    assert "answers.jsonl" in capsys.readouterr().out
