"""Words the finder must not report as said, or not by that speaker (issue 13, precision; bench/statement_errors.py
--false-positives, classes `no gold content near` and `nested speech`). Every sentence is invented."""

from __future__ import annotations

from extract.language.speech import find_speech


def _pairs(text: str) -> list[tuple[str | None, str]]:
    """(speaker, words said) of every candidate."""
    return [(c.speaker, text[c.span[0] : c.span[1]]) for c in find_speech(text)]


def test_a_clause_between_commas_before_an_inverted_cue_is_what_was_said_not_an_appositive() -> None:
    text = (
        "In a season when tax cuts sell well with voters, candidates have more room to drop the levy, "
        "said Ann Roe, a Tolu strategist working for a rival campaign."
    )
    pairs = _pairs(text)
    assert ("voters", "Ann Roe, a Tolu strategist working for a rival campaign") not in pairs
    assert [speaker for speaker, _ in pairs] == ["Ann Roe"]
