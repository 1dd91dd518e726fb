"""Quotations attributed by their shape alone (a comma setting them off from their speaker's clause), invented text.

A verb not in the reporting table ("sings", "retaliated", "went on") still attributes a whole quotation set off
by a comma; a scare-quoted phrase, a title or a quotation with no subject next to it is not said by anyone.
"""

from __future__ import annotations

import pytest

from extract.language.speech import SpeechCandidate, find_rules


def said(text: str, c: SpeechCandidate) -> str:
    return text[c.span[0] : c.span[1]]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ('In her old ballad, Mira Castell sings, "Nobody owns the river."', "Nobody owns the river.", "Mira Castell"),
        (
            'On the last night, Ilse Brandt hummed, "Sleep now, little harbour."',
            "Sleep now, little harbour.",
            "Ilse Brandt",
        ),
        ('"The harbour will open again," an angry Tomas Verhoek retaliated.', "The harbour will open again", None),
        (
            '"We will rebuild every pier. It will take years," he went on.',
            "We will rebuild every pier. It will take years",
            "he",
        ),
        (
            'And then Verhoek went on the attack, saying, "The council sold the port for nothing!"',
            "The council sold the port for nothing!",
            "Verhoek",
        ),
    ],
)
def test_a_set_off_quotation_is_said_whatever_the_verb(text: str, words: str, speaker: str | None) -> None:
    cands = find_rules(text)
    assert [said(text, c) for c in cands] == [words]
    assert cands[0].kind == "direct"
    assert cands[0].speaker is not None
    if speaker is not None:
        assert cands[0].speaker == speaker
    for part in (cands[0].cue_span, cands[0].speaker_span):  # only the words said
        assert part is not None and not (part[0] < cands[0].span[1] and cands[0].span[0] < part[1])


@pytest.mark.parametrize(
    "text",
    [
        'The mayor fixated on one word, "resilience."',  # a phrase, not a clause said
        'The film, "Harbour Lights," opened on Friday.',  # a title inside the sentence
        'In the end, "the port is ours" became a slogan of the strike.',  # no capital: a phrase quoted
        '"Harbour Lights," a film about the strike, premiered in Tolu on Friday.',  # a title, then a long phrase
    ],
)
def test_a_quoted_phrase_or_title_is_not_said(text: str) -> None:
    assert find_rules(text) == []


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            'The council met at noon. From Ilse Brandt\'s statement: "The harbour stays open all winter."',
            "The harbour stays open all winter.",
            "Ilse Brandt",
        ),
        (
            'The strike divided the town - Tomas Verhoek: "Nobody here wanted the port to close."',
            "Nobody here wanted the port to close.",
            "Tomas Verhoek",
        ),
    ],
)
def test_a_colon_introduces_the_words_of_the_source_named_before_it(text: str, words: str, speaker: str) -> None:
    cands = find_rules(text)
    direct = [c for c in cands if c.kind == "direct"]
    assert [(said(text, c), c.speaker) for c in direct] == [(words, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        'Then came the laugh line: "I would do it myself."',  # nobody named before the colon
        'In Tolu Harbour: "The talks go on."',  # a place set off by no dash, no owner
    ],
)
def test_a_colon_after_no_source_attributes_nothing(text: str) -> None:
    assert find_rules(text) == []


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            'The claims were checked.\n\n"Every pier in Tolu was sold at a loss."\n\n- Ilse Brandt.\n\nThat is wrong.',
            "Every pier in Tolu was sold at a loss.",
            "Ilse Brandt",
        ),
        (
            'Quotable.\n\n"The port is open. The cranes are moving."\n\n-Mayor Tomas Verhoek, speaking on radio.\n',
            "The port is open. The cranes are moving.",
            "Mayor Tomas Verhoek",
        ),
    ],
)
def test_a_quotation_paragraph_signed_by_a_dash_and_a_name_is_theirs(text: str, words: str, speaker: str) -> None:
    cands = find_rules(text)
    assert [(said(text, c), c.speaker) for c in cands] == [(words, speaker)]


def test_a_dash_line_without_a_name_signs_nothing() -> None:
    assert find_rules('The claims were checked.\n\n"Every pier was sold at a loss."\n\n- 2016.\n') == []


def test_a_paragraph_opening_with_a_closing_mark_opens_a_quotation() -> None:
    text = "The mayor spoke last.\n\n\u201d \u2026 the harbour is ours again,\u201d she said on Monday."
    cands = find_rules(text)
    assert [(said(text, c), c.speaker, c.kind) for c in cands] == [
        ("\u2026 the harbour is ours again", "she", "direct")
    ]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            '"We will reopen every pier," Mayor Ilse Brandt said in an interview on Harbour TV\'s "Dockside" Sunday.',
            "We will reopen every pier",
            "Mayor Ilse Brandt",
        ),
        (
            '"Tolls must fall," said Tomas Verhoek of the "Morning Ferry" podcast.',
            "Tolls must fall",
            "Tomas Verhoek",
        ),
        (
            '"If we want riders back, we have to lower fares," wrote the authors of the "Port Renewal Plan," a report.',
            "If we want riders back, we have to lower fares",
            "the authors",
        ),
    ],
)
def test_a_quoted_title_after_the_speaker_is_not_what_was_said(text: str, words: str, speaker: str) -> None:
    """A title in quotation marks after the attribution, not set off by a comma, names a show or report."""
    cands = find_rules(text)
    assert [(said(text, c), c.speaker, c.kind) for c in cands] == [(words, speaker, "direct")]
