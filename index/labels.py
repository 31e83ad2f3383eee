"""Row and column labels: numbering, totals, the names of label columns."""

from __future__ import annotations

import re

from index.catalog import squeeze

LABEL_NAMES = frozenset({"项目", "预算单位", "单位名称", "科目", "科目名称", "项目名称", "任务名称", "功能分类科目"})
TOTAL_WORDS = ("合计", "总计")


def bare_label(label: str) -> str:
    """A row label without its printed numbering: "二、科学技术支出" → "科学技术支出"."""
    return re.sub(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])", "", label)


def label_key(text: str) -> str:
    """A label reduced for matching across documents: no spaces, quotes or numbering; ASCII brackets.

    "（二）公务接待费" and "公务接待费", "因公出国（境）费" and "因公出国(境)费" get the same key;
    the store keeps it with every fact (facts.row_key) so that documents are matched in SQL.
    """
    s = re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")")
    s = re.sub(r"[“”\"'‘’]", "", s)
    return bare_label(s)


def is_total(label: str) -> bool:
    return any(w in label for w in TOTAL_WORDS)


def is_code_part(name: str) -> bool:
    return squeeze(name) in ("类", "款", "项")
