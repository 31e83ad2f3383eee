"""Chunks: heading trails, table row groups that repeat title/unit/header, stable ids, flat metadata."""

from index.chunks import chunk, passages
from index.ingest import Parsed


def test_prose_chunks_start_with_their_heading_trail(sample: Parsed) -> None:
    prose = [c for c in sample.chunks if c.metadata["kind"] == "prose"]
    staffing = next(c for c in prose if "退休 15 人" in c.text)
    assert staffing.text.startswith("第一部分 部门概况 > 二、机构设置情况\n")
    project = next(c for c in prose if "自主创新大讲堂 200 万元" in c.text)
    assert project.text.startswith("第三部分 部门预算支出具体情况 > 一、深圳市科学技术协会(本级)\n")
    assert all(c.text.split("\n", 1)[0].startswith("第") for c in prose)


def test_table_chunks_repeat_title_unit_and_header(sample: Parsed) -> None:
    t7 = [c for c in sample.chunks if c.metadata["table"] == "表7"]
    assert len(t7) >= 3  # 26 rows in groups of at most 8
    for c in t7:
        title, header, *rows = c.text.split("\n")
        assert title == "表7 一般公共预算支出表（按功能分类）（单位：万元） · 深圳市科学技术协会（本级）"
        assert header == "表头：预算单位｜科目编码｜科目名称｜支出总计｜基本支出｜项目支出"
        assert 1 <= len(rows) <= 8
    assert any("2060702 科普活动｜2,564｜0｜2,564" in c.text for c in t7)
    spend = [c for c in sample.chunks if c.metadata["table"] == "表1" and "· 支出" in c.text.split("\n")[0]]
    assert any("206 二、科学技术支出｜4,566" in c.text for c in spend)


def test_ids_are_stable_and_metadata_flat(sample: Parsed) -> None:
    again = chunk(sample.disclosure)
    assert [c.id for c in again] == [c.id for c in sample.chunks]
    assert len({c.id for c in again}) == len(again)
    assert again[0].id == f"{sample.disclosure.doc_id[:16]}-0000"
    for c in again:
        assert set(c.metadata) == {"doc_id", "department", "year", "where", "kind", "table", "position"}
        assert all(isinstance(v, (str, int, float)) for v in c.metadata.values())
        assert c.metadata["department"] == "深圳市科学技术协会（本级）" and c.metadata["year"] == 2022


def test_passages_are_rows_and_sentences_under_the_title(sample: Parsed) -> None:
    c = next(c for c in sample.chunks if "2060702 科普活动" in c.text and c.metadata["table"] == "表7")
    ps = passages(c)
    assert ps[0] == c.text
    assert (
        "表7 一般公共预算支出表（按功能分类）（单位：万元） · 深圳市科学技术协会（本级） 2060702 科普活动｜2,564｜0｜2,564"
        in ps
    )
    assert not any("表头：" in p for p in ps[1:])
