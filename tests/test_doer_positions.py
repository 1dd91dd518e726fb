"""Where the one who did the wrong stands, beyond a clause's subject (issue 12, judge8).

A name the model proposes must stand where a doer stands (`allegations.doers`) and not where one harmed
stands (`allegations.not_accusable`); on news the rules were not written on these positions were missed: the
head of a "which" clause, the one described "as a fraud", the one a wrong is "traced to". Each test labels the
statement as a small model does and checks who is accused.
"""

from __future__ import annotations

from typing import Any

from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run


def _found(text: str, actors: dict[str, str], labels: dict[str, Any]) -> list[tuple[list[str], list[str]]]:
    named, _, allegations, _, _ = _run(text, actors, labels)
    return who_accuses_whom(named, allegations)


def test_the_one_a_wrong_is_traced_or_attributed_to_did_it_and_is_no_recipient() -> None:
    """'can be traced to Kestria': "to" names who did it here, not where something went ("sold arms to X")."""
    text = ("Hack Row\n\nLena Osk said the break-in at the offices of the Harbour Party can be traced to the "
            "Kestria Republic and its hired hackers.\n")
    actors = {"Lena Osk": "person", "Harbour Party": "organization", "Kestria Republic": "country"}
    labels = {"s1": {"accused": ["Kestria Republic"], "category": "cyberattack"}}
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Kestria Republic"])]
    text = ("Hack Row\n\nLena Osk said the theft of the voter files was attributed to Kestria by the "
            "investigators.\n")
    actors = {"Lena Osk": "person", "Kestria": "country"}
    labels = {"s1": {"accused": ["Kestria"], "category": "cyberattack"}}
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Kestria"])]


def test_the_head_of_a_which_clause_is_its_doer_as_of_a_who_clause() -> None:
    """'The Harbour Board, which has figured in numerous bribery scandals …': the board is charged."""
    text = ("Harbour Row\n\nThe port authority is one culprit. \"The Harbour Board, which has figured in numerous "
            "bribery scandals and failures to act, is another,\" Lena Osk said.\n")
    actors = {"Lena Osk": "person", "Harbour Board": "organization"}
    labels = {"s1": {"accused": ["Harbour Board"], "category": "corruption"}}
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Harbour Board"])]
    # a "which" clause that says what befell it, or whose own subject follows, charges it with nothing
    for clause in ("which has been the target of numerous bribery schemes",
                   "which I think the crooks of the waterfront bribed for years"):
        text = ("Harbour Row\n\nThe port authority is one culprit. \"The Harbour Board, " + clause + ", is another "
                "victim of the fraud,\" Lena Osk said.\n")
        assert _found(text, actors, labels) == []


def test_the_one_described_as_something_is_what_the_words_speak_of() -> None:
    """'expose him as a fraud', 'blasted Reed as a "disgrace"': the charge is said of the one it is put on."""
    actors = {"Lena Osk": "person", "Tom Reed": "person"}
    labels = {"s1": {"accused": ["Tom Reed"], "category": "fraud"}}
    text = ("Harbour Row\n\n\"His harbour deals expose Tom Reed as a fraud who cares only about his own bottom line,\" "
            "Lena Osk said.\n")
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Tom Reed"])]
    labels = {"s1": {"accused": ["Tom Reed"], "category": "misconduct"}}
    text = "Harbour Row\n\nLena Osk blasted Tom Reed as a \u201cdisgrace\u201d on Tuesday.\n"
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Tom Reed"])]


def test_the_object_of_an_accusing_verb_is_the_person_a_title_chain_ends_in() -> None:
    """'accused Harbour Party campaign manager Tom Reed of grabbing her': Reed is accused, not the party."""
    actors = {"Lena Osk": "person", "Harbour Party": "organization", "Tom Reed": "person"}
    labels = {"s1": {"accused": ["Tom Reed"], "category": "misconduct"}}
    for owner in ("Harbour Party", "Harbour Party's", "Western Harbour Party"):
        text = (f"Rally Row\n\nLena Osk accused {owner} campaign manager Tom Reed of grabbing her at a rally last "
                "week.\n")
        assert _found(text, actors, labels) == [(["Lena Osk"], ["Tom Reed"])], owner


def test_an_agent_phrase_after_reported_words_is_not_their_charge() -> None:
    """'Quill told reporters the party expects Reed to step in by calling out Daly …': the words charge no one.

    The statement ends before "calling out"; who is called out is the charge of another clause, as an accusing
    verb after reported words is (frames.accusing_frame). Inside the words, the same phrase still gives Daly.
    """
    actors = {"Ada Quill": "person", "Harbour Party": "organization", "Tom Reed": "person", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Harbour Party", "Tom Reed"], "category": "other"}}
    text = ("Debate Row\n\nCampaign manager Ada Quill told reporters on Monday that the Harbour Party expects Judge "
            "Tom Reed to insert himself into the hearing by calling out Oren Daly for his supposed lies throughout "
            "the session.\n")
    assert _found(text, actors, labels) == []
    text = ("Debate Row\n\nCampaign manager Ada Quill told reporters on Monday that the Harbour Party is calling "
            "out Oren Daly for his lies throughout the session.\n")
    labels = {"s1": {"accused": ["Harbour Party"], "category": "disinformation"}}
    assert _found(text, actors, labels) == [(["Ada Quill"], ["Oren Daly"])]


def test_names_joined_in_one_doer_place_are_all_doers() -> None:
    """'the policies of Quill and Reed', 'Quill and Reed continue to …': both did what the words charge.

    A name joined by "and" to the one a deed is "of", or to a clause's subject with its verb, stands where that
    one stands; a name joined to one harmed ("the treatment of Quill and Reed") stays harmed.
    """
    actors = {"Lena Osk": "person", "Ada Quill": "person", "Tom Reed": "person"}
    labels = {"s1": {"accused": ["Ada Quill", "Tom Reed"], "category": "other"}}
    for said in ("If you look at the disastrous policies of Ada Quill and Tom Reed, they let the gangs rise",
                 "Ada Quill and Tom Reed continue to ignore the reality of the crime wave"):
        text = f"Harbour Row\n\n\"{said},\" Lena Osk said.\n"
        assert _found(text, actors, labels) == [(["Lena Osk"], ["Ada Quill", "Tom Reed"])], said
    text = "Harbour Row\n\n\"The gangs terrorised Ada Quill and Tom Reed for years,\" Lena Osk said.\n"
    assert _found(text, actors, labels) == []
