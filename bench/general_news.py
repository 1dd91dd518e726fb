#!/usr/bin/env python3
"""Statements on general news pages, a yardstick outside PolNeAR: the 621 L3S-GN1 pages, without the model.

Our rules and the learned finder were built on PolNeAR (US politics, 2015-16, clean text). L3S-GN1
(Kohlschütter et al., WSDM 2010) holds 621 English news pages of 2008 from 408 sites, all topics, each text
block labelled (`<span class="x-nc-selN">`: 1 headline, 2 full text, 3 supplemental such as captions,
4 related content, 5 comments, 0 or unlabelled: boilerplate). Each original page goes through what
`extract run PAGE.html` does (`extractor.Extractor`: load, clean, find speech, attribute, with a stand-in for
the model that accuses nobody, so the statements and speakers are exactly a real run's: the model never adds,
drops or re-attributes a statement). Three figures, none of which needs statement gold:

- **leakage**: where each emitted statement's words lie on the annotated page. A statement is *body* when at
  least half its word 4-grams are in the headline or full text (words split at apostrophes: the annotated
  copies often lost curly quotes to "?"); else it is put in the block kind holding most of them
  (supplemental, related, comments, boilerplate) or *unlocated*. A statement outside the body is a
  faithfulness failure: a quote from a teaser, a comment or a related link is not the article's.
- **direct-quote recall proxy**: every quotation in the gold body (“…” or "…" in one paragraph, 4+ words) is
  *covered* when an emitted statement matches it (Dice of content words >= 0.5, as PolNeAR's score.py) or
  contains it (90% of its content words); a quotation not covered is *lost in cleaning* (its words are not in
  the cleaned text), *not found* (no finder candidate overlaps it) or *dropped* (a candidate, but no
  statement). Split by whether the quotation's sentence holds a reporting verb of the finder's table.
- **speakers**: each statement's speaker actor is a *name*, an *unnamed source* (by design: "officials"), a
  *pronoun*, or *not a name* (a number, stop words only, or no capitalised word); also the finder's
  candidates whose speaker phrase is a pronoun and that yielded no statement (the pronoun left unresolved).

    PYTHONPATH=$PWD python bench/general_news.py                       # all 621 pages but the 12 blind ones (~3-6 min)
    PYTHONPATH=$PWD python bench/general_news.py --limit 60 --show 10  # a quick look with examples (terminal)
    PYTHONPATH=$PWD python bench/general_news.py --keep /tmp/l3s-statements.jsonl   # every item, for reading

The pages are unpacked into a temporary folder (or read from `--data FOLDER`) and never copied into the
repository; `--show` and `--keep` print or write page text, so keep them out of `bench/results`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import benchlib
from actor_names import stand_in_answer
from benchlib import fmt, md_table
from cleaning import find_data, unpack

from extract.errors import ExtractError
from extract.extractor import Extractor
from extract.language.segments import merge_same_sentence
from extract.language.speech import find_speech
from extract.language.speech.vocabulary import REPORTING_VERBS
from extract.language.stopwords import STOPWORDS
from extract.model.prompting import load_prompts
from extract.text.loading import document_from_bytes

#: Block kinds by L3S-GN1 class; headline and full text are the article's body.
KINDS = {"1": "body", "2": "body", "3": "supplemental", "4": "related", "5": "comments", "0": "boilerplate"}
PLACES = ("body", "supplemental", "related", "comments", "boilerplate", "unlocated")
SPEAKERS = ("name", "unnamed source", "pronoun", "not a name")
QUOTE_FATES = ("covered", "lost in cleaning", "not found", "dropped")
GRAM = 4
BODY_SHARE = 0.5
CONTAINED = 0.9
MIN_QUOTE_WORDS = 4
_SKIP_TAGS = frozenset({"script", "style", "noscript", "head", "title"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "tr", "th", "table",
     "blockquote", "dd", "dt", "dl", "section", "article", "pre", "hr", "form", "center"}
)  # fmt: skip
_SEL = re.compile(r"\bx-nc-sel(\d)\b")
_WORD = re.compile(r"[\w']+")
_PLAIN = re.compile(r"\w+")
# score.py's stop words: the Dice of content words is PolNeAR's matching rule
_STOP = frozenset({
    "a", "an", "the", "of", "to", "and", "or", "in", "on", "at", "for", "by", "with", "from", "as", "is",
    "was", "were", "be", "been", "are", "that", "this", "these", "those", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "him", "them", "our", "us", "my", "me", "not", "no", "but", "if",
    "so", "than", "then", "there", "here",
})  # fmt: skip
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their", "us"})
_QUOTES = (re.compile(r"“([^“”\n]+)”"), re.compile(r'"([^"\n]+)"'))
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])")
_REPORTING = frozenset(form for forms in REPORTING_VERBS.values() for form in forms if " " not in form)
_REPORTING_PHRASES = tuple(form for forms in REPORTING_VERBS.values() for form in forms if " " in form)


# --- words ----------------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Case-folded word tokens (NFKC, curly apostrophes straightened), as score.py reads them."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'"))


def plain_words(text: str) -> list[str]:
    """Word tokens split at apostrophes too: the annotated pages often lost curly quotes to "?" ("He?s")."""
    return _PLAIN.findall(unicodedata.normalize("NFKC", text).casefold())


def content(text: str) -> list[str]:
    """The words score.py matches on: `words` less its stop words."""
    return [w for w in words(text) if w not in _STOP]


def dice(a: Sequence[str], b: Sequence[str]) -> float:
    """score.py's Dice overlap of two word lists, counted with multiplicity."""
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def contained(part: Sequence[str], whole: Sequence[str]) -> float:
    """The share of `part`'s words (with multiplicity) found in `whole`."""
    return sum((Counter(part) & Counter(whole)).values()) / len(part) if part else 0.0


def grams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


# --- the annotated page -----------------------------------------------------------------------------------


def labelled_text(annotated_html: str) -> dict[str, str]:
    """The annotated page's text by block kind (`KINDS` values), each text node under its innermost label.

    Every block-level tag, where it opens and where it closes, starts a new line in every kind's text, so a
    paragraph is a line (quotations are looked for within one) however the labels' spans sit in it.
    """
    import lxml.etree
    import lxml.html

    root = lxml.html.fromstring(annotated_html)
    parts: dict[str, list[str]] = {kind: [] for kind in PLACES[:-1]}
    kinds = ["boilerplate"]
    hidden = 0

    def add(kind: str, text: str | None) -> None:
        if text and not hidden:
            parts[kind].append(text)

    def brk() -> None:
        for texts in parts.values():
            if texts and texts[-1] != "\n":
                texts.append("\n")

    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        label = _SEL.search(element.get("class") or "") if tag == "span" else None
        if event == "start":
            hidden += tag in _SKIP_TAGS
            kinds.append(KINDS.get(label.group(1), "boilerplate") if label else kinds[-1])
            if tag in _BLOCK_TAGS:
                brk()
            add(kinds[-1], element.text)
        else:
            kinds.pop()
            hidden -= tag in _SKIP_TAGS
            if tag in _BLOCK_TAGS:
                brk()
            add(kinds[-1], element.tail)
    return {kind: "".join(texts) for kind, texts in parts.items()}


@dataclass
class Located:
    """Word n-grams of each block kind, to say where a statement's words come from."""

    by_kind: dict[str, list[str]]
    _cache: dict[tuple[str, int], set[tuple[str, ...]]] = field(default_factory=dict)

    def share(self, tokens: Sequence[str], kind: str) -> float:
        n = min(GRAM, len(tokens))
        if not n:
            return 0.0
        key = (kind, n)
        if key not in self._cache:
            self._cache[key] = grams(self.by_kind[kind], n)
        mine = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        return sum(g in self._cache[key] for g in mine) / len(mine)

    def place(self, text: str) -> str:
        """'body' when half the statement's 4-grams are body words, else the kind holding most, else unlocated."""
        tokens = plain_words(text)
        if self.share(tokens, "body") >= BODY_SHARE:
            return "body"
        shares = {kind: self.share(tokens, kind) for kind in PLACES[1:-1]}
        best = max(shares, key=lambda k: shares[k])
        return best if shares[best] >= BODY_SHARE else "unlocated"


@dataclass(frozen=True)
class Quote:
    text: str
    sentence: str
    verb: bool  # the sentence holds a reporting verb of the finder's table


def reporting_verb_in(sentence: str) -> bool:
    low = sentence.casefold()
    return any(w in _REPORTING for w in words(sentence)) or any(p in low for p in _REPORTING_PHRASES)


def _is_title(quoted: str) -> bool:
    """A quoted title ("A Mighty Heart", "WHAT'S IN IT FOR US?"): every word capitalised, no speech."""
    return all(w[:1].isupper() or not w[:1].isalpha() for w in quoted.split())


def body_quotes(body: str) -> list[Quote]:
    """Quotations of 4+ words within one paragraph of the gold body, with the sentence around each."""
    found: list[Quote] = []
    for line in body.splitlines():
        spans = sorted({(m.start(), m.end()) for pattern in _QUOTES for m in pattern.finditer(line)})
        for start, end in spans:
            inner = line[start + 1 : end - 1]
            if len(words(inner)) < MIN_QUOTE_WORDS or _is_title(inner):
                continue
            before = [m.end() for m in _SENTENCE_END.finditer(line, 0, start)]
            after = _SENTENCE_END.search(line, end)
            sentence = line[before[-1] if before else 0 : after.start() + 1 if after else len(line)]
            outside = sentence.replace(line[start:end], " ")  # the verb must be outside the quotation
            found.append(Quote(inner.strip(), sentence.strip(), reporting_verb_in(outside)))
    return found


# --- one page -------------------------------------------------------------------------------------------


class StandIn:
    """A model client that never calls a model: nobody accused, every verify question yes."""

    model = "stand-in"

    def complete(self, response_model: Any, messages: Any, stats: Any, *, label: str, **_: Any) -> Any:
        return stand_in_answer(SimpleNamespace(label=label, response_model=response_model))


def speaker_kind(actor: Any) -> str:
    """'name', 'unnamed source', 'pronoun' or 'not a name' for a statement's speaker.

    Not a name: a number, stop words only, or no capitalised word. An unnamed source ("officials", "the
    report") is the pipeline's own label; a description it failed to resolve ("the quarterback") is one too.
    """
    if actor is None:
        return "not a name"
    if actor.name[:1].isdigit() or all(w.casefold() in STOPWORDS for w in actor.name.split()):
        return "not a name"  # "22" (a sports line's points), "These", "Before": no source of any kind
    if actor.unnamed:
        return "unnamed source"
    if actor.name.casefold() in _PRONOUNS:
        return "pronoun"
    if not any(w[:1].isupper() or w[:1].isdigit() for w in actor.name.split()):
        return "not a name"
    return "name"


@dataclass
class PageResult:
    name: str
    failed: str = ""
    crashed: bool = False
    statements: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    unresolved_pronouns: list[str] = field(default_factory=list)  # the candidates' texts


def read_page(name: str, original: str, annotated: str, extractor: Extractor) -> PageResult:
    """Run one page through the pipeline and place its statements, quotations and speakers."""
    result = PageResult(name)
    kinds = labelled_text(annotated)
    located = Located({kind: plain_words(text) for kind, text in kinds.items()})
    try:
        doc = document_from_bytes(name, original.encode("utf-8"), html=True)
        record = extractor.extract(doc)
    except ExtractError as exc:
        result.failed = str(exc)
        record = None
    except Exception as exc:  # a crash of `extract run` on a real page: counted and shown, not fatal here
        result.failed = f"crash: {type(exc).__name__}: {exc}"
        result.crashed = True
        record = None
    text = record.text if record is not None else ""
    candidates = merge_same_sentence(text, find_speech(text)) if text else []  # the plan's own first step
    statements = record.statements if record is not None else []
    actors = {a.id: a for a in record.actors} if record is not None else {}
    for st in statements:
        actor = actors.get(st.speaker)
        result.statements.append({
            "text": st.text, "kind": st.kind, "speaker": actor.name if actor else None,
            "speaker_kind": speaker_kind(actor), "place": located.place(st.text),
        })
    taken = [tuple(st.span) for st in statements]
    for cand in candidates:
        pronoun = bool(cand.speaker) and cand.speaker.casefold() in _PRONOUNS
        if pronoun and not any(a < cand.span[1] and cand.span[0] < b for a, b in taken):
            result.unresolved_pronouns.append(text[cand.span[0] : cand.span[1]])
    said = [content(st.text) for st in statements]
    cleaned = Counter(content(text))
    for quote in body_quotes(kinds["body"]):
        mine = content(quote.text)
        if not mine:
            continue
        if any(dice(mine, s) >= 0.5 or contained(mine, s) >= CONTAINED for s in said):
            fate = "covered"
        elif contained(mine, cleaned) < CONTAINED:
            fate = "lost in cleaning"
        else:
            at = text.find(quote.text)
            near = [c for c in candidates if at >= 0 and c.span[0] < at + len(quote.text) and at < c.span[1]]
            if at < 0:  # not verbatim in the cleaned text (typography): any candidate sharing its words
                near = [c for c in candidates if contained(mine, content(text[c.span[0]:c.span[1]])) >= 0.5]
            fate = "dropped" if near else "not found"
        result.quotes.append({**asdict(quote), "fate": fate})
    return result


# --- all pages ------------------------------------------------------------------------------------------


def pages_of(root: Path, limit: int | None) -> Iterator[tuple[str, str, str]]:
    """(name, original HTML, annotated HTML) of each page, decoded as `extract run` decodes them.

    The blind general-news set's pages are left out (`benchlib.blind_pages`): this bench prints examples.
    """
    blind = benchlib.blind_pages()
    names = sorted(p.name for p in (root / "annotated").glob("*.html") if p.name not in blind)[:limit]
    for name in names:
        original = document_from_bytes(name, (root / "original" / name).read_bytes(), html=True).raw
        annotated = document_from_bytes(name, (root / "annotated" / name).read_bytes(), html=True).raw
        yield name, original, annotated


def run(root: Path, limit: int | None = None) -> list[PageResult]:
    extractor = Extractor(StandIn(), load_prompts(), "stand-in")  # type: ignore[arg-type]
    results = []
    for n, (name, original, annotated) in enumerate(pages_of(root, limit), 1):
        results.append(read_page(name, original, annotated, extractor))
        if n % 50 == 0:
            print(f"  {n} pages", file=sys.stderr, flush=True)
    return results


def share(part: int, whole: int) -> str:
    return f"{part} ({fmt(part / whole if whole else None)})"


def leakage_table(results: Sequence[PageResult]) -> str:
    rows = []
    for kind in ("direct", "indirect", None):
        stmts = [s for r in results for s in r.statements if kind is None or s["kind"] == kind]
        places = Counter(s["place"] for s in stmts)
        pages = len({r.name for r in results for s in r.statements
                     if (kind is None or s["kind"] == kind) and s["place"] not in ("body", "supplemental")})
        rows.append([kind or "all", len(stmts), *(share(places[p], len(stmts)) for p in PLACES), pages])
    return md_table(["statements", "n", *PLACES, "pages with a leak"], rows)


def quote_table(results: Sequence[PageResult]) -> str:
    rows = []
    for label, verb in (("reporting verb in the sentence", True), ("no reporting verb", False), ("all", None)):
        quotes = [q for r in results for q in r.quotes if verb is None or q["verb"] == verb]
        fates = Counter(q["fate"] for q in quotes)
        rows.append([label, len(quotes), *(share(fates[f], len(quotes)) for f in QUOTE_FATES)])
    return md_table(["gold-body quotations (4+ words)", "n", *QUOTE_FATES], rows)


def speaker_table(results: Sequence[PageResult]) -> str:
    stmts = [s for r in results for s in r.statements]
    kinds = Counter(s["speaker_kind"] for s in stmts)
    body = [s for s in stmts if s["place"] == "body"]
    in_body = Counter(s["speaker_kind"] for s in body)
    rows = [["all statements", len(stmts), *(share(kinds[k], len(stmts)) for k in SPEAKERS)],
            ["body statements", len(body), *(share(in_body[k], len(body)) for k in SPEAKERS)]]
    unresolved = sum(len(r.unresolved_pronouns) for r in results)
    return (md_table(["speakers of", "n", *SPEAKERS], rows)
            + f"\n\nFinder candidates with a pronoun speaker that yielded no statement (left unresolved): "
            f"{unresolved}.\n\nMost frequent speakers that are not names: "
            + ", ".join(f"{name} ({n})" for name, n in Counter(
                s["speaker"] for s in stmts if s["speaker_kind"] in ("pronoun", "not a name")).most_common(15)))


def show(results: Sequence[PageResult], n: int) -> None:
    """Print up to n leaks, missed quotations and non-name speakers (page text: terminal only)."""
    leaks = [(r.name[:8], s) for r in results for s in r.statements if s["place"] not in ("body", "supplemental")]
    print(f"\n--- {min(n, len(leaks))} of {len(leaks)} leaks")
    for name, s in leaks[:n]:
        print(f"[{name}] {s['place']} {s['kind']} ({s['speaker']}): {s['text'][:200]!r}")
    missed = [(r.name[:8], q) for r in results for q in r.quotes if q["fate"] != "covered"]
    print(f"\n--- {min(n, len(missed))} of {len(missed)} missed quotations")
    for name, q in missed[:n]:
        print(f"[{name}] {q['fate']} verb={q['verb']}: {q['sentence'][:240]!r}")
    odd = [(r.name[:8], s) for r in results for s in r.statements if s["speaker_kind"] in ("pronoun", "not a name")]
    print(f"\n--- {min(n, len(odd))} of {len(odd)} speakers that are not names")
    for name, s in odd[:n]:
        print(f"[{name}] {s['speaker']!r}: {s['text'][:160]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, help="pages.tar.gz or an unpacked folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, help="only the first N pages (sorted by name)")
    parser.add_argument("--show", type=int, default=0, help="print N examples of each failure (terminal only)")
    parser.add_argument("--keep", type=Path, help="write every page's statements and quotations here as JSONL")
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS)
    parser.add_argument("--name", default="general-news", help="report name: RESULTS/NAME.md")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    data = find_data(args.data)
    started = time.process_time()
    with tempfile.TemporaryDirectory(prefix="l3s-") as tmp:
        results = run(unpack(data, Path(tmp)), args.limit)
    cpu = time.process_time() - started
    if args.keep:
        with args.keep.open("w", encoding="utf-8") as out:
            for r in results:
                out.write(json.dumps(asdict(r)) + "\n")
    failed = sum(bool(r.failed) and not r.crashed for r in results)
    crashes = [f"{r.name}: {r.failed}" for r in results if r.crashed]
    with_statements = sum(bool(r.statements) for r in results)
    sections = [
        ("Pages", f"{len(results)} pages, {failed} refused by the pipeline, {len(crashes)} crashed, {with_statements} "
                  f"with statements; {sum(len(r.statements) for r in results)} statements; {cpu:.0f} s CPU."
                  + "".join(f"\n- crash: {c}" for c in crashes)),
        ("Leakage: where the statements' words are on the annotated page", leakage_table(results)),
        ("Direct-quotation recall proxy", quote_table(results)),
        ("Speakers", speaker_table(results)),
    ]
    for heading, body in sections:
        print(f"\n## {heading}\n\n{body}")
    if args.show:
        show(results, args.show)
    if not args.no_write:
        path = benchlib.write_report(args.name, "Statements on general news: L3S-GN1, without the model", sections,
                                     results_dir=args.results)
        print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
