"""The lines that give a disclosure its shape: part headings, numbered subsections and items, table captions."""

from __future__ import annotations

import re

from index.catalog import caption_grammar

CN_DIGITS = "一二三四五六七八九十"
PART_HEADING = re.compile(rf"^第(?P<num>[{CN_DIGITS}]+)部分\s*(?P<title>.*)$")
SUBSECTION = re.compile(rf"^[{CN_DIGITS}]+、[^。：:；;，,]{{1,30}}$")
ITEM_MARKER = re.compile(rf"^(?:[（(][{CN_DIGITS}]+[)）]|\d+[.．、](?!\d)|[{CN_DIGITS}]+、)")  # not "77.89 万元"
TABLE_START = re.compile(
    rf"^{caption_grammar()}(?:(?:\s*(?=[^\d\s])|\s+(?=\d))"
    r"(?P<title>(?:(?:19|20)\d{2}\s*年度?)?[\u4e00-\u9fff“”（）()、]{2,60}))?\s*$"
)  # a caption line: "表 1", "公开01表", "表十二", "表1 收支总表", "表1 2024年部门财务收支预算总表"
TERMINAL = tuple("。！？；：…”』」!?;:")
# a line ending in one ends its paragraph
