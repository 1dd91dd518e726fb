#!/usr/bin/env python3
"""Which real news pages say they are opinion, by which mark, and whose byline then names a writer.

An opinion page's byline names its writer (`pipeline.page_writer`, `authorial.opinion_writer`) when the page
marks itself as opinion: its address (`/opinion/`, `/columnists/` …), a label before its headline
("Opinion: …"), or a label the page gives itself (`CleanArticle.sections`: metadata `article:section`,
`section`, `WT.cg_n`; JSON-LD `articleSection` and `OpinionNewsArticle`; a label line opening the text above
the headline; "Opinion by NAME"). This bench reads the 621 L3S-GN1 pages as `extract run PAGE.html` does
(`url-mapping.txt` gives each page's address) and counts, per mark, the pages that carry it, how many have a
byline, and how many get a writer, with and without the page's own labels; then it lists every page a mark
fires on, so that a mark that also finds news reports shows up. The same pages are also read as pasted
scrapes (the built-in reader's text through the text cleaner), where a menu's last item can sit above the
headline. No model; the pages are unpacked into a temporary folder and never copied.

    python bench/opinion_labels.py                  # -> bench/results/opinion-labels.md (~3 min on a busy machine)
    python bench/opinion_labels.py --data /tmp/l3s  # an unpacked folder
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import benchlib
from benchlib import md_table
from cleaning import find_data, unpack

from extract.errors import ExtractError
from extract.language.authorial import OPINION_LABEL, OPINION_PATH, OPINION_SECTION, opinion_writer
from extract.pipeline import Prepared, page_writer, prepare
from extract.text.cleaning.html import PageReader
from extract.text.cleaning.lines import split_blocks
from extract.text.cleaning.story import clean_blocks
from extract.text.loading import document_from_bytes


def _labels(prepared: Prepared) -> list[str]:
    return [s for s in prepared.article.sections if OPINION_SECTION.fullmatch(s.strip())]


#: Each mark of an opinion page, as `opinion_writer` reads it.
MARKS: dict[str, Callable[[Prepared], bool]] = {
    "address (/opinion/, /columnists/ …)": lambda p: bool(
        p.doc.url and OPINION_PATH.search(p.doc.url.split("?", 1)[0])
    ),
    "label before the headline ('Opinion: …')": lambda p: any(
        OPINION_LABEL.match(line) for line in (p.article.title or "", p.text.split("\n", 1)[0])
    ),
    "the page's own label (metadata, JSON-LD, label line, 'Opinion by')": lambda p: bool(_labels(p)),
}


def _urls(root: Path) -> dict[str, str]:
    mapping = root / "url-mapping.txt"
    if not mapping.exists():
        mapping = next(root.parent.rglob("url-mapping.txt"), mapping)
    urls: dict[str, str] = {}
    for line in mapping.read_text(encoding="utf-8").splitlines():
        key, _, url = line.partition("\t")
        urls[key.strip("<>").rsplit(":", 1)[-1]] = url.strip()
    return urls


@dataclasses.dataclass
class Survey:
    """What `survey` found: counts per (mark, what), the rows to list, every label seen."""

    pages: int = 0
    counts: Counter[tuple[str, str]] = dataclasses.field(default_factory=Counter)
    seen: Counter[str] = dataclasses.field(default_factory=Counter)
    listed: list[list[object]] = dataclasses.field(default_factory=list)
    scrapes: list[list[object]] = dataclasses.field(default_factory=list)


def survey(root: Path) -> Survey:
    """Read every page of `root`/original as `extract run` does, and as a pasted scrape."""
    found = Survey()
    counts = found.counts
    urls = _urls(root)
    for path in sorted((root / "original").glob("*.html")):
        found.pages += 1
        data = path.read_bytes()
        try:
            doc = dataclasses.replace(document_from_bytes(path.name, data), url=urls.get(path.stem))
            prepared = prepare(doc)
        except ExtractError:
            continue
        found.seen.update(prepared.article.sections)
        article = prepared.article
        writer = page_writer(prepared)
        unlabelled = opinion_writer(article.byline, article.url or doc.url, article.title, prepared.text)
        fired = [mark for mark, holds in MARKS.items() if holds(prepared)]
        for mark in fired:
            counts[mark, "pages"] += 1
            counts[mark, "byline"] += bool(article.byline)
            counts[mark, "writer"] += bool(writer)
        counts["any", "pages"] += bool(fired)
        counts["any", "writer"] += bool(writer)
        counts["any", "writer without labels"] += bool(unlabelled)
        if fired:
            found.listed.append([path.stem[:8], (doc.url or "")[:70], "; ".join(fired),
                                 ", ".join(_labels(prepared)), article.byline or "", writer or ""])
        text = PageReader.read(data.decode("utf-8", errors="replace")).text
        try:
            scrape = clean_blocks(split_blocks(text))
        except ExtractError:
            continue
        if scrape.sections:
            found.scrapes.append([path.stem[:8], ", ".join(scrape.sections), scrape.title or "", scrape.byline or ""])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="pages.tar.gz or an unpacked folder (default: ../shared/data)")
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS)
    parser.add_argument("--name", default="opinion-labels", help="report name: RESULTS/NAME.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="l3s-") as tmp:
        found = survey(unpack(find_data(args.data), Path(tmp)))
    counts = found.counts
    rows = [[mark, counts[mark, "pages"], counts[mark, "byline"], counts[mark, "writer"]] for mark in MARKS]
    totals = (f"\n\nPages read: {found.pages}. Marked opinion by any mark: {counts['any', 'pages']}; with a "
              f"writer: {counts['any', 'writer']} (without the page's own labels: "
              f"{counts['any', 'writer without labels']}).")
    sections = [
        ("Pages per mark", md_table(["mark", "pages", "with a byline", "with a writer"], rows) + totals),
        ("Every page a mark fires on (read them: each must be opinion)",
         md_table(["page", "address", "marks", "opinion labels", "byline", "writer"], found.listed)),
        ("Every label the pages give themselves (metadata, JSON-LD, label lines), and how often",
         ", ".join(f"{label} {n}" for label, n in found.seen.most_common()) or "none"),
        ("Read as pasted scrapes: pages whose text cleaner found a label",
         md_table(["page", "labels", "title", "byline"], found.scrapes) if found.scrapes else "none"),
    ]
    path = benchlib.write_report(args.name, "Opinion labels on L3S-GN1 news pages", sections,
                                 results_dir=args.results)
    print(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
