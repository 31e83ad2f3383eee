"""Whether a question asks for a 决算 (the executed accounts) or only says 决算 inside an item's name.

"深圳市财政局的预决算业务管理经费是多少？" names the item "预决算业务管理", printed in its 2026 部门预算; it asks
for no 决算 and is never refused as "库中只有部门预算". 决算 asks for the kind when it stands outside every name
printed in the documents' rows and outside the compounds of assistant/kinds.toml.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from assistant.cues import longest_first


@cache
def not_kind() -> tuple[str, ...]:
    """Compounds holding 决算 that ask for no 决算 (kinds.toml)."""
    data = tomllib.loads(files("assistant").joinpath("kinds.toml").read_text(encoding="utf-8"))
    return tuple(longest_first(data["not_kind"]))


def asks_actual(text: str, names: Iterable[str] = ()) -> bool:
    """`text` says 决算 outside the item `names` printed (those holding 决算) and the compounds of kinds.toml."""
    for word in [*longest_first(n for n in names if "决算" in n), *not_kind()]:
        text = text.replace(word, " ")
    return "决算" in text
