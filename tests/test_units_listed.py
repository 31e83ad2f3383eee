"""The units a budget covers, quoted with the list printed after the lead-in (assistant/units_listed.py)."""

from __future__ import annotations

import re

import pytest

from assistant.units_listed import _spec, asks_units, stated
from index.records import Chunk


def _prose(n: int, text: str, page: int, end: int | None = None) -> Chunk:
    meta: dict[str, str | int | float] = {"kind": "prose", "position": n, "page": page, "page_end": end or page}
    return Chunk(id=f"p{n}", doc_id="d", where="概况", text=text, metadata=meta)


def _table(n: int, text: str, page: int) -> Chunk:
    return Chunk(
        id=f"t{n}", doc_id="d", where="表格", text=text, metadata={"kind": "table", "position": n, "page": page}
    )


# 社工部 2024 决算 p4: the lead-in, a page header, then the units' table
SHEGONGBU = [
    _prose(
        1,
        "第一部分 概况 > 二、部门决算单位构成\n从预算单位构成看，社会工作部决算包括：本级决算、下属行政事业单位决算。\n"
        "纳入社会工作部 2024 年度部门决算编制范围的单位包括：\n社会工作部 2024 年度部门决算表",
        4,
        5,
    ),
    _table(2, "概况 · 表格（单位：万元）\n表头：序号｜单位名称｜备注\n社会工作部（本级）\n社会工作发展服务中心", 4),
    _table(3, "表1 收支总表（单位：万元）\n表头：项目｜预算数\n一般公共预算｜100.00", 4),
]


def test_a_lead_in_is_quoted_with_the_units_table_after_it() -> None:
    said, _ = stated(SHEGONGBU) or ("", None)
    assert said == "纳入社会工作部 2024 年度部门决算编制范围的单位包括：\n社会工作部（本级）\n社会工作发展服务中心"


def test_the_units_table_continued_on_the_next_page() -> None:
    lead = _prose(1, "概况\n纳入本部门 2021 年部门预算编制范围的二级预算单位共有 3 个，包括：", 17)
    header = "概况 · 表格（单位：万元）\n表头：序号｜单位名称｜拟变动情况\n"
    chunks = [
        lead,
        _table(5, header + "西安市民政局（机关）｜—\n西安市儿童福利院｜—", 17),
        _table(6, header + "西安市殡仪馆｜—", 18),
    ]
    assert stated(chunks)[0].splitlines()[1:] == ["西安市民政局（机关）", "西安市儿童福利院", "西安市殡仪馆"]  # type: ignore[index]


def test_a_table_of_figures_or_far_away_lists_no_units() -> None:
    far = [SHEGONGBU[0], _table(2, SHEGONGBU[1].text, 9), SHEGONGBU[2]]
    assert stated(far) is None  # the lead-in alone answers nothing


def test_numbered_items_and_a_stated_absence() -> None:
    listed = [_prose(1, "概况\n二级预算单位包括：\n1.烟台市审计局\n2.烟台市审计服务中心\n三、人员情况", 3)]
    assert stated(listed)[0].splitlines()[1:] == ["1.烟台市审计局", "2.烟台市审计服务中心"]  # type: ignore[index]
    none = [_prose(1, "概况\n本单位内设机构包括：办公室、财务审计处。本单位无下属单位。", 5)]
    assert stated(none)[0] == "本单位无下属单位。"  # type: ignore[index]  # 内设机构 are no units


@pytest.mark.parametrize(
    "question",
    [
        "社工部决算包括哪几个单位？",
        "无锡交通局有哪些下属单位？",
        "西安市发改委2019年部门预算包括哪些二级预算单位？",
        "预算单位有哪几家？",
    ],
)
def test_questions_asking_units(question: str) -> None:
    assert asks_units(question)


def test_each_ask_pattern_and_no_other_question() -> None:
    assert all(re.compile(p) for p in _spec()["asks"])
    assert not asks_units("社工部2024年基本支出是多少？")
    assert not asks_units("无锡交通局有几个下属单位？") and not asks_units("烟台审计局有几家二级预算单位？")  # a count
    assert not asks_units("内设机构有哪些？")
    assert re.fullmatch(_spec()["table_header"], "单位名称") and not re.fullmatch(_spec()["table_header"], "单位代码")
