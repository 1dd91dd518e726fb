"""An unnamed source is named by the words that describe it, not by what stands around them.

Invented sentences through `pipeline.attributed` (the finder, the speakers, the actors; no model).
"""

from __future__ import annotations

import pytest

from extract.pipeline import attributed


def _unnamed(text: str) -> list[tuple[str, str]]:
    """Each unnamed speaker's name, and the name its first mention spans in the text."""
    _statements, drafts = attributed(text, [], [])
    return [(d.name, text[d.mentions[0][0] : d.mentions[0][1]]) for d in drafts if d.unnamed]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The campaign's advisers haven't said much about how the rally went wrong.", "The campaign's advisers"),
        ("Supporters of the tax, however, said the schools would close without it.", "Supporters of the tax"),
        ("Speaking at a trade fair in Lyon, a spokeswoman for the bakers said prices would rise.",
         "a spokeswoman for the bakers"),
        ("Though local farmers said the river had flooded twice, the council did nothing.", "local farmers"),
        ("Analysts at the time said the mayor was trailing by ten points.", "Analysts"),
        ("A survey of dockworkers released Monday said most of them expect a strike.",
         "A survey of dockworkers released"),
        ("Of course the more cynical harbour pilots said the strike was staged.", "the more cynical harbour pilots"),
        ("Greek and Turkish officials said the ferry would sail.", "Greek and Turkish officials"),
    ],
)
def test_an_unnamed_source_is_named_without_its_clause_time_or_auxiliary(text: str, name: str) -> None:
    assert _unnamed(text)[:1] == [(name, name)]


def test_the_words_of_a_description_that_waits_for_more_are_kept() -> None:
    text = "Several traders I've spoken with over the last couple of weeks said the market would turn."
    assert _unnamed(text)[:1] == [("Several traders I've spoken with over the last couple of weeks",) * 2]


@pytest.mark.parametrize(
    "text",
    ["Given the harbour's history, one might think the council would move faster.",
     "By most measures one could say the new ferry has done well."],
)
def test_the_generic_one_before_a_modal_is_nobody(text: str) -> None:
    statements, drafts = attributed(text, [], [])
    assert (statements, [d.name for d in drafts if d.unnamed]) == ([], [])


def test_one_of_a_group_still_speaks() -> None:
    text = "Of the five ferry captains, one said the schedule was unsafe."
    assert _unnamed(text) == [("one", "one")]


def test_a_nationality_alone_describes_a_speaker_and_names_none() -> None:
    text = 'Tomas Lind beat Marco Rossi in two sets. "I feel good," the Spaniard said after the match.'
    statements, drafts = attributed(text, [], [])
    speaker = next(d for d in drafts if d is statements[0].speaker)
    assert (speaker.name, speaker.unnamed) == ("the Spaniard", True)
    assert "Spaniard" not in {d.name for d in drafts}


def test_eyewitnesses_are_an_unnamed_group_not_a_person() -> None:
    text = "The ferry ran aground near the pier. Eyewitnesses said the hull cracked when it hit the rocks."
    _statements, drafts = attributed(text, [], [])
    assert [(d.name, d.kind, d.unnamed) for d in drafts] == [("Eyewitnesses", "other", True)]
