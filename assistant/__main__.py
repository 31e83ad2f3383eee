"""`python -m assistant ...` is the same as `budgetqa ...`."""

from assistant.cli import run

if __name__ == "__main__":  # an ingest's worker processes import this module again (spawn): they must not run
    run()
