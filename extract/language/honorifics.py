"""Courtesy titles before a surname ("Mr. Roe", British "Mr Roe", "Dr. Roe"): one table, and the gender each tells.

A leaf (no imports from `extract.language`): `names` (a title alone is no one's name), `name_words` (the
words before a name that make it a person's), `gender` (the gender a title tells), `people` (a British title
before a surname) and `text_actors` (a title is no outlet) take their lists from it.
"""

from __future__ import annotations

from typing import Literal

#: Courtesy titles as news writes them before a surname, with a full stop (American: "Mr. Roe") or without
#: (British: "Mr Roe"; "Miss" never takes one), and the gender each tells (None: none).
COURTESY_TITLES: dict[str, Literal["m", "f"] | None] = {
    "Mr.": "m", "Mr": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f", "Ms": "f", "Miss": "f", "Dr.": None, "Dr": None,
    "Messrs.": None, "Messrs": None, "Mme.": "f", "Mme": "f", "Mlle.": "f", "Mlle": "f",
}  # fmt: skip
#: The titles without their full stop: "Mr", "Dr", "Miss".
BARE_TITLES = frozenset(t for t in COURTESY_TITLES if not t.endswith("."))
#: The titles written with a full stop: "Mr.", "Dr.".
STOPPED_TITLES = frozenset(t for t in COURTESY_TITLES if t.endswith("."))
