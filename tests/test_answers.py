"""The accusations answer is built cheaply, yet schema and validation are those of one model per statement."""

from __future__ import annotations

import json
from typing import Any, Literal, cast

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field, ValidationError, create_model

from extract.model.answers import ActorsAnswer, Answer, Label, accusations_answer, server_enforced, strict_schema


def _one_model_per_statement(candidates: dict[int, list[str]]) -> type[Answer]:
    """The straightforward construction the fast one must equal: a pydantic model per statement label."""
    fields: dict[str, Any] = {}
    for number, names in candidates.items():
        item = cast(Any, Literal.__getitem__(tuple(names))) if names else str
        label = create_model(
            f"S{number}",
            __base__=Answer,
            accused=(list.__class_getitem__(item), Field(max_length=min(len(names), 6))),
            category=(Label, ...),
        )
        fields[f"s{number}"] = (label, ...)
    return create_model("StatementLabels", __base__=Answer, **fields)


def _derived(model: type[BaseModel]) -> dict[str, Any]:
    return Answer.grammar_schema.__func__(type("Reference", (model,), {"exact": None}))  # type: ignore[attr-defined,no-any-return]


_NAMES = st.lists(st.sampled_from(["NATO", "China", "U.S.", "Mr. O'Neil", 'Zoë "Z" Ray', "a", "b", "c"]), max_size=8)
_CANDIDATES = st.dictionaries(st.integers(1, 14), _NAMES, max_size=6)
_VALUE = st.one_of(
    st.sampled_from([label.value for label in Label] + ["accusation", "", None, 3]),
    st.lists(st.sampled_from(["NATO", "China", "d", 1]), max_size=8),
)
_LABEL: st.SearchStrategy[Any] = st.one_of(
    st.dictionaries(st.sampled_from(["accused", "category", "extra"]), _VALUE, max_size=3),
    st.sampled_from(["none", None, [], 0]),
)


def _outcome(model: type[BaseModel], answer: dict[str, Any]) -> object:
    """What validation makes of an answer: each label's (accused, category), or the error text."""
    try:
        labels = model.model_validate(answer)
    except ValidationError as exc:
        return str(exc)  # a re-ask quotes this text to the model
    return {key: (getattr(labels, key).accused, getattr(labels, key).category) for key in answer}


@settings(max_examples=60, deadline=None)
@given(candidates=_CANDIDATES, answer=st.dictionaries(st.sampled_from([f"s{n}" for n in range(1, 15)]), _LABEL))
def test_fast_accusations_answer_equals_one_model_per_statement(
    candidates: dict[int, list[str]], answer: dict[str, Any]
) -> None:
    fast, reference = accusations_answer(candidates), _one_model_per_statement(candidates)
    assert json.dumps(fast.grammar_schema()) == json.dumps(_derived(reference))
    assert strict_schema(fast) == strict_schema(reference)
    valid = {f"s{n}": {"accused": names[:1], "category": "other"} for n, names in candidates.items()}
    enforced = server_enforced(fast)  # what a tools / json-schema server's answer is validated by
    for attempt in (valid, answer, {**valid, **answer}):
        assert _outcome(fast, attempt) == _outcome(reference, attempt) == _outcome(enforced, attempt)
    assert isinstance(_outcome(fast, valid), dict)
    # the statement keys are the model's fields, in order and required, as one model per statement has them
    for model in (fast, enforced):
        assert list(model.model_fields) == list(reference.model_fields)
        assert all(field.is_required() for field in model.model_fields.values())


def test_server_enforced_statement_labels_keep_the_exact_schema() -> None:
    model = accusations_answer({1: ["NATO", "China"], 2: []})
    sent = server_enforced(model).model_json_schema()
    assert sent["title"] == "StatementLabels"
    assert sent["properties"]["s1"] == {"$ref": "#/$defs/S1"}
    assert sent["$defs"]["S1"]["properties"]["accused"]["items"]["enum"] == ["NATO", "China"]
    assert sent["$defs"]["S2"]["properties"]["accused"]["maxItems"] == 0


def test_grammar_schema_is_a_fresh_copy_each_time() -> None:
    first = ActorsAnswer.grammar_schema()
    first["properties"].clear()
    assert ActorsAnswer.grammar_schema()["properties"]["actors"]["maxItems"] == 40
