"""Held counts across departments, each read from its own narrative (reviews r4b196, r8a180; issue 23 item 7):
2026 北京市财政局 "共有车辆27台", 深圳市财政局（本级）"本单位共有车辆3辆" and "单价100万元以上设备16台（套）",
深圳市科技创新局（本级）"共有车辆4辆" and "单价100万元以上设备14台（套）", 2024 万里街道 "共有车辆7辆",
社会福利院 "共有车辆2辆", 社工部 "共有车辆0辆"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.count_across import _asked, _spec, _unit
from assistant.counts import cues
from assistant.render import answer_json
from tests.conftest import REAL, store_of


@pytest.mark.parametrize(
    ("question", "noun", "way"),
    [
        ("北京市财政局和深圳市财政局谁的公车多？", "车辆", "most"),
        ("北京市财政局和深圳市财政局哪个部门车辆更少？", "车辆", "least"),
        ("三个民政局哪个车最多", "车辆", "most"),
        ("上海普陀那三家单位（社会福利院、社工部、万里街道）谁的车最多？", "车辆", "most"),
        ("全库里公务车最多的是哪个部门？", "车辆", "most"),  # r10c135: the store as the scope
        ("上海普陀这三家单位里车最多的是哪个？", "车辆", "most"),  # the set asked of is no part of the noun
    ],
)
def test_a_comparison_of_counts_is_read(question: str, noun: str, way: str) -> None:
    assert _asked(question) == (noun, "辆", way)


@pytest.mark.parametrize(
    "question", ["烟台两个局单价100万元以上设备一共几台？", "无锡2个局的单价100万元以上设备一共几台？"]
)  # r12c166
def test_a_place_s_counted_set_before_the_noun_is_no_part_of_it(question: str) -> None:
    assert _asked(question) == ("单价100万元以上设备", "台", "sum")


# one question per pattern of count_across.toml, in order
PATTERNS = {
    "patterns": [
        ("谁的公车多？", "车辆", "most"),
        ("单价100万元以上设备最多的是哪个部门", "单价100万元以上设备", "most"),
        ("库里所有部门里，车辆最多的是哪个？", "车辆", "most"),  # r11c115
    ],
    "none": [
        ("哪些单位一辆公车都没有", "车辆", "none"),
        ("北京这四个部门（财政局、交通委、民政局、信访办）里哪个没有公车", "车辆", "none"),
        ("没有车辆的是哪些单位", "车辆", "none"),
    ],
    "each": [
        ("深圳财政局、科创局、水务局的单价100万元以上设备分别有多少台", "单价100万元以上设备", "each"),
        ("单价100万元以上的设备分别有多少？", "单价100万元以上的设备", "each"),  # r10c145
    ],
    "sum": [
        ("这三个部门的公车加起来一共多少辆？", "车辆", "sum"),  # r10a144
        ("截至2025年底一共有多少台车？", "车辆", "sum"),  # r10b178
        ("上海普陀区社会福利院、无锡交通局、烟台审计局的车辆合计？", "车辆", "sum"),  # r11c137
    ],
    "difference": [
        ("北京交通委比北京民政局多多少辆车？", "车辆", "difference"),  # r12b177
        ("深圳科创局的单价100万元以上设备比深圳财政局少几台？", "单价100万元以上设备", "difference"),
        ("北京财政局和深圳财政局的公车相差多少辆？", "车辆", "difference"),
    ],
}


@pytest.mark.parametrize(
    ("key", "at"), [(k, i) for k in ("patterns", "none", "each", "sum", "difference") for i in range(len(_spec()[k]))]
)
def test_each_pattern_reads_its_question(key: str, at: int) -> None:
    question, noun, way = PATTERNS[key][at]
    assert re.search(_spec()[key][at], question)
    assert _asked(question) == (noun, _unit(noun), way)


@pytest.mark.parametrize(
    "question",
    [
        "北京市财政局和深圳市财政局谁的预算多？",
        "谁的公车多，谁的预算多？",
        "哪个部门的车辆购置费最多",
        "车辆购置费合计是多少？",
        "北京市财政局的三公经费比深圳市财政局多多少？",  # money: the engine across documents
        "北京市财政局的车辆购置费比深圳市财政局多多少？",
    ],
)
def test_what_compares_no_known_count_is_not_read(question: str) -> None:
    assert _asked(question) is None


@pytest.mark.parametrize(("noun", "unit"), list(_spec()["units"].items()))
def test_each_compared_noun_is_counted_in_a_unit_counts_reads(noun: str, unit: str) -> None:
    assert unit in cues()["units"]
    assert _unit(f"单价100万元以上{noun}") == unit  # a noun is known by its ending too


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("count_across") / "store"
    names = ["beijing-caizheng-2026-dept-yusuan", "shenzhen-caizheng-2026-dept-yusuan", "shenzhen-keji-2026-dept-yusuan",
             "wanli-2024-yusuan", "fuliyuan-2024-danwei-yusuan", "shegongbu-2024-juesuan"]  # fmt: skip
    return store_of(folder, *(REAL / f"{n}.pdf" for n in names))


@pytest.fixture(scope="module")
def engine(six: Path) -> Engine:
    return Engine(Settings(store=six))


def _ask(engine: Engine, question: str) -> dict:
    a = answer_json(engine.answer(question, []))
    assert not a["refused"], a["text"]
    assert a["figures"] and {f["verdict"] for f in a["figures"]} == {"verified"}
    return a


@pytest.mark.slow
def test_whose_count_is_larger_is_said_with_both_counts_cited(engine: Engine) -> None:
    a = _ask(engine, "北京市财政局和深圳市财政局谁的公车多？")
    assert a["text"].startswith("北京市财政局的车辆更多。")
    assert "27 台" in a["text"] and "3 辆" in a["text"]
    fewer = _ask(engine, "北京市财政局和深圳市财政局谁的公车少？")
    assert fewer["text"].startswith("深圳市财政局（本级）的车辆更少。")


@pytest.mark.slow
def test_a_counted_set_of_named_units_is_ranked(engine: Engine) -> None:
    a = _ask(engine, "上海普陀那三家单位（社会福利院、社工部、万里街道）谁的车最多？")
    assert a["text"].startswith("上海市普陀区人民政府万里街道办事处的车辆最多（7 辆）")
    lines = [line for line in a["text"].splitlines() if line.startswith("- ")]
    assert len(lines) == 3 and "7 辆" in lines[0] and "2 辆" in lines[1] and "0 辆" in lines[2]


@pytest.mark.slow
def test_a_count_that_does_not_match_the_names_is_refused(engine: Engine) -> None:
    a = answer_json(engine.answer("上海普陀那两家单位（社会福利院、社工部、万里街道）谁的车最多？", []))
    assert a["refused"] and "2个单位" in a["text"] and "3 个" in a["text"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "first", "lines", "left"),
    [
        ("车最多的是哪个部门", "北京市财政局的车辆最多（27 台）", 6, ""),
        ("哪些单位一辆公车都没有", "车辆数量为 0 的：中共上海市普陀区委社会工作部。", 6, ""),
        # 北京市财政局 prints "单位价值100万元以上的设备4台（套）": the count after the noun is read too
        ("单价100万元以上设备最多的是哪个部门", "深圳市财政局（本级）的单价100万元以上设备最多（16 台（套））", 6, ""),
    ],
)  # fmt: skip
def test_the_store_wide_ranking_or_filter_of_a_count_names_every_department(
    engine: Engine, question: str, first: str, lines: int, left: str
) -> None:
    a = _ask(engine, question)
    assert a["text"].startswith(first) and left in a["text"]
    assert len([line for line in a["text"].splitlines() if line.startswith("- ")]) == lines


@pytest.mark.slow
def test_each_named_department_gets_its_own_line(engine: Engine) -> None:
    a = _ask(engine, "深圳财政局、科创局的单价100万元以上设备分别有多少台")
    lines = a["text"].splitlines()
    assert "深圳市财政局（本级）" in lines[0] and "16 台（套）" in lines[0]
    assert "深圳市科技创新局（本级）" in lines[1] and "14 台（套）" in lines[1]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("北京市财政局、深圳市财政局和深圳科创局一共有多少辆车？", "3 个部门的车辆合计 34 辆（27 + 3 + 4 = 34）"),
        ("深圳这两个部门的公车加起来一共多少辆？", "2 个部门的车辆合计 7 辆（"),  # the place's set
    ],
)
def test_a_sum_of_counts_is_derived_from_each_verified_count(engine: Engine, question: str, first: str) -> None:
    """r10b178, r10b185, r10a144: every count read and verified in its own document, the sum by the calculator."""
    a = answer_json(engine.answer(question, []))
    assert not a["refused"] and a["text"].startswith(first), a["text"]
    verdicts = [f["verdict"] for f in a["figures"]]
    assert verdicts.count("derived") == 1 and set(verdicts) == {"verified", "derived"}
    assert all("2026年预算" in line for line in a["text"].splitlines() if line.startswith("- "))


@pytest.mark.slow
def test_a_sum_of_counts_none_prints_is_no_total(engine: Engine) -> None:
    a = answer_json(engine.answer("北京市财政局和深圳市财政局的单价20万元以上设备加起来一共多少台？", []))
    assert a["refused"] and a["value"] is None and not a["figures"], a["text"]


@pytest.mark.slow
def test_a_follow_up_sums_the_set_it_says_itself(engine: Engine) -> None:
    first = engine.answer("深圳市财政局和深圳市科技创新局谁的三公经费预算高？", [])
    a = answer_json(engine.answer("深圳这两个部门的公车加起来一共多少辆？", [first]))
    assert a["text"].startswith("2 个部门的车辆合计 7 辆"), a["text"]


@pytest.mark.slow
def test_departments_whose_latest_documents_differ_in_kind_are_each_read_in_their_own(engine: Engine) -> None:
    """r10c158: 社工部 holds a 2024 决算 only, 北京市财政局 a 2026 预算: each line says its year and kind."""
    a = answer_json(engine.answer("北京市财政局和社工部的公务接待费哪个多？", []))
    assert not a["refused"], a["text"]
    assert "2026年预算" in a["text"] and "2024年决算" in a["text"] and "口径不同" in a["text"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "first", "value"),
    [
        ("北京市财政局比深圳市财政局多多少辆车？", "北京市财政局的车辆比深圳市财政局（本级）多 24 辆（27 − 3 = 24）", 24),
        ("深圳财政局的车比北京财政局少几辆？", "深圳市财政局（本级）的车辆比北京市财政局少 24 辆（27 − 3 = 24）", 24),
        ("深圳财政局比深圳科创局多几台单价100万元以上设备？", "深圳市财政局（本级）的单价100万元以上设备比深圳市科技创新局（本级）多 2 台", 2),
    ],
)  # fmt: skip
def test_the_difference_of_two_departments_counts_is_derived_from_both(
    engine: Engine, question: str, first: str, value: int
) -> None:
    """r12b177: "A比B多多少辆车" is the difference of two verified counts, never refused as one department's."""
    a = answer_json(engine.answer(question, []))
    assert not a["refused"] and a["text"].startswith(first), a["text"]
    assert a["value"] == value
    derived = [f for f in a["figures"] if f["verdict"] == "derived"]
    assert len(derived) == 1 and {f["verdict"] for f in a["figures"]} == {"verified", "derived"}


@pytest.mark.slow
def test_a_difference_of_three_departments_counts_is_refused(engine: Engine) -> None:
    a = answer_json(engine.answer("北京财政局、深圳财政局和深圳科创局的车相差多少辆？", []))
    assert a["refused"] and "两个部门之间" in a["text"] and not a["figures"]
