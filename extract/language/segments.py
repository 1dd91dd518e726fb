"""How found speech is cut into statements: pieces of one speaker's sentence joined, a second attribution kept apart.

The finder proposes one candidate per cue; a statement is what PolNeAR (and a reader) counts as one
attribution. `merge_same_sentence` runs between the finder and attribution (`pipeline.plan`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.language.grounding import Span
from extract.language.speech import SpeechCandidate
from extract.language.speech.candidates import Kind
from extract.language.speech.vocabulary import _OPENINGS


def merge_same_sentence(text: str, candidates: list[SpeechCandidate]) -> list[SpeechCandidate]:
    """Found speech cut into statements: one per speaker per sentence, one per quotation around its attribution.

    "X described it as 'Y' and claimed Z" is one statement (the quotation is the first verb's object), but "X said
    A and urged B" is two (`_coordinated_predicate`: PolNeAR holds each verb's content apart). `"Q1," X wrote last
    January, "Q2."` is one, whose `pieces` are the quoted words alone (its span runs over the attribution, as
    CONTRACT.md allows for pieces), and so is `A "Q1," X says, "but q2"` (`_around_attribution`).
    A candidate that continued one joined to the one before continues that one.
    """
    out: list[SpeechCandidate] = []
    joined: dict[int, int] = {}  # a candidate joined to the one before: its id -> that one's
    for cand in candidates:
        if cand.continues in joined:
            cand = replace(cand, continues=joined[cand.continues])
        prev = out[-1] if out else None
        same_speaker = prev is not None and (
            cand.continues == prev.id or (cand.speaker is not None and cand.speaker == prev.speaker)
        )
        coordinated = _coordinated_predicate(text, prev, cand) if prev is not None else None
        if prev is not None and (_one_quotation(prev, cand) or _around_attribution(text, prev, cand)):
            kind: Kind = "direct" if prev.kind == cand.kind == "direct" else "indirect"
            out[-1] = replace(prev, span=(prev.span[0], cand.span[1]), kind=kind, pieces=(*prev.pieces, *cand.pieces))
            joined[cand.id] = prev.id
        elif (
            prev is not None
            and same_speaker
            and cand.sentence == prev.sentence
            and "indirect" in (prev.kind, cand.kind)
            and not _holds_attribution((prev.span[0], cand.span[1]), prev)
            and not _set_off_attribution(text, prev, cand)
            and coordinated is None
        ):
            out[-1] = replace(prev, span=(prev.span[0], cand.span[1]), kind="indirect")
            joined[cand.id] = prev.id
        else:
            if prev is not None and coordinated is not None and coordinated < prev.span[1]:
                out[-1] = _ending_at(prev, coordinated)  # its words without the "and" the second verb follows
            out.append(cand)
    return out


def _one_quotation(prev: SpeechCandidate, cand: SpeechCandidate) -> bool:
    """Whether two quotations are pieces of one around their one attribution: `"Q1," X said, "Q2."`.

    The finder joins most; this takes the rest (two candidates of one cue and one speaker phrase).
    """
    return (
        prev.kind == cand.kind == "direct"
        and prev.cue_span is not None
        and (prev.cue_span, prev.speaker_span) == (cand.cue_span, cand.speaker_span)
        and prev.span[1] <= cand.span[0]
    )


def _around_attribution(text: str, prev: SpeechCandidate, cand: SpeechCandidate) -> bool:
    """Whether a clause and what follows its attribution are pieces of one sentence said: `A "Q1," X says, "q2."`.

    Both take the one cue and speaker, one before the attribution and one after it, and a comma sets the
    attribution off from the second piece (PolNeAR's content is both pieces: `The streets were empty, he
    added, "but people need to connect."`).
    """
    cue, speaker = prev.cue_span, prev.speaker_span
    if cue is None or speaker is None or (cue, speaker) != (cand.cue_span, cand.speaker_span):
        return False
    attribution = (min(cue[0], speaker[0]), max(cue[1], speaker[1]))
    return (
        prev.span[1] <= attribution[0]
        and attribution[1] <= cand.span[0]
        and _SET_OFF_AFTER.fullmatch(text, attribution[1], cand.span[0]) is not None
        and _GOES_ON.match(text, cand.span[0]) is not None
        and _OPENING.match(text, prev.span[0]) is None
    )


#: Between an attribution and the words said after it, when it sets them off: a comma, maybe an opening mark.
_SET_OFF_AFTER = re.compile(r"""\s*,\s*(?:``|[“"‘']\s*)?""")
#: The words after the attribution go on with the sentence before it: a lower-case word, no participle.
_GOES_ON = re.compile(r"(?![a-z]+ing\b|[a-z]+ly\s+[a-z]+ing\b|instead\b)[a-z]+\b")
#: A first piece that opens with a subordinate clause ("While A, X said, B"): only the main clause was said.
_OPENING = re.compile(r"(?i:" + "|".join(sorted(_OPENINGS)) + r")\b")
#: What sets a second attribution off from the statement before it: a comma (`…, calling it "Q"`) or "but".
_SET_OFF = re.compile(r",|\bbut\b")
#: A comma inside the closing quotation mark a statement ends with (`… "Q," adding …`) sets off what follows too.
_COMMA_IN_QUOTE = re.compile(r""",\s*(?:''|[”"’'])$""")


def _set_off_attribution(text: str, prev: SpeechCandidate, cand: SpeechCandidate) -> bool:
    """Whether a candidate's cue, between the two, is set off by a comma or "but": then it is a second statement.

    `X accused Y of Z, calling it "Q"` and `X said A but called B "Q"` are two statements (PolNeAR annotates
    two, and one would hold the second cue); "X described it as 'Y' and claimed Z" stays one.
    """
    cue = cand.cue_span
    if cue is None or not prev.span[1] <= cue[0] < cand.span[1]:
        return False
    return (
        _SET_OFF.search(text, prev.span[1], cue[0]) is not None
        or _COMMA_IN_QUOTE.search(text, max(0, prev.span[1] - 4), prev.span[1]) is not None
    )


#: Between a reported clause and the next verb of its speaker when the two verbs are coordinated (`said A and urged
#: B`, `denounced A" -- and pledged B`): closing marks, a dash, the conjunction, adverbs and auxiliaries.
_COORDINATED_GAP = re.compile(
    r"""[\s"”’'.]*(?:-+|—|–)?\s*(?:and|but)\s+(?:(?:also|later|then|again|even|still|has|have|had|\w+ly)\s+)*"""
)

#: A conjunction a reported clause ends with, the second verb after it: `lamented the state of the campaign and`.
_HELD_CONJUNCTION = re.compile(r"\s+(?:and|but)\s*$")


def _coordinated_predicate(text: str, prev: SpeechCandidate, cand: SpeechCandidate) -> int | None:
    """Where `prev`'s words end if the candidate's cue is a second verb coordinated with `prev`'s, else None.

    The end is before a conjunction `prev` holds (`… the campaign and`), else `prev`'s own.
    `X said the deal was fair and urged calm` holds two attributions for PolNeAR (train: of 110 such joins
    split, 86 came to match a gold content, 1 stopped). A quotation before it is the first verb's object
    ("described it as 'Y' and claimed Z"): those stay one (4 on train, 2 would match).
    """
    cue = cand.cue_span
    if prev.kind != "indirect" or cue is None or cue[0] < prev.span[1]:
        return None
    held = _HELD_CONJUNCTION.search(text, prev.span[0], prev.span[1])  # the learned finder's span may end on "and"
    end = held.start() if held else prev.span[1]
    return end if _COORDINATED_GAP.fullmatch(text, end, cue[0]) is not None else None


def _ending_at(cand: SpeechCandidate, end: int) -> SpeechCandidate:
    """A candidate whose words stop at `end`."""
    pieces = tuple((a, min(b, end)) for a, b in cand.pieces if a < end)
    return replace(cand, span=(cand.span[0], end), pieces=pieces)


def _holds_attribution(hull: Span, cand: SpeechCandidate) -> bool:
    """Whether a span would take in the cue or speaker of a candidate: a statement is only the words said.

    `"Q," he said, noting that Z` stays two statements; "X described it as 'Y' and claimed Z" is one.
    """
    return any(
        part is not None and hull[0] < part[1] and part[0] < hull[1] for part in (cand.cue_span, cand.speaker_span)
    )
