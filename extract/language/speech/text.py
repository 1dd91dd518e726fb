"""The text a finder reads, with its sentences and quotations and fast lookups into them."""

from __future__ import annotations

import bisect
from functools import lru_cache

from extract.language.speech.quotes import _find_quotes, _Quote
from extract.language.speech.sentences import Sentence, split_sentences


@lru_cache(maxsize=8)
def _read(text: str) -> tuple[tuple[Sentence, ...], tuple[_Quote, ...]]:
    """The text's sentences and quotations, split once per text: the rules and the learned finder both read them."""
    return tuple(split_sentences(text)), tuple(_find_quotes(text))


def sentences_of(text: str) -> list[Sentence]:
    """`split_sentences(text)`, from the split the finder made of the same text (`_read`) when it is still kept."""
    return list(_read(text)[0])


class _Text:
    """One article's text split into sentences and quotations once; the finder's parts all read it."""

    def __init__(self, text: str) -> None:
        self.text = text
        sentences, quotes = _read(text)
        self.sentences = list(sentences)
        self.starts = [s.start for s in self.sentences]
        self.quotes = list(quotes)
        self.quote_opens = [q.open for q in self.quotes]

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence containing (or last starting before) `pos`."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def quote_at(self, pos: int) -> _Quote | None:
        """The quotation whose marks enclose `pos` (marks included)."""
        k = bisect.bisect_right(self.quote_opens, pos) - 1
        if k >= 0 and self.quotes[k].open <= pos < self.quotes[k].end:
            return self.quotes[k]
        return None

    def quote_opening_at(self, pos: int) -> _Quote | None:
        """The quotation whose opening mark is at `pos`."""
        k = bisect.bisect_left(self.quote_opens, pos)
        if k < len(self.quotes) and self.quotes[k].open == pos:
            return self.quotes[k]
        return None

    def _skip_space(self, pos: int) -> int:
        """First non-space position at or after `pos`."""
        while pos < len(self.text) and self.text[pos].isspace():
            pos += 1
        return pos

    def _skip_space_back(self, pos: int, floor: int) -> int:
        """The end of the words before `pos`: `pos` with the spaces before it dropped, never below `floor`."""
        while pos > floor and self.text[pos - 1].isspace():
            pos -= 1
        return pos
