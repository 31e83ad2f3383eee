"""A unit inside a department's 汇总 document (2021 西安市民政局 部门综合预算, 元, figures as printed): a
question naming the unit is answered from its own row, under the column its item names, or refused."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from assistant.draft import Unanswerable
from assistant.knowledge import Knowledge
from assistant.records import Query
from assistant.select import Selector
from assistant.units import is_unit, kind_of_unit, named_units, unit_mismatch, unplaced_words
from index.records import DocumentInfo, Fact

DOC = DocumentInfo(doc_id="d", title="2021年西安市民政局部门预算", department="西安市民政局", year=2021, kind="预算",
          unit="元", filename="", n_facts=0, ingested_at="", aliases=("西安市民政局", "民政局", "西安民政局"))  # fmt: skip


def fact(table: str, row: str, column: str, value: str, unit: str = "元") -> Fact:
    return Fact(doc_id="d", department=DOC.department, year=2021, table=table, section=None, row=row, code=None,
                column=column, value=Decimal(value), unit=unit, source=f"{table} · {row} · {column}")  # fmt: skip


FACTS = [
    fact("表1", "事业单位经营收入", "预算数", "143440000"),  # the department's own figure
    fact("表2", "西安市殡仪馆", "总计", "151870000.00"),
    fact("表2", "西安市殡仪馆", "事业单位经营收入", "117120000.00"),
    fact("表12", "西安市殡仪馆", "数量", "30035", unit="个"),
    fact("表13", "西安市殡仪馆", "公务接待费", "30000.00"),
    fact("表13", "西安市殡仪馆", "2021年", "240000.00"),  # “三公”经费 with 会议费 and 培训费: no total of 三公
]


TITLES = {"表2": "2021年部门综合预算收入总表", "表12": "2021年部门综合预算政府采购（资产配置、购买服务）预算表",
          "表13": "2021年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表"}  # fmt: skip


def pick(question: str, subject: str) -> Fact:
    kb = Knowledge([DOC], FACTS, [], {"d": ""})
    kb.tables["d"] = TITLES
    key = next(k for k in kb.labels if kb.labels[k].name == subject)
    query = Query(question=question, subjects=(key,), measure="amount", year=2021, doc_ids=("d",))
    return Selector(kb).amount(key, query, DOC)


def test_a_unit_named_answers_from_its_row_never_the_departments() -> None:
    f = pick("西安市民政局2021年西安市殡仪馆的事业单位经营收入是多少？", "事业单位经营收入")
    assert (f.table, f.row, f.value) == ("表2", "西安市殡仪馆", Decimal("117120000.00"))
    assert pick("西安市民政局2021年事业单位经营收入是多少？", "事业单位经营收入").value == Decimal(143440000)


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("西安市殡仪馆2021年预算总计多少元？（西安市民政局部门综合预算）", Decimal("151870000.00")),
        ("西安市民政局2021年西安市殡仪馆的公务接待费是多少？", Decimal("30000.00")),  # the column written out
        ("西安市殡仪馆2021年支出是多少？", Decimal("151870000.00")),  # money asked: never its 数量 (30035 个)
        ("西安市殡仪馆2021年预算收入合计多少？", Decimal("151870000.00")),  # 收入 names 收入总表: its 总计
    ],
)
def test_a_units_row_answers_the_column_asked(question: str, value: Decimal) -> None:
    assert pick(question, "西安市殡仪馆").value == value


@pytest.mark.parametrize(
    "question", ["西安市民政局2021年西安市殡仪馆的三公经费是多少？", "西安市殡仪馆2021年采购了多少？"]
)
def test_words_no_column_of_the_units_row_holds_are_refused(question: str) -> None:
    with pytest.raises(Unanswerable, match="一行没有"):
        pick(question, "西安市殡仪馆")


def test_what_names_a_unit() -> None:
    assert is_unit("西安市殡仪馆", DOC) and is_unit("西安市奉正塬殡仪馆", DOC)
    assert not is_unit("西安市民政局", DOC) and not is_unit("事业单位经营收入", DOC)
    kb = Knowledge([DOC], FACTS, [], {"d": ""})
    unit = next(label for label in kb.labels.values() if label.name == "西安市殡仪馆")
    assert unplaced_words("西安市殡仪馆2021年预算总计多少元？（西安市民政局部门综合预算）", unit, DOC) == ""
    assert unplaced_words("西安市民政局2021年西安市殡仪馆的三公经费是多少？", unit, DOC) == "三公"
    assert unplaced_words("民政局2021年殡仪馆的一般公共预算收入是多少？", unit, DOC) == "一般公共 收入"  # 共 stays


def test_a_count_column_is_never_a_rows_figure_first() -> None:
    """A store read before 数量 was a count holds 表12's 30035 in 元: still no answer for the row's budget."""
    old = [replace(f, unit="元") if f.column == "数量" else f for f in FACTS]
    kb = Knowledge([DOC], old, [], {"d": ""})
    key = next(k for k in kb.labels if kb.labels[k].name == "西安市殡仪馆")
    query = Query(
        question="西安市殡仪馆2021年预算是多少？", subjects=(key,), measure="amount", year=2021, doc_ids=("d",)
    )
    assert Selector(kb).amount(key, query, DOC).value == Decimal("151870000.00")


def test_a_unit_named_alone_scopes_the_one_department_printing_it() -> None:
    from assistant.understand import Understanding

    other = DocumentInfo(doc_id="o", title="2021年西安市发展和改革委员会部门预算", department="西安市发展和改革委员会",
                year=2021, kind="预算", unit="元", filename="", n_facts=0, ingested_at="", aliases=("西安市发改委", "发改委"))  # fmt: skip
    kb = Knowledge([DOC, other], [], [], {"d": "", "o": ""})
    printed = {"d": ["西安市殡仪馆", "西安市民政局"], "o": ["西安市价格认证中心", "西安市民政局"]}

    def rows_in(text: str) -> list[tuple[str, str]]:
        return [(d, row) for d, rows in printed.items() for row in rows if row in text]

    u = Understanding(kb, rows_in=rows_in)
    assert u.documents("西安市殡仪馆2021年预算是多少？") == ["d"]
    assert u.documents("西安市价格认证中心2021年预算是多少？") == ["o"]
    assert u.documents("西安市民政局的行政运行是多少？") == ["d"]  # the department's own name, as before
    printed["o"].append("西安市殡仪馆")  # two departments print it: asked which, never picked
    assert sorted(u.documents("西安市殡仪馆2021年预算是多少？")) == ["d", "o"]


def test_a_unit_named_without_its_province_and_city() -> None:
    # "技师学院" of 江苏省无锡技师学院 in 无锡市人社局's document: the province and the department's city dropped
    doc = replace(DOC, department="无锡市人力资源和社会保障局", aliases=("无锡市人社局", "人社局"))
    facts = [replace(fact("表2", "江苏省无锡技师学院", "合计", "158034300"), department=doc.department)]
    kb = Knowledge([doc], facts, [], {"d": ""})
    unit = next(label for label in kb.labels.values() if label.name == "江苏省无锡技师学院")
    assert is_unit(unit.name, doc) and kind_of_unit("技师学院") and not kind_of_unit("公用经费")
    assert unplaced_words("无锡市人社局技师学院预算是多少？", unit, doc) == ""
    assert unplaced_words("无锡市人社局技师学院三公经费是多少？", unit, doc) == "三公"


def test_a_unit_asked_is_never_answered_with_the_departments_figure() -> None:
    # 深圳市水务局 2026 (汇总): "观澜河流域管理中心2026年三公经费多少" was answered with the bureau's 469.17 (round 8 r8a133);
    # the unit is named without its city, the figure answered is the department's own sentence
    doc = replace(DOC, department="深圳市水务局", aliases=("深圳市水务局", "水务局"))
    unit = replace(FACTS[1], row="深圳市观澜河流域管理中心", column="支出总计", value=Decimal("37998.55"))
    own = Fact(doc_id="d", department="深圳市水务局", year=2026, table=None, section=None, row="财政拨款“三公”经费",
               code=None, column="金额", value=Decimal("469.17"), unit="万元",
               source="第五部分 财政拨款“三公”经费预算情况 · 「2026 年财政拨款“三公”经费预算 469.17 万元」")  # fmt: skip
    asked = "观澜河流域管理中心2026年三公经费多少？"
    assert named_units(asked, doc, [unit, own]) == ["深圳市观澜河流域管理中心"]
    assert "深圳市水务局整个部门" in (unit_mismatch(asked, [own], {"d": doc}, [unit, own]) or "")
    assert unit_mismatch(asked, [unit], {"d": doc}, [unit, own]) is None  # the unit's own row
    assert unit_mismatch("深圳市水务局2026年三公经费多少？", [own], {"d": doc}, [unit, own]) is None
    said = replace(own, source="一、深圳市观澜河流域管理中心 · 「三公经费 40.80 万元」")
    assert unit_mismatch(asked, [said], {"d": doc}, [unit, said]) is None  # its sentence names the unit


def test_a_units_row_answers_the_total_its_three_public_header_names() -> None:
    """The real 表13 prints, before 2021年 (三公 with 会议费 and 培训费), the row's own “三公” total: the column
    of role 合计 whose header holds the words asked (r11b129: 西安市儿童福利院 100,000.00)."""
    header = replace(
        fact("表13", "西安市殡仪馆", "一般公共预算拨款安排的“三公”经费预算", "30000.00"), column_role="合计"
    )
    year = replace(FACTS[-1], column_role="合计")
    kb = Knowledge([DOC], [*FACTS[:-1], year, header], [], {"d": ""})
    kb.tables["d"] = TITLES
    key = next(k for k in kb.labels if kb.labels[k].name == "西安市殡仪馆")
    query = Query(question="西安市民政局2021年西安市殡仪馆的三公经费是多少？", subjects=(key,), measure="amount",
                  year=2021, doc_ids=("d",))  # fmt: skip
    f = Selector(kb).amount(key, query, DOC)
    assert (f.column, f.value) == ("一般公共预算拨款安排的“三公”经费预算", Decimal("30000.00"))


def test_a_unit_price_is_money_per_something() -> None:
    """北京市交通委员会 2026 (p10) "417 元/座"; 福州市公安局治安管理支队 2026 (p30) "710 元/人月"."""
    from index.units import is_price

    assert is_price("元/座") and is_price("元/人月") and is_price("万元/人")
    assert not is_price("元") and not is_price("%") and not is_price("人") and not is_price("万元/")
