from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from extract.output.records import Record, load_records
from extract.output.review_html import PALETTE_SIZE, colours, highlight, render_html
from extract.output.review_terminal import render_terminal
from schemas import ArticleRecord, ErrorRecord, Statement

DATA = Path(__file__).parent / "data" / "review"
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return load_records(DATA / "good.jsonl")


@pytest.fixture(scope="module")
def page(records: list[Record]) -> str:
    return render_html(records)


def payload(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)
    assert found, "no embedded data"
    data: dict[str, Any] = json.loads(found.group(1))
    return data


class Fragment(HTMLParser):
    """Parses a fragment, checks it is well formed, and collects the text inside each statement mark."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.text_by_statement: dict[str, str] = {}
        self.speaker_by_statement: dict[str, str] = {}
        self.doc_text: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag not in VOID:
            self.stack.append((tag, attributes))
        if tag == "mark" and "data-st" in attributes:
            self.speaker_by_statement[attributes["data-st"]] = attributes["data-speaker"]

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        classes = [a.get("class", "").split() for _, a in self.stack]
        if any("doc-text" in c for c in classes):
            self.doc_text.append(data)
        for st in {a["data-st"] for tag, a in self.stack if tag == "mark" and "data-st" in a}:
            self.text_by_statement[st] = self.text_by_statement.get(st, "") + data


def view(page: str, index: int) -> str:
    html: str = payload(page)["records"][index]["html"]
    return html


def test_page_is_self_contained(page: str) -> None:
    assert page.startswith("<!doctype html>")
    before, rest = page.split('<script type="application/json" id="review-data">')
    after = rest.split("</script>", 1)[1]
    for part in (before, after):  # the page outside the embedded data loads nothing
        assert re.search(r"<(link|iframe|img|object|embed)\b", part) is None
        assert re.search(r"\b(src|href)=", part) is None and "url(" not in part and "@import" not in part
    assert "default-src 'none'" in page  # the browser itself refuses to fetch anything
    assert page.count("</script>") == 2


def test_embedded_data_cannot_end_its_script_element(records: list[Record]) -> None:
    nasty = ["</script><script>window.__pwned=3</script>", "<!-- <script>", "</SCRIPT >", "a\\</b>"]
    record = records[1].model_copy(update={"warnings": nasty})
    page = render_html([record])
    assert page.lower().count("</script") == 2 and "<!--" not in page
    entry = payload(page)["records"][0]
    assert all(w.casefold() in entry["q"] for w in nasty)  # JSON.parse gets the exact strings back
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=3" in entry["html"]


def test_article_text_is_escaped(page: str, records: list[Record]) -> None:
    html = view(page, 1)
    assert "&lt;img src=x onerror=window.__pwned=1&gt;" in html
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in html
    assert "&lt;/mark&gt;&lt;/span&gt;" in html and "&amp;amp; ledger" in html
    assert "Council &lt;b&gt;accused&lt;/b&gt;" in html and "Ana Ruiz &lt;Mayor&gt;" in html
    parsed = Fragment(html)
    assert not {tag for tag, _ in parsed.tags} & {"i", "img", "script", "em"}
    assert "<b>losses" not in html and "<b>accused" not in html
    hostile = records[1]
    assert isinstance(hostile, ArticleRecord)
    assert "".join(parsed.doc_text) == hostile.text


@pytest.mark.parametrize("index", [0, 1])
def test_each_statement_is_highlighted_with_its_speaker(page: str, records: list[Record], index: int) -> None:
    record = records[index]
    assert isinstance(record, ArticleRecord)
    parsed = Fragment(view(page, index))
    assert parsed.text_by_statement == {s.id: s.text for s in record.statements}
    assert parsed.speaker_by_statement == {s.id: s.speaker for s in record.statements}
    assert "".join(parsed.doc_text) == record.text


def test_allegations_are_drawn_with_their_evidence(page: str, records: list[Record]) -> None:
    seed = records[0]
    assert isinstance(seed, ArticleRecord)
    parsed = Fragment(view(page, 0))
    cards = [a for tag, a in parsed.tags if "allegation" in a.get("class", "").split()]
    assert [c["id"] for c in cards] == [f"al-{a.id}" for a in seed.allegations]
    for card, allegation in zip(cards, seed.allegations, strict=True):
        assert card["data-goto"].split() == allegation.evidence
        assert card["data-cites"].split() == allegation.evidence + allegation.responses
    chips = [a["data-goto"] for tag, a in parsed.tags if "chip" in a.get("class", "").split()]
    assert chips == [s for a in seed.allegations for s in a.evidence + a.responses]
    html = view(page, 0)
    for allegation in seed.allegations:
        assert allegation.claim.replace("'", "&#x27;") in html
    assert 'class="badge status denied"' in html and "military support" in html
    assert "Kurt Campbell</span></span><span class=\"side-list\"><span class=\"arrow\"" in html


def test_provenance_warnings_and_actors(page: str, records: list[Record]) -> None:
    seed = records[0]
    assert isinstance(seed, ArticleRecord)
    html = view(page, 0)
    for text in (seed.provenance.model, seed.provenance.backend, seed.provenance.prompt_sha256[:12],
                 "3,121 in · 845 out", "6.4 s", "U.S. Deputy Secretary of State", "international organization"):
        assert text in html
    assert "dropped statement S14 by &#x27;Kyiv Independent&#x27;" in html
    assert html.count('<li class="actor ') == len(seed.actors)


def test_error_records_are_shown(page: str) -> None:
    data = payload(page)
    failed = [r for r in data["records"] if r["failed"]]
    assert len(failed) == 1
    assert "ModelError" in failed[0]["html"]
    assert "not JSON after 3 attempts &lt;oops&gt;" in failed[0]["html"]
    assert 'class="error-box"' in failed[0]["html"]
    assert data["summary"] == {"articles": 4, "failed": 1, "statements": 19, "allegations": 7}


def test_index_metadata_for_filters(page: str) -> None:
    entries = payload(page)["records"]
    assert [e["al"] for e in entries] == [5, 2, 0, 0]
    assert [e["failed"] for e in entries] == [False, False, True, False]
    assert "Jens Stoltenberg" in entries[0]["names"] and "Beijing" in entries[0]["names"]
    assert "lethal weapons" in entries[0]["q"]
    assert entries[3]["title"] == "901_weather.txt"


def test_empty_report_renders() -> None:
    data = payload(render_html([]))
    assert data == {"summary": {"articles": 0, "failed": 0, "statements": 0, "allegations": 0}, "records": []}


def st(sid: str, speaker: str, text: str, start: int, end: int) -> Statement:
    return Statement(id=sid, speaker=speaker, kind="direct", text=text[start:end], span=(start, end))


def test_highlight_crossing_and_nested_spans_stay_well_formed() -> None:
    text = "abcdefghijklmnopqrstuvwxyz\n<&>"
    statements = [st("S1", "A1", text, 0, 10), st("S2", "A2", text, 5, 15), st("S3", "A1", text, 6, 8),
                  st("S4", "A2", text, 5, 15), st("S5", "A1", text, 20, 30), st("S6", "A1", text, 0, 10)]
    html = highlight(text, statements, {"A1": "One", "A2": "Two"}, {"A1": 0, "A2": 1})
    parsed = Fragment(f'<div class="doc-text">{html}</div>')
    assert "".join(parsed.doc_text) == text
    assert parsed.text_by_statement == {s.id: s.text for s in statements}
    assert "&lt;&amp;&gt;" in html
    assert 'class="st c1 direct cont"' in html  # S2 is split around the end of S1 and reopened


def test_highlight_skips_spans_outside_the_text() -> None:
    bad = Statement.model_construct(id="S9", speaker="A1", kind="direct", text="x", span=(5, 99))
    assert highlight("short", [bad], {}, {}) == "short"


def test_colours_are_distinct_within_an_article_and_stable_by_name(records: list[Record]) -> None:
    seed = records[0]
    assert isinstance(seed, ArticleRecord)
    palette = colours(seed)
    assert set(palette) == {a.id for a in seed.actors}
    assert len(set(palette.values())) == len(seed.actors)  # 11 actors, 12 colours
    assert all(0 <= c < PALETTE_SIZE for c in palette.values())
    assert colours(seed) == palette
    renamed = seed.model_copy(update={"actors": [a.model_copy(update={"id": f"A{100 + i}"})
                                                 for i, a in enumerate(seed.actors)], "statements": []})
    by_name = {a.name: palette[a.id] for a in seed.actors}
    top = seed.actors[0]  # the first speaker chooses first in both, so keeps its colour
    assert by_name[top.name] == {a.name: c for a, c in zip(renamed.actors, colours(renamed).values(),
                                                           strict=True)}[top.name]


# ---------------------------------------------------------------- terminal


def test_terminal_shows_names_statements_and_allegations(records: list[Record]) -> None:
    out = io.StringIO()
    render_terminal(records, Console(file=out, width=160, color_system=None))
    text = out.getvalue()
    seed = records[0]
    assert isinstance(seed, ArticleRecord)
    for actor in seed.actors:
        assert actor.name in text
    for statement in seed.statements:
        assert f" {statement.id} " in text
    assert "very substantial effort" in text and "938–962" not in text and "937–962" in text
    assert "Jens Stoltenberg, NATO → China" in text
    assert "military support" in text and "denied" in text and "S11, S12 / S13" in text
    assert "Ana Ruiz <Mayor>" in text and "<b>losses</b>" in text
    assert "ModelError: model kept answering" in text
    assert "warning: dropped statement S14" in text
    assert "4 records: 3 articles, 1 failed" in text


def test_terminal_never_reads_markup_from_records(records: list[Record]) -> None:
    record = records[1]
    assert isinstance(record, ArticleRecord)
    tricky = record.model_copy(update={"actors": [a.model_copy(update={"name": "[bold red]Ana[/]"})
                                                  for a in record.actors]})
    out = io.StringIO()
    render_terminal([tricky], Console(file=out, width=160, color_system=None))
    assert "[bold red]Ana[/]" in out.getvalue()


def test_terminal_errors_are_red(records: list[Record]) -> None:
    failed = [r for r in records if isinstance(r, ErrorRecord)]
    out = io.StringIO()
    render_terminal(failed, Console(file=out, width=160, force_terminal=True, color_system="standard"))
    assert re.search(r"\x1b\[[0-9;]*31m[^\x1b]*ModelError", out.getvalue())
