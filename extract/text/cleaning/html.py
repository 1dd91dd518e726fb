"""HTML pages: trafilatura for body and metadata, a small built-in reader when it finds nothing."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Any

from extract.text.cleaning.classify import byline_names
from extract.text.cleaning.lines import normalise
from extract.text.cleaning.patterns import wordset

# ---------------------------------------------------------------------------------------------------------
# HTML


def looks_like_html(raw: str) -> bool:
    """A page, not text: a doctype or html tag up front, or many tags in the first 2,000 characters."""
    head = raw.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return "<html" in head or "<body" in head or head.startswith("<!doctype html")
    return len(re.findall(r"</?(?:p|div|span|a|body|head|script|br)\b[^>]*>", head)) >= 8


def iso_date(value: object) -> str | None:
    """Trafilatura and meta tags give "2024-09-10" or a full timestamp; keep the date if it is real."""
    if not isinstance(value, str):
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


#: A paragraph's text that stops mid-sentence at an opening <div>: "<p>Kobe <div class=ad>…</div>Bryant scored".
_CUT_BY_A_DIV = re.compile(r"<p\b[^>]*>[^<]*[^\s<>.!?:;\"'”’)][ \t]*(?=<div\b)", re.IGNORECASE)
_DIV_TAG = re.compile(r"<(/?)div\b[^>]*>", re.IGNORECASE)
#: The most text an ad or teaser box set into a sentence holds ("Advertisement" and its script).
_MOST_BOX_TEXT = 200


def mend_cut_paragraphs(html: str) -> str:
    """Take out a box (an ad, a teaser) set into a paragraph mid-sentence, so the sentence reads as one.

    A page that drops "<div class=ad>" between "Kobe" and "Bryant scored" closes the paragraph there (a
    <div> ends a <p>): the reader's text would break "Kobe Bryant" over two paragraphs. Only a box that
    opens after words ending no sentence, holds little text and is followed straight by more words goes.
    """
    pieces: list[str] = []
    start = 0
    for match in _CUT_BY_A_DIV.finditer(html):
        if match.start() < start:
            continue
        end = _div_end(html, match.end())
        if end is None:
            continue
        box = re.sub(r"<script\b.*?</script>|<[^>]+>", " ", html[match.end() : end], flags=re.IGNORECASE | re.DOTALL)
        if len(box.split()) > _MOST_BOX_TEXT // 10 or len(box.strip()) > _MOST_BOX_TEXT:
            continue
        if not re.match(r"[ \t]*[^\s<]", html[end : end + 40]):
            continue  # no words go on after the box: the paragraph ended there
        pieces += [html[start : match.end()], " "]
        start = end
    return "".join(pieces) + html[start:] if pieces else html


def _div_end(html: str, at: int) -> int | None:
    """Where the <div> opening at `at` closes (after its </div>), or None when it never does."""
    depth = 0
    for tag in _DIV_TAG.finditer(html, at):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return tag.end()
    return None


def read_with_trafilatura(html: str, url: str | None) -> tuple[str | None, dict[str, str], str | None]:
    """Body text and metadata from trafilatura, or why it could not give them.

    Returns:
        (text or None, metadata with non-empty string values for title/author/date/url, reason or None).
    """
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml without lxml_html_clean
        return None, {}, f"trafilatura cannot be imported ({exc.__class__.__name__})"
    text: Any = None
    meta: dict[str, str] = {}
    try:
        text = trafilatura.extract(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
        )
    except Exception as exc:  # a third-party parser must not take the run down with it
        return None, {}, f"trafilatura failed ({exc.__class__.__name__})"
    try:
        document = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # metadata is a bonus; the text is what matters
        document = None
    for field in ("title", "author", "date", "url"):
        value = getattr(document, field, None) if document is not None else None
        if isinstance(value, str) and value.strip():
            meta[field] = normalise(value)
    if "author" in meta:
        meta["author"] = meta["author"].replace("; ", ", ")
    return (text if isinstance(text, str) and text.strip() else None), meta, None


#: Metadata that names a page's section: Open Graph's `article:section`, a plain `section`, and WebTrends'
#: content group `WT.cg_n` (pages of the 2000s: "News", "Sports", "Opinion" on L3S-GN1).
SECTION_META = ("article:section", "section", "wt.cg_n")
#: schema.org's kinds of news article ("OpinionNewsArticle", "AnalysisNewsArticle"; not plain "NewsArticle").
_KIND_TYPE = re.compile(r"\w+NewsArticle")


def ld_sections(scripts: list[str]) -> list[str]:
    """The section and kind a page's JSON-LD gives its article: `articleSection`, an `OpinionNewsArticle` type.

    Broken or odd JSON-LD is skipped: it is a bonus, like all metadata.
    """
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            types = node.get("@type")
            for kind in types if isinstance(types, list) else [types]:
                if isinstance(kind, str) and _KIND_TYPE.fullmatch(kind):
                    found.append(kind)
            section = node.get("articleSection")
            for value in section if isinstance(section, list) else [section]:
                if isinstance(value, str) and value.strip():
                    found.append(normalise(value))
            walk(node.get("@graph"))

    for script in scripts:
        try:
            walk(json.loads(script))
        except (ValueError, RecursionError):
            continue
    return found


class PageReader(HTMLParser):
    """A small stand-in for trafilatura: block text outside scripts, navigation, asides and figures.

    Forms are read: old pages wrap the whole page in one, often left open; a sign-up box's wording is cut
    later as furniture.
    """

    _SKIP = wordset(
        "script style noscript template svg iframe nav footer aside button select option figure"
        " figcaption canvas object embed video audio"
    )
    _BLOCK = wordset(
        "p div h1 h2 h3 h4 h5 h6 li br article section main blockquote tr ul ol dl dt dd pre table header hr title"
    )
    _VOID = wordset("area base br col embed hr img input link meta param source track wbr")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._skip_depth = 0
        self._in_title = False
        self._chunks: list[str] = []
        self._meta: dict[str, str] = {}
        self._doc_title: list[str] = []
        self._ld: list[str] | None = None  # the JSON-LD script being read
        self._ld_scripts: list[str] = []

    @classmethod
    def read(cls, html: str) -> _PageText:
        """Parse `html` and return its block text and metadata (never raises on malformed markup)."""
        reader = cls()
        try:
            reader.feed(html)
            reader.close()
        except Exception:  # malformed markup: keep what was read so far
            pass
        return reader._result()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Track skipped regions and metadata tags."""
        values = {key.lower(): (value or "") for key, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if values.get("content"):
                self._meta.setdefault(key, values["content"])
        elif tag == "link" and "canonical" in values.get("rel", "").lower() and values.get("href"):
            self._meta.setdefault("canonical", values["href"])
        elif tag == "title":
            self._in_title = True
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._ld = []
        if tag != "title":
            self._in_title = False  # a <title> holds no tags: one left open ends at the next tag
        if tag in self._SKIP and tag not in self._VOID:
            self._skip_depth += 1
        if tag in self._BLOCK:
            self._chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        """Close skipped regions and end blocks."""
        if tag == "title":
            self._in_title = False
        if tag == "script" and self._ld is not None:
            self._ld_scripts.append("".join(self._ld))
            self._ld = None
        if tag in self._SKIP and self._skip_depth > 0:
            self._skip_depth -= 1
        if tag in self._BLOCK:
            self._chunks.append("\n")

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped regions; remember the <title>."""
        if self._ld is not None:
            self._ld.append(data)
        elif self._in_title:
            self._doc_title.append(data)
        elif self._skip_depth == 0:
            self._chunks.append(re.sub(r"\s+", " ", data))

    def _result(self) -> _PageText:
        meta = self._meta
        title = meta.get("og:title") or meta.get("twitter:title") or normalise("".join(self._doc_title))
        author = meta.get("author") or meta.get("article:author") or meta.get("byl") or ""
        if author.startswith("http") or not author.strip():
            author = ""
        published = None
        for key in ("article:published_time", "datepublished", "date", "pubdate", "dc.date"):
            published = published or iso_date(meta.get(key))
        url = meta.get("canonical") or meta.get("og:url")
        text = "\n".join(normalise(line) for line in "".join(self._chunks).split("\n"))
        sections = [normalise(meta[key]) for key in SECTION_META if meta.get(key, "").strip()]
        sections += ld_sections(self._ld_scripts)
        return _PageText(
            text=text,
            title=normalise(title) or None,
            author=byline_names(author) if author else None,
            published=published,
            url=url or None,
            sections=tuple(dict.fromkeys(sections)),
        )


@dataclass(frozen=True)
class _PageText:
    text: str
    title: str | None
    author: str | None
    published: str | None
    url: str | None
    sections: tuple[str, ...] = ()
