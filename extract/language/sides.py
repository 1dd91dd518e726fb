"""Whose side a speaker is on: their own body, whom they represent, work for or speak for.

`allegations.judge` never lets a speaker accuse their own side: "said Ada Quill, head of the Harbour Union"
does not accuse the union, and "Reed's attorney, Mark Dunn" does not accuse Reed, wherever the text says so.
"""

from __future__ import annotations

import bisect
import re

from extract.language.actors import ActorDraft
from extract.language.attribution import StatementDraft
from extract.language.grounding import find_all
from extract.language.name_positions import PRINCIPAL_BEFORE_RE, PRINCIPAL_BETWEEN_RE, ROLE_OF_RE


def own_side(text: str, st: StatementDraft, actors: list[ActorDraft]) -> set[int]:
    """Ids of the speaker and the speaker's own side: affiliation, whom they represent or speak for."""
    own = {id(st.speaker), id(st.speaker.affiliation), id(st.speaker.represents)}
    phrase = st.candidate.speaker or ""  # "Brenner campaign spokesman Ola Dunn" speaks for Brenner
    lowered = phrase.lower() if phrase.isascii() else None  # a substring test first: most names are not in it
    own |= {id(d) for d in actors if d is not st.speaker and any(
        (lowered is None or not n.isascii() or n.lower() in lowered) and find_all(phrase, n, ignore_case=True)
        for n in (d.name, *d.aliases))}  # any name: no need of `names()`' sorting per actor and statement
    said_by = st.candidate.speaker_span
    if said_by is not None:  # "said Ada Quill, head of the Harbour Union": the union is her own side
        own |= {id(d) for d in actors for s, _ in d.mentions
                if said_by[1] <= s <= said_by[1] + 120 and ROLE_OF_RE.match(text[said_by[1] : s])}
    return own | principals(text, st.speaker, actors) | named_after(st.speaker, actors) | partners(text, st, actors)


#: A name joined to the speaker's own pronoun, which makes it the speaker's partner in what is told: in reported
#: words "he and Tom Reed asked the board to look into whether Daly lied", in quoted ones "Reed and I met them".
#: Reported: the "he"/"she" of "X said he and Y …" is X (in a quotation it is a third person: '"He and Reed lied,"').
REPORTED_PARTNER_BEFORE_RE = re.compile(r"\b(?:he|she)\s+and\s+(?:[\w.'’-]+\s+){0,3}$", re.IGNORECASE)
QUOTED_PARTNER_BEFORE_RE = re.compile(r"\b(?:I|me)\s+and\s+(?:[\w.'’-]+\s+){0,3}$")
QUOTED_PARTNER_AFTER_RE = re.compile(r"\s+and\s+(?:I|me|myself)\b")


def partners(text: str, st: StatementDraft, actors: list[ActorDraft]) -> set[int]:
    """Ids of the actors the statement joins to its speaker by "and" (see `REPORTED_PARTNER_BEFORE_RE`)."""
    start, end = st.span
    if st.speaker.kind != "person":
        return set()
    quoted = st.candidate.kind == "direct"
    before = QUOTED_PARTNER_BEFORE_RE if quoted else REPORTED_PARTNER_BEFORE_RE
    return {id(d) for d in actors for s, e in d.mentions if start <= s and e <= end and (
        before.search(text, max(start, s - 60), s) or (quoted and QUOTED_PARTNER_AFTER_RE.match(text, e, end)))}


#: Before a name inside a body's name, the words that make the body its opponent: "Stop Reed PAC", "Anti-Quill".
AGAINST_NAME_RE = re.compile(r"\b(?:anti|stop|never|dump|beat|not|against)[\s-]*$", re.IGNORECASE)
#: After a name inside a body's name, an owner's "'s" is the body's own side only before these: "Reed's campaign",
#: "Quill's office"; not "Reed's rivals", "Oxfam on Orland's energy policies" (PolNeAR train).
OWNED_BODY_RE = re.compile(r"['’]s?\s+(?:campaign|office|team|staff|aides?|foundation|family|"
                           r"spokes(?:man|woman|person))\b|(?!['’])", re.IGNORECASE)


def named_after(speaker: ActorDraft, actors: list[ActorDraft]) -> set[int]:
    """Ids of the actors a speaking body is named after: its own side, as its role is ("the board official said").

    "Orland Cricket Board" is Orland's, the "Reed campaign" and "Reed's office" Reed's, unless the name says it
    opposes them ("Stop Reed PAC") or owns no body of theirs ("Reed's rivals"). A person or a medium is named after
    nobody.
    """
    if speaker.kind in ("person", "media"):  # a paper's place is no side: "Washington Post", "Agence France-Presse"
        return set()
    own = (speaker.name, *speaker.aliases)
    return {id(d) for d in actors if d is not speaker and any(
        not AGAINST_NAME_RE.search(name, 0, at) and OWNED_BODY_RE.match(name, end)
        for name in own for n in (d.name, *d.aliases) for at, end in find_all(name, n))}


def principals(text: str, speaker: ActorDraft, actors: list[ActorDraft]) -> set[int]:
    """Ids of those the text names the speaker as working for anywhere: "a lawyer for Reed, Mark Dunn".

    The role may be written once, before the speaker's name, far from the statement: "Reed's attorney, Mark
    Dunn, said …" and later "'Reed answered every question,' Dunn said" defends Reed, it does not accuse him.
    """
    starts = sorted(s for s, _ in speaker.mentions)
    found: set[int] = set()
    for d in actors:
        for s, e in d.mentions if d is not speaker else []:
            for at in starts[bisect.bisect_right(starts, e) : bisect.bisect_right(starts, e + 40)]:  # 0 < at - e <= 40
                between = PRINCIPAL_BETWEEN_RE.match(text, e, at)
                if between and (between.group().strip() != "," or PRINCIPAL_BEFORE_RE.search(text, max(0, s - 40), s)):
                    found.add(id(d))
    return found
