"""Allegations as the names a reader checks: who accuses whom."""

from __future__ import annotations

from collections.abc import Iterable

from schemas import Actor, Allegation


def who_accuses_whom(actors: Iterable[Actor], allegations: Iterable[Allegation]) -> list[tuple[list[str], list[str]]]:
    """Each allegation's accusers and accused by name, in record order."""
    names = {a.id: a.name for a in actors}
    return [([names[i] for i in a.accusers], [names[i] for i in a.accused]) for a in allegations]
