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
    ],
)
def test_an_unnamed_source_is_named_without_its_clause_time_or_auxiliary(text: str, name: str) -> None:
    assert _unnamed(text)[:1] == [(name, name)]


def test_the_words_of_a_description_that_waits_for_more_are_kept() -> None:
    text = "Several traders I've spoken with over the last couple of weeks said the market would turn."
    assert _unnamed(text)[:1] == [("Several traders I've spoken with over the last couple of weeks",) * 2]
