#!/usr/bin/env python3
"""Why allegations are wrong: each false positive of `extract eval` put in one error class, and odd actors.

    python bench/allegation_errors.py OUT.jsonl --gold bench/real/gold

The classes are those of issue 12, decided from the gold alone (first that applies):

- `accused not a gold actor`: the accused is no actor the annotator listed (a headline fragment, a common noun);
- `direction reversed`: a gold allegation has this accuser as accused and this accused as accuser;
- `victim or bystander accused`: the accused is a gold actor that no gold allegation of the article accuses;
- `accuser not a gold actor`: who accuses is no listed actor;
- `not an accusation`: accuser and accused are plausible but the claim matches no gold claim of the article
  (a denial, reassurance, call to action, warning to all, neutral fact);
- `wrong pairing`: the claim is a gold claim, but not by this accuser against this accused.

Actors that match no gold actor are counted apart: `headline only` (every mention is in the first line),
`not capitalised` (no word of the name starts with a capital), `other` (a name the gold does not list).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from extract.language.categories import supported_by_words
from extract.output.evaluation import _claim_score, _resolve, evaluate, normalize_name
from extract.output.gold import Gold, load_golds
from extract.output.records import Record, load_records
from schemas import ArticleRecord

CLASSES = (
    "accused not a gold actor",
    "direction reversed",
    "victim or bystander accused",
    "accuser not a gold actor",
    "not an accusation",
    "wrong pairing",
)
ACTOR_CLASSES = ("headline only", "not capitalised", "other")


def classify(record: ArticleRecord, gold: Gold, spurious: set[str], with_claims: bool = False) -> list[tuple[str, str]]:
    """(class, one-line description) of each spurious allegation of one record.

    Claims are the article's own words: reports written into the repository leave them out (`with_claims`
    False), since the corpus texts must not be copied there.
    """
    gold_names = [[n for n in map(normalize_name, (a.name, *a.aliases)) if n] for a in gold.actors]
    number = {a.name: i for i, a in enumerate(gold.actors)}
    who = {a.id: _resolve(a, gold_names) for a in record.actors}
    name = {a.id: a.name for a in record.actors}
    pairs = [({number[n] for n in g.accuser}, {number[n] for n in g.accused}) for g in gold.allegations]
    ever_accused = {i for _, accused in pairs for i in accused}
    out = []
    for al in record.allegations:
        if al.id not in spurious:
            continue
        accusers = {g for a in al.accusers for g in who.get(a, ())}
        accused = {g for a in al.accused for g in who.get(a, ())}
        if not accused:
            kind = "accused not a gold actor"
        elif any(accusers & acc and accused & acr for acr, acc in pairs):
            kind = "direction reversed"
        elif not accused & ever_accused:
            kind = "victim or bystander accused"
        elif not accusers:
            kind = "accuser not a gold actor"
        elif not any(_claim_score(al.claim, g) for g in gold.allegations):
            kind = "not an accusation"
        else:
            kind = "wrong pairing"
        line = (f"{Path(record.source.path).name} {al.id}: {', '.join(name[a] for a in al.accusers)} -> "
                f"{', '.join(name[a] for a in al.accused)} [{al.category}]")
        out.append((kind, line + (f": {al.claim[:110]}" if with_claims else "")))
    return out


def odd_actors(record: ArticleRecord, gold: Gold) -> list[tuple[str, str]]:
    """(class, name) of each actor that resolves to no gold actor."""
    gold_names = [[n for n in map(normalize_name, (a.name, *a.aliases)) if n] for a in gold.actors]
    headline_end = record.text.find("\n")
    headline_end = len(record.text) if headline_end < 0 else headline_end
    out = []
    for actor in record.actors:
        if _resolve(actor, gold_names):
            continue
        if not any(c.isupper() for c in actor.name):
            kind = "not capitalised"
        elif actor.mentions and all(e <= headline_end for _, e in actor.mentions):
            kind = "headline only"
        else:
            kind = "other"
        out.append((kind, f"{Path(record.source.path).name}: {actor.name} ({actor.kind})"))
    return out


def analyse(records: Sequence[Record], golds: Sequence[Gold], with_claims: bool = False) -> dict[str, Any]:
    """Counts and examples per class, with the eval figures for allegations and actors."""
    report = evaluate(records, golds)
    index = {name: g for g in golds for name in g.applies_to}
    by_path = {r.source.path: r for r in records}
    errors: list[tuple[str, str]] = []
    actors: list[tuple[str, str]] = []
    categories: Counter[str] = Counter()
    unsupported = 0
    for art in report.articles:
        record = by_path[art.path]
        if not isinstance(record, ArticleRecord):
            continue
        gold = index[Path(art.path).name]
        errors += classify(record, gold, set(art.scores["allegations"].spurious), with_claims)
        actors += odd_actors(record, gold)
        categories.update(al.category for al in record.allegations)
        unsupported += sum(1 for al in record.allegations if not supported_by_words(al.category, al.claim))
    overall = report.overall
    return {"allegations": overall["allegations"], "actors": overall["actors"], "errors": errors,
            "odd_actors": actors, "categories": categories, "unsupported": unsupported,
            "missed": [m for a in report.articles for m in a.scores["allegations"].missed]}


#: What the examples column says of a blind set's report: counts only, so that no error of a blind set is read.
BLIND_EXAMPLES = "(blind: examples not written)"


def render(result: dict[str, Any], examples: int = 3) -> str:
    """Markdown: the error classes with counts and a few examples, odd actors, categories given.

    `examples=0` writes counts only (a blind set's report, `BLIND_EXAMPLES`).
    """
    al, ac = result["allegations"], result["actors"]
    lines = [
        f"allegations: P {al.precision:.2f} R {al.recall:.2f} F1 {al.f1:.2f} (TP {al.tp}, FP {al.fp}, FN {al.fn}); "
        f"actors: P {ac.precision:.2f} R {ac.recall:.2f} F1 {ac.f1:.2f}",
        "",
        "| false positives by class | count | examples |",
        "| :-- | --: | :-- |",
    ]
    count = Counter(kind for kind, _ in result["errors"])
    for kind in CLASSES:
        shown = [line for k, line in result["errors"] if k == kind][:examples]
        lines.append(f"| {kind} | {count[kind]} | {_examples(shown, examples)} |")
    lines += ["", "| actors matching no gold actor | count | examples |", "| :-- | --: | :-- |"]
    count = Counter(kind for kind, _ in result["odd_actors"])
    for kind in ACTOR_CLASSES:
        shown = [line for k, line in result["odd_actors"] if k == kind][: examples * 2]
        lines.append(f"| {kind} | {count[kind]} | {_examples(shown, examples)} |")
    cats = ", ".join(f"{c} {n}" for c, n in result["categories"].most_common())
    total = sum(result["categories"].values())
    lines += ["", f"categories given: {cats or 'none'}",
              "", f"allegations whose category is not `other` and whose claim has none of its words (word lists of "
                  f"extract/language/categories.py): {result['unsupported']} of {total}"]
    return "\n".join(lines)


def _examples(shown: list[str], examples: int) -> str:
    return "<br>".join(s.replace("|", "/") for s in shown) if examples else BLIND_EXAMPLES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Allegation false positives by error class, and odd actors.")
    parser.add_argument("records", type=Path, help="JSONL written by `extract run`")
    parser.add_argument("--gold", type=Path, required=True, help="folder of *.gold.json")
    parser.add_argument("--all", action="store_true",
                        help="every error with its claim, and every miss (terminal only: claims quote articles)")
    args = parser.parse_args(argv)
    result = analyse(load_records(args.records), load_golds(args.gold), with_claims=args.all)
    print(render(result, examples=10**6 if args.all else 3))
    if args.all:
        print("\nmissed gold allegations:")
        print("\n".join(f"- {m}" for m in result["missed"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
