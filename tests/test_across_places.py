"""Questions across departments that say a place, a set of departments, or a department that is not
loaded: the place scopes the names after it and every set; a set with a count is exactly the place's
departments; a named department not in the store is refused by name; 哪个最多 is a ranking, never a sum."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest

from assistant.abbreviated import abbreviated
from assistant.answer import Engine
from assistant.compare import Reading, subject_named
from assistant.config import Settings
from assistant.places import by_full_name, joined_by, places_of, said, scoped, set_said, unknown_place, unloaded
from assistant.records import Answer, Figure
from assistant.single_fill import fill, names_it, other_year
from eval.template_maker import Expected, make_yusuan
from index.records import DocumentInfo, Fact
from tests.conftest import REAL

WANLI = "上海市普陀区人民政府万里街道办事处"
CAIZHENG = "上海市普陀区财政局"
JINGAN = "上海市静安区财政局"
MINZHENG = "上海市普陀区民政局"
STORE = [
    "深圳市财政局（本级）",
    "深圳市科技创新局（本级）",
    "北京市财政局",
    "北京市民政局",
    WANLI,
    "西安市财政局（汇总）",
]


# --- reading places and sets (no store) ---------------------------------------------------------------


def test_the_places_of_a_department_come_from_its_full_name() -> None:
    assert places_of("深圳市科技创新局（本级）") == ("深圳市", "深圳")
    assert places_of(WANLI) == ("上海市", "上海", "普陀区", "普陀")
    assert places_of("中共上海市普陀区委社会工作部") == ("上海市", "上海", "普陀区", "普陀")
    assert places_of("重庆市人民政府办公厅") == ("重庆市", "重庆")


def test_a_place_said_once_scopes_every_name_after_it() -> None:
    text = "深圳三个部门（财政局、科创局）三公经费哪个最少？"
    named = {"北京市财政局": "财政局", "深圳市财政局（本级）": "财政局", "深圳市科技创新局（本级）": "科创局"}
    assert set(scoped(text, named, said(text, STORE))) == {"深圳市财政局（本级）", "深圳市科技创新局（本级）"}
    text = "上海万里街道和北京市财政局谁多"  # each name its own place
    named = {WANLI: "万里街道", "北京市财政局": "北京市财政局", "深圳市财政局（本级）": "市财政局"}
    assert set(scoped(text, named, said(text, STORE))) == {WANLI, "北京市财政局"}
    assert scoped("财政局和万里街道", {"北京市财政局": "财政局"}, []) == {"北京市财政局": "财政局"}  # no place
    text = "上海市静安区财政局和万里街道"  # a name the place holds none of is what it names
    named = {"上海市静安区财政局": text[:9], WANLI: "万里街道"}
    assert set(scoped(text, named, said(text, [*STORE, "上海市静安区财政局"]))) == {"上海市静安区财政局", WANLI}
    text = "西安市财政局和西安民政局"  # a name written right after a place is that place's
    assert scoped(text, {"北京市财政局": "市财政局"}, said(text, [*STORE, "西安市民政局"])) == {}


def test_a_name_written_after_a_place_not_loaded_is_that_place_s() -> None:
    """ "北京市交通委和广州市交通运输局": 广州 holds nothing loaded, so its 交通运输局 is never 无锡市交通运输局
    (round 3 summed 北京 and 无锡); written after its own place, or after none, the name is the department's."""
    wuxi = "无锡市交通运输局（本级）"
    store = [*STORE, wuxi, "北京市交通委员会"]
    text = "北京市交通委和广州市交通运输局2026年三公经费合计多少？"
    for alias in ("交通运输局", "市交通运输局"):
        named = {"北京市交通委员会": "北京市交通委", wuxi: alias}
        assert set(scoped(text, named, said(text, store))) == {"北京市交通委员会"}
    text = "北京市交通委和无锡市交通运输局2026年三公经费合计多少？"
    named = {"北京市交通委员会": "北京市交通委", wuxi: "交通运输局"}
    assert set(scoped(text, named, said(text, store))) == {"北京市交通委员会", wuxi}
    text = "北京市交通委和本区交通运输局"  # 本区 is no place
    assert wuxi in scoped(text, named, said(text, store))


def test_a_set_of_departments_and_its_count() -> None:
    assert set_said("重庆这两个部门的住房公积金加起来多少") == (True, 2)
    assert set_said("无锡两个局的会议费") == (True, 2)
    assert set_said("北京这几个局里哪个最多") == (True, None)
    assert set_said("深圳各部门公务接待费谁最多") == (True, None)
    assert set_said("万里街道2024年三公经费") == (False, None)


def test_a_department_listed_with_loaded_ones_but_not_loaded() -> None:
    text = "普陀区2024年万里街道、社会福利院和区财政局的三公经费加起来多少？"
    assert unloaded(text, {WANLI: "万里街道", "福利院": "社会福利院"}) == ["区财政局"]
    text = "深圳财政局、科创局和深圳市教育局的预算总和是多少？"
    named = {"深圳市财政局（本级）": "深圳财政局", "深圳市科技创新局（本级）": "科创局"}
    assert unloaded(text, named, said(text, STORE)) == ["深圳市教育局"]
    # a unit named beside its department, not in a list with it, is no other department
    assert (
        unloaded("无锡市社会保险基金管理中心2026年预算收入合计多少？（无锡市人社局部门预算）", {"x": "无锡市人社局"})
        == []
    )
    assert unloaded("万里街道和福利院的办公费合计", {WANLI: "万里街道", "福利院": "福利院"}) == []
    assert by_full_name("西安市财政局", STORE) == "西安市财政局（汇总）"
    # a name written with its place may run on into the subject asked; a name without its place may not
    text = "深圳财政局、科创局和深圳市教育局三公经费合计？"
    assert unloaded(text, named, said(text, STORE), lambda rest: rest.startswith("三公经费")) == ["深圳市教育局"]
    text = "深圳财政局、科创局和教育局三公经费合计？"
    assert unloaded(text, named, said(text, STORE), lambda rest: rest.startswith("三公经费")) == []


def test_a_listed_place_and_shortened_name_names_the_one_department_it_fits() -> None:
    store = [*STORE, "无锡市人力资源和社会保障局", "无锡市交通运输局（本级）", "北京市交通委员会", "佛山市轨道交通局"]
    subject_at = lambda rest: rest.startswith("三公经费")  # noqa: E731
    text = "五个单位（无锡人社、无锡交通、北京交委、佛山轨交、北京民政）按三公经费排一下"
    found, unresolved = abbreviated(text, said(text, store), subject_at)
    assert found == {
        "无锡市人力资源和社会保障局": "无锡人社",
        "无锡市交通运输局（本级）": "无锡交通",
        "北京市交通委员会": "北京交委",
        "佛山市轨道交通局": "佛山轨交",
        "北京市民政局": "北京民政",
    }
    assert unresolved == []
    text = "无锡人社和北京交委三公经费谁多"  # the last item ends where the subject begins
    assert set(abbreviated(text, said(text, store), subject_at)[0]) == {
        "无锡市人力资源和社会保障局",
        "北京市交通委员会",
    }
    text = "无锡交通局本级和北京交委比，政府采购预算差多少？"  # a word run on after the name is no part of it
    found = {"无锡市交通运输局（本级）": "无锡交通局", "北京市交通委员会": "北京交委"}
    assert abbreviated(text, said(text, store), subject_at) == (found, [])
    text = "无锡人社、深圳人社和北京民政的三公经费"  # 深圳 holds no 人社: refused by name, never dropped
    assert abbreviated(text, said(text, store), subject_at)[1] == ["深圳人社"]
    text = "北京这四个部门、深圳其他部门的三公经费"  # sets, not names
    assert abbreviated(text, said(text, store), subject_at) == ({}, [])
    text = "这几个单位里哪个今年机关运行经费是增加的：无锡人社、无锡交通、北京民政？"  # r11c132: a list after a colon
    assert abbreviated(text, said(text, store), subject_at) == (
        {"无锡市人力资源和社会保障局": "无锡人社", "无锡市交通运输局（本级）": "无锡交通", "北京市民政局": "北京民政"},
        [],
    )
    three = {
        "无锡市人力资源和社会保障局": "无锡人社",
        "无锡市交通运输局（本级）": "无锡交通",
        "北京市交通委员会": "北京交委",
    }
    for text in (
        "在无锡人社、无锡交通、北京交委这三个单位里，三公经费按多少排个序",  # r12c126: a word before the first, the set after the last
        "三个单位里，哪个单位单价100万以上的设备最多？无锡人社、无锡交通、北京交委",  # r12c140: a list after the question
    ):
        assert abbreviated(text, said(text, store), subject_at) == (three, [])


# --- a named department's figure printed only in its text ---------------------------------------------


def _doc() -> DocumentInfo:
    return DocumentInfo(doc_id="d1", title="2026年北京市财政局部门预算", department="北京市财政局", year=2026, kind="预算",
               unit="万元", filename="", n_facts=0, ingested_at="", aliases=("北京市财政局",))  # fmt: skip


def _fact(value: str) -> Fact:
    return Fact(doc_id="d1", department="北京市财政局", year=2026, table=None, section="四、", row="“三公”经费",
                code=None, column="", value=Decimal(value), unit="万元", source=f"四、 · 「2026 年财政拨款“三公”经费预算 {value} 万元」",
                page=8)  # fmt: skip


def _answer(text: str, value: str, verdict: str) -> Answer:
    figure = Figure(text=f"{value} 万元", value=Decimal(value), unit="万元", verdict=verdict)  # type: ignore[arg-type]
    return Answer(question="", text=text, refused=False, value=Decimal(value), unit="万元", figures=[figure],
                  facts=[_fact(value)])  # fmt: skip


def test_a_figure_from_the_department_s_own_text_only_when_verified_and_an_amount() -> None:
    lacking = [Reading(doc=_doc(), facts=(), note="文件中未找到此项")]
    three = subject_named("“三公”经费", {})
    asked: list[str] = []

    def ask(answer: Answer) -> Callable[[DocumentInfo, str], Answer]:
        def one(doc: DocumentInfo, question: str) -> Answer:
            asked.append(question)
            return answer

        return one

    got = fill(
        lacking,
        three,
        ask(_answer("2026年北京市财政局财政拨款“三公”经费为 223.80 万元。", "223.80", "verified")),
    )
    assert (got[0].value, got[0].note, asked[-1]) == (
        Decimal("223.80"),
        "文字说明：「2026 年财政拨款“三公”经费预算 223.80 万元」",
        "北京市财政局2026年“三公”经费是多少？",
    )
    changed = _answer("2026年北京市财政局比年初预算增加为 419.84 万元。", "419.84", "verified")
    assert fill(lacking, three, ask(changed))[0].value is None  # a change is not the item
    assert fill(lacking, three, ask(_answer("…为 1.00 万元。", "1.00", "unknown")))[0].value is None
    assert fill(lacking, three, None)[0].value is None
    total = replace(_fact("223.80"), row="合计")  # a total is never the item
    assert names_it(_fact("1.00"), three) and not names_it(total, three)
    assert not fill(lacking, three, ask(replace(_answer("…为 223.80 万元。", "223.80", "verified"), facts=[total])))[
        0
    ].value


# --- a store with two districts' 财政局 and departments of different years ---------------------------


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, Expected, Expected, Expected]:
    """普陀区财政局 2024 预算 (万元), 静安区财政局 2024 预算, 普陀区民政局 2023 预算, 万里街道's real 2024 预算."""
    from assistant.retrieve import open_vectors
    from index.ingest import ingest
    from index.store import Store

    folder = tmp_path_factory.mktemp("places")
    ours = make_yusuan(folder / "cz.pdf", department=CAIZHENG, year=2024, unit="万元", rng_seed=7)
    theirs = make_yusuan(
        folder / "ja.pdf", department=JINGAN, year=2024, unit="万元", rng_seed=9, region="上海市静安区"
    )
    older = make_yusuan(folder / "mz.pdf", department=MINZHENG, year=2023, unit="万元", rng_seed=11)
    store = folder / "store"
    with Store(store) as s:
        vectors = open_vectors(Settings(store=store))
        for name in ("cz.pdf", "ja.pdf", "mz.pdf"):
            ingest(s, vectors, folder / name)
        ingest(s, vectors, REAL / "wanli-2024-yusuan.pdf")
    return Engine(Settings(store=store)), ours, theirs, older


def _project(e: Expected, year: int) -> Decimal:
    return e.value(f"{year}年部门支出预算总表", "合计", "项目支出")


@pytest.mark.slow
def test_a_place_resolves_a_short_name_of_two_districts(places: tuple[Engine, Expected, Expected, Expected]) -> None:
    engine, ours, _, _ = places
    a = engine.answer("普陀区的财政局和万里街道2024年预算的项目支出加起来多少？")
    assert not a.refused, a.text
    assert {e.department for e in a.entries} == {CAIZHENG, WANLI}
    assert a.value == _project(ours, 2024) + Decimal("5650.5103")  # 万里街道's 56,505,103 元 in 万元


@pytest.mark.slow
def test_a_place_s_set_of_departments(places: tuple[Engine, Expected, Expected, Expected]) -> None:
    engine, _, theirs, _ = places
    a = engine.answer("静安区各部门2024年预算项目支出哪个最多？")
    assert not a.refused, a.text
    assert [e.department for e in a.entries] == [JINGAN] and a.value == _project(theirs, 2024)
    assert "覆盖库中静安区的 2024 年预算 1 个部门" in a.covered
    b = engine.answer("静安区这三个部门2024年预算的项目支出加起来多少？")
    assert b.refused and not b.figures and "1 个" in b.text and JINGAN in b.text  # the count disagrees: ask


@pytest.mark.slow
def test_a_named_department_not_loaded_is_refused_by_name(places: tuple[Engine, Expected, Expected, Expected]) -> None:
    engine, _, _, _ = places
    a = engine.answer("2024年万里街道、普陀区财政局和普陀区教育局的项目支出预算加起来多少？")
    assert a.refused and not a.figures and "普陀区教育局" in a.text


@pytest.mark.slow
def test_named_departments_are_answered_or_refused_by_name_never_dropped(
    places: tuple[Engine, Expected, Expected, Expected],
) -> None:
    engine, ours, theirs, _ = places
    a = engine.answer("2024年万里街道、普陀区财政局和普陀区教育局项目支出加起来多少？")  # runs on into the subject
    assert a.refused and not a.figures and "普陀区教育局" in a.text
    b = engine.answer("普陀财政和静安财政2024年预算的项目支出加起来多少？")  # place + shortened name
    assert not b.refused, b.text
    assert {e.department for e in b.entries} == {CAIZHENG, JINGAN}
    assert b.value == _project(ours, 2024) + _project(theirs, 2024)
    c = engine.answer("普陀财政、静安财政和普陀教育2024年预算的项目支出加起来多少？")
    assert c.refused and not c.figures and "普陀教育" in c.text


@pytest.mark.slow
def test_which_is_largest_is_a_ranking_never_a_sum(places: tuple[Engine, Expected, Expected, Expected]) -> None:
    engine, _, _, _ = places
    a = engine.answer("普陀区财政局和静安区财政局2024年预算的支出合计哪个最大？")
    assert not a.refused, a.text
    assert len(a.entries) == 2 and "合计 " not in a.text.partition("\n")[0]
    assert a.value in {e.value for e in a.entries}  # one department's figure, not the two added


@pytest.mark.slow
def test_departments_of_different_years_are_labelled_per_line(
    places: tuple[Engine, Expected, Expected, Expected],
) -> None:
    engine, _, _, older = places
    a = engine.answer("普陀区民政局和万里街道哪个项目支出多？")
    assert not a.refused, a.text
    lines = {e.department: e for e in a.entries}
    assert (lines[MINZHENG].year, lines[WANLI].year) == (2023, 2024)
    assert lines[MINZHENG].value == _project(older, 2023)
    assert "2023年预算" in a.text and "2024年预算" in a.text and "年度不同" in a.text
    b = engine.answer("普陀区民政局和万里街道的项目支出加起来多少？")
    assert b.refused and not b.figures  # different years are never added


@pytest.mark.slow
def test_a_named_department_lacking_the_item_is_never_left_out_of_a_sum(
    places: tuple[Engine, Expected, Expected, Expected],
) -> None:
    """普陀区财政局's generated budget has no 城乡社区支出 row: never its 合计 (read by the single-document engine)
    in its place, never the sum of 万里街道's alone."""
    engine, ours, _, _ = places
    assert not any("城乡社区" in row for (_, row, _) in ours.cells)
    a = engine.answer("普陀区财政局和万里街道2024年预算的城乡社区支出加起来多少？")
    assert a.refused and not a.figures and f"{CAIZHENG}的2024年预算中没有“城乡社区支出”" in a.text


@pytest.mark.slow
def test_each_of_two_departments_one_line_each(places: tuple[Engine, Expected, Expected, Expected]) -> None:
    engine, ours, _, _ = places
    a = engine.answer("普陀区财政局和万里街道2024年预算的项目支出分别是多少？")
    assert not a.refused, a.text
    lines = {e.department: e.value for e in a.entries}
    assert lines == {CAIZHENG: _project(ours, 2024), WANLI: Decimal("5650.5103")}
    assert "多 " not in a.text and all(f.verdict in ("verified", "derived") for f in a.figures)


def test_a_place_written_that_no_loaded_department_belongs_to() -> None:
    held = said("广州市各部门三公经费谁最多", STORE)
    assert unknown_place("广州市各部门三公经费谁最多", held) == "广州市"
    assert unknown_place("2024年杭州市哪个部门三公经费最多", held) == "杭州市"
    assert unknown_place("2022年全区各部门三公经费合计", held) is None  # 全区 is no place
    text = "深圳市各部门三公经费谁最少"
    assert unknown_place(text, said(text, STORE)) is None


def test_a_text_figure_of_another_year_is_never_the_item() -> None:
    now = replace(_fact("223.80"), source="四、 · 「2026 年财政拨款“三公”经费预算 223.80 万元」")
    before = replace(_fact("245.13"), source="四、 · 「2025年“三公”经费预算 245.13 万元」")
    assert not other_year(now, 2026) and other_year(before, 2026)
    assert other_year(replace(_fact("1.00"), column="2025年预算数"), 2026)


@pytest.mark.parametrize("word", joined_by())
def test_a_name_joined_to_the_list_by_a_word_is_listed(word: str) -> None:
    text = f"万里街道、社会福利院{word}区财政局，三公一共多少？"
    assert unloaded(text, {WANLI: "万里街道", "福利院": "社会福利院"}) == ["区财政局"]


def test_a_year_before_the_joining_word_is_no_name() -> None:
    text = "深圳三个局和无锡人社局，2026年加上上海市普陀区财政局，总预算是多少？"
    names = unloaded(text, {"无锡市人力资源和社会保障局": "无锡人社局"})
    assert "上海市普陀区财政局" in names and not any("年" in n or "加上" in n for n in names)
