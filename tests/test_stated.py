"""Counts and shares the narrative states (assistant/stated.py), on sentences copied from real disclosures:
北京市财政局/交通委员会/信访办公室 2026 部门预算, 重庆市水利局 2026, 西安市发改委 2019, 佛山市轨道交通局 2019
决算, 无锡市交通运输局 2026, 烟台市审计局 2026. One test per cue word of assistant/stated.toml."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.narrative import sentences
from assistant.stated import asked_count, asked_share, cues, stated
from index.records import Chunk


def chunk(text: str, where: str = "一、部门情况说明") -> Chunk:
    return Chunk(id="x", doc_id="d", where=where, text=f"{where}\n{text}", metadata={"kind": "prose"})


CAIZHENG = chunk(
    "（二）机构设置情况北京市财政局共 32 个内设机构、12 个直属事业单位。\n"
    "32 个内设机构具体包括：办公室、研究室、综合处。"
)
JIAOTONG = chunk(
    "（二）机构设置情况根据《……规定》的通知》（京办字〔2019〕47 号），设立北京市交通委员会，部门预算共计 32 个单位。"
    "北京市交通委员会所属行政单位 18 个，包括：北京市交通委员会本级。北京市交通委员会所属事业单位 14 个，包括：北京交通运输职业学院。"
)
SHUILI = chunk(
    "15.完成市委、市政府交办的其他任务。\n（二）机构设置部门本级内设机构25个，各机构规范简称依次为：办公室。"
)
FAGAI = chunk("纳入本部门 2019 年部门预算编制范围的二级预算单位共 4 个，包括：", "三、部门预算单位构成")
FOSHAN = chunk(
    "2019年，局（部、委、办）机关及下属1个单位共接待国外来访团组0个，来访外宾0人次；发生国内接待1次，接待人数共13人，"
    "主要包括接待其他省市交通局参观所产生的费用",
    "三、“三公”经费支出决算",
)
WUXI = chunk(
    "2026年度，本单位整体支出纳入绩效目标管理，涉及财政性资金984,760.87万元；本单位共38个项目纳入绩效目标管理，"
    "涉及财政性资金合计981,455.01万元。",
    "十五、预算绩效目标设置情况说明",
)
YANTAI = chunk(
    "（一）总体工作情况烟台市审计局2026年政策和项目全面实施绩效目标管理，涉及一级预算项目6个，预算资金781.5万元。",
    "七、预算绩效管理情况说明",
)
SHARES = chunk(
    "（一）基本支出。基本支出预算 28016.26 万元，占本年支出预算 63.43%。\n"
    "（二）项目支出。项目支出预算 16153.10 万元，占本年支出预算 36.57%。其中：",
    "三、支出预算情况说明",
)


@pytest.mark.parametrize(
    ("doc", "names", "question", "expected"),
    [
        # links 共 (before the count), scope_ends 本级
        (
            SHUILI,
            ("重庆市水利局", "水利局"),
            "重庆市水利局2026年部门预算说明里局本级有几个内设机构？",
            (Decimal(25), "个"),
        ),
        # links 共 (between the count and its noun after it); not the 12 of 直属事业单位
        (
            CAIZHENG,
            ("北京市财政局", "财政局"),
            "北京市财政局2026年部门预算里说局里有多少个内设机构？",
            (Decimal(32), "个"),
        ),
        # links 共计 / 包括; not 所属行政单位 18 nor 所属事业单位 14 (a modifier the question does not say)
        (
            JIAOTONG,
            ("北京市交通委员会", "交通委员会"),
            "北京市交通委员会2026年部门预算一共包括多少个单位？",
            (Decimal(32), "个"),
        ),
        # scope_ends 所属: 事业单位 is counted after it
        (JIAOTONG, ("北京市交通委员会", "交通委员会"), "北京市交通委员会有几个事业单位？", (Decimal(14), "个")),
        # a modifier joined by 的 (纳入部门预算) is said in the sentence
        (FAGAI, ("西安市发改委",), "西安市发改委2019年纳入部门预算的二级预算单位有几个？", (Decimal(4), "个")),
        # person_suffixes 人数; links 一共, 了; 0人次 is not a count of persons
        (FOSHAN, ("佛山市轨道交通局",), "佛山市轨道交通局2019年国内公务接待一共接待了多少人？", (Decimal(13), "人")),
        # links 有; the count's noun after it, its verb phrase the question's modifier
        (
            WUXI,
            ("无锡市交通运输局",),
            "无锡市交通运输局（本级）2026年纳入绩效目标管理的项目有几个？",
            (Decimal(38), "个"),
        ),
        # links 涉及
        (YANTAI, ("烟台市审计局",), "烟台市审计局2026年全面实施绩效目标管理的一级预算项目有几个？", (Decimal(6), "个")),
    ],
)
def test_a_count_the_narrative_states_for_the_noun_asked(
    doc: Chunk, names: tuple[str, ...], question: str, expected: tuple[Decimal, str]
) -> None:
    found = stated(question, False, sentences([doc]), names)
    assert found is not None and (found.value, found.unit) == expected


@pytest.mark.parametrize(
    ("doc", "question"),
    [
        (JIAOTONG, "北京市交通委员会有多少个内设机构？"),  # the noun is not stated
        (CAIZHENG, "北京市财政局有多少个单位？"),  # 直属事业单位 is a kind of 单位, not the count of 单位
        (FAGAI, "西安市发改委2019年撤销的二级预算单位有几个？"),  # the modifier asked is not the sentence's
        (WUXI, "无锡市交通运输局纳入绩效目标管理的项目涉及资金多少？"),  # an amount is asked: never a count
        (YANTAI, "烟台市审计局有多少人？"),  # a count of persons is not stated
    ],
)
def test_a_count_of_another_noun_or_an_amount_is_not_answered(doc: Chunk, question: str) -> None:
    assert stated(question, False, sentences([doc]), ("北京市交通委员会", "北京市财政局", "西安市发改委")) is None


def test_two_sentences_stating_different_counts_for_the_same_noun_answer_nothing() -> None:
    doc = chunk("本部门内设机构25个。机关本级内设机构12个。")
    assert stated("有几个内设机构？", False, sentences([doc]), ()) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("2026年北京市财政局项目支出占本年支出预算的比例是多少？", Decimal("36.57")),
        ("北京市财政局2026年基本支出占本年支出预算的比重？", Decimal("63.43")),
        ("北京市财政局2026年项目支出预算占本年支出的百分比？", Decimal("36.57")),
    ],
)
def test_a_share_the_narrative_states_for_the_part_and_whole_asked(question: str, expected: Decimal) -> None:
    found = stated(question, True, sentences([SHARES]), ("北京市财政局",))
    assert found is not None and (found.value, found.unit) == (expected, "%")


@pytest.mark.parametrize(
    "question",
    ["北京市财政局工资福利支出占本年支出预算的比例？", "北京市财政局项目支出占一般公共预算支出的比例？"],
)
def test_a_share_of_another_part_or_whole_is_not_the_stated_one(question: str) -> None:
    assert stated(question, True, sentences([SHARES]), ("北京市财政局",)) is None


def test_what_a_question_counts() -> None:
    a = asked_count("西安市发改委2019年纳入部门预算的二级预算单位有几个？", ("西安市发改委",))
    assert a is not None and (a.noun, a.unit, a.modifier) == ("二级预算单位", "个", "纳入部门预算")
    s = asked_share("项目支出占本年支出预算的比例是多少？")
    assert s is not None and (s.noun, s.whole) == ("项目支出", "本年支出预算")


# One sentence per cue word of assistant/stated.toml not exercised above (the shapes of the real ones).
CUE_CASES = [
    ("count_units 辆", "截至2025年底，本单位共有车辆3辆。", "有几辆车辆？", Decimal(3), "辆"),
    ("count_units 家", "本部门下属事业单位5家。", "下属事业单位有几家？", Decimal(5), "家"),
    ("count_units 项", "本单位设置绩效指标12项。", "本单位设置了多少项绩效指标？", Decimal(12), "项"),
    ("count_units 名", "机关行政编制40名。", "机关行政编制有多少名？", Decimal(40), "名"),
    ("count_units 台", "单位价值100万元以上的设备4台。", "单位价值100万元以上的设备有几台？", Decimal(4), "台"),
    ("count_units 套", "购置办公家具20套。", "购置办公家具多少套？", Decimal(20), "套"),
    ("count_units 处", "本部门内设机构12处。", "内设机构有几处？", Decimal(12), "处"),
    ("count_units 所", "所属学校共3所。", "所属学校有几所？", Decimal(3), "所"),
    ("links 总共", "本部门总共26个内设机构。", "有几个内设机构？", Decimal(26), "个"),
    ("links 合计", "纳入预算编制范围的单位合计7个。", "纳入预算编制范围的单位有几个？", Decimal(7), "个"),
    ("links 计", "部门预算编制范围的单位计7个。", "部门预算编制范围的单位有几个？", Decimal(7), "个"),
    ("links 是", "本部门内设机构是9个。", "内设机构有几个？", Decimal(9), "个"),
    ("links 为", "本部门内设机构为9个。", "内设机构有几个？", Decimal(9), "个"),
    ("links 达", "参与培训人数达120人。", "参与培训一共多少人？", Decimal(120), "人"),
    ("scope_ends 本部门", "本部门内设机构9个。", "有几个内设机构？", Decimal(9), "个"),
    ("scope_ends 本单位", "本单位内设机构9个。", "有几个内设机构？", Decimal(9), "个"),
    ("scope_ends 部门", "部门内设机构9个。", "有几个内设机构？", Decimal(9), "个"),
    ("scope_ends 机关", "机关内设机构9个。", "有几个内设机构？", Decimal(9), "个"),
    ("scope_ends 下属", "局下属事业单位3个。", "有几个事业单位？", Decimal(3), "个"),
    ("scope_ends 直属", "共8个内设机构、2个直属事业单位。", "有几个事业单位？", Decimal(2), "个"),
]


@pytest.mark.parametrize(("cue", "sentence", "question", "value", "unit"), CUE_CASES, ids=[c[0] for c in CUE_CASES])
def test_each_cue_word(cue: str, sentence: str, question: str, value: Decimal, unit: str) -> None:
    list_name, word = cue.split()
    assert word in cues()[list_name]
    found = stated(question, False, sentences([chunk(sentence)]), ())
    assert found is not None and (found.value, found.unit) == (value, unit)


def test_every_cue_word_has_a_case() -> None:
    c = cues()
    tested = {tuple(case[0].split()) for case in CUE_CASES} | {
        ("count_units", "个"), ("count_units", "人"), ("links", "共"), ("links", "共计"), ("links", "一共"),
        ("links", "涉及"), ("links", "包括"), ("links", "有"), ("links", "了"), ("links", "共有"),
        ("scope_ends", "本级"), ("scope_ends", "所属"), ("person_suffixes", "人数"), ("amount_ends", "安排"),
        ("amount_ends", "总额"), ("amount_ends", "总计"), ("anaphors", "本项目"), ("anaphors", "该项目"),
        ("heading_ends", "情况说明"), ("heading_ends", "说明"),
        *(("change_words", w) for w in cues()["change_words"]),
        *(("which", w) for w in cues()["which"]),  # test_each_which_word_asks_the_names_a_count_lists
        *(("list_opens", w) for w in cues()["list_opens"]),  # test_each_opening_word_opens_the_names_…
    }  # fmt: skip
    assert {(k, w) for k in c for w in c[k]} <= tested


INCOME = chunk(
    "2026 年度收入预算 44169.36 万元，比 2025 年年初预算数 44021.20 万元增加 148.16 万元，增长 0.34%。"
    "其中：本年财政拨款收入 44156.64 万元。",
    "二、收入预算情况说明",
)


@pytest.mark.parametrize(
    "question",
    [
        "北京市财政局2026年部门收入预算一共安排了多少？",  # amount_ends 安排; scope_ends 部门 dropped before it
        "北京市财政局2026年部门收入预算总额是多少？",  # amount_ends 总额
        "北京市财政局2026年收入预算总计多少万元？",  # amount_ends 总计
    ],
)
def test_an_amount_the_narrative_states_for_the_item_asked(question: str) -> None:
    found = stated(question, False, sentences([INCOME]), ("北京市财政局",))
    assert found is not None and (found.value, found.unit) == (Decimal("44169.36"), "万元")


@pytest.mark.parametrize(
    "question",
    [
        "北京市财政局2026年部门支出预算是多少？",  # another item
        "北京市财政局2026年收入预算有多少个？",  # a count is asked, never an amount
        "北京市财政局2026年事业收入是多少？",  # not stated
    ],
)
def test_an_amount_of_another_item_or_a_count_is_not_answered(question: str) -> None:
    assert stated(question, False, sentences([INCOME]), ("北京市财政局",)) is None


PROJECT = chunk(
    "（五）重点支出和重大投资项目情况说明四环主路维修专项工程：根据北京市政府工作报告相关工作要求，对四环主路进行一体化更新。"
    "本项目计划安排年初预算 21384.60 万元，通过道路线性空间改造，全面提升四环主路服务效能。",
    "五、其他情况说明",
)


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        # anaphors 本项目; heading_ends 情况说明 (the heading run into the name is cut off)
        (PROJECT.text, "北京市交通委2026年四环主路维修专项工程年初预算安排了多少？", Decimal("21384.60")),
        # anaphors 该项目; heading_ends 说明
        ("（五）重点项目说明城市绿道建设工程：完善绿道网络。该项目安排预算 300.00 万元。",
         "城市绿道建设工程预算安排了多少？", Decimal("300.00")),
        # the item is named two sentences before: 本项目 refers to nothing
        ("城市绿道建设工程：完善绿道网络。绿道连通全市。本项目安排预算 300.00 万元。", "城市绿道建设工程预算安排了多少？", None),
        # another project is asked
        (PROJECT.text, "北京市交通委2026年三环主路大修工程年初预算安排了多少？", None),
    ],
)  # fmt: skip
def test_this_project_is_the_one_the_sentence_before_names(text: str, question: str, expected: Decimal | None) -> None:
    found = stated(question, False, sentences([chunk(text.split("\n", 1)[-1], "五、其他情况说明")]), ("北京市交通委",))
    assert (found.value if found else None) == expected


def test_a_change_compared_with_a_long_named_item_is_read() -> None:
    """北京市信访办公室 2026: the comparison names the item again at length (比2025年财政拨款“三公”经费年初预算)."""
    from assistant.narrative import best_change, changes

    doc = chunk(
        "2026年财政拨款“三公”经费预算17.70万元，比2025年财政拨款“三公”经费年初预算减少1.65万元，下降8.53%，主要原因：压减一般性支出。",
        "四、财政拨款“三公”经费预算情况说明",
    )
    found = best_change(changes([doc]), "财政拨款三公经费", True, ("北京市信访办公室",))
    assert found is not None and found.rate == Decimal("-8.53") and found.change == Decimal("-1.65")


def test_a_change_printed_without_this_years_amount_and_asked_with_a_neutral_word() -> None:
    """重庆市水利局 2026: “收入比2025年减少246429.22万元” — no amount before 比; 收入预算 asks that 收入
    (预算 names no item by itself), never the 支出 of the next sentence."""
    from assistant.narrative import best_change, changes

    doc = chunk(
        "收入比2025年减少246429.22万元，主要是一般公共预算财政拨款增加10300.15万元，政府性基金预算财政拨款减少258146.77万元。"
        "支出比2025年减少246429.21万元，主要是基本支出增加5246.63万元。",
        "二、部门收支总体情况",
    )
    found = changes([doc])
    assert best_change(found, "收入预算", False) is None  # 收入预算 is not printed: only with the neutral words
    best = best_change(found, "收入预算", False, ("重庆市水利局",), ("预算", "经费"))
    assert best is not None and best.change == Decimal("-246429.22") and best.amount is None
    assert best_change(found, "项目收入预算", False, (), ("预算",)) is None


@pytest.mark.parametrize(
    ("word", "text", "question"),
    [
        ("增加", "主要是一般公共预算财政拨款增加10300.15万元。", "一般公共预算财政拨款是多少？"),
        ("减少", "政府性基金预算财政拨款减少258146.77万元。", "政府性基金预算财政拨款是多少？"),
        ("增长", "其他收入增长5.00万元。", "其他收入是多少？"),
        ("下降", "会议费下降2.00万元。", "会议费是多少？"),
        ("压减", "培训费压减3.00万元。", "培训费是多少？"),
        ("降低", "差旅费降低1.00万元。", "差旅费是多少？"),
        ("提高", "物业费提高4.00万元。", "物业费是多少？"),
        ("上升", "水电费上升1.50万元。", "水电费是多少？"),
        ("比", "收入预算44169.36万元，比2025年年初预算数44021.20万元增加148.16万元。", "年初预算数是多少？"),
        ("较", "本年内设机构较上年多2个。", "内设机构有几个？"),
    ],
)
def test_a_change_is_no_amount_nor_count(word: str, text: str, question: str) -> None:
    """change_words: the figure after them is a change (or the figure compared with), never an amount asked."""
    assert word in cues()["change_words"]
    assert stated(question, False, sentences([chunk(text)]), ()) is None


@pytest.mark.parametrize("word", cues()["which"])
def test_each_which_word_asks_the_names_a_count_lists(word: str) -> None:
    sentence = "上海市普陀区社会福利院设5个内设机构，包括：院长室、办公室、财务室、后勤部、护理部。"
    from assistant.stated import listing

    assert listing(f"福利院有几个内设机构？{word}", sentence, Decimal(5), "个").endswith(
        "院长室、办公室、财务室、后勤部、护理部"
    )
    assert listing("福利院有几个内设机构？", sentence, Decimal(5), "个") == ""


@pytest.mark.parametrize("word", cues()["list_opens"])
def test_each_opening_word_opens_the_names_after_a_count(word: str) -> None:
    from assistant.stated import listed

    assert listed(f"本部门共有2个内设机构，{word}：办公室、财务科。", Decimal(2), "个") == ["办公室", "财务科"]
    assert listed(f"本部门共有3个内设机构，{word}：办公室、财务科。", Decimal(3), "个") == []  # as many as counted
