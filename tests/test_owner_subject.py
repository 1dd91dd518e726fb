"""The owner of a deed that is a clause's subject is its doer: "Daly's administration spied …" charges Daly.

The second look asks about the actors a statement names as a clause's subject. A possessive is one when
what is owned is a thing one does or says ("plan", "lies", "administration", "reaction"), not a person or
what befalls one ("Daly's son", "Daly's family"). Invented articles; labels "none", the second look says yes.
"""

from __future__ import annotations

from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run

ACTORS = {"Ada Quill": "person", "Oren Daly": "person", "Lena Osk": "person"}
YES = {f"q{n}": "yes" for n in range(1, 9)}


def _second_look(said: str) -> list[tuple[list[str], list[str]]]:
    text = f"Harbour Row\n\nMayor Oren Daly spoke on Monday. \"{said},\" Senator Ada Quill said.\n"
    named, _, allegations, _, _ = _run(text, ACTORS, verdicts=YES, second_look=True)
    return who_accuses_whom(named, allegations)


def test_the_owner_of_a_deed_that_is_the_subject_is_asked_about_and_accused() -> None:
    assert _second_look("Oren Daly’s administration spied on reporters for two years") == [
        (["Ada Quill"], ["Oren Daly"])]
    assert _second_look("Oren Daly's first reaction was to spy on reporters") == [(["Ada Quill"], ["Oren Daly"])]
    # the deed, then what it is about, then its verb
    assert _second_look("Oren Daly’s actions on the council included spying on reporters") == [
        (["Ada Quill"], ["Oren Daly"])]


def test_joint_owners_of_the_subject_are_both_asked_about() -> None:
    assert _second_look("Lena Osk and Oren Daly’s first reaction was to spy on reporters") == [
        (["Ada Quill"], ["Lena Osk", "Oren Daly"])]


def test_the_owner_of_a_person_or_of_what_befell_them_is_not_the_subject() -> None:
    """ "Daly's son spied …": the son did it; an ASCII "'s" is no verb either."""
    assert _second_look("Oren Daly's son spied on reporters for two years") == []
    assert _second_look("Oren Daly’s son spied on reporters for two years") == []


def test_a_titles_period_starts_no_clause() -> None:
    """ "In contrast to Mr. Daly’s record, Osk spied …": Daly's record is compared, Osk is the subject."""
    assert _second_look("In contrast to Mr. Daly’s record on the harbour, Lena Osk spied on reporters") == [
        (["Ada Quill"], ["Lena Osk"])]



def test_the_author_of_a_work_that_is_the_subject_is_asked_about_and_accused() -> None:
    """ "Daly's book is full of lies": an author's book, memoir or film is a thing done, as a column is.

    With a call in the same words ("should be ashamed") only the second look takes it, by the clause's subject.
    """
    for said in ('Oren Daly\'s book is "loaded with lies" and "Mr. Daly should be ashamed of himself."',
                 'Oren Daly’s memoir is "full of lies" and "Mr. Daly should apologize."'):
        text = f"Harbour Row\n\nMayor Oren Daly spoke on Monday. Senator Ada Quill said {said}\n"
        named, _, allegations, _, _ = _run(text, ACTORS, verdicts=YES, second_look=True)
        assert who_accuses_whom(named, allegations) == [(["Ada Quill"], ["Oren Daly"])]
