"""Sentence splitting for news text: line breaks, terminal punctuation, titles, initials and datelines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.language.speech.patterns import _LONG_WORD_RE, _QUOTE_CHARS, _TWO_LOWER_WORDS_RE
from extract.language.speech.vocabulary import _FORM_TO_LEMMA, _OPENINGS, _SUBORDINATORS

#: Sentence-final punctuation with any closing quotes or brackets after it, before whitespace or the end.
_TERMINAL_RE = re.compile(r"(?:[.!?]+|…)[\"”’'»)\]]*(?=\s|$)")

#: "U.S", "U.K", "a.m", "e.g" — the token before a final period, when it is a dotted abbreviation.
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
#: A complete dotted abbreviation token, as it appears at the end of a clause: "U.S.", "p.m.".
_DOTTED_FULL_RE = re.compile(r"(?:[A-Za-z]\.){2,}")

_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm", "gov", "sen",
    "rep", "rev", "hon", "pres", "supt", "mt", "ft", "messrs", "brig", "cpl", "pvt", "insp", "det", "amb",
    "atty", "sr", "jr",
})
_BEFORE_NUMBER = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "art",
    "fig", "vol", "p", "pp", "sec", "ch", "para",
})
_MAYBE_FINAL = frozenset({"inc", "corp", "ltd", "co", "st", "etc", "bros", "plc", "llc", "vs", "approx"})
_NEVER_FINAL = frozenset({"e.g", "i.e", "cf", "viz"})
#: Words that usually start a sentence: after "U.S." or "Inc." they mean the sentence did end there.
_SENTENCE_STARTERS = frozenset({
    "the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there", "but",
    "and", "or", "so", "yet", "however", "in", "on", "at", "for", "as", "if", "when", "while", "after",
    "before", "since", "although", "meanwhile", "his", "her", "their", "its", "our", "some", "many", "not",
    "what", "why", "how", "who", "where", "according", "still", "also", "now", "then", "earlier", "later",
    "last", "both", "one", "all", "no", "such", "even", "only", "yesterday", "today",
})


@dataclass(frozen=True)
class Sentence:
    """A sentence: `text[start:end]`, trimmed of surrounding whitespace."""

    index: int
    start: int
    end: int





#: A wire-style dateline opening a paragraph, a city in capitals then a dash, with a region or date, an
#: agency, or both: "TIRANA, Oct 12 - ", "WASHINGTON (Reuters) — ", "KYIV, Ukraine, March 3 (AP) -- ".
#: A bare city needs five letters and a capital after the dash ("BRUSSELS — The …", not "NATO - the …").
_LINE_DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Z0-9][\w.]*(?: [\w.]+){0,2}){1,2}(?:\s*\([A-Za-z .&/]+\))?"
    r"|[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,3}\s*\([A-Za-z .&/]+\)"
    r"|[A-Z][A-Z'’.-]{4,}(?: [A-Z][A-Z'’.-]+){0,3}(?=\s*(?:--|-|–|—)\s+[A-Z]))"
    r"\s*(?:--|-|–|—)\s+(?=\S)"
)


def split_sentences(text: str) -> list[Sentence]:
    """Split news text into sentences.

    Line breaks always end a sentence. Within a line a sentence ends at ".", "?", "!" or "…" (with any
    closing quotes after it) followed by whitespace and a capital, digit or opening quote — except after
    titles ("Dr."), initials ("M."), dates ("Sept. 10"), numbers ("No. 5") and dotted abbreviations
    ("U.S.", "a.m.") that are not followed by a typical sentence opener.

    Args:
        text: The article text.

    Returns:
        The sentences in text order, indexed from 0.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        dateline = _LINE_DATELINE_RE.match(text, start, line.end())
        if dateline is not None:  # "TIRANA, Oct 12 (Reuters) - " is not part of the first sentence
            start = dateline.end()
        for match in _TERMINAL_RE.finditer(text, start, line.end()):
            if _ends_sentence(text, match, line.end()):
                spans.append((start, match.end()))
                start = match.end()
        spans.append((start, line.end()))
    sentences: list[Sentence] = []
    for start, end in spans:
        segment = text[start:end]
        stripped = segment.strip()
        if stripped:
            lead = len(segment) - len(segment.lstrip())
            sentences.append(Sentence(len(sentences), start + lead, start + lead + len(stripped)))
    return sentences


def _ends_sentence(text: str, match: re.Match[str], line_end: int) -> bool:
    """Whether the terminal punctuation in `match` ends a sentence."""
    after = match.end()
    while after < line_end and text[after].isspace():
        after += 1
    if after >= line_end:
        return False  # the line end closes the sentence anyway
    nxt = text[after]
    if nxt.islower() or nxt in ",;:":
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in _QUOTE_CHARS + "([—–-"):
        return False
    next_word = re.match(r"[\w'’]+", text[after:line_end].lstrip(_QUOTE_CHARS + "(["))
    next_lower = next_word.group(0).lower() if next_word else ""
    punct = match.group(0)
    if punct[0] in "?!":
        # `"Why now?" Smith asked.` — a short attribution after a question stays with it.
        closing = len(punct.rstrip(_QUOTE_CHARS)) < len(punct)
        if closing:
            rest = re.match(r"[^.!?\n]*", text[after:line_end])
            words = [w.strip(",").lower() for w in rest.group(0).split()] if rest else []
            if len(words) <= 8 and any(w in _FORM_TO_LEMMA for w in words):
                return False
            if _attribution_then_adjunct(words):
                return False
        return True
    if not punct.startswith(".") or punct.startswith(".."):
        return True  # an ellipsis
    token_match = re.search(r"\S+$", text[max(0, match.start() - 40) : match.start()])
    token = token_match.group(0).lstrip(_QUOTE_CHARS + "([") if token_match else ""
    lower = token.lower()
    if punct != ".":
        return lower not in _TITLES  # '… war."': the quotation closes after the sentence's period
    if lower in _NEVER_FINAL:
        return False
    if lower in {"a.m", "p.m"}:  # "at 5 p.m. Officials left" ends; "5 p.m. ET" does not
        return not re.fullmatch(r"[A-Z]{1,4}", next_word.group(0) if next_word else "")
    if _DOTTED_RE.fullmatch(token) or lower in _MAYBE_FINAL:
        return next_lower in _SENTENCE_STARTERS
    if lower in _TITLES:
        return False
    if lower in _BEFORE_NUMBER:
        return not nxt.isdigit()
    return not re.fullmatch(r"[A-Z]", token)  # an initial: "Carlos M. Pereira"


#: Words after a cue that open the author's adjunct, not what was said: `"Q?" X asks as a porter walks in.`
_ADJUNCT_OPENERS = _SUBORDINATORS | _OPENINGS


def _attribution_then_adjunct(words: list[str]) -> bool:
    """Whether words after a quotation's `?` or `!` are a short attribution then an adjunct of any length.

    `"Q?" Ann Roe asks as a porter walks in front of her …`: a subject of a few words, the cue, then a
    subordinate clause or phrase; the quotation and its attribution stay one sentence.
    """
    for i, word in enumerate(words[:6]):
        if word in _FORM_TO_LEMMA:
            return i + 1 < len(words) and words[i + 1] in _ADJUNCT_OPENERS
    return False


def title_case(sentence: str) -> bool:
    """Whether a sentence is a title-case headline: four or more long words, at most one not capitalised."""
    if _TWO_LOWER_WORDS_RE.search(sentence):
        return False
    words = _LONG_WORD_RE.findall(sentence)
    return len(words) >= 4 and sum(1 for w in words if not w[0].isupper()) <= 1
