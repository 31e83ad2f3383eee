"""Finding figures in Chinese text."""

from decimal import Decimal

import pytest

from assistant.figures import find_figures
from assistant.numerals import value as cn_value


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("2022年项目支出4,023万元，占支出总计的80.51%。", [("4,023万元", "4023", "万元"), ("80.51%", "80.51", "%")]),
        ("预算４，９９７万元", [("４，９９７万元", "4997", "万元")]),
        (
            "一千九百二十万元、0.4997亿元或4997万元",
            [("一千九百二十万元", "1920", "万元"), ("0.4997亿元", "0.4997", "亿元"), ("4997万元", "4997", "万元")],
        ),
        ("共三个部室，退休 15 人", [("三个", "3", "个"), ("15 人", "15", "人")]),
        ("增长百分之十，占百分之80.51", [("百分之十", "10", "%"), ("百分之80.51", "80.51", "%")]),
        ("减少5万元与-5万元", [("5万元", "5", "万元"), ("-5万元", "-5", "万元")]),
        ("974万由哪几部分组成", [("974万", "974", "万元")]),
        ("截至 2021 年 10 月，表7 · 2060702 科普活动", []),
        ("单价 50 万元以上通用设备 0 台（套）", [("0 台（套）", "0", "台（套）")]),
        (
            "计算：4,023 ÷ 4,997 × 100% = 80.51%",
            [("4,023", "4023", ""), ("4,997", "4997", ""), ("80.51%", "80.51", "%")],
        ),
        ("1. 信息化系统运行维护预算 33 万元", [("33 万元", "33", "万元")]),
        (
            "比二〇二四年增长百分之十二点五，达到一点五亿元",
            [("百分之十二点五", "12.5", "%"), ("一点五亿元", "1.5", "亿元")],
        ),
        ("肆仟万元用于第三季度的十个项目", [("肆仟万元", "4000", "万元"), ("十个", "10", "个")]),
        ("三公经费和一般公共预算", []),
    ],
)
def test_find_figures(text: str, figures: list[tuple[str, str, str]]) -> None:
    assert [(f.text, str(f.value), f.unit) for f in find_figures(text)] == figures


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一千九百二十", 1920),
        ("十四", 14),
        ("二十", 20),
        ("一万零五", 10005),
        ("三亿二千万", 320000000),
        ("两万亿", 2000000000000),
        ("八十点五", "80.5"),
    ],
)
def test_chinese_numerals(text: str, value: object) -> None:
    assert cn_value(text) == Decimal(str(value))


def test_ten_thousand_persons_is_read_as_itself() -> None:
    """无锡市人社局 2026 (p7) "城镇新增就业 13 万人": 13 万人, never 13 万元 (a stray 人 after it)."""
    from assistant.figures import find_figures

    assert [(f.value, f.unit) for f in find_figures("城镇新增就业 13 万人。")] == [(Decimal(13), "万人")]
    assert [(f.value, f.unit) for f in find_figures("50万")] == [(Decimal(50), "万元")]
    # 无锡市人社局 2026 (p11) "补贴性培训 7 万人次以上": 7 万人次, never 7 万元 nor a stray 人次
    assert [(f.value, f.unit) for f in find_figures("补贴性培训 7 万人次，评价取证 4.7 万人次以上。")] == [
        (Decimal(7), "万人次")
    ]
