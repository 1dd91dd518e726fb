"""The page split into blocks: one per line, hard-wrapped text and rows of wrapped prose rejoined."""

from __future__ import annotations

from collections.abc import Sequence

from extract.text.cleaning.classify import classify
from extract.text.cleaning.kinds import NOT_ROWS
from extract.text.cleaning.patterns import COLON_END, ELLIPSIS_END, OPEN_MARKS, OPEN_WORDS, SENTENCE_END

#: characters: rows of wrapped prose are neither tiny nor whole paragraphs
WRAP_MIN, WRAP_MAX = 25, 110


def normalise(line: str) -> str:
    """Inner whitespace collapsed to single spaces, ends stripped.

    `str.split()` cuts at exactly the characters a regex's whitespace class matches (`str.isspace` for both).
    """
    return " ".join(line.split())


def split_blocks(raw: str) -> list[str]:
    """Every non-empty line is a block: scrapes put a headline and its teaser on adjacent lines."""
    text = raw.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.splitlines()
    if _is_hard_wrapped(lines):
        lines = _unwrap(lines)
    return [block for block in _rejoin_wrapped([normalise(line) for line in lines]) if block]


def _is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Tell text wrapped at a fixed width from a scrape of one-line paragraphs.

    Wrapped text has blank lines between paragraphs, most lines near one width, and full-width lines that
    stop mid-sentence; a scrape's one-line paragraphs end with a full stop.
    """
    stripped = [line.strip() for line in lines]
    lengths = [len(line) for line in stripped if line]
    if len(lengths) < 6 or len(lengths) == len(stripped):
        return False
    width = max(lengths)
    if not 40 <= width <= 100:
        return False
    full = [line for line in stripped if line and len(line) >= 0.8 * width]
    open_ended = sum(1 for line in full if not SENTENCE_END.search(line))
    return len(full) >= 0.5 * len(lengths) and open_ended >= 0.6 * len(full)


def _unwrap(lines: Sequence[str]) -> list[str]:
    """Rejoin wrapped lines of one paragraph: a line that was full continues on the next one."""
    width = max(len(line.strip()) for line in lines)
    out: list[str] = []
    joining = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append("")
            joining = False
            continue
        if joining and out:
            out[-1] = f"{out[-1]} {stripped}"
        else:
            out.append(stripped)
        joining = len(stripped) >= 0.6 * width
    return out


def _breaks_mid_sentence(line: str, following: str) -> bool:
    """Whether `line` surely was wrapped inside a sentence.

    Sure signs: the next line goes on in lower case, or this one stops on a comma, a hyphen or a word that
    never ends a sentence ("the", "of", "and").
    """
    words = len(line.split())
    if words < 2 or not following or SENTENCE_END.search(line) or COLON_END.search(line):
        return False  # a lone dash, date part or menu item is not a row of prose
    if ELLIPSIS_END.search(line):
        return False
    last = line.rsplit(None, 1)[-1]
    if not (following[0].islower() or (words >= 3 and (line[-1] in OPEN_MARKS or last in OPEN_WORDS))):
        return False
    return classify(line) not in NOT_ROWS and classify(following) not in NOT_ROWS


def _rejoin_wrapped(lines: Sequence[str]) -> list[str]:
    """Rejoin paragraphs that the page wrapped line by line (`<br>` or `<pre>` prose, fixed-width mail).

    A page cut into one line per wrapped row has no blank lines between paragraphs, so `_is_hard_wrapped`
    misses it, and every row without a full stop would pass for a headline. A row continues on the next one
    when it breaks mid-sentence (`_breaks_mid_sentence`), or when it is open, about as long as the rows
    around it, and such a sure break is within two rows: the rest of a wrapped paragraph. Blank lines
    (empty strings) always end a paragraph.
    """
    n = len(lines)
    sure = [i + 1 < n and _breaks_mid_sentence(lines[i], lines[i + 1]) for i in range(n)]
    joined: list[str] = []
    joining = False
    for i, line in enumerate(lines):
        if joining and line and joined:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        joining = sure[i] or _wrapped_row(lines, sure, i)
    return joined


def _wrapped_row(lines: Sequence[str], sure: Sequence[bool], i: int) -> bool:
    """An open row about as long as its neighbours, next to a sure mid-sentence break: wrapped prose."""
    line = lines[i]
    if i + 1 >= len(lines) or not lines[i + 1] or len(line) < WRAP_MIN:
        return False
    if SENTENCE_END.search(line) or COLON_END.search(line) or ELLIPSIS_END.search(line):
        return False
    near = range(max(0, i - 2), min(len(lines), i + 3))
    if not any(sure[j] for j in near if j != i):
        return False
    width = max(len(lines[j]) for j in near)
    if width > WRAP_MAX or len(line) < 0.6 * width:
        return False
    return classify(line) not in NOT_ROWS and classify(lines[i + 1]) not in NOT_ROWS
