"""Gold annotation files (`tests/gold/README.md`): their schema and loading, for `extract eval` and the benches."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from extract.errors import InputError, RecordError


class GoldModel(BaseModel):
    """What every gold item shares: unknown keys are ignored, and an item may be marked optional."""

    model_config = ConfigDict(extra="ignore")

    required: bool = True


class GoldActor(GoldModel):
    """An actor the article names; any of `name` and `aliases` identifies it."""

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    kind: str | None = None
    role: str | None = None


class GoldStatement(GoldModel):
    """Something a gold actor (`speaker`, by name) said."""

    speaker: str
    kind: str | None = None
    text: str = Field(min_length=1)


class GoldAllegation(GoldModel):
    """An accusation: any of `accuser` against any of `accused` (gold actor names)."""

    accuser: list[str] = Field(min_length=1)
    accused: list[str] = Field(min_length=1)
    claim: str = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)
    denied_by: str | None = None


class Gold(BaseModel):
    """The annotation of one article; `file` is the gold file's name, set by `load_golds`."""

    model_config = ConfigDict(extra="ignore")

    file: str = ""
    applies_to: list[str] = Field(min_length=1)
    actors: list[GoldActor] = Field(default_factory=list)
    statements: list[GoldStatement] = Field(default_factory=list)
    allegations: list[GoldAllegation] = Field(default_factory=list)
    must_not_contain: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_names(self) -> Gold:
        names = {actor.name for actor in self.actors}
        refs = [(f"statements[{i}].speaker", [s.speaker]) for i, s in enumerate(self.statements)]
        for i, al in enumerate(self.allegations):
            refs += [(f"allegations[{i}].accuser", al.accuser), (f"allegations[{i}].accused", al.accused)]
            refs += [(f"allegations[{i}].denied_by", [al.denied_by])] if al.denied_by else []
        for where, values in refs:
            for value in values:
                if value not in names:
                    raise ValueError(f"{where}: {value!r} is not the name of a gold actor")
        return self


def load_golds(gold_dir: Path) -> list[Gold]:
    """Read every `*.gold.json` of a directory, sorted by name.

    Raises:
        InputError: the directory is missing, holds no gold file, or a file cannot be read.
        RecordError: a gold file is not JSON, does not validate, or claims an article another one claims.
    """
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: not a directory of gold files")
    paths = sorted(gold_dir.glob("*.gold.json"))
    if not paths:
        raise InputError(f"{gold_dir}: no *.gold.json files")
    golds = []
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read ({exc})") from None
        except json.JSONDecodeError as exc:
            raise RecordError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
        try:
            gold = Gold.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "gold"
            raise RecordError(f"{path}: {where}: {err['msg']}") from None
        gold.file = path.name
        golds.append(gold)
    gold_index(golds)
    return golds


def gold_index(golds: Sequence[Gold]) -> dict[str, Gold]:
    """Map each article file name to its gold; two golds claiming one file is an error."""
    index: dict[str, Gold] = {}
    for gold in golds:
        for name in gold.applies_to:
            if name in index:
                raise RecordError(f"{gold.file or name}: {name} is also claimed by {index[name].file or '?'}")
            index[name] = gold
    return index
