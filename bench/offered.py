#!/usr/bin/env python3
"""Actors and offered names on many PolNeAR articles, without the model: what a rule about names changes.

A statement can only be charged against the names offered for it (`offering.mentioned_in`), and only an actor
can accuse. This runs `pipeline.plan` up to its first model request on each article (no model is asked) and
writes, per article, its actors (name, kind, aliases, mentions) and each statement's speaker and offered names.
`--diff BEFORE.jsonl` then prints what changed against an earlier dump: actors gained and lost, statements
whose speaker or offered names changed, with the statement's words (terminal only, never committed).

    python bench/offered.py --split train -o /tmp/after.jsonl [--diff /tmp/before.jsonl] [--show 40]

`--gold DIR` (repeatable: bench/real/gold, holdout, holdout2, the opened dev sets; never a blind set) measures
instead the offered recall: of the required gold allegations whose claim some statement of a gold accuser
matches, how many have a gold accused among the names offered for one of those statements; and what offering
costs: names offered per statement (each one the model may pick wrongly). `--all` prints each unoffered one.

    python bench/offered.py --gold bench/real/gold --gold bench/real/holdout --gold bench/real/holdout2 -o /tmp/o.jsonl
    python bench/offered.py --gold bench/real/general --pages /tmp/l3s/original -o /tmp/g.jsonl
    python bench/offered.py --pages /tmp/l3s/original -o /tmp/l3s.jsonl [--diff …]   # all L3S pages less the blind

The PolNeAR train articles that are in a held-out set are skipped by --split. Texts are read from the data folder.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from benchlib import REPO, blind_pages, held_out_articles, is_blind

sys.path.insert(0, str(REPO))

import extract.pipeline as pipeline
from extract.language.descriptions import find_references
from extract.language.offering import mentioned_in
from extract.model.prompting import load_prompts
from extract.output.evaluation import _claim_score, _resolve, normalize_name
from extract.output.gold import Gold, load_golds
from extract.text.loading import load_document

DATA = next(
    (
        p
        for p in (REPO.parent / "shared" / "data" / "polnear", REPO.parent.parent / "shared" / "data" / "polnear")
        if p.is_dir()
    ),
    REPO.parent / "shared" / "data" / "polnear",
)
#: PolNeAR articles that a held-out set holds: never looked at.
HELD_OUT = held_out_articles()


def offered(path: Path) -> dict[str, Any]:
    """One article's actors and, per statement, its speaker and the names offered for it."""
    prepared = pipeline.prepare(load_document(path))
    text = prepared.text
    seen: dict[str, Any] = {"statements": []}
    original, references = mentioned_in, find_references

    def referring(text: str, drafts: Any, **kwargs: Any) -> Any:
        seen["actors"] = drafts
        return references(text, drafts, **kwargs)

    def recording(text: str, st: Any, drafts: Any, *args: Any, **kwargs: Any) -> Any:
        found = original(text, st, drafts, *args, **kwargs)
        seen["statements"].append(
            {
                "span": list(st.span),
                "speaker": st.speaker.name,
                "named": [d.name for d in found],
                "speaker_aliases": list(st.speaker.aliases),
                "words": " ".join(text[st.span[0] : st.span[1]].split())[:200],
            }
        )
        return found

    pipeline.mentioned_in = recording  # type: ignore[attr-defined]
    pipeline.find_references = referring  # type: ignore[attr-defined]
    try:
        steps = pipeline.plan(text, load_prompts(), [], writer=pipeline.page_writer(prepared))
        next(steps, None)
        steps.close()
    finally:
        pipeline.mentioned_in = original  # type: ignore[attr-defined]
        pipeline.find_references = references  # type: ignore[attr-defined]
    actors = [
        {"name": d.name, "kind": d.kind, "aliases": list(d.aliases), "mentions": len(d.mentions)}
        for d in seen.get("actors", [])
    ]
    return {"article": path.name, "actors": actors, "statements": seen["statements"]}


def offered_recall(gold: Gold, row: dict[str, Any], text: str) -> tuple[int, int, list[str]]:
    """Of the gold's required allegations that a gold accuser's statement matches: (offered, all, unoffered lines).

    A statement matches when its words match the claim (`evaluation._claim_score`, as the scorer matches) and
    its speaker is a gold accuser; the allegation is offered when a gold accused is among its offered names.
    """
    gold_names = [[n for n in map(normalize_name, (a.name, *a.aliases)) if n] for a in gold.actors]
    number = {a.name: i for i, a in enumerate(gold.actors)}
    aliases = {a["name"]: a["aliases"] for a in row["actors"]}

    def who(name: str, more: list[str] | None = None) -> frozenset[int]:
        actor = SimpleNamespace(name=name, aliases=aliases.get(name, more or []))
        return _resolve(actor, gold_names)  # type: ignore[arg-type]

    hits, total, lines = 0, 0, []
    for ga in (a for a in gold.allegations if a.required):
        accusers, accused = {number[n] for n in ga.accuser}, {number[n] for n in ga.accused}
        said = [
            s
            for s in row["statements"]
            if _claim_score(text[s["span"][0] : s["span"][1]], ga)
            and who(s["speaker"], s["speaker_aliases"]) & accusers
        ]
        if not said:
            continue
        total += 1
        if any(who(n) & accused for s in said for n in s["named"]):
            hits += 1
        else:
            lines.append(
                f"{gold.file}: {', '.join(ga.accuser)} -> {', '.join(ga.accused)}: {ga.claim[:90]}"
                + "".join(f"\n    [{s['speaker']}] {s['named']} {s['words'][:160]}" for s in said)
            )
    return hits, total, lines


def gold_recall(dirs: list[Path], output: Path, show_all: bool, pages: Path | None = None) -> None:
    """The offered recall over gold sets, with names offered per statement (`--gold`; `pages`: L3S pages)."""
    rows = []
    started = time.process_time()
    print(
        "| set | allegations a gold accuser's statement matches | accused offered | recall "
        "| statements | names offered | per statement |\n| :-- | --: | --: | --: | --: | --: | --: |"
    )
    sums = [0, 0, 0, 0]
    unoffered: list[str] = []
    for folder in dirs:
        hits = total = statements = offers = 0
        for gold in load_golds(folder):
            for name in gold.applies_to:
                folders = [pages] if pages is not None else [DATA / sp / "text" for sp in ("dev", "train")]
                path = next((p for folder in folders if (p := folder / name).is_file()), None)
                if path is None:
                    continue
                row = offered(path)
                rows.append(row)
                text = pipeline.prepare(load_document(path)).text
                h, t, lines = offered_recall(gold, row, text)
                hits, total, unoffered = hits + h, total + t, unoffered + lines
                statements += len(row["statements"])
                offers += sum(len(s["named"]) for s in row["statements"])
        for i, n in enumerate((hits, total, statements, offers)):
            sums[i] += n
        print(
            f"| {folder.name} | {total} | {hits} | {hits / max(total, 1):.2f} | {statements} | {offers} "
            f"| {offers / max(statements, 1):.2f} |"
        )
    hits, total, statements, offers = sums
    print(
        f"| all | {total} | {hits} | {hits / max(total, 1):.2f} | {statements} | {offers} "
        f"| {offers / max(statements, 1):.2f} |"
    )
    print(f"({time.process_time() - started:.1f} s CPU)")
    with output.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(r) + "\n" for r in rows)
    if show_all:
        print("\n".join(unoffered))


def diff(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]], show: int, seed: int) -> None:
    """Counts of what changed, and a random sample of the changes."""
    gained: list[str] = []
    lost: list[str] = []
    changed: list[str] = []
    for name, new in after.items():
        old = before.get(name)
        if old is None:
            continue
        old_actors = {a["name"]: a for a in old["actors"]}
        new_actors = {a["name"]: a for a in new["actors"]}
        gained += [
            f"{name}: + {a['name']} ({a['kind']}) {a['aliases']}" for n, a in new_actors.items() if n not in old_actors
        ]
        lost += [
            f"{name}: - {a['name']} ({a['kind']}) {a['aliases']}" for n, a in old_actors.items() if n not in new_actors
        ]
        lost += [
            f"{name}: ~ {n} aliases {old_actors[n]['aliases']} -> {a['aliases']}"
            for n, a in new_actors.items()
            if n in old_actors and old_actors[n]["aliases"] != a["aliases"]
        ]
        olds = {tuple(s["span"]): s for s in old["statements"]}
        for st in new["statements"]:
            was = olds.get(tuple(st["span"]))
            if was is not None and (was["named"] != st["named"] or was["speaker"] != st["speaker"]):
                changed.append(
                    f"{name}: [{was['speaker']} -> {st['speaker']}] {was['named']} -> {st['named']}\n    {st['words']}"
                )
    rng = random.Random(seed)
    for title, lines in (("actors gained", gained), ("actors lost or changed", lost), ("statements changed", changed)):
        print(f"## {title}: {len(lines)}")
        for line in sorted(rng.sample(lines, min(show, len(lines)))):
            print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Actors and offered names per article, without the model.")
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--diff", type=Path, help="an earlier dump to compare with")
    parser.add_argument("--show", type=int, default=40, help="changes sampled per kind (with --diff)")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--gold", type=Path, action="append", help="a gold folder: measure the offered recall")
    parser.add_argument("--all", action="store_true", help="with --gold: print each allegation not offered")
    parser.add_argument("--pages", type=Path,
                        help="L3S pages (/tmp/l3s/original): with --gold the pages of bench/real/general, else all "
                        "but the blind set's, instead of --split")
    args = parser.parse_args(argv)
    if args.gold:
        if any(map(is_blind, args.gold)):
            parser.error("prints the allegations it misses: not on a blind held-out set")
        gold_recall(args.gold, args.output, args.all, args.pages)
        if args.diff:
            before = {r["article"]: r for r in map(json.loads, args.diff.read_text(encoding="utf-8").splitlines())}
            after = {r["article"]: r for r in map(json.loads, args.output.read_text(encoding="utf-8").splitlines())}
            diff(before, after, args.show, seed=0)
        return 0
    if args.pages:  # L3S-GN1: every page but those of the blind general-news set
        paths = [p for p in sorted(args.pages.glob("*.html")) if p.name not in blind_pages()]
    else:
        paths = [p for p in sorted((DATA / args.split / "text").glob("*.txt")) if p.stem not in HELD_OUT]
    paths = paths[: args.limit] if args.limit else paths
    started = time.process_time()
    rows = [offered(p) for p in paths]
    with args.output.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(r) + "\n" for r in rows)
    statements = sum(len(r["statements"]) for r in rows)
    offers = sum(len(s["named"]) for r in rows for s in r["statements"])
    print(
        f"{len(rows)} articles, {sum(len(r['actors']) for r in rows)} actors, {statements} statements, "
        f"{offers} names offered ({time.process_time() - started:.1f} s CPU)"
    )
    if args.diff:
        before = {r["article"]: r for r in map(json.loads, args.diff.read_text(encoding="utf-8").splitlines())}
        diff(before, {r["article"]: r for r in rows}, args.show, seed=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
