"""bench/general_news.py on an invented page in the L3S-GN1 layout: where statements lie, which quotations
are covered, who speaks."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

STORY = [
    "The Brena city council voted on Tuesday to turn the old tram depot into a covered market.",
    '"This market will bring the square back to life," the mayor, Ilse Varga, told reporters.',
    "Stall holders will pay the same rent as today, and the depot's roof will be repaired first.",
    '"We have waited eleven years for a decision like this one."',
]
COMMENT = '"The council is wasting our money on a shed," said Tomas Brek, who lives nearby.'
PAGE = """<html><head><title>Old tram depot to become a market</title></head><body>
<div id="nav"><a href="/">Home</a> | <a href="/city">City</a></div>
<div class="article"><h1>{h}Old tram depot to become a market{e}</h1>
{paragraphs}
<p class="caption">{s}The depot in 1950, when trams still ran to the square.{e}</p>
<div class="related"><h3>{r}Related stories{e}</h3>
<ul><li><a href="/x">{r}Bus lanes on the ring road{e}</a></li></ul></div>
</div><div class="comments"><p>{c}{comment}{e}</p></div></body></html>"""


def page(annotated: bool) -> str:
    h, b, s, r, c = (f'<span class="x-nc-sel{n}">' if annotated else "" for n in (1, 2, 3, 4, 5))
    e = "</span>" if annotated else ""
    paragraphs = "\n".join(f"<p>{b}{text}{e}</p>" for text in STORY)
    return PAGE.format(h=h, s=s, r=r, c=c, e=e, paragraphs=paragraphs, comment=COMMENT)


@pytest.fixture(scope="module")
def general_news() -> Iterator[ModuleType]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        yield importlib.import_module("general_news")
    finally:
        sys.path.remove(str(ROOT / "bench"))


def test_the_annotated_page_is_read_by_block_kind_one_paragraph_a_line(general_news: ModuleType) -> None:
    kinds = general_news.labelled_text(page(annotated=True))
    assert kinds["body"].strip().split("\n") == ["Old tram depot to become a market", *STORY]
    assert "trams still ran" in kinds["supplemental"] and "Bus lanes" in kinds["related"]
    assert kinds["comments"].strip() == COMMENT
    assert "Home" in kinds["boilerplate"] and "Brena" not in kinds["boilerplate"]


def test_statements_are_placed_by_where_their_words_are(general_news: ModuleType) -> None:
    kinds = general_news.labelled_text(page(annotated=True))
    located = general_news.Located({kind: general_news.plain_words(text) for kind, text in kinds.items()})
    assert located.place("This market will bring the square back to life") == "body"
    assert located.place("The council is wasting our money on a shed") == "comments"
    assert located.place("Bus lanes on the ring road") == "related"
    assert located.place("Nothing like this sentence is on the page at all") == "unlocated"


def test_body_quotations_know_whether_their_sentence_has_a_reporting_verb(general_news: ModuleType) -> None:
    body = general_news.labelled_text(page(annotated=True))["body"]
    quotes = general_news.body_quotes(body + '\nShe starred in "The Night We Left Brena" last year.')
    assert [(q.text, q.verb) for q in quotes] == [
        ("This market will bring the square back to life,", True),  # "told", outside the quotation
        ("We have waited eleven years for a decision like this one.", False),
    ]  # the film's title is no quotation


def test_a_page_through_the_pipeline(general_news: ModuleType, tmp_path: Path) -> None:
    for folder, annotated in (("original", False), ("annotated", True)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.html").write_text(page(annotated), encoding="utf-8")
    [result] = general_news.run(tmp_path)
    [mayor] = result.statements  # the comment's quotation was cleaned away; the last one has no speaker
    assert (mayor["place"], mayor["speaker"], mayor["speaker_kind"]) == ("body", "Ilse Varga", "name")
    fates = {q["text"]: q["fate"] for q in result.quotes}
    assert fates == {"This market will bring the square back to life,": "covered",
                     "We have waited eleven years for a decision like this one.": "not found"}
    report = general_news.quote_table([result])
    assert "| all | 2 |" in report


def test_a_page_of_the_blind_set_is_left_out(general_news: ModuleType, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    for folder, annotated in (("original", False), ("annotated", True)):
        (tmp_path / folder).mkdir()
        for name in ("page.html", "blind.html"):
            (tmp_path / folder / name).write_text(page(annotated), encoding="utf-8")
    listing = tmp_path / "pages.txt"
    listing.write_text("blind.html\n")
    monkeypatch.setattr(general_news.benchlib, "BLIND_PAGES_FILE", listing)
    assert [name for name, _, _ in general_news.pages_of(tmp_path, None)] == ["page.html"]
