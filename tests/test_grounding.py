from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from extract.language.grounding import align, could_occur, find_all, find_all_before, trim_span, word_runs


def test_find_all_is_whole_word() -> None:
    text = "Iran and Iranian officials met Iran's envoy."
    assert find_all(text, "Iran") == [(0, 4), (31, 35)]


_PIECES = st.text(alphabet="ab _.é1’", max_size=3)


@given(text=st.text(alphabet="ab _.é1’", max_size=20), needle=_PIECES.filter(str.strip))
def test_find_all_matches_the_whole_word_regex(text: str, needle: str) -> None:
    """The fast substring search finds exactly what `(?<!\\w)needle(?!\\w)` finds, in order, without overlaps."""
    regex = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
    assert find_all(text, needle) == [(m.start(), m.end()) for m in regex.finditer(text)]


_CASES = "aAbBkKsSiI _.1’éÉΣσς\u0130\u0131\u017f\u212a"  # with the letters a regex matches to ASCII ones


@given(text=st.text(alphabet=_CASES, max_size=20), needle=st.text(alphabet=_CASES, max_size=3))
def test_find_all_ignoring_case_matches_the_case_blind_regex(text: str, needle: str) -> None:
    """Ignoring case, `find_all` finds what `(?<!\\w)needle(?!\\w)` finds with re.IGNORECASE."""
    regex = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)", re.IGNORECASE)
    expected = [(m.start(), m.end()) for m in regex.finditer(text)] if needle.strip() else []
    assert find_all(text, needle, ignore_case=True) == expected


@given(text=st.text(alphabet="ab _.é1’", max_size=20), needle=_PIECES, end=st.integers(0, 21))
def test_find_all_before_is_find_all_in_the_prefix(text: str, needle: str, end: int) -> None:
    """Without copying the prefix, the same matches as searching it; a match cut at `end` ("Roe" in "Roeville")."""
    assert find_all_before(text, needle, end) == find_all(text[:end], needle)


def test_find_all_before_keeps_a_name_the_prefix_ends_with() -> None:
    text = "Ann Roe spoke. Later Roeville voted."
    assert find_all_before(text, "Roe", text.index("ville")) == [(4, 7), (21, 24)]
    assert find_all_before(text, "Roe", len(text)) == [(4, 7)]


@given(text=st.text(alphabet="ab _.é1’", max_size=20), needle=_PIECES.filter(str.strip))
def test_could_occur_never_rules_out_a_match(text: str, needle: str) -> None:
    """The word-run prefilter only ever skips needles `find_all` would not find."""
    if find_all(text, needle):
        assert could_occur(needle, word_runs(text))


def test_could_occur_rules_out_an_absent_name() -> None:
    runs = word_runs("Officials in Chadwick said the U.S. envoy met them.")
    assert not could_occur("Chad", runs)
    assert could_occur("U.S.", runs) and could_occur("the U.S.", runs)


def test_align_exact() -> None:
    text = 'He said "we will win" today.'
    assert align(text, "we will win") == (9, 20)


def test_align_tolerates_curly_quotes_case_and_spaces() -> None:
    text = "She called it “a  total\nfabrication” on Monday."
    span = align(text, 'called it "A total fabrication"')
    assert span is not None
    assert text[span[0]:span[1]] == "called it “a  total\nfabrication”"


def test_align_refuses_invented_words() -> None:
    assert align("The minister denied the report.", "the minister admitted the report") is None


def test_trim_span_drops_quotes_and_commas() -> None:
    text = '"We are ready," he said.'
    assert trim_span(text, (0, 15)) == (1, 13)


@given(st.text(min_size=1, max_size=200), st.integers(0, 199), st.integers(1, 50))
def test_align_finds_every_real_substring(text: str, start: int, length: int) -> None:
    start = min(start, len(text) - 1)
    snippet = text[start:start + length]
    span = align(text, snippet)
    if snippet.strip():
        assert span is not None
        found = text[span[0]:span[1]]
        assert found.strip() == found or found == snippet.strip()
        assert snippet.strip() in text
