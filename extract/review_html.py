"""Render records as one self-contained HTML review page (inline CSS and JS, nothing fetched at view time).

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

from extract.records import Record
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
        network: Add a Network tab: who accuses whom across the records (`extract.review_graph`).

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
        from extract import review_graph

        data["network"] = review_graph.network_data(records)
        extra = {"tabs": _TABS, "html": review_graph.NETWORK_HTML, "css": review_graph.NETWORK_CSS,
                 "js": f"<script>{review_graph.NETWORK_JS}</script>"}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # In a <script> element the HTML parser only reacts to "</" (an end tag) and "<!" (a "<!--" could hide
    # a later "</script>"). Written as "<\/" and "\u003c!" they are inert, and JSON.parse reads the same
    # strings back; every other "<" stays as it is, which keeps the embedded fragments compact.
    payload = _SCRIPT_UNSAFE.sub(lambda m: "<\\/" if m.group(1) == "/" else "\\u003c!", payload)
    return (_PAGE.replace("__TITLE__", _e(title)).replace("__CSS__", _CSS + extra["css"])
            .replace("__TABS__", extra["tabs"]).replace("__NETWORK__", extra["html"])
            .replace("__NETJS__", extra["js"]).replace("__JS__", _JS).replace("__DATA__", payload))


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
    """Escape an article's text and wrap each statement's span in a `<mark>` coloured by its speaker.

    Nested spans become nested marks. Spans that cross (one starts inside another and ends after it) are
    split, so the markup stays well formed: the later statement is closed and reopened around the boundary,
    and all of its pieces carry the same `data-st`. Spans outside the text are skipped.

    Args:
        text: The article text the spans index into.
        statements: The statements to highlight.
        names: Actor id -> name, for the tooltips.
        palette: Actor id -> palette index.

    Returns:
        An HTML fragment whose text content equals `text`.
    """
    n = len(text)
    spans = sorted((s for s in statements if 0 <= s.span[0] < s.span[1] <= n),
                   key=lambda s: (s.span[0], -s.span[1], s.id))  # outer spans before the spans they contain
    bounds = sorted({0, n, *(s.span[0] for s in spans), *(s.span[1] for s in spans)})
    out: list[str] = []
    stack: list[Statement] = []
    opened: set[str] = set()
    for start, end in itertools.pairwise(bounds):
        covering = [s for s in spans if s.span[0] <= start and end <= s.span[1]]
        keep = 0
        while keep < min(len(stack), len(covering)) and stack[keep] is covering[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        del stack[keep:]
        for st in covering[keep:]:
            out.append(_mark_open(st, names, palette, continued=st.id in opened))
            opened.add(st.id)
            stack.append(st)
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


_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'unsafe-inline'; img-src data:">
<title>__TITLE__</title>
<style>__CSS__</style>
</head>
<body>
<header class="appbar">
  <div class="brand"><span class="logo" aria-hidden="true"></span><span>__TITLE__</span>__TABS__</div>
  <div class="summary" id="summary"></div>
</header>
<div class="layout">
  <nav class="index" aria-label="Articles">
    <div class="filters">
      <input id="q" type="search" placeholder="Filter articles, actors, claims, text…" autocomplete="off"
             aria-label="Filter by text">
      <input id="actor" type="search" list="actor-names" placeholder="Actor name…" autocomplete="off"
             aria-label="Filter by actor">
      <datalist id="actor-names"></datalist>
      <div class="toggles">
        <label><input type="checkbox" id="f-al"> Allegations</label>
        <label><input type="checkbox" id="f-err"> Failed</label>
        <label><input type="checkbox" id="f-warn"> Warnings</label>
      </div>
      <div class="count" id="count" aria-live="polite"></div>
    </div>
    <ol class="items" id="items"></ol>
  </nav>
  <main id="view" tabindex="-1"><div class="placeholder">Select an article.</div></main>
</div>__NETWORK__
<script type="application/json" id="review-data">__DATA__</script>
<script>__JS__</script>__NETJS__
</body>
</html>
"""

_CSS = """
:root {
  --ink: #0f172a; --ink-2: #334155; --muted: #64748b; --line: #e2e8f0; --line-2: #cbd5e1;
  --paper: #ffffff; --wash: #f8fafc; --wash-2: #f1f5f9; --accent: #2563eb; --accent-wash: #eff6ff;
  --err: #b91c1c; --err-wash: #fef2f2; --warn: #a16207; --warn-wash: #fffbeb;
  --radius: 8px; --appbar: 52px;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.5 var(--font); color: var(--ink); background: var(--wash); overflow: hidden; }
button { font: inherit; color: inherit; }
.mono { font-family: var(--mono); font-size: 0.92em; }
.sep { color: var(--line-2); margin: 0 0.45em; }

.appbar { height: var(--appbar); display: flex; align-items: center; justify-content: space-between;
  padding: 0 20px; background: var(--paper); border-bottom: 1px solid var(--line); }
.brand { display: flex; align-items: center; gap: 10px; font-weight: 650; font-size: 15px; }
.logo { width: 22px; height: 22px; border-radius: 6px;
  background: linear-gradient(135deg, #2563eb 0 50%, #f97316 50% 100%); }
.summary { display: flex; gap: 18px; color: var(--muted); font-size: 13px; }
.summary b { color: var(--ink); font-weight: 600; }
.summary .bad b { color: var(--err); }

.layout { display: grid; grid-template-columns: 320px minmax(0, 1fr); height: calc(100vh - var(--appbar)); }
.index { display: flex; flex-direction: column; min-height: 0; background: var(--paper);
  border-right: 1px solid var(--line); }
.filters { padding: 14px 14px 10px; border-bottom: 1px solid var(--line); display: grid; gap: 8px; }
.filters input[type=search] { width: 100%; padding: 8px 10px; border: 1px solid var(--line-2);
  border-radius: 6px; font: inherit; background: var(--paper); }
.filters input[type=search]:focus { outline: 2px solid var(--accent); outline-offset: -1px;
  border-color: transparent; }
.toggles { display: flex; gap: 6px; flex-wrap: wrap; }
.toggles label { display: inline-flex; align-items: center; gap: 5px; padding: 3px 9px 3px 7px;
  border: 1px solid var(--line-2); border-radius: 999px; font-size: 12.5px; color: var(--ink-2);
  cursor: pointer; user-select: none; }
.toggles label:has(input:checked) { background: var(--accent-wash); border-color: var(--accent);
  color: var(--accent); }
.toggles input { margin: 0; accent-color: var(--accent); }
.count { font-size: 12px; color: var(--muted); }
.items { list-style: none; margin: 0; padding: 6px; overflow-y: auto; flex: 1; }
.item { padding: 9px 10px 9px 12px; border-radius: 6px; cursor: pointer; border-left: 3px solid transparent;
  margin-bottom: 2px; }
.item:hover { background: var(--wash-2); }
.item.active { background: var(--accent-wash); border-left-color: var(--accent); }
.item-title { font-weight: 550; font-size: 13.5px; line-height: 1.35; display: -webkit-box;
  -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.item-meta { display: flex; gap: 6px; align-items: center; margin-top: 4px; font-size: 12px;
  color: var(--muted); flex-wrap: wrap; }
.item-path { font-family: var(--mono); font-size: 11px; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; max-width: 150px; }
.pill { padding: 0 6px; border-radius: 999px; background: var(--wash-2); color: var(--ink-2);
  font-size: 11.5px; }
.pill.al { background: #fff7ed; color: #c2410c; }
.pill.warn { background: var(--warn-wash); color: var(--warn); }
.pill.err { background: var(--err-wash); color: var(--err); font-weight: 600; }
.more { margin: 8px; padding: 7px; width: calc(100% - 16px); border: 1px dashed var(--line-2);
  background: none; border-radius: 6px; color: var(--accent); cursor: pointer; }

main { overflow: hidden; min-width: 0; outline: none; }
.placeholder { padding: 60px; color: var(--muted); text-align: center; }
.doc { display: grid; grid-template-columns: minmax(0, 1fr) 400px; height: 100%; }
.doc.failed { display: block; overflow-y: auto; padding: 28px 44px; background: var(--paper); }
.doc-main { overflow-y: auto; padding: 28px 44px 80px; scroll-padding: 80px; background: var(--paper); }
.doc-side { overflow-y: auto; padding: 18px 18px 60px; border-left: 1px solid var(--line);
  background: var(--wash); }
.doc-head { max-width: 760px; margin-bottom: 14px; }
.kicker { color: var(--muted); font-size: 12px; }
.doc-head h1 { font-size: 24px; line-height: 1.25; margin: 6px 0 8px; font-weight: 700;
  letter-spacing: -0.01em; }
.meta { color: var(--ink-2); font-size: 13.5px; }
.meta a { color: var(--accent); text-decoration: none; word-break: break-all; }
.stats { display: flex; gap: 14px; margin-top: 10px; font-size: 12.5px; color: var(--muted); }
.stats b { color: var(--ink); }
.stats .warn-count b { color: var(--warn); }

.legend { max-width: 760px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center;
  padding: 10px 0 12px; margin-bottom: 18px; border-bottom: 1px solid var(--line);
  position: sticky; top: -28px; z-index: 2; background: var(--paper); }
.legend-label { font-size: 11px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted);
  margin-right: 4px; font-weight: 600; }
.legend-empty { color: var(--muted); font-size: 13px; }
.speaker { display: inline-flex; align-items: center; gap: 6px; padding: 3px 8px; border-radius: 999px;
  border: 1px solid var(--line); background: var(--paper); cursor: pointer; font-size: 12.5px; }
.speaker:hover { border-color: var(--c); }
.speaker.on { background: var(--bg); border-color: var(--c); }
.speaker .count { color: var(--muted); font-size: 11px; }
.key { margin-left: auto; display: inline-flex; gap: 8px; font-size: 12px; }
.dot { width: 9px; height: 9px; border-radius: 50%; background: var(--c); flex: none; display: inline-block; }

.doc-text { max-width: 760px; font-size: 16.5px; line-height: 1.85; white-space: pre-wrap;
  overflow-wrap: break-word; color: #1e293b; }
.doc-text .nl { display: block; height: 0.6em; overflow: hidden; }
mark.st { color: inherit; background: var(--bg); border-bottom: 2px solid var(--c); border-radius: 2px;
  padding: 1px 0; cursor: pointer; transition: opacity 0.2s, background 0.2s; }
mark.st.indirect { background: color-mix(in srgb, var(--bg) 55%, transparent); border-bottom-style: dashed; }
mark.st mark.st { padding-bottom: 4px; }
mark.st mark.st mark.st { padding-bottom: 7px; }
mark.st.focus { background: color-mix(in srgb, var(--c) 26%, white); border-bottom-style: solid;
  border-bottom-width: 3px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.st.flash { animation: flash 1.4s ease-out; }
@keyframes flash {
  0%, 30% { background: var(--c); color: #fff;
    box-shadow: 0 0 0 4px color-mix(in srgb, var(--c) 35%, transparent); }
  100% { box-shadow: 0 0 0 0 transparent; }
}
.dimmed mark.st:not(.keep) { background: transparent; border-bottom-color: var(--line-2); }
mark.c-key { --c: #64748b; --bg: #e2e8f0; padding: 0 4px; cursor: default; }

.panel { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius);
  padding: 14px 14px 12px; margin-bottom: 14px; }
.panel h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--ink-2);
  margin: 0 0 10px; display: flex; align-items: center; gap: 8px; font-weight: 650; }
.panel .n { background: var(--wash-2); color: var(--muted); border-radius: 999px; padding: 0 7px;
  font-size: 11px; letter-spacing: 0; }
.panel .empty { color: var(--muted); margin: 0; }
details > summary { list-style: none; cursor: pointer; }
details > summary::-webkit-details-marker { display: none; }
details > summary h2 { margin: 0; }
details > summary h2::after { content: "▸"; margin-left: auto; color: var(--muted); }
details[open] > summary h2 { margin-bottom: 10px; }
details[open] > summary h2::after { content: "▾"; }

.allegations { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.allegation { border: 1px solid var(--line); border-radius: 7px; padding: 10px 11px; cursor: pointer;
  transition: border-color 0.15s, box-shadow 0.15s; }
.allegation:hover, .allegation:focus-visible { border-color: var(--accent); outline: none;
  box-shadow: 0 1px 6px rgba(37, 99, 235, 0.12); }
.allegation.selected { border-color: var(--accent); background: var(--accent-wash); }
.allegation.flash { animation: cardflash 1.4s ease-out; }
@keyframes cardflash { 0%, 30% { box-shadow: 0 0 0 3px rgba(37, 99, 235, 0.45); } 100% { box-shadow: none; } }
.al-head { display: flex; align-items: center; gap: 6px; margin-bottom: 7px; }
.al-id, .st-id, .chip-id, .aid { font-family: var(--mono); font-size: 11px; color: var(--muted); }
.badge { font-size: 11px; padding: 1px 7px; border-radius: 4px; background: var(--wash-2);
  color: var(--ink-2); font-weight: 550; }
.badge.status { margin-left: auto; text-transform: uppercase; letter-spacing: 0.04em; font-size: 10.5px; }
.badge.alleged { background: #fff7ed; color: #c2410c; }
.badge.denied { background: #fef2f2; color: #b91c1c; }
.badge.admitted { background: #f0fdf4; color: #15803d; }
.badge.disputed { background: #faf5ff; color: #7e22ce; }
.badge.err { background: var(--err); color: #fff; margin-left: 10px; }
.parties { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; font-weight: 600;
  font-size: 13.5px; }
.side-list { display: inline-flex; flex-wrap: wrap; gap: 4px 10px; }
.party { display: inline-flex; align-items: center; gap: 5px; }
.arrow { color: var(--muted); font-weight: 400; }
.claim { margin: 6px 0 8px; color: var(--ink-2); line-height: 1.45; }
.refs { display: flex; flex-wrap: wrap; gap: 5px; align-items: center; margin-top: 5px; }
.refs-label { font-size: 10.5px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted);
  width: 68px; flex: none; }
.chip { display: inline-flex; gap: 5px; align-items: baseline; max-width: 100%; padding: 2px 8px;
  border-radius: 5px; border: 1px solid color-mix(in srgb, var(--c) 35%, transparent); background: var(--bg);
  font-size: 12px; cursor: pointer; text-align: left; line-height: 1.35; }
.chip:hover { border-color: var(--c); }
.chip.missing { --c: #b91c1c; --bg: #fef2f2; cursor: default; }

.warnings { border-color: #fde68a; background: var(--warn-wash); }
.warnings h2 { color: var(--warn); }
.warnings ul { margin: 0; padding-left: 18px; color: #713f12; }
.warnings li + li { margin-top: 4px; }

.actors, .statements { list-style: none; margin: 0; padding: 0; }
.actor { display: flex; gap: 9px; padding: 7px 0; border-top: 1px solid var(--wash-2); }
.actor:first-child { border-top: 0; padding-top: 0; }
.actor > .dot { margin-top: 6px; }
.actor-body { min-width: 0; flex: 1; }
.actor-line { display: flex; align-items: baseline; gap: 7px; flex-wrap: wrap; }
.actor-name { font-weight: 600; }
.kind { font-size: 11px; color: var(--muted); background: var(--wash-2); padding: 0 6px; border-radius: 4px; }
.said { margin-left: auto; font-size: 11px; color: var(--muted); }
.said::after { content: " said"; }
.actor-details { font-size: 12.5px; color: var(--ink-2); display: flex; flex-direction: column; }
.aliases { color: var(--muted); }
.st-row { display: flex; gap: 7px; align-items: baseline; flex-wrap: wrap; width: 100%; padding: 5px 6px;
  border: 0; background: none; border-radius: 5px; cursor: pointer; text-align: left; }
.st-row:hover { background: var(--wash-2); }
.st-row .span { margin-left: auto; color: var(--muted); font-size: 11px; }
.st-extra { width: 100%; padding-left: 34px; font-size: 12px; color: var(--muted); }

.provenance dl { display: grid; grid-template-columns: 76px 1fr; gap: 4px 10px; margin: 0;
  font-size: 12.5px; }
.provenance dt { color: var(--muted); }
.provenance dd { margin: 0; word-break: break-all; }

.error-box { max-width: 760px; border: 1px solid #fecaca; background: var(--err-wash);
  border-radius: var(--radius); padding: 16px 18px; margin-top: 18px; }
.error-title { font-weight: 650; color: var(--err); display: flex; align-items: center; }
.error-message { white-space: pre-wrap; font: 13px/1.5 var(--mono); margin: 10px 0 0; color: #7f1d1d; }

.c0 { --c: #2563eb; --bg: #dbeafe; } .c1 { --c: #ea580c; --bg: #ffedd5; }
.c2 { --c: #16a34a; --bg: #dcfce7; } .c3 { --c: #9333ea; --bg: #f3e8ff; }
.c4 { --c: #dc2626; --bg: #fee2e2; } .c5 { --c: #0d9488; --bg: #ccfbf1; }
.c6 { --c: #db2777; --bg: #fce7f3; } .c7 { --c: #ca8a04; --bg: #fef08a; }
.c8 { --c: #4f46e5; --bg: #e0e7ff; } .c9 { --c: #65a30d; --bg: #ecfccb; }
.c10 { --c: #0891b2; --bg: #cffafe; } .c11 { --c: #78716c; --bg: #e7e5e4; }

@media (max-width: 1100px) {
  body { overflow: auto; }
  .layout { grid-template-columns: 1fr; height: auto; }
  .index { max-height: 45vh; border-right: 0; border-bottom: 1px solid var(--line); }
  main, .doc, .doc-main, .doc-side { overflow: visible; height: auto; }
  .doc { grid-template-columns: 1fr; }
  .doc-main { padding: 20px; }
  .doc-side { border-left: 0; }
  .legend { top: 0; }
}
@media (prefers-reduced-motion: reduce) { mark.st.flash, .allegation.flash { animation: none; } }
"""

_JS = r"""
"use strict";
(() => {
  const DATA = JSON.parse(document.getElementById("review-data").textContent);
  const RECORDS = DATA.records;
  const PAGE = 300;
  const $ = (id) => document.getElementById(id);
  const list = $("items"), view = $("view"), count = $("count");
  const q = $("q"), actorBox = $("actor"), fAl = $("f-al"), fErr = $("f-err"), fWarn = $("f-warn");
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const baseTitle = document.title;
  let shown = [], limit = PAGE, current = -1;

  for (const r of RECORDS) r.lnames = r.names.map((n) => n.toLowerCase());

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function summary() {
    const s = DATA.summary, box = $("summary");
    const parts = [["articles", s.articles], ["failed", s.failed], ["statements", s.statements],
                   ["allegations", s.allegations]];
    for (const [label, n] of parts) {
      const span = el("span", label === "failed" && n ? "bad" : "");
      span.append(el("b", "", n.toLocaleString()), " " + label);
      box.append(span);
    }
    const names = new Map();
    for (const r of RECORDS) for (const n of r.names) names.set(n, (names.get(n) || 0) + 1);
    const options = [...names.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2000);
    const frag = document.createDocumentFragment();
    for (const [n] of options) { const o = document.createElement("option"); o.value = n; frag.append(o); }
    $("actor-names").append(frag);
  }

  function matches(r, text, actor) {
    if (fAl.checked && !r.al) return false;
    if (fErr.checked && !r.failed) return false;
    if (fWarn.checked && !r.warn) return false;
    if (actor && !r.lnames.some((n) => n.includes(actor))) return false;
    if (text && !text.every((t) => r.q.includes(t))) return false;
    return true;
  }

  function item(r) {
    const li = el("li", "item" + (r.i === current ? " active" : ""));
    li.dataset.i = r.i;
    li.id = "item-" + r.i;
    li.append(el("div", "item-title", r.title));
    const meta = el("div", "item-meta");
    if (r.failed) meta.append(el("span", "pill err", "failed"));
    if (r.date) meta.append(el("span", "", r.date));
    meta.append(el("span", "item-path", r.path));
    if (!r.failed) {
      meta.append(el("span", "pill", r.st + " st"));
      if (r.al) meta.append(el("span", "pill al", r.al + " alleg."));
      if (r.warn) meta.append(el("span", "pill warn", r.warn + " warn."));
    }
    li.append(meta);
    return li;
  }

  function renderList() {
    const frag = document.createDocumentFragment();
    for (const r of shown.slice(0, limit)) frag.append(item(r));
    if (shown.length > limit) {
      const more = el("button", "more", "Show " + Math.min(PAGE, shown.length - limit) + " more");
      more.type = "button";
      more.addEventListener("click", () => { limit += PAGE; renderList(); });
      frag.append(more);
    }
    list.replaceChildren(frag);
    count.textContent = shown.length === RECORDS.length
      ? RECORDS.length.toLocaleString() + " articles"
      : shown.length.toLocaleString() + " of " + RECORDS.length.toLocaleString() + " articles";
  }

  function applyFilters() {
    const text = q.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const actor = actorBox.value.trim().toLowerCase();
    shown = RECORDS.filter((r) => matches(r, text, actor));
    limit = PAGE;
    renderList();
  }

  function show(i, push) {
    const r = RECORDS[i];
    if (!r) return;
    current = i;
    view.innerHTML = r.html;   // pre-rendered, fully escaped fragment
    for (const li of list.querySelectorAll(".item.active")) li.classList.remove("active");
    const li = $("item-" + i);
    if (li) { li.classList.add("active"); li.scrollIntoView({ block: "nearest" }); }
    if (push !== false) history.replaceState(null, "", "#" + encodeURIComponent(r.id));
    document.title = r.title + " · " + baseTitle;
  }

  function flash(node) {
    node.classList.remove("flash");
    void node.offsetWidth;  // restart the animation
    node.classList.add("flash");
  }

  function gotoStatements(ids) {
    const text = view.querySelector(".doc-text");
    if (!text) return;
    for (const m of text.querySelectorAll("mark.focus")) m.classList.remove("focus");
    let first = null;
    for (const id of ids) {
      for (const m of text.querySelectorAll('mark[data-st="' + CSS.escape(id) + '"]')) {
        if (!first) first = m;
        m.classList.add("focus");
        flash(m);
      }
    }
    if (first) first.scrollIntoView({ block: "center", behavior: reduced ? "auto" : "smooth" });
  }

  function citing(sid) {
    const side = view.querySelector(".doc-side");
    if (!side) return;
    let first = null;
    for (const card of side.querySelectorAll(".allegation")) {
      const hit = card.dataset.cites.split(" ").includes(sid);
      card.classList.toggle("selected", hit);
      if (hit) { if (!first) first = card; flash(card); }
    }
    if (first) first.scrollIntoView({ block: "nearest", behavior: reduced ? "auto" : "smooth" });
  }

  function toggleSpeaker(button) {
    const text = view.querySelector(".doc-text");
    const on = !button.classList.contains("on");
    for (const b of view.querySelectorAll(".legend .speaker")) b.classList.remove("on");
    text.classList.toggle("dimmed", on);
    for (const m of text.querySelectorAll("mark.st")) {
      m.classList.toggle("keep", on && m.dataset.speaker === button.dataset.speaker);
    }
    if (on) {
      button.classList.add("on");
      const first = text.querySelector("mark.keep");
      if (first) first.scrollIntoView({ block: "center", behavior: reduced ? "auto" : "smooth" });
    }
  }

  view.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const speaker = target.closest(".legend .speaker");
    if (speaker) { toggleSpeaker(speaker); return; }
    const go = target.closest("[data-goto]");
    if (go) {
      const card = go.closest(".allegation");
      for (const c of view.querySelectorAll(".allegation.selected")) c.classList.remove("selected");
      if (card) card.classList.add("selected");
      gotoStatements(go.dataset.goto.split(" ").filter(Boolean));
      return;
    }
    const mark = target.closest("mark.st");
    if (mark) citing(mark.dataset.st);
  });

  view.addEventListener("keydown", (event) => {
    const card = event.target instanceof Element && event.target.closest(".allegation");
    if (card && event.target === card && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      card.click();
    }
  });

  list.addEventListener("click", (event) => {
    const li = event.target instanceof Element && event.target.closest(".item");
    if (li) show(Number(li.dataset.i));
  });

  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof HTMLElement
      && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const down = event.key === "j" || event.key === "ArrowDown";
    const up = event.key === "k" || event.key === "ArrowUp";
    if (event.key === "/") { event.preventDefault(); q.focus(); return; }
    if (!down && !up) return;
    const at = shown.findIndex((r) => r.i === current);
    const next = shown[Math.max(0, Math.min(shown.length - 1, at + (down ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      if (shown.indexOf(next) >= limit) { limit = shown.indexOf(next) + 1; renderList(); }
      show(next.i);
    }
  });

  let timer = 0;
  const later = () => { clearTimeout(timer); timer = setTimeout(applyFilters, 120); };
  q.addEventListener("input", later);
  actorBox.addEventListener("input", later);
  for (const box of [fAl, fErr, fWarn]) box.addEventListener("change", applyFilters);

  window.__review = { show, gotoStatements };  // for the network tab's "open article at the evidence"
  summary();
  applyFilters();
  const wanted = decodeURIComponent(location.hash.slice(1));
  const start = RECORDS.find((r) => r.id === wanted) || shown[0];
  if (start) show(start.i, false);
  document.documentElement.dataset.ready = "1";
})();
"""
