"""Places that news names in passing: countries, US states and the abbreviations of datelines and hometowns.

A place is where someone lives or where something happens ("Harry Bond, 30, of Raleigh, N.C., said",
"Recent polls in Pennsylvania and Virginia show"): such a phrase names no speaker. A country that acts
("Kestria said") is an actor and is resolved by name before this is asked.
"""

from __future__ import annotations

import re

from extract.language.countries import country_named

US_STATES = frozenset({
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
    "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
    "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "District of Columbia",
})  # fmt: skip
#: The states as AP style writes them after a city ("Raleigh, N.C."), with the District of Columbia.
STATE_ABBREVIATIONS = frozenset({
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La",
    "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "N.H", "N.J", "N.M", "N.Y", "N.C", "N.D",
    "Okla", "Ore", "Pa", "R.I", "S.C", "S.D", "Tenn", "Tex", "Vt", "Va", "Wash", "W.Va", "Wis", "Wyo", "D.C",
})  # fmt: skip
#: Seats of government that the gazetteer knows as their country: they speak ("the White House said").
SEATS_OF_GOVERNMENT = frozenset(
    {"White House", "Kremlin", "Downing Street", "Pentagon", "Elysee", "Élysée", "Elysee Palace", "Élysée Palace",
     "Blue House", "Zhongnanhai", "Quai d'Orsay"}
)  # fmt: skip
_PARTS = re.compile(r"\s*(?:,|\band\b|\bor\b|&)\s*")


def is_place(phrase: str) -> bool:
    """Whether a phrase only names places: "Pa.", "Washington, D.C.", "Pennsylvania and Virginia", "the U.S."."""
    phrase = re.sub(r"^(?:the\s+)", "", phrase.strip().rstrip(",;"), flags=re.IGNORECASE)
    parts = [p.strip() for p in _PARTS.split(phrase) if p.strip()]
    return bool(parts) and all(_one_place(p) for p in parts)


def _one_place(name: str) -> bool:
    bare = name.rstrip(".")
    if name in SEATS_OF_GOVERNMENT:
        return False
    return name in US_STATES or bare in STATE_ABBREVIATIONS or country_named(name) is not None
