"""What a block of a page looks like (its kind), what each kind scores, and the block itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """What a block looks like on its own (and, after a second pass, in context)."""

    CONTENT = "content"  # prose that ends like a sentence
    WEAK = "weak"  # long text with no sentence end: probably prose
    HEADLINE = "headline"  # a short line with no sentence end
    NAV = "nav"  # one to three words: menu items, labels
    FURNITURE = "furniture"  # known widget wording: subscribe, share, cookies …
    AD = "ad"  # an advertisement slot: sits inside the story, so it must not split it
    CAPTION = "caption"  # a photo caption or credit
    TIMESTAMP = "timestamp"  # "2:27 AM", "3 hours ago"
    BYLINE = "byline"  # "By Jane Doe …"
    DATELINE = "dateline"  # a line that is just a date (and time)
    TRUNCATED = "truncated"  # a paragraph cut off with an ellipsis
    TEASER = "teaser"  # part of a teaser of another story
    FEED = "feed"  # a heading that opens a list of other stories: ends the story
    CREDITS = "credits"  # "Reporting by …; Editing by …": wire credits close the story
    LIST = "list"  # short items of a list the story introduced ("Key figures:")
    BOX = "box"  # a related-links box inside the story
    THREAD = "thread"  # readers' comments: "Comments are closed", "Posted by: Ann on 5:19pm", "Report this post"


_SCORES: dict[Kind, float] = {
    Kind.HEADLINE: -1.0,
    Kind.NAV: -1.0,
    Kind.FURNITURE: -2.5,
    Kind.AD: -1.0,
    Kind.CAPTION: -1.5,
    Kind.TIMESTAMP: -1.5,
    Kind.BYLINE: -1.5,
    Kind.DATELINE: -1.5,
    Kind.TRUNCATED: -0.5,
    Kind.TEASER: -0.5,
    Kind.BOX: -0.5,
    Kind.FEED: -3.0,
    Kind.CREDITS: -3.0,
    Kind.THREAD: -3.0,
    Kind.LIST: 0.3,
}
BARRIERS = (Kind.FEED, Kind.CREDITS, Kind.THREAD)
#: Score of the best run so far from which a comment thread ends the search: what follows is readers' comments,
#: however much they wrote (a long thread outscores the story even at half weight). About 50 words of prose;
#: below it the thread's mark may sit above the story (a header's "Comments") and is only a barrier.
STORY_BEFORE_THREAD = 5.0
# Lines that are something of their own ("by Jane Doe", "2 hours ago", "Share"), never a row of a paragraph.
NOT_ROWS = (
    Kind.BYLINE,
    Kind.TIMESTAMP,
    Kind.DATELINE,
    Kind.FURNITURE,
    Kind.AD,
    Kind.CAPTION,
    Kind.CREDITS,
    Kind.FEED,
    Kind.TEASER,
    Kind.THREAD,
)
CHROME = (Kind.FURNITURE, Kind.AD, Kind.TIMESTAMP, Kind.FEED, Kind.CREDITS, Kind.BOX, Kind.THREAD)
PROSE = (Kind.CONTENT, Kind.WEAK, Kind.LIST)
DESCRIPTIONS: dict[Kind, str] = {
    Kind.HEADLINE: "headline",
    Kind.NAV: "page furniture",
    Kind.FURNITURE: "page furniture",
    Kind.AD: "advertisement",
    Kind.CAPTION: "photo caption",
    Kind.TIMESTAMP: "timestamps",
    Kind.BYLINE: "byline",
    Kind.DATELINE: "dateline",
    Kind.TRUNCATED: "teaser",
    Kind.TEASER: "teaser",
    Kind.FEED: "feed of other stories",
    Kind.BOX: "related links",
    Kind.CREDITS: "credits",
    Kind.THREAD: "readers' comments",
    Kind.LIST: "list",
    Kind.CONTENT: "text outside the story",
    Kind.WEAK: "text outside the story",
}


@dataclass
class Block:
    """One line of the page with its kind and its length in words."""

    text: str
    kind: Kind
    units: float

    @property
    def score(self) -> float:
        """Prose scores by length (long paragraphs are the surest sign of a story); the rest is negative."""
        if self.kind is Kind.CONTENT:
            return 1.0 + min(self.units, 100.0) / 12.0
        if self.kind is Kind.WEAK:
            return 0.3 + min(self.units, 100.0) / 30.0
        return _SCORES[self.kind]


# ---------------------------------------------------------------------------------------------------------
# Splitting text into blocks
