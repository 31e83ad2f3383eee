"""Counts printed in the narrative, with their stance and scope (assistant/counts.py), on sentences and questions
copied from real disclosures and round-3 questions: 福州市公安局治安管理支队 2026, 佛山市轨道交通局 2019 决算,
北京市交通委员会 2026, 深圳市科技创新局 2026, 万里街道 2023/2024, 普陀区社会福利院 2024. One test per entry of
assistant/counts.toml."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from assistant.counts import Counted, answer_count, asked, counted, cues, stance, stance_unkept
from assistant.draft import Unanswerable
from index.records import Fact

HELD = "截至2025年12月31日，福州市公安局治安管理支队共有车辆16辆，其中：副部（省）级以上领导用车0辆、执法执勤用车14"
PLANNED = "2026年单位预算安排购置车辆2辆，其中：副部（省）级以上领导用车0辆、执法执勤用车2"


def fact(row: str, value: str, unit: str, sentence: str, parent: str | None = None) -> Fact:
    return Fact(
        doc_id="d", department="部门", year=2026, table=None, section="其他", row=row, code=None, column="数量",
        value=Decimal(value), unit=unit, source=f"其他 · 「{sentence[-24:]}」", parent=parent,
    )  # fmt: skip


SENTENCES: dict[str, str] = {}


def sentence_of(f: Fact, after: int = 0) -> str:
    return SENTENCES.get(f.row + str(f.value), "")


def facts(*rows: tuple[str, str, str, str]) -> list[Fact]:
    out = []
    for row, value, unit, sentence in rows:
        SENTENCES[row + str(Decimal(value))] = sentence
        out.append(fact(row, value, unit, sentence))
    return out


@pytest.mark.parametrize(
    ("question", "nouns", "unit", "planned"),
    [
        ("普陀区社会福利院有几辆公车？", ("公车", "车辆"), "辆", False),  # nouns: 公车
        ("万里街道2024年打算买几辆车？", ("车", "车辆"), "辆", True),  # nouns: 车; asked_planned: 买
        ("无锡交通局有几辆公务车？", ("公务车", "车辆"), "辆", False),  # nouns: 公务车
        ("单位有几辆汽车？", ("汽车", "车辆"), "辆", False),  # nouns: 汽车
        ("单位有几辆小汽车？", ("小汽车", "车辆"), "辆", False),  # nouns: 小汽车
        ("单位有几辆车子？", ("车子", "车辆"), "辆", False),  # nouns: 车子
        ("北京市交通委员会部门共有多少辆车？", ("车", "车辆"), "辆", False),  # links 共有, scopes 部门
        ("福州市公安局治安管理支队有几辆执法执勤用车？", ("执法执勤用车",), "辆", False),
        ("深圳市财政局单价100万元以上的设备有多少台套？", ("单价100万元以上设备",), "台套", False),
        ("万里街道2023年房屋面积有多少平方米？", ("房屋",), "平方米", False),  # measures: 面积
        ("西安民政局2021年预算安排购置几辆车？", ("车", "车辆"), "辆", True),  # asked_planned: 购置
        ("今年要购买几台设备？", ("设备",), "台", True),  # asked_planned: 购买
        ("今年新购几台电脑？", ("电脑",), "台", True),  # asked_planned: 新购
        ("今年拟购几台电脑？", ("电脑",), "台", True),  # asked_planned: 拟购
        ("今年添置几套家具？", ("家具",), "套", True),  # asked_planned: 添置
        ("今年采购几台电脑？", ("电脑",), "台", True),  # asked_planned: 采购
    ],
)
def test_what_a_question_counts(question: str, nouns: tuple[str, ...], unit: str, planned: bool) -> None:
    a = asked(question, ["普陀区社会福利院", "万里街道", "无锡交通局", "北京市交通委员会", "福州市公安局治安管理支队",
                         "深圳市财政局", "西安民政局"])  # fmt: skip
    assert a is not None
    assert (a.nouns, a.unit, a.stance) == (nouns, unit, "planned" if planned else "held")


def test_a_scope_and_a_total_asked() -> None:
    a = asked("佛山市轨道交通局2019年一共对几个项目开展了绩效自评？", ["佛山市轨道交通局"])
    assert a is not None and a.total and a.part is None and a.nouns == ("项目开展绩效自评",)
    a = asked("2019年对几个一般公共预算项目开展了绩效自评？")
    assert a is not None and a.part == "一般公共预算" and not a.total


@pytest.mark.parametrize("word", ["一共", "总共", "合计", "加起来", "总计", "共计"])
def test_every_sum_word_asks_the_total(word: str) -> None:
    a = asked(f"{word}对几个项目开展了绩效自评？")
    assert a is not None and a.total


def test_an_amount_is_no_count() -> None:
    assert asked("车辆购置费是多少万元？") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (HELD, "held"),  # 共有
        (PLANNED, "planned"),  # 购置
        ("2026年计划购置车辆0辆。单位无计划购置车辆；单价100万元以上设备0", "planned"),  # the sentence's own cue
        ("固定资产3149.52万元，其中：房屋14609.83", "held"),  # no cue: held
        ("本单位现有车辆3", "held"),
        ("本单位实有车辆3", "held"),
        ("国有资产占有车辆3", "held"),
        ("公务用车保有量为0", "held"),
        ("本单位拥有车辆3", "held"),
        ("本单位配备车辆3", "held"),
        ("截至2025年10月，车辆3", "held"),
        ("截止2025年底，车辆3", "held"),
        ("本年度拟购车辆1", "planned"),
        ("直属事业单位本年度拟购买车辆1", "planned"),
        ("主要是计划新购一般公务用车1", "planned"),
        ("采购车辆1", "planned"),
        ("更新车辆1", "planned"),
    ],
)
def test_the_stance_of_a_count_is_the_last_cue_of_its_sentence(sentence: str, expected: str) -> None:
    assert stance(sentence) == expected


def test_every_stance_word_has_a_case() -> None:
    tested = " ".join(s for s, _ in test_the_stance_of_a_count_is_the_last_cue_of_its_sentence.pytestmark[0].args[1])
    assert all(w in tested for kind in ("planned", "held") for w in cues()["stance"][kind])


FUZHOU = facts(
    ("车辆", "16", "辆", "截至2025年12月31日，福州市公安局治安管理支队共有车辆16"),
    ("执法执勤用车", "14", "辆", HELD),
    ("单位预算安排购置车辆", "2", "辆", "2026年单位预算安排购置车辆2"),
    ("执法执勤用车", "2", "辆", PLANNED),
)


def test_held_and_planned_counts_of_the_same_item_are_not_ambiguous() -> None:
    held = asked("福州市公安局治安管理支队有几辆执法执勤用车？", ["福州市公安局治安管理支队"])
    planned = asked("福州市公安局治安管理支队2026年要买几辆执法执勤用车？", ["福州市公安局治安管理支队"])
    assert held and planned
    assert counted(held, FUZHOU, sentence_of) == Counted(facts=(FUZHOU[1],), value=Decimal(14))
    assert counted(planned, FUZHOU, sentence_of) == Counted(facts=(FUZHOU[3],), value=Decimal(2))
    bought = asked("2026年要买几辆车？")
    assert bought and counted(bought, FUZHOU, sentence_of) == Counted(facts=(FUZHOU[2],), value=Decimal(2))


def test_vehicles_printed_in_tai_answer_a_question_in_liang() -> None:
    beijing = facts(
        ("车辆", "328", "台", "截至2025年底，北京市交通委员会部门共有车辆328"),
        ("单位价值100万元以上的设备", "118", "台（套）", "共有车辆328台，单位价值100万元以上的设备118"),
    )
    a = asked("北京市交通委员会部门共有多少辆车？", ["北京市交通委员会"])
    assert a and counted(a, beijing, sentence_of) == Counted(facts=(beijing[0],), value=Decimal(328))
    a = asked("北京市交通委员会单位价值100万元以上的设备有多少台套？", ["北京市交通委员会"])
    assert a and counted(a, beijing, sentence_of) == Counted(facts=(beijing[1],), value=Decimal(118))


@pytest.mark.parametrize(("unit", "printed"), [(u, p) for u, ps in cues()["units"].items() for p in ps])
def test_every_unit_answers_in_the_units_printed_for_it(unit: str, printed: str) -> None:
    found = facts(("登记事项", "3", printed, "本单位共有登记事项3"))
    a = asked(f"本单位有多少{unit}登记事项？")
    assert a is not None and a.unit == unit
    assert counted(a, found, sentence_of) == Counted(facts=(found[0],), value=Decimal(3))


FOSHAN = facts(
    ("一般公共预算项目支出开展绩效自评", "7", "个", "2019年度我部门组织对7个一般公共预算项目支出开展绩效自评"[:14]),
    ("政府性基金预算项目开展绩效自评", "0", "个", "组织对2019年度0"),
)


def test_a_total_over_funds_is_the_sum_of_their_parts_and_one_fund_is_never_the_total() -> None:
    total = asked("佛山市轨道交通局2019年一共对几个项目开展了绩效自评？", ["佛山市轨道交通局"])
    assert total and counted(total, FOSHAN, sentence_of) == Counted(facts=tuple(FOSHAN), value=Decimal(7), summed=True)
    plain = asked("2019年对几个项目开展了绩效自评？")
    assert plain and counted(plain, FOSHAN, sentence_of) == Counted(facts=tuple(FOSHAN), value=None)
    one = asked("2019年对几个政府性基金预算项目开展了绩效自评？")
    assert one and counted(one, FOSHAN, sentence_of) == Counted(facts=(FOSHAN[1],), value=Decimal(0))


@pytest.mark.parametrize("part", ["一般公共预算", "政府性基金", "国有资本经营"])
def test_every_part_scope_is_read_in_a_question(part: str) -> None:
    a = asked(f"对几个{part}项目开展了绩效自评？")
    assert a is not None and a.part == part


def test_the_tighter_row_is_the_item_asked() -> None:
    wanli = facts(
        ("专用设备", "818", "台", "其中：房屋14609.83平方米；专用设备818"),
        ("单价100万元以上专用设备", "0", "台", "专用设备818台/套（其中：单价100万元以上专用设备0"),
    )
    a = asked("万里街道专用设备有多少台套？", ["万里街道"])
    assert a and counted(a, wanli, sentence_of) == Counted(facts=(wanli[0],), value=Decimal(818))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("普陀区社会福利院有几辆公车？", (Decimal(2), "辆")),
        ("万里街道2024年打算买几辆车？", (Decimal(1), "辆")),
        ("万里街道2023年房屋面积有多少平方米？", (Decimal("14609.83"), "平方米")),
        ("万里街道2023年预算说明里，房屋面积是多少平方米？", (Decimal("14609.83"), "平方米")),  # the text: a place
        ("万里街道2023年有几辆执法执勤用车？", (Decimal(4), "辆")),
    ],
)
def test_counts_answered_from_real_disclosures(store_real: Path, question: str, expected: tuple[Decimal, str]) -> None:
    from assistant.answer import Engine
    from assistant.config import Settings

    a = Engine(Settings(store=store_real)).answer(question)
    assert not a.refused, a.text
    assert (a.value, a.unit) == expected
    assert all(f.verdict == "verified" for f in a.figures)


def test_two_counts_asked_are_not_read_as_one() -> None:
    assert asked("共有多少辆车？执法执勤用车有几辆？") is None


def test_a_noun_after_the_count_keeps_its_own_words() -> None:
    a = asked("万里街道下属有几家预算单位？", ["万里街道"])  # 预算 is part of the noun, no plan
    assert a is not None and a.nouns == ("预算单位",) and a.stance == "held"
    a = asked("购置的车辆有几辆？")
    assert a is not None and a.nouns == ("车辆",) and a.stance == "planned"


@pytest.mark.parametrize("particle", ["了", "的"])
def test_every_particle_is_dropped_from_the_noun(particle: str) -> None:
    a = asked(f"有几个项目开展{particle}绩效自评？")
    assert a is not None and a.nouns == ("项目开展绩效自评",)


# --- review r1: a count's year, tense, accounts and category (S1-1, S1-2, S1-3) ---------------------------

FUZHOU_TEXT = (
    "（三）国有资产占用使用情况截至2025年12月31日，福州市公安局治安管理支队共有车辆16辆，其中：执法执勤用车14辆。"
    "2026年单位预算安排购置车辆2辆，其中：执法执勤用车2辆。"
)
CHONGQING_TEXT = (
    "（四）国有资产占有使用情况。截至2025年12月，所属各预算单位共有车辆43辆，其中业务用车4辆，"
    "特种专业技术用车9辆，其他按照规定配备的公务用车3辆。"
)


def _kb(department: str, level: str, text: str, rows: list[tuple[str, str, str, str | None]]) -> tuple[Any, Any]:
    from assistant.knowledge import Knowledge
    from index.records import DocumentInfo

    doc = DocumentInfo(doc_id="d", title=f"2026年{department}预算", department=department, year=2026, kind="预算",
                       unit="万元", filename="d.pdf", n_facts=len(rows), ingested_at="", level=level)  # fmt: skip
    found = [
        Fact(doc_id="d", department=department, year=2026, table=None, section="其他", row=row, code=None,
             column="数量", value=Decimal(v), unit="个" if "自评" in row or "项目" in row else "辆", source=f"其他 · 「{window}」", parent=parent)
        for row, v, window, parent in rows
    ]  # fmt: skip
    return doc, Knowledge([doc], found, [], {"d": text})


def test_a_count_answers_another_year_only_when_its_own_sentence_names_it() -> None:
    doc, kb = _kb("福州市公安局治安管理支队", "单位", FUZHOU_TEXT, [
        ("车辆", "16", "共有车辆16辆", None),
        ("单位预算安排购置车辆", "2", "单位预算安排购置车辆2辆", None),
    ])  # fmt: skip
    held = answer_count("福州市公安局治安管理支队2025年有几辆车？", [doc], kb)
    assert held and held.value == Decimal(16)  # "截至2025年12月31日" is in the count's own sentence
    assert answer_count("福州市公安局治安管理支队2025年要买几辆车？", [doc], kb) is None  # the plan is 2026's
    planned = answer_count("福州市公安局治安管理支队2026年要买几辆车？", [doc], kb)
    assert planned and planned.value == Decimal(2)


@pytest.mark.parametrize("question", ["去年买了几辆车？", "2025年购置过几辆车？", "已购置几辆车？", "已经买几辆车？"])
def test_a_planned_verb_in_the_past_asks_what_was_bought(question: str) -> None:
    a = asked(question)
    assert a is not None and a.stance == "done"
    doc, kb = _kb("福州市公安局治安管理支队", "单位", FUZHOU_TEXT, [
        ("单位预算安排购置车辆", "2", "单位预算安排购置车辆2辆", None),
    ])  # fmt: skip
    with pytest.raises(Unanswerable):  # a budget's plan is never what was bought
        answer_count(question, [doc], kb)


def test_every_tense_word_has_a_case() -> None:
    assert set(cues()["asked_done"]["after"]) == {"了", "过"}
    assert set(cues()["asked_done"]["before"]) == {"已经", "已", "曾"}


CHONGQING_ROWS: list[tuple[str, str, str, str | None]] = [
    ("所属各预算单位共有车辆", "43", "所属各预算单位共有车辆43辆", None),
    ("业务用车", "4", "其中业务用车4辆", "所属各预算单位共有车辆"),
    ("其他按照规定配备的公务用车", "3", "其他按照规定配备的公务用车3辆", "所属各预算单位共有车辆"),
]


def test_a_listed_part_with_a_word_not_asked_never_answers_the_category() -> None:
    doc, kb = _kb("重庆市水利局", "部门", CHONGQING_TEXT, CHONGQING_ROWS)
    whole = answer_count("重庆市水利局有几辆公务用车？", [doc], kb)
    assert whole and whole.value == Decimal(43)  # was 其他按照规定配备的公务用车 3 辆 ✓
    part = answer_count("重庆市水利局有几辆业务用车？", [doc], kb)
    assert part and part.value == Decimal(4)


@pytest.mark.parametrize("question", ["重庆市水利局本级有几辆车？", "重庆市水利局机关有几辆公务用车？"])
def test_a_count_of_other_accounts_is_refused(question: str) -> None:
    doc, kb = _kb("重庆市水利局", "部门", CHONGQING_TEXT, CHONGQING_ROWS)
    with pytest.raises(Unanswerable, match="口径不同"):  # the sentence counts 所属各预算单位's vehicles
        answer_count(question, [doc], kb)


def test_the_units_asked_are_not_the_whole_department() -> None:
    text = "截至2025年底，北京市交通委员会部门共有车辆328台。"
    doc, kb = _kb("北京市交通委员会", "部门", text, [("车辆", "328", "部门共有车辆328台", None)])
    with pytest.raises(Unanswerable, match="所属单位"):
        answer_count("北京市交通委员会所属单位共有多少辆车？", [doc], kb)
    whole = answer_count("北京市交通委员会共有多少辆车？", [doc], kb)
    assert whole and whole.value == Decimal(328)


def test_a_count_after_the_list_has_ended_is_no_part_of_its_head() -> None:
    text = ("2019年度我部门组织对7个一般公共预算项目支出开展绩效自评，其中，一级项目6个，二级项目1个，共涉及资金940.15万元，"
            "占一般公共预算项目支出总额的100%；组织对2019年度0个政府性基金预算项目开展绩效自评。")  # fmt: skip
    head = "一般公共预算项目支出开展绩效自评"
    _, kb = _kb("佛山市轨道交通局", "部门", text, [
        (head, "7", "对7个一般公共预算项目支出开展绩效自评", None),
        ("一级项目", "6", "其中，一级项目6个", head),
        ("政府性基金预算项目开展绩效自评", "0", "组织对2019年度0个政府性基金预算项目开展绩效自评", head),
    ])  # fmt: skip
    from assistant.counts import _listed

    listed = [_listed(f, kb.sentence_of) for f in kb.facts_by_doc["d"]]
    assert listed == [False, True, False]


@pytest.mark.parametrize(("word", "kind"), [("其中", "list_opens"), ("；", "list_ends"), (";", "list_ends")])
def test_every_list_word_has_a_case(word: str, kind: str) -> None:
    assert word in cues()["words"][kind]


def test_a_count_whose_sentence_names_the_units_answers_them() -> None:
    doc, kb = _kb("重庆市水利局", "部门", CHONGQING_TEXT, CHONGQING_ROWS)
    units = answer_count("截至2025年12月重庆市水利局所属预算单位共有多少辆车？", [doc], kb)
    assert units and units.value == Decimal(43)  # "所属各预算单位共有车辆43辆"


def test_a_count_asked_in_its_unit_is_never_answered_in_another() -> None:
    from assistant.counts import unit_unkept

    # 重庆市水利局 2026 表10: 续建大中型水库 ≥ 27 座 (计量单位 column), once read as 27 万元
    assert unit_unkept("重庆市水利局2026年计划续建多少座大中型水库？", "万元")
    assert unit_unkept("重庆市水利局2026年计划续建多少座大中型水库？", "座") is None
    assert unit_unkept("建设农村饮水项目数量有多少个？", "个数") is None
    assert unit_unkept("机关运行经费比上年下降了多少个百分点？", "%") is None  # 个 of 百分点 counts nothing
    assert unit_unkept("农林水支出是多少？", "万元") is None
    assert unit_unkept("市科协内控系统要建几个功能模块", "") is None  # a target printed with no unit


@pytest.mark.parametrize("generic", cues()["generic"])
def test_a_generic_counter_takes_any_count_but_no_money(generic: str) -> None:
    from assistant.counts import unit_unkept

    assert unit_unkept(f"科协行政编制几{generic}？", "人") is None  # 深圳市科协 2022: 行政编制总数 14 人
    assert unit_unkept(f"科协行政编制几{generic}？", "万元")


@pytest.mark.parametrize(("unit", "printed"), [(u, p) for u, ps in cues()["units"].items() for p in ps])
def test_every_printed_unit_keeps_the_count_asked(unit: str, printed: str) -> None:
    from assistant.counts import unit_unkept

    assert unit_unkept(f"本单位有多少{unit}登记事项？", printed) is None
    assert unit_unkept(f"本单位有多少{unit}登记事项？", "万元")


def test_a_modifier_of_the_noun_is_said_in_the_counts_sentence() -> None:
    # 无锡市人社局 2026 p6; 西安市民政局 2021 p17 (printed in 个, asked in 家)
    wuxi = facts(
        ("预算单位", "8", "家", "2.从预算单位构成看，纳入本部门2026年部门汇总预算编制范围的预算单位共计8"),
        ("大学生就业服务驿站", "2", "家", "新建大学生就业服务驿站2"),
    )
    a = asked("无锡人社局纳入部门预算的单位有几家？", ["无锡人社局"])
    assert a and (a.head, a.modifier) == ("单位", "纳入部门预算")
    assert counted(a, wuxi, sentence_of) == Counted(facts=(wuxi[0],), value=Decimal(8))
    xian = facts(
        ("处室", "11", "个", "西安市民政局内设11"),
        ("二级预算单位", "13", "个", "纳入本部门2021年部门预算编制范围的二级预算单位共有13"),
    )
    a = asked("西安市民政局纳入预算的单位有多少家？", ["西安市民政局"])
    assert a and counted(a, xian, sentence_of) == Counted(facts=(xian[1],), value=Decimal(13))
    other = asked("西安市民政局撤销的单位有多少家？", ["西安市民政局"])  # a modifier its sentence does not say
    assert other and counted(other, xian, sentence_of) is None


@pytest.mark.parametrize(("unit", "noun"), list(cues()["held_nouns"].items()))
def test_a_held_verb_alone_counts_the_templates_noun(unit: str, noun: str) -> None:
    # 西安市发改委 2019 p21: "截止2018年底，本部门人员编制138人…；实有人员138人"
    xian = facts(
        ("人员编制", "138", unit, "截止2018年底，本部门人员编制138"),
        ("实有人员", "140", unit, "截止2018年底，本部门人员编制138人，其中：行政编制118人、事业编制20人；实有人员140"),
    )
    a = asked(f"西安发改委截止2018年底实有多少{unit}？", ["西安发改委"])
    assert a and a.nouns == (f"实有{noun}",)
    assert counted(a, xian, sentence_of) == Counted(facts=(xian[1],), value=Decimal(140))


@pytest.mark.parametrize("noun", ["科室", "内设科室", "内设处室"])
def test_offices_are_counted_as_printed_with_their_bracketed_kinds(noun: str) -> None:
    # 福州市公安局治安管理支队 2026 p5: "包括9个机关行政处（科、股）室及0个下属单位"
    fuzhou = facts(("机关行政处（科、股）室", "9", "个", "福州市公安局治安管理支队包括9"))
    a = asked(f"福州市公安局治安管理支队有几个{noun}？", ["福州市公安局治安管理支队"])
    assert a and counted(a, fuzhou, sentence_of) == Counted(facts=(fuzhou[0],), value=Decimal(9))


def _target(project: str, row: str, value: str, unit: str, printed: str) -> Fact:
    return Fact(
        doc_id="d", department="部门", year=2023, table="财政项目支出绩效目标填报表", section=None, row=row,
        code=None, column="目标值", value=Decimal(value), unit=unit, parent="数量",
        source=f"财政项目支出绩效目标填报表 · {project} · 产出/数量 · {row} · 目标值 {printed}",
    )  # fmt: skip


def test_a_performance_target_answers_a_count_of_the_project_named() -> None:
    # 万里街道 2023 财政项目支出绩效目标填报表 p33 and p35
    wanli = [
        _target("社区环境整治和建设经费", "整治行动、病媒消杀", "12.00", "次", "≥12.00(次)"),
        _target("公共服务设施运行经费", "开展活动300场", "300.00", "场", "=300.00(场)"),
        _target("公共服务设施运行经费", "整治行动", "5", "次", "=5(次)"),
    ]
    a = asked("社区环境整治和建设经费项目要搞多少次整治行动？")
    assert a and counted(a, wanli, sentence_of) == Counted(facts=(wanli[0],), value=Decimal(12))
    a = asked("公共服务设施运行经费项目计划开展多少场活动？")
    assert a and counted(a, wanli, sentence_of) == Counted(facts=(wanli[1],), value=Decimal(300))
    unnamed = asked("要搞多少次整治行动？")  # no project named: no target of any project answers
    assert unnamed and counted(unnamed, wanli, sentence_of) is None


def test_a_held_verb_is_no_noun_when_the_question_asks_more_than_one_thing() -> None:
    # round 2 r2b082: "西安市财政局有多少在编人员？实有多少人？"
    a = asked("西安市财政局有多少在编人员？实有多少人？", ["西安市财政局"])
    assert a is None or a.nouns != ("实有人员",)


def test_the_head_of_a_noun_is_read_only_when_no_row_is_the_whole_noun() -> None:
    # 佛山市轨道交通局 2019 决算: "开展绩效自评的项目有几个" is never the 0 项目 of 重点绩效评价
    foshan = facts(
        ("一般公共预算项目支出开展绩效自评", "7", "个", "2019年度我部门组织对7"),
        ("项目开展了重点绩效评价（如有", "0", "个", "本部门开展绩效自评，共组织对0"),
    )
    a = asked("佛山轨道交通局2019年开展绩效自评的项目有几个？", ["佛山轨道交通局"])
    assert a and counted(a, foshan, sentence_of) == Counted(facts=(foshan[0],), value=Decimal(7))


# round 7 r7b024 / r7c028: "深圳财政局有多少在编人员？" was answered with 在职人员经费 8,009.83 万元 (✓), though no
# headcount is printed: a noun of persons after 多少 (or before a closing 多少) asks a count in 人.
@pytest.mark.parametrize("noun", cues()["persons"]["nouns"])
def test_a_noun_of_persons_asks_a_count_in_persons(noun: str) -> None:
    from assistant.counts import unit_unkept

    after, before = f"重庆市水利局有多少{noun}？", f"重庆市水利局{noun}有多少？"
    for question in (after, before):
        a = asked(question, ["重庆市水利局"])
        assert a and a.unit == cues()["persons"]["unit"] and (a.nouns[0] in noun or noun in a.nouns[0])
        assert unit_unkept(question, "万元")  # never 人员经费 in 万元
        assert unit_unkept(question, "人") is None  # "实有人员138人" answers


@pytest.mark.parametrize("word", cues()["persons"]["money"])
def test_a_money_word_makes_a_noun_of_persons_an_amount(word: str) -> None:
    from assistant.counts import unit_unkept

    assert unit_unkept(f"有多少在编人员{word}？", "万元") is None  # "在职人员经费有多少": an amount
    assert unit_unkept(f"在编人员{word}有多少？", "万元") is None


@pytest.mark.parametrize("link", cues()["persons"]["links"])
def test_a_link_between_persons_and_the_count_keeps_the_count(link: str) -> None:
    from assistant.counts import unit_unkept

    assert unit_unkept(f"重庆市水利局在编人员{link}多少？", "万元")
    assert unit_unkept(cues()["persons"]["example"], "万元") and unit_unkept(
        cues()["persons"]["example_before"], "万元"
    )


def test_a_count_of_persons_printed_answers_the_count_asked_without_a_unit() -> None:
    # 西安市发展和改革委员会 2019 p21: "单位管理的离退休人员78人"
    xian = facts(
        ("单位管理的离退休人员", "78", "人", "四、部门人员情况说明本部门人员编制138人，单位管理的离退休人员78")
    )
    a = asked("西安发改委有多少离退休人员？", ["西安发改委"])
    assert a and counted(a, xian, sentence_of) == Counted(facts=(xian[0],), value=Decimal(78))


# held-out class of round 7: "X资金有多少？" answered with a 绩效 target's percentage; reproduced on 烟台市审计局 2026
# 政策和项目预算绩效目标表 (原审计署烟台基地退休人员补助经费 · 退休人员经费发放完成率 =100%).
@pytest.mark.parametrize("word", cues()["money_asked"]["words"])
def test_a_money_question_is_never_answered_in_percent(word: str) -> None:
    from assistant.counts import money_unkept

    question = f"烟台市审计局退休人员发放{word}有多少？"
    assert money_unkept(question, "%") and money_unkept(question, "次")
    assert money_unkept(question, "万元") is None and money_unkept(question, "元") is None
    assert money_unkept(question, None) is None
    assert money_unkept(cues()["money_asked"]["example"], "%")


@pytest.mark.parametrize("word", cues()["money_asked"]["not_words"])
def test_a_rate_or_target_asked_with_money_takes_a_percent(word: str) -> None:
    from assistant.counts import money_unkept

    assert money_unkept(f"退休人员经费发放{word}有多少？", "%") is None  # "退休人员经费发放完成率是多少"


# 北京市交通委员会 2026 p10: 城市道路挖掘修复费标准 "花岗岩树池 … 417 元/座" — a unit price answers the price asked
@pytest.mark.parametrize("word", cues()["money_asked"]["price_words"])
def test_a_unit_price_answers_the_price_asked_never_an_amount(word: str) -> None:
    from assistant.counts import money_unkept

    assert money_unkept(f"花岗岩树池{word}要多少钱？", "元/座") is None
    assert money_unkept("花岗岩树池的经费有多少？", "元/座")  # an amount asked: never the price
    assert money_unkept(cues()["money_asked"]["price_example"], "元/座") is None


def test_a_count_asked_with_money_takes_the_count() -> None:
    from assistant.counts import money_unkept

    assert money_unkept("专项资金支持了多少个项目？", "个") is None
    assert money_unkept("审计项目开展及时率是多少？", "%") is None  # no money asked


def test_a_threshold_asked_is_never_answered_by_another_threshold() -> None:
    xian = facts(("单价20万元以上的设备", "120", "台（套）", "本部门所属预算单位共有车辆93辆，单价20万元以上的设备120"))
    a = asked("西安市民政局单价100万元以上设备有几台？", ["西安市民政局"])
    assert a and counted(a, xian, sentence_of) is None
    a = asked("西安市民政局单价20万元以上的设备有几台？", ["西安市民政局"])
    assert a and counted(a, xian, sentence_of) == Counted(facts=(xian[0],), value=Decimal(120))


def test_a_unit_printed_as_its_counter_and_数_counts_by_that_counter() -> None:
    from assistant.counts import counted_by, unit_unkept

    # 重庆市水利局 2026 表12 (p33): 发布重要水情专报 ≥ 50 次数 answers "目标是多少次"
    assert unit_unkept("重庆市水利局水利行业业务经费的发布重要水情专报目标是多少次？", "次数") is None
    assert counted_by("次数") == "次" and counted_by("人数") == "人" and counted_by("数") == "数"
    assert unit_unkept("发布重要水情专报目标是多少次？", "万元")  # never an amount
    assert unit_unkept("发布重要水情专报目标是多少次？", "个数")  # nor another counter


@pytest.mark.parametrize("word", cues()["intent"])
def test_an_intent_word_between_the_noun_and_its_count_is_no_part_of_the_noun(word: str) -> None:
    """r11b008: "单位价值100万元以上的设备打算买几台" counts the 设备 bought (printed "购置…设备0台（套）")."""
    a = asked(f"北京市财政局2026年单位价值100万元以上的设备{word}买几台？", ["北京市财政局"])
    assert a is not None and a.stance == "planned" and a.head == "设备" and a.nouns == ("价值100万元以上设备",)
    a = asked(f"车辆{word}购置几辆？")
    assert a is not None and a.stance == "planned" and a.nouns == ("车辆",)


def test_a_count_of_another_stance_is_never_the_answer_on_any_path() -> None:
    """Whatever path found it, a planned count ("拟购置1台套") never answers a held one ("有多少台套"), nor the held
    ("共有车辆16辆") a planned one ("打算买几辆车")."""
    held, planned = fact("车辆", "16", "辆", HELD), fact("车辆", "2", "辆", PLANNED)
    devices = fact("单价100万元以上设备", "1", "台套", "2026年拟购置单价100万元以上设备1")
    said = {id(held): HELD, id(planned): PLANNED, id(devices): "2026年拟购置单价100万元以上设备1"}

    def of(f: Fact) -> str:
        return said[id(f)]

    assert stance_unkept("单价100万元以上设备有多少台套？", "台套", Decimal(1), [devices], of)
    assert stance_unkept("单价100万元以上设备打算买几台套？", "台套", Decimal(1), [devices], of) is None
    assert stance_unkept("治安支队有几辆车？", "辆", Decimal(16), [held], of) is None
    assert stance_unkept("治安支队打算买几辆车？", "辆", Decimal(16), [held], of)
    assert stance_unkept("治安支队打算买几辆车？", "辆", Decimal(2), [planned], of) is None
    assert stance_unkept("治安支队车辆运行费多少？", "万元", Decimal(2), [planned], of) is None  # no count asked


def test_a_count_in_ten_thousands_answers_the_count_asked() -> None:
    """无锡市人社局 2026 (p11) "补贴性培训 7 万人次以上" answers "多少人次"; an amount of money never does."""
    from assistant.counts import unit_unkept

    assert unit_unkept("补贴性培训的目标是多少人次？", "万人次") is None
    assert unit_unkept("补贴性培训的目标是多少人次？", "万元") is not None
    assert unit_unkept("培训了多少人次？", "万人") is not None  # persons are no person-times
