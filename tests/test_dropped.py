"""An answer names the asked item or refuses: the words of a question a linked label leaves out."""

from __future__ import annotations

import pytest

from assistant.dropped import dropped_words
from assistant.knowledge import grams
from assistant.tokens import glossary_data

NEUTRAL = glossary_data()["item_neutral"]
# item names printed in the 2026 北京市交通委员会 and 重庆市水利局 disclosures
PRINTED = set(grams("一般公共预算拨款收入大中型水库移民后期扶持基金支出重点专项资金绩效目标表"))


def test_the_asked_items_own_word_left_out() -> None:
    # "部门收入预算总额" reached the prose figure 政府采购预算总额 through 预算总额 alone
    covered = set(grams("政府采购预算说明部门政府采购预算总额"))
    assert dropped_words("部门收入预算总额", covered, PRINTED, NEUTRAL) == ["收入"]
    # a row that does not contain the asked name is not the asked item
    covered = set(grams("表2 2026年部门收入总体情况表大中型水库移民后期扶持基金支出总计"))
    assert dropped_words("水库移民后期扶持专项资金 预算", covered, PRINTED, NEUTRAL) == ["专项"]


def test_neutral_and_unprinted_words_may_stay_out() -> None:
    covered = set(grams("政府采购服务类"))
    assert dropped_words("政府采购预算", covered, PRINTED, NEUTRAL) == []  # 预算 names no item
    covered = set(grams("课题调研活动财政拨款"))
    assert dropped_words("课题调研活动任务 财政拨款", covered, PRINTED, NEUTRAL) == []  # no item is named 任务


def test_a_prose_figure_s_own_sentence_holds_no_other_figure_s_name() -> None:
    from decimal import Decimal

    from assistant.dropped import own_sentence
    from assistant.knowledge import Knowledge
    from index.records import DocumentInfo, Fact

    # 无锡市交通运输局 2026 第41页, as printed
    text = "2026年度政府采购支出预算总额112.9万元，其中：拟采购货物支出2万元、拟采购工程支出0万元、拟采购服务支出110.9万元。"
    doc = DocumentInfo(doc_id="d", title="2026年无锡市交通运输局单位预算", department="无锡市交通运输局", year=2026,
                       kind="预算", unit="万元", filename="d.pdf", n_facts=4, ingested_at="", level="单位")  # fmt: skip

    def prose(row: str, value: str, window: str, parent: str | None) -> Fact:
        return Fact(doc_id="d", department="无锡市交通运输局", year=2026, table=None, section="十三", row=row, code=None,
                    column="金额", value=Decimal(value), unit="万元", source=f"十三 · 「{window}」", parent=parent)  # fmt: skip

    total = prose("政府采购支出预算总额", "112.9", "2026年度政府采购支出预算总额112.9万元", None)
    goods = prose("拟采购货物支出", "2", "其中：拟采购货物支出2万元", total.row)
    works = prose("拟采购工程支出", "0", "拟采购货物支出2万元、拟采购工程支出0万元", total.row)
    services = prose("拟采购服务支出", "110.9", "拟采购工程支出0万元、拟采购服务支出110.9万元", total.row)
    kb = Knowledge([doc], [total, goods, works, services], [], {"d": text})
    own = own_sentence(kb, works)
    assert "拟采购工程支出" in own and "政府采购支出预算总额" in own  # its name, and the whole it is listed under
    assert "货物" not in own  # the figure beside it is another item's
    assert "服务" not in own_sentence(kb, works) and "货物" not in own_sentence(kb, services)


def test_an_item_named_by_the_form_of_its_name_must_be_covered() -> None:
    from assistant.dropped import item_shaped

    heads = glossary_data()["item_heads"]
    covered = set(grams("2026年度收入预算北京市交通委员会部门预算"))  # what the department's 收入合计 was read under
    assert item_shaped("城市道路掘路修复费预计收入几许", covered, NEUTRAL, heads) == ["城市道路掘路修复费"]
    assert item_shaped("志愿服务发展基金支出", set(), NEUTRAL, heads) == ["志愿服务发展基金"]
    # the item read covers it; a short word ending in a head (花费, 专项) names no item of its own
    assert item_shaped("公务接待费", set(grams("公务接待费")), NEUTRAL, heads) == []
    assert item_shaped("一共花费多少", set(), NEUTRAL, heads) == []
    assert item_shaped("水库专项", set(grams("水库")), NEUTRAL, heads) == []


@pytest.mark.slow
def test_a_total_never_answers_an_item_the_documents_do_not_print(store_real) -> None:  # type: ignore[no-untyped-def]
    from assistant.answer import Engine
    from assistant.config import Settings

    engine = Engine(Settings(store=store_real))
    for q, named in [
        ("万里街道2024年外墙清洗专项支出是多少？", "外墙清洗专项"),  # was 支出合计 156,211,123 元 ✓
        ("社工部2024年志愿服务发展基金支出多少？", "志愿服务发展基金"),  # was 支出合计 307.82 万元 ✓
    ]:
        a = engine.answer(q)
        assert a.refused and f"“{named}”" in a.text and not a.figures, q
    a = engine.answer("万里街道2024年办公费预算是多少？")  # a printed item is still answered
    assert not a.refused and a.value is not None
