"""A later part refused on its own is answered from what the first part's figure is printed with, or named as not
printed (assistant/compound.py `_said_of_first`, assistant/next_figure.py, assistant/row_indicator.py).

Figures as printed: 福州市公安局治安管理支队 2026 单位预算 1.项目支出绩效目标表 (p29) 警务辅助人员经费 总额 44.47 万元,
产出/数量 聘用人员数量 目标值 ≤10人; 佛山市轨道交通局 2019 决算 (p26) "“三公”经费财政拨款支出决算为0.16万元，完成预算
0万元的0%", (p28) "我部门今年开展了部门整体支出及7个项目绩效自评" and "组织对7个一般公共预算项目支出开展绩效自评，其中
一级项目6个，二级项目1个，共涉及资金940.15万元"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.compound import _COUNT_ASK, Part, _line, _said_of_first, answered_parts, cues, joined
from assistant.next_figure import completion, money_fits, next_in_sentence
from assistant.records import Answer
from assistant.row_indicator import under
from index.records import Fact

D = Decimal
TABLE = "1.项目支出绩效目标表"


def _cell(row: str, column: str, value: str, unit: str, path: str = "") -> Fact:
    source = f"{TABLE} · 警务辅助人员经费 · {path}{row} · {column}" if path else f"{TABLE} · {row} · {column}"
    return Fact(doc_id="fz", department="福州市公安局治安管理支队", year=2026, table=TABLE, section=None, row=row,
                code=None, column=column, value=D(value), unit=unit, source=source, page=29)  # fmt: skip


TOTAL = _cell("警务辅助人员经费", "总额", "44.47", "万元")
HIRED = _cell("聘用人员数量", "目标值 ≤10人", "10", "人", "产出/数量 · ")
HOURS = _cell("周工作时长", "目标值 ≤40%", "40", "%", "产出/时效 · ")
OTHER = Fact(doc_id="fz", department="福州市公安局治安管理支队", year=2026, table=TABLE, section=None,
             row="辅警培训人数", code=None, column="目标值 ≤30人", value=D("30"), unit="人",
             source=f"{TABLE} · 民警加班补贴 · 产出/数量 · 辅警培训人数 · 目标值 ≤30人", page=30)  # fmt: skip
CELLS = [TOTAL, HIRED, HOURS, OTHER]


def _first(f: Fact) -> Answer:
    return Answer(question="q", text="t", refused=False, value=f.value, unit=f.unit, facts=[f])


def test_a_count_of_a_project_is_its_one_indicator_in_the_unit_asked() -> None:
    said = _said_of_first("聘几个人？", _first(TOTAL), lambda d: CELLS, None)
    assert said is not None and (said.value, said.unit) == (D("10"), "人") and said.figures[0].verdict == "verified"
    assert "聘用人员数量" in said.text and "≤10人" in said.text


def test_no_indicator_of_another_row_word_unit_or_of_two() -> None:
    assert under(_first(TOTAL), "人", "培训", lambda d: CELLS) is None  # 辅警培训人数 is another project's
    assert under(_first(TOTAL), "辆", "", lambda d: CELLS) is None  # no vehicles under the row
    twice = [*CELLS, _cell("驻勤人员数量", "目标值 ≤8人", "8", "人", "产出/数量 · ")]
    assert under(_first(TOTAL), "人", "", lambda d: twice) is None  # two counts of people: never a guess
    assert under(_first(TOTAL), "人", "聘", lambda d: twice) == HIRED  # the part's own word picks one
    prose = Answer(question="q", text="t", refused=False, value=D("44.47"), unit="万元", facts=[])
    assert under(prose, "人", "", lambda d: CELLS) is None


def test_a_count_of_people_asked_with_a_classifier_counts_people() -> None:
    for ask in ("几个人", "多少个人", "多少人", "几名"):
        found = _COUNT_ASK.search(ask)
        assert found is not None and found.group("unit") in ("人", "名")
    found = _COUNT_ASK.search("几个项目")
    assert found is not None and found.group("unit") == "个"


SECTION = "第三部分 佛山市轨道交通局2019年部门决算情况说明"


def _said(row: str, column: str, value: str, unit: str, window: str) -> Fact:
    return Fact(doc_id="fs", department="佛山市轨道交通局", year=2019, table=None, section=SECTION, row=row,
                code=None, column=column, value=D(value), unit=unit,
                source=f"{SECTION} · 三、“三公”经费 · 「{window}」", page=26)  # fmt: skip


SPENT = _said("“三公”经费财政拨款支出", "金额", "0.16", "万元", "局 2019年度“三公”经费财政拨款支出决算为 0.16万元")
BUDGET = _said("完成", "金额", "0", "万元", "经费财政拨款支出决算为 0.16万元，完成预算 0 万元")


@pytest.mark.parametrize("word", cues()["completion"])
def test_a_completion_of_a_budget_of_zero_is_said_never_made_up(word: str) -> None:
    said = _said_of_first(f"{word}百分之几？", _first(SPENT), lambda d: [SPENT, BUDGET], None)
    assert said is not None and not said.refused and "预算为零" in said.text
    assert [f.value for f in said.figures] == [D("0")] and said.figures[0].verdict == "verified"


def test_a_completion_of_a_budget_printed_is_computed() -> None:
    budget = _said("完成", "金额", "0.20", "万元", "经费财政拨款支出决算为 0.16万元，完成预算 0.20 万元")
    said = completion("完成预算的百分之几", _first(SPENT), lambda d: [SPENT, budget])
    assert said is not None and (said.value, said.unit) == (D("80.00"), "%")
    assert said.figures[-1].verdict == "derived" and "0.16 ÷ 0.2" in said.figures[-1].expression
    other = _said("完成", "金额", "0.20", "万元", "项目支出决算为 3万元，完成预算 0.20 万元")
    assert completion("完成预算的百分之几", _first(SPENT), lambda d: [SPENT, other]) is None  # another sentence
    change = _said("比年初预算", "金额", "0.20", "万元", "经费财政拨款支出决算为 0.16万元，比年初预算增加 0.20 万元")
    assert completion("完成预算的百分之几", _first(SPENT), lambda d: [SPENT, change]) is None  # a change, no budget


SELF = Fact(doc_id="fs", department="佛山市轨道交通局", year=2019, table=None, section=SECTION, row="项目绩效自评",
            code=None, column="数量", value=D("7"), unit="个",
            source=f"{SECTION} · 四、其他 · 「我部门今年开展了部门整体支出及 7 个」", page=28)  # fmt: skip
SEVEN = Fact(doc_id="fs", department="佛山市轨道交通局", year=2019, table=None, section=SECTION,
             row="一般公共预算项目支出开展绩效自评", code=None, column="数量", value=D("7"), unit="个",
             source=f"{SECTION} · 四、其他 · 「据财政预算管理要求，2019 年度我部门组织对 7 个」", page=28)  # fmt: skip
LEVEL1 = Fact(doc_id="fs", department="佛山市轨道交通局", year=2019, table=None, section=SECTION, row="一级项目",
              code=None, column="数量", value=D("6"), unit="个",
              source=f"{SECTION} · 四、其他 · 「一般公共预算项目支出开展绩效自评，其中一级项目 6 个」", page=28)  # fmt: skip
FUNDS = Fact(doc_id="fs", department="佛山市轨道交通局", year=2019, table=None, section=SECTION, row="共涉及资金",
             code=None, column="金额", value=D("940.15"), unit="万元",
             source=f"{SECTION} · 四、其他 · 「一级项目 6 个，二级项目 1 个，共涉及资金 940.15 万元」", page=28)  # fmt: skip
SENTENCE = ("根据财政预算管理要求，2019 年度我部门组织对 7 个一般公共预算项目支出开展绩效自评，其中一级项目 6 个，二级项目 1 个，"
            "共涉及资金 940.15 万元，占一般公共预算项目支出总额的 100%；组织对 2019 年度 0 个政府性基金预算项目开展绩效自评")  # fmt: skip


def test_the_money_of_a_count_printed_again_in_its_own_sentence() -> None:
    facts = [SEVEN, LEVEL1, FUNDS, SELF]
    assert next_in_sentence(_first(SELF), money_fits, lambda d: facts) is None  # windows alone do not join
    found = next_in_sentence(_first(SELF), money_fits, lambda d: facts, lambda f: SENTENCE)
    assert found == FUNDS
    goal = Fact(doc_id="fs", department="佛山市轨道交通局", year=2019, table=None, section=SECTION,
                row="项目绩效目标管理", code=None, column="数量", value=D("7"), unit="个",
                source=f"{SECTION} · 四、其他 · 「2019 年度我部门组织对 7 个」", page=28)  # fmt: skip
    other = [goal, LEVEL1, FUNDS, SELF]  # 项目绩效目标管理: another thing counted 7, never its money
    assert next_in_sentence(_first(SELF), money_fits, lambda d: other, lambda f: SENTENCE) is None
    alone = [SELF, LEVEL1, FUNDS]  # no other sentence prints the 7: the first figure's own sentence only
    assert next_in_sentence(_first(SELF), money_fits, lambda d: alone, lambda f: SENTENCE) is None


def test_a_name_the_first_parts_sentence_says_is_quoted_not_called_missing() -> None:
    quoted = "抱歉，公开文件中找不到这个问题的答案：公开文件没有单独列出，只在这句话中说明：“江苏省无锡技师学院拟购置1辆公务用车。”。"
    line = _line(Part("是哪个单位买？", Answer(question="q", text=quoted, refused=True)))
    assert line == ["是哪个单位买：公开文件没有单独列出，只在这句话中说明：“江苏省无锡技师学院拟购置1辆公务用车。”"]
    missing = _line(
        Part("多少人？", Answer(question="q", text="抱歉，公开文件中找不到这个问题的答案：没有找到。", refused=True))
    )
    assert missing == ["多少人：公开文件没有找到（没有找到）。"]


def _spans(text: str) -> list[str]:
    return [n for n in ("北京市交通委",) if n in text]


FIRST = "北京市交通委2026年部门预算一共包括多少个单位"  # 北京市交通委员会 2026 p5 "部门预算共计32个单位"


def test_two_parts_of_the_whole_asked_before_keep_their_qizhong() -> None:
    assert joined("其中行政单位和事业单位各几个", _spans, lambda n: False) == ["其中行政单位几个", "其中事业单位几个"]


def test_a_later_part_naming_its_own_item_is_never_the_first_parts_figure_again() -> None:
    # "其中事业单位几个" tried as "…事业单位几个单位" reads the first part's 32 单位: never its answer
    fact = Fact(doc_id="bj", department="北京市交通委员会", year=2026, table=None, section="第一部分", row="单位",
                code=None, column="数量", value=D("32"), unit="个", source="第一部分 · 「部门预算共计32个单位」")  # fmt: skip
    first = Answer(question="q", text="单位 32 个", refused=False, value=D("32"), unit="个", facts=[fact])
    no = Answer(question="q", text="抱歉，公开文件中找不到这个问题的答案：没有找到。", refused=True)
    printed = lambda n: n in ("事业单位", "单位")  # noqa: E731
    parts = answered_parts([f"{FIRST}？", "其中事业单位几个"], lambda q: no if "中事业单位几个是" in q else first, _spans,
                           printed)  # fmt: skip
    assert parts[1].answer.refused and parts[1].answer.value is None
    for part in ("一共多少个", "多多少", "各多少"):  # no printed item of its own: the same figure may answer it
        assert answered_parts([f"{FIRST}？", part], lambda q: first, _spans, printed)[1].answer.value == D("32")


def test_a_later_item_after_a_count_is_asked_of_the_first_parts_department_and_year() -> None:
    # p5 "北京市交通委员会所属行政单位18个": the part read on its own, never under 部门预算's 32 单位
    said = {
        f"{FIRST}？": Answer(question="q", text="单位 32 个", refused=False, value=D("32"), unit="个"),
        "北京市交通委2026年其中行政单位几个？": Answer(question="q", text="所属行政单位 18 个", refused=False,
                                                      value=D("18"), unit="个"),
    }  # fmt: skip
    no = Answer(question="q", text="抱歉，公开文件中找不到这个问题的答案：没有找到。", refused=True)
    parts = answered_parts([f"{FIRST}？", "其中行政单位几个"], lambda q: said.get(q, no), _spans,
                           lambda n: n == "行政单位")  # fmt: skip
    assert [p.answer.value for p in parts] == [D("32"), D("18")]
