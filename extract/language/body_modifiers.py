"""Where a body's word describes the noun after it ("opposition votes"), so names no body there.

A leaf (no imports from `extract.language`): `institutions.body_mentions` finds a body's mentions with it, and
`finishing.finish_actors` drops such places from the mentions it finds by name, which `institutions` (through
`descriptions` and `actors`) could not be imported into without a cycle.
"""

from __future__ import annotations

import re

#: Nouns after a body's word that make it a modifier of people or things, not the body: "opposition votes had
#: been stolen" names no opposition that did or suffered anything (two wrong accused on L3S when it did).
AS_A_MODIFIER: dict[str, frozenset[str]] = {
    "opposition": frozenset(
        {"leader", "leaders", "parties", "party", "supporters", "supporter", "votes", "vote", "voters", "candidate",
         "candidates", "groups", "group", "allegations", "figure", "figures", "lawmakers", "politicians", "members",
         "activists", "bloc", "research", "nationalists", "detainees", "protesters", "rally", "rallies", "camp"}
    ),
}  # fmt: skip
_NEXT_WORD = re.compile(r"\s+(\w+)")


def a_modifier(text: str, end: int, name: str) -> bool:
    """Whether a body's word ending at `end` describes the noun after it ("opposition votes"), not the body."""
    modified = AS_A_MODIFIER.get(name.lower().rsplit(" ", 1)[-1])
    return modified is not None and (n := _NEXT_WORD.match(text, end)) is not None and n[1].lower() in modified
