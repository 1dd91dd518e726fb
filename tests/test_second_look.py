"""The second look: a closed yes/no question for a statement the model labelled "none" that names a wrong.

Invented sentences; the labels and the yes/no answers are given, so what is tested is which statements are
asked about and what the judge makes of a "yes".
"""

from __future__ import annotations

import pytest

from extract.language.categories import names_a_wrong
from extract.language.evaluative import speaks_ill
from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run


@pytest.fixture(autouse=True)
def _second_look_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXTRACT_SECOND_LOOK", raising=False)  # on: the default


ACTORS = {"Ada Quill": "person", "Oren Daly": "person", "Harbour Board": "organization", "Lena Osk": "person"}


def test_a_plain_charge_labelled_none_is_an_accusation_when_the_model_says_yes_to_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'Daly bought votes': no judging word (the words alone accuse nobody), but it names a wrong and a doer."""
    charge = "Oren Daly bought votes in the harbour district"
    assert names_a_wrong(charge) and not speaks_ill(charge)
    text = f"Vote Row\n\nSenator Ada Quill said {charge}.\n"
    # turned off (the option, or EXTRACT_SECOND_LOOK=0): no question, and the words alone accuse nobody
    _, _, allegations, _, _ = _run(text, ACTORS, verdicts={"q1": "yes"}, second_look=False)
    assert allegations == []
    monkeypatch.setenv("EXTRACT_SECOND_LOOK", "0")
    _, _, allegations, _, _ = _run(text, ACTORS, verdicts={"q1": "yes"})
    assert allegations == []
    named, _, allegations, _, _ = _run(text, ACTORS, verdicts={"q1": "yes"}, second_look=True)  # the option wins
    assert who_accuses_whom(named, allegations) == [(["Ada Quill"], ["Oren Daly"])]
    monkeypatch.delenv("EXTRACT_SECOND_LOOK")  # on by default
    named, _, allegations, _, _ = _run(text, ACTORS, verdicts={"q1": "yes"})
    assert who_accuses_whom(named, allegations) == [(["Ada Quill"], ["Oren Daly"])]
    assert allegations[0].category == "election_interference"
    named, _, allegations, _, _ = _run(text, ACTORS, verdicts={"q1": "no"})
    assert allegations == []


def test_the_second_look_asks_only_about_a_clause_subject_of_the_other_side() -> None:
    """A name after a preposition is no doer; the speaker's own body is not asked about; a denial is not."""
    for text in (
        "Vote Row\n\nSenator Ada Quill said votes were bought in the district of Oren Daly.\n",
        "Vote Row\n\nAda Quill, head of the Harbour Board, said the Harbour Board bought no votes.\n",
        "Vote Row\n\nOren Daly denied that he bought votes in the harbour district.\n",
        # the object of a verb, though after "and"/"but": "to attack and critique Daly", "allow Daly to …"
        "Vote Row\n\nAda Quill said there are reasons to meet and question Oren Daly, but the tweet was about vote "
        "buying.\n",
    ):
        _, _, allegations, _, _ = _run(text, ACTORS, verdicts={"q1": "yes"})
        assert allegations == [], text
