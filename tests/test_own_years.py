"""Named departments each written with its own year are each read in that year's document (review r11c135:
"佛山轨道交通局2019年和烟台审计局2026年的三公经费合计" is 0.16 + 3.40 = 3.56 万元, never "一次问一个年度")."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.draft import Unanswerable
from assistant.own_years import own_years, scope_of_own_years
from index.records import DocumentInfo
from tests.conftest import REAL, store_of

FS, YT = "佛山市轨道交通局", "烟台市审计局"


def doc(doc_id: str, department: str, year: int, kind: str) -> DocumentInfo:
    return DocumentInfo(doc_id=doc_id, title=f"{year}年{department}部门{kind}", department=department, year=year,
                        kind=kind, unit="万元", filename="", n_facts=0, ingested_at="")  # fmt: skip


POOL = [doc("fs", FS, 2019, "决算"), doc("yt", YT, 2026, "预算"), doc("yt25", YT, 2025, "预算")]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("佛山轨道交通局2019年和烟台审计局2026年的三公经费合计是多少？", ((FS, 2019), (YT, 2026))),
        ("2019年佛山轨道交通局、2026年烟台审计局的三公经费谁多？", ((FS, 2019), (YT, 2026))),
        ("佛山轨道交通局和烟台审计局2026年的三公经费合计", ()),  # one year for both: no pairs
        ("佛山轨道交通局2019年和烟台审计局的三公经费2026年合计", ()),  # a year beside one name only
        ("佛山轨道交通局2019年和烟台审计局2019年的三公经费合计", ()),  # the same year: read as one year
    ],
)
def test_each_named_department_with_its_own_year(text: str, pairs: tuple[tuple[str, int], ...]) -> None:
    assert own_years(text, {FS: "佛山轨道交通局", YT: "烟台审计局"}) == pairs


def test_each_department_is_read_in_the_document_of_its_year() -> None:
    scope = scope_of_own_years(((FS, 2019), (YT, 2025)), POOL, ("预算", "决算"))
    assert [d.doc_id for d in scope.docs] == ["fs", "yt25"]
    assert scope.labelled and scope.when == "各部门所问年度的预算或决算"
    with pytest.raises(Unanswerable, match="2024"):
        scope_of_own_years(((FS, 2019), (YT, 2024)), POOL, ("预算", "决算"))


@pytest.mark.slow
def test_two_departments_each_in_its_own_year_are_summed_with_the_years_said(tmp_path: Path) -> None:
    """2024 上海市普陀区社会福利院 and 2026 北京市财政局 (223.80 万元): the sum of each one's own "三公" figure."""
    engine = Engine(Settings(store=store_of(tmp_path / "store", REAL / "fuliyuan-2024-danwei-yusuan.pdf",
                                           REAL / "beijing-caizheng-2026-dept-yusuan.pdf")))  # fmt: skip
    each = [
        engine.answer(q) for q in ("2024年上海市普陀区社会福利院三公经费是多少？", "2026年北京市财政局三公经费是多少？")
    ]
    assert all(not a.refused and a.value is not None for a in each), [a.text for a in each]
    summed = engine.answer("上海市普陀区社会福利院2024年和北京市财政局2026年的三公经费合计是多少？")
    assert not summed.refused, summed.text
    assert "年度不同" in summed.text and "一次问一个年度" not in summed.text
    assert summed.value == sum(a.value for a in each if a.value is not None), summed.text
