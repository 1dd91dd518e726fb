"""The review page's template, stylesheet and scripts, shipped as files beside the code (extract/data/review/).

Kept as real .html/.css/.js files so that editors, linters and diffs treat them as what they are; the page
inlines them at render time, so a review file still fetches nothing when it is opened.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def asset(name: str) -> str:
    """The text of `extract/data/review/<name>` (read once per process)."""
    return files("extract").joinpath("data", "review", name).read_text(encoding="utf-8")
