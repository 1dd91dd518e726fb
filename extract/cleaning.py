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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from html.parser import HTMLParser
from typing import Any

from extract.errors import InputError

__all__ = ["CleanArticle", "clean_html", "clean_text"]

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
    """

    text: str
    title: str | None
    byline: str | None
    published: str | None
    url: str | None
    warnings: list[str]


class _Kind(Enum):
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


_SCORES: dict[_Kind, float] = {
    _Kind.HEADLINE: -1.0,
    _Kind.NAV: -1.0,
    _Kind.FURNITURE: -2.5,
    _Kind.AD: -1.0,
    _Kind.CAPTION: -1.5,
    _Kind.TIMESTAMP: -1.5,
    _Kind.BYLINE: -1.5,
    _Kind.DATELINE: -1.5,
    _Kind.TRUNCATED: -0.5,
    _Kind.TEASER: -0.5,
    _Kind.BOX: -0.5,
    _Kind.FEED: -3.0,
    _Kind.CREDITS: -3.0,
    _Kind.LIST: 0.3,
}
_BARRIERS = (_Kind.FEED, _Kind.CREDITS)
# Lines that are something of their own ("by Jane Doe", "2 hours ago", "Share"), never a row of a paragraph.
_NOT_ROWS = (
    _Kind.BYLINE,
    _Kind.TIMESTAMP,
    _Kind.DATELINE,
    _Kind.FURNITURE,
    _Kind.AD,
    _Kind.CAPTION,
    _Kind.CREDITS,
    _Kind.FEED,
    _Kind.TEASER,
)
_CHROME = (_Kind.FURNITURE, _Kind.AD, _Kind.TIMESTAMP, _Kind.FEED, _Kind.CREDITS, _Kind.BOX)
_PROSE = (_Kind.CONTENT, _Kind.WEAK, _Kind.LIST)
_DESCRIPTIONS: dict[_Kind, str] = {
    _Kind.HEADLINE: "headline",
    _Kind.NAV: "page furniture",
    _Kind.FURNITURE: "page furniture",
    _Kind.AD: "advertisement",
    _Kind.CAPTION: "photo caption",
    _Kind.TIMESTAMP: "timestamps",
    _Kind.BYLINE: "byline",
    _Kind.DATELINE: "dateline",
    _Kind.TRUNCATED: "teaser",
    _Kind.TEASER: "teaser",
    _Kind.FEED: "feed of other stories",
    _Kind.BOX: "related links",
    _Kind.CREDITS: "credits",
    _Kind.LIST: "list",
    _Kind.CONTENT: "text outside the story",
    _Kind.WEAK: "text outside the story",
}


@dataclass
class _Block:
    text: str
    kind: _Kind
    units: float

    @property
    def score(self) -> float:
        """Prose scores by length (long paragraphs are the surest sign of a story); the rest is negative."""
        if self.kind is _Kind.CONTENT:
            return 1.0 + min(self.units, 100.0) / 12.0
        if self.kind is _Kind.WEAK:
            return 0.3 + min(self.units, 100.0) / 30.0
        return _SCORES[self.kind]


# ---------------------------------------------------------------------------------------------------------
# Patterns. All are about page structure and widget wording shared by news sites, never about one story.

_CLOSERS = "'\"”’»」』)\\]"
_SENTENCE_END = re.compile(rf"[.!?。！？؟।۔][{_CLOSERS}]*$")
_COLON_END = re.compile(rf"[:;][{_CLOSERS}]*$")
_ELLIPSIS_END = re.compile(r"(?:…|\.{3,})$")
_SENTENCE_STOP = re.compile(rf"[.!?。！？][{_CLOSERS}]*\s+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_LEAD_MARKS = re.compile(r"^[\s*•·|>»›\-–—#]+")
_TRAIL_MARKS = re.compile(r"[\s:|»›>\-–—!]+$")

_TIMESTAMP = re.compile(
    r"(?:\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*[A-Z]{2,4})?"
    r"|\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\s+ago"
    r"|just now|yesterday|today)",
    re.IGNORECASE,
)

_FEED_WORDS = (
    r"news ?feed|live feed|latest(?: news| stories| articles| updates| headlines)?"
    r"|most (?:read|popular|viewed|shared|recent|commented)"
    r"|more (?:[\w.&' ]{1,30} )?(?:news|stories|headlines)|more (?:from|in) [\w' ]+|editors?'? ?(?:picks|choice)"
    r"|top (?:stories|news|headlines)|trending(?: now| stories| news)?|popular(?: now| stories| articles)?"
    r"|you (?:may|might) (?:also )?like|what to read next|comments?|\d+ comments?|comments? \(\d+\)"
    r"|around the web"
    r"|from (?:our|the) (?:partners|network)|sponsored (?:stories|links)|in other news"
    r"|more to (?:read|explore)|recommended for you|don'?t miss|must read|also in \w+"
)
_RELATED_WORDS = (
    r"related(?: articles?| stories| story| coverage| content| posts| news| reading| links| topics"
    r"| to this (?:story|article))?"
    r"|read (?:more|also|next)|see also|also read|more on (?:this|that)(?: story| topic)?"
    r"|recommended(?: reading| stories| articles)?|further reading|more coverage"
    r"|mehr zum thema|lesen sie auch|das könnte sie auch interessieren|lire aussi|à lire aussi|sur le même sujet"
    r"|leer más|lea también|te puede interesar|leggi anche|читайте (?:также|також)|по теме|за темою"
)
# Headings that open the rest of the page rather than a box inside the story: they always end it.
_FINAL_HEADING = re.compile(
    r"news ?feed|live feed|comments?|\d+ comments?|comments? \(\d+\)"
    r"|more (?:[\w.&' ]{1,30} )?(?:news|stories|headlines)"
    r"|editors?'? ?(?:picks|choice)|around the web|from (?:our|the) (?:partners|network)|sponsored (?:stories|links)",
    re.IGNORECASE,
)
_FEED_HEADING = re.compile(rf"(?:{_FEED_WORDS}|{_RELATED_WORDS})", re.IGNORECASE)
_INLINE_TEASER = re.compile(
    r"^(?:read more|read also|also read|read next|related(?: article| story| coverage| content| video| link)?"
    r"|see also|more on this(?: story)?|further reading|recommended|watch|listen|latest|lesen sie auch"
    r"|mehr zum thema|lire aussi|à lire aussi|leer más|lea también|leggi anche|читайте (?:также|також))"
    r"\s*[:|»›>–—]\s*\S",
    re.IGNORECASE,
)

# Short lines that are page chrome wherever they appear (matched against the whole line, lowercased).
_AD = re.compile(
    r"advertisement|advertising|ad|ads|sponsored(?: content)?|paid (?:post|content)|promoted(?: content)?"
    r"|(?:story|article) continues (?:below|after (?:this )?(?:ad(?:vertisement)?|the break))"
    r"|scroll to continue(?: with content)?|continue reading below|ad feedback"
    r"|anzeige|werbung|publicité|publicidad|pubblicità|реклама",
    re.IGNORECASE,
)
# "Home > World > Europe", "News / Politics": a breadcrumb trail.
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s[>/›»]\s[^.!?]{1,40})+$")
_SHORT_FURNITURE = re.compile(
    r"(?:skip to (?:main )?(?:content|navigation|main)|jump to .*|(?:main )?menu|search|home"
    r"|log ?in|log ?out|sign ?in|sign ?up|sign ?out|register|subscribe(?: now| today| here)?"
    r"|edit(?: post| article)?|close|open"
    r"|toggle navigation|back to top|top|print|e-?mail|copy(?: link)?|link copied|save(?: article)?"
    r"|share(?: this)?(?: article| story| page| post)?(?: on \w+| via \w+)?|gift (?:this )?article"
    r"|read more"
    r"|read the full (?:story|article)|continue reading|show more|load more|see more|view (?:more|all)"
    r"|more|next|previous|prev|go|submit|ok|accept"
    r"|(?:accept|reject|allow) (?:all|cookies|all cookies)|manage (?:preferences|cookies|settings)"
    r"|cookie (?:policy|settings|preferences)|privacy(?: policy| settings| notice)?"
    r"|terms(?: of (?:use|service))?"
    r"|terms and conditions|contact(?: us)?|about(?: us)?|follow(?: us)?(?: on .*)?|newsletters?|podcasts?"
    r"|video|videos|watch(?: now| live)?|live|listen(?: now)?|listen to (?:this|the) (?:article|story).*"
    r"|(?:this )?audio (?:is|was) (?:created|generated|produced) .*|.*\bmin(?:ute)?s? read|updated .*"
    r"|published .*|posted .*|last (?:updated|modified) .*|tags?:? .*|topics?:? .*|filed under:? .*"
    r"|categor(?:y|ies):? .*|(?:\* ?)?indicates required(?: field)?|required|enter your e-?mail.*"
    r"|(?:please,? )?enter (?:a |your )?(?:valid |correct )?e-?mail(?: address)?.*|success\w* subscribed.*"
    r"|you(?:'re| are) (?:now )?subscribed.*|thank you for (?:signing up|subscribing|registering).*"
    r"|all rights reserved.*|©.*|copyright.*|support us|donate(?: now| today)?"
    r"|become a (?:member|subscriber|patron)"
    r"|(?:open|download|get) (?:in )?(?:the|our) app|image|photo|gallery|opinion|analysis|explainer|exclusive"
    r"|breaking(?: news)?|live updates|loading.*"
    r"|(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|pinterest|bluesky|threads|instagram"
    r"|youtube|tiktok|flipboard|messenger)"
    r"|(?:click|tap) here.*|listen|audio|print this (?:page|article)"
    r"|report (?:an? )?(?:error|typo|correction)"
    r"|view comments|leave a comment|add a comment|join the conversation|no comments(?: yet)?)",
    re.IGNORECASE,
)
# Longer blocks that are still page chrome: cookie banners, newsletter pitches, footers, app and donation
# pleas.
_LONG_FURNITURE = [
    re.compile(
        r"\bcookies?\b.*\b(?:we use|use of|accept|consent|privacy|browsing|this (?:site|website)"
        r"|our (?:site|website)|settings|preferences|partners|personali[sz]ed?)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:we use|this (?:site|website) uses)\b.*\bcookies?\b|\b(?:accept|reject) all\b", re.IGNORECASE),
    re.compile(
        r"\b(?:sign up|subscribe|register)\b.{0,80}"
        r"\b(?:newsletters?|inbox|e-?mails?|briefings?|alerts?|digest)\b"
        r"|\bnewsletters?\b.{0,80}\b(?:sign up|subscribe|inbox)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\bthank you for (?:signing up|subscribing|registering)\b|\bconfirmation e-?mail\b"
        r"|\bcheck your inbox\b"
        r"|\bindicates required\b|\benter (?:a |your )?(?:valid |correct )?e-?mail\b",
        re.IGNORECASE,
    ),
    re.compile(r"\ball rights reserved\b|^©|^copyright\b|^our standards:|\btrust principles\b", re.IGNORECASE),
    re.compile(r"\b(?:download|get|open) (?:our|the) (?:free )?app\b|\bclick here\b|\btap here\b", re.IGNORECASE),
    re.compile(
        r"\b(?:support|fund) (?:our|independent|quality) journalism\b"
        r"|\bbecome an? (?:member|subscriber|supporter|patron)\b|\bdonate (?:now|today)\b"
        r"|\bsubscribe (?:now|today) (?:for|to)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\bjavascript\b.{0,60}\b(?:enable|enabled|disabled|browser)\b|\b(?:enable|disable)\b.{0,30}\bjavascript\b"
        r"|\byour browser (?:does not|doesn't) support\b|\bad ?blocker\b",
        re.IGNORECASE,
    ),
]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_SOCIAL_WORDS = _wordset(
    "facebook twitter x linkedin whatsapp telegram reddit email e-mail mail print share copy link pinterest"
    " messenger flipboard bluesky threads instagram youtube tiktok comments comment save gift article story"
    " this on the via follow us"
)
_NETWORKS = _wordset(
    "facebook twitter x linkedin whatsapp telegram reddit pinterest messenger flipboard bluesky threads"
    " instagram youtube tiktok email"
)

_CREDIT_WORDS = (
    r"getty|reuters|afp|\bap\b|ap photo|\bepa\b|efe|shutterstock|alamy|bloomberg|xinhua|tass|sputnik|anadolu"
    r"|imago|\bdpa\b|\bpa\b|press association|courtesy|handout|file photo|photo|image|picture|credit"
    r"|illustration"
    r"|video grab|screenshot|screengrab|\bvia\b|pool|stringer|ukrinform|nurphoto|sopa|zuma|abaca"
)
_CAPTION_PATTERNS = [
    # "… (Chen Boyuan/VCG via Getty Images)": a parenthesised credit closes the block.
    re.compile(rf"\((?=[^()]{{2,90}}\)\s*$)(?:[^()]*/[^()]*|[^()]*(?:{_CREDIT_WORDS})[^()]*)\)\s*$", re.I),
    # "Photo: Jane Doe", "Image credit | Reuters" at the start.
    re.compile(
        r"^(?:photo(?:graph)?|image|picture|credit|illustration|caption|foto|pictured|above|top|main image)s?"
        r"\s*(?:by|credit)?\s*[:|]",
        re.I,
    ),
    re.compile(r"^(?:image|photo|picture|video) (?:caption|source|credit)s?\b", re.I),
    # "… Photo: Jane Doe/Reuters" or "… | Getty Images" at the end.
    re.compile(r"\b(?:photo(?:graph)?|image|picture)\s*(?:credit)?\s*(?::\s*|\s+by\s+[A-Z])[^.!?]{2,60}\.?$", re.I),
    re.compile(
        r"[|/]\s*(?:getty images|reuters|afp|ap|epa|efe|shutterstock|alamy|bloomberg|xinhua|tass|anadolu"
        r"|dpa|pa|handout|pool|nurphoto)\s*\)?\.?$",
        re.I,
    ),
    re.compile(r"\b(?:ap photo|afp via getty images|via getty images|getty images|shutterstock)\b[^.!?]{0,50}$", re.I),
    # "Jane Doe/Reuters": a bare credit line.
    re.compile(r"^[A-Z][\w.'’ -]{1,40}/\s?[A-Z][\w.'’& -]{1,40}(?: via [\w ]+)?\.?$"),
    re.compile(r"^(?:reuters|afp|ap|epa|getty images|shutterstock|afp/getty images|associated press)\.?$", re.I),
]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATES = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b"),  # European 10.09.2024
    re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
]
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*\(?[A-Z]{2,5}\)?)?", re.I)
_BYLINE = re.compile(r"^(?:by|written by|words by|story by|author:?|authors:?)\s+(?P<rest>\S.*)$", re.IGNORECASE)
_CREDITS = re.compile(
    r"^\(?(?:additional |further )?(?:reporting|writing|editing|compiled|produced|research|contributing)"
    r"(?: and [a-z]+)? by\s|^[^.!?]{3,80}\bcontributed (?:reporting )?(?:to )?(?:this|the) (?:report|story|article)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[•·▪●◦‣*–-]\s")
_NUMBERED = re.compile(r"^(?:\d{1,3}|[a-z])[.)]\s+\S")  # "1. Arsenal 45", "2) Lyon", "a) the first option"
_BIO_VERBS = re.compile(
    r"^(?:(?:is|was) (?:an? |the )[\w\s,-]{0,50}?(?:reporter|correspondent|journalist|writer|editor|columnist"
    r"|contributor|producer|photographer|analyst|fellow)\b|covers\b|writes (?:about|on|for)\b"
    r"|reports (?:on|for|from)\b|has (?:covered|reported|written)\b|joined (?:the|[A-Z])"
    r"|previously (?:covered|worked|reported)\b)"
)
_NOT_NAMES = re.compile(
    r"^(?:the|this|that|these|those|then|now|late|early|mid|midday|midnight|noon|contrast|comparison|far"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|law|order|way|all|any|some|most|many|one|two|a|an)\b",
    re.IGNORECASE,
)
_BYLINE_CUT = re.compile(
    r"\s[|•·—–]\s|\s-\s|\d"
    r"|\b(?:updated|published|posted|last updated|modified|on (?:mon|tue|wed|thu|fri|sat|sun)\w*)\b",
    re.IGNORECASE,
)
# A row of wrapped prose that stops on one of these was cut mid-sentence (headlines and list items do not
# end this way). Words: English function words; other languages can be added here.
_OPEN_MARKS = frozenset(",-–—(/&")
_OPEN_WORDS = _wordset(
    "the a an of to and or but nor in on at by for with from as into than that which who whose whom is are was"
    " were be been has have had will would can could should may might must not its their his her our your"
    " this these those said says while because although though whether unless until"
)
_OTHER_HEADLINE = (8, 11)  # words of an open line between paragraphs that is another story's headline
_WRAP_MIN, _WRAP_MAX = 25, 110  # characters: rows of wrapped prose are neither tiny nor whole paragraphs
_NAME_PARTICLES = _wordset("van von der den de da di du del della le la al bin ibn el y dos das")
_NOT_PERSON_WORDS = _wordset(
    "reporter correspondent staff editor editors writer writers contributor news agency reuters ap afp press"
    " associated bloomberg times post team desk service wire journal herald independent bureau and"
)


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
    if _looks_like_html(raw):
        return clean_html(raw)
    return _clean_blocks(_split_blocks(raw))


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
    extracted, meta, why_not = _trafilatura(html, url)
    page = _PageReader.read(html)
    notes: list[str] = []
    article: CleanArticle | None = None
    if extracted:
        blocks = _split_blocks(extracted)
        if len(blocks) > 1 and blocks[0] == meta.get("title"):
            blocks = blocks[1:]  # trafilatura repeats the headline it already gave as metadata
        try:
            article = _clean_blocks(blocks)
        except InputError:
            article = None
    if article is None:
        if page.text.strip():
            article = _clean_blocks(_split_blocks(page.text))
            notes.append(f"read the page with the built-in HTML reader: {why_not or 'trafilatura found no story'}")
        else:
            raise InputError(NO_TEXT)
    published = _iso_date(meta.get("date")) or page.published or article.published
    return CleanArticle(
        text=article.text,
        title=meta.get("title") or page.title or article.title,
        byline=meta.get("author") or page.author or article.byline,
        published=published,
        url=url or meta.get("url") or page.url,
        warnings=[*notes, *article.warnings],
    )


# ---------------------------------------------------------------------------------------------------------
# Splitting text into blocks


def _normalise(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def _split_blocks(raw: str) -> list[str]:
    """Every non-empty line is a block: scrapes put a headline and its teaser on adjacent lines."""
    text = raw.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.splitlines()
    if _is_hard_wrapped(lines):
        lines = _unwrap(lines)
    return [block for block in _rejoin_wrapped([_normalise(line) for line in lines]) if block]


def _is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Tell text wrapped at a fixed width from a scrape of one-line paragraphs.

    Wrapped text has blank lines between paragraphs, most lines near one width, and full-width lines that
    stop mid-sentence; a scrape's one-line paragraphs end with a full stop.
    """
    stripped = [line.strip() for line in lines]
    lengths = [len(line) for line in stripped if line]
    if len(lengths) < 6 or len(lengths) == len(stripped):
        return False
    width = max(lengths)
    if not 40 <= width <= 100:
        return False
    full = [line for line in stripped if line and len(line) >= 0.8 * width]
    open_ended = sum(1 for line in full if not _SENTENCE_END.search(line))
    return len(full) >= 0.5 * len(lengths) and open_ended >= 0.6 * len(full)


def _unwrap(lines: Sequence[str]) -> list[str]:
    """Rejoin wrapped lines of one paragraph: a line that was full continues on the next one."""
    width = max(len(line.strip()) for line in lines)
    out: list[str] = []
    joining = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append("")
            joining = False
            continue
        if joining and out:
            out[-1] = f"{out[-1]} {stripped}"
        else:
            out.append(stripped)
        joining = len(stripped) >= 0.6 * width
    return out


def _breaks_mid_sentence(line: str, following: str) -> bool:
    """Whether `line` surely was wrapped inside a sentence.

    Sure signs: the next line goes on in lower case, or this one stops on a comma, a hyphen or a word that
    never ends a sentence ("the", "of", "and").
    """
    words = len(line.split())
    if words < 2 or not following or _SENTENCE_END.search(line) or _COLON_END.search(line):
        return False  # a lone dash, date part or menu item is not a row of prose
    if _ELLIPSIS_END.search(line):
        return False
    last = line.rsplit(None, 1)[-1]
    if not (following[0].islower() or (words >= 3 and (line[-1] in _OPEN_MARKS or last in _OPEN_WORDS))):
        return False
    return _classify(line) not in _NOT_ROWS and _classify(following) not in _NOT_ROWS


def _rejoin_wrapped(lines: Sequence[str]) -> list[str]:
    """Rejoin paragraphs that the page wrapped line by line (`<br>` or `<pre>` prose, fixed-width mail).

    A page cut into one line per wrapped row has no blank lines between paragraphs, so `_is_hard_wrapped`
    misses it, and every row without a full stop would pass for a headline. A row continues on the next one
    when it breaks mid-sentence (`_breaks_mid_sentence`), or when it is open, about as long as the rows
    around it, and such a sure break is within two rows: the rest of a wrapped paragraph. Blank lines
    (empty strings) always end a paragraph.
    """
    n = len(lines)
    sure = [i + 1 < n and _breaks_mid_sentence(lines[i], lines[i + 1]) for i in range(n)]
    joined: list[str] = []
    joining = False
    for i, line in enumerate(lines):
        if joining and line and joined:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        joining = sure[i] or _wrapped_row(lines, sure, i)
    return joined


def _wrapped_row(lines: Sequence[str], sure: Sequence[bool], i: int) -> bool:
    """An open row about as long as its neighbours, next to a sure mid-sentence break: wrapped prose."""
    line = lines[i]
    if i + 1 >= len(lines) or not lines[i + 1] or len(line) < _WRAP_MIN:
        return False
    if _SENTENCE_END.search(line) or _COLON_END.search(line) or _ELLIPSIS_END.search(line):
        return False
    near = range(max(0, i - 2), min(len(lines), i + 3))
    if not any(sure[j] for j in near if j != i):
        return False
    width = max(len(lines[j]) for j in near)
    if width > _WRAP_MAX or len(line) < 0.6 * width:
        return False
    return _classify(line) not in _NOT_ROWS and _classify(lines[i + 1]) not in _NOT_ROWS


# ---------------------------------------------------------------------------------------------------------
# Classifying blocks


def _units(text: str) -> float:
    """Length in words; CJK characters count half a word each, since those scripts use no spaces."""
    cjk = len(_CJK.findall(text))
    return len(_CJK.sub(" ", text).split()) + cjk / 2.0


def _bare(text: str) -> str:
    """The line without bullets, pipes and trailing colons, lowercased, for matching widget wording."""
    return _TRAIL_MARKS.sub("", _LEAD_MARKS.sub("", text)).lower()


def _is_truncated(text: str) -> bool:
    """A teaser is cut mid-sentence with an ellipsis ("… the Constituti…"), not after a full stop.

    A paragraph whose last full sentence is followed by one or two words and dots ("… radar. Continued…",
    "… though. Sigh...") is whole: the words are a link or an aside.
    """
    match = _ELLIPSIS_END.search(text)
    if not match:
        return False
    before = text[: match.start()].rstrip()
    if not before or before[-1] in ".!?。！？":
        return False
    sentences = _SENTENCE_STOP.split(before)
    return len(sentences) == 1 or len(sentences[-1].split()) >= 3


def _has_inner_sentence(text: str) -> bool:
    """A whole sentence inside the line ("… runs from Jan. 14-27. (Writing by …)"): prose, not a headline."""
    parts = _SENTENCE_STOP.split(text)
    return len(parts) > 1 and len(parts[0].split()) >= 4 and len(parts[-1].split()) >= 2


def _is_social(bare: str) -> bool:
    words = re.findall(r"[\w-]+", bare)
    if not words or not any(word in _NETWORKS for word in words):
        return False
    return sum(word in _SOCIAL_WORDS for word in words) >= 0.6 * len(words)


def _is_caption(text: str, units: float) -> bool:
    """Captions are marked by their credit ("(Name/Agency via Getty Images)", "Photo: …"), not by shape."""
    return units <= 70 and any(pattern.search(text) for pattern in _CAPTION_PATTERNS)


def _find_date(text: str) -> tuple[str, int, int] | None:
    """The first real calendar date in `text` as ISO, with where it was found."""
    for pattern in _DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = _MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else int(groups["month"])
            try:
                found = date(int(groups["year"]), month, int(groups["day"]))
            except ValueError:
                continue
            if 1900 <= found.year <= 2100:
                return found.isoformat(), match.start(), match.end()
    return None


def _is_dateline(text: str, units: float) -> bool:
    """A line that is only a date and time, perhaps with "Published"/"Updated" around it."""
    found = _find_date(text)
    if found is None or units > 14:
        return False
    rest = text[: found[1]] + " " + text[found[2] :]
    rest = _TIME.sub(" ", rest)
    rest = re.sub(
        r"\b(?:published|updated|posted|last|modified|on|at|am|pm|utc|gmt|edt|est|cet|cest|bst|eet|eest|kyiv|time"
        r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\w+day|\d+ min(?:ute)?s? read)\b",
        " ",
        rest,
        flags=re.I,
    )
    return len(re.findall(r"\w+", rest)) <= 1


def _is_byline(text: str, units: float) -> bool:
    """Tell "By Jane Doe …", a byline, from "By the end of the day, …", prose."""
    match = _BYLINE.match(text)
    if not match:
        return False
    rest = match.group("rest")
    if not rest[:1].isupper() or _NOT_NAMES.match(rest):
        return False
    if _find_date(text) is not None or _TIME.search(text):
        return units <= 30
    return units <= 14 and not (_SENTENCE_END.search(text) and units >= 8)


def _classify(text: str) -> _Kind:
    """Label one block from its own shape and wording (context comes later)."""
    units = _units(text)
    bare = _bare(text)
    ellipsis = bool(_ELLIPSIS_END.search(text))
    ends_sentence = (ellipsis and not _is_truncated(text)) or (not ellipsis and bool(_SENTENCE_END.search(text)))
    if units <= 6 and _TIMESTAMP.fullmatch(bare):
        return _Kind.TIMESTAMP
    if units <= 6 and not ends_sentence and _FEED_HEADING.fullmatch(bare):
        return _Kind.FEED
    if units <= 40 and _INLINE_TEASER.match(text.lstrip("*•·>»› -–—")):
        return _Kind.TEASER
    if units <= 30 and _CREDITS.match(text):
        return _Kind.CREDITS
    if _is_byline(text, units):
        return _Kind.BYLINE
    if units <= 8 and _AD.fullmatch(bare):
        return _Kind.AD
    if units <= 12 and (_SHORT_FURNITURE.fullmatch(bare) or _is_social(bare) or _BREADCRUMB.match(text)):
        return _Kind.FURNITURE
    if units <= 60 and any(pattern.search(text) for pattern in _LONG_FURNITURE):
        return _Kind.FURNITURE
    if _is_caption(text, units):
        return _Kind.CAPTION
    if _is_dateline(text, units):
        return _Kind.DATELINE
    if _is_truncated(text):
        return _Kind.TRUNCATED
    if ends_sentence:
        return _Kind.CONTENT if units >= 2 else _Kind.NAV
    if _COLON_END.search(text) and units >= 3:
        return _Kind.CONTENT
    if units >= 25 or (units >= 12 and _has_inner_sentence(text)):
        return _Kind.WEAK
    # A line in capitals is no sign of furniture: on real pages it is more often a subheading or a source
    # ("EDITORIAL IN THE DAILY STAR") than a button; known button wording is matched above.
    return _Kind.NAV if units <= 3 else _Kind.HEADLINE


def _classify_all(texts: Sequence[str]) -> list[_Block]:
    """Label every block, then fix labels that depend on neighbours (teasers, titles, related boxes)."""
    blocks = [_Block(text, _classify(text), _units(text)) for text in texts]
    for i, block in enumerate(blocks):
        if block.kind is _Kind.TRUNCATED:
            # The headline of a teaser sits right above its truncated summary.
            above = blocks[i - 1] if i > 0 else None
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            if above is not None and (
                above.kind in (_Kind.HEADLINE, _Kind.NAV)
                or (above.kind is _Kind.CONTENT and above.units <= 15 and above.text.endswith(("?", "!")))
            ):
                block.kind = above.kind = _Kind.TEASER
            elif (
                above is not None
                and above.kind in _PROSE
                and block.units >= 15
                and (after is None or after.kind is not _Kind.TRUNCATED)
            ):
                # No headline of its own, right after the story's prose: the story's own paragraph, cut off by a
                # paywall or ending on an ellipsis. Teasers come with a headline or in a row of cut summaries.
                block.kind = _Kind.CONTENT
            else:
                block.kind = _Kind.TEASER
        elif block.kind is _Kind.BYLINE and i > 0:
            # A short line right above a byline is the headline, even when it ends with "?" or "!".
            above = blocks[i - 1]
            if above.kind is _Kind.CONTENT and above.units <= 15 and not above.text.endswith("."):
                above.kind = _Kind.HEADLINE
    for i, block in enumerate(blocks):
        if block.kind is _Kind.FEED and not _FINAL_HEADING.fullmatch(_bare(block.text)):
            _mark_related_box(blocks, i)
    _mark_lists(blocks)
    _mark_bios(blocks)
    return blocks


def _mark_lists(blocks: list[_Block]) -> None:
    """Short lines after "Key figures:", numbered lines, or bulleted lines between paragraphs: a list."""
    short = (_Kind.HEADLINE, _Kind.NAV, _Kind.WEAK)
    for i, block in enumerate(blocks):
        if block.kind is not _Kind.CONTENT:
            continue
        # "Key figures:" introduces a list; "Related to this story:" a box of links.
        introduces = bool(_COLON_END.search(block.text)) and not _FEED_HEADING.match(_bare(block.text))
        j = i + 1
        while j < len(blocks) and j - i <= 15 and blocks[j].kind in short:
            if not introduces and not _BULLET.match(blocks[j].text) and not _NUMBERED.match(blocks[j].text):
                break
            j += 1
        items = blocks[i + 1 : j]
        numbered = all(_NUMBERED.match(item.text) for item in items)
        enough = len(items) >= (1 if introduces else 2)
        # Introduced or numbered, the list is the story's even where the story ends with it; bulleted lines
        # could be a box of related headlines, so the story must go on after them.
        if enough and (introduces or numbered or (j < len(blocks) and blocks[j].kind is _Kind.CONTENT)):
            for item in items:
                item.kind = _Kind.LIST


def _mark_bios(blocks: list[_Block]) -> None:
    """A paragraph that starts with the byline's author and "is a reporter"/"covers" is the author's bio."""
    byline = next((block for block in blocks if block.kind is _Kind.BYLINE), None)
    names = _byline_names(byline.text) if byline is not None else None
    if not names:
        return
    people = [name for name in re.split(r",\s*|\s+and\s+", names) if name]
    keys = {key.lower() for person in people for key in (person, person.split()[-1])}
    for block in blocks:
        if block.kind not in _PROSE or block.units > 60:
            continue
        lowered = block.text.lower()
        for key in keys:
            if lowered.startswith(key + " ") and _BIO_VERBS.match(block.text[len(key) + 1 :].lstrip()):
                block.kind = _Kind.FURNITURE
                break


def _mark_related_box(blocks: list[_Block], heading: int) -> None:
    """A "Related"/"Most read" heading with a few links and then more story is a box inside it, not its end.

    The box's items are short (headlines, image alt text, captions); after them the story must go on with
    at least two paragraphs (ads and captions between them aside), or the heading ends the story after all.
    """
    if not any(block.kind is _Kind.CONTENT for block in blocks[max(0, heading - 3) : heading]):
        return
    j = heading + 1
    while j < len(blocks) and j - heading <= 8 and _is_box_item(blocks, j):
        j += 1
    if j == heading + 1:
        return
    paragraphs, units = 0, 0.0
    for block in blocks[j : j + 6]:
        if block.kind is _Kind.CONTENT:
            paragraphs, units = paragraphs + 1, units + block.units
        elif block.kind not in (_Kind.AD, _Kind.CAPTION, _Kind.TEASER):
            break
    if paragraphs >= 2 and units >= 30:
        for block in blocks[heading:j]:
            block.kind = _Kind.BOX


def _is_box_item(blocks: Sequence[_Block], i: int) -> bool:
    """Headlines, links and captions are box items; a short sentence only when a headline follows it."""
    block = blocks[i]
    if block.kind in (*_BARRIERS, _Kind.TIMESTAMP):
        return False
    if block.kind is not _Kind.CONTENT:
        return True
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    return block.units <= 15 and after is not None and after.kind in (_Kind.HEADLINE, _Kind.NAV, _Kind.TEASER)


# ---------------------------------------------------------------------------------------------------------
# Choosing the story


def _best_run(blocks: Sequence[_Block]) -> tuple[int, int, float]:
    """The contiguous run of blocks with the highest total score that crosses no feed heading.

    Returns:
        (start, end) with `end` exclusive, and the run's score; (0, 0, 0.0) when no run scores above zero.
    """
    best = (0, 0, 0.0)
    start = 0
    total = 0.0
    after_feed = False
    for i, block in enumerate(blocks):
        if block.kind in _BARRIERS:
            start, total, after_feed = i + 1, 0.0, True
            continue
        # Prose after a feed heading is most likely a feed item: halve its weight.
        score = block.score * (0.5 if after_feed and block.score > 0 else 1.0)
        if total <= 0:
            start, total = i, 0.0
        total += score
        if total > best[2]:
            best = (start, i + 1, total)
    return best


def _preview(text: str, words: int = 4) -> str:
    parts = text.split()
    shown = " ".join(parts[:words])
    if len(shown) > 60:
        shown = shown[:57].rstrip()
        return f"'{shown} …'"
    return f"'{shown} …'" if len(parts) > words else f"'{shown}'"


def _describe(blocks: Iterable[_Block], extra: Sequence[str] = ()) -> str:
    names = [*extra]
    for block in blocks:
        name = _DESCRIPTIONS[block.kind]
        if name not in names:
            names.append(name)
    return ", ".join(names[:4]) + (", …" if len(names) > 4 else "")


def _lines(n: int) -> str:
    return f"{n} line" if n == 1 else f"{n} lines"


def _interior_warning(run: Sequence[_Block]) -> str:
    kinds = {block.kind for block in run}
    first = _preview(run[0].text)
    if kinds & {_Kind.TEASER, _Kind.TRUNCATED}:
        return f"cut a teaser of another story: {first}"
    if kinds <= {_Kind.CAPTION}:
        return f"cut a photo caption: {first}" if len(run) == 1 else f"cut {len(run)} photo captions: {first}"
    if _Kind.BOX in kinds:
        return f"cut a box of related links inside the story: {first}"
    if kinds <= {_Kind.HEADLINE, _Kind.NAV}:
        if len(run) == 1:
            return f"cut a headline-like line inside the story: {first}"
        return f"cut {len(run)} headline-like lines inside the story: {first}"
    return f"cut {_lines(len(run))} of {_describe(run)} inside the story: {first}"


def _is_subheading(blocks: Sequence[_Block], i: int, start: int, end: int) -> bool:
    """Keep a headline-like line between two paragraphs unless it is as long as a headline of another story.

    Up to 7 words it is a subheading of the story; from 12 words on, a row of prose that a link or a line
    break cut off from its paragraph ("… said Philip" / "Schiller, …"). In between it is more likely the
    headline of another story, which must not reach the model.
    """
    block = blocks[i]
    if block.kind not in (_Kind.HEADLINE, _Kind.NAV) or _OTHER_HEADLINE[0] <= block.units <= _OTHER_HEADLINE[1]:
        return False
    return start < i < end - 1 and blocks[i - 1].kind in _PROSE and blocks[i + 1].kind in _PROSE


def _pick_title(blocks: Sequence[_Block], start: int, byline: int | None) -> str | None:
    """The headline heads the cluster of headline-like lines just above the byline (or the story).

    Walking up, dates, captions and furniture between the cluster and the anchor are skipped; the cluster is
    headline, then standfirst, then perhaps an author line, so its first line is the headline.
    """
    anchor = byline if byline is not None and byline < start else start
    skippable = (_Kind.DATELINE, _Kind.TIMESTAMP, _Kind.CAPTION, _Kind.FURNITURE, _Kind.AD, _Kind.BYLINE, _Kind.NAV)
    cluster: list[int] = []
    for i in range(anchor - 1, max(-1, anchor - 13), -1):
        block = blocks[i]
        if block.kind is _Kind.HEADLINE and 3 <= block.units <= 30:
            cluster.append(i)
        elif cluster or block.kind not in skippable:
            break
    return blocks[cluster[-1]].text if cluster else None


def _byline_names(text: str) -> str | None:
    """Keep only the people in a byline: drop "By", dates, times, outlets and roles."""
    match = _BYLINE.match(text)
    rest = match.group("rest") if match else text
    found = _find_date(rest)
    if found is not None:
        rest = rest[: found[1]]
    cut = _BYLINE_CUT.search(rest)
    if cut is not None:
        rest = rest[: cut.start()]
    names: list[str] = []
    parts = [part.strip(" .:-–—|") for part in re.split(r",|;|\s+and\s+|\s*&\s*", rest)]
    several = sum(1 for part in parts if len(part.split()) >= 2) >= 1 and len(parts) > 1
    for name in parts:
        words = name.split()
        if not 1 <= len(words) <= 5 or (several and len(words) == 1):
            continue  # "…, CNN": a one-word part beside full names is the outlet
        if any(word.lower() in _NOT_PERSON_WORDS for word in words):
            continue
        if all(word[:1].isupper() or word.lower() in _NAME_PARTICLES for word in words):
            names.append(name.title() if name.isupper() else name)
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _clean_blocks(texts: Sequence[str]) -> CleanArticle:
    """Classify blocks, pick the story run, and gather title, byline, date and warnings around it."""
    if not texts:
        raise InputError(NO_TEXT)
    blocks = _classify_all(texts)
    if len(blocks) == 1:
        # A single paragraph is the article, whatever its shape, unless it is page chrome ("Subscribe").
        if blocks[0].kind in _CHROME:
            raise InputError(NO_TEXT)
        return CleanArticle(texts[0], None, None, None, None, [])
    start, end, total = _best_run(blocks)
    if total <= 0:
        return _fallback(blocks)

    kept: list[str] = []
    warnings: list[str] = []
    dropped: list[_Block] = []
    for i in range(start, end):
        block = blocks[i]
        if block.kind in _PROSE or _is_subheading(blocks, i, start, end):
            if dropped:
                warnings.append(_interior_warning(dropped))
                dropped = []
            kept.append(block.text)
        else:
            dropped.append(block)

    byline_at = next((i for i in range(end) if blocks[i].kind is _Kind.BYLINE), None)
    title = _pick_title(blocks, start, byline_at)
    byline = _byline_names(blocks[byline_at].text) if byline_at is not None else None
    published = _published(blocks, start, byline_at)

    if start > 0:
        extra = [name for name, value in (("title", title), ("byline", byline)) if value]
        before = [b for b in blocks[:start] if b.text != title and b.kind is not _Kind.BYLINE]
        warnings.insert(
            0,
            f"cut {_lines(start)} before the story ({_describe(before, extra)}): {_preview(blocks[0].text)}",
        )
    if end < len(blocks):
        after = blocks[end:]
        warnings.append(f"cut {_lines(len(after))} after the story ({_describe(after)}): {_preview(after[0].text)}")
    return CleanArticle("\n\n".join(kept), title, byline, published, None, warnings)


def _published(blocks: Sequence[_Block], start: int, byline_at: int | None) -> str | None:
    """The date in the byline, else in a dateline or meta line above the story (never from the prose)."""
    meta = [i for i in range(start) if blocks[i].kind not in (_Kind.CONTENT, _Kind.WEAK, _Kind.TEASER)]
    updated = [i for i in meta if re.search(r"\b(?:updated|modified|edited)\b", blocks[i].text, re.I)]
    order = ([byline_at] if byline_at is not None else []) + [i for i in meta if i not in updated] + updated
    for i in order:
        found = _find_date(blocks[i].text)
        if found is not None:
            return found[0]
    return None


def _fallback(blocks: Sequence[_Block]) -> CleanArticle:
    """No run scores as a story (e.g. a lone headline-like line): keep the longest block not chrome."""
    candidates = [block for block in blocks if block.kind not in (*_CHROME, _Kind.BYLINE, _Kind.DATELINE)]
    if not candidates:
        raise InputError(NO_TEXT)
    best = max(candidates, key=lambda block: block.units)
    others = len(blocks) - 1
    warnings = [f"no clear story found; kept the longest line and cut {_lines(others)}"] if others else []
    return CleanArticle(best.text, None, None, None, None, warnings)


# ---------------------------------------------------------------------------------------------------------
# HTML


def _looks_like_html(raw: str) -> bool:
    head = raw.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return "<html" in head or "<body" in head or head.startswith("<!doctype html")
    return len(re.findall(r"</?(?:p|div|span|a|body|head|script|br)\b[^>]*>", head)) >= 8


def _iso_date(value: object) -> str | None:
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


def _trafilatura(html: str, url: str | None) -> tuple[str | None, dict[str, str], str | None]:
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
            meta[field] = _normalise(value)
    if "author" in meta:
        meta["author"] = meta["author"].replace("; ", ", ")
    return (text if isinstance(text, str) and text.strip() else None), meta, None


class _PageReader(HTMLParser):
    """A small stand-in for trafilatura: block text outside scripts, navigation, asides and figures.

    Forms are read: old pages wrap the whole page in one, often left open; a sign-up box's wording is cut
    later as furniture.
    """

    _SKIP = _wordset(
        "script style noscript template svg iframe nav footer aside button select option figure"
        " figcaption canvas object embed video audio"
    )
    _BLOCK = _wordset(
        "p div h1 h2 h3 h4 h5 h6 li br article section main blockquote tr ul ol dl dt dd pre table header hr title"
    )
    _VOID = _wordset("area base br col embed hr img input link meta param source track wbr")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._skip_depth = 0
        self._in_title = False
        self._chunks: list[str] = []
        self._meta: dict[str, str] = {}
        self._doc_title: list[str] = []

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
        if tag in self._SKIP and self._skip_depth > 0:
            self._skip_depth -= 1
        if tag in self._BLOCK:
            self._chunks.append("\n")

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped regions; remember the <title>."""
        if self._in_title:
            self._doc_title.append(data)
        elif self._skip_depth == 0:
            self._chunks.append(re.sub(r"\s+", " ", data))

    def _result(self) -> _PageText:
        meta = self._meta
        title = meta.get("og:title") or meta.get("twitter:title") or _normalise("".join(self._doc_title))
        author = meta.get("author") or meta.get("article:author") or meta.get("byl") or ""
        if author.startswith("http") or not author.strip():
            author = ""
        published = None
        for key in ("article:published_time", "datepublished", "date", "pubdate", "dc.date"):
            published = published or _iso_date(meta.get(key))
        url = meta.get("canonical") or meta.get("og:url")
        text = "\n".join(_normalise(line) for line in "".join(self._chunks).split("\n"))
        return _PageText(
            text=text,
            title=_normalise(title) or None,
            author=_byline_names(author) if author else None,
            published=published,
            url=url or None,
        )


@dataclass(frozen=True)
class _PageText:
    text: str
    title: str | None
    author: str | None
    published: str | None
    url: str | None
