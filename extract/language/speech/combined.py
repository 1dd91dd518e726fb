"""The rules and the learned finder together: the model vets the rules' candidates and adds what they miss.

The thresholds were chosen on half of PolNeAR train with a model trained on the other half
(`bench/train_finder.py --half`, `bench/tune_finder.py`; table in bench/results/finder-tuning.md), as the pair
that adds the most matched statements while keeping the rules' precision; dev was only read for the figures in
bench/results/statements-polnear.md.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.language.speech.beside import drop_beside
from extract.language.speech.candidates import SpeechCandidate, renumbered
from extract.language.speech.continuing import continue_added
from extract.language.speech.finder import find_rules
from extract.language.speech.interviews import with_answers
from extract.language.speech.learned import Tagged, known_cue, scored, tag
from extract.language.speech.narration import drop_narrated
from extract.language.speech.screening import nominal_cue
from extract.language.speech.vocabulary import PRONOUNS, SOURCE_PHRASES

#: A statement only the model found is added when the model holds its words to be content at least this surely.
ADD_CONFIDENCE = 0.8
#: ... or at least this surely when its cue is a reporting verb of the rules' verb table (`vocabulary`).
ADD_KNOWN_CUE = 0.8
#: A rules candidate whose words the model holds to be content less surely than this is dropped.
VETO_CONFIDENCE = 0.1
#: ... or less surely than this when what was said comes before its cue (`CLAUSE, said X`, `CLAUSE, X said`) and
#: the model gives that cue no words of its own.
VETO_UNRIVALLED = 0.04


def union(
    text: str,
    rules: list[SpeechCandidate],
    tagged: Tagged,
    add: float = ADD_CONFIDENCE,
    veto: float = VETO_CONFIDENCE,
    add_known: float = ADD_KNOWN_CUE,
) -> list[SpeechCandidate]:
    """The rules' candidates the model does not veto, and the model's own that overlap none of them.

    The rules know quotation conventions exactly, so where both found something the rules' span, cue and
    speaker are kept; the model adds what no rule reads (findings, beliefs, cues not in the verb table).
    A continuation whose quotation was vetoed goes with it. A `CLAUSE, said X` (or `X said`) the model reads no
    rival for is vetoed only on a strong doubt (`_unrivalled_inverted`), and the model's statement in a relative
    clause about its speaker is not added (`_describes_a_speaker`). The model's cues pass the rules' screen for
    nouns and adjectives (`screening.nominal_cue`: "Iran's alleged moves", "a warning barrier") first.
    """
    kept: list[SpeechCandidate] = []
    dropped: set[int] = set()
    model = [(c, p) for c, p in scored(text, tagged) if c.cue_span is None or not nominal_cue(text, *c.cue_span)]
    for c in rules:
        if (c.continues is not None and c.continues in dropped) or tagged.content_probability(c.pieces or (c.span,)) < (
            min(veto, VETO_UNRIVALLED) if _unrivalled_inverted(c, model) else veto
        ):
            dropped.add(c.id)
        else:
            kept.append(c)
    kept = [_named_by_model(c, model, rules) for c in kept]
    taken = [c.span for c in rules]
    extra = [
        c
        for c, p in model
        if (p >= add or (p >= add_known and known_cue(c.cue)))
        and not any(a < c.span[1] and c.span[0] < b for a, b in taken)
        and not _describes_a_speaker(text, c, kept)
    ]
    return renumbered(kept, extra)


def _unrivalled_inverted(cand: SpeechCandidate, model: list[tuple[SpeechCandidate, float]]) -> bool:
    """Whether a rules candidate's words come before its cue and the model gives that cue no words of its own.

    `CLAUSE, said X` and `CLAUSE, X said` alike (the held-out counts below were taken so).
    Then the model's doubt is no rival reading, and only a lower veto (`VETO_UNRIVALLED`) applies.

    Held-out train (a half model scored on the other half), vetoed at 0.1 in this form: right 19, wrong 11; those
    at 0.04 and above: right 17, wrong 3 (chosen there), on the other fold right 9, wrong 4. The wrong ones are
    mostly an opening phrase the rules took for the words ("On Sunday's show, said X").
    """
    cue = cand.cue_span
    if cue is None or cand.span[1] > cue[0]:
        return False
    return not any(m.cue_span and m.cue_span[0] < cue[1] and cue[0] < m.cue_span[1] for m, _ in model)


_RELATIVE_AFTER_SPEAKER = re.compile(r"\s*,?\s*(?:who|whom|which|that)\s+")


def _describes_a_speaker(text: str, cand: SpeechCandidate, rules: list[SpeechCandidate]) -> bool:
    """Whether the model's cue opens a relative clause after the speaker of a rules candidate that follows its cue.

    `CLAUSE, said one executive who requested anonymity to …`: the clause describes the speaker, it was not said
    (the rules read it so, see `patterns._APPOSITIVE_BEFORE_QUOTE`). Held-out train, both folds: fired 5, right 5.
    """
    cue = cand.cue_span
    if cue is None:
        return False
    return any(
        r.speaker_span is not None
        and r.cue_span is not None
        and r.cue_span[1] <= r.speaker_span[0]
        and _RELATIVE_AFTER_SPEAKER.fullmatch(text, r.speaker_span[1], cue[0]) is not None
        for r in rules
    )


#: Whole speaker phrases that stand for someone named elsewhere: "he", "they", "who", "he's".
_PRONOUN_PHRASES = PRONOUNS | frozenset({"his", "her", "their", "him", "them", "who", "this", "that", "its"})
_CONTRACTION = re.compile(r"['’](?:s|ve|ll|d|m|re)$")


#: Capitalised sentence words that open no speaker phrase: "Here's one example:".
_NO_SPEAKER = _PRONOUN_PHRASES | frozenset({"here", "there", "these", "those", "what", "which"})
#: Heads of a common speaker phrase that is a source in its own right, there the rules are kept: "the report
#: says", "state news media claimed", "emails combed through by Vox suggest".
_SPEAKING_THINGS = frozenset(
    {"report", "reports", "media", "email", "emails", "statement", "study", "survey", "memo", "letter", "documents",
     "records", "data", "analysis", "ruling", "complaint", "lawsuit", "filing", "article", "editorial", "poll", "polls"}
)  # fmt: skip

#: A share of people ("64 percent of likely voters said" after "a poll found"): attribution gives it the poll
#: (`polls.finding_poll`) and keeps the rules' span.
_SHARES = frozenset({"percent", "majority", "majorities", "half", "third", "quarter", "most", "plurality"})
#: Words of a common speaker phrase that keep the rules' candidate: "64 percent of voters", "her recent (claim)".
_KEPT_WORDS = _SPEAKING_THINGS | _SHARES | _PRONOUN_PHRASES


def _names(phrase: str | None) -> bool:
    """Whether a speaker phrase starts with a capital and is no pronoun: "Sen. Roe", "The Vermont senator"."""
    words = (phrase or "").split()
    first = _CONTRACTION.sub("", words[0].lower().strip(",")) if words else ""
    return bool(words) and words[0][:1].isupper() and first not in _NO_SPEAKER


def _named_by_model(
    cand: SpeechCandidate, model: list[tuple[SpeechCandidate, float]], rules: list[SpeechCandidate]
) -> SpeechCandidate:
    """The model's statement instead of a rules candidate whose speaker is a common phrase, where it reads a name.

    Two cues compete for the words ("a poll showed 72 percent of voters said …", "X heaps praise on"), and the
    rules picked the one without a name.

    On PolNeAR train (statements matched to a gold attribution with a named source, where the two phrases
    share no word) the model's speaker was the gold's 39 times, the rules' twice. A pronoun ("he said") or a
    name the rules read is kept: there the rules were right more often than the model; so is a phrase with a
    possessive pronoun ("her recent claim": attribution gives it its owner), a share of people, a source after
    "according to" (the model's rival there was wrong 5 times of 7), a document or the media ("the report
    says": a source nested in the model's statement), and a candidate whose rival also overlaps another of the
    rules' (one statement would stand for two).
    """
    phrase = (cand.speaker or "").strip()
    pronoun = _CONTRACTION.sub("", phrase).lower() in _PRONOUN_PHRASES
    kept = not _KEPT_WORDS.isdisjoint(re.findall(r"[\w-]+", phrase.lower()))  # "64 percent of voters", "her claim"
    sourced = (cand.cue or "").lower() in SOURCE_PHRASES  # "according to a source on the call"
    if cand.continues is not None or not phrase or pronoun or sourced or _names(phrase) or kept:
        return cand
    rival = [
        m for m, _ in model
        if m.span[0] < cand.span[1] and cand.span[0] < m.span[1] and _names(m.speaker) and m.continues is None
        and not any(r is not cand and r.span[0] < m.span[1] and m.span[0] < r.span[1] for r in rules)
    ]  # fmt: skip
    if not rival:
        return cand
    best = max(rival, key=lambda m: min(m.span[1], cand.span[1]) - max(m.span[0], cand.span[0]))
    return replace(best, id=cand.id)


def find_combined(text: str) -> list[SpeechCandidate]:
    """Candidates of the rules vetted by the learned finder, and the learned finder's own (see `union`).

    The bare quotations after a statement only the model found continue it (`continuing.continue_added`); the
    answers of a question-and-answer interview are its interviewee's (`interviews.with_answers`).
    """
    rules = find_rules(text)
    found = union(text, rules, tag(text, wanted=[piece for c in rules for piece in (c.pieces or (c.span,))]))
    found = drop_narrated(text, found)  # the learned finder's own too: "the crowd chanted his name"
    found = drop_beside(text, found)  # '"Q," X said wryly after it': the cue reports Q, not "wryly …"
    theirs = {c.span for c in rules}
    found = continue_added(text, found, {c.id for c in found if c.span not in theirs})
    return with_answers(text, found)  # an interview's answers: no cue stands beside them
