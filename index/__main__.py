"""`python -m index ...` is the same as `budgetqa ...`."""

from assistant.cli import run

run()
