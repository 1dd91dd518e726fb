"""Statements nobody made on general news (session 21's L3S sample): each rule on an invented sentence."""

from __future__ import annotations

from extract.language.speech import find_speech


def _said(text: str) -> list[tuple[str, str | None, str | None]]:
    """(words said, cue, speaker phrase) of each candidate, pieces joined by " | "."""
    return [(" | ".join(text[a:b] for a, b in c.pieces), c.cue, c.speaker) for c in find_speech(text)]


def test_a_past_participle_phrase_after_a_whole_quotation_and_its_attribution_is_narration() -> None:
    text = '"Someone in this town knows who did this to me," Ann Roe said, flanked by her friends.\n'
    assert _said(text) == [("Someone in this town knows who did this to me", "said", "Ann Roe")]


def test_a_middle_attribution_still_splits_a_clause_that_goes_on_after_it() -> None:
    text = "The harbour deal, officials said, could be signed in May.\n"
    assert _said(text) == [("The harbour deal | could be signed in May", "said", "officials")]


def test_a_participle_after_a_possessive_is_an_adjective_not_a_cue() -> None:
    assert _said("Ann Roe's announced rivals for the title are all strong.\n") == []
    assert _said("The port's alleged owner, a shipping firm, fled to Tolu.\n") == []


def test_a_clitic_s_is_no_possessive() -> None:
    assert _said("He's said he would run for mayor again.\n") == [("he would run for mayor again", "said", "He")]


def test_an_ing_form_after_an_article_is_a_noun_not_a_cue() -> None:
    assert _said("His mother was hurt when, ignoring a warning barrier, she drove onto the tracks.\n") == []
    assert _said("The defending champion Ann Roe lost in the first round.\n") == []


def test_a_semicolon_ends_what_was_said_before_a_second_speaker() -> None:
    text = "Some fans would later claim they never saw the coach; others said there was no way not to.\n"
    assert _said(text) == [
        ("they never saw the coach", "claim", "Some fans"),
        ("there was no way not to", "said", "others"),
    ]


def test_a_closing_attribution_reports_the_whole_attribution_before_it() -> None:
    text = "The neighbour who found him told police the old man had been drinking, Sgt Ann Roe said.\n"
    assert _said(text) == [
        ("The neighbour who found him told police the old man had been drinking", "said", "Sgt Ann Roe"),
        ("the old man had been drinking", "told police", "The neighbour"),
    ]
