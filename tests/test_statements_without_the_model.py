"""The statements of a record are the text's: the model's answer adds, drops and re-attributes none of them.

This is what lets `bench/statements.py` score the pipeline's statements on PolNeAR without a model.
"""

from __future__ import annotations

from typing import Any

from extract.model.prompting import load_prompts
from extract.pipeline import Failed, plan

TEXT = (
    "Harbour Row\n\n"
    'Senator Ada Quill said Mayor Tom Brill took bribes to award the harbour contract. "He sold the vote," '
    "she said.\n\n"
    "Brill denied wrongdoing. Officials said the contract would be reviewed.\n"
)


def _statements(answer: Any) -> tuple[list[tuple[str, str, tuple[int, int]]], int]:
    """Plan the article (actors from the text), answer its labels round with `answer(request)` and the second
    look, if it asks, "no" to every question: the statements (text, speaker, span) and the number of allegations."""
    steps = plan(TEXT, load_prompts(), [])
    requests = next(steps)
    for _ in range(2):
        try:
            requests = steps.send([answer(r) if r.label == "accusations" else _no(r) for r in requests])
        except StopIteration as done:
            actors, statements, allegations = done.value
            names = {a.id: a.name for a in actors}
            return [(s.text, names[s.speaker], s.span) for s in statements], len(allegations)
    raise AssertionError("the plan asked a third round")


def _no(request: Any) -> Any:
    assert request.label == "second look", request.label
    model = request.response_model
    return model.model_validate({k: "no" for k in model.model_fields})


def _accusing(request: Any) -> Any:
    """The first statement labelled as accusing Tom Brill of corruption, the others as accusing nobody."""
    keys = list(request.response_model.model_fields)
    values = {k: {"accused": [], "category": "none"} for k in keys}
    values[keys[0]] = {"accused": ["Tom Brill"], "category": "corruption"}
    return request.response_model.model_validate(values)


def _none(request: Any) -> Any:
    model = request.response_model
    return model.model_validate({k: {"accused": [], "category": "none"} for k in model.model_fields})


def test_statements_are_the_same_whatever_the_model_answers() -> None:
    said, none = _statements(_none)
    accusing, found = _statements(_accusing)
    assert (none, found) == (0, 1)  # the answers do differ: one allegation against none
    assert accusing == said  # yet no statement changed
    assert _statements(lambda request: Failed("the server went away")) == (said, 0)  # nor when unanswered
    assert [(text, speaker) for text, speaker, _ in said] == [
        ("Mayor Tom Brill took bribes to award the harbour contract", "Ada Quill"),
        ("He sold the vote", "Ada Quill"),
        ("the contract would be reviewed", "Officials"),
    ]
