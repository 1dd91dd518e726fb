"""Where reported speech around "told", "called" and a participle begins, ends and whose it is: classes found
in PolNeAR train's missed direct quotations, each on invented sentences."""

from __future__ import annotations

import pytest

from extract.language.speech import SpeechCandidate, find_rules


def only(text: str) -> SpeechCandidate:
    cands = find_rules(text)
    assert len(cands) == 1, [(text[c.span[0] : c.span[1]], c.speaker) for c in cands]
    return cands[0]


def said(text: str) -> str:
    c = only(text)
    return text[c.span[0] : c.span[1]]


@pytest.mark.parametrize(
    ("text", "words", "cue"),
    [
        # An addressee the name reader does not read runs to the "that" opening what was told.
        ('Ann Roe told conservative radio host Bo Lind on Monday that the levy was "a mistake."',
         'the levy was "a mistake."', "told conservative radio host Bo Lind on Monday"),
        ("Ann Roe is telling diners at a busy harbor cafe that she needs their votes.", "she needs their votes",
         "telling diners at a busy harbor cafe"),
    ],
)
def test_a_long_addressee_before_that_is_the_cue_s(text: str, words: str, cue: str) -> None:
    c = only(text)
    assert (text[c.span[0] : c.span[1]], c.cue, c.speaker) == (words, cue, "Ann Roe")


@pytest.mark.parametrize(
    "text",
    [
        "Ann Roe told angry dock workers she knew that the levy was a mistake.",  # a clause, its own "that"
        "Ann Roe told the story of the old harbor that her father built.",  # a thing told, its relative clause
    ],
)
def test_a_clause_or_a_thing_told_before_that_stays_said(text: str) -> None:
    assert said(text).startswith(("angry dock workers", "the story"))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # What follows a naming verb's quotation is not what it named: an appositive, a new verb.
        ('Ann Roe called the levy "a mistake," a rare rebuke of her own party.', 'the levy "a mistake,"'),
        ('Ann Roe called the mayor a "liar" and walked out of the hall.', 'the mayor a "liar"'),
        ('Ann Roe called the mayor a "liar"; her rivals stayed silent.', 'the mayor a "liar"'),
        # ... but more of its objects are.
        ('Ann Roe called the mayor a "liar" and "a fraud."', 'the mayor a "liar" and "a fraud."'),
        ('Ann Roe called the mayor "a liar" and someone who "cannot be trusted."',
         'the mayor "a liar" and someone who "cannot be trusted."'),
        ('Ann Roe called the plan "a disaster" for the harbor.', 'the plan "a disaster" for the harbor'),
    ],
)
def test_a_naming_verb_says_its_quotations_and_their_object(text: str, words: str) -> None:
    assert said(text) == words


def test_a_participle_after_then_and_a_pronoun_is_the_pronoun_s() -> None:
    text = 'Then she turned to the mayor, calling him a "liar."'
    c = only(text)
    assert (text[c.span[0] : c.span[1]], c.cue, c.speaker) == ('him a "liar."', "calling", "she")


def test_a_quotation_opening_a_sentence_of_narration_continues_the_one_before() -> None:
    """`"Q1," said X, an adviser. "Q2," which …`: the quoted words go on in the same voice, a second piece."""
    text = (
        '"The harbor is in good shape whatever the vote," said Bo Lind, an adviser to the mayor. '
        '"We can win enough seats in the east to catch up," which votes in June.\n\nThe count went on.'
    )
    c = only(text)
    assert [text[a:b] for a, b in c.pieces] == [
        "The harbor is in good shape whatever the vote",
        "We can win enough seats in the east to catch up",
    ]
    assert c.speaker == "Bo Lind"


def test_a_quotation_opening_narration_in_a_new_paragraph_is_no_one_s() -> None:
    text = (
        '"The harbor is in good shape whatever the vote," said Bo Lind, an adviser to the mayor.\n\n'
        '"We can win enough seats in the east to catch up," which votes in June.'
    )
    assert len(find_rules(text)) == 1
