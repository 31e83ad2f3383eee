"""English questions read through the glossary of assistant/english.toml (assistant/english.py): each slot
kind, a run of Chinese written in an English question, the refusal naming the word not read, and 45 English
questions written from the PDF text of tuning documents, read as Chinese and (slow) answered on the real PDFs
of tests/data/real."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from assistant.english import _phrases, chinese, glossary, refusal, words
from tests.conftest import REAL, store_of

ENGLISH_REFUSAL = "请用中文提问"


def test_an_english_question_is_answered_in_chinese_with_the_question_it_was_read_as(engine: Engine) -> None:
    q = "What is the total expenditure of the Shenzhen Association for Science and Technology in 2022?"
    a = engine.answer(q)
    assert not a.refused and (a.value, a.unit) == (Decimal("4997"), "万元"), a.text
    assert a.question == q and a.text.startswith("2022年深圳市科学技术协会")
    assert a.reading is not None
    assert a.reading.line() == "按：“深圳市科学技术协会2022年支出总计是多少？” → 科协 · 2022年部门预算 · 支出总计"
    later = engine.answer("那去年呢？", [a])  # a follow-up continues the Chinese question
    assert not later.refused and (later.value, later.unit) == (Decimal("4519"), "万元"), later.text


def test_a_city_and_its_district_are_one_place(engine: Engine) -> None:
    a = engine.answer("What is the project expenditure of the Guangzhou Haizhu District Library in 2023?")
    assert not a.refused and a.value == Decimal("5911230.00"), a.text
    assert a.reading is not None and a.reading.asked == "广州市海珠区图书馆2023年项目支出是多少？"


def test_a_refused_english_question_still_shows_the_chinese_question_it_was_read_as(engine: Engine) -> None:
    a = engine.answer(
        "What is the growth rate of project expenditure of the Shenzhen Association for Science and Technology in 2022?"
    )
    assert a.refused and a.reading is not None
    assert a.reading.line() == "按：“深圳市科学技术协会2022年项目支出增长率是多少？”"


def test_an_english_question_with_an_unknown_word_is_refused_in_chinese(engine: Engine) -> None:
    q = "What is the total expenditure of the Shenzhen Association for Science and Technology in 2022 excluding salaries?"
    assert chinese(q) == ""
    a = engine.answer(q)
    assert a.refused and ENGLISH_REFUSAL in a.text and a.reading is None


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What is the Shenzhen Finance Bureau's total expenditure in 2026?", "深圳市财政局2026年支出总计是多少？"),
        ("What is the total 2026 budget of the Beijing Municipal Finance Bureau?", "北京市财政局2026年预算支出总计是多少？"),
        ("How much did the Foshan rail transit bureau spend on official receptions in 2019?",
         "佛山市轨道交通局2019年决算公务接待费是多少？"),
        ("What are the three public expenses of the Wanli Subdistrict in 2024?", "万里街道2024年“三公”经费是多少？"),
        ("What is the Yantai audit bureau's 2026 budget?", "烟台市审计局2026年预算是多少？"),  # the budget itself
        ("Wuxi human resources bureau 2026 total budget?", "无锡市人力资源和社会保障局2026年支出总计是多少？"),
        ("How much is the Shenzhen Finance Bureau's 2026 budget for overseas official trips?",
         "深圳市财政局2026年预算因公出国（境）费是多少？"),
        ("How much has the Beijing Municipal Finance Bureau budgeted for official receptions in 2026?",
         "北京市财政局2026年预算公务接待费是多少？"),
    ],
)  # fmt: skip
def test_english_questions_read_as_chinese(question: str, asked: str) -> None:
    assert chinese(question) == asked


def test_a_chinese_question_is_not_rewritten() -> None:
    assert chinese("深圳市财政局2026年支出总计是多少？") == ""
    assert chinese("GDP是多少") == ""


def test_two_subjects_joined_by_and_are_two_clauses_and_no_subject_is_not_read() -> None:
    assert chinese("What is the project expenditure and basic expenditure of the Shenzhen Finance Bureau?") == (
        "深圳市财政局项目支出是多少？基本支出是多少？"
    )
    assert chinese("What is the weather in Shenzhen tomorrow please?") == ""


GLOSSARY = glossary()
BASE = {  # one question per slot, the entry written where `{}` is
    "place": ("What is the total expenditure of the {} Finance Bureau in 2026?", "{}财政局2026年支出总计是多少？"),
    "department": ("What is the total expenditure of the Shenzhen {} in 2026?", "深圳市{}2026年支出总计是多少？"),
    "unit": ("What is the total expenditure of the Fuzhou Public Security Bureau {} in 2026?",
             "福州市公安局{}2026年支出总计是多少？"),
    "kind": ("What is the total expenditure in the {} of the Shenzhen Finance Bureau for 2026?",
             "深圳市财政局2026年{}支出总计是多少？"),
    "subject": ("What is the {} of the Shenzhen Finance Bureau in 2026?", "深圳市财政局2026年{}？"),
    "measure": ("What is the {} of project expenditure of the Shenzhen Finance Bureau in 2026?",
                "深圳市财政局2026年{}？"),
    "than": ("How much did the Shenzhen Finance Bureau's 2026 project expenditure increase {} year?",
             "深圳市财政局2026年项目支出比上年增加多少？"),
    "against": ("How much did the Shenzhen Finance Bureau's 2026 project expenditure increase {} 2025?",
                "深圳市财政局2026年项目支出比上年增加多少？"),
    "money": ("What is the Shenzhen Finance Bureau's 2026 project expenditure in {}?",
              "深圳市财政局2026年项目支出是多少{}？"),
}  # fmt: skip


def asked(slot: str, zh: str) -> str:
    """The Chinese question BASE[slot] is read as with the entry `zh`."""
    if slot == "subject":
        return BASE[slot][1].format(zh + GLOSSARY["asks"].get(zh, "是多少"))
    if slot == "measure":
        return BASE[slot][1].format(zh.format("项目支出") if "{}" in zh else "项目支出" + zh)
    return BASE[slot][1].format(zh)


@pytest.mark.parametrize(("slot", "en", "zh"), [(slot, en, zh) for slot in BASE for en, zh in GLOSSARY[slot].items()])
def test_each_glossary_entry_is_read(slot: str, en: str, zh: str) -> None:
    assert chinese(BASE[slot][0].format(en.title())) == asked(slot, zh)


@pytest.mark.parametrize("word", GLOSSARY["filler"])
def test_each_filler_word_is_read_as_nothing(word: str) -> None:
    base = "What is the total expenditure of the Shenzhen Finance Bureau in 2026"
    assert chinese(f"{base} {word}?") == "深圳市财政局2026年支出总计是多少？"


def test_no_filler_is_a_word_of_an_entry() -> None:
    """A word that carries a basis ("planned" → 预算) or any entry's meaning is never read as nothing."""
    entries = {en for slot in BASE for en in GLOSSARY[slot] if len(words(en)) == 1}
    assert not set(GLOSSARY["filler"]) & entries
    assert not set(GLOSSARY["filler"]) & {"planned", "budgeted", "actual", "spent", "under", "from", "listed"}


def test_planned_asks_the_budgeted_figure() -> None:  # review r1 S1-4: read as …公务接待费, the 决算数 0.16 ✓
    q = "How much was planned for official reception by the Foshan Rail Transit Bureau in 2019?"
    assert chinese(q) == "佛山市轨道交通局2019年预算公务接待费是多少？"
    assert chinese(q.replace("planned for", "actually spent on")) == "佛山市轨道交通局2019年决算公务接待费是多少？"


def test_words_drop_possessives_and_punctuation() -> None:
    assert words("The Bureau's “three public” expenses, Xi'an?") == [
        "the",
        "bureau",
        "three",
        "public",
        "expenses",
        "xi",
        "an",
    ]


# --- what the grammar adds to the slots --------------------------------------------------------------


def test_a_run_of_chinese_is_kept_as_written() -> None:  # round 6 r6a097, r6b043
    assert chinese("How much is Shenzhen's science and technology bureau spending on 市级人才专项经费 in 2026?") == (
        "深圳市科技局2026年市级人才专项经费是多少？"
    )
    assert chinese("What is the Wuxi Human Resources and Social Security Bureau's 2026 spending on 技校教育?") == (
        "无锡市人力资源和社会保障局2026年技校教育是多少？"
    )


@pytest.mark.parametrize("end", GLOSSARY["chinese"]["department_ends"])
def test_a_run_of_chinese_ending_as_a_department_is_the_department(end: str) -> None:
    question = f"What is the total expenditure of the Shenzhen 某{end} in 2026?"
    assert chinese(question) == f"深圳市某{end}2026年支出总计是多少？"


def test_two_runs_of_chinese_of_one_slot_are_not_read() -> None:
    q = "What is the 2026 budget of the Shenzhen Science and Technology Innovation Bureau for 市级人才专项经费 or 平台载体专项资金?"
    assert chinese(q) == ""


@pytest.mark.parametrize(("word", "rank"), list(GLOSSARY["generic"].items()))
def test_a_subject_word_that_says_less_gives_way(word: str, rank: int) -> None:
    head, zh = "深圳市财政局2026年", GLOSSARY["subject"][word]
    assert chinese(f"What is the Shenzhen Finance Bureau's 2026 housing provident fund {word}?") == (
        head + "住房公积金是多少？"
    )
    assert chinese(f"What is the Shenzhen Finance Bureau's 2026 {word} on training fees?") == head + "培训费是多少？"
    assert chinese(f"What is the Shenzhen Finance Bureau's 2026 {word}?") == head + zh + "是多少？"
    joined = chinese(f"What is the Shenzhen Finance Bureau's 2026 project expenditure and basic {word}?")
    two = f"basic {word}" in GLOSSARY["subject"]  # two subjects joined by "and": two clauses
    assert joined == (head + "项目支出是多少？" + GLOSSARY["subject"][f"basic {word}"] + "是多少？" if two else "")
    for other, its in GLOSSARY["generic"].items():  # of the same rank and another meaning: not read
        said = chinese(f"What is the Shenzhen Finance Bureau's 2026 {word} {other}?")
        if its == rank and GLOSSARY["subject"][other] != zh:
            assert said == ""
        elif its > rank:
            assert said == head + GLOSSARY["subject"][other] + "是多少？"


def test_the_total_revenue_is_the_revenue() -> None:
    q = "How much is the total 2024 income budget of the Putuo District Social Welfare Institute?"
    assert chinese(q) == "普陀区社会福利院2024年预算收入总计是多少？"


@pytest.mark.parametrize(("word", "zh"), list(GLOSSARY["implied"].items()))
def test_a_word_implies_a_subject_only_when_none_is_said(word: str, zh: str) -> None:
    kind = GLOSSARY["kind"].get(word, "")  # "spent" is also the 决算; "bought" is either
    assert (
        chinese(f"How much did the Foshan Rail Transit Bureau {word} in 2019?")
        == f"佛山市轨道交通局2019年{kind}{zh}是多少？"
    )
    q = f"How much did the Foshan Rail Transit Bureau {word} on official receptions in 2019?"
    assert chinese(q) == f"佛山市轨道交通局2019年{kind}公务接待费是多少？"


@pytest.mark.parametrize(("pair", "zh"), list(GLOSSARY["measures"].items()))
def test_two_measures_said_apart_ask_one_thing(pair: str, zh: str) -> None:
    first, second = pair.split()
    en = {z: e for e, z in GLOSSARY["measure"].items() if len(words(e)) == 1}  # one word for each measure
    q = f"{en[first].title()} the Yantai Audit Bureau's total expenditure {en[second]} in 2026?"
    asked = zh.format("支出总计") if "{}" in zh else "支出总计" + zh  # "哪一项支出总计最多"
    assert chinese(q) == f"烟台市审计局2026年{asked}？"


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("How much did the Yantai Audit Bureau's total expenditure increase over 2024 in 2026?", "2024"),
        ("What is the increase over 2025 of the Yantai Audit Bureau's total expenditure?", "2025"),
        ("What is the share of project expenditure of the Yantai Audit Bureau in 2026 compared with last year?", "compared"),
        ("How much did the Yantai Audit Bureau's total expenditure increase compared with the plan in 2026?", "compared"),
        ("What percentage of the Yantai Audit Bureau's 2026 total expenditure is project expenditure?",
         "project expenditure"),  # a part said a second time is named in full
        ("Among the Beijing Finance Bureau, Civil Affairs Bureau and Petition Office, which has no official cars?",
         "civil affairs bureau"),  # round 12 r12b197: named in full, never "bureau"
        ("What share of Wuxi Transport Bureau's 2026 revenue comes from fees?", "fees"),
        ("What is the total expenditure of the Shenzhen Association for Science and Technology in 2022 excluding salaries?",
         "excluding"),
    ],
)  # fmt: skip
def test_a_word_not_read_is_named_in_the_refusal(question: str, word: str) -> None:
    assert chinese(question) == ""
    said = refusal(question)
    assert said.startswith(f"我没能理解英文问题中的“{word}”。") and said.endswith(GLOSSARY_REFUSAL_END)


GLOSSARY_REFUSAL_END = "2026年部门预算支出是多少？）"


def test_a_question_read_in_full_without_a_subject_keeps_the_plain_refusal() -> None:
    assert refusal("What is the weather in Shenzhen tomorrow please?").startswith("我没能理解英文问题中的“weather”")
    assert refusal("Tell me about the Shenzhen Finance Bureau please").startswith("目前只能回答中文问题")


def test_the_refusal_names_the_word_in_the_answer(engine: Engine) -> None:
    a = engine.answer(
        "What is the 2022 total expenditure of the Shenzhen Association for Science and Technology excluding salaries?"
    )
    assert a.refused and "我没能理解英文问题中的“excluding”" in a.text and ENGLISH_REFUSAL in a.text


# --- English questions written from the PDF text of tuning documents --------------------------------------

# (question, the Chinese question it is read as, the answer: "value unit", or "text …" for a passage quoted
# holding those words, and
# the real PDF of tests/data/real it is answered from, or "" for a document not kept there)
QUESTIONS = [
    ("How much is Shenzhen's science and technology bureau spending on 市级人才专项经费 in 2026?",
     "深圳市科技局2026年市级人才专项经费是多少？", "61191 万元", "shenzhen-keji-2026-dept-yusuan"),
    ("How much is the Shenzhen Science and Technology Innovation Bureau spending on 市级人才专项经费 in 2026?",
     "深圳市科技创新局2026年市级人才专项经费是多少？", "61191 万元", "shenzhen-keji-2026-dept-yusuan"),
    ("What is the total expenditure of the Shenzhen Science and Technology Bureau in 2026?",
     "深圳市科技局2026年支出总计是多少？", "991722.33 万元", "shenzhen-keji-2026-dept-yusuan"),
    ("What is the 2026 budget of Shenzhen Science and Technology Innovation Bureau?",
     "深圳市科技创新局2026年预算是多少？", "991722.33 万元", "shenzhen-keji-2026-dept-yusuan"),
    ("Which is the largest item of project expenditure of the Shenzhen Science and Technology Innovation Bureau in 2026?",
     "深圳市科技创新局2026年哪一项项目支出最多？", "530850 万元", "shenzhen-keji-2026-dept-yusuan"),
    ("What is the 2026 general public budget appropriation of the Shenzhen Finance Bureau?",
     "深圳市财政局2026年一般公共预算拨款是多少？", "36989.05 万元", "shenzhen-caizheng-2026-dept-yusuan"),
    ("What is the 2026 general public budget of the Shenzhen Finance Bureau?",
     "深圳市财政局2026年一般公共预算拨款是多少？", "36989.05 万元", "shenzhen-caizheng-2026-dept-yusuan"),
    ("How much are the Shenzhen Finance Bureau's 2026 government-managed funds?",
     "深圳市财政局2026年政府性基金预算拨款是多少？", "0 万元", "shenzhen-caizheng-2026-dept-yusuan"),
    ("What are the Shenzhen Finance Bureau's state capital operations in 2026?",
     "深圳市财政局2026年国有资本经营预算拨款是多少？", "0 万元", "shenzhen-caizheng-2026-dept-yusuan"),
    ("What are the carried-over balances of the Shenzhen Finance Bureau in 2026?",
     "深圳市财政局2026年上年结转是多少？", "396.83 万元", "shenzhen-caizheng-2026-dept-yusuan"),
    ("What are the Shenzhen Finance Bureau's carryover funds in 2026?",
     "深圳市财政局2026年上年结转是多少？", "396.83 万元", "shenzhen-caizheng-2026-dept-yusuan"),
    ("What are the 2026 training fees of the Shenzhen Finance Bureau?",
     "深圳市财政局2026年培训费是多少？", "300.67 万元", "shenzhen-caizheng-2026-dept-yusuan"),
    ("How much are the Shenzhen Finance Bureau's meeting expenses in 2026?",
     "深圳市财政局2026年会议费是多少？", "46.8 万元", "shenzhen-caizheng-2026-dept-yusuan"),
    ("Shenzhen Finance Bureau 2026 budget for official receptions?",
     "深圳市财政局2026年预算公务接待费是多少？", "9.46 万元", "shenzhen-caizheng-2026-dept-yusuan"),
    ("How much is the Shenzhen Finance Bureau's 2026 budget for overseas official trips?",
     "深圳市财政局2026年预算因公出国（境）费是多少？", "41.6 万元", "shenzhen-caizheng-2026-dept-yusuan"),
    ("How much has the Beijing Municipal Finance Bureau budgeted for official receptions in 2026?",
     "北京市财政局2026年预算公务接待费是多少？", "11.64 万元", "beijing-caizheng-2026-dept-yusuan"),
    ("What is the total expenditure of the Shanghai Putuo District Social Welfare Institute in 2024?",
     "上海市普陀区社会福利院2024年支出总计是多少？", "12121164 元", "fuliyuan-2024-danwei-yusuan"),
    ("How much is the Putuo District Social Welfare Institute's total 2024 budget?",
     "普陀区社会福利院2024年预算支出总计是多少？", "12121164 元", "fuliyuan-2024-danwei-yusuan"),
    ("How much are the Wanli Sub-district's three public expenses per month in 2024?",
     "万里街道2024年“三公”经费平均每月是多少？", "3.99 万元", "wanli-2024-yusuan"),
    ("What is the monthly three public expenses of the Wanli Sub-district in 2024?",
     "万里街道2024年“三公”经费平均每月是多少？", "3.99 万元", "wanli-2024-yusuan"),
    ("What was Wanli Subdistrict's 2023 budget for the 'three public expenses'?",
     "万里街道2023年预算“三公”经费是多少？", "22.91 万元", "wanli-2023-yusuan"),
    ("What is the Wuxi Human Resources and Social Security Bureau's 2026 spending on 技校教育?",
     "无锡市人力资源和社会保障局2026年技校教育是多少？", "11543.08 万元", ""),
    ("What is the Wuxi human resources and social security bureau's 2026 technical school education expenditure?",
     "无锡市人力资源和社会保障局2026年技校教育是多少？", "11543.08 万元", ""),
    ("How much is the Wuxi Human Resources and Social Security Bureau's 2026 social security and employment expenditure?",
     "无锡市人力资源和社会保障局2026年社会保障和就业支出是多少？", "133900.25 万元", ""),
    ("What is the housing provident fund of the Wuxi Human Resources and Social Security Bureau in 2026?",
     "无锡市人力资源和社会保障局2026年住房公积金是多少？", "1834.32 万元", ""),
    ("How much is the 2026 housing provident fund of the Wuxi human resources bureau?",
     "无锡市人力资源和社会保障局2026年住房公积金是多少？", "1834.32 万元", ""),
    ("What is the total revenue of the Wuxi Transport Bureau in 2026?",
     "无锡市交通运输局2026年收入总计是多少？", "984760.87 万元", ""),
    ("What is the 2026 revenue of the Wuxi Transport and Communications Bureau?",
     "无锡市交通运输局2026年收入总计是多少？", "984760.87 万元", ""),
    ("What is the 2026 total expenditure of the Wuxi Transport Bureau compared with last year?",
     "无锡市交通运输局2026年支出总计比上年增减多少？", "108584.28 万元", ""),
    ("How many vehicles does the Yantai Audit Bureau have in 2026?", "烟台市审计局2026年车辆数有多少？", "0 辆", ""),
    ("What is the number of vehicles of the Yantai Audit Bureau in 2026?", "烟台市审计局2026年车辆数有多少？", "0 辆", ""),
    ("What are the operating expenses of government organs of the Yantai Audit Bureau in 2026?",
     "烟台市审计局2026年机关运行经费是多少？", "210.32 万元", ""),
    ("What are the 2026 operating expenses of government organs of the Yantai audit office?",
     "烟台市审计局2026年机关运行经费是多少？", "210.32 万元", ""),
    ("How much did the Yantai Audit Bureau's total expenditure increase compared with 2025 in 2026?",
     "烟台市审计局2026年支出总计比上年增加多少？", "118.76 万元", ""),
    ("What is the share of project expenditure of the Yantai Audit Bureau in 2026?",
     "烟台市审计局2026年项目支出占比是多少？", "21.96 %", ""),
    ("What is the Yantai Audit Bureau's 2026 government procurement budget?",
     "烟台市审计局2026年预算政府采购是多少？", "5.8 万元", ""),
    ("What is the 2026 government procurement of goods of the Yantai Audit Bureau?",
     "烟台市审计局2026年政府采购货物是多少？", "3.8 万元", ""),
    ("What is the 2026 government procurement of services of the Yantai Audit Bureau?",
     "烟台市审计局2026年政府采购服务是多少？", "2 万元", ""),
    ("Yantai Audit Bureau: how much is budgeted for official receptions in 2026?",
     "烟台市审计局2026年预算公务接待费是多少？", "3.4 万元", ""),
    ("What are the internal departments of the Putuo District Social Welfare Institute in 2024?",
     "普陀区社会福利院2024年内设机构有哪些？", "text 院长室、办公室、财务室、后勤部、护理部", "fuliyuan-2024-danwei-yusuan"),
    ("List the performance targets of the Yantai Audit Bureau in 2026.", "烟台市审计局2026年绩效目标有哪些？", "text 绩效目标管理", ""),
    ("Why did the Yantai Audit Bureau's operating expenses of government organs increase in 2026?",
     "烟台市审计局2026年机关运行经费为什么增加？", "text 主要原因是人员增加", ""),
    ("Why did the total expenditure of the Yantai Audit Bureau increase in 2026 compared with last year?",
     "烟台市审计局2026年支出总计为什么增加？", "text 单位人员工资调整", ""),
    ("What is the 2026 total expenditure of the Beijing Municipal Commission of Transport?",
     "北京市交通委员会2026年支出总计是多少？", "1448787.35 万元", ""),
    ("What is the 2026 total expenditure of the Beijing Transport Commission?",
     "北京市交通委员会2026年支出总计是多少？", "1448787.35 万元", ""),
    ("How much is the 2026 budget of Beijing Municipal Commission of Transport for official receptions?",
     "北京市交通委员会2026年预算公务接待费是多少？", "3.55 万元", ""),
    ("What are the three public expenses of the Beijing Letters and Calls Office in 2026?",
     "北京市信访办公室2026年“三公”经费是多少？", "17.7 万元", ""),
    ("How much are the 2026 three public expenses of the Beijing petition office?",
     "北京市信访办公室2026年“三公”经费是多少？", "17.7 万元", ""),
    ("What is the total expenditure of the Chongqing Water Resources Bureau in 2026?",
     "重庆市水利局2026年支出总计是多少？", "186549.3 万元", ""),
    ("What is the 2026 budget of the Chongqing Water Resources Bureau for social security and employment?",
     "重庆市水利局2026年预算社会保障和就业支出是多少？", "5932.26 万元", ""),
    ("What is the 2026 total expenditure of the Fuzhou Public Security Bureau's Public Order Detachment?",
     "福州市公安局治安管理支队2026年支出总计是多少？", "2796.14 万元", ""),
    ("What is the Fuzhou Public Security Bureau Public Order Detachment's 2026 total expenditure?",
     "福州市公安局治安管理支队2026年支出总计是多少？", "2796.14 万元", ""),
    ("What was the total expenditure of the Xi'an Civil Affairs Bureau in 2021?",
     "西安市民政局2021年支出总计是多少？", "872031967.2 元", ""),
    ("How much did the Putuo District Party Committee's Social Work Department spend in 2024?",
     "普陀区委社会工作部2024年决算支出总计是多少？", "307.82 万元", "shegongbu-2024-juesuan"),
    ("How much is the total 2024 income budget of the Putuo District Social Welfare Institute?",
     "普陀区社会福利院2024年预算收入总计是多少？", "12121164 元", "fuliyuan-2024-danwei-yusuan"),
    ("How many budget units does the Wuxi Human Resources and Social Security Bureau have in 2026?",
     "无锡市人力资源和社会保障局2026年预算单位是多少？", "8 家", ""),
    ("What is the 2026 general public budget appropriation revenue of the Wuxi Transport Bureau?",
     "无锡市交通运输局2026年一般公共预算拨款是多少？", "196278.67 万元", ""),
    ("What is the 2019 final accounts total expenditure of the Foshan Rail Transit Bureau?",
     "佛山市轨道交通局2019年决算支出总计是多少？", "1668.14 万元", ""),
    ("How much did Wanli Subdistrict budget for public legal services (公共法律服务) in 2024?",  # round 8 r8a058
     "万里街道2024年预算公共法律服务是多少？", "300000 元", "wanli-2024-yusuan"),
    ("What was the completion rate of the Putuo Social Work Department's housing provident fund (住房公积金) spending "
     "in 2024?", "普陀区委社会工作部2024年住房公积金完成率是多少？", "97.68 %", "shegongbu-2024-juesuan"),  # r8a035
    ("How many project performance targets did the Shenzhen Science and Technology Innovation Bureau set for 2026?",
     "深圳市科技创新局2026年项目绩效目标是多少？", "11 个", "shenzhen-keji-2026-dept-yusuan"),  # r8a115
    ("Wuxi transport bureau 2026: how much is budgeted for highway construction (公路建设)?",
     "无锡市交通运输局2026年预算公路建设是多少？", "43882 万元", ""),  # r8c022
    ("What was the Foshan Rail Transit Bureau's total 2019 final-accounts expenditure on transportation (交通运输支出)?",
     "佛山市轨道交通局2019年决算交通运输支出是多少？", "1531.04 万元", ""),  # r8c095
    ("Did Foshan Rail Transit Bureau buy anything through government procurement in 2019?",
     "佛山市轨道交通局2019年政府采购是多少？", "0 万元", ""),  # r8c135
    ("Did the Beijing Letters and Calls Office budget anything for official cars in 2026?",
     "北京市信访办公室2026年预算公务用车购置及运行费是多少？", "0 万元", ""),  # r8b213
    ("How many vehicles did the Beijing Municipal Commission of Transport have at the end of 2025?",
     "北京市交通委员会截至2025年底车辆数有多少？", "328 台", ""),  # r8b210
    ("What share of Wuxi Transport Bureau's 2026 revenue comes from the general public budget?",
     "无锡市交通运输局2026年一般公共预算拨款占比是多少？", "19.93 %", ""),  # r5a091
    ("How many budget units are included in the Wuxi Human Resources and Social Security Bureau's 2026 budget?",
     "无锡市人力资源和社会保障局2026年预算预算单位是多少？", "8 家", ""),  # round 4 r4b090
    ("What is the 2026 budget of Shenzhen Science and Technology Innovation Bureau for the natural science fund?",
     "深圳市科技创新局2026年预算自然科学基金是多少？", "58586 万元", "shenzhen-keji-2026-dept-yusuan"),  # r7b051
    ("How many pieces of equipment over 1 million yuan does the Beijing Municipal Commission of Transport have?",
     "北京市交通委员会单位价值100万元以上的设备有多少台？", "118 台（套）", ""),
    ("Which of the loaded Beijing departments has the largest 2026 budget?", "北京市哪个部门2026年预算最多？",
     "text 北京市交通委员会", ""),  # r5b222
    ("How much is the 2026 departmental budget of the Shenzhen Science and Technology Innovation Bureau?",
     "深圳市科技创新局2026年部门预算是多少？", "991722.33 万元", "shenzhen-keji-2026-dept-yusuan"),  # r12a190
    ("Shenzhen 财政局 2026 年 government procurement budget 多少？", "深圳市财政局2026年预算政府采购是多少？",
     "3790.75 万元", "shenzhen-caizheng-2026-dept-yusuan"),  # r12a196: Chinese with English words, read in full
    ("How much did the Putuo District Social Welfare Institute budget for electricity in 2024, in yuan?",
     "普陀区社会福利院2024年预算电费是多少元？", "320000 元", "fuliyuan-2024-danwei-yusuan"),  # r9a016
    ("Does the Putuo District Social Work Department own any vehicles?", "普陀区委社会工作部车辆数有多少？",
     "0 辆", "shegongbu-2024-juesuan"),  # r9a169
    ("How much did the Foshan Rail Transit Bureau actually spend on official hospitality in 2019?",
     "佛山市轨道交通局2019年决算公务接待费是多少？", "0.16 万元", ""),  # r12c146
    ("How many projects at the Wuxi Transport Bureau are under performance-target management?",
     "无锡市交通运输局纳入绩效目标管理的项目是多少？", "38 个", ""),  # r12c150
    ("How many projects of the Wuxi Human Resources and Social Security Bureau are under performance-target "
     "management in 2026?", "无锡市人力资源和社会保障局2026年纳入绩效目标管理的项目是多少？", "115 个", ""),  # r8c044
    ("What are the 'three public expenses' (三公经费) of the Chongqing Water Resources Bureau for 2026, and how did "
     "they change?", "重庆市水利局2026年“三公”经费是多少？“三公”经费比上年增减多少？", "text 减少", ""),  # r12a193
    ("What was the Xi'an Development and Reform Commission's meeting-expense budget for 2019?",
     "西安市发展和改革委员会2019年预算会议费是多少？", "174.6 万元", ""),  # r9b189: "expense" of "meeting expenses"
    ("Which department in the store has the largest 2026 budget for official vehicles purchase and operation?",
     "哪个部门2026年预算公务用车购置及运行费最多？", "text 北京市交通委员会", ""),  # r7c162
    ("What is the 2026 budget of the Fuzhou Public Security Bureau's Public Order Management Detachment, and what "
     "share goes to basic expenditure?", "福州市公安局治安管理支队2026年预算是多少？基本支出占比是多少？",
     "2796.14 万元", ""),  # r7c092
]  # fmt: skip


@pytest.mark.parametrize(("question", "asked"), [q[:2] for q in QUESTIONS])
def test_an_english_question_of_a_tuning_document_is_read(question: str, asked: str) -> None:
    assert chinese(question) == asked


@pytest.fixture(scope="module")
def real_english(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    names = sorted({q[3] for q in QUESTIONS if q[3]})
    store = store_of(tmp_path_factory.mktemp("english") / "store", *(REAL / f"{name}.pdf" for name in names))
    return Engine(Settings(store=store))


@pytest.mark.slow
@pytest.mark.parametrize(("question", "expected"), [(q[0], q[2]) for q in QUESTIONS if q[3]])
def test_an_english_question_is_answered_from_the_real_pdf(real_english: Engine, question: str, expected: str) -> None:
    a = real_english.answer(question)
    assert not a.refused, a.text
    kind, said = expected.split(maxsplit=1)
    if kind == "text":
        assert said in a.text, a.text
    else:
        assert (a.value, a.unit) == (Decimal(kind), said), a.text


# --- joined questions, brackets, frames ---------------------------------------------------------------

A_AND_B = "the Beijing Municipal Commission of Transport and the Beijing Civil Affairs Bureau"


@pytest.mark.parametrize(("measure", "ask"), list(GLOSSARY["pair"].items()))
def test_two_named_departments_are_asked_as_the_across_reader_asks(measure: str, ask: str) -> None:
    en = {z: e for e, z in GLOSSARY["measure"].items() if len(words(e)) == 1}.get(measure, "")
    q = f"What is the {en} 2026 budget of {A_AND_B}?"
    assert chinese(q) == f"北京市交通委员会和北京市民政局2026年预算{ask}？"


def test_the_bare_total_of_two_departments_is_their_sum_and_a_total_subject_is_each() -> None:
    assert chinese(f"What is the total of the 2026 budgets of {A_AND_B}?") == (
        "北京市交通委员会和北京市民政局2026年预算合计是多少？"
    )
    assert chinese(f"What is the 2026 total expenditure of {A_AND_B}?") == (
        "北京市交通委员会和北京市民政局2026年支出总计分别是多少？"
    )


def test_a_place_said_once_is_every_named_department_s() -> None:
    q = "Which is bigger in 2026, the Beijing Commission of Transport's budget or Civil Affairs Bureau's?"
    assert chinese(q) == "北京市交通委员会和北京市民政局2026年预算哪个多？"  # "A or B", asked which is more
    q = "Which of the Beijing Commission of Transport and Civil Affairs Bureau has the bigger 2026 budget?"
    assert chinese(q) == "北京市交通委员会和北京市民政局2026年预算哪个多？"


def test_departments_asked_what_is_not_asked_of_several_are_refused_naming_and() -> None:
    for q in (
        f"What is the share of project expenditure of {A_AND_B} in 2026?",  # a share of each: not asked together
        f"How much did the project expenditure of {A_AND_B} increase compared with last year?",
        "What is the 2026 project expenditure of the Beijing Civil Affairs Bureau and the basic expenditure of "
        "the Beijing Municipal Commission of Transport?",  # two subjects of two departments
        f"What is the 2026 budget of {A_AND_B} and the Beijing Civil Affairs Bureau?",  # one named twice
    ):
        assert chinese(q) == "", q
        assert refusal(q).startswith("我没能理解英文问题中的“and”"), q


@pytest.mark.parametrize(("en", "who"), list(GLOSSARY["across"].items()))
def test_departments_in_general_are_ranked_or_summed(en: str, who: str) -> None:
    assert chinese(f"{en} with the largest 2026 budget?") == "哪个部门2026年预算最多？"
    assert chinese(f"{en} with the smallest 2026 budget in Beijing?") == "北京市哪个部门2026年预算最少？"
    summed = chinese(f"What is the combined 2026 budget of {en}?")
    assert summed == ("各部门2026年预算合计是多少？" if who == "各部门" else "")  # "which department": a ranking
    assert chinese(f"What is the 2026 budget of {en}?") == ""  # each of every department: not asked
    assert chinese(f"What is the largest 2026 budget of {en} of the Beijing Finance Bureau?") == ""


@pytest.mark.parametrize(("measure", "ask"), list(GLOSSARY["all"].items()))
def test_each_ask_of_departments_in_general(measure: str, ask: str) -> None:
    en = {z: e for e, z in GLOSSARY["measure"].items() if len(words(e)) == 1}[measure]
    who = "哪个部门" if ask.startswith("最") else "各部门"
    assert chinese(f"What is the {en} 2026 budget of all departments in the store?") == f"{who}2026年预算{ask}？"


def test_a_question_of_one_department_joined_by_and_is_two_clauses() -> None:
    q = "What is the 2026 project expenditure of the Shenzhen Finance Bureau, and how much did it increase?"
    assert chinese(q) == "深圳市财政局2026年项目支出是多少？项目支出比上年增加多少？"  # "it": the subject before
    q = "What was the Shenzhen Finance Bureau's 2026 project expenditure and why did project expenditure increase?"
    assert chinese(q) == "深圳市财政局2026年项目支出是多少？项目支出为什么增加？"
    q = "What are the 2026 training fees and the 2025 meeting fees of the Shenzhen Finance Bureau?"
    assert chinese(q) == "深圳市财政局2026年培训费是多少？深圳市财政局2025年会议费是多少？"
    q = "What is the Shenzhen Finance Bureau's 2026 budget and Beijing's 2026 budget?"
    assert chinese(q) == ""  # a clause of another place: not one department's
    assert chinese("And what is the Shenzhen Finance Bureau's 2026 total expenditure?") == (
        "深圳市财政局2026年支出总计是多少？"  # "And …" of a follow-up says nothing before it
    )


@pytest.mark.parametrize(("en", "zh"), list(GLOSSARY["asof"].items()))
def test_the_end_of_a_year_is_the_figure_as_of_that_day(en: str, zh: str) -> None:
    q = f"How many vehicles did the Beijing Municipal Commission of Transport have at the {en} of 2025?"
    assert chinese(q) == f"北京市交通委员会{zh.format(2025)}车辆数有多少？"
    q = f"How many vehicles did the Beijing Municipal Commission of Transport have at the {en} of the year?"
    assert chinese(q) == "" and refusal(q).startswith(f"我没能理解英文问题中的“{en}”")


@pytest.mark.parametrize("en", list(GLOSSARY["frame"]))
def test_each_frame_says_no_part(en: str) -> None:
    assert chinese(f"What is the total expenditure of the Shenzhen Finance Bureau in 2026 {en}?") == (
        "深圳市财政局2026年支出总计是多少？"
    )


@pytest.mark.parametrize("bracket", ["({})", "（{}）", "( {} )"])
def test_a_run_of_chinese_in_brackets_glosses_the_english_words_before_it(bracket: str) -> None:
    gloss = bracket.format("公共法律服务")
    assert chinese(f"How much did Wanli Subdistrict budget for public legal services {gloss} in 2024?") == (
        "万里街道2024年预算公共法律服务是多少？"
    )
    q = f"How much did Wanli Subdistrict budget for public legal services {gloss} and official receptions in 2024?"
    assert chinese(q) == "万里街道2024年预算公共法律服务是多少？公务接待费是多少？"
    # a gloss the English read says otherwise: two subjects, not read
    assert chinese(f"What is the Shenzhen Finance Bureau's 2026 official reception {bracket.format('会议费')}?") == ""
    # a gloss of what the English read, written without its quotation marks: the same subject
    q = f"How much is the Shenzhen Finance Bureau's 2026 budget for 'three public expenses' {bracket.format('三公经费')}?"
    assert chinese(q) == "深圳市财政局2026年预算“三公”经费是多少？"
    q = f"What is the Shenzhen Finance Bureau's 2026 official reception {bracket.format('会议费')}?"
    assert refusal(q).startswith("我没能理解英文问题中的“会议费”")  # named as written
    # words not followed by a gloss are still named
    assert refusal("How much did Wanli Subdistrict budget for public legal services in 2024?").startswith(
        "我没能理解英文问题中的“public”"
    )


@pytest.mark.parametrize("word", GLOSSARY["chinese"]["unglossed"])
def test_a_word_that_changes_what_is_asked_is_never_glossed(word: str) -> None:
    q = f"What is the Shenzhen Finance Bureau's 2026 total expenditure {word} salaries (工资福利支出)?"
    assert chinese(q) == ""
    assert word not in GLOSSARY["filler"]


def test_a_bracket_inside_a_run_of_chinese_is_part_of_it() -> None:
    q = "What is the Shenzhen Finance Bureau's 2026 budget for 因公出国（境）费?"
    assert chinese(q) == "深圳市财政局2026年预算因公出国（境）费是多少？"


def test_final_expenditure_is_the_final_accounts() -> None:  # round 10 r10a173: 307.82 万元 on the 决算
    q = "What was the total 2024 final expenditure of the Putuo District Social Work Department?"
    assert chinese(q) == "普陀区委社会工作部2024年决算支出总计是多少？"


@pytest.mark.parametrize("scope", GLOSSARY["chinese"]["scopes"])
def test_a_scope_in_brackets_is_part_of_the_department_s_name(scope: str) -> None:  # round 10 r10c159
    q = f"What is the total 2026 budget of the Wuxi Transport Bureau ({scope})?"
    assert chinese(q) == f"无锡市交通运输局（{scope}）2026年预算支出总计是多少？"


def test_a_unit_of_measure_is_asked_only_of_a_figure() -> None:  # round 10 r10a176, round 9 r9b185
    assert chinese("How much is Wanli subdistrict's 2024 budget in yuan?") == "万里街道2024年预算是多少元？"
    assert chinese("Which has the bigger 2026 budget in yuan: Shenzhen Finance Bureau or Wuxi Audit Bureau?") == ""
    assert "“us”" in refusal("What is the Shenzhen Finance Bureau's 2026 budget in US dollars?")


def test_a_gloss_in_brackets_restates_the_subject_just_read_or_names_a_part_of_it() -> None:  # r10b192, r10b030
    q = "Beijing Petition Office 2026 budget for official vehicles (公务用车购置和运行维护费) — how much?"
    assert chinese(q) == "北京市信访办公室2026年预算公务用车购置和运行维护费是多少？"
    q = "How much is the Beijing Commission of Transport's 2026 government procurement budget for engineering (工程)?"
    assert chinese(q) == "北京市交通委员会2026年预算政府采购中的工程是多少？"
    q = "What is the total 2026 budget for engineering (工程) of the Beijing Commission of Transport?"
    assert chinese(q) == "北京市交通委员会2026年预算工程是多少？"  # the bare "total" gives way


def test_two_departments_joined_by_or_are_asked_only_which_is_more() -> None:  # round 10 r10a174, r10c162
    q = "Which spends more on government procurement in 2026: Wuxi HR & Social Security Bureau or Shenzhen Finance Bureau?"
    assert chinese(q) == "无锡市人力资源和社会保障局和深圳市财政局2026年政府采购哪个多？"
    q = "Which has the smaller 2026 budget: Beijing Transport Commission or Shenzhen finance bureau?"
    assert chinese(q) == "北京市交通委员会和深圳市财政局2026年预算哪个少？"
    q = "What is the 2026 budget of the Beijing Transport Commission or the Shenzhen Finance Bureau?"
    assert chinese(q) == "" and "“or”" in refusal(q)
    assert (
        chinese("What is the 2026 project expenditure or the basic expenditure of the Shenzhen Finance Bureau?") == ""
    )


def test_chinese_in_brackets_after_english_words_leaves_the_question_english() -> None:
    from assistant.topic import foreign

    assert foreign("Beijing Petition Office 2026 budget for official vehicles (公务用车购置和运行维护费) — how much?")
    assert not foreign("北京市信访办公室（Beijing Petition Office）公务用车购置和运行维护费是多少？")


@pytest.mark.parametrize(("en", "zh"), list(GLOSSARY["bought"].items()))
def test_a_purchase_word_asks_the_count_bought_never_held(en: str, zh: str) -> None:
    """r11b066: "plan to buy any equipment worth over 1 million yuan" is the 购置 count (0), never the 5 held."""
    q = f"How many equipment worth over 1 million yuan does the Beijing Petition Office {en} in 2026?"
    assert chinese(q) == f"北京市信访办公室2026年{zh}多少台单位价值100万元以上的设备？"
    assert (
        chinese(f"How many vehicles does the Beijing Finance Bureau {en} in 2026?")
        == f"北京市财政局2026年{zh}多少辆车？"
    )


@pytest.mark.parametrize(("subject", "ask"), list(GLOSSARY["bought_asks"].items()))
def test_each_counted_subject_bought_is_asked_with_the_verb(subject: str, ask: str) -> None:
    en = next(en for en, zh in GLOSSARY["subject"].items() if zh == subject)
    q = f"How many {en} does the Beijing Finance Bureau plan to buy in 2026?"
    assert chinese(q) == f"北京市财政局2026年预算{ask.format('购置')}？"
    q = f"How many {en} does the Beijing Finance Bureau have in 2026?"  # no purchase word: what is held
    assert chinese(q) == f"北京市财政局2026年{subject}{GLOSSARY['asks'].get(subject, '是多少')}？"


@pytest.mark.parametrize("en", ["vehicle purchase", "vehicle purchases", "car purchase"])
def test_a_vehicle_purchase_budget_is_money_never_the_count_bought(en: str) -> None:
    """r9c024: "budget for vehicle purchase" is the 公务用车购置费 (17.98 万元), never 购置多少辆车."""
    q = f"How much did Wuxi's human resources and social security bureau budget for {en} in 2026?"
    assert chinese(q) == "无锡市人力资源和社会保障局2026年预算公务用车购置费是多少？"


def test_a_gloss_holding_a_bracket_of_its_own_is_the_start_of_the_name_read() -> None:  # round 11 r11b018
    q = "What is the Beijing Municipal Finance Bureau's 2026 budget for official overseas trips (因公出国（境）)?"
    assert chinese(q) == "北京市财政局2026年预算因公出国（境）费是多少？"  # 127.74 万元 on p8
    q = "What is the Beijing Municipal Finance Bureau's 2026 budget for official overseas trips (因公出国（境）费用)?"
    assert chinese(q) == "北京市财政局2026年预算因公出国（境）费用是多少？"  # the name as printed


@pytest.mark.parametrize(
    ("subject", "en", "part"), [(s, en, p) for s, parts in GLOSSARY["within"].items() for en, p in parts.items()]
)
def test_a_word_names_a_part_of_the_subject_said_before_it(subject: str, en: str, part: str) -> None:
    """round 11 r11c141: 烟台审计局 2026 p28 prints 政府采购预算5.8万元 … 政府采购服务预算2万元."""
    said = next(e for e, z in GLOSSARY["subject"].items() if z == subject)
    q = f"What is the {said} budget of the Yantai Audit Bureau for 2026, and how much of it is {en}?"
    assert chinese(q) == f"烟台市审计局2026年预算{subject}是多少？{part}是多少？"
    assert chinese(f"What is the {said} budget of the Yantai Audit Bureau for {en} in 2026?") == (
        f"烟台市审计局2026年预算{part}是多少？"
    )
    assert chinese(f"How much of the Yantai Audit Bureau's 2026 budget is {en}?") == ""  # a part of nothing said
    assert f"“{en}”" in refusal(f"How much of the Yantai Audit Bureau's 2026 budget is {en}?")


@pytest.mark.parametrize(("measure", "ask"), list(GLOSSARY["which_of_two"].items()))
def test_two_items_of_one_department_joined_by_or_are_asked_their_difference(measure: str, ask: str) -> None:
    """round 11 r11c142: 无锡交通局 2026 表4 prints 政府性基金预算拨款 143,999 and 国有资本经营预算拨款 32,640."""
    en = {z: e for e, z in GLOSSARY["measure"].items() if len(words(e)) == 1}[measure]
    q = f"Which is {en} in 2026, the Wuxi Transport Bureau's government fund budget or its state capital operating budget?"
    assert chinese(q) == "无锡市交通运输局2026年" + ask.format("政府性基金预算拨款", "国有资本经营预算拨款") + "？"
    # another department's item: two departments asked, never one department's difference
    q = f"Which is {en} in 2026, the Wuxi Transport Bureau's project expenditure or the Yantai Audit Bureau's basic expenditure?"
    assert chinese(q) == ""


def test_two_items_joined_by_or_without_which_is_more_are_not_read() -> None:
    q = "What is the 2026 project expenditure or the basic expenditure of the Shenzhen Finance Bureau?"
    assert chinese(q) == "" and "“or”" in refusal(q)
    q = "Which grew more, the Wuxi Transport Bureau's project expenditure or its basic expenditure?"
    assert chinese(q) == ""


def test_departments_in_general_are_ranked_by_a_subject_too() -> None:  # round 11 r11b194 ("Among …")
    q = "Among the Wuxi departments, which has the largest project expenditure in 2026?"
    assert chinese(q) == "无锡市哪个部门2026年项目支出最多？"
    assert chinese("Which department has the smallest basic expenditure in 2026?") == "哪个部门2026年基本支出最少？"


def test_compare_asks_each_of_the_departments_named() -> None:  # round 11 r11b195
    q = "Compare the 2026 'three public expenses' budgets of the Wuxi Transport Bureau and the Beijing Petition Office."
    assert chinese(q) == "无锡市交通运输局和北京市信访办公室2026年预算“三公”经费分别是多少？"


def test_a_growth_target_is_the_target_stated() -> (
    None
):  # round 11 r11b112: 西安发改委 2019 p6 "全市生产总值增长7.8%以上"
    q = "What GDP growth target did the Xi'an Development and Reform Commission set for 2019?"
    assert chinese(q) == "西安市发展和改革委员会2019年生产总值增长目标是多少？"


def test_other_income_is_the_subject_not_the_whole_income() -> None:  # round 11 r11c183: 62.13% on p34
    q = "What share of the Wuxi Transport Bureau's 2026 income comes from 'other income'?"
    assert chinese(q) == "无锡市交通运输局2026年其他收入占比是多少？"


# --- counted nouns, the Chinese ask, words in the other number, Chinese with English words (round 12) --------


@pytest.mark.parametrize(("en", "zh"), list(GLOSSARY["counted"].items()))
def test_a_counted_noun_is_read_only_when_the_subject_names_it(en: str, zh: str) -> None:
    q = f"How many {en} at the Wuxi Transport Bureau are under performance target management?"
    assert chinese(q) == "无锡市交通运输局纳入绩效目标管理的项目是多少？" and "纳入绩效目标管理的项目".endswith(zh)
    for other in (  # no subject, or one that is not what is counted ("项目支出" is money, not projects)
        f"How many {en} does the Wuxi Transport Bureau have?",
        f"How many {en} of the Wuxi Transport Bureau have project expenditure?",
    ):
        assert chinese(other) == "" and refusal(other).startswith(f"我没能理解英文问题中的“{en}”"), other


def test_a_counted_noun_is_no_entry_s_word() -> None:  # an entry is read first: the noun would never be
    assert not {words for words, _, _ in _phrases()} & {(en,) for en in GLOSSARY["counted"]}


@pytest.mark.parametrize("ask", GLOSSARY["chinese"]["asks"])
def test_a_run_of_chinese_that_is_the_ask_says_no_part(ask: str) -> None:
    assert chinese(f"Shenzhen 财政局 2026 年 total expenditure {ask}？") == "深圳市财政局2026年支出总计是多少？"


def test_chinese_with_english_words_is_read_as_english_only_in_full() -> None:
    assert chinese("深圳市财政局2026年total expenditure是多少？") == "深圳市财政局2026年支出总计是多少？"
    # one English word, a gloss in brackets, or a word the glossary does not know: the Chinese reader's
    assert chinese("深圳市财政局2026年GDP是多少？") == ""
    assert chinese("深圳科创局2026年的capex（资本性支出）是多少？") == ""
    assert chinese("Shenzhen 财政局 2026 年 capex budget 多少？") == ""


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("meeting expense", "会议费"),  # the last word singular (round 9 r9b189)
        ("official vehicles purchase and operation", "公务用车购置及运行费"),  # another word plural (round 7 r7c162)
        ("official receptions expense", ""),  # two words changed: not an entry
    ],
)
def test_a_subject_is_read_with_one_of_its_words_in_the_other_number(en: str, zh: str) -> None:
    q = f"What is the {en} of the Shenzhen Finance Bureau in 2026?"
    assert chinese(q) == (f"深圳市财政局2026年{zh}是多少？" if zh else "")


def test_a_one_word_subject_is_not_read_in_the_other_number() -> None:
    assert chinese("What is the totals of the Shenzhen Finance Bureau in 2026?") == ""


@pytest.mark.parametrize("held", sorted(glossary()["held_as"]))
def test_a_count_or_a_holding_asked_of_money_asks_what_is_held(held: str) -> None:  # round 13 r13c223
    counted = glossary()["held_as"][held]
    en = next(en for en, zh in glossary()["subject"].items() if zh == held)
    for q in (
        f"Does the Yantai Audit Bureau have any {en}?",
        f"How many {en} does the Yantai Audit Bureau have?",
        f"What is the number of {en} of the Yantai Audit Bureau?",
    ):
        assert chinese(q) == f"烟台市审计局{counted}{glossary()['asks'].get(counted, '是多少')}？", q
    assert chinese(f"How much are the {en} of the Yantai Audit Bureau?") == f"烟台市审计局{held}是多少？"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "How many vehicles does the Chongqing Water Resources Bureau (重庆市水利局) have?",
            "重庆市水利局车辆数有多少？",
        ),
        (
            "How many vehicles does the Shenzhen Water Resources Bureau (深圳市水务局) have?",
            "深圳市水务局车辆数有多少？",
        ),
    ],
)
def test_a_department_glossed_in_chinese_is_named_as_glossed(question: str, asked: str) -> None:  # r14c171
    assert chinese(question) == asked


@pytest.mark.slow
def test_a_registry_subject_asked_by_another_of_its_names_is_answered(store_real) -> None:  # type: ignore[no-untyped-def]
    # round 15 r15b024: 福利院 2024 prints 公务用车运行费 6.40; "运行维护费" (its other name) was "no such 科目"
    engine = Engine(Settings(store=store_real))
    for q in (
        "普陀区社会福利院2024年公务用车运行维护费预算多少？",
        "How much is the 2024 budget of the Putuo District Social Welfare Home for running official vehicles?",
    ):
        a = engine.answer(q)
        assert (a.value, a.unit, a.refused) == (Decimal("6.40"), "万元", False), a.text
