"""The verifier against the real facts: right figures pass, planted wrong ones are caught with the true value."""

from decimal import Decimal

import pytest

from assistant.answer import Engine

D = Decimal


def sample_id(engine: Engine) -> str:
    return next(d.doc_id for d in engine.kb.docs.values() if d.year == 2022)


def library_id(engine: Engine) -> str:
    return next(d.doc_id for d in engine.kb.docs.values() if d.year == 2023)


@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        (
            "2022年项目支出4,023万元，占支出总计的80.51%。",
            [("4,023万元", "verified", None), ("80.51%", "derived", None)],
        ),
        ("2022年项目支出4,203万元。", [("4,203万元", "mismatch", D(4023))]),
        ("部门预算比2021年增长10.85%。", [("10.85%", "mismatch", D("10.58"))]),
        ("部门预算比2021年增长10.58%。", [("10.58%", "verified", None)]),
        ("项目支出占支出总计的80.15%", [("80.15%", "mismatch", D("80.51"))]),
        ("学会能力提升和学术交流促进项目预算一千九百二十万元。", [("一千九百二十万元", "verified", None)]),
        ("部门预算0.4997亿元。", [("0.4997亿元", "verified", None)]),
        ("科普能力提升项目较2021年减少860万元，下降53%。", [("860万元", "verified", None), ("53%", "verified", None)]),
        ("科普能力提升项目较2021年减少680万元。", [("680万元", "mismatch", D(-860))]),
        ("科普能力提升项目较2021年增加860万元。", [("860万元", "mismatch", D(-860))]),  # the direction is wrong
        ("项目支出8,046万元。", [("8,046万元", "mismatch", D(4023))]),  # not 4,023 + 4,023
        ("项目支出0万元。", [("0万元", "mismatch", D(4023))]),  # not 表9's 政府性基金 项目支出
        ("部门预算0亿元。", [("0亿元", "mismatch", D(4997))]),
        ("差旅费5万元。", [("5万元", "unknown", None)]),  # no such item: not matched by coincidence
        ("公务用车运行维护费比上年增加4万元。", [("4万元", "mismatch", D(0))]),
        ("“三公”经费5万元，比上年增加1万元。", [("5万元", "verified", None), ("1万元", "mismatch", D(0))]),
        ("行政编制总数 14 人，退休 15 人。", [("14 人", "verified", None), ("15 人", "verified", None)]),
        ("行政编制总数 41 人。", [("41 人", "mismatch", D(14))]),
        ("公务接待费加公务用车运行维护费共5万元。", [("5万元", "derived", None)]),
        ("今年买了 3 架飞机。", [("3", "unknown", None)]),
    ],
)
def test_sample_figures(engine: Engine, text: str, verdicts: list[tuple[str, str, Decimal | None]]) -> None:
    figures = engine.verify(text, [sample_id(engine)])
    assert [(f.text.replace(" ", "") if f.unit != "人" else f.text, f.verdict, f.expected) for f in figures] == [
        (t.replace(" ", "") if "人" not in t else t, v, e) for t, v, e in verdicts
    ]


def test_derived_figures_show_their_calculation(engine: Engine) -> None:
    [share] = engine.verify("基本支出占支出总计的19.49%。", [sample_id(engine)])
    assert share.verdict == "derived"
    assert share.expression == "974 ÷ 4,997 × 100% = 19.49%"
    assert "表3 支出总表" in share.source


def test_second_disclosure_in_yuan(engine: Engine) -> None:
    doc = library_id(engine)
    figures = engine.verify("2023年项目支出5,911,230.00元，约591.123万元；人员支出6,666,996.23元。", [doc])
    assert [(f.verdict, f.expected) for f in figures] == [
        ("verified", None),
        ("verified", None),
        ("mismatch", D("6666996.32")),
    ]


def test_a_sentence_naming_no_department_is_the_last_one_named(engine: Engine) -> None:
    """科协's 4,023 万元 written one sentence after the library's name is read as the library's, and is wrong."""
    docs = list(engine.library.docs)
    text = "海珠区图书馆2023年部门预算14,453,792.72元。其中项目支出为4,023万元。其中项目支出5,911,230.00元。"
    assert [f.verdict for f in engine.verify(text, docs)] == ["verified", "mismatch", "verified"]
    named = "海珠区图书馆2023年部门预算14,453,792.72元。深圳市科学技术协会项目支出为5,911,230.00元。"
    assert [f.verdict for f in engine.verify(named, docs)] == ["verified", "mismatch"]
