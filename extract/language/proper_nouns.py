"""Names no list knows: a lone capitalised word the article writes mid-sentence, again and again.

The text finders know people (given names, titles), bodies (head words, a packaged list) and places (a
gazetteer). A party to a story can be none of these: a group, company or country the lists lack ("Hamas",
"Gazprom", "Ostrava"). A word capitalised at least twice where no sentence starts, outside Title-Case lines,
that the article never writes in lower case and that is no title, month, role or first name, is taken as a
name of kind "other"; `participation.taking_part` keeps it only when it speaks, accuses or is accused.
"""

from __future__ import annotations

import re
from collections import Counter

from extract.language.name_words import NOT_NAME_WORDS, ROLE_NOUNS, given_names
from extract.language.names import DAYS, MONTH_ABBREVIATIONS, MONTHS, TITLE_WORDS, title_case_lines

_WORD = re.compile(r"(?<![\w.'’&-])[A-Z][a-z]{2,}(?![\w&-])")
#: A capitalised word (or initial) right before or after makes it a piece of a longer name ("New York").
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \t]$")
_CAPITAL_AFTER = re.compile(r"[ \t][A-Z]")
#: Where a sentence or clause of its own starts: a capital there says nothing.
_STARTS = re.compile(r"(?:^|\n|[.!?:;]['’\"”)]?\s+|[\"“‘(]\s*|[-–—]\s+)$")
_CALENDAR = DAYS | MONTHS | MONTH_ABBREVIATIONS
#: Adjectives of peoples and places end so; they name no one ("the Kasbian war machine").
_ADJECTIVE_END = re.compile(r"(?:ian|ean|ese|ish|ic|ist|ern)$")


def recurring_names(text: str, least: int = 2) -> list[str]:
    """Single capitalised words written at least `least` times where no sentence starts, in text order."""
    headlines = title_case_lines(text)
    seen: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        start = match.start()
        if (
            _STARTS.search(text, max(0, start - 4), start)
            or _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
            or _CAPITAL_AFTER.match(text, match.end())
            or any(s <= start < e for s, e in headlines)
        ):
            continue
        seen[match.group()] += 1
    lowered = set(re.findall(r"\b[a-z]{3,}\b", text))
    return [
        word for word, count in seen.items()
        if count >= least
        and word.lower() not in lowered
        and word not in NOT_NAME_WORDS
        and word not in _CALENDAR
        and word not in given_names()
        and word.lower() not in TITLE_WORDS
        and word.lower() not in ROLE_NOUNS
        and not _ADJECTIVE_END.search(word)
    ]
