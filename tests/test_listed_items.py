"""A lead-in sentence quoted with the list printed after it (assistant/listed_items.py, listed_items.toml)."""

from __future__ import annotations

import re

from assistant.listed_items import _spec, with_items

LEAD = "纳入烟台市审计局2026年部门预算编制范围的二级预算单位包括："
PASSAGE = f"第一部分 部门概况\n烟台市审计局部门预算包括：局机关预算、局属事业单位预算。\n{LEAD}\n1.烟台市审计局\n2.烟台市审计服务中心\n三、人员情况"


def test_the_item_example_is_an_item() -> None:
    assert re.match(_spec()["item"], _spec()["item_example"])
    assert all(re.match(_spec()["item"], line) for line in ["（一）办公室", "(3)财务室", "二、后勤部", "12、护理部"])
    assert not re.match(_spec()["item"], "2026年部门预算收入 100 万元")


def test_a_lead_in_is_quoted_with_the_items_after_it() -> None:
    assert with_items(LEAD, [PASSAGE]) == f"{LEAD}\n1.烟台市审计局\n2.烟台市审计服务中心"  # "三、": a heading
    # a sentence that opens no list, or a lead-in with no item after it, is quoted as it is
    assert with_items("烟台市审计局部门预算包括：局机关预算、局属事业单位预算。", [PASSAGE]).endswith("预算。")
    assert (
        with_items("纳入的单位包括：", ["纳入的单位包括：\n中共上海市普陀区委社会工作部 2024 年度部门决算表"])
        == "纳入的单位包括："
    )
    for colon in _spec()["colons"]:
        assert with_items(f"单位包括{colon}", [f"单位包括{colon}\n1.甲"]) == f"单位包括{colon}\n1.甲"
