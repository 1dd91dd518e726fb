"""Quotations: double quotes of any style (also NYT's two-apostrophe marks), single quotes when unambiguous."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from extract.language.speech.patterns import _CLOSE_DOUBLE, _OPEN_DOUBLE


@dataclass(frozen=True)
class _Quote:
    """A quotation: the opening mark at `open`, the closing mark at `close` (or the line end if unclosed).

    Marks are one character, or two for the typewriter doubles of some outlets (NYT's `''Q,''`, TeX's ``).
    """

    open: int
    close: int
    closed: bool
    open_width: int = 1
    close_width: int = 1

    @property
    def end(self) -> int:
        """One past the closing mark."""
        return self.close + self.close_width if self.closed else self.close

    @property
    def inner(self) -> int:
        """The first character after the opening mark."""
        return self.open + self.open_width


#: Two-character double quote marks: two apostrophes (NYT) or two backticks (TeX).
_DOUBLE_MARKS = ("''", "``")
#: The characters a quotation can open with; the scan jumps from one to the next.
_OPENING_RE = re.compile("[\"'`‘" + _OPEN_DOUBLE + "]")


def _find_quotes(text: str) -> list[_Quote]:
    """Find top-level quotations line by line: double quotes of any style, single quotes when unambiguous."""
    quotes: list[_Quote] = []
    for line in re.finditer(r"[^\n]+", text):
        quotes.extend(_quotes_in_line(text, line.start(), line.end()))
    return quotes


def _double_mark(text: str, i: int) -> int:
    """Width of a double quote mark at `i` (2 for `''` and ``), 0 when there is none."""
    if text.startswith(_DOUBLE_MARKS, i):
        return 2
    return 1 if text[i] == '"' or text[i] in _OPEN_DOUBLE + _CLOSE_DOUBLE else 0


def _quotes_in_line(text: str, start: int, end: int) -> list[_Quote]:
    """Quotations of one line; a double quote left open runs to the end of the line (news convention).

    A line may open with a closing mark (`” … they are not like him,” she said`): it opens a quotation when
    another mark closes one later in the line.
    """
    found: list[_Quote] = []
    i = start
    lead = start
    while lead < end and (text[lead].isspace() or unicodedata.category(text[lead]) == "Cf"):
        lead += 1  # spaces and invisible format marks (a left-to-right embedding) before the first word
    if lead < end and text[lead] == "”":  # a closing mark opening a paragraph opens its quotation (some sites)
        close = _find_double_close(text, lead + 1, end)
        if close is not None:
            close_width = _double_mark(text, close)
            found.append(_Quote(lead, close, closed=True, close_width=close_width))
            i = close + close_width
    while i < end:
        m = _OPENING_RE.search(text, i, end)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        width = _double_mark(text, i)
        if width == 2 or ch == '"' or ch in _OPEN_DOUBLE:
            close = _find_double_close(text, i + width, end)
            if close is None:
                found.append(_Quote(i, end, closed=False, open_width=width))
                break
            close_width = _double_mark(text, close)
            found.append(_Quote(i, close, closed=True, open_width=width, close_width=close_width))
            i = close + close_width
            continue
        if ch in "‘'" and _is_single_open(text, i, start):
            close = _find_single_close(text, i + 1, end)
            if close is not None:
                found.append(_Quote(i, close, closed=True))
                i = close + 1
                continue
        i += 1
    return found


def _find_double_close(text: str, i: int, end: int) -> int | None:
    """Position of the mark closing a double quotation opened before `i`.

    Typography as news sites print it: three apostrophes close a single quotation inside a double one
    (`''… 'old-school,'''`: the last two close the double), and an opening mark touching the word before it,
    not the one after it, closes one (`“It's unusual,“ said X`).
    """
    for j in range(i, end):
        if text.startswith("''", j):
            return j + 1 if text.startswith("'''", j) else j
        if text[j] == '"' or text[j] in _CLOSE_DOUBLE or (text[j] == "“" and _closes_after_word(text, j, end)):
            return j
    return None


def _closes_after_word(text: str, j: int, end: int) -> bool:
    """Whether the mark at `j` touches the word before it and not the one after it (it then closes)."""
    before = text[j - 1] if j > 0 else " "
    after = text[j + 1] if j + 1 < end else " "
    return not before.isspace() and before not in "([{—–-/" and (after.isspace() or after in ",.;:!?)")


def _is_single_open(text: str, i: int, line_start: int) -> bool:
    """A single quote opens a quotation when it starts a word after a space or opening punctuation."""
    before = text[i - 1] if i > line_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-") and after.isalpha()


def _find_single_close(text: str, i: int, end: int) -> int | None:
    """The closing single quote: after a non-space, not followed by a letter; the quote must be 2+ words."""
    for j in range(i, end):
        if text[j] in "’'":
            before = text[j - 1]
            after = text[j + 1] if j + 1 < end else " "
            if not before.isspace() and not after.isalnum():
                if before == "s" and after.isspace() and " " not in text[i:j]:
                    continue  # a plural possessive ("the workers' union"), keep looking
                return j if " " in text[i:j].strip() or after in ",.;:!?" else None
    return None
