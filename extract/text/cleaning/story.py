"""Choosing the story: the best-scoring run of blocks, its title, byline, date and what was cut."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from extract.errors import InputError
from extract.text.cleaning.article import NO_TEXT, CleanArticle
from extract.text.cleaning.classify import byline_names, classify_all, find_date
from extract.text.cleaning.kinds import BARRIERS, CHROME, DESCRIPTIONS, PROSE, STORY_BEFORE_THREAD, Block, Kind
from extract.text.cleaning.patterns import BYLINE_START, OTHER_HEADLINE, SECTION_LABEL

# ---------------------------------------------------------------------------------------------------------
# Choosing the story


def best_run(blocks: Sequence[Block]) -> tuple[int, int, float]:
    """The contiguous run of blocks with the highest total score that crosses no feed heading.

    Readers' comments after a story end the search: the story is not among them.

    Returns:
        (start, end) with `end` exclusive, and the run's score; (0, 0, 0.0) when no run scores above zero.
    """
    best = (0, 0, 0.0)
    start = 0
    total = 0.0
    after_feed = False
    for i, block in enumerate(blocks):
        if block.kind is Kind.THREAD and best[2] >= STORY_BEFORE_THREAD:
            break
        if block.kind in BARRIERS:
            start, total, after_feed = i + 1, 0.0, True
            continue
        # Prose after a feed heading is most likely a feed item: halve its weight.
        score = block.score * (0.5 if after_feed and block.score > 0 else 1.0)
        if total <= 0:
            start, total = i, 0.0
        total += score
        if total > best[2]:
            best = (start, i + 1, total)
    return best


def _preview(text: str, words: int = 4) -> str:
    parts = text.split()
    shown = " ".join(parts[:words])
    if len(shown) > 60:
        shown = shown[:57].rstrip()
        return f"'{shown} …'"
    return f"'{shown} …'" if len(parts) > words else f"'{shown}'"


def _describe(blocks: Iterable[Block], extra: Sequence[str] = ()) -> str:
    names = [*extra]
    for block in blocks:
        name = DESCRIPTIONS[block.kind]
        if name not in names:
            names.append(name)
    return ", ".join(names[:4]) + (", …" if len(names) > 4 else "")


def _lines(n: int) -> str:
    return f"{n} line" if n == 1 else f"{n} lines"


def _interior_warning(run: Sequence[Block]) -> str:
    kinds = {block.kind for block in run}
    first = _preview(run[0].text)
    if kinds & {Kind.TEASER, Kind.TRUNCATED}:
        return f"cut a teaser of another story: {first}"
    if kinds <= {Kind.CAPTION}:
        return f"cut a photo caption: {first}" if len(run) == 1 else f"cut {len(run)} photo captions: {first}"
    if Kind.BOX in kinds:
        return f"cut a box of related links inside the story: {first}"
    if kinds <= {Kind.HEADLINE, Kind.NAV}:
        if len(run) == 1:
            return f"cut a headline-like line inside the story: {first}"
        return f"cut {len(run)} headline-like lines inside the story: {first}"
    return f"cut {_lines(len(run))} of {_describe(run)} inside the story: {first}"


def _is_subheading(blocks: Sequence[Block], i: int, start: int, end: int) -> bool:
    """Keep a headline-like line between two paragraphs unless it is as long as a headline of another story.

    Up to 7 words it is a subheading of the story; from 12 words on, a row of prose that a link or a line
    break cut off from its paragraph ("… said Philip" / "Schiller, …"). In between it is more likely the
    headline of another story, which must not reach the model.
    """
    block = blocks[i]
    if block.kind not in (Kind.HEADLINE, Kind.NAV) or OTHER_HEADLINE[0] <= block.units <= OTHER_HEADLINE[1]:
        return False
    return start < i < end - 1 and blocks[i - 1].kind in PROSE and blocks[i + 1].kind in PROSE


def _pick_title(blocks: Sequence[Block], start: int, byline: int | None) -> tuple[str | None, str | None]:
    """The headline heads the cluster of headline-like lines just above the byline (or the story).

    Walking up, dates, captions and furniture between the cluster and the anchor are skipped; the cluster is
    headline, then standfirst, then perhaps an author line, so its first line is the headline. A label
    (`SECTION_LABEL`: "OPINION", "Commentary") that opens the text right above the headline is the page's
    section; one after other lines is a menu's last item as often (L3S-GN1 as scrapes: a news report under
    the menu item "Columnists", its only such line).

    Returns:
        (headline, section label), each None when the page gives none.
    """
    anchor = byline if byline is not None and byline < start else start
    skippable = (Kind.DATELINE, Kind.TIMESTAMP, Kind.CAPTION, Kind.FURNITURE, Kind.AD, Kind.BYLINE, Kind.NAV)
    cluster: list[int] = []
    for i in range(anchor - 1, max(-1, anchor - 13), -1):
        block = blocks[i]
        if block.kind is Kind.HEADLINE and 3 <= block.units <= 30:
            cluster.append(i)
        elif cluster or block.kind not in skippable:
            break
    if not cluster:
        return None, None
    top = cluster[-1]
    label = blocks[0].text.strip(" :|-–—") if top == 1 else ""
    return blocks[top].text, (label if SECTION_LABEL.fullmatch(label) else None)


def clean_blocks(texts: Sequence[str]) -> CleanArticle:
    """Classify blocks, pick the story run, and gather title, byline, date and warnings around it."""
    if not texts:
        raise InputError(NO_TEXT)
    blocks = classify_all(texts)
    if len(blocks) == 1:
        # A single paragraph is the article, whatever its shape, unless it is page chrome ("Subscribe").
        if blocks[0].kind in CHROME:
            raise InputError(NO_TEXT)
        return CleanArticle(texts[0], None, None, None, None, [])
    start, end, total = best_run(blocks)
    if total <= 0:
        return _fallback(blocks)

    kept: list[str] = []
    warnings: list[str] = []
    dropped: list[Block] = []
    for i in range(start, end):
        block = blocks[i]
        if block.kind in PROSE or _is_subheading(blocks, i, start, end):
            if dropped:
                warnings.append(_interior_warning(dropped))
                dropped = []
            kept.append(block.text)
        else:
            dropped.append(block)

    byline_at = next((i for i in range(end) if blocks[i].kind is Kind.BYLINE), None)
    title, section = _pick_title(blocks, start, byline_at)
    byline = byline_names(blocks[byline_at].text) if byline_at is not None else None
    labelled = BYLINE_START.match(blocks[byline_at].text) if byline_at is not None else None
    sections = tuple(label for label in (section, labelled["label"] if labelled else None) if label)
    published = _published(blocks, start, byline_at)

    if start > 0:
        extra = [name for name, value in (("title", title), ("byline", byline)) if value]
        before = [b for b in blocks[:start] if b.text != title and b.kind is not Kind.BYLINE]
        warnings.insert(
            0,
            f"cut {_lines(start)} before the story ({_describe(before, extra)}): {_preview(blocks[0].text)}",
        )
    if end < len(blocks):
        after = blocks[end:]
        warnings.append(f"cut {_lines(len(after))} after the story ({_describe(after)}): {_preview(after[0].text)}")
    return CleanArticle("\n\n".join(kept), title, byline, published, None, warnings, sections)


def _published(blocks: Sequence[Block], start: int, byline_at: int | None) -> str | None:
    """The date in the byline, else in a dateline or meta line above the story (never from the prose)."""
    meta = [i for i in range(start) if blocks[i].kind not in (Kind.CONTENT, Kind.WEAK, Kind.TEASER)]
    updated = [i for i in meta if re.search(r"\b(?:updated|modified|edited)\b", blocks[i].text, re.I)]
    order = ([byline_at] if byline_at is not None else []) + [i for i in meta if i not in updated] + updated
    for i in order:
        found = find_date(blocks[i].text)
        if found is not None:
            return found[0]
    return None


def _fallback(blocks: Sequence[Block]) -> CleanArticle:
    """No run scores as a story (e.g. a lone headline-like line): keep the longest block not chrome."""
    candidates = [block for block in blocks if block.kind not in (*CHROME, Kind.BYLINE, Kind.DATELINE)]
    if not candidates:
        raise InputError(NO_TEXT)
    best = max(candidates, key=lambda block: block.units)
    others = len(blocks) - 1
    warnings = [f"no clear story found; kept the longest line and cut {_lines(others)}"] if others else []
    return CleanArticle(best.text, None, None, None, None, warnings)
