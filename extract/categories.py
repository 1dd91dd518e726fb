"""A second look at the model's accusation category: a category about war needs war in its sentence.

The small model leans on the war categories whatever the story ("war_crimes" for mislabelled baby formula).
When the sentence says nothing of war, the category is taken from the words of the sentence instead, or
"other" when none fits.
"""

from __future__ import annotations

import re

WAR_CATEGORIES = frozenset({"military_support", "armed_aggression", "war_crimes"})

_WAR_WORDS = re.compile(
    r"\b(?:wars?|military|troops|soldiers?|army|armies|armed|weapons?|arms|shell(?:s|ed|ing)?|missiles?|"
    r"artillery|attack(?:s|ed|ing)?|invasion|invad\w*|bomb\w*|drones?|ceasefire|civilians?|rebels?|militants?|"
    r"militias?|forces|front\s?lines?|air\s?strikes?|occup\w+|munitions|ammunition|combat|fighters?|"
    r"defen[cs]e industry|war machine)\b",
    re.IGNORECASE,
)
#: Other categories by the words that name their wrongs, most specific first.
_BY_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (category, re.compile(pattern, re.IGNORECASE))
    for category, pattern in [
        ("election_interference", r"\b(?:vote[sd]?|voters?|ballots?|elections?|rigg\w*)\b"),
        ("corruption", r"\b(?:brib\w*|corrupt\w*|kickbacks?|embezzl\w*|misus\w*|misspen\w*|campaign (?:money|funds"
                       r"|donations))\b"),
        ("fraud", r"\b(?:fraud\w*|inflat\w*|mislabel\w*|misleading|falsif\w*|overstat\w*|launder\w*|deceiv\w*|"
                  r"scams?)\b"),
        ("espionage", r"\b(?:spy\w*|spied|espionage|trade secrets?|confidential)\b"),
        ("cyberattack", r"\b(?:hack\w*|malware|cyber\w*|ransomware)\b"),
        ("disinformation", r"\b(?:lie[sd]?|lying|cover(?:ed|ing)? up|conceal\w*|hid|hid(?:e|den|ing)|buried|"
                           r"propaganda|disinformation)\b"),
        ("crime", r"\b(?:st[eo]al\w*|stolen|theft|traffick\w*|assault\w*|murder\w*|smuggl\w*)\b"),
        ("misconduct", r"\b(?:doping|banned substance|negligen\w*|harass\w*|abus\w*|breach\w*)\b"),
    ]
]


def plausible_category(category: str, sentence: str) -> str:
    """The model's category, unless it is about war and the sentence is not."""
    if category not in WAR_CATEGORIES or _WAR_WORDS.search(sentence):
        return category
    return next((name for name, words in _BY_WORDS if words.search(sentence)), "other")
