"""A reporting verb in a sense that is not speech (`speech.narration`, the finder's screen): sports and business
narration on general news read as statements. Every sentence is invented."""

from __future__ import annotations

import pytest

from extract.language.speech import find_rules, find_speech
from extract.language.speech.candidates import SpeechCandidate
from extract.language.speech.narration import narrated


def _pairs(text: str) -> list[tuple[str | None, str]]:
    """(speaker, words said) of every candidate of the shipped finder."""
    return [(c.speaker, text[c.span[0] : c.span[1]]) for c in find_speech(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The goalkeeper Tom Hale denied Ben Carr a free shot at goal from a long cross.",
        "The referee denied them access to the dressing room after the match.",
        "The Hawks called for a timeout and the players rushed onto the floor.",
        "The Reds have been guilty of conceding a number of soft goals this season.",
        "Tolu United claimed the title with a win over Harbour Town on Sunday.",
        "The storm claimed the lives of four fishermen off the Tolu coast.",
        "Ann Roe signaled the launch of the inquiry in remarks on Tuesday at a trade fair in Oslo.",
        "Many in the crowd chanted his name as he walked off the pitch.",
        "Ben Carr added 14 points and nine rebounds for the Hawks.",
        "The Tolu index added 38.25 points, 1.2 percent, in thin trading.",
        "Ann Roe scored 21 points to lead the Hawks past the Reds.",
        "The harbour bank wrote off $2 billion of bad loans last year.",
        "The flood claimed up to 40 lives in the valley.",
        "Tolu colleges make up the shortfall by admitting more foreign students.",
        # General news (L3S-GN1): a side's tallies and a copula before a noun phrase.
        "Tolu United claimed a 34-20 victory over the Reds at home.",
        "Ben Carr claimed 3-51 in ten overs for the Reds.",
        "Ann Roe added her second on the hour mark.",
        "Tolu's Ann Roe added Harbour's second after 68 minutes.",
        "Tom Hale added 14 for the Reds.",
        "Bo Lin added the overtime game winner as the Hawks rallied.",
        "The Hawks erupted for 22 unanswered points to keep their season alive.",
        "Ben Carr slammed the ball off the post in the first half.",
        "Bo Lin blasted four sixes in an hour.",
        "Tom Hale claimed his third consecutive TFL MVP award.",
    ],
)
def test_a_reporting_verb_whose_object_is_an_act_or_a_tally_reports_nothing(text: str) -> None:
    assert _pairs(text) == []
    assert [text[c.span[0] : c.span[1]] for c in find_rules(text)] == []


def test_the_same_verbs_before_what_was_said_still_report_it() -> None:
    text = (
        "Ann Roe denied the allegations. Tom Hale denied Bo Lin had a role in the deal. "
        "Ann Roe called for a ban on ferries at night. Tom Hale claimed the points system was rigged. "
        "Bo Lin conceded that the harbour plan had failed. Ann Roe called on ministers to add penalties for fraud. "
        "Tom Hale added that the points were unfair. Bo Lin admitted to the panel that she had lied. "
        "Ann Roe claimed victory in the Tolu primary. The port added 151,000 jobs in July."
    )
    assert _pairs(text) == [
        ("Ann Roe", "the allegations"),
        ("Tom Hale", "Bo Lin had a role in the deal"),
        ("Ann Roe", "a ban on ferries at night"),
        ("Tom Hale", "the points system was rigged"),
        ("Bo Lin", "the harbour plan had failed"),
        ("Ann Roe", "ministers to add penalties for fraud"),
        ("Tom Hale", "the points were unfair"),
        ("Bo Lin", "she had lied"),
        ("Ann Roe", "victory in the Tolu primary"),
        ("The port", "151,000 jobs in July"),
    ]


def test_a_participle_after_without_was_not_said() -> None:
    text = "Without commenting on the row, Tom Hale said the board must act."
    assert _pairs(text) == [("Tom Hale", "the board must act")]


def test_a_reporting_word_after_a_past_tense_verb_is_its_object_a_noun() -> None:
    text = "The annual summit this year generated pledges to fight poverty in Tolu."
    assert _pairs(text) == []


@pytest.mark.parametrize(
    ("text", "cue", "said", "narration"),
    [
        ("Bo Lin posted a 3-0-1 record for the Reds.", "posted", "a 3-0-1 record for the Reds", True),
        ("Bo Lin posted that the Reds had won.", "posted", "the Reds had won", False),
        ("The carmaker showed off its new van.", "showed", "off its new van", True),
        ("The old ferry seems a major cause of the crash.", "seems", "a major cause of the crash", True),
        ("Bo Lin seemed to blame the ferry for the crash.", "seemed", "to blame the ferry for the crash", False),
    ],
)
def test_a_candidate_whose_words_after_its_cue_narrate_an_act_is_narration(
    text: str, cue: str, said: str, narration: bool
) -> None:
    at, start = text.index(cue), text.index(said)
    cand = SpeechCandidate(id=1, sentence=0, span=(start, start + len(said)), kind="indirect", cue=cue,
                           cue_span=(at, at + len(cue)), speaker="Bo Lin", speaker_span=(0, 6), continues=None)
    assert narrated(text, cand) is narration
