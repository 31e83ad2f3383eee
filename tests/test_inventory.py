"""Questions about the store's documents themselves (assistant/inventory.py): counted and listed from the
documents' own records, never asked back "which department?" (r12c170 "库里有几个民政局的文件？")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.inventory import asked, inventory
from index.records import DocumentInfo

WANLI = "上海市普陀区人民政府万里街道办事处"
FULIYUAN = "上海市普陀区社会福利院"
SHEGONGBU = "中共上海市普陀区委社会工作部"
MINZHENG = ("北京市民政局", "西安市民政局")
SHORT = {WANLI: "万里街道", FULIYUAN: "福利院", SHEGONGBU: "社工部"}


def _doc(department: str, year: int, kind: str) -> DocumentInfo:
    return DocumentInfo(doc_id=f"{department}{year}{kind}", title=f"{year}年{department}部门{kind}", department=department,
                        year=year, kind=kind, unit="万元", filename="", n_facts=0, ingested_at="")  # fmt: skip


DOCS = [
    _doc(WANLI, 2024, "预算"), _doc(WANLI, 2023, "预算"), _doc(FULIYUAN, 2024, "预算"), _doc(SHEGONGBU, 2024, "决算"),
    _doc(MINZHENG[0], 2026, "预算"), _doc(MINZHENG[1], 2021, "预算"),
]  # fmt: skip


def named(text: str) -> dict[str, str]:
    """The departments a text names, as the engine reads them: a short name, or a kind several answer to."""
    found = {d: s for d, s in SHORT.items() if s in text}
    return found | ({d: "民政局" for d in MINZHENG} if "民政局" in text else {})


@pytest.mark.parametrize(
    ("question", "word", "what"),
    [
        ("库里有几个民政局的文件？", "几个", "民政局"),
        ("库中有哪些普陀的单位的公开文件", "哪些", "普陀的单位"),
        ("库里一共有几份文件？", "几份", ""),
        ("已导入多少份万里街道的文件呢？", "多少份", "万里街道"),
    ],
)
def test_a_question_about_the_documents_is_read(question: str, word: str, what: str) -> None:
    assert asked(question) == (word, what)


@pytest.mark.parametrize(
    "question",
    [
        "库里万里街道的文件里三公经费多少？",
        "民政局有几个文件里提到了车辆？",
        "万里街道有几个部门？",
        "文件里有几个项目？",
    ],
)
def test_a_figure_asked_of_the_documents_is_not_read(question: str) -> None:
    assert asked(question) is None


def test_the_departments_of_a_kind_are_counted_and_each_document_listed() -> None:
    a = inventory("库里有几个民政局的文件？", DOCS, named)
    assert a is not None and not a.refused and (a.value, a.unit) == (Decimal(2), "个")
    assert a.text.splitlines() == [
        "库中有 2 个民政局的公开文件（共 2 份）：",
        "- 北京市民政局：2026年预算（2026年北京市民政局部门预算）",
        "- 西安市民政局：2021年预算（2021年西安市民政局部门预算）",
    ]


def test_documents_of_a_place_or_the_store_are_counted_in_copies() -> None:
    a = inventory("库里有几份普陀的单位的文件？", DOCS, named)
    assert a is not None and (a.value, a.unit) == (Decimal(4), "份") and "（3 个部门）" in a.text
    whole = inventory("库里一共有几份文件？", DOCS, named)
    assert whole is not None and (whole.value, whole.unit) == (Decimal(6), "份")
    one = inventory("库里有几份万里街道的文件？", DOCS, named)
    assert one is not None and one.value == Decimal(2)


def test_a_kind_none_loaded_is_none_by_name_but_a_shortening_is_not_said_absent() -> None:
    a = inventory("库里有几个教育局的文件？", DOCS, named)
    assert a is not None and a.value == Decimal(0) and a.text.startswith("库中没有教育局的公开文件（0 个）")
    assert inventory("库里有几个街道办的文件？", DOCS, named) is None  # 街道办 shortens 街道办事处: the engine asks
