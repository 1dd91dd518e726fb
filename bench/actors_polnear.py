#!/usr/bin/env python3
"""Text-only actors on PolNeAR, beyond the 36 articles with our gold: do the actors cover who speaks?

PolNeAR annotates every attribution's source span ("Spokeswoman Haley Morris", "O'Malley's campaign", "He").
For each source span with a capitalised word other than a pronoun or determiner (a *named* source), this
checks whether the name or an alias of an actor that `build_actors(text, [])` finds from the raw text alone
(no model) occurs in it. The share is a recall proxy for the speakers among the actors on articles the
actor rules were not tuned on (train); it says nothing of precision, so actors per article are printed too.

    python bench/actors_polnear.py [--split train|dev|both] [--name actors-polnear]

Texts are read from the data folder (`../shared/data/polnear` beside the checkout), never copied.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import benchlib
from benchlib import REPO, md_table

sys.path.insert(0, str(REPO))

from extract.language.actors import build_actors
from extract.language.grounding import find_all

DATA = next(
    (p for p in (REPO.parent / "shared" / "data" / "polnear", REPO.parent.parent / "shared" / "data" / "polnear")
     if p.is_dir()),
    REPO.parent / "shared" / "data" / "polnear",
)
#: Capitalised words that do not make a source named: pronouns and determiners at a sentence's start.
UNNAMED = frozenset({"He", "She", "They", "It", "I", "We", "You", "The", "This", "That", "These", "Those", "His",
                     "Her", "Their", "Its", "One", "Some", "Many", "Most", "A", "An", "Others", "Both", "All", "Who",
                     "Which"})


def score_split(data: Path, split: str) -> tuple[int, int, int, int, float]:
    """(articles, named sources, sources holding an actor's name, actors, CPU seconds in build_actors)."""
    root = data / split
    articles = named = covered = actors = 0
    cpu = 0.0
    for ann in sorted((root / "attributions").glob("*.ann")):
        path = root / "text" / (ann.stem.rsplit("_", 1)[0] + ".txt")
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        started = time.process_time()
        drafts = build_actors(text, [], [])
        cpu += time.process_time() - started
        articles += 1
        actors += len(drafts)
        names = [n for d in drafts for n in d.names()]
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[1].startswith("Source "):
                continue
            words = re.findall(r"[A-Z][\w'’.-]*", parts[2])
            if all(w in UNNAMED or re.sub(r"['’]s?$", "", w) in UNNAMED for w in words):
                continue
            named += 1
            covered += any(find_all(parts[2], n) for n in names)
    return articles, named, covered, actors, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", choices=("train", "dev", "both"), default="both")
    parser.add_argument("--data", type=Path, default=DATA, help="the PolNeAR folder (train/, dev/)")
    parser.add_argument("--name", help="also write bench/results/NAME.md")
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS)
    args = parser.parse_args(argv)
    splits = ("train", "dev") if args.split == "both" else (args.split,)
    rows = []
    for split in splits:
        articles, named, covered, actors, cpu = score_split(args.data, split)
        rows.append((split, articles, named, covered, f"{covered / max(1, named):.3f}",
                     f"{actors / max(1, articles):.1f}", f"{1000 * cpu / max(1, articles):.2f}"))
    table = md_table(["split", "articles", "named sources", "holding an actor's name", "share",
                      "actors / article", "build_actors ms / article"], rows)
    print(table)
    if args.name:
        path = benchlib.write_report(args.name, "Text-only actors against PolNeAR's attribution sources",
                                     [("Named sources covered (recall proxy; no precision)", table)],
                                     results_dir=args.results)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
