"""The output record: one JSON object per article, the single definition of its shape.

Every command reads and writes these models. They never import `extract`, so that anyone can validate
records with nothing but pydantic installed. The integrity rules (ids resolve, spans match text) live
here too, because a record that breaks them is not a record.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION: Literal["1"] = "1"

ActorKind = Literal[
    "person",
    "country",
    "government",
    "organization",
    "international_organization",
    "media",
    "armed_group",
    "other",
]

#: Closed list of allegation categories, each with what it covers (documented in CONTRACT.md too).
ALLEGATION_CATEGORIES: dict[str, str] = {
    "military_support": "supplying weapons, materials, technology, troops or other aid to an armed party",
    "armed_aggression": "attacks, strikes, invasion, occupation or other use of force",
    "war_crimes": "attacks on civilians, torture, deportation and other breaches of the laws of war",
    "human_rights": "repression, persecution, unlawful detention, censorship",
    "terrorism": "planning, funding or carrying out terrorist acts",
    "corruption": "bribery, embezzlement, abuse of office for gain",
    "fraud": "deception for gain, financial crime, money laundering",
    "sanctions_evasion": "getting around sanctions, export controls or embargoes",
    "espionage": "spying, covert influence, theft of secrets",
    "cyberattack": "hacking, malware, attacks on computer systems",
    "disinformation": "propaganda, lies, manipulated media, concealment of facts",
    "election_interference": "vote rigging, meddling in elections",
    "crime": "other criminal acts: violence, theft, trafficking",
    "misconduct": "harassment, abuse, negligence, breach of rules or duty",
    "other": "anything wrong or harmful that fits none of the above",
}

AllegationCategory = Literal[
    "military_support",
    "armed_aggression",
    "war_crimes",
    "human_rights",
    "terrorism",
    "corruption",
    "fraud",
    "sanctions_evasion",
    "espionage",
    "cyberattack",
    "disinformation",
    "election_interference",
    "crime",
    "misconduct",
    "other",
]

Span = Annotated[tuple[int, int], Field(description="[start, end) character offsets into the record's text")]
IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    """Where the article came from; `sha256` is of the input bytes, so re-runs can be recognised."""

    path: str
    sha256: str
    title: str | None = None
    byline: str | None = None
    published: IsoDate | None = None
    url: str | None = None


class Actor(_Strict):
    """A person, state or organisation the article talks about; `mentions` are its spans in `text`."""

    id: str = Field(pattern=r"^A\d+$")
    name: str = Field(min_length=1)
    kind: ActorKind
    role: str | None = None
    affiliation: str | None = Field(default=None, description="id of the actor this one belongs to")
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    unnamed: bool = Field(
        default=False,
        description="a source the article describes but does not name ('officials', 'the report'); never accused",
    )


def said_text(text: str, span: Span, parts: Sequence[Span] | None = None) -> str:
    """The words a statement says in `text`: `text[span]`, or its parts' words joined by one space."""
    if parts:
        return " ".join(text[a:b] for a, b in parts)
    return text[span[0] : span[1]]


class Statement(_Strict):
    """Something an actor said or wrote: `text` is only the words said, never the cue or the speaker.

    `text` is `record.text[span[0]:span[1]]`, unless the words said are in pieces around their own
    attribution (`"Q1," X said. "Q2."`, `The deal, officials said, could be signed`): then `parts` holds
    each piece's span in order (verbatim, inside `span`, which runs from the first to the last), and
    `text` is their words joined by one space (`said_text`). `parts` is left out of the JSON without pieces.
    """

    id: str = Field(pattern=r"^S\d+$")
    speaker: str = Field(description="id of the actor who said it")
    kind: Literal["direct", "indirect"]
    text: str = Field(min_length=1)
    span: Span
    parts: list[Span] | None = Field(
        default=None,
        min_length=2,
        description="the pieces of words said around their own attribution, in order; absent for one piece",
        exclude_if=lambda parts: parts is None,  # so a record of unbroken statements reads as before
    )
    cue: str | None = Field(default=None, description="the reporting words, e.g. 'told journalists'")
    date: IsoDate | None = None
    via: str | None = Field(default=None, description="id of the actor that relayed it (e.g. a newspaper)")
    authored: bool = Field(
        default=False,
        description="the article's own writer says it: a sentence of a signed letter or op-ed, not reported speech",
    )
    narrated: bool = Field(
        default=False,
        description="a charge the article's narration tells of its speaker, an authority ('she was charged with "
        "possession' after 'police found cocaine'): the evidence of an allegation, not reported speech",
    )


class Allegation(_Strict):
    """An actor claiming another did something wrong; `evidence` and `responses` are statement ids."""

    id: str = Field(pattern=r"^L\d+$")
    accusers: list[str] = Field(min_length=1)
    accused: list[str] = Field(min_length=1)
    claim: str = Field(min_length=1)
    category: AllegationCategory
    evidence: list[str] = Field(min_length=1)
    responses: list[str] = Field(default_factory=list)
    status: Literal["alleged", "denied", "admitted", "disputed"] = "alleged"


class Usage(_Strict):
    """Tokens spent on the article, summed over every model call and retry."""

    prompt_tokens: int = 0
    completion_tokens: int = 0


class Provenance(_Strict):
    """What produced the record, so that a reviewer can tell runs apart and reproduce one."""

    tool_version: str
    backend: str
    model: str
    prompt_sha256: str
    attempts: int = 0
    usage: Usage = Field(default_factory=Usage)
    seconds: float = 0.0
    mode: str | None = Field(default=None, description="structured-output mode the model was asked in")
    mode_source: str | None = Field(
        default=None, description="how the mode was chosen: flag, default, probed or remembered"
    )


class ArticleRecord(_Strict):
    """The extraction of one article. Validating it checks ids and spans, not just types."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    text: str
    actors: list[Actor] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    allegations: list[Allegation] = Field(default_factory=list)
    provenance: Provenance
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_integrity(self) -> ArticleRecord:
        problems = record_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self


class ErrorInfo(_Strict):
    """Why an article produced no record, and what the model calls it took had cost (failed ones too)."""

    type: str
    message: str
    attempts: int = 0
    usage: Usage = Field(default_factory=Usage)


class ErrorRecord(_Strict):
    """Written in place of an ArticleRecord when an article fails, so a batch run can go on."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    error: ErrorInfo


def record_problems(record: ArticleRecord) -> list[str]:
    """Every integrity problem of a record: duplicate or dangling ids, spans that do not match text."""
    problems: list[str] = []
    n = len(record.text)
    for kind, items in (("actor", record.actors), ("statement", record.statements), ("allegation", record.allegations)):
        ids = [item.id for item in items]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            problems.append(f"duplicate {kind} ids {dupes}")
    actor_ids = {a.id for a in record.actors}
    statement_ids = {s.id for s in record.statements}

    def spans_ok(where: str, span: tuple[int, int]) -> None:
        if not 0 <= span[0] < span[1] <= n:
            problems.append(f"{where}: span {list(span)} outside text of length {n}")

    for actor in record.actors:
        if actor.affiliation is not None and actor.affiliation not in actor_ids:
            problems.append(f"actor {actor.id}: affiliation {actor.affiliation} is not an actor")
        for mention in actor.mentions:
            spans_ok(f"actor {actor.id} mention", mention)
    for st in record.statements:
        for field, ref in (("speaker", st.speaker), ("via", st.via)):
            if ref is not None and ref not in actor_ids:
                problems.append(f"statement {st.id}: {field} {ref} is not an actor")
        spans_ok(f"statement {st.id}", st.span)
        problems += _parts_problems(st)
        if said_text(record.text, st.span, st.parts) != st.text:
            where = "its parts' words joined" if st.parts else f"text[{st.span[0]}:{st.span[1]}]"
            problems.append(f"statement {st.id}: text does not match {where}")
    for al in record.allegations:
        for field, refs, known in (
            ("accuser", al.accusers, actor_ids),
            ("accused", al.accused, actor_ids),
            ("evidence", al.evidence, statement_ids),
            ("response", al.responses, statement_ids),
        ):
            for ref in refs:
                if ref not in known:
                    problems.append(f"allegation {al.id}: {field} {ref} does not exist")
    return problems


def _parts_problems(st: Statement) -> list[str]:
    """A statement's parts must run in order inside its span, not overlap, and start and end where it does."""
    if not st.parts:
        return []
    ends = [b for _, b in st.parts[:-1]]
    starts = [a for a, _ in st.parts[1:]]
    if (
        any(a >= b for a, b in st.parts)
        or any(end > start for end, start in zip(ends, starts, strict=True))
        or (st.parts[0][0], st.parts[-1][1]) != tuple(st.span)
    ):
        parts = [list(p) for p in st.parts]
        return [f"statement {st.id}: parts {parts} are not ordered pieces of span {list(st.span)}"]
    return []
