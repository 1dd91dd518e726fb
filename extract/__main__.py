"""`python -m extract …` is the `extract` command (for environments without the console script on PATH)."""

from extract.cli import main

main()
