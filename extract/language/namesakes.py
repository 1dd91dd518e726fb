"""Two people who share a surname when the text spells out only one of them: "Mr. Varnum" beside Susan Varnum.

News names a president's wife in full ("the first lady, Michelle Varnum") and the president by honorific and
surname only ("Mr. Varnum said"). A surname after an honorific of the other gender than the one full name of
that surname is someone else: that person is an actor of their own, named as the text names them, rather than
nobody (the mention was only kept from the woman by `gender.other_gender_named`).
"""

from __future__ import annotations

import re

from extract.language.gender import HONORIFIC_GENDERS, Gender, name_gender
from extract.language.grounding import find_all
from extract.language.merging import ActorDraft, surname

_HONORIFIC = re.compile(r"\b(" + "|".join(re.escape(h) for h in HONORIFIC_GENDERS) + r")\s+$")


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
            said = _HONORIFIC.search(text, max(0, start - 6), start)
            if said is None or HONORIFIC_GENDERS[said[1]] == gender:
                continue
            other: Gender = HONORIFIC_GENDERS[said[1]]
            if other in kin or None in kin:  # "Barack Varnum" is written too, or someone whose gender is unknown
                break
            named = f"{said[1]} {family}"
            namesake = added.get((family, other))
            if namesake is None:
                added[(family, other)] = namesake = ActorDraft(named, "person")
                drafts.append(namesake)
            elif named not in namesake.names():
                namesake.aliases.append(named)  # "Mr Varnum" beside "Mr. Varnum"
