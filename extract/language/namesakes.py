"""Two people who share a surname when the text spells out only one of them: "Mr. Varnum" beside Susan Varnum.

News names a president's wife in full ("the first lady, Michelle Varnum") and the president by honorific and
surname only ("Mr. Varnum said"). A surname after an honorific of the other gender than the one full name of
that surname is someone else: that person is an actor of their own, named as the text names them, rather than
nobody (the mention was only kept from the woman by `gender.other_gender_named`). So is a surname after a
title that tells no gender ("President Varnum") when the text reports that person to say "he" and the full name
is a woman's ("President Varnum said he would sign").
"""

from __future__ import annotations

import re

from extract.language.gender import HONORIFIC_GENDERS, Gender, gendered_title_before, name_gender, reported_genders
from extract.language.grounding import find_all
from extract.language.merging import ActorDraft, surname
from extract.language.name_words import HONORIFICS

#: Titles that tell no gender: the person's pronouns in what they are reported to say do.
_TITLES = "|".join(re.escape(t) for t in sorted(HONORIFICS - set(HONORIFIC_GENDERS), key=len, reverse=True))


def add_namesakes(text: str, drafts: list[ActorDraft]) -> None:
    """Add "Mr. Varnum" as a person when the only full name of "Varnum" is a woman's (and the other way round)."""
    people = [d for d in drafts if d.kind == "person" and len(d.name.split()) > 1]
    added: dict[tuple[str, Gender], ActorDraft] = {}
    for draft in people:
        gender = name_gender(draft.name)
        family = surname(draft.name)
        if gender is None or not family[:1].isupper():
            continue
        kin = {name_gender(d.name) for d in people if d is not draft and surname(d.name) == family}
        for start, _ in find_all(text, family):
            honorific = gendered_title_before(text, start)
            if honorific is None or HONORIFIC_GENDERS[honorific] == gender:
                continue
            other: Gender = HONORIFIC_GENDERS[honorific]
            if other in kin or None in kin:  # "Barack Varnum" is written too, or someone whose gender is unknown
                break
            _add(drafts, added, family, other, f"{honorific} {family}")  # "Mr Varnum" beside "Mr. Varnum"
        for title in _titles_before(text, family):  # "President Varnum said he …" beside only "Susan Varnum"
            named = f"{title} {family}"
            said = reported_genders(text, [(s, e, 0) for s, e in find_all(text, named)]).get(0)
            if said is not None and said != gender and said not in kin and None not in kin:
                _add(drafts, added, family, said, named)


def _add(
    drafts: list[ActorDraft], added: dict[tuple[str, Gender], ActorDraft], family: str, gender: Gender, named: str
) -> None:
    """Add the namesake of that surname and gender, or give the one added a further name ("Mr Varnum")."""
    namesake = added.get((family, gender))
    if namesake is None:
        added[(family, gender)] = namesake = ActorDraft(named, "person")
        drafts.append(namesake)
    elif named not in namesake.names():
        namesake.aliases.append(named)


def _titles_before(text: str, family: str) -> list[str]:
    """The titles the text writes right before a lone surname ("President" of "President Varnum said")."""
    found = re.finditer(rf"(?<![\w.])({_TITLES})\s+{re.escape(family)}(?![\w'’-])(?!\s+[A-Z])", text)
    return list(dict.fromkeys(m[1] for m in found))
