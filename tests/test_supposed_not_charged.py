"""What a statement only supposes, asks or predicts charges no one (issue 12, judge7).

Each test drives the pipeline on an invented article with a label that accuses everyone the statement names
(what a small model does on unseen news), or with no label at all (the negative words alone), and checks
that only a wrong said to be done is charged.
"""

from __future__ import annotations

from typing import Any

from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run


def _found(text: str, actors: dict[str, str],
           labels: dict[str, Any] | None = None) -> list[tuple[list[str], list[str]]]:
    named, _, allegations, _, _ = _run(text, actors, labels)
    return who_accuses_whom(named, allegations)


def test_the_subject_of_a_condition_or_a_question_is_not_accused() -> None:
    """'if indeed Reed is a liar and a fraud, …', 'whether Quill broke the law': supposed or asked, not said."""
    text = ("Harbour Row\n\n\"If indeed Tom Reed is a liar and a fraud, then the whole council is a disgrace,\" Lena "
            "Osk said. The board will decide whether Ada Quill illegally broke the law, Oren Daly said.\n")
    actors = {"Lena Osk": "person", "Tom Reed": "person", "Ada Quill": "person", "Oren Daly": "person"}
    assert _found(text, actors) == []  # the negative words alone
    labels = {"s1": {"accused": ["Tom Reed"], "category": "fraud"},
              "s2": {"accused": ["Ada Quill"], "category": "crime"}}
    assert _found(text, actors, labels) == []
    # said outright, the same words charge him
    text = text.replace("If indeed Tom Reed is", "Tom Reed is").replace(", then the whole", " and the whole")
    assert (["Lena Osk"], ["Tom Reed"]) in _found(text, actors, labels)


def test_one_named_only_inside_what_another_did_is_not_the_accused() -> None:
    """'the states were exaggerating the reach of the agency', 'felt demoralized serving under Quill': the
    model blames whoever a charged sentence names; the accused is a clause's subject, an owner or an agent."""
    text = ("Harbour Row\n\nLena Osk said the coastal states were falsely exaggerating the reach of the Harbour "
            "Agency. Tom Reed said he felt betrayed and demoralized serving under Ada Quill. Lena Osk said Oren "
            "Daly lied about the budget. Tom Reed said the smear was a disgraceful effort by Ada Quill.\n")
    actors = {"Lena Osk": "person", "Harbour Agency": "government", "Tom Reed": "person", "Ada Quill": "person",
              "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Harbour Agency"], "category": "disinformation"},
              "s2": {"accused": ["Ada Quill"], "category": "misconduct"},
              "s3": {"accused": ["Oren Daly"], "category": "disinformation"},
              "s4": {"accused": ["Ada Quill"], "category": "disinformation"}}
    assert _found(text, actors, labels) == [(["Lena Osk"], ["Oren Daly"]), (["Tom Reed"], ["Ada Quill"])]


def test_a_passive_subject_that_only_undergoes_the_act_is_not_the_accused() -> None:
    """'Reed was once asked how the disastrous war would end': the subject of a passive verb only underwent the
    act; the model blames it anyway. Unless the participle charges it ('was caught lying', 'is seen as a bully')
    or the one who did the act is named after 'by'."""
    text = ("Harbour Row\n\nTom Reed was once asked how the disastrous war would end, Lena Osk said. Ada Quill was "
            "caught lying about the budget, Oren Daly said. Tom Reed is widely seen as a bully, Lena Osk said. Oren "
            "Daly said Tom Reed was invited to the gala by Ada Quill, a disgraceful liar.\n")
    actors = {"Lena Osk": "person", "Tom Reed": "person", "Ada Quill": "person", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Tom Reed"], "category": "other"},
              "s2": {"accused": ["Ada Quill"], "category": "disinformation"},
              "s3": {"accused": ["Tom Reed"], "category": "other"},
              "s4": {"accused": ["Tom Reed", "Ada Quill"], "category": "disinformation"}}
    assert _found(text, actors, labels) == [(["Oren Daly"], ["Ada Quill"]), (["Lena Osk"], ["Tom Reed"]),
                                            (["Oren Daly"], ["Ada Quill"])]
    # the negative words alone do not blame the one the disastrous war was asked of either
    assert _found(text.split(" Ada Quill was")[0] + "\n", actors) == []
