"""`python -m eval --questions FILE [--report FILE] [--min-accuracy X] [--docs PATH...] [--store DIR]` — the same as
`budgetqa eval`: a temporary store of the sample (or --docs), unless --store names one."""

import sys

from assistant.cli import main

sys.exit(main(["eval", *sys.argv[1:]]))
