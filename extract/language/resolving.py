"""Which actor a phrase names: "Howard Dean, a former party chairman," is Howard Dean; "he" waits for context."""

from __future__ import annotations

import re

from extract.language.countries import countries, name_key
from extract.language.gender import name_gender, other_gender_named
from extract.language.grounding import find_all
from extract.language.merging import ActorDraft

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})


def last_named(text: str, start: int, end: int, drafts: list[ActorDraft]) -> ActorDraft | None:
    """Of `drafts`, the one whose name or alias is written last within `text[start:end]`.

    Searched in the text, not in `mentions`: speakers added while attributing have none yet.
    """
    best: tuple[int, ActorDraft] | None = None
    window = text[start:end]
    for draft in drafts:
        if not draft.written_in(window):
            continue
        for name in draft.names():
            for found, _ in find_all(window, name):
                if best is None or found > best[0]:
                    best = (found, draft)
    return best[1] if best else None


#: After a country's name in a phrase: a lower-case head or another capitalised word it modifies.
_COUNTRY_MODIFIES = re.compile(
    r"\s+(?:(?!(?:and|or|but|of|to|in|on|has|have|had|is|was|were|are|will|would|said|says)\b)[a-z]|[A-Z]{2}|[A-Z][a-z])"
)


#: Before a country's name in a phrase: the head it is the place of ("Senator from Texas", "mayor of Paris").
_OF_PLACE = re.compile(r"\w\s+(?:from|of)\s+(?:the\s+)?$")


#: A name and an appositive after it: "Howard Dean, a former party chairman,"; the head is before the comma.
_APPOSITIVE = re.compile(r"^(.+?),\s+(?:a|an|the|who|whose)\b")
#: What joins a person to the body after them: "Lester Holt of NBC News", "Cameron Easley for Morning Consult".
_POST_MODIFIER = re.compile(r"\s+(?:of|for|at|from|with)\s+(?:the\s+|a\s+)?")


def resolve_name(phrase: str, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The actor a noun phrase names: the name or alias that ends last in it (English heads come last).

    A country that only modifies the phrase's head names no one: "the former first lady and U.S. senator" is
    a senator, "USA TODAY's" an outlet, "Senator from Texas" a senator. A person's name before an appositive
    ("Kall, the director of debate at the University of Michigan,") or before "of"/"for" and a body ("Cameron
    Easley for Morning Consult") is the head: the body only says where the person works.
    """
    appositive = _APPOSITIVE.match(phrase)
    if appositive is not None:
        head = resolve_name(appositive[1], drafts)
        if head is not None:
            return head
    best: tuple[int, int, ActorDraft] | None = None
    people: list[tuple[int, ActorDraft]] = []
    for draft in drafts:
        if not draft.written_in(phrase):
            continue
        for name in draft.names():
            for start, end in find_all(phrase, name):
                if draft.kind == "country" and (
                    _COUNTRY_MODIFIES.match(phrase, end) or _OF_PLACE.search(phrase, 0, start)
                ):
                    continue
                if draft.kind == "person":
                    if other_gender_named(phrase, start, name_gender(draft.name)):
                        continue  # "Mr. Obama" is not Michelle Obama
                    people.append((end, draft))
                if best is None or (end, end - start) > best[:2]:
                    best = (end, end - start, draft)
    if best is not None and best[2].kind != "person":
        start = best[0] - best[1]
        for end, person in people:
            joint = _POST_MODIFIER.match(phrase, end)
            if joint is not None and joint.end() == start:
                return person
    if best is None:
        country = countries().get(name_key(phrase))
        if country is not None:
            return next((d for d in drafts if d.name == country.name), None)
        return None
    return best[2]


def is_pronoun(phrase: str) -> bool:
    """Whether a speaker phrase is a bare pronoun, to be resolved from context."""
    return phrase.strip().lower() in _PRONOUNS


def is_person_pronoun(phrase: str) -> bool:
    """He/she: refers to a person, not a country or organisation."""
    return phrase.strip().lower() in _PERSON_PRONOUNS
