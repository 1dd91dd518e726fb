"""How found speech is cut into statements: pieces of one speaker's sentence joined, a second attribution kept apart.

The finder proposes one candidate per cue; a statement is what PolNeAR (and a reader) counts as one
attribution. `merge_same_sentence` runs between the finder and attribution (`pipeline.plan`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.language.grounding import Span
from extract.language.names import DAYS
from extract.language.speech import SpeechCandidate

#: Heads of an occasion or a medium of speaking: "said X in an interview with The Post", "… in a tweet Sunday".
#: After reported words they say where the words were said, not what (PolNeAR leaves them out of the content).
OCCASION_HEADS = (
    "interview", "interviews", "statement", "speech", "address", "remarks", "rally", "news conference",
    "press conference", "conference call", "briefing", "appearance", "op-ed", "column", "tweet", "tweets", "post",
    "posting", "video", "broadcast", "show", "podcast", "town hall", "fundraiser", "campaign stop", "testimony",
    "sermon", "Twitter", "Facebook", "Instagram", "blog", "newsletter", "radio", "television", "TV", "letter", "memo",
    "email", "e-mail", "debate", "hearing", "event", "forum",
)  # fmt: skip
#: Prepositions that open such an adjunct, and the words that may stand before its head ("his regular radio").
_OCCASION_PREPOSITIONS = ("in", "at", "on", "during", "via", r"while\s+speaking\s+(?:to|with|at|on)")
_DETERMINER = r"(?:a|an|the|his|her|their|its|our|this|that|one|[A-Z][\w.&-]*(?:['’]s)?)"
#: A time before or after it: "Thursday night", "on Sunday", "this week", "earlier this year".
_TIME = (
    rf"(?:on\s+)?(?:(?:early|late|last|this|next)\s+)?(?:{'|'.join(sorted(DAYS))}|week|month|year|morning|afternoon|"
    r"evening|night|weekend)(?:\s+(?:morning|afternoon|evening|night))?|(?:earlier|later)\s+(?:this|that|in\s+the)\s+"
    r"(?:week|month|year|day)|yesterday|today|recently"
)
_HEADS = "|".join(sorted(OCCASION_HEADS, key=len, reverse=True))
#: The adjunct at the end of a statement, with what names the occasion after its head ("with CNN", "on Fox").
_TRAILING_OCCASION = re.compile(
    rf"(?:,?\s+(?:{_TIME}))*,?\s+(?:{'|'.join(_OCCASION_PREPOSITIONS)})\s+(?:{_DETERMINER}\s+)?"
    rf"(?:[\w'’.-]+\s+){{0,3}}?(?:{_HEADS})\b"
    r"(?:\s+(?:with|on|to|in|at|of|for|before|by)\s+(?:the\s+)?[A-Z][^,;\"“”\n]*)?"
    rf"(?:,?\s+(?:{_TIME}))*\s*$"
)


def merge_same_sentence(text: str, candidates: list[SpeechCandidate]) -> list[SpeechCandidate]:
    """Found speech cut into statements: one per speaker per sentence, without the occasion it was said at.

    "X described it as 'Y' and claimed Z" is one statement; "X said Z in an interview with The Post" is Z.
    Pieces of one direct quote split by its attribution stay separate, so that a direct statement's text
    is only quoted words.
    """
    out: list[SpeechCandidate] = []
    joined: dict[int, int] = {}  # a candidate joined to the one before: its id -> that one's
    for cand in map(lambda c: without_occasion(text, c), candidates):
        if cand.continues in joined:
            cand = replace(cand, continues=joined[cand.continues])
        prev = out[-1] if out else None
        same_speaker = prev is not None and (
            cand.continues == prev.id or (cand.speaker is not None and cand.speaker == prev.speaker)
        )
        if prev is not None and (_one_quotation(prev, cand) or _quotation_runs_on(text, prev, cand)):
            out[-1] = replace(prev, span=(prev.span[0], cand.span[1]), pieces=(*prev.pieces, *cand.pieces))
            joined[cand.id] = prev.id
        elif (
            prev is not None
            and same_speaker
            and cand.sentence == prev.sentence
            and "indirect" in (prev.kind, cand.kind)
            and not _holds_attribution((prev.span[0], cand.span[1]), prev)
            and not _set_off_attribution(text, prev, cand)
        ):
            out[-1] = replace(prev, span=(prev.span[0], cand.span[1]), kind="indirect")
            joined[cand.id] = prev.id
        else:
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


def _quotation_runs_on(text: str, prev: SpeechCandidate, cand: SpeechCandidate) -> bool:
    """Whether a bare quotation goes on with the partial one before its attribution: one statement.

    `Yet "it is hard to tell," X said. "The ideology is already out there."`: the reported clause ends in a
    quotation (or holds one), its attribution follows, and the same speaker's quotation runs on in the same
    paragraph. PolNeAR holds the two as one content.
    """
    cue = prev.cue_span
    return (
        prev.kind == "indirect"
        and cand.kind == "direct"
        and cand.continues == prev.id
        and cue is not None
        and prev.span[1] <= cue[0] < cand.span[0]
        and "\n" not in text[prev.span[1] : cand.span[0]]
        and _QUOTE_MARK.search(text, prev.span[0], prev.span[1] + 2) is not None
    )


#: A quotation mark: the reported clause quotes its speaker's words.
_QUOTE_MARK = re.compile(r"[\"“”]|''|``")


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


def without_occasion(text: str, cand: SpeechCandidate) -> SpeechCandidate:
    """A reported statement without a trailing occasion or medium: "his reasoning | in an appearance on CBS".

    Only reported speech: a quotation's words are all said. Kept whole when nothing would be left.
    """
    if cand.kind != "indirect":
        return cand
    start, end = cand.pieces[-1] if cand.pieces else cand.span
    found = _TRAILING_OCCASION.search(text, start, end)
    if found is None or not text[start : found.start()].strip():
        return cand
    cut = found.start()
    pieces = (*cand.pieces[:-1], (start, cut)) if cand.pieces else ()
    return replace(cand, span=(cand.span[0], cut), pieces=pieces)
