"""The word lists moved out of counts.py, subject_path.py and reading.py into their toml: one test per list,
each read by the regex built from it, with its example and each of its words."""

import pytest

from assistant import counts, reading, subject_path
from assistant.subject_path import mark_path

DATE = counts.cues()["asked_date"]
HEADING = counts.cues()["heading"]
ASIDE = counts.cues()["aside"]


@pytest.mark.parametrize("word", [*DATE["opens"], *DATE["ends"], *DATE["relative"], *DATE["scopes"]])
def test_asked_date_words_are_dropped(word: str) -> None:
    text = {
        **dict.fromkeys(DATE["opens"], f"{word}2024年有几辆车"),
        **dict.fromkeys(DATE["ends"], f"2024年{word}有几辆车"),
        **dict.fromkeys(DATE["relative"], f"{word}有几辆车"),
        **dict.fromkeys(DATE["scopes"], f"（{word}）有几辆车"),
    }[word]
    assert counts._ASKED_DATE.sub(" ", text).strip() == "有几辆车"
    assert counts._ASKED_DATE.sub("", DATE["example"]) == "共有几辆执法执勤用车"


@pytest.mark.parametrize("word", HEADING["ends"])
def test_a_run_in_heading_is_cut(word: str) -> None:
    assert counts._HEADING.sub("", f"十四、国有资产占用{word}本单位共有车辆0辆") == "本单位共有车辆0辆"
    assert counts._HEADING.sub("", HEADING["example"]) == HEADING["quoted"]


@pytest.mark.parametrize("word", [*ASIDE["bracketed"], *ASIDE["particles"]])
def test_an_aside_is_dropped(word: str) -> None:
    text = f"设备（{word}）" if word in ASIDE["bracketed"] else f"设备{word}"
    assert counts._ASIDE.sub("", text) == "设备"
    assert counts._ASIDE.sub("", ASIDE["example"]) == ASIDE["plain"]


@pytest.mark.parametrize("word", subject_path._DATA["steps"])
def test_each_step_separates_a_path(word: str) -> None:
    assert subject_path.STEP.split(f"城乡社区支出{word}行政运行") == ["城乡社区支出", "行政运行"]
    example = subject_path._DATA["steps_example"]
    assert [p for p in subject_path.STEP.split(example) if p] == ["城乡社区支出", "城乡社区管理事务", "行政运行"]


@pytest.mark.parametrize("word", subject_path._DATA["after_name"])
def test_a_marker_before_these_words_ends_the_name(word: str) -> None:
    assert mark_path(f"水利（款）{word}多少") == f"水利{word}多少"
    assert mark_path(subject_path._DATA["after_name_example"]) == "农林水支出里水利的预算是多少"


@pytest.mark.parametrize("word", reading._WORDS["total_rows"])
def test_total_rows(word: str) -> None:
    for year in ["", *reading._WORDS["total_row_years"]]:
        assert reading.BARE_ROW.fullmatch(f"{year}{word}")
    assert reading.BARE_ROW.fullmatch(reading._WORDS["total_row_example"])
    assert not reading.BARE_ROW.fullmatch("项目支出")


@pytest.mark.parametrize("word", [*reading._WORDS["total_columns"], *reading._WORDS["year_column_kinds"]])
def test_plain_columns(word: str) -> None:
    column = f"支出{word}" if word in reading._WORDS["total_columns"] else f"2024年{word}数"
    assert reading.PLAIN_COLUMN.fullmatch(column)
    assert reading.PLAIN_COLUMN.fullmatch(reading._WORDS["column_example"])
    assert not reading.PLAIN_COLUMN.fullmatch("基本支出")
