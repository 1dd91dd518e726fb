"""Which actors take part: a place, body or party named only in passing is no actor of the story.

`taking_part` runs after attribution, once it is known who speaks, accuses or is accused; what it drops
was named by the text (a place, someone's employer, the venue of a debate) but plays no part.
"""

from __future__ import annotations

import re

from extract.language.actors import ActorDraft
from extract.language.admitting import standalone
from extract.language.bodies import PARTY_MEMBERS
from extract.language.finishing import AGENT_WORDS
from extract.language.grounding import Span
from extract.language.name_words import ROLE_NOUNS
from extract.language.names import TITLE_WORDS
from extract.language.places import SEATS_OF_GOVERNMENT
from extract.language.stopwords import STOPWORDS


def taking_part(
    text: str, drafts: list[ActorDraft], acting: set[int], said: list[Span], warnings: list[str]
) -> list[ActorDraft]:
    """The actors, less those that play no part and a small model lists or the gazetteer adds by mistake.

    `acting` holds the ids of the actors that speak, accuse or are accused; `said` the statements' spans.
    Dropped: an actor of kind "other" (rivers, germs) that is no one's organisation or principal; so is any
    other non-person named only where something happens ("the debate at Hofstra University"); and so is a
    place (kind "country": countries, states, cities) that, beside that, no statement names as a party nor the
    text as a passive's doer ("perpetrated by China", `_named_as_agent`): news
    names places in passing ("a former Vietnam prisoner of war", "policy toward Russia", "U.S. manufacturing");
    a place is an actor when it acts in the story or a speaker names it as one ("assistance like Iran"), not
    for being in someone's title ("White House spokesman Carl Voss", "Vermont Sen. Bernie Sanders"). A body
    named only in someone's title ("professor at Seton College", "Harbor Party candidate Dara Quill") is dropped
    too, unless it acts or its head or spokesperson speaks ("NATO Secretary General Jens Stoltenberg said").
    """
    involved = set(acting)  # a person's organisation or principal is theirs to name, even if it says nothing
    spoken_for = set(acting)  # a body whose head or spokesperson speaks ("NATO Secretary General X said")
    for d in drafts:
        involved |= {id(d.affiliation), id(d.represents)}
        role_words = set(re.findall(r"[a-z]+", _OF_A_FIELD.sub(" ", d.role or "").lower()))
        if id(d) in acting and role_words & AGENT_WORDS and not role_words & _PAST_ROLE:  # not "former chairman"
            spoken_for |= {id(d.affiliation), id(d.represents)}
    kept = []
    for d in drafts:
        if d.kind == "other" and id(d) not in involved:
            warnings.append(f"dropped actor {d.name!r}: of kind 'other' and neither speaks nor is accused")
        elif d.kind == "country" and id(d) not in acting and not _named_as_party(
            text, d, said
        ) and not _named_as_agent(text, d):
            warnings.append(f"dropped actor {d.name!r}: a place that takes no part (no one's party, named in passing)")
        elif d.name in PARTY_MEMBERS and id(d) not in acting and not _named_as_party(text, d, said):
            warnings.append(f"dropped actor {d.name!r}: a party's members named in passing")
        elif d.kind != "person" and id(d) not in involved and d.mentions and all(
            _AT_PLACE.search(text, max(0, s - 20), s) for s, _ in d.mentions
        ):
            warnings.append(f"dropped actor {d.name!r}: named only as a place ('at Hofstra University')")
        elif d.kind not in ("person", "country") and id(d) not in spoken_for and d.mentions and all(
            _in_a_title(text, span) for span in d.mentions
        ):
            warnings.append(f"dropped actor {d.name!r}: named only in someone's title ('professor at Seton College')")
        else:
            kept.append(d)
    return kept


#: A role bound to a field before the body: "director of debate at", "professor of law at" head no body.
_OF_A_FIELD = re.compile(r"\b[a-z]+\s+of\s+(?!(?:the|a|an)\b)(?:[a-z][\w-]*\s+){1,3}(?=at\b)")
#: Words that put a role in the past: a former chairman no longer speaks for the body.
_PAST_ROLE = frozenset({"former", "ex", "onetime", "erstwhile", "retired", "late"})
#: A person's title or role right before a body: "professor at ", "former chairman of the ", and with what the
#: role is of between them: "director of debate at the ", "professor of political science at ".
_ROLE_OF = re.compile(
    r"\b(?i:" + "|".join(sorted(TITLE_WORDS | ROLE_NOUNS)) + r")\s+(?:of\s+(?:[a-z][\w-]*\s+){1,3}(?=at\b))?"
    r"(?i:of|at|for|with)\s+(?:(?i:the)\s+)?$"
)
#: A title and a capitalised name right after a body: " candidate Jill Stein", " Justice Frank Nervo".
_ROLE_NAME_AFTER = re.compile(
    r"\s+(?:(?i:" + "|".join(sorted(TITLE_WORDS | ROLE_NOUNS)) + r"))(?:\s+(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w'’-]+"
    r"|\b(?=\s+and\b|[,;]))"
)


def _in_a_title(text: str, span: Span) -> bool:
    """Whether a body's mention is part of someone's title: "director of X", "X candidate Jill Stein"."""
    return bool(_ROLE_OF.search(text, max(0, span[0] - 60), span[0]) or _ROLE_NAME_AFTER.match(text, span[1]))


#: Words before a place named in passing: a location, a direction, what a title or office is of.
_PASSING = re.compile(
    r"\b(?:in|across|throughout|around|to|from|inside|outside|of|toward|towards|over|on)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s+(?:and|or)\s+)?$"
)


def _named_as_party(text: str, draft: ActorDraft, said: list[Span]) -> bool:
    """Whether a statement names the place as a party: not as a location, in a title, or as a modifier."""
    for s, e in draft.mentions:
        if not any(a <= s and e <= b for a, b in said):
            continue
        if _PASSING.search(text, max(0, s - 40), s) or _BEFORE_TITLE.match(text, e) or not standalone(text, (s, e)):
            continue  # "president of the United States", "policy toward Russia", "in New York and New Jersey"
        follows = re.match(r"(['’]s\b)|\s+([a-z]+)", text[e : e + 30])
        if follows and (follows[1] or follows[2] not in STOPWORDS):
            continue  # "America’s economy", "U.S. manufacturing"; not "Russia has", "Iran or North Korea"
        if re.sub(r"^the\s+", "", text[s:e]) in SEATS_OF_GOVERNMENT and not (follows and follows[2] in _AUXILIARIES):
            continue  # "seeking the White House,", "left the Kremlin in May": the building or office
        return True
    return False


#: A passive participle and "by" before a name: the name is who did it ("a hoax perpetrated by China").
_DONE_BY = re.compile(r"\b[a-z]{2,}(?:ed|en|wn|ne)\s+by\s+(?:the\s+)?$")


def _named_as_agent(text: str, draft: ActorDraft) -> bool:
    """Whether the text, anywhere, names the place as the doer of a passive: "annexed by Russia", "stolen by China".

    A country that does something is an actor of the story even where no statement names it (the narration
    reports what a candidate called "a hoax perpetrated by China").
    """
    for s, e in draft.mentions:
        if not _DONE_BY.search(text, max(0, s - 30), s) or not standalone(text, (s, e)) or _BEFORE_TITLE.match(text, e):
            continue
        follows = re.match(r"(['’]s\b)|\s+([a-z]+)", text[e : e + 30])
        if not (follows and (follows[1] or follows[2] not in STOPWORDS)):  # not "by Ukraine's government",
            return True  # "by United States taxpayers": the country only says whose
    return False


#: What follows a government's building (`places.SEATS_OF_GOVERNMENT`) when it stands for the government as a
#: subject: "the White House has said", "the Kremlin will not comment".
_AUXILIARIES = frozenset({"has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "should",
                          "can", "may", "might", "did", "does", "said", "says", "also"})
_AT_PLACE = re.compile(r"\b(?:at|in|inside|outside|near)\s+(?:the\s+)?$", re.IGNORECASE)
_BEFORE_TITLE = re.compile(r"\s+(?:[\w.'’-]+\s+){0,2}?(?i:" + "|".join(sorted(TITLE_WORDS)) + r")\b")
