"""Whether a mention stands where the one harmed stands ("the invasion of Ukraine", "a danger to India, …").

`allegations.not_accusable` asks it of every mention in a statement, again of those in the statement's
sentence, and again for its speaker's check and the second look: the answer depends only on the text
around the mention, so it is kept (the patterns are searched over the 80 characters before each mention).
"""

from __future__ import annotations

from functools import lru_cache

from extract.language.accusation_words import AGENT_RE
from extract.language.name_positions import (
    COMPARED_RE,
    EMPLOYER_RE,
    LIST_HEAD_RE,
    OWNED_OBJECT_RES,
    POSSESSOR_RE,
    PREDICATE_AFTER,
    VICTIM_RES,
)


@lru_cache(maxsize=512)
def victim_before(text: str, start: int, end: int) -> bool:
    """Whether a pattern of `VICTIM_BEFORE` ends right before the mention `start:end`, or before its list.

    The list: "a danger to India, Australia, and Japan" (before "Australia and", the pattern ends). A
    partner, rival or comparison pattern does not count before an owner ("talks with Obama's aides", "to stop
    Reed's lies"), nor a comparison before a clause's subject ("than Reed implied": Reed said it). After a
    phrase that names the agent ("traced to", "attributed to", "blamed on", "carried out by") the name did
    it: "can be traced to Kestria" is no "sold arms to Kestria".
    """
    before = text[max(0, start - 80) : start]  # the cue too: "urged the administration to …"
    if AGENT_RE.search(before):
        return False
    head = LIST_HEAD_RE.search(before)
    owner = POSSESSOR_RE.match(text, end) is not None
    subject = PREDICATE_AFTER.match(text, end) is not None
    positions = [p for p in VICTIM_RES
                 if not (owner and p in OWNED_OBJECT_RES) and not (subject and p is COMPARED_RE)]
    return any(p.search(before) for p in positions) or (
        head is not None and any(p.search(before[: head.start()]) for p in positions)
    )


def employs_the_next(text: str, end: int, person_starts: set[int]) -> bool:
    """Whether the name ending at `end` only says whom the person named next works for ("NBC's Ada Quill").

    "criticism of Harbour News's Ada Quill, who …" is said of Quill; the outlet is not accused by that mention.
    """
    role = EMPLOYER_RE.match(text, end)
    return role is not None and role.end() in person_starts
