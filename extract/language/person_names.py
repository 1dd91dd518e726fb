"""A person's full name and title as the article writes them: "Deputy Secretary of State Kurt Campbell".

Text-only helpers, without actors: the personal name a phrase ends with, a lone surname's fullest form, and the
title written before a name or in an appositive after it.
"""

from __future__ import annotations

import re

from extract.language.countries import countries, name_key
from extract.language.grounding import find_all
from extract.language.name_words import HONORIFICS, given_names
from extract.language.names import NEVER_IN_A_NAME, TITLE_WORDS

_LOWER_JOINERS = frozenset({"of", "the", "for", "and", "de", "on", "to"})
#: Lower-case words inside organisations' names, never before a personal name ("de" is: "Bill de Blasio").
_ORG_JOINERS = frozenset({"of", "the", "for", "and", "on", "to", "a", "an"})


FUNCTION_WORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "From",
        "To",
        "And",
        "But",
        "Both",
        "With",
        "By",
        "Of",
        "As",
        "Then",
        "While",
    ]
)


#: A title ending right before a name: "chair of ", "an analyst at ".
_TITLE_OF = re.compile(r"\b(?:" + "|".join(sorted(TITLE_WORDS)) + r")\s+(?:of|at|for)\s+(?:the\s+)?$", re.IGNORECASE)


def title_before(text: str, at: int) -> bool:
    """Whether a title with "of"/"at"/"for" ends right before `at` ("chair of ", "an analyst at ")."""
    return _TITLE_OF.search(text, max(0, at - 60), at) is not None



_CAP_TOKEN = re.compile(r"[A-Z][\w.'’-]*|[A-Z]\.(?:[A-Z]\.)+")


#: "Lumetra's chief legal officer, Dana Whitfield, said": a title phrase set off by a comma before the name.
#: Words before a preposed title that are not part of it: "said the project's director, X".
_LEAD_WORDS = re.compile(
    r"^(?:(?:[Aa]ccording to|[Ss]aid|[Ss]ays|[Tt]old|[Aa]dded)\s+)*(?:(?:[Tt]he|[Aa]n?)\s+(?![\w-]+['’]s\b))?"
)
#: The same at the end of a longer clause: "… controlled by associates of its founder and chief executive, X".
_PREPOSED_TAIL = re.compile(
    r"\b(?P<role>(?:its|his|her|their|the)\s+(?:[\w'’-]+\s+){0,4}[\w'’-]+),\s+$"
)
_PREPOSED = re.compile(r"(?:^|[.!?;:,\"“”]\s+|\n)(?P<role>[^,.;:!?\"“”\n]{2,80}),\s+$")


def find_role(text: str, name: str) -> str | None:
    """The title written just before a person's full name, or in an appositive right after it."""
    for start, end in find_all(text, name):
        before = text[max(0, start - 120, text.rfind("\n", 0, start) + 1) : start]  # not across a headline
        tokens = before.split()
        run: list[str] = []
        for token in reversed(tokens):
            clean = token.strip(",")
            if token.endswith(",") or not (
                _CAP_TOKEN.fullmatch(clean) or clean in _LOWER_JOINERS or clean.lower() in TITLE_WORDS
            ):
                break
            run.insert(0, clean)
        # "According to Gartner analyst X", "The Foreign Secretary X": the lead words are not the title
        while run and (run[0].lower() in _LOWER_JOINERS or run[0] in FUNCTION_WORDS or run[0] == "According"):
            run.pop(0)
        if run and run[-1] in _LOWER_JOINERS:
            continue  # "chair of Patients Voice": the name is whom the title belongs to, not a person
        if run and any(t.lower().strip(".") in TITLE_WORDS for t in run):
            return " ".join(run)
        preposed = _PREPOSED.search(before) or _PREPOSED_TAIL.search(before)
        if preposed is not None and (text[end : end + 1] in (",", ".", ";") or text[end:].startswith(" said")):
            words = [w.lower().strip(".") for w in re.findall(r"[\w.-]+", preposed["role"])]
            if any(w in TITLE_WORDS for w in words) and len(words) <= 8:
                return _LEAD_WORDS.sub("", preposed["role"])
        after = re.match(r",\s+((?:(?:the|a|an)\s+)?[a-z][^,.;]{2,80}?)(?:,|\.|;)", text[end : end + 120])
        if after and any(w.lower() in TITLE_WORDS for w in re.findall(r"[\w-]+", after.group(1))):
            return after.group(1)
    return None



_NAME_TOKEN = re.compile(r"(?:(?:O['’]|D['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.)")


#: Words of institutions' names (`names.NEVER_IN_A_NAME`) that are also surnames: "Anna White", "Ms. House".
SURNAME_WORDS = frozenset({"White", "House", "Post", "Price", "Bank", "Banks", "Justice"})


def _named_before(tokens: list[str]) -> bool:
    """Whether the words before a surname make it a person's: an honorific, or a given name and a middle name."""
    last = tokens[-2:]
    return bool(last) and (last[-1] in HONORIFICS or last[0] in given_names() or last[-1] in given_names())


def person_tail(phrase: str) -> str | None:
    """The personal name a speaker phrase ends with ("… General Jens Stoltenberg" -> "Jens Stoltenberg").

    Names with an inner capital or an apostrophe count ("James O’Neill", "Mitch McConnell").
    """
    tokens = phrase.strip().rstrip(",").split()
    name: list[str] = []
    for token in reversed(tokens):
        surname = not name and token in SURNAME_WORDS and _named_before(tokens[:-1])  # "Ms. White"
        if not surname and (
            not _NAME_TOKEN.fullmatch(token) or token.lower().strip(".") in TITLE_WORDS or token in NEVER_IN_A_NAME
        ):
            break
        name.insert(0, token)
    joined_to = tokens[-len(name) - 1] if name and len(name) < len(tokens) else ""
    if not name or name[-1].endswith(".") or len(name) > 4 or joined_to in _ORG_JOINERS:
        return None  # "Committee for a Responsible Federal Budget": the end of an organisation's name
    joined = " ".join(name)
    return None if name_key(joined) in countries() else joined


def full_name(text: str, surname: str) -> str:
    """A lone surname expanded to the fullest personal name the article writes it with."""
    if " " in surname:
        return surname
    best = surname
    # the names written before each occurrence of the surname, found from the surname (str.find) instead of
    # trying the pattern at every capital of the article
    before = re.compile(rf"((?:[A-Z][a-z]+|[A-Z]\.)\s+){{1,2}}{re.escape(surname)}\b")
    at = text.find(surname)
    while at >= 0:
        match = before.search(text, max(0, at - 80), at + len(surname) + 1)
        at = text.find(surname, at + 1)
        if match is None:
            continue
        candidate = match.group(0)
        firsts = candidate.split()[:-1]
        while firsts and (firsts[0].lower().strip(".") in TITLE_WORDS or firsts[0] in NEVER_IN_A_NAME):
            firsts.pop(0)
        if firsts and len(firsts) + 1 > len(best.split()):
            best = " ".join([*firsts, surname])
    return best
