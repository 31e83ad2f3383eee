"""A count the text gives only as a list of names (assistant/listed_count.py, listed_count.toml): 烟台市审计局 2026
部门预算 p6 lists its 4 二级预算单位 as numbered lines; 无锡市交通运输局 2026 单位预算 p5 lists its 15 内设机构 in one
sentence."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest

from assistant.counts import asked
from assistant.listed_count import cues, listed_count
from index.records import Chunk, DocumentInfo

YANTAI = DocumentInfo(doc_id="yt", title="2026年烟台市审计局部门预算", department="烟台市审计局", year=2026, kind="预算",
          unit="万元", filename="", n_facts=0, ingested_at="", aliases=("烟台审计局",))  # fmt: skip
WUXI = DocumentInfo(doc_id="wx", title="2026年无锡市交通运输局单位预算", department="无锡市交通运输局", year=2026,
          kind="预算", unit="万元", filename="", n_facts=0, ingested_at="", aliases=("无锡交通局",))  # fmt: skip
UNITS = (
    "第一部分 部门概况 > 二、机构设置情况\n烟台市审计局部门预算包括：局机关预算、局属事业单位预算。\n"
    "纳入烟台市审计局2026年部门预算编制范围的二级预算单位包括：\n1.烟台市审计局\n2.烟台市审计服务中心\n"
    "3.烟台市审计局长岛海洋生态文明综合试验区分局\n4.长岛海洋生态文明综合试验区经济责任审计服务中心"
)
OFFICES = (
    "第一部分 单位概况 > 二、单位机构设置及预算单位构成情况\n根据单位职责分工，本单位内设机构包括：办公室、政策法规处、"
    "政务服务处、综合计划处、科技与数据管理处、安全监督处、运输管理处、建设管理处、港航管理处、航空处、低空飞行服务处、"
    "铁路处、财务审计处、组织人事处、宣传教育处。本单位无下属单位。"
)
NEXT = "第三部分 2026年部门预算情况 > 一、预算收支增减变化情况说明\n按照综合预算的原则，本单位所有收入和支出均纳入部门预算管理。"


def chunk(doc: str, text: str, n: int) -> Chunk:
    where = text.split(" > ")[0]
    return Chunk(id=f"{doc}{n}", doc_id=doc, where=where, text=text, metadata={"kind": "prose", "page": 6})


def chunks_of(*texts: str, doc: str = "yt") -> object:
    def read(doc_ids: Sequence[str]) -> list[Chunk]:
        return [chunk(doc, t, n) for n, t in enumerate(texts)]

    return read


@pytest.mark.parametrize(
    "question",
    [
        "烟台审计局纳入预算的单位有几个？",
        "烟台市审计局纳入部门预算的二级预算单位有几个？",
        "烟台市审计局部门预算包括几个二级预算单位？",
    ],
)
def test_numbered_names_are_counted(question: str) -> None:
    draft = listed_count(question, [YANTAI], chunks_of(UNITS, NEXT))
    assert draft is not None and draft.value == Decimal(4) and draft.unit == "个"
    assert "烟台市审计服务中心" in draft.text and "1." not in draft.text
    assert draft.citations[0].text.startswith("纳入烟台市审计局2026年部门预算编制范围的二级预算单位包括：")


@pytest.mark.parametrize("noun", [*cues()["nouns"]])
def test_names_in_one_sentence_are_counted_for_each_noun(noun: str) -> None:
    draft = listed_count(f"无锡市交通运输局内设了多少个{noun}？", [WUXI], chunks_of(OFFICES, doc="wx"))
    assert draft is not None and draft.value == Decimal(15), noun
    assert "宣传教育处" in draft.text and "下属单位" not in draft.text.split("出处")[0]


@pytest.mark.parametrize("unit", cues()["units"])
def test_each_unit_counts_names(unit: str) -> None:
    a = asked(f"烟台市审计局有几{unit}二级预算单位？", ["烟台市审计局"])
    assert a is not None and a.unit == unit
    draft = listed_count(f"烟台市审计局有几{unit}二级预算单位？", [YANTAI], chunks_of(UNITS, NEXT))
    assert draft is not None and draft.value == Decimal(4)
    assert asked(cues()["example_unit"], ["烟台市审计局"]) is not None


@pytest.mark.parametrize("link", cues()["links"])
def test_each_link_before_the_colon(link: str) -> None:
    text = f"二、机构设置\n本单位内设机构{link}：办公室、财务科、业务科。"
    draft = listed_count("无锡市交通运输局有几个内设机构？", [WUXI], chunks_of(text, doc="wx"))
    assert draft is not None and draft.value == Decimal(3), link


def test_no_count_when_the_list_goes_on_in_the_next_passage() -> None:
    cut = UNITS.rsplit("\n", 2)[0]  # items 1–2 in one passage, 3–4 in the next
    rest = "第一部分 部门概况 > 二、机构设置情况\n3.烟台市审计局长岛分局\n4.长岛经济责任审计服务中心"
    assert listed_count("烟台市审计局有几个二级预算单位？", [YANTAI], chunks_of(cut, rest)) is None


def test_no_count_for_another_noun_or_lists_of_different_lengths() -> None:
    assert listed_count("烟台市审计局有几个内设机构？", [YANTAI], chunks_of(UNITS, NEXT)) is None
    other = "二、机构设置\n另有二级预算单位包括：\n1.甲\n2.乙"
    assert listed_count("烟台市审计局有几个二级预算单位？", [YANTAI], chunks_of(UNITS, other)) is None
    assert listed_count("烟台市审计局计划购置几个二级预算单位？", [YANTAI], chunks_of(UNITS, NEXT)) is None


@pytest.mark.parametrize(
    "question",
    ["烟台审计局2026年实际审计了多少个单位？", "烟台审计局今年要审计几个单位？", "烟台市审计局去年检查了几个单位？"],
)
def test_a_word_the_list_does_not_print_before_the_count_is_no_count_of_the_list(question: str) -> None:
    # round 10 r10c106: "实际审计了多少个单位" was answered with the 4 budget units the text lists
    assert listed_count(question, [YANTAI], chunks_of(UNITS, NEXT)) is None


@pytest.mark.parametrize("aside", cues()["asides"])
def test_each_aside_before_the_count_names_nothing(aside: str) -> None:
    draft = listed_count(f"烟台审计局{aside}有几个二级预算单位？", [YANTAI], chunks_of(UNITS, NEXT))
    assert draft is not None and draft.value == Decimal(4)
