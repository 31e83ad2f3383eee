"""Reading a question that crosses documents: which departments, year and kind it covers, the subject it
compares, and what it asks of them (rank, total, average, compare, filter, share, change, execution).

A question is read here only when it is about several documents: it names two or more departments, or
asks about departments in general (哪个部门 / 各部门 / 全区 …), or compares one department's 决算
with its 预算 or two of its years. Anything else goes to the single-document understanding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from assistant.abbreviated import abbreviated
from assistant.bounds import bounds
from assistant.figures import ascii_text
from assistant.named_set import COUNTED, named_set
from assistant.numerals import value as numeral_value
from assistant.over_years import joined_years, years_in
from assistant.own_years import own_years
from assistant.places import (
    SET,
    Said,
    by_full_name,
    governing,
    places_of,
    said,
    scoped,
    set_said,
    unknown_place,
    unloaded,
)
from assistant.records import Across, AcrossOp, Answer
from assistant.restriction import joined, restriction
from assistant.subjects import Subject, kind_named, subjects
from assistant.times_across import refusal as times_refusal
from assistant.times_across import times_asked
from assistant.tokens import to_template
from assistant.understand import NOT_BUDGET
from index.records import DocumentInfo
from index.tables import label_key
from index.units import MONEY_PATTERN

# Words that make a question one about departments in general.
MANY = re.compile(
    r"哪个部门|哪些部门|哪几个部门|哪一个部门|哪个单位|哪些单位|哪几个单位|哪家单位|哪几家|哪家|各部门|各单位|各个部门|各个单位"
    r"|全区|全市|全县|所有部门|所有单位|全部部门|全部单位|每个部门|每个单位|部门排名|单位排名|部门间|跨部门|各预算单位"
    r"|(?:所有|全部)[\u4e00-\u9fff]{2,6}?的(?:部门|单位)|(?:这|那)(?:些|几个|几家)[市区县省]级(?:部门|单位)"
    r"|最[多少高低大小]的(?:[0-9一二两三四五六七八九十]+[个家])?(?:部门|单位)|[0-9一二两三四五六七八九十]+个(?:部门|单位)"
    r"|(?:部门|单位)(?:有|是)哪(?:些|几个|几家)|(?:部门|单位)有几个|有几个(?:部门|单位)"
    r"|(?:部门|单位).{0,12}(?:排名|排行|排序)|(?:排名|排行|排序|前\s*\w{1,3}\s*名).{0,8}(?:部门|单位)|的(?:部门|单位)\s*[？?。]?\s*$"
    r"|(?:部门|单位)有多少个|多少个(?:部门|单位)|倒数第|[前后]\s*[0-9一二两三四五六七八九十]+\s*名(?!.*(?:项目|科目|哪项|哪几项))"
)
ALL = re.compile(r"全区|全市|全县|所有部门|所有单位|全部部门|全部单位")  # …的总数, not a list
STATS = re.compile(r"相差|差距|差多少|中位数|众数|方差|标准差|极差")
WHICH = re.compile(r"哪些|哪几个|哪几家")
# "哪个今年机关运行经费是增加的", "谁比上年减少了": which of the departments changed that way (a filter, not a ranking)
WHICH_ROSE = re.compile(r"(?:哪个|哪家|哪一个|谁)[^，,；;]*?(?:增加|增长|上升|下降|减少)(?:的|了)\s*(?:[？?。：:]|$)")
RANK = re.compile(
    r"排名|排序|排行|排一下|排个序|从高到低|从低到高|由高到低|由低到高|降序|升序|最多|最少|最高|最低|最大|最小|前\s*\w{1,3}\s*[名位]"
)
ASCENDING = re.compile(r"最少|最低|最小|从低到高|由低到高|升序|后\s*\w{1,3}\s*[名位个]")
TOTAL = re.compile(r"合计|加起来|加总|总共|一共|总和|之和|汇总|共计|合起来|总额是|总计是|总数|总量")
EACH = re.compile(r"分别|各自|各是")  # one line each
PART_OF = re.compile(
    r"(?:里|中|当中|之中|其中)的?(?P<part>[^，,。？?]{1,12}?)(?:分别|各自|各是)"
)  # a part of the subject, each
SUM = re.compile(r"加起来|加总|加在一起|总共|一共|总和|之和|共计|合起来")  # a sum said as one (合计 may be a name)
SUPERLATIVE = re.compile(r"最[多少高低大小]|哪个|哪一个|哪家|谁")  # one of them is asked for
WHOLE_BUDGET = re.compile(
    r"(?:预算|决算)(?:总额|总量|总计|规模|资金)?\s*(?:是|为)?\s*(?:最|合计|总和|加起来|一共|共|多少|哪个|谁|排|比|多|少|高|低|大|小)"
)
AVERAGE = re.compile(r"平均|均值")
COMPARE = re.compile(r"比一比|比一下|对比|比较|相比|谁多|谁高|谁少|谁低|哪个多|哪个高|哪个少|差多少|相差|差距|差额")
SHARE = re.compile(r"(.+?)占(.+?)(?:的)?(?:比例|比重|百分比|份额|多少|几成|%)")
SHARE_OF_TOTAL = re.compile(r"(.+?)(?:的)?(?:占比|比重)")  # "基本支出占比最高的部门": of the department's 支出合计
PLACE = re.compile(r"排第几|第几名|排名第几|排在第?几|名次|排多少|排名如何|排在哪")
CHANGE = re.compile(r"增加|减少|增长|下降|变化|增减|多了|少了|多出|涨|降")
TREND = re.compile(r"增长|增加|下降|减少|增幅|降幅|增减|上升|涨幅")  # a change, even without 同比 or two years
FALLING = re.compile(r"下降|减少|降幅|压减")
OVER_BUDGET = re.compile(r"超过预算|超出预算|超支|多于预算|高于预算")
UNDER_BUDGET = re.compile(r"低于预算|少于预算|未完成预算|没有完成预算|不到预算|没完成预算")
BUDGET_COLUMNS = re.compile(r"预算数|年初预算|全年预算|调整预算")  # a 决算's own columns, not its 预算 document
GROWTH = re.compile(r"增长率|增幅|降幅|增速|百分之几|百分之多少|增长了?百分|下降了?百分|百分比")
SAME_TIME = re.compile(r"同比|比上年|比去年|比上一年|较上年|较去年")
MAGNITUDE = re.compile(r"(?<!多)少|减少|压减|下降|降幅|降了|跌|多了|多出|增加了|涨了")  # 多少 asks, it does not say
EXECUTION = re.compile(r"执行率|完成率|执行情况|完成情况|执行了多少|完成了多少")
FUND_BUDGET = re.compile(r"(?:一般公共|政府性基金|国有资本经营)预算|预算单位|预算主管")  # names, not the kind
ACTUAL = re.compile(r"实际(?:支出|花|执行|发生|用)")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
THIS_YEAR = re.compile(r"今年|本年度?")
LAST_YEAR = re.compile(r"去年|上年|上一年")
NUMBER = r"(\d[\d,]*(?:\.\d+)?|[零一二两三四五六七八九十百千]+)(?![\d,.]|\s*年)"  # 2023年 is no threshold
MONEY_UNIT = r"(" + MONEY_PATTERN + r"|亿|万|%|％)?"
BETWEEN = re.compile(rf"{NUMBER}\s*{MONEY_UNIT}\s*(?:到|至|~|－|-|—)\s*{NUMBER}\s*{MONEY_UNIT}\s*(?:之间|以内)?")
NONE = re.compile(r"为零|为0|是零|是0|等于零|等于0|没有|没安排|未安排|无(?=政府|国有|一般|三公|“|公务|项目|基本)")
SOME = re.compile(r"有(?!多少|几)")
LIMIT = re.compile(
    r"[前后]\s*([0-9]+|[一二两三四五六七八九十]+)\s*(?:名|位|个|家)?|(?:最多|最高|最大|最少|最低|最小)的\s*([0-9]+|[一二两三四五六七八九十]+)\s*(?:个|名|家|位)"
)
FOLLOW = re.compile(
    r"^(?:那么?|换成|改成|换|再看看?|看看|只看|只要|如果是|要是)|呢\s*[？?]?\s*$|^(?:前|后)\s*\w{1,3}\s*(?:名|个|位)"
)
WITHIN = re.compile(r"(.+?)(?:中的|里的|当中的|之中的|其中的|下的)(.+)")
DISTRICT = "各部门合计"  # the whole of a share over all departments
UNIT_WORDS = {"亿": "亿元", "万": "万元", "％": "%"}


def _blanked(text: str, named: dict[str, str]) -> str:
    """The text with the names already read blanked (\0), the same length."""
    for alias in sorted(set(named.values()), key=len, reverse=True):
        text = text.replace(alias, "\0" * len(alias))
    return text


def _count(text: str) -> int:
    return int(text) if text.isdigit() else int(numeral_value(text) or 0)


def _kind(text: str) -> str | None:
    """预算 / 决算 as the question says it (names of funds, 预算单位 … do not count; 实际支出 is a 决算's)."""
    rest = ACTUAL.sub("决算", FUND_BUDGET.sub("", text))
    actual, budget = "决算" in rest, "预算" in rest
    return "决算" if actual and not budget else "预算" if budget and not actual else None


def _per(text: str) -> Literal["execution", "change"] | None:
    """Whether each department's figure is made of two of its documents: 执行率 (决算 against 预算) or a change
    between two years ("各部门项目支出同比增长率排名", "哪个部门三公经费增长最多")."""
    rest = ACTUAL.sub("决算", FUND_BUDGET.sub("", text))
    if EXECUTION.search(text) or OVER_BUDGET.search(text) or UNDER_BUDGET.search(text):
        return "execution"
    if "决算" in rest and "预算" in rest and not BUDGET_COLUMNS.search(text):
        return "execution"
    if (SAME_TIME.search(text) or len(set(YEAR.findall(text))) == 2) and (CHANGE.search(text) or GROWTH.search(text)):
        return "change"
    if TREND.search(text) and (
        RANK.search(text) or WHICH.search(text) or GROWTH.search(text) or WHICH_ROSE.search(text)
    ):
        return "change"
    if len(set(YEAR.findall(text))) == 2 and re.search(r"超过|高于|多于|低于|少于|不及", text) and not _bounded(text):
        return "change"  # "2024年预算支出超过2023年的部门": each department's two years
    return None


def _group(
    masked: str, places: list[Said], held: list[str], departments: tuple[str, ...]
) -> tuple[str, tuple[str, ...], tuple[str, ...]] | str:
    """(place, the departments of the place, the departments named) when the question speaks of the
    departments of a place ("深圳各部门", "重庆这两个部门", "北京这几个局"), or a question to ask back when
    the count it gives is not the number of departments ("重庆这三个部门" of two)."""
    places = [p for p in places if masked[p.start : p.end].strip()]  # "烟台市审计局": a name's place is no group
    is_set, count = set_said(masked)
    at = SET.search(masked) or MANY.search(masked)
    if at is not None and (unknown := unknown_place(masked, places)):
        return f"库中没有{unknown}的部门的公开文件（库中的部门属于{'、'.join(sorted({_city(d) for d in held}))}）"
    if not places or at is None:
        return "", (), departments
    place = governing(places, at.start()) or (places[0] if len({p.departments for p in places}) == 1 else None)
    if place is None:
        return "", (), departments
    place = joined(masked, places, place)  # "无锡、烟台、福州哪些单位": the places listed together
    if departments and not set(departments) <= place.departments:
        return "", (), departments  # "无锡交通局、…、烟台审计局这四家": places of the names, no group of one place
    within = tuple(d for d in held if d in place.departments)
    if count is not None:
        shown = departments or within
        if count != len(shown):
            names = "、".join(shown)
            return (
                f"问题说{place.name}的{count}个部门，但{'问题写出' if departments else '库中' + place.name}的部门有 "
                f"{len(shown)} 个（{names}），请写出要问的部门名称"
            )
        if not departments and is_set:
            return place.name, within, within  # "重庆这两个部门": exactly the two
    return place.name, within, departments


def _city(department: str) -> str:
    return next(iter(places_of(department)), department)


def _per_op(text: str, per: Literal["execution", "change"]) -> AcrossOp:
    """What a question asks of each department's 执行率 or change: a filter, an average, a total or a ranking."""
    signed = (
        per == "change" and (WHICH.search(text) or "的部门" in text or WHICH_ROSE.search(text))
        and (TREND.search(text) or re.search(r"超过|高于|多于|低于|少于|不及", text))
    )  # fmt: skip
    over = per == "execution" and (OVER_BUDGET.search(text) or UNDER_BUDGET.search(text))
    if _bounded(text) or over or (signed and not RANK.search(text)):
        return "filter"
    return "average" if AVERAGE.search(text) else "total" if TOTAL.search(text) and per == "change" else "rank"


def _bounded(text: str) -> bool:
    return bool(bounds(text) or BETWEEN.search(text))


@dataclass(frozen=True)
class Scope:
    """The departments a question across documents asks, as `AcrossReader.scope` reads them."""

    held: list[str]  # every department of the documents in scope
    named: dict[str, str]  # department → the name as written (or the counted set's short name)
    counted: tuple[str, ...] | None  # a counted set ("三个民政局")
    departments: tuple[str, ...]  # the departments named
    bare: str  # the question with the names blanked
    place: str  # a place said, as written
    within: tuple[str, ...]  # the departments of that place
    listed: bool  # a restriction to places ("只看无锡、烟台的")


class AcrossReader:
    """Reads questions about several documents into `Across` queries."""

    def __init__(self, named: Callable[[str], dict[str, str]], row_keys: dict[str, str], code_names: dict[str, str]):
        self.named = named  # the departments a text names (department → the name as written)
        self.row_keys = {k: c for k, c in row_keys.items() if c and len(k) >= 2}  # rows of the coded tables
        self.code_names = code_names

    def read(self, question: str, docs: Sequence[DocumentInfo], previous: Answer | None = None) -> Across | None:
        """The question as one across documents, or None when it is about one document."""
        text = ascii_text(question).strip()
        last = previous.across if previous else None
        if last and previous and previous.choices and text in previous.choices:  # "决算" after "预算还是决算？"
            return replace(last, kind=text) if text in ("预算", "决算") else replace(last, year=int(text[:4]))
        scope = self.scope(question, docs)
        if isinstance(scope, Across):
            return scope
        named, counted, departments, bare = scope.named, scope.counted, scope.departments, scope.bare
        place, within, listed = scope.place, scope.within, scope.listed
        follows = len(departments) != 1 or (last is not None and last.op in ("execution", "change", "rank"))
        if last and not MANY.search(bare) and follows and FOLLOW.search(bare):
            a = self._follow(last, bare, departments, max((d.year for d in docs), default=None))
            return replace(a, within=within, place=place, refusal=None) if listed else a
        if len(departments) == 1 and (summed := self._over_years(question, bare, departments)):
            return summed
        op = self._op(bare, departments, docs, grouped=bool(within))
        if op is None or (op == "compare" and EACH.search(bare) and TREND.search(bare) and len(YEAR.findall(bare)) < 2):
            return None  # "A和B的三公经费分别下降了多少": each one's own printed change (assistant/each_named.py)
        per = _per(bare) if op in ("rank", "filter", "average", "total") and len(departments) != 1 else None
        found = self._subject(bare, op) or self._subject(to_template(bare), op)  # "预算盘子": glossary synonyms
        found = found or (("支出合计", None) if per else None)
        if found is None:
            return None
        subject, whole = found
        if op == "compare" and EACH.search(bare) and (m := PART_OF.search(bare)):
            if (part := self.subject_of(m["part"])) is None:
                return None  # "A和B，政府采购里工程类分别多少": each one's part asked, by the single-department engine
            subject = part  # "基本支出里人员经费分别是多少": the part asked, never its parent
        years = sorted({int(y) for y in YEAR.findall(bare)})
        refusal = None
        own = (
            own_years(text, named) if op in ("total", "compare", "rank", "average") and not per and not EACH.search(bare)
            else ()
        )  # fmt: skip  # 分别: each department's own question (assistant/each_named.py)
        if own:  # "佛山轨道交通局2019年和烟台审计局2026年的…合计": each department in its own year
            years = []
        if len(years) > 2 or (len(years) == 2 and op != "change" and per != "change"):
            refusal = f"问题里写了多个年度（{'、'.join(f'{y}年' for y in years)}），请一次问一个年度（两年的比较请写“比上年”或“2024年比2023年”）"
        elif len(departments) != 2 and STATS.search(bare) and op not in ("change", "execution"):
            refusal = "目前只能回答各部门的排名、合计、平均、筛选、占比、执行率和增减，不能计算各部门之间的相差、中位数等统计量"
        if refusal is None and (kind := kind_named(subject, bare)):  # "政府采购有工程类的": a part, not the whole
            refusal = (f"问题问的是{subject}中的“{kind}”类，各部门比较只读{subject}的合计，不能按“{kind}”类分列"
                       f"；请逐个部门问（如“某部门{subject}中{kind}类是多少”）")  # fmt: skip
        ratio: tuple[str, ...] = ()
        if refusal is None and len(departments) >= 2 and not per and times_asked(bare):  # "A是B的几倍": A ÷ B
            if op == "compare":
                ratio, refusal = times_refusal(text, named, departments)
            else:
                refusal = "“几倍”只能在两个部门之间计算（前一个 ÷ 后一个）；请写成“A的……是B的几倍”"
        year = years[-1] if years else None
        if year is None and THIS_YEAR.search(bare):
            year = max((d.year for d in docs), default=None)
        if year is None and LAST_YEAR.search(bare):
            year = max((d.year for d in docs), default=1) - 1
        asc = bool(ASCENDING.search(bare))
        if per == "change" and re.search(r"(?:下降|减少|降幅)(?:最多|最大|最快|得最多|幅度最大)", bare):
            asc = True  # "下降最多的部门": the most negative change first
        limit = next((_count(a or b) for a, b in LIMIT.findall(bare)), None)
        written: dict[str, list[str]] = {}
        for department, alias in named.items():
            written.setdefault(alias, []).append(department)
        ambiguous = tuple((alias, tuple(names)) for alias, names in written.items() if len(names) > 1)
        ambiguous = () if counted is not None else ambiguous  # "三个民政局": each of them is asked
        focus = departments[0] if op == "rank" and len(departments) == 1 else None
        if focus:
            departments = ()
        return Across(
            question=question, op=op, subject=subject, whole=whole, departments=departments, year=year, focus=focus,
            kind=None if op == "execution" or per == "execution" else _kind(bare), descending=not asc, limit=limit,
            per=per, ambiguous=ambiguous, within=within, place=place, each=op == "compare" and bool(EACH.search(bare)),
            threshold=self._threshold(bare, per) if op == "filter" or (op == "share" and _bounded(bare)) else None,
            below=self._below(bare) if op in ("filter", "share") else None, refusal=refusal,
            rate=bool(EXECUTION.search(bare) or re.search(r"率|百分|比例|比重|%|几成|占", bare)),
            earlier=years[0] if (op == "change" or per == "change") and len(years) == 2 else None,
            growth=bool(GROWTH.search(bare)), magnitude=bool(MAGNITUDE.search(bare)), own_years=own, ratio=ratio,
        )  # fmt: skip

    def scope(self, question: str, docs: Sequence[DocumentInfo]) -> Scope | Across:
        """The departments a question across documents asks (named, counted, abbreviated, of a place said, or
        restricted to places), or an `Across` holding the refusal when they cannot be read."""
        text = ascii_text(question).strip()
        held = list(dict.fromkeys(d.department for d in docs))
        places = said(text, held)
        named = scoped(text, self.named(text), places)  # "深圳…财政局": 深圳's, not every 财政局
        shortened, absent = abbreviated(
            _blanked(text, named), places, self._subject_at
        )  # "（无锡人社、烟台审计、佛山轨交）"
        named = {**shortened, **named}
        counted = named_set(text, held, {d.department: d.aliases for d in docs}, named)  # "三个民政局"
        if isinstance(counted, str):
            return Across(question=question, op="total", subject="", departments=tuple(named), refusal=counted)
        if counted is not None:
            short = m.group("name") if (m := COUNTED.search(text)) else ""
            named = {d: named.get(d) or short for d in counted}
        for name in unloaded(
            text, named, places, self._subject_at
        ):  # a department written in the list that is not loaded
            if full := by_full_name(name, held):
                named[full] = name
            else:
                absent.append(name)
        departments = tuple(named)
        bare, masked = text, text
        for alias in sorted(named.values(), key=len, reverse=True):
            bare = bare.replace(alias, " ")
            masked = masked.replace(alias, " " * len(alias))
        if absent and len(departments) + len(absent) >= 2:
            return Across(question=question, op="total", subject="", departments=departments,
                          refusal=f"库中没有{'、'.join(absent)}的公开文件，无法与其他部门一起回答；"
                          f"请去掉{'、'.join(absent)}再问，或先导入其公开文件")  # fmt: skip
        group = _group(masked, places, held, departments)
        if isinstance(group, str):
            return Across(question=question, op="total", subject="", departments=departments, refusal=group)
        place, within, departments = group
        if listed := restriction(text, places, named):  # "只看无锡、烟台、福州的": those places' departments only
            if listed.unknown:
                return Across(question=question, op="total", subject="", departments=departments,
                              refusal=f"库中没有{'、'.join(listed.unknown)}的部门的公开文件（库中的部门属于"
                              f"{'、'.join(sorted({_city(d) for d in held}))}）；请去掉{'、'.join(listed.unknown)}再问，"
                              "或先导入其公开文件")  # fmt: skip
            place, within = "、".join(listed.names), tuple(d for d in held if d in listed.departments)
            departments = tuple(d for d in departments if d not in listed.listed)
        return Scope(held=held, named=named, counted=counted, departments=departments, bare=bare, place=place,
                     within=within, listed=listed is not None)  # fmt: skip

    def _over_years(self, question: str, text: str, departments: tuple[str, ...]) -> Across | None:
        """ "万里街道2023年和2024年的“三公”经费加起来": one department's subject summed over the years named."""
        years = joined_years(text)
        each = bool(EACH.search(text)) and not SUM.search(text)  # "2023年和2024年的三公经费分别是多少": a line a year
        if len(years) < 2 or not (SUM.search(text) or TOTAL.search(text) or each) or CHANGE.search(text):
            return None
        if COMPARE.search(text) or GROWTH.search(text) or SAME_TIME.search(text):
            return None
        found = self.subject_of(text)
        if found is None:
            return None
        return Across(question=question, op="total", subject=found, departments=departments, years=tuple(years),
                      year=years[-1], kind=_kind(text), each=each)  # fmt: skip

    def _op(
        self, text: str, departments: tuple[str, ...], docs: Sequence[DocumentInfo], grouped: bool = False
    ) -> AcrossOp | None:
        many = bool(MANY.search(text)) or grouped
        if len(departments) >= 2:
            if (per := _per(text)) and (WHICH.search(text) or many or WHICH_ROSE.search(text)):
                return _per_op(text, per)  # "北京这四个部门三公经费比上年增加的有哪些": each one's change
            if (WHICH.search(text) or many) and (_bounded(text) or NONE.search(text) or SOME.search(text)):
                return "filter"  # "A、B、C这三家，哪几家有国有资本经营预算支出": those of the named holding it
            if AVERAGE.search(text):
                return "average"
            if (
                TOTAL.search(text)
                and not COMPARE.search(text)
                and not (SUPERLATIVE.search(text) and not SUM.search(text))
            ):
                return "total"  # "合计最多的" ranks (支出合计 is a subject's name); "加起来" sums
            if SHARE.search(text) or SHARE_OF_TOTAL.search(text):
                return "share"  # "这几个部门里基本支出占比最高的": the shares ranked, never the amounts
            return "rank" if RANK.search(text) and not COMPARE.search(text) else "compare"
        if len(departments) == 1 and many and PLACE.search(text):
            return "rank"  # "财政局的三公经费在各部门中排第几"
        if len(departments) == 1:
            own = [d for d in docs if d.department == departments[0]]
            kinds = {d.kind for d in own}
            rest = ACTUAL.sub("决算", NOT_BUDGET.sub("", text))
            if BUDGET_COLUMNS.search(text):
                return None  # "决算中三公经费预算数": a 决算's own column, read by the single-document engine
            if {"预算", "决算"} <= kinds and (("决算" in rest and "预算" in rest) or EXECUTION.search(text)):
                return "execution"
            years = {int(y) for y in YEAR.findall(text)}
            if (len(years) == 2 or SAME_TIME.search(text)) and (CHANGE.search(text) or GROWTH.search(text)):
                return "change"
            return None
        if not many:
            return None
        if per := _per(text):  # each department's 执行率 / change: ranked, filtered or averaged
            return _per_op(text, per)
        if SHARE.search(text) or SHARE_OF_TOTAL.search(text):
            return "share"
        if _bounded(text) or NONE.search(text) or (WHICH.search(text) and SOME.search(text)):
            return "filter"
        if AVERAGE.search(text):
            return "average"
        if SUPERLATIVE.search(text) and not SUM.search(text):
            return "rank"  # "哪个部门的本年支出合计最大": a ranking, never a sum
        if TOTAL.search(text) or (ALL.search(text) and not RANK.search(text) and not WHICH.search(text)):
            return "total"  # "全区三公经费总数" / "所有部门的人员经费是多少"; 前三名合计: the top three's
        return "rank"

    def _subject(self, text: str, op: AcrossOp) -> tuple[str, str | None] | None:
        """(subject, whole) named in the question; whole only for a share."""
        if op == "share" and (m := SHARE.search(text)):
            part, whole = self.subject_of(m.group(1)), self.subject_of(m.group(2))
            if part is None:
                return None
            own = re.search(r"本部门|本单位|自身|自己", m.group(2))  # "占本部门支出合计": the department's own
            if not own and (ALL.search(m.group(2)) or re.search(r"各部门", m.group(2)) or whole == part):
                return part, DISTRICT  # "占全区三公经费的比例": of all departments' sum
            return part, whole or "支出合计"
        if op == "share" and (m := SHARE_OF_TOTAL.search(text)):
            part = self.subject_of(m.group(1))
            return (part, "支出合计") if part else None
        found = self.subject_of(text)
        if found is None and op == "execution":
            return "支出合计", None  # "决算比预算多还是少": the whole budget
        if found is None and WHOLE_BUDGET.search(text):
            return "支出合计", None  # "哪个部门2026年预算最多": each department's whole budget
        return (found, None) if found else None

    def _subject_at(self, phrase: str) -> bool:
        """Whether a phrase begins with a subject (of subjects.toml or a row of the coded tables)."""
        key = label_key(phrase)
        found = subjects().find(key)
        return bool(found and key.startswith(found[1])) or any(key.startswith(k) for k in self.row_keys)

    def subject_of(self, phrase: str) -> str | None:
        """The subject a phrase names: a 科目编码, a subject of subjects.toml, or a row of the coded tables
        (the longest name written wins: "行政运行支出" is 行政运行, not 支出)."""
        for code in re.findall(r"(?<!\d)(\d{7}|\d{5}|\d{3})(?!\d)", phrase):
            if code in self.code_names:
                return code
        if (inner := WITHIN.search(phrase)) and (found := self.subject_of(inner.group(2))):
            return found  # "基本支出中的人员经费": 人员经费
        key = label_key(phrase)
        named: tuple[Subject, str] | None = subjects().find(key)
        row = max((k for k in self.row_keys if k in key), key=len, default="")
        if row and (named is None or len(row) > len(named[1])):
            return row
        return named[0].name if named else None

    @staticmethod
    def _number(number: str, unit: str | None) -> tuple[Decimal, str]:
        value = Decimal(number.replace(",", "")) if number[0].isdigit() else numeral_value(number) or Decimal(0)
        return value, UNIT_WORDS.get(unit or "", unit or "")

    def _threshold(self, text: str, per: str | None = None) -> tuple[str, Decimal, str] | None:
        if m := BETWEEN.search(text):
            return (">=", *self._number(m.group(1), m.group(2) or m.group(4)))
        if found := bounds(text):  # a lower bound first ("大于10万元且小于20万元"); its word says if it is inside
            b = next((b for b in found if b.lower), found[0])
            return b.op, b.value, b.unit
        if per == "execution" and (OVER_BUDGET.search(text) or UNDER_BUDGET.search(text)):
            return (">" if OVER_BUDGET.search(text) else "<"), Decimal(100), "%"  # 决算 over its 预算: above 100%
        if per == "change" and (TREND.search(text) or re.search(r"超过|高于|多于|低于|少于|不及", text)):
            falling = FALLING.search(text) or re.search(r"低于|少于|不及", text)
            return ("<" if falling else ">"), Decimal(0), ""  # 同比下降 / 比上年增加了 / 超过2023年的
        if NONE.search(text):
            return "=", Decimal(0), ""
        return ">", Decimal(0), ""  # 哪些部门有…

    def _below(self, text: str) -> tuple[Decimal, str] | None:
        """An upper bound written with a lower one ("10万元到20万元之间", "大于10万元且小于20万元")."""
        if m := BETWEEN.search(text):
            return self._number(m.group(3), m.group(4) or m.group(2))
        found = bounds(text)
        if any(b.lower for b in found) and (upper := next((b for b in found if not b.lower), None)):
            return upper.value, upper.unit
        return None

    def _follow(self, last: Across, text: str, departments: tuple[str, ...], newest: int | None) -> Across:
        """A follow-up to a question across documents: 那2023年呢？ / 去年呢？ / 只看前三个 / 换成公用经费 /
        决算呢？ / 那平均呢？ / 超过30万的呢？ / 那教育局和民政局呢？ — what it does not change is kept."""
        rest = re.sub(r"^(?:那么?|换成|改成|换|再看看?|看看|只看|只要|如果是|要是)", "", text)
        years = sorted({int(y) for y in YEAR.findall(text)})
        year = years[-1] if years else last.year
        if not years and LAST_YEAR.search(text):
            year = (last.year or newest or 1) - 1
        elif not years and THIS_YEAR.search(text):
            year = newest
        subject = self.subject_of(rest)
        limit = next((_count(a or b) for a, b in LIMIT.findall(text)), last.limit)
        order_words = re.search(r"从|由|升序|降序|最少|最多|最高|最低|最大|最小|倒数", text)
        descending = not ASCENDING.search(text) if order_words else last.descending
        a = replace(
            last, question=text, year=year, refusal=None, kind=_kind(text) or last.kind, subject=subject or last.subject,
            limit=limit, descending=descending,
        )  # fmt: skip
        if last.years and years:  # "那2024年呢？" after a sum over years: that year alone, or the years now named
            a = replace(a, years=tuple(years_in(text)) if len(years_in(text)) >= 2 else ())
            if not a.years:
                a = replace(a, refusal="请问要这一年的数字，还是几年的合计？请写出完整的问题")
        if len(departments) >= 2:
            a = replace(a, departments=departments)
            if last.op in ("execution", "change"):  # "那教育局和民政局呢？": each one's, side by side
                a = replace(a, op="rank", per=last.op)
        elif len(departments) == 1:
            if last.op in ("execution", "change"):
                a = replace(a, departments=departments)
            else:
                a = replace(a, focus=departments[0])  # "那财政局呢？" after a ranking: its place in it
        per = _per(rest)
        if per and per != last.per and last.op not in ("execution", "change"):
            a = replace(a, per=per)  # "那预算执行率呢？": the same subject's
        if _bounded(rest) or NONE.search(rest):
            a = replace(a, op="filter", threshold=self._threshold(rest, a.per), below=self._below(rest))
        elif AVERAGE.search(rest) and a.op in ("rank", "total", "filter"):
            a = replace(a, op="average")
        elif TOTAL.search(rest) and a.op in ("rank", "average", "filter"):
            a = replace(a, op="total")
        elif RANK.search(rest) and a.op in ("total", "average", "filter"):
            a = replace(a, op="rank")
        changed = (years or a.year != last.year or a.kind != last.kind or subject or a.limit != last.limit
                   or a.descending != last.descending or a.op != last.op or a.per != last.per or departments)  # fmt: skip
        if not changed:
            return replace(
                a,
                refusal=f"没有看懂“{text.strip()}”要改成什么；可以换年度、预算/决算、项目、前几名或排序，部门请写名称或在“限定部门”里选择",
            )
        return a
