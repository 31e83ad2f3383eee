"""One rule names a document by id (index.query.resolve_id): the CLI's store, the page and the JSON API use it."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.errors import DocumentNotFound
from index.query import resolve_id
from index.store import Store

IDS = ("004c52b31790ad1b9f", "004c9e0a11", "7fe1aa20b3")


@pytest.mark.parametrize(
    ("wanted", "found"),
    [("004c52b31790ad1b9f", "004c52b31790ad1b9f"), ("004c5", "004c52b31790ad1b9f"), ("7FE1", "7fe1aa20b3"),
     ("  004c9 ", "004c9e0a11")],
)  # fmt: skip
def test_a_whole_id_or_a_unique_prefix_names_one_document(wanted: str, found: str) -> None:
    assert resolve_id(wanted, IDS) == found


@pytest.mark.parametrize("wanted", ["004c", "", "  ", "ffff", "004c5_"])
def test_an_ambiguous_empty_or_unknown_id_names_none(wanted: str) -> None:
    with pytest.raises(DocumentNotFound):
        resolve_id(wanted, IDS)


def test_the_store_resolves_by_the_same_rule(sample_store: Path) -> None:
    with Store(sample_store) as store:
        (doc,) = [d.doc_id for d in store.documents()]
        assert store.resolve(f" {doc[:8].upper()} ") == doc
        with pytest.raises(DocumentNotFound):
            store.resolve(doc[:7] + "_")  # a LIKE wildcard in SQL, a character here: no document starts with it
