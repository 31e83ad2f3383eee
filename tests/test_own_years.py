"""Named departments each written with its own year are each read in that year's document (review r11c135:
"佛山轨道交通局2019年和烟台审计局2026年的三公经费合计" is 0.16 + 3.40 = 3.56 万元, never "一次问一个年度")."""

from __future__ import annotations

import pytest

from assistant.draft import Unanswerable
from assistant.own_years import own_years, scope_of_own_years
from index.records import DocumentInfo

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
