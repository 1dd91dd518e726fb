"""The finder's last step: the candidates under construction become numbered `SpeechCandidate`s in text order."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from extract.language.speech.candidates import SpeechCandidate, _Raw


def number(text: str, raws: list[_Raw], sentence_of: Callable[[int], int]) -> list[SpeechCandidate]:
    """Drop duplicate spans, sort, number and resolve continuations to the first quotation of their chain."""
    unique: dict[tuple[int, int], _Raw] = {}
    for order, raw in enumerate(raws):
        raw.order = order
        unique.setdefault(raw.span, raw)
    ordered = sorted(unique.values(), key=lambda r: (r.span[0], r.span[1], r.order))
    ids = {id(raw): n for n, raw in enumerate(ordered, start=1)}
    for raw in raws:  # a duplicate answers to the id of the candidate kept in its place
        ids.setdefault(id(raw), ids[id(unique[raw.span])])
    out: list[SpeechCandidate] = []
    for raw in ordered:
        parent = raw.parent
        while parent is not None and parent.parent is not None:
            parent = parent.parent
        cue: str | None = None
        cue_span: tuple[int, int] | None = None
        if raw.cue_parts:
            cue = cue_text(text, raw.cue_parts)
            cue_span = (raw.cue_parts[0][0], raw.cue_parts[-1][1])
        out.append(
            SpeechCandidate(
                id=ids[id(raw)],
                sentence=sentence_of(raw.span[0]),
                span=raw.span,
                kind=raw.kind,
                cue=cue,
                cue_span=cue_span,
                speaker=text[raw.speaker[0] : raw.speaker[1]] if raw.speaker else None,
                speaker_span=raw.speaker,
                continues=ids.get(id(parent)) if parent is not None else None,
                pieces=tuple(raw.pieces) or (raw.span,),
            )
        )
    return out


def cue_text(text: str, parts: list[tuple[int, int]]) -> str:
    """The cue's words; parts separated by more than punctuation are joined with " … "."""
    pieces = [text[parts[0][0] : parts[0][1]]]
    for (_, prev_end), (start, end) in itertools.pairwise(parts):
        gap = text[prev_end:start]
        pieces.append((gap if not re.search(r"\w", gap) else " … ") + text[start:end])
    return re.sub(r"\s+", " ", "".join(pieces))
