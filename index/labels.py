"""Row and column labels: numbering, totals, the names of label columns."""

from __future__ import annotations

from index.normal import form_key

LABEL_NAMES = frozenset({"项目", "预算单位", "单位名称", "科目", "科目名称", "项目名称", "任务名称", "功能分类科目"})
TOTAL_WORDS = ("合计", "总计")


def is_total(label: str) -> bool:
    return any(w in label for w in TOTAL_WORDS)


def is_code_part(name: str) -> bool:
    return form_key(name) in ("类", "款", "项")
