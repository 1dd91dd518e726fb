"""The rules and the learned finder together: the model vets the rules' candidates and adds what they miss.

The thresholds were chosen on half of PolNeAR train with a model trained on the other half
(`bench/train_finder.py --half`, `bench/tune_finder.py`; table in bench/results/finder-tuning.md), as the pair
that adds the most matched statements while keeping the rules' precision; dev was only read for the figures in
bench/results/statements-polnear.md.
"""

from __future__ import annotations

from dataclasses import replace

from extract.language.speech.candidates import SpeechCandidate
from extract.language.speech.finder import find_rules
from extract.language.speech.learned import Tagged, known_cue, scored, tag

#: A statement only the model found is added when the model holds its words to be content at least this surely.
ADD_CONFIDENCE = 0.8
#: ... or at least this surely when its cue is a reporting verb of the rules' verb table (`vocabulary`).
ADD_KNOWN_CUE = 0.8
#: A rules candidate whose words the model holds to be content less surely than this is dropped.
VETO_CONFIDENCE = 0.1


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
    A continuation whose quotation was vetoed goes with it.
    """
    kept: list[SpeechCandidate] = []
    dropped: set[int] = set()
    for c in rules:
        if (c.continues is not None and c.continues in dropped) or tagged.content_probability(
            c.pieces or (c.span,)
        ) < veto:
            dropped.add(c.id)
        else:
            kept.append(c)
    taken = [c.span for c in rules]
    extra = [
        c
        for c, p in scored(text, tagged)
        if (p >= add or (p >= add_known and known_cue(c.cue)))
        and not any(a < c.span[1] and c.span[0] < b for a, b in taken)
    ]
    ordered = sorted([*kept, *extra], key=lambda c: (c.span[0], c.span[1]))
    new_id = {id(c): n for n, c in enumerate(ordered, 1)}
    by_old = {c.id: new_id[id(c)] for c in kept}
    return [
        replace(c, id=new_id[id(c)], continues=by_old.get(c.continues) if c.continues is not None else None)
        for c in ordered
    ]


def find_combined(text: str) -> list[SpeechCandidate]:
    """Candidates of the rules vetted by the learned finder, and the learned finder's own (see `union`)."""
    rules = find_rules(text)
    return union(text, rules, tag(text, wanted=[piece for c in rules for piece in (c.pieces or (c.span,))]))
