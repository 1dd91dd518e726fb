"""Who only stands by or suffers is never accused, wherever the model's label points (issue 12, judge6).

Each test drives the pipeline on an invented article with a label that accuses everyone the statement
names (what a small model does on unseen news), and checks that only the agent of the wrong is accused.
"""

from __future__ import annotations

from typing import Any

from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run


def _found(text: str, actors: dict[str, str], labels: dict[str, Any] | None = None) -> list[tuple[list[str],
                                                                                                   list[str]]]:
    named, _, allegations, _, _ = _run(text, actors, labels)
    return who_accuses_whom(named, allegations)


def test_the_sides_of_a_contest_or_a_relation_named_with_between_are_not_accused() -> None:
    """'the race between Reed and Quill turned ugly': nobody in particular is blamed by naming the race."""
    text = ("Harbour Race\n\nAda Quill's opponents are angry. Lena Osk said the bitter, ugly race between Tom Reed "
            "and Oren Daly had become a disgrace.\n")
    actors = {"Lena Osk": "person", "Tom Reed": "person", "Oren Daly": "person", "Ada Quill": "person"}
    assert _found(text, actors, {"s1": {"accused": ["Tom Reed", "Oren Daly"], "category": "misconduct"}}) == []
    # partners in what they do together did it: "a growing collaboration between Orland and Kestria"
    text = ("Arms Row\n\nLena Osk said a growing military collaboration between Orland and Kestria could pose a "
            "grave danger to Pellia.\n")
    actors = {"Lena Osk": "person", "Orland": "country", "Kestria": "country", "Pellia": "country"}
    labels = {"s1": {"accused": ["Orland", "Kestria", "Pellia"], "category": "armed_aggression"}}
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Orland", "Kestria"])]


def test_the_subject_of_a_passive_of_harm_suffered_it_and_its_by_names_who_did_it() -> None:
    """'the Harbour Party was hacked': the party is the victim; 'was targeted by Kestria': Kestria did it."""
    text = ("Hack Row\n\nLena Osk said the Harbour Party was hacked last spring in a disgraceful crime. Lena Osk said "
            "the Election Board was targeted by Kestria in a brutal, criminal attack.\n")
    actors = {"Lena Osk": "person", "Harbour Party": "organization", "Election Board": "government",
              "Kestria": "country"}
    labels = {"s1": {"accused": ["Harbour Party"], "category": "cyberattack"},
              "s2": {"accused": ["Election Board"], "category": "cyberattack"}}
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Kestria"])]




def test_the_medium_a_speaker_speaks_through_is_not_accused() -> None:
    """'said Sunday on Channel Nine' inside a quotation: where it was said, not who did the wrong."""
    text = ("Harbour Row\n\n\"The deal is a disgraceful fraud,\" Tom Reed said Sunday on Channel Nine. \"It is a "
            "corrupt swindle.\"\n")
    actors = {"Tom Reed": "person", "Channel Nine": "media"}
    assert _found(text, actors, {"s1": {"accused": ["Channel Nine"], "category": "fraud"}}) == []


def test_the_subject_of_an_accusing_verb_accuses_and_is_not_the_speakers_accused() -> None:
    """'"Tom Reed accused me of lying …," Quill said': Reed accuses Quill; Quill does not accuse Reed."""
    text = ("Harbour Row\n\n\"Tom Reed accused me of lying about the harbour deal and of hiding the losses,\" Ada "
            "Quill said.\n")
    actors = {"Tom Reed": "person", "Ada Quill": "person"}
    assert _found(text, actors, {"s1": {"accused": ["Tom Reed"], "category": "disinformation"}}) == []



def test_a_rival_or_enemy_named_after_against_or_as_the_one_to_stop_is_not_accused() -> None:
    """'the only way to stop Reed', 'an ally against Kestria': opponents, not by that wrongdoers."""
    text = ("Harbour Race\n\nLena Osk said the disgraceful and corrupt party bosses had failed and the only way to "
            "stop Tom Reed was a bitter fight. Lena Osk said Orland was a weak and failing ally against Kestria.\n")
    actors = {"Lena Osk": "person", "Tom Reed": "person", "Orland": "country", "Kestria": "country"}
    labels = {"s1": {"accused": ["Tom Reed"], "category": "corruption"},
              "s2": {"accused": ["Orland", "Kestria"], "category": "other"}}
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Orland"])]



def test_what_something_is_compared_with_is_not_accused() -> None:
    """'Reed lied more often than Quill': Quill is the measure; 'worse than Osk admitted': Osk said it."""
    text = ("Debate Night\n\nLena Osk said Tom Reed lied far more often than Ada Quill in a disgraceful debate. "
            "Ada Quill said the fraud was far worse than Mayor Lena Osk admitted.\n")
    actors = {"Lena Osk": "person", "Tom Reed": "person", "Ada Quill": "person"}
    labels = {"s1": {"accused": ["Tom Reed", "Ada Quill"], "category": "disinformation"},
              "s2": {"accused": ["Lena Osk"], "category": "fraud"}}
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Tom Reed"]), (["Ada Quill"], ["Lena Osk"])]


def test_a_capitalised_word_that_ends_a_sentence_is_no_title_of_the_next_sentences_subject() -> None:
    """'… all about Pellia. Tom Reed lied …': Reed opens a sentence, he is not the one the talk is about."""
    text = ("Harbour Row\n\n\"The whole campaign was only about Pellia. Tom Reed lied to the whole town about the "
            "deal,\" Lena Osk said.\n")
    actors = {"Lena Osk": "person", "Tom Reed": "person"}
    assert _found(text, actors, {"s1": {"accused": ["Tom Reed"], "category": "disinformation"}}) == [
        (["Lena Osk"], ["Tom Reed"])]


def test_a_name_compared_with_after_any_abbreviated_title_is_a_measure_not_a_doer() -> None:
    """'than Rev. Quill': every honorific written with a full stop is a title there, as "Mr." is."""
    from extract.language.victims import victim_before

    for title in ("Mr.", "Rev.", "Capt."):
        text = f"Tom Reed lied far more often than {title} Ada Quill in the debate."
        start = text.index("Ada Quill")
        assert victim_before(text, start, start + len("Ada Quill")), title
