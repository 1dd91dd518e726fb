"""What the finder returns (`SpeechCandidate`) and what it builds on the way (`_Raw`, `_Cue`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

Kind = Literal["direct", "indirect"]


@dataclass(frozen=True)
class SpeechCandidate:
    """One stretch of text that someone may have said, with the cue and speaker found next to it.

    Attributes:
        id: 1-based, in text order.
        sentence: Index of the sentence the span starts in.
        span: What was said: the quoted words without quote marks and trailing comma, or the reported clause.
        kind: "direct" when the span is entirely a quotation, else "indirect".
        cue: The reporting words ("said", "told journalists", "described … as"); " … " marks a gap.
        cue_span: From the first to the last character of the cue.
        speaker: The noun phrase naming the speaker, verbatim; None when inherited through `continues`.
        speaker_span: Offsets of `speaker`.
        continues: Id of the candidate whose speaker this bare quotation inherits, else None.
        pieces: The quoted words of a quotation interrupted by its attribution (`"Q1," X said, "Q2."`), one
            span each; `span` runs from the first to the last and holds the attribution. Else `(span,)`.
    """

    id: int
    sentence: int
    span: tuple[int, int]
    kind: Kind
    cue: str | None
    cue_span: tuple[int, int] | None
    speaker: str | None
    speaker_span: tuple[int, int] | None
    continues: int | None
    pieces: tuple[tuple[int, int], ...] = ()




def renumbered(kept: list[SpeechCandidate], added: list[SpeechCandidate]) -> list[SpeechCandidate]:
    """`kept` and `added` in text order, numbered from 1; a `continues` names one of `kept` by its old id."""
    ordered = sorted([*kept, *added], key=lambda c: (c.span[0], c.span[1]))
    new_id = {id(c): n for n, c in enumerate(ordered, 1)}
    by_old = {c.id: new_id[id(c)] for c in kept}
    return [
        replace(c, id=new_id[id(c)], continues=by_old.get(c.continues) if c.continues is not None else None)
        for c in ordered
    ]


def dropping(cands: list[SpeechCandidate], drop: Callable[[SpeechCandidate], bool]) -> list[SpeechCandidate]:
    """The candidates `drop` does not reject, and no continuation of one it does, numbered again from 1.

    `cands` itself when nothing is dropped; the screens after the finders (`narration`, `beside`) use it.
    """
    dropped: set[int] = set()
    kept = []
    for c in cands:
        if drop(c) or (c.continues is not None and c.continues in dropped):
            dropped.add(c.id)
        else:
            kept.append(c)
    if not dropped:
        return cands
    return renumbered(kept, [])  # kept is in text order: renumbered keeps it


@dataclass
class _Raw:
    """A candidate under construction."""

    span: tuple[int, int]
    kind: Kind
    cue_parts: list[tuple[int, int]]
    speaker: tuple[int, int] | None
    anchor: int  # the last sentence this candidate (content or attribution) reaches
    parent: _Raw | None = None
    order: int = 0
    pieces: list[tuple[int, int]] = field(default_factory=list)  # of a quotation interrupted by its attribution

    def join(self, piece: tuple[int, int], anchor: int) -> None:
        """Take the next piece of the same quotation: `"Q1," X said. "Q2."` is one statement."""
        self.pieces = [*(self.pieces or [self.span]), piece]
        self.span = (self.span[0], piece[1])
        self.anchor = max(self.anchor, anchor)



@dataclass
class _Cue:
    """A reporting cue in a sentence, with what was learnt about it."""

    start: int
    end: int
    lemma: str
    form: str
    skip: bool = False
    inherits: bool = False  # a participle ("…, adding that") or coordinated verb ("… and claimed")
    own_subject: bool = False  # a participle with its subject written before it ("with Jo Roe tweeting")
    be_aux: bool = False
    relative: bool = False  # in a relative clause: "Officials who asked not to be named said …"
    parts: list[tuple[int, int]] = field(default_factory=list)
