"""Evaluation: run the assistant over a question file and score it (see DESIGN.md)."""
