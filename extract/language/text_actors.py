"""Actors the text names for sure beside people and bodies: a body before its head, a party, a campaign, an outlet.

`actors.build_actors` adds them without asking the model, which misses them: "Harbor Watch President Tom
Fitton" names Harbor Watch, "Democrats" the party, "the Trump campaign" a body of its own, "told the Kyiv
Independent" an outlet. Each is admitted by `admitting.add_actor`; `participation` drops those taking no part.
"""

from __future__ import annotations

import re

from extract.language.admitting import PLURAL_INITIALS, add_actor, nationalities_only
from extract.language.bodies import PARTY_MEMBERS
from extract.language.countries import all_demonyms, countries, people_of
from extract.language.countries import name_key as _key
from extract.language.grounding import find_all
from extract.language.honorifics import STOPPED_TITLES
from extract.language.merging import ActorDraft
from extract.language.merging import merge as _merge
from extract.language.merging import surname as _surname
from extract.language.names import NEVER_IN_A_NAME, TITLE_WORDS, only_in_title_case
from extract.language.person_names import FUNCTION_WORDS as _FUNCTION_WORDS
from extract.language.places import is_place
from extract.language.resolving import resolve_name

#: Capitalised titles of a body's head or founder, written between the body's name and the person's.
_HEAD_TITLES = ("President", "Chairman", "Chairwoman", "Chair", "CEO", "Founder", "Executive Director")


#: A capitalised run, a head's title and a person's name: "Harbor Watch President Tom Fitton".
_BODY_BEFORE_HEAD = re.compile(
    r"(?<![\w.’'-])((?:[A-Z][\w&-]*[ \t]+){1,3}?)(?:" + "|".join(_HEAD_TITLES) + r")[ \t]+"
    r"(?=[A-Z][a-z]+[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’-]+)"
)


#: Adjectives before a head's title that name no body: a party, a country's people written irregularly.
_NO_BODY_WORDS = frozenset({"Republican", "Democratic", "Democrat", "GOP", "Libertarian", "Green", "Independent",
                            "French", "Dutch", "Afghan", "Greek", "Swiss", "Thai", "Irish", "British", "Filipino",
                            "Turkish", "Polish", "Spanish", "Danish", "Swedish", "Finnish", "Saudi", "Former", "Then",
                            "Late", "Acting", "Interim", "Vice", "Deputy", "Assistant"})


#: A joiner right before a run: the run ends a longer name ("Council on American-Islamic Relations").
_JOINER_BEFORE = re.compile(r"\b(?:of|for|on|and|&)\s+$")


def bodies_before_a_head(text: str, drafts: list[ActorDraft]) -> list[str]:
    """Bodies named before their head's title and name: "Harbor Watch President Tom Fitton".

    Not a place, a country or its people ("Russian President Arben Kola"), a party's adjective, a title
    ("Vice President"), nor a body already an actor; `participation` drops it unless its head speaks.
    """
    found = []
    for match in _BODY_BEFORE_HEAD.finditer(text):
        name = match[1].strip()
        words = name.split()
        if (
            _JOINER_BEFORE.search(text, max(0, match.start() - 5), match.start())  # "Council on … Relations"
            or any(w in _NO_BODY_WORDS or w in NEVER_IN_A_NAME or w.lower() in TITLE_WORDS for w in words)
            or any(w.lower() in _FUNCTION_WORDS for w in words)
            or any(n in all_demonyms() or is_place(n) for n in (*words, name))  # "Turkish", "South Korean"
            or resolve_name(name, drafts) is not None
        ):
            continue
        found.append(name)
    return list(dict.fromkeys(found))


def add_party_members(text: str, drafts: list[ActorDraft], warnings: list[str]) -> None:
    """A party's members the text names ("Democrats"): the party's alias when it is an actor, else an actor.

    "Trump said Democrats are the ones trying to pressure the moderators": whom a statement blames is a party
    even when the text never spells the party out. `participation.taking_part` drops it when it plays no part.
    """
    for plural, party in PARTY_MEMBERS.items():
        if not find_all(text, plural) or only_in_title_case(text, plural):  # only a headline's capitals
            continue
        known = next((d for d in drafts if _key(party) in {_key(n) for n in d.names()}), None)
        if known is None:  # capitalised wherever it stands, at a sentence's start too ("Republicans cheered")
            _merge(drafts, ActorDraft(plural, "organization"))
        elif plural not in known.aliases:
            known.aliases.append(plural)


#: Lower-case nouns that make "<a person's surname> <noun>" an organisation: "the Clinton campaign".
GROUP_HEADS = ("campaign",)


def groups_of_people(text: str, drafts: list[ActorDraft]) -> list[str]:
    """The groups the text names after a person ("the Trump campaign", "Trump campaign spokesman X")."""
    found = []
    for draft in drafts:
        if draft.kind != "person" or " " not in draft.name:
            continue
        for head in GROUP_HEADS:
            group = f"{_surname(draft.name)} {head}"
            if find_all(text, group) and not any(_key(n) == _key(group) for d in drafts for n in d.names()):
                found.append(group)
    return found


_OUTLET = re.compile(
    r"\b(?:as (?:quoted|reported|cited) by|told|in an interview with|reported by)\s+(?:the\s+)?"
    r"(?!(?:" + "|".join(re.escape(t) for t in sorted(STOPPED_TITLES)) + r"))"  # not "told Mr. Obama"
    r"((?:[A-Z][\w'’&-]*)(?:\s+[A-Z][\w'’&-]*){0,3})"
)


#: Lower-case nouns after a name told something that make it a modifier, not an outlet: "told the German press",
#: "told the New York media", "the Web site of the FT".
_TOLD_HEADS = frozenset({"press", "media", "site", "reporters", "journalists", "audience", "crowd", "people"})


#: What is told that is no outlet: an abbreviation cut at its full stop ("The St.
#: Petersburg Times"), a lower-case noun the name modifies ("told the German press", "the Web site of the FT").
#: Bodies a witness tells things to: "told Parliament", "told the Senate", "told the court".
_HEARINGS = frozenset({"Parliament", "Congress", "Senate", "House", "Assembly", "Court", "Council", "Committee",
                       "Commons", "Lords", "Knesset", "Duma"})


_ABBREVIATED = re.compile(r"\.[ \t]+[A-Z]")


_SHORT_WORD = re.compile(r"(?:^|\s)[A-Z][a-z]{0,2}$")  # "St", "Ft", "Mt"


_MODIFIED_NOUN = re.compile(r"\s+([a-z][a-z-]+)")


def _no_outlet(text: str, name: str, end: int) -> bool:
    """Whether a name after "told" or "reported by" is no outlet: a place, a people, a body, a modifier.

    "told Parliament", "told the Americans", "told the New York media", "told the German press",
    "told MPs", "reported by the Web site of …": whom a statement was told, not who relays it.
    """
    noun = _MODIFIED_NOUN.match(text, end)
    return (
        is_place(name)
        or nationalities_only(name)
        or people_of(name) is not None
        or nationalities_only(name.removesuffix("s"))  # "the Americans"
        or name in _HEARINGS
        or PLURAL_INITIALS.fullmatch(name) is not None
        or (_SHORT_WORD.search(name) is not None and _ABBREVIATED.match(text, end) is not None)
        or (noun is not None and noun[1] in _TOLD_HEADS)
    )


def add_outlets(text: str, drafts: list[ActorDraft], warnings: list[str]) -> None:
    """Outlets a statement is quoted by or told to: "as quoted by Politico", "told the Kyiv Independent".

    Not a name that is already an actor's, a country, a title ("told Mr. Obama"), nor what `_no_outlet` refuses.
    """
    for match in _OUTLET.finditer(text):
        name = match.group(1)
        if (
            resolve_name(name, drafts) is None
            and _key(name) not in countries()
            and name.split()[0].lower() not in TITLE_WORDS
            and not _no_outlet(text, name, match.end(1))
        ):
            add_actor(text, name, "media", drafts, warnings)
