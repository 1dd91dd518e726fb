#!/usr/bin/env python3
"""Which route proposed each accusation the judge accepted, and whether the gold says it was right.

    python bench/proposed_by.py --gold bench/real/gold --gold bench/real/general \\
        --base-url URL --model NAME [--mode llama-schema] [--all]

Runs the pipeline in-process on every article of each gold folder (answers come from the response cache when
the requests are unchanged) and keeps every accusation `allegations.judge` returns, with its route
(`Accusation.proposed_by`: the model's label, ill words about a clause's subject, a shape of the sentence, the
second look). Each (accuser, accused) pair is `right` when a gold allegation has the accuser among its accusers,
the accused among its accused and a claim the statement's words match (`evaluation._claim_score`), else `wrong`.
A route that is wrong more often than right is one to ask the model about before keeping. `--all` prints each
pair with its statement (terminal only: the words are the articles'); refused on the blind held-out sets.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from types import SimpleNamespace
from typing import Any

from benchlib import replay_arguments, replayed
from real.check_gold import DEFAULT_DATA

import extract.pipeline as pipeline
from extract.language.allegations import Accusation, judge
from extract.output.evaluation import _claim_score, _resolve, normalize_name
from extract.output.gold import Gold

_accepted: list[Accusation] = []


def _traced_judge(*args: Any, **kwargs: Any) -> Accusation | None:
    verdict = judge(*args, **kwargs)
    if verdict is not None:
        _accepted.append(verdict)
    return verdict


def _who(draft: Any, gold_names: list[list[str]]) -> frozenset[int]:
    return _resolve(SimpleNamespace(name=draft.name, aliases=draft.aliases), gold_names)  # type: ignore[arg-type]


def scored_pairs(text: str, gold: Gold) -> list[tuple[str, str, str]]:
    """(route, verdict, line) per accepted (accuser, accused) pair of the last article."""
    gold_names = [[n for n in map(normalize_name, (a.name, *a.aliases)) if n] for a in gold.actors]
    number = {a.name: i for i, a in enumerate(gold.actors)}
    out = []
    for acc in _accepted:
        said = text[acc.statement.span[0] : acc.statement.span[1]]
        for accuser in acc.accusers:
            for draft in acc.accused:
                sides = _who(accuser, gold_names), _who(draft, gold_names)
                hit = any(sides[0] & {number[n] for n in ga.accuser} and sides[1] & {number[n] for n in ga.accused}
                          and _claim_score(said, ga) for ga in gold.allegations)
                line = f"{gold.file}: {accuser.name} -> {draft.name}: {' '.join(said.split())[:300]}"
                out.append((acc.proposed_by, "right" if hit else "wrong", line))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Accusations the judge accepts, by route, right or wrong by the gold.")
    args = replay_arguments(parser, DEFAULT_DATA, "print each pair with its statement (terminal only)", argv)
    pipeline.judge = _traced_judge  # type: ignore[attr-defined]  # the pipeline calls it by this name
    pairs: list[tuple[str, str, str]] = []
    totals = Counter[str]()
    for gold, record, score in replayed(args, _accepted.clear):
        totals.update(tp=score.tp, fp=score.fp, fn=score.fn)
        pairs += scored_pairs(record.text, gold)
    print(f"allegations TP {totals['tp']} FP {totals['fp']} FN {totals['fn']} over {', '.join(map(str, args.gold))}")
    count = Counter((route, verdict) for route, verdict, _ in pairs)
    print("| route | right | wrong |\n| :-- | --: | --: |")
    for route in sorted({r for r, _, _ in pairs}, key=lambda r: -count[(r, "right")] - count[(r, "wrong")]):
        print(f"| {route} | {count[(route, 'right')]} | {count[(route, 'wrong')]} |")
    if args.all:
        for route, verdict, line in sorted(pairs):
            print(f"[{route}; {verdict}] {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
