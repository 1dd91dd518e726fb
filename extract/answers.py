"""What the model is asked to answer: small response models, with closed lists wherever possible.

These are not the record (that is `schemas/`); they are the model's side of each question. Their JSON
schema goes into the prompt and, on llama.cpp, into the grammar, so it is kept compact: no titles, no
descriptions the prompt already gives. Output tokens are the cost on a CPU, so the answers are short.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar, Literal, cast, get_args

from pydantic import BaseModel, Field, create_model
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import core_schema

from schemas import ActorKind, AllegationCategory


class _Untitled(GenerateJsonSchema):
    """JSON schema without the titles and docstrings pydantic adds (tokens, not information)."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def generate(self, schema: core_schema.CoreSchema, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        result = super().generate(schema, mode)
        for node in (result, *result.get("$defs", {}).values()):
            node.pop("title", None)
            node.pop("description", None)  # docstrings are for developers; the prompt explains the task
        return result


class Answer(BaseModel):
    """Base of every model-facing answer: compact schema for prompt and grammar."""

    #: What the prompt shows instead of the full schema, when that is long (see accusations_answer).
    prompt_schema: ClassVar[dict[str, Any] | None] = None

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The schema instructor writes into the prompt: short, without titles."""
        if cls.prompt_schema is not None:
            return cls.prompt_schema
        return cls.grammar_schema()

    @classmethod
    def grammar_schema(cls) -> dict[str, Any]:
        """The exact schema, every enum included: llama.cpp decodes under it, pydantic validates by it."""
        return BaseModel.model_json_schema.__func__(cls, schema_generator=_Untitled)  # type: ignore[attr-defined,no-any-return]


class ProposedActor(Answer):
    """An actor as the model names it; grounded and merged afterwards."""

    name: str = Field(max_length=120)
    kind: ActorKind


class ActorsAnswer(Answer):
    """Answer to the actors task."""

    prompt_schema: ClassVar[dict[str, Any] | None] = {
        "type": "object",
        "properties": {
            "actors": {
                "type": "array",
                "items": {"properties": {"name": {"type": "string"}, "kind": {"enum": list(get_args(ActorKind))}}},
            }
        },
    }

    actors: list[ProposedActor] = Field(max_length=40)


#: Labels of a statement that accuses nobody: a denial of an accusation, or neither.
DENIAL, NEITHER = "denial", "none"

Label = StrEnum("Label", {name: name for name in (*get_args(AllegationCategory), DENIAL, NEITHER)})  # type: ignore[misc]


def accusations_answer(candidates: dict[int, list[str]]) -> type[Answer]:
    """Answer to the accusations task: one label per statement, keyed `s1`, `s2`... in order.

    Asking about every statement, rather than "find the accusations", keeps a small model from skipping or
    repeating statements; the grammar makes every key appear once, in order. Each statement's `accused`
    is an enum of the actors named inside that statement (never its speaker), so a model cannot accuse
    someone the statement does not talk about.
    """
    fields: dict[str, Any] = {}
    keys: list[str] = []
    for number, names in candidates.items():
        item = cast(Any, Literal.__getitem__(tuple(names))) if names else str
        limit = min(len(names), 6)
        label = create_model(
            f"S{number}",
            __base__=Answer,
            accused=(list.__class_getitem__(item), Field(max_length=limit)),
            category=(Label, ...),
        )
        fields[f"s{number}"] = (label, ...)
        keys.append(f"s{number}")
    model = create_model("StatementLabels", __base__=Answer, **fields)
    # The prompt needs the shape, not every statement's enum nor every key (the grammar enforces those).
    model.prompt_schema = {
        "type": "object",
        "description": f"one key per statement, in order: {', '.join(keys)}",
        "additionalProperties": {
            "type": "object",
            "properties": {
                "accused": {"type": "array", "items": {"type": "string"}},
                "category": {"enum": [label.value for label in Label]},
            },
        },
    }
    return model
