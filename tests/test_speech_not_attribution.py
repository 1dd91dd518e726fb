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


def test_a_comma_inside_a_figure_is_no_appositive_before_an_inverted_cue() -> None:
    text = "Fans will hand out 20,000 leaflets while flying 300 flags along the route, said Ann Roe, a director."
    assert _pairs(text) == [("Ann Roe", "Fans will hand out 20,000 leaflets while flying 300 flags along the route")]


def test_a_reporting_verb_before_a_particle_that_makes_it_another_verb_reports_nothing() -> None:
    text = (
        "Ann Roe won the Tolu primary on Tuesday, adding to her lead over Bo Lin in the race for the nomination. "
        "The mayor added to his portfolio of ferries by buying two more boats in the spring. "
        "Her excuses did not add up to a plan for the harbour. "
        "Dozens of people who declared for mayor have come from the same small party."
    )
    assert _pairs(text) == []


def test_a_relative_clause_after_an_inverted_speaker_describes_the_speaker_and_was_not_said() -> None:
    text = (
        "The harbour plan will pass by a wide margin, said one former council member who requested anonymity "
        "to avoid damaging his business with the port."
    )
    said = [words for _, words in _pairs(text)]
    assert said == ["The harbour plan will pass by a wide margin"]
