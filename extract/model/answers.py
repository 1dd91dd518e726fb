"""What the model is asked to answer: small response models, with closed lists wherever possible.

These are not the record (that is `schemas/`); they are the model's side of each question. Their JSON
schema goes into the prompt and, on llama.cpp, into the grammar, so it is kept compact: no titles, no
descriptions the prompt already gives. Output tokens are the cost on a CPU, so the answers are short.
"""

# No `from __future__ import annotations`: pydantic would evaluate the base classes' annotations (strings)
# again for every accusations answer model, and one is made per article.
import copy
import json
from enum import StrEnum
from typing import Any, ClassVar, get_args

from instructor import ResponseSchema
from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler
from pydantic.fields import FieldInfo
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

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


class Answer(ResponseSchema):
    """Base of every model-facing answer: compact schema for prompt and grammar.

    Extra keys are refused: an answer with a key the question did not ask for ("s99" for a statement
    that does not exist) is re-asked, not silently trimmed. A `ResponseSchema` already, so instructor uses
    the class as it is instead of deriving (and building) a wrapper class from it on every call.
    """

    model_config = ConfigDict(extra="forbid")

    #: What the prompt shows instead of the full schema, when that is long (see accusations_answer).
    prompt_schema: ClassVar[dict[str, Any] | None] = None
    #: The exact schema when it is known without asking pydantic (see accusations_answer), as JSON text
    #: (loading it is a much cheaper copy than `copy.deepcopy`); subclasses (`server_enforced`) inherit it.
    exact: ClassVar[str | None] = None
    #: The exact schema pydantic derived (JSON text), kept by the class it was derived for (never inherited).
    derived: ClassVar[str | None] = None

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The schema instructor writes into the prompt: short, without titles (a copy: callers mutate it)."""
        if cls.prompt_schema is not None:
            return copy.deepcopy(cls.prompt_schema)
        return cls.grammar_schema()

    @classmethod
    def grammar_schema(cls) -> dict[str, Any]:
        """The exact schema, every enum included: llama.cpp decodes under it, pydantic validates by it.

        Made once per class (a copy each time: callers mutate it); generating it costs more than a call's
        own client-side work.
        """
        schema = cls.exact or cls.__dict__.get("derived")
        if schema is None:
            schema = json.dumps(BaseModel.model_json_schema.__func__(cls, schema_generator=_Untitled))  # type: ignore[attr-defined]
            cls.derived = schema
        loaded: dict[str, Any] = json.loads(schema)
        return loaded


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


class StatementLabel:
    """One statement's label as validated: whom it accuses (names from its offer), and of what.

    A plain class: pydantic would validate a pydantic model's instances by that model's own prebuilt
    validator, not by the statement's core schema made in `accusations_answer`.
    """

    accused: list[str]
    category: Label

    def __repr__(self) -> str:
        return f"StatementLabel(accused={self.accused!r}, category={self.category.value!r})"


#: Every label's category is this one enum, defined once per answer model: the validator then builds it
#: once, not once per statement.
_LABEL_ENUM = core_schema.enum_schema(Label, list(Label), sub_type="str", ref="Label")
_CATEGORY = core_schema.model_field(core_schema.definition_reference_schema("Label"))
_LABEL_JSON = {"enum": [label.value for label in Label], "type": "string"}
#: What every statement key of an answer model is to pydantic's introspection (`model_fields`): a required label.
_LABEL_FIELD = FieldInfo.from_annotation(StatementLabel)


class StatementLabels(Answer):
    """Answer to the accusations task; each article's statements make a subclass (`accusations_answer`).

    The subclass carries its labels' core schemas (`s1`, `s2`... each a `StatementLabel`), and pydantic is
    handed the whole model's core schema here instead of deriving it field by field: deriving was two thirds
    of building the class, which happens once per article. The keys become its fields once it is built.
    """

    #: The label of each statement key (`s1`...), as the core schema `accusations_answer` made for it.
    label_fields: ClassVar[dict[str, core_schema.ModelField]] = {}

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Declare the statement keys as fields (`model_fields`) once the class is built, all of one `FieldInfo`.

        Declared as annotations instead, pydantic would collect and check one `FieldInfo` per key again on
        every article's class (a third of building it); the validator is the core schema either way.
        """
        super().__pydantic_init_subclass__(**kwargs)
        cls.__pydantic_fields__ = dict.fromkeys(cls.label_fields, _LABEL_FIELD)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: type[BaseModel], handler: GetCoreSchemaHandler, /) -> CoreSchema:
        model = core_schema.model_schema(
            cls,
            core_schema.model_fields_schema(cls.label_fields, model_name="StatementLabels"),
            custom_init=False,
            root_model=False,
            config={"title": "StatementLabels", "extra_fields_behavior": "forbid"},
        )
        return core_schema.definitions_schema(model, [_LABEL_ENUM])


def accusations_answer(candidates: dict[int, list[str]]) -> type[Answer]:
    """Answer to the accusations task: one label per statement, keyed `s1`, `s2`... in order.

    Asking about every statement, rather than "find the accusations", keeps a small model from skipping or
    repeating statements; the grammar makes every key appear once, in order. Each statement's `accused`
    is an enum of the actors named inside that statement (never its speaker), so a model cannot accuse
    someone the statement does not talk about.

    Built once per article, so built cheaply: every label is a `StatementLabel` validated by a core schema
    made here (titled `S<n>`, as the errors a re-ask quotes name it), and the exact JSON schema is written
    here, not derived by pydantic; both are what one pydantic model per statement gave (a test compares).
    """
    fields: dict[str, core_schema.ModelField] = {}
    defs: dict[str, Any] = {"Label": _LABEL_JSON}
    keys: list[str] = []
    for number, names in candidates.items():
        title, limit, choices = f"S{number}", min(len(names), 6), list(dict.fromkeys(names))
        items = core_schema.literal_schema(choices) if choices else core_schema.str_schema()
        label = core_schema.model_schema(
            StatementLabel,
            core_schema.model_fields_schema(
                {
                    "accused": core_schema.model_field(core_schema.list_schema(items, max_length=limit)),
                    "category": _CATEGORY,
                },
                model_name=title,
            ),
            custom_init=False,
            root_model=False,
            config={"title": title, "extra_fields_behavior": "forbid"},
        )
        fields[f"s{number}"] = core_schema.model_field(label)
        keys.append(f"s{number}")
        item_json = _literal_json(choices) if choices else {"type": "string"}
        defs[title] = {
            "additionalProperties": False,
            "properties": {
                "accused": {"items": item_json, "maxItems": limit, "type": "array"},
                "category": {"$ref": "#/$defs/Label"},
            },
            "required": ["accused", "category"],
            "type": "object",
        }
    exact = json.dumps({
        **({"$defs": dict(sorted(defs.items()))} if keys else {}),
        "additionalProperties": False,
        "properties": {key: {"$ref": f"#/$defs/S{key[1:]}"} for key in keys},
        **({"required": keys} if keys else {}),
        "type": "object",
    })
    # The prompt needs the shape, not every statement's enum nor every key (the grammar enforces those).
    prompt_schema = {
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
    namespace = {
        "label_fields": fields,
        "exact": exact,
        "prompt_schema": prompt_schema,
        "__module__": __name__,
    }
    model: type[Answer] = type("StatementLabels", (StatementLabels,), namespace)
    return model


def _literal_json(choices: list[str]) -> dict[str, Any]:
    """A closed list of strings as pydantic writes it: `const` for one value, else `enum`."""
    if len(choices) == 1:
        return {"const": choices[0], "type": "string"}
    return {"enum": choices, "type": "string"}


def exact_schema(response_model: type[BaseModel]) -> dict[str, Any]:
    """The schema to decode under: an Answer's exact `grammar_schema()`, else the model's JSON schema."""
    exact = getattr(response_model, "grammar_schema", None)
    schema: dict[str, Any] = exact() if callable(exact) else response_model.model_json_schema()
    return schema


# Keywords OpenAI's strict structured outputs refuse; validation still checks the limits they carried.
_NOT_STRICT = ("maxLength", "minLength", "description", "title", "default")


def strict_schema(response_model: type[BaseModel]) -> dict[str, Any]:
    """The exact schema in the dialect of OpenAI's strict structured outputs (also accepted by vLLM).

    Every object closes (`additionalProperties: false`) and requires all its properties; a one-value
    `const` becomes an `enum`; keywords strict mode rejects are dropped.
    """
    schema = copy.deepcopy(exact_schema(response_model))

    def close(node: Any) -> None:
        if isinstance(node, dict):
            for key in _NOT_STRICT:
                if not isinstance(node.get(key), dict):
                    node.pop(key, None)
            if "const" in node:
                node["enum"] = [node.pop("const")]
            if node.get("type") == "object" and "properties" in node:
                node["additionalProperties"] = False
                node["required"] = list(node["properties"])
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(schema)
    return schema


def server_enforced(response_model: type[BaseModel]) -> type[BaseModel]:
    """The answer model as sent to a server that enforces the schema itself (OpenAI tools or json_schema).

    Such servers get the exact, strict schema (every enum; a `title` to name the tool), not the compact
    one written into prompts; validation is the original model's. Not cached: statement-label models are
    made per article, and a cache would keep every one of them alive.
    """
    name = response_model.__name__

    def model_json_schema(cls: type[BaseModel], *args: Any, **kwargs: Any) -> dict[str, Any]:
        return {"title": name, **strict_schema(response_model)}

    return type(name, (response_model,), {"model_json_schema": classmethod(model_json_schema),
                                          "__doc__": response_model.__doc__})
