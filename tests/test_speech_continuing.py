"""Bare quotations after a statement only the learned finder found continue it (`speech.continuing`)."""

from __future__ import annotations

from extract.language.speech import SpeechCandidate
from extract.language.speech.continuing import continue_added
from extract.language.speech.finder import _Finder

TEXT = (
    "The ferry line's chief Ann Roe remained confident that the crossing would reopen.\n\n"
    '"We are hoping we can get things done. The crew is ready and the harbour is clear.\n\n'
    '"The engineers have checked both ramps twice this week."\n\n'
    "The crossing closed in May."
)


def _model_statement(text: str) -> SpeechCandidate:
    """What the model reads in the first sentence (no rule knows "remained confident that")."""
    start = text.index("the crossing would")
    speaker = text.index("Ann Roe")
    return SpeechCandidate(
        id=1, sentence=0, span=(start, text.index(".\n")), kind="indirect", cue="remained confident that",
        cue_span=(text.index("remained"), start - 1), speaker="Ann Roe", speaker_span=(speaker, speaker + 7),
        continues=None,
    )  # fmt: skip


def test_quotation_paragraphs_after_a_model_statement_continue_its_speaker() -> None:
    first = _model_statement(TEXT)
    found = continue_added(TEXT, [first], {1})
    said = [TEXT[c.span[0] : c.span[1]] for c in found]
    assert said[1].startswith("We are hoping") and said[1].endswith("the harbour is clear.")
    assert said[2] == "The engineers have checked both ramps twice this week."
    assert [c.continues for c in found] == [None, 1, 1]
    assert [c.speaker for c in found] == ["Ann Roe", None, None]
    assert "The crossing closed" not in " ".join(said)


def test_a_rules_statement_is_left_to_the_rules() -> None:
    first = _model_statement(TEXT)
    assert continue_added(TEXT, [first], set()) == [first]


def test_a_quotation_its_next_sentence_attributes_is_not_continued() -> None:
    text = TEXT.replace("The crossing closed in May.", "The mayor said.").replace(
        '"We are hoping we can get things done. The crew is ready and the harbour is clear.\n\n', ""
    )
    found = continue_added(text, [_model_statement(text)], {1})
    assert len(found) == 1


def test_bare_quotation_reads_a_quotation_standing_alone_and_not_one_its_next_sentence_attributes() -> None:
    text = 'Ann Roe spoke at the pier.\n\n"The ramps are ready." The mayor said.\n\n"The crew is ready."\n\nIt rained.'
    finder = _Finder(text)
    indexes = {text[s.start : s.end].strip(): s.index for s in finder.sentences}
    assert finder.bare_quotation(indexes["It rained."]) is None  # no quotation
    attributed = next(i for t, i in indexes.items() if t.startswith('"The ramps'))
    assert finder.bare_quotation(attributed) is None  # `"Q." The mayor said.` attributes it itself
    alone = finder.bare_quotation(indexes['"The crew is ready."'])
    assert alone is not None
    (opened, closed), span, last = alone
    assert text[opened:closed] == '"The crew is ready."' and text[span[0] : span[1]] == "The crew is ready."
    assert last == indexes['"The crew is ready."']
