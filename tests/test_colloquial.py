"""Colloquial verbs of a question written as the templates' words (assistant/glossary.json synonyms): "能收多少"
asks the 收入 (普陀区社会福利院 2024: 收入预算 1,212.12 万元), a round-5 question once refused as no item."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.tokens import glossary_data, to_template
from tests.conftest import REAL, store_of


@pytest.mark.parametrize(
    ("question", "templated"),
    [
        ("普陀区社会福利院2024年一共能收多少钱？", "普陀区社会福利院2024年一共收入多少钱？"),
        ("福利院今年能收到多少钱？", "福利院今年收入多少钱？"),
        ("城市道路挖掘修复费2026年预计收多少？", "城市道路挖掘修复费2026年预计收入多少？"),
    ],
)
def test_a_colloquial_verb_of_income_is_the_templates_income(question: str, templated: str) -> None:
    assert to_template(question) == templated


def test_other_words_ending_in_the_verb_are_left_alone() -> None:
    assert to_template("非税收入征收多少？") == "非税收入征收多少？"


def test_the_budget_s_plate_is_the_budget() -> None:
    # round 8 r8c097, r8b196: "预算盘子" is how staff say the whole budget
    assert to_template("2026年哪个部门的预算盘子最大？") == "2026年哪个部门的预算最大？"


@pytest.mark.parametrize("bought", ["买车", "买公务车", "买公务用车"])
def test_buying_a_car_is_the_car_purchase_item(bought: str) -> None:
    """无锡人社局 2026 p31 表9 prints 公务用车购置费 17.98 万元: "打算买公务车花多少钱" asks it, not the car count."""
    assert to_template(f"无锡人社局今年打算{bought}花多少钱？") == "无锡人社局今年打算公务用车购置费花多少钱？"
    assert to_template("无锡人社局今年打算买几辆公务车？") == "无锡人社局今年打算买几辆公务用车？"


@pytest.mark.parametrize(
    ("question", "templated"),
    [
        # round 11 r11b207: 北京市财政局 2026 p8 prints 公务接待费 2026年预算数 11.64 万元
        ("北京财政局今年吃喝招待的钱安排了多少？", "北京财政局今年公务接待的钱安排了多少？"),
        ("北京财政局今年招待花多少？", "北京财政局今年公务接待花多少？"),
        ("北京财政局今年公务招待费多少？", "北京财政局今年公务接待费多少？"),
        ("北京财政局今年请客吃饭花多少？", "北京财政局今年公务接待花多少？"),
        ("招待费是多少？", "公务接待费是多少？"),  # the older entry, still whole
        ("机关招待所的经费是多少？", "机关招待所的经费是多少？"),  # a guest house is no reception
        # round 11 r11a217, round 7 r7b193: 30211 差旅费 (重庆水利局 409.75, 佛山轨交局 23.94)
        ("重庆水利局一年出差花多少钱？", "重庆水利局一年差旅费花多少钱？"),
        ("出差费是多少？", "差旅费是多少？"),
        # round 11 r11a218: 社工部 2024 p22 prints 政府采购金额 21.07 万元
        ("社工部2024年买东西花了多少钱？", "社工部2024年政府采购花了多少钱？"),
        # round 11 r11c042, round 7 r7b099: 民用航空运输（款）其他民用航空运输支出（项）
        ("无锡交通局民航方面今年安排了多少？", "无锡交通局民用航空运输方面今年安排了多少？"),
        ("民航发展基金支出是多少？", "民航发展基金支出是多少？"),  # a fund of its own name
        # round 9 r9b016: 北京市财政局 因公出国（境）费用 127.74 万元
        ("北京市财政局今年出国出境的钱打算花多少？", "北京市财政局今年因公出国（境）费的钱打算花多少？"),
        # round 9 r9b109: 西安发改委 2019 会议费预算 174.6 万元
        ("发改委2019年开会的钱是多少？", "发改委2019年会议费的钱是多少？"),
        ("开会费是多少？", "会议费是多少？"),
        # round 7 r7b097: 无锡交通局 2149901 公共交通运营补助 54,760.00
        ("无锡交通局公交运营补助一共多少？", "无锡交通局公共交通运营补助一共多少？"),
    ],
)
def test_an_item_in_everyday_words_is_the_template_s_item(question: str, templated: str) -> None:
    assert to_template(question) == templated


def test_each_everyday_word_is_one_item_only() -> None:
    """出差 is the 差旅费, never a 公务用车 item; 招待 the 公务接待, never 因公出国."""
    synonyms = glossary_data()["synonyms"]
    assert synonyms["出差"] == "差旅费" and synonyms["招待"] == "公务接待"
    assert synonyms["买东西"] == "政府采购"


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("北京财政局今年吃喝招待的钱安排了多少？", "11.64"),  # round 11 r11b207 (p8)
        ("北京市财政局今年出国出境的钱打算花多少？", "127.74"),  # round 9 r9b016 (p8)
        ("深圳财政局光电费一年就要多少钱？", "336.00"),  # round 11 r11a216: 30206 电费 (p35); "就要" asks nothing
        ("社工部2024年买东西花了多少钱？", "21.07"),  # round 11 r11a218 (p22)
    ],
)
@pytest.mark.slow
def test_an_item_in_everyday_words_is_answered_from_the_real_pdf(
    colloquial_real: Engine, question: str, value: str
) -> None:
    a = colloquial_real.answer(question)
    assert not a.refused and (a.value, a.unit) == (Decimal(value), "万元"), a.text


@pytest.fixture(scope="module")
def colloquial_real(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    names = ("beijing-caizheng-2026-dept-yusuan", "shenzhen-caizheng-2026-dept-yusuan", "shegongbu-2024-juesuan")
    return Engine(
        Settings(store=store_of(tmp_path_factory.mktemp("colloquial") / "store", *(REAL / f"{n}.pdf" for n in names)))
    )
