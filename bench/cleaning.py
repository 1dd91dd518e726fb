#!/usr/bin/env python3
"""How well the HTML cleaning keeps a real news page's story: L3S-GN1, beside plain trafilatura.

L3S-GN1 (Kohlschütter et al., WSDM 2010) holds 621 news pages from 408 sites, each annotated block by block
(`<span class="x-nc-selN">`: 1 headline, 2 full text, 3 supplemental, 4 related, 5 comments, 0 boilerplate).
The gold body of a page is its headline and full-text blocks. Three systems read the original page:

- **extract**: what `extract run PAGE.html` gives the model (`loading.load_document` then `pipeline.prepare`,
  i.e. `cleaning.clean_html`: trafilatura, then the block cleaner);
- **trafilatura**: `trafilatura.extract` with the options `clean_html` passes it (no comments, tables or
  images, no deduplication);
- **trafilatura precision**: the same with `favor_precision=True`.

Each body is scored as in the scrapinghub article-extraction benchmark with single words as shingles
(bag-of-words overlap): tokens are `\\w+` runs, counted with multiplicity; precision = shared / extracted,
recall = shared / gold. A page a system returns nothing for scores 0 / 0 / 0. Pages where extract's F1 is
more than 0.05 below trafilatura's are listed by cause: the kind of block (as the cleaner labelled it) that
cost the most gold words.

The pages are unpacked into a temporary folder and never copied into the repository.

    python bench/cleaning.py                                   # all 621 pages (~5-10 min on 2 busy cores)
    python bench/cleaning.py --limit 50 --worst 10             # a quick look, with the 10 worst pages
    python bench/cleaning.py --data /path/to/l3s-gn1/pages.tar.gz --keep /tmp/l3s-scores.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import benchlib
from benchlib import REPO, fmt, md_table

from extract.errors import ExtractError
from extract.pipeline import prepare
from extract.text.cleaning.classify import classify_all
from extract.text.cleaning.lines import split_blocks
from extract.text.cleaning.story import best_run
from extract.text.loading import document_from_bytes

SYSTEMS = ("extract", "trafilatura", "trafilatura precision")
TITLED = "extract, title + body"  # what the record holds: the headline goes to `title`, not into the text
GOLD_CLASSES = ("x-nc-sel1", "x-nc-sel2")  # headline, full text
WORSE = 0.05
_TOKEN = re.compile(r"\w+")
_DEFAULT_DATA = [
    REPO.parent / "shared" / "data" / "l3s-gn1" / "pages.tar.gz",
    REPO.parent.parent / "shared" / "data" / "l3s-gn1" / "pages.tar.gz",
]


# --- scoring ------------------------------------------------------------------------------------------


def tokens(text: str) -> Counter[str]:
    """The bag of words of a text: `\\w+` runs with their counts."""
    return Counter(_TOKEN.findall(text))


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, predicted: Counter[str], gold: Counter[str]) -> Score:
        """Bag-of-words overlap; nothing extracted scores 0 / 0 / 0."""
        shared = sum((predicted & gold).values())
        n_pred, n_gold = sum(predicted.values()), sum(gold.values())
        if not n_pred or not n_gold or not shared:
            return cls(0.0, 0.0, 0.0)
        p, r = shared / n_pred, shared / n_gold
        return cls(p, r, 2 * p * r / (p + r))


# --- the data -----------------------------------------------------------------------------------------


def gold_body(annotated_html: str) -> str:
    """Headline and full-text blocks of an annotated page, in page order, one per line."""
    import lxml.html

    root = lxml.html.fromstring(annotated_html)
    parts: list[str] = []
    for span in root.iter("span"):
        classes = (span.get("class") or "").split()
        if not any(c in GOLD_CLASSES for c in classes):
            continue
        if any(c in GOLD_CLASSES for a in span.iterancestors("span") for c in (a.get("class") or "").split()):
            continue  # inside a selected span already counted
        parts.append(span.text_content())
    return "\n".join(parts)


def find_data(given: Path | None) -> Path:
    """The L3S-GN1 tarball (or an unpacked folder) from --data or the shared data folder."""
    candidates = [given] if given else _DEFAULT_DATA
    for path in candidates:
        if path is not None and path.exists():
            return path
    sys.exit(f"L3S-GN1 not found (tried {', '.join(map(str, candidates))}); pass --data PATH")


def unpack(data: Path, into: Path) -> Path:
    """A folder holding original/ and annotated/: the given folder, or the tarball unpacked into `into`."""
    if data.is_dir():
        return data
    with tarfile.open(data) as tar:
        tar.extractall(into, filter="data")
    root = next((p.parent for p in into.rglob("annotated") if p.is_dir()), None)
    if root is None:
        sys.exit(f"{data}: no annotated/ folder inside")
    return root


# --- the systems --------------------------------------------------------------------------------------


def _trafilatura(favor_precision: bool) -> Callable[[str], str]:
    import trafilatura

    def run(html: str) -> str:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, include_images=False,
                                   deduplicate=False, favor_precision=favor_precision)
        return text or ""

    return run


def _extract(html: str) -> tuple[str, str]:
    """The text `extract run` gives the model, and the title it puts in the record."""
    doc = document_from_bytes("page.html", html.encode("utf-8"), html=True)
    try:
        prepared = prepare(doc)
    except ExtractError:
        return "", ""
    return prepared.text, prepared.article.title or ""


# --- why extract lost words -----------------------------------------------------------------------------


def cause(html: str, plain: str, ours: str, gold: Counter[str]) -> str:
    """The kind of block extract cut from trafilatura's text that held the most gold words.

    Uses the cleaner's own labels (private helpers: a diagnosis, not an API), so the names follow the
    version under test.
    """
    if not plain.strip():
        return "trafilatura found nothing; built-in reader"
    blocks = split_blocks(plain)
    labelled = classify_all(blocks)
    start, end, _ = best_run(labelled)
    kept = set(ours.split("\n\n"))
    lost: Counter[str] = Counter()
    for i, block in enumerate(labelled):
        if block.text in kept:
            continue
        where = "before the story" if i < start else "after the story" if i >= end else "inside the story"
        lost[f"{block.kind.value} {where}"] += sum((tokens(block.text) & gold).values())
    if not lost or max(lost.values()) == 0:
        return "extract kept words trafilatura did not (built-in reader)" if ours else "nothing kept"
    return lost.most_common(1)[0][0]


# --- the run ------------------------------------------------------------------------------------------


@dataclass
class Page:
    name: str
    gold_words: int
    scores: dict[str, Score] = field(default_factory=dict)
    empty: set[str] = field(default_factory=set)  # systems that returned no text
    cause: str = ""


def run(root: Path, limit: int | None) -> tuple[list[Page], dict[str, float]]:
    systems: dict[str, Callable[[str], str]] = {
        "trafilatura": _trafilatura(False),
        "trafilatura precision": _trafilatura(True),
    }
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    pages: list[Page] = []
    names = sorted(p.name for p in (root / "annotated").glob("*.html"))[:limit]
    for n, name in enumerate(names, 1):
        gold_doc = document_from_bytes(name, (root / "annotated" / name).read_bytes(), html=True)
        gold = tokens(gold_body(gold_doc.raw))
        if not gold:
            continue
        html = document_from_bytes(name, (root / "original" / name).read_bytes(), html=True).raw
        page = Page(name, sum(gold.values()))
        started = time.perf_counter()
        texts: dict[str, str] = {}
        texts["extract"], title = _extract(html)
        seconds["extract"] += time.perf_counter() - started
        page.scores["extract"] = Score.of(tokens(texts["extract"]), gold)
        page.scores[TITLED] = Score.of(tokens(f"{title}\n{texts['extract']}"), gold)
        for system, extract in systems.items():
            started = time.perf_counter()
            texts[system] = extract(html)
            seconds[system] += time.perf_counter() - started
            page.scores[system] = Score.of(tokens(texts[system]), gold)
        page.empty = {system for system, text in texts.items() if not text.strip()}
        if page.scores["extract"].f1 < page.scores["trafilatura"].f1 - WORSE:
            page.cause = cause(html, texts["trafilatura"], texts["extract"], gold)
        pages.append(page)
        if n % 50 == 0:
            print(f"  {n}/{len(names)} pages", file=sys.stderr, flush=True)
    return pages, seconds


def summary_table(pages: Sequence[Page]) -> str:
    rows = []
    for system in (*SYSTEMS, TITLED):
        scores = [page.scores[system] for page in pages]
        row: list[object] = [system]
        for pick in ("precision", "recall", "f1"):
            values = [getattr(s, pick) for s in scores]
            row += [fmt(statistics.fmean(values)), fmt(statistics.median(values))]
        rows.append([*row, sum(system in page.empty for page in pages) if system in SYSTEMS else "–"])
    headers = ["system", "P mean", "P median", "R mean", "R median", "F1 mean", "F1 median", "pages with no text"]
    return md_table(headers, rows)


def comparison(pages: Sequence[Page]) -> str:
    worse = [p for p in pages if p.scores["extract"].f1 < p.scores["trafilatura"].f1 - WORSE]
    better = [p for p in pages if p.scores["extract"].f1 > p.scores["trafilatura"].f1 + WORSE]
    same = sum(1 for p in pages if p.scores["extract"] == p.scores["trafilatura"])
    lines = [
        f"- pages scored: {len(pages)} (gold words per page: median "
        f"{statistics.median(p.gold_words for p in pages):.0f})",
        f"- extract identical to trafilatura: {same} pages",
        f"- extract worse than trafilatura by more than {WORSE} F1: **{len(worse)}** pages",
        f"- extract better than trafilatura by more than {WORSE} F1: {len(better)} pages",
    ]
    if worse:
        counts = Counter(p.cause for p in worse)
        lines += ["", "Worse pages by cause (the kind of cut block that held the most gold words):", "",
                  md_table(["cause", "pages"], counts.most_common())]
    return "\n".join(lines)


def worst_table(pages: Sequence[Page], n: int) -> str:
    ranked = sorted(pages, key=lambda p: p.scores["extract"].f1 - p.scores["trafilatura"].f1)[:n]
    rows = [[p.name[:8], fmt(p.scores["trafilatura"].f1), fmt(p.scores["extract"].f1),
             fmt(p.scores["extract"].f1 - p.scores["trafilatura"].f1), p.cause or "–"] for p in ranked]
    return md_table(["page", "trafilatura F1", "extract F1", "Δ", "cause"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="pages.tar.gz or an unpacked folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, help="score only the first N pages (sorted by name)")
    parser.add_argument("--worst", type=int, default=15, help="list the N pages extract loses most on")
    parser.add_argument("--keep", type=Path, help="write per-page scores here as JSONL")
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS, help="folder for cleaning.md")
    parser.add_argument("--name", default="cleaning", help="report name: RESULTS/NAME.md (default cleaning)")
    args = parser.parse_args()

    data = find_data(args.data)
    with tempfile.TemporaryDirectory(prefix="l3s-") as tmp:
        root = unpack(data, Path(tmp))
        started = time.perf_counter()
        pages, seconds = run(root, args.limit)
        wall = time.perf_counter() - started
    if not pages:
        sys.exit("no annotated page with a headline or full text found")

    if args.keep:
        with args.keep.open("w", encoding="utf-8") as out:
            for page in pages:
                row = {"page": page.name, "gold_words": page.gold_words, "cause": page.cause,
                       **{s: vars(page.scores[s]) for s in (*SYSTEMS, TITLED)}}
                out.write(json.dumps(row) + "\n")

    timing = md_table(["system", "seconds per page"],
                      [[s, f"{seconds[s] / len(pages):.3f}"] for s in SYSTEMS])
    note = (f"\n\n`{TITLED}` is not a system of its own: it scores the record's `title` and text together, "
            "since the cleaner moves a headline it finds above the story out of the text and into `title`, "
            "which the gold counts as body.")
    sections = [
        ("Body words against the gold (headline + full text)", summary_table(pages) + note),
        ("extract against plain trafilatura, page by page", comparison(pages)),
        (f"The {args.worst} pages where extract loses most", worst_table(pages, args.worst)),
        ("Time", timing + f"\n\nWall {wall:.0f} s for {len(pages)} pages, on a CPU shared with other jobs: "
         "the seconds are inflated and only their ratio means something. `extract` includes trafilatura "
         "(text and metadata) and the built-in reader."),
    ]
    for heading, body in sections:
        print(f"\n## {heading}\n\n{body}")
    path = benchlib.write_report(args.name, "Cleaning: L3S-GN1 news pages, extract beside trafilatura", sections,
                                 results_dir=args.results)
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
