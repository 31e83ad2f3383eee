"""Synthetic 部门预算 disclosures with known answers, in the sample's text format.

    python -m eval.generate --n 10 --out DIR [--seed S]

Each document is another department (city × type: 80 departments, then they
repeat with other years and figures), year (2019–2025) and unit (万元/元/亿元).
Its totals agree everywhere, 表1/表6/表7 run over page breaks, and 8–12
questions come with the answers the generator drew. Same seed, same documents.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from assistant.calculator import PERCENT_PLACES, round_half_up
from index.numbers import format_amount

CITIES = ("深圳市", "广州市", "杭州市", "成都市", "武汉市", "南京市", "西安市", "苏州市")
CN = "一二三四五六七八九十"
FUNCTIONS = {  # 功能分类科目编码 → 科目名称
    "201": "一般公共服务支出", "20101": "人大事务", "2010101": "行政运行", "20103": "政府办公厅（室）及相关机构事务",
    "2010301": "行政运行", "2010302": "一般行政管理事务", "2010399": "其他政府办公厅（室）及相关机构事务支出",
    "20105": "统计信息事务", "2010501": "行政运行", "2010505": "专项统计业务", "2010507": "专项普查活动",
    "2010599": "其他统计信息事务支出", "20126": "档案事务", "2012604": "档案馆", "2012699": "其他档案事务支出",
    "20129": "群众团体事务", "2012901": "行政运行", "2012902": "一般行政管理事务", "2012999": "其他群众团体事务支出",
    "206": "科学技术支出", "20605": "科技条件与服务", "2060501": "机构运行", "20607": "科学技术普及",
    "2060701": "机构运行", "2060702": "科普活动", "2060703": "青少年科技活动", "2060704": "学术交流活动",
    "2060799": "其他科学技术普及支出", "207": "文化旅游体育与传媒支出", "20701": "文化和旅游", "2070104": "图书馆",
    "2070108": "文化活动", "2070109": "群众文化", "2070199": "其他文化和旅游支出", "20702": "文物",
    "2070204": "文物保护", "2070205": "博物馆", "2070299": "其他文物支出", "20703": "体育", "2070301": "行政运行",
    "2070307": "体育场馆", "2070308": "群众体育", "2070399": "其他体育支出", "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出", "2080501": "行政单位离退休", "2080502": "事业单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出", "2080506": "机关事业单位职业年金缴费支出", "210": "卫生健康支出",
    "21011": "行政事业单位医疗", "2101101": "行政单位医疗", "2101102": "事业单位医疗",
    "220": "自然资源海洋气象等支出", "22005": "气象事务", "2200501": "行政运行", "2200504": "气象事业机构",
    "2200509": "气象服务", "2200599": "其他气象事务支出", "221": "住房保障支出", "22102": "住房改革支出",
    "2210201": "住房公积金", "2210203": "购房补贴",
}  # fmt: skip
# type → (short name, administrative (else 事业单位), supervisor ("" = itself), 项 code of its running costs,
#         duties, projects as (name, 项 code, "part|part|…"))
TYPES: dict[str, tuple[str, bool, str, str, str, tuple[tuple[str, str, str], ...]]] = {
    "科学技术协会": ("科协", True, "", "2060701", "开展学术交流，推广先进技术；组织实施全市科普规划，开展青少年科技教育活动；联系指导各区科协和市属学会工作。", (
        ("科普能力提升项目", "2060702", "科普资源开发利用|科普人才队伍培训|全国科普日主题活动|科普基地认定与资助"),
        ("青少年科技创新大赛", "2060703", "赛事组织与评审|科技辅导员培训|参加全国赛事"),
        ("学会能力提升和学术交流促进项目", "2060704", "学术年会及论坛|院士专家工作站资助|学会党建及能力建设"))),
    "图书馆": ("图书馆", False, "文化广电旅游体育局", "2070104", "为公众免费提供文献借阅、信息咨询、数字阅读等公共文化服务；收集整理和保存地方文献；组织开展全民阅读推广活动。", (
        ("文献资源购置项目", "2070104", "中文图书采购及编目加工|报刊订阅|电子图书、数据库等数字资源采购"),
        ("图书馆免费开放补助项目", "2070104", "馆舍物业管理及安保保洁服务|设施设备维修维护|免费开放区域水电费"),
        ("全民阅读推广活动项目", "2070109", "读书月主题活动|少儿阅读活动及亲子讲座|社区阅读服务点配送服务"))),
    "档案馆": ("档案馆", False, "档案局", "2012604", "负责接收、征集、保管和利用全市重要档案资料；开展档案数字化和编研工作；向社会提供档案查阅服务。", (
        ("档案数字化加工项目", "2012604", "馆藏档案扫描与著录|数字档案质量检查|数字化成果异地备份"),
        ("档案馆库安全保障项目", "2012604", "库房温湿度控制设备运维|消防及安防系统维保|档案虫霉防治"),
        ("档案编研与开放利用项目", "2012699", "史料汇编出版|档案展览策划布展|档案开放鉴定"))),
    "文化馆": ("文化馆", False, "文化广电旅游体育局", "2070109", "组织开展群众文化活动；辅导培训基层文艺骨干；开展非物质文化遗产保护传承工作。", (
        ("公共文化服务免费开放项目", "2070109", "场馆开放运营保障|免费艺术培训课程|排练厅及展厅设施维护"),
        ("群众文艺精品创作项目", "2070108", "原创节目创排|文艺作品征集评选|创作人员培训"),
        ("非物质文化遗产保护传承项目", "2070199", "非遗项目调查记录|传承人研修培训|非遗展示展演"))),
    "体育局": ("体育局", True, "", "2070301", "统筹规划全市体育事业发展；推行全民健身计划；管理体育场馆和体育赛事。", (
        ("全民健身活动项目", "2070308", "全民健身运动会|社会体育指导员培训|健身站点器材更新"),
        ("体育场馆免费低收费开放补助", "2070307", "场馆开放运营补助|场馆安全检测"),
        ("青少年体育训练项目", "2070399", "业余训练教练员补助|青少年锦标赛组织|运动员伙食及装备"))),
    "统计局": ("统计局", True, "", "2010501", "组织实施全市统计调查和普查；收集、汇总、整理和提供统计数据；开展统计执法和数据质量核查。", (
        ("经济普查项目", "2010507", "普查员及普查指导员劳务补助|普查数据处理|普查宣传培训"),
        ("专项统计调查项目", "2010505", "住户收支调查|劳动力调查|价格调查"),
        ("统计数据质量核查项目", "2010599", "统计执法检查|数据质量抽查"))),
    "气象局": ("气象局", True, "", "2200501", "负责全市气象监测、预报预警和气象服务；组织实施人工影响天气作业；开展气象防灾减灾工作。", (
        ("气象灾害监测预警项目", "2200509", "自动气象站运维|预警信息发布系统运维|雷达站运行保障"),
        ("人工影响天气作业项目", "2200599", "作业弹药采购|作业人员安全培训|作业点标准化改造"),
        ("气象事业单位运行保障项目", "2200504", "观测场地维护|业务系统升级"))),
    "博物馆": ("博物馆", False, "文化广电旅游体育局", "2070205", "负责馆藏文物的收藏、保护和研究；举办陈列展览；开展社会教育和公共服务。", (
        ("藏品保护修复项目", "2070204", "馆藏文物修复|文物预防性保护|藏品数字化采集"),
        ("陈列展览项目", "2070205", "临时展览策划布展|基本陈列提升|展品运输保险"),
        ("博物馆免费开放补助", "2070205", "展厅物业及安保服务|讲解及社教活动|开放区域水电费"))),
    "妇女联合会": ("妇联", True, "", "2012901", "代表和维护妇女儿童合法权益；组织妇女参与经济社会发展；推动家庭家教家风建设。", (
        ("妇女儿童权益保障项目", "2012902", "维权热线运营|婚姻家庭纠纷调解|法律援助服务"),
        ("妇女创业就业促进项目", "2012999", "巾帼创业大赛|妇女技能培训|家政服务从业人员培训"),
        ("家庭家教家风建设项目", "2012999", "最美家庭评选|家庭教育讲座|亲子阅读推广"))),
    "地方志办公室": ("地方志办", True, "", "2010301", "组织编纂地方志书和地方综合年鉴；收集保存地方志文献资料；开发利用地情资源。", (
        ("志书编纂项目", "2010302", "市志续修编纂|志稿评审|志书出版印刷"),
        ("年鉴编纂出版项目", "2010302", "年鉴资料征集|年鉴编辑出版"),
        ("地情资源开发利用项目", "2010399", "地情网站运维|旧志整理点校|方志馆展陈维护"))),
}  # fmt: skip
# projects any department may have, booked under its 款's "其他…" 项
GENERIC = (("信息化系统运行维护", "办公自动化系统运维|门户网站及政务新媒体运维|网络安全服务"),
           ("课题调研活动", "课题研究|调研及决策咨询"), ("业务培训与宣传项目", "干部业务培训|政策宣传资料印制|工作会议组织"))  # fmt: skip
ZERO_CLASS = {"201": "2010101", "206": "2060501"}  # a 类 printed with zeros, as the sample does
# unit → (file tag, decimals, ticks per 万元, round-amount step in ticks); a tick is one unit of the last printed place
UNITS = {"万元": ("wan", 0, 1, 1), "元": ("yuan", 2, 1_000_000, 100_000), "亿元": ("yi", 4, 1, 1)}
INCOME = ("一、政府预算拨款", "1. 一般公共预算拨款", "2. 政府性基金预算拨款", "3. 国有资本经营预算拨款",
          "二、财政专户管理资金", "三、单位资金", "1. 事业收入", "2. 事业单位经营收入", "3. 上级补助收入",
          "4. 附属单位上缴收入", "5. 其他收入")  # fmt: skip
PARTS = ("部门概况", "部门预算收支总体情况", "部门预算支出具体情况", "政府采购预算情况",
         "一般公共预算“三公”经费预算情况", "部门预算绩效管理情况", "重点项目预算绩效情况说明", "其他需要说明情况",
         "名词解释")  # fmt: skip
TABLES = ("收支总表", "收入总表", "支出总表", "基本支出总表", "项目支出总表", "政府预算拨款收支总表",
          "一般公共预算支出表（按功能分类）", "一般公共预算“三公”经费支出表", "政府性基金预算支出表",
          "国有资本经营预算支出表", "部门整体支出绩效目标表")  # fmt: skip
TERMS = ("一般公共预算拨款收入：指本级财政当年拨付的一般公共预算资金。",
         "基本支出：指为保障机构正常运转、完成日常工作任务而发生的支出，包括人员经费和公用经费。",
         "项目支出：指在基本支出之外为完成特定工作任务和事业发展目标所发生的支出。",
         "“三公”经费：一般公共预算安排的因公出国（境）费、公务用车购置及运行费和公务接待费。",
         "机关运行经费：为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。")  # fmt: skip
REASONS = {  # why an amount rose (True) or fell (False)
    True: ("根据年度工作任务新增了相关工作内容", "业务量增加，相关经费相应增加", "根据工作安排扩大了项目实施范围"),
    False: ("按照过紧日子要求压减了一般性支出", "部分工作已于上年完成，相关经费相应减少", "根据工作安排优化了项目内容"),
}


@dataclass(frozen=True)
class GenQuestion:
    """A question whose answer the generator knows."""

    question: str
    value: Decimal  # at the printed precision; money in the document's unit
    unit: str  # "万元" / "元" / "亿元" / "%" / "人"
    kind: str = "other"  # what is asked: "项目支出", "支出总计", "人员支出", "项目", "三公", …


@dataclass(frozen=True)
class Generated:
    """One synthetic disclosure and its questions."""

    name: str  # ASCII file name: "gen_0003_2024_wan.txt"
    text: str
    answers: list[GenQuestion]
    department: str  # as in the title: "杭州市图书馆（本级）"
    year: int
    unit: str
    codes: tuple[str, ...]  # the 科目编码 printed in 表7, in order


def generate(n: int, seed: int = 0) -> list[Generated]:
    """`n` disclosures, deterministic for `seed`; document i depends only on the seed and i."""
    pairs = [(c, t) for c in CITIES for t in TYPES]
    random.Random(seed).shuffle(pairs)
    return [_Doc(random.Random(f"{seed}:{i}"), i, *pairs[i % len(pairs)]).build() for i in range(n)]


def split(total: int, k: int, rng: random.Random, step: int) -> list[int]:
    """`k` positive parts, multiples of `step` (the last takes any remainder), that sum to `total`."""
    units = total // step
    cuts = sorted(rng.sample(range(1, units), k - 1))
    parts = [(b - a) * step for a, b in zip([0, *cuts], [*cuts, units], strict=True)]
    parts[-1] += total - units * step
    return parts


class _Doc:
    """One department's figures, drawn once; then its text and its questions."""

    def __init__(self, rng: random.Random, index: int, city: str, kind: str) -> None:
        self.rng, self.index = rng, index
        self.short_name, self.admin, supervisor, self.running, self.duties, own = TYPES[kind]
        self.dept = city + kind + ("（本级）" if rng.random() < 0.3 else "")
        self.short = city.removesuffix("市") + self.short_name  # "杭州图书馆"
        self.supervisor = city + (supervisor or kind)
        self.label = self.dept.replace("（", "(").replace("）", ")") if rng.random() < 0.5 else self.dept
        self.year = rng.randint(2019, 2025)
        self.unit = rng.choice(list(UNITS))
        self.tag, self.places, self.scale, self.step = UNITS[self.unit]
        other = max(c for c in FUNCTIONS if c.startswith(self.running[:5]) and len(c) == 7)
        pool = [*own, *((name, other, parts) for name, parts in GENERIC)]
        self.projects = rng.sample(pool, rng.randint(3, min(6, len(pool))))
        self._draw()

    def money(self, wan: float) -> int:
        """A round amount near `wan` 万元: a multiple of the step, at least one step."""
        return max(self.step, round(wan * self.scale / self.step) * self.step)

    def _draw(self) -> None:
        r, step = self.rng, self.step
        total = math.exp(r.uniform(math.log(500), math.log(50_000)))  # 万元
        share = r.uniform(0.3, 0.75) / len(self.projects)
        self.amounts: list[int] = []
        self.parts: list[list[tuple[str, int]]] = []  # each project's "用于…" parts
        for _, _, names in self.projects:
            chosen = r.sample(names.split("|"), r.randint(2, len(names.split("|"))))
            amount = max(len(chosen) * step, self.money(total * share * r.uniform(0.4, 1.6)))
            self.amounts.append(amount)
            self.parts.append(list(zip(chosen, split(amount, len(chosen), r, step), strict=True)))
        self.J = sum(self.amounts)  # 项目支出
        self.B = max(round(total * self.scale) - self.J, self.J // 2)  # 基本支出
        self.P, self.G = round(self.B * r.uniform(0.55, 0.7)), round(self.B * r.uniform(0.1, 0.2))
        self.H = self.B - self.P - self.G  # 对个人和家庭的补助支出
        self.T = self.B + self.J
        self.Z, self.GZ = self._change(self.T), self._change(self.G)  # total and 机关运行经费 (= 公用支出) vs last year
        self.project_changes = [self._project_change(a) for a in self.amounts]
        self.rows = self._functions()
        # 三公 (last year, this year): 因公出国 and 公务用车购置 nil; 接待 always changes
        rec = self.money(total * r.uniform(0.0005, 0.002))
        up = rec > step and r.random() < 0.4
        self.rec = (rec - step * r.randint(1, rec // step - 1) if up else rec + step * r.randint(1, 3), rec)
        car = self.money(total * r.uniform(0.001, 0.004))
        self.car = (max(step, car + step * r.randint(-2, 2)), car)
        self.vehicles = r.randint(1, 4)
        buy = self.money(self.J * r.uniform(0.2, 0.6) / self.scale) if r.random() < 0.8 else 0
        self.buy = split(buy, 3, r, step) if buy >= 3 * step else [0, 0, 0]  # 货物 / 工程 / 服务
        if r.random() < 0.5:
            self.buy[1] = 0  # no 工程采购
        sme = round(sum(self.buy) * r.uniform(0.6, 1))
        self.sme = (sme, round(sme * r.uniform(0.4, 0.8)))
        n = r.randint(8, 60) if self.admin else r.randint(15, 120)
        self.staff = (n, n - r.randint(0, min(3, n)), r.randint(0, 2), r.randint(3, 40))  # 编制, 实有, 离休, 退休

    def _change(self, amount: int) -> int:
        """A nonzero change against last year, 2–15% of `amount`."""
        z = max(1, round(amount * self.rng.uniform(0.02, 0.15)))
        return z if self.rng.random() < 0.6 else -z

    def _project_change(self, amount: int) -> int | None:
        """A project's change against last year; 0 = the same, None = new this year."""
        roll = self.rng.random()
        if roll < 0.3:
            return None if roll < 0.15 else 0
        z = max(self.step, round(amount * self.rng.uniform(0.03, 0.4) / self.step) * self.step)
        return z if z < amount and self.rng.random() < 0.5 else -z

    def _functions(self) -> list[tuple[str, int, int]]:
        """表7 rows (code, 基本支出, 项目支出) for every 类, 款 and 项, in print order."""
        r, P = self.rng, self.P
        pension, fund = round(P * r.uniform(0.12, 0.16)), round(P * r.uniform(0.1, 0.12))
        medical = round(P * r.uniform(0.06, 0.09)) if r.random() < 0.8 else 0
        retired = round(self.H * r.uniform(0.4, 0.7))
        basic = {self.running: P + self.G - pension - pension // 2 - medical - fund,
                 "2080501" if self.admin else "2080502": retired, "2080505": pension, "2080506": pension // 2,
                 "2210201": fund, "2210203": self.H - retired}  # fmt: skip
        if medical:
            basic["2101101" if self.admin else "2101102"] = medical
        leaves = {code: [v, 0] for code, v in basic.items()}
        for (_, code, _), amount in zip(self.projects, self.amounts, strict=True):
            leaves.setdefault(code, [0, 0])[1] += amount
        if r.random() < 0.35:
            leaves[next(v for k, v in ZERO_CLASS.items() if k != self.running[:3])] = [0, 0]
        codes = sorted({c[:n] for c in leaves for n in (3, 5, 7)})  # string order puts each 类 before its 款 and 项
        under = {c: [v for leaf, v in leaves.items() if leaf.startswith(c)] for c in codes}
        return [(c, sum(v[0] for v in under[c]), sum(v[1] for v in under[c])) for c in codes]

    def dec(self, ticks: int) -> Decimal:
        return Decimal(ticks).scaleb(-self.places)

    def m(self, ticks: int) -> str:
        """An amount as printed: thousands separators, the unit's decimals, "(x)" when negative."""
        s = format_amount(abs(self.dec(ticks)))
        return f"({s})" if ticks < 0 else s

    def mu(self, ticks: int, sp: str = " ") -> str:
        return f"{self.m(ticks)}{sp}{self.unit}"

    def change(self, cur: int, prior: int, sp: str = "", word: str = "比", base: str = "") -> str:
        """ "比2022年增加X元，增长P%", "…减少…，下降…" or "与2022年预算持平"."""
        y = self.year - 1
        if cur == prior:
            return f"与{sp}{y}{sp}年预算持平"
        verb, grow = ("增加", "增长") if cur > prior else ("减少", "下降")
        pct = round_half_up(Decimal(abs(cur - prior)) / prior * 100, PERCENT_PLACES)
        return f"{word}{sp}{y}{sp}年{base}{verb}{sp}{self.mu(abs(cur - prior), sp)}，{grow}{sp}{pct}%"

    def build(self) -> Generated:
        y, dept = self.year, self.dept
        title = f"{y} 年{dept}部\n门预算" if self.rng.random() < 0.3 else f"{y} 年{dept}部门预算"  # a page-width break
        toc = ["目 录", "一、文字部分", "\n".join(f"- 第{CN[i]}部分 {p}" for i, p in enumerate(PARTS)), "二、表格部分",
               "\n".join(f"- ({CN[i] if i < 10 else '十一'}) {t}" for i, t in enumerate(TABLES))]  # fmt: skip
        body = ["一、文字部分", *self._prose(), "二、表格部分", *self._tables()]
        text = "\n\n" + "\n\n".join([title, *toc, *body]) + "\n"
        codes = tuple(c for c, _, _ in self.rows)
        return Generated(f"gen_{self.index:04d}_{y}_{self.tag}.txt", text, self._questions(), dept, y, self.unit, codes)

    def _prose(self) -> list[str]:
        y, py, dept, r, mu = self.year, self.year - 1, self.dept, self.rng, self.mu
        names = [p[0] for p in self.projects]
        n, actual, lixiu, retired = self.staff
        (a, a_actual), (s, s_actual) = ((n, actual), (0, 0)) if self.admin else ((0, 0), (n, actual))
        out = [f"第一部分 {PARTS[0]}", "一、部门职责", self.duties, "二、机构设置情况",
               f"{dept}无下属单位，部门预算为本级预算。内设办公室、业务部门等{CN[r.randint(2, 6)]}个部室。"
               f"行政编制总数 {a} 人，实有在编人数 {a_actual} 人；事业编制总数 {s} 人，实有在编人数 {s_actual} 人；"
               f"离休 {lixiu} 人，退休 {retired} 人。", f"三、{y} 年主要工作目标", f"{dept}{y}年主要工作目标包括：",
               f"1. 扎实推进{names[0]}，提升公共服务质量和效率；", f"2. 统筹做好{names[1]}，确保各项任务按期完成；",
               "3. 加强内部管理和预算绩效管理，提高资金使用效益，服务对象满意度进一步提升。", f"第二部分 {PARTS[1]}"]  # fmt: skip
        headline = f"部门预算收入{mu(self.T, '')}，{self.change(self.T, self.T - self.Z)}"
        out += [f"{y}年{dept}{headline}。{y}年{headline.replace('收入', '支出', 1)}。",
                f"预算收支增（减）的主要原因：一是正常晋级晋档，人员经费支出相应调整；二是{r.choice(REASONS[self.Z > 0])}。",
                f"第三部分 {PARTS[2]}", f"一、{self.label}",
                f"{self.label}预算 {mu(self.T)}，包括人员支出 {mu(self.P)}、公用支出 {mu(self.G)}、"
                f"对个人和家庭的补助支出 {mu(self.H)}、项目支出 {mu(self.J)}。",
                f"(一) 人员支出 {mu(self.P)}，主要包括：基本工资、津贴补贴、机关事业单位基本养老保险缴费、住房公积金等。",
                f"(二) 公用支出 {mu(self.G)}，主要包括办公费、水费、电费、物业管理费和工会经费等公用经费。",
                f"(三) 对个人和家庭补助支出 {mu(self.H)}，主要包括：退休费、购房补贴。",
                f"(四) 项目支出 {mu(self.J)}，具体包括："]  # fmt: skip
        for i, (name, amount, z) in enumerate(zip(names, self.amounts, self.project_changes, strict=True)):
            uses = "，".join(f"用于{p} {mu(v)}" for p, v in self.parts[i])
            if z is None:
                tail = f"较 {py} 年预算增加 {mu(amount)}，{py} 年无预算，主要原因是：根据年度工作任务新增该项目。"
            elif z == 0:
                tail = f"与 {py} 年预算持平。"
            else:
                tail = f"{self.change(amount, amount - z, ' ', '较', '预算')}，主要原因是：{r.choice(REASONS[z > 0])}。"
            out.append(f"{i + 1}. {name}预算 {mu(amount)}，主要包括：{uses}。{tail}")
        (rec0, rec1), (car0, car1) = self.rec, self.car
        why = "公务接待和公务用车运行需求有所增加" if rec1 + car1 > rec0 + car0 else "严格落实过紧日子要求，从严控制一般性支出"  # fmt: skip
        goals = [f"{name}\t{self.m(a)}\t{self._goal(i)}" for i, (name, a) in enumerate(zip(names, self.amounts, strict=True))]  # fmt: skip
        out += [f"第四部分 {PARTS[3]}",
                f"{dept}政府采购项目纳入 {y} 年部门预算共计 {mu(sum(self.buy))}，其中货物采购 {mu(self.buy[0])}、"
                f"工程采购 {mu(self.buy[1])}、服务采购 {mu(self.buy[2])}。", f"第五部分 {PARTS[4]}",
                f"{y}年“三公”经费预算{mu(rec1 + car1, '')}，{self.change(rec1 + car1, rec0 + car0, base='预算')}，主要是{why}。",
                f"1. 因公出国（境）费用。{y}年预算数{mu(0, '')}，与{py}年预算持平，本部门{y}年无因公出国（境）计划。",
                f"2. 公务接待费。{y}年预算数{mu(rec1, '')}，{self.change(rec1, rec0)}，主要是用于接待业务交流考察等必要的公务接待。",
                f"3. 公务用车购置和运行维护费。{y}年预算数{mu(car1, '')}，其中：",
                f"公务用车购置费 {y} 年预算数 {mu(0)}，与 {py} 年预算持平，{y} 年无公务用车购置计划；",
                f"公务用车运行维护费 {y} 年预算数 {mu(car1)}，{self.change(car1, car0, ' ', base='预算数')}，"
                f"主要是用于公务车市内因公出行所需车辆燃料费、维修费、保险费等，{y} 年{dept}的公务用车保有量共 "
                f"{self.vehicles} 辆，公务用车保有量与上年持平。",
                f"第六部分 {PARTS[5]}", "一、实施部门预算绩效管理的单位范围",
                f"预算绩效管理的单位范围包括{dept}，已编制整体支出绩效目标，按要求开展部门整体绩效自评。",
                "二、实施部门预算绩效管理的项目情况及工作要求",
                f"{y} 年{dept}所有项目支出预算纳入部门预算绩效管理，涉及预算资金 {mu(self.J)}，设置并编报 "
                f"{len(names)} 个项目绩效目标。相关项目在年度预算执行完毕后按要求开展绩效自评，市财政部门将选",
                "取部分政策或项目实施重点绩效评价。",  # a sentence cut by a page break, as in the sample
                f"第七部分 {PARTS[6]}", f"{y}年，本部门重点项目绩效目标情况如下：",
                "\n".join([f"项目名称\t预算数（{self.unit}）\t绩效目标", *goals]), "备注:无",
                f"第八部分 {PARTS[7]}", "一、机关运行经费",
                f"{y} 年本部门本级机关运行经费财政拨款预算 {mu(self.G)}，{self.change(self.G, self.G - self.GZ, ' ', base='预算')}。"
                "主要是办公用房物业管理费和水电费有所调整。", "二、国有资产占用情况",
                f"截至 {py} 年 10 月，{dept}共有车辆 {self.vehicles} 辆；单价 50 万元以上通用设备 0 台（套），"
                "单价 100 万元以上专用设备 0 台（套）。", "三、其他",
                "本部门无政府性基金预算支出、国有资本经营预算支出、上级专项转移支付支出预算。",
                f"第九部分 {PARTS[8]}", *(f"{CN[i]}、{t}" for i, t in enumerate(TERMS))]  # fmt: skip
        return out

    def _goal(self, i: int) -> str:
        return "完成" + "、".join(p for p, _ in self.parts[i]) + "等工作，保障项目按期实施。"

    def _table(self, num: int, header: list[str], body: list[str], breaks: int = 0, note: str = "") -> str:
        """A numbered table over 1 + `breaks` pages; each page repeats 表 N, title, 部门名称, 单位 and header."""
        cuts = sorted(self.rng.sample(range(2, len(body) - 1), breaks))
        head = [f"表 {num}", TABLES[num - 1], f"{self.year} 年度" if num == 11 else f"部门名称： {self.dept}"]
        head.append(f"单位：{self.unit}")
        pages = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
        printed = ["\n\n".join(head) + "\n\n" + "\n".join(header + page) for page in pages]
        return "\n\n".join(printed + ([note] if note else []))

    def _tables(self) -> list[str]:
        r, y, T, B, J, m, label = self.rng, self.year, self.T, self.B, self.J, self.m, self.label
        classes = iter(CN)
        spend = [f"{next(classes) + '、' if len(c) == 3 else ''}{FUNCTIONS[c]}\t{m(b + p)}" for c, b, p in self.rows]
        closing = [f"本年收入合计\t{m(T)}\t本年支出合计\t{m(T)}", f"上年结余、结转\t{m(0)}\t结转下年\t{m(0)}",
                   f"收入总计\t{m(T)}\t支出总计\t{m(T)}"]  # fmt: skip

        def side_by_side(income: list[str]) -> list[str]:
            """收入 | 支出 on one line each, padded with empty cells, then the totals."""
            left = [f"{x}\t{m(T if i < 2 else 0)}" for i, x in enumerate(income)]
            pad = ["\t"] * max(len(left), len(spend))  # an empty label and amount
            return [f"{a}\t{b}" for a, b in zip(left + pad, spend + pad, strict=False)][: len(pad)] + closing

        government = [x.split(". ")[-1].removeprefix("一、") for x in INCOME[:4]]
        head3 = [f"预算单位\t支出总计\t基本支出\t项目支出\t{y} 年政府采购项目\t\t",
                 "\t\t\t\t小计\t其中：面向中小企业政府采购项目\t其中：面向小型、 微型企业政府采购项目"]  # fmt: skip
        row3 = f"{label}\t{m(T)}\t{m(B)}\t{m(J)}\t{m(sum(self.buy))}\t{m(self.sme[0])}\t{m(self.sme[1])}"
        head7 = ["预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出"]
        body7 = [f"{label}\t\t\t{m(T)}\t{m(B)}\t{m(J)}"]
        body7 += [f"\t{c}\t{FUNCTIONS[c]}\t{m(b + p)}\t{m(b)}\t{m(p)}" for c, b, p in self.rows]
        head8 = ["预算单位\t年度\t总计\t因公出国(境)费\t公务接待费\t公务用车购置及运行维护费\t\t",
                 "\t\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费"]  # fmt: skip
        years = [(f"{label}\t{y - 1} 年", self.rec[0], self.car[0]), (f"\t{y} 年", self.rec[1], self.car[1])]
        body8 = [f"{lab}\t{m(a + c)}\t{m(0)}\t{m(a)}\t{m(c)}\t{m(0)}\t{m(c)}" for lab, a, c in years]
        nil = "—" if r.random() < 0.5 else m(0)  # nil both years: "—" as the second sample prints it, or 0
        dr, dc = self.rec[1] - self.rec[0], self.car[1] - self.car[0]
        body8.append(f"\t增减变化金额\t{m(dr + dc)}\t{nil}\t{m(dr)}\t{m(dc)}\t{nil}\t{m(dc)}")
        head11 = [f"部门（单位）名称\t\t{self.dept}\t主管部门\t{self.supervisor}\t",
                  f"年度主要任务\t任务名称\t主要内容\t预算金额（{self.unit}）\t\t", "\t\t\t总额\t其中：财政拨款\t其中：其他资金"]  # fmt: skip
        empty = f"{label}\t\t\t\t\t" if r.random() < 0.5 else f"{label}\t\t\t{m(0)}\t{m(0)}\t{m(0)}"
        return [self._table(1, ["收 入\t\t支 出\t", f"项 目\t{y} 年预算数\t项 目\t{y} 年预算数"],
                            side_by_side(list(INCOME)), r.randint(1, 2)),
                self._table(3, head3, [row3]),
                self._table(6, ["收入\t\t支出\t", f"项目\t{y} 年预算数\t项目\t{y} 年预算数"], side_by_side(government),
                            r.randint(0, 1)),
                self._table(7, head7, body7, r.randint(1, 2)),
                self._table(8, head8, body8, note="注：括号内数字表示减少额。"),
                self._table(9, head7, [empty], note="注：本表本年无发生额。"),
                self._table(10, head7, [empty], note="注：本表本年无发生额。"),
                self._table(11, head11, self._body11())]  # fmt: skip

    def _body11(self) -> list[str]:
        r, m, B, T = self.rng, self.m, self.B, self.T
        rows = [f"\t{p[0]}\t{self._goal(i)}\t{m(a)}\t{m(a)}\t" for i, (p, a) in enumerate(zip(self.projects, self.amounts, strict=True))]  # fmt: skip
        rows += [f"\t基本支出\t主要用于人员、公用及对个人和家庭补助支出等\t{m(B)}\t{m(B)}\t", f"\t金额合计\t\t{m(T)}\t{m(T)}\t",
                 f"年度总体目标\t<p>{self.dept}{self.year} 年主要工作目标包括：目标 1：提升公共服务质量。</p> "
                 "<p>目标 2：确保重点项目按期完成。</p>\t\t\t\t", "年度绩效指标\t一级指标\t二级指标\t三级指标\t\t目标值"]  # fmt: skip
        indicators = [  # (一级, 二级, 三级指标, 目标值)
            ("产出", "数量", "实施项目数量", f"{len(self.projects)} 个"), ("产出", "数量", "开展业务培训", f"{r.randint(2, 12)} 次"),
            ("产出", "数量", "组织宣传活动", f"{r.randint(3, 30)} 场"), ("产出", "质量", "项目验收合格率", "100%"),
            ("产出", "质量", "资金使用合规性", "合规"), ("产出", "时效", "项目完成及时性", "及时"),
            ("产出", "时效", "年度任务完成时限", "当年完成"), ("效益", "社会效益", "服务受益人数", f"{r.randint(20, 500) * 100} 人次"),
            ("效益", "社会效益", "服务对象覆盖率", f"≥{r.choice((85, 90, 95))}%"), ("效益", "可持续影响", "长效工作机制", "持续完善"),
            ("满意度", "服务对象满意度", f"{self.short_name}服务对象评价", f"≥{r.choice((85, 90, 95))}%")]  # fmt: skip
        dropped = set(r.sample([1, 2, 6, 9], r.randint(0, 2)))
        last = ("", "")
        for l1, l2, name, target in (x for i, x in enumerate(indicators) if i not in dropped):
            lead = f"\t{l1}\t{l2}" if l1 != last[0] else (f"\t\t{l2}" if l2 != last[1] else "\t\t")  # merged cells
            rows.append(f"{lead}\t{name}\t\t{target}")
            last = (l1, l2)
        return rows

    def _questions(self) -> list[GenQuestion]:
        r, u, dec = self.rng, self.unit, self.dec

        def who() -> str:
            return self.dept if r.random() < 0.5 else self.short

        i = r.randrange(len(self.projects))
        code, basic, project = r.choice([row for row in self.rows if len(row[0]) == 7 and row[1] + row[2] > 0])
        (rec0, rec1), retired = self.rec, self.staff[3]
        share = round_half_up(Decimal(self.J) / self.T * 100, PERCENT_PLACES)
        core = [(f"{who()}今年项目支出多少？", dec(self.J), u, "项目支出"), (f"{who()}的支出总计是多少？", dec(self.T), u, "支出总计"),
                (f"{who()}人员支出多少？", dec(self.P), u, "人员支出"),
                (f"{who()}{self.projects[i][0]}预算多少？", dec(self.amounts[i]), u, "项目")]  # fmt: skip
        extra = [(f"{who()}三公经费今年多少？", dec(rec1 + self.car[1]), u, "三公"),
                 (f"{who()}公务接待费比去年{'少' if rec1 < rec0 else '多'}了多少？", dec(abs(rec1 - rec0)), u, "公务接待费增减"),
                 (f"{who()}项目支出占支出总计的比重", share, "%", "占比"),
                 (f"{who()}退休人员有几个？", Decimal(retired), "人", "退休"),
                 (f"{who()}去年部门预算是多少？", dec(self.T - self.Z), u, "上年"),
                 (f"{who()}{code} {FUNCTIONS[code]}是多少？", dec(basic + project), u, "科目"),
                 (f"{who()}基本支出是多少？", dec(self.B), u, "基本支出"),
                 (f"{who()}公用支出安排了多少？", dec(self.G), u, "公用支出"),
                 (f"{who()}对个人和家庭的补助支出是多少？", dec(self.H), u, "对个人和家庭"),
                 (f"{who()}政府采购预算一共多少？", dec(sum(self.buy)), u, "政府采购")]  # fmt: skip
        return [GenQuestion(*q) for q in core + r.sample(extra, r.randint(4, 8))]


def write(docs: list[Generated], out: Path) -> Path:
    """The documents and `answers.jsonl` (DESIGN.md question format, scoped by `doc`) into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for doc in docs:
        (out / doc.name).write_text(doc.text, encoding="utf-8")
        for j, q in enumerate(doc.answers, start=1):
            record = {"id": f"{doc.name.removesuffix('.txt')}-q{j:02d}", "question": q.question,
                      "expected": {"type": "number", "value": "@", "unit": q.unit}, "doc": doc.name}  # fmt: skip
            # the number as printed (4023, 0.0500, 5911230.00): scoring reads its precision from the digits
            lines.append(json.dumps(record, ensure_ascii=False).replace('"@"', str(q.value)))
    path = out / "answers.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.generate", description="生成合成的部门预算公开文件及其问答")
    parser.add_argument("--n", type=int, default=10, help="文件数（默认 10）")
    parser.add_argument("--out", type=Path, required=True, help="输出文件夹")
    parser.add_argument("--seed", type=int, default=0, help="随机种子：同一种子生成相同的文件")
    args = parser.parse_args(argv)
    path = write(generate(args.n, args.seed), args.out)
    print(f"已生成 {args.n} 个文件，问答写入 {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
