"""Grounding: turning strings into character spans of the article, or refusing to.

Nothing the model writes is trusted as article text. Spans are computed here, exact first, then
tolerant of quote styles, case and whitespace (the model normalises those), and never fuzzier than that:
a quote that is not in the article is not emitted.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Generic, TypeVar

Span = tuple[int, int]
T = TypeVar("T")

_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-"})


def find_all(text: str, needle: str, *, ignore_case: bool = False) -> list[Span]:
    """All whole-word occurrences of `needle` in `text` (no match inside a longer word)."""
    if not needle.strip():
        return []
    haystack = text
    if ignore_case:
        lowered = _lowered(text) if needle.isascii() else None
        if lowered is None:
            return [(m.start(), m.end()) for m in _word_pattern(needle, ignore_case).finditer(text)]
        haystack, needle = lowered, needle.lower()
    # str.find is a fast substring search; a regex that opens with a look-behind tries every position.
    # Most lookups (every gazetteer country, every alias) find nothing, so this is most of the actors stage.
    spans: list[Span] = []
    at = haystack.find(needle)
    while at >= 0:
        end = at + len(needle)
        if (at == 0 or not _is_word(text[at - 1])) and (end == len(text) or not _is_word(text[end])):
            spans.append((at, end))
            at = haystack.find(needle, end)
        else:
            at = haystack.find(needle, at + 1)
    return spans


@lru_cache(maxsize=4096)
def _found_in(text: str, needle: str) -> tuple[Span, ...]:
    """`find_all(text, needle)`, remembered: a long page asks for the same name before many descriptions."""
    return tuple(find_all(text, needle))


def find_all_before(text: str, needle: str, end: int) -> list[Span]:
    """`find_all(text[:end], needle)` without copying the text: the whole text's matches that end before `end`.

    The scan of the prefix and of the whole text agree on every match that ends before `end`; only one that
    ends right at `end` may differ (the prefix's end is a word boundary), and then the prefix is searched.
    """
    if end > 0 and text.startswith(needle, max(0, end - len(needle)), end):
        return find_all(text[:end], needle)
    found = _found_in(text, needle)
    return list(found[: bisect.bisect_left(found, end, key=lambda m: m[1])])  # the matches' ends rise with their starts


#: The four letters that match an ASCII letter when a regex ignores case (İ ı ſ and the Kelvin sign).
_ASCII_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")


@lru_cache(maxsize=8)
def _lowered(text: str) -> str | None:
    """`text` lower-cased offset for offset, where that finds an ASCII name as a case-blind regex does.

    Made once per article, not once per name looked up in it. None when some letter lower-cases to
    more than one character, or could match an ASCII letter only through a regex's case rules.
    """
    lowered = text.lower()
    if len(lowered) != len(text) or _ASCII_CASE_TWINS.search(text):
        return None
    return lowered


_WORD_RUN = re.compile(r"\w+")


def word_runs(text: str) -> frozenset[str]:
    """Every maximal run of word characters in `text`: what `could_occur` checks a needle against."""
    return frozenset(_WORD_RUN.findall(text))


def could_occur(needle: str, runs: frozenset[str]) -> bool:
    """False when `find_all` surely finds no whole-word `needle` in the text `runs` came from.

    A whole-word match puts the needle's first word run in the text as a whole run, so one set lookup
    rules out most of a gazetteer's names before any substring search.
    """
    first = _WORD_RUN.match(needle)
    return first is None or first.group() in runs


class FirstWordIndex(Generic[T]):
    """A list's items by the first word run of each of their names, for `could_occur` on the whole list at once.

    A gazetteer (about 200 countries, 100 bodies, several names each) is checked against every article; an
    article's few hundred word runs looked up here name the items worth searching for, instead of every name
    being tried against the runs.
    """

    def __init__(self, items: Iterable[tuple[T, Sequence[str]]]) -> None:
        self._items: list[T] = []
        self._by_run: dict[str, list[int]] = {}
        self._always: set[int] = set()  # a name that opens without a word character could occur anywhere
        for number, (item, names) in enumerate(items):
            self._items.append(item)
            for name in names:
                first = _WORD_RUN.match(name)
                if first is None:
                    self._always.add(number)
                else:
                    self._by_run.setdefault(first.group(), []).append(number)

    def could_occur(self, runs: frozenset[str]) -> list[T]:
        """The items, in their order, one of whose names `could_occur` in the text `runs` came from."""
        hits = set(self._always)
        for run in runs if len(runs) < len(self._by_run) else self._by_run.keys() & runs:
            hits.update(self._by_run.get(run, ()))
        return [self._items[number] for number in sorted(hits)]


def _is_word(ch: str) -> bool:
    """What a regex word character is in a str pattern: letters, digits and the underscore."""
    return ch.isalnum() or ch == "_"


@lru_cache(maxsize=4096)
def _word_pattern(needle: str, ignore_case: bool) -> re.Pattern[str]:
    """Compiled once per name: actors are looked up hundreds of times per article."""
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)", re.IGNORECASE if ignore_case else 0)


def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Fold quotes/dashes, lower-case and squeeze whitespace, keeping each output char's source index."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        ch = unicodedata.normalize("NFKC", ch).translate(_QUOTE_FOLD).lower()
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        for c in ch:
            out.append(c)
            index.append(i)
    return "".join(out), index


def align(text: str, snippet: str, start: int = 0) -> Span | None:
    """The span of `snippet` in `text` (from `start` on): exact, else modulo quotes, case and whitespace."""
    snippet = snippet.strip()
    if not snippet:
        return None
    at = text.find(snippet, start)
    if at >= 0:
        return at, at + len(snippet)
    norm_text, index = _normalise_with_map(text)
    norm_snip, _ = _normalise_with_map(snippet)
    norm_start = next((k for k, i in enumerate(index) if i >= start), len(index))
    at = norm_text.find(norm_snip.strip(), norm_start)
    if at < 0:
        return None
    end = at + len(norm_snip.strip()) - 1
    return index[at], index[end] + 1


def trim_span(text: str, span: Span, chars: str = " \t\n,;:\"'“”‘’") -> Span:
    """Shrink a span past surrounding whitespace, quote marks and clause punctuation."""
    start, end = span
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def said_pieces(text: str, span: Span, pieces: Sequence[Span]) -> tuple[Span, ...]:
    """The pieces of words said around their own attribution, each inside `span` and trimmed as it is.

    Trimming takes off what belongs to the interruption (the comma and closing mark of `"Q1," X said`), so the
    pieces joined by one space read as the sentence said. () for one piece, and when the pieces left would not
    start and end where `span` does (a piece of punctuation alone, trimmed away: 8 of 1586 on PolNeAR train).
    """
    kept = tuple(p for a, b in pieces if (p := trim_span(text, (max(a, span[0]), min(b, span[1]))))[0] < p[1])
    return kept if len(kept) > 1 and (kept[0][0], kept[-1][1]) == span else ()
