"""An answer names the asked item or refuses: the words of a question a linked label leaves out."""

from __future__ import annotations

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
