"""Turn a raw page scrape (text or HTML) into the main story plus its title, byline and date.

Scrapes carry navigation, bylines, photo captions, teasers of other stories, news feeds and newsletter boxes
around the story, and the model must see none of it: a teaser's quote would come back as a statement of this
article. The cleaner is a block classifier in the spirit of jusText/boilerpipe. Every line is a block
(once rows of prose wrapped line by line are rejoined), labelled from structural signals only (length,
terminal punctuation, truncation with an ellipsis, credits, timestamps, well-known widget wording), then
scored: prose counts for the story, furniture against it. The story is the best-scoring contiguous run of
blocks; a feed heading ("News Feed", "Most read") is a wall that run cannot cross. Whatever is cut is
reported in `warnings`, one line per cut region. Measured on real news pages by `bench/cleaning.py`: a rule
that cuts more story than furniture there is narrowed or dropped.
"""

from __future__ import annotations

from extract.errors import InputError
from extract.text.cleaning.article import NO_TEXT, CleanArticle
from extract.text.cleaning.classify import byline_names
from extract.text.cleaning.html import (
    PageReader,
    iso_date,
    looks_like_html,
    mend_cut_paragraphs,
    read_with_trafilatura,
)
from extract.text.cleaning.lines import split_blocks
from extract.text.cleaning.patterns import BYLINE_START
from extract.text.cleaning.story import clean_blocks

__all__ = ["NO_TEXT", "CleanArticle", "clean_html", "clean_text"]


# ---------------------------------------------------------------------------------------------------------
# Public API


def clean_text(raw: str) -> CleanArticle:
    """Cut a plain-text article or raw page scrape down to its main story.

    Text that already is just an article comes back with only its whitespace normalised and no warnings.
    Text that looks like an HTML page is handed to `clean_html`, since its tags would otherwise pass for text.

    Args:
        raw: The text, one paragraph per line or separated by blank lines; hard-wrapped text is rejoined.

    Returns:
        The story with the title, byline and date found around it.

    Raises:
        InputError: Nothing that could be an article is left.
    """
    if looks_like_html(raw):
        return clean_html(raw)
    return clean_blocks(split_blocks(raw))


def clean_html(html: str, url: str | None = None) -> CleanArticle:
    """Cut an HTML page down to its main story, with the page's own metadata.

    trafilatura finds the article body and the metadata (title, author, date, canonical URL); its text then
    goes through the same block cleanup as `clean_text`, because trafilatura keeps inline teasers, captions
    and "Read more" lines that sit inside the article element. Without trafilatura, or when it finds nothing,
    a small built-in reader (drops scripts, navigation, asides, figures and footers) stands in.

    Args:
        html: The page source.
        url: Where the page came from; wins over the page's canonical URL.

    Returns:
        The story with title, byline, date and URL.

    Raises:
        InputError: The page holds no article text (for example only scripts).
    """
    html = mend_cut_paragraphs(html)  # "Kobe <div class=ad>…</div>Bryant": one paragraph, one name
    extracted, meta, why_not = read_with_trafilatura(html, url)
    page = PageReader.read(html)
    notes: list[str] = []
    article: CleanArticle | None = None
    if extracted:
        blocks = split_blocks(extracted)
        if len(blocks) > 1 and blocks[0] == meta.get("title"):
            blocks = blocks[1:]  # trafilatura repeats the headline it already gave as metadata
        try:
            article = clean_blocks(blocks)
        except InputError:
            article = None
    if article is None:
        if page.text.strip():
            article = clean_blocks(split_blocks(page.text))
            notes.append(f"read the page with the built-in HTML reader: {why_not or 'trafilatura found no story'}")
        else:
            raise InputError(NO_TEXT)
    published = iso_date(meta.get("date")) or page.published or article.published
    byline = meta.get("author") or page.author or article.byline
    labelled = BYLINE_START.match(byline) if byline else None
    label = labelled["label"] if labelled is not None else None
    if byline and label:  # trafilatura's author "Opinion by Ada Quill"
        byline = byline_names(byline)
    return CleanArticle(
        text=article.text,
        title=meta.get("title") or page.title or article.title,
        byline=byline,
        published=published,
        url=url or meta.get("url") or page.url,
        warnings=[*notes, *article.warnings],
        sections=tuple(dict.fromkeys([*page.sections, *article.sections, *([label] if label else [])])),
    )
