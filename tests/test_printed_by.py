"""A question naming no department but an item only one department's documents print is that department's;
printed by several, or a 科目's name (national template words), it is asked back (review r4a121, r4b037, r4b156)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import assistant.printed_by as printed_by_module
from assistant.printed_by import own_unit_words, points_at_own_unit, printed_by, without_place
from assistant.tokens import to_template
from index.records import DocumentInfo


def _doc(doc_id: str, department: str) -> DocumentInfo:
    return DocumentInfo(doc_id=doc_id, title=f"2026年{department}部门预算", department=department, year=2026,
                        kind="预算", unit="万元", filename="", n_facts=0, ingested_at="", aliases=(department,))  # fmt: skip


DOCS = {
    "jt": _doc("jt", "北京市交通委员会"),
    "cz": _doc("cz", "北京市财政局"),
    "sj": _doc("sj", "烟台市审计局"),
    "mz": _doc("mz", "烟台市民政局"),
    "za": _doc("za", "福州市公安局治安管理支队"),
    "sw": _doc("sw", "无锡市人力资源和社会保障局"),
}
# as the documents print them (2026 北京市交通委员会 p10, 烟台市审计局 表11)
TEXTS = {
    "jt": "四环主路维修专项工程：根据北京市政府工作报告相关工作要求……本项目计划安排年初预算 21384.60 万元。"
    "一般公共服务支出 行政运行 机关服务 政务信息化运维项目",
    "cz": "一般公共服务支出 行政运行 财政国库业务 预决算管理业务 政务信息化运维项目",
    "sj": "原审计署烟台基地退休人员补助经费 特定目标类 170.00 行政运行",
    "mz": "行政运行 养老服务 烟台基地",
    "za": "福州市公安局治安管理支队 福州市公安局 商务发展资金 资助展会场次≥20场 专项资金绩效目标",
    "sw": "无锡市人社局 就业补助资金绩效目标 行政运行",
}
CODED = ("一般公共服务支出", "行政运行", "财政国库业务")


def _coded(text: str) -> list[str]:
    return [name for name in CODED if name in text]


def _scope(question: str) -> list[str]:
    return printed_by(to_template(question), DOCS, TEXTS.__getitem__, _coded)  # as `understand` reads it


@pytest.mark.parametrize(
    ("question", "docs"),
    [
        ("北京四环主路维修专项工程年初预算安排多少？", ["jt"]),  # prose of one department of the place said
        ("四环主路维修专项工程年初预算安排多少？", ["jt"]),
        ("原审计署烟台基地退休人员补助经费多少？", ["sj"]),  # a row; the place inside the name is no scope
        # round 8 r8b186: "资金绩效目标" across two words is printed by others too; the names only one prints decide
        ("商务发展资金绩效目标里资助展会场次要达到多少？", ["za"]),
    ],
)
def test_an_item_only_one_department_prints_scopes_the_question(question: str, docs: list[str]) -> None:
    assert _scope(question) == docs


@pytest.mark.parametrize(
    "question",
    [
        "烟台四环主路维修专项工程年初预算安排多少？",  # printed by a department of another place
        "一般公共服务支出行政运行是多少？",  # 科目 names: every department prints them
        "政务信息化运维项目安排了多少？",  # a project of two departments
        "烟台基地多少？",  # shorter than an item's name
        "明年的工作重点是什么？",  # printed by none
        "万里2024年四环主路维修专项工程多少？",  # a name not read stands before the item
        "福州市公安局2026年全局的预算是多少？",  # part of a department's name is no item
        "商务发展资金和就业补助资金各多少？",  # two items, each printed by another department
    ],
)
def test_an_item_printed_by_several_or_by_none_scopes_nothing(question: str) -> None:
    assert _scope(question) == []


def test_only_the_place_a_question_opens_with_is_blanked() -> None:
    assert without_place("北京四环主路维修专项工程", "北京市交通委员会") == "  四环主路维修专项工程"
    assert without_place("原审计署烟台基地", "烟台市审计局") == "原审计署烟台基地"
    assert without_place("北京四环主路", "烟台市审计局") == "北京四环主路"


@pytest.mark.parametrize(
    "word",
    tomllib.loads((Path(printed_by_module.__file__).with_name("printed_by.toml")).read_text(encoding="utf-8"))[
        "asked_words"
    ],
)
def test_each_asked_word_is_no_part_of_an_item(word: str) -> None:
    texts = {**TEXTS, "cz": TEXTS["cz"] + f"专项经费{word}"}  # printed by one department only
    assert printed_by(f"专项经费{word}", DOCS, texts.__getitem__, _coded) == []


@pytest.mark.parametrize("word", own_unit_words())
def test_a_question_pointing_at_the_askers_own_unit_is_never_scoped_by_printing(word: str) -> None:
    assert points_at_own_unit(f"{word}社会工作事务行政运行是多少？")
    assert not points_at_own_unit("社会工作事务行政运行是多少？")


@pytest.mark.slow
def test_the_askers_own_unit_is_asked_back_though_one_department_prints_the_item(store_real: Path) -> None:
    from assistant.answer import Engine
    from assistant.config import Settings

    engine = Engine(Settings(store=store_real))
    named = engine.answer("社会工作事务行政运行2024年决算多少？")  # only 社工部 prints it: answered for 社工部
    assert not named.choices and "社会工作部" in named.text
    own = engine.answer("我们单位社会工作事务行政运行2024年决算多少？")  # "我们单位": no document says which
    assert own.refused and len(own.choices) == 3  # asked which of the three departments


@pytest.mark.parametrize(
    ("text", "printed", "department"),
    [
        ("北京的城市道路挖掘修复费2026年预计能收多少？", "城市道路挖掘修复费收入预计15000万元", "北京市交通委员会"),
        (
            "西安2019年新增的城乡居民煤改洁奖补资金有多少？",
            "一是新增城乡居民煤改洁奖补资金75000万元",
            "西安市发展和改革委员会",
        ),
        ("西安2019年要轮换多少市级储备小麦？", "轮换市级储备小麦2.1亿斤", "西安市发展和改革委员会"),
    ],
)
def test_words_before_the_item_that_its_department_prints_name_no_other(
    text: str, printed: str, department: str
) -> None:
    """A particle after the place ("北京的") or a word the printing department's own text prints ("新增", "轮换")
    is no name of another department: the question is that department's."""
    docs = {"a": _doc("a", department), "b": _doc("b", "上海市普陀区社会福利院")}
    texts = {"a": printed, "b": "社会福利事业单位支出"}
    assert printed_by(text, docs, texts.__getitem__, None) == ["a"]


def test_a_run_others_print_only_inside_a_longer_subject_name_is_the_one_printing_it_as_its_own() -> None:
    """r11a145: 重庆市水利局 prints the project "水库移民后期扶持"; 佛山's 决算 prints the words only inside its 科目
    "大中型水库移民后期扶持基金支出" (another item). Printed outside a 科目 by both, it is asked back."""
    docs = {"cq": _doc("cq", "重庆市水利局"), "fs": _doc("fs", "佛山市轨道交通局")}
    coded = ("大中型水库移民后期扶持基金支出", "其他大中型水库移民后期扶持基金支出")

    def names(text: str) -> list[str]:
        return sorted((n for n in coded if n in text), key=len, reverse=True)

    texts = {"cq": "水库移民后期扶持 实施项目数量 ≥86个", "fs": "20822 大中型水库移民后期扶持基金支出 0.00"}
    assert printed_by("水库移民后期扶持项目的当年预算多少？", docs, texts.__getitem__, names) == ["cq"]
    both = {**texts, "fs": texts["fs"] + " 水库移民后期扶持资金"}
    assert printed_by("水库移民后期扶持项目的当年预算多少？", docs, both.__getitem__, names) == []
