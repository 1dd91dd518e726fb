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

_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s|\n")
_PRONOUN = re.compile(r"\b(?:" + "|".join(PERSONAL_PRONOUNS) + r")\b", re.IGNORECASE)


def genders(text: str, actors: list[ActorDraft]) -> dict[int, str]:
    """Each person's gender as the text shows it: first name or honorific (`gender`), else the pronouns after.

    "Clinton said she …", "Trump, in his speech, …": a person whose name is followed by "she"/"her" more
    often than by "he"/"his" is "f", and the other way round "m"; a tie or no pronoun leaves it unknown.
    """
    people = sorted(((s, e, d) for d in actors if d.kind == "person" for s, e in d.mentions),
                    key=lambda m: m[:2])  # two people may share a span: never compare the actors
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
    text: str,
    st: StatementDraft,
    actors: list[ActorDraft],
    gender: dict[int, str],
    described: dict[int, list[Span]] | None = None,
) -> dict[int, list[Span]]:
    """Spans of the pronouns in what the statement says, keyed by the id of the person each refers to.

    `gender` is `genders(text, actors)`: read once per article, not once per statement. `described` (id(actor)
    -> spans of descriptions that surely name it, `descriptions.find_references`) adds where a person was last
    described: in "The GOP nominee argued … she claimed that he had raped her" he is the nominee's name.
    """
    direct = st.candidate.kind == "direct"
    said = (list(st.candidate.pieces) or [st.span]) if direct else [st.span]  # a letter's own words: no pieces
    pronouns = [match for start, end in said for match in _PRONOUN.finditer(text, start, end)]
    named = _named_places(text, actors, described or {}) if pronouns else []
    found: dict[int, list[Span]] = {}
    for match in pronouns:
        fits = PRONOUN_GENDERS[match.group().lower()]
        if not direct and gender.get(id(st.speaker), fits) == fits:
            continue  # "X said he …", "X said she suspected …": X, when nothing says otherwise
        before = [
            (e, rank, d)
            for e, rank, d in named
            if gender.get(id(d), fits) == fits
            and match.start() - LOOKBACK <= e <= match.start()
            and (rank or not _SENTENCE_END.search(text, e, match.start()))
        ]
        known = [x for x in before if id(x[2]) in gender]
        # whom the text shows to be a "she" before someone it says nothing of; in a letter's own words (no
        # quotation marks, `pieces` empty) only such a one: its writer names people in passing ("Putin")
        before = known if known or (direct and not st.candidate.pieces) else before
        if not before:
            continue
        last = max(before, key=lambda x: x[:2])[2]
        if last is st.speaker:
            if not direct:
                continue  # "X said he …": X himself
            others = [x for x in before if x[2] is not st.speaker]
            if not others:
                continue
            last = max(others, key=lambda x: x[:2])[2]
        found.setdefault(id(last), []).append((match.start(), match.end()))
    return found


def _named_places(
    text: str, actors: list[ActorDraft], described: dict[int, list[Span]]
) -> list[tuple[int, int, ActorDraft]]:
    """(end, rank, person) for each place a person is named or surely described.

    A surname two people share ("Trump" of Melania and Donald Trump) is a place of each (rank 0) for a pronoun
    of the same sentence: its gender tells which ("I despise Trump because his speech …"); the person the
    mention was given to ranks first. Beyond the sentence the mention stays its owner's ("Clinton" is Hillary
    for a "he" two sentences on, not Bill).
    """
    people = [d for d in actors if d.kind == "person"]
    surnames: dict[str, list[ActorDraft]] = {}
    for d in people:
        if len(d.name.split()) > 1:
            surnames.setdefault(d.name.split()[-1], []).append(d)
    places = []
    for d in people:
        for s, e in [*d.mentions, *described.get(id(d), [])]:
            places.append((e, 1, d))
            places += [(e, 0, other) for other in surnames.get(text[s:e], []) if other is not d]
    return places
