"""Tests for extract.text.cleaning: the story survives verbatim, page furniture around it does not."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.errors import InputError
from extract.text import cleaning
from extract.text.cleaning import CleanArticle, clean_html, clean_text
from extract.text.cleaning.html import looks_like_html

ROOT = Path(__file__).resolve().parents[1]
SEED_CLEAN = ROOT / "seeds" / "000_d384c5b91ffa7ef4.txt"
SEED_SCRAPE = ROOT / "seeds" / "001_f8d0df8f8433548f.txt"
GOLD = Path(__file__).parent / "gold" / "china-russia-war-machine.gold.json"
DATA = Path(__file__).parent / "data" / "cleaning"
SEED_TITLE = "China supplies Russia's war machine, receives military tech in exchange, US says"

try:  # trafilatura 2.x imports lxml.html.clean, a separate package (lxml_html_clean) since lxml 5.2
    import trafilatura  # noqa: F401

    HAVE_TRAFILATURA = True
except ImportError:
    HAVE_TRAFILATURA = False


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _clean(path: Path) -> CleanArticle:
    raw = _read(path)
    return clean_html(raw) if path.suffix == ".html" else clean_text(raw)


def _paragraphs(raw: str) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in raw.splitlines() if line.strip()]


# --- the seed pair: one article as clean text and as a raw page scrape ---------------------------------------


def test_clean_seed_comes_through_unchanged() -> None:
    raw = _read(SEED_CLEAN)
    article = clean_text(raw)
    assert article.text == "\n\n".join(_paragraphs(raw))
    assert article.warnings == []
    assert (article.title, article.byline, article.published, article.url) == (None, None, None, None)


def test_scrape_gives_exactly_the_clean_seed_text() -> None:
    assert clean_text(_read(SEED_SCRAPE)).text == clean_text(_read(SEED_CLEAN)).text


def test_scrape_drops_every_must_not_contain_string() -> None:
    text = clean_text(_read(SEED_SCRAPE)).text
    banned = json.loads(_read(GOLD))["must_not_contain"]
    assert banned, "the gold file lists strings that must not survive"
    assert [s for s in banned if s in text] == []


def test_scrape_metadata_comes_from_headline_and_byline() -> None:
    article = clean_text(_read(SEED_SCRAPE))
    assert article.title == SEED_TITLE
    assert article.byline == "Elsa Court"
    assert article.published == "2024-09-10"


def test_scrape_reports_each_cut_region() -> None:
    warnings = clean_text(_read(SEED_SCRAPE)).warnings
    assert len(warnings) == 3
    assert warnings[0].startswith("cut 6 lines before the story")
    assert warnings[1] == "cut a teaser of another story: 'Putin delays new mobilization, …'"
    assert warnings[2].startswith("cut 35 lines after the story")


# --- invented scrapes of other layouts (tests/data/cleaning/*.expected.json) --------------------------------

CASES = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".html"))


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_read(path.with_suffix(".expected.json")))
    return data


def test_there_are_enough_fixture_scrapes() -> None:
    assert len(CASES) >= 5
    assert any(p.suffix == ".html" for p in CASES)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_fixture_story_paragraphs_survive_verbatim(path: Path) -> None:
    expected = _expected(path)
    article = _clean(path)
    assert article.text.split("\n\n") == expected["paragraphs"]
    if path.suffix == ".txt":  # verbatim: every kept paragraph is a line of the input (or a rejoined one)
        source = " ".join(_paragraphs(_read(path)))
        assert all(paragraph in source for paragraph in expected["paragraphs"])


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_fixture_furniture_does_not_survive(path: Path) -> None:
    expected = _expected(path)
    text = _clean(path).text
    assert [s for s in expected["absent"] if s in text] == []
    assert all(s in _read(path) for s in expected["absent"]), "an absent string must be in the input"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_fixture_metadata(path: Path) -> None:
    expected = _expected(path)
    article = _clean(path)
    assert (article.title, article.byline, article.published, article.url) == (
        expected["title"],
        expected["byline"],
        expected["published"],
        expected["url"],
    )


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_fixture_warnings_name_each_cut_region(path: Path) -> None:
    if path.suffix == ".html" and not HAVE_TRAFILATURA:
        pytest.skip("trafilatura cannot be imported here (needs lxml_html_clean); the built-in reader is tested")
    assert _clean(path).warnings == _expected(path)["warnings"]


def test_clean_inputs_get_no_invented_title_and_no_warnings() -> None:
    for name in ("short_clean_de.txt", "hard_wrapped.txt"):
        article = clean_text(_read(DATA / name))
        assert article.title is None
        assert article.warnings == []


def test_curly_quotes_and_non_english_text_are_kept() -> None:
    text = clean_text(_read(DATA / "short_clean_de.txt")).text
    assert "„Wir können nicht länger zusehen, wie Kinder in maroden Klassenzimmern lernen“" in text
    assert "Städtetag" in text
    chinese = clean_text(_read(DATA / "chinese_short.txt"))
    assert chinese.text.startswith("新华社北京9月10日电")
    assert chinese.published == "2024-09-10"


# --- HTML ----------------------------------------------------------------------------------------------------


def test_html_url_argument_wins_over_canonical() -> None:
    article = clean_html(_read(DATA / "page.html"), url="https://mirror.example/a")
    assert article.url == "https://mirror.example/a"


def test_html_built_in_reader_stands_in_for_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(html: str, url: str | None) -> tuple[None, dict[str, str], str]:
        return None, {}, "trafilatura cannot be imported (ImportError)"

    monkeypatch.setattr(cleaning, "read_with_trafilatura", unavailable)
    path = DATA / "page.html"
    expected = _expected(path)
    article = clean_html(_read(path))
    assert article.text.split("\n\n") == expected["paragraphs"]
    assert [s for s in expected["absent"] if s in article.text] == []
    assert (article.title, article.byline, article.published, article.url) == (
        expected["title"],
        expected["byline"],
        expected["published"],
        expected["url"],
    )
    assert article.warnings[0].startswith("read the page with the built-in HTML reader")


@pytest.mark.parametrize(
    "broken",
    [
        "<title>Harbour ferry to run again in spring",  # never closed: must not swallow the page
        '<title>Harbour ferry</title><form action="/search"><input name="q">',  # a search form left open
    ],
)
def test_built_in_reader_survives_unclosed_title_and_form(monkeypatch: pytest.MonkeyPatch, broken: str) -> None:
    monkeypatch.setattr(cleaning, "read_with_trafilatura", lambda html, url: (None, {}, "trafilatura found no story"))
    html = f"<html><head>{broken}</head><body>" + "".join(f"<p>{p}</p>" for p in WRAPPED_PARAGRAPHS) + "</body></html>"
    assert clean_html(html).text.split("\n\n") == WRAPPED_PARAGRAPHS


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><script>var a = 1;</script></head><body><script>track('x')</script></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav><style>p{}</style></body></html>",
        "",
    ],
)
def test_html_without_article_text_is_an_input_error(html: str) -> None:
    with pytest.raises(InputError, match=r"^no article text found$"):
        clean_html(html)


def test_clean_text_hands_html_to_clean_html() -> None:
    article = clean_text(_read(DATA / "page.html"))
    assert article.text.split("\n\n") == _expected(DATA / "page.html")["paragraphs"]
    assert "<p>" not in article.text


# --- odd input -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "   ", "\n\n\t\n", "\ufeff"])
def test_empty_input_is_an_input_error(raw: str) -> None:
    with pytest.raises(InputError, match=r"^no article text found$"):
        clean_text(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "The minister resigned on Friday.",
        "Just a short line",
        "Putin delays new mobilization, despite Kursk incursion…",
    ],
)
def test_single_paragraph_is_returned_as_is(raw: str) -> None:
    article = clean_text(f"\n  {raw}  \n")
    assert article.text == raw
    assert article.title is None


def test_whitespace_is_normalised_inside_and_between_paragraphs() -> None:
    raw = "  The  council\tmet on Monday.  \n\n\n\n  It   voted to close the bridge.\r\nNobody objected.  "
    assert clean_text(raw).text == ("The council met on Monday.\n\nIt voted to close the bridge.\n\nNobody objected.")


BODY = (
    "The central bank raised its main interest rate by half a percentage point on Thursday, its third "
    "increase this year.\n"
    '"Inflation remains far too high," the governor told reporters after the decision.\n'
    "Economists had expected a smaller move.\n"
)


@pytest.mark.parametrize(
    ("header", "byline", "published"),
    [
        ("By Jane Doe and John Roe, Reuters | Sept. 10, 2024", "Jane Doe and John Roe", "2024-09-10"),
        ("By MARIA GARCIA\nPublished 10 September 2024", "Maria Garcia", "2024-09-10"),
        ("by Elsa Court 2024-09-10 07:59", "Elsa Court", "2024-09-10"),
        (
            "By Ana Lima, Tom Ward and Li Wei\nMarch 3rd, 2023 at 5:00 p.m.",
            "Ana Lima, Tom Ward and Li Wei",
            "2023-03-03",
        ),
        ("Written by Pierre Martin\nUpdated: 1 February 2022, 10:15", "Pierre Martin", "2022-02-01"),
    ],
)
def test_byline_and_date_are_parsed(header: str, byline: str, published: str) -> None:
    article = clean_text(f"Central bank raises rates again\n{header}\n{BODY}")
    assert article.title == "Central bank raises rates again"
    assert article.byline == byline
    assert article.published == published
    assert article.text == "\n\n".join(_paragraphs(BODY))


def test_prose_starting_with_by_is_not_a_byline() -> None:
    raw = "By the end of the day, rescuers had reached all three villages cut off by the flood.\n" + BODY
    article = clean_text(raw)
    assert article.byline is None
    assert article.text.startswith("By the end of the day")


def test_teaser_inside_story_is_cut_but_story_after_it_is_kept() -> None:
    raw = (
        BODY
        + "Unions call general strike over pension reform\n"
        + "Trade unions on Monday called a nationwide strike for next week, saying the government had ignored…\n"
        + "The bank will publish new forecasts in December, officials said.\n"
    )
    article = clean_text(raw)
    assert "Unions" not in article.text and "Trade unions" not in article.text
    assert article.text.endswith("The bank will publish new forecasts in December, officials said.")
    assert article.warnings == ["cut a teaser of another story: 'Unions call general strike …'"]


def test_a_story_continues_marker_inside_a_quotation_run_is_dropped() -> None:
    raw = (
        BODY
        + '"We opened the bridge on time, and the traffic has already eased in the old town," the mayor said.\n'
        + "Story continues\n"
        + '"We will keep both lanes open through the winter months."\n'
    )
    article = clean_text(raw)
    assert "Story continues" not in article.text
    assert '" the mayor said.\n\n"We will keep both lanes' in article.text


def test_feed_heading_ends_the_story() -> None:
    raw = BODY + "Latest news\n" + "Floods hit the north after a week of heavy rain, killing at least four people.\n"
    article = clean_text(raw)
    assert "Floods" not in article.text
    assert article.warnings == [
        "cut 2 lines after the story (feed of other stories, text outside the story): 'Latest news'"
    ]


LINES = [
    *_paragraphs(_read(SEED_SCRAPE)),
    "",
    "   ",
    "By",
    "by ",
    "…",
    "...",
    "(Getty Images)",
    "Related",
    "News Feed",
    "<p>",
    "<html>",
    "2:27 AM",
    "Read more:",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(LINES), st.text(max_size=80)),
        max_size=25,
    )
)
def test_never_crashes_and_never_invents_text(lines: list[str]) -> None:
    raw = "\n".join(lines)
    try:
        article = clean_text(raw)
    except InputError as exc:
        assert str(exc) == "no article text found"
        return
    assert article.text
    assert isinstance(article.warnings, list)
    if not looks_like_html(raw):  # paragraphs come from the input (a wrapped one rejoined)
        source = " ".join(raw.replace("\ufeff", "").split())
        assert all(paragraph in source for paragraph in article.text.split("\n\n"))


def test_author_bio_is_cut_but_a_sentence_starting_with_the_surname_is_not() -> None:
    raw = (
        "Former mayor found guilty of fraud\n"
        "By Elsa Court\n"
        "The trial of the former mayor ended on Friday with a guilty verdict on two counts of fraud.\n"
        "Court was adjourned until Monday, when the judge is expected to read the sentence.\n"
        "Elsa Court is a senior reporter at the Example Times, where she covers the courts.\n"
    )
    article = clean_text(raw)
    assert article.text.split("\n\n") == _paragraphs(raw)[2:4]
    assert article.byline == "Elsa Court"


def test_published_date_is_preferred_over_updated_date() -> None:
    raw = f"Central bank raises rates again\nUpdated 12 October 2024\nPublished 10 October 2024\n{BODY}"
    assert clean_text(raw).published == "2024-10-10"


# --- real-page shapes: wrapped prose, lists, paragraphs cut off by a paywall --------------------------------

WRAPPED_PAGE = """<html><head><title>Harbour ferry to run again in spring</title></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<div class="story"><h1>Harbour ferry to run again in spring</h1>
<p>The harbour ferry between the old quay and Gull Island will run again<br>
from April, the port authority said on Monday, after two winters in which<br>
the service was suspended for repairs to the landing stage.</p>
<p>Repairs to the landing stage cost more than the Marlow Port Authority<br>
Board had planned, its chair Ines Varga told a meeting of the Harbour<br>
Users Group, because the old piles were found to be rotten below the<br>
waterline.</p>
<p>The new timetable adds an early crossing for commuters and a late one on<br>
Fridays and Saturdays, and season tickets will be sold from March.</p>
</div></body></html>"""

WRAPPED_PARAGRAPHS = [
    "The harbour ferry between the old quay and Gull Island will run again from April, the port authority said "
    "on Monday, after two winters in which the service was suspended for repairs to the landing stage.",
    "Repairs to the landing stage cost more than the Marlow Port Authority Board had planned, its chair Ines "
    "Varga told a meeting of the Harbour Users Group, because the old piles were found to be rotten below the "
    "waterline.",
    "The new timetable adds an early crossing for commuters and a late one on Fridays and Saturdays, and season "
    "tickets will be sold from March.",
]


@pytest.mark.skipif(not HAVE_TRAFILATURA, reason="trafilatura cannot be imported here")
def test_prose_wrapped_with_br_is_rejoined_and_kept() -> None:
    article = clean_html(WRAPPED_PAGE)
    assert article.text.split("\n\n") == WRAPPED_PARAGRAPHS
    assert article.title == "Harbour ferry to run again in spring"


def test_scrape_wrapped_row_by_row_without_blank_lines_is_kept() -> None:
    # A row may end on a capitalised name ("… Marlow Port Authority") and the next begin with one ("Board …").
    rows = [line for paragraph in WRAPPED_PAGE.split("<p>")[1:] for line in paragraph.split("<br>")]
    raw = "Harbour ferry to run again in spring\n" + "\n".join(re.sub(r"<[^>]+>", "", row).strip() for row in rows)
    article = clean_text(raw)
    assert article.text.split("\n\n") == WRAPPED_PARAGRAPHS
    assert article.title == "Harbour ferry to run again in spring"


def test_headline_and_byline_rows_are_not_rejoined_with_the_story() -> None:
    raw = (
        "Ferry operator fined over late sailings on the island route\n"
        "by Nadia Petrov 2024-03-02 09:15\n"
        "updated two hours later with comment from the operator\n" + BODY
    )
    article = clean_text(raw)
    assert article.title == "Ferry operator fined over late sailings on the island route"
    assert article.byline == "Nadia Petrov"
    assert article.text == "\n\n".join(_paragraphs(BODY))


def test_paywall_truncated_last_paragraph_is_kept() -> None:
    cut = "Analysts said the decision could push mortgage rates to their highest level since the 2008 crisis, and…"
    raw = BODY + cut + "\nSubscribe now to continue reading\nAlready a subscriber? Log in\n"
    article = clean_text(raw)
    assert article.text.split("\n\n") == [*_paragraphs(BODY), cut]


def test_paragraph_ending_on_a_link_word_is_kept() -> None:
    last = "The bank will publish new forecasts in December, officials said. Continued…"
    article = clean_text(BODY + last + "\n")
    assert article.text.endswith(last)


def test_teasers_are_still_cut_with_or_without_their_headlines() -> None:
    raw = (
        BODY
        + "Latest\n"
        + "Port strike ends after unions accept the new pay offer from the operators, who had…\n"
        + "A new survey of the island's seabird colonies found fewer nesting pairs than in any year since…\n"
    )
    article = clean_text(raw)
    assert article.text == "\n\n".join(_paragraphs(BODY))


@pytest.mark.parametrize(
    ("intro", "items"),
    [
        (  # a product list that ends the story
            "The three new handsets go on sale in Valdoria on Friday at these prices:",
            ["Lumen 7 Pro, 128 GB – 899 crowns", "Lumen 7, 64 GB – 649 crowns", "Lumen 7 Lite – 399 crowns"],
        ),
        (  # tour dates
            "The band will play five more dates before the end of the year:",
            ["3 October – Brena, Old Market Hall", "5 October – Kelm, Riverside Arena", "9 October – Tolu, Opera"],
        ),
        (  # a numbered table without an introduction
            "Standings after the twelfth round of the Valdorian league were as follows.",
            ["1. Brena United 31 pts", "2. Kelm Rovers 28 pts", "3. Tolu Athletic 27 pts", "4. Porto Alva 22 pts"],
        ),
    ],
)
def test_a_list_that_ends_the_story_is_kept(intro: str, items: list[str]) -> None:
    raw = "\n".join([*_paragraphs(BODY), intro, *items, "Share this article", "Most read"])
    article = clean_text(raw)
    assert article.text.split("\n\n") == [*_paragraphs(BODY), intro, *items]


def test_bullet_points_inside_the_story_are_kept() -> None:
    items = ["• rents capped at 3% a year", "• a register of landlords", "• fines for empty homes"]
    closing = "The bill goes to a second reading in the spring, when the opposition has promised to amend it."
    raw = "\n".join([*_paragraphs(BODY), *items, closing])
    assert clean_text(raw).text.split("\n\n") == [*_paragraphs(BODY), *items, closing]


def test_a_related_links_box_after_the_story_is_still_cut() -> None:
    related = ["Related to this story:", "Mayor defends bridge closure", "Council votes to sell the old depot"]
    raw = "\n".join([*_paragraphs(BODY), *related])
    assert clean_text(raw).text == "\n\n".join(_paragraphs(BODY))


def test_subheadings_in_capitals_inside_the_story_are_kept() -> None:
    raw = "\n".join(
        [
            *_paragraphs(BODY),
            "WHAT THE MARKETS SAID",
            "Bond yields rose after the announcement, and the currency gained against the dollar and the euro.",
            "THE VIEW FROM THE UNIONS",
            "Union leaders said the rise would hurt workers with large mortgages more than anyone else.",
        ]
    )
    assert clean_text(raw).text.split("\n\n") == _paragraphs(raw)


def test_last_paragraph_with_an_unpunctuated_credit_is_kept() -> None:
    last = "The next rate decision is due on 12 December. (Reporting by Ana Lima; editing by Tom Ward)"
    raw = "Central bank raises rates again\n" + BODY + last + "\nShare this article\n"
    assert clean_text(raw).text.split("\n\n") == [*_paragraphs(BODY), last]


@pytest.mark.parametrize("heading", ["MORE CITY & HARBOUR HEADLINES »", "More Valdoria news", "More sports stories"])
def test_a_more_headlines_heading_with_a_topic_ends_the_story(heading: str) -> None:
    feed = [heading, "- Ferry strike ends", "- The ferry strike ended on Monday after the unions accepted the offer."]
    article = clean_text("\n".join([*_paragraphs(BODY), *feed]))
    assert article.text == "\n\n".join(_paragraphs(BODY))


def test_a_row_cut_off_its_paragraph_by_a_link_is_kept_but_another_storys_headline_is_not() -> None:
    row = "The new terminal was designed by the same architects who drew the plans for the Brena Harbour"
    rest = "Authority building, and will open in the spring of next year, the council said on Monday."
    other = "Ferry operator fined over late sailings on the island route"  # 10 words: a headline
    raw = "\n".join([*_paragraphs(BODY)[:2], row, rest, other, _paragraphs(BODY)[2]])
    assert clean_text(raw).text.split("\n\n") == [*_paragraphs(BODY)[:2], row, rest, _paragraphs(BODY)[2]]


_AD_BOX = (
    '<div class="adBox"><hr/><div class="adHeader">Advertisement</div>'
    "<div><script>showAd('box')</script></div><hr/></div>"
)


def test_an_ad_box_set_into_a_sentence_does_not_split_a_name() -> None:
    html = (
        "<html><head><title>Harbour ferry</title></head><body>"
        + "".join(f"<p>{p}</p>" for p in WRAPPED_PARAGRAPHS)
        + f"<p>Marta {_AD_BOX}Lindqvist steered the ferry past the breakwater at dawn on Sunday.</p>"
        + "</body></html>"
    )
    text = clean_html(html).text
    assert "Marta Lindqvist steered the ferry" in text
    assert "Advertisement" not in text


def test_a_box_after_a_whole_paragraph_stays_a_break() -> None:
    html = (
        "<html><body>"
        + "".join(f"<p>{p}</p>" for p in WRAPPED_PARAGRAPHS)
        + f"<p>The ferry runs again in spring. {_AD_BOX}Tickets go on sale in March at the harbour office.</p>"
        + "</body></html>"
    )
    paragraphs = clean_html(html).text.split("\n\n")
    assert not any("spring. Tickets" in p for p in paragraphs)
