"""The words beside a quotation read as a second statement of its cue: how, when or where it was said.

`"Q," coach Ann Roe said wryly after the game.`: the cue reports the quotation, and a finder also reads the rest of
the sentence ("wryly after the game", "in Ohio as the crowd roared") as what the same cue reported. Manner, time
and place are narration. `drop_beside` screens the output of both finders: an indirect candidate whose cue also
reports a quotation and whose words so open is dropped.

Without a quotation the same holds for a candidate that is one short phrase of place or medium after its cue and
no clause: "X noted in The Intercept", "Y wrote into the law", "she told them in her memoir" report nothing
(`lone_adjunct`); a topic after "commented on" is what PolNeAR takes as said, and stays. Before its cue, a phrase
that only names the occasion ("At Saturday's debate, X blasted Y", "In an interview with Fox, X said …") is the
same narration (`lone_occasion`).

Not here: `Asked about the loss, Roe said, "Q."` also gives the answer's speaker the question ("Asked about the
loss"), a false statement on general news; but PolNeAR annotates the question (the asker's, or no source's) and
dropping it loses those matches on PolNeAR dev (speech 0.818 to 0.816).
"""

from __future__ import annotations

import re

from extract.language.speech.candidates import SpeechCandidate, dropping
from extract.language.speech.patterns import _FINITE_VERB_RE, MANNER_ADVERB_RE
from extract.language.speech.sentences import title_case

#: How the words beside a quotation's cue open when they tell when or where it was said ("after the game", "in Ohio
#: as the crowd roared"); a manner adverb ("wryly") is `MANNER_ADVERB_RE`.
BESIDE_OPENINGS = re.compile(r"(?:after|before|during|as|while|when|outside|at|in)\b", re.IGNORECASE)


#: How a phrase of place, time or medium opens ("in her memoir", "on the campaign trail", "into the law"); "to" and
#: "for" open what was promised or asked ("vowed to fight", "asked for privacy") and are not here.
ADJUNCT_OPENINGS = re.compile(r"(?:in|into|at|on|during|through|inside|outside|via|over|under)\b", re.IGNORECASE)
#: Cues whose "on" opens the topic said ("commented on the rules"): their phrase is a statement.
TOPIC_CUES = ("comment", "remark", "elaborat", "expound", "weigh")
#: At most this many words make a lone phrase; longer ones hold more than a place ("… on it in silver marker").
ADJUNCT_WORDS = 6


def lone_adjunct(text: str, cand: SpeechCandidate) -> bool:
    """Whether an indirect candidate after its cue is one short phrase of place or medium, without a clause.

    Its words open as `ADJUNCT_OPENINGS`, number at most `ADJUNCT_WORDS`, hold no finite verb and are not a
    title-case headline; its cue is not a `TOPIC_CUES` verb. PolNeAR train: 10 statements fewer, none of them
    matching gold (11,432 matching kept); L3S general news: 5, all read as no statement ("police said in court
    documents filed Thursday").
    """
    if cand.kind != "indirect" or cand.cue_span is None or cand.span[0] < cand.cue_span[1] or cand.cue is None:
        return False
    words = text[cand.span[0] : cand.span[1]]
    if not ADJUNCT_OPENINGS.match(words) or len(words.split()) > ADJUNCT_WORDS or _FINITE_VERB_RE.search(words):
        return False
    headline = title_case(words) or all(w[:1].isupper() for w in re.findall(r"[^\W\d_][\w'’-]*", words))
    return not headline and not cand.cue.lower().startswith(TOPIC_CUES)


#: How a phrase naming the occasion of speech opens before its cue: a preposition of place or time, after a
#: participle of appearing or a day ("Speaking on radio …", "Wednesday on Fox …"); never "Asked …", "After …":
#: PolNeAR annotates the question and the circumstance with what was said.
OCCASION_OPENINGS = re.compile(
    r"(?:(?:Speaking|Appearing|Writing|Testifying)\s+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?,?\s+)?(?:in|at|on|during)\b",
    re.IGNORECASE,
)
#: Heads of an occasion or medium of speech; a phrase before the cue holding one and no clause is no statement.
OCCASION_HEADS = frozenset({
    "interview", "interviews", "debate", "debates", "meeting", "speech", "speeches", "rally", "conference",
    "hearing", "appearance", "event", "show", "program", "programme", "broadcast", "podcast", "book", "memoir",
    "op-ed", "column", "article", "letter", "statement", "tweet", "video", "briefing", "forum", "radio",
    "television", "tv", "channel", "summit", "fundraiser", "fund-raiser", "ceremony", "town", "address",
})  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?][\"'”’]*(?:\s|$)|\n")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: At most this many words make an occasion phrase; longer ones tell more than where it was said.
OCCASION_WORDS = 12


def lone_occasion(text: str, cand: SpeechCandidate) -> bool:
    """Whether an indirect candidate before its cue only names where or when it was said, without a clause.

    Its words open as `OCCASION_OPENINGS`, number at most `OCCASION_WORDS`, hold an `OCCASION_HEADS` word and no
    finite verb, and their sentence is not a headline: "At Saturday's debate, X blasted Y", "In an interview with
    Fox, X said …". PolNeAR train: 6 statements fewer, none matching gold; dev 3, none matching; L3S none.
    """
    if cand.kind != "indirect" or cand.cue_span is None or cand.span[1] > cand.cue_span[0]:
        return False
    words = text[cand.span[0] : cand.span[1]]
    tokens = _WORD.findall(words)
    if not OCCASION_OPENINGS.match(words) or len(words.split()) > OCCASION_WORDS or _FINITE_VERB_RE.search(words):
        return False
    end = _SENTENCE_END.search(text, cand.cue_span[1])
    sentence = text[cand.span[0] : end.start() if end else len(text)]  # names alone make no headline: read it all
    if title_case(sentence) or all(w[:1].isupper() for w in _WORD.findall(sentence)):
        return False  # a headline: "At Harbor Debate, Roe Blasts Hale"
    return any(re.sub(r"['’]s$", "", w.lower()) in OCCASION_HEADS for w in tokens)  # "Fox News Channel's"


def beside_a_quotation(text: str, cand: SpeechCandidate, quoting: set[tuple[int, int]]) -> bool:
    """Whether an indirect candidate whose cue reports a quotation (`quoting`) tells how, when or where.

    Its words open as `BESIDE_OPENINGS` or with a manner adverb ("wryly").
    """
    if cand.kind != "indirect" or cand.cue_span not in quoting:
        return False
    return bool(BESIDE_OPENINGS.match(text, cand.span[0]) or MANNER_ADVERB_RE.match(text, cand.span[0]))


def drop_beside(text: str, cands: list[SpeechCandidate]) -> list[SpeechCandidate]:
    """The candidates without those beside a quotation or lone phrases of place, and their continuations.

    Renumbered; see `beside_a_quotation`, `lone_adjunct` and `lone_occasion`.
    """
    quoting = {c.cue_span for c in cands if c.kind == "direct" and c.cue_span is not None}
    continued = {c.continues for c in cands}  # a quotation after "she wrote in her memoir" is hers: kept
    return dropping(
        cands,
        lambda c: beside_a_quotation(text, c, quoting)
        or (c.id not in continued and (lone_adjunct(text, c) or lone_occasion(text, c))),
    )
