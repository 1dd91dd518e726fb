"""A lower-case role before a speaker's name ("running back Ann Roe said"): the quotation is the name's.

General news writes roles in lower case where PolNeAR writes titles ("league commissioner", "running back",
"centre"); the descriptor belongs to the attribution, so the quotation before it is still attributed.
"""

from __future__ import annotations

import pytest

from extract.language.speech import find_rules
from extract.language.speech.phrases import _descriptors

QUOTE = '"We never stopped believing in this team,"'


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("league commissioner Ada Brunt said in a statement.", "league commissioner Ada Brunt"),
        ("running back Tom Kessler said after the game.", "running back Tom Kessler"),
        ("said running back Tom Kessler.", "running back Tom Kessler"),
        ("said centre Mark Ilves amid the noise of the locker room.", "centre Mark Ilves"),
        ("said defending champion Lena Oster.", "defending champion Lena Oster"),
    ],
)
def test_a_quotation_before_a_lower_case_role_is_the_named_speakers(attribution: str, speaker: str) -> None:
    text = f"{QUOTE} {attribution}"
    (candidate,) = find_rules(text)
    assert candidate.speaker == speaker
    assert candidate.kind == "direct"
    assert text[candidate.span[0] : candidate.span[1]] == "We never stopped believing in this team"


def test_a_role_descriptor_does_not_swallow_a_verb_or_a_clause() -> None:
    assert _descriptors(["running", "back", "Tom", "Kessler"]) == 2
    assert _descriptors(["then", "Tom", "Kessler"]) == 0  # an adverb is no role
    text = f"{QUOTE} said Tom Kessler, who scored twice."
    (candidate,) = find_rules(text)
    assert candidate.speaker == "Tom Kessler"


def test_a_verb_after_an_inverted_speaker_still_opens_a_reported_clause() -> None:
    (candidate,) = find_rules("The coach said Tom Kessler has never played better.")
    assert candidate.speaker == "The coach"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ivo Ross was taken to hospital with a broken arm, which was not serious, said ward director Ada Brunt.",
         "ward director Ada Brunt"),
        ("The storm, which hit the coast overnight, left thousands without power, said Ada Brunt.", "Ada Brunt"),
    ],
)
def test_a_name_closing_the_sentence_after_said_is_the_speaker_not_the_clause_before(
    sentence: str, speaker: str
) -> None:
    (candidate,) = find_rules(sentence)
    assert candidate.speaker == speaker
    said = sentence[candidate.span[0] : candidate.span[1]]
    assert candidate.span[0] == 0 and "said" not in said and "Brunt" not in said


def test_a_speaker_before_said_stays_when_a_date_or_a_clause_follows() -> None:
    assert [c.speaker for c in find_rules("Ann Roe, a lawyer, said Tuesday that the deal was off.")] == ["Ann Roe"]
    assert [c.speaker for c in find_rules("Ann Roe, a lawyer, said she would appeal.")] == ["Ann Roe"]


def test_an_addressee_or_a_clause_after_the_verb_is_no_closing_speaker() -> None:
    told = find_rules('"I will not back down," Walden, who has not endorsed anyone, told The Courier.')
    assert [c.speaker for c in told] == ["Walden"]
    clause = find_rules("Ted Raskin, who has refused to endorse anyone, said the Ruiz family deserved better.")
    assert [c.speaker for c in clause] == ["Ted Raskin"]

