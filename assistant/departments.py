"""The names people use for a department: derived by rule from its full name, plus a data file for
the irregular short names (glossary.json department_abbreviations: 规划和自然资源局 → 规资局).

中共上海市普陀区委社会工作部 → 区委社会工作部, 普陀区委社会工作部, 社会工作部, 社工部, 区委社工部 …
上海市普陀区人民政府万里街道办事处 → 万里街道办事处, 万里街道, 万里街道办, 普陀区万里街道 …
深圳市科学技术协会（本级） → 深圳市科学技术协会, 科学技术协会, 科协, 市科协, 深圳科协 …
"""

from __future__ import annotations

import re

from index.catalog import squeeze

CITY_PREFIX = re.compile(
    r"^(?P<city>[\u4e00-\u9fff]{2,3}?(?:省|自治区|市))?(?P<district>[\u4e00-\u9fff]{1,4}?(?:区|县|市))?"
)
_OWN_UNIT = re.compile(r"\((?:本级|机关|本部)\)$")
_GOVERNMENT = "人民政府"
_SUFFIXES = ("委员会", "局", "部", "委", "办", "厅", "院", "中心", "馆", "会", "所", "站", "队")
# A name ending so is also said with the shorter ending: 交通委员会 → 交通委, 发改委员会 → 发改委, 信访办公室 → 信访办
_CLIPPED_ENDINGS = (("委员会", "委"), ("办公室", "办"))
_STREET = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,6}?)(?P<kind>街道|镇|乡)办事处$")


def department_aliases(department: str, abbreviations: dict[str, str]) -> tuple[str, ...]:
    """Every name of a department a question may use, longest first (2 characters at least)."""
    full = squeeze(department)
    base = _OWN_UNIT.sub("", full)
    names = {full, base}
    rest = base.removeprefix("中共")
    names.add(rest)
    place = CITY_PREFIX.match(rest)
    city, district = (place.group("city") or "", place.group("district") or "") if place else ("", "")
    core = rest[len(city) + len(district) :] or rest
    level = district[-1] if district else ("市" if city else "")
    committee = ""
    if core.startswith("委") and level:  # 区委社会工作部: the party committee's department
        committee, core = level + "委", core[1:]
    core = core.removeprefix(_GOVERNMENT)  # 人民政府万里街道办事处
    cores = {core}
    if street := _STREET.match(core):  # 万里街道办事处 → 万里街道, 万里街道办
        cores |= {street.group("name") + street.group("kind"), street.group("name") + street.group("kind") + "办"}
    cores |= _short_names(core, abbreviations)
    cores |= {c[: -len(long)] + short for c in cores for long, short in _CLIPPED_ENDINGS if c.endswith(long)}
    for c in cores:
        names.add(c)
        if committee:
            names |= {committee + c, district.removesuffix(level) + committee + c}
        elif district:  # 广州市海珠区图书馆 → 海珠区图书馆, 海珠图书馆, 区图书馆
            names |= {district + c, district[:-1] + c, level + c}
        elif city:  # 南京市气象局 → 南京气象局, 市气象局, 西安市发改委 (广州市海珠区图书馆 is not 广州图书馆)
            names |= {city + c, city.removesuffix("市") + c, "市" + c}
    return tuple(sorted((n for n in names if len(n) >= 2), key=len, reverse=True))


def _short_names(core: str, abbreviations: dict[str, str]) -> set[str]:
    """Short forms of a department's own name: the data file's, else the initials rule
    (社会工作部 → 社工部, 人力资源和社会保障局 → 人社局)."""
    out = set()
    for long, short in abbreviations.items():
        if core.endswith(long):
            out.add(core[: len(core) - len(long)] + short)
    if out:
        return out
    suffix = next((s for s in _SUFFIXES if core.endswith(s)), "")
    stem = core[: len(core) - len(suffix)] if suffix else ""
    if not suffix or not stem:
        return out
    parts = stem.split("和")
    if len(parts) > 1 and all(len(p) >= 2 for p in parts):
        out.add("".join(p[0] for p in parts) + suffix)
    elif len(stem) == 4:
        out.add(stem[0] + stem[2] + suffix)
    return out
