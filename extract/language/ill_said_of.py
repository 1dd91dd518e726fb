"""Whether ill words alone charge an actor: they stand where it does or is something, not where it is harmed.

When no wrong is named (`categories.names_a_wrong`, which `allegations.judge` asks first) and no accusing
verb frames the statement, only VADER's negative words carry the charge, and a small model blames whoever such
a statement names. The words charge the actor only in a sentence that names it as a doer ("Daly lied to us.
She is a disgrace"), or in the sentences after one that names nobody ("What Daly did is nothing to brag about.
In fact, it is shameful"). Not in a sentence where it only undergoes a passive verb, named or as
"he"/"she"/"they" ("Daly was on medication. In the event she was injured, bleeding would be a dangerous
complication"), nor in one that names someone else.
"""

from __future__ import annotations

import re

from extract.language.actors import ActorDraft
from extract.language.evaluative import speaks_ill
from extract.language.frames import mention_spans
from extract.language.grounding import Span
from extract.language.passives import undergoes
from extract.language.speech import Sentence

#: A person's pronoun as a clause's subject: in a sentence that names nobody it stands for the one named before,
#: which `ill_where_named` checks for a passive verb after it ("In the event she was injured, …").
SUBJECT_PRONOUN_RE = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)


def ill_where_named(text: str, start: int, end: int, draft: ActorDraft, actors: list[ActorDraft],
                    described: dict[int, list[Span]], sentences: list[Sentence]) -> bool:
    """Whether `text[start:end]` speaks ill in a sentence where `draft` does something, or in one after it.

    A sentence that names nobody carries the last verdict on: "it is shameful" after "what Daly did".
    """
    own = [(s, e) for s, e in mention_spans(draft, described) if start <= s and e <= end]
    others = [s for d in actors if d is not draft for s, e in mention_spans(d, described) if start <= s and e <= end]
    parts = [(max(start, x.start), min(end, x.end)) for x in sentences if x.start < end and start < x.end]
    carried = False
    for a, b in parts or [(start, end)]:
        here = [(s, e) for s, e in own if a <= s < b]
        if here:
            carried = any(not undergoes(text, e, end) for _, e in here)
        elif any(a <= s < b for s in others):
            carried = False
        elif carried and (pronouns := [m.end() for m in SUBJECT_PRONOUN_RE.finditer(text, a, b)]):
            carried = any(not undergoes(text, e, end) for e in pronouns)
        if carried and speaks_ill(text[a:b]):
            return True
    return False
