"""A learned finder: a CRF that tags cue, source and content words, trained on PolNeAR train (823 articles).

The rules (`finder`) read English through hand-written patterns; this reads it through weights learnt from
annotated news, as BBC R&D's citron does (a CRF per span type over python-crfsuite). One linear-chain CRF
tags every token of a paragraph as the beginning or inside of a Cue, Source or Content span, or outside.
Features are cheap and our own (no parser, to stay within the CPU budget): the word, its shape and suffix,
its neighbours, whether it is a reporting verb of `vocabulary`, where it stands towards the quotation marks
(`quotes`) and towards the sentence's first reporting verb. Tagged spans become `SpeechCandidate`s: each
content takes the nearest cue of its sentence and that cue the nearest source; a content with no cue or no
source is dropped (there would be nobody to attribute it to).

The model file (`extract/data/finder.crfsuite`) is built by `bench/train_finder.py` (deterministic: the same
data, code and options give the same file). The features read `vocabulary`'s verb table: retrain after changing
it (a verb the model never saw as a cue only loses that one feature, nothing breaks).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from extract.language.speech.candidates import Kind, SpeechCandidate
from extract.language.speech.speakers import is_party_label
from extract.language.speech.text import _Text
from extract.language.speech.vocabulary import _FORM_TO_LEMMA, LATER_VERBS, PRONOUNS

#: Words, the two-character quote marks of some outlets, single punctuation marks.
_TOKEN_RE = re.compile(r"''|``|\w+(?:['’]\w+)*|[^\w\s]")
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "‘", "’", "'", "«", "»"})
#: Single-word reporting forms the model was trained with ("according" and "quoted" stand for their two-word
#: phrases); the rules' later verbs are left out (`vocabulary.LATER_VERBS`).
_LATER_FORMS = frozenset(form for forms in LATER_VERBS.values() for form in forms)
_CUE_FORMS = {form: lemma for form, lemma in _FORM_TO_LEMMA.items() if " " not in form and form not in _LATER_FORMS} | {
    "according": "according to",
    "quoted": "as quoted by",
    "pointed": "point out",
    "points": "point out",
}
LABELS = ("Cue", "Source", "Content")


def known_cue(cue: str | None) -> bool:
    """Whether a cue the model tagged holds a reporting verb of the rules' table (`said`, `according to`)."""
    return cue is not None and any(w in _CUE_FORMS for w in cue.lower().split())


MODEL_FILE = "finder.crfsuite"


class Token(NamedTuple):
    """One token of the text: its offsets, its sentence and where it stands towards quotation marks.

    A named tuple, not a dataclass: an article has a thousand tokens and they are built on every run.
    """

    start: int
    end: int
    word: str
    sentence: int
    quote: str  # "open", "close", "in" (inside a quotation) or "out"


def paragraphs(text: str) -> Iterator[list[Token]]:
    """The text's tokens, one list per non-empty line (a paragraph is the CRF's sequence).

    Tokens come in text order, so the sentence and the quotation of each are found by walking forward.
    """
    reader = _Text(text)
    starts = reader.starts
    # the quotations' offsets as plain lists: read once per token (`close` is -1 for an unclosed one)
    opens = [q.open for q in reader.quotes]
    ends = [q.end for q in reader.quotes]
    closes = [q.close if q.closed else -1 for q in reader.quotes]
    n_sentences, n_quotes = len(starts), len(opens)
    sentence = 0
    next_start = starts[1] if n_sentences > 1 else len(text) + 1  # where the sentence after this one starts
    k = 0  # the first quotation that does not end before the current token
    new = tuple.__new__  # a Token without the named tuple's Python-level constructor (a thousand per article)
    for line in re.finditer(r"[^\n]+", text):
        tokens: list[Token] = []
        for m in _TOKEN_RE.finditer(text, line.start(), line.end()):
            start, end = m.span()
            while start >= next_start:
                sentence += 1
                next_start = starts[sentence + 1] if sentence + 1 < n_sentences else len(text) + 1
            while k < n_quotes and ends[k] <= start:
                k += 1
            if k < n_quotes and opens[k] <= start:
                where = "open" if start == opens[k] else "close" if start == closes[k] else "in"
            else:
                where = "out"
            tokens.append(new(Token, (start, end, m[0], sentence, where)))
        if tokens:
            yield tokens


def _shape(word: str) -> str:
    """Xx, x, X, d or the punctuation itself: what kind of word it is, not which."""
    if word[0].isdigit():
        return "d"
    if not word[0].isalpha() and word[0] != "_":
        return "q" if word in _QUOTE_MARKS else word
    if word.isupper() and len(word) > 1:
        return "X"
    return "Xx" if word[0].isupper() else "x"


_WORD_STRINGS: dict[str, tuple[str, ...]] = {}


def _word_strings(w: str) -> tuple[str, ...]:
    """The features naming a word: itself, its suffix, and itself seen from 2 and 1 tokens after and before."""
    got = _WORD_STRINGS.get(w)
    if got is None:
        if len(_WORD_STRINGS) > 200_000:  # news vocabulary is bounded; a flood of odd tokens is not kept
            _WORD_STRINGS.clear()
        got = _WORD_STRINGS[w] = ("w=" + w, "x3=" + w[-3:], "-2w=" + w, "-1w=" + w, "1w=" + w, "2w=" + w)
    return got


_NEIGHBOUR_STRINGS: dict[tuple[str, str, bool], tuple[tuple[str, ...], ...]] = {}


def _neighbour_strings(shape: str, quote: str, cue: bool) -> tuple[tuple[str, ...], ...]:
    """The features a token lends its neighbours besides its word: its shape, quote position, cue-ness.

    One tuple per distance (-2, -1, 1, 2: seen from 2 and 1 tokens after and before), built once per kind.
    """
    key = (shape, quote, cue)
    got = _NEIGHBOUR_STRINGS.get(key)
    if got is None:
        if len(_NEIGHBOUR_STRINGS) > 10_000:  # shapes are few, but punctuation marks are their own shape
            _NEIGHBOUR_STRINGS.clear()
        got = _NEIGHBOUR_STRINGS[key] = tuple(
            (f"{d}s={shape}", f"{d}q={quote}", f"{d}c") if cue else (f"{d}s={shape}", f"{d}q={quote}")
            for d in (-2, -1, 1, 2)
        )
    return got


def features(tokens: list[Token]) -> list[list[str]]:
    """The CRF's features of each token of one paragraph.

    Each token's own strings are built once and its neighbours' features copied from them (the paragraph is
    read once, not five times): the tagger's hot path, see bench/overhead.py.
    """
    n = len(tokens)
    low = [t.word.lower() for t in tokens]
    quotes = [t.quote for t in tokens]
    cue = [_CUE_FORMS.get(w, "") if q == "out" else "" for w, q in zip(low, quotes, strict=True)]
    shapes = [_shape(t.word) for t in tokens]
    first_cue: dict[int, int] = {}  # sentence -> index of its first reporting verb outside quotations
    quoted: set[int] = set()  # sentences holding a quotation
    for i, t in enumerate(tokens):
        if cue[i]:
            first_cue.setdefault(t.sentence, i)
        if quotes[i] != "out":
            quoted.add(t.sentence)
    cues_before = [0]  # cues_before[k]: reporting verbs among tokens[:k]
    for c in cue:
        cues_before.append(cues_before[-1] + (1 if c else 0))
    # The features a token lends its neighbour at each distance, its word's strings built once per word.
    words = [_word_strings(w) for w in low]
    lent = [_neighbour_strings(s, q, bool(c)) for s, q, c in zip(shapes, quotes, cue, strict=True)]
    out: list[list[str]] = []
    for i, t in enumerate(tokens):
        w = low[i]
        sentence = t.sentence
        f = [
            "b",
            words[i][0],
            "s=" + shapes[i],
            words[i][1],
            "q=" + quotes[i],
            "c=" + cue[i],
            "sq=True" if sentence in quoted else "sq=False",
        ]
        if w in PRONOUNS:
            f.append("pron")
        if i == 0 or tokens[i - 1].sentence != sentence:
            f.append("sent0")
        anchor = first_cue.get(sentence)
        if anchor is None:
            f.append("nocue")
        else:
            f.append("sc=" + cue[anchor])
            gap = i - anchor
            f.append("cd=" + ("0" if gap == 0 else ("-" if gap < 0 else "+") + str(min(abs(gap), 6) // 2)))
            f.append(("cq=-" if gap < 0 else "cq=+") + quotes[i])
        # the neighbours at -2, -1, 1, 2, unrolled: each lends its word seen from here, then its other strings
        if i >= 2:
            f.append(words[i - 2][2])
            f += lent[i - 2][0]
        else:
            f.append("-2edge")
        if i >= 1:
            f.append(words[i - 1][3])
            f += lent[i - 1][1]
        else:
            f.append("-1edge")
        if i + 1 < n:
            f.append(words[i + 1][4])
            f += lent[i + 1][2]
        else:
            f.append("1edge")
        if i + 2 < n:
            f.append(words[i + 2][5])
            f += lent[i + 2][3]
        else:
            f.append("2edge")
        if 0 < i < n - 1:
            f.append(f"-1+1s={shapes[i - 1]}|{shapes[i + 1]}")
        if i > 0:
            f.append(f"-1w0={low[i - 1]}|{w}")
        if cues_before[max(0, i - 2)] > cues_before[max(0, i - 6)]:
            f.append("near<")
        if i + 3 < n and cues_before[min(n, i + 7)] > cues_before[i + 3]:
            f.append("near>")
        out.append(f)
    return out


_local = threading.local()


def _tagger() -> Any:
    """The shipped model, opened once per thread; None when python-crfsuite or the model file is missing.

    A crfsuite tagger keeps the last sequence it tagged for `marginal`, so threads (`--jobs`) must not share one.
    """
    if not hasattr(_local, "tagger"):
        _local.tagger = _open_model()
    return _local.tagger


def _open_model() -> Any:
    try:
        import pycrfsuite
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    path = resources.files("extract") / "data" / MODEL_FILE
    if not path.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(Path(str(path))))
    return tagger


def available() -> bool:
    """Whether the learned finder can run (the model is shipped and python-crfsuite installed)."""
    return _tagger() is not None


@dataclass
class _Span:
    label: str
    first: int  # token indices, inclusive
    last: int


def _spans(tags: list[str]) -> list[_Span]:
    """Runs of B-/I- tags of one label; an I- after another label starts a run too."""
    spans: list[_Span] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        kind, label = tag.split("-", 1)
        prev = spans[-1] if spans else None
        if kind == "I" and prev is not None and prev.label == label and prev.last == i - 1:
            prev.last = i
        else:
            spans.append(_Span(label, i, i))
    return spans


def _by_sentence(spans: list[_Span], tokens: list[Token]) -> dict[int, list[int]]:
    """The indices (in order) of the spans that start or end in each sentence, for `_nearest`."""
    index: dict[int, list[int]] = {}
    for i, s in enumerate(spans):
        for sentence in {tokens[s.first].sentence, tokens[s.last].sentence}:
            index.setdefault(sentence, []).append(i)
    return index


def _nearest(
    spans: list[_Span], to: _Span, tokens: list[Token], sentences: set[int], index: dict[int, list[int]]
) -> _Span | None:
    """The span closest to `to` among those in the given sentences (the first of equals).

    Only the spans `index` (`_by_sentence`) lists under those sentences are measured: a page of one paragraph
    has thousands of cues, and measuring every one for every statement grew with the square of the page.
    """
    best: tuple[int, _Span] | None = None
    for i in sorted({i for sentence in sentences for i in index.get(sentence, ())}):
        s = spans[i]
        gap = s.first - to.last if s.first > to.last else to.first - s.last
        if best is None or gap < best[0]:
            best = (gap, s)
    return best[1] if best else None


_RELATIVES = frozenset({"who", "which", "that", "whom"})
#: Lower-case words inside a name: "Bank of England", "Department of the Interior".
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "de", "&", "."})


def _antecedent(tokens: list[Token], relative: int) -> _Span | None:
    """The name a relative pronoun stands for (`Ann Lee, who chairs the board, said`), else None.

    The capitalised words ending right before the comma in front of the pronoun; past a party label between
    commas to the name it describes (`Ann Lee, Republican of Utah, who said`).
    """
    end = relative - 1
    if end < 1 or tokens[end].word != ",":
        return None
    first = end
    while first > 0 and (tokens[first - 1].word[0].isupper() or tokens[first - 1].word in _NAME_JOINERS):
        first -= 1
    while first < end and not tokens[first].word[0].isupper():
        first += 1  # a name starts with a capital: not with "of" or "the"
    if first >= end:
        return None
    if is_party_label(" ".join(t.word for t in tokens[first:end])):
        return _antecedent(tokens, first) or _Span("Source", first, end - 1)
    return _Span("Source", first, end - 1)


def _content_span(tokens: list[Token], first: int, last: int) -> tuple[tuple[int, int], Kind] | None:
    """Offsets of a content run without its quote marks and edge punctuation, and whether it is all quoted."""
    while first <= last and (
        tokens[first].word in _QUOTE_MARKS
        or tokens[first].word in ",:;.—-"
        or (tokens[first].word.lower() == "that" and tokens[first].quote == "out")  # the complementiser: not said
    ):
        first += 1
    while last >= first and (tokens[last].word in _QUOTE_MARKS or tokens[last].word in ",:;—-"):
        last -= 1
    if last < first or sum(tokens[k].word[0].isalnum() for k in range(first, last + 1)) < 2:
        return None
    kind: Kind = "direct" if all(tokens[k].quote == "in" for k in range(first, last + 1)) else "indirect"
    return (tokens[first].start, tokens[last].end), kind


@dataclass
class Tagged:
    """An article as the model read it: each paragraph's tokens, tags and probabilities of being content."""

    paragraphs: list[tuple[list[Token], list[str], list[float]]]

    @cached_property
    def _starts(self) -> list[list[int]]:
        """Each paragraph's token offsets, listed once.

        A page of one 200 KB paragraph listed its 40,000 tokens again for every statement (1.2 of its 6 s).
        """
        return [[t.start for t in tokens] for tokens, _, _ in self.paragraphs]

    def content_probability(self, pieces: tuple[tuple[int, int], ...]) -> float:
        """The mean probability the model gives the words of `pieces` of being content (1.0 without words)."""
        probs = [
            content[i]
            for (tokens, _, content), starts in zip(self.paragraphs, self._starts, strict=True)
            if any(tokens[0].start < b and a < tokens[-1].end for a, b in pieces)
            for i in sorted(_starting_within(starts, pieces))
            if tokens[i].word[0].isalnum()
        ]
        return sum(probs) / len(probs) if probs else 1.0


def _starting_within(starts: list[int], spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> set[int]:
    """Indices of the tokens (by their `starts`, in text order) that start inside one of `spans` (by bisection)."""
    return {i for a, b in spans for i in range(bisect_left(starts, a), bisect_left(starts, b))}


def tag(text: str, wanted: list[tuple[int, int]] | None = None) -> Tagged:
    """The model's reading of the text; no paragraphs when the model is unavailable.

    The probability of being content is computed for every token, or with `wanted` only for the tokens the
    model tags as content and those inside the `wanted` spans (the rest read 0.0): each probability is a call
    into the tagger, and the combined finder reads no others.
    """
    tagger = _tagger()
    if tagger is None:
        return Tagged([])
    spans = sorted(wanted) if wanted is not None else None
    out = []
    for tokens in paragraphs(text):
        tags = tagger.tag(features(tokens))
        needed: range | list[int]
        if spans is None:
            needed = range(len(tokens))
        else:
            first, last = tokens[0].start, tokens[-1].end
            inside = [(a, b) for a, b in spans if a < last and first < b]
            within = _starting_within([t.start for t in tokens], inside)
            needed = [i for i, label in enumerate(tags) if label.endswith("Content") or i in within]
        content = [0.0] * len(tokens)
        for i in needed:
            content[i] = tagger.marginal("B-Content", i) + tagger.marginal("I-Content", i)
        out.append((tokens, tags, content))
    return Tagged(out)


def find_learned(text: str, min_confidence: float = 0.0) -> list[SpeechCandidate]:
    """Statements the CRF tags, each with its nearest cue and that cue's nearest source, in text order.

    A statement whose words the model holds to be content with a mean probability below `min_confidence`
    is left out.
    """
    return [c for c, p in scored(text, tag(text)) if p >= min_confidence]


def scored(text: str, tagged: Tagged) -> list[tuple[SpeechCandidate, float]]:
    """The CRF's statements with the mean probability the model gives their words of being content.

    Quoted content runs split only by a cue and a source (`"Q1," said X, "Q2"`) are one statement with two
    pieces.
    """
    found: list[tuple[SpeechCandidate, float]] = []
    for tokens, tags, content_p in tagged.paragraphs:
        spans = _spans(tags)
        cues = [s for s in spans if s.label == "Cue"]
        # a source tagged on punctuation alone (a lone comma, seen on a real page) names no one
        sources = [s for s in spans if s.label == "Source" and any(
            tokens[k].word[0].isalnum() for k in range(s.first, s.last + 1))]
        cue_index, source_index = _by_sentence(cues, tokens), _by_sentence(sources, tokens)
        contents: list[list[_Span]] = []
        for s in (s for s in spans if s.label == "Content"):
            if contents:
                prev = contents[-1][-1]
                between = range(prev.last + 1, s.first)
                quoted = tokens[prev.last].quote != "out" and tokens[s.first].quote != "out"
                if (
                    quoted
                    and any(tags[k] != "O" for k in between)
                    and all(tags[k] != "O" or not tokens[k].word[0].isalnum() for k in between)
                ):
                    contents[-1].append(s)
                    continue
            contents.append([s])
        for runs in contents:
            whole = _Span("Content", runs[0].first, runs[-1].last)
            inside = [k for r in runs for k in range(r.first, r.last + 1)]
            confidence = sum(content_p[k] for k in inside) / len(inside)
            sentences = {tokens[k].sentence for k in range(whole.first, whole.last + 1)}
            cue = _nearest(cues, whole, tokens, sentences, cue_index)
            if cue is None:
                continue
            source = _nearest(
                sources, cue, tokens, {tokens[cue.first].sentence, tokens[cue.last].sentence}, source_index
            )
            if source is not None and tokens[source.first].word.lower() in _RELATIVES:
                source = _antecedent(tokens, source.first)
            if source is None:
                continue
            pieces = [p for r in runs if (p := _content_span(tokens, r.first, r.last)) is not None]
            if not pieces:
                continue
            span = (pieces[0][0][0], pieces[-1][0][1])
            kind: Kind = "direct" if all(k == "direct" for _, k in pieces) else "indirect"
            found.append(
                (
                    SpeechCandidate(
                        id=0,
                        sentence=tokens[whole.first].sentence,
                        span=span,
                        kind=kind,
                        cue=text[tokens[cue.first].start : tokens[cue.last].end],
                        cue_span=(tokens[cue.first].start, tokens[cue.last].end),
                        speaker=text[tokens[source.first].start : tokens[source.last].end],
                        speaker_span=(tokens[source.first].start, tokens[source.last].end),
                        continues=None,
                        pieces=tuple(p for p, _ in pieces),
                    ),
                    confidence,
                )
            )
    return found
