"""Bare quotations after a statement only the learned finder found: they continue it, as they continue the rules'.

The rules join a bare quotation sentence (or paragraph) to the attributed sentence right before it
(`finder._Finder._continuation`), but only to their own candidates. When the attribution is one only the
learned finder reads (`"Q1," league chief X said in a statement. "Q2…`, `X remained confident that …`), the
quotations after it were left without a speaker: on general news (L3S-GN1) the commonest way a quotation
paragraph is lost. Here they continue the model's statement the same way (a quotation run over paragraphs
included), unless the sentence after a closed one attributes it itself (`"Q." The mayor said.`).
"""

from __future__ import annotations

from extract.language.speech.candidates import SpeechCandidate, renumbered
from extract.language.speech.finder import _Finder


def continue_added(text: str, cands: list[SpeechCandidate], added: set[int]) -> list[SpeechCandidate]:
    """`cands` with the bare quotations that continue a candidate of `added` (ids) joined as its continuations.

    Returns the candidates renumbered in text order; those of `added` and the new ones keep their speakers.
    """
    if not added:
        return cands
    finder = _Finder(text)
    ending: dict[int, SpeechCandidate] = {}  # the last sentence each candidate reaches: the candidate
    for c in cands:
        end = max(c.span[1], c.cue_span[1] if c.cue_span else 0, c.speaker_span[1] if c.speaker_span else 0)
        ending[finder.sentence_of(end - 1)] = c
    spans = [c.span for c in cands]
    new: list[SpeechCandidate] = []
    index = 1
    while index < len(finder.sentences):
        parent = ending.get(index - 1)
        continued = parent is not None and (parent.id in added or parent.continues in added)
        found = finder.bare_quotation(index) if continued else None
        if parent is None or found is None:
            index += 1
            continue
        (opened, closed), span, last = found
        if any(a < closed and opened < b for a, b in spans):
            index += 1
            continue
        root = parent.continues if parent.continues is not None else parent.id
        made = SpeechCandidate(
            id=0, sentence=finder.sentence_of(span[0]), span=span, kind="direct", cue=None, cue_span=None,
            speaker=None, speaker_span=None, continues=root, pieces=(span,),
        )  # fmt: skip
        new.append(made)
        spans.append(span)
        ending[last] = made
        index = last + 1
    return renumbered(cands, new) if new else cands
