"""The self-audit: rounding within 尾数误差, real inconsistencies, no mismatch from parsing."""

from decimal import Decimal

from index.audit import audit
from index.ingest import Parsed


def test_sample_audit(sample: Parsed) -> None:
    checks = audit(sample.disclosure, sample.facts)
    assert len(checks) >= 20
    kinds = {c.kind for c in checks}
    assert {"科目层级", "合计", "收支平衡", "支出构成", "表间一致", "文表一致", "构成", "增长率", "科目名称"} <= kinds

    by_where = {c.where: c for c in checks}
    popularisation = by_where["表7 20607 科学技术普及 · 支出总计"]
    assert (popularisation.expected, popularisation.found, popularisation.status) == (
        Decimal(4566), Decimal(4565), "rounding",
    )  # fmt: skip
    parts = by_where["第三部分 部门预算支出具体情况 学会能力提升和学术交流促进项目 = 300+100+110+600+10+80+200+120+400"]
    assert (parts.expected, parts.found, parts.status) == (Decimal(1920), Decimal(1920), "ok")
    growth = by_where["第二部分 部门预算收支总体情况 部门预算收入 增长率 = 478/4,519"]
    assert (growth.expected, growth.status) == (Decimal("10.58"), "ok")
    prose_total = next(c for c in checks if c.kind == "文表一致" and "部门预算收入" in c.where)
    assert prose_total.status == "ok" and prose_total.found == Decimal(4997)

    # the only mismatches are the document's own: 表1/表6 name 2101101 事业单位医疗, 表7 行政单位医疗
    mismatches = [c for c in checks if c.status == "mismatch"]
    assert [(c.kind, c.expected, c.found) for c in mismatches] == [
        ("科目名称", "行政单位医疗", "事业单位医疗"),
        ("科目名称", "行政单位医疗", "事业单位医疗"),
    ]
    assert {c.where for c in mismatches} == {"表1 与 表7 · 2101101", "表6 与 表7 · 2101101"}


def test_second_disclosure_flags_the_planted_total(second: Parsed) -> None:
    checks = audit(second.disclosure, second.facts)
    mismatches = [c for c in checks if c.status == "mismatch"]
    assert mismatches, "the 10,000.00 gap under 20701 must be flagged"
    assert {c.difference for c in mismatches} == {Decimal("-10000.00")}
    assert {c.where.split(" · ")[0] for c in mismatches} == {
        "表1 20701 文化和旅游",
        "表6 20701 文化和旅游",
        "表7 20701 文化和旅游",
    }
    assert not [c for c in checks if c.status == "rounding"]
    assert sum(1 for c in checks if c.status == "ok") >= 100
