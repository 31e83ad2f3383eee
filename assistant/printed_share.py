"""A share a department's document prints itself ("基本支出预算 28016.26 万元，占本年支出预算的 63.43%") beside
the one computed from the figures read: when the two differ by more than rounding, another whole was read (a
text-only document's "支出合计" can be one fund's total), and the document's own share is shown instead — a
computed share the document contradicts is never shown."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from index.records import Fact

ROUNDING = Decimal("0.05")  # a printed share and the same share computed from rounded figures may differ so
# words naming one fund: a share printed "占一般公共预算支出…" is no share of the department's whole expenditure
_FUNDS = ("一般公共", "政府性基金", "国有资本", "财政拨款")


def of_whole(f: Fact) -> bool:
    """Whether a printed share is of the department's whole expenditure ("占本年支出预算的比例")."""
    return f.unit == "%" and f.column.startswith("占") and "支出" in f.column and not any(w in f.column for w in _FUNDS)


def printed_instead(computed: Decimal, printed: Sequence[Fact]) -> Fact | None:
    """The printed share of the department's whole to show instead of `computed`, or None: none printed, several
    that disagree, or one within rounding of the computed share (which is then shown with its calculation)."""
    own = [f for f in printed if of_whole(f)]
    if not own or len({f.value for f in own}) != 1:
        return None
    return own[0] if abs(own[0].value - computed) > ROUNDING else None
