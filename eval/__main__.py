"""`python -m eval --questions FILE [--report FILE] [--min-accuracy X]` — the same as `budgetqa eval`."""

import sys

from assistant.cli import main

sys.exit(main(["eval", *sys.argv[1:]]))
