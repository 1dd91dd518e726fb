"""The checking round: one closed yes/no question per proposed accuser and accused, on invented articles."""

from __future__ import annotations

import pytest

from extract.model.answers import ActorsAnswer
from extract.model.prompting import load_prompts
from extract.pipeline import Failed, plan
from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run

TEXT = (
    "Harbour Row\n\n"
    "Senator Ada Quill said Verra Holdings paid bribes to win the harbour contract and Lena Osk hid them from "
    "the board.\n"
)
ACTORS = {"Ada Quill": "person", "Verra Holdings": "organization", "Lena Osk": "person"}
LABELS = {"s1": {"accused": ["Verra Holdings", "Lena Osk"], "category": "corruption"}}


@pytest.fixture(autouse=True)
def _checking_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACT_CHECK_ACCUSATIONS", "1")


def _pairs(verdicts: dict[str, str] | None) -> list[tuple[list[str], list[str]]]:
    actors, _, allegations, _, _ = _run(TEXT, ACTORS, LABELS, verdicts)
    return who_accuses_whom(actors, allegations)


def _checking_round() -> tuple[str, list[str]]:
    """The checking request's task text and answer keys, after the labels above."""
    steps = plan(TEXT, load_prompts(), [], model_actors=True)
    next(steps)
    (labels,) = steps.send([ActorsAnswer.model_validate({"actors": [{"name": n, "kind": k}
                                                                     for n, k in ACTORS.items()]})])
    (check,) = steps.send([labels.response_model.model_validate(LABELS)])
    return check.messages[0]["content"], list(check.response_model.model_fields)


def test_each_proposed_accused_gets_one_closed_question_quoting_the_statement() -> None:
    prompt, keys = _checking_round()
    assert keys == ["q1", "q2"]
    assert 'q1. Ada Quill said: "Verra Holdings paid bribes' in prompt
    assert "Does Ada Quill say that Verra Holdings did something wrong?" in prompt
    assert "Does Ada Quill say that Lena Osk did something wrong?" in prompt
    assert prompt.index("ARTICLE:") < prompt.index("QUESTIONS:")  # the article first: its prefix is reused


def test_a_no_drops_that_accused_and_keeps_the_others() -> None:
    assert _pairs({"q1": "yes", "q2": "yes"}) == [(["Ada Quill"], ["Verra Holdings", "Lena Osk"])]
    assert _pairs({"q1": "yes", "q2": "no"}) == [(["Ada Quill"], ["Verra Holdings"])]
    assert _pairs({"q1": "no", "q2": "no"}) == []


def test_without_the_variable_no_checking_round_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXTRACT_CHECK_ACCUSATIONS")
    steps = plan(TEXT, load_prompts(), [], model_actors=True)
    next(steps)
    (labels,) = steps.send([ActorsAnswer.model_validate({"actors": [{"name": n, "kind": k}
                                                                     for n, k in ACTORS.items()]})])
    with pytest.raises(StopIteration):
        steps.send([labels.response_model.model_validate(LABELS)])


def test_a_failed_check_keeps_the_proposed_accusation_with_a_warning() -> None:
    warnings: list[str] = []
    steps = plan(TEXT, load_prompts(), warnings, model_actors=True)
    next(steps)
    (labels,) = steps.send([ActorsAnswer.model_validate({"actors": [{"name": n, "kind": k}
                                                                     for n, k in ACTORS.items()]})])
    steps.send([labels.response_model.model_validate(LABELS)])
    try:
        steps.send([Failed("verify: the model's answer was cut off at 40 tokens")])
    except StopIteration as done:
        _, _, allegations = done.value
    assert len(allegations) == 1 and len(allegations[0].accused) == 2
    assert any("accusations kept unchecked" in w for w in warnings)
