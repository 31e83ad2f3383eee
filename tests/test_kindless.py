"""A department named by its place and its name without the kind (无锡市人社, 北京信访, 深圳科创): read as that
department when it is one loaded department's and no word goes on after it."""

from __future__ import annotations

import pytest

from assistant.departments import department_aliases
from assistant.kindless import spelled
from assistant.tokens import glossary_data

NAMES = ("北京市财政局", "深圳市财政局（本级）", "北京市信访办公室", "北京市民政局", "烟台市审计局",
         "无锡市人力资源和社会保障局", "深圳市科技创新局（本级）", "上海市普陀区社会福利院")  # fmt: skip


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("无锡市人社2026年三公经费预算多少？", "无锡市人社局2026年三公经费预算多少？"),
        ("深圳科创的预算", "深圳科创局的预算"),
        ("2026年北京信访的收入", "2026年北京信访办公室的收入"),
        ("2026年市人社的收入", "2026年市人社局的收入"),  # the level alone: one 人社局 loaded
        ("无锡市人社局2026年", "无锡市人社局2026年"),  # spelled out already
        ("烟台审计业务经费多少", "烟台审计业务经费多少"),  # a word goes on: 审计业务经费
        ("北京财政拨款收入多少", "北京财政拨款收入多少"),
        ("城市民政2026年", "城市民政2026年"),  # inside a word
        ("市财政2026年预算", "市财政2026年预算"),  # two 财政局 loaded: not read as either
    ],
)
def test_spelled(question: str, read: str) -> None:
    abbreviations = glossary_data()["department_abbreviations"]
    assert spelled(question, {d: department_aliases(d, abbreviations) for d in NAMES}) == read
