"""The words beside a quotation read as a second statement of its cue: how, when or where it was said.

`"Q," coach Ann Roe said wryly after the game.`: the cue reports the quotation, and a finder also reads the rest of
the sentence ("wryly after the game", "in Ohio as the crowd roared") as what the same cue reported. Manner, time
and place are narration. `drop_beside` screens the output of both finders: an indirect candidate whose cue also
reports a quotation and whose words so open is dropped.

Not here: `Asked about the loss, Roe said, "Q."` also gives the answer's speaker the question ("Asked about the
loss"), a false statement on general news; but PolNeAR annotates the question (the asker's, or no source's) and
dropping it loses those matches on PolNeAR dev (speech 0.818 to 0.816).
"""

from __future__ import annotations

import re

from extract.language.speech.candidates import SpeechCandidate, dropping
from extract.language.speech.patterns import _MANNER_ADVERB_RE

#: How the words beside a quotation's cue open when they tell when or where it was said ("after the game", "in Ohio
#: as the crowd roared"); a manner adverb ("wryly") is `_MANNER_ADVERB_RE`.
BESIDE_OPENINGS = re.compile(r"(?:after|before|during|as|while|when|outside|at|in)\b", re.IGNORECASE)


def beside_a_quotation(text: str, cand: SpeechCandidate, quoting: set[tuple[int, int]]) -> bool:
    """Whether an indirect candidate whose cue reports a quotation (`quoting`) tells how, when or where.

    Its words open as `BESIDE_OPENINGS` or with a manner adverb ("wryly").
    """
    if cand.kind != "indirect" or cand.cue_span not in quoting:
        return False
    return bool(BESIDE_OPENINGS.match(text, cand.span[0]) or _MANNER_ADVERB_RE.match(text, cand.span[0]))


def drop_beside(text: str, cands: list[SpeechCandidate]) -> list[SpeechCandidate]:
    """The candidates without those beside a quotation (`beside_a_quotation`) and their continuations, renumbered."""
    quoting = {c.cue_span for c in cands if c.kind == "direct" and c.cue_span is not None}
    return dropping(cands, lambda c: beside_a_quotation(text, c, quoting))
