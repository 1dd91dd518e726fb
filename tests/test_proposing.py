"""Accusations the sentence's structure proposes where the model said none (issue 12, `proposing`).

Each test drives the pipeline on an invented article with every statement labelled "none" (what the small model
answers of plain charges on unseen news) and checks what a reader would: who accuses whom.
"""

from __future__ import annotations

from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run

ACTORS = {"Lena Osk": "person", "Tom Reed": "person", "Ada Quill": "person", "Oren Daly": "person",
          "Harbour Union": "organization"}


def _found(text: str) -> list[tuple[list[str], list[str]]]:
    named, _, allegations, _, _ = _run(text, ACTORS)
    return who_accuses_whom(named, allegations)


def test_one_named_something_charged_is_accused_by_the_namer() -> None:
    """'Osk described Reed as a dishonest fraud', 'by calling Quill a corrupt liar': the naming verb's object."""
    text = ("Harbour Row\n\nLena Osk on Monday described Tom Reed as a dishonest fraud. Oren Daly mocked the plan "
            "in a speech, calling Ada Quill a corrupt liar.\n")
    assert _found(text) == [(["Lena Osk"], ["Tom Reed"]), (["Oren Daly"], ["Ada Quill"])]


def test_naming_without_a_charge_or_by_another_accuses_no_one() -> None:
    """Praise, and a naming that is not the speaker's ('a remark describing Reed as …', 'against labelling Quill
    …'), propose nothing."""
    text = ("Harbour Row\n\nLena Osk on Monday described Tom Reed as a kind and honest man. Oren Daly said he "
            "regretted a remark describing Tom Reed as a fraud. Lena Osk said the union decided against labelling "
            "Ada Quill a fraud.\n")
    assert _found(text) == []


def test_the_object_of_an_accusing_cue_behind_a_title_or_an_appositive_is_accused() -> None:
    """'accused the council's leader, Ada Quill, of …', 'blamed former council chief Tom Reed for …': the frame's
    object gap takes no capitalised title or appositive; the cue's object is the accused all the same."""
    text = ("Harbour Row\n\nThe Harbour Union accused the council's leader, Ada Quill, of \"fanatic recklessness.\" "
            "Lena Osk blamed former council chief Tom Reed for the closures.\n")
    assert _found(text) == [(["Harbour Union"], ["Ada Quill"]), (["Lena Osk"], ["Tom Reed"])]


def test_an_accusing_cue_whose_first_name_is_not_its_object_proposes_nothing() -> None:
    """'accused the firm that Reed founded of …': a clause stands between the cue and the name, which is not the
    object; 'criticized Quill in May' brings no charge ('criticize' needs its 'for')."""
    text = ("Harbour Row\n\nLena Osk accused the firm that Tom Reed founded of secrecy. Oren Daly "
            "criticized Ada Quill, the council's leader, in May.\n")
    assert _found(text) == []


def test_the_one_subject_of_a_deed_that_charges_it_is_accused() -> None:
    """'Reed had "made up the story"': no word VADER scores, no label, but the deed charges its doer; a negated
    deed ('Quill never fabricated anything') is a defence, and two subjects leave it to the model."""
    text = ("Harbour Row\n\nOren Daly said Tom Reed had \"made up the story.\" Lena Osk said Ada Quill never "
            "fabricated anything. Oren Daly said Tom Reed and Ada Quill both fabricated the figures.\n")
    assert _found(text) == [(["Oren Daly"], ["Tom Reed"])]


def test_a_label_in_scare_quotes_that_is_no_praise_is_a_charge() -> None:
    """'called Reed a "petulant child"', 'Quill "unhinged"': insults VADER does not score; a quoted label that
    praises ('"a great leader"') or runs on ('"my partner in this work for the harbour"') is none."""
    text = ("Harbour Row\n\nOren Daly called Tom Reed a \"petulant child\" on Monday. Lena Osk called Ada Quill "
            "\"unhinged.\" Oren Daly called Ada Quill \"a true leader\" and Lena Osk called Tom Reed \"my partner "
            "in this work for the harbour.\"\n")
    assert _found(text) == [(["Oren Daly"], ["Tom Reed"]), (["Lena Osk"], ["Ada Quill"])]


def test_a_name_inside_the_named_phrase_is_not_the_one_named() -> None:
    """'called the dockers from the Harbour Union "thugs"': the dockers are named, not the union."""
    text = 'Harbour Row\n\nOren Daly called the dockers from the Harbour Union "thugs" on Monday.\n'
    assert _found(text) == []
