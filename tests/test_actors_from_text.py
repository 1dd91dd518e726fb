"""Actors found from the text alone, without the model's list: one invented sentence per class."""

from __future__ import annotations

from extract.actors import build_actors
from extract.people import find_people


def _actors(text: str) -> dict[str, str]:
    """Name -> kind of the actors the text alone gives (the model proposed nothing)."""
    return {d.name: d.kind for d in build_actors(text, [], [])}


def test_a_census_given_name_marks_a_person_named_once() -> None:
    text = "Harbor fight\n\nDuring the town hall, Marjorie Quillfeather had a question for the mayor about Ivo Tarn.\n"
    assert find_people(text) == ["Marjorie Quillfeather"]  # "Ivo" is no census given name and nothing marks him


def test_given_names_that_are_also_words_or_places_mark_no_one() -> None:
    text = "Port vote\n\nWill Congress act? Hope Harbor voted on Monday near Virginia Beach. Grant Street closed.\n"
    assert find_people(text) == []


def test_bill_is_a_given_name_before_a_surname() -> None:
    assert find_people("Vote\n\nFormer President Bill Tarrow spoke for his wife.\n") == ["Bill Tarrow"]


def test_letters_signatures_of_three_words_and_at_the_end_are_people_and_the_town_is_not() -> None:
    text = (
        "Letters\n\nThe harbor plan is a waste of money.\n\nToni LeAnn Varley.\n\nThe port needs a new board.\n\n"
        "Osric Pellam.\n\nLyndale Va.\n"
    )
    assert find_people(text) == ["Toni LeAnn Varley", "Osric Pellam"]
    assert {"Toni LeAnn Varley", "Osric Pellam"} <= set(_actors(text))
