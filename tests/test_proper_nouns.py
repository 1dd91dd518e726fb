"""Names no list knows (`proper_nouns`), on invented sentences."""

from __future__ import annotations

from extract.language.actors import build_actors
from extract.language.proper_nouns import recurring_names

TEXT = (
    "Arms Row\n\n"
    "Officials said Ostrava is sending drones to the rebels. The shipments from Ostrava began in March, and "
    "Minister Petra Lind said Kasbia had paid for them. In New Harlow, the talks went on; a Kasbian envoy left. "
    "Lind said Kasbia would answer. Analysts in New Harlow expect more.\n"
)


def test_a_lone_capitalised_word_written_twice_mid_sentence_is_a_name() -> None:
    names = recurring_names(TEXT)
    assert "Ostrava" in names and "Kasbia" in names
    assert "Harlow" not in names  # a piece of "New Harlow"
    assert "Kasbian" not in names  # an adjective of a people
    assert "March" not in names and "Officials" not in names and "Analysts" not in names


def test_a_party_no_list_knows_becomes_an_actor_unless_it_is_someone_already_listed() -> None:
    names = [d.name for d in build_actors(TEXT, [], [])]
    assert "Ostrava" in names and "Kasbia" in names
    assert "Lind" not in names  # the surname of Petra Lind, found as a person


def test_a_word_of_a_longer_name_is_not_made_a_name_of_its_own() -> None:
    """'Chicago' alone is the city, not a short form of the 'Chicago Tribune' (nor an actor of its own)."""
    text = (
        "Crime Figures\n\n"
        "The Chicago Tribune reported that shootings in Chicago rose. Mayor Ana Roe said crime in Chicago fell, "
        "and the Chicago Tribune was wrong.\n"
    )
    drafts = build_actors(text, [], [])
    assert "Chicago" not in [n for d in drafts for n in d.names()]


def test_a_name_opened_by_the_arabic_article_in_lower_case_is_a_name() -> None:
    text = "Blame\n\nThe minister blamed al-Qaida for the bombing, and said al-Qaida had planned it for months.\n"
    kinds = {d.name: d.kind for d in build_actors(text, [], [])}
    assert kinds.get("al-Qaida") == "armed_group"
