"""Runs of capitalised words that look like a person's name and are none: a side, a people, a place, a thing.

`people.find_people` asks these before it keeps a run: "Sunni Arabs" is a people, "N. Korea" a place, "Perth
Test" and "Pinderfields General Infirmary" things, "Top Quill" an English word before a surname, "The Perry
Chief" a newspaper; `actors.build_actors` asks `a_side_named` ("Philadelphia Flyers": "the Flyers won"). Each
test reads the article: a word the text also writes in lower case is an English word (`written_in_lower_case`).
"""

from __future__ import annotations

import re

from extract.language.countries import describes_people
from extract.language.grounding import find_all
from extract.language.name_words import NOT_GIVEN_NAMES, PARTICLES, census_names, given_names, names_no_one
from extract.language.places import is_place

_THE_BEFORE = re.compile(r"(?<![\w-])(?i:the)\s+$")


_PLACE_AFTER = re.compile(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")


def not_a_titled_persons(text: str, at: int, stop: int) -> bool:
    """Whether a given name before a title word is a title ("The Perry Chief") or a town ("Hilton Head, S.C.")."""
    place = _PLACE_AFTER.match(text, stop)
    return _THE_BEFORE.search(text, max(0, at - 5), at) is not None or (place is not None and is_place(place[1]))


#: A capitalised word right before a title word: "Pinderfields" of "Pinderfields General Infirmary".
_CAPITAL_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][\w’'-]*)[ \t]+\Z")


#: Quotation marks around a title word and the word after it: "“King Kong,”", the name of a film or a book.
_OPENING_QUOTE = re.compile(r"[\"“‘]\Z")


_CLOSING_QUOTE = re.compile(r"[,.!?]?[\"”’]")


#: Titles that are also adjectives inside things' names: "General Infirmary", "General Motors", "General Assembly".
_ADJECTIVE_TITLES = frozenset({"General", "Gen."})


#: Capitalised words before "General" that are part of the title, not of a thing's name: "Surgeon General".
_TITLE_PARTS = frozenset({"Surgeon", "Inspector", "Solicitor", "Brigadier", "Postmaster", "Adjutant", "Consul",
                          "Force", "Marine", "Marines", "Corps"})


def a_things_title(text: str, at: int, end: int) -> bool:
    """Whether a title word and the word after it are part of a thing's name, not a person's title and surname.

    Quoted alone ("“King Kong,” that sort of thing": a film), or "General" inside a longer name: a capitalised
    word before it that is no title, role, stopword, people's adjective or place ("Pinderfields General
    Infirmary", not "Attorney General Holder", "Iraqi General Ali", "Former General Clark"), and the word after
    it is never written without the title (a person's surname is: "… Clark said").
    """
    cut = text.rfind(" ", at, end)
    title, surname = text[at:cut], text[cut + 1 : end]
    if _OPENING_QUOTE.search(text, max(0, at - 1), at) and _CLOSING_QUOTE.match(text, end):
        return True
    before = _CAPITAL_BEFORE.search(text, max(0, at - 40), at) if title in _ADJECTIVE_TITLES else None
    if before is None:
        return False
    word = before[1]
    if names_no_one(word) or word in _TITLE_PARTS or describes_people(word) or is_place(word):
        return False
    return all(text[max(0, s - len(title) - 1) : s].rstrip() == title for s, _ in find_all(text, surname))


#: Nouns a person's surname modifies after "the": "the Sanders campaign", "the Spears family" (no side's name).
_SURNAME_MODIFIES = ("campaign", "camp", "family", "administration", "government", "household", "brothers",
                     "sisters", "estate", "era", "years", "report", "inquiry", "case", "trial", "plan")


#: "the" before a capitalised plural, not before a longer name nor a noun it modifies: "the Flyers won".
_THE_PLURAL = "(?<![\\w-])[Tt]he\\s+{}(?![\\w’'-])(?!\\s+(?:[A-Z]|(?:" + "|".join(_SURNAME_MODIFIES) + ")\\b))"


def a_side_named(text: str, name: str, people: list[str]) -> bool:
    """Whether a run taken for a person's name is a side's: "Philadelphia Flyers", "Liberation Tigers".

    Its last word is a plural the text writes after "the" ("the Flyers won"), and its first word is no given
    name nor a title ("Britney Spears" beside "the Spears family", "Lord Stevens"), nor is it the surname of
    another of the `people` ("Top Sanders" beside Bernie Sanders and "the Sanders show"): a team or a group
    names itself so, a person's surname is rarely written so.
    """
    words = name.split()
    if len(words) < 2 or not words[-1].endswith("s") or words[0] in given_names() or names_no_one(words[0]):
        return False
    if any(p != name and p.split()[-1] == words[-1] for p in people):
        return False
    return re.search(_THE_PLURAL.format(re.escape(words[-1])), text) is not None


#: First words of places that the person finder cuts from a run ("New", "St."): before a side's name written
#: after them, they open the side's whole name ("New York Islanders", "St. Louis Blues", "Green Bay Packers").
SIDE_PLACE_OPENERS = ("New", "St.", "St", "San", "Los", "Las", "Santa", "Fort", "Green", "Central", "Salt")
_OPENER_BEFORE = re.compile(r"(?<![\w.’'-])(" + "|".join(re.escape(w) for w in SIDE_PLACE_OPENERS) + r")[ \t]+\Z")


def whole_side_name(text: str, name: str) -> str | None:
    """A side's whole name when the run was cut after a place's first word: "Louis Blues" -> "St. Louis Blues".

    Every mention follows the same opener, and the run's last word is a plural the text writes after "the" ("the
    Blues won"), as in `a_side_named`; its first word may be a given name here ("Louis", "Jose").
    """
    words = name.split()
    if len(words) < 2 or not words[-1].endswith("s"):
        return None
    openers = {m[1] if (m := _OPENER_BEFORE.search(text, max(0, s - 8), s)) else None for s, _ in find_all(text, name)}
    if len(openers) != 1 or None in openers or re.search(_THE_PLURAL.format(re.escape(words[-1])), text) is None:
        return None
    return f"{openers.pop()} {name}"


def nationality_before_a_name(words: list[str]) -> bool:
    """Whether a run's first word is a nationality that describes the person named after it.

    "Australian Andrew Symonds", "Frenchman Jo-Wilfried Tsonga", "Israeli Shahar Peer" (`countries.describes_people`);
    not a body's ("Thai Rak Thai": the name holds a nationality; "Canadian Blood Services": a plural ends it and
    no given name opens it).
    """
    rest = words[1:]
    return (
        len(rest) >= 2
        and describes_people(words[0])
        and not any(describes_people(w) or names_no_one(w) for w in rest)  # not "American Action Network"
        and (rest[0] in census_names() or not rest[-1].endswith("s"))
    )


def a_people(name: list[str]) -> bool:
    """Whether a run names a people, not a person: "Sunni Arabs", "Sunni Arab", "Kurds" (`countries.describes_people`).

    Every word describes people, the last one perhaps as a plural.
    """
    return all(describes_people(w) for w in name[:-1]) and (
        describes_people(name[-1]) or describes_people(name[-1].removesuffix("s"))
    )


#: A compass point's initial before a place's last word: "N. Korea", "S. Carolina", "W. Virginia".
_COMPASS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West"}


#: US states written as dotted initials, as datelines and towns end: "Lodi, N.J. Harmony's phone" starts no name.
_STATE_INITIALS = frozenset({"N.J.", "N.Y.", "N.H.", "N.M.", "N.C.", "N.D.", "S.C.", "S.D.", "D.C.", "R.I."})


#: Last words of the names of contests and prizes, never a person's surname: "Oval Test", "Carling Cup",
#: "Australian Open", "Super Bowl", "Image Awards", "Maui Invitational" (general news: sports and shows).
EVENT_NOUNS = frozenset({"Test", "Cup", "Open", "Bowl", "Awards", "Award", "Festival", "Invitational", "Slam",
                         "Games", "Olympics", "Championship", "Championships", "Trophy", "Prix", "Finals", "Series"})


def a_things_name(text: str, name: list[str], titled: bool) -> bool:
    """Whether a run names a thing, an event or a body, not a person: "Perth Test", "Carling Cup", "Tata Nano".

    Its first word is no given name and its last one an English noun the text also writes in lower case ("the
    test", "a cup") in a line of prose, not in a subhead written all in lower case ("romney to speak out"), or
    a contest's or prize's (`EVENT_NOUNS`, "the Oval Test" where "test" is never written); a person's surname is
    rarely either. Only a title or a role marks such a run as a person's.
    """
    return (
        not titled
        and name[0] not in given_names()
        and name[0].lower() not in PARTICLES
        and (name[-1] in EVENT_NOUNS or _lower_case_in_prose(text, name[-1]))
    )


def abbreviated_place(name: list[str]) -> bool:
    """Whether a name is a place with its compass point cut to an initial ("N. Korea"), not "W. Bush".

    Or it opens with a state's initials ("N.J. Harmony": a town's state, then the next sentence's first word).
    """
    if name[0] in _STATE_INITIALS:
        return True
    return len(name) == 2 and name[0] in _COMPASS and is_place(f"{_COMPASS[name[0]]} {name[1]}")


def words_of_a_thing(text: str, name: list[str]) -> bool:
    """Whether two words paired with a person's name are no one's name.

    A plural title ("Presidents Reagan and Bush"), or a last word the text also writes in lower case.
    """
    return any(names_no_one(w.removesuffix("s")) for w in name) or written_in_lower_case(text, name[-1])


def word_before_a_surname(text: str, name: str, found: list[str]) -> bool:
    """Whether a two-word name is an English word or a place before the surname of someone named in full.

    "Top Quill aide quits", "Absent Quill wins", "… outside Ohio Quill rally" beside "Dara Quill": the first word
    is no first name (not in the census list), and the text writes it in lower case ("top", "absent") or it is a
    place, or it stands only in the headline ("Says Quill would …"); such a "person", listed first, took every lone
    "Quill" from Dara Quill. Not "Jeb Bush" beside "George Bush": "jeb" is written in lower case nowhere (a
    sentence's first word alone would take him too).
    """
    words = name.split()
    if len(words) != 2 or (words[0] in census_names() and words[0] not in NOT_GIVEN_NAMES):  # "Will Sanders"
        return False
    first, surname = words
    if not (written_in_lower_case(text, first) or is_place(first) or _only_in_the_headline(text, name)):
        return False
    return any(n.split()[-1] == surname and n.split()[0] in given_names() for n in found if n != name)


def _only_in_the_headline(text: str, name: str) -> bool:
    """Whether a name is written only in the headline: the first paragraph, and the subhead under it.

    The subhead is the next paragraph when the first ends without a full stop ("Trump hints;" above "Says
    Clinton would stack …").

    A subhead is a sentence without its subject ("Says Clinton would …", "Longtime Clinton foe files …"): its
    capitalised first word before a surname is no given name, though the story never writes it in lower case.
    """
    first = text.find("\n\n")
    if first < 0:
        return False
    end = first if re.search(r"[.!?][\"'”’]?\s*$", text[:first]) else text.find("\n\n", first + 2)
    return end > 0 and all(s < end for s, _ in find_all(text, name))


def written_in_lower_case(text: str, word: str) -> bool:
    """Whether the text writes the word in lower case as a whole word ("planned", "journalist"): an English word."""
    lower = word.lower()
    if lower not in text:  # a substring test first: most names are never written in lower case at all
        return False
    return re.search(rf"(?<![\w’'-]){re.escape(lower)}(?![\w’'-])", text) is not None


def _lower_case_in_prose(text: str, word: str) -> bool:
    """Whether the text writes the word in lower case in a line opening with a capital (no lower-case subhead)."""
    if not written_in_lower_case(text, word):
        return False
    for match in re.finditer(rf"(?<![\w’'-]){re.escape(word.lower())}(?![\w’'-])", text):
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].lstrip(" \t\"“‘'(")
        if not line or line[:1].isupper() or not line[:1].isalpha():
            return True
    return False
