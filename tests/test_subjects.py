"""Subjects compared across documents (assistant/subjects.toml) and how a question across documents is read."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.across import AcrossReader
from assistant.knowledge import Doc
from assistant.records import Answer
from assistant.render import bars_html, entries_csv
from assistant.subjects import subjects
from index.catalog import catalog

KINDS = {t.kind for t in catalog().tables}


def test_every_place_is_a_table_kind_of_the_catalog() -> None:
    book = subjects()
    assert {t for s in book.named for p in s.places for t in p.tables} <= KINDS
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
    ],
)
def test_subject_names(phrase: str, subject: str) -> None:
    found = subjects().find(phrase)
    assert found and found[0].name == subject


DEPARTMENTS = {"规资局": "上海市普陀区规划和自然资源局", "社工部": "中共上海市普陀区委社会工作部"}


def _docs() -> list[Doc]:
    return [
        Doc(doc_id=f"{name}{year}{kind}", title="", department=name, year=year, kind=kind, unit="万元", aliases=())
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
        ("2023年决算全区总支出是多少？", "total", "支出合计", {"limit": None}),
        ("三公经费排名前三的部门合计多少？", "total", "“三公”经费", {"limit": 3}),
        ("2023年决算各部门三公经费占全区三公经费的比例", "share", "“三公”经费", {"whole": "各部门合计"}),
        ("2023年决算各部门基本支出占本部门支出合计的比例", "share", "基本支出", {"whole": "支出合计"}),
        ("各部门三公经费占各部门合计的比重", "share", "“三公”经费", {"whole": "各部门合计"}),
        ("2024年决算哪个部门三公经费增长最多？", "rank", "“三公”经费", {"per": "change", "descending": True}),
        ("2024年决算哪些部门三公经费同比下降？", "filter", "“三公”经费", {"per": "change", "threshold": ("<", 0, "")}),
        ("2024年预算支出超过2023年的部门有哪些？", "filter", "支出合计", {"per": "change", "earlier": 2023}),
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
