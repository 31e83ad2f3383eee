"""The narrow interface the language model's tools and judge read the store through.

`assistant.tools`, `assistant.agent` and `assistant.judge` depend on `Sources`, never on the Engine or a
Turn: the Engine provides it (assistant/answer.py), so the optional model path sits beside the rule engine
without an import circle. What the model may obtain is exactly this: the documents, the departments a text
names, a document set's facts, passages found by search, and a fact's citation. Computing is the
calculator's (assistant/calculator.py), and the rules' answer comes to the model as an `Answer`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from assistant.knowledge import Knowledge
    from assistant.records import Citation
    from assistant.retrieve import Hit, Scope
    from index.records import DocumentInfo, Fact


class Sources(Protocol):
    """What the model's tools and judge read: provided by the long-lived Engine."""

    @property
    def docs(self) -> Mapping[str, DocumentInfo]:
        """Every document of the store, by id."""
        ...

    def named(self, text: str) -> dict[str, str]:
        """The departments `text` names (full name → the words naming it)."""
        ...

    def knowledge(self, doc_ids: Iterable[str]) -> Knowledge:
        """Facts, labels and targets of these documents."""
        ...

    def passages(self, query: str, k: int, scope: Scope) -> list[Hit]:
        """Passages of the disclosures' text for `query`, best first, within `scope`."""
        ...

    def cite(self, f: Fact) -> Citation:
        """A fact's citation: its row and value, or a prose figure's whole sentence."""
        ...
