"""assistant/understand.toml: each cue list is read by the regex built from it — every word, and its example."""

import pytest

from assistant import understand
from assistant.understand import _WORDS

REGEXES = {
    "share": understand.SHARE,
    "per_head": understand.PER_HEAD,
    "sum": understand.SUM,
    "precise": understand.PRECISE,
    "target": understand.TARGET_WORDS,
    "direction": understand.DIRECTION,
    "this_one": understand.THIS_ONE,
    "difference": understand.DIFFERENCE_WORDS,
}


@pytest.mark.parametrize(("name", "word"), [(n, w) for n in REGEXES for w in _WORDS[n]])
def test_each_word_is_read(name: str, word: str) -> None:
    m = REGEXES[name].search(f"会议费{word}多少")
    assert m and m.group(0) == word
    assert REGEXES[name].search(_WORDS[f"{name}_example"])


def test_within_splits_at_a_path_step() -> None:
    m = understand.WITHIN.search("城乡社区支出下面的行政运行")
    assert m and (m.group(1), m.group(2)) == ("城乡社区支出", "行政运行")


@pytest.mark.slow
@pytest.mark.parametrize("word", _WORDS["not_share"])
def test_a_word_holding_zhan_asks_no_share(store_real, word: str) -> None:  # type: ignore[no-untyped-def]
    from assistant.answer import Engine  # round 13 r13c070: "占有的房屋" was read as the share's denominator
    from assistant.config import Settings

    a = Engine(Settings(store=store_real)).answer(f"万里街道截至2022年底{word}的房屋有多少平方米？")
    assert "分母" not in a.text and "占比" not in a.text and a.unit != "%", a.text


@pytest.mark.slow
def test_a_filler_word_never_cuts_a_registry_name(store_real) -> None:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from assistant.answer import Engine  # round 15 r15c195: "项目支出决算多少" lost 支出 to the filler 支出决算
    from assistant.config import Settings

    engine = Engine(Settings(store=store_real))
    docs = list(engine.kb.docs)
    assert engine.understanding.content("2024年项目支出决算多少？", docs) == "项目支出"  # was "项目"
    assert engine.understanding.content("2024年支出决算多少？", docs) == ""  # the filler itself is still filler
    a = engine.answer("社工部2024年项目支出决算多少？")
    assert (a.value, a.unit, a.refused) == (Decimal("202.24"), "万元", False), a.text
