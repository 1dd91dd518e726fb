"""The cleaner's result: the story of a page and what the page says about it."""

from __future__ import annotations

from dataclasses import dataclass

NO_TEXT = "no article text found"


@dataclass(frozen=True)
class CleanArticle:
    """The main story of a page, with what the page says about it.

    Attributes:
        text: The story only: paragraphs stripped, inner whitespace collapsed, joined with a blank line.
            Every span in a record indexes into this string.
        title: The headline, when the page gives one (never invented from the first sentence).
        byline: Author name(s) only, e.g. "Elsa Court".
        published: ISO "YYYY-MM-DD" when a byline, dateline or metadata gives a date.
        url: The page's address, when known.
        warnings: One short line per region that was cut, so a reviewer can see what was dropped.
        sections: The labels the page gives itself: its metadata's section or schema.org type ("Opinion",
            "OpinionNewsArticle"), a label line right above the headline ("COMMENTARY") or before the byline
            ("Opinion by Ada Quill"). Kept so that an opinion page's byline can name its writer
            (`pipeline.page_writer`); never part of the text.
    """

    text: str
    title: str | None
    byline: str | None
    published: str | None
    url: str | None
    warnings: list[str]
    sections: tuple[str, ...] = ()
