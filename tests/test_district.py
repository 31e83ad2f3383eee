"""The generated district (eval/district.py): its documents, its question answers recomputed here from
the generator's cells, its department names, its cache and ingest, and the scorer."""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from assistant.departments import department_aliases
from assistant.records import Answer, Entry
from eval.district import DEPARTMENTS, REAL, abbreviations, alias_clashes, main
from eval.district import build as build_district
from eval.district_score import score, summarize
from eval.template_maker import make_juesuan, make_yusuan

WAN = Decimal(10000)
# Where each item is printed, written out again here (not imported) so that the generator's answers are
# checked against an independent reading of the cells. Longest words first: 支出 is the last resort.
PLACES = {
    "公务用车运行维护费": {"决算": ("财政拨款“三公”经费支出决算表", "“三公”经费", "公务用车运行维护费/决算数")},
    "公务用车运行费": {"预算": ("部门“三公”经费和机关运行经费预算表", "“三公”经费", "运行费")},
    "因公出国（境）费": {
        "决算": ("财政拨款“三公”经费支出决算表", "“三公”经费", "因公出国（境）费/决算数"),
        "预算": ("部门“三公”经费和机关运行经费预算表", "“三公”经费", "因公出国(境)费"),
    },
    "公务接待费": {
        "决算": ("财政拨款“三公”经费支出决算表", "“三公”经费", "公务接待费/决算数"),
        "预算": ("部门“三公”经费和机关运行经费预算表", "“三公”经费", "公务接待费"),
    },
    "“三公”经费": {
        "决算": ("财政拨款“三公”经费支出决算表", "“三公”经费", "合计/决算数"),
        "预算": ("部门“三公”经费和机关运行经费预算表", "“三公”经费", "合计"),
    },
    "住房公积金": {"决算": ("支出决算表", "2210201", "本年支出合计"), "预算": ("{y}年部门支出预算总表", "2210201", "合计")},
    "人员经费": {
        "决算": ("一般公共预算财政拨款基本支出决算表", "人员经费合计", "决算数"),
        "预算": ("{y}年部门一般公共预算基本支出部门预算经济分类预算表", "合计", "人员经费"),
    },
    "公用经费": {
        "决算": ("一般公共预算财政拨款基本支出决算表", "公用经费合计", "决算数"),
        "预算": ("{y}年部门一般公共预算基本支出部门预算经济分类预算表", "合计", "公用经费"),
    },
    "基本支出": {"决算": ("支出决算表", "合计", "基本支出"), "预算": ("{y}年部门支出预算总表", "合计", "基本支出")},
    "项目支出": {"决算": ("支出决算表", "合计", "项目支出"), "预算": ("{y}年部门支出预算总表", "合计", "项目支出")},
    "支出": {"决算": ("支出决算表", "合计", "本年支出合计"), "预算": ("{y}年部门支出预算总表", "合计", "合计")},
}  # fmt: skip


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five departments (one 决算 in 元, one 预算 in 万元, captions, split codes) × 2023–2024 × 预算/决算."""
    out = tmp_path_factory.mktemp("district")
    assert main(["build", "--out", str(out), "--departments", "5", "--years", "2023", "2024", "--no-ingest"]) == 0
    return out


def load(out: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    expected = json.loads((out / "expected.json").read_text(encoding="utf-8"))
    lines = (out / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return expected, [json.loads(line) for line in lines]


def amount(doc: dict[str, Any], word: str) -> Decimal:
    """An item of one document in 万元, read from expected.json's cells (blank = 0)."""
    table, row, column = PLACES[word][doc["kind"]]
    table = table.format(y=doc["year"])
    value = Decimal(doc["cells"].get(f"{table}|{row}|{column}", "0"))
    return value / WAN if doc["tables"][table] == "元" else value


def about(question: str, docs: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """The item a district-wide question names and the documents of its year and kind."""
    year = int(re.search(r"(20\d\d)年", question).group(1))  # type: ignore[union-attr]
    kind = "决算" if "决算" in question else "预算"
    word = next(w for w in PLACES if w in question and kind in PLACES[w])
    return word, [d for d in docs.values() if d["year"] == year and d["kind"] == kind]


def cent(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01"), ROUND_HALF_UP))


def test_every_department_has_names_no_other_department_uses() -> None:
    names = [n for n, _ in DEPARTMENTS] + sorted({d for d, _, _ in REAL.values()})
    assert len(DEPARTMENTS) >= 40 and len(set(names)) == len(names)
    assert alias_clashes(names) == []
    for name, short in DEPARTMENTS:
        assert short in department_aliases(name, abbreviations()), (name, short)


def test_the_alias_check_finds_a_clash() -> None:
    clashes = alias_clashes(["上海市普陀区图书馆", "上海市普陀区少年儿童图书馆"])
    assert ("上海市普陀区图书馆", "图书馆", "上海市普陀区少年儿童图书馆", "少年儿童图书馆") in clashes


@pytest.mark.slow
def test_the_district_is_laid_out_with_every_printed_cell(district: Path) -> None:
    expected, _ = load(district)
    docs = expected["documents"]
    assert len(docs) == 20 and all((district / "pdf" / f).stat().st_size > 20_000 for f in docs)
    units = {(d["kind"], d["unit"]) for d in docs.values()}
    assert units == {("决算", "万元"), ("决算", "元"), ("预算", "元"), ("预算", "万元")}
    # one document made again by the maker directly: the same cells, as printed
    doc = docs["04-juesuan-2024.pdf"]
    again = make_juesuan(district / "again.pdf", **{"department": doc["department"], "year": 2024, **doc["layout"]})
    assert doc["unit"] == "元" and {"|".join(k): str(v) for k, v in again.cells.items()} == doc["cells"]
    doc = docs["01-yusuan-2023.pdf"]
    again = make_yusuan(district / "again.pdf", **{"department": doc["department"], "year": 2023, **doc["layout"]})
    assert doc["unit"] == "万元" and again.value("2023年部门支出预算总表", "合计", "合计") == Decimal(
        doc["cells"]["2023年部门支出预算总表|合计|合计"]
    )


@pytest.mark.slow
def test_totals_and_averages_are_the_sums_of_the_cells(district: Path) -> None:
    expected, questions = load(district)
    checked = 0
    for q in questions:
        if q["kind"] in ("total", "average"):
            word, docs = about(q["question"], expected["documents"])
            total = sum((amount(d, word) for d in docs), Decimal(0))
            want = total / len(docs) if q["kind"] == "average" else total
            assert q["expected"] == {"value": cent(want), "unit": "万元", "departments_counted": 5}, q
            checked += 1
    assert checked >= 20


def test_the_first_of_a_ranking_is_the_largest_or_smallest_cell(district: Path) -> None:
    expected, questions = load(district)
    ranks = [q for q in questions if q["kind"] == "rank_top"]
    assert len(ranks) >= 10
    for q in ranks:
        word, docs = about(q["question"], expected["documents"])
        pick = min if ("少" in q["question"] or "低" in q["question"]) else max
        top = pick(docs, key=lambda d: amount(d, word))
        assert q["expected"]["department"] == top["department"], q
        assert q["expected"]["value"] == cent(amount(top, word)), q


def test_a_reception_total_is_the_sum_of_its_cells(district: Path) -> None:
    """公务接待费 of every 2024 决算, one of them printed in 元 (÷ 10000)."""
    expected, _ = load(district)
    docs = [d for d in expected["documents"].values() if d["year"] == 2024 and d["kind"] == "决算"]
    cells = [d["cells"].get("财政拨款“三公”经费支出决算表|“三公”经费|公务接待费/决算数") for d in docs]
    by_hand = sum(Decimal(c) / (WAN if d["unit"] == "元" else 1) for c, d in zip(cells, docs, strict=True) if c)
    assert by_hand == sum(amount(d, "公务接待费") for d in docs) and by_hand > 0


def test_year_over_year_and_budget_questions_use_the_two_documents(district: Path) -> None:
    expected, questions = load(district)
    docs = expected["documents"]
    short = {d["short"]: d["department"] for d in docs.values()}
    yoy = [q for q in questions if q["kind"] == "yoy" and q["expected"]["unit"] == "万元"]
    bva = [q for q in questions if q["kind"] == "budget_vs_actual" and q["expected"]["unit"] == "%"]
    assert yoy and bva
    for q in yoy:
        name = short[next(s for s in sorted(short, key=len, reverse=True) if q["question"].startswith(s))]
        word, _ = about(q["question"], docs)
        kind = "决算" if "决算" in q["question"] else "预算"
        now, before = (next(d for d in docs.values() if (d["department"], d["year"], d["kind"]) == (name, y, kind))
                       for y in (2024, 2023))  # fmt: skip
        assert q["expected"]["value"] == cent(abs(amount(now, word) - amount(before, word))), q
    for q in bva:
        name = short[next(s for s in sorted(short, key=len, reverse=True) if q["question"].startswith(s))]
        year = int(re.search(r"(20\d\d)年", q["question"]).group(1))  # type: ignore[union-attr]
        pair = {d["kind"]: d for d in docs.values() if (d["department"], d["year"]) == (name, year)}
        rate = amount(pair["决算"], "支出") * 100 / amount(pair["预算"], "支出")
        assert q["expected"]["value"] == cent(rate), q


def test_questions_avoid_the_years_of_real_documents(district: Path) -> None:
    from eval.district_questions import load_docs, write_questions

    expected, _ = load(district)
    questions = write_questions(load_docs(expected), skip={(2024, "决算"), (2024, "预算")})
    wide = [q for q in questions if q["kind"] in ("rank_top", "total", "average", "share_rank")]
    assert wide and not any("2024年" in q["question"] for q in wide)


@pytest.mark.slow
def test_a_second_build_lays_out_and_ingests_nothing_again(tmp_path: Path) -> None:
    first = build_district(tmp_path, departments=1, years=(2024,), real=False, ingest=True, jobs=1)
    assert first["laid_out"] == 2 and first["ingested"] == 2 and first["documents"] == 2 and first["facts"] > 500
    stamp = (tmp_path / "pdf" / "00-juesuan-2024.pdf").stat().st_mtime_ns
    second = build_district(tmp_path, departments=1, years=(2024,), real=False, ingest=True, jobs=1)
    assert (
        second["laid_out"] == 0
        and second["ingested"] == 0
        and second["documents"] == 2
        and second["facts"] == first["facts"]
    )
    assert (tmp_path / "pdf" / "00-juesuan-2024.pdf").stat().st_mtime_ns == stamp


def entry(department: str, value: str | None, source: str = "支出决算表 · 合计 · 本年支出合计（第5页）") -> Entry:
    return Entry(
        department=department, year=2024, kind="决算", doc_id="d", value=None if value is None else Decimal(value),
        unit="万元", source=source,
    )  # fmt: skip


A, B, C = "上海市普陀区财政局", "上海市普陀区规划和自然资源局", "上海市普陀区教育局"


def test_the_scorer_converts_units_and_checks_departments_in_order() -> None:
    q = {
        "id": "r",
        "kind": "rank_n",
        "question": "…",
        "expected": {"departments": [A, B], "value": "12.35", "unit": "万元"},
    }
    right = Answer(question="…", text="…", refused=False, value=Decimal("123456.78"), unit="元",
                   entries=[entry(A, "12.35"), entry(B, "3"), entry(C, "1")])  # fmt: skip
    assert score(q, right, 5.0)["passed"]
    swapped = Answer(question="…", text="…", refused=False, value=Decimal("12.35"), unit="万元",
                     entries=[entry(B, "12.35"), entry(A, "3")])  # fmt: skip
    assert score(q, swapped, 5.0)["wrong_confident"]
    off = Answer(question="…", text="…", refused=False, value=Decimal("12.36"), unit="万元", entries=right.entries)
    assert score(q, off, 5.0)["wrong_confident"]
    untraced = Answer(question="…", text="…", refused=False, value=Decimal("12.35"), unit="万元",
                      entries=[entry(A, "12.35", source=""), entry(B, "3")])  # fmt: skip
    result = score(q, untraced, 5.0)
    assert not result["passed"] and result["untraced"] == [A] and not result["wrong_confident"]
    refused = Answer(question="…", text="库中没有", refused=True)
    assert not score(q, refused, 5.0)["confident"]


def test_the_scorer_compares_a_filter_as_a_set_and_accepts_a_signed_change() -> None:
    q = {"id": "f", "kind": "filter", "question": "…", "expected": {"departments": sorted([A, C])}}
    got = Answer(question="…", text="…", refused=False, entries=[entry(C, "9"), entry(A, "8")])
    assert score(q, got, 1.0)["passed"]
    more = Answer(question="…", text="…", refused=False, entries=[entry(C, "9"), entry(A, "8"), entry(B, "7")])
    assert score(q, more, 1.0)["wrong_confident"]
    q = {
        "id": "y",
        "kind": "yoy",
        "question": "…减少了多少？",
        "expected": {"value": "5.00", "unit": "万元", "also": ["-5.00"]},
    }
    for value in ("5", "-5", "-50000"):
        unit = "元" if value == "-50000" else "万元"
        assert score(q, Answer(question="…", text="…", refused=False, value=Decimal(value), unit=unit), 1.0)["passed"]
    results = [
        score(q, Answer(question="…", text="…", refused=False, value=Decimal("6"), unit="万元"), ms) for ms in (1, 9)
    ]
    summary = summarize(results)
    assert summary["wrong_confident"] == 2 and summary["by_kind"]["yoy"]["max_ms"] == 9
