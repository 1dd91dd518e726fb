"""A person named only by a given name coupled to another's full name: "James and Olive Meehan".

Kept apart from `people`, whose run finder sees only "Olive Meehan": here the first given name takes the surname
after the second, with the guards that tell a couple from a list or a street corner.
"""

from __future__ import annotations

import re

from extract.language.bodies import PLACE_NOUNS
from extract.language.name_words import given_names
from extract.language.places import is_place

#: Two given names sharing the surname after them: "James and Olive Meehan", "Donald and Ivana Trump".
_SHARED_SURNAME = re.compile(
    r"(?<![\w.’'-])([A-Z][a-z]+)\s+(?:and|&)\s+([A-Z][a-z]+)\s+([A-Z][\w'’-]*[a-z])(?![\w'’-])"
)
#: Before the first given name, a capitalised word ("Bill Clinton and Hillary Clinton") or a name and a comma
#: ("stars like Brandy, Monica and Lauryn Hill"): the given name is then a list's item, not a couple's half.
_NAME_BEFORE = re.compile(r"[A-Z][\w.'’-]*,?\s+$")


def coupled_people(text: str, people: list[str]) -> list[tuple[str, str]]:
    """People named only by a given name coupled to another's full name: ("James Meehan", "James").

    "My parents, James and Olive Meehan," names two people, and the run finder sees only "Olive Meehan": the
    first given name takes the surname after the second. Both words must be census given names, the second
    person's full name one `find_people` found, and the first word no one's surname or given name already
    ("supporters of Carson and Donald Trump", "help Hillary and Tim Kaine"); the given name is returned as the
    words that name the first person in the text (their full name is never written).
    """
    found = set(people)
    taken = {w for p in people for w in (p.split()[0], p.split()[-1])}
    coupled: dict[str, str] = {}
    for match in _SHARED_SURNAME.finditer(text):
        first, second, family = match[1], match[2], match[3]
        if first not in given_names() or first in taken or f"{second} {family}" not in found:
            continue
        if _NAME_BEFORE.search(text, max(0, match.start() - 30), match.start()) or _place(f"{second} {family}"):
            continue
        coupled.setdefault(f"{first} {family}", first)
    return list(coupled.items())


def _place(name: str) -> bool:
    """A place, not a couple: "the corner of Allen and Stanton Streets"."""
    return is_place(name) or name.split()[-1].removesuffix("s") in PLACE_NOUNS
