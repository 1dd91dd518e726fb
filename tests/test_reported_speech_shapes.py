"""Shapes of reported speech around a known verb, found missed on PolNeAR train, each on invented sentences.

Each row is a class (where the speaker stands, what comes between it and the verb), not one article's wording.
"""

from __future__ import annotations

import pytest

from extract.language.speech import SpeechCandidate, find_rules


def only(text: str) -> SpeechCandidate:
    cands = find_rules(text)
    assert len(cands) == 1, [(text[c.span[0] : c.span[1]], c.speaker) for c in cands]
    return cands[0]


# (sentence, what was said, speaker phrase, cue)
SHAPES = [
    # A state label alone in brackets after a politician's name, as the party-and-state label is.
    ("Rep. Ada Brun (Mich.), a member of the panel, said she had spoken with her colleagues.",
     "she had spoken with her colleagues", "Rep. Ada Brun", "said"),
    ("Sen. Tomas Reyes (N.Y.) said the port fund should be cut.", "the port fund should be cut",
     "Sen. Tomas Reyes", "said"),
]


@pytest.mark.parametrize(("text", "words", "speaker", "cue"), SHAPES, ids=[s[0][:40] for s in SHAPES])
def test_shapes(text: str, words: str, speaker: str, cue: str) -> None:
    c = only(text)
    assert (text[c.span[0] : c.span[1]], c.speaker, c.cue) == (words, speaker, cue)
