"""Finishing the actors: surname and acronym aliases, mentions, roles, and whom a person speaks for.

Run once the set of actors is known (`actors.build_actors`, and again after attribution adds some): a name's
mentions depend on every other name ("Rafael Cruz" is not a mention of Ted Cruz), a role on the title written
before a name ("Deputy Secretary of State Kurt Campbell"), whom a person speaks for on the owner of the role
("Hale's lawyer") and the body a role names ("NATO Secretary General").
"""

from __future__ import annotations

import bisect
import re

from extract.language.admitting import standalone
from extract.language.body_modifiers import a_modifier
from extract.language.gender import name_gender, other_gender_named
from extract.language.grounding import Span, find_all
from extract.language.merging import GENERATIONS, ActorDraft
from extract.language.merging import surname as _surname
from extract.language.name_words import HONORIFICS
from extract.language.names import MONTHS, TITLE_WORDS
from extract.language.person_names import FUNCTION_WORDS as _FUNCTION_WORDS
from extract.language.person_names import find_role, person_tail
from extract.language.person_names import title_before as _title_before
from extract.language.resolving import resolve_name

#: Last words of company names that news drops after the first mention ("Meridian Foods" -> "Meridian").
_CORPORATE_WORDS = frozenset(
    {"Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Group", "Holdings", "Ltd", "Ltd.",
     "LLC", "plc", "PLC", "Foods", "Industries", "AG", "SA", "GmbH", "Semiconductor", "Semiconductors",
     "Technologies", "Technology", "Systems", "Motors", "Airlines", "Airways", "Pharmaceuticals", "Pharma",
     "Energy", "Electronics", "Microelectronics", "Labs", "Laboratories", "Networks", "Enterprises",
     "International", "Partners", "Capital", "Entertainment", "Telecom", "Bank", "Petroleum", "Mining"}
)


#: Role words that make the bearer speak for the actor named before them ("Hale's lawyer, Marcus Bell").
AGENT_WORDS = frozenset(
    {"lawyer", "lawyers", "attorney", "attorneys", "counsel", "spokesperson", "spokesman", "spokeswoman",
     "representative", "agent", "aide", "adviser", "advisor", "officer", "executive", "ceo", "chairman",
     "chairwoman", "chair", "president", "director", "head", "chief", "founder", "secretary", "minister",
     "leader", "manager", "envoy", "ambassador", "official", "general"}
)


def finish_actors(text: str, drafts: list[ActorDraft]) -> None:
    """Add surname and acronym aliases, then compute mentions (a body's not where it describes a noun) and roles."""
    for draft in drafts:
        if draft.unnamed:  # "officials": no surname, acronym or person's title to find
            continue
        if draft.kind == "person" and len(draft.name.split()) > 1 and not _titled_namesake(draft, drafts):
            surname = _surname(draft.name)
            calendar = surname in MONTHS  # "May" of "Theresa May" alone is as often the month: no alias
            if surname not in draft.aliases and surname not in GENERATIONS and not calendar and find_all(text, surname):
                draft.aliases.append(surname)
        words = draft.name.split()
        if draft.kind in ("organization", "media") and len(words) > 1 and words[-1] in _CORPORATE_WORDS:
            # "Meridian Foods" is "Meridian" after the first mention
            draft.aliases.extend(s for s in _short_names(text, words) if s not in draft.aliases)
        if draft.kind != "person" and person_tail(draft.name) == draft.name and find_role(text, draft.name):
            draft.kind = "person"  # "Prime Minister Arben Kola" is a person, whatever the model said
        elif draft.kind == "person" and any(_title_before(text, s) for s, _ in find_all(text, draft.name)):
            draft.kind = "organization"  # "chair of Patients Voice Wenbury": whom a title belongs to
        if len(words) > 1:
            acronym = "".join(w[0] for w in draft.name.split() if w[0].isupper())
            if len(acronym) > 1 and acronym not in draft.aliases and find_all(text, acronym):
                draft.aliases.append(acronym)
    # the longest name first: "Rafael Cruz" is his mention, not the "Cruz" of Ted Cruz written inside it
    found = [(span, i) for i, draft in enumerate(drafts) for name in draft.names() for span in find_all(text, name)]
    # "Mrs. Clinton" is the woman of two Clintons, "Mr. Clinton" the man; "Mr. Obama" is never Michelle Obama
    genders = [name_gender(d.name) if d.kind == "person" else None for d in drafts]
    found = [f for f in found if not other_gender_named(text, f[0][0], genders[f[1]])]
    found.sort(key=lambda f: (f[0][0] - f[0][1], f[1]))
    taken: list[Span] = []  # in text order and disjoint, so only the last one starting before a span can overlap it
    for draft in drafts:
        draft.mentions = []
    for span, i in found:
        at = bisect.bisect_left(taken, (span[1],))
        if at == 0 or taken[at - 1][1] <= span[0]:
            drafts[i].mentions.append(span)
            taken.insert(at, span)
    for draft in drafts:
        draft.mentions.sort()
        if draft.kind == "person" and draft.role is None:
            draft.role = find_role(text, draft.name)
    for draft in drafts:
        if draft.kind == "person" and draft.role:
            draft.represents = draft.represents or _principal(draft.role, drafts)
            if draft.affiliation is None:
                draft.affiliation = _organisation_in(draft.role, drafts)
    drafts.sort(key=lambda d: d.mentions[0][0] if d.mentions else len(text))
    _drop_modifier_mentions(text, drafts)


def _drop_modifier_mentions(text: str, drafts: list[ActorDraft]) -> None:
    """Leave out of a body's mentions the places its word describes another noun ("opposition leader X").

    The mentions are found by name; "the opposition" is then also in "opposition votes had been stolen", which
    would offer it as the one accused (`body_modifiers`).
    """
    for draft in drafts:
        if draft.unnamed and draft.kind != "other":
            draft.mentions = [(s, e) for s, e in draft.mentions if not a_modifier(text, e, draft.name)]


def _titled_namesake(draft: ActorDraft, drafts: list[ActorDraft]) -> bool:
    """Whether a person named by title and surname shares the surname with a full name ("Mr. Varnum", `namesakes`).

    "Varnum" alone is then Susan Varnum's: the namesake keeps only its titled mentions.
    """
    words = draft.name.split()
    return len(words) == 2 and words[0] in HONORIFICS and any(
        d is not draft and d.kind == "person" and len(d.name.split()) > 1 and _surname(d.name) == words[1]
        for d in drafts
    )


def _short_names(text: str, words: list[str]) -> list[str]:
    """The front parts of a company's name that the article also writes on their own.

    "Cascade Silicon Technologies" is "Cascade" in "Cascade's general counsel"; a part found only inside a
    longer name ("General" in "Attorney General") is not the company.
    """
    found = []
    for size in range(len(words) - 1, 0, -1):
        short = " ".join(words[:size]).rstrip(",")
        if short.lower() in TITLE_WORDS or short in _FUNCTION_WORDS:
            continue
        if any(standalone(text, span) for span in find_all(text, short)):
            found.append(short)
    return found


def _organisation_in(role: str, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The non-person actor a role names ("Calder Harbour Board chairman", "NATO Secretary General").

    A role may name it by its last word alone: "Commission chair" in a story about the Federal Consumer
    Safety Commission (when one organisation only ends so).
    """
    best: tuple[int, ActorDraft] | None = None
    for other in drafts:
        if other.kind == "person":
            continue
        for name in other.names():
            if find_all(role, name) and (best is None or len(name) > best[0]):
                best = (len(name), other)
    if best is None:
        heads = [d for d in drafts if d.kind != "person" and " " in d.name and find_all(role, d.name.split()[-1])]
        return heads[0] if len(heads) == 1 else None
    return best[1]


_OWNER_ROLE = re.compile(r"^(?:the\s+)?(?P<owner>.+?)['’]s?\s+(?P<role>[\w\s-]+)$", re.IGNORECASE)


def _principal(role: str, drafts: list[ActorDraft]) -> ActorDraft | None:
    """Whom a role makes its bearer speak for: the owner in "Hale's lawyer", "Lumetra's chief legal officer"."""
    match = _OWNER_ROLE.match(role.strip())
    if match is None or not set(match["role"].lower().split()) & AGENT_WORDS:
        return None
    return resolve_name(match["owner"], drafts)
