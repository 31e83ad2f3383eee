"""A complete reading: every part of a question is consumed by the answer's reading, or the question is refused
naming it. Cue entries of assistant/cues.toml against their own examples; the check against figures as
printed (西安市民政局 2021 表5 "2081099 其他社会福利支出 23,150,000.00 元", 福州治安支队 支出预算总表 "2080501
行政单位离退休 227.72"); and on Shenzhen's real 2026 部门预算 PDFs: 科技创新局 第八部分 "共有车辆4 辆" beside
"计划购置车辆 1 辆", 财政局 第二部分 "部门预算收入 37,385.88 万元，较 2025 年年初预算减少 16,640.31 万元"."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.calculator import convert
from assistant.complete import cues, fact_evidence, part_suffixes, reread, unread, unread_across
from assistant.config import Settings
from assistant.draft import Draft
from assistant.exclusion import (
    _beside,
    _in_group,
    _named,
    _named_beside,
    _parts,
    _same_subject,
    _started,
    _summed,
    part_of,
)
from assistant.records import Query
from index.records import Fact
from tests.conftest import REAL, store_of


@pytest.mark.parametrize("cue", cues(), ids=lambda c: c.name)
def test_each_cue_reads_its_own_example(cue) -> None:  # type: ignore[no-untyped-def]
    assert cue.span in cue.spans(cue.example)


def fact(row: str, value: str, unit: str = "万元", *, table: str | None = "表5", column: str = "合计", **kw) -> Fact:  # type: ignore[no-untyped-def]
    source = kw.pop("source", f"{table} 一般公共预算支出表 · {row} · {column}")
    return Fact(
        doc_id="d", department="西安市民政局", year=kw.pop("year", 2021), table=table, section=None, row=row, code=kw.pop("code", None),
        column=column, value=Decimal(value), unit=unit, source=source, **kw,
    )  # fmt: skip


def query(question: str, measure: str = "amount") -> Query:
    return Query(question=question, subjects=(), measure=measure, year=None, doc_ids=("d",))  # type: ignore[arg-type]


def draft(*facts: Fact, unit: str = "万元") -> Draft:
    return Draft(text="", value=facts[0].value, unit=unit, facts=list(facts))


def test_an_exclusion_nothing_read_is_refused_by_name() -> None:
    q = "福州市公安局治安管理支队社会保障和就业支出中，扣除行政单位离退休后还有多少？"
    why = unread(q, query(q), draft(fact("行政单位离退休", "227.72", code="2080501")))
    assert why is not None and "扣除行政单位离退休后" in why
    # printed in the table's own title, the condition is the answer's
    q = "西安市民政局一般公共预算支出合计（不含上年结转）是多少？"
    titled = fact("合计", "100", source="表5 一般公共预算支出明细表（不含上年结转） · 合计 · 合计")
    assert unread(q, query(q), draft(titled)) is None


def test_a_bracketed_item_must_be_read() -> None:
    q = "西安市民政局社会福利（殡葬）支出是多少？"
    why = unread(q, query(q), draft(fact("其他社会福利支出", "23150000.00", "元", code="2081099"), unit="元"))
    assert why is not None and "殡葬" in why
    assert unread(q, query(q), draft(fact("殡葬", "4495.36", code="2081004"))) is None
    # an aside, a department's name, or the words before it restated are no item
    q = "重庆市水利局一般公共预算财政拨款运行经费（机关运行经费）是多少？"
    assert unread(q, query(q), draft(fact("机关运行经费", "2115.63", table=None, source="s"))) is None
    q = "无锡市社会保险基金管理中心预算收入合计多少？（无锡市人社局部门预算）"
    assert unread(q, query(q), draft(fact("收入合计", "118788.13")), names=("无锡市人社局",)) is None


def test_a_measure_the_answer_did_not_compute_is_refused() -> None:
    total = fact("政府性基金支出预算支出", "143999", table=None, source="十、政府性基金预算支出 · 「支出143,999 万元」")
    q = "无锡交通运输局政府性基金支出预算增长了多少？"
    assert "增长了多少" in (unread(q, query(q), draft(total)) or "")
    assert unread(q, query(q, "change"), draft(total)) is None
    q = "西安民政局会议费增长了多少倍？"
    assert "多少倍" in (unread(q, query(q), draft(fact("会议费", "299250.00", "元"), unit="元")) or "")
    q = "深圳市科技创新局的科技研发资金各专项里哪个最多？"
    assert "哪个最多" in (unread(q, query(q), draft(fact("科技研发资金-科技人才专项", "14467"))) or "")


def test_a_reason_basis_or_purpose_asked_is_never_a_bare_figure() -> None:
    # round 13: "减少的理由是什么", "是怎么定的", "用于款待何方宾客", "怎么没安排" answered with the amount alone
    amount = fact("公务接待费", "3.00", table="表8", column="支出总计")
    for q, span in [
        ("深圳科创局公务接待费减少，说明里给的理由是什么？", "理由"),
        ("深圳市财政局的预算准备金是怎么定的？", "怎么定"),
        ("佛山市轨道交通局2019年公务接待费用于款待何方宾客？", "何方"),
        ("审计局今年怎么没安排出国费？", "怎么没"),
    ]:
        assert f"“{span}”" in (unread(q, query(q), draft(amount)) or ""), q
    q = "深圳科创局公务接待费减少，说明里给的理由是什么？"
    assert unread(q, query(q, "explain"), draft(amount)) is None  # a reason read: the reason sentence quoted
    # a basis asked is answered only by a sentence that states one, never by a table row quoted
    q = "福利院的物业管理费怎么算？"
    row = Draft(text="据经济分类预算表：\n「30209 物业管理费｜1,206,000」", value=None, unit=None, facts=[])
    assert "“怎么算”" in (unread(q, query(q, "explain"), row) or "")
    said = Draft(text="据说明：\n「按照管理办法规定比例提取」", value=None, unit=None, facts=[])
    assert unread(q, query(q, "explain"), said) is None


def test_whether_vehicles_are_held_is_a_count_and_a_top_three_a_ranking() -> None:
    cost = fact(
        "公务用车购置和运行维护费", "0", table=None, source="四、“三公”经费 · 「公务用车购置和运行维护费0万元」"
    )
    q = "北京市信访办公室有公车吗？"
    assert "有公车吗" in (unread(q, query(q), draft(cost)) or "")
    held = fact("车辆", "0", "台", table=None, column="数量", source="「共有车辆 0 台」")
    assert unread(q, query(q), draft(held, unit="台")) is None
    q = "福州治安支队工资福利支出里金额最高的三项是什么？"
    assert "最高的三项" in (unread(q, query(q), draft(fact("工资福利支出", "2120.90", code="301"))) or "")


def test_owned_is_not_bought_and_budget_is_not_actual() -> None:
    owned = fact(
        "车辆",
        "4",
        "辆",
        table=None,
        column="数量",
        source="第八部分 · 二、国有资产占用及资产购置情况 · 「共有车辆4 辆」",
    )
    assert "购置" not in fact_evidence(owned)  # the heading is not what the figure is printed under
    q = "深圳市科技创新局今年计划买几辆车？"
    assert "计划买几辆" in (unread(q, query(q), draft(owned, unit="辆")) or "")
    bought = fact("车辆", "1", "辆", table=None, column="数量", source="第八部分 · 「计划购置车辆 1 辆」")
    assert unread(q, query(q), draft(bought, unit="辆")) is None
    q = "福利院2024年三公经费实际支出是多少？"
    assert unread(q, query(q), draft(fact("合计", "36.56", doc_kind="预算"))) is not None
    assert unread(q, query(q), draft(fact("合计", "30.12", doc_kind="决算"))) is None


def test_a_count_is_answered_with_a_count() -> None:
    q = "福利院2024年因公出国（境）团组几个？"
    money = fact("因公出国（境）费", "13.24", table="表9")
    assert "几个" in (unread(q, query(q), draft(money)) or "")
    q = "北京市交通委单价100万元以上设备有多少台套？"  # 第一部分 五、"单位价值100万元以上的设备118台（套）"
    sets = fact(
        "单位价值100万元以上的设备", "118", "台（套）", table=None, source="五、其他情况说明 · 「设备118台（套）」"
    )
    assert unread(q, query(q), draft(sets, unit="台（套）")) is None
    q = "住房保障支出下面分哪几项"  # a breakdown: "哪几项" asks which, not how many
    assert not [s for c in cues() if c.name == "个数" for s in c.spans(q)]
    for q in ("就业创业服务补助少了几个点？", "下降了多少个百分点？"):  # a percent, no count (measures.toml rate_asked)
        assert not [s for c in cues() if c.name == "个数" for s in c.spans(q)]


def test_a_seven_digit_code_is_a_function_subject() -> None:
    # the sample's 表1 收支总表 prints "2060704 学术交流活动" without saying its scheme
    row = fact(
        "学术交流活动",
        "300",
        table="表1",
        code="2060704",
        source="表1 收支总表 · 支出 · 2060704 学术交流活动 · 2022年预算数",
    )
    assert "功能分类" in fact_evidence(row)
    assert "功能分类" not in fact_evidence(fact("办公费", "12", code="30201"))


def test_a_premise_a_quote_does_not_print_is_refused() -> None:
    q = "无锡人社局社会保障和就业支出为什么增加了20%？"
    quote = Draft(text="「主要原因是本项调整至社会保障和就业支出（类）。」")
    assert "增加了20%" in (unread(q, query(q, "explain"), quote) or "")
    printed = Draft(text="「社会保障和就业支出增加20%，主要原因是……」")
    assert unread(q, query(q, "explain"), printed) is None


def test_each_asked_figure_years_and_a_share_below_the_whole() -> None:
    q = "万里街道2024年卫生健康支出里计划生育事务和行政事业单位医疗分别是多少？"
    one = fact("行政事业单位医疗", "3023657", "元", code="21011")
    assert "分别" in (unread(q, query(q), draft(one, unit="元")) or "")
    two = draft(fact("计划生育事务", "1000", "元", code="21007"), one, unit="元")
    assert unread(q, query(q), two) is None
    q = "万里街道2023年和2024年的“三公”经费加起来一共多少？"
    y2023 = fact("“三公”经费", "22.91", year=2023)
    assert "2023年和2024年" in (unread(q, query(q, "sum"), draft(y2023)) or "")
    assert unread(q, query(q, "sum"), draft(y2023, fact("“三公”经费", "47.91", year=2024))) is None
    q = "重庆市水利局教育支出占总支出的比例是多少？"
    share = Draft(text="", value=Decimal("284.93"), unit="%", facts=[fact("教育支出", "33862.49")])
    assert "超过100%" in (unread(q, query(q, "share"), share) or "")


def test_a_stated_direction_the_quote_contradicts_is_corrected() -> None:
    from assistant.records import Citation

    q = "北京信访办三公经费为什么比去年增长了？"
    sentence = "2026 年财政拨款“三公”经费预算 17.70 万元，比 2025年财政拨款“三公”经费年初预算减少1.65万元，下降8.53%"
    quote = Draft(text=f"「{sentence}」", citations=[Citation(doc_id="d", where="四、", text=sentence)])
    why = unread(q, query(q, "explain"), quote) or ""
    assert why.startswith("公开文件所列是“减少”") and "比去年增长" in why
    q = "北京信访办三公经费为什么比去年减少了？"
    assert unread(q, query(q, "explain"), quote) is None


def test_a_change_read_as_an_amount_is_read_as_a_change() -> None:
    q = "无锡交通运输局政府性基金支出预算增长了多少？"
    assert reread(q, query(q)).measure == "change"
    q = "无锡交通运输局政府性基金支出预算是多少？"
    assert reread(q, query(q)).measure == "amount"


def test_an_exclusion_is_a_whole_and_a_part() -> None:
    q = "福州市公安局治安管理支队社会保障和就业支出中，扣除行政单位离退休后还有多少？"
    assert _parts(q) == ("扣除行政单位离退休后", "福州市公安局治安管理支队社会保障和就业支出多少？", "行政单位离退休")
    whole = fact("社会保障和就业支出", "510.80", table="支出预算总表", code="208")
    part = fact("行政单位离退休", "227.72", table="支出预算总表", code="2080501")
    assert part_of(part, whole) and not part_of(whole, part)
    assert not part_of(fact("行政单位离退休", "227.72", table="表3", code="2080501"), whole)  # another table
    assert not part_of(fact("一般公共服务支出", "100", table="支出预算总表", code="201"), whole)  # not under it


def test_another_printing_of_the_whole_is_the_same_subject_not_just_the_same_amount() -> None:
    # review r1 S2-1: a 收支总表 balances, so 收入合计 = 支出合计; the 收入 row is never the 支出 whole
    whole = fact("支出合计", "18417.70", table="收支总表")
    assert not _same_subject(fact("收入合计", "18417.70", table="收支总表"), whole)
    assert _same_subject(fact("支出总计", "18417.70", table="财政拨款收支总表"), whole)
    assert _same_subject(fact("支出总计", "18417.70", table="收支总表"), fact("支出预算", "18417.70", table=None))
    assert not _same_subject(fact("农林水支出", "18417.70", table="表3", code="213"), whole)  # another subject
    assert _same_subject(
        fact("农林水支出", "9", table="表3", code="213"), fact("农林水支出", "9", table="表5", code="213")
    )
    assert not _same_subject(fact("基本支出", "9", table="表3"), fact("项目支出", "9", table="表3"))
    # 万里街道 2024: 支出预算总表's 合计 of its 支出预算 column; 福州 治安支队: 一般公共预算拨款支出预算表's 合计 · 小计
    assert _same_subject(
        fact("合计", "156211123", table="支出预算总表", column="支出预算"), fact("支出总计", "1", table="表1")
    )
    bare = fact("合计", "2796.14", table="一般公共预算拨款支出预算表", column="小计",
                source="一般公共预算拨款支出预算表 · 合计 · 小计")  # fmt: skip
    assert _same_subject(bare, fact("一般公共预算拨款支出", "2796.14", table=None, column="金额"))
    assert not _same_subject(bare, fact("政府性基金预算拨款支出", "2796.14", table=None, column="金额"))
    # 深圳市财政局 2026: 收支总表's "财政事务" (its side in no label) is 支出总表's 20106 财政事务 under 支出总计
    side_less = fact("财政事务", "20563.76", table="表1", column="2026年预算数")
    assert _same_subject(fact("财政事务", "20563.76", table="表3", code="20106", column="支出总计"), side_less)
    assert not _same_subject(
        fact("一般公共服务支出", "20563.76", table="表3", code="201", column="支出总计"), side_less
    )


def test_an_excluded_name_may_hold_the_words_of_parts() -> None:
    q = "福州市公安局治安管理支队2026年不含公共安全支出的一般公共预算拨款支出是多少？"  # 公共: no 共计
    assert _parts(q) == (
        "不含公共安全支出",
        "福州市公安局治安管理支队2026年一般公共预算拨款支出是多少？",
        "公共安全支出",
    )
    assert _parts("三公经费不含公务用车购置及运行费共计多少？") is not None


@pytest.mark.parametrize("word", part_suffixes())
def test_a_part_printed_with_more_words_of_parts_is_named(word: str) -> None:
    # 重庆市水利局 2026 表2 prints the 合计 row's 政府性基金预算拨款收入 44,134.59 万元 (of 总计 186,549.30)
    assert _named(fact("合计", "44134.59", column=f"政府性基金{word}"), "政府性基金")
    assert _named(fact("合计", "44134.59", column="政府性基金预算拨款收入"), "政府性基金")
    assert not _named(fact("合计", "1", column="政府性基金及对应专项债务收入安排的支出"), "政府性基金")


def test_every_wording_of_an_exclusion_is_read() -> None:
    # r11a048: "除去X的部分" was read as no condition and X's own figure shown as the answer
    assert _parts("万里街道2024年三公经费中除去公务用车的部分是多少？") == (
        "除去公务用车的", "万里街道2024年三公经费是多少？", "公务用车"
    )  # fmt: skip
    for q in ("三公经费除去公务用车以外是多少？", "三公经费除去公务用车还有多少？", "三公经费除掉公务用车剩下多少？",
              "三公经费排除公务用车以外的部分是多少？", "三公经费撇开公务用车的部分是多少？"):  # fmt: skip
        parsed = _parts(q)
        assert parsed is not None and parsed[1].startswith("三公经费") and parsed[2] == "公务用车", q


def test_a_name_that_starts_one_direct_part_names_it() -> None:
    # 无锡市人社局 2026 表9: “三公”经费合计 61.40 = … + 公务用车购置及运行维护费 36.58 (购置费 17.98, 运行维护费 18.60)
    total = fact("“三公”经费合计", "61.40", column="预算数")
    both = fact("公务用车购置及运行维护费", "36.58", column="预算数")
    rows = [total, fact("公务接待费", "0.50", column="预算数"), both,
            fact("公务用车购置费", "17.98", column="预算数"), fact("公务用车运行维护费", "18.60", column="预算数")]  # fmt: skip
    assert list(_started("公务用车", total, rows, set()).values()) == [both]  # 购置费, 运行维护费 are held in it
    assert len(_started("公务", total, rows, set())) == 2  # 公务接待费 and 公务用车…: asked back
    assert not _started("会议", total, rows, set())


def test_a_part_the_text_lists_under_the_whole_is_a_part() -> None:
    # 深圳市财政局 2026 第三部分: "项目支出26,361.57万元，主要包括：…上级转移支付项目2,000.00万元"
    whole = fact("项目支出", "26361.57", table=None, column="金额")
    part = fact("上级转移支付项目", "2000.00", table=None, column="金额", parent="项目支出")
    assert part_of(part, whole) and not part_of(whole, part)
    assert not part_of(fact("上级转移支付项目", "2000.00", table=None, column="金额"), whole)  # listed under nothing
    assert not part_of(fact("上级转移支付项目", "2000.00", table=None, column="金额", parent="基本支出"), whole)
    assert _in_group(fact("科技研发资金-基础研究专项", "66586", table=None), "科技研发资金")
    assert not _in_group(fact("科技研发资金", "910000", table=None), "科技研发资金")
    assert not _in_group(fact("科技研发资金管理费", "1", table=None), "科技研发资金")


def test_items_the_text_lists_after_a_whole_are_its_parts_when_they_add_up_to_it() -> None:
    # 北京市财政局 2026 二、收入预算情况说明: 收入预算 44169.36 = 本年财政拨款收入 44156.64 + 本年其他资金收入 0 + 上年结转结余 12.72
    place = "第一部分 · 二、收入预算情况说明 · 「…」"
    whole = fact("收入", "44169.36", table=None, column="金额", source=place, page=6)
    items = [
        fact(row, value, table=None, column="金额", source=place, page=6)
        for row, value in (("本年财政拨款收入", "44156.64"), ("本年其他资金收入", "0"), ("上年结转结余", "12.72"))
    ]
    child = fact(
        "一般公共预算拨款收入", "44156.64", table=None, column="金额", source=place, page=6, parent="本年财政拨款收入"
    )
    assert _summed(whole, [whole, *items, child]) == items
    assert _summed(whole, [whole, *items[:2]]) == []  # 44156.64 + 0 is not the whole: no parts read
    elsewhere = fact("上年结转结余", "12.72", table=None, column="金额", source="第二部分 · 「…」", page=6)
    assert _summed(whole, [whole, *items[:2], elsewhere]) == []


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    names = ("shenzhen-caizheng-2026-dept-yusuan.pdf", "shenzhen-keji-2026-dept-yusuan.pdf", "wanli-2024-yusuan.pdf")
    return Engine(Settings(store=store_of(tmp_path_factory.mktemp("complete") / "store", *(REAL / n for n in names))))


@pytest.mark.slow
def test_real_questions_with_a_part_dropped_are_refused(engine: Engine) -> None:
    bought = engine.answer(
        "深圳市科技创新局今年计划买几辆车？"
    )  # the plan printed, 2026年计划购置车辆1辆; never the 4 held
    assert bought.value == Decimal("1") and bought.unit == "辆" and "4 辆" not in bought.text
    ranked = engine.answer("深圳市科技创新局的科技研发资金各专项里哪个最多？")
    assert ranked.refused and "哪个最多" in ranked.text
    whole = engine.answer("深圳财政局今年预算比去年少了多少？")  # not the “三公” section's 0.00
    assert whole.value != Decimal("0") and (
        whole.refused or abs(whole.value) == Decimal("16640.31")
    )  # 少了多少: the size


@pytest.mark.slow
def test_an_exclusion_is_subtracted_with_its_trace(engine: Engine) -> None:
    # 万里街道 2024 部门支出预算总表: 212 城乡社区支出 119,385,303 元, 21201 城乡社区管理事务 94,450,003 元
    a = engine.answer("万里街道2024年城乡社区支出中，扣除城乡社区管理事务后还有多少？")
    assert not a.refused and (a.value, a.unit) == (Decimal("24935300"), "元")
    assert "119,385,303 元 − 城乡社区管理事务 94,450,003 元" in a.text
    assert {f.verdict for f in a.figures} <= {"verified", "derived"}


@pytest.mark.slow
def test_an_exclusion_of_parts_the_text_lists_is_subtracted(engine: Engine) -> None:
    a = engine.answer("深圳市财政局2026年项目支出不含上级转移支付项目是多少？")
    assert (
        not a.refused and a.value == Decimal("24361.57") and "26,361.57 万元 − 上级转移支付项目 2,000.00 万元" in a.text
    )
    # the five 科技研发资金-…专项 the text lists under 项目支出 985,764.9 万元 (66,586 + 530,850 + 14,467 + 14,120 + 283,977)
    b = engine.answer("深圳市科技创新局项目支出中，除科技研发资金以外的项目加起来是多少？")
    assert not b.refused and b.value == Decimal("75764.9") and "科技研发资金-应用研发专项 283,977 万元" in b.text
    assert {f.verdict for f in [*a.figures, *b.figures]} <= {"verified", "derived"}


@pytest.mark.slow
def test_a_part_excluded_without_chu_is_subtracted_never_shown(engine: Engine) -> None:
    # 深圳市财政局 2026 表3: 20106 财政事务 20,563.76 万元, 2010601 行政运行 6,487.76 万元 (r7b014 showed the latter)
    a = engine.answer("深圳财政局的财政事务里面，行政运行以外的部分加起来多少？")
    assert not a.refused and (a.value, a.unit) == (Decimal("14076.00"), "万元")
    assert "财政事务 20,563.76 万元 − 行政运行 6,487.76 万元" in a.text
    assert {f.verdict for f in a.figures} <= {"verified", "derived"}


@pytest.mark.slow
def test_an_item_listed_beside_the_one_excluded_is_answered_whole(engine: Engine) -> None:
    # 万里街道 2024 text: 公务用车购置及运行费 46.56 万元, 其中 购置费 25 万元, 运行费 21.56 万元 (r7a106 refused)
    a = engine.answer("万里街道2024年公务用车运行费（不含购置费）是多少？")
    assert not a.refused and (a.value, a.unit) == (Decimal("21.56"), "万元") and "分别列出的项目" in a.text
    assert {f.verdict for f in a.figures} <= {"verified", "derived"}


@pytest.mark.slow
def test_a_part_named_by_the_start_of_its_printed_name_is_subtracted(engine: Engine) -> None:
    # r11a048, 万里街道 2024: 三公经费 47.91 = 因公出国(境)费 0 + 公务接待费 1.35 + 公务用车购置及运行费 46.56
    for q in ("万里街道2024年三公经费中除去公务用车的部分是多少？", "万里街道2024年三公经费不含公务用车是多少？"):
        a = engine.answer(q)
        assert not a.refused and (a.value, a.unit) == (Decimal("1.35"), "万元"), a.text
        assert "公务用车购置及运行费 46.56 万元" in a.text
    asked = engine.answer("万里街道2024年三公经费不含公务的部分是多少？")  # 公务接待费 or 公务用车购置及运行费
    assert asked.refused and set(asked.choices) == {"公务接待费", "公务用车购置及运行费"}


def test_a_part_named_after_the_words_the_whole_opens_with() -> None:
    listed = dict(table=None, column="金额", parent="公务用车购置和运行维护费")
    bought, run = fact("公务用车购置费", "44.92", **listed), fact("公务用车运行维护费", "39.50", **listed)
    assert _named_beside(run, "运行维护", bought) and _beside(run, bought)
    assert not _named_beside(fact("会议费", "39.50", **listed), "运行维护", bought)
    assert not _beside(run, fact("公务用车购置费", "44.92", table=None, column="金额", parent="三公经费"))


@pytest.mark.slow
def test_one_name_under_several_parents_is_asked_back(engine: Engine) -> None:
    # 万里街道 2024 部门支出预算总表 prints 一般行政管理事务 under 群众团体事务, 宣传事务, 城乡社区管理事务 …
    a = engine.answer("万里街道2024年一般行政管理事务预算是多少？")
    assert a.refused and "宣传事务" in a.text and "群众团体事务" in a.text
    named = engine.answer("万里街道2024年宣传事务一般行政管理事务预算是多少？")
    assert not named.refused and named.value is not None and named.unit  # 2013302's row: 1,106,000 元 = 110.60 万元
    assert convert(named.value, named.unit, "万元") == Decimal("110.60") and "2013302" in named.text


@pytest.mark.slow
def test_real_questions_read_whole_still_answer(engine: Engine) -> None:
    owned = engine.answer("深圳市科技创新局今年共有几辆车？")
    assert not owned.refused and (owned.value, owned.unit) == (Decimal("4"), "辆")
    change = engine.answer("深圳市科技创新局2026年机关运行经费财政拨款预算比上年增加了多少？")
    assert not change.refused and change.value == Decimal("50.45")


def test_an_answer_across_documents_reads_the_figure_asked_or_refuses() -> None:
    """万里街道 2024 and 2023 预算's 公共法律服务 (300,000 and 150,000 元 of 支出预算) answer "比2023年增长多少",
    never "比上年执行数增长多少" (the 执行数 is another figure); a 决算数 cell answers "实际支出"."""
    budgets = [
        fact("公共法律服务", "300000", "元", column="支出预算", year=2024),
        fact("公共法律服务", "150000", "元", column="支出预算", year=2023),
    ]
    assert unread_across("万里街道2024年公共法律服务经费比2023年增长多少？", budgets) is None
    reason = unread_across("2024年万里街道公共法律服务经费比上年执行数增长多少？", budgets)
    assert reason is not None and "执行数" in reason
    spent = [fact("“三公”经费", "36.56", column="决算数", year=2024)]
    assert unread_across("福利院和社工部2024年三公经费实际支出哪个多？", spent) is None
    assert unread_across("福利院和社工部2024年三公经费实际支出哪个多？", budgets) is not None


@pytest.mark.slow
def test_a_table_s_whole_and_part_go_before_the_text_s_rounded_ones(store_real) -> None:  # type: ignore[no-untyped-def]
    # 福利院 2024: the text's 收入 1,212.12 − 事业收入 262.00 万元 rounds the 收支预算总表's 12,121,164 − 2,620,000 元
    a = Engine(Settings(store=store_real)).answer("福利院2024年除事业收入以外的收入是多少？")
    assert not a.refused and (a.value, a.unit) == (Decimal("9501164"), "元")


@pytest.mark.parametrize("rest", ["还有多少", "，还有多少", "还剩多少", "另有多少"])
def test_besides_x_how_much_more_is_a_remainder(rest: str) -> None:
    q = f"西安市民政局2021年预算收入里，除了财政拨款{rest}？"
    written, whole, part = _parts(q) or ("", "", "")
    assert part == "财政拨款" and whole.startswith("西安市民政局2021年预算收入") and written.startswith("除了")
    q = "福州市公安局治安管理支队社会保障和就业支出中，扣除行政单位离退休后还有多少？"
    assert _parts(q) and _parts(q)[0] == "扣除行政单位离退休后"  # type: ignore[index]  # 扣除 is one condition


def test_the_stated_budget_income_is_the_income_total_of_the_table() -> None:
    stated = fact("预算收入", "87203.20", table=None, column="金额", source="五、收支说明 · 「预算收入87,203.20 万元」")
    total = fact("收入总计", "872031967.20", "元", table="表1", column="预算数")
    spending = fact("支出总计", "872031967.20", "元", table="表1", column="预算数")
    assert _same_subject(total, stated) and not _same_subject(spending, stated)


@pytest.mark.parametrize(
    ("said", "shown", "kept"),
    [("71", "71.43", True), ("71", "72", False), ("20", "20", True), ("30.8", "-30.8", True), ("7", "71.43", False)],
)
def test_a_stated_figure_is_shown_at_the_precision_it_is_said(said: str, shown: str, kept: bool) -> None:
    from assistant.complete import _said_in

    assert _said_in(said, {Decimal(shown)}) is kept  # "下降了71%" of a printed 71.43%


@pytest.mark.slow
def test_a_headcount_not_printed_is_refused_and_a_cut_is_its_rate(engine: Engine) -> None:
    # 深圳市财政局 2026: no headcount printed; "在职人员经费 8,009.83 万元" (p7); 机关运行经费 "下降 26.0%" (p12)
    a = engine.answer("深圳财政局有多少在编人员？")
    assert a.refused and "8,009.83" not in a.text
    money = engine.answer("深圳财政局在职人员经费是多少？")
    assert not money.refused and money.value == Decimal("8009.83")
    cut = engine.answer("深圳财政局机关运行经费砍了多少百分比？")  # once its share of 支出总计, 7.27%
    assert not cut.refused and cut.unit == "%" and cut.value is not None and abs(cut.value) == Decimal("26.0")


def test_where_a_change_went_is_a_reason_asked() -> None:  # round 14 r14b161: "主要增加在哪里" answered with the amount
    cue = next(c for c in cues() if c.name == "原因")
    for q in ("老年福利增加了3198万元，主要增加在哪里？", "支出增加的部分主要花在哪？", "为什么少了？"):
        assert cue.spans(q), q
    assert not cue.spans("老年福利在哪个表里？")


def test_a_budget_column_of_a_final_account_is_never_what_was_spent() -> None:  # round 14 r14a045
    budget = fact("行政单位医疗", "2.23", table=None, column="全年预算数", source="「行政单位医疗全年预算2.23万元」")
    budget = replace(budget, doc_kind="决算", column_role="全年预算数")
    q = "社工部2024年行政单位医疗全年预算完成了多少？"
    assert "完成了多少" in (unread(q, query(q), draft(budget)) or "")
    spent = replace(budget, value=Decimal("2.22"), column="决算数", column_role="决算数")
    assert unread(q, query(q), draft(spent)) is None


def test_whether_an_item_rose_or_fell_is_its_change() -> None:  # round 15 r15a028, r15a108, r15a150
    cue = next(c for c in cues() if c.name == "是否变化")
    for q in (
        "福州治安支队机关运行经费是不是涨了？",
        "重庆市水利局机关运行经费是不是大幅增加了？",
        "三公经费减少了吗？",
    ):
        assert cue.spans(q), q
        assert reread(q, query(q)).measure == "change"
    for q in ("三公经费减少了多少？", "有没有公务用车？", "机关运行经费是多少？"):
        assert not cue.spans(q), q
