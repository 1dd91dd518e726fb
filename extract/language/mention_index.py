"""One article's mentions sorted by where they start: the mentions inside a window by bisection.

Read per statement, every actor's every mention made each statement cost as much as the whole page: on a
huge page (thousands of statements and mentions) that grew as their product. Built once, after the actors'
mentions are final, the index answers "who is named between here and there" in the window's size.
"""

from __future__ import annotations

import bisect

from extract.language.grounding import Span
from extract.language.merging import ActorDraft


class MentionIndex:
    """The mentions of `drafts`, by start; mentions starting alike keep the actors' order and their own."""

    def __init__(self, drafts: list[ActorDraft]) -> None:
        self.entries = sorted(((s, e, d) for d in drafts for s, e in d.mentions), key=lambda m: m[0])
        self.starts = [s for s, _, _ in self.entries]

    def within(self, window: Span) -> list[tuple[int, int, ActorDraft]]:
        """The mentions wholly inside `window` (`start <= s and e <= end`), by start."""
        start, end = window
        low, high = bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)
        return [m for m in self.entries[low:high] if m[1] <= end]
