"""Where a direct quotation's statement begins and ends around the narration next to it, invented text.

PolNeAR (and a reader) takes only the words said: an adjunct after a quoted object (`yelled "Q" at the mayor`)
is the author's.
"""

from __future__ import annotations

import pytest

from extract.language.grounding import trim_span
from extract.language.speech import find_rules


def said(text: str) -> list[tuple[str, str]]:
    """What each candidate of the rules finder says (its span trimmed as a statement's text is), by kind."""
    return [(text[a:b], c.kind) for c in find_rules(text) for a, b in [trim_span(text, c.span)]]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('Ann Roe yelled "You lie!" at the mayor during the meeting on Tuesday.', "You lie!"),
        ('The dockers chanted "Open the gates" until the mayor spoke up.', "Open the gates"),
        ('Half of the farmers said "no opinion" when asked about the new levy.', "no opinion"),
        ('Tom Bell replied "We will see," as he left the council chamber.', "We will see"),
    ],
)
def test_an_adjunct_after_a_quoted_object_is_not_said(text: str, words: str) -> None:
    assert (words, "direct") in said(text)
    assert not any("mayor" in w or "chamber" in w or "levy" in w for w, _ in said(text) if w != words)


def test_a_quotation_that_a_clause_carries_on_keeps_its_words() -> None:
    text = 'Ann Roe said "the port is closed" to the reporters and the crew.'
    assert [kind for w, kind in said(text) if w.endswith("the reporters and the crew")] == ["indirect"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            'Later, Ann Roe turned to the subject of the port: "It is a ton of trouble for us," she said.',
            "It is a ton of trouble for us",
        ),
        ('The members pushed back ("I want my money back," wrote Tom Bell, a docker in Tolu).', "I want my money back"),
    ],
)
def test_narration_before_a_colon_or_bracket_is_not_said(text: str, words: str) -> None:
    assert said(text) == [(words, "direct")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('Ann Roe, who said the plan was "a disaster," left the meeting early.', 'the plan was "a disaster'),
        (
            "Tom Bell, who said the port was closed, the gates locked and the ships gone, spoke on Friday.",
            "the port was closed, the gates locked and the ships gone",
        ),
    ],
)
def test_a_relative_clause_holding_the_cue_ends_where_its_speakers_verb_follows(text: str, words: str) -> None:
    assert said(text) == [(words, "indirect")]


def test_a_comma_inside_the_relative_clause_does_not_close_it() -> None:
    text = "Ann Roe, who said that, if elected, she would close the port, won the vote."
    assert said(text) == [("if elected, she would close the port", "indirect")]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            '"Who can remember how many votes we lost? Is it two?" Ann Roe asks as a porter walks in with a cart.',
            "Who can remember how many votes we lost? Is it two?",
            "Ann Roe",
        ),
        (
            '"The port of Tolu is proud to cast its votes!" Mayor Ann Roe said as she opened the session on Friday.',
            "The port of Tolu is proud to cast its votes!",
            "Mayor Ann Roe",
        ),
    ],
)
def test_a_question_or_exclamation_keeps_its_attribution_before_an_adjunct(text: str, words: str, speaker: str) -> None:
    cands = find_rules(text)
    assert said(text) == [(words, "direct")]
    assert cands[0].speaker == speaker
