"""Which actor a speaker phrase resolves to when the phrase describes, nests or shares out its speaker.

Each class on an invented article, run through the deterministic stages (finder, attribution) with the
actors the text itself gives (no model answer), as `bench/statements.py` runs them on real news.
"""

from __future__ import annotations

from extract.language.actors import build_actors
from extract.language.attribution import attribute
from extract.language.grounding import trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import find_combined


def _speakers(text: str) -> dict[str, str | None]:
    """Each found statement's text -> its speaker's name (None when attribution dropped it)."""
    warnings: list[str] = []
    candidates = merge_same_sentence(text, find_combined(text))
    spans = [trim_span(text, c.span) for c in candidates]
    drafts = build_actors(text, [], warnings)
    kept = {st.span: st.speaker.name for st in attribute(text, candidates, spans, drafts, warnings)}
    return {text[s[0] : s[1]]: kept.get(s) for s in spans}


def test_the_candidate_is_not_the_campaign_manager_named_last() -> None:
    text = (
        "Rally in Ohio\n\nSenator Dana Whitcombe rallied voters in Dayton on Monday. Her campaign manager, Paul "
        "Orsino, said the crowd was the largest of the year. The candidate said she would win the state in November.\n"
    )
    speakers = _speakers(text)
    assert speakers["the crowd was the largest of the year"] == "Paul Orsino"
    assert speakers["she would win the state in November"] == "Dana Whitcombe"


def test_a_share_of_people_a_poll_found_saying_something_speaks_through_that_poll() -> None:
    text = (
        "Tax Returns\n\nVoters want to see the returns. A Marlow University poll released in late May found that "
        "64 percent of likely voters said Mr. Harlan should release his tax returns. Polls show a large majority of "
        "voters say the count will be fair. Many voters said they were tired of the campaign.\n"
    )
    speakers = _speakers(text)
    assert speakers["Mr. Harlan should release his tax returns"] == "Marlow University"
    assert speakers["the count will be fair"] == "polls"
    assert speakers["they were tired of the campaign"] == "Many voters"  # no poll in its sentence


def test_a_capitalised_source_noun_opening_a_sentence_is_an_unnamed_source_not_dropped() -> None:
    text = (
        "Jobs Report\n\nThe harbor economy grew this spring. Polls show that "
        "most voters back the port plan. Reports say the new cranes will arrive in June.\n"
    )
    speakers = _speakers(text)
    assert speakers["most voters back the port plan"] == "polls"
    assert speakers["the new cranes will arrive in June"] == "reports"


def test_a_listed_outlet_or_a_name_written_once_at_a_sentence_start_still_speaks() -> None:
    text = (
        "Harbor Vote\n\nThe council met on Monday to vote on the harbor plan.\n\nPolitico reported that the "
        'vote would be close. "We have the numbers," Tervald said after the meeting.\n\nPerhaps the mayor '
        "will sign it.\n"
    )
    speakers = _speakers(text)
    assert speakers["the vote would be close"] == "Politico"  # a listed outlet, capitalised wherever it stands
    assert speakers["We have the numbers"] == "Tervald"  # the subject of "said", though named once


def test_a_plural_of_people_opening_a_sentence_is_an_unnamed_source() -> None:
    text = "Harbor Vote\n\nThe council met on Monday.\n\nAides said the mayor would sign the harbor plan.\n"
    assert _speakers(text)["the mayor would sign the harbor plan"] == "Aides"


def test_both_after_two_named_people_is_the_one_named_before_it_not_an_unnamed_source() -> None:
    text = (
        "Harbor Vote\n\nThe plan passed on Monday.\n\nCouncil member Jo Tervald and Mayor Ed Ambrose both said "
        "the harbor would reopen in June.\n"
    )
    assert _speakers(text)["the harbor would reopen in June"] == "Ed Ambrose"


def test_a_surname_that_also_names_an_institution_is_a_person_after_a_given_name_or_an_honorific() -> None:
    text = (
        "Harbor Vote\n\nThe council met on Monday.\n\nAnna Lise White said the harbor would reopen in June. "
        "Ms. White said the cranes had arrived. The delay was short, she said.\n"
    )
    speakers = _speakers(text)
    assert speakers["the harbor would reopen in June"] == "Anna Lise White"
    assert speakers["the cranes had arrived"] == "Anna Lise White"
    assert speakers["The delay was short"] == "Anna Lise White"


def test_a_lone_surname_one_letter_off_a_named_person_is_that_person() -> None:
    text = (
        "Harbor Vote\n\nMayor Edward Tervaldo opened the harbor on Monday.\n\n\"It was a long wait,\" "
        "Tervaldo said.\n\nTervalda also said the cranes had arrived.\n"
    )
    assert _speakers(text)["the cranes had arrived"] == "Edward Tervaldo"


def test_kin_speak_for_themselves_not_for_the_name_they_are_kin_to() -> None:
    text = (
        "Vigil in Dover\n\nSenator Ann Roe spoke in Dover on Monday. Roe's family has called on the city to release "
        "the video. Roe's husband, Bill, hurled a charge at the mayor, accusing him of lying. Roe's eldest "
        "daughter, 34, has built a large following, writing that the city is lost. The Roe family said the city "
        "had failed them. Roe's article also attacked the mayor, accusing him of hiding the tapes.\n"
    )
    speakers = _speakers(text)
    assert speakers["the city to release the video"] == "Roe's family"  # "family" is no adverb like "famously"
    assert speakers["him of lying"] == "Roe's husband"
    assert speakers["the city is lost"] == "Roe's eldest daughter"
    assert speakers["the city had failed them"] == "The Roe family"
    assert speakers["him of hiding the tapes"] == "Ann Roe"  # her article speaks for her


def test_a_noun_in_ly_before_the_cue_ends_the_speaker_phrase() -> None:
    text = (
        "Rally in Dover\n\nThe organizer of the Dover rally said the permit came late. A longtime Roe ally warned "
        "that the vote would be close. Her most recent rally is proof that the party is alive.\n"
    )
    phrases = {c.speaker for c in find_combined(text)}
    assert "The organizer of the Dover rally" in phrases  # not "The organizer of the Dover", as if "rally" were
    assert "most recent" not in phrases  # an adverb like "famously"
    assert _speakers(text)["the vote would be close"] == "A longtime Roe ally"
