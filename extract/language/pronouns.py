"""Whom "he" and "she" in a statement refer to: the person named last before them, never the one quoted.

Quotes criticise people as often by pronoun as by name ("He refuses to take responsibility," she said;
"She's a disgrace"). Without a referent the accused is "not named" and the accusation is lost. The rule
is the simplest that a reader applies to news prose: a third-person singular pronoun refers to the person
actor mentioned last before it. In a quotation the speaker says "I", so "he"/"she" is someone else: the
speaker is skipped. In reported speech ("Trump said he was troubled") the pronoun is the speaker himself
unless the text shows the speaker to be of the other gender, so it gets no referent at all.
A person's gender is read from the text itself: the pronouns that follow the name ("Voss said she …").
"""

from __future__ import annotations

import re

from extract.language.actors import ActorDraft
from extract.language.attribution import StatementDraft
from extract.language.gender import PRONOUN_GENDERS, person_gender
from extract.language.grounding import Span

#: Third-person singular personal pronouns by gender, as whole words (possessives included: "his record").
PRONOUNS = {"m": ("he", "him", "his"), "f": ("she", "her", "hers")}
PERSONAL_PRONOUNS = PRONOUNS["m"] + PRONOUNS["f"]
#: How far after a person's name a pronoun tells that person's gender ("Clinton said she …").
GENDER_REACH = 80
#: How far back (characters) the person a pronoun refers to may have been named: about a paragraph.
LOOKBACK = 600

_PRONOUN = re.compile(r"\b(?:" + "|".join(PERSONAL_PRONOUNS) + r")\b", re.IGNORECASE)


def genders(text: str, actors: list[ActorDraft]) -> dict[int, str]:
    """Each person's gender as the text shows it: first name or honorific (`gender`), else the pronouns after.

    "Clinton said she …", "Trump, in his speech, …": a person whose name is followed by "she"/"her" more
    often than by "he"/"his" is "f", and the other way round "m"; a tie or no pronoun leaves it unknown.
    """
    people = sorted((s, e, d) for d in actors if d.kind == "person" for s, e in d.mentions)
    votes: dict[int, list[str]] = {}
    for i, (_, end, draft) in enumerate(people):
        stop = min([end + GENDER_REACH, *(s for s, _, _ in people[i + 1 :] if s >= end)])
        match = _PRONOUN.search(text, end, stop)
        if match is not None and not re.search(r"[.!?]\s", text[end : match.start()]):
            votes.setdefault(id(draft), []).append(PRONOUN_GENDERS[match.group().lower()])
    found = {}
    for who, said in votes.items():
        m, f = said.count("m"), said.count("f")
        if m != f:
            found[who] = "m" if m > f else "f"
    for draft in actors:  # a first name or "Mrs." is surer than the pronouns after the name
        if draft.kind == "person" and (sure := person_gender(text, draft.names())) is not None:
            found[id(draft)] = sure
    return found


def pronoun_mentions(
    text: str, st: StatementDraft, actors: list[ActorDraft], gender: dict[int, str]
) -> dict[int, list[Span]]:
    """Spans of the pronouns in what the statement says, keyed by the id of the person each refers to.

    `gender` is `genders(text, actors)`: read once per article, not once per statement.
    """
    direct = st.candidate.kind == "direct"
    said = [(s, e) for s, e in st.candidate.pieces] if direct else [st.span]
    found: dict[int, list[Span]] = {}
    for start, end in said:
        for match in _PRONOUN.finditer(text, start, end):
            fits = PRONOUN_GENDERS[match.group().lower()]
            if not direct and gender.get(id(st.speaker), fits) == fits:
                continue  # "X said he …", "X said she suspected …": X, when nothing says otherwise
            before = [(e, d) for d in actors if d.kind == "person" and gender.get(id(d), fits) == fits
                      for s, e in d.mentions if match.start() - LOOKBACK <= s and e <= match.start()]
            known = [(e, d) for e, d in before if id(d) in gender]
            before = known or before  # whom the text shows to be a "she" before someone it says nothing of
            if not before:
                continue
            last = max(before, key=lambda x: x[0])[1]
            if last is st.speaker:
                if not direct:
                    continue  # "X said he …": X himself
                others = [(e, d) for e, d in before if d is not st.speaker]
                if not others:
                    continue
                last = max(others, key=lambda x: x[0])[1]
            found.setdefault(id(last), []).append((match.start(), match.end()))
    return found
