"""Whom "he said" goes to: the subject of the sentence before, not a person it only acted on (issue 13)."""

from __future__ import annotations

import sys
from pathlib import Path

from extract.output.gold import Gold
from extract.pipeline import attributed

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from pronoun_speakers import gold_speaker_of, is_pronoun_phrase


def _speakers(text: str) -> list[tuple[str, str]]:
    """(speaker, words) of each statement, as the pipeline attributes them before asking the model."""
    stmts, _ = attributed(text, [], [])
    return [(st.speaker.name, text[st.span[0] : st.span[1]]) for st in stmts]


def test_he_said_is_the_subject_of_the_sentence_before_not_whom_it_hired() -> None:
    text = (
        "Mill Deal\n\nGeorge Palmer hired Robert Klein as his deputy last year, after a long search.\n\n"
        "\"We are a strong team and the mill will stay open,\" he said.\n"
    )
    assert _speakers(text)[-1] == ("George Palmer", "We are a strong team and the mill will stay open")


def test_a_name_that_only_modifies_the_subject_is_not_the_subject() -> None:
    text = (
        "Mill Deal\n\nGeorge Palmer's deputy, Robert Klein, met the workers of Frank Hale on Monday.\n\n"
        "\"The mill will stay open,\" he said.\n"
    )
    assert _speakers(text)[-1][0] == "Robert Klein"  # not Palmer, whose deputy he is, nor Hale, whom he met


def test_the_speaker_of_an_inverted_attribution_keeps_the_pronoun() -> None:
    text = (
        "Mill Deal\n\nRobert Klein is not only honest, he is also the ablest manager George Palmer argues.\n\n"
        "\"He has never lost a contract,\" he said.\n"
    )
    assert _speakers(text)[-1] == ("George Palmer", "He has never lost a contract")


def test_whom_the_quotation_speaks_of_is_not_its_speaker() -> None:
    text = (
        "Mill Deal\n\nFrank Hale convinced George Palmer to take the job and the old manager hopes to win.\n\n"
        "\"Frank Hale is a persuasive man,\" he said.\n"
    )
    assert _speakers(text)[-1][0] == "George Palmer"


def test_he_said_after_an_unnamed_spokesman_is_the_spokesman() -> None:
    text = (
        "Ship Freed\n\nA grain ship that ran aground off Porthallow has been pulled free, the harbour board said.\n\n"
        "Two tugs dragged the vessel off the bank and are towing it to a mooring, a spokesman said.\n\n"
        "He said: \"I am glad the operation has been a success. Inspectors will board the ship tonight.\"\n"
    )
    assert _speakers(text)[-1] == (
        "a spokesman", "I am glad the operation has been a success. Inspectors will board the ship tonight."
    )


def test_she_said_after_an_unnamed_spokesman_stays_unresolved() -> None:
    text = (
        "Ship Freed\n\nTwo tugs dragged the ship off the bank and are towing it to a mooring, a spokesman said.\n\n"
        "She said: \"I am glad the operation has been a success. Inspectors will board the ship tonight.\"\n"
    )
    assert [words for _, words in _speakers(text)] == [
        "Two tugs dragged the ship off the bank and are towing it to a mooring"
    ]  # "she" is not "a spokesman": no speaker rather than the wrong one


def test_the_bench_takes_pronoun_phrases_and_matches_gold_words() -> None:
    assert is_pronoun_phrase("he") and is_pronoun_phrase("his campaign") and not is_pronoun_phrase("Jo Roe")
    gold = Gold.model_validate({
        "applies_to": ["x.txt"],
        "actors": [{"name": "Jo Roe"}, {"name": "Ed Ames"}],
        "statements": [{"speaker": "Jo Roe", "text": "the mill will stay open through the winter"},
                       {"speaker": "Ed Ames", "text": "the town cannot pay for the new bridge"}],
    })
    assert gold_speaker_of("The mill will stay open through the winter", gold) == "Jo Roe"
    assert gold_speaker_of("Taxes will rise", gold) is None


def test_he_said_after_an_unnamed_official_is_not_a_man_named_before_the_official() -> None:
    text = (
        "Hotel Attack\n\nGunmen stormed the Marlow hotel on Monday, police spokesman Jonas Brekke told reporters.\n\n"
        "A Western security official said soldiers had searched every room for the attackers.\n\n"
        "\"First there was a blast at the gate, then gunfire,\" he said.\n"
    )
    assert _speakers(text)[-1] == ("A Western security official", "First there was a blast at the gate, then gunfire")


def test_he_replied_after_a_reporter_asked_someone_is_whom_the_reporter_asked() -> None:
    text = (
        "Caucus Day\n\nEdwin Marsh toured the county fair on Saturday, the organisers said.\n\n"
        "A reporter asked Edwin Marsh how he was feeling on caucus day. He replied: \"The bigger the crowd, the "
        "better I feel.\"\n"
    )
    assert _speakers(text)[-1] == ("Edwin Marsh", "The bigger the crowd, the better I feel.")


def test_he_said_after_a_witness_named_with_diacritics_is_the_witness() -> None:
    text = (
        "Crash Inquest\n\nPierre Lambert of the hotel said the crash had been arranged.\n\n"
        "One witness, Jérôme Vasseur, gave evidence to the court on Tuesday. He said he was driving in front of "
        "the car when it swerved. Mr Vasseur said he stopped at once.\n"
    )
    speakers = _speakers(text)
    assert speakers[1] == ("Jérôme Vasseur", "he was driving in front of the car when it swerved")
    assert speakers[-1][0] == "Jérôme Vasseur"
