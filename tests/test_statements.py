"""The audit of what a disclosure states about itself, on a real 决算 with planted problems.

The 社工部 2024 决算 (tests/data/real) is read once; each plant edits its text the way a drafting
error would (a year left from last year's document, a total printed as 0, an outcome changed
against its budget) and the audit must flag it, while the unedited document shows only its one
printed error (完成年初预算的 95.89% of a 年初预算 of 0).
"""

from decimal import Decimal
from pathlib import Path

import pytest

from index.audit import audit
from index.ingest import parse_text
from index.pdf import read_pages
from index.records import Check
from index.render import render
from index.statements import words

REAL = Path(__file__).parent / "data" / "real"


@pytest.fixture(scope="module")
def text() -> str:
    return render(read_pages(REAL / "shegongbu-2024-juesuan.pdf")[0])


def mismatches(text: str) -> list[Check]:
    parsed = parse_text(text, "shegongbu-2024-juesuan.pdf")
    return [c for c in audit(parsed.disclosure, parsed.facts) if c.status == "mismatch"]


def test_the_real_document_shows_only_its_printed_error(text: str) -> None:
    found = mismatches(text)
    assert [(c.kind, c.expected, c.found) for c in found] == [("执行率", Decimal("95.89"), "年初预算为0")]


def test_every_statement_of_the_real_document_is_checked(text: str) -> None:
    parsed = parse_text(text, "shegongbu-2024-juesuan.pdf")
    checks = audit(parsed.disclosure, parsed.facts)
    kinds = {c.kind for c in checks}
    assert {"年度", "日期", "执行率", "预决算方向", "收支平衡"} <= kinds
    outcome = next(c for c in checks if c.kind == "文表一致" and "社会工作事务/行政运行" in c.where)
    assert (outcome.expected, outcome.found, outcome.status) == (Decimal("51.32"), Decimal("51.32"), "ok")
    balance = [c for c in checks if c.kind == "收支平衡" and c.where.startswith("收入支出决算总表")]
    assert len(balance) == 3 and all(c.status == "ok" for c in balance)


PLANTS = [  # (what the document prints, the planted error, the kind of check that must flag it, a word of its place)
    ("2024 年度部门决算情况", "2023 年度部门决算情况", "年度", "2023年度部门决算情况"),
    ("总计\t307.82\t总计\t307.82", "总计\t0.00\t总计\t0.00", "收支平衡", "收入支出决算总表"),
    ("支出决算为 51.32 万元", "支出决算为 53.32 万元", "预决算方向", "行政运行"),
    ("支出决算为 6.18 万元", "支出决算为 9.18 万元", "预决算方向", "机关事业单位基本养老保险缴费支出"),
    ("支出决算为 17.70 万元", "支出决算为 17.07 万元", "执行率", "住房公积金"),
    ("截至 2024 年 12 月 31 日", "截至 2023 年 12 月 31 日", "日期", "截至2023年12月31日"),
]


@pytest.mark.parametrize(("printed", "planted", "kind", "place"), PLANTS, ids=[p[2] + p[3] for p in PLANTS])
def test_a_planted_problem_is_flagged(text: str, printed: str, planted: str, kind: str, place: str) -> None:
    assert printed in text
    flagged = [c for c in mismatches(text.replace(printed, planted, 1 if kind != "年度" else -1))]
    assert any(c.kind == kind and place in c.where for c in flagged), flagged


def test_a_changed_outcome_also_disagrees_with_its_table(text: str) -> None:
    flagged = mismatches(text.replace("支出决算为 51.32 万元", "支出决算为 53.32 万元"))
    table = next(c for c in flagged if c.kind == "文表一致")
    assert (table.expected, table.found) == (Decimal("53.32"), Decimal("51.32"))
    rate = next(c for c in flagged if c.kind == "执行率" and "行政运行" in c.where)
    assert (rate.expected, rate.found) == (Decimal("98.69"), Decimal("102.54"))


@pytest.mark.parametrize(
    ("kind", "year", "sentence", "status"),
    [
        ("预算", 2026, "截至2025年12月31日，共有车辆5辆。", "ok"),  # a 预算 states stocks at last year's end
        ("预算", 2026, "截止2026年3月，共有车辆5辆。", "ok"),
        ("预算", 2026, "截至2024年12月31日，共有车辆5辆。", "mismatch"),
        ("决算", 2024, "截至2024年12月31日，共有车辆5辆。", "ok"),
        ("决算", 2024, "截止到2023年12月31日，共有车辆5辆。", "mismatch"),
    ],
)
def test_dates_by_kind(kind: str, year: int, sentence: str, status: str) -> None:
    from index.records import Disclosure, Paragraph, Section
    from index.statements import statement_checks

    d = Disclosure(
        doc_id="x", title="", department="某局", year=year, kind=kind, unit="万元", tables={}, indicators=[],
        sections=[Section(heading="其他", paragraphs=[Paragraph(text=sentence, trail=("其他",))], subsections=[])],
    )  # fmt: skip
    assert [c.status for c in statement_checks(d) if c.kind == "日期"] == [status]


def test_vocabulary_is_data() -> None:
    w = words()
    assert "截至" in w.as_of and ("全年预算为", "全年") in w.budget and "支出决算为" in w.actual
    assert {"小于", "大于", "持平"} <= {*w.less, *w.more, *w.same}
