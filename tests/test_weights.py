"""An indicator's weight (分值权重 / 指标权重) is no figure of the indicator: a question naming the indicator is
answered with its target, never its weight. Figures of 西安市财政局 2026 表14-1 (p44), in a text disclosure."""

from pathlib import Path

from tests.conftest import store_of

WEIGHED = """2026年西安市示例局部门预算

第一部分 部门概况
一、部门职责
示例局负责示例工作。

第二部分 部门预算公开报表
表1
部门专项业务经费绩效目标表
（2026年度）
项目名称\t\t\t会计类考试考务\t\t
主管部门\t\t\t西安市示例局\t\t
资金金额（万元）\t\t\t实施期资金总额：\t1,083.57\t执行率分值（10分）
\t\t\t其中：财政拨款\t1,083.57\t
年度绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t分值权重（90分）
\t成本指标\t经济成本指标\t考试机位单价(元/小时)\t19.75\t10
\t产出指标\t数量指标\t考务培训次数(次)\t3\t7
"""


def test_an_indicator_asked_is_answered_with_its_target_not_its_weight(tmp_path: Path) -> None:
    from assistant.answer import Engine
    from assistant.config import Settings

    path = tmp_path / "weighed.txt"
    path.write_text(WEIGHED, encoding="utf-8")
    store = store_of(tmp_path / "store", path)
    answer = Engine(Settings(store=store)).answer("西安市示例局会计类考试考务项目的考试机位单价是多少？", [])
    assert not answer.refused
    assert "19.75" in answer.text and "10 分" not in answer.text
