"""Actors whose names are names, and mentions that go to the right person or to nobody (invented texts)."""

from __future__ import annotations

from extract.language.actors import build_actors, finish_actors, resolve_name


def test_an_honorific_of_the_other_gender_is_nobodys_mention_when_one_person_has_the_surname() -> None:
    text = (
        "Harbor Visit\n\nSusan Varnum toured the pier on Monday. Later, Mr. Varnum said the budget is short. "
        "Mrs. Varnum smiled.\n"
    )
    drafts = build_actors(text, [("Susan Varnum", "person")], [])
    finish_actors(text, drafts)
    susan = next(d for d in drafts if d.name == "Susan Varnum")
    before = [text[s - 5 : s].split()[-1] for s, _ in susan.mentions]
    assert "Mr." not in before and "Mrs." in before  # "Mr. Varnum" is someone else, not her
    assert resolve_name("Mr. Varnum", drafts) is not susan
    assert resolve_name("Mrs. Varnum", drafts) is susan
