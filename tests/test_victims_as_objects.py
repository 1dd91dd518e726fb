"""The one a wrong's doer acts on, asks or addresses is not the doer (issue 12, victims3).

A name the model proposes is accused only where a doer stands (`allegations.doers`); a position read as a
clause's subject must be one: after "and would appoint" a name is the verb's object, and a mention that
names one asked or harmed ("Pellia should be grateful") makes no doer even when another mention of the same
actor stands elsewhere in the words. Each test labels the statement as a small model does.
"""

from __future__ import annotations

from typing import Any

from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run


def _found(text: str, actors: dict[str, str], labels: dict[str, Any]) -> list[tuple[list[str], list[str]]]:
    named, _, allegations, _, _ = _run(text, actors, labels)
    return who_accuses_whom(named, allegations)


def test_a_name_after_and_with_an_auxiliary_is_the_verbs_object() -> None:
    """'Reed would wreck the port and would appoint Harbour Board judges who …': the board is appointed."""
    actors = {"Lena Osk": "person", "Tom Reed": "person", "Harbour Board": "organization"}
    labels = {"s1": {"accused": ["Harbour Board"], "category": "other"}}
    text = ("Port Row\n\nLena Osk warned that Tom Reed opposes the dock workers and would appoint Harbour Board "
            "judges who would block their rights.\n")
    assert _found(text, actors, labels) == []
    # a clause's subject after "and" is still one: "and the Harbour Board lied"
    text = ("Port Row\n\nLena Osk said that Tom Reed lied to the dock workers and the Harbour Board lied to them "
            "too.\n")
    assert (["Lena Osk"], ["Harbour Board"]) in _found(text, actors, labels)


def test_a_name_asked_to_act_is_no_doer_though_named_again_in_passing() -> None:
    """'… the towns of Pellia. Pellia should be grateful …': the second mention asks, the first only places."""
    actors = {"Lena Osk": "person", "Tom Reed": "person", "Pellia": "country"}
    labels = {"s1": {"accused": ["Pellia"], "category": "other"}}
    text = ("Wall Row\n\n\"The wall of Tom Reed is a neighborly idea to stop the crime that harms the southern towns "
            "of Pellia. Pellia should be grateful and even help pay for it,\" Lena Osk said.\n")
    assert _found(text, actors, labels) == []


def test_a_conditions_subject_blamed_after_it_stays_a_doer() -> None:
    """'if the Harbour Board believes that, they are mistaken': the condition's subject is not asked or harmed.

    The "they" that blames it is not tied to the board, so the condition's mention is its only doer's place.
    """
    actors = {"Lena Osk": "person", "Harbour Board": "organization"}
    labels = {"s1": {"accused": ["Harbour Board"], "category": "other"}}
    text = ("Port Row\n\n\"I think we are sleeping on the Harbour Board. And if the Harbour Board believes the docks "
            "are safe, they are sadly mistaken. They have blinders on,\" Lena Osk said.\n")
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Harbour Board"])]
