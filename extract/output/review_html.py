"""Render records as one self-contained HTML review page (inline CSS and JS, nothing fetched at view time).

The template, stylesheet and script are files in extract/data/review/ (`extract.output.review_assets`).

The page embeds one entry per record as JSON in a `<script type="application/json">`: a little metadata for
the index and filters, and the article view pre-rendered here as an HTML fragment in which every piece of
text is escaped. The script builds the index and puts only the selected article into the DOM, so that a
file of a thousand articles stays quick to open, filter and browse.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from typing import Any

from extract.output.records import Record
from extract.output.review_assets import asset
from schemas import ALLEGATION_CATEGORIES, Actor, Allegation, ArticleRecord, ErrorRecord, Source, Statement

_SCRIPT_UNSAFE = re.compile(r"<([/!])")

#: Number of distinct speaker colours (`.c0` … `.c11` in the stylesheet).
PALETTE_SIZE = 12

_STATUS_LABELS = {"alleged": "alleged", "denied": "denied", "admitted": "admitted", "disputed": "disputed"}


def render_html(records: Sequence[Record], title: str = "Extraction review", network: bool = False) -> str:
    """Render records as a single self-contained HTML page for review in a browser.

    Args:
        records: Article and error records, in the order to list them.
        title: The page title.
        network: Add a Network tab: who accuses whom across the records (`extract.output.review_graph`).

    Returns:
        The complete HTML document.
    """
    entries = [_entry(index, record) for index, record in enumerate(records)]
    articles = [r for r in records if isinstance(r, ArticleRecord)]
    summary = {
        "articles": len(records),
        "failed": len(records) - len(articles),
        "statements": sum(len(r.statements) for r in articles),
        "allegations": sum(len(r.allegations) for r in articles),
    }
    data: dict[str, Any] = {"summary": summary, "records": entries}
    extra = {"tabs": "", "html": "", "css": "", "js": ""}
    if network:
        from extract.output import review_graph

        data["network"] = review_graph.network_data(records)
        extra = {"tabs": _TABS, "html": asset("network.html"), "css": asset("network.css"),
                 "js": f"<script>{asset('network.js')}</script>"}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # In a <script> element the HTML parser only reacts to "</" (an end tag) and "<!" (a "<!--" could hide
    # a later "</script>"). Written as "<\/" and "\u003c!" they are inert, and JSON.parse reads the same
    # strings back; every other "<" stays as it is, which keeps the embedded fragments compact.
    payload = _SCRIPT_UNSAFE.sub(lambda m: "<\\/" if m.group(1) == "/" else "\\u003c!", payload)
    return (asset("page.html").replace("__TITLE__", _e(title)).replace("__CSS__", asset("review.css") + extra["css"])
            .replace("__TABS__", extra["tabs"]).replace("__NETWORK__", extra["html"])
            .replace("__NETJS__", extra["js"]).replace("__JS__", asset("review.js")).replace("__DATA__", payload))


_TABS = """<div class="tabs" role="tablist">
    <button type="button" class="tab" role="tab" data-tab="articles" aria-selected="true">Articles</button>
    <button type="button" class="tab" role="tab" data-tab="network" aria-selected="false">Network</button>
  </div>"""


def _e(value: object) -> str:
    """Escape any value for use as HTML text or a double-quoted attribute value."""
    return html.escape(str(value), quote=True)


def _article_id(source: Source) -> str:
    return source.sha256[:16] or source.path


def colours(record: ArticleRecord) -> dict[str, int]:
    """Give each actor of a record a palette index, stable across articles and distinct within one.

    An actor's preferred colour comes from a hash of its name, so the same actor tends to keep its colour
    from article to article; speakers (most statements first) choose before other actors, and a colour
    already taken moves on to the next free one while any is left.

    Args:
        record: The article record.

    Returns:
        Actor id -> palette index in `range(PALETTE_SIZE)`.
    """
    spoken = Counter(s.speaker for s in record.statements)
    order = sorted(record.actors, key=lambda a: (-spoken[a.id], a.id not in spoken))
    taken: set[int] = set()
    result: dict[str, int] = {}
    for actor in order:
        preferred = zlib.crc32(actor.name.strip().casefold().encode("utf-8")) % PALETTE_SIZE
        choice = preferred
        for step in range(PALETTE_SIZE):
            candidate = (preferred + step) % PALETTE_SIZE
            if candidate not in taken:
                choice = candidate
                break
        taken.add(choice)
        result[actor.id] = choice
    return result


def highlight(text: str, statements: Sequence[Statement], names: dict[str, str],
              palette: dict[str, int]) -> str:
    """Escape an article's text and wrap each statement's words in a `<mark>` coloured by its speaker.

    The words are the span, or each of its `parts` (a quotation interrupted by its attribution: the
    attribution between them stays unmarked). Nested spans become nested marks. Spans that cross (one starts
    inside another and ends after it) are split, so the markup stays well formed: the later statement is
    closed and reopened around the boundary, and all of its pieces carry the same `data-st`. Spans outside the
    text are skipped.

    Args:
        text: The article text the spans index into.
        statements: The statements to highlight.
        names: Actor id -> name, for the tooltips.
        palette: Actor id -> palette index.

    Returns:
        An HTML fragment whose text content equals `text`.
    """
    n = len(text)
    marks = sorted(((p, s) for s in statements for p in (s.parts or [s.span]) if 0 <= p[0] < p[1] <= n),
                   key=lambda m: (m[0][0], -m[0][1], m[1].id))  # outer spans before the spans they contain
    bounds = sorted({0, n, *(p[0] for p, _ in marks), *(p[1] for p, _ in marks)})
    out: list[str] = []
    stack: list[tuple[tuple[int, int], Statement]] = []
    opened: set[str] = set()
    for start, end in itertools.pairwise(bounds):
        covering = [m for m in marks if m[0][0] <= start and end <= m[0][1]]
        keep = 0
        while keep < min(len(stack), len(covering)) and stack[keep] is covering[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        del stack[keep:]
        for mark in covering[keep:]:
            st = mark[1]
            out.append(_mark_open(st, names, palette, continued=st.id in opened))
            opened.add(st.id)
            stack.append(mark)
        out.append(_e(text[start:end]).replace("\n", _NEWLINE))
    out.append("</mark>" * len(stack))
    return "".join(out)


#: A line break that also leaves a small gap, so paragraphs stand apart; its text is still the newline.
_NEWLINE = '<span class="nl">\n</span>'


def _mark_open(st: Statement, names: dict[str, str], palette: dict[str, int], continued: bool) -> str:
    speaker = names.get(st.speaker, st.speaker)
    tip = f"{st.id} · {speaker} · {st.kind}" + (f" · “{st.cue}”" if st.cue else "") + (
        f" · {st.date}" if st.date else "") + (f" · via {names.get(st.via, st.via)}" if st.via else "")
    classes = f"st c{palette.get(st.speaker, 0)} {st.kind}" + (" cont" if continued else "")
    return (f'<mark class="{classes}" data-st="{_e(st.id)}" data-speaker="{_e(st.speaker)}" '
            f'title="{_e(tip)}">')


def _entry(index: int, record: Record) -> dict[str, Any]:
    """The JSON entry of one record: index metadata, search text and the pre-rendered article view."""
    source = record.source
    label = source.title or source.path.rsplit("/", 1)[-1] or source.path
    entry: dict[str, Any] = {"i": index, "id": _article_id(source), "title": label, "path": source.path,
                             "date": source.published}
    haystack = [label, source.path, source.byline or "", source.url or ""]
    if isinstance(record, ErrorRecord):
        entry.update(failed=True, names=[], st=0, al=0, warn=0, html=_error_view(record))
        haystack += [record.error.type, record.error.message]
    else:
        names = sorted({name for a in record.actors for name in (a.name, *a.aliases)}, key=str.casefold)
        entry.update(failed=False, names=names, st=len(record.statements), al=len(record.allegations),
                     warn=len(record.warnings), html=_article_view(record))
        haystack += names + [a.claim for a in record.allegations] + list(record.warnings) + [record.text]
    entry["q"] = "\n".join(haystack).casefold()
    return entry


def _head(source: Source, extra: str = "") -> str:
    meta = [f"<span>{_e(source.byline)}</span>" if source.byline else "",
            f"<time>{_e(source.published)}</time>" if source.published else "",
            f'<a href="{_e(source.url)}" target="_blank" rel="noopener noreferrer">{_e(source.url)}</a>'
            if source.url else ""]
    meta_html = '<span class="sep">·</span>'.join(m for m in meta if m)
    title = source.title or source.path
    return (f'<header class="doc-head"><div class="kicker"><span class="mono">{_e(source.path)}</span>'
            f'<span class="sep">·</span><span class="mono">{_e(_article_id(source))}</span></div>'
            f'<h1>{_e(title)}</h1>' + (f'<div class="meta">{meta_html}</div>' if meta_html else "")
            + extra + "</header>")


def _error_view(record: ErrorRecord) -> str:
    return (f'<article class="doc failed">{_head(record.source)}<section class="error-box" role="alert">'
            f'<div class="error-title">Extraction failed'
            f'<span class="badge err">{_e(record.error.type)}</span></div>'
            f'<pre class="error-message">{_e(record.error.message)}</pre></section></article>')


def _article_view(record: ArticleRecord) -> str:
    names = {a.id: a.name for a in record.actors}
    palette = colours(record)
    stats = (f'<div class="stats"><span><b>{len(record.actors)}</b> actors</span>'
             f'<span><b>{len(record.statements)}</b> statements</span>'
             f'<span><b>{len(record.allegations)}</b> allegations</span>'
             + (f'<span class="warn-count"><b>{len(record.warnings)}</b> warnings</span>'
                if record.warnings else "") + "</div>")
    body = highlight(record.text, record.statements, names, palette)
    text_col = (f'<section class="doc-main">{_head(record.source, stats)}{_legend(record, palette)}'
                f'<div class="doc-text">{body}</div></section>')
    side = (_allegations_panel(record, names, palette) + _warnings_panel(record)
            + _actors_panel(record, names, palette) + _statements_panel(record, names, palette)
            + _provenance_panel(record))
    return f'<article class="doc">{text_col}<aside class="doc-side">{side}</aside></article>'


def _legend(record: ArticleRecord, palette: dict[str, int]) -> str:
    spoken = Counter(s.speaker for s in record.statements)
    if not spoken:
        return ('<div class="legend"><span class="legend-empty">No statements found in this article.</span>'
                "</div>")
    items = "".join(
        f'<button type="button" class="speaker c{palette.get(a.id, 0)}" data-speaker="{_e(a.id)}" '
        f'title="Show only statements by {_e(a.name)}"><span class="dot"></span>{_e(a.name)}'
        f'<span class="count">{spoken[a.id]}</span></button>'
        for a in sorted(record.actors, key=lambda a: -spoken[a.id]) if spoken[a.id])
    key = ('<span class="key"><mark class="st c-key direct">direct quote</mark>'
           '<mark class="st c-key indirect">reported speech</mark></span>')
    return f'<div class="legend"><span class="legend-label">Speakers</span>{items}{key}</div>'


def _party(actor_id: str, names: dict[str, str], palette: dict[str, int]) -> str:
    return (f'<span class="party c{palette.get(actor_id, 0)}" data-actor="{_e(actor_id)}">'
            f'<span class="dot"></span>{_e(names.get(actor_id, actor_id))}</span>')


def _chip(sid: str, statements: dict[str, Statement], names: dict[str, str], palette: dict[str, int]) -> str:
    st = statements.get(sid)
    if st is None:
        return f'<span class="chip missing" title="no such statement">{_e(sid)}</span>'
    quote = st.text if len(st.text) <= 64 else st.text[:61].rstrip() + "…"
    tip = f"{st.id} · {names.get(st.speaker, st.speaker)}: {st.text}"
    return (f'<button type="button" class="chip c{palette.get(st.speaker, 0)}" data-goto="{_e(sid)}" '
            f'title="{_e(tip)}"><span class="chip-id">{_e(sid)}</span>{_e(quote)}</button>')


def _allegation(al: Allegation, statements: dict[str, Statement], names: dict[str, str],
                palette: dict[str, int]) -> str:
    accusers = "".join(_party(a, names, palette) for a in al.accusers)
    accused = "".join(_party(a, names, palette) for a in al.accused)
    evidence = "".join(_chip(s, statements, names, palette) for s in al.evidence)
    responses = "".join(_chip(s, statements, names, palette) for s in al.responses)
    category = al.category.replace("_", " ")
    cites = " ".join([*al.evidence, *al.responses])
    return (f'<li class="allegation" id="al-{_e(al.id)}" tabindex="0" role="button" '
            f'data-goto="{_e(" ".join(al.evidence))}" data-cites="{_e(cites)}" '
            f'aria-label="Show the evidence of {_e(al.id)} in the text">'
            f'<div class="al-head"><span class="al-id">{_e(al.id)}</span>'
            f'<span class="badge cat" title="{_e(ALLEGATION_CATEGORIES.get(al.category, ""))}">'
            f'{_e(category)}</span><span class="badge status {_e(al.status)}">'
            f'{_e(_STATUS_LABELS.get(al.status, al.status))}</span></div>'
            f'<div class="parties"><span class="side-list">{accusers}</span><span class="side-list">'
            f'<span class="arrow" aria-label="accuses">→</span>{accused}</span></div>'
            f'<p class="claim">{_e(al.claim)}</p>'
            f'<div class="refs"><span class="refs-label">Evidence</span>{evidence}</div>'
            + (f'<div class="refs"><span class="refs-label">Responses</span>{responses}</div>' if responses
               else "") + "</li>")


def _allegations_panel(record: ArticleRecord, names: dict[str, str], palette: dict[str, int]) -> str:
    statements = {s.id: s for s in record.statements}
    if not record.allegations:
        inner = '<p class="empty">No allegations found.</p>'
    else:
        inner = ('<ol class="allegations">'
                 + "".join(_allegation(a, statements, names, palette) for a in record.allegations) + "</ol>")
    return (f'<section class="panel"><h2>Allegations<span class="n">{len(record.allegations)}</span></h2>'
            f'{inner}</section>')


def _warnings_panel(record: ArticleRecord) -> str:
    if not record.warnings:
        return ""
    items = "".join(f"<li>{_e(w)}</li>" for w in record.warnings)
    return (f'<section class="panel warnings"><h2>Warnings<span class="n">{len(record.warnings)}</span></h2>'
            f'<ul>{items}</ul></section>')


def _actor_row(actor: Actor, names: dict[str, str], palette: dict[str, int], spoken: Counter[str]) -> str:
    details = []
    if actor.role:
        details.append(f'<span class="role">{_e(actor.role)}</span>')
    if actor.affiliation:
        details.append(f'<span class="affil">of {_e(names.get(actor.affiliation, actor.affiliation))}</span>')
    if actor.aliases:
        details.append('<span class="aliases">aka ' + ", ".join(_e(a) for a in actor.aliases) + "</span>")
    said = f'<span class="said" title="statements">{spoken[actor.id]}</span>' if spoken[actor.id] else ""
    return (f'<li class="actor c{palette.get(actor.id, 0)}" data-actor="{_e(actor.id)}">'
            f'<span class="dot"></span><div class="actor-body"><div class="actor-line">'
            f'<span class="actor-name">{_e(actor.name)}</span>'
            f'<span class="kind">{_e(actor.kind.replace("_", " "))}</span>'
            f'<span class="aid">{_e(actor.id)}</span>'
            f'{said}</div>' + (f'<div class="actor-details">{"".join(details)}</div>' if details else "")
            + "</div></li>")


def _actors_panel(record: ArticleRecord, names: dict[str, str], palette: dict[str, int]) -> str:
    spoken = Counter(s.speaker for s in record.statements)
    rows = "".join(_actor_row(a, names, palette, spoken) for a in record.actors)
    inner = f'<ul class="actors">{rows}</ul>' if rows else '<p class="empty">No actors found.</p>'
    return (f'<section class="panel"><h2>Actors<span class="n">{len(record.actors)}</span></h2>{inner}'
            "</section>")


def _statements_panel(record: ArticleRecord, names: dict[str, str], palette: dict[str, int]) -> str:
    if not record.statements:
        return ""
    rows = []
    for st in record.statements:
        extra = " · ".join(x for x in (f"“{st.cue}”" if st.cue else "", st.date or "",
                                       f"via {names.get(st.via, st.via)}" if st.via else "") if x)
        rows.append(f'<li><button type="button" class="st-row" data-goto="{_e(st.id)}">'
                    f'<span class="st-id">{_e(st.id)}</span>{_party(st.speaker, names, palette)}'
                    f'<span class="kind">{_e(st.kind)}</span>'
                    f'<span class="span mono">{st.span[0]}–{st.span[1]}</span>'
                    + (f'<span class="st-extra">{_e(extra)}</span>' if extra else "")
                    + "</button></li>")
    return (f'<section class="panel"><details><summary><h2>Statements<span class="n">{len(record.statements)}'
            f'</span></h2></summary><ul class="statements">{"".join(rows)}</ul></details></section>')


def _provenance_panel(record: ArticleRecord) -> str:
    p = record.provenance
    rows = [("Model", p.model), ("Backend", p.backend), ("Tool", p.tool_version),
            ("Prompt", p.prompt_sha256[:12]), ("Attempts", str(p.attempts)),
            ("Tokens", f"{p.usage.prompt_tokens:,} in · {p.usage.completion_tokens:,} out"),
            ("Time", f"{p.seconds:.1f} s"), ("Input", record.source.sha256[:16])]
    items = "".join(f'<dt>{_e(k)}</dt><dd class="{"mono" if k in ("Prompt", "Input") else ""}"'
                    + (f' title="{_e(p.prompt_sha256)}"' if k == "Prompt" else "") + f">{_e(v)}</dd>"
                    for k, v in rows)
    return f'<section class="panel provenance"><h2>Provenance</h2><dl>{items}</dl></section>'
