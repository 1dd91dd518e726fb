"""The model and the rules read the words said, not the attribution between a statement's parts.

`"Q1," X said, an adviser to Y. "Q2."` is one statement whose words are Q1 and Q2 (`StatementDraft.said`): the
accusation rows, the closed questions and the judge's word readers see those, so the speaker, an employer or an
outlet named in between is not offered as what the words say. Invented sentences only.
"""

from __future__ import annotations

import pytest

from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run
from tests.test_verify import _checking_round

ADVISER = (
    'Harbour Row\n\n"Verra Holdings paid bribes to win the contract," said Ada Quill, an adviser to Mayor Lena Osk. '
    '"They hid the money from the board."\n'
)
ADVISER_ACTORS = {"Ada Quill": "person", "Verra Holdings": "organization", "Lena Osk": "person"}
SAID = "Verra Holdings paid bribes to win the contract They hid the money from the board."


def test_the_accusation_row_holds_the_words_said_without_their_attribution() -> None:
    _, statements, _, prompt, _ = _run(ADVISER, ADVISER_ACTORS)
    assert [s.text for s in statements] == [SAID]
    row = [line for line in prompt.splitlines() if line.startswith("s1. [Ada Quill]")]
    assert row == [f"s1. [Ada Quill] (names: Verra Holdings, Lena Osk) {SAID}"]  # no "said Ada Quill, an adviser"


def test_the_closed_question_quotes_the_words_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACT_CHECK_ACCUSATIONS", "1")
    monkeypatch.setattr("tests.test_verify.TEXT", ADVISER)
    monkeypatch.setattr("tests.test_verify.ACTORS", ADVISER_ACTORS)
    monkeypatch.setattr("tests.test_verify.LABELS", {"s1": {"accused": ["Verra Holdings"], "category": "corruption"}})
    prompt, keys = _checking_round()
    assert keys == ["q1"]
    assert f'q1. Ada Quill said: "{SAID}" -- Does Ada Quill say that Verra Holdings did something wrong?' in prompt


def test_a_name_only_in_the_attribution_is_not_taken_as_the_accused() -> None:
    """The model's label names the speaker's employer, named only between the parts: the words accuse Verra."""
    actors, _, allegations, _, _ = _run(ADVISER, ADVISER_ACTORS,
                                        {"s1": {"accused": ["Lena Osk"], "category": "corruption"}})
    assert who_accuses_whom(actors, allegations) == [(["Ada Quill"], ["Verra Holdings"])]


def test_whom_the_attribution_says_the_words_are_about_is_accused() -> None:
    """'"They hid the money," Quill said of Verra Holdings': the words are about Verra, whom they blame."""
    text = ('Harbour Row\n\n"They hid the money from the board," Senator Ada Quill said of Verra Holdings. '
            '"It was a disgrace."\n')
    actors, _, allegations, _, _ = _run(text, {"Ada Quill": "person", "Verra Holdings": "organization"},
                                        {"s1": {"accused": ["Verra Holdings"], "category": "other"}})
    assert who_accuses_whom(actors, allegations) == [(["Ada Quill"], ["Verra Holdings"])]


def test_a_wrong_named_in_the_attribution_gives_the_claim_no_category() -> None:
    """"who studies hacking" describes the speaker: the words charge broken promises, not a cyberattack."""
    text = ('Harbour Row\n\n"Verra Holdings broke every promise it made," said Ada Quill, who studies hacking at the '
            'Harbour Institute. "It misled the whole port."\n')
    actors = {"Ada Quill": "person", "Verra Holdings": "organization", "Harbour Institute": "organization"}
    _, _, allegations, _, _ = _run(text, actors, {"s1": {"accused": ["Verra Holdings"], "category": "other"}})
    assert [a.category for a in allegations] == ["disinformation"]


def test_a_title_the_attribution_quotes_joins_no_two_charges() -> None:
    """Both quotations were said on "Harbour Hour": bribes and dumped waste are still two charges, not one claim."""
    text = ('Harbour Row\n\n"Verra Holdings paid bribes to the port board," Ada Quill said on "Harbour Hour." '
            '"It is a scandal."\n\nThe port opened a new dock in May. '
            'Lena Osk said the dock cost less than planned.\n\n'
            '"Verra Holdings also dumped waste in the river," Ada Quill said on "Harbour Hour." "The fish died."\n')
    actors = {"Ada Quill": "person", "Verra Holdings": "organization", "Lena Osk": "person"}
    labels = {"s1": {"accused": ["Verra Holdings"], "category": "corruption"},
              "s3": {"accused": ["Verra Holdings"], "category": "other"}}
    _, _, allegations, _, _ = _run(text, actors, labels)
    assert [a.evidence for a in allegations] == [["S1"], ["S3"]]
