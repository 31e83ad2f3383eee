"""Figures in the prose, each bound to what it is about.

A figure is a number followed by a unit. Its subject is the noun phrase before it in
the same clause (after removing the year, the department's name and template verbs),
or, for "设置并编报 8 个项目绩效目标", the noun after it. Changes and growth rates
("比2021年增加478万元，增长10.58%") bind to the sentence's main subject; figures in
a "包括…" list are parts of it; numbered items under a paragraph ending "包括：" are
parts of that paragraph's subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate

from index.normal import ascii_digits
from index.numbers import cn_number
from index.provenance import prose_place, render
from index.records import Fact, Paragraph, Section
from index.units import COUNT_PATTERN, MONEY, MONEY_PATTERN

# The units of index.units, and those only a disclosure's text prints (a 评分 分, 万人次, 万人, 批次, areas).
_UNITS = f"{MONEY_PATTERN}|%|分(?!钟|之)|万人次|万人|批次|{COUNT_PATTERN}|平方米|米(?![内范])"
_LARGE = "万亿元|(?:万|亿)?(?:吨|公斤|斤)"  # "总投资不少于 1.5 万亿元", "轮换市级储备小麦 2.1 亿斤"
_BOUNDS = "及以上|以上|以下|以内|左右"
_BOUND_BEFORE = re.compile(r"(?:不少于|不低于|不超过|不高于)$")
# a bound that ends its clause is the figure's own ("增长 7.8%以上；"): the fact's column says so; a bound inside
# a noun phrase ("100 万元以上的设备", "100万元（含）以上设备") is a threshold, no figure
FIGURE = re.compile(
    rf"(?<![\d.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>{_LARGE}|{_UNITS})"
    rf"(?:(?P<bound>{_BOUNDS})(?=[，,；;。]|$))?(?!\s*(?:[（(]含[)）])?\s*(?:{_BOUNDS}))"
)
_CN_COUNT = re.compile(r"共(?P<cn>[一二两三四五六七八九十]{1,3})(?P<unit>个|名|辆|家|项)(?P<noun>[\u4e00-\u9fff]{1,8})")
# "本单位无下属单位": a count of none (units under the department are asked as a count: "有几个下属单位")
_NO_UNITS = re.compile(r"(?:本单位|本部门)(?:无|没有)(?P<noun>(?:下属|所属|二级)(?:预算)?单位)")
_ASIDE = r"(?:[（(][^（）()]{0,20}[)）])?"  # "比2022年（上一年度、下同）预算增加"
_CHANGE = re.compile(
    rf"(?:比|较)(?P<year>\d{{4}})年?{_ASIDE}(?:[^，,；;。比较]{{0,24}}?)(?P<verb>增加|减少|增长|下降|多|少)$"
)
_CHANGE_PREV = re.compile(
    r"(?:(?:比|较)上年(?:同期)?(?:预算数?|决算数?)?|与上年(?:同期)?(?:预算数?|决算数?)?相比[,，]?(?:收、支预算总计各)?|同比)"
    r"(?P<verb>增加|减少|增长|下降|多|少)$"
)  # "与上年相比减少 14,816.38 万元", "与上年相比收、支预算总计各减少", "同比增加"
_CHANGE_YEAR = re.compile(
    rf"与(?P<year>\d{{4}})年{_ASIDE}(?:同期)?(?:预算数?|决算数?)?相比[,，]?(?P<verb>增加|减少|增长|下降|多|少)$"
)  # "与2025年相比增加"
_BASIS = re.compile(
    rf"(?:比|较|与)(?:(?P<year>\d{{4}})年|上年){_ASIDE}(?P<what>年初预算数|年初预算|预算数|预算|决算数|决算|执行数|的)"
)  # the figure a change is stated against, printed before it ("较上年的 7.80 万元增加 22.12 万元": no measure named)
_BARE_VERB = re.compile(r"(?:相比)?[,，]?(?P<verb>增加|减少|增长|下降|多|少)了?")
_GROWTH_VERB = re.compile(
    r"(?P<verb>增长|下降|增加|减少|降低|提高|上升|增幅|降幅|涨幅|减幅|增长率|下降率)(?:了|为|是)?$"
)  # "较上年减少 33.76 万元，降幅 52.06%"
_FLAT = re.compile(
    r"(?P<subject>[^，。；：]*?)与\s*(?:(?P<year>\d{4})\s*年|上年)\s*(?:预算数?|同期)?(?:持平|相同|一致)"
)  # "与上年持平", "与上年预算数相同"
_INLINE_ITEM = re.compile(r"\d+、(?P<subject>[^，。；：、\d]{2,20})$")
_MARKER = re.compile(r"^(?P<m>[一二三四五六七八九十]+、|[（(](?:[一二三四五六七八九十]+|\d+)[)）]|\d+[.．、](?!\d))\s*")
_DELIMS = "，,；;：:"
_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十]是|其[一二三四五]|首先|其次|再次|此外|另外|因此|所以|(?:主要)?原因(?:是|为)|主要是|其中[：:]?|各单位|本部门|本单位|本级|主要包括|具体包括|包括|主要用于|用于|涉及|共有|另有|下设|下属|设置并编报|编报|安排|当年|截至\d{4}年\d{1,2}月)"
)
_ASIDE_OPENING = re.compile(r"\s*(?:另外|此外|另|同时|需要说明的是)[，,：:]")
_TRAIL = re.compile(r"(?:预算数为|预算数|预算为|预算|决算数|决算|安排|共计|共有|共|为|是|达到|约|的)$")
_VERB_END = re.compile(r"(?P<verb>增加|减少|增长|下降)了?$")
_MEASURE = re.compile(r"(?:年初|全年|当年|本年|上年)?(?:预算|决算|执行)?数?|合计|总计|共计")  # no item on its own
_PRIOR = re.compile(r"(?:去年|上年)(?:同期)?(?P<what>预算数|决算数|执行数)为?")
_COUNTED = frozenset({"个", "家", "名", "辆", "台", "项", "间", "件", "人"})
_NOUN_AFTER = re.compile(r"(?=[\u4e00-\u9fff])(?:[^，,；;：:、。\d（(以的为]|[（(][^（）()]*[)）]){2,20}")
NEGATIVE_VERBS = frozenset({"减少", "下降", "少", "降低"})


@dataclass
class _State:
    """Reading context carried from paragraph to paragraph within a section.

    `groups` holds (outline level, subject) of the paragraphs whose numbered items are their parts: one
    ending "包括：" / "其中：", and inside it each numbered item, whose deeper items are its own parts
    ("（一）收入预算总计…包括： / 1．本年收入合计… / （1）一般公共预算拨款收入…")."""

    groups: list[tuple[int, str]] = field(default_factory=list)


def _level(marker: str | None) -> int:
    """Outline depth of a numbered paragraph: 一、 > （一） > 1. > （1） > none."""
    if marker is None:
        return 5
    if marker.endswith("、") and not marker[0].isdigit():
        return 1
    if marker.startswith(("(", "（")):
        return 4 if marker[1].isdigit() else 2
    return 3


def prose_facts(sections: list[Section], *, doc_id: str, department: str, year: int) -> list[Fact]:
    out: list[Fact] = []
    names = _department_names(department)
    execution: list[Fact] = []
    for section in sections:
        state = _State()
        trail: tuple[str, ...] = ()
        for paragraph in section.paragraphs:
            if paragraph.trail != trail:  # a new subsection ("二、收入预算情况说明") closes every group
                state, trail = _State(), paragraph.trail
            # each paragraph's own figures: an amount printed again in another paragraph is a fact there too
            out.extend(
                _dedupe(_paragraph(paragraph, state, doc_id=doc_id, department=department, year=year, names=names))
            )
            execution.extend(_execution(paragraph, doc_id=doc_id, department=department, year=year))
    return out + execution


# The national 决算 template states each item's execution in one sentence:
# "1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。…全年预算为 52.00 万元，支出决算为 51.32 万元，
# 完成全年预算数的 98.69%" — and the whole: "一般公共预算财政拨款支出年初预算为 0 万元，全年预算为321.02 万元…".
_ITEM_PATH = re.compile(
    r"^\s*\d+\s*[、.．]\s*(?P<path>(?:(?:[^（(。，]|[（(](?!类|款|项)[^（()）]{1,6}[)）]){1,40}[（(](?:类|款|项)[)）])+)"
)  # "政府办公厅（室）及相关机构事务（款）": a bracket inside a name is part of it
_EXEC_SUBJECT = re.compile(r"(?P<subject>[\u4e00-\u9fff“”（）()]{2,30}?)(?:年初预算|全年预算|调整预算)(?:数)?为")
_EXECUTION = (
    (re.compile(r"年初预算(?:数)?为\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)"), "年初预算数"),
    (re.compile(r"全年预算(?:数)?为\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)"), "全年预算数"),
    (re.compile(r"调整预算(?:数)?为\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)"), "调整预算数"),
    (re.compile(r"(?:支出)?决算(?:数)?为\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)"), "决算数"),
    (re.compile(r"完成年初预算(?:数)?的\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%)"), "完成年初预算的比例"),
    (re.compile(r"完成全年预算(?:数)?的\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%)"), "完成全年预算的比例"),
)


def _execution(p: Paragraph, *, doc_id: str, department: str, year: int) -> list[Fact]:
    """An item's 年初预算 / 全年预算 / 决算 / 完成率 as the 决算 prose states them, bound to the item."""
    text = ascii_digits(p.text)
    item = _ITEM_PATH.match(text)
    if item:
        subject = re.split(r"[（(](?:类|款|项)[)）]", item.group("path"))[-2].strip()
    elif m := _EXEC_SUBJECT.search(text):
        subject = m.group("subject").split("情况")[-1]
    else:
        return []
    out = []
    for pattern, column in _EXECUTION:
        for m in pattern.finditer(text):
            snippet = text[max(0, m.start() - 12) : m.end()]
            at = prose_place(p.trail, subject, column, m.group("unit"), snippet, p.page_at(m.start()))
            out.append(
                Fact(
                    doc_id=doc_id, department=department, year=year, table=None, section=p.trail[0], row=subject,
                    code=None, column=column, value=Decimal(m.group("num").replace(",", "")), unit=m.group("unit"),
                    source=render(at), page=p.page_at(m.start()), column_role=column, provenance=at,
                )
            )  # fmt: skip
            break  # the first of each per item: a paragraph states one item
    return out


def _department_names(department: str) -> list[str]:
    variants = {
        department,
        department.replace("（", "(").replace("）", ")"),
        department.replace("(", "（").replace(")", "）"),
    }
    return sorted(variants, key=len, reverse=True)


def clean_subject(raw: str, names: list[str]) -> str:
    """The noun a figure is about: strip year, department, template verbs and endings."""
    s = re.sub(r"\s+", "", raw).strip(_DELIMS + "、。").replace("的，", "的").replace("的,", "的")
    s = _MARKER.sub("", s)
    s = re.sub(r"\d{4}年度?", "", s)
    for name in names:  # "机构设置情况北京市信访办公室内设机构": what follows the name is the item
        after = re.sub(r"^(?:部门|单位)(?!预算|决算)", "", s.rsplit(name, 1)[-1]) if name in s else s
        s = after if after else s.replace(name, "")
    if "本级" in s and not s.endswith("本级"):
        s = s.split("本级", 1)[1].removeprefix("的")
    for _ in range(3):
        s = _LEAD.sub("", s)
        s = _TRAIL.sub("", s)
    # a run-in heading before the sentence: "（一）机关运行经费支出情况机关运行经费支出 10.23 万元"
    s = re.sub(r"^[^，。；“”]{2,20}?(?:情况说明|情况|说明)(?=[^，。；）)]{2})", "", s)
    # a quoted heading before the department's own sentence: "“三公”经费等预算情况本部门一般公共预算…"
    s = re.sub(r"^[^，。；]{2,20}?(?:情况说明|情况|说明)(?:本部门|本单位)", "", s)
    if s.startswith("纳入") and "的" in s:  # "纳入 2026 年部门预算的政府采购项目共有": the noun after 的
        s = _TRAIL.sub("", s.rsplit("的", 1)[1])
    s = s.split("纳入", 1)[0]
    s = s.strip(_DELIMS + "、。").removeprefix("的")  # "（2023 年）海珠区图书馆的公务用车保有量": the name went, 的 too
    if s[:1] in "（(" and not re.search(r"[)）]", s):  # "（一般公务用车 3 辆": an aside cut by the figure
        s = s[1:]
    if s.count("“") != s.count("”"):  # a quote cut by the clause boundary
        s = s.strip("“”")
    return s if re.search(r"[\u4e00-\u9fffA-Za-z]", s) else ""  # "）" alone names nothing


def _paragraph(p: Paragraph, state: _State, *, doc_id: str, department: str, year: int, names: list[str]) -> list[Fact]:
    # a comma inside an aside is no clause boundary: "（上一年度，下同）" (same length: offsets stay)
    text = re.sub(r"[（(][^（）()]{0,20}[)）]", lambda a: a.group(0).replace("，", "、"), ascii_digits(p.text))
    m = _MARKER.match(text)
    level = _level(m.group("m") if m else None)
    while state.groups and state.groups[-1][0] >= level:
        state.groups.pop()
    body = text[m.end() :] if m else text
    facts: list[Fact] = []
    main: tuple[str, str] | None = None  # (subject, unit) the sentence's changes bind to
    item_subject: str | None = None
    # "另外，…较上年减少 23,000.00 万元。" after a list's items: a paragraph that opens with an aside is no item
    paragraph_parent = state.groups[-1][1] if state.groups and not _ASIDE_OPENING.match(body) else None
    first = True

    placed: list[tuple[int, str]] = []  # (offset, item) of each amount or count read, for what follows it
    offsets: list[int] = []  # where each fact's figure is printed in the paragraph

    def emit(row: str, column: str, value: Decimal, unit: str, snippet: str, parent: str | None, offset: int) -> None:
        if column in ("金额", "数量"):
            placed.append((offset, row))
        offsets.append(offset)
        at = prose_place(p.trail, row, column, unit, snippet, p.page_at(offset))
        facts.append(
            Fact(
                doc_id=doc_id, department=department, year=year, table=None, section=p.trail[0],
                row=row, code=None, column=column, value=value, unit=unit,
                source=render(at), parent=parent, page=p.page_at(offset), provenance=at,
            )
        )  # fmt: skip

    sentences = [s for s in re.split(r"(?<=。)", body) if s]
    starts = accumulate((len(s) for s in sentences), initial=len(text) - len(body))  # offsets, for pages
    for sentence, start in zip(sentences, starts, strict=False):
        # a number inside a title is no figure: "《…2030人口发展规划》"
        figures = [
            f
            for f in FIGURE.finditer(sentence)
            if sentence.count("《", 0, f.start()) <= sentence.count("》", 0, f.start())
        ]
        if not figures and len(sentence) <= 22 and not _CN_COUNT.search(sentence):
            item_subject = clean_subject(sentence.rstrip("。"), names) or item_subject
        prev_end = 0
        near: tuple[str, str] | None = None  # the item of the sentence's last figure, which a change may follow
        pending: int | None = None  # the year of the figure just compared with, whose change may follow
        changed: tuple[str, int, int] | None = None  # (item, base year, sign) of the change just read
        list_start = _list_start(sentence)
        main_at: int | None = None  # where in the sentence the figure `main` holds was read (None: before it)
        colon_head: tuple[str, str] | None = None  # the figure a colon lists the parts of
        last_amount: tuple[str, str] | None = None  # the item of the figure just before, when an amount of an item
        for f in figures:
            value = Decimal(f.group("num").replace(",", ""))
            unit = f.group("unit").replace("台(套)", "台（套）")
            pre = _pre(sentence, prev_end, f.start())
            snippet = sentence[max(0, f.start() - 24) : f.end()].strip("，。；： ")
            gap = sentence[prev_end : f.start()].lstrip()
            prev_end = f.end()
            # "总额 11884.37 万元：货物 2703.49 万元、工程 239.56 万元": the figures listed after a figure's colon
            # (joined by 、) are its parts, never the whole a later "其中" is part of
            if gap.startswith(("：", ":")):
                colon_head = last_amount if last_amount and last_amount[1] == unit else None
            elif not gap.startswith("、"):
                colon_head = None
            last_amount = None
            squeezed = re.sub(r"\s+", "", pre)
            last_change, changed = changed, None
            if unit == "%" and last_change and squeezed in ("（", "("):
                # "较上年减少 24.5 万元（43%）": the rate of the change just read, in its direction
                changed_item, base, sign = last_change
                emit(changed_item, f"比{base}年增长率", sign * value, "%", snippet, None, start + f.start())
                continue
            if f.group("bound"):  # "生产总值增长 7.8%以上；": a target's bound, never a change from the year before
                bounded = clean_subject(squeezed, names) or (main[0] if main else item_subject)
                measure = "金额" if unit.endswith("元") else ("比例" if unit == "%" else "数量")
                if bounded:
                    emit(bounded, f"{measure}（{f.group('bound')}）", value, unit, snippet, None, start + f.start())
                continue
            change = _CHANGE.search(squeezed) or _CHANGE_YEAR.search(squeezed) or _CHANGE_PREV.search(squeezed)
            own = (
                clean_subject(re.split(rf"[{_DELIMS}、]|用于", squeezed[: change.start()])[-1], names) if change else ""
            )
            # a change or rate is about the subject its clause names ("收入比2025年减少"), else the figure just
            # before it in the sentence ("因公出国（境）费用 20.00 万元，比 2025 年减少 7.00 万元")
            target = (
                ((own, unit) if own and not _MEASURE.fullmatch(own) else None)
                or near
                or main
                or ((item_subject, unit) if item_subject else None)
            )
            if (basis := _BASIS.fullmatch(squeezed)) and unit in MONEY and target:
                # "比 2025 年年初预算数 1506121.45 万元减少 57334.09 万元": the figure compared with, then the change
                compared = int(basis.group("year") or year - 1)
                emit(
                    target[0],
                    f"{compared}年{basis.group('what').replace('的', '金额')}",
                    value,
                    unit,
                    snippet,
                    None,
                    start + f.start(),
                )
                pending = compared
                continue
            if pending is not None and (verb := _BARE_VERB.fullmatch(squeezed)) and unit in MONEY and target:
                sign = -1 if verb.group("verb") in NEGATIVE_VERBS else 1
                emit(target[0], f"比{pending}年增减", sign * value, unit, snippet, None, start + f.start())
                changed = (target[0], pending, sign)
                pending = None
                continue
            pending = None
            if change and unit in (*MONEY, "人", "辆", "个") and target:
                base = int(change.groupdict().get("year") or year - 1)
                sign = -1 if change.group("verb") in NEGATIVE_VERBS else 1
                emit(target[0], f"比{base}年增减", sign * value, unit, snippet, None, start + f.start())
                changed = (target[0], base, sign)
                near = target
                continue
            if unit == "%" and squeezed.startswith("占") and near:
                # "基本支出预算 7485.22 万元，占本年支出预算 77.75%": the share is the item's
                whole = squeezed.removesuffix("的")
                emit(
                    near[0],
                    f"{whole}的比例" if whole != "占" else "比例",
                    value,
                    unit,
                    snippet,
                    None,
                    start + f.start(),
                )
                continue
            if (prior := _PRIOR.fullmatch(squeezed.lstrip("（("))) and near and unit in MONEY:
                # "增加 32,640 万元（去年预算数为 0 万元，…）": the item's figure of the year before
                emit(near[0], f"{year - 1}年{prior.group('what')}", value, unit, snippet, None, start + f.start())
                continue
            if (verb := _VERB_END.search(squeezed)) and unit in MONEY:
                # "主要是一般公共预算财政拨款增加 10300.15 万元": a change of the item named before the verb
                named = clean_subject(squeezed[: verb.start()], names)
                item = (named, unit) if named and not _MEASURE.fullmatch(named) and named[0] not in "比较与" else target
                if item:
                    sign = -1 if verb.group("verb") in NEGATIVE_VERBS else 1
                    base = _base_year(sentence[: f.start()], year)
                    emit(item[0], f"比{base}年增减", sign * value, unit, snippet, None, start + f.start())
                    changed = (item[0], base, sign)
                    near = item
                    continue
            growth = _GROWTH_VERB.search(squeezed)
            if unit == "%" and growth and target:
                base = _base_year(sentence[: f.start()], year)
                sign = -1 if growth.group("verb") in NEGATIVE_VERBS | {"降低", "降幅", "减幅", "下降率"} else 1
                emit(target[0], f"比{base}年增长率", sign * value, "%", snippet, None, start + f.start())
                continue
            if squeezed.startswith("涉及") and near and unit in MONEY:
                # "编报绩效目标的项目 1 个，涉及预算金额 175.52 万元": the amount of the items just counted
                emit(
                    near[0], clean_subject(squeezed[2:], names) or "金额", value, unit, snippet, None, start + f.start()
                )
                continue
            noun = _NOUN_AFTER.match(sentence, f.end()) if unit in _COUNTED else None
            # "包括 9个机关行政处（科、股）室及 0 个下属单位", "完成 13 个区县…考核": a count's noun follows it
            subject = counted_noun(noun.group(0)) if noun else clean_subject(pre, names)
            if subject and _MEASURE.fullmatch(subject):
                # "（一）收入预算：2026 年年初预算数 186549.30 万元": the item is before the colon
                subject = clean_subject(
                    re.split(rf"[{_DELIMS}。]", sentence[: f.start() - len(pre)].rstrip(_DELIMS))[-1], names
                )
            if not subject:
                post = re.split(rf"[{_DELIMS}、。]", sentence[f.end() :], maxsplit=1)[0]
                subject = clean_subject(post, names) if not re.search(r"\d", post) else ""
            if not subject and not pre.strip() and near:  # "在建工程1项12277.73万元": the items just counted
                subject = near[0]
            subject = subject or item_subject or ("部门预算" if "预算" in pre and unit in MONEY else "")
            if not subject:
                continue
            if item_subject and subject != item_subject and (fund := _restated(subject, item_subject)):
                subject = fund + item_subject  # "（一）机关运行经费。…一般公共预算财政拨款运行经费 2115.63 万元"
            if subject.startswith("实有") and facts and facts[-1].row.endswith("总数"):
                subject = facts[-1].row.removesuffix("总数") + subject
            if list_start is not None and (reopened := _reopened(sentence, list_start, f.start(), f.end())):
                list_start = reopened  # the figure is a whole again, its own list after it
            in_list = list_start is not None and f.start() > list_start and main is not None
            # "包括 9 个机关行政处（科、股）室及 0 个下属单位": figures after the list word are its items, side by
            # side; none heads the others unless its own clause lists them
            in_list = in_list and (main_at is None or list_start is None or main_at < list_start)
            parent = main[0] if in_list and main and main[0] != subject else None
            if colon_head and colon_head[0] != subject:
                parent = colon_head[0]
            if first and parent is None and paragraph_parent != subject:
                parent = paragraph_parent
            column = "金额" if unit.endswith("元") else ("比例" if unit == "%" else "数量")
            if lower := _BOUND_BEFORE.search(subject):  # "总投资不少于 1.5 万亿元": the bound is the column's
                subject, column = subject[: lower.start()] or subject, f"{column}（{lower.group(0)}）"
            emit(subject, column, value, unit, snippet, parent, start + f.start())
            if unit != "%":
                near = (subject, unit)
            if not in_list and not colon_head and unit != "分":  # a score is no whole that later figures are parts of
                main, main_at = (subject, unit), f.start()
            last_amount = (subject, unit) if column == "金额" else None
            first = False
        for c in _CN_COUNT.finditer(sentence):
            count = Decimal(cn_number(c.group("cn")))
            emit(c.group("noun"), "数量", count, c.group("unit"), c.group(0), None, start + c.start())
        for c in _NO_UNITS.finditer(sentence):
            emit(c.group("noun"), "数量", Decimal(0), "个", c.group(0), None, start + c.start())
        for flat in _FLAT.finditer(sentence):
            # "其中：公务用车运行费6.40万元，与2023年预算持平": the item of the figure just before, else the sentence's
            before = next((row for at, row in reversed(placed) if start <= at < start + flat.start()), None)
            flat_subject = clean_subject(flat.group("subject"), names) or before or (main[0] if main else item_subject)
            if flat_subject:
                unit = next((f.unit for f in reversed(facts) if f.row == flat_subject), main[1] if main else "")
                base = int(flat.group("year") or year - 1)
                snippet = flat.group(0).strip("，")
                emit(flat_subject, f"比{base}年增减", Decimal(0), unit, snippet, None, start + flat.start())
        inline = _INLINE_ITEM.search(sentence.rstrip("。"))
        if inline:
            item_subject, main = inline.group("subject"), None
    opens = text.rstrip().endswith(("包括：", "包括:", "其中：", "其中:", "如下："))
    # a numbered heading that states its total, "（一）本年财政拨款收入 9616.34 万元", heads the items under it
    opens = opens or bool(m and (end := FIGURE.search(text.rstrip())) and end.end() == len(text.rstrip()))
    last = next((f.row for f in reversed(facts) if f.column in {"金额", "数量"}), None)
    # the numbered item's own figure, printed in its first sentence ("（1）进修及培训（20508）102.32 万元，…")
    first_end = len(text) - len(body) + len(sentences[0]) if sentences else 0
    head = next(
        (
            f.row
            for at, f in zip(offsets, facts, strict=True)
            if at < first_end and f.column in {"金额", "数量"} and not text[:at].rstrip().endswith("为")
        ),
        None,
    )  # not a budget stated of it ("…具体情况一般公共预算财政拨款支出年初预算为 0 万元")
    if text.rstrip().endswith("如下：") and last:
        # the items that follow detail what was named last ("总收入 X，其中本年收入 X。具体情况如下：")
        state.groups.append((level, last))
    elif m and head and re.search(r"。\s*(?:其中|包括)[：:]$", text.rstrip()):
        # "（1）进修及培训（20508）102.32 万元…。具体为：…专项业务经费 74.00 万元…。其中：": a list word that
        # stands as a sentence of its own lists the parts of the numbered item, not of the clause before it
        state.groups.append((level, head))
    elif main and (opens or (m and state.groups)):  # a numbered item inside a group may have parts of its own
        state.groups.append((level, main[0]))
    return facts


_FUND_WORDS = (
    "一般公共预算财政拨款",
    "一般公共预算拨款",
    "一般公共预算",
    "财政拨款",
)  # a figure's fund, said before it


def _restated(subject: str, heading: str) -> str:
    """The fund words before the subject when it is the heading's item said again shorter after them: "一般公共预算
    财政拨款" of "一般公共预算财政拨款运行经费" under "机关运行经费" (what is left is the heading's ending, two
    characters or more, and no whole item of its own); "" otherwise."""
    rest = subject
    for word in _FUND_WORDS:
        rest = rest.removeprefix(word)
    fits = rest != subject and len(rest) >= 2 and heading.endswith(rest) and len(heading) > len(rest)
    return subject[: len(subject) - len(rest)] if fits else ""


def _list_start(sentence: str) -> int | None:
    """Where a "包括…/其中…" list begins in a sentence, if it has one."""
    m = re.search(r"包括|其中", sentence)
    return m.end() if m else None


def _reopened(sentence: str, list_start: int, start: int, end: int) -> int | None:
    """Where the figure's own list begins when it opens one after the sentence's list has closed: "人员编制
    138 人，其中：行政编制 118 人、事业编制 20 人；实有人员 138 人，其中：行政 120 人" — past a semicolon, a
    figure whose clause says 其中 again is a whole of its own, not one more part of the first."""
    if start < list_start or max(sentence.rfind("；", list_start, start), sentence.rfind(";", list_start, start)) < 0:
        return None
    clause = re.split(r"[；;]", sentence[end:], maxsplit=1)[0]
    again = _list_start(clause)
    return end + again if again is not None else None


def _pre(sentence: str, prev_end: int, start: int) -> str:
    """The text a figure's subject is read from: back to the clause start or the previous figure."""
    cut = max((sentence.rfind(d, prev_end, start) for d in _DELIMS), default=-1)
    begin = max(prev_end, cut + 1)
    if cut > prev_end and sentence[:cut].endswith("的"):  # "由中小企业供应商中标或成交的，采购金额 N": one noun phrase
        begin = max([prev_end, *(sentence.rfind(d, prev_end, cut) + 1 for d in _DELIMS)])
    yongyu = sentence.rfind("用于", prev_end, start)
    colon = max(sentence.rfind("：", prev_end, start), sentence.rfind(":", prev_end, start))
    if yongyu > colon and yongyu != -1:
        begin = min(begin, yongyu)
    return sentence[begin:start]


def counted_noun(after: str) -> str:
    """The noun a count is of, read after it: up to the next noun joined by 和/及/与 ("28 个处（室）和市招投标
    管理办公室" → 处室), a one-character bracket being part of the word ("处（室）" is 处室, as others print it)."""
    noun = re.sub(r"\s+", "", after)
    noun = m.group(1) if (m := re.match(r"(.{2,}?)[和及与]", noun)) else noun  # "参与单位": no noun before 与
    return re.sub(r"[（(](\w)[)）]", r"\1", noun)


def _base_year(before: str, year: int) -> int:
    years = re.findall(r"(?:比|较|与)\s*(\d{4})\s*年", before)
    return int(years[-1]) if years else year - 1


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for f in facts:
        key = (f.row, f.column, f.value, f.unit, f.parent)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
