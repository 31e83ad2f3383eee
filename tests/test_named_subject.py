"""A printed row is the subject asked, or another whose name only contains it (assistant/named_subject.py), on
names copied from real disclosures: 西安市发展和改革委员会 2019 p21 ("单位管理的离退休人员78人 … 离休3人，退休72人"),
the national 功能分类 rows (交通运输支出 / 其他交通运输支出) and the 车辆 lists of 福州市公安局治安管理支队 2026.
One test per entry of assistant/named_subject.toml."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.counts import Counted, asked, counted
from assistant.draft import Unanswerable
from assistant.named_subject import _affixes, core, other_subject, same
from index.records import Fact


@pytest.mark.parametrize(
    ("asked_name", "row"),
    [
        ("退休人员", "退休"),  # suffixes: 人员
        ("退休人数", "退休"),  # suffixes: 人数
        ("退休人", "退休"),  # suffixes: 人
        ("公用经费", "公用"),  # suffixes: 经费
        ("交通运输", "交通运输支出"),  # suffixes: 支出
        ("编制数", "编制"),  # suffixes: 数
        ("本部门在职人员", "在职人员"),  # prefixes: 本部门
        ("本单位在职人员", "在职人员"),  # prefixes: 本单位
        ("部门在职人员", "在职人员"),  # prefixes: 部门
        ("单位在职人员", "在职人员"),  # prefixes: 单位
    ],
)
def test_a_harmless_affix_names_the_same_subject(asked_name: str, row: str) -> None:
    assert same(asked_name, row) and not other_subject(asked_name, row)


def test_every_affix_has_a_case() -> None:
    affixes = _affixes()
    assert {"人员", "人数", "人", "经费", "支出", "数"} == set(affixes["suffixes"])
    assert {"本部门", "本单位", "部门", "单位"} == set(affixes["prefixes"])


def test_a_name_is_never_reduced_to_nothing() -> None:
    assert core("人员") == "人员" and core("单位") == "单位"


@pytest.mark.parametrize(
    ("asked_name", "row"),
    [
        ("退休人员", "单位管理的离退休人员"),  # 离 glued before 退休: 78 is not the 72 retired
        ("交通运输支出", "其他交通运输支出"),
        ("公务用车", "一般公务用车"),
    ],
)
def test_a_word_glued_before_the_name_is_another_subject(asked_name: str, row: str) -> None:
    assert other_subject(asked_name, row)


@pytest.mark.parametrize("separator", ["的", "、", "，", ",", "：", ":", "；", "（", "("])
def test_a_clause_ended_before_the_name_modifies_nothing_glued_to_it(separator: str) -> None:
    # "其他按照规定配备的公务用车3辆" (福州市公安局治安管理支队 2026) is still 公务用车
    assert not other_subject("公务用车", f"其他按照规定配备{separator}公务用车")
    assert not other_subject("离退休人员", f"单位管理{separator}离退休人员")


def test_a_row_that_does_not_contain_the_name_is_left_to_other_matching() -> None:
    assert not other_subject("税收收入", "非税收入") and not other_subject("车", "执法执勤用车")


XIAN = {  # 西安市发展和改革委员会 2019 p21
    "单位管理的离退休人员": "四、部门人员情况说明本部门人员编制138人，单位管理的离退休人员78",
    "离休": "四、部门人员情况说明本部门人员编制138人，单位管理的离退休人员78人，其中离休3",
    "退休": "四、部门人员情况说明本部门人员编制138人，单位管理的离退休人员78人，其中离休3人，退休72",
}


def person(row: str, value: str) -> Fact:
    return Fact(
        doc_id="d", department="西安市发展和改革委员会", year=2019, table=None, section="其他", row=row, code=None,
        column="数量", value=Decimal(value), unit="人", source=f"其他 · 「{XIAN[row][-24:]}」",
    )  # fmt: skip


def sentence_of(f: Fact, after: int = 0) -> str:
    return XIAN[f.row]


@pytest.mark.parametrize("question", ["西安发改委退休人员有多少人？", "西安发改委退休人数是多少？"])
def test_the_subject_printed_itself_answers_and_never_the_whole_that_contains_it(question: str) -> None:
    rows = [person("单位管理的离退休人员", "78"), person("离休", "3"), person("退休", "72")]
    a = asked(question, ["西安发改委"])
    assert a and counted(a, rows, sentence_of) == Counted(facts=(rows[2],), value=Decimal(72))
    a = asked("西安发改委离退休人员有多少人？", ["西安发改委"])
    assert a and counted(a, rows, sentence_of) == Counted(facts=(rows[0],), value=Decimal(78))


def test_only_a_whole_that_contains_the_name_is_refused_naming_it() -> None:
    a = asked("西安发改委退休人员有多少人？", ["西安发改委"])
    with pytest.raises(Unanswerable, match="文件印的是“单位管理的离退休人员” 78 人，不是所问的“退休人员”"):
        counted(a, [person("单位管理的离退休人员", "78")], sentence_of) if a else None


@pytest.mark.parametrize(
    ("verb", "row"),
    [
        ("有", "共有车辆"),  # 北京市交通委员会 2026: "部门共有车辆328台"
        ("含", "整体支出绩效自评（含下属单位"),  # 佛山市轨道交通局 2019 决算 p28: "（含下属单位0个）"
        ("购置", "购置车辆"),  # 福州市公安局治安管理支队 2026: "2026年单位预算安排购置车辆2辆"
        ("购买", "购买车辆"),
        ("新购", "新购车辆"),
        ("配备", "配备车辆"),
        ("安排", "安排车辆"),
        ("为", "为车辆"),
        ("开展", "开展活动"),  # 万里街道 2024 绩效目标: "开展活动300场"
        ("新建", "新建活动"),
        ("举办", "举办活动"),
        ("组织", "组织活动"),
    ],
)
def test_a_verb_before_the_name_takes_it_as_its_object(verb: str, row: str) -> None:
    assert verb in _affixes()["verbs"] and not other_subject(row[row.rfind(verb) + len(verb) :], row)


def test_only_a_short_glued_word_is_a_modifier_and_a_longer_run_is_a_clause() -> None:
    most = _affixes()["glued_at_most"]
    assert other_subject("退休人员", "管理" + "离" * most + "退休人员") is False  # a run longer than a word
    assert other_subject("退休人员", "离" * most + "退休人员")
    assert not other_subject("车辆", "单位预算安排购置车辆")


def test_a_word_the_question_itself_says_is_no_modifier_it_lacks() -> None:
    # 北京市信访办公室 2026 p3 "内设机构12个"; 烟台市审计局 2026 p33 绩效目标 "保障离退休干部人数 =21人"
    assert other_subject("机构", "内设机构") and not other_subject("机构", "内设机构", "北京市信访办公室内设几个机构？")
    question = "原审计署烟台基地退休人员补助经费保障多少名离退休干部？"
    assert not other_subject("离退休干部", "保障离退休干部人数", question)
    assert other_subject("退休人员", "单位管理的离退休人员", "西安发改委退休人员有多少人？")
