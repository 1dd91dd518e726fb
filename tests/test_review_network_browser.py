"""The review page's Network tab in a real browser (headless Debian chromium, as in test_review_browser.py).

What a user checks: the page fetches nothing; every actor with an accusation is drawn, one China for
"China" and "Beijing"; a click on an arrow lists its claims with their verbatim evidence; the category and
date filters hide arrows; "open article at the evidence" shows that article with the statements in view.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.output.records import Record
from extract.output.review_html import render_html
from tests.corpus_records import corpus
from tests.test_review_browser import ARTIFACTS, Chromium, open_chromium

KURT_TO_CHINA = "person:kurt-campbell>country:china"


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    yield from open_chromium("network-chromium-")


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return corpus()


def click_edge(browser: Chromium, key: str) -> None:
    """Click the middle of an arrow (a line's box is centred on its midpoint) with real mouse events."""
    x, y = browser.js(f"""(() => {{
        const r = document.querySelector("line.net-hit[data-key='{key}']").getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        browser.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})


def open_network(browser: Chromium, records: list[Record], tmp: Path) -> None:
    page = tmp / "review.html"
    page.write_text(render_html(records, network=True), encoding="utf-8")
    browser.open(page.as_uri())
    assert browser.wait_for("document.documentElement.dataset.network === '1'")
    browser.click(".tab[data-tab='network']")
    assert browser.wait_for("!document.getElementById('network').hidden")


def test_network_is_drawn_and_an_edge_click_shows_its_claims(browser: Chromium, records: list[Record],
                                                             tmp_path: Path) -> None:
    open_network(browser, records, tmp_path)
    requests = [e["params"]["request"]["url"] for e in browser.events if e["method"] == "Network.requestWillBeSent"]
    assert all(url.startswith(("file:", "data:", "about:")) for url in requests), requests

    labels = browser.js("[...document.querySelectorAll('#net-svg .net-node text')].map(t => t.textContent)")
    assert sorted(labels) == sorted(["Kurt Campbell", "China", "Campbell", "Calder Harbour Board", "Lena Okafor",
                                     "Russia", "United States"])
    # drawn: every node has a size and lies inside the picture
    boxes = browser.js("""[...document.querySelectorAll('#net-svg .net-node circle')].map(c => {
        const r = c.getBoundingClientRect(), s = document.getElementById('net-svg').getBoundingClientRect();
        return r.width > 4 && r.left >= s.left && r.right <= s.right && r.top >= s.top && r.bottom <= s.bottom; })""")
    assert boxes and all(boxes)
    assert browser.js("document.querySelectorAll('#net-svg line.net-edge').length") == 4

    click_edge(browser, KURT_TO_CHINA)
    assert browser.wait_for("document.querySelectorAll('#net-side .net-al').length === 2")
    assert browser.js("document.querySelector('#net-side h2').textContent") == "Kurt Campbell → China"
    claims = browser.js("[...document.querySelectorAll('#net-side .net-al .claim')].map(c => c.textContent)")
    assert claims == ["China is helping Russia rebuild its missile factories",
                      "Beijing is sending drone engines to Moscow"]
    quotes = browser.js("[...document.querySelectorAll('#net-side .quote')].map(q => q.textContent)")
    assert "S3 never sold weapons to either side." in quotes  # China's denial, verbatim
    assert browser.js(f"document.querySelector(\"line.net-edge[data-key='{KURT_TO_CHINA}']\")"
                      ".classList.contains('on')")
    browser.screenshot(ARTIFACTS / "review-network.png")


def test_filters_hide_arrows(browser: Chromium, records: list[Record], tmp_path: Path) -> None:
    open_network(browser, records, tmp_path)
    edges = "document.querySelectorAll('#net-svg line.net-edge').length"
    browser.click("#net-cats label:has(input[value='corruption'])")
    assert browser.wait_for(f"{edges} === 2")
    browser.click("#net-cats label:has(input[value='corruption'])")
    assert browser.wait_for(f"{edges} === 4")
    browser.js("""(() => { const f = document.getElementById('net-from');
        f.value = '2026-03-01'; f.dispatchEvent(new Event('change')); })()""")
    # left: Campbell -> Beijing (03-15), the owner -> board (04-02), Okafor -> board (06-01), Russia -> US (05-20)
    assert browser.wait_for(f"{edges} === 4")
    click_edge(browser, KURT_TO_CHINA)
    assert browser.wait_for("document.querySelectorAll('#net-side .net-al').length === 1")
    browser.js("""(() => { const t = document.getElementById('net-to');
        t.value = '2026-04-30'; t.dispatchEvent(new Event('change')); })()""")
    assert browser.wait_for(f"{edges} === 2")
    assert "1 of 2 allegations" in browser.js("document.querySelector('#net-side .sub').textContent")


def test_open_article_at_the_evidence(browser: Chromium, records: list[Record], tmp_path: Path) -> None:
    open_network(browser, records, tmp_path)
    click_edge(browser, KURT_TO_CHINA)
    assert browser.wait_for("document.querySelectorAll('#net-side .net-open').length === 2")
    browser.js("document.querySelectorAll('#net-side .net-open')[1].scrollIntoView()")
    browser.js("document.querySelectorAll('#net-side .net-open')[1].click()")
    assert browser.wait_for("!document.querySelector('.layout').hidden && document.getElementById('network').hidden")
    title = browser.js("document.querySelector('.doc-head h1').textContent")
    assert title.startswith("Beijing is sending drone engines to Moscow")
    assert browser.wait_for("document.querySelectorAll('.doc-text mark.focus[data-st=\"S1\"]').length > 0")
    focused = browser.js("[...document.querySelectorAll('.doc-text mark.focus')].map(m => m.textContent).join('')")
    assert focused == "Beijing is sending drone engines to Moscow"


def test_a_node_click_explains_its_merges(browser: Chromium, records: list[Record], tmp_path: Path) -> None:
    open_network(browser, records, tmp_path)
    browser.js("""document.querySelector('#net-svg .net-node[data-id="country:china"] circle')
        .dispatchEvent(new MouseEvent('click', {bubbles: true}))""")
    assert browser.wait_for("document.querySelector('#net-side h2').textContent === 'China'")
    items = browser.js("[...document.querySelectorAll('#net-side li')].map(li => li.textContent)")
    assert any("'Beijing'" in item and "gazetteer" in item for item in items), json.dumps(items)


def test_hostile_names_stay_text(browser: Chromium, tmp_path: Path) -> None:
    from tests.corpus_records import A, L, S, article

    name = "<img src=x onerror=window.__pwned=1></script>"
    text = f"{name} said the Vell Trust \"stole the grain\"."
    hostile = article("n/hostile.txt", text, [A(name, "organization"), A("Vell Trust", "organization")],
                      [S(name, "stole the grain", "direct")], [L([name], ["Vell Trust"], ["stole the grain"])])
    open_network(browser, [hostile], tmp_path)
    labels = browser.js("[...document.querySelectorAll('#net-svg .net-node text')].map(t => t.textContent)")
    assert name in labels
    assert browser.js("document.querySelectorAll('#net-svg img, #network img').length") == 0
    assert browser.js("window.__pwned === undefined")
