"""A line of an answer across documents is checked against the cells it cites, read again from the store."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from assistant.compare import Part
from assistant.draft import cited
from assistant.library import Library
from assistant.lines import check_lines
from assistant.tokens import glossary_data
from index.query import FactQuery


def test_cells_are_read_again_by_their_place(store_both: Path) -> None:
    query = FactQuery(store_both)
    facts = [f for f in query.facts(query.ingested()) if f.code == "2060702"]
    assert facts and {f.value for f in facts if f.column == "支出总计"} == {Decimal("2564")}
    assert query.cells(facts) == facts  # the same cells, in print order
    assert query.cells([]) == []


def test_a_line_is_verified_by_its_own_cell_and_a_wrong_figure_is_named(store_both: Path) -> None:
    library = Library(store_both, glossary_data()["department_abbreviations"])
    cell = next(f for f in library.sql.facts(library.sql.ingested()) if f.code == "2060702" and f.column == "支出总计")
    department = library.docs[cell.doc_id].department

    def line(text: str) -> Part:
        return Part(text=text, doc_ids=(cell.doc_id,), cites=((cell.value, cell.unit, cited(cell)),), cells=(cell,))

    (right,) = check_lines([line(f"1. {department}：科普活动 2,564 万元\n")], library)
    assert (right.verdict, right.source) == ("verified", cited(cell))
    (wrong,) = check_lines([line(f"1. {department}：科普活动 2,565 万元\n")], library)
    assert wrong.verdict == "mismatch" and wrong.expected == Decimal("2564")
