"""How found speech is cut into statements: pieces of one speaker's sentence joined, a second attribution kept apart.

The finder proposes one candidate per cue; a statement is what PolNeAR (and a reader) counts as one
attribution. `merge_same_sentence` runs between the finder and attribution (`pipeline.plan`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.language.grounding import Span
from extract.language.speech import SpeechCandidate


def merge_same_sentence(text: str, candidates: list[SpeechCandidate]) -> list[SpeechCandidate]:
    """One statement per speaker per sentence: "X described it as 'Y' and claimed Z" is one statement.

    Pieces of one direct quote split by its attribution stay separate, so that a direct statement's text
    is only quoted words.
    """
    out: list[SpeechCandidate] = []
    for cand in candidates:
        prev = out[-1] if out else None
        same_speaker = prev is not None and (
            cand.continues == prev.id or (cand.speaker is not None and cand.speaker == prev.speaker)
        )
        if (
            prev is not None
            and same_speaker
            and cand.sentence == prev.sentence
            and "indirect" in (prev.kind, cand.kind)
            and not _holds_attribution((prev.span[0], cand.span[1]), prev)
            and not _set_off_attribution(text, prev, cand)
        ):
            out[-1] = replace(prev, span=(prev.span[0], cand.span[1]), kind="indirect")
        else:
            out.append(cand)
    return out


#: What sets a second attribution off from the statement before it: a comma (`…, calling it "Q"`) or "but".
_SET_OFF = re.compile(r",|\bbut\b")


def _set_off_attribution(text: str, prev: SpeechCandidate, cand: SpeechCandidate) -> bool:
    """Whether a candidate's cue, between the two, is set off by a comma or "but": then it is a second statement.

    `X accused Y of Z, calling it "Q"` and `X said A but called B "Q"` are two statements (PolNeAR annotates
    two, and one would hold the second cue); "X described it as 'Y' and claimed Z" stays one.
    """
    cue = cand.cue_span
    if cue is None or not prev.span[1] <= cue[0] < cand.span[1]:
        return False
    return _SET_OFF.search(text, prev.span[1], cue[0]) is not None


def _holds_attribution(hull: Span, cand: SpeechCandidate) -> bool:
    """Whether a span would take in the cue or speaker of a candidate: a statement is only the words said.

    `"Q," he said, noting that Z` stays two statements; "X described it as 'Y' and claimed Z" is one.
    """
    return any(
        part is not None and hull[0] < part[1] and part[0] < hull[1] for part in (cand.cue_span, cand.speaker_span)
    )
