"""An opinion page says so in its HTML or above its headline; the cleaner keeps that label, and the byline
of a page labelled opinion names its writer.

Every page here is invented.
"""

from __future__ import annotations

import pytest

from extract.pipeline import page_writer, prepare
from extract.text.cleaning import clean_html, clean_text
from extract.text.loading import Document, mapping_document

HEADLINE = "The harbour deal must be stopped"
PARAGRAPHS = (
    "Senator Teodor Vance lied to the voters about who would build the harbour, and the council looked away.",
    "The harbour contract is the worst deal this town has signed in a generation, and the builders know it.",
    "The state should reopen the bidding before the first pile is driven into the mud of the old harbour.",
)
STORY = "\n\n".join(PARAGRAPHS)


def _page(head: str = "", byline: str = "By Ada Quill") -> Document:
    """An invented page at an address that says nothing of opinion, with `head` in its <head>."""
    html = (
        f"<html><head><title>{HEADLINE}</title>{head}</head><body><article><h1>{HEADLINE}</h1>"
        f"<p class='byline'>{byline}</p>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article></body></html>"
    )
    doc = mapping_document({"html": html, "url": "https://ledger.example/2026/11/harbour"}, "<page>")
    assert isinstance(doc, Document)
    return doc


@pytest.mark.parametrize("label", ["OPINION", "Commentary", "Guest column"])
def test_a_label_line_above_the_headline_is_kept_as_the_pages_section(label: str) -> None:
    article = clean_text(f"{label}\n\n{HEADLINE}\n\nBy Ada Quill\n\n{STORY}\n")
    assert (article.title, article.byline, article.text) == (HEADLINE, "Ada Quill", STORY)
    assert article.sections == (label,)


@pytest.mark.parametrize("above", ["Weather", "Home\n\nBusiness\n\nColumnists", "Sport\n\nOpinion"])
def test_a_line_of_a_menu_above_the_headline_is_no_section(above: str) -> None:
    # a menu's last item sits right above a news report's headline as often as a label does
    article = clean_text(f"{above}\n\n{HEADLINE}\n\nBy Ada Quill\n\n{STORY}\n")
    assert (article.title, article.text, article.sections) == (HEADLINE, STORY, ())


@pytest.mark.parametrize("line", ["Opinion by Ada Quill", "Commentary by Ada Quill", "Analysis by Ada Quill"])
def test_a_labelled_byline_is_a_byline_not_the_title(line: str) -> None:
    article = clean_text(f"{HEADLINE}\n\n{line}\n\n{STORY}\n")
    assert (article.title, article.byline, article.text) == (HEADLINE, "Ada Quill", STORY)
    assert article.sections == (line.split()[0],)


def test_the_pages_metadata_names_its_section_and_kind() -> None:
    head = (
        "<meta property='article:section' content='Opinion'>"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebPage"}, {"@type": "OpinionNewsArticle", "articleSection": ["Opinions", "Harbour"]}]}'
        "</script>"
    )
    article = clean_html(_page(head).raw)
    assert article.sections == ("Opinion", "OpinionNewsArticle", "Opinions", "Harbour")
    assert article.text == STORY  # the JSON-LD is no text of the story


@pytest.mark.parametrize("script", ["{not json", "[1, 2", '{"@type": 7, "articleSection": {"a": 1}}', ""])
def test_broken_json_ld_is_skipped(script: str) -> None:
    article = clean_html(_page(f'<script type="application/ld+json">{script}</script>').raw)
    assert (article.text, article.sections) == (STORY, ())


@pytest.mark.parametrize(
    ("head", "byline"),
    [
        ("<meta property='article:section' content='Opinion'>", "By Ada Quill"),
        ('<script type="application/ld+json">{"@type": "OpinionNewsArticle"}</script>', "By Ada Quill"),
        ('<script type="application/ld+json">{"articleSection": "Commentary"}</script>', "By Ada Quill"),
        ("", "Opinion by Ada Quill"),
    ],
)
def test_an_opinion_label_makes_the_byline_the_writer(head: str, byline: str) -> None:
    assert page_writer(prepare(_page(head, byline))) == "Ada Quill"


@pytest.mark.parametrize(
    ("head", "byline"),
    [
        ("<meta property='article:section' content='Politics'>", "By Ada Quill"),
        ('<script type="application/ld+json">{"@type": "AnalysisNewsArticle"}</script>', "By Ada Quill"),
        ("<meta property='article:section' content='News &amp; Opinion'>", "By Ada Quill"),
        ("", "Analysis by Ada Quill"),
        ("<meta property='article:section' content='Editorials'>", "By Ada Quill"),
    ],
)
def test_a_news_or_analysis_label_makes_no_writer(head: str, byline: str) -> None:
    # a reporter's news analysis and a section named for news and opinion alike say nothing of one writer's
    # opinion; an editorial speaks for its board, whoever the page's byline names
    assert page_writer(prepare(_page(head, byline))) is None
