"""The accusing verbs of a window of text (`ACCUSING_RE`), with a cheap check first that most windows fail.

The judge searches every statement's sentences for an accusing verb; the verb alternation, case-blind, is
tried at every word of the window and matches in few. A whole-word match of a form starts a word run
that is one of the forms' first words, lower-cased, so a window none of whose word runs is one has none.
That holds while the forms are plain lower-case words and the window has no letter a case-blind regex
matches to an ASCII letter (İ ı ſ and the Kelvin sign); otherwise the regex alone decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.language.accusation_words import ACCUSING_FORMS, ACCUSING_RE

_WORD_RUN = re.compile(r"\w+")
_ASCII_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")
_FIRST_WORDS = frozenset(form.split(" ")[0] for form in ACCUSING_FORMS)
_PLAIN_FORMS = all(re.fullmatch(r"[a-z]+(?: [a-z]+)*", form) for form in ACCUSING_FORMS)


def accusing_verbs(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """`ACCUSING_RE.finditer(text, start, end)`: the same matches, at once when the window has none."""
    if (
        _PLAIN_FORMS
        and _ASCII_CASE_TWINS.search(text, start, end) is None
        and _FIRST_WORDS.isdisjoint(run.lower() for run in _WORD_RUN.findall(text, start, end))
    ):
        return iter(())
    return ACCUSING_RE.finditer(text, start, end)
