"""The date a count is stated at: asked ("截至2022年底") and printed ("截止2022年12月31日")."""

from decimal import Decimal

import pytest

from assistant.as_of import AsOf, asked, fits, printed
from assistant.counts import answer_count
from assistant.draft import Unanswerable
from assistant.knowledge import Knowledge
from index.records import DocumentInfo, Fact

# 上海市普陀区万里街道 2023 部门预算 p29 and 2024 部门预算 p32
WANLI = {
    2023: ("五、国有资产占有情况截止2022年12月31日，本部门流动资产448.82万元。固定资产3149.52万元，其中："
           "房屋14609.83平方米；车辆7辆（一般公务用车3辆，执法执勤用车4辆）。", "4"),
    2024: ("五、国有资产占有使用情况截至2023年8月31日，上海市普陀区人民政府万里街道办事处（部门）共有车辆7辆，"
           "其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、执法执勤用车0辆。", "0"),
}  # fmt: skip


def _wanli() -> tuple[list[DocumentInfo], Knowledge]:
    department = "上海市普陀区人民政府万里街道办事处"
    docs, facts, texts = [], [], {}
    for year, (text, value) in WANLI.items():
        doc_id = f"wanli{year}"
        docs.append(DocumentInfo(doc_id=doc_id, title=f"{year}年{department}部门预算", department=department,
                                 year=year, kind="预算", unit="万元", filename=f"{doc_id}.pdf", n_facts=1,
                                 ingested_at="", aliases=("万里街道",)))  # fmt: skip
        window = text[text.index("执法执勤用车") - 12 : text.index("执法执勤用车") + 7]
        facts.append(Fact(doc_id=doc_id, department=department, year=year, table=None, section="其他",
                          row="执法执勤用车", code=None, column="数量", value=Decimal(value), unit="辆",
                          source=f"其他 · 「{window}」"))  # fmt: skip
        texts[doc_id] = text
    return docs, Knowledge(docs, facts, [], texts)


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("截至2022年底万里街道有几辆执法执勤用车？", AsOf(2022, 12)),
        ("截止2023年8月31日有几辆车", AsOf(2023, 8, 31)),
        ("截至2024年，共有几辆车", AsOf(2024)),
        ("2024年有几辆车", None),
    ],
)
def test_the_date_asked(question: str, date: AsOf | None) -> None:
    assert asked(question) == date


def test_the_date_printed_before_a_count_unless_a_heading_opens_another_part() -> None:
    assert printed(WANLI[2023][0].split("执法执勤用车4辆")[0]) == AsOf(2022, 12, 31)
    assert printed("截至2023年8月31日，共有车辆7辆。六、政府采购情况：购置设备3台") is None
    assert fits(AsOf(2022, 12), AsOf(2022, 12, 31))
    assert not fits(AsOf(2022, 12), AsOf(2023, 8, 31))
    assert fits(AsOf(2023), AsOf(2023, 8, 31))


def test_a_count_asked_at_a_date_is_the_one_printed_at_that_date() -> None:
    docs, kb = _wanli()
    draft = answer_count("截至2022年底万里街道有几辆执法执勤用车？", docs, kb)
    assert draft and draft.value == Decimal(4) and draft.doc_id == "wanli2023"  # not the 2024 document's 0
    draft = answer_count("截至2023年8月31日万里街道有几辆执法执勤用车？", docs, kb)
    assert draft and draft.value == Decimal(0) and draft.doc_id == "wanli2024"


def test_a_count_asked_at_a_date_no_document_prints_is_refused() -> None:
    docs, kb = _wanli()
    with pytest.raises(Unanswerable, match="截至2022年12月31日"):
        answer_count("截至2021年底万里街道有几辆执法执勤用车？", docs, kb)
