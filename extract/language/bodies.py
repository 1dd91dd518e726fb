"""Organisations the article names, found in the text without the model.

An organisation's name in English news is a run of capitalised words that ends in a word saying what kind of
body it is ("Chicago Police Department", "Congressional Black Caucus", "ABC News", "Green Party"), possibly
followed by what it is of or for ("U.S. Court of Appeals for the Sixth Circuit", "Committee for a Responsible
Federal Budget"); a name that a noun for a body introduces ("Future45, a super PAC"); a city's police ("Tulsa
police"). Bodies known by one word or by letters ("Reuters", "FBI", "NATO") come from a short list
(data/bodies.json); other all-capital words are not taken for bodies (tried: "PCP", "USS", "AWR" and
datelines' "FLINT" came with them, more false than true on the real-news set).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from extract.language.countries import countries
from extract.language.grounding import FirstWordIndex, could_occur, find_all, word_runs
from extract.language.names import MONTHS, NEVER_IN_A_NAME, title_case_lines
from extract.language.stopwords import STOPWORDS

#: The word that ends an organisation's name, and the kind of body it makes.
HEADS: dict[str, str] = {
    **dict.fromkeys(
        ["Department", "Agency", "Court", "Bureau", "Police", "Ministry", "Administration", "Commission",
         "Patrol", "Guard", "Legislature", "Senate", "Assembly", "Parliament", "Service", "Government"],
        "government",
    ),
    **dict.fromkeys(
        ["Committee", "Caucus", "Party", "Institute", "Council", "Association", "Foundation", "University",
         "College", "Society", "Union", "Federation", "Coalition", "Alliance", "Authority", "Board", "Corporation",
         "Company", "Group", "Center", "Centre", "Fund", "Trust", "League", "Organization", "Organisation", "Club",
         "Inc", "Corp", "LLC", "Initiative", "Forum", "Movement", "Project", "Conference", "Network",
         "Bank", "Institution", "FC", "AFC"],  # "Harwick FC": a football club
        "organization",
    ),
    **dict.fromkeys(
        ["News", "Times", "Post", "Journal", "Tribune", "Herald", "Gazette", "Observer", "Chronicle", "Magazine",
         "Radio", "Television", "Press", "Today", "Caller", "Beast", "Examiner", "Inquirer", "Monitor",
         "Courier", "Globe", "Telegraph", "Guardian", "Wire", "Reporter", "Register", "Review", "Dispatch",
         "Bulletin", "Star-Ledger"],
        "media",
    ),
}
#: A party's members written as a plural, and the party's name: "Democrats said" is the Democratic Party's side.
PARTY_MEMBERS: dict[str, str] = {
    "Democrats": "Democratic Party", "Republicans": "Republican Party", "Tories": "Conservative Party",
    "Libertarians": "Libertarian Party", "Socialists": "Socialist Party",
}  # fmt: skip
#: Last words of a place's name: "Bank of America Stadium" is where a game is played, not an actor.
PLACE_NOUNS = frozenset({"Stadium", "Arena", "Street", "Avenue", "Road", "Boulevard", "Square", "Plaza", "Airport",
                         "Station", "Building", "Tower", "Towers", "Bridge", "Park", "Mall", "Hotel", "Ballroom",
                         "Auditorium", "Coliseum", "Memorial", "Cemetery", "Highway", "Island", "Beach", "Theater",
                         "Theatre", "Museum", "Gallery", "Cathedral", "Palace"})
#: Committees of a legislature are government; other committees ("Democratic National Committee") are not.
_LEGISLATURE = frozenset({"House", "Senate", "Congressional", "Joint", "Judiciary", "Intelligence"})
#: Buildings named after a body, whatever its name holds: "University of Phoenix Stadium" ("University of Rhode
#: Island" is a body: an island is no building).
_VENUES = frozenset({"Stadium", "Arena", "Airport", "Station", "Building", "Tower", "Towers", "Mall", "Hotel",
                     "Ballroom", "Auditorium", "Coliseum", "Theater", "Theatre", "Museum", "Gallery"})
#: Lower-case words inside a body's name: "Court of Appeals for the Sixth Circuit", "Committee on Oversight".
_JOINERS = frozenset({"of", "for", "and", "on", "in", "the", "a", "&"})
#: A capitalised word or dotted initials ("U.S."); an owner's "'s" ends a run ("the Daily Caller's critic"), so does
#: a plural's bare apostrophe ("the Commission on Presidential Debates’ threshold"); an ordinal opens a court's or
#: a unit's name ("the 6th Circuit Court of Appeals").
_CAP = r"(?:\d+(?:st|nd|rd|th)(?![\w-])|[A-Z]\.(?:[A-Z]\.)*|"
_CAP += r"[A-Z][\w&]*(?:-(?:[a-z]\w*|[A-Z][a-z]\w*))*(?![\w-]|(?<!s)['’](?!s\b)))"
_RUN = re.compile(rf"{_CAP}(?:[ \t]+(?:(?:of|for|and|on|in|the|a|&)[ \t]+)*{_CAP})*")
#: Lower-case nouns for a body, that introduce or describe its name: "the super PAC For Our Future", "a
#: conservative advocacy group, Harbor Watch, sued" (set off by commas).
BODY_NOUNS = ("super PAC", "PAC", "political action committee", "group", "advocacy group", "organization",
              "organisation", "nonprofit", "non-profit", "think tank", "charity", "firm", "company", "lobby",
              "coalition", "union", "foundation", "institute", "watchdog", "consultancy", "polling firm")
_BODY_NOUN = "|".join(re.escape(n) for n in sorted(BODY_NOUNS, key=len, reverse=True))
_NAME_RUN = r"(?:[A-Z][\w&]*|\d+)(?:[ \t]+(?:[A-Z][\w&]*|\d+))*"
_DESCRIBED = re.compile(
    rf"(?<![\w.])(?P<after>{_NAME_RUN}),[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?:{_BODY_NOUN})"
    r"(?=\s*(?:[,.;:)]|(?:that|which|who|whose|of|for|formed|founded|based|led|run|with|in|he|she|they|it|we)\b))"
    rf"|\b(?:[Tt]he|[Aa]n?)[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}?(?:{_BODY_NOUN})[ \t]+(?P<before>{_NAME_RUN})"
    rf"|\b(?:[Tt]he|[Aa]n?)[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}?(?:{_BODY_NOUN}),[ \t]+(?P<set_off>{_NAME_RUN})(?=[,;])"
)


#: A place's police force written in lower case: "Tulsa police", "the Dunmore County police".
_CITY_POLICE = re.compile(  # not "New Jersey police officers": the officers are people, not the force
    r"(?<![\w.’'-])((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)[ \t]+police\b(?![ \t]+officers?\b)"
)


@dataclass(frozen=True)
class Body:
    """A body the list names: its name, kind and the other names news writes for it."""

    name: str
    kind: str
    aliases: tuple[str, ...]


@cache
def known_bodies() -> tuple[Body, ...]:
    """The packaged list of bodies news names by one word or letters (data/bodies.json)."""
    raw = resources.files("extract").joinpath("data/bodies.json").read_text(encoding="utf-8")
    return tuple(Body(b["name"], b["kind"], tuple(b["aliases"])) for b in json.loads(raw)["bodies"])


@cache
def known_body_names() -> frozenset[str]:
    """Every name and alias of the packaged list of bodies."""
    return frozenset(n for b in known_bodies() for n in (b.name, *b.aliases))


@cache
def _bodies_index() -> FirstWordIndex[Body]:
    return FirstWordIndex((b, (b.name, *b.aliases)) for b in known_bodies())


def find_bodies(text: str) -> list[tuple[str, str]]:
    """(name, kind) of the organisations the text names outside its headlines, each once, in text order."""
    headlines = title_case_lines(text)

    def in_headline(start: int) -> bool:
        return any(a <= start < b for a, b in headlines)

    found: dict[str, tuple[int, str]] = {}
    for match in _RUN.finditer(text):
        if in_headline(match.start()):
            continue
        for piece in _JOINT.split(match[0]):  # "NBC News-Wall Street Journal": two bodies' joint poll
            while (named := _body_in_run(piece)) is not None:  # "the X Commission and the Y Commission": both
                found.setdefault(named[0], (match.start(), named[1]))
                at = piece.find(named[0])
                if at < 0:
                    break
                piece = piece[at + len(named[0]) :]
    found = {_written_in(text, name, at): (at, kind) for name, (at, kind) in found.items()}
    for match in _DESCRIBED.finditer(text):  # "Future45, a super PAC", "the think tank Harbor Watch"
        group = next(g for g in ("after", "before", "set_off") if match[g])
        name = re.sub(r"^The\s+", "", match[group])
        if not in_headline(match.start()) and name not in found and not _lead(name.split()[-1]):
            found[name] = (match.start(group), "organization")
    for match in _CITY_POLICE.finditer(text):  # "Tulsa police said": a city's police force
        if not in_headline(match.start()) and match[1].lower() not in STOPWORDS and match[1] not in found:
            found.setdefault(match[0], (match.start(), "government"))
    runs = word_runs(text)
    for body in _bodies_index().could_occur(runs):  # the listed bodies the text may name, in the list's order
        for name in (body.name, *body.aliases):
            if not could_occur(name, runs):
                continue
            spans = [s for s, e in find_all(text, name) if not in_headline(s) and not _credit(text, s, e)]
            if spans and not any(n in found for n in (body.name, *body.aliases)):
                found[name] = (spans[0], body.kind)  # as the article writes it: "DNC" when it never spells it out
    return [(name, kind) for name, (_, kind) in sorted(found.items(), key=lambda item: item[1][0])]


#: A hyphen between two bodies' names: after letters or a head word, before a capital ("NBC-Wall Street").
_JOINT = re.compile(r"(?<=[A-Z]{2})-(?=[A-Z])|(?<=\bNews)-(?=[A-Z])|(?<=\bPost)-(?=[A-Z])|(?<=\bTimes)-(?=[A-Z])")


#: "in" and a place after a body's name: where it sits ("Court of Appeals in Cedar Rapids"), or the end of its
#: name when its initials say so ("Board of Control for Cricket in India", "BCCI").
_IN_PLACE = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?[A-Z][\w]*(?:[ \t]+[A-Z][\w]*){0,2}")


def _written_in(text: str, name: str, at: int) -> str:
    """A body's name with the place it is "in" when the text writes the initials of the whole ("BCCI")."""
    start = text.find(name, at)
    place = _IN_PLACE.match(text, start + len(name)) if start >= 0 else None
    if place is None:
        return name
    whole = name + place[0]
    initials = "".join(w[0] for w in whole.split() if w[0].isupper())
    return whole if len(initials) >= 3 and re.search(rf"(?<![\w-]){initials}(?![\w-])", text) else name


def _credit(text: str, start: int, end: int) -> bool:
    """Whether a name is a wire credit in parentheses ("FLINT, Mich., Oct. 4 (UPI) —"), not an actor."""
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def _body_in_run(run: str) -> tuple[str, str] | None:
    """The body a capitalised run names, cut to its name.

    The name is the stretch of capitalised words (and "and") that holds the head word, and what follows the
    head with "of" or "for": "Members of the Congressional Black Caucus", "Lester Holt of NBC News", "Chairman
    of the House Oversight and Government Reform Committee", "U.S. Court of Appeals for the Sixth Circuit".
    """
    words = run.split()
    heads = [i for i, w in enumerate(words) if w in HEADS]
    if not heads:
        return None
    head = heads[0]
    stretch = head  # the last head word before a joiner: "Police Department", "Senate Port Committee"
    while stretch + 1 < len(words) and words[stretch + 1] not in _JOINERS:
        stretch += 1
        head = stretch if words[stretch] in HEADS else head
        if words[stretch] in PLACE_NOUNS:
            return None  # "Harbor Bank Stadium": a place named after a body
    if head + 1 < len(words) and words[head + 1] in _NOT_A_BODY_AFTER.get(words[head], ()):
        return None  # "Press Secretary", "News Conference": the head word is part of a title or an event
    start = head
    while start > 0 and (words[start - 1] == "and" or not (words[start - 1] in _JOINERS or _lead(words[start - 1]))):
        if words[start - 1] == "and" and start > 1 and (words[start - 2].isupper() or words[start - 2] in HEADS):
            break  # "FBI and Justice Department": two bodies
        start -= 1
    while words[start] == "and":
        start += 1
    end = head + 1
    if end < len(words) and words[end] in TAIL_JOINERS:  # "Department of Justice", "Court of Appeals for …"
        end = len(words)
        cut = next((i for i in range(head + 1, len(words)) if _ends_tail(words[i], words[i + 1 :])), None)
        end = cut if cut is not None else end
        while end > head + 1 and words[end - 1] in _JOINERS:
            end -= 1
    elif end < len(words) and words[end].isupper() and len(words[end]) > 1 and HEADS[words[head]] == "media":
        end += 1  # "Trending Today USA": an outlet's name may end in letters
    elif end < len(words) and (country := _country_at(words, end)):
        end += country  # "Football Federation Australia": a national body's name may end in its country
    elif words[head] in _WEAK_HEADS:
        return None  # "World Trade Center", "Commander-in-Chief Forum": a place or an event without "for …"
    name = words[start:end]
    if name[-1] in _VENUES:
        return None  # "University of Phoenix Stadium": a place named after a body, where a game is played
    if all(w in HEADS or w in _JOINERS for w in name):
        return None  # "Police Department", "State of the Union": a common noun, not a name
    kind = HEADS[words[head]]
    if words[head] == "Committee" and _LEGISLATURE & set(name):
        kind = "government"
    return " ".join(name), kind


#: Words after a head word that make it part of a title or an event, not a body's name.
_NOT_A_BODY_AFTER: dict[str, frozenset[str]] = {
    "Press": frozenset({"Secretary", "Office", "Corps", "Conference", "Release", "Briefing"}),
    "News": frozenset({"Conference", "Release", "Briefing"}),
    "Post": frozenset({"Office"}),
    "Times": frozenset({"Square"}),
}
#: What may follow a head word inside a body's name: "Department of Justice", "Center for American Progress".
TAIL_JOINERS = frozenset({"of", "for", "on"})
#: Head words that name a body only with what it is of or for; alone they name places and events.
_WEAK_HEADS = frozenset({"Center", "Centre", "Forum", "Conference", "Project", "Network", "Union"})
#: Parts of the world a body's name may be "in": "Organization for Security and Co-operation in Europe".
_REGIONS = frozenset({"Europe", "Asia", "Africa", "America", "Americas", "Latin America", "Middle East", "Pacific",
                      "World", "Arctic", "Antarctica"})
#: Words that end a body's tail: a person's title after it ("University of Ohio Professor …"), a day or month
#: ("Court of Appeals in May 2015", "Fox News on March 14": the date is when, not part of the name).
_TAIL_ENDS = frozenset({"professor", "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman",
                        "spokesperson", "president", "secretary", "chief", "commissioner", "senator", "rep", "sen",
                        "judge", "ceo", "founder", "editor", "analyst", "economist", "researcher", "fellow",
                        "prime", "minister"})


def _ends_tail(word: str, rest: list[str]) -> bool:
    """Whether a body's tail stops at `word`: a title, a date, "in" and a place, "and" before another body."""
    if word == "and":  # a head word ends the other body's name: not "Oversight and Government Reform"
        return any(w in HEADS and (i + 1 == len(rest) or rest[i + 1] in _JOINERS) for i, w in enumerate(rest))
    if word == "in":  # "Court of Appeals in Cedar Rapids": where it sits; not "Co-operation in Europe": its scope
        where = [w for w in rest[:3] if w != "the"][:2]
        return not where or (where[0] not in _REGIONS and " ".join(where) not in _REGIONS)
    return word.lower().strip(".") in _TAIL_ENDS or word in MONTHS or (word in NEVER_IN_A_NAME and word.endswith("day"))


@cache
def _country_names() -> frozenset[str]:
    """Countries' own names ("India", "United States"), not the capitals the gazetteer also lists as aliases."""
    return frozenset(c.name for c in countries().values())


def _country_at(words: list[str], at: int) -> int:
    """How many words from `at` spell a country's whole name ("Australia", "Sri Lanka"), else 0."""
    for size in (3, 2, 1):
        ends = at + size >= len(words) or words[at + size] in _JOINERS  # not "Mexico City"
        if ends and " ".join(words[at : at + size]) in _country_names():
            return size
    return 0


def _lead(word: str) -> bool:
    """A word that starts a sentence, a title or a date, not a body's name: "But", "The", "Former", "October"."""
    return (
        word.lower() in STOPWORDS
        or word.lower().strip(".") in _TAIL_ENDS
        or word in ("Former", "Acting")
        or word in MONTHS  # "an early-October CBS News poll": a date before the name
    )
