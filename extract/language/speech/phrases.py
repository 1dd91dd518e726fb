"""Speaker noun phrases: whether a run of words can name who spoke ("Kremlin spokesman Dmitry Peskov")."""

from __future__ import annotations

import re

from extract.language.speech.patterns import _MODIFIER_RE, _WORD_RE
from extract.language.speech.vocabulary import (
    _CAP_STOP,
    _DATE_WORDS,
    _DETERMINERS,
    _FORM_TO_LEMMA,
    _NAME_CONNECTORS,
    _PREPOSITIONS,
    _ROLE_PARTS,
    _STOP_WORDS,
    PRONOUNS,
    ROLE_WORDS,
)


def _clean(token: str) -> str:
    """Lower-case a token for lookups, without surrounding punctuation (keeping the dots of "U.S.").

    A typographic apostrophe inside reads as the straight one of the word tables ("didn’t" is "didn't").
    """
    return token.strip(",;:!?\"“”‘’()[]").lower().replace("’", "'")


def _is_cap(token: str) -> bool:
    """A capitalised token ("Campbell", "U.S.", "NATO", "Ukraine's") or a particle name ("al-Assad")."""
    return token[:1].isupper() or bool(re.match(r"[a-z]{1,3}-[A-Z]", token))


#: A personal name set off by a comma after a title, up to the end of the attribution.
_APPOSED_NAME = re.compile(r",\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)(?=\s*(?:[.,;!?]|$))")


def _leading_name(words: list[str]) -> int:
    """How many words make the personal name that opens "Anouk Bellamy of the Verdesca team" (0 if none)."""
    n = 0
    while n < min(len(words), 4) and _NAME_WORD_RE.fullmatch(words[n]):
        n += 1
    return n if n >= 2 and n < len(words) and words[n] in ("of", "from", "at", "with") else 0


_NAME_WORD_RE = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.")


#: A number opening a speaker phrase like a determiner: "47 percent said", "Twenty-four percent", "two-thirds".
_QUANTITY_RE = re.compile(
    r"\d[\d.,]*%?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|"
    r"(?:one|two|three)-(?:third|quarter|fourth|half)s?|half|a\s+third|majorities|majority|plurality"
)


#: A share of those polled or present standing alone as the subject: "Some said", "Nearly half say", "Six in 10
#: said", "One in five say", "Yet another said", "43 said" (PolNeAR's polls and crowds).
_SHARE_SUBJECT_RE = re.compile(
    r"(?:(?:nearly|almost|about|roughly|only|just|yet|over|fewer\s+than|more\s+than)\s+)?"
    r"(?:some|many|most|others|another|half|both|several|\d[\d,.]*%?|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+in\s+(?:\d+|two|three|four|five|six|seven|eight"
    r"|nine|ten))?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?)"
)


#: A lower-case word inside a speaker phrase: a word, a year, an age ("46-year-old"), an ordinal ("1st Lt.").
_LOWER_WORD_RE = re.compile(r"[a-z][a-z'’-]*|\d{4}|\d{1,3}-year-olds?|\d{1,3}(?:st|nd|rd|th)")


#: Lower-case words that never modify a role noun before a cue: "as officials", "what experts", "only sources".
_NOT_MODIFIERS = _STOP_WORDS | _CAP_STOP | _PREPOSITIONS | _DETERMINERS | _NAME_CONNECTORS | frozenset({
    "only", "even", "just", "many", "more", "less", "other", "such", "every", "no", "any", "among", "including",
})
#: A pronoun that names no person, with a verb clitic: "it's", "that's", "there's".
_CONTRACTION_RE = re.compile(r"(?:it|that|this|there|here|what)['’](?:s|ll|d)")


def _described_role(words: list[str]) -> bool:
    """A role noun after one or two lower-case modifiers: "political analysts", "law enforcement officials"."""
    if not 2 <= len(words) <= 3 or _clean(words[-1]) not in ROLE_WORDS:
        return False
    return all(
        _MODIFIER_RE.fullmatch(low := _clean(w)) is not None and low not in _NOT_MODIFIERS for w in words[:-1]
    )


def _np_ok(words: list[str], loose: bool) -> bool:
    """Whether `words` form a speaker noun phrase.

    Accepted: a pronoun; a name sequence with titles ("U.S. Secretary of State Antony Blinken", "Kremlin
    spokesman Dmitry Peskov"); a role phrase ("senior officials"); a determiner phrase ("the ministry",
    "a spokesperson for the ministry"). With `loose`, determiner and role phrases may contain any
    lower-case word that is not a verb or conjunction ("people familiar with the matter").
    """
    if not words:
        return False
    if len(words) <= 4 and not words[-1].endswith(",") and _SHARE_SUBJECT_RE.fullmatch(
        " ".join(_clean(w) for w in words)
    ):
        return True
    first = _clean(words[0])
    if first in PRONOUNS:
        return len(words) == 1
    if _CONTRACTION_RE.fullmatch(first):
        return False  # "It's a big if, but …", "That's partly why …": a pronoun and a verb, not a name
    last = _clean(words[-1])
    if last in _NAME_CONNECTORS | _PREPOSITIONS | _DETERMINERS | _STOP_WORDS or not last:
        return False
    body = words
    lead_det = first in _DETERMINERS or bool(_QUANTITY_RE.fullmatch(first))  # "32 percent", "Twenty-four percent"
    if lead_det:
        if len(words) < 2:
            return False
        body = words[1:]
    elif _is_cap(words[0]):
        if first in _CAP_STOP:
            return False
    elif first not in ROLE_WORDS and not (
        len(words) > 1
        and _is_cap(words[1])
        and _MODIFIER_RE.fullmatch(first)
        and first not in _STOP_WORDS | _CAP_STOP | _PREPOSITIONS  # not "after Jones", "during Lent"
    ) and not (loose and _described_role(words)):
        # "super PAC spokeswoman Kellyanne Conway", "longtime Clinton aide Huma Abedin", "political analysts"
        return False
    allow_loose = loose and (lead_det or first in ROLE_WORDS or last in ROLE_WORDS)
    previous = first if lead_det else ""
    for i, word in enumerate(body):
        low = _clean(word)
        following = _clean(body[i + 1]) if i + 1 < len(body) else ""
        if not low or low in PRONOUNS:
            return False
        if low in _DETERMINERS:
            if previous not in _PREPOSITIONS:
                return False
        elif _is_cap(word):
            if low in _DATE_WORDS or low in {"that", "this", "but", "and", "or", "when", "while", "if", "as"}:
                return False
        elif low in ROLE_WORDS or low in _NAME_CONNECTORS:
            pass
        elif low in _PREPOSITIONS:
            if not allow_loose:
                return False
        elif low not in _STOP_WORDS and _LOWER_WORD_RE.fullmatch(low) and (
            allow_loose
            or following in ROLE_WORDS
            or (
                _is_cap(body[i + 1] if i + 1 < len(body) else "")
                and bool(_MODIFIER_RE.fullmatch(low) or low[:1].isdigit())
            )
        ):  # "Shadow health secretary Victoria Atkins", "a 2008 Clinton veteran", "Air Force 1st Lt. Ann Roe"
            pass
        else:
            return False
        if word.endswith(","):
            return False
        previous = low
    return True


#: A lower-case word describing a speaker before a title or name: "retired", "conservative", "election", "1st".
_DESCRIPTOR_RE = re.compile(r"[a-z][a-z'’-]*[a-z]|\d+(?:st|nd|rd|th)")
_NOT_DESCRIPTORS = _STOP_WORDS | _PREPOSITIONS | _DETERMINERS | _CAP_STOP | _NAME_CONNECTORS | frozenset(_FORM_TO_LEMMA)


def _descriptors(words: list[str]) -> int:
    """How many lower-case descriptive words open `words` before the phrase that names the speaker (at most 3).

    "retired neurosurgeon Ann Roe", "election lawyer Ann Roe", "political scientist Ann Roe": words no rule
    could list, read as part of the speaker only where nothing else can stand (between a quotation and its cue).
    """
    n = 0
    while n < min(3, len(words) - 1):
        low = _clean(words[n])
        if (
            not _DESCRIPTOR_RE.fullmatch(words[n])
            or (low in _NOT_DESCRIPTORS and low not in _ROLE_PARTS)
            or low.endswith("ly")
        ):
            break
        n += 1
    return n


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whitespace-separated tokens of `text[start:end]` as offsets."""
    return [(m.start(), m.end()) for m in _WORD_RE.finditer(text, start, end)]
