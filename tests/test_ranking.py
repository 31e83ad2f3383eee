"""A ranking inside one department's document: the rows of one level of one table (under the parent named) or of
its one table of projects, top first, each cited — never a sum, never a row of another level or parent."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.measures import _data
from assistant.numerals import to_digits
from assistant.parts_ranked import group_named, part_rows
from assistant.ranking import UNITS, _children, _unit_rows, asked, count, ordinal
from assistant.render import answer_json
from assistant.threshold import PROJECTS
from index.records import DocumentInfo, Fact
from tests.conftest import REAL, store_of


@pytest.mark.parametrize(
    ("question", "level", "least"),
    [
        ("重庆市水利局农林水支出下哪个项级科目最多？", 7, False),
        ("无锡市交通运输局2026年哪一类支出最多？", 3, False),
        ("万里街道哪一款支出最少？", 5, True),
        ("一般公共服务支出里哪个款最多？", 5, False),
        ("深圳市财政局2026年哪个项目花钱最多？", PROJECTS, False),
        ("农林水支出下哪个科目最多？", None, False),  # the level is the parent's next
        ("一般公共服务支出里哪一项最多？", None, False),  # 哪一项: any item, no level
        ("万里街道2024年支出最多的是哪一类？", 3, False),  # pattern_after: asked the other way round
        ("深圳市财政局项目支出里哪一项最多？", PROJECTS, False),  # projects_before
        ("深圳市财政局项目支出中最大的一项是什么，多少钱？", PROJECTS, False),  # "最大的一项": no 哪 (round 6 r6a086)
        ("深圳市财政局项目支出中最大的一项多少钱？", PROJECTS, False),
        ("无锡人社局下面哪个单位预算最少？", UNITS, True),
    ],
)
def test_a_ranking_is_read_with_its_level(question: str, level: int | None, least: bool) -> None:
    found = asked(question)
    assert found is not None and found[1:] == (level, least)


@pytest.mark.parametrize(
    "question",
    [
        "科技研发资金各专项里哪个专项最多？",  # rows of no level read here
        "哪个项级科目最多，哪一类最少？",  # two rankings
        "万里街道2024年项目支出是多少？",
        # a word ranking no amount of a level (review r1 S1-6): the amounts are never ranked in its place
        "重庆市水利局哪一类支出增长最多？",
        "哪一类支出占比最高？",
        "哪一款支出实际最多？",
        "哪一类人均支出最高？",
        "支出最多的一项为什么增加？",  # a reason asked of the top item: no ranking of amounts
        "项目支出里最多的项目是哪个？",  # 项目 is no classifier 项
    ],
)
def test_what_is_no_ranking_of_a_level_is_not_read_as_one(question: str) -> None:
    assert asked(question) is None


@pytest.fixture(scope="module")
def real(store_real: Path) -> Engine:
    return Engine(Settings(store=store_real))


@pytest.mark.parametrize(
    ("question", "first", "value", "last"),
    [
        ("万里街道2024年一般公共服务支出里哪个款最多？", "20133 宣传事务", "1106000", None),
        ("万里街道2024年哪一款支出最少？", "20816 红十字事业", "44400", None),
        ("万里街道2024年哪个项级科目的基本支出最多？", "2120199 其他城乡社区管理事务支出", "54212362", None),
        # groups: the 款 rows under 公用经费's 类 codes of the 基本支出 table, in a 决算 its 决算数 column
        ("社工部基本支出里的公用经费，哪一项最多？", "30201 办公费", "3.78", None),
        ("万里街道2024年公用经费中哪一项最多？", "30201 办公费", "4755518", None),
        ("社工部人员经费哪一项最多？", "30102 津贴补贴", "39.72", None),
        # the projects of the 绩效目标 tables, one table a project, by its 项目资金总额
        ("2023年万里街道的绩效目标项目里，哪个项目资金最多？", "公共服务设施运行经费", "10903043", None),
    ],
)
def test_the_top_row_answers_with_the_ranking_below_it(
    real: Engine, question: str, first: str, value: str, last: str | None
) -> None:
    a = answer_json(real.answer(question, []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal(value)
    assert f"的是 {first}，" in a["text"] and "\n1. " + first in a["text"]
    assert all(f["verdict"] == "verified" for f in a["figures"])
    # review r1 S2-2: each line's ✓ is the cell the line cites, never another cell of the same value
    lines = [line for line in a["text"].splitlines() if re.match(r"\d+\. ", line) and "（" in line]
    cells = {m.group(1) for line in lines if (m := re.search(r"元（(.+)）$", line))}  # a row may hold （）
    assert lines
    assert all(f["source"] in cells for f in a["figures"])


def test_a_ranking_of_no_level_and_no_parent_is_left_to_the_engine(real: Engine) -> None:
    assert "排序" not in real.answer("万里街道2024年哪一项支出最多？", []).text  # which rows is not said


def test_a_ranking_of_a_change_is_left_to_the_engine(real: Engine) -> None:
    a = answer_json(real.answer("万里街道2024年哪一款支出比上年增长最多？", []))
    assert "排序" not in a["text"]  # never the amounts ranked for a change asked


@pytest.fixture(scope="module")
def shenzhen(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("ranking") / "store"
    return Engine(Settings(store=store_of(folder, REAL / "shenzhen-caizheng-2026-dept-yusuan.pdf")))


@pytest.mark.slow
def test_the_projects_are_ranked_from_the_one_table_of_projects(shenzhen: Engine) -> None:
    a = answer_json(shenzhen.answer("深圳市财政局2026年哪个项目花钱最多？", []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("18808.16")
    assert "最多的是 预决算管理业务，" in a["text"]
    assert "文件另有表5 项目支出总表，其中的项目未能逐项读出" in a["text"]  # a ranking from one table says so


@pytest.mark.parametrize(
    ("question", "first", "value", "table"),
    [
        # the 款 rows under 302 of the 经济分类 table, the only table printing 302 (review r4a018)
        ("福利院商品和服务支出里哪一项最多？", "30209 物业管理费", "1206000", "经济分类预算表"),
        # a 决算's 支出决算表 totals its rows in 本年支出合计 (review r4a041)
        ("社工部2024年哪一类支出最多？", "201 一般公共服务支出", "264.87", "支出决算表"),
    ],
)
def test_the_rows_under_a_parent_are_read_in_the_table_printing_it(
    real: Engine, question: str, first: str, value: str, table: str
) -> None:
    a = answer_json(real.answer(question, []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal(value)
    assert f"的是 {first}，" in a["text"] and table in a["text"].splitlines()[0]
    assert all(f["verdict"] == "verified" for f in a["figures"])


WUXI = DocumentInfo(doc_id="w", title="2026年无锡市人力资源和社会保障局部门预算", department="无锡市人力资源和社会保障局",
                    year=2026, kind="预算", unit="万元", filename="", n_facts=0, ingested_at="",
                    aliases=("无锡市人力资源和社会保障局", "无锡市人社局", "人社局"))  # fmt: skip


def _unit_fact(row: str, code: str, value: str, column: str = "合计", kind: str = "income") -> Fact:
    return Fact(doc_id="w", department=WUXI.department, year=2026, table="表2", section=None, row=row, code=code,
                column=column, value=Decimal(value), unit="万元", source=f"表2 · {row} · {column}",
                table_kind=kind, column_role=column)  # fmt: skip


# 2026 无锡市人社局 表2 收入总表, a row for each unit, figures as printed (合计, 万元)
UNIT_FACTS = [
    _unit_fact("合计", "", "154121.76"),
    _unit_fact("无锡市人力资源和社会保障局（本级）", "309001", "6810.48"),
    _unit_fact("无锡市劳动就业管理中心", "309002", "2213.36"),
    _unit_fact("无锡市劳动保障监察支队", "309003", "740.82"),
    _unit_fact("无锡市劳动人事争议仲裁院", "309004", "452.21"),
    _unit_fact("无锡市社会保险基金管理中心", "309005", "118788.13"),
    _unit_fact("无锡市人力资源和社会保障综合服务中心", "309006", "3976.43"),
    _unit_fact("无锡市人才服务中心", "309007", "5336.90"),
    _unit_fact("江苏省无锡技师学院", "309008", "15803.43"),
    _unit_fact("无锡市社会保险基金管理中心", "309005", "117252.13", column="一般公共预算"),
]


def test_units_are_ranked_from_the_per_unit_table() -> None:
    rows = _unit_rows(UNIT_FACTS, WUXI, "无锡市人社局下属单位中哪个预算最多？")
    assert rows is not None and len(rows) == 7  # 下属: the department's own 本级 row is none of them
    values = {f.row: f.value for f in rows}
    assert values["无锡市社会保险基金管理中心"] == Decimal("118788.13")  # its 合计, never its 一般公共预算 column
    assert "无锡市人力资源和社会保障局（本级）" not in values
    every = _unit_rows(UNIT_FACTS, WUXI, "无锡市人社局哪个单位预算最多？")
    assert every is not None and "无锡市人力资源和社会保障局（本级）" in {f.row for f in every}


def test_units_are_never_ranked_from_a_table_of_another_kind() -> None:
    assert _unit_rows(UNIT_FACTS, WUXI, "无锡市人社局哪个单位支出最多？") is None  # only the 收入 table is per unit


@pytest.mark.parametrize(
    "question", ["无锡市人社局下属单位中哪个预算最多？", "哪个单位收入最少？", "人社局哪个下属单位钱最多"]
)
def test_a_ranking_of_units_is_read(question: str) -> None:
    found = asked(question)
    assert found is not None and found[1] == UNITS


def test_units_not_all_read_are_never_ranked() -> None:
    """A unit whose name is not read as one (here left out) would leave the ranking without it: the units read
    must add up to the table's total."""
    missing = [f for f in UNIT_FACTS if f.row != "无锡市社会保险基金管理中心"]
    assert _unit_rows(missing, WUXI, "无锡市人社局下属单位中哪个预算最多？") is None


@pytest.mark.parametrize(
    ("question", "nth"), [("深圳市财政局哪个项目第二多？", 2), ("第三多的是哪一类？", 3), ("哪一类最多？", 1)]
)
def test_the_place_asked_in_a_ranking(question: str, nth: int) -> None:
    found = asked(question)
    assert found is not None and ordinal(found[0]) == nth


def test_the_data_examples_are_read() -> None:
    spec = _data()["ranking"]
    for key in ("", "_after"):
        m = re.search(spec["pattern" + key], spec["example" + key])
        assert m is not None and m.group(0) == spec["span" + key]
    assert re.search(spec["projects_before"], "深圳市财政局项目支出里")
    assert set(spec["ordinals"].values()) == set(range(2, 11))


@pytest.mark.parametrize("question", ["深圳市财政局哪个项目第二多？", "第三少的是哪一类？", "支出最多的是哪一类？"])
def test_a_place_in_a_ranking_is_the_ranking_cue(question: str) -> None:
    # asked of no ranking this module reads, the engine refuses naming the ranking, never answers an amount
    from assistant.complete import cues

    assert any(cue.name == "排名" and cue.spans(question) for cue in cues())


def test_the_groups_are_classes_of_the_economic_scheme() -> None:
    groups = _data()["ranking"]["groups"]
    codes = [c for classes in groups.values() for c in classes]
    assert all(re.fullmatch(r"3\d\d", c) for c in codes) and len(codes) == len(set(codes))


def test_a_place_of_the_ranking_asked_the_other_way_round(real: Engine) -> None:
    a = answer_json(real.answer("万里街道2024年支出第二多的是哪一类？", []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("19604064")
    assert "第二多的是 208 社会保障和就业支出，" in a["text"] and "\n2. 208 社会保障和就业支出" in a["text"]
    assert all(f["verdict"] == "verified" for f in a["figures"])


XIAN = DocumentInfo(doc_id="x", title="2021年西安市民政局部门预算", department="西安市民政局", year=2021, kind="预算",
                    unit="元", filename="", n_facts=0, ingested_at="", aliases=("西安市民政局", "西安民政局"))  # fmt: skip


def _xian(row: str, code: str, total: str, granted: str) -> list[Fact]:
    """A row of 2021 西安市民政局 表3 as printed (元): 总计 and 公共预算拨款, both read with the role 合计."""
    return [
        Fact(doc_id="x", department=XIAN.department, year=2021, table="表3", section=None, row=row, code=code,
             column=column, value=Decimal(value), unit="元", source=f"表3 · {code} {row} · {column}",
             table_kind="expenditure", column_role="合计")
        for column, value in (("总计", total), ("公共预算拨款", granted))
    ]  # fmt: skip


# the whole (241) and the office (241001) printed with the department's bare name, then its units
XIAN_FACTS = [
    *_xian("西安市民政局", "241", "230000.00", "120000.00"),
    *_xian("西安市民政局", "241001", "150000.00", "100000.00"),
    *_xian("西安市殡仪馆", "241011", "60000.00", "5000.00"),
    *_xian("西安市养老服务指导中心", "241008", "20000.00", "15000.00"),
]


def test_the_office_printed_with_the_bare_name_under_a_unit_code_is_the_own_row() -> None:
    every = _unit_rows(XIAN_FACTS, XIAN, "西安市民政局哪个单位预算最多？")
    assert every is not None and {(f.code, f.value) for f in every} == {
        ("241001", Decimal("150000.00")), ("241011", Decimal("60000.00")), ("241008", Decimal("20000.00"))
    }  # fmt: skip  # the 总计 column (never 公共预算拨款, also read as 合计), the whole's 241 row never a unit
    below = _unit_rows(XIAN_FACTS, XIAN, "西安市民政局下属单位中哪个预算最多？")
    assert below is not None and {f.code for f in below} == {"241011", "241008"}
    aside = _unit_rows(XIAN_FACTS, XIAN, "西安市民政局哪个单位预算最多？", office_out=True)
    assert aside is not None and {f.code for f in aside} == {"241011", "241008"}


@pytest.mark.parametrize(
    ("question", "least"),
    [
        ("西安市民政局除了局机关本身，下属单位里谁的预算最多？", False),
        ("西安市民政局下属13个单位里预算最少的是哪个？", True),
    ],
)
def test_units_ranked_in_a_person_s_words(question: str, least: bool) -> None:
    found = asked(question)
    assert found is not None and found[1] == UNITS and found[2] is least


def test_only_the_office_is_set_aside_before_a_ranking_of_units() -> None:
    spec = _data()["ranking"]
    m = re.search(spec["set_aside"], spec["set_aside_example"])
    assert m is not None and m.group("part") == "局机关"  # 本身 read after it


def test_two_total_columns_printing_the_same_figures_rank_as_one() -> None:
    """西安市财政局 2026 表2: 部门预算 and 一般公共预算拨款 both read as 合计, the same figure in every row."""
    same = [replace(f, column="一般公共预算拨款") for f in XIAN_FACTS if f.column == "总计"]
    rows = _unit_rows([f for f in XIAN_FACTS if f.column == "总计"] + same, XIAN, "西安市民政局哪个单位预算最多？")
    assert rows is not None and len(rows) == 3 and len({f.column for f in rows}) == 1


@pytest.mark.parametrize(
    ("question", "many"),
    [
        ("福州治安支队工资福利支出里金额最高的3项是什么？", 3),
        ("商品和服务支出中最大的5项是哪些？", 5),
        ("商品和服务支出中最少的两项是什么？", 2),
        ("深圳市财政局项目支出中最大的一项是什么？", None),  # one place asked, no count
        ("支出最多的是哪一类？", None),
    ],
)
def test_the_rows_asked_from_the_top_are_counted(question: str, many: int | None) -> None:
    found = asked(question)
    assert found is not None and count(found[0]) == many


def test_the_top_example_is_read() -> None:
    spec = _data()["ranking"]
    m = re.search(spec["pattern_after"], to_digits(spec["top_example"]))
    assert m is not None and m.group(0) == spec["top_span"] and count(m) == 3


def test_the_top_rows_under_a_parent_are_listed_each_cited(real: Engine) -> None:
    # 福利院 2024 经济分类预算表: 302 商品和服务支出's 款 rows, the top three of 13 (30207 工会经费 88,890 is 4th)
    a = answer_json(real.answer("福利院商品和服务支出里最大的三项是什么？", []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("1206000")
    lines = [line for line in a["text"].splitlines() if re.match(r"\d+\. ", line)]
    assert [line.split(" 元")[0] for line in lines] == [
        "1. 30209 物业管理费 1,206,000", "2. 30204 电费 320,000", "3. 30211 事业单位离退休人员福利费 116,640",
    ]  # fmt: skip
    assert "经济分类预算表中商品和服务支出下的款级科目中最多的3项" in a["text"]
    assert [f["verdict"] for f in a["figures"]] == ["verified"] * 3  # the counts said are no figures


def test_more_rows_asked_than_the_table_prints_are_left_to_the_engine(real: Engine) -> None:
    a = answer_json(real.answer("福利院商品和服务支出里最大的二十项是什么？", []))
    assert "（从多到少）" not in a["text"]


def test_of_two_tables_printing_a_parent_its_rows_are_read_in_the_one_printing_them() -> None:
    # 福州治安支队 2026: 表8 prints 301 alone, 表9 (基本支出 only) prints 301 and its 款 rows
    def fact(table: str, kind: str, code: str, row: str, value: str) -> Fact:
        return Fact(doc_id="f", department="福州市公安局治安管理支队", year=2026, table=table, section=None, row=row,
                    code=code, column="预算数", value=Decimal(value), unit="万元", source=f"{table} · {row} · 预算数",
                    table_kind=kind, column_role="预算数")  # fmt: skip

    general, basic = ("一般公共预算支出经济分类情况表", "general_public_by_economic"), (
        "一般公共预算基本支出经济分类情况表", "general_public_basic_by_economic")  # fmt: skip
    facts = [
        fact(*general, "301", "工资福利支出", "2120.90"),
        fact(*basic, "301", "工资福利支出", "2064.67"),
        fact(*basic, "30102", "津贴补贴", "525.00"),
        fact(*basic, "30103", "奖金", "470.40"),
        fact(*basic, "30101", "基本工资", "464.20"),
    ]
    rows = _children(facts, {"301"}, 5, "工资福利支出里金额最高的3项是什么？")
    assert sorted(f.value for f in rows) == [Decimal("464.20"), Decimal("470.40"), Decimal("525.00")]
    both = [*facts, fact(*general, "30102", "津贴补贴", "540.00"), fact(*general, "30101", "基本工资", "480.00")]
    assert {f.table for f in _children(both, {"301"}, 5, "工资福利支出里金额最高的3项是什么？")} == {general[0]}
    assert {f.table for f in _children(both, {"301"}, 5, "基本支出中工资福利支出最高的3项是什么？")} == {basic[0]}


@pytest.mark.parametrize(
    ("question", "many", "least"),
    [
        ("无锡交通局本级的机关运行经费里，金额排前三的是哪几项？", 3, False),
        ("无锡人社局部门预算的8家预算单位里，预算最多的前三家是哪几家？", 3, False),
        ("社工部2024年排前三的是哪几类支出？", 3, False),
        ("支出最少的前两项是什么？", 2, True),
    ],
)
def test_the_top_rows_asked_as_a_place_are_counted(question: str, many: int, least: bool) -> None:
    found = asked(question)
    assert found is not None and count(found[0]) == many and found[2] == least


def test_the_place_example_is_read() -> None:
    spec = _data()["ranking"]
    m = re.search(spec["pattern_top"], spec["example_top"])
    assert m is not None and m.group(0) == spec["span_top"]


def test_the_top_classes_asked_as_a_place_are_the_class_rows(real: Engine) -> None:
    # 社工部 2024 支出决算表 (p.8-9), 本年支出合计: 201 264.87, 221 29.42, 208 10.82 (210 2.71 is 4th)
    a = answer_json(real.answer("社工部2024年排前三的是哪几类支出？", []))
    assert not a["refused"]
    assert [Decimal(str(f["value"])) for f in a["figures"]] == [Decimal("264.87"), Decimal("29.42"), Decimal("10.82")]
    assert "支出决算表中类级科目中最多的3项" in a["text"]


def test_a_place_in_the_ranking_not_read_is_refused_naming_it(real: Engine) -> None:
    # never the document's total for a ranking asked: "排前3" is the ranking cue
    from assistant.complete import cues

    assert any(cue.name == "排名" and cue.spans("社工部2024年排前3的支出科目是什么？") for cue in cues())
    assert not any(cue.name == "排名" and cue.spans("今年安排前3个月的资金是多少？") for cue in cues())  # 安排: no rank


def _three(row: str, value: str, role: str = "预算数", table: str = "表9") -> Fact:
    return Fact(doc_id="w", department="无锡市人力资源和社会保障局", year=2026, table=table, section=None, row=row,
                code=None, column=role, value=Decimal(value), unit="万元", source=f"{table} · {row} · {role}",
                table_kind="three_public", column_role=role)  # fmt: skip


# 2026 无锡市人社局 表9 一般公共预算“三公”经费、会议费、培训费支出表 (p.31), 预算数
THREE = [
    _three("“三公”经费合计", "61.40"), _three("因公出国（境）费", "0.00"), _three("公务接待费", "24.82"),
    _three("公务用车购置及运行维护费", "36.58"), _three("公务用车购置费", "0.00"), _three("公务用车运行维护费", "36.58"),
    _three("会议费", "10.00"), _three("培训费", "20.00"),
]  # fmt: skip


def test_the_three_parts_of_the_three_public_table_are_ranked_never_a_part_of_a_part() -> None:
    group = group_named("无锡人社局三公经费里")
    assert group is not None and group_named("无锡人社局项目支出里") is None
    rows = part_rows(THREE, group)
    assert rows is not None and [f.row for f in rows] == ["因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"]
    # a part printed twice with other amounts (by fund, by year), or parts missing the printed total: no ranking
    assert part_rows([*THREE, _three("公务接待费", "20.00")], group) is None
    assert part_rows([f if f.row != "公务接待费" else replace(f, value=Decimal("20.00")) for f in THREE], group) is None


def test_the_three_public_parts_ranked_from_a_real_table(real: Engine) -> None:
    # 福利院 2024 单位“三公”经费和机关运行经费预算表 (p.15): 公务用车购置及运行费 6.4 万元, the other two 0
    a = answer_json(real.answer("社会福利院三公经费哪项最多？", []))
    assert not a["refused"] and Decimal(str(a["value"])) == Decimal("6.4")
    assert "“三公”经费各项中最多的是 公务用车购置及运行费，" in a["text"]
    assert all(f["verdict"] == "verified" for f in a["figures"])
