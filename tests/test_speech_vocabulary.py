"""Verbs and restrictions of the reporting-verb table (`speech/vocabulary.py`), each on invented sentences.

Each row was added because PolNeAR train annotates it as an attribution more often than not; each test fails
without its row in the table.
"""

from __future__ import annotations

import pytest

from extract.language.speech import find_rules


def found(text: str) -> list[tuple[str, str | None, str | None]]:
    """What was said, its cue and its speaker, for each candidate of `text`."""
    return [(text[c.span[0] : c.span[1]], c.cue, c.speaker) for c in find_rules(text)]


# (sentence, what was said, cue, speaker)
OBJECT_VERBS = [
    ("The harbour board cited a survey of two hundred pilots.", "a survey of two hundred pilots", "cited",
     "The harbour board"),
    ("Mayor Ines Vadim proposed a toll on the new ferry route.", "a toll on the new ferry route", "proposed",
     "Mayor Ines Vadim"),
    ("Ines Vadim talked about the cost of the new locks.", "the cost of the new locks", "talked about",
     "Ines Vadim"),
    ("The council discussed a ban on night flights.", "a ban on night flights", "discussed", "The council"),
    ("Ines Vadim pointed to the rising cost of fuel.", "the rising cost of fuel", "pointed to", "Ines Vadim"),
    ("Ines Vadim referred to the ferry contract.", "the ferry contract", "referred to", "Ines Vadim"),
    ("Ines Vadim spoke about the cost of the new locks.", "the cost of the new locks", "spoke about", "Ines Vadim"),
    ("Ines Vadim encouraged the pilots to vote for the plan.", "the pilots to vote for the plan", "encouraged",
     "Ines Vadim"),
]


@pytest.mark.parametrize(("text", "words", "cue", "speaker"), OBJECT_VERBS, ids=[r[2] for r in OBJECT_VERBS])
def test_verbs_whose_object_is_the_content(text: str, words: str, cue: str, speaker: str) -> None:
    assert found(text) == [(words, cue, speaker)]


@pytest.mark.parametrize(
    ("text", "words", "cue"),
    [
        ("Ines Vadim hopes to win back the harbour seat in May.", "to win back the harbour seat in May", "hopes"),
        ("Ines Vadim plans to close the harbour road in May.", "to close the harbour road in May", "plans"),
    ],
)
def test_hoping_or_planning_to_do_something_is_said_like_a_promise(text: str, words: str, cue: str) -> None:
    assert found(text) == [(words, cue, "Ines Vadim")]


# Weak verbs: a cue only before "that" or a clause.
WEAK = [
    ("Ines Vadim made it clear that the harbour would stay open.", "the harbour would stay open", "made it clear",
     "Ines Vadim"),
    ("The harbour board estimated that repairs would cost four million.", "repairs would cost four million",
     "estimated", "The harbour board"),
    ("Ines Vadim reminded reporters that the harbour closes at dusk.", "the harbour closes at dusk",
     "reminded reporters", "Ines Vadim"),
    ("The harbour board recommended that the locks be rebuilt.", "the locks be rebuilt", "recommended",
     "The harbour board"),
    ("Investigators learned that the harbour master had lied.", "the harbour master had lied", "learned",
     "Investigators"),
    ("The court determined that the harbour master had lied.", "the harbour master had lied", "determined",
     "The court"),
]


@pytest.mark.parametrize(("text", "words", "cue", "speaker"), WEAK, ids=[r[2] for r in WEAK])
def test_weak_verbs_before_a_clause(text: str, words: str, cue: str, speaker: str) -> None:
    assert found(text) == [(words, cue, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "The harbour board planned a new quay.",
        "The harbour board estimated the damage.",
        "Ines Vadim made clear rules.",
        "Ines Vadim learned to sail in Tolu.",
        "Ines Vadim was determined to win.",
    ],
)
def test_weak_verbs_without_a_clause_report_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The council responded by closing the harbour road.",
        "The council responded with a lawsuit of its own.",
        "Ines Vadim felt like the harbour was slipping away.",
        "Nobody asked about the harbour road at the meeting.",
    ],
)
def test_responding_by_doing_feeling_like_or_asking_about_reports_nothing(text: str) -> None:
    assert found(text) == []


# A share of those polled standing alone as the speaker (`phrases._SHARE_SUBJECT_RE`), and "however" between a
# speaker and the verb.
SHARES = [
    ("Some said they had left the port.", "they had left the port", "Some"),
    ("Nearly half said they prefer the old port.", "they prefer the old port", "Nearly half"),
    ("Six in 10 said they want a new port.", "they want a new port", "Six in 10"),
    ("One in five say the port will close.", "the port will close", "One in five"),
    ('Yet another said, "The port is a mess."', "The port is a mess.", "Yet another"),
    ("47% say the port should close.", "the port should close", "47%"),
    ("Ines Vadim however said she would stay.", "she would stay", "Ines Vadim"),
    ("But opponents say the toll will fail.", "the toll will fail", "opponents"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), SHARES, ids=[r[2] for r in SHARES])
def test_a_share_of_those_polled_is_a_speaker(text: str, words: str, speaker: str) -> None:
    ((said, _cue, who),) = found(text)
    assert (said, who) == (words, speaker)


def test_a_share_inside_a_longer_phrase_is_no_speaker_on_its_own() -> None:
    assert found("Officials in some of the ports said they had closed.") == [
        ("they had closed", "said", "Officials in some of the ports")
    ]


def test_a_verb_joined_by_but_after_its_auxiliary_is_a_second_attribution() -> None:
    text = "Ines Vadim has praised the toll but has said she will not raise it."
    assert found(text) == [
        ("the toll", "praised", "Ines Vadim"),
        ("she will not raise it", "said", "Ines Vadim"),
    ]


# Speaking verbs any news desk uses, missing from the table before session 16 (see bench/results/finder-vocabulary.md).
NEWS_DESK_VERBS = [
    ('"The bridge will open in May," groused Ines Vadim.', "The bridge will open in May", "groused", "Ines Vadim"),
    ('"We will not pay," muttered one pilot.', "We will not pay", "muttered", "one pilot"),
    ('"Keep the lights on," whispered Ines Vadim.', "Keep the lights on", "whispered", "Ines Vadim"),
    ("Ines Vadim recounted that the ferry had sunk twice.", "the ferry had sunk twice", "recounted", "Ines Vadim"),
    ("Ines Vadim speculated that the toll would fall.", "the toll would fall", "speculated", "Ines Vadim"),
    ("Ines Vadim bragged that the port never closed.", "the port never closed", "bragged", "Ines Vadim"),
    ("Ines Vadim railed against the new toll on the bridge.", "the new toll on the bridge", "railed against",
     "Ines Vadim"),
    ("The mayor derided the toll as a gift to landlords.", "the toll as a gift to landlords", "derided",
     "The mayor"),
    ("Ines Vadim vouched for the new harbour master.", "the new harbour master", "vouched for", "Ines Vadim"),
    ("The harbour board cites a survey of pilots.", "a survey of pilots", "cites", "The harbour board"),
    ("Ines Vadim voiced support for the new toll.", "support for the new toll", "voiced", "Ines Vadim"),
    ("The court ordered the release of the harbour audit.", "the release of the harbour audit", "ordered",
     "The court"),
    ("The board deemed the audit confidential.", "the audit confidential", "deemed", "The board"),
    ("The pilots are hoping that the toll will fall.", "the toll will fall", "hoping", "The pilots"),
]


@pytest.mark.parametrize(("text", "words", "cue", "speaker"), NEWS_DESK_VERBS, ids=[r[2] for r in NEWS_DESK_VERBS])
def test_news_desk_speaking_verbs(text: str, words: str, cue: str, speaker: str) -> None:
    assert found(text) == [(words, cue, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "Ines Vadim whispered to her son and left the hall.",
        "The ferry snapped its mooring lines in the storm.",
        "Ines Vadim bragged about her boat.",
    ],
)
def test_a_manner_of_speaking_verb_reports_nothing_without_that_a_colon_or_a_quotation(text: str) -> None:
    assert found(text) == []
