"""Statements PolNeAR annotates as one are one candidate here too (bench/statement_errors.py --false-positives)."""

from __future__ import annotations

from extract.language.speech import find_speech


def _said(text: str) -> list[tuple[str, ...]]:
    return [tuple(text[a:b] for a, b in c.pieces) for c in find_speech(text)]


def test_a_quotation_that_runs_into_the_next_paragraph_continues_the_one_before_it() -> None:
    text = (
        '"The plan is dead," Mayor Ann Roe said of the harbour deal. "We will start again.\n\n'
        '"It will take a year."\n\nThe council met on Monday.\n'
    )
    said = _said(text)
    assert said[0] == ("The plan is dead", "We will start again.")
    assert said[1:] == [("It will take a year.",)]
