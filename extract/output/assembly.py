"""The record's lists from the drafts: ids given out, and accusations gathered into allegations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from extract.language.actors import ActorDraft
from extract.language.allegations import Accusation
from extract.language.attribution import StatementDraft
from extract.language.authorial import AuthoredDraft
from extract.language.charges import NarratedDraft
from extract.language.claims import claim_index, same_claim, same_telling
from schemas import Actor, Allegation, Statement


def _side(actor: ActorDraft) -> ActorDraft:
    """Whose side a speaker accuses for: a person's organisation, else the person or organisation itself."""
    if actor.kind == "person" and actor.affiliation is not None:
        return actor.affiliation
    return actor


@dataclass
class _Group:
    """One allegation being gathered: one side's accusations of the same accused."""

    side: ActorDraft
    accusers: list[ActorDraft] = field(default_factory=list)
    accused: list[ActorDraft] = field(default_factory=list)
    items: list[tuple[StatementDraft, str]] = field(default_factory=list)

    def add(self, acc: Accusation) -> None:
        self.items.append((acc.statement, acc.category))
        self.accusers.extend(a for a in acc.accusers if all(a is not b for b in self.accusers))
        self.accused.extend(a for a in acc.accused if all(a is not b for b in self.accused))


def assemble(
    text: str,
    drafts: list[ActorDraft],
    stmts: list[StatementDraft],
    accusations: list[Accusation],
    denials: list[StatementDraft],
) -> tuple[list[Actor], list[Statement], list[Allegation]]:
    """Give out ids and build the record's lists.

    An allegation gathers one side's accusations of the same accused that carry one claim: "Patients Voice"
    and its chair Margaret Okonedo blaming the trust for the same failure are one allegation with two
    accusers, as a reader would count it; so are a speaker's statements one right after the other against
    the trust ("they hid it", then "they lied to us"); a second charge by the same speaker against the trust
    elsewhere in the article (sharing few words with the first) is a second allegation.
    """
    actor_id = {id(d): f"A{i}" for i, d in enumerate(drafts, 1)}
    actors = [
        Actor(
            id=actor_id[id(d)],
            name=d.name,
            kind=cast(Any, d.kind),
            role=d.role,
            affiliation=actor_id.get(id(d.affiliation)) if d.affiliation is not None else None,
            aliases=sorted(set(d.aliases) - {d.name}),
            mentions=d.mentions,
            unnamed=d.unnamed,
        )
        for d in drafts
    ]
    stmt_id = {id(s): f"S{i}" for i, s in enumerate(stmts, 1)}
    statements = [
        Statement(
            id=stmt_id[id(s)],
            speaker=actor_id[id(s.speaker)],
            kind=s.candidate.kind,
            text=s.said(text),
            span=s.span,
            parts=list(s.parts) or None,
            cue=s.candidate.cue,
            via=actor_id[id(s.via)] if s.via is not None else None,
            authored=isinstance(s, AuthoredDraft),
            narrated=isinstance(s, NarratedDraft),
        )
        for s in stmts
    ]
    groups: list[_Group] = []
    names = {w for d in drafts for n in d.names() for w in n.casefold().split()}
    accusing = {id(acc.statement) for acc in accusations}
    for acc in accusations:
        side, ids = _side(acc.accusers[0]), {id(a) for a in acc.accused}
        narrated = isinstance(acc.statement, NarratedDraft)
        group = next(
            (
                g
                for g in groups
                if g.side is side
                and {id(a) for a in g.accused} == ids
                and not narrated  # each charge the narration tells is an allegation of its own
                and not any(isinstance(st, NarratedDraft) for st, _ in g.items)
                and (
                    all(a is not acc.accusers[0] for a in g.accusers)  # another voice of the side joins
                    or any(
                        same_claim(text, st, acc.statement, names)
                        or same_telling(text, st, acc.statement, stmts, accusing)
                        for st, _ in g.items
                    )
                )
            ),
            None,
        )
        if group is None:
            group = _Group(side)
            groups.append(group)
        group.add(acc)
    allegations = []
    for n, group in enumerate(groups, 1):
        accused_ids = {id(a) for a in group.accused}
        # the accused answer for themselves or through their people (a chairman for the board he chairs,
        # a lawyer for a client)
        responses = [
            stmt_id[id(d)]
            for d in denials
            if accused_ids & {id(d.speaker), id(d.speaker.affiliation), id(d.speaker.represents)}
        ]
        said, category = group.items[claim_index(text, [st for st, _ in group.items])]
        allegations.append(
            Allegation(
                id=f"L{n}",
                accusers=[actor_id[id(a)] for a in group.accusers],
                accused=[actor_id[id(a)] for a in group.accused],
                claim=said.said(text),
                category=cast(Any, category),
                evidence=[stmt_id[id(s)] for s, _ in group.items],
                responses=responses,
                status="denied" if responses else "alleged",
            )
        )
    return actors, statements, allegations
