"""The judge's quick search for accusing verbs finds exactly what the verb regex finds."""

from __future__ import annotations

import random

from extract.language.accusation_words import ACCUSING_RE
from extract.language.accusing_verbs import accusing_verbs

WORDS = [
    "the",
    "mayor",
    "Accused",
    "BLAMED",
    "blame",
    "blameless",
    "sued",
    "Sue",
    "criticized",
    "of",
    "fraud",
    "said",
    "held",
    "holds",
    "Ripping",
    "hit",
    "hits",
    "chiding",
    "council",
    "Daly",
    "Quill",
    "attacked",
]
ODD = ["\u0130", "\u0131", "\u017f", "\u212a", "é", "-", ",", ".", "'", "’", "_", "1", "\n", "  "]


def _spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m["verb"]) for m in matches]  # type: ignore[attr-defined]


def test_the_same_matches_as_the_regex_on_invented_windows() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        parts = [
            rng.choice(WORDS + ODD) if rng.random() < 0.8 else rng.choice(WORDS) + rng.choice(ODD)
            for _ in range(rng.randint(0, 14))
        ]
        text = rng.choice(["", " "]).join(parts) if rng.random() < 0.2 else " ".join(parts)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _spans(accusing_verbs(text, start, end)) == _spans(ACCUSING_RE.finditer(text, start, end)), text


def test_a_window_without_a_verb_has_none_and_one_with_a_verb_has_it() -> None:
    text = "Daly said the plan would cost more. Quill accused Daly of lying."
    assert list(accusing_verbs(text, 0, 35)) == []
    assert [m["verb"] for m in accusing_verbs(text, 36, len(text))] == ["accused"]
    odd = "\u017fued Daly"  # a long s, which a case-blind regex reads as "s"
    assert [m["verb"] for m in accusing_verbs(odd, 0, len(odd))] == ["\u017fued"]
