"""A follow-up naming a sibling of the earlier subject by its own words only ("那运行维护费呢？" after "…公务用车购置费
是多少？"): read in the context of the conversation's subject — the earlier subject's qualifier kept ("公务用车" +
"运行维护费" = 公务用车运行维护费), never the bigger whole whose name merely holds the words (公务用车购置和运行维护费).

Which names exist is data: the subjects' aliases (assistant/subjects.toml). A follow-up that already names a
subject in full, or whose words with no qualifier of the earlier subject name none, is left as it is.
"""

from __future__ import annotations

from assistant.subjects import subjects
from index.normal import label_key

SHORTEST = 2  # characters of the earlier subject kept as the qualifier, at least


def _aliases() -> frozenset[str]:
    return frozenset(a for s in subjects().named for a in s.aliases)


def sibling_named(stem: str, body: str) -> str | None:
    """The earlier question's stem with its subject replaced by the sibling a follow-up names
    ("北京市交通委员会2026年三公经费预算中公务用车购置费" + "运行维护费" → "…三公经费预算中公务用车运行维护费"), or None:
    the follow-up names a subject in full, the stem names none as written, or no qualifier of it with the
    follow-up's words is a subject's name."""
    aliases = _aliases()
    said = label_key(body)
    if not said or said in aliases:
        return None
    found = subjects().find(stem)
    if found is None or (at := stem.rfind(found[1])) < 0:
        return None
    alias = found[1]
    for k in range(len(alias) - 1, SHORTEST - 1, -1):  # the longest qualifier first
        qualifier = alias[:k]
        named = qualifier + said
        if said.startswith(qualifier) or named == alias or named not in aliases:
            continue
        return f"{stem[:at]}{named}{stem[at + len(alias) :]}"
    return None
