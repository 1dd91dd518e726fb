"""Actors' names on general news: a role opening a sentence is no part of a name, a side's name is whole.

Invented match reports, run through the text-only actor stages (`build_actors` with no model answer).
"""

from __future__ import annotations

from extract.language.actors import build_actors
from extract.language.bodies import find_bodies
from extract.language.not_people import whole_side_name
from extract.language.people import find_people


def _actors(text: str) -> dict[str, tuple[str, list[str]]]:
    return {d.name: (d.kind, d.aliases) for d in build_actors(text, [], [])}


def test_a_role_opening_a_sentence_is_no_part_of_the_name() -> None:
    text = (
        "Derby Win\n\nHarbury won 3-1. Winger Ivo Maddox scored twice. Promoter Dana Kerrigan said the crowd was "
        "loud, and Detective Sergeant Ann Pellow said nobody was hurt. Maddox said so.\n"
    )
    people = find_people(text)
    assert {"Ivo Maddox", "Dana Kerrigan", "Ann Pellow"} <= set(people)
    assert not any(p.split()[0] in ("Winger", "Promoter", "Detective", "Sergeant") for p in people)


def test_a_role_word_that_is_a_surname_after_a_given_name_stays() -> None:
    assert "Minnie Driver" in find_people("Film Night\n\nMinnie Driver said the film was long. Driver left early.\n")


def test_a_sides_name_cut_after_a_places_first_word_is_whole() -> None:
    text = (
        "Ice Hockey\n\nThe New York Islanders beat the St. Louis Blues 3-1 on Friday. Coach Ted Nolan said the "
        "Islanders played well. The Blues lost again.\n"
    )
    actors = _actors(text)
    assert actors["New York Islanders"] == ("organization", ["Islanders"])
    assert actors["St. Louis Blues"] == ("organization", ["Blues"])
    assert not {"York Islanders", "Louis Blues"} & actors.keys()


def test_a_run_after_new_that_is_no_side_is_left_alone() -> None:
    text = "Travel\n\nNew Zealander Ida Marten said the pass was closed. Marten flew home.\n"
    assert whole_side_name(text, "Zealander Ida Marten") is None  # no plural after "the": a person


def test_a_contest_or_prize_is_no_person() -> None:
    text = (
        "Cricket\n\nThe Harbury Test was awarded to Lowmoor. Lowmoor won the Test by default, and the Quay Cup "
        "final is in May. Ivo Maddox said the Cup was theirs, and Maddox said so again.\n"
    )
    assert find_people(text) == ["Ivo Maddox"]


def test_a_bodys_name_runs_on_with_its_place_when_the_text_writes_the_whole_names_initials() -> None:
    text = (
        "Cricket\n\nThe Board of Control for Cricket in Valdonia (BCCV) said the ban was unjust, and the BCCV "
        "will appeal. The Court of Appeals in Cedar Rapids will hear it.\n"
    )
    names = {name for name, _ in find_bodies(text)}
    assert "Board of Control for Cricket in Valdonia" in names
    assert "Court of Appeals" in names  # where it sits: no initials of the whole
    assert "Board of Control for Cricket" not in names
