"""A question across departments limited by a list after a cue (assistant/restriction.py, restriction.toml):
"只看无锡、烟台、福州的" covers those places' departments only; a place listed that is not loaded is said."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from assistant.across import AcrossReader
from assistant.places import said
from assistant.restriction import restriction
from index.records import DocumentInfo

STORE = [
    "无锡市交通运输局（本级）",
    "无锡市人力资源和社会保障局",
    "烟台市审计局",
    "福州市公安局治安管理支队",
    "北京市财政局",
    "西安市财政局（汇总）",
]
WUXI = {"无锡市交通运输局（本级）", "无锡市人力资源和社会保障局"}
DATA = tomllib.loads(files("assistant").joinpath("restriction.toml").read_text(encoding="utf-8"))


def _limit(text: str, named: dict[str, str] | None = None) -> tuple[tuple[str, ...], set[str], tuple[str, ...]] | None:
    found = restriction(text, said(text, STORE), named or {})
    return (found.names, set(found.departments), found.unknown) if found else None


@pytest.mark.parametrize("cue", DATA["cues"])
def test_each_cue_starts_a_list_of_places(cue: str) -> None:
    assert _limit(f"哪个部门三公经费最多？{cue}无锡、烟台的") == (("无锡", "烟台"), {*WUXI, "烟台市审计局"}, ())


@pytest.mark.parametrize("kind", DATA["kinds"])
def test_words_saying_what_a_listed_place_is_are_not_its_name(kind: str) -> None:
    """ "只看无锡和广州这两个城市的": the place not loaded is 广州, said without the words around it."""
    assert _limit(f"只看无锡和广州这两个{kind}的") == (("无锡",), WUXI, ("广州",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("因公出国费预算是0的有哪些单位？只看无锡、烟台、福州的。", (("无锡", "烟台", "福州"), set(STORE[:4]), ())),
        ("只看广州、无锡的，三公经费哪个最多", (("无锡",), WUXI, ("广州",))),  # a place not loaded, first
        ("只看无锡市、烟台市的", (("无锡市", "烟台市"), {*WUXI, "烟台市审计局"}, ())),
        ("只看无锡，三公经费哪个最多", (("无锡",), WUXI, ())),  # the question's words are no place
        ("只看前三个", None),  # a follow-up's limit, no place
        ("只看预算的呢", None),
        ("只看预算、决算", None),  # words, no place
        ("哪些部门三公经费超过10万元？", None),  # no cue
    ],
)
def test_the_list_a_cue_starts(text: str, expected: tuple[tuple[str, ...], set[str], tuple[str, ...]] | None) -> None:
    assert _limit(text) == expected


def test_a_department_listed_with_a_place_is_covered_too() -> None:
    text = "只看无锡和北京市财政局的"
    found = restriction(text, said(text, STORE), {"北京市财政局": "北京市财政局"})
    assert found and set(found.departments) == {*WUXI, "北京市财政局"} and found.listed == ("北京市财政局",)


def _docs() -> list[DocumentInfo]:
    return [
        DocumentInfo(
            doc_id=name,
            title="",
            department=name,
            year=2026,
            kind="预算",
            unit="万元",
            filename="",
            n_facts=0,
            ingested_at="",
        )
        for name in STORE
    ]


def test_a_question_across_departments_covers_the_places_listed_only() -> None:
    reader = AcrossReader(lambda text: {}, {}, {})
    a = reader.read("因公出国费预算是0的有哪些单位？只看无锡、烟台、福州的。", _docs())
    assert a is not None and a.op == "filter" and a.subject == "因公出国（境）费"
    assert set(a.within) == set(STORE[:4]) and a.place == "无锡、烟台、福州" and a.refusal is None
    a = reader.read("只看无锡和广州的，哪个部门三公经费最多？", _docs())
    assert a is not None and a.refusal and "库中没有广州的部门的公开文件" in a.refusal


def test_places_listed_together_before_a_set_are_all_its_scope() -> None:
    """ "无锡、烟台、福州哪些单位": the three places' departments, never 福州's alone (the last one said)."""
    reader = AcrossReader(lambda text: {}, {}, {})
    a = reader.read("无锡、烟台、福州哪些单位因公出国费是0？", _docs())
    assert a is not None and set(a.within) == set(STORE[:4]) and a.place == "无锡、烟台、福州"
    a = reader.read("无锡和烟台各部门三公经费合计多少？", _docs())
    assert a is not None and set(a.within) == {*WUXI, "烟台市审计局"}
    a = reader.read("烟台各部门三公经费合计多少？", _docs())
    assert a is not None and a.within == ("烟台市审计局",)


def test_named_departments_are_each_read_or_refused_and_each_line_keeps_the_part_asked() -> None:
    """Place + shortened names (无锡人社, 烟台审计) restrict a ranking to them; 分别 keeps the part asked."""
    reader = AcrossReader(lambda text: {}, {}, {})
    a = reader.read("我负责的三个单位（无锡人社、无锡交通、烟台审计）按三公经费从高到低排一下", _docs())
    assert a is not None and a.op == "rank" and a.refusal is None
    assert set(a.departments) == {*WUXI, "烟台市审计局"}
    a = reader.read("无锡人社、烟台审计和烟台财政的三公经费加起来多少？", _docs())  # 烟台 holds no 财政局 here
    assert a is not None and a.refusal and "烟台财政" in a.refusal
    a = reader.read("无锡人社和烟台审计，基本支出里人员经费分别是多少", _docs())
    assert a is not None and a.op == "compare" and a.each and a.subject == "人员经费"
    assert reader.read("无锡人社和烟台审计，政府采购里工程类分别多少", _docs()) is None  # each one's own engine


def test_the_places_inside_named_departments_never_narrow_the_question_to_one_place() -> None:
    """ "无锡市人力资源和社会保障局、烟台市审计局…哪家最多" (round 10 r10c126): both named are ranked; 烟台市 in a
    department's own name is no "烟台's departments" (the 无锡 one was said not to be in the store)."""

    def named(text: str) -> dict[str, str]:  # full names, and 烟台审计局 as the store's short name
        found = {d: d for d in STORE if d in text}
        return found | (
            {"烟台市审计局": "烟台审计局"} if "烟台审计局" in text and not found.get("烟台市审计局") else {}
        )

    reader = AcrossReader(named, {}, {})
    a = reader.read("无锡市人力资源和社会保障局、烟台市审计局2026年三公经费哪家最多？", _docs())
    assert a is not None and a.op == "rank" and a.within == () and a.place == "" and a.refusal is None
    assert set(a.departments) == {"无锡市人力资源和社会保障局", "烟台市审计局"}
    a = reader.read("无锡交通局、无锡人社局、烟台审计局这三家，2026年三公经费哪家最多？", _docs())
    assert a is not None and set(a.departments) == {*WUXI, "烟台市审计局"} and a.within == ()
