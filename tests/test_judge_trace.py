"""The judge says which rule dropped each accused the model proposed (issue 12, judge8: a bench's trace).

`bench/judge_rules.py` counts, per rule, the right and wrong accusations it drops; that needs `judge` to name
the rule. The trace must not change the verdict.
"""

from __future__ import annotations

from typing import Any

import pytest

import extract.pipeline as pipeline
from extract.language.allegations import Dropped, judge
from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run


def _traced(monkeypatch: pytest.MonkeyPatch, text: str, actors: dict[str, str], labels: dict[str, Any]) -> tuple[
        list[tuple[str, list[str]]], list[tuple[list[str], list[str]]]]:
    """The rules that dropped names (rule, names) over the run, and who accuses whom in its record."""
    drops: list[tuple[str, list[str]]] = []
    def tracing(*args: Any, **kwargs: Any) -> Any:
        dropped: Dropped = []
        verdict = judge(*args, **{**kwargs, "dropped": dropped})
        drops.extend((rule, [d.name for d in names]) for rule, names in dropped)
        return verdict

    monkeypatch.setattr(pipeline, "judge", tracing)
    named, _, allegations, _, _ = _run(text, actors, labels)
    return drops, who_accuses_whom(named, allegations)


def test_a_victim_the_model_proposes_is_dropped_by_the_harmed_rule_and_the_doer_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Arms Row\n\nLena Osk said the brutal invasion carried out by Orland was a grave danger to "
            "Pellia.\n")
    actors = {"Lena Osk": "person", "Orland": "country", "Pellia": "country"}
    labels = {"s1": {"accused": ["Orland", "Pellia"], "category": "armed_aggression"}}
    drops, found = _traced(monkeypatch, text, actors, labels)
    assert drops == [("named as harmed or addressed", ["Pellia"])]
    assert found == [(["Lena Osk"], ["Orland"])]


def test_a_reassurance_drops_every_name_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Harbour Row\n\nTom Reed said the Harbour Board takes the complaint about Oren Daly very seriously.\n"
    actors = {"Tom Reed": "person", "Harbour Board": "organization", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Harbour Board", "Oren Daly"], "category": "misconduct"}}
    drops, found = _traced(monkeypatch, text, actors, labels)
    assert drops == [("reassurance", ["Harbour Board", "Oren Daly"])]
    assert found == []


def test_an_exoneration_accuses_nobody_it_clears(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Harbour Row\n\nTom Reed said the career of Oren Daly has been investigated for years to no avail.\n")
    actors = {"Tom Reed": "person", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "other"}}
    drops, found = _traced(monkeypatch, text, actors, labels)
    assert drops == [("exoneration", ["Oren Daly"])]
    assert found == []


def test_a_clearing_with_a_wrong_beside_it_still_accuses(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Harbour Row\n\nTom Reed said Oren Daly lied to the harbour board for years, though he was cleared "
            "of the charges.\n")
    actors = {"Tom Reed": "person", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "disinformation"}}
    _, found = _traced(monkeypatch, text, actors, labels)
    assert found == [(["Tom Reed"], ["Oren Daly"])]


@pytest.mark.parametrize("sentence", [
    "Tom Reed admitted that the Harbour Board had made mistakes in its first inquiry into Oren Daly.",
    "Tom Reed has acknowledged that the Harbour Board had made mistakes in its first inquiry into Oren Daly.",
    "Tom Reed learned that Oren Daly had been charged with bribing the Harbour Board.",
])
def test_an_admission_or_what_the_speaker_learned_accuses_nobody(monkeypatch: pytest.MonkeyPatch,
                                                                 sentence: str) -> None:
    text = f"Harbour Row\n\n{sentence}\n"
    actors = {"Tom Reed": "person", "Harbour Board": "organization", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Harbour Board", "Oren Daly"], "category": "corruption"}}
    drops, found = _traced(monkeypatch, text, actors, labels)
    assert drops == [("admission", ["Harbour Board", "Oren Daly"])]
    assert found == []


def test_the_same_charge_said_rather_than_admitted_still_accuses(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Harbour Row\n\nTom Reed said that Oren Daly had taken bribes from the Harbour Board.\n"
    actors = {"Tom Reed": "person", "Harbour Board": "organization", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "corruption"}}
    _, found = _traced(monkeypatch, text, actors, labels)
    assert found == [(["Tom Reed"], ["Oren Daly"])]


@pytest.mark.parametrize("sentence", [
    "Tom Reed said it could not be proved that the van that struck Ms Quill belonged to the Harbour Board.",
    "Tom Reed said the violent thugs who kidnapped Ada Quill were paid by the Harbour Board.",
    "Tom Reed said a guard of the Harbour Board brutally and illegally shot Ada Quill.",
])
def test_one_struck_shot_or_kidnapped_is_harmed_not_accused(monkeypatch: pytest.MonkeyPatch, sentence: str) -> None:
    text = f"Harbour Row\n\nAda Quill sued the board.\n\n{sentence}\n"
    actors = {"Tom Reed": "person", "Harbour Board": "organization", "Ada Quill": "person"}
    labels = {"s1": {"accused": ["Ada Quill"], "category": "other"}}
    drops, found = _traced(monkeypatch, text, actors, labels)
    assert drops[0] == ("named as harmed or addressed", ["Ada Quill"])
    assert all("Ada Quill" not in accused for _, accused in found)  # the board may be: it did the wrong
