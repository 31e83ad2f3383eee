"""Subjects compared across documents (assistant/subjects.toml) and how a question across documents is read."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from assistant.across import AcrossReader
from assistant.compare import Comparer, subject_named
from assistant.records import Answer
from assistant.render import bars_html, entries_csv
from assistant.subjects import Subject, subjects
from index.catalog import catalog
from index.normal import label_key
from index.query import PROSE, Located
from index.records import DocumentInfo, Fact

KINDS = {t.kind for t in catalog().tables}


def test_every_place_is_a_table_kind_of_the_catalog() -> None:
    book = subjects()
    assert {t for s in book.named for p in s.places for t in p.tables} <= KINDS | {PROSE}
    assert set(book.coded.tables) <= KINDS
    names = [s.name for s in book.named]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("phrase", "subject"),
    [
        ("三公经费", "“三公”经费"),
        ("“三公”经费支出", "“三公”经费"),
        ("项目支出合计", "项目支出"),  # the first written of two names of equal length
        ("公车运行费", "公务用车运行维护费"),
        ("因公出国(境)费", "因公出国（境）费"),
        ("人员经费决算数", "人员经费"),
        ("政府性基金预算拨款", "政府性基金预算财政拨款支出"),
        ("总支出", "支出合计"),
        ("机关运行经费", "机关运行经费"),
        ("财政拨款“三公”经费合计", "“三公”经费"),  # a bare fund before a subject qualifies it
        ("一般公共预算人员经费", "人员经费"),
        ("财政拨款", "财政拨款收入"),  # alone, the fund is the subject
        ("财政拨款支出", "财政拨款支出"),
        ("纳入预算的政府采购项目", "政府采购预算"),
        ("政府采购预算", "政府采购预算"),
    ],
)
def test_subject_names(phrase: str, subject: str) -> None:
    found = subjects().find(phrase)
    assert found and found[0].name == subject


DEPARTMENTS = {"规资局": "上海市普陀区规划和自然资源局", "社工部": "中共上海市普陀区委社会工作部"}


def _doc(doc_id: str, department: str, year: int, *, kind: str = "预算", unit: str = "万元") -> DocumentInfo:
    return DocumentInfo(doc_id=doc_id, title="", department=department, year=year, kind=kind, unit=unit, filename="",
                        n_facts=0, ingested_at="")  # fmt: skip


def _docs() -> list[DocumentInfo]:
    return [
        _doc(f"{name}{year}{kind}", name, year, kind=kind)
        for name in DEPARTMENTS.values()
        for year in (2023, 2024)
        for kind in ("预算", "决算")
    ]


@pytest.fixture
def reader() -> AcrossReader:
    def named(text: str) -> dict[str, str]:
        return {full: short for short, full in DEPARTMENTS.items() if short in text}

    return AcrossReader(
        named, {"行政运行": "2013901", "公务接待费": "30217"}, {"2013901": "行政运行", "30217": "公务接待费"}
    )


@pytest.mark.parametrize(
    ("question", "op", "subject", "fields"),
    [
        ("哪个部门2024年“三公”经费最多？", "rank", "“三公”经费", {"year": 2024, "descending": True, "limit": None}),
        ("2024年决算“三公”经费前五名是哪些部门？", "rank", "“三公”经费", {"kind": "决算", "limit": 5}),
        ("2023年决算人员经费最少的三个部门", "rank", "人员经费", {"descending": False, "limit": 3}),
        ("全区各部门公务接待费合计多少？", "total", "公务接待费", {"year": None}),
        ("2024年各部门项目支出预算平均是多少？", "average", "项目支出", {"kind": "预算"}),
        ("社工部和规资局的人员经费比一比", "compare", "人员经费", {"departments": tuple(DEPARTMENTS.values())}),
        ("社工部和规资局2024年项目支出一共多少？", "total", "项目支出", {"year": 2024}),
        ("2024年决算哪些部门公务接待费超过5万元？", "filter", "公务接待费", {"threshold": (">", Decimal(5), "万元")}),
        ("哪些部门有政府性基金预算拨款？", "filter", "政府性基金预算财政拨款支出", {"threshold": (">", 0, "")}),
        ("2023年哪些部门的“三公”经费预算为零？", "filter", "“三公”经费", {"threshold": ("=", 0, "")}),
        ("各部门行政运行支出占本部门支出的比例，从高到低", "share", "行政运行", {"whole": "支出合计"}),
        ("规资局2024年决算比预算多还是少？", "execution", "支出合计", {"rate": False}),
        ("规资局2024年项目支出预算执行率是多少？", "execution", "项目支出", {"rate": True}),
        ("各部门2013901的支出排名", "rank", "2013901", {}),
        ("规资局2024年项目支出比2023年增长多少？", "change", "项目支出", {"earlier": 2023, "growth": False}),
        ("规资局2024年项目支出决算同比增长了百分之几？", "change", "项目支出", {"earlier": None, "growth": True}),
        ("规资局2024年实际支出和预算相差多少？", "execution", "支出合计", {"rate": False}),
        ("规资局2024年支出决算占预算的百分之多少？", "execution", "支出合计", {"rate": True}),
        ("2023年决算基本支出占比最高的部门", "share", "基本支出", {"whole": "支出合计"}),
        ("2023年预算中没有安排公务接待费的部门", "filter", "公务接待费", {"threshold": ("=", 0, "")}),
        ("请列出2022年决算公务接待费排名前10的部门", "rank", "公务接待费", {"limit": 10}),
        ("各部门2023年预算执行率排名", "rank", "支出合计", {"per": "execution", "kind": None}),
        (
            "2023年哪些部门项目支出预算执行率低于90%？",
            "filter",
            "项目支出",
            {"per": "execution", "threshold": ("<", 90, "%")},
        ),
        (
            "各部门2024年三公经费决算同比增长率排名",
            "rank",
            "“三公”经费",
            {"per": "change", "growth": True, "kind": "决算"},
        ),
        # found by review: a year is no threshold; a total is no ranking; a change is no level
        ("在2023年决算中，哪些部门三公经费超过20万元？", "filter", "“三公”经费", {"threshold": (">", 20, "万元")}),
        # a bound's word says whether its amount is inside (bounds.toml): 以上 includes it, 超过 does not
        ("公务接待费在10万元以上的2023年预算有哪些部门？", "filter", "公务接待费", {"threshold": (">=", 10, "万元")}),
        ("2023年哪些部门公务接待费不超过3万元？", "filter", "公务接待费", {"threshold": ("<=", 3, "万元")}),
        ("2023年公务接待费不到3万元的部门", "filter", "公务接待费", {"threshold": ("<", 3, "万元")}),
        ("2023年决算全区总支出是多少？", "total", "支出合计", {"limit": None}),
        ("三公经费排名前三的部门合计多少？", "total", "“三公”经费", {"limit": 3}),
        ("2023年决算各部门三公经费占全区三公经费的比例", "share", "“三公”经费", {"whole": "各部门合计"}),
        ("2023年决算各部门基本支出占本部门支出合计的比例", "share", "基本支出", {"whole": "支出合计"}),
        ("各部门三公经费占各部门合计的比重", "share", "“三公”经费", {"whole": "各部门合计"}),
        ("2024年决算哪个部门三公经费增长最多？", "rank", "“三公”经费", {"per": "change", "descending": True}),
        ("2024年决算哪些部门三公经费同比下降？", "filter", "“三公”经费", {"per": "change", "threshold": ("<", 0, "")}),
        ("2024年预算支出超过2023年的部门有哪些？", "filter", "支出合计", {"per": "change", "earlier": 2023}),
        (  # named departments: each one's change, never their levels compared
            "社工部和规资局2024年三公经费比上年增加的有哪些？",
            "filter",
            "“三公”经费",
            {"per": "change", "threshold": (">", 0, ""), "departments": tuple(DEPARTMENTS.values())},
        ),
        (
            "2023年决算三公经费在10万元到20万元之间的部门",
            "filter",
            "“三公”经费",
            {"threshold": (">=", 10, "万元"), "below": (20, "万元")},
        ),
        ("2023年决算支出超过预算的部门", "filter", "支出合计", {"per": "execution", "threshold": (">", 100, "%")}),
        (
            "2022年至2024年决算各部门三公经费合计",
            "total",
            "“三公”经费",
            {
                "refusal": "问题里写了多个年度（2022年、2024年），请一次问一个年度（两年的比较请写“比上年”或“2024年比2023年”）"
            },
        ),
        ("各部门基本支出中的人员经费排名", "rank", "人员经费", {}),
        # a department's whole budget said as 预算总计 and compared by 比…多多少: its 支出合计, both departments
        ("社工部2024年的预算总计比规资局多多少？", "compare", "支出合计", {"kind": "预算", "year": 2024}),
        ("社工部和规资局的决算总计哪个多？", "compare", "支出合计", {"kind": "决算"}),
        # r12c138: which of the named hold an item: those holding it, never their amounts compared
        (
            "社工部、规资局这两家，哪几家2024年有政府性基金预算拨款？",
            "filter",
            "政府性基金预算财政拨款支出",
            {"threshold": (">", 0, ""), "departments": tuple(DEPARTMENTS.values())},
        ),
        ("各部门财政拨款支出排名", "rank", "财政拨款支出", {}),
        (
            "2023年决算中社工部的三公经费在各部门中排第几",
            "rank",
            "“三公”经费",
            {"focus": DEPARTMENTS["社工部"], "departments": ()},
        ),
    ],
)
def test_questions_across_documents(
    reader: AcrossReader, question: str, op: str, subject: str, fields: dict[str, object]
) -> None:
    a = reader.read(question, _docs())
    assert a is not None and (a.op, a.subject) == (op, subject)
    assert {k: getattr(a, k) for k in fields} == fields


@pytest.mark.parametrize(
    "question",
    [
        "项目支出由哪些项目构成？",  # one document's breakdown
        "三公经费中哪项最多？",  # items of one document
        "社工部今年总共要花多少钱？",  # one department
        "各部门的职责是什么？",  # no figure
        "社工部2023年决算三公经费预算数是多少？",  # a 决算's own column: the single-document engine
    ],
)
def test_questions_about_one_document_are_left_alone(reader: AcrossReader, question: str) -> None:
    assert reader.read(question, _docs()) is None


def test_follow_ups_change_one_thing(reader: AcrossReader) -> None:
    first = reader.read("2024年决算各部门“三公”经费排名", _docs())
    assert first is not None
    previous = Answer(question=first.question, text="", refused=False, across=first)
    for question, changed in [
        ("那2023年呢？", {"year": 2023}),
        ("只看前三个", {"limit": 3}),
        ("换成公用经费", {"subject": "公用经费"}),
        ("预算呢？", {"kind": "预算"}),
        ("从低到高呢", {"descending": False}),
        ("去年呢？", {"year": 2023}),
        ("那平均呢？", {"op": "average"}),
        ("超过30万的呢？", {"op": "filter", "threshold": (">", 30, "万元")}),
    ]:
        a = reader.read(question, _docs(), previous)
        assert a is not None and a.op == changed.get("op", "rank") and a.refusal is None
        assert {k: getattr(a, k) for k in changed} == changed
        unchanged = {"year", "limit", "subject", "kind", "descending"} - set(changed)
        assert all(getattr(a, k) == getattr(first, k) for k in unchanged)


def test_bars_are_sorted_with_whole_names() -> None:
    html = bars_html(
        [
            ("上海市普陀区社会福利院", Decimal("6.4"), "万元"),
            ("上海市普陀区人民政府万里街道办事处", Decimal("47.91"), "万元"),
        ],
        "“三公”经费（万元）",
    )
    assert html.index("万里街道办事处") < html.index("社会福利院") and "47.91 万元" in html and "width:100.00%" in html


def test_csv_has_the_lines() -> None:
    answer = Answer(
        question="问", text="", refused=False, metric="项目支出（预算数）", covered="覆盖库中 2024 年预算 1 个部门"
    )
    text = entries_csv(answer)
    assert text.startswith("\ufeff") and "排名,部门,年度,类别,数值,单位,出处,说明" in text


# --- each place of subjects.toml, on the labels a real table prints -----------------------------------

KEJI = "深圳市科技创新局（本级）"
CAIZHENG = "深圳市财政局（本级）"
FUNDS = ("一般公共预算", "政府性基金预算", "国有资本经营预算")


class _Printed:
    """FactQuery's two reads over a few facts, as its SQL does them (table kind, row key or code, role)."""

    def __init__(self, facts: list[Fact]):
        self.facts = facts

    def locate(self, doc_ids: list[str], at: Located) -> list[Fact]:
        return [
            f for f in self.facts
            if f.doc_id in doc_ids
            and (f.table_kind in at.tables or (f.table is None and PROSE in at.tables))
            and (label_key(f.row) in at.rows or f.code in at.codes or any(h in label_key(f.row) for h in at.holding))
            and (not at.roles or f.column_role in at.roles)
        ]  # fmt: skip

    def empty(self, doc_ids: list[str], tables: list[str]) -> list[Fact]:
        return []


def _fact(
    department: str, table_kind: str, row: str, column: str, value: str, role: str | None = None, year: int = 2026
) -> Fact:
    return Fact(
        doc_id=department, department=department, year=year,
        table="表", section=None, row=row, code=None, column=column, value=Decimal(value), unit="万元",
        source=f"{row} · {column}", table_kind=table_kind, column_role=role,
    )  # fmt: skip


def _three_public(department: str, printed: dict[str, tuple[str, str]]) -> list[Fact]:
    """表9 财政拨款“三公”经费支出表 of Shenzhen 2026: one row per 年度, each item in one column per fund."""
    return [
        _fact(department, "three_public", f"{item}·{fund}", column, value if fund == FUNDS[0] else "0")
        for item, (last, this) in printed.items()
        for fund in FUNDS
        for column, value in (("2025年", last), ("2026年", this), ("增减变化金额", "9999"))
    ]


KEJI_THREE_PUBLIC = {  # 深圳市科技创新局 2026 部门预算 表9 (page 39): 2025年, 2026年 of 一般公共预算
    "总计": ("112.31", "118.20"),
    "因公出国(境)费": ("79.31", "90.00"),
    "公务接待费": ("5.00", "3.00"),
    "公务用车购置及运行维护费": ("28.00", "25.20"),
    "公务用车购置费": ("18.00", "18.00"),
    "公务用车运行维护费": ("10.00", "7.20"),
}
CAIZHENG_SPENDING = [  # 深圳市财政局 2026 部门预算 表3 支出总表 (page 20): the row of the department's own name
    _fact(CAIZHENG, "expenditure", CAIZHENG, "支出总计", "37385.88", "支出总计"),
    _fact(CAIZHENG, "expenditure", CAIZHENG, "基本支出", "11024.31", "基本支出"),
    _fact(CAIZHENG, "expenditure", CAIZHENG, "项目支出", "26361.57", "项目支出"),
    _fact(CAIZHENG, "expenditure", CAIZHENG, "2026年政府采购项目", "3790.75", "合计"),  # a 小计, not the total
    _fact(CAIZHENG, "expenditure", "一般公共服务支出", "支出总计", "20563.76", "支出总计"),
]
SAMPLE_THREE_PUBLIC = [  # the sample (2022) 表8 一般公共预算“三公”经费支出表: 总计 by 年度
    _fact("深圳市科学技术协会（本级）", "three_public", "总计", "2021年", "5", year=2022),
    _fact("深圳市科学技术协会（本级）", "three_public", "总计", "2022年", "5", year=2022),
]


YANTAI_THREE_PUBLIC = [  # 烟台市审计局 2026 公开表7 一般公共预算“三公”经费支出情况表 (page 19)
    _fact("烟台市审计局", "three_public", "合计", "2025年预算数", "11.90", "2025年预算数"),
    _fact("烟台市审计局", "three_public", "因公出国（境）经费", "2025年预算数", "8.50", "2025年预算数"),
    _fact("烟台市审计局", "three_public", "合计", "2026年预算数", "3.40", "2026年预算数"),
    _fact("烟台市审计局", "three_public", "公务接待费", "2026年预算数", "3.40", "2026年预算数"),
]
XIAN_PROCUREMENT = [  # 西安市民政局 2021 表12 政府采购预算表 (page 72), in 元: 数量 is a count
    _fact("西安市民政局", "government_procurement", "合计", "数量", "267851.5", year=2021),
    _fact("西安市民政局", "government_procurement", "合计", "预算金额", "81447000", "预算数", year=2021),
]
WUXI_APPROPRIATION = [  # 无锡市交通运输局（本级） 2026 表4 财政拨款收支总表 (page 18): 项目 · 预算数
    _fact("无锡市交通运输局（本级）", "appropriation_summary", "本年支出", "预算数", "372917.67", "预算数"),
    _fact("无锡市交通运输局（本级）", "appropriation_summary", "214 交通运输支出", "预算数", "52383.76", "预算数"),
]


CHONGQING_THREE_PUBLIC = [  # 重庆市水利局 2026 表8 财政拨款“三公”经费支出情况表 (page 28): its 合计 is the “三公” total
    _fact("重庆市水利局", "three_public", "合计", "预算数", "308.00", "预算数"),
    _fact("重庆市水利局", "three_public", "公务接待费", "预算数", "39.50", "预算数"),
]
WANLI_THREE_PUBLIC = [  # 万里街道 2024 部门“三公”经费和机关运行经费预算表 (page 31): 机关运行经费 is a row of it
    _fact("万里街道", "three_public", "“三公”经费", "预算数", "47.91", "预算数", year=2024),
    _fact("万里街道", "three_public", "机关运行经费", "预算数", "443.18", "预算数", year=2024),
]
XIAN_THREE_PUBLIC = [  # 西安市民政局 2021 表13 “三公”经费及会议费、培训费支出预算表 (page 77), 元: 2021年 adds 会议费, 培训费
    _fact("西安市民政局", "three_public", "合计", "2021年", "1633304.00", year=2021),
    _fact("西安市民政局", "three_public", "合计", "一般公共预算拨款安排的“三公”经费预算", "310840.00", year=2021),
    _fact("西安市民政局", "three_public", "合计", "公务接待费", "127840.00", year=2021),
    _fact("西安市民政局", "three_public", "合计", "会议费", "299250.00", year=2021),
    _fact("西安市民政局", "three_public", "合计", "培训费", "1023214.00", year=2021),
]
WUXI_ORGAN_OPERATION = [  # 无锡市人社局 2026 表12 一般公共预算机关运行经费支出预算表 (page 24): its 合计 is the subject
    _fact("无锡市人力资源和社会保障局", "organ_operation", "合计", "机关运行经费支出", "625.43"),
    _fact("无锡市人力资源和社会保障局", "organ_operation", "办公费", "机关运行经费支出", "198.77"),
]


def test_the_three_public_table_s_total_is_never_the_organ_operation_cost() -> None:
    doc = _doc("重庆市水利局", "重庆市水利局", 2026)
    (reading,) = Comparer(_Printed(CHONGQING_THREE_PUBLIC), {}).read(subject_named("机关运行经费", {}), [doc])  # type: ignore[arg-type]
    assert reading.value is None
    wanli = replace(doc, doc_id="万里街道", department="万里街道", year=2024)
    (reading,) = Comparer(_Printed(WANLI_THREE_PUBLIC), {}).read(subject_named("机关运行经费", {}), [wanli])  # type: ignore[arg-type]
    assert reading.value == Decimal("443.18")
    wuxi = replace(doc, doc_id="无锡市人力资源和社会保障局", department="无锡市人力资源和社会保障局")
    (reading,) = Comparer(_Printed(WUXI_ORGAN_OPERATION), {}).read(subject_named("机关运行经费", {}), [wuxi])  # type: ignore[arg-type]
    assert reading.value == Decimal("625.43")


@pytest.mark.parametrize(
    ("subject", "facts", "value", "columns"),
    [
        ("“三公”经费", _three_public(KEJI, KEJI_THREE_PUBLIC), "118.20", {"2026年"}),  # rows "总计", parts
        ("因公出国（境）费", _three_public(KEJI, KEJI_THREE_PUBLIC), "90.00", {"2026年"}),
        ("公务接待费", _three_public(KEJI, KEJI_THREE_PUBLIC), "3.00", {"2026年"}),
        ("公务用车购置及运行维护费", _three_public(KEJI, KEJI_THREE_PUBLIC), "25.20", {"2026年"}),
        ("公务用车购置费", _three_public(KEJI, KEJI_THREE_PUBLIC), "18.00", {"2026年"}),
        ("公务用车运行维护费", _three_public(KEJI, KEJI_THREE_PUBLIC), "7.20", {"2026年"}),
        ("“三公”经费", SAMPLE_THREE_PUBLIC, "5", {"2022年"}),  # row "总计", the document's year
        ("支出合计", CAIZHENG_SPENDING, "37385.88", {"支出总计"}),  # own_row
        ("基本支出", CAIZHENG_SPENDING, "11024.31", {"基本支出"}),  # own_row
        ("项目支出", CAIZHENG_SPENDING, "26361.57", {"项目支出"}),  # own_row
        ("政府采购预算", CAIZHENG_SPENDING, "3790.75", {"2026年政府采购项目"}),  # its column, never 支出总计
        ("“三公”经费", YANTAI_THREE_PUBLIC, "3.40", {"2026年预算数"}),  # a role that is only its year
        ("“三公”经费", XIAN_THREE_PUBLIC, "310840.00", {"一般公共预算拨款安排的“三公”经费预算"}),  # not + 会议费
        ("政府采购预算", XIAN_PROCUREMENT, "81447000", {"预算金额"}),  # money, never the 数量 column
        ("财政拨款支出", WUXI_APPROPRIATION, "372917.67", {"预算数"}),  # one 预算数 column a side
    ],
)
def test_each_place_reads_the_document_s_own_figure(
    subject: str, facts: list[Fact], value: str, columns: set[str]
) -> None:
    f = facts[0]
    doc = _doc(f.doc_id, f.department, f.year)
    (reading,) = Comparer(_Printed(facts), {}).read(subject_named(subject, {}), [doc])  # type: ignore[arg-type]
    assert reading.value == Decimal(value) and {x.column for x in reading.facts} == columns


def test_another_department_s_own_row_or_another_year_is_never_read() -> None:
    other = _doc(CAIZHENG, KEJI, 2026)
    (reading,) = Comparer(_Printed(CAIZHENG_SPENDING), {}).read(subject_named("项目支出", {}), [other])  # type: ignore[arg-type]
    assert reading.value is None
    bare = replace(other, department="深圳市财政局")  # a department named without （本级）
    (reading,) = Comparer(_Printed(CAIZHENG_SPENDING), {}).read(subject_named("项目支出", {}), [bare])  # type: ignore[arg-type]
    assert reading.value == Decimal("26361.57")
    last_year_only = [f for f in _three_public(KEJI, KEJI_THREE_PUBLIC) if f.column != "2026年"]
    keji = replace(other, doc_id=KEJI)
    (reading,) = Comparer(_Printed(last_year_only), {}).read(subject_named("“三公”经费", {}), [keji])  # type: ignore[arg-type]
    assert reading.value is None  # 2025年 is last year's, 增减变化金额 a change


def test_another_year_is_read_only_in_that_years_column() -> None:
    """The 2025年 column of a 2026 table read across by year, when that year is asked (烟台 11.90; 深圳 科技创新局
    112.31 of 一般公共预算, other funds 0); a year the table does not print gives nothing."""
    yantai = _doc("烟台市审计局", "烟台市审计局", 2026)
    (reading,) = Comparer(_Printed(YANTAI_THREE_PUBLIC), {}).read(subject_named("“三公”经费", {}), [yantai], 2025)  # type: ignore[arg-type]
    assert reading.value == Decimal("11.90") and {f.column for f in reading.facts} == {"2025年预算数"}
    keji = replace(yantai, doc_id=KEJI, department=KEJI)
    printed = _Printed(_three_public(KEJI, KEJI_THREE_PUBLIC))
    (reading,) = Comparer(printed, {}).read(subject_named("“三公”经费", {}), [keji], 2025)  # type: ignore[arg-type]
    assert reading.value == Decimal("112.31") and {f.column for f in reading.facts} == {"2025年"}
    (reading,) = Comparer(printed, {}).read(subject_named("“三公”经费", {}), [keji], 2023)  # type: ignore[arg-type]
    assert reading.value is None


def test_a_three_public_total_with_meetings_and_training_is_never_the_three_public() -> None:
    doc = _doc("西安市民政局", "西安市民政局", 2021, unit="元")
    without_own = [f for f in XIAN_THREE_PUBLIC if "三公" not in f.column]  # no column names the “三公” itself
    (reading,) = Comparer(_Printed(without_own), {}).read(subject_named("“三公”经费", {}), [doc])  # type: ignore[arg-type]
    assert reading.value is None  # 2021年's 1,633,304 adds 会议费 and 培训费: not read, rather than wrong


def test_a_last_year_column_is_never_this_year_s() -> None:
    doc = _doc("d", "d", 2026)
    printed = [
        _fact("d", "three_public", "合计", "上年", "248.00"),
        _fact("d", "three_public", "合计", "本年", "21.90"),
    ]
    facts = [replace(f, doc_id="d") for f in printed]
    (reading,) = Comparer(_Printed(facts), {}).read(subject_named("“三公”经费", {}), [doc])  # type: ignore[arg-type]
    assert reading.value == Decimal("21.90")


def test_another_year_s_total_with_meetings_and_training_is_never_that_year_s_three_public() -> None:
    """A Shaanxi 部门综合预算 “三公”经费及会议费、培训费 table read across by year (2025年 | 2026年 合计, then the
    2026 “三公” column and its items, 会议费支出, 培训费支出): the 2025年 合计 adds 会议费 and 培训费, so the 2025
    “三公” a comparison asks for is not printed — nothing is read, rather than a figure of another composition."""
    doc = _doc("d", "d", 2026)
    printed = [
        _fact("d", "three_public", "合计", "2025年", "263.72"),
        _fact("d", "three_public", "合计", "2026年", "248.00"),
        _fact("d", "three_public", "合计", "一般公共预算拨款安排的“三公”经费预算", "18.60"),
        _fact("d", "three_public", "合计", "会议费支出", "174.60"),
        _fact("d", "three_public", "合计", "培训费支出", "54.80"),
    ]
    facts = [replace(f, doc_id="d") for f in printed]
    (reading,) = Comparer(_Printed(facts), {}).read(subject_named("“三公”经费", {}), [doc], 2025)  # type: ignore[arg-type]
    assert reading.value is None
    (reading,) = Comparer(_Printed(facts), {}).read(subject_named("“三公”经费", {}), [doc])  # type: ignore[arg-type]
    assert reading.value == Decimal("18.60")


def _stated(row: str, column: str, value: str, sentence: str, year: int = 2026) -> Fact:
    """A figure of the text (no table), as index/prose.py reads Beijing's 部门预算情况说明."""
    return Fact(
        doc_id="bj", department="北京市财政局", year=year, table=None, section="第一部分", row=row, code=None,
        column=column, value=Decimal(value), unit="万元", source=f"第一部分 · 三、支出预算情况说明 · 「{sentence}」",
    )  # fmt: skip


BEIJING_TEXT = [  # 北京市财政局 2026 部门预算, pages 6–7: the narrative only, its tables published apart
    _stated("收入", "金额", "44169.36", "2026 年度收入预算 44169.36 万元"),
    _stated("收入", "2025年年初预算数", "44021.20", "169.36 万元，比 2025 年年初预算数 44021.20 万元"),
    _stated("支出", "金额", "44169.36", "2026 年支出预算 44169.36 万元"),
    _stated("支出", "比2025年增减", "148.16", "025 年年初预算数44021.20 万元增加 148.16 万元"),
    _stated("政府采购预算总额", "金额", "12948.49", "2026年北京市财政局政府采购预算总额12948.49万元"),
]


@pytest.mark.parametrize(("subject", "value"), [("支出合计", "44169.36"), ("收入合计", "44169.36")])
def test_a_narrative_only_document_s_whole_budget_is_its_stated_total(subject: str, value: str) -> None:
    doc = _doc("bj", "北京市财政局", 2026)
    (reading,) = Comparer(_Printed(BEIJING_TEXT), {}).read(subject_named(subject, {}), [doc])  # type: ignore[arg-type]
    assert reading.value == Decimal(value) and [f.column for f in reading.facts] == ["金额"]


def test_a_stated_total_of_another_year_or_of_several_figures_is_never_read() -> None:
    doc = _doc("bj", "北京市财政局", 2026)
    last_year = [_stated("支出", "金额", "44021.20", "2025 年支出预算 44021.20 万元")]
    (reading,) = Comparer(_Printed(last_year), {}).read(subject_named("支出合计", {}), [doc])  # type: ignore[arg-type]
    assert reading.value is None
    several = [
        _stated("支出", "金额", "307.82", "支出 307.82 万元"),
        _stated("支出", "金额", "51.32", "支出 51.32 万元"),
    ]
    (reading,) = Comparer(_Printed(several), {}).read(subject_named("支出合计", {}), [doc])  # type: ignore[arg-type]
    assert reading.value is None  # a 决算's many "…支出" lines: none of them is the whole


def test_a_table_s_total_comes_before_the_text_s() -> None:
    doc = _doc(CAIZHENG, CAIZHENG, 2026)
    text = [replace(f, doc_id=CAIZHENG, department=CAIZHENG) for f in BEIJING_TEXT]
    printed = _Printed([*CAIZHENG_SPENDING, *text])
    (reading,) = Comparer(printed, {}).read(subject_named("支出合计", {}), [doc])  # type: ignore[arg-type]
    assert reading.value == Decimal("37385.88")


# --- a subject the text states, for a document whose tables do not print it ------------------------------


def _said(row: str, column: str, value: str, sentence: str, *, kind: str = "预算", doc: str = "bj") -> Fact:
    """A figure of the text of document `doc` (no table)."""
    return replace(_stated(row, column, value, sentence), doc_id=doc, department=doc, doc_kind=kind)


BEIJING_THREE_PUBLIC_TEXT = [  # 北京市交通委员会 2026 部门预算情况说明, page 8: no “三公” table, the text states it
    _said("财政拨款“三公”经费", "金额", "1328.22", "2026 年财政拨款“三公”经费预算 1328.22 万元"),
    _said("财政拨款“三公”经费", "比2025年增减", "419.84", "比2025 年财政拨款“三公”经费年初预算增加 419.84 万元"),
    _said("因公出国（境）费用", "金额", "166.98", "2026 年预算数 166.98 万元"),
    _said("公务接待费", "金额", "3.55", "2026 年预算数 3.55 万元"),
    _said("公务用车购置和运行维护费", "金额", "1157.69", "2026 年预算数1157.69 万元"),
    _said("公务用车购置费", "金额", "666.41", "数1157.69 万元，包括公务用车购置费预算 666.41 万元"),
    _said("公务用车运行维护费", "金额", "491.28", "算 666.41 万元、公务用车运行维护费预算 491.28 万元"),
]


@pytest.mark.parametrize(
    ("subject", "value"),
    [
        ("“三公”经费", "1328.22"),  # never the change 419.84 printed beside it
        ("因公出国（境）费", "166.98"),
        ("公务接待费", "3.55"),
        ("公务用车购置及运行维护费", "1157.69"),  # never its part 公务用车购置费
        ("公务用车购置费", "666.41"),
        ("公务用车运行维护费", "491.28"),
    ],
)
def test_a_subject_only_the_text_states_is_read_there(subject: str, value: str) -> None:
    doc = _doc("bj", "bj", 2026)
    (reading,) = Comparer(_Printed(BEIJING_THREE_PUBLIC_TEXT), {}).read(subject_named(subject, {}), [doc])  # type: ignore[arg-type]
    assert reading.value == Decimal(value) and [f.column for f in reading.facts] == ["金额"]
    assert reading.note.startswith("文字说明")  # the line says where it was printed


@pytest.mark.parametrize(
    ("row", "subject", "kind", "names"),
    [
        ("财政拨款“三公”经费", "“三公”经费", "预算", True),  # heads: 财政拨款
        ("通过一般公共预算财政拨款安排的“三公”经费", "“三公”经费", "预算", True),  # 烟台: 通过, 安排的
        ("一般公共预算拨款安排的“三公”经费支出", "“三公”经费", "预算", True),  # 无锡: 拨款; tail 支出
        ("政府性基金预算安排的“三公”经费", "“三公”经费", "预算", True),
        ("国有资本经营预算安排的“三公”经费", "“三公”经费", "预算", True),
        ("“三公”经费预算", "“三公”经费", "预算", True),
        ("因公出国（境）费预算支出", "因公出国（境）费", "预算", True),
        ("因公出国（境）经费预算安排", "因公出国（境）费", "预算", True),  # 福州
        ("公务接待费支出预算", "公务接待费", "预算", True),
        ("公务接待费预算数", "公务接待费", "预算", True),
        ("“三公”经费决算", "“三公”经费", "决算", True),
        ("“三公”经费决算支出", "“三公”经费", "决算", True),
        ("“三公”经费支出决算", "“三公”经费", "决算", True),
        ("“三公”经费决算数", "“三公”经费", "决算", True),
        ("“三公”经费预算", "“三公”经费", "决算", False),  # a 决算's 预算 is another column
        ("“三公”经费决算", "“三公”经费", "预算", False),
        ("机关本级“三公”经费", "“三公”经费", "预算", False),  # a part of the department
        ("国内公务接待费", "公务接待费", "预算", False),  # a part of the item
        ("公务用车购置费", "公务用车购置及运行维护费", "预算", False),
        ("“三公”经费及会议费培训费", "“三公”经费", "预算", False),  # more than the item
        ("机关运行经费财政拨款", "机关运行经费", "预算", True),  # 北京: "…机关运行经费财政拨款预算 10384.60 万元"
        ("机关运行经费财政拨款预算", "机关运行经费", "预算", True),  # fund tail 财政拨款, then the kind's tail
        ("机关运行经费一般公共预算财政拨款", "机关运行经费", "预算", True),
        ("机关运行经费一般公共预算拨款支出", "机关运行经费", "预算", True),
        ("机关运行经费安排", "机关运行经费", "预算", True),  # 烟台: "本单位机关运行经费安排210.32万元"
        ("一般公共预算拨款安排的机关运行经费支出", "机关运行经费", "预算", True),  # 福州
        ("机关运行经费财政拨款决算", "机关运行经费", "预算", False),  # the other kind
        ("机关运行经费政府采购", "机关运行经费", "预算", False),  # no fund: another figure
    ],
)
def test_how_the_text_names_a_subject(row: str, subject: str, kind: str, names: bool) -> None:
    assert subjects().stated.names(label_key(row), subject_named(subject, {}).aliases, kind) is names


def test_a_sentence_of_the_other_kind_is_never_the_document_s() -> None:
    stated = subjects().stated
    assert stated.of_other_kind("2025年“三公”经费决算数 12.00 万元", "预算")
    assert stated.of_other_kind("“三公”经费年初预算 30.00 万元", "决算")
    assert stated.of_other_kind("“三公”经费预算 30.00 万元", "决算")
    assert not stated.of_other_kind("一般公共预算“三公”经费支出决算 28.00 万元", "决算")  # a fund's name
    assert not stated.of_other_kind("2026 年财政拨款“三公”经费预算 1328.22 万元", "预算")


def test_a_text_figure_of_a_part_another_kind_or_several_values_is_never_read() -> None:
    doc = _doc("bj", "bj", 2026)
    three_public = subject_named("“三公”经费", {})
    by_fund = [  # one figure per fund: parts, none of them the whole
        _said("一般公共预算安排的“三公”经费", "金额", "20.00", "一般公共预算安排的“三公”经费 20.00 万元"),
        _said("政府性基金预算安排的“三公”经费", "金额", "5.00", "政府性基金预算安排的“三公”经费 5.00 万元"),
    ]
    actual = [_said("“三公”经费", "金额", "18.00", "2026 年“三公”经费上年决算数 18.00 万元")]
    last_year = [_said("“三公”经费", "金额", "18.00", "2025 年“三公”经费预算 18.00 万元")]
    part = [_said("机关本级“三公”经费", "金额", "8.00", "其中：机关本级“三公”经费 8.00 万元")]
    for printed in (by_fund, actual, last_year, part):
        (reading,) = Comparer(_Printed(printed), {}).read(three_public, [doc])  # type: ignore[arg-type]
        assert reading.value is None, printed
    same = [*BEIJING_THREE_PUBLIC_TEXT, _said("“三公”经费支出", "金额", "1328.22", "“三公”经费支出 1328.22 万元")]
    (reading,) = Comparer(_Printed(same), {}).read(three_public, [doc])  # type: ignore[arg-type]
    assert reading.value == Decimal("1328.22")  # the same figure stated twice is one


def test_a_table_s_three_public_comes_before_the_text_s_and_a_budget_column_is_never_the_text() -> None:
    yantai = _doc("烟台市审计局", "烟台市审计局", 2026)
    text = [
        _said(
            "通过一般公共预算财政拨款安排的“三公”经费", "金额", "9.99", "“三公”经费预算共9.99万元", doc="烟台市审计局"
        ),
        _said("因公出国（境）费", "金额", "0", "因公出国（境）费0万元", doc="烟台市审计局"),
    ]
    printed = _Printed([*YANTAI_THREE_PUBLIC, *text])
    (reading,) = Comparer(printed, {}).read(subject_named("“三公”经费", {}), [yantai])  # type: ignore[arg-type]
    assert reading.value == Decimal("3.40")  # the table's 2026年预算数
    # 表7 prints 因公出国（境）经费 in its 2025年 column only: the text's 0 of 2026 is read
    (reading,) = Comparer(printed, {}).read(subject_named("因公出国（境）费", {}), [yantai])  # type: ignore[arg-type]
    assert reading.value == Decimal("0") and reading.facts[0].table is None
    (reading,) = Comparer(printed, {}).read(subject_named("因公出国（境）费", {}), [yantai], 2025)  # type: ignore[arg-type]
    assert reading.value == Decimal("8.50")  # another year: that year's column, never the text's


ORGAN_OPERATION_TEXT = [  # each document's text, no table of 机关运行经费 (the real sentences)
    _said(
        "机关运行经费财政拨款",
        "金额",
        "10384.60",
        "年北京市交通委员会部门机关运行经费财政拨款预算 10384.60 万元",
        doc="北京市交通委员会",
    ),
    _said("机关运行经费财政拨款", "金额", "443.43", "2026 年本单位机关运行经费财政拨款预算 443.43 万元", doc="科创局"),
    _said(
        "机关运行经费财政拨款", "比2025年增减", "50.45", "43.43 万元，较 2025 年年初预算增加 50.45 万元", doc="科创局"
    ),
    _said("机关运行经费安排", "金额", "210.32", "2026年本单位机关运行经费安排210.32万元", doc="烟台市审计局"),
    _said(
        "一般公共预算拨款安排的机关运行经费支出",
        "金额",
        "221.19",
        "管理支队一般公共预算拨款安排的机关运行经费支出 221.19 万元",
        doc="治安管理支队",
    ),
    _said(
        "一般公共预算财政拨款运行经费",
        "金额",
        "2115.63",
        "2026 年一般公共预算财政拨款运行经费 2115.63 万元",
        doc="重庆市水利局",
    ),
    _said("公务用车运行经费", "金额", "12.00", "公务用车运行经费 12.00 万元", doc="另一局"),  # another item
]


@pytest.mark.parametrize(
    ("doc_id", "value"),
    [
        ("北京市交通委员会", "10384.60"),  # a fund written after the subject (fund_tails)
        ("科创局", "443.43"),  # never the change 50.45
        ("烟台市审计局", "210.32"),
        ("治安管理支队", "221.19"),
        ("重庆市水利局", "2115.63"),  # the place's own text name 运行经费 (under the heading 机关运行经费)
        ("另一局", None),  # 公务用车运行经费 is no 机关运行经费
    ],
)
def test_organ_operation_cost_only_the_text_states_is_read_there(doc_id: str, value: str | None) -> None:
    doc = _doc(doc_id, doc_id, 2026)
    subject = subject_named("机关运行经费", {})
    (reading,) = Comparer(_Printed(ORGAN_OPERATION_TEXT), {}).read(subject, [doc])  # type: ignore[arg-type]
    assert reading.value == (Decimal(value) if value else None)
    if value:
        assert [f.column for f in reading.facts] == ["金额"] and reading.note.startswith("文字说明")


@pytest.mark.parametrize("entry", [s for s in subjects().named if s.kinds], ids=lambda s: s.name)
def test_a_part_by_kind_is_never_read_as_the_whole(reader: AcrossReader, entry: Subject) -> None:
    """subjects.toml `kinds`: "哪些部门政府采购有工程类" asks the 工程 part (无锡人社 2026 p51 prints 工程 700万元
    beside a 1,933.61万元 total), never each department's whole; the whole asked alone is still read."""
    for kind in entry.kinds:
        a = reader.read(f"哪些部门{entry.aliases[-1]}有{kind}类？", _docs())
        assert a is not None and a.refusal is not None and f"“{kind}”类" in a.refusal
    a = reader.read(f"哪个部门{entry.name}最多？", _docs())
    assert a is not None and a.subject == entry.name and a.refusal is None
