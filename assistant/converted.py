"""A follow-up asking the figure just answered in another unit of money ("换算成元是多少？" after "…拟采购工程支出为
700 万元。"): that figure, read from the fact the answer cited, converted by the calculator with the conversion
shown — the conversation's subject, never a figure read again by name (which might be another row's)."""

from __future__ import annotations

from dataclasses import replace

from assistant import calculator as calc
from assistant.draft import cited, fmt, operand, where
from assistant.follow import money_unit
from assistant.records import Answer, Figure


def converted(question: str, last: Answer) -> Answer | None:
    """The answer `last` with its figure in the unit of money `question` asks, or None when the question asks
    no unit alone, or `last` answered no one amount read from a fact in another unit of money."""
    unit = money_unit(question)
    if not unit or last.refused or last.value is None or last.unit not in calc.MONEY or last.unit == unit:
        return None
    facts = [f for f in last.facts if f.value == last.value and f.unit == last.unit]
    said = fmt(last.value, last.unit)
    lines = last.text.split("\n")
    if not facts or said not in lines[0]:
        return None
    fact = facts[0]
    c = calc.in_unit(operand(fact), unit)
    now = fmt(c.value, c.unit)
    text = f"{lines[0].replace(said, now, 1)}\n换算：{said} = {now}\n出处：{where(fact)}"
    figures = [
        Figure(text=now, value=c.value, unit=c.unit, verdict="derived", source=cited(fact), expression=c.expression),
        Figure(text=said, value=fact.value, unit=fact.unit, verdict="verified", source=cited(fact)),
    ]
    return replace(
        last, question=question, text=text, value=c.value, unit=c.unit, figures=figures, facts=[fact], items=[],
        entries=[], reading=None,
    )  # fmt: skip
