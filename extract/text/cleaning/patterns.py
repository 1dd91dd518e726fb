"""Patterns of page structure and widget wording shared by news sites, never about one story."""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------------------
# Patterns. All are about page structure and widget wording shared by news sites, never about one story.

_CLOSERS = "'\"”’»」』)\\]"
SENTENCE_END = re.compile(rf"[.!?。！？؟।۔][{_CLOSERS}]*$")
COLON_END = re.compile(rf"[:;][{_CLOSERS}]*$")
ELLIPSIS_END = re.compile(r"(?:…|\.{3,})$")
SENTENCE_STOP = re.compile(rf"[.!?。！？][{_CLOSERS}]*\s+")
CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
LEAD_MARKS = re.compile(r"^[\s*•·|>»›\-–—#]+")
TRAIL_MARKS = re.compile(r"[\s:|»›>\-–—!]+$")

TIMESTAMP_TEXT = re.compile(
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
FINAL_HEADING = re.compile(
    r"news ?feed|live feed|comments?|\d+ comments?|comments? \(\d+\)"
    r"|more (?:[\w.&' ]{1,30} )?(?:news|stories|headlines)"
    r"|editors?'? ?(?:picks|choice)|around the web|from (?:our|the) (?:partners|network)|sponsored (?:stories|links)",
    re.IGNORECASE,
)
FEED_HEADING = re.compile(rf"(?:{_FEED_WORDS}|{_RELATED_WORDS})", re.IGNORECASE)
# A feed heading run together with the titles it lists ("Stories in this Section Rail fares rise Ferry …"): the
# links lost their line breaks, so the heading opens one long block with no sentence end.
FEED_LIST = re.compile(
    rf"^(?:{_FEED_WORDS}|{_RELATED_WORDS}|(?:other |more )?stories in this section|also in this section)"
    r"\s*[:|»›>–—-]?\s+(?=[A-Z0-9“\"'‘])",
    re.IGNORECASE,
)
# A menu run together on one line: four or more links between pipes ("News | Sport | Business | …").
PIPE = re.compile(r"\s*\|\s*")
MENU_ITEM_WORDS = 4  # a menu's items average at most this many words; prose between pipes is longer

# Readers' comments. A heading that opens the thread (matched against the whole line, lowercased) …
THREAD_HEADING = re.compile(
    r"(?:thanks for your comments\W+)?(?:the |this )?(?:comments?|feedback|discussion) (?:is|are|has been|have been)"
    r" (?:now )?closed(?: for this (?:story|article|post))?|view all (?:\d+ )?comments"
    r"|(?:most recent )?readers?'? (?:comments|views)(?: \(\d+\))?|comments? on this (?:story|article|post)",
    re.IGNORECASE,
)
# … and a comment's signature ("Posted by: Ann, Leeds on 5:19pm Tue 1 Jan 08", with a date or time) or its
# report link ("Quote | Report this post", "… Posted by Ann on Jan 6, 2008 Report this comment"). One such
# line may be a blog's own byline; two or more are a thread (`classify_all`).
COMMENT_SIGNATURE = re.compile(r"^posted by:?\s+\S", re.IGNORECASE)
COMMENT_REPORT = re.compile(r"(?:^|[\s|])report (?:this (?:post|comment)|abuse)\s*\|?$", re.IGNORECASE)
INLINE_TEASER = re.compile(
    r"^(?:read more|read also|also read|read next|related(?: article| story| coverage| content| video| link)?"
    r"|see also|more on this(?: story)?|further reading|recommended|watch|listen|latest|lesen sie auch"
    r"|mehr zum thema|lire aussi|à lire aussi|leer más|lea también|leggi anche|читайте (?:также|також))"
    r"\s*[:|»›>–—]\s*\S",
    re.IGNORECASE,
)

# Short lines that are page chrome wherever they appear (matched against the whole line, lowercased).
AD_TEXT = re.compile(
    r"advertisement|advertising|ad|ads|sponsored(?: content)?|paid (?:post|content)|promoted(?: content)?"
    r"|(?:story|article) continues(?: below| after (?:this )?(?:ad(?:vertisement)?|the break))?"
    r"|scroll to continue(?: with content)?|continue reading below|ad feedback"
    r"|anzeige|werbung|publicité|publicidad|pubblicità|реклама",
    re.IGNORECASE,
)
# "Home > World > Europe", "News / Politics": a breadcrumb trail.
BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s[>/›»]\s[^.!?]{1,40})+$")
SHORT_FURNITURE = re.compile(
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
LONG_FURNITURE = [
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
    # the rules of a comment form ("We welcome your comments on this story. Comments are moderated …")
    re.compile(
        r"\bwe welcome your comments\b|\bcomments? (?:are|is|will be) (?:moderated|submitted|reviewed|screened"
        r"|monitored|posted)\b|\bcomment (?:posters?|writers?)\b|\byour comments? will (?:not )?(?:be )?"
        r"(?:published|appear)|\bsubmission of any material\b|\b(?:readers?'?|story|user) comments represent\b",
        re.IGNORECASE,
    ),
]
#: Lower-case words one of which every LONG_FURNITURE pattern needs: a block with none of them (most of a story's
#: paragraphs) cannot match, and one substring check each costs less than the eight case-blind searches. A new
#: pattern needs its words here (tests/test_furniture_words.py checks an example of each pattern).
LONG_FURNITURE_WORDS = (
    "cookie", "accept all", "reject all", "sign up", "subscribe", "register", "newsletter", "thank you for",
    "confirmation", "inbox", "indicates required", "mail", "rights reserved", "©", "copyright", "our standards:",
    "trust principles", "our app", "the app", "free app", "click here", "tap here", "journalism", "become a",
    "donate", "javascript", "your browser", "blocker", "comment", "submission of any material",
)  # fmt: skip
#: Letters a case-blind pattern matches to an ASCII letter though `str.lower` does not turn them into it
#: (İ ı ſ and the Kelvin sign): a block with one is searched with the patterns whatever its words.
ASCII_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")


def wordset(words: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(words.split())


SOCIAL_WORDS = wordset(
    "facebook twitter x linkedin whatsapp telegram reddit email e-mail mail print share copy link pinterest"
    " messenger flipboard bluesky threads instagram youtube tiktok comments comment save gift article story"
    " this on the via follow us"
)
NETWORKS = wordset(
    "facebook twitter x linkedin whatsapp telegram reddit pinterest messenger flipboard bluesky threads"
    " instagram youtube tiktok email"
)

_CREDIT_WORDS = (
    r"getty|reuters|afp|\bap\b|ap photo|\bepa\b|efe|shutterstock|alamy|bloomberg|xinhua|tass|sputnik|anadolu"
    r"|imago|\bdpa\b|\bpa\b|press association|courtesy|handout|file photo|photo|image|picture|credit"
    r"|illustration"
    r"|video grab|screenshot|screengrab|\bvia\b|pool|stringer|ukrinform|nurphoto|sopa|zuma|abaca"
)
CAPTION_PATTERNS = [
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

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATES = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b"),  # European 10.09.2024
    re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
]
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*\(?[A-Z]{2,5}\)?)?", re.I)
#: The words a page labels its kind of writing with, as a line above the headline ("OPINION"), before a
#: byline ("Opinion by Ada Quill") or in its metadata. The cleaner keeps the label (`CleanArticle.section`);
#: which labels mean opinion is decided where the writer is named (`authorial`).
SECTION_LABEL = re.compile(
    r"(?:opinions?|commentary|commentaries|op-?eds?|columns?|guest columns?|columnists?|viewpoints?"
    r"|perspectives?|my view|our view|editorials?|analysis|news analysis|letters?|letters to the editor)",
    re.IGNORECASE,
)
BYLINE_START = re.compile(
    rf"^(?:(?P<label>{SECTION_LABEL.pattern}),? )?"
    r"(?:by|written by|words by|story by|author:?|authors:?)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
CREDITS_LINE = re.compile(
    r"^\(?(?:additional |further )?(?:reporting|writing|editing|compiled|produced|research|contributing)"
    r"(?: and [a-z]+)? by\s|^[^.!?]{3,80}\bcontributed (?:reporting )?(?:to )?(?:this|the) (?:report|story|article)",
    re.IGNORECASE,
)
BULLET = re.compile(r"^[•·▪●◦‣*–-]\s")
NUMBERED = re.compile(r"^(?:\d{1,3}|[a-z])[.)]\s+\S")  # "1. Arsenal 45", "2) Lyon", "a) the first option"
BIO_VERBS = re.compile(
    r"^(?:(?:is|was) (?:an? |the )[\w\s,-]{0,50}?(?:reporter|correspondent|journalist|writer|editor|columnist"
    r"|contributor|producer|photographer|analyst|fellow)\b|covers\b|writes (?:about|on|for)\b"
    r"|reports (?:on|for|from)\b|has (?:covered|reported|written)\b|joined (?:the|[A-Z])"
    r"|previously (?:covered|worked|reported)\b)"
)
NOT_NAMES = re.compile(
    r"^(?:the|this|that|these|those|then|now|late|early|mid|midday|midnight|noon|contrast|comparison|far"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|law|order|way|all|any|some|most|many|one|two|a|an)\b",
    re.IGNORECASE,
)
BYLINE_CUT = re.compile(
    r"\s[|•·—–]\s|\s-\s|\d"
    r"|\b(?:updated|published|posted|last updated|modified|on (?:mon|tue|wed|thu|fri|sat|sun)\w*)\b",
    re.IGNORECASE,
)
# A row of wrapped prose that stops on one of these was cut mid-sentence (headlines and list items do not
# end this way). Words: English function words; other languages can be added here.
OPEN_MARKS = frozenset(",-–—(/&")
OPEN_WORDS = wordset(
    "the a an of to and or but nor in on at by for with from as into than that which who whose whom is are was"
    " were be been has have had will would can could should may might must not its their his her our your"
    " this these those said says while because although though whether unless until"
)
OTHER_HEADLINE = (8, 11)  # words of an open line between paragraphs that is another story's headline
NAME_PARTICLES = wordset("van von der den de da di du del della le la al bin ibn el y dos das")
NOT_PERSON_WORDS = wordset(
    "reporter correspondent staff editor editors writer writers contributor news agency reuters ap afp press"
    " associated bloomberg times post team desk service wire journal herald independent bureau and"
)
