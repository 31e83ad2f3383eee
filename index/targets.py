"""The performance-target table (部门整体支出绩效目标表): tasks with amounts, indicators with targets.

Its printed rows are not column-aligned (merged cells lose their leading tabs), so
rows are read by their non-empty cells and the indicator levels are recognised by
the national template's vocabulary of 一级/二级指标.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from index.normal import ascii_digits
from index.numbers import parse_number
from index.records import Column, Indicator, Row, Table

LEVEL1 = frozenset({"产出", "效益", "满意度", "成本"})
LEVEL2 = frozenset(
    {
        "数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响",
        "服务对象满意度", "经济成本", "社会成本", "生态环境成本",
    }
)  # fmt: skip
_TARGET = re.compile(r"^(?P<cmp>≥|≤|>=|<=|>|<|=|不低于|不少于|不高于|不超过|达到)?(?P<num>\d+(?:\.\d+)?)(?P<unit>.*)$")
_CMP = {">=": "≥", "<=": "≤", "不低于": "≥", "不少于": "≥", "不高于": "≤", "不超过": "≤", "达到": "≥"}
COMPARATORS = frozenset(
    {"≥", "≤", ">=", "<=", ">", "<", "不低于", "不少于", "不高于", "不超过", "达到"}
)  # an 指标性质 cell
_DATE = re.compile(r"^(?:年\d|月(?:\d|底|初|末|中|上旬|下旬|前))")  # "5月31日前", "6月底前": a deadline, no number
_BRACKETED = re.compile(r"^[（(](?P<unit>[^（）()]*)[)）]$")  # "≥13459.00(平方米)": the unit in brackets
AMOUNT_NAMES = ("总额", "财政拨款", "其他资金")
INDICATOR_NAME = "指标名称"  # the column naming each indicator of a target table that lists projects
PROJECT_NAME = "项目名称"  # … and the column naming the project, printed once beside its first indicator
_TARGET_HEADS = ("指标值", "目标值")  # the header of an indicator's target column


@dataclass(frozen=True)
class IndicatorHeads:
    """Where an indicator header row (一级指标 | 二级指标 | 三级指标 | 指标值 | 分值权重) prints its weight column."""

    width: int  # the header row's cell count: a row as wide is read by these positions
    weight: int  # the column of 分值权重 / 指标权重, right of 指标值
    unit: str  # "分" for a score ("分值权重（90分）"), else "%"


def indicator_heads(cells: list[str]) -> IndicatorHeads | None:
    """The weight column of an indicator header row, or None when it prints none (its target is its last cell)."""
    value = next((j for j, c in enumerate(cells) if c.startswith(_TARGET_HEADS)), None)
    if value is None:
        return None
    weight = next((j for j, c in enumerate(cells) if j > value and "权重" in c), None)
    if weight is None:
        return None
    return IndicatorHeads(width=len(cells), weight=weight, unit="分" if "分" in cells[weight] else "%")


def weighed(cells: list[str], heads: IndicatorHeads | None) -> tuple[list[str], Decimal | None]:
    """An indicator row without its weight cell, and the weight: the target is the cell left of it, never the
    weight ("考试机位单价 | 19.75 | 10": target 19.75, weight 10)."""
    if heads is None or len(cells) != heads.width:
        return cells, None
    weight = parse_number(cells[heads.weight])
    rest = cells[: heads.weight] + cells[heads.weight + 1 :]
    return rest, weight if isinstance(weight, Decimal) else None


def _level(cell: str) -> str:
    return cell.removesuffix("指标")


def is_performance_table(rows: list[list[str]]) -> bool:
    return any(c in {"一级指标", "年度绩效指标", "年度主要任务"} for r in rows for c in r) or _form_with_named(rows)


def _form_with_named(rows: list[list[str]]) -> bool:
    """A project form (项目名称 …) whose indicators are listed under 指标名称 | 指标性质 | 指标值 | 计量单位."""
    return any("名称" in r[0] for r in rows[:1] if r) and any({"指标名称", "指标值"} <= set(r) for r in rows)


def parse_target(target: str) -> tuple[Decimal | None, str, str]:
    """ "≥90%" → (90, "%", "≥"); "8 个" → (8, "个", "="); "及时" → (None, "", "=")."""
    m = _TARGET.match(ascii_digits(target).replace(" ", "").replace("％", "%").replace("＝", "="))
    if not m or _DATE.match(m.group("unit")):
        return None, "", "="
    cmp = m.group("cmp") or "="
    unit = m.group("unit")
    if bracketed := _BRACKETED.match(unit):
        unit = bracketed.group("unit")
    return Decimal(m.group("num")), unit, _CMP.get(cmp, cmp)


def parse_performance(
    *,
    name: str,
    title: str,
    unit: str,
    department: str | None,
    rows: list[tuple[int | None, list[str]]],
    notes: list[str],
) -> tuple[Table, list[Indicator]]:
    """Tasks and indicators from the table's rows, each given with the document page it is on (or None)."""
    mode = ""
    level1 = level2 = ""
    project = ""
    named: dict[str, int] = {}
    heads: list[list[str]] = []  # the indicator header rows: the words the table kind is known by
    tasks: list[Row] = []
    indicators: list[Indicator] = []
    at: IndicatorHeads | None = None  # the weight column of the indicator rows being read
    for page, cells in rows:
        filled = [c for c in cells if c]
        if not filled:
            continue
        head = filled[0]
        if "名称" in head and mode == "":
            department = department or next((c for c in filled[1:] if "主管部门" not in c), None)
            project = filled[1] if len(filled) > 1 else ""
            at = None
            continue
        if "名称" in head and mode in ("indicators", "named") and len(filled) <= 4:  # the next project's form
            mode, project, level1, level2, at = "", filled[1], "", "", None
            continue
        if {"指标名称", "指标值"} <= set(cells):  # 指标名称 | 指标性质 | 指标值 | 计量单位 columns
            mode, named = "named", {c: j for j, c in enumerate(cells) if c}
            heads.append([c for c in cells if c])
            continue
        if mode == "named" and (indicator := _named(cells, named, page)):
            indicators.append(replace(indicator, project=project))
            continue
        opened = bool(project) and bool(tasks) and tasks[-1].label.startswith(project) and bool(tasks[-1].values)
        if mode == "" and (funds := _funds(filled, project, opened)):
            tasks = _add_funds(tasks, funds, page)
            continue
        if head == "年度主要任务":
            mode = "tasks"
            continue
        if head == "年度总体目标":
            mode = "goal"
            tasks.append(Row(label="年度总体目标", texts={"内容": "".join(filled[1:])}, page=page))
            continue
        if head == "年度绩效指标" or "一级指标" in filled:
            mode = "indicators"
            at = indicator_heads(cells) or at
            continue
        if mode == "tasks":
            row = _task(filled)
            if row and not row.label and tasks:  # content continued on the next printed line
                last = tasks[-1]
                more = last.texts.get("主要内容", "") + row.texts["主要内容"]
                tasks[-1] = replace(last, texts={**last.texts, "主要内容": more})
            elif row:
                tasks.append(replace(row, page=page))
        elif mode == "goal" and tasks:
            last = tasks[-1]
            tasks[-1] = replace(last, texts={"内容": last.texts.get("内容", "") + "".join(filled)})
        elif mode == "indicators":
            printed, weight = weighed(cells, at)
            level1, level2, indicator = indicator_row([c for c in printed if c], level1, level2, page, project)
            if indicator and weight is not None and at:
                indicator = replace(indicator, weight=weight, weight_unit=at.unit)
            if indicator:
                indicators.append(indicator)
    columns = [Column(name="任务名称", kind="label"), Column(name="主要内容", kind="text")] + [
        Column(name=n, group="预算金额", kind="amount") for n in AMOUNT_NAMES
    ]
    table = Table(
        name=name,
        title=title,
        unit=unit,
        department=department,
        header=heads[:1],
        columns=columns,
        rows=tasks,
        notes=notes,
    )
    return table, indicators


def indicator_row(
    filled: list[str], level1: str, level2: str, page: int | None, project: str = ""
) -> tuple[str, str, Indicator | None]:
    """One printed row under 一级指标 | 二级指标 | 三级指标 | 指标值 (its non-empty cells): the levels it
    opens, carried to the rows below, and its indicator (None when the row holds levels only)."""
    if filled and filled[0].endswith("绩效指标") and len(filled) > 1:
        filled = filled[1:]  # the form's row heading printed on the row (合并单元格 绩效指标)
    if (
        filled
        and _level(filled[0]) in LEVEL1
        and not (
            _level(filled[0]) == "成本" and level1 == "产出" and (len(filled) < 2 or _level(filled[1]) not in LEVEL2)
        )
    ):
        level1, level2, filled = _level(filled[0]), "", filled[1:]
    if filled and _level(filled[0]) in LEVEL2:
        level2, filled = _level(filled[0]), filled[1:]
    if not filled:
        return level1, level2, None
    target = filled[-1] if len(filled) > 1 else ""
    value, t_unit, cmp = parse_target(target) if target else (None, "", "=")
    indicator = Indicator(
        level1=level1, level2=level2, level3=filled[0], target=target, value=value, unit=t_unit, comparator=cmp,
        page=page, project=project,
    )  # fmt: skip
    return level1, level2, indicator


def _named(cells: list[str], at: dict[str, int], page: int | None) -> Indicator | None:
    """An indicator row under 指标名称 | 指标性质 | 指标值 | 计量单位: "完工项目验收率 | ≥ | 90 | %"."""

    def cell(name: str) -> str:
        j = at.get(name)
        return cells[j] if j is not None and j < len(cells) else ""

    name, value = cell("指标名称"), parse_number(cell("指标值"))
    if not name or not isinstance(value, Decimal):
        return None
    cmp = _CMP.get(cell("指标性质"), cell("指标性质")) or "="
    unit = cell("计量单位")
    target = f"{cmp if cmp != '=' else ''}{cell('指标值')}{unit}"
    weight = parse_number(next((cells[j] for c, j in at.items() if c.startswith("指标权重") and j < len(cells)), ""))
    return Indicator(
        level1="", level2="", level3=name, target=target, value=value, unit=unit, comparator=cmp, page=page,
        weight=weight if isinstance(weight, Decimal) else None,
    )  # fmt: skip


def _funds(filled: list[str], project: str, opened: bool = False) -> list[tuple[str, str, Decimal]]:
    """A project form's 资金 line: (row, column, amount) for each "年度预算资金总额： | 4.50" pair on it.

    A 总额 pair opens a row ("实施期资金总额： 33598 | 年度资金总额： 33598" opens one per period); the other
    pairs go to the row opened before them on the line, or (row "") to the rows the last 总额 line opened.
    Once a project's 总额 is read, another named part ("补助区县 | 12,700.00") is a column of its own.
    """
    out: list[tuple[str, str, Decimal]] = []
    pairs = [(filled[i], parse_number(filled[i + 1])) for i in range(len(filled) - 1)]
    pairs = [(label, v) for label, v in pairs if isinstance(v, Decimal) and parse_number(label) is None]
    totals = sum(1 for label, _ in pairs if "总额" in label or label.endswith("预算"))
    row = ""
    for label, v in pairs:
        if not isinstance(v, Decimal):
            return []
        column = next((n for n in AMOUNT_NAMES if n in label), "总额" if label.endswith("预算") else None)
        if column is None and (opened or row):
            column = label.removeprefix("其中：").removesuffix("：").removesuffix(":")
        if column is None:
            return []
        if column == "总额":
            period = re.sub(r"(?:预算)?资金总额.*$", "", label.removeprefix("其中："))
            name = project or label.removesuffix("：").removesuffix(":")
            row = f"{name}（{period}）" if totals > 1 and period else name
        out.append((row, column, v))
    return out


def _add_funds(tasks: list[Row], funds: list[tuple[str, str, Decimal]], page: int | None) -> list[Row]:
    """The amounts of a 资金 line added to the project's rows (one per period, in printed order)."""
    tasks = list(tasks)
    opened = [row for row, column, _ in funds if column == "总额"]
    for row in opened:
        tasks.append(Row(label=row, values={n: None for n in AMOUNT_NAMES}, page=page))
    loose = [f for f in funds if not f[0]]
    targets = [r for r in tasks if r.values][-len(loose) :] if loose else []
    for (_, column, v), target in zip(loose, targets, strict=False):
        i = tasks.index(target)
        tasks[i] = replace(target, values={**target.values, column: v})
    for row, column, v in funds:
        if row:
            i = max(k for k, r in enumerate(tasks) if r.label == row)
            tasks[i] = replace(tasks[i], values={**tasks[i].values, column: v})
    return tasks


def _task(filled: list[str]) -> Row | None:
    """A task row: name, optional content, then 总额 / 财政拨款 / 其他资金 from the first number on."""
    first_num = next((i for i, c in enumerate(filled) if isinstance(parse_number(c), Decimal)), None)
    if first_num is None:
        if filled[0] in {"任务名称", "总额"} or filled[0].startswith("其中"):
            return None  # the sub-header row
        return Row(label="", texts={"主要内容": "".join(filled)})
    text = filled[:first_num]
    if not text:
        return None
    values: dict[str, Decimal | None] = {n: None for n in AMOUNT_NAMES}
    for n, c in zip(AMOUNT_NAMES, filled[first_num:], strict=False):
        v = parse_number(c)
        values[n] = v if isinstance(v, Decimal) else None
    texts = {"主要内容": "".join(text[1:])} if len(text) > 1 else {}
    return Row(label=text[0], values=values, texts=texts)


def projects_apart(table: Table) -> Table:
    """A target table listing projects with their indicators ("序号 | 项目名称 | 当年财政拨款预算金额 | 当年绩效目标 |
    指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重"): the project's amounts (the columns left of 指标名称) are a row
    of the project, never of the indicator printed beside them; each indicator row keeps its project's name (in
    `texts`, carried down the merged cell). An amount printed with no project named is no fact at all."""
    names = [c.name for c in table.columns]
    if INDICATOR_NAME not in names or PROJECT_NAME not in names:
        return table
    own = set(names[: names.index(INDICATOR_NAME)])
    rows: list[Row] = []
    project = ""
    for row in table.rows:
        project = row.texts.get(PROJECT_NAME, "") or project  # a merged cell: named on one row, for all below
        amounts: dict[str, Decimal | None] = {k: v for k, v in row.values.items() if k in own and v is not None}
        if amounts and project:
            rows.append(replace(row, label=project, code=None, values=amounts, texts={}))
        texts = {**row.texts, PROJECT_NAME: project} if project else row.texts
        rows.append(replace(row, values={k: v for k, v in row.values.items() if k not in own}, texts=texts))
    return replace(table, rows=rows)
