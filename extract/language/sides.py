"""Whose side a speaker is on: their own body, whom they represent, work for or speak for.

`allegations.judge` never lets a speaker accuse their own side: "said Ada Quill, head of the Harbour Union"
does not accuse the union, and "Reed's attorney, Mark Dunn" does not accuse Reed, wherever the text says so.
"""

from __future__ import annotations

import bisect

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
    return own | principals(text, st.speaker, actors)


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
