"""Labelling each block from structural signals, then in context (lists, bios, related-links boxes)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from extract.text.cleaning.kinds import BARRIERS, PROSE, Block, Kind
from extract.text.cleaning.patterns import (
    AD_TEXT,
    ASCII_CASE_TWINS,
    BIO_VERBS,
    BREADCRUMB,
    BULLET,
    BYLINE_CUT,
    BYLINE_START,
    CAPTION_PATTERNS,
    CJK_CHARS,
    COLON_END,
    COMMENT_REPORT,
    COMMENT_SIGNATURE,
    CREDITS_LINE,
    DATES,
    ELLIPSIS_END,
    FEED_HEADING,
    FEED_LIST,
    FINAL_HEADING,
    INLINE_TEASER,
    LEAD_MARKS,
    LONG_FURNITURE,
    LONG_FURNITURE_WORDS,
    MENU_ITEM_WORDS,
    MONTHS,
    NAME_PARTICLES,
    NETWORKS,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    NUMBERED,
    PIPE,
    SENTENCE_END,
    SENTENCE_STOP,
    SHORT_FURNITURE,
    SOCIAL_WORDS,
    THREAD_HEADING,
    TIME,
    TIMESTAMP_TEXT,
    TRAIL_MARKS,
)

# ---------------------------------------------------------------------------------------------------------
# Classifying blocks


def _units(text: str) -> float:
    """Length in words; CJK characters count half a word each, since those scripts use no spaces."""
    if text.isascii():  # most lines: no CJK character to look for
        return float(len(text.split()))
    cjk = len(CJK_CHARS.findall(text))
    return len(CJK_CHARS.sub(" ", text).split()) + cjk / 2.0


def _bare(text: str) -> str:
    """The line without bullets, pipes and trailing colons, lowercased, for matching widget wording."""
    return TRAIL_MARKS.sub("", LEAD_MARKS.sub("", text)).lower()


def _is_truncated(text: str) -> bool:
    """A teaser is cut mid-sentence with an ellipsis ("… the Constituti…"), not after a full stop.

    A paragraph whose last full sentence is followed by one or two words and dots ("… radar. Continued…",
    "… though. Sigh...") is whole: the words are a link or an aside.
    """
    match = ELLIPSIS_END.search(text)
    if not match:
        return False
    before = text[: match.start()].rstrip()
    if not before or before[-1] in ".!?。！？":
        return False
    sentences = SENTENCE_STOP.split(before)
    return len(sentences) == 1 or len(sentences[-1].split()) >= 3


def _has_inner_sentence(text: str) -> bool:
    """A whole sentence inside the line ("… runs from Jan. 14-27. (Writing by …)"): prose, not a headline."""
    parts = SENTENCE_STOP.split(text)
    return len(parts) > 1 and len(parts[0].split()) >= 4 and len(parts[-1].split()) >= 2


def _is_social(bare: str) -> bool:
    words = re.findall(r"[\w-]+", bare)
    if not words or not any(word in NETWORKS for word in words):
        return False
    return sum(word in SOCIAL_WORDS for word in words) >= 0.6 * len(words)


def _is_caption(text: str, units: float) -> bool:
    """Captions are marked by their credit ("(Name/Agency via Getty Images)", "Photo: …"), not by shape."""
    return units <= 70 and any(pattern.search(text) for pattern in CAPTION_PATTERNS)


def _is_comment_mark(text: str, units: float) -> bool:
    """A comment's signature with its date or time ("Posted by: Ann on 5:19pm …") or its report link."""
    if COMMENT_REPORT.search(text):
        return True
    return (
        units <= 20 and bool(COMMENT_SIGNATURE.match(text)) and (find_date(text) is not None or bool(TIME.search(text)))
    )


def _is_menu(text: str) -> bool:
    """Four or more links run together between pipes, each a few words: a menu, not prose."""
    items = [item for item in PIPE.split(text) if item]
    return len(items) >= 4 and sum(len(item.split()) for item in items) <= MENU_ITEM_WORDS * len(items)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first real calendar date in `text` as ISO, with where it was found."""
    for pattern in DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else int(groups["month"])
            try:
                found = date(int(groups["year"]), month, int(groups["day"]))
            except ValueError:
                continue
            if 1900 <= found.year <= 2100:
                return found.isoformat(), match.start(), match.end()
    return None


def _is_dateline(text: str, units: float) -> bool:
    """A line that is only a date and time, perhaps with "Published"/"Updated" around it."""
    if units > 14:  # before the date search, which costs more than the rest of `classify` on a paragraph
        return False
    found = find_date(text)
    if found is None:
        return False
    rest = text[: found[1]] + " " + text[found[2] :]
    rest = TIME.sub(" ", rest)
    rest = re.sub(
        r"\b(?:published|updated|posted|last|modified|on|at|am|pm|utc|gmt|edt|est|cet|cest|bst|eet|eest|kyiv|time"
        r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\w+day|\d+ min(?:ute)?s? read)\b",
        " ",
        rest,
        flags=re.I,
    )
    return len(re.findall(r"\w+", rest)) <= 1


def _is_byline(text: str, units: float) -> bool:
    """Tell "By Jane Doe …", a byline, from "By the end of the day, …", prose."""
    match = BYLINE_START.match(text)
    if not match:
        return False
    rest = match.group("rest")
    if not rest[:1].isupper() or NOT_NAMES.match(rest):
        return False
    if find_date(text) is not None or TIME.search(text):
        return units <= 30
    return units <= 14 and not (SENTENCE_END.search(text) and units >= 8)


def is_long_furniture(text: str) -> bool:
    """Whether a block is page chrome by its wording (LONG_FURNITURE), searched only if it has their words."""
    lowered = text.lower()
    if not ASCII_CASE_TWINS.search(text) and not any(word in lowered for word in LONG_FURNITURE_WORDS):
        return False
    return any(pattern.search(text) for pattern in LONG_FURNITURE)


def classify(text: str) -> Kind:
    """Label one block from its own shape and wording (context comes later)."""
    units = _units(text)
    bare = _bare(text)
    ellipsis = bool(ELLIPSIS_END.search(text))
    ends_sentence = (ellipsis and not _is_truncated(text)) or (not ellipsis and bool(SENTENCE_END.search(text)))
    if units <= 6 and TIMESTAMP_TEXT.fullmatch(bare):
        return Kind.TIMESTAMP
    if units <= 6 and not ends_sentence and FEED_HEADING.fullmatch(bare):
        return Kind.FEED
    if (units <= 12 and THREAD_HEADING.fullmatch(bare)) or _is_comment_mark(text, units):
        return Kind.THREAD
    if units <= 40 and INLINE_TEASER.match(text.lstrip("*•·>»› -–—")):
        return Kind.TEASER
    if units >= 12 and not ends_sentence and FEED_LIST.match(text):
        return Kind.FEED
    if units <= 30 and CREDITS_LINE.match(text):
        return Kind.CREDITS
    if _is_byline(text, units):
        return Kind.BYLINE
    if units <= 8 and AD_TEXT.fullmatch(bare):
        return Kind.AD
    if units <= 12 and (SHORT_FURNITURE.fullmatch(bare) or _is_social(bare) or BREADCRUMB.match(text)):
        return Kind.FURNITURE
    if "|" in text and _is_menu(text):
        return Kind.FURNITURE
    if units <= 60 and is_long_furniture(text):
        return Kind.FURNITURE
    if _is_caption(text, units):
        return Kind.CAPTION
    if _is_dateline(text, units):
        return Kind.DATELINE
    if _is_truncated(text):
        return Kind.TRUNCATED
    if ends_sentence:
        return Kind.CONTENT if units >= 2 else Kind.NAV
    if COLON_END.search(text) and units >= 3:
        return Kind.CONTENT
    if units >= 25 or (units >= 12 and _has_inner_sentence(text)):
        return Kind.WEAK
    # A line in capitals is no sign of furniture: on real pages it is more often a subheading or a source
    # ("EDITORIAL IN THE DAILY STAR") than a button; known button wording is matched above.
    return Kind.NAV if units <= 3 else Kind.HEADLINE


def classify_all(texts: Sequence[str]) -> list[Block]:
    """Label every block, then fix labels that depend on neighbours (teasers, titles, related boxes)."""
    blocks = [Block(text, classify(text), _units(text)) for text in texts]
    _mark_thread(blocks)
    for i, block in enumerate(blocks):
        if block.kind is Kind.TRUNCATED:
            # The headline of a teaser sits right above its truncated summary.
            above = blocks[i - 1] if i > 0 else None
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            if above is not None and (
                above.kind in (Kind.HEADLINE, Kind.NAV)
                or (above.kind is Kind.CONTENT and above.units <= 15 and above.text.endswith(("?", "!")))
            ):
                block.kind = above.kind = Kind.TEASER
            elif (
                above is not None
                and above.kind in PROSE
                and block.units >= 15
                and (after is None or after.kind is not Kind.TRUNCATED)
            ):
                # No headline of its own, right after the story's prose: the story's own paragraph, cut off by a
                # paywall or ending on an ellipsis. Teasers come with a headline or in a row of cut summaries.
                block.kind = Kind.CONTENT
            else:
                block.kind = Kind.TEASER
        elif block.kind is Kind.BYLINE and i > 0:
            # A short line right above a byline is the headline, even when it ends with "?" or "!".
            above = blocks[i - 1]
            if above.kind is Kind.CONTENT and above.units <= 15 and not above.text.endswith("."):
                above.kind = Kind.HEADLINE
    for i, block in enumerate(blocks):
        if block.kind is Kind.FEED and not FINAL_HEADING.fullmatch(_bare(block.text)):
            _mark_related_box(blocks, i)
    _mark_lists(blocks)
    _mark_bios(blocks)
    return blocks


def _mark_thread(blocks: list[Block]) -> None:
    """One comment signature or report link alone is a blog's byline or a stray link, not a thread of comments."""
    marks = [block for block in blocks if block.kind is Kind.THREAD and not THREAD_HEADING.fullmatch(_bare(block.text))]
    if len(marks) == 1:
        marks[0].kind = Kind.FURNITURE


def _mark_lists(blocks: list[Block]) -> None:
    """Short lines after "Key figures:", numbered lines, or bulleted lines between paragraphs: a list."""
    short = (Kind.HEADLINE, Kind.NAV, Kind.WEAK)
    for i, block in enumerate(blocks):
        if block.kind is not Kind.CONTENT:
            continue
        # "Key figures:" introduces a list; "Related to this story:" a box of links.
        introduces = bool(COLON_END.search(block.text)) and not FEED_HEADING.match(_bare(block.text))
        j = i + 1
        while j < len(blocks) and j - i <= 15 and blocks[j].kind in short:
            if not introduces and not BULLET.match(blocks[j].text) and not NUMBERED.match(blocks[j].text):
                break
            j += 1
        items = blocks[i + 1 : j]
        numbered = all(NUMBERED.match(item.text) for item in items)
        enough = len(items) >= (1 if introduces else 2)
        # Introduced or numbered, the list is the story's even where the story ends with it; bulleted lines
        # could be a box of related headlines, so the story must go on after them.
        if enough and (introduces or numbered or (j < len(blocks) and blocks[j].kind is Kind.CONTENT)):
            for item in items:
                item.kind = Kind.LIST


def _mark_bios(blocks: list[Block]) -> None:
    """A paragraph that starts with the byline's author and "is a reporter"/"covers" is the author's bio."""
    byline = next((block for block in blocks if block.kind is Kind.BYLINE), None)
    names = byline_names(byline.text) if byline is not None else None
    if not names:
        return
    people = [name for name in re.split(r",\s*|\s+and\s+", names) if name]
    keys = {key.lower() for person in people for key in (person, person.split()[-1])}
    for block in blocks:
        if block.kind not in PROSE or block.units > 60:
            continue
        lowered = block.text.lower()
        for key in keys:
            if lowered.startswith(key + " ") and BIO_VERBS.match(block.text[len(key) + 1 :].lstrip()):
                block.kind = Kind.FURNITURE
                break


def _mark_related_box(blocks: list[Block], heading: int) -> None:
    """A "Related"/"Most read" heading with a few links and then more story is a box inside it, not its end.

    The box's items are short (headlines, image alt text, captions); after them the story must go on with
    at least two paragraphs (ads and captions between them aside), or the heading ends the story after all.
    """
    if not any(block.kind is Kind.CONTENT for block in blocks[max(0, heading - 3) : heading]):
        return
    j = heading + 1
    while j < len(blocks) and j - heading <= 8 and _is_box_item(blocks, j):
        j += 1
    if j == heading + 1:
        return
    paragraphs, units = 0, 0.0
    for block in blocks[j : j + 6]:
        if block.kind is Kind.CONTENT:
            paragraphs, units = paragraphs + 1, units + block.units
        elif block.kind not in (Kind.AD, Kind.CAPTION, Kind.TEASER):
            break
    if paragraphs >= 2 and units >= 30:
        for block in blocks[heading:j]:
            block.kind = Kind.BOX


def _is_box_item(blocks: Sequence[Block], i: int) -> bool:
    """Headlines, links and captions are box items; a short sentence only when a headline follows it."""
    block = blocks[i]
    if block.kind in (*BARRIERS, Kind.TIMESTAMP):
        return False
    if block.kind is not Kind.CONTENT:
        return True
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    return block.units <= 15 and after is not None and after.kind in (Kind.HEADLINE, Kind.NAV, Kind.TEASER)


def byline_names(text: str) -> str | None:
    """Keep only the people in a byline: drop "By", dates, times, outlets and roles."""
    match = BYLINE_START.match(text)
    rest = match.group("rest") if match else text
    found = find_date(rest)
    if found is not None:
        rest = rest[: found[1]]
    cut = BYLINE_CUT.search(rest)
    if cut is not None:
        rest = rest[: cut.start()]
    names: list[str] = []
    parts = [part.strip(" .:-–—|") for part in re.split(r",|;|\s+and\s+|\s*&\s*", rest)]
    several = sum(1 for part in parts if len(part.split()) >= 2) >= 1 and len(parts) > 1
    for name in parts:
        words = name.split()
        if not 1 <= len(words) <= 5 or (several and len(words) == 1):
            continue  # "…, CNN": a one-word part beside full names is the outlet
        if any(word.lower() in NOT_PERSON_WORDS for word in words):
            continue
        if all(word[:1].isupper() or word.lower() in NAME_PARTICLES for word in words):
            names.append(name.title() if name.isupper() else name)
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]
