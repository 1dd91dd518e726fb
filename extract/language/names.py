"""What counts as a name: capitals mark names in running text, not in a Title-Case headline or a common noun.

The model proposes actors by reading capitals. In a headline such as "Witness Debunks Claim Brenner Groped
Woman" every word is capitalised, so "Debunks Claim Brenner" looks like a name; in the body, "the
administration" or "voters" are no names at all. These checks keep such words out of the actors.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.language.grounding import Span, find_all
from extract.language.honorifics import BARE_TITLES
from extract.language.stopwords import STOPWORDS

#: Words of a person's title: "Deputy Secretary of State Kurt Campbell", "Sen. Lindsey Graham".
TITLE_WORDS = frozenset(
    [
        "secretary",
        "minister",
        "president",
        "premier",
        "chancellor",
        "general",
        "director",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "governor",
        "mayor",
        "senator",
        "representative",
        "chief",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "commander",
        "head",
        "leader",
        "king",
        "queen",
        "prince",
        # titles of nobility and of the clergy, a person's whole name only in "the Princess said", "Mr. Cleric"
        "princess",
        "duchess",
        "countess",
        "baroness",
        "cleric",
        "pope",
        "judge",
        "attorney",
        "prosecutor",
        "official",
        "envoy",
        "adviser",
        "advisor",
        "deputy",
        "counterpart",
        "lawmaker",
        "professor",
        "dr",
        "colonel",
        "lieutenant",
        "major",
        "captain",
        "admiral",
        "marshal",
        "sheikh",
        "emir",
        "president-elect",
        "speaker",
        "founder",
        "editor",
        "analyst",
        "researcher",
        "economist",
        "officer",
        "negotiator",
        "lawyer",
        "counsel",
        "commissioner",
        "manager",
        # abbreviations, compared without their dot: "Sen. Lindsey Graham", "Justice Frank Nervo"
        "sen",
        "rep",
        "gov",
        "justice",
        "lt",
        "gen",
        "col",
        "sgt",
        "capt",
        "adm",
        "prof",
        "rev",
        "del",  # a delegate to Congress: "Del. Stacey Roe of the Virgin Islands"
        "delegate",
    ]
)
#: Short words a Title-Case headline leaves in lower case ("Senator Calls on Congress to Act").
_MINOR_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
                          "with", "from", "as", "is", "vs", "via", "per", "into", "over", "up", "out", "off"})
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def never_a_name_alone(word: str) -> bool:
    """Whether a single capitalised word can never be an actor's whole name, wherever it is written.

    A function word ("The", "Of", "Any"), an honorific ("Mr") or a day or month ("Tuesday"; "May" is also a
    surname): capitalised by rule, not because they name someone. Nationalities ("French") are `is_nationality`.
    """
    bare = word.strip(".")
    return " " not in word and (
        bare.lower() in STOPWORDS or bare in BARE_TITLES or bare in DATES_NOT_NAMES
    )


#: A line that is only a name and a full stop: a letter's signature ("Jo Ann Roe."), not a headline.
SIGNATURE_LINE = re.compile(r"\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’.-]*){1,3}\.\s*")


@lru_cache(maxsize=4)
def title_case_lines(text: str) -> tuple[Span, ...]:
    """The lines of `text` written in Title Case (headlines, section titles): most words capitalised.

    A line of two to four capitalised words and a full stop is a signature under a letter, not a title; a line
    of more than 20 words is a paragraph dense with names, not a title. Cached: every name checked against
    one article asks for the same lines.
    """
    spans = []
    start = 0
    for line in text.split("\n"):
        words = [w for w in _WORD.findall(line) if w.lower() not in _MINOR_WORDS]
        capitalised = sum(1 for w in words if w[0].isupper())
        if 3 <= len(words) <= 20 and capitalised >= 0.75 * len(words) and not SIGNATURE_LINE.fullmatch(line):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return tuple(spans)


def only_in_title_case(text: str, name: str) -> bool:
    """Whether every occurrence of `name` lies in a Title-Case line, where capitals do not mark names."""
    found = find_all(text, name)
    lines = title_case_lines(text)
    return bool(found) and all(any(s <= a and b <= e for s, e in lines) for a, b in found)


def name_in_title_case(text: str, name: str) -> str | None:
    """The name the article writes outside its headlines that a headline-only phrase ends with, if any.

    "Debunks Claim Brenner" from a headline is "Brenner" when the body names Brenner; None when no tail of
    the phrase is written outside a Title-Case line.
    """
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        tail = " ".join(words[-size:])
        if tail[:1].isupper() and find_all(text, tail) and not only_in_title_case(text, tail):
            return tail
    return None


#: Capitalised words that start sentences and never name anyone on their own ("Some said …").
_NOT_NAMES = frozenset({"some", "many", "most", "others", "other", "several", "few", "all", "both", "each", "none",
                        "one", "two", "three", "those", "these", "this", "that", "they", "we", "critics",
                        "officials", "experts", "analysts", "supporters", "opponents", "sources", "aides",
                        # a party's adjective alone names an unnamed member, not an actor ("a Republican said")
                        "republican", "democrat", "democratic", "libertarian", "conservative", "liberal"})


def is_common_noun(spelled: str) -> bool:
    """Whether a phrase is no name: no capitalised word, or a sentence's first word that names nobody.

    "the administration", "voters"; "Some", "Critics". A @handle is a name.
    """
    if spelled.startswith("@"):
        return False
    capitalised = any(w[:1].isupper() or _ARTICLE_PREFIX.match(w) for w in spelled.split())  # "al-Qaida"
    return not capitalised or spelled.lower() in _NOT_NAMES


#: The Arabic article written in lower case before a capitalised name: "al-Qaida", "ul-Haq", "el-Sisi".
NAME_ARTICLES = ("al", "el", "ul", "ud", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er")
_ARTICLE_PREFIX = re.compile(rf"(?:{'|'.join(NAME_ARTICLES)})-[A-Z]")


def capital_only_from_position(text: str, spelled: str) -> bool:
    """Whether a phrase is capitalised only because a sentence starts with it.

    "Regional council votes …" beside "a regional council" elsewhere: its first word alone is capitalised, and the
    article also writes it all in lower case.
    """
    words = spelled.split()
    if len(words) < 2 or not words[0][:1].isupper() or any(w[:1].isupper() for w in words[1:]):
        return False
    return bool(find_all(text, spelled.lower()))


#: Where a sentence starts: the text's start, a new line, or after end punctuation (and an opening quote).
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?]['’\"”]?\s+|[.!?]?\s*[\"“‘]\s*|:\s+)$")


def only_at_sentence_start(text: str, spelled: str) -> bool:
    """Whether a single capitalised word is written only where a sentence starts: "Perhaps", "Once", "Keeps".

    A name is capitalised wherever it stands; a word capitalised only by its place names no one. Acronyms
    ("NATO") and owners ("Valdoria's government") are names wherever they stand.
    """
    if " " in spelled or not spelled[:1].isupper() or spelled.isupper():
        return False
    found = find_all(text, spelled)
    return bool(found) and all(
        _SENTENCE_START.search(text, max(0, s - 4), s) and not re.match(r"['’]s\b", text[e : e + 3]) for s, e in found
    )


#: A clause's start a dash opens: "JAKARTA, Indonesia — Doctors struggled", "SAN FRANCISCO—Police have".
_DASH_START = re.compile(r"[—–]\s*$|\s-\s+$|--\s*$")
#: A capitalised word, or one joined by "of"/"to"/"for"/"&", right before: the word ends a longer name
#: ("San Francisco Zoo", "Secretary of State"); not "and", which lists two ("Fox and Disney").
_NAME_BEFORE = re.compile(r"(?<![\w.'’&-])([A-Z][\w.'’&-]*)(?:\s+(?:of|to|for|&))?[ \t]+$")
#: "of"/"to"/"for" and a capital right after: the word heads a longer name ("University of Waterloo",
#: "Access to Information").
_NAME_AFTER = re.compile(r"[ \t]+(?:of|to|for)[ \t]+(?:the[ \t]+)?[A-Z]")


def _in_a_longer_name(text: str, at: int) -> bool:
    """Whether a capitalised word before `at` makes the word there part of a longer name.

    Not a function word ("The Alliance"), nor a sentence's own first word ("According to Variety", "Readers of X").
    """
    match = _NAME_BEFORE.search(text, max(0, at - 40), at)
    return (
        match is not None
        and match[1].strip(".").lower() not in STOPWORDS
        and not _SENTENCE_START.search(text, max(0, match.start() - 4), match.start())  # "According to Variety"
    )


def capitalised_only_by_place(text: str, word: str) -> bool:
    """Whether one word is capitalised only where a sentence or clause starts or as a word of a longer name.

    "Zoo" of "the San Francisco Zoo" and "Zoo officials said", "State" of "Secretary of State" and "State
    television quoted": an English word a reporting verb made a speaker of, named by no one. A company's short
    name opens its long one ("Continental" of "Continental Automotive Systems"), so a first word counts as a name;
    acronyms ("NATO") and owners ("Valdoria's") are names wherever they stand.
    """
    if " " in word or not word[:1].isupper() or word.isupper():
        return False
    found = find_all(text, word)
    return bool(found) and all(
        (
            _SENTENCE_START.search(text, max(0, s - 4), s)
            or _DASH_START.search(text, max(0, s - 4), s)
            or _in_a_longer_name(text, s)
            or _NAME_AFTER.match(text, e)
        )
        and not re.match(r"['’]s\b", text[e : e + 3])
        for s, e in found
    )


#: Lower-case head nouns that make a phrase a description of a person, not a name ("Pagliano's lawyer").
PERSON_NOUNS = frozenset(
    {"lawyer", "attorney", "strategist", "doctor", "physician", "aide", "adviser", "advisor", "spokesman",
     "spokeswoman", "spokesperson", "friend", "wife", "husband", "son", "daughter", "mother", "father",
     "brother", "sister", "manager", "assistant", "staffer", "consultant", "pollster", "supporter", "critic"}
)


#: A party's member followed by where they are from or what they know: "Republican of Minnesota", "a Democrat
#: familiar with the talks" describe a person (an appositive), never name one.
_PARTY_APPOSITIVE = re.compile(r"(?:Democrat|Republican|Independent|Libertarian)\s+(?:of|from|familiar|close)\b")


def describes_a_person(spelled: str) -> bool:
    """Whether a phrase is a description of someone rather than a name: "Obama's former campaign strategist"."""
    words = spelled.split()
    if _PARTY_APPOSITIVE.match(spelled):
        return True
    return len(words) > 1 and words[-1].islower() and (words[-1] in PERSON_NOUNS or words[-1] in TITLE_WORDS)


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def from_first_capital(spelled: str) -> str:
    """A name starts at its first capitalised word: "libertarian Halden Institute" is the "Halden Institute".

    An ordinal before a capital opens it too ("6th Circuit Court of Appeals").
    """
    words = spelled.split()
    first = next(
        (i for i, w in enumerate(words) if w[:1].isupper() or w.startswith("@") or _ORDINAL.fullmatch(w)), 0
    )
    return " ".join(words[first:])


#: Days and months: capitalised wherever they stand, a date and never a name ("May" is also a surname).
DAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
MONTHS = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
     "December"}
)  # fmt: skip
MONTH_ABBREVIATIONS = frozenset({"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"})
#: Days and months that never name anyone ("May" also names a person).
DATES_NOT_NAMES = DAYS | (MONTHS - {"May"})

#: Capitalised words that start sentences or titles but are never part of a personal name.
NEVER_IN_A_NAME = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "But",
        "Of",
        "State",
        "Affairs",
        "Defense",
        "Defence",
        "Foreign",
        "Interior",
        "Health",
        "Justice",
        "Finance",
        "Treasury",
        "House",
        "Senate",
        "White",
        "Office",
        "Ministry",
        "Department",
        "Council",
        "Party",
        "Army",
        "Police",
        "University",
        "Union",
        "Commission",
        "Committee",
        "Organization",
        "Organisation",
        "Agency",
        "Association",
        "Federation",
        "Foundation",
        "Institute",
        "Court",
        "Bank",
        "Board",
        "Authority",
        "Assembly",
        "Parliament",
        "Congress",
        "Forces",
        "Front",
        "Movement",
        "League",
        "Alliance",
        "Coalition",
        "Company",
        "Corporation",
        "Group",
        "News",
        "Times",
        "Post",
        "Press",
        "Journal",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
    ]
) | DAYS
