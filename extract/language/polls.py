"""Findings of a poll: in "A Bloomberg poll showed 72 percent of voters said …" the poll is the source.

The voters answered a pollster; what the article reports is the poll's finding, and PolNeAR credits the outer
attribution (the poll) for it. A speaker that is a share or a group of people ("72 percent of voters", "a
majority of Americans", "many voters") that follows, in the same sentence and with no other speech between, a
finding verb ("showed", "found", "suggests") whose subject is a poll or survey speaks through that poll.
"""

from __future__ import annotations

import re

from extract.language.grounding import Span
from extract.language.unnamed import GROUP_WORDS

#: Verbs by which a poll reports what people answered.
FINDING_VERBS = frozenset(
    {"show", "shows", "showed", "shown", "find", "finds", "found", "suggest", "suggests", "suggested", "indicate",
     "indicates", "indicated", "reveal", "reveals", "revealed"}
)  # fmt: skip
#: Nouns of a poll.
POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "polling"})
#: A share or a group of people: "72 percent of voters", "a majority of Americans", "most Republicans".
_PEOPLE = re.compile(
    r"\b(?:percent|per cent|majority|minority|plurality|most|many|half|third|quarter|fifth|share|number|few)\b"
    r"|%|[a-z]s$"
)
#: A finding verb before the speaker in its sentence: "… found that ", "… also shows ", "… found that, while ".
_FINDING_VERB = re.compile(r"\b(?:" + "|".join(sorted(FINDING_VERBS)) + r")\b", re.I)
#: Between the finding verb and the speaker: no other clause's speech, no sentence end ("Polls show Roe ahead.
#: Her aides said …").
_NOT_BETWEEN = re.compile(r"[.!?;:]\s|\n|\b(?:said|says|say|told|tells|according)\b")
_POLL_NOUN = re.compile(r"\b(?:" + "|".join(sorted(POLL_NOUNS, key=len, reverse=True)) + r")\b", re.I)
#: Words of a poll's name or description before its noun: "A new Times/CBS News poll", "the latest exit poll".
_POLL_MODIFIERS = frozenset(
    {"new", "latest", "recent", "national", "statewide", "separate", "exit", "online", "state", "another", "same",
     "monthly", "weekly", "early", "earlier", "last", "independent", "public", "private", "internal"}
)  # fmt: skip
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})
#: Where a sentence or clause before the verb ends: the poll is written after it.
_SENTENCE_END = re.compile(r"[.!?;:]\s|\n")
#: How far before the finding verb the poll may be named ("A Quinnipiac University poll released in late
#: August found"), in characters.
_REACH = 120


def finding_poll(text: str, speaker: str, at: Span) -> Span | None:
    """The span of the poll whose finding the speaker `speaker` (at `at`) answered, else None."""
    phrase = speaker.strip().rstrip(",")
    if not (_PEOPLE.search(phrase) or phrase.split()[-1] in GROUP_WORDS):
        return None  # a named speaker ("Sanders") speaks for himself
    before = text[max(0, at[0] - 2 * _REACH) : at[0]].lower()
    if "poll" not in before and "survey" not in before:
        return None  # most speakers: no poll named before them at all
    verbs = [v for v in _FINDING_VERB.finditer(text, max(0, at[0] - _REACH), at[0]) if _reaches(text, v, at[0])]
    if not verbs:
        return None
    verb = verbs[-1]
    start = max(0, verb.start() - _REACH)
    ends = list(_SENTENCE_END.finditer(text, start, verb.start()))
    if ends:
        start = ends[-1].end()
    nouns = [m for m in _POLL_NOUN.finditer(text, start, verb.start()) if _subject_of_verb(text, m.end(), verb)]
    if not nouns:
        return None
    begin = nouns[-1].start()
    for word in reversed(re.findall(r"\S+\s+", text[start:begin])):  # "A new Times/CBS News poll"
        token = word.strip()
        if token.lower() in _ARTICLES:
            begin -= len(word)
            break
        if token[-1] in ",;:" or not (token.lower() in _POLL_MODIFIERS or token[:1].isupper() or token[:1].isdigit()):
            break
        begin -= len(word)
    return begin, nouns[-1].end()


def _reaches(text: str, verb: re.Match[str], at: int) -> bool:
    """Whether a finding verb governs the speaker at `at`: no sentence end or other speech between them."""
    return _NOT_BETWEEN.search(text, verb.end(), at) is None


def _subject_of_verb(text: str, end: int, verb: re.Match[str]) -> bool:
    """Whether the poll ending at `end` can be the verb's subject: no other clause's verb between them.

    Allowed between: a participle phrase or a time ("released in late August", "in December", "conducted by X").
    """
    between = text[end : verb.start()]
    if not between.strip():
        return True
    return re.search(r"\b(?:who|which|that|and|but|said|says|say)\b", between) is None and len(between) <= 60
