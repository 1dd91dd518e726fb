"""The per-article index of mentions (`mention_index`) answers as reading every actor's every mention does."""

from __future__ import annotations

from extract.language.actors import ActorDraft
from extract.language.attribution import StatementDraft
from extract.language.mention_index import MentionIndex
from extract.language.offering import mentioned_in
from extract.language.speech import SpeechCandidate

TEXT = (
    "Ada Quill met Tom Reed at the pier. "
    '"Reed and the Harbour Board wrecked the ferry plan," Quill told the Gazette on Monday. '
    "The Board declined to comment."
)


def _at(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def _drafts() -> list[ActorDraft]:
    quill = ActorDraft("Ada Quill", "person", ["Quill"], mentions=[_at("Ada Quill"), _at("Quill", 1)])
    reed = ActorDraft("Tom Reed", "person", ["Reed"], mentions=[_at("Tom Reed"), _at("Reed", 1)])
    board = ActorDraft("Harbour Board", "organization", ["Board"], mentions=[_at("Harbour Board"), _at("Board", 1)])
    gazette = ActorDraft("Gazette", "media", mentions=[_at("Gazette")])
    return [quill, reed, board, gazette]


def test_within_gives_the_mentions_inside_a_window_by_start() -> None:
    quill, reed, board, _ = _drafts()
    index = MentionIndex([board, quill, reed])
    sentence = _at('"Reed and the Harbour Board wrecked the ferry plan," Quill told the Gazette')
    assert [(TEXT[s:e], d.name) for s, e, d in index.within(sentence)] == [
        ("Reed", "Tom Reed"), ("Harbour Board", "Harbour Board"), ("Quill", "Ada Quill"),
    ]  # fmt: skip
    assert index.within((sentence[0], _at("Harbour Board")[1] - 1)) == [(*_at("Reed", 1), reed)]  # "Board" cut off


def test_mentioned_in_reads_the_index_as_it_reads_the_actors() -> None:
    drafts = _drafts()
    quill = drafts[0]
    span = _at("Reed and the Harbour Board wrecked the ferry plan")
    candidate = SpeechCandidate(1, 1, span, "direct", "told", _at("told"), "Quill", _at("Quill", 1), None, (span,))
    st = StatementDraft(1, candidate, quill, span)
    plain = mentioned_in(TEXT, st, drafts)
    assert [d.name for d in plain] == ["Tom Reed", "Harbour Board"]  # not the speaker herself
    assert mentioned_in(TEXT, st, drafts, index=MentionIndex(drafts)) == plain
