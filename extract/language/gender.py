"""A person's gender as the article's English shows it: their first name, an honorific, or the pronouns after.

Pronouns are resolved by gender ("she said" is not the man named last), and a wrong guess is worse than none,
so only sure clues count: a first name the 1990 US census lists as one gender (`data/given_name_genders.json`,
made by `bench/name_genders.py`: "Hillary" f, "Donald" m, "Jordan" neither), then "Mr."/"Mrs." written at
the name. What the text reports a person to say ("Voss said she …") tells a surname's gender to `antecedents`;
pronouns merely after a name are weaker evidence ("Warren asked Stumpf whether he …"), which `pronouns` reads
only for a person these clues say nothing of.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Literal

from extract.language.grounding import find_all
from extract.language.honorifics import COURTESY_TITLES

Gender = Literal["m", "f"]

#: Honorifics that tell a gender, as news writes them before a name ("Mrs. Clinton", "Ms. Rand").
HONORIFIC_GENDERS: dict[str, Gender] = {title: g for title, g in COURTESY_TITLES.items() if g is not None}
#: Pronouns by the gender they refer to.
PRONOUN_GENDERS: dict[str, Gender] = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
#: Role nouns of one gender: "a spokeswoman" is no "he", "a spokesman" no "she".
ROLE_GENDERS: dict[str, Gender] = {
    **dict.fromkeys(("spokeswoman", "chairwoman", "businesswoman", "congresswoman", "actress", "daughter", "wife",
                     "mother", "sister", "widow"), "f"),
    **dict.fromkeys(("spokesman", "chairman", "businessman", "congressman", "actor", "son", "husband", "father",
                     "brother", "widower"), "m"),
}  # fmt: skip
_HONORIFIC_BEFORE = re.compile(r"\b(" + "|".join(re.escape(h) for h in HONORIFIC_GENDERS) + r")\s+$")


@cache
def _first_names() -> dict[str, Gender]:
    raw = resources.files("extract").joinpath("data/given_name_genders.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return {**{n: "f" for n in data["f"]}, **{n: "m" for n in data["m"]}}


def name_gender(name: str) -> Gender | None:
    """The gender a person's first name tells ("Elizabeth Warren" f), None for a lone surname or a shared name."""
    words = name.split()
    return _first_names().get(words[0]) if len(words) > 1 else None


def gendered_title_before(text: str, at: int) -> str | None:
    """The title that tells a gender written right before `at` ("Mrs." of "Mrs. Clinton"), if any."""
    said = _HONORIFIC_BEFORE.search(text, max(0, at - 6), at)
    return None if said is None else said[1]


def other_gender_named(text: str, at: int, gender: Gender | None) -> bool:
    """Whether the honorific right before `at` ("Mrs." of "Mrs. Clinton") tells another gender than `gender`."""
    said = gendered_title_before(text, at)
    return gender is not None and said is not None and HONORIFIC_GENDERS[said] != gender


def honorific_gender(text: str, names: list[str]) -> Gender | None:
    """The gender of "Mr."/"Mrs." written right before one of the names, when the text uses only one kind."""
    found = {
        HONORIFIC_GENDERS[title]
        for name in names
        for start, _ in find_all(text, name)
        if (title := gendered_title_before(text, start)) is not None
    }
    return found.pop() if len(found) == 1 else None



def person_gender(text: str, names: list[str]) -> Gender | None:
    """A person's gender from the surest clue: a first name of one gender, else "Mr."/"Mrs." at the name."""
    return next((g for n in names if (g := name_gender(n)) is not None), None) or honorific_gender(text, names)


#: A name, a reporting verb and the subject pronoun of what it reports: "Voss said she …", "Roe says he".
_SAID_PRONOUN = re.compile(
    r"(?:,[^,.;\n]{0,60},)?\s+(?:also\s+)?(?:said|says|added|adds|told\s+\w+|argued|insisted|noted|wrote|writes)"
    r"(?:\s+on\s+\w+)?,?\s+(?:that\s+)?(he|she)\b"
)


def reported_genders(text: str, people: list[tuple[int, int, int]]) -> dict[int, Gender]:
    """Genders the text tells by "X said she …": `people` holds (start, end, key) of each person's mentions.

    Only the subject of what a person is said to say counts ("Voss said she would run"): a pronoun merely near
    a name ("Obama endorsed her") is often someone else. Each key's votes must agree.
    """
    votes: dict[int, set[str]] = {}
    for _, end, key in people:
        match = _SAID_PRONOUN.match(text, end)
        if match is not None:
            votes.setdefault(key, set()).add(PRONOUN_GENDERS[match[1].lower()])
    return {key: "m" if said == {"m"} else "f" for key, said in votes.items() if len(said) == 1}
