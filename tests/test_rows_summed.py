"""Rows of one name in one table that the question asks added (无锡人社局 2026 表13 政府采购支出表, pp35-36: 复印纸
bought by five units, 6.00 + 0.40 + 11.00 + 2.50 + 0.50 = 20.40 万元; round 11 r11c178 "各单位买复印纸一共花多少"):
a word of subjects.toml `item_whole` outside the name adds them, with each term shown; without one they are listed
and the question asked back."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.draft import Unanswerable
from assistant.standing import RowsSplit, refuse_same_name_rows, sum_asked
from assistant.subjects import subjects
from index.records import Fact

PAPER = ["6.00", "0.40", "11.00", "2.50", "0.50"]  # 本级, 仲裁院, 社保基金管理中心, 综合服务中心, 人才服务中心


def _rows() -> list[Fact]:
    return [
        Fact(doc_id="d", department="无锡市人力资源和社会保障局", year=2026, table="表13", section=None, row="复印纸",
             code=None, column="一般公共预算资金", value=Decimal(v), unit="万元", source="表13 政府采购支出表 · 复印纸")
        for v in PAPER
    ]  # fmt: skip


@pytest.mark.parametrize("word", subjects().item_whole)
def test_rows_of_one_name_asked_added_are_added(word: str) -> None:
    rows = _rows()
    with pytest.raises(RowsSplit) as split:
        refuse_same_name_rows(rows[0], rows, "复印纸", f"无锡人社局各单位买复印纸{word}花多少？")
    assert split.value.asked == word and len(split.value.facts) == 5
    assert sum(f.value for f in split.value.facts) == Decimal("20.40")


def test_rows_of_one_name_not_asked_added_are_asked_back() -> None:
    rows = _rows()
    with pytest.raises(Unanswerable) as refused:
        refuse_same_name_rows(rows[0], rows, "复印纸", "无锡人社局复印纸是多少？")
    assert not isinstance(refused.value, RowsSplit)
    assert "有 5 行都叫“复印纸”" in str(refused.value)


def test_only_a_word_right_after_the_name_asks_its_rows_added() -> None:
    assert sum_asked("“三公”经费合计是多少？", "“三公”经费合计") == ""  # the word is part of the name
    assert sum_asked("复印纸的合计是多少？", "复印纸") == "合计"
    # round 10 r10b104, r10c047: another whole is asked, never rows called 部门预算 or 总计 added
    assert sum_asked("西安市民政局2021年部门预算收入总共多少？", "部门预算") == ""
    assert sum_asked("无锡人社局政府采购预算总额是多少？", "总计") == ""
