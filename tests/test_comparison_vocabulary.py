"""narrative.toml's [comparison] vocabulary: one test per list, each read by the regex built from it, with the
list's example and with each of its words."""

import pytest

from assistant.narrative import (
    AGAINST,
    ASKED_OFF,
    CLAUSE,
    LEAD,
    RATE_OR_AMOUNT,
    TRAIL,
    _data,
    asked,
    asked_basis,
)
from assistant.prior_text import LEVEL

VOCAB = _data()["comparison"]


@pytest.mark.parametrize("word", VOCAB["links"])
def test_links_open_a_comparison(word: str) -> None:
    assert CLAUSE.search(f"支出预算100万元，{word}上年增加20万元")
    assert AGAINST.search(VOCAB["links_example"])


CLAUSE_SLOTS = [  # (list, its example's key, a clause with a word of it, the group it fills, the example's reading)
    ("printed_years", "printed_years_example", "支出预算100万元，比{}增加20万元", "ref", ("change", "129.07")),
    ("change_verbs", "change_example", "支出预算100万元，比上年{}20万元", "verb", ("verb", "少")),
    ("rate_verbs", "rate_example", "支出预算100万元，比上年减少20万元，{}16.67%", "rverb", ("rverb", "降幅")),
]


@pytest.mark.parametrize(
    ("word", "example", "clause", "group", "reading"),
    [(w, x, c, g, r) for n, x, c, g, r in CLAUSE_SLOTS for w in VOCAB[n]],
)
def test_each_clause_word(word: str, example: str, clause: str, group: str, reading: tuple[str, str]) -> None:
    m = CLAUSE.search(clause.format(word))
    assert m and m.group(group) == word
    m = CLAUSE.search(VOCAB[example])
    assert m and m.group(reading[0]) == reading[1]


@pytest.mark.parametrize("word", VOCAB["year_parts"])
def test_year_parts(word: str) -> None:
    m = LEVEL.search(f"2023年{word}预算执行数为45.00万元")
    assert m and m.group("basis") == "预算执行数"
    assert LEVEL.search(VOCAB["year_parts_example"])


@pytest.mark.parametrize("word", VOCAB["printed_bases"])
def test_printed_bases(word: str) -> None:
    m = LEVEL.search(f"2023年{word}为40.00万元")
    assert m and m.group("basis") == word and m.group("value") == "40.00"
    m = LEVEL.search(VOCAB["printed_bases_example"])
    assert m and m.group("basis") == "年初预算数"


@pytest.mark.parametrize("word", VOCAB["asked_bases"])
def test_asked_bases(word: str) -> None:
    m = AGAINST.search(f"培训费比2023年{word}增长了多少")
    assert m and m.group(0).endswith(word)
    assert "同期" not in asked(VOCAB["asked_bases_example"])


def test_asked_basis_of_an_asked_base() -> None:
    assert asked_basis("培训费比2023年实际支出数增长了多少") == "执行数"


@pytest.mark.parametrize("word", VOCAB["asked_change_verbs"])
def test_asked_change_verbs(word: str) -> None:
    assert word not in asked(f"会议费{word}了多少").replace("会议费", "")


@pytest.mark.parametrize("word", [*VOCAB["asked_change_amounts"], *VOCAB["asked_change_rates"]])
def test_asked_change_amounts_and_rates(word: str) -> None:
    assert ASKED_OFF.search(f"增加了{word}") or ASKED_OFF.search(f"的{word}")
    assert asked(f"会议费增加了{word}").strip() == "会议费" or asked(f"会议费的{word}").strip() == "会议费"
    assert asked(VOCAB["asked_change_example"]).strip() == "会议费"


@pytest.mark.parametrize("word", VOCAB["rate_or_amount_verbs"])
def test_rate_or_amount(word: str) -> None:
    assert RATE_OR_AMOUNT.search(f"培训费比上年{word}多少")
    assert RATE_OR_AMOUNT.search(VOCAB["rate_or_amount_example"])


@pytest.mark.parametrize("char", VOCAB["amount_after"])
def test_amount_after(char: str) -> None:
    assert not RATE_OR_AMOUNT.search(f"培训费比上年增长多少{char}")


@pytest.mark.parametrize("word", VOCAB["lead"])
def test_lead(word: str) -> None:
    m = LEAD.match(f"{word}收入预算")
    assert m and m.group(0) == word
    m = LEAD.match(VOCAB["lead_example"])
    assert m and m.group(0) == "本部门2024年"


@pytest.mark.parametrize("word", VOCAB["trail"])
def test_trail(word: str) -> None:
    assert TRAIL.search(f"收入预算{word}")
    m = TRAIL.search(VOCAB["trail_example"])
    assert m and m.group(0) == "预算数为"
