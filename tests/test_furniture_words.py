"""The word check before the long-furniture patterns never hides a match."""

import pytest

from extract.text.cleaning.classify import is_long_furniture
from extract.text.cleaning.patterns import LONG_FURNITURE

#: Invented page chrome, at least one per LONG_FURNITURE pattern, each case style once.
CHROME = [
    "We and our partners use cookies to personalise content and measure traffic.",
    "This website uses essential COOKIES to work properly.",
    "Accept all",
    "Reject All and continue",
    "Sign up to receive the morning briefing in your inbox.",
    "Our newsletter is free: subscribe today.",
    "Thank you for signing up! A confirmation email is on its way.",
    "Please enter a valid email address. * indicates required",
    "Check your inbox to finish.",
    "© 2031 Harbor Weekly. All rights reserved.",
    "Copyright Northgate Media Group",
    "Our Standards: The Trust Principles.",
    "Download our free app for breaking alerts.",
    "Open the app to listen. Click here to continue.",
    "Tap here for the full list.",
    "Support independent journalism: become a member or donate now.",
    "Subscribe now for unlimited access.",
    "Please enable JavaScript in your browser to view this content.",
    "Your browser does not support the video tag.",
    "It looks like you are using an ad blocker.",
    "We welcome your comments on this story. Comments are moderated before they appear.",
    "The submission of any material is governed by our terms. Your comment will not be published at once.",
    "Comment posters are responsible for what they write.",
    # letters a case-blind pattern takes for ASCII ones: "ſ" for "s", the Kelvin sign for "k"
    "Thiſ website uses cookies.",
    "Coo\u212aie settings",
]


@pytest.mark.parametrize("text", CHROME)
def test_chrome_is_found_as_the_patterns_find_it(text: str) -> None:
    assert is_long_furniture(text) == any(p.search(text) for p in LONG_FURNITURE)


def test_every_pattern_has_an_example_the_check_lets_through() -> None:
    for pattern in LONG_FURNITURE:
        examples = [text for text in CHROME if pattern.search(text)]
        assert examples, f"no example for {pattern.pattern[:40]!r}"
        assert all(is_long_furniture(text) for text in examples)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the harbour plan would cost more than the council had approved.",
        "Officials registered 40 complaints, the report said, and the app developer declined to comment.",
        "The senator's comments were posted online on Tuesday, and her office said they would be reviewed.",
    ],
)
def test_story_text_is_not_chrome(text: str) -> None:
    assert not is_long_furniture(text)
