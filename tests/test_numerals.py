"""Chinese numerals in questions and drafts read into digits (assistant/numerals.py, numerals.toml)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant import numerals
from assistant.answer import Engine

D = Decimal


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("二〇二五年", "2025年"),
        ("二零二四年", "2024年"),
        ("二○二三年", "2023年"),
        ("三千万元", "3000万元"),
        ("一点五亿元", "1.5亿元"),
        ("一亿二千万元", "12000万元"),
        ("百分之五", "5%"),
        ("百分之十二点五", "12.5%"),
        ("肆仟", "4000"),
        ("肆仟万元", "4000万元"),
        ("五百万以上", "500万以上"),
        ("两年", "2年"),
        ("十个项目", "10个项目"),
        ("前三名", "前3名"),
        ("第三季度", "第三季度"),  # an ordinal names a part as the documents print it
        ("上一年", "上一年"),  # 一 alone builds words
        ("哪一个部门", "哪一个部门"),
        ("百分之多少", "百分之多少"),
        ("十一部分", "十一部分"),  # no unit, no size: a name, not a number
        ("三三两两", "三三两两"),
        ("2024和2025两年", "2024和2025两年"),  # digits next to it would run into one number
        ("2025年预算3,000万元", "2025年预算3,000万元"),
    ],
)
def test_rewrite(text: str, digits: str) -> None:
    rewritten = numerals.rewrite(text)
    assert rewritten.text == digits
    assert rewritten.written(0, len(rewritten.text)) == text


def test_written_maps_back_to_the_original_words() -> None:
    r = numerals.rewrite("项目支出三千万元，增长百分之五")
    at = r.text.index("3000万元")
    assert r.written(at, at + len("3000万元")) == "三千万元"
    at = r.text.index("5%")
    assert r.written(at, at + 2) == "百分之五"


@pytest.mark.parametrize(("numeral", "value"), [("一千九百二十", 1920), ("一万零五", 10005), ("两万亿", 2 * 10**12),
                                                ("八十点五", "80.5"), ("肆仟", 4000), ("十四五", None), ("万一", None)])  # fmt: skip
def test_value(numeral: str, value: object) -> None:
    assert numerals.value(numeral) == (None if value is None else D(str(value)))


@pytest.mark.parametrize("entry", [e for e in numerals._data()["protected"]], ids=lambda e: e["word"])
def test_protected_word_is_kept(entry: dict[str, str]) -> None:
    assert entry["word"] in entry["example"]
    assert entry["word"] in numerals.to_digits(entry["example"])
    assert entry["word"] in numerals.to_digits(entry["word"])


@pytest.mark.parametrize("word", numerals.measure_words())
def test_a_lone_numeral_counts_before_each_measure_word(word: str) -> None:
    assert numerals.to_digits(f"共三{word}") == f"共3{word}"
    assert numerals.to_digits(f"统一{word}") == f"统一{word}"  # 一 alone stays a word


@pytest.mark.parametrize(
    ("question", "digits", "value", "unit"),
    [
        ("科协二〇二二年总共要花多少钱？", "科协2022年总共要花多少钱？", D(4997), "万元"),
        ("科协二零二一年招待费预算是多少？", "科协2021年招待费预算是多少？", D(1), "万元"),
        ("科协项目支出占总支出百分之八十点五一吗", "科协项目支出占总支出80.51%吗", D("80.51"), "%"),
        (
            "科协科普能力提升项目降幅精确到两位小数是多少？",
            "科协科普能力提升项目降幅精确到2位小数是多少？",
            D("52.76"),
            "%",
        ),
        ("科协院士专家工作站今年计划新增十二家吗？", "科协院士专家工作站今年计划新增12家吗？", D(12), "家"),
    ],
)
def test_questions_with_chinese_numerals(engine: Engine, question: str, digits: str, value: Decimal, unit: str) -> None:
    a = engine.answer(question)
    assert not a.refused, a.text
    assert (a.value, a.unit) == (value, unit)
    assert a.question == question  # the question as asked; the reading line shows how it was read
    assert a.reading is not None and a.reading.asked == digits and a.reading.line().startswith(f"按：“{digits}”")


def test_a_stated_percent_in_chinese_is_checked(engine: Engine) -> None:
    a = engine.answer("科协项目支出占总支出是百分之五吗？")
    assert (a.value, a.unit) == (D("80.51"), "%") and "问题中给出的数字与公开文件不符" in a.text


def test_a_threshold_in_chinese_is_the_same_threshold(engine: Engine) -> None:
    chinese, digits = engine.answer("哪些部门的支出总计超过五百万？"), engine.answer("哪些部门的支出总计超过500万？")
    assert not chinese.refused and chinese.text == digits.text
    assert "广州市海珠区图书馆：支出合计 14,453,792.72 元" in chinese.text


@pytest.mark.parametrize(
    ("chinese", "digits"),
    [
        ("科协2022年项目支出三千万元。", "科协2022年项目支出3000万元。"),
        ("科协2022年项目支出四千零二十三万元。", "科协2022年项目支出4023万元。"),
        ("科协2022年支出总计零点四九九七亿元。", "科协2022年支出总计0.4997亿元。"),
        ("科协2022年支出总计肆仟玖佰玖拾柒万元。", "科协2022年支出总计4997万元。"),
        ("科协二〇二二年项目支出占支出总计的百分之八十点五一。", "科协2022年项目支出占支出总计的80.51%。"),
    ],
)
def test_a_draft_in_chinese_numerals_is_checked_as_in_digits(engine: Engine, chinese: str, digits: str) -> None:
    written, plain = engine.verify(chinese), engine.verify(digits)
    assert [(f.value, f.unit, f.verdict, f.source) for f in written] == [
        (f.value, f.unit, f.verdict, f.source) for f in plain
    ]
    assert written and written[-1].text in chinese  # shown as it was written


def test_three_thousand_wan_is_not_the_project_total(engine: Engine) -> None:
    (figure,) = engine.verify("科协2022年项目支出三千万元。")
    assert figure.text == "三千万元" and figure.verdict == "mismatch"
