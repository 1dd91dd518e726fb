"""Prompt files: loaded from the `prompts` package, validated, rendered, and hashed for provenance.

Prompts are `string.Template` files (`$name` placeholders). Each file declares nothing itself; the set of
placeholders it must use is fixed here, so a typo in a prompt fails at load time with the file's name, not
as a silently half-filled prompt sent to the model.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from string import Template

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from extract.errors import PromptError
from extract.model.answers import ActorsAnswer, accusations_answer
from schemas import ALLEGATION_CATEGORIES

#: Each prompt file and the placeholders it must contain, no more, no fewer.
PROMPT_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "system.md": frozenset(
        {"categories", "example_article", "example_actors", "example_statements", "example_accusations", "article"}
    ),
    "actors.md": frozenset(),
    "accusations.md": frozenset({"statements"}),
    "verify.md": frozenset({"questions"}),
}
EXAMPLE_FILE = "example.json"


class _ExampleStatement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: int
    speaker: str
    text: str
    names: list[str]


class _Example(BaseModel):
    """The worked example shown to the model; written about invented events, never a real article."""

    model_config = ConfigDict(extra="forbid")
    article: str
    actors: dict[str, list[dict[str, str]]]
    statements: list[_ExampleStatement]
    accusations: dict[str, dict[str, object]]

    @model_validator(mode="after")
    def _consistent(self) -> _Example:
        """The example must obey the rules the real answers are held to, or it teaches the model to break them."""
        ActorsAnswer.model_validate(self.actors)
        for statement in self.statements:
            if statement.text not in self.article:
                raise ValueError(f"statement {statement.number} is not a verbatim span of the example article")
        for actor in self.actors.get("actors", []):
            if actor.get("name", "") not in self.article:
                raise ValueError(f"actor {actor.get('name')!r} is not named in the example article")
        try:
            accusations_answer({s.number: s.names for s in self.statements}).model_validate(self.accusations)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ValueError(f"label {where}: {first['msg']} (labels obey the statements' names)") from None
        return self


@dataclass(frozen=True)
class PromptSet:
    """The loaded, validated prompt files and their combined SHA-256."""

    templates: dict[str, Template]
    example: _Example
    sha256: str

    def render(self, name: str, **values: str) -> str:
        """Fill one prompt; every placeholder is known to exist, so this cannot half-fill."""
        return self.templates[name].substitute(values)

    def system(self, article: str) -> str:
        """The shared prefix of every call: rules, worked example, then the article (cache-friendly)."""
        ex = self.example
        return self.render(
            "system.md",
            categories="; ".join(f"{k} ({v})" for k, v in ALLEGATION_CATEGORIES.items()),
            example_article=ex.article,
            example_actors=json.dumps(ex.actors, ensure_ascii=False),
            example_statements=format_statements([(s.number, s.speaker, s.text, s.names) for s in ex.statements]),
            example_accusations=json.dumps(ex.accusations, ensure_ascii=False),
            article=article,
        )


def format_statements(rows: list[tuple[int, str, str, list[str]]]) -> str:
    """Statements as the model sees them, one per line: `sN. [speaker] (names: actors it names) text`."""
    return "\n".join(
        f"s{number}. [{speaker}] (names: {', '.join(names) or 'nobody'}) {text}"
        for number, speaker, text, names in rows
    )


@cache
def load_prompts(root: Traversable | None = None) -> PromptSet:
    """Load and validate every prompt file shipped in the `prompts` package (or in `root`)."""
    root = root or resources.files("prompts")
    digest = hashlib.sha256()
    templates: dict[str, Template] = {}
    for name in sorted([*PROMPT_PLACEHOLDERS, EXAMPLE_FILE]):
        try:
            raw = (root / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PromptError(f"prompts/{name}: cannot read ({exc})") from None
        if not raw.strip():
            raise PromptError(f"prompts/{name}: is empty")
        digest.update(name.encode() + b"\0" + raw.encode() + b"\0")
        if name == EXAMPLE_FILE:
            example_raw = raw
            continue
        template = Template(raw)
        if not template.is_valid():
            raise PromptError(f"prompts/{name}: has a stray '$' (write '$$' for a literal dollar sign)")
        found = set(template.get_identifiers())
        wanted = PROMPT_PLACEHOLDERS[name]
        if found != wanted:
            missing, unknown = sorted(wanted - found), sorted(found - wanted)
            raise PromptError(f"prompts/{name}: placeholders missing {missing}, unknown {unknown}")
        templates[name] = template
    try:
        example = _Example.model_validate_json(example_raw)
    except ValidationError as exc:
        raise PromptError(f"prompts/{EXAMPLE_FILE}: {exc.errors()[0]['msg']}") from None
    return PromptSet(templates=templates, example=example, sha256=digest.hexdigest())
